"""Exact generator: blocks of small MILPs over cell counts, then rank-matched assignment.

A *cell* is a combination of attribute values (sector, innovated, climate score, ...) with
an integer count (a MILP variable, or a constant once an earlier block fixed it). Any
published row whose variable and group variable are attributes of a block's cells is
written as a linear constraint on those counts (pct with rounding half up, n, count,
mean and sd with S^2 linearised). Counts are then spread over respondents in the order of
a latent propensity score, which creates the (assumed) associations the report describes.
"""
from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

import numpy as np
import pandas as pd

from . import N
from .codebook_io import Codebook
from .milp import Infeasible, Model, lin
from .targets import Row, load_conflicts, load_rows, row_expected_to_pass

NAN = float("nan")
UNIT = {"climate_scale": 6, "conditions_scale": 3, "human_capital": 3}
SCALE_ITEMS = {
    "climate_scale": ["climate_ideas", "climate_opportunities", "climate_risks", "climate_mistakes",
                      "climate_evaluate", "climate_share"],
    "conditions_scale": ["cond_management", "cond_political", "cond_time"],
}
# fallback frame (Tabel B1-1 / B1-8) when figures.csv is not there yet
SECTOR_N = {
    2025: {1: 89, 2: 94, 3: 2, 4: 43, 5: 6, 6: 11, 7: 58, 8: 11, 9: 33},
    2021: {1: 85, 2: 110, 3: 4, 4: 26, 5: 3, 6: 14, 7: 76, 8: 12, 9: 36},
}
# Assumption A10: size classes by sector (shares small / medium / large)
SIZE_SHARES = {1: (0.25, 0.55, 0.20), 2: (0.55, 0.40, 0.05), 3: (0.5, 0.5, 0.0), 4: (0.55, 0.40, 0.05),
               5: (0.0, 0.50, 0.50), 6: (0.35, 0.50, 0.15), 7: (0.10, 0.45, 0.45), 8: (0.0, 0.75, 0.25),
               9: (0.30, 0.45, 0.25)}


def isnan(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def strong_limited(cb: Codebook):
    th = cb.derived["climate_cluster"]["thresholds"]
    return Fraction(str(th["strong_min"])), Fraction(str(th["limited_below"]))


def cluster_of(score, strong, limited):
    if isnan(score):
        return NAN
    s = Fraction(score)
    return 1 if s >= strong else (3 if s < limited else 2)


class Cell:
    __slots__ = ("attrs", "expr")

    def __init__(self, attrs: dict, expr: dict):
        self.attrs = attrs
        self.expr = expr


class Engine:
    def __init__(self, cb: Codebook, year: int, seed: int):
        self.cb, self.year, self.seed = cb, year, seed
        self.rng = np.random.default_rng(seed * 7919 + year)
        self.rows = [r for r in load_rows(year)]
        self.conflicts = load_conflicts()
        for r in self.rows:
            if r.conflict and r.conflict not in self.conflicts:
                raise Infeasible(f"row {r.row_id} names conflict {r.conflict!r}, which is not in "
                                 "data/registers/conflicts.yaml")
        self.active = [r for r in self.rows if row_expected_to_pass(r, self.conflicts)]
        self.consumed: set[str] = set()
        self.log: list[str] = []
        self.strong, self.limited = strong_limited(cb)

    # ------------------------------------------------------------------ rows -> constraints
    def rows_for(self, attrs: set, new: set) -> list[Row]:
        out = []
        for r in self.active:
            if r.row_id in self.consumed or r.statistic == "pp_diff" and False:
                continue
            need = {r.variable} | ({r.group_var} if r.group_var else set())
            if need <= attrs and need & new:
                out.append(r)
        return out

    @staticmethod
    def _in_group(a: dict, gv, codes) -> bool:
        if not gv:
            return True
        v = a.get(gv, NAN)
        return (not isnan(v)) and v in codes

    best_effort = False
    skip_rows = False
    failed_blocks: list = []

    def apply_rows(self, m: Model, cells: list[Cell], rows: list[Row]) -> None:
        if self.skip_rows:
            return
        stats: dict[tuple, dict] = {}
        for r in rows:
            gcodes = r.group_codes()
            if r.statistic in ("mean", "sd", "n") and r.variable in UNIT:
                stats.setdefault((r.variable, r.group_var, r.group), {})[r.statistic] = r
                if r.statistic != "n":
                    continue
            if r.statistic == "pp_diff":
                ga, gb = (r.group or "").split(">")
                ea = self._pct_parts(cells, r, [float(x) if "." in x else int(x) for x in ga.split("|")])
                eb = self._pct_parts(cells, r, [float(x) if "." in x else int(x) for x in gb.split("|")])
                if not (set(ea[1]) <= {None} and set(eb[1]) <= {None}):
                    continue  # bases not fixed here: checked afterwards
                da, db = ea[1].get(None, 0), eb[1].get(None, 0)
                if not da or not db:
                    continue
                # 100 na/da - 100 nb/db in window  ->  scale by da*db
                expr = lin((100 * db, ea[0]), (-100 * da, eb[0]))
                v = Fraction(str(r.value))
                h = Fraction(1, 2 * 10 ** r.decimals) if r.comparison == "eq" else Fraction(str(r.tolerance or 1))
                lo, hi = (v - h) * da * db, (v + h) * da * db
                m.add(expr, math.ceil(lo), math.ceil(hi) - 1 if r.comparison == "eq" else math.floor(hi), r.row_id)
                self.consumed.add(r.row_id)
                continue
            num, den = self._pct_parts(cells, r, gcodes)
            if r.statistic == "pct":
                if not den:
                    continue
                m.pct(num, den, r.value, r.decimals, r.comparison, r.tolerance, r.row_id)
                if r.base_n is not None:
                    m.eq(den, r.base_n, r.row_id + " base")
            elif r.statistic == "n":
                self._cmp(m, den, r)
            elif r.statistic == "count":
                self._cmp(m, num, r)
            elif r.statistic in ("mean", "sd"):
                stats.setdefault((r.variable, r.group_var, r.group), {})[r.statistic] = r
                continue
            self.consumed.add(r.row_id)
        for (var, gv, grp), d in stats.items():
            mean_r, sd_r, n_r = d.get("mean"), d.get("sd"), d.get("n")
            gcodes = (mean_r or sd_r or n_r).group_codes()
            sel = [c for c in cells if var in c.attrs and self._in_group(c.attrs, gv, gcodes)
                   and not isnan(c.attrs[var])]
            unit = UNIT[var]
            n = None
            if n_r is not None:
                n = int(n_r.value)
            elif mean_r is not None and mean_r.base_n:
                n = mean_r.base_n
            den = lin(*[c.expr for c in sel])
            if n is None and set(den) <= {None}:
                n = int(den.get(None, 0))
            cands = None
            if mean_r is None and sd_r is not None and sd_r.comparison == "eq" and n is not None:
                # the mean row is a listed conflict (C11): keep the sd exact for a sum near the mean
                cm = next((r for r in self.rows if r.variable == var and r.group_var == gv and r.group == grp
                           and r.statistic == "mean"), None)
                if cm is not None:
                    w = Fraction(1, 20)
                    v = Fraction(str(cm.value))
                    cands = list(range(math.ceil((v - w) * unit * n), math.floor((v + w) * unit * n) + 1))
            if n is None or (mean_r is None and cands is None):
                continue
            if n_r is None:
                m.eq(den, n, f"n of {var} {gv}={grp}")
            S = lin(*[(int(c.attrs[var] * unit), c.expr) for c in sel])
            Q = lin(*[(int(c.attrs[var] * unit) ** 2, c.expr) for c in sel])
            sdv = sd_r.value if (sd_r is not None and sd_r.comparison == "eq") else None
            if mean_r is None:
                m.mean_sd(S, Q, n, unit, None, sdv, sd_r.decimals or 2, label=sd_r.row_id, cands=cands)
                self.consumed.add(sd_r.row_id)
                continue
            m.mean_sd(S, Q, n, unit, mean_r.value if mean_r.comparison == "eq" else None, sdv,
                      mean_r.decimals if mean_r.decimals is not None else 2, label=mean_r.row_id)
            if mean_r.comparison == "eq":
                self.consumed.add(mean_r.row_id)
            elif mean_r.comparison == "approx":
                v = Fraction(str(mean_r.value))
                t = Fraction(str(mean_r.tolerance or 0.05))
                m.add(S, math.ceil((v - t) * unit * n), math.floor((v + t) * unit * n), mean_r.row_id)
                self.consumed.add(mean_r.row_id)
            if sdv is not None:
                self.consumed.add(sd_r.row_id)

    def _pct_parts(self, cells, r: Row, gcodes):
        sel = [c for c in cells if r.variable in c.attrs and self._in_group(c.attrs, r.group_var, gcodes)
               and not isnan(c.attrs[r.variable])]
        den = lin(*[c.expr for c in sel])
        codes = r.codes or []
        num = lin(*[c.expr for c in sel if c.attrs[r.variable] in codes])
        return num, den

    def _cmp(self, m: Model, e: dict, r: Row):
        if r.comparison == "eq":
            m.eq(e, r.value, r.row_id)
        else:  # the window of the prose word (barometer.analysis.windows); counts are whole numbers
            lo, hi = r.window() if r.comparison != "approx" or r.tolerance else \
                (Fraction(str(r.value)) - 1, Fraction(str(r.value)) + 1)
            lo_i = math.floor(lo) + 1 if r.comparison == "gt" else math.ceil(lo)
            hi_i = math.ceil(hi) - 1 if r.comparison == "lt" else math.floor(hi)
            m.add(e, max(lo_i, -10 ** 9), min(hi_i, 10 ** 9), r.row_id)

    # ------------------------------------------------------------------ helpers
    def solve(self, m: Model, cells: list[Cell]):
        try:
            x = m.solve()
        except Infeasible as e:
            raise Infeasible(
                f"{self.year}: {e}. The published rows of this block cannot all hold at once: "
                "list the conflict in data/registers/conflicts.yaml (with reason and resolution) "
                "and mark the rows in data/published/figures.csv."
            ) from None
        return [int(round(Model.value(x, c.expr))) for c in cells]


# ====================================================================== blocks
def core_block(E: Engine) -> pd.DataFrame:
    """Sector, Rijk subtype, innovated, climate scale (and cluster): one joint MILP."""
    year = E.year
    sizes = dict(SECTOR_N[year])
    groups = []
    for s in sizes:
        if s == 7:
            groups += [(7, 1), (7, 2)]
        else:
            groups.append((s, NAN))
    scores = [NAN] + [Fraction(k, 6) for k in range(6, 31)]
    m = Model(f"core {year}", gap=0.5)  # gap 0.25 costs 30-60 s for a slightly rounder histogram
    cells = []
    for (s, t), k, i in product(groups, scores, (0, 1)):
        nt = NAN if s not in (7, 9) else (3 if s == 9 else t)
        a = {"sector": s, "rijk_subtype": t, "national_type": nt, "innovated": i, "climate_scale": k,
             "climate_cluster": cluster_of(k, E.strong, E.limited), "year": year}
        cells.append(Cell(a, m.var(0, sizes[s])))
    attrs = set(cells[0].attrs)
    rows = E.rows_for(attrs, attrs)
    has_sector_rows = any(r.variable == "sector" and r.statistic in ("count", "n") for r in rows)
    m.eq(lin(*[c.expr for c in cells]), N[year], "total n")
    if not has_sector_rows:
        for s, n in sizes.items():
            m.eq(lin(*[c.expr for c in cells if c.attrs["sector"] == s]), n, f"n sector {s}")
    E.apply_rows(m, cells, rows)
    # bases printed with rows about innovators fix the number of innovators in their group
    seen = {}
    for r in E.active:
        v = E.cb.item_var(r.variable)
        if (v is None or v.routing != "innovators" or v.missing_allowed or r.base_n is None
                or r.group_var not in (None, "sector", "national_type", "climate_cluster")):
            continue
        key = (r.group_var, r.group)
        if key in seen and seen[key][0] != r.base_n:
            raise Infeasible(f"{year}: bases differ for innovators in {key}: {seen[key][1]} has "
                             f"{seen[key][0]}, {r.row_id} has {r.base_n}; list the conflict in "
                             "data/registers/conflicts.yaml")
        seen[key] = (r.base_n, r.row_id)
        g = r.group_codes()
        m.eq(lin(*[c.expr for c in cells if c.attrs["innovated"] == 1 and E._in_group(c.attrs, r.group_var, g)]),
             r.base_n, f"innovator base of {r.row_id}")
    # rows of later blocks grouped by a core attribute: their base (the group, or its innovators)
    # must admit the published percentage (e.g. 28% needs a base other than 62)
    from .rounding import pct_counts
    allowed: dict = {}
    for r in E.active:
        if r.statistic != "pct" or r.comparison != "eq" or r.row_id in E.consumed or not r.group_var:
            continue
        if r.group_var not in attrs or r.variable in attrs:
            continue
        d = E.cb.derived.get(r.variable)
        v = E.cb.item_var(r.variable)
        routing = d.get("routing") if d else (v.routing if v else None)
        if v is not None and v.missing_allowed:
            continue
        if routing not in ("all", "innovators"):
            continue
        key = (r.group_var, r.group, routing)
        ok = {n for n in range(1, N[year] + 1) if pct_counts(r.value, n, r.decimals)}
        allowed[key] = allowed.get(key, ok) & ok
    triples = cluster_triples(E)
    from .targets import parse
    for (gv, grp, routing), ok in list(allowed.items()):
        # prune to the numbers the group can have (a weak ~N-binary choice slows HiGHS down)
        g = parse(grp) or []
        if gv == "sector":
            size = sum(sizes.get(int(s), 0) for s in g)
            ok = {k for k in ok if k <= size}
            inn_r = [r for r in E.active if r.variable == "innovated" and r.group_var == gv and r.group == grp
                     and r.statistic == "pct" and r.comparison == "eq" and r.codes == [1]]
            if routing == "innovators" and inn_r:
                ok &= set(pct_counts(inn_r[0].value, size, inn_r[0].decimals))
            elif routing == "all":
                ok &= {size}
        elif gv == "national_type":
            ok = {k for k in ok if k <= sum(sizes[7] if t in (1, 2) else sizes.get(9, 0) for t in g)}
        elif gv == "climate_cluster" and routing == "innovators" and triples:
            ok &= {sum(t[int(c) - 1] for c in g) for t in triples}
        allowed[(gv, grp, routing)] = ok
    for (gv, grp, routing), ok in allowed.items():
        g = parse(grp)
        sel = [c for c in cells if E._in_group(c.attrs, gv, g) and (routing == "all" or c.attrs["innovated"] == 1)]
        e = lin(*[c.expr for c in sel])
        ok = sorted(ok)
        zs = [m.var(0, 1) for _ in ok]
        m.eq(lin(*zs), 1, f"base of {gv}={grp}")
        m.eq(lin(e, *[(-k, z) for k, z in zip(ok, zs)]), 0, f"base of {gv}={grp} value")
    # plausibility: bell-shaped score histograms, innovation share near the total, subtypes balanced
    mu = {r.group: r.value for r in E.rows if r.variable == "climate_scale" and r.statistic == "mean"
          and r.group_var == "sector"}
    tot_mu = next((r.value for r in E.rows if r.variable == "climate_scale" and r.statistic == "mean"
                   and not r.group_var), 3.6)
    for (s, t) in groups:
        ns = sizes[s] / (2 if s == 7 else 1)
        mu_s = mu.get(str(s), tot_mu)
        w = np.array([math.exp(-0.5 * ((float(k) - mu_s) / 0.55) ** 2) for k in scores[1:]])
        w = w / w.sum() * ns * 0.93
        for j, k in enumerate(scores[1:]):
            e = lin(*[c.expr for c in cells if c.attrs["sector"] == s and c.attrs["climate_scale"] == k
                      and (isnan(t) or c.attrs["rijk_subtype"] == t)])
            m.abs_dev(e, float(w[j]), 1.0)
    # innovators per climate cluster: only combinations for which every innovator question
    # published by cluster (Figuur 2-17 columns, its Totaal, Figuur 2-12, the §2.4 gaps) is feasible
    if triples is not None:
        if not triples:
            raise Infeasible(f"{year}: no numbers of innovators per climate cluster make the factor rows by "
                             "cluster (Figuur 2-17, Figuur 2-12, §2.4) feasible; list the conflict in "
                             "data/registers/conflicts.yaml")
        zs = [m.var(0, 1) for _ in triples]
        m.eq(lin(*zs), 1, "cluster innovators one triple")
        for j, cl in enumerate((1, 2, 3)):
            e = lin(*[c.expr for c in cells if c.attrs["innovated"] == 1 and c.attrs["climate_cluster"] == cl])
            m.eq(lin(e, *[(-t[j], z) for t, z in zip(triples, zs)]), 0, f"innovators in cluster {cl}")
        E.log.append(f"core: {len(triples)} feasible innovator triples by cluster")
    rijk1 = lin(*[c.expr for c in cells if c.attrs["rijk_subtype"] == 1])
    m.abs_dev(rijk1, sizes[7] / 2, 0.5)
    counts = E.solve(m, cells)
    recs = []
    for c, n in zip(cells, counts):
        recs += [c.attrs] * n
    df = pd.DataFrame.from_records(recs)
    # deterministic order: sector, subtype, then a seeded shuffle within sector
    df["_u"] = E.rng.random(len(df))
    df = df.sort_values(["sector", "_u"], kind="mergesort").drop(columns="_u").reset_index(drop=True)
    df["climate_scale"] = df["climate_scale"].map(lambda v: NAN if isnan(v) else float(v))
    E.log.append(f"core: {len(rows)} rows as constraints")
    return df


def cluster_triples(E: Engine):
    """Feasible (innovators in krachtig, gemiddeld, beperkt) for the innovator questions published
    by climate cluster with their cluster Totaal (group 1|2|3), their all-innovator distribution
    (per code, same codes) and the krachtig-beperkt gaps (pp_diff). None if nothing to check.

    The candidate numbers come from the cluster shares (base printed) and the innovation share per
    cluster; a triple is kept when, for every such variable, counts per cluster exist that satisfy
    all these rows at once (the later block then has a feasible base)."""
    from .rounding import interval, pct_counts
    rows = E.active
    cc = {}
    for cl in (1, 2, 3):
        r = [x for x in rows if x.variable == "climate_cluster" and x.codes == [cl] and not x.group_var
             and x.statistic == "pct" and x.comparison == "eq" and x.base_n]
        ri = [x for x in rows if x.variable == "innovated" and x.group_var == "climate_cluster"
              and x.group == str(cl) and x.statistic == "pct" and x.comparison == "eq"]
        if not r or not ri:
            return None
        cc[cl] = sorted({k for n in pct_counts(r[0].value, r[0].base_n, r[0].decimals)
                         for k in pct_counts(ri[0].value, n, ri[0].decimals) if k > 0})
    checks = []
    for var in sorted({r.variable for r in rows if r.group_var == "climate_cluster" and r.statistic == "pct"}):
        v = E.cb.item_var(var)
        if v is None or v.routing != "innovators" or v.type != "likert":
            continue  # factor items: always answered (codes 1-5, 'weet niet' recoded), base = innovators
        rs = [r for r in rows if r.variable == var and r.comparison == "eq"]
        byc = {}
        for r in rs:
            if r.group_var == "climate_cluster" and r.statistic == "pct":
                byc.setdefault(tuple(r.codes or []), {})[r.group] = r
        for codes, d in byc.items():
            un = [r for r in rs if not r.group_var and r.statistic == "pct" and r.codes
                  and set(r.codes) <= set(codes) and r.base_n]
            if un and set().union(*[set(r.codes) for r in un]) != set(codes):
                un = []
            pp = [r for r in rows if r.variable == var and r.statistic == "pp_diff" and r.comparison == "eq"
                  and tuple(r.codes or []) == codes and r.group == "1>3"]
            checks.append((d, un, pp))
    if not checks:
        return None

    def feasible(n):
        tot = sum(n.values())
        for d, un, pp in checks:
            K = {cl: (pct_counts(d[str(cl)].value, n[cl], d[str(cl)].decimals) if str(cl) in d
                      else range(n[cl] + 1)) for cl in (1, 2, 3)}
            KT = set(pct_counts(d["1|2|3"].value, tot, d["1|2|3"].decimals)) if "1|2|3" in d else None
            KO = None
            if un:
                NI = un[0].base_n
                if tot > NI:
                    return False
                sets = [pct_counts(r.value, NI, r.decimals) for r in un]
                if not all(sets):
                    return False
                KO = (sum(min(x) for x in sets), sum(max(x) for x in sets), NI - tot)
            hit = False
            for k1, k2, k3 in product(K[1], K[2], K[3]):
                sm = k1 + k2 + k3
                if KT is not None and sm not in KT:
                    continue
                if KO is not None and not (sm <= KO[1] and sm + KO[2] >= KO[0]):
                    continue
                if any(not (interval(r.value, r.decimals)[0] <= Fraction(100 * k1, n[1]) - Fraction(100 * k3, n[3])
                            < interval(r.value, r.decimals)[1]) for r in pp):
                    continue
                hit = True
                break
            if not hit:
                return False
        return True

    return [t for t in product(cc[1], cc[2], cc[3]) if feasible(dict(zip((1, 2, 3), t)))]


#: Assumption A10: innovation share by size class (small, medium, large) shared by every sector, so
#: that differences between sectors in innovating (Tabel B1-8) come from their size composition and
#: not from the sector itself (§2.1: size matters, sector does not).
SIZE_INNOVATION = {2025: (0.60, 0.77, 0.90), 2021: (0.74, 0.87, 0.95)}


def _size_mix(base, rate: float, p) -> tuple:
    """Shares (small, medium, large) closest to ``base`` whose innovation share under the common
    rates ``p`` equals ``rate``: the base mixed towards all-small or all-large (clamped)."""
    base = np.asarray(base, float)
    r0 = float(np.dot(base, p))
    target = np.array([1.0, 0, 0]) if rate < r0 else np.array([0, 0, 1.0])
    r1 = float(np.dot(target, p))
    w = 0.0 if r1 == r0 else min(max((rate - r0) / (r1 - r0), 0.0), 1.0)  # the rate is linear in w
    return tuple((1 - w) * base + w * target)


def _split(n: int, weights) -> list[int]:
    """Largest-remainder split of ``n`` over ``weights`` (deterministic)."""
    w = np.asarray(weights, float)
    w = w / w.sum() if w.sum() else np.full(len(w), 1 / len(w))
    raw = w * n
    k = np.floor(raw).astype(int)
    for j in np.argsort(-(raw - k), kind="mergesort")[: n - int(k.sum())]:
        k[j] += 1
    return [int(x) for x in k]


def size_block(E: Engine, df: pd.DataFrame) -> pd.DataFrame:
    """Size class and innovation unit: assumptions A10/A11.

    Within each sector the size shares (A10) are shifted until the common innovation shares by
    size (:data:`SIZE_INNOVATION`) give the sector's published innovation share; the sector's
    innovators are then spread over its size classes in proportion to those common shares."""
    p = np.array(SIZE_INNOVATION.get(E.year, SIZE_INNOVATION[max(SIZE_INNOVATION)]))
    size = np.zeros(len(df), int)
    for s, idx in df.groupby("sector").groups.items():
        idx = np.array(sorted(idx))
        inn = df.loc[idx, "innovated"].to_numpy() == 1
        n, n_inn = len(idx), int(inn.sum())
        base = (0.05, 0.45, 0.5) if s == 7 else SIZE_SHARES[int(s)]
        shares = _size_mix(base, n_inn / n, p)
        counts = _split(n, shares)
        # innovators per class in proportion to n_k * p_k, within 0..n_k, summing to n_inn
        k_inn = np.minimum(_split(n_inn, np.asarray(counts) * p), counts)
        while k_inn.sum() < n_inn:  # capped classes give their surplus to the others
            free = np.flatnonzero(k_inn < counts)
            k_inn[free[np.argmax((np.asarray(counts) * p)[free] - k_inn[free])]] += 1
        k_out = np.asarray(counts) - k_inn
        if (k_out < 0).any() or k_out.sum() != n - n_inn:
            raise RuntimeError(f"size split of sector {s}: {counts} / {k_inn}")
        for members, ks in ((idx[inn], k_inn), (idx[~inn], k_out)):
            order = members[E.rng.permutation(len(members))]
            cls = np.repeat([1, 2, 3], ks)
            size[order] = cls
    df["size_class"] = size
    p_unit = np.array([0.2, 0.35, 0.5])[size - 1]
    z = E.rng.random(len(df))
    bump = np.where(df["innovated"] == 1, 0.12, -0.12)
    df["innovation_unit"] = (z < p_unit + bump).astype(int)
    return df


def assign(E: Engine, df, strata, col_counts: dict, latent: np.ndarray, order: list, routed):
    """Spread counts {stratum tuple: {code: count}} over the routed respondents of each stratum,
    highest latent first in the given code order."""
    out = pd.Series(NAN, index=df.index, dtype=object)
    sub = df[routed]
    for key, idx in sub.groupby(strata, dropna=False).groups.items():
        key = key if isinstance(key, tuple) else (key,)
        idx = np.array(sorted(idx))
        counts = col_counts.get(tuple(_norm(k) for k in key), {})
        seq = []
        for code in order:
            seq += [code] * counts.get(code, 0)
        if len(seq) != len(idx):
            raise RuntimeError(f"assignment mismatch in stratum {key}: {len(seq)} vs {len(idx)}")
        ranked = idx[np.argsort(-latent[idx], kind="mergesort")]
        for r, v in zip(ranked, seq):
            out.at[r] = v
    return out.map(lambda v: NAN if isnan(v) else float(v)).astype(float)


def _norm(v):
    if isnan(v):
        return "nan"
    return int(v) if float(v) == int(v) else float(v)


def _retry(fn):
    def wrapped(E, *a, **k):
        before = set(E.consumed)
        try:
            return fn(E, *a, **k)
        except Infeasible as e:
            if not E.best_effort:
                raise
            E.consumed = before
            E.failed_blocks.append(str(e).split(".")[0])
            E.skip_rows = True
            try:
                return fn(E, *a, **{kk: vv for kk, vv in k.items() if kk != "extra"})
            finally:
                E.skip_rows = False
    return wrapped


def hist_block(E: Engine, df: pd.DataFrame, var: str, codes: list, routed: np.ndarray, strata: list[str],
               latent: np.ndarray, order: list | None = None, prior: dict | None = None,
               extra=None, derived=None, outside=None) -> pd.Series:
    """One single-choice (or 0/1) column: counts per stratum x code under the rows of `var`."""
    m = Model(f"{var} {E.year}")
    cells, keys = [], []
    routed = np.asarray(routed, bool)
    grp_all = df.groupby(strata, dropna=False)
    total_routed = int(routed.sum())
    for key, idx in grp_all.groups.items():
        key = key if isinstance(key, tuple) else (key,)
        idx = np.array(sorted(idx))
        base = {s: df.at[idx[0], s] for s in strata}
        n_r = int(routed[idx].sum())
        n_o = len(idx) - n_r
        if n_r:
            for code in codes:
                a = dict(base)
                a[var] = code
                if derived:
                    a.update(derived(code))
                share = (prior or {}).get(code, 1 / len(codes))
                v = m.var(0, n_r)
                cells.append(Cell(a, v))
                keys.append((tuple(_norm(base[s]) for s in strata), code))
                m.abs_dev(v, n_r * share, 1.0)
            m.eq(lin(*[c.expr for c in cells[-len(codes):]]), n_r, f"stratum {key}")
        if n_o:
            a = dict(base)
            a[var] = outside if outside is not None else NAN
            if derived and outside is not None:
                a.update(derived(outside))
            cells.append(Cell(a, {None: n_o}))
            keys.append(None)
    attrs = set(strata) | {var} | (set(derived(codes[0])) if derived else set())
    rows = E.rows_for(attrs, {var} | (set(derived(codes[0])) if derived else set()))
    E.apply_rows(m, cells, rows)
    if extra:
        extra(m, cells)
    counts = E.solve(m, cells)
    col: dict = {}
    for k, n in zip(keys, counts):
        if k is None:
            continue
        col.setdefault(k[0], {})[k[1]] = n
    E.log.append(f"{var}: {len(rows)} rows")
    return assign(E, df, strata, col, latent, order or codes, routed)



def multi_block(E: Engine, df, var: str, routed, strata: list[str], latent: np.ndarray, prior: dict | None = None,
                extra=None, item_latent: dict | None = None):
    """A multiple-response set: one 0/1 column per item, at least one mention, exclusives alone.

    Without ``item_latent`` the mentions are spread as evenly as possible over the respondents
    (highest ``latent`` first). With ``item_latent`` (item -> latent score) each item goes to the
    respondents with the highest score for that item, so that an item follows its own latent
    (assumption A12); respondents left without a mention then take one from the lowest-scoring
    holder of an item who has two or more."""
    v = E.cb.variables[var]
    items = v.items_for(E.year)
    excl = [i for i in v.exclusive if i in items]
    m = Model(f"{var} {E.year}")
    cells, keys = [], []
    routed = np.asarray(routed, bool)
    for key, idx in df.groupby(strata, dropna=False).groups.items():
        idx = np.array(sorted(idx))
        base = {s: df.at[idx[0], s] for s in strata}
        nk = tuple(_norm(base[s]) for s in strata)
        n_r = int(routed[idx].sum())
        n_o = len(idx) - n_r
        ones = {}
        for it in items:
            if n_r:
                a1 = dict(base, **{it: 1})
                a0 = dict(base, **{it: 0})
                x1 = m.var(0, n_r)
                cells.append(Cell(a1, x1))
                keys.append((nk, it))
                cells.append(Cell(a0, lin({None: n_r}, (-1, x1))))
                keys.append(None)
                ones[it] = x1
                m.abs_dev(x1, n_r * (prior or {}).get(it, 0.2), 1.0)
            if n_o:
                cells.append(Cell(dict(base, **{it: NAN}), {None: n_o}))
                keys.append(None)
        if n_r:
            e = lin(*[ones[i] for i in excl]) if excl else {}
            rest = lin({None: n_r}, (-1, e)) if e else {None: n_r}
            m.add(rest, 0, np.inf, f"{var} exclusive <= n")
            for it in items:
                if it not in excl:
                    m.add(lin(ones[it], (-1, rest)), -np.inf, 0, f"{var} {it} <= rest")
            m.add(lin(*[ones[i] for i in items if i not in excl], (-1, rest)), 0, np.inf, f"{var} min one")
    rows = E.rows_for(set(strata) | set(items), set(items))
    E.apply_rows(m, cells, rows)
    if extra and not E.skip_rows:
        extra(m, cells)
    counts = E.solve(m, cells)
    col: dict = {}
    for k, n in zip(keys, counts):
        if k is not None:
            col.setdefault(k[0], {})[k[1]] = n
    out = pd.DataFrame(NAN, index=df.index, columns=items)
    for key, idx in df[routed].groupby(strata, dropna=False).groups.items():
        key = key if isinstance(key, tuple) else (key,)
        idx = np.array(sorted(idx))
        c = col[tuple(_norm(k) for k in key)]
        ranked = list(idx[np.argsort(-latent[idx], kind="mergesort")])
        out.loc[idx, items] = 0
        pool = list(ranked)
        for it in excl:  # exclusives go to the lowest-latent respondents
            for _ in range(c.get(it, 0)):
                r = pool.pop()
                out.at[r, it] = 1
        mentions = {r: 0 for r in pool}
        pos = {r: i for i, r in enumerate(pool)}
        nonex = sorted([i for i in items if i not in excl], key=lambda i: (-c.get(i, 0), items.index(i)))
        if item_latent is None:
            for it in nonex:
                chosen = sorted(pool, key=lambda r: (mentions[r], pos[r]))[: c.get(it, 0)]
                for r in chosen:
                    out.at[r, it] = 1
                    mentions[r] += 1
        else:
            holders = {}
            for it in nonex:
                lat_i = np.asarray(item_latent.get(it, latent), float)
                holders[it] = sorted(pool, key=lambda r: (-lat_i[r], pos[r]))[: c.get(it, 0)]
                for r in holders[it]:
                    out.at[r, it] = 1
                    mentions[r] += 1
            for r in [r for r in pool if mentions[r] == 0]:  # in latent order, deterministic
                best = None
                for it in nonex:
                    lat_i = np.asarray(item_latent.get(it, latent), float)
                    for h in holders[it]:
                        if mentions[h] >= 2 and (best is None or (lat_i[h], pos[h]) < best[0]):
                            best = ((lat_i[h], pos[h]), it, h)
                if best is None:
                    break
                _, it, h = best
                holders[it].remove(h)
                holders[it].append(r)
                out.at[h, it] = 0
                out.at[r, it] = 1
                mentions[h] -= 1
                mentions[r] += 1
        if any(mentions[r] == 0 for r in pool):
            raise RuntimeError(f"{var}: respondent without mention")
    E.log.append(f"{var}: {len(rows)} rows")
    return out


TYPE_BITS = {"type_product": 1, "type_service": 2, "type_process": 4, "type_interaction": 8}


def type_derived(code):
    if code == 0:
        return {**{t: NAN for t in TYPE_BITS}, "spectrum": 0, "spectrum_group": 0}
    k = sum(1 for b in TYPE_BITS.values() if code & b)
    return {**{t: int(bool(code & b)) for t, b in TYPE_BITS.items()}, "spectrum": k,
            "spectrum_group": 1 if k == 1 else 2}


def scale_items(E: Engine, df, scale: str, latent: np.ndarray) -> pd.DataFrame:
    """Items of a scale per respondent, consistent with its score; item % agree as published."""
    items = SCALE_ITEMS[scale]
    L = len(items)
    score = df[scale].to_numpy()
    have = ~np.isnan(score)
    T = np.where(have, np.round(np.nan_to_num(score) * L), 0).astype(int)
    n = int(have.sum())
    amin = np.maximum(0, np.ceil((T - 3 * L) / 2)).astype(int)
    amax = np.minimum(L, np.floor((T - L) / 3)).astype(int)
    a0 = np.clip(np.where(have, T - 3 * L, 0), amin, amax)  # even spread: every point above 3 is one agree
    # targets per item (count of 4|5 among answerers)
    from .rounding import pct_counts
    want = {}
    for r in E.active:
        if r.variable in items and r.statistic == "pct" and not r.group_var and r.codes and set(r.codes) == {4, 5}:
            if r.comparison == "eq":
                ks = pct_counts(r.value, n, r.decimals)
            else:  # the window of the prose word (barometer.analysis.windows)
                from ..analysis.windows import in_window
                ks = [k for k in range(n + 1) if in_window(100 * k / n, r.comparison, r.value, r.tolerance)]
            if ks:
                want[r.variable] = ks[len(ks) // 2]
                E.consumed.add(r.row_id)
    a = a0.copy()
    free = [i for i in items if i not in want]
    lo_tot, hi_tot = int(amin[have].sum()), int(amax[have].sum())
    tgt = sum(want.values())
    # total agree mentions: targeted + free items at a plausible share, within feasibility
    # free items: their share of the most even split (a0: each point above 3 is one agreement),
    # which keeps items close to the score and the scale reliable
    free_total = int(round(int(a0[have].sum()) * len(free) / L))
    total = min(max(tgt + free_total, lo_tot), hi_tot)
    diff = total - int(a[have].sum())
    order = np.argsort(-latent, kind="mergesort")
    # one agreement at a time to the respondent with the fewest (or from the one with the most),
    # ties by latent: the most even numbers of agreements, which any item quotas admit most easily
    rank = np.empty(len(order), int)
    rank[order] = np.arange(len(order))
    idx = np.flatnonzero(have)
    while diff != 0:
        if diff > 0:
            cand = idx[a[idx] < amax[idx]]
            if not len(cand):
                break
            r = cand[np.lexsort((rank[cand], a[cand]))[0]]
            a[r] += 1; diff -= 1
        else:
            cand = idx[a[idx] > amin[idx]]
            if not len(cand):
                break
            r = cand[np.lexsort((-rank[cand], -a[cand]))[0]]
            a[r] -= 1; diff += 1
    quota = dict(want)
    rest = int(a[have].sum()) - tgt
    for j, i in enumerate(free):
        quota[i] = rest // len(free) + (1 if j < rest % len(free) else 0) if free else 0
    vals = np.full((len(df), L), np.nan)
    # most agreements first, each to the items with the largest remaining quota: this greedy
    # (Gale-Ryser) meets every quota whenever any assignment does
    pos = np.empty(len(order), int)
    pos[order] = np.arange(len(order))
    for r in sorted(order, key=lambda r: (-a[r], pos[r])):
        if not have[r]:
            continue
        pick = sorted(range(L), key=lambda j: (-quota[items[j]], j))[: a[r]]
        for j in pick:
            quota[items[j]] -= 1
        v = np.array([4 if j in pick else 3 for j in range(L)])
        d = T[r] - v.sum()
        hi_j = [j for j in pick]
        lo_j = [j for j in range(L) if j not in pick]
        while d > 0:
            j = next(j for j in hi_j + lo_j if v[j] < (5 if j in pick else 3))
            v[j] += 1; d -= 1
        while d < 0:
            j = next(j for j in lo_j + hi_j if v[j] > (1 if j not in pick else 4))
            v[j] -= 1; d += 1
        vals[r] = v
    return pd.DataFrame(vals, index=df.index, columns=items)


def _item_targets(E: Engine, items: list[str], n: int) -> dict[str, list[int]]:
    """Allowed counts of 4|5 among the ``n`` answerers per item, from the item rows (and consumed)."""
    from .rounding import pct_counts
    want = {}
    for r in E.active:
        if r.variable in items and r.statistic == "pct" and not r.group_var and r.codes and set(r.codes) == {4, 5}:
            if r.comparison == "eq":
                ks = pct_counts(r.value, n, r.decimals)
            else:  # the window of the prose word (barometer.analysis.windows)
                from ..analysis.windows import in_window
                ks = [k for k in range(n + 1) if in_window(100 * k / n, r.comparison, r.value, r.tolerance)]
            if not ks:
                raise Infeasible(f"{E.year}: row {r.row_id}: no count of {n} answerers meets it")
            want[r.variable] = ks
            E.consumed.add(r.row_id)
    return want


#: Assumption A14: Cronbach's alpha the items of the conditions scale are built for (§2.4: a
#: reliable scale, alpha >= 0.7), as far as the published item shares allow.
TARGET_ALPHA = {"conditions_scale": 0.8}


def pattern_items(E: Engine, df, scale: str, latent: np.ndarray) -> pd.DataFrame:
    """Items of a short scale (three items: 125 answer patterns) consistent with each score.

    A MILP over the number of respondents per (score, pattern) meets the published item shares
    (counts of 4|5) and brings the sum of the item variances, for the fixed score distribution,
    to the value that gives Cronbach's alpha :data:`TARGET_ALPHA` +- 0,05 (alpha = k/(k-1) (1 -
    sum var_i / var_total)): first the most reliable items (least sum of squares), then, at
    their item means, the alpha window; the concave part of the variance sum (-sum of squared
    item means / n) is bounded by its tangent there, so alpha is at least the window's lower
    end; within a score the patterns stay close to independent items with the item marginals
    of the first solution (a spread of patterns, not one per score). When the window cannot be met the most reliable items are kept. Within a
    score, patterns with higher first plus last item (the more balanced first) go to the highest ``latent``
    first."""
    items = SCALE_ITEMS[scale]
    L = len(items)
    score = df[scale].to_numpy(dtype=float)
    have = ~np.isnan(score)
    T = np.where(have, np.round(np.nan_to_num(score) * L), 0).astype(int)
    n = int(have.sum())
    want = _item_targets(E, items, n)
    pats = list(product(range(1, 6), repeat=L))
    hist = {int(t): int((T[have] == t).sum()) for t in np.unique(T[have])}
    st = sum(t * k for t, k in hist.items())
    var_t = sum(t * t * k for t, k in hist.items()) - st * st / n  # n * population variance of T

    def item_var_sum(alpha):  # n * sum of item variances that gives Cronbach's alpha
        return (1 - alpha * (L - 1) / L) * var_t

    def model(s0, bounds=None, spread=None):
        m = Model(f"{scale} items {E.year}", gap=1e-3 if spread is None else 0.25)
        cells = []
        for t, k in hist.items():
            vs = []
            group = [p for p in pats if sum(p) == t]
            w = None
            if spread is not None:  # independent items with these marginals, given the score
                w = np.array([np.prod([spread[i][p[i]] for i in range(L)]) for p in group])
                w = w / w.sum() if w.sum() > 0 else np.full(len(group), 1 / len(group))
            for j, p in enumerate(group):
                # n * sum var_i = sum x^2 - sum S_i^2 / n <= sum x^2 - sum (2 s0_i S_i - s0_i^2) / n
                cost = sum(x * x for x in p) - sum(2 * s0[i] / n * p[i] for i in range(L))
                v = m.var(0, k, cost=0.0 if bounds else cost)
                if w is not None:
                    m.abs_dev(v, float(k * w[j]), 1.0)
                cells.append((t, p, v, cost))
                vs.append(v)
            m.eq(lin(*vs), k, f"{scale} score {t}")
        for i, it in enumerate(items):
            if it in want:
                m.add(lin(*[v for _, p, v, _ in cells if p[i] >= 4]), min(want[it]), max(want[it]), f"{it} agree")
        if bounds:  # the (upper bound of the) item variance sum within the alpha window
            f = lin(*[(c, v) for _, _, v, c in cells])
            const = sum(x * x for x in s0) / n
            m.add(f, bounds[0] - const, bounds[1] - const, f"{scale} alpha window")
        x = E.solve(m, [Cell({}, v) for _, _, v, _ in cells])
        return [(t, p, k) for (t, p, _, _), k in zip(cells, x) if k]

    # 1. the most reliable items the shares allow (tangent at equal means: minimise sum x^2)
    y = model([st / L] * L)
    # 2. at those item means, items whose alpha lies in the window around TARGET_ALPHA (if any)
    target = TARGET_ALPHA.get(scale, 0.8)
    s0 = [sum(k * p[i] for _, p, k in y) for i in range(L)]
    # marginals of the items (smoothed), so that each score has a spread of answer patterns
    spread = [{c: (sum(k for _, p, k in y if p[i] == c) + 1) / (n + 5) for c in range(1, 6)} for i in range(L)]
    try:
        y = model(s0, (item_var_sum(target + 0.05), item_var_sum(target - 0.05)), spread)
    except Infeasible:
        E.log.append(f"{scale}: alpha {target} out of reach; the most reliable items kept")
    vals = np.full((len(df), L), np.nan)
    for t in hist:
        idx = np.flatnonzero(have & (T == t))
        ranked = idx[np.argsort(-np.asarray(latent, float)[idx], kind="mergesort")]
        seq = []
        for _, p, k in sorted([c for c in y if c[0] == t], key=lambda c: (-(c[1][0] + c[1][-1]), abs(c[1][0] - c[1][-1]), c[1])):
            seq += [p] * k
        for r, p in zip(ranked, seq):
            vals[r] = p
    E.log.append(f"{scale}: items by pattern MILP")
    return pd.DataFrame(vals, index=df.index, columns=items)


def _z(x):
    x = np.asarray(x, float)
    mu = np.nanmean(x) if np.isfinite(x).any() else 0.0
    sd = np.nanstd(x) if np.isfinite(x).any() else 1.0
    return np.nan_to_num((x - mu) / (sd or 1.0))


def strata_for(E: Engine, df, variables: list[str], base: list[str]) -> list[str]:
    out = list(base)
    for r in E.active:
        if r.row_id in E.consumed or r.variable not in variables or not r.group_var:
            continue
        if r.group_var in df.columns and r.group_var not in out:
            out.append(r.group_var)
    return out


def exact_frame(cb: Codebook, year: int, seed: int, best_effort: bool = False):
    import warnings
    warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
    E = Engine(cb, year, seed)
    E.best_effort = best_effort
    E.failed_blocks = []
    rng = E.rng
    df = core_block(E)
    n = len(df)
    df = size_block(E, df)
    clim = _z(df["climate_scale"])
    noise = lambda s=1.0: rng.normal(0, s, n)  # noqa: E731
    allr = np.ones(n, bool)
    # conditions scale (B1-12), correlated with climate and with innovating
    codes = [Fraction(k, 3) for k in range(3, 16)] + [NAN]
    lat = 0.8 * clim + 0.9 * df["innovated"].to_numpy() + noise(0.6)
    st = strata_for(E, df, ["conditions_scale"], ["sector", "rijk_subtype", "national_type"])
    prior = {c: (0.02 if isnan(c) else math.exp(-0.5 * ((float(c) - 3.3) / 0.7) ** 2) / 6) for c in codes}
    s = hist_block(E, df, "conditions_scale", codes, allr, st, lat, order=codes[:-1][::-1] + [NAN], prior=prior)
    df["conditions_scale"] = s.map(lambda v: NAN if isnan(v) else float(v))
    inn = df["innovated"].to_numpy() == 1
    # innovation types (B1-9, spectrum)
    st = strata_for(E, df, ["type_product", "type_service", "type_process", "type_interaction", "spectrum",
                            "spectrum_group"], ["sector", "national_type", "climate_cluster"])
    pat = list(range(1, 16))
    pm = {"type_product": .31, "type_service": .38, "type_process": .78, "type_interaction": .37}
    if year < 2025:  # not published for 2021; §2.1: product and service innovations decreased since
        pm.update(type_product=.37, type_service=.44)
    prior = {}
    for c in pat:
        p = 1.0
        for t, b in TYPE_BITS.items():
            p *= pm[t] if c & b else (1 - pm[t])
        prior[c] = p
    tot = sum(prior.values())
    prior = {k: v / tot for k, v in prior.items()}
    lat = clim + noise(0.7)
    order = sorted(pat, key=lambda c: (-bin(c).count("1"), c))
    type_extra = None
    unpublished = [t for t in ("type_product", "type_service")
                   if not any(r.variable == t and r.statistic == "pct" for r in E.rows)]
    if unpublished:
        # a year without published product and service shares (2021): the assumed shares (A13)
        # hold within +-2 points, so that both decreased since (§2.1)
        n_inn = int(inn.sum())

        def type_extra(m, cells):
            for t in unpublished:
                num = lin(*[c.expr for c in cells if c.attrs.get(t) == 1])
                m.add(num, math.ceil((pm[t] - 0.02) * n_inn), math.floor((pm[t] + 0.02) * n_inn),
                      f"assumed share {t} (A13)")
    s = hist_block(E, df, "type_pattern", pat, inn, st, lat, order=order, prior=prior,
                   derived=type_derived, outside=0, extra=type_extra)
    for t, b in TYPE_BITS.items():
        df[t] = np.where(inn, (s.fillna(0).astype(int).to_numpy() & b > 0).astype(float), NAN)
    df["spectrum"] = np.where(inn, pd.Series(s).fillna(0).astype(int).map(lambda c: bin(c).count("1")), 0)
    df["spectrum_group"] = np.where(df["spectrum"] == 0, 0, np.where(df["spectrum"] == 1, 1, 2))
    size = df["size_class"].to_numpy()

    def single(var, routed, lat, order=None, prior=None, base=("national_type",)):
        v = cb.variables[var]
        cds = list(v.codes) if v.codes else [0, 1]
        st = strata_for(E, df, [var], list(base))
        df[var] = hist_block(E, df, var, cds, routed, st, lat, order=order, prior=prior)

    def multi(var, routed, lat, prior=None, base=("national_type",), extra=None, item_latent=None):
        v = cb.variables[var]
        st = strata_for(E, df, v.items_for(year), list(base))
        out = multi_block(E, df, var, routed, st, lat, prior, extra=extra, item_latent=item_latent)
        for c in out.columns:
            df[c] = out[c]

    single("work_change", inn, clim + noise(), order=[3, 2, 1], prior={1: .16, 2: .68, 3: .16})
    # origin: larger organisations develop themselves more often (Figuur 2-8)
    ch_base = next((r.base_n for r in E.active if r.variable.startswith("channel_") and r.base_n), None)

    def adopters_base(m, cells):
        if ch_base:
            m.eq(lin(*[c.expr for c in cells if c.attrs.get("origin") in (2, 3)]), ch_base, "adopters = B1-2 base")

    st = strata_for(E, df, ["origin"], ["national_type"])
    df["origin"] = hist_block(E, df, "origin", [1, 2, 3], inn, st, 0.8 * size + noise(), order=[1, 2, 3],
                              prior={1: .37, 2: .43, 3: .19}, extra=adopters_base)
    origin = df["origin"].to_numpy()
    adopters = inn & np.isin(origin, [2, 3])
    multi("channel", adopters, clim + noise(), prior={"channel_network": .66, "channel_experience": .48})
    multi("initiative", inn, clim + noise(), prior={"init_staff": .5, "init_managers": .3, "init_technology": .3})
    # routing 'collaborators' (A07): the base of Tabel B1-5 = innovators - 'geen samenwerking'
    phase_items = set(cb.variables["partner_phase"].items_for(year))
    ph_base = next((int(r.value) if r.statistic == "n" else r.base_n for r in E.active
                    if r.variable in phase_items and not r.group_var
                    and (r.statistic == "n" or r.base_n)), None)

    def collaborators_base(m, cells):
        if ph_base:
            m.eq(lin(*[c.expr for c in cells if c.attrs.get("partner_none") == 1]), int(inn.sum()) - ph_base,
                 "partner_none = innovators - B1-5 base")

    multi("partner", inn, clim + noise(), prior={"partner_private": .45, "partner_sector": .31},
          extra=collaborators_base)
    collab = inn & (df["partner_none"].fillna(1).to_numpy() == 0)  # routing 'collaborators' (A07)
    multi("partner_phase", collab, clim + noise(), prior={"phase_development": .73, "phase_implementation": .63})
    multi("funding", inn, noise(), prior={"fund_own": .85})
    single("evaluation", inn, clim + noise(), order=[1, 2, 3, 5, 4, 9])
    # 2021 distributions are not published: priors follow the direction of change in §2.2
    single("tech_content", inn, 0.5 * size + noise(), order=[1, 2, 3, 4],
           prior={1: .19, 2: .46, 3: .27, 4: .08} if year >= 2025 else {1: .15, 2: .55, 3: .25, 4: .05})
    single("strategy", inn, noise(), order=[2, 4, 1, 3, 5],
           prior={1: .39, 2: .2, 3: .11, 4: .18, 5: .12} if year >= 2025 else
           {1: .39, 2: .2, 3: .13, 4: .16, 5: .12})
    # factors: human capital items share one latent (scale), tied to climate
    hc_lat = clim + noise(0.5)
    f_items = cb.variables["factor"].items
    # priors where a year publishes nothing (2021): the distribution of the latest published year
    # (Figuur 2-12, 2025), 'private' 8 points less bevorderd (§2.3: more often a success factor now)
    f_prior = {}
    for r in load_rows(max(cb.variables["factor"].years)):
        if r.variable in f_items and r.statistic == "pct" and not r.group_var and r.codes and len(r.codes) == 1:
            f_prior.setdefault(r.variable, {})[int(r.codes[0])] = max(r.value, 0.5) / 100
    for it in f_items:
        lat = (hc_lat + noise(0.3)) if it in ("factor_staff", "factor_collaboration", "factor_skills") \
            else (0.7 * clim + noise(0.8))
        st = strata_for(E, df, [it], ["climate_cluster"])
        pr = dict(f_prior.get(it) or {1: .02, 2: .06, 3: .5, 4: .25, 5: .17})
        if it == "factor_private" and year != max(cb.variables["factor"].years):
            pr[3] = pr.get(3, 0) + 0.08
            pr[4] = max(pr.get(4, 0) - 0.08, 0.01)
        df[it] = hist_block(E, df, it, [1, 2, 3, 4, 5], inn, st, lat, order=[5, 4, 3, 2, 1], prior=pr)
    if year in cb.variables["goal"].years:
        # goals follow the breadth of the innovation (§2.5: multiple-type innovations aim more often at
        # quality and use), efficiency more often in large and quality in small organisations
        spec = _z(df["spectrum"].to_numpy())
        zs = _z(size)
        g_lat = {it: spec + noise(0.8) for it in cb.variables["goal"].items}
        g_lat["goal_efficiency"] = 0.3 * spec + 0.6 * zs + noise(0.8)
        g_lat["goal_quality"] = spec - 0.5 * zs + noise(0.8)
        g_lat["goal_use"] = 0.5 * spec + noise(1.0)
        multi("goal", inn, spec + noise(), prior={"goal_efficiency": .56, "goal_quality": .48}, item_latent=g_lat)
    if year in cb.variables["effect"].years:
        hc = df[["factor_staff", "factor_collaboration", "factor_skills"]].mean(axis=1).to_numpy()
        tech = np.isin(df["tech_content"], [1, 2]).astype(float)
        strat = np.isin(df["strategy"], [2, 4]).astype(float)
        gcost = df.get("goal_cost", pd.Series(0, index=df.index)).fillna(0).to_numpy()
        rijk = (df["sector"] == 7).to_numpy().astype(float)
        guse = df.get("goal_use", pd.Series(0, index=df.index)).fillna(0).to_numpy()
        gq = df.get("goal_quality", pd.Series(0, index=df.index)).fillna(0).to_numpy()
        geff = df.get("goal_efficiency", pd.Series(0, index=df.index)).fillna(0).to_numpy()
        s12 = np.isin(df["strategy"], [1, 2]).astype(float)
        # the noise of the effect latents is made uncorrelated (among innovators) with every term of
        # the effect models, so that each term has the association assumed here and no chance one
        cov = [clim, _z(hc), tech, strat, gcost, guse, gq, geff, s12, rijk, size.astype(float),
               df["spectrum"].to_numpy(float)]
        cov += [(df[v] == c).to_numpy(float) for v in ("sector", "tech_content", "strategy")
                for c in sorted(df.loc[inn, v].dropna().unique())[1:]]
        X = np.column_stack([np.ones(n)] + cov)[inn]

        def clean_noise(sd):
            e = rng.normal(0, sd, n)
            r = e[inn] - X @ np.linalg.lstsq(X, e[inn], rcond=None)[0]
            e[inn] = r * (sd / (r.std() or 1.0))
            return e

        for it in cb.variables["effect"].items:
            lat = 0.6 * clim + clean_noise(1.0)
            if it == "effect_efficiency":
                lat = (0.5 * clim + 0.6 * _z(hc) + 0.9 * tech + 1.3 * strat + 1.2 * gcost - 1.8 * guse
                       + clean_noise(0.8))
            elif it == "effect_procedures":
                lat = (0.6 * clim + 0.5 * _z(hc) + 0.6 * gq + 0.6 * geff + 0.5 * s12 - 1.2 * rijk
                       + clean_noise(0.8))
            elif it == "effect_quality":
                # small effect (§2.5: odds ratio below 2.5): the published shares by climate cluster (Figuur
                # B2-2) already make it about 2, so within a cluster climate adds only a little
                # (0,05; 0,2 would give an odds ratio above 2,5)
                lat = 0.05 * clim + clean_noise(1.0)
            # quality: the same distribution in every size class (§2.5: size does not matter)
            st = strata_for(E, df, [it], ["climate_cluster"] + (["size_class"] if it == "effect_quality" else []))
            miss = 0.6 if it == "effect_other" else 0.0
            df[it] = hist_block(E, df, it, [1, 4, 2, 3, NAN], inn, st, lat, order=[1, 4, 2, 3, NAN],
                                prior={1: .6 * (1 - miss), 2: .2 * (1 - miss), 3: .02, 4: .18 * (1 - miss), NAN: miss + .001})
        single("applicable_elsewhere", inn, clim + noise(), order=[1, 0], prior={1: .86, 0: .14})
        single("knowledge_shared", inn, clim + noise(), order=[1, 0], prior={1: .55, 0: .45})
    # climate and conditions items from the scale scores
    for scale in ("climate_scale", "conditions_scale"):
        lat = _z(df[scale]) + noise(0.5)
        if scale == "conditions_scale":
            # within a score, innovating organisations get the higher management and time items
            # (§2.1: management support and time raise the chance of innovating)
            items = pattern_items(E, df, scale, df["innovated"].to_numpy() + noise(1.0))
        else:
            items = scale_items(E, df, scale, lat)
        for c in items.columns:
            df[c] = items[c]
    has_clim = ~np.isnan(df["climate_scale"].to_numpy())
    df["climate_adopt"] = hist_block(E, df, "climate_adopt", [1, 2, 3, 4, 5], has_clim, ["sector"],
                                     clim + noise(0.6), order=[5, 4, 3, 2, 1],
                                     prior={1: .01, 2: .04, 3: .15, 4: .55, 5: .25})
    if year in cb.variables["failed_attempt"].years:
        st = strata_for(E, df, ["failed_attempt"] + cb.variables["fail_reason"].items, ["climate_cluster"])
        reason_rows = [r for r in E.active if r.variable in cb.variables["fail_reason"].items
                       and r.group_var == "climate_cluster" and r.statistic == "pct"]

        # bases of the questions asked after a failed attempt (Figuur 2-20 n, §2.6 base 71)
        f_items = set(cb.variables["fail_reason"].items_for(year)) | {"fail_phase"}
        f_base = next((int(r.value) if r.statistic == "n" else r.base_n for r in E.active
                       if r.variable in f_items and not r.group_var and (r.statistic == "n" or r.base_n)), None)

        def feasible_f(m: Model, cells):
            from .rounding import pct_counts
            if f_base:
                m.eq(lin(*[c.expr for c in cells if c.attrs["failed_attempt"] == 1]), f_base,
                     "failed = base of fail_reason / fail_phase")
            for cl in (1, 2, 3):
                rr = [r for r in reason_rows if r.group_codes() == [cl]]
                if not rr:
                    continue
                sel = [c for c in cells if c.attrs.get("climate_cluster") == cl and c.attrs["failed_attempt"] == 1]
                f = lin(*[c.expr for c in sel])
                ncl = int((df["climate_cluster"] == cl).sum())
                ok = [k for k in range(1, ncl + 1)
                      if all(pct_counts(r.value, k, r.decimals) for r in rr if r.comparison == "eq")]
                zs = [m.var(0, 1) for _ in ok]
                m.eq(lin(*zs), 1, f"failed cluster {cl} one")
                m.eq(lin(f, *[(-k, z) for k, z in zip(ok, zs)]), 0, f"failed cluster {cl}")

        df["failed_attempt"] = hist_block(E, df, "failed_attempt", [1, 0], allr, st, -clim + noise(), order=[1, 0],
                                          prior={1: .2, 0: .8}, extra=feasible_f)
        failed = df["failed_attempt"].to_numpy() == 1
        multi("fail_reason", failed, -clim + noise(), base=("climate_cluster",))
        single("fail_phase", failed, noise(), order=[1, 2, 3, 4, 5, 9])
    cols = cb.columns(year)
    out = df.copy()
    out["resp_id"] = [f"SYN{year}-{i + 1:04d}" for i in range(n)]
    out["year"] = year
    out = out[cols]
    # routing clean-up: not asked -> empty
    report = {"solver": "scipy.optimize.milp (HiGHS), deterministic, no time limit",
              "constrained_rows": len(E.consumed), "rows": len(E.rows),
              "infeasible_blocks": E.failed_blocks}
    return out, report


hist_block = _retry(hist_block)
multi_block = _retry(multi_block)
