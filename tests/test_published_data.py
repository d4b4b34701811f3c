"""Checks of the published-figures data themselves (not of a respondent file).

- every variable, code, group_var and group of ``data/published/figures.csv`` exists in the
  codebook (derived variables included) and the year is one the variable exists in;
- every conflict id used exists in ``data/registers/conflicts.yaml``, every conflict lists
  existing rows, and every row that carries a conflict is listed by it;
- a percentage with a printed base gives a whole count that rounds (half up) to it, a scale
  mean with a base is reachable on the scale's grid, a response rate has an integer number of
  invited organisations, unless the row carries a conflict;
- no duplicate rows; ``claims.csv`` and ``data/external/denmark.csv`` are well-formed.

The helpers are plain functions so that the negative tests at the bottom can show that the
checks can fail. The data files are read with the standard library and PyYAML only.
"""

from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "data" / "published" / "figures.csv"
CLAIMS = ROOT / "data" / "published" / "claims.csv"
CONFLICTS = ROOT / "data" / "registers" / "conflicts.yaml"
CODEBOOK = ROOT / "data" / "codebook.yaml"
DENMARK = ROOT / "data" / "external" / "denmark.csv"

FIGURE_COLUMNS = ["row_id", "source", "year", "statistic", "variable", "codes", "group_var", "group",
                  "value", "decimals", "comparison", "tolerance", "base_n", "conflict", "note"]
CLAIM_COLUMNS = ["claim_id", "source", "claim", "test", "kind", "years"]
STATISTICS = {"pct", "mean", "sd", "n", "count", "pp_diff", "response_rate"}
COMPARISONS = {"eq", "approx", "gt", "lt"}
CLAIM_KINDS = {"regression", "reliability", "association", "threshold", "share", "difference_test"}
SOURCE_RE = re.compile(r"^(Tabel B1-([1-9]|1[0-2])|Figuur (2|B2)-\d{1,2}|§[1-3](\.[1-7])?|Managementsamenvatting|Voorwoord)$")
#: Keys of a conflicts-register entry, in the order of the register's header (schema).
CONFLICT_KEYS = ["id", "sources", "conflict", "resolution", "rows"]
#: Optional keys and the key each follows: ``status`` (e.g. C08, "resolved by routing (no
#: expected non-match)"), and the Dutch texts the Verantwoording chapter shows (a pair).
CONFLICT_OPTIONAL = {"status": "id", "conflict_nl": "resolution", "resolution_nl": "conflict_nl"}


# ---------------------------------------------------------------------------- helpers
def round_half_up(x, decimals: int = 0) -> Decimal:
    """Round half up with Decimal (never Python's banker's ``round``)."""
    return Decimal(str(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def whole_count(pct, n: int, decimals: int = 0) -> int | None:
    """A count k (0..n) with round_half_up(100*k/n) == pct, or None if there is none."""
    target = round_half_up(pct, decimals)
    for k in range(n + 1):
        if (Decimal(100 * k) / Decimal(n)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) == target:
            return k
    return None


def grid_sum(mean, n: int, items: int, decimals: int = 2) -> int | None:
    """A sum S of item scores with round_half_up(S/(items*n)) == mean (scores on a 1/items grid)."""
    target = round_half_up(mean, decimals)
    denom = Decimal(items * n)
    centre = int(Decimal(str(mean)) * denom)
    for s in range(max(centre - 5, 0), centre + 6):
        if (Decimal(s) / denom).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) == target:
            return s
    return None


def invited_count(count: int, rate, upper: int = 100000) -> int | None:
    """An integer number of invited organisations N >= count with round_half_up(100*count/N) == rate."""
    target = round_half_up(rate)
    lo = max(count, int(100 * count / (float(rate) + 0.5)) - 1)
    for n in range(max(lo, 1), min(upper, int(100 * count / max(float(rate) - 0.5, 0.01)) + 2)):
        if (Decimal(100 * count) / Decimal(n)).quantize(Decimal(1), rounding=ROUND_HALF_UP) == target:
            return n
    return None


def split_codes(text: str) -> list:
    out = []
    for part in str(text).split("|"):
        part = part.strip()
        if part == "":
            continue
        try:
            out.append(int(part))
        except ValueError:
            out.append(part)
    return out


def codebook_index(cb: dict) -> dict:
    """name -> {"codes": set or None, "years": set, "numeric": bool} for columns, questions, derived."""
    scales = {k: set(v) for k, v in cb.get("scales", {}).items()}
    idx: dict = {}
    for var in cb["variables"]:
        years = set(var.get("years", []))
        vtype = var["type"]
        if vtype == "id":
            idx[var["name"]] = {"codes": None, "years": years, "numeric": False}
            continue
        if "items" in var:
            if vtype == "multiple":
                item_codes = {0, 1}
            else:  # likert or single with a shared scale (effects)
                item_codes = scales[var["scale"]]
            idx[var["name"]] = {"codes": None, "years": years, "numeric": False, "question": True}
            item_years = var.get("item_years", {})
            for item in var["items"]:
                idx[item] = {"codes": set(item_codes), "years": set(item_years.get(item, years)),
                             "numeric": vtype == "likert"}
            continue
        if "codes" in var:
            codes = set(var["codes"])
        elif "scale" in var:
            codes = scales[var["scale"]]
        else:
            codes = None
        idx[var["name"]] = {"codes": codes, "years": years, "numeric": False}
    for d in cb.get("derived", []):
        codes = set(d["codes"]) if "codes" in d else None
        idx[d["name"]] = {"codes": codes, "years": set(d.get("years", [])), "numeric": codes is None,
                          "n_items": d.get("min_items") if "items" in d else None}
    return idx


def row_problems(row: dict, idx: dict) -> list[str]:
    """Everything wrong with one row of figures.csv against the codebook index (empty = fine)."""
    p = []
    rid = row.get("row_id", "?")
    stat = row["statistic"]
    if stat not in STATISTICS:
        p.append(f"{rid}: unknown statistic {stat!r}")
    comp = row["comparison"] or "eq"
    if comp not in COMPARISONS:
        p.append(f"{rid}: unknown comparison {comp!r}")
    if comp == "approx" and not row["tolerance"]:
        p.append(f"{rid}: approx without tolerance")
    if not SOURCE_RE.match(row["source"]):
        p.append(f"{rid}: source {row['source']!r} is not an exhibit or section name")
    if row["source"] == "Figuur B2-4":
        p.append(f"{rid}: Figuur B2-4's values are unknown (conflict C05); nothing may be recorded for it")
    try:
        value = float(row["value"])
        int(row["decimals"])
        year = int(row["year"])
    except ValueError:
        return p + [f"{rid}: value/decimals/year not numeric"]
    var = row["variable"]
    info = idx.get(var)
    if info is None:
        return p + [f"{rid}: variable {var!r} not in the codebook"]
    if year not in info["years"]:
        p.append(f"{rid}: {var} does not exist in {year} (codebook years {sorted(info['years'])})")
    codes = split_codes(row["codes"])
    if stat in ("pct", "count", "pp_diff"):
        if not codes:
            p.append(f"{rid}: {stat} needs codes")
        elif info["codes"] is None:
            p.append(f"{rid}: {var} has no codes, but codes {codes} given")
        else:
            bad = [c for c in codes if c not in info["codes"]]
            if bad:
                p.append(f"{rid}: code(s) {bad} not allowed for {var} ({sorted(info['codes'])})")
        if stat == "pct" and not (0 <= value <= 100):
            p.append(f"{rid}: percentage {value} outside 0-100")
    elif codes:
        p.append(f"{rid}: {stat} takes no codes")
    if stat in ("mean", "sd") and not info.get("numeric"):
        p.append(f"{rid}: {stat} of non-numeric variable {var}")
    gv, grp = row["group_var"], row["group"]
    if bool(gv) != bool(grp):
        p.append(f"{rid}: group_var and group must both be given or both be empty")
    if gv:
        ginfo = idx.get(gv)
        if ginfo is None or ginfo["codes"] is None:
            p.append(f"{rid}: group_var {gv!r} is not a coded codebook variable")
        else:
            if year not in ginfo["years"]:
                p.append(f"{rid}: group_var {gv} does not exist in {year}")
            sides = grp.split(">") if stat == "pp_diff" else [grp]
            if stat == "pp_diff" and len(sides) != 2:
                p.append(f"{rid}: pp_diff needs group 'a>b'")
            for side in sides:
                bad = [c for c in split_codes(side) if c not in ginfo["codes"]]
                if bad or not split_codes(side):
                    p.append(f"{rid}: group {side!r} not valid for {gv} ({sorted(ginfo['codes'])})")
    elif stat == "pp_diff":
        p.append(f"{rid}: pp_diff needs a group_var")
    return p


def rounding_problems(row: dict, idx: dict) -> list[str]:
    """Percentage x base and scale-mean grid checks of one row (rows with a conflict are exempt)."""
    if row["conflict"] or not row["base_n"] or (row["comparison"] or "eq") != "eq":
        return []
    n = int(row["base_n"])
    dec = int(row["decimals"])
    if row["statistic"] == "pct" and whole_count(row["value"], n, dec) is None:
        return [f"{row['row_id']}: no whole count of {n} rounds (half up) to {row['value']}%"]
    if row["statistic"] == "mean":
        items = idx.get(row["variable"], {}).get("n_items")
        if items and grid_sum(row["value"], n, items, dec) is None:
            return [f"{row['row_id']}: mean {row['value']} unreachable for n={n} on a 1/{items} grid"]
    return []


# ---------------------------------------------------------------------------- fixtures
def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def idx():
    return codebook_index(yaml.safe_load(CODEBOOK.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def figures():
    return read_csv(FIGURES)


@pytest.fixture(scope="module")
def claims():
    return read_csv(CLAIMS)


@pytest.fixture(scope="module")
def conflicts():
    return yaml.safe_load(CONFLICTS.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- figures.csv
def test_figures_columns_and_size(figures):
    with open(FIGURES, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == FIGURE_COLUMNS
    assert len(figures) >= 600


def test_every_row_fits_the_codebook(figures, idx):
    problems = [p for row in figures for p in row_problems(row, idx)]
    assert not problems, "\n".join(problems[:50])


def test_row_ids_unique(figures):
    seen, dup = set(), []
    for r in figures:
        if r["row_id"] in seen:
            dup.append(r["row_id"])
        seen.add(r["row_id"])
    assert not dup, dup[:10]


def test_no_duplicate_rows(figures):
    key = ("source", "year", "variable", "codes", "group_var", "group", "statistic")
    seen, dup = set(), []
    for r in figures:
        k = tuple(r[c] for c in key)
        if k in seen:
            dup.append(r["row_id"])
        seen.add(k)
    assert not dup, dup[:10]


def test_percentages_times_bases_are_whole_counts(figures, idx):
    problems = [p for row in figures for p in rounding_problems(row, idx)]
    assert not problems, "\n".join(problems)


def test_response_rates_have_whole_invited_counts(figures):
    counts = {(r["year"], r["group"]): int(r["value"]) for r in figures
              if r["source"] == "Tabel B1-1" and r["statistic"] == "n"}
    rates = [r for r in figures if r["statistic"] == "response_rate"]
    assert len(rates) == 10  # nine sectors and the total
    bad = [r["row_id"] for r in rates if invited_count(counts[(r["year"], r["group"])], float(r["value"])) is None]
    assert not bad, bad


def test_shares_of_total_match_counts(figures):
    """Tabel B1-1: counts add up to the total and each share of the total is count/total."""
    counts = {r["group"]: int(r["value"]) for r in figures
              if r["source"] == "Tabel B1-1" and r["statistic"] == "n" and r["group"]}
    total = [int(r["value"]) for r in figures if r["source"] == "Tabel B1-1" and r["statistic"] == "n" and not r["group"]]
    assert total == [sum(counts.values())] == [347]
    for r in figures:
        if r["source"] == "Tabel B1-1" and r["statistic"] == "pct":
            k = counts[r["codes"]]
            assert round_half_up(Decimal(100 * k) / Decimal(347)) == round_half_up(r["value"]), r["row_id"]


def test_both_years_of_basic_tables(figures):
    for table in ("Tabel B1-2", "Tabel B1-3", "Tabel B1-4", "Tabel B1-5", "Tabel B1-6", "Tabel B1-7",
                  "Tabel B1-8", "Tabel B1-10", "Tabel B1-12"):
        years = {r["year"] for r in figures if r["source"] == table}
        assert years == {"2021", "2025"}, table
    for table in [f"Tabel B1-{i}" for i in range(1, 13)]:
        assert any(r["source"] == table and r["statistic"] == "n" for r in figures), f"{table} without base rows"


# ---------------------------------------------------------------------------- conflicts
def test_conflicts_register_shape(conflicts):
    assert isinstance(conflicts, list) and conflicts
    ids = [c["id"] for c in conflicts]
    assert len(ids) == len(set(ids))
    for c in conflicts:
        expected = list(CONFLICT_KEYS)
        for key, after in CONFLICT_OPTIONAL.items():  # in schema order
            if key in c:
                expected.insert(expected.index(after) + 1, key)
        assert list(c) == expected, c.get("id")
        assert c["sources"] and c["conflict"].strip() and c["resolution"].strip(), c["id"]
        assert str(c.get("status", "-")).strip(), f"{c['id']}: empty status"
        assert ("conflict_nl" in c) == ("resolution_nl" in c), f"{c['id']}: conflict_nl and resolution_nl go together"
        assert all(str(c[k]).strip() for k in ("conflict_nl", "resolution_nl") if k in c), c["id"]


def test_conflict_ids_exist_and_every_conflict_is_used(figures, claims, conflicts):
    by_id = {c["id"]: c for c in conflicts}
    known_rows = {r["row_id"] for r in figures} | {c["claim_id"] for c in claims}
    problems = []
    for r in figures:
        cid = r["conflict"]
        if cid and cid not in by_id:
            problems.append(f"{r['row_id']}: conflict {cid} not in conflicts.yaml")
        elif cid and r["row_id"] not in by_id[cid]["rows"]:
            problems.append(f"{r['row_id']}: carries {cid} but is not listed in its rows")
    for c in conflicts:
        if not c["rows"]:
            problems.append(f"{c['id']}: lists no rows (unused)")
        missing = [x for x in c["rows"] if x not in known_rows]
        if missing:
            problems.append(f"{c['id']}: unknown rows {missing[:5]}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------- claims.csv
def test_claims_well_formed(claims):
    with open(CLAIMS, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[: len(CLAIM_COLUMNS)] == CLAIM_COLUMNS
    ids = [c["claim_id"] for c in claims]
    assert len(ids) == len(set(ids)) and len(ids) >= 25
    for c in claims:
        assert re.fullmatch(r"CL\d{2}", c["claim_id"]), c["claim_id"]
        assert SOURCE_RE.match(c["source"].split(",")[0].strip()), c["claim_id"]
        assert c["claim"].strip() and len(c["test"]) > 20, c["claim_id"]
        assert c["kind"] in CLAIM_KINDS, c["claim_id"]
        assert set(c["years"].split("|")) <= {"2021", "2025"} and c["years"], c["claim_id"]


def test_claim_tests_use_codebook_names(claims, idx):
    """Every snake_case name in a claim's test that looks like a variable is a codebook name."""
    names = set(idx) | {"year", "pp_diff", "round_half_up"}
    problems = []
    for c in claims:
        for token in re.findall(r"\b[a-z]+_[a-z_]+\b", c["test"]):
            if token not in names:
                problems.append(f"{c['claim_id']}: {token}")
    assert not problems, problems


# ---------------------------------------------------------------------------- external figures
def test_denmark_table_well_formed():
    rows = read_csv(DENMARK)
    assert rows
    for r in rows:
        assert r["measure"].strip() and r["wave"].strip() and r["period"].strip(), r
        float(r["value"])
        assert r["comparison"] in COMPARISONS, r
        assert r["source_url"].startswith("http"), r
        assert r["reliability"] in {"primary", "secondary", "weak", "unverified"}, r


# ---------------------------------------------------------------------------- the checks can fail
def test_whole_count_helper_negative():
    assert whole_count(33, 7) is None          # 2/7 = 28,6 and 3/7 = 42,9
    assert whole_count(63, 8) == 5             # 62,5 rounds half UP to 63 ...
    assert whole_count(62, 8) is None          # ... so no count gives 62 (banker's rounding would)
    assert grid_sum(3.35, 6, 6) is None        # 120/36 = 3,333 and 121/36 = 3,361
    assert invited_count(2, 33) == 6


def test_row_checker_negative(idx):
    good = dict(zip(FIGURE_COLUMNS, ["x", "Tabel B1-8", "2025", "pct", "innovated", "1", "sector", "7",
                                     "72", "0", "eq", "", "58", "", ""]))
    assert row_problems(good, idx) == [] and rounding_problems(good, idx) == []
    assert row_problems({**good, "variable": "innovation"}, idx)
    assert row_problems({**good, "codes": "4|5"}, idx)
    assert row_problems({**good, "group": "10"}, idx)
    assert row_problems({**good, "variable": "goal_cost", "year": "2021"}, idx)
    assert row_problems({**good, "source": "Figuur B2-4"}, idx)
    assert rounding_problems({**good, "value": "73"}, idx)   # 42/58 = 72,4; 43/58 = 74,1
    assert not rounding_problems({**good, "value": "73", "conflict": "C99"}, idx)
