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
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import Notice, TableExhibit
from barometer.chapters import bevorderende_en_belemmerende_factoren as factoren
from barometer.presentation.intervals import met_intervallen
from barometer.presentation.phrasing import join_nl, lower_first
from barometer.presentation.glue import direction, glue_text
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


def _share_rows(ed, spec: Spec, what: str, compute) -> pd.DataFrame:
    """Tidy shares of one indicator for the profile (both years) and the total (edition year).

    ``compute(frame, year)`` returns a frame with ``item``, ``label``, ``count``, ``base``.
    """
    parts = []
    for header, group, year in _columns(ed, spec):
        frame = profile_frame(ed, spec) if group == "profiel" else ed.all_years
        r = compute(frame, year)
        if r is None or len(r) == 0:
            continue
        r = r.loc[r["base"] > 0, ["item", "label", "count", "base"]].copy()  # base 0: not asked
        r.insert(0, "groep", spec.label if group == "profiel" else TOTAL_LABEL)
        r.insert(0, "jaar", year)
        r["indicator"] = what
        parts.append(r)
    if not parts:
        return pd.DataFrame(columns=["jaar", "groep", "indicator", "item", "label", "count", "base", "pct"])
    out = pd.concat(parts, ignore_index=True)
    out["pct"] = 100.0 * out["count"] / out["base"].where(out["base"] > 0)
    return out


def _innovated(frame, year):
    s = st.share(frame, "innovated", 1, years=year)
    if s.empty:
        return None
    return s.assign(item="innovated", label=load_codebook().label("innovated"))


def _types(frame, year):
    f = st.frequencies(frame, "innovation_type", years=year)
    return f if len(f) else None


def _failed(frame, year):
    if not load_codebook().is_asked("failed_attempt", year):  # asked since a later measurement
        return None
    s = st.share(frame, "failed_attempt", 1, years=year)
    if s.empty:
        return None
    return s.assign(item="failed_attempt", label=load_codebook().label("failed_attempt"))


def _clusters(frame, year):
    f = st.frequencies(frame, "climate_cluster", years=year)
    return f.assign(item="climate_cluster_" + f["code"].astype(str)) if len(f) else None


def _promoted(frame, year):
    f = factoren.aandeel_bevorderd(frame, year)
    return f.reset_index(drop=True) if len(f) else None


def _hindered(frame, year):
    cb = load_codebook()
    f = factoren.factor_verdeling(frame, year)
    if not len(f):
        return None
    hit = f[f["code"].isin(factoren._hinder_codes(cb))]
    g = hit.groupby(["item", "label"], sort=False)["count"].sum().reset_index()
    base = f.groupby("item", sort=False)["base"].first()
    return g.assign(base=g["item"].map(base).values)


def _goals(frame, year):
    f = st.frequencies(frame, "goal", years=year)
    return f if len(f) else None


def _effects(frame, year):
    cb = load_codebook()
    f = st.frequencies(frame, "effect", years=year, summary=True)
    if not len(f):
        return None
    label = cb.variable("effect").display.get("summary_label", "")
    return f.assign(label=f["label"] + (f" ({label})" if label else ""))


def _cell(row: pd.Series | None, ed) -> str:
    if row is None:
        return fmt.NOT_ASKED
    return disclosure.show(fmt.pct(row["pct"]), row["base"], ed.min_base)


def _interval(row: pd.Series | None, ed) -> str:
    if row is None or pd.isna(row.get("ondergrens")):
        return fmt.NOT_ASKED if row is None or not disclosure.is_small(row["base"], ed.min_base) else disclosure.symbol()
    return f"{fmt.dec(row['ondergrens'], 0)}–{fmt.pct(row['bovengrens'])}"


def _wide(ed, spec: Spec, tidy: pd.DataFrame, first: str) -> pd.DataFrame:
    """Display frame: one row per item, the profile (with interval), previous year, total."""
    rows = []
    for (ind, item), sub in tidy.groupby(["indicator", "item"], sort=False):
        row = {first: sub["label"].iloc[0]}
        for header, group, year in _columns(ed, spec):
            name = spec.label if group == "profiel" else TOTAL_LABEL
            hit = sub[(sub["groep"] == name) & (sub["jaar"] == year)]
            r = hit.iloc[0] if len(hit) else None
            row[header] = _cell(r, ed)
            if group == "profiel" and year == ed.year:
                row[f"{_LEVEL}-interval"] = _interval(r, ed)
        rows.append(row)
    return pd.DataFrame(rows)


def _download(tidy: pd.DataFrame) -> pd.DataFrame:
    return tidy.rename(columns={"count": "aantal", "base": "basis", "pct": "percentage", "label": "onderdeel"})[
        ["jaar", "groep", "indicator", "item", "onderdeel", "aantal", "basis", "percentage", "ondergrens", "bovengrens"]]


def _name(kind: str, spec: Spec, what: str) -> str:
    return f"{kind}-sectorprofiel-{spec.slug}-{what}"


def _bases_note(ed, spec: Spec, tidy: pd.DataFrame, what: str) -> str:
    parts = []
    for header, group, year in _columns(ed, spec):
        name = spec.label if group == "profiel" else TOTAL_LABEL
        sub = tidy[(tidy["groep"] == name) & (tidy["jaar"] == year)]
        if len(sub):
            lo, hi = int(sub["base"].min()), int(sub["base"].max())
            n = fmt.num(lo) if lo == hi else f"{fmt.num(lo)}–{fmt.num(hi)}"
            parts.append(f"{header}: n = {n}")
    return f"Basis: {what}; " + "; ".join(parts) + "."


def _notes(ed, base_note: str) -> list[str]:
    return [base_note, f"Interval: {_LEVEL}-betrouwbaarheidsinterval (Wilson, met eindigepopulatiecorrectie).",
            disclosure.explanation(ed.min_base)]


# ----------------------------------------------------------------------------- tables
#: Tidy frames already computed in this process, by (function, edition object, profile): the
#: glue (:func:`kerncijfers`) and the tables need the same frames, computed once per kernel.
_TIDY: dict[tuple, tuple] = {}


def _once(fn):
    """Compute ``fn(ed, spec)`` once per edition object and profile; return copies."""
    import functools

    def copied(value):
        if isinstance(value, tuple):
            return tuple(copied(v) for v in value)
        return value.copy() if isinstance(value, pd.DataFrame) else value

    @functools.wraps(fn)
    def wrapper(ed, spec: Spec):
        key = (fn.__name__, id(ed), spec)
        hit = _TIDY.get(key)
        if hit is None or hit[0] is not ed:  # the id of an edition no longer alive may be reused
            hit = _TIDY[key] = (ed, fn(ed, spec))
        return copied(hit[1])

    return wrapper


@_once
def _innovation_tidy(ed, spec: Spec) -> pd.DataFrame:
    parts = [_share_rows(ed, spec, "innoveerde", _innovated), _share_rows(ed, spec, "type", _types),
             _share_rows(ed, spec, "mislukte poging", _failed)]
    return met_intervallen(pd.concat([p for p in parts if len(p)], ignore_index=True)
                           .rename(columns={"jaar": "year"}), ed).rename(columns={"year": "jaar"})


def tabel_innovatie(ed, spec: Spec) -> TableExhibit:
    """Share innovating, the types of the latest innovation and failed attempts."""
    tidy = _innovation_tidy(ed, spec)
    frame = _wide(ed, spec, tidy, "Onderdeel")
    return TableExhibit(
        name=_name("tbl", spec, "innovatie"),
        caption=f"Innoveren, typen innovaties en mislukte pogingen: {spec.label} naast het hele openbaar bestuur",
        frame=frame,
        notes=_notes(ed, "Innoveren en mislukte pogingen: alle organisaties; typen: organisaties die "
                     "innoveerden (meer antwoorden mogelijk)."),
        data=_download(tidy))


@_once
def _climate_tidy(ed, spec: Spec) -> tuple[pd.DataFrame, pd.DataFrame]:
    tidy = _share_rows(ed, spec, "klimaatcluster", _clusters)
    tidy = _with_intervals(tidy, ed)
    means = []
    for header, group, year in _columns(ed, spec):
        frame = profile_frame(ed, spec) if group == "profiel" else ed.all_years
        m = st.means(frame, "climate_scale", years=year)
        if len(m):
            means.append(m.assign(groep=spec.label if group == "profiel" else TOTAL_LABEL))
    m = pd.concat(means, ignore_index=True)[["year", "groep", "mean", "sd", "n"]]
    m = met_intervallen(m, ed).rename(columns={"year": "jaar", "mean": "gemiddelde"})
    return tidy, m


def tabel_klimaat(ed, spec: Spec) -> TableExhibit:
    """The climate score (mean, t interval) and the mix of the three climate clusters."""
    cb = load_codebook()
    tidy, m = _climate_tidy(ed, spec)
    rows = []
    score = {"Onderdeel": cb.label("climate_scale")}
    for header, group, year in _columns(ed, spec):
        name = spec.label if group == "profiel" else TOTAL_LABEL
        hit = m[(m["groep"] == name) & (m["jaar"] == year)]
        r = hit.iloc[0] if len(hit) else None
        score[header] = fmt.NOT_ASKED if r is None else disclosure.show(fmt.dec(r["gemiddelde"]), r["n"], ed.min_base)
        if group == "profiel" and year == ed.year:
            score[f"{_LEVEL}-interval"] = (fmt.NOT_ASKED if r is None else disclosure.show(
                f"{fmt.dec(r['ondergrens'])}–{fmt.dec(r['bovengrens'])}", r["n"], ed.min_base))
    rows.append(score)
    frame = pd.concat([pd.DataFrame(rows), _wide(ed, spec, tidy, "Onderdeel")], ignore_index=True)
    data = pd.concat([_download(tidy), m.rename(columns={"groep": "groep"}).assign(
        indicator="klimaatscore", item="climate_scale", onderdeel=cb.label("climate_scale"))], ignore_index=True)
    notes = [_bases_note(ed, spec, tidy, "organisaties met een klimaatscore"),
             "Klimaatscore: gemiddelde op een schaal van 1 tot 5, interval volgens de t-verdeling; "
             "clusters: interval volgens Wilson, met eindigepopulatiecorrectie.",
             disclosure.explanation(ed.min_base)]
    return TableExhibit(name=_name("tbl", spec, "klimaat"),
                        caption=f"Innovatieklimaat: {spec.label} naast het hele openbaar bestuur",
                        frame=frame, notes=notes, data=data)


def _top_rows(tidy: pd.DataFrame, spec: Spec, ed) -> pd.DataFrame:
    """The rows (every group and year) of the :data:`TOP` items with the highest share in the
    profile's edition year, those items in that order."""
    cur = tidy[(tidy["groep"] == spec.label) & (tidy["jaar"] == ed.year) & (tidy["base"] >= ed.min_base)]
    keep = cur.sort_values("pct", ascending=False, kind="stable")["item"].head(TOP).tolist()
    order = {k: i for i, k in enumerate(keep)}
    return (tidy[tidy["item"].isin(keep)].assign(_o=lambda d: d["item"].map(order))
            .sort_values(["_o"], kind="stable").drop(columns="_o"))


def _with_intervals(tidy: pd.DataFrame, ed) -> pd.DataFrame:
    """``tidy`` (year column ``jaar``) with the 95% interval of every share."""
    return met_intervallen(tidy.rename(columns={"jaar": "year"}), ed).rename(columns={"year": "jaar"})


@_once
def _factor_tidy(ed, spec):
    pro = _share_rows(ed, spec, "bevorderd", _promoted)
    hin = _share_rows(ed, spec, "belemmerd", _hindered)
    both = []
    for t in (pro, hin):
        if len(t):
            both.append(_top_rows(t, spec, ed))
    if not both:
        return pro
    tidy = pd.concat(both, ignore_index=True)
    return _with_intervals(tidy, ed)


def tabel_factoren(ed, spec: Spec) -> TableExhibit | Notice:
    """The main promoting and the main hindering factors of the profile."""
    tidy = _factor_tidy(ed, spec)
    if not len(tidy):
        return Notice("Voor dit profiel zijn er geen organisaties die de factoren beoordeelden.")
    frame = _wide(ed, spec, tidy, "Factor")
    kind = tidy.drop_duplicates(["indicator", "item"])["indicator"].tolist()
    frame.insert(0, "Werking", kind)
    return TableExhibit(
        name=_name("tbl", spec, "factoren"),
        caption=f"De factoren die het vaakst bevorderden en het vaakst belemmerden: {spec.label}",
        frame=frame,
        notes=_notes(ed, _bases_note(ed, spec, tidy, "organisaties die innoveerden en de factor beoordeelden")),
        data=_download(tidy))


@_once
def _goal_effect_tidy(ed, spec):
    parts = []
    for what, fn in (("doel", _goals), ("effect", _effects)):
        t = _share_rows(ed, spec, what, fn)
        if len(t):
            parts.append(_top_rows(t, spec, ed))
    if not parts:
        return pd.DataFrame()
    tidy = pd.concat(parts, ignore_index=True)
    return _with_intervals(tidy, ed)


def tabel_doelen_effecten(ed, spec: Spec) -> TableExhibit | Notice:
    """The most named goals and the most reported positive effects of the profile."""
    tidy = _goal_effect_tidy(ed, spec)
    if not len(tidy):
        return Notice("Voor dit profiel zijn er geen antwoorden over doelen en effecten.")
    frame = _wide(ed, spec, tidy, "Onderdeel")
    frame.insert(0, "Soort", [s.capitalize() for s in tidy.drop_duplicates(["indicator", "item"])["indicator"]])
    return TableExhibit(
        name=_name("tbl", spec, "doelen-effecten"),
        caption=f"De meest genoemde doelen en positieve effecten: {spec.label}",
        frame=frame,
        notes=_notes(ed, _bases_note(ed, spec, tidy, "organisaties die innoveerden en de vraag beantwoordden")),
        data=_download(tidy))


# ----------------------------------------------------------------------------- glue
def _pick(tidy, group, year, item):
    hit = tidy[(tidy["groep"] == group) & (tidy["jaar"] == year) & (tidy["item"] == item)]
    return hit.iloc[0] if len(hit) else None


def _compare(ed, spec, now, before, total, what: str, question: str | None = None) -> str:
    """Dutch sentence: the profile's share beside the total and beside its previous measurement
    (``question``: the codebook question, for an edition that did not ask it)."""
    if question is not None and not load_codebook().is_asked(question, ed.year):
        return f"Naar {what} is in de meting van {ed.year} niet gevraagd."
    small = now is None or disclosure.is_small(now["base"], ed.min_base)
    if small:
        return f"Voor {what} zijn er te weinig antwoorden om een cijfer te tonen."
    parts = []
    if total is not None and not disclosure.is_small(total["base"], ed.min_base):
        word = direction(total["pct"], now["pct"], up="hoger", down="lager", same="even hoog", decimals=0)
        parts.append(f"{'gelijk aan' if word == 'even hoog' else word + ' dan'} in het hele openbaar bestuur "
                     f"({fmt.pct(total['pct'])})")
    if before is not None and not disclosure.is_small(before["base"], ed.min_base):
        word = direction(before["pct"], now["pct"], decimals=0)
        parts.append(f"ten opzichte van {int(before['jaar'])} ({fmt.pct(before['pct'])}) {word}")
    elif before is not None:
        parts.append(f"voor {ed.previous_year} zijn er te weinig antwoorden om te vergelijken")
    elif ed.previous_year is not None:  # no row with a base: not asked (or nobody answered) then
        parts.append(f"in {ed.previous_year} is hiernaar niet gevraagd")
    return (f"Dat is {join_nl(parts)}." if parts else "")


def kerncijfers(ed, spec: Spec) -> pd.Series:
    """Glue the numbers and direction words of the profile's text and return them."""
    cb = load_codebook()
    out: dict[str, str] = {}
    prof = profile_frame(ed, spec)
    cur = prof[prof["year"] == ed.year]
    out["profiel"] = spec.label
    out["jaar"] = str(ed.year)
    out["jaar_vorig"] = str(ed.previous_year) if ed.previous_year is not None else fmt.NOT_ASKED
    out["n_profiel"] = fmt.num(len(cur))
    out["n_totaal"] = fmt.num(int((ed.all_years["year"] == ed.year).sum()))
    out["min_base"] = fmt.num(ed.min_base)
    out["niveau"] = _LEVEL
    members = [load_codebook().labels(spec.variable).get(c, str(c)) for c in spec.codes]
    out["zin_samenstelling"] = ("" if len(spec.codes) == 1 else
                                f"Dit profiel bundelt {join_nl(members)}: deze groepen zijn elk te klein om "
                                f"apart te tonen (zie het overzicht van de sectorprofielen).")

    inn = _innovation_tidy(ed, spec)
    now, before, total = (_pick(inn, spec.label, ed.year, "innovated"),
                          _pick(inn, spec.label, ed.previous_year, "innovated") if ed.previous_year else None,
                          _pick(inn, TOTAL_LABEL, ed.year, "innovated"))
    out["pct_innovatie"] = _cell(now, ed)
    out["interval_innovatie"] = _interval(now, ed)
    out["zin_innovatie"] = _compare(ed, spec, now, before, total, "het aandeel dat innoveerde")
    types = inn[(inn["indicator"] == "type") & (inn["groep"] == spec.label) & (inn["jaar"] == ed.year)
                & (inn["base"] >= ed.min_base)]
    if len(types):
        top = types.loc[types["pct"].idxmax()]
        out["type_meest"] = lower_first(str(top["label"]))
        out["pct_type_meest"] = _cell(top, ed)
        out["zin_type"] = (f"Het type dat het vaakst voorkwam, is {out['type_meest']}: "
                           f"{out['pct_type_meest']} van de organisaties die innoveerden, noemde het.")
    else:
        out["zin_type"] = "Voor de typen innovaties zijn er te weinig antwoorden om cijfers te tonen."
    fail_now = _pick(inn, spec.label, ed.year, "failed_attempt")
    fail_before = _pick(inn, spec.label, ed.previous_year, "failed_attempt") if ed.previous_year else None
    fail_total = _pick(inn, TOTAL_LABEL, ed.year, "failed_attempt")
    out["pct_mislukt"] = _cell(fail_now, ed)
    out["zin_mislukt"] = _compare(ed, spec, fail_now, fail_before, fail_total, "mislukte pogingen",
                                  question="failed_attempt")

    clusters, m = _climate_tidy(ed, spec)
    mnow = m[(m["groep"] == spec.label) & (m["jaar"] == ed.year)]
    mtot = m[(m["groep"] == TOTAL_LABEL) & (m["jaar"] == ed.year)]
    mbef = m[(m["groep"] == spec.label) & (m["jaar"] == ed.previous_year)] if ed.previous_year else m.iloc[0:0]
    if len(mnow) and not disclosure.is_small(mnow["n"].iloc[0], ed.min_base):
        a = mnow.iloc[0]
        out["klimaat"] = fmt.dec(a["gemiddelde"])
        out["interval_klimaat"] = f"{fmt.dec(a['ondergrens'])}–{fmt.dec(a['bovengrens'])}"
        parts = []
        if len(mtot):
            word = direction(mtot["gemiddelde"].iloc[0], a["gemiddelde"], up="hoger", down="lager",
                             same="even hoog", decimals=2)
            parts.append(f"{'gelijk aan' if word == 'even hoog' else word + ' dan'} in het hele openbaar bestuur "
                         f"({fmt.dec(mtot['gemiddelde'].iloc[0])})")
        if len(mbef) and not disclosure.is_small(mbef["n"].iloc[0], ed.min_base):
            word = direction(mbef["gemiddelde"].iloc[0], a["gemiddelde"], decimals=2)
            parts.append(f"ten opzichte van {ed.previous_year} ({fmt.dec(mbef['gemiddelde'].iloc[0])}) {word}")
        cl = clusters[(clusters["groep"] == spec.label) & (clusters["jaar"] == ed.year)]
        mix = join_nl(f"{_cell(r, ed)} {lower_first(str(r['label']))}" for _, r in cl.iterrows())
        out["zin_klimaat"] = (f"De gemiddelde klimaatscore is {out['klimaat']} ({_LEVEL}-interval "
                              f"{out['interval_klimaat']}), {join_nl(parts)}. Naar klimaatcluster: {mix}.")
    else:
        out["klimaat"] = disclosure.symbol()
        out["zin_klimaat"] = "Voor de klimaatscore zijn er te weinig antwoorden om een cijfer te tonen."

    fac = _factor_tidy(ed, spec)
    for kind, key in (("bevorderd", "bevorderd"), ("belemmerd", "belemmerd")):
        sub = fac[(fac["indicator"] == kind) & (fac["groep"] == spec.label) & (fac["jaar"] == ed.year)] if len(fac) else fac
        if len(sub):
            r = sub.iloc[0]
            out[f"factor_{key}"] = lower_first(str(r["label"]))
            out[f"pct_factor_{key}"] = _cell(r, ed)
        else:
            out[f"factor_{key}"] = fmt.NOT_ASKED
            out[f"pct_factor_{key}"] = fmt.NOT_ASKED
    out["zin_factoren"] = (
        f"De factor die het vaakst bevorderde is {out['factor_bevorderd']} ({out['pct_factor_bevorderd']} van "
        f"de innoverende organisaties); het vaakst belemmerend was {out['factor_belemmerd']} "
        f"({out['pct_factor_belemmerd']})." if out["factor_bevorderd"] != fmt.NOT_ASKED
        else "Voor de factoren zijn er te weinig antwoorden om cijfers te tonen.")
    ge = _goal_effect_tidy(ed, spec)
    sentence = []
    for kind, text in (("doel", "het meest genoemde doel"), ("effect", "het vaakst gemelde positieve effect")):
        sub = ge[(ge["indicator"] == kind) & (ge["groep"] == spec.label) & (ge["jaar"] == ed.year)] if len(ge) else ge
        if len(sub):
            r = sub.iloc[0]
            label = str(r["label"]).split(" (")[0]
            sentence.append(f"{text} is {lower_first(label)} ({_cell(r, ed)})")
    text = join_nl(sentence)
    out["zin_doelen"] = (f"{text[:1].upper()}{text[1:]}." if sentence
                         else "Voor doelen en effecten zijn er te weinig antwoorden om cijfers te tonen.")
    for key, text in out.items():
        glue_text(key, text)
    return pd.Series(out, name="kerncijfers")


#: Issue 10: the glue of this module is not yet taken from disclosed frames (see barometer.presentation.glue).
GLUE_UNCHECKED = True
