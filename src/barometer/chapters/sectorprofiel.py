"""Exhibits of one sector profile (the part *Sectorprofielen*).

A profile describes one group of organisations — a sector, a part of the national government,
or the pool of groups too small to be shown on their own (:func:`barometer.book.profiles.profiles`,
:func:`barometer.presentation.disclosure.profile_groups`) — beside the whole public sector and beside its
own previous measurement. Every public function takes an
:class:`~barometer.book.edition.Edition` and the profile's specification (the notebook parameter
``sector``, e.g. ``"sector:1"``, ``"sector:3,5"`` or ``"national_type:2"``). The numbers come
from the analysis functions the chapters use (:mod:`barometer.analysis.statistics`,
:func:`barometer.chapters.bevorderende_en_belemmerende_factoren.aandeel_bevorderd`, ...) applied to the profile's
respondents, so a profile's share equals the chapter's and Bijlage I's cell for that group;
intervals from :mod:`barometer.analysis.uncertainty` (Wilson with the FPC for shares, t for means,
through :func:`barometer.presentation.intervals.met_intervallen`); every figure passes
:mod:`barometer.presentation.disclosure`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation import linked
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration
from barometer.presentation.exhibit import Notice, TableExhibit, disclose
from barometer.chapters import bevorderende_en_belemmerende_factoren as factoren
from barometer.presentation.intervals import met_intervallen
from barometer.presentation.phrasing import join_nl, lower_first
from barometer.presentation.glue import glue_text
from barometer.analysis.uncertainty import ALPHA

__all__ = ["Spec", "parse_spec", "profile_frame", "kerncijfers", "tabel_innovatie", "tabel_klimaat",
           "tabel_factoren", "tabel_doelen_effecten", "TOTAL_LABEL"]

#: Column label of the whole public sector.
TOTAL_LABEL = "Openbaar bestuur"
#: Confidence level of the intervals, in Dutch (from ``barometer.analysis.uncertainty.ALPHA``).
_LEVEL = fmt.pct(100 * (1 - ALPHA))
#: Number of factors, goals and effects a profile lists (the main ones).
TOP = 3


@dataclass(frozen=True)
class Spec:
    """A profile: the grouping variable, its codes and the profile's Dutch name."""

    variable: str
    codes: tuple[int, ...]
    label: str
    slug: str


def parse_spec(sector: str) -> Spec:
    """The profile of the notebook parameter ``sector`` (``"<variable>:<code>[,<code>...]"``).

    Raises
    ------
    ValueError
        When the text does not have that form or names a variable without codes.
    """
    from barometer.book.profiles import profile_label, profile_slug

    try:
        variable, codes = str(sector).split(":", 1)
        parsed = tuple(sorted(int(c) for c in codes.split(",") if c.strip()))
    except ValueError:
        raise ValueError(f"Parameter sector = {sector!r}: verwacht '<variabele>:<code>[,<code>...]', "
                         "bijvoorbeeld 'sector:1'.") from None
    if not parsed:
        raise ValueError(f"Parameter sector = {sector!r}: geen code opgegeven.")
    return Spec(variable, parsed, profile_label(variable, parsed), profile_slug(variable, parsed))


def profile_frame(ed, spec: Spec) -> pd.DataFrame:
    """Respondents of the profile, every year of the edition (derived variables included)."""
    df = ed.all_years
    return df[df[spec.variable].isin(spec.codes)]


def _years(ed) -> list[int]:
    prev = ed.previous_year
    return [ed.year] + ([prev] if prev is not None else [])


def _columns(ed, spec: Spec) -> list[tuple[str, str, int]]:
    """(column header, which frame, year) of the profile tables."""
    cols = [(f"{spec.label} {ed.year}", "profiel", ed.year)]
    if ed.previous_year is not None:
        cols.append((f"{spec.label} {ed.previous_year}", "profiel", ed.previous_year))
    cols.append((f"{TOTAL_LABEL} {ed.year}", "totaal", ed.year))
    return cols


#: The two series of a profile's data: every group of the profile's variable with its total
#: (the block the disclosure policy protects), and the whole public sector (shown beside the
#: profile; a separate total only when the variable does not cover every organisation).
PER_GROUP = "per groep"
WHOLE = "openbaar bestuur"


def _groups(ed, spec: Spec) -> list[tuple[str, tuple[int, ...]]]:
    """The groups of the profile's block: the profile, and every other group of its variable
    as the profiles show it (one group, or the pool), less the profile's own codes, in the one
    order of the edition (:func:`barometer.presentation.disclosure.profile_block`: the same for
    every profile, so every profile hides the same cells). Groups that get no profile at all
    are left out: the policy counts them as the part of the total in no group (hidden).
    """
    from barometer.book.profiles import profile_label

    cur = ed.df
    bases = cur[spec.variable].dropna().astype(int).value_counts().to_dict() if spec.variable in cur else {}
    return [(spec.label if codes == spec.codes else profile_label(spec.variable, codes), codes)
            for codes in disclosure.profile_block(bases, spec.codes, ed.min_base)]


def _share_rows(ed, spec: Spec, what: str, compute, values: tuple[str, ...] = ("count",)) -> pd.DataFrame:
    """Tidy shares of one indicator for every group of the profile's block and its total, and for
    the whole public sector, in the edition's year and the previous one.

    ``compute(frame, years, by)`` returns a frame with ``year``, ``group`` (a code of the
    column ``by``, or ``Totaal``), ``item``, ``label``, ``base`` and the ``values`` (``count``:
    then the share ``pct`` is added); one call covers every group and year. Columns: ``jaar``,
    ``reeks`` (:data:`PER_GROUP` or :data:`WHOLE`), ``groep`` (the group's label, ``Totaal``
    for a total), ``indicator``, ``item``, ``label``, the values, ``base`` (and ``pct``).
    """
    everyone = ed.all_years
    var = spec.variable
    columns = ["jaar", "reeks", "groep", "indicator", "item", "label", *values, "base"]
    if var not in everyone:
        return pd.DataFrame(columns=columns + (["pct"] if "count" in values else []))
    groups = _groups(ed, spec)
    number = {c: k for k, (_, codes) in enumerate(groups, start=1) for c in codes}
    parts = []
    atoms = _atom_rows(ed, compute) if "count" in values else None
    # counts and bases add up: the block's rows are sums of the finest groups' rows, which the
    # edition-wide suppression (_linked) needs anyway; a mean does not, it is computed apart
    if atoms is not None:
        r = _from_atoms(atoms, ed, var, number)
    else:
        block = everyone[everyone[var].notna()].copy()
        block["_blok"] = block[var].map(number)  # codes in no profile: only in the total
        r = compute(block, _years(ed), "_blok")
    if r is not None and len(r):
        r = r.assign(reeks=PER_GROUP, groep=[st.TOTAL if str(g) == st.TOTAL else groups[int(g) - 1][0]
                                              for g in r["group"]])
        parts.append(r)
    if not bool(everyone[var].notna().all()):
        w = _whole(ed, compute)
        if w is not None and len(w):
            parts.append(w.assign(reeks=WHOLE, groep=st.TOTAL))
    if not parts:
        return pd.DataFrame(columns=columns + (["pct"] if "count" in values else []))
    out = pd.concat(parts, ignore_index=True)
    out = out[out["base"] > 0].rename(columns={"year": "jaar"}).assign(indicator=what)  # base 0: not asked
    out["jaar"] = out["jaar"].astype("int64")
    order = {y: i for i, y in enumerate(_years(ed))}
    out = out[out["jaar"].isin(list(order))]  # the finest groups' rows cover every year of the edition
    out = out.assign(_o=out["jaar"].map(order)).sort_values("_o", kind="stable")[columns].reset_index(drop=True)
    if "count" in values:
        out["pct"] = 100.0 * out["count"] / out["base"].where(out["base"] > 0)
    out[disclosure.LINKED] = _linked(ed, spec, compute, groups, out)
    own = {label: codes_ for label, codes_ in groups}
    out[disclosure.BASE_HIDDEN] = linked.hidden_bases(ed, out, var, linked.PROFILES, group="groep", year="jaar",
                                                      codes=lambda label: own.get(label), total=st.TOTAL) \
        & (out["reeks"] == PER_GROUP)
    return out


def _whole(ed, compute) -> pd.DataFrame | None:
    """``compute`` on the whole public sector, every year of the edition: the same for every
    profile, so computed once per edition object (a module-level ``compute``); a copy each time."""
    return _copied(_kept(("whole", id(ed), compute), ed, lambda: compute(ed.all_years, _years(ed), None)))


def _linked(ed, spec: Spec, compute, groups, rows: pd.DataFrame) -> pd.Series:
    """Which rows of the profile's block the policy hides because of the other exhibits of the
    edition (:mod:`barometer.presentation.linked`): the other profiles, the tables with every
    group on its own, and the other grouping variable's blocks, solved together on the bases of
    the finest groups, so that a cell two blocks share (the zbo's) or one that follows from
    another block (the pool minus a sector of Tabel B1-8) is hidden alike everywhere.
    """
    own = {label: codes_ for label, codes_ in groups}
    flags = linked.flags(ed, _STATISTIC.get(compute, compute), rows, spec.variable, linked.PROFILES, group="groep", year="jaar",
                         codes=lambda label: own.get(label))
    return flags & (rows["reeks"] == PER_GROUP)


def _variables(ed) -> tuple[str, ...]:
    """The grouping variables of the policy's profiles that the edition's data have."""
    return linked.variables(ed)


def _atom_rows(ed, compute) -> pd.DataFrame | None:
    """``compute`` by the finest groups (:func:`barometer.presentation.linked.atoms`), every year
    of the edition. None when the edition has fewer than two grouping variables."""
    return linked.atom_rows(ed, compute) if len(_variables(ed)) >= 2 else None


def _from_atoms(rows: pd.DataFrame | None, ed, var: str, number: dict) -> pd.DataFrame | None:
    """The block's rows (as ``compute(block, years, "_blok")`` gives them: year, group number
    in order, the block's total last) as sums of counts and bases of the finest groups."""
    if rows is None or not len(rows):
        return rows
    codes = linked.atoms(ed)[1]
    g = rows[rows["group"].astype(str) != st.TOTAL]
    code = g["group"].map(lambda a: codes[int(a)][var])
    g = g[code >= 0].assign(_blok=code[code >= 0].map(number))
    keys = [c for c in g.columns if c not in ("group", "_blok", "count", "base", "pct")]
    years = {y: i for i, y in enumerate(sorted(g["year"].unique()))}
    per = (g.dropna(subset=["_blok"]).assign(_y=lambda f: f["year"].map(years))
           .sort_values(["_y", "_blok"], kind="stable")
           .groupby(["_y", "_blok", *keys], sort=False, dropna=False)[["count", "base"]].sum().reset_index()
           .rename(columns={"_blok": "group"}))
    per["group"] = per["group"].astype(int).astype(object)
    total = (g.assign(_y=g["year"].map(years)).groupby(["_y", *keys], sort=False, dropna=False)[["count", "base"]]
             .sum().reset_index().assign(group=st.TOTAL))
    out = pd.concat([per, total], ignore_index=True).sort_values("_y", kind="stable").drop(columns="_y")
    return out[["year", "group", *[k for k in keys if k != "year"], "count", "base"]].reset_index(drop=True)


def _total_series(d) -> str:
    """The series whose total is the whole public sector in a disclosed profile frame."""
    return WHOLE if (d.frame["reeks"] == WHOLE).any() else PER_GROUP


def _where(ed, spec: Spec, d, whole: bool, year: int, indicator: str, item: str) -> dict:
    """The key of one cell: the profile's (``whole`` False) or the whole public sector's."""
    if whole:
        return dict(jaar=year, reeks=_total_series(d), groep=st.TOTAL, indicator=indicator, item=item)
    return dict(jaar=year, reeks=PER_GROUP, groep=spec.label, indicator=indicator, item=item)


def _coded(frame, question: str, years, by, code: int = 1):
    """The share with answer ``code`` of a single question (one row per year and group)."""
    f = st.frequencies(frame, question, by=by, years=years)
    f = f[f["code"] == code]
    return f.assign(item=question, label=load_codebook().label(question)) if len(f) else None


def _innovated(frame, years, by):
    return _coded(frame, "innovated", years, by)


def _types(frame, years, by):
    f = st.frequencies(frame, "innovation_type", by=by, years=years)
    return f if len(f) else None


def _failed(frame, years, by):
    cb = load_codebook()
    asked = [y for y in years if cb.is_asked("failed_attempt", y)]  # asked since a later measurement
    return _coded(frame, "failed_attempt", asked, by) if asked else None


def _clusters(frame, years, by):
    f = st.frequencies(frame, "climate_cluster", by=by, years=years)
    return f.assign(item="climate_cluster_" + f["code"].astype(str)) if len(f) else None


def _promoted(frame, years, by):
    f = factoren.aandeel_bevorderd(frame, years, by=by)
    return f.reset_index(drop=True) if len(f) else None


def _hindered(frame, years, by):
    cb = load_codebook()
    f = st.frequencies(frame, factoren.FACTOR, by=by, years=years)
    if not len(f):
        return None
    keys = ["year", "group", "item", "label"]
    hit = f[f["code"].isin(factoren._hinder_codes(cb))]
    g = hit.groupby(keys, sort=False)["count"].sum().reset_index()
    base = f.groupby(keys, sort=False)["base"].first().reset_index()
    return g.merge(base, on=keys, how="left")


def _goals(frame, years, by):
    f = st.frequencies(frame, "goal", by=by, years=years)
    return f if len(f) else None


def _effects(frame, years, by):
    cb = load_codebook()
    f = st.frequencies(frame, "effect", by=by, years=years, summary=True)
    if not len(f):
        return None
    label = cb.variable("effect").display.get("summary_label", "")
    return f.assign(label=f["label"] + (f" ({label})" if label else ""))


def _score(frame, years, by):
    """The climate score: mean and sd, base ``n`` (as :func:`_share_rows` takes it)."""
    m = st.means(frame, "climate_scale", by=by, years=years)
    if not len(m):
        return None
    return pd.DataFrame({"year": m["year"], "group": m["group"], "item": "climate_scale",
                         "label": load_codebook().label("climate_scale"), "base": m["n"],
                         "gemiddelde": m["mean"], "sd": m["sd"]})


#: The profile indicators that exhibits of the report also show for every group on its own: the
#: edition-wide rule solves them on the statistic's one definition (barometer.presentation.linked).
_STATISTIC = {_innovated: linked.INNOVATED, _types: linked.TYPES, _score: linked.CLIMATE, _clusters: linked.CLUSTERS}


def _present(d, **where) -> bool:
    """Whether the disclosed frame has the row (asked, and answered)."""
    f = d.frame
    keep = pd.Series(True, index=f.index)
    for col, value in where.items():
        keep &= f[col].astype(object).map(lambda v: v == value or str(v) == str(value))
    return bool(keep.any())


def _interval(d, column: str = "pct", format=None, **where) -> disclosure.Released:
    """The 95% interval of a cell as released text: ``"lo–hi"``, the symbol when the cell is
    hidden, ``-`` when there is no row or no interval."""
    format = format or fmt.pct
    if not _present(d, **where):
        return disclosure.Released(fmt.NOT_ASKED)
    why = d.reason(column, **where)
    if why is not None:
        return disclosure.suppressed(why)
    if fmt.is_missing(d.value("ondergrens", **where)):
        return disclosure.Released(fmt.NOT_ASKED)
    lower = (lambda v: fmt.dec(v, 0)) if format is fmt.pct else format
    return disclosure.compose("{lo}–{hi}", lo=d.text("ondergrens", lower, **where), hi=d.text("bovengrens", format, **where))


def _wide(ed, spec: Spec, d, first: str) -> pd.DataFrame:
    """Display frame: one row per item, the profile (with interval), previous year, total; every
    figure a cell of the disclosed frame ``d``."""
    f = d.frame[d.frame["indicator"] != "klimaatscore"]
    rows = []
    for (ind, item), sub in f.groupby(["indicator", "item"], sort=False):
        row = {first: sub["label"].iloc[0]}
        for header, group, year in _columns(ed, spec):
            where = _where(ed, spec, d, group == "totaal", year, ind, item)
            row[header] = d.text("pct", **where)
            if group == "profiel" and year == ed.year:
                row[f"{_LEVEL}-interval"] = _interval(d, **where)
        rows.append(row)
    return pd.DataFrame(rows)


def _download(tidy: pd.DataFrame, ed) -> pd.DataFrame:
    """The download: every group of the block (so that a reader sees the cells the policy hid,
    and why), Dutch code-style names."""
    cols = ["jaar", "reeks", "groep", "indicator", "item", "onderdeel", "aantal", "basis", "percentage",
            "gemiddelde", "sd", "ondergrens", "bovengrens", disclosure.LINKED, disclosure.BASE_HIDDEN]
    out = tidy.rename(columns={"count": "aantal", "base": "basis", "pct": "percentage", "label": "onderdeel"})
    return out[[c for c in cols if c in out.columns]]


def _name(kind: str, spec: Spec, what: str) -> str:
    return f"{kind}-sectorprofiel-{spec.slug}-{what}"


def _bases_note(ed, spec: Spec, d, what: str) -> str:
    parts = []
    f = d.frame
    for header, group, year in _columns(ed, spec):
        if group == "totaal":
            sub = f[(f["reeks"] == _total_series(d)) & (f["groep"] == st.TOTAL) & (f["jaar"] == year)]
        else:
            sub = f[(f["reeks"] == PER_GROUP) & (f["groep"] == spec.label) & (f["jaar"] == year)]
        shown = sub["base"].dropna()
        if len(shown):
            lo, hi = int(shown.min()), int(shown.max())
            n = fmt.num(lo) if lo == hi else f"{fmt.num(lo)}–{fmt.num(hi)}"
            if len(shown) < len(sub):  # a base that counts a hidden number of innovators
                n += f" (deels {disclosure.symbol()})"
            parts.append(f"{header}: n = {n}")
        elif len(sub):
            parts.append(f"{header}: n = {disclosure.symbol()}")
    return f"Basis: {what}; " + "; ".join(parts) + "."


def _notes(ed, base_note: str) -> list[str]:
    return [base_note, f"Interval: {_LEVEL}-betrouwbaarheidsinterval (Wilson, met eindigepopulatiecorrectie).",
            _block_note(), disclosure.explanation(ed.min_base)]


def _block_note() -> str:
    return ("De download bevat elke groep van de indeling naast het totaal: een cijfer dat uit het totaal en de "
            "andere groepen, of uit de cijfers van de andere profielen, af te leiden zou zijn, is daar en hier "
            "verborgen, op elke profielpagina hetzelfde.")


# ----------------------------------------------------------------------------- tables
#: Tidy frames already computed in this process, by (function, edition object, profile): the
#: glue (:func:`kerncijfers`) and the tables need the same frames, computed once per kernel.
_TIDY: dict[tuple, tuple] = {}


def _kept(key: tuple, ed, make):
    """``make()`` once per ``key`` (which holds ``id(ed)``), kept in :data:`_TIDY` with ``ed``."""
    hit = _TIDY.get(key)
    if hit is None or hit[0] is not ed:  # the id of an edition no longer alive may be reused
        hit = _TIDY[key] = (ed, make())
    return hit[1]


def _copied(value):
    """Copies of the frames in ``value`` (a frame, a tuple of them, or anything else as is)."""
    if isinstance(value, tuple):
        return tuple(_copied(v) for v in value)
    return value.copy() if isinstance(value, pd.DataFrame) else value


def _once(fn):
    """Compute ``fn(ed, spec, *args)`` once per edition object, profile and arguments; return
    copies of frames (a disclosed frame is shared: nothing changes it)."""
    import functools

    @functools.wraps(fn)
    def wrapper(ed, spec: Spec, *args):
        return _copied(_kept((fn.__name__, id(ed), spec, *args), ed, lambda: fn(ed, spec, *args)))

    return wrapper


def _with_intervals(tidy: pd.DataFrame, ed) -> pd.DataFrame:
    """``tidy`` (year column ``jaar``) with the 95% interval of every share or mean."""
    return met_intervallen(tidy.rename(columns={"jaar": "year"}), ed).rename(columns={"year": "jaar"})


@_once
def _innovation_tidy(ed, spec: Spec) -> pd.DataFrame:
    parts = [_share_rows(ed, spec, "innoveerde", _innovated), _share_rows(ed, spec, "type", _types),
             _share_rows(ed, spec, "mislukte poging", _failed)]
    return _with_intervals(pd.concat([p for p in parts if len(p)], ignore_index=True), ed)


@_once
def _climate_tidy(ed, spec: Spec) -> pd.DataFrame:
    """The climate score (mean, sd, t interval) and the climate clusters (shares) of the block,
    in one frame with one base column (``base``: organisations with a score)."""
    means = _share_rows(ed, spec, "klimaatscore", _score, values=("gemiddelde", "sd"))
    if len(means):
        means = met_intervallen(means.rename(columns={"jaar": "year", "base": "n"}), ed) \
            .rename(columns={"year": "jaar", "n": "base"})
    clusters = _with_intervals(_share_rows(ed, spec, "klimaatcluster", _clusters), ed)
    return pd.concat([p for p in (means, clusters) if len(p)], ignore_index=True)


@_once
def _disclosed(ed, spec: Spec, what: str):
    """The disclosed frame of one of the profile's tables (``what``: innovatie, klimaat,
    factoren, doelen-effecten), the policy applied once to the whole block."""
    return disclose(_TABLES[what](ed, spec), ed.min_base, year=ed.year)


def _top_rows(tidy: pd.DataFrame, spec: Spec, ed) -> pd.DataFrame:
    """The rows (every group and year) of the :data:`TOP` items with the highest share the
    profile shows in the edition year (after the disclosure policy, so that no hidden share
    decides the choice), those items in that order."""
    if not len(tidy):
        return tidy
    f = disclose(tidy, ed.min_base, year=ed.year).frame
    cur = f[(f["reeks"] == PER_GROUP) & (f["groep"] == spec.label) & (f["jaar"] == ed.year) & f["pct"].notna()]
    keep = cur.sort_values("pct", ascending=False, kind="stable")["item"].head(TOP).tolist()
    order = {k: i for i, k in enumerate(keep)}
    return (tidy[tidy["item"].isin(keep)].assign(_o=lambda d: d["item"].map(order))
            .sort_values(["_o"], kind="stable").drop(columns="_o").reset_index(drop=True))


@_once
def _factor_tidy(ed, spec):
    parts = [_top_rows(_share_rows(ed, spec, kind, fn), spec, ed)
             for kind, fn in (("bevorderd", _promoted), ("belemmerd", _hindered))]
    parts = [p for p in parts if len(p)]
    return _with_intervals(pd.concat(parts, ignore_index=True), ed) if parts else pd.DataFrame()


@_once
def _goal_effect_tidy(ed, spec):
    parts = [_top_rows(_share_rows(ed, spec, what, fn), spec, ed) for what, fn in (("doel", _goals), ("effect", _effects))]
    parts = [p for p in parts if len(p)]
    return _with_intervals(pd.concat(parts, ignore_index=True), ed) if parts else pd.DataFrame()


#: The tidy frame of each table of a profile.
_TABLES = {"innovatie": _innovation_tidy, "klimaat": _climate_tidy, "factoren": _factor_tidy,
           "doelen-effecten": _goal_effect_tidy}


def _kinds(d) -> list[str]:
    """The indicator of each row of the display frame (:func:`_wide`), in its order."""
    f = d.frame[d.frame["indicator"] != "klimaatscore"]
    return f.drop_duplicates(["indicator", "item"])["indicator"].tolist()


def _klimaat_scherm(ed, spec: Spec, d) -> pd.DataFrame:
    """The climate table on screen: the score (with its interval), then the clusters."""
    cb = load_codebook()
    score = {"Onderdeel": cb.label("climate_scale")}
    for header, group, year in _columns(ed, spec):
        where = _where(ed, spec, d, group == "totaal", year, "klimaatscore", "climate_scale")
        score[header] = d.text("gemiddelde", fmt.dec, **where)
        if group == "profiel" and year == ed.year:
            score[f"{_LEVEL}-interval"] = _interval(d, "gemiddelde", fmt.dec, **where)
    return pd.concat([pd.DataFrame([score]), _wide(ed, spec, d, "Onderdeel")], ignore_index=True)


def _with_kind(frame: pd.DataFrame, name: str, kinds: list[str]) -> pd.DataFrame:
    frame.insert(0, name, kinds)
    return frame


def _declare(spec: Spec, what: str, caption: str, tabulate, notes, empty: str | None = None) -> declaration.Table:
    """The declaration of one table of a profile: the block of every group, disclosed once.

    ``empty``: the notice when the profile has no rows for the table.
    """
    def compute(ed):
        tidy = _TABLES[what](ed, spec)
        if empty is not None and not len(tidy):
            return Notice(empty)
        return tidy

    return declaration.Table(name=_name("tbl", spec, what), compute=compute,
                             tabulate=lambda ed, d: tabulate(ed, spec, d),
                             caption=lambda ed, d: caption, notes=notes,
                             download=lambda t, ed: _download(t, ed))


def tabel_innovatie(ed, spec: Spec) -> TableExhibit:
    """Share innovating, the types of the latest innovation and failed attempts."""
    return _declare(
        spec, "innovatie",
        f"Innoveren, typen innovaties en mislukte pogingen: {spec.label} naast het hele openbaar bestuur",
        lambda ed, spec, d: _wide(ed, spec, d, "Onderdeel"),
        lambda ed, d: _notes(ed, "Innoveren en mislukte pogingen: alle organisaties; typen: organisaties die "
                             "innoveerden (meer antwoorden mogelijk)."))(ed)


def tabel_klimaat(ed, spec: Spec) -> TableExhibit | Notice:
    """The climate score (mean, t interval) and the mix of the three climate clusters."""
    return _declare(
        spec, "klimaat", f"Innovatieklimaat: {spec.label} naast het hele openbaar bestuur", _klimaat_scherm,
        empty="Voor dit profiel zijn er geen klimaatscores.",
        notes=lambda ed, d: [_bases_note(ed, spec, d, "organisaties met een klimaatscore"),
                       "Klimaatscore: gemiddelde op een schaal van 1 tot 5, interval volgens de t-verdeling; "
                       "clusters: interval volgens Wilson, met eindigepopulatiecorrectie.",
                       _block_note(), disclosure.explanation(ed.min_base)])(ed)


def tabel_factoren(ed, spec: Spec) -> TableExhibit | Notice:
    """The main promoting and the main hindering factors of the profile."""
    return _declare(
        spec, "factoren", f"De factoren die het vaakst bevorderden en het vaakst belemmerden: {spec.label}",
        lambda ed, spec, d: _with_kind(_wide(ed, spec, d, "Factor"), "Werking", _kinds(d)),
        lambda ed, d: _notes(ed, _bases_note(ed, spec, d, "organisaties die innoveerden en de factor beoordeelden")),
        empty="Voor dit profiel zijn er geen organisaties die de factoren beoordeelden.")(ed)


def tabel_doelen_effecten(ed, spec: Spec) -> TableExhibit | Notice:
    """The most named goals and the most reported positive effects of the profile."""
    return _declare(
        spec, "doelen-effecten", f"De meest genoemde doelen en positieve effecten: {spec.label}",
        lambda ed, spec, d: _with_kind(_wide(ed, spec, d, "Onderdeel"), "Soort",
                                       [k.capitalize() for k in _kinds(d)]),
        lambda ed, d: _notes(ed, _bases_note(ed, spec, d, "organisaties die innoveerden en de vraag beantwoordden")),
        empty="Voor dit profiel zijn er geen antwoorden over doelen en effecten.")(ed)


# ----------------------------------------------------------------------------- glue
def _values(ed, year: int, spec: Spec, inside: bool, column: str = "climate_scale") -> pd.Series:
    """The scores of ``year``'s respondents in the profile (``inside``) or in the rest of the
    public sector (every other organisation of that year), missing values dropped."""
    df = ed.all_years
    df = df[pd.to_numeric(df["year"], errors="coerce") == year]
    member = df[spec.variable].isin(spec.codes) if spec.variable in df else pd.Series(False, index=df.index)
    part = df[member if inside else ~member]
    return pd.to_numeric(part[column], errors="coerce").dropna().astype(float)


def _populations(ed, year: int):
    """The population of a base of ``year`` (:func:`barometer.analysis.uncertainty.domain_population`)."""
    from barometer.analysis.uncertainty import domain_population

    respondents = int((pd.to_numeric(ed.all_years["year"], errors="coerce") == year).sum())
    return domain_population(year, respondents)


def _against_rest(ed, spec: Spec, d, indicator: str, item: str, column: str) -> tuple[float, float, float, list] | None:
    """The profile minus the rest of the public sector in the edition year: ``(diff, low, high,
    bases)`` with the 95% interval (Newcombe for shares, Welch for means, both with the FPC), or
    None without a rest to compare with. The profile is part of the whole public sector, so the
    honest test is against the organisations outside it; the difference with the whole has the
    same sign (the whole lies between the profile and the rest)."""
    from barometer.analysis.uncertainty import difference_ci, mean_difference

    pop = _populations(ed, ed.year)
    now = _where(ed, spec, d, False, ed.year, indicator, item)
    if column == "pct":
        total = _where(ed, spec, d, True, ed.year, indicator, item)
        c1, n1 = d.value("count", **now), d.value("base", **now)
        cr, nr = d.value("count", **total) - c1, d.value("base", **total) - n1
        if any(fmt.is_missing(v) for v in (c1, n1, cr, nr)) or nr < 1 or n1 < 1:
            return None
        try:
            lo, hi = difference_ci(cr, int(nr), c1, int(n1), pop(int(nr)), pop(int(n1)))
        except ValueError:  # a base larger than the population (another file): no correction
            lo, hi = difference_ci(cr, int(nr), c1, int(n1))
        return 100.0 * c1 / n1 - 100.0 * cr / nr, lo, hi, [int(n1), int(nr)]
    inside, rest = _values(ed, ed.year, spec, True), _values(ed, ed.year, spec, False)
    if len(inside) < 2 or len(rest) < 2:
        return None
    r = mean_difference(rest, inside, pop(len(rest)), pop(len(inside)))
    return r["diff"], r["low"], r["high"], [len(inside), len(rest)]


def _against_previous(ed, spec: Spec, d, indicator: str, item: str, column: str) -> tuple[float, float, float, list] | None:
    """The profile's change since its previous measurement: ``(diff, low, high, bases)`` with the
    95% interval (Newcombe with the FPC of each year, :func:`barometer.presentation.intervals.verschil_interval`;
    Welch with the FPC for means), or None when a base may not be published."""
    from barometer.analysis.uncertainty import mean_difference
    from barometer.presentation.intervals import verschil_interval

    prev = ed.previous_year
    a, b = (_where(ed, spec, d, False, y, indicator, item) for y in (prev, ed.year))
    if column == "pct":
        rows = [{"count": d.value("count", **w), "base": d.value("base", **w)} for w in (a, b)]
        iv = verschil_interval(ed, rows[0], rows[1], prev, ed.year)
        if iv is None:
            return None
        p = [100.0 * r["count"] / r["base"] for r in rows]
        return p[1] - p[0], iv[0], iv[1], [int(r["base"]) for r in rows]
    before, now = _values(ed, prev, spec, True), _values(ed, ed.year, spec, True)
    if len(before) < 2 or len(now) < 2:
        return None
    r = mean_difference(before, now, _populations(ed, prev)(len(before)), _populations(ed, ed.year)(len(now)))
    return r["diff"], r["low"], r["high"], [len(before), len(now)]


def _comparisons(ed, spec: Spec, d, indicator: str, item: str, column: str = "pct", format=None,
                 decimals: int = 0) -> list:
    """The profile's figure beside the whole public sector and beside its previous measurement:
    Dutch phrases, every figure a cell of the disclosed frame ``d``, each with the 95% interval of
    the difference (:func:`barometer.presentation.phrasing.difference_interval`). Beside the whole
    public sector the difference is that with the rest of it (:func:`_against_rest`; the phrase
    says so). The direction word follows the interval, not the point estimate
    (:func:`barometer.presentation.phrasing.tested_direction`): "hoger"/"lager", "gestegen"/"gedaald"
    only when the interval excludes no difference, else "niet aantoonbaar anders" / "niet
    aantoonbaar veranderd". None for a hidden cell. ``decimals``: of a difference of means
    (shares: one decimal, the book's default)."""
    from barometer.presentation.phrasing import difference_interval, tested_direction

    format = format or fmt.pct
    unit, places = ("pp", 1) if column == "pct" else ("points", decimals)
    parts = []
    total = _where(ed, spec, d, True, ed.year, indicator, item)
    if _present(d, **total) and d.reason(column, **total) is None:
        rest = _against_rest(ed, spec, d, indicator, item, column)
        iv = (disclosure.release(difference_interval(rest[1], rest[2], rest[0], places, unit,
                                                     label="verschil met de overige organisaties", brackets=False),
                                 rest[3], ed.min_base) if rest is not None else None)
        if iv is None or iv.reason != "shown":
            parts.append(disclosure.compose("niet te vergelijken met het hele openbaar bestuur ({v}): er zijn te "
                                            "weinig overige organisaties", v=d.text(column, format, **total)))
        else:
            word = tested_direction(rest[1], rest[2], "hoger dan", "lager dan", "niet aantoonbaar anders dan")
            parts.append(disclosure.compose(word + " in het hele openbaar bestuur ({v}; {iv})",
                                            v=d.text(column, format, **total), iv=iv))
    prev = ed.previous_year
    before = _where(ed, spec, d, False, prev, indicator, item) if prev is not None else None
    if before is not None and _present(d, **before) and d.reason(column, **before) is None:
        change = _against_previous(ed, spec, d, indicator, item, column)
        iv = (disclosure.release(difference_interval(change[1], change[2], change[0], places, unit, brackets=False),
                                 change[3], ed.min_base) if change is not None else None)
        if iv is None or iv.reason != "shown":
            parts.append(disclosure.compose(f"ten opzichte van {prev} ({{v}}) niet te toetsen",
                                            v=d.text(column, format, **before)))
        else:
            word = tested_direction(change[1], change[2], "gestegen", "gedaald", "niet aantoonbaar veranderd")
            parts.append(disclosure.compose(f"ten opzichte van {prev} ({{v}}) {word} ({{iv}})",
                                            v=d.text(column, format, **before), iv=iv))
    elif before is not None and _present(d, **before):
        parts.append(f"voor {prev} zijn er te weinig antwoorden om te vergelijken")
    elif prev is not None:  # no row with a base: not asked (or nobody answered) then
        parts.append(f"in {prev} is hiernaar niet gevraagd")
    return parts


def _compare(ed, spec: Spec, d, indicator: str, item: str, what: str, question: str | None = None) -> disclosure.Released:
    """Dutch sentence: the profile's share beside the total and beside its previous measurement,
    each with the interval of the difference and a direction word that follows it
    (:func:`_comparisons`; ``question``: the codebook question, for an edition that did not ask it)."""
    if question is not None and not load_codebook().is_asked(question, ed.year):
        return disclosure.Released(f"Naar {what} is in de meting van {ed.year} niet gevraagd.")
    now = _where(ed, spec, d, False, ed.year, indicator, item)
    if not _present(d, **now) or d.reason("pct", **now) is not None:
        return disclosure.Released(f"Voor {what} zijn er te weinig antwoorden om een cijfer te tonen.")
    parts = _comparisons(ed, spec, d, indicator, item)
    return disclosure.compose("Dat is {x}.", x=disclosure.join(parts, join_nl)) if parts else disclosure.Released("")


def _first(d, spec: Spec, ed, indicator: str) -> int | None:
    """Row of the profile's first (highest) shown item of ``indicator`` in the edition year."""
    f = d.frame
    hit = f[(f["reeks"] == PER_GROUP) & (f["groep"] == spec.label) & (f["jaar"] == ed.year)
            & (f["indicator"] == indicator) & f["pct"].notna()]
    return None if not len(hit) else int(hit.index[0])


def kerncijfers(ed, spec: Spec) -> pd.Series:
    """Glue the numbers and direction words of the profile's text and return them.

    Every figure is released text: a cell of a table's disclosed frame (the policy applied to
    the whole block of groups, so a cell hidden because it would follow from the total and the
    other groups is hidden in the prose too), a public respondent count, or metadata (labels
    and settings of the book).
    """
    from barometer.presentation.disclosure import compose, join, metadata, public

    out: dict[str, str] = {}
    cur = ed.df[ed.df[spec.variable].isin(spec.codes)] if spec.variable in ed.df else ed.df.iloc[0:0]
    out["profiel"] = metadata(spec.label)
    out["jaar"] = str(ed.year)
    out["jaar_vorig"] = str(ed.previous_year) if ed.previous_year is not None else fmt.NOT_ASKED
    out["n_profiel"] = public(fmt.num(len(cur)))
    out["n_totaal"] = public(fmt.num(len(ed.df)))
    out["min_base"] = metadata(fmt.num(ed.min_base))
    out["niveau"] = metadata(_LEVEL)
    members = [load_codebook().labels(spec.variable).get(c, str(c)) for c in spec.codes]
    out["zin_samenstelling"] = ("" if len(spec.codes) == 1 else compose(
                                "Dit profiel bundelt {members}: deze groepen zijn elk te klein om "
                                "apart te tonen (zie het overzicht van de sectorprofielen).",
                                members=metadata(join_nl(members))))

    d = _disclosed(ed, spec, "innovatie")
    now = _where(ed, spec, d, False, ed.year, "innoveerde", "innovated")
    out["pct_innovatie"] = d.text("pct", **now)
    out["interval_innovatie"] = _interval(d, **now)
    out["zin_innovatie"] = _compare(ed, spec, d, "innoveerde", "innovated", "het aandeel dat innoveerde")
    f = d.frame
    types = f[(f["indicator"] == "type") & (f["reeks"] == PER_GROUP) & (f["groep"] == spec.label)
              & (f["jaar"] == ed.year) & f["pct"].notna()]
    if len(types):
        i = int(types["pct"].idxmax())
        out["type_meest"] = metadata(lower_first(str(f.at[i, "label"])))
        out["pct_type_meest"] = d.cell(i, "pct")
        out["zin_type"] = compose("Het type dat het vaakst voorkwam, is {label}: {v} van de organisaties die "
                                  "innoveerden, noemde het.", label=out["type_meest"], v=out["pct_type_meest"])
    else:
        out["zin_type"] = "Voor de typen innovaties zijn er te weinig antwoorden om cijfers te tonen."
    fail = _where(ed, spec, d, False, ed.year, "mislukte poging", "failed_attempt")
    out["pct_mislukt"] = d.text("pct", **fail)
    out["zin_mislukt"] = _compare(ed, spec, d, "mislukte poging", "failed_attempt", "mislukte pogingen",
                                  question="failed_attempt")

    k = _disclosed(ed, spec, "klimaat") if len(_climate_tidy(ed, spec)) else None
    score = _where(ed, spec, k, False, ed.year, "klimaatscore", "climate_scale") if k is not None else {}
    if k is not None and _present(k, **score) and k.reason("gemiddelde", **score) is None:
        out["klimaat"] = k.text("gemiddelde", fmt.dec, **score)
        out["interval_klimaat"] = _interval(k, "gemiddelde", fmt.dec, **score)
        parts = _comparisons(ed, spec, k, "klimaatscore", "climate_scale", "gemiddelde", fmt.dec, 2)
        g = k.frame
        cl = g[(g["indicator"] == "klimaatcluster") & (g["reeks"] == PER_GROUP) & (g["groep"] == spec.label)
               & (g["jaar"] == ed.year)]
        mix = join([compose("{v} {label}", v=k.cell(int(i), "pct"), label=metadata(lower_first(str(r["label"]))))
                    for i, r in cl.iterrows()], join_nl)
        out["zin_klimaat"] = compose("De gemiddelde klimaatscore is {v} ({level}-interval {iv}){sep}{parts}. "
                                     "Naar klimaatcluster: {mix}.", v=out["klimaat"], level=out["niveau"],
                                     iv=out["interval_klimaat"], sep=", " if parts else "",
                                     parts=join(parts, join_nl), mix=mix)
    else:
        out["klimaat"] = (k.text("gemiddelde", fmt.dec, **score) if k is not None and _present(k, **score)
                          else disclosure.suppressed())
        out["zin_klimaat"] = "Voor de klimaatscore zijn er te weinig antwoorden om een cijfer te tonen."

    fac = _disclosed(ed, spec, "factoren") if len(_factor_tidy(ed, spec)) else None
    for kind in ("bevorderd", "belemmerd"):
        i = _first(fac, spec, ed, kind) if fac is not None else None
        out[f"factor_{kind}"] = fmt.NOT_ASKED if i is None else metadata(lower_first(str(fac.frame.at[i, "label"])))
        out[f"pct_factor_{kind}"] = fmt.NOT_ASKED if i is None else fac.cell(i, "pct")
    out["zin_factoren"] = (
        compose("De factor die het vaakst bevorderde is {f1} ({a} van de innoverende organisaties); het vaakst "
                "belemmerend was {f2} ({b}).", f1=out["factor_bevorderd"], a=out["pct_factor_bevorderd"],
                f2=out["factor_belemmerd"], b=out["pct_factor_belemmerd"])
        if out["factor_bevorderd"] != fmt.NOT_ASKED
        else "Voor de factoren zijn er te weinig antwoorden om cijfers te tonen.")
    ge = _disclosed(ed, spec, "doelen-effecten") if len(_goal_effect_tidy(ed, spec)) else None
    sentence = []
    for kind, text in (("doel", "het meest genoemde doel"), ("effect", "het vaakst gemelde positieve effect")):
        i = _first(ge, spec, ed, kind) if ge is not None else None
        if i is not None:
            text = text if sentence else text[:1].upper() + text[1:]
            label = lower_first(str(ge.frame.at[i, "label"]).split(" (")[0])
            sentence.append(compose(text + " is {label} ({v})", label=metadata(label), v=ge.cell(i, "pct")))
    out["zin_doelen"] = (compose("{s}.", s=join(sentence, join_nl)) if sentence
                         else "Voor doelen en effecten zijn er te weinig antwoorden om cijfers te tonen.")
    for key, text in out.items():
        glue_text(key, text)
    return pd.Series(out, name="kerncijfers")
