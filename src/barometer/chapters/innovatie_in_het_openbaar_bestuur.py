"""Exhibits of the chapter *Innovatie in het openbaar bestuur* (report §2.1).

Every exhibit is declared (:mod:`barometer.presentation.declaration`): what it computes at full
precision, how it is drawn or tabulated and which of its cells are glued. The functions the
chapter calls (``ex.figuur_innovatie_naar_grootte(ed)`` …) run the declaration's pipeline
(compute → disclosure policy → draw or tabulate, caption, alt text → downloads and sidecar) and
its last step, the glue, from the same disclosed frame: the declared cells and the sentences of
the exhibit's ``teksten_*`` function (direction words, comparisons with the interval of the
difference beside them, verdicts). Every figure that is glued is released text
(:class:`barometer.presentation.disclosure.Released`), so a cell the policy hides in a download is
the symbol in the prose too.

Figures of the report rebuilt here: Figuur 2-1 (innovating by size class and year),
Figuur 2-2 (national government), Figuur 2-3 (types by year), Figuur 2-4 (change in ways
of working), Figuur 2-5 (types, the Netherlands and Denmark); plus the logistic regression
on innovating and the tests of the differences in types between the measurements.

Families of tests (issue 12): the four type tests form one family, Holm-corrected where the
table is declared (:data:`TYPEN_TOETS`, :func:`barometer.presentation.declaration.holm_family`);
the verdict words of the prose follow the corrected p, the table and the download show both.
The claims table judges CL09 on the same family (:mod:`barometer.presentation.claims`).

Intervals beside the text (issue 12): a difference of two shares (between size classes,
between core departments and the rest of the national government, between two years) carries
Newcombe's interval (:func:`barometer.presentation.intervals.verschil_interval`) in the one
phrase :func:`barometer.presentation.phrasing.difference_interval`; a comparison with a Danish
figure, which is published without a margin, gives the Dutch share's interval and says so
(:func:`barometer.presentation.phrasing.without_margin`).
"""
from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from barometer.analysis import models
from barometer.analysis.statistics import TOTAL, share, statistic
from barometer.analysis.uncertainty import difference_ci, domain_population, share_ci
from barometer.data import denmark
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration, disclosure, linked
from barometer.presentation import figures as fig
from barometer.presentation import formatting as fmt
from barometer.presentation.disclosure import Released, compose, join, metadata, public, release
from barometer.presentation.exhibit import Disclosed, Notice, disclose
from barometer.presentation.intervals import BOUNDS, met_intervallen, verschil_interval
from barometer.presentation.vocabulary import interval_header
from barometer.presentation.phrasing import (ALPHA, NOT_ESTIMABLE, compare_word, difference_interval, freq_by_year,
                                             glue_all, interval_download_note, join_nl, lower_first,
                                             not_estimable, not_estimable_note, p_text, p_value, significance_word,
                                             too_few, trend, whisker_note, without_margin, year_label, years,
                                             years_text)

__all__ = [
    "SLUG",
    "kerncijfers",
    "GROOTTE",
    "RIJK",
    "LOGIT",
    "TYPEN",
    "TYPEN_TOETS",
    "WERKWIJZE",
    "TYPEN_DK",
    "innovatie_naar_grootte",
    "innovatie_rijk",
    "typen_toetsen",
    "figuur_innovatie_naar_grootte",
    "figuur_innovatie_rijk",
    "tabel_logit_innoveren",
    "figuur_typen_naar_jaar",
    "tabel_typen_toets",
    "figuur_werkwijze",
    "figuur_typen_nl_dk",
]

#: Chapter slug: file name of the notebook and middle part of every exhibit name.
SLUG = "innovatie-in-het-openbaar-bestuur"

# Predictors of the logistic regression on innovating (report §2.1): organisation size,
# an innovation officer or unit, sector, management support and time for innovation.
LOGIT_PREDICTORS = ("size_class", "innovation_unit", "sector", "cond_management", "cond_time")
LOGIT_CATEGORICAL = ("size_class", "sector")
#: The types of innovation (codebook items of ``innovation_type``) and the stem of their glue keys.
TYPE_KEYS = {"type_interaction": "interactie", "type_process": "proces", "type_product": "product",
             "type_service": "dienst"}
#: The executive organisations of the national government together (national_type 2 and 3).
UITVOERING = "diensten, agentschappen en zbo's samen"


def _name(kind: str, what: str) -> str:
    return f"{kind}-{SLUG}-{what}"


def _pct_of(ed, variable: str, codes, year: int, group_var: str | None = None, group=None):
    return statistic(ed.all_years, variable, "pct", codes=codes, group_var=group_var, group=group, year=year)


def _shown(ed, r) -> float:
    """A statistic's value as the policy lets it be compared: NaN when its base may not be published."""
    return float("nan") if r is None or disclosure.is_small(r.base_n, ed.min_base) else r.value


def _pct(ed, r) -> Released:
    """A statistic's percentage as released text (the symbol when its base is small)."""
    return release(fmt.pct(r.value), r.base_n, ed.min_base)


def _count_base(r) -> tuple[Any, Any, Any]:
    """(pct, count, base) of a statistics Result or of a row with ``pct``, ``count`` and ``base``."""
    if hasattr(r, "base_n"):
        return r.value, r.count, r.base_n
    return r["pct"], r["count"], r["base"]


def _beside(ed, a, b, year_a: int | None, year_b: int | None = None, lead: str = "") -> Released:
    """The interval of share ``b`` minus share ``a`` beside a sentence that states their difference.

    ``lead`` + ``"(verschil +31,5 procentpunt, 95%-interval +21,0 tot +41,9)"``
    (:func:`~barometer.presentation.phrasing.difference_interval`, Newcombe with the FPC), released on
    both bases; empty when there is nothing to compare or a base may not be published.
    """
    iv = verschil_interval(ed, a, b, year_a, year_b)
    if iv is None:
        return Released("")
    (pa, _, na), (pb, _, nb) = _count_base(a), _count_base(b)
    return release(lead + difference_interval(iv[0], iv[1], pb - pa), [na, nb], ed.min_base)


def _show(exhibit: declaration.Figure, texts: Callable[[Any, Disclosed | None], dict], ed):
    """Run a declared ``exhibit`` and glue its texts, all from one disclosed frame.

    The glue is the pipeline's last step: the cells the declaration names (``glue=``) and the
    sentences ``texts(ed, d)`` derives from the disclosed frame ``d`` (None when the exhibit is a
    notice: nothing to show, or a question not asked). Returns the exhibit (or the notice).
    """
    data = exhibit.computed(ed) if exhibit.asked(ed) else None
    d = disclose(data, ed.min_base, exhibit.report, ed.year) if isinstance(data, pd.DataFrame) else None
    glue_all({**(exhibit.glued(ed, d) if d is not None else {}), **texts(ed, d)})
    return exhibit(ed)


# ----------------------------------------------------------------------------- key figures
def _comparison_sentence(ed, now, before, prev_year: int | None, what: str) -> Released | str:
    """Dutch sentence comparing a share with the previous measurement (or saying there is none)."""
    if prev_year is None or before is None or fmt.is_missing(before.value):
        return "Een eerdere meting om dit mee te vergelijken is er niet."
    word = compare_word(_shown(ed, before), _shown(ed, now), decimals=0, missing="")
    if not word:
        return compose("De meting van {jaar} heeft te weinig organisaties om dit aandeel mee te vergelijken.",
                       jaar=prev_year)
    if word == "gelijk gebleven":
        return compose("In {jaar} was {wat} even groot ({pct}).", jaar=prev_year, wat=what, pct=_pct(ed, before))
    return compose("In {jaar} was {wat} {pct}; het is dus met {verschil} {woord}.", jaar=prev_year, wat=what,
                   pct=_pct(ed, before), woord=word,
                   verschil=release(fmt.pp(now.value - before.value), [now.base_n, before.base_n], ed.min_base))


def _sector_range(ed) -> dict[str, Released | str]:
    """The highest and the lowest share among the sectors Tabel B1-8 shows (its cells as the
    declared table discloses them, the edition-wide rule's hidden cells among them)."""
    from barometer.chapters.bijlage_tabellen import TABLES

    cb = load_codebook()
    _, d = TABLES["B1-8"].disclosed(ed)
    f = d.frame
    sec = f[(f["year"] == ed.year) & (f["group"].astype(str) != TOTAL) & f["pct"].notna()]
    if sec.empty:  # no sector shown: no highest or lowest
        return dict.fromkeys(("sector_hoogst", "pct_sector_hoogst", "sector_laagst", "pct_sector_laagst"),
                             fmt.NOT_ASKED)
    long, labels = cb.labels_long("sector"), cb.labels("sector")
    out = {}
    for key, i in (("hoogst", sec["pct"].astype(float).idxmax()), ("laagst", sec["pct"].astype(float).idxmin())):
        code = int(f.at[i, "group"])
        out[f"sector_{key}"] = lower_first(long[code]) if code in long else labels[code]
        out[f"pct_sector_{key}"] = d.cell(i, "pct")
    return out


def _denmark_sentences(ed, now) -> dict[str, Released | str]:
    """The Danish share of innovating organisations beside the Dutch one (with its interval)."""
    dk = next(iter(denmark.counterparts("innovated", ed.year).values()), None)
    if dk is None:
        none = "Voor dit jaar is er geen Deens cijfer om mee te vergelijken."
        return {"pct_innovatie_dk": fmt.NOT_ASKED, "n_dk": fmt.NOT_ASKED, "periode_dk": fmt.NOT_ASKED,
                "zin_nl_dk": none, "zin_dk": none}
    out: dict[str, Released | str] = {}
    # published Danish figures: public, not about the book's respondents
    out["pct_innovatie_dk"] = public(fmt.pct(dk["value"]))
    n_dk = denmark.counterparts("n_workplaces", ed.year).get("n_workplaces")
    out["n_dk"] = public(fmt.num(n_dk["value"])) if n_dk else fmt.NOT_ASKED
    out["periode_dk"] = str(dk["period"])
    word = compare_word(dk["value"], _shown(ed, now), up="hoger", down="lager", same="even hoog", decimals=0)
    lo, hi = share_ci(now.count, now.base_n, domain_population(ed.year, len(ed.df))(now.base_n)) \
        if now.base_n else (float("nan"), float("nan"))
    if word == "niet te vergelijken":  # the Dutch share may not be published
        out["zin_nl_dk"] = "Het Nederlandse aandeel berust op te weinig organisaties om het met het Deense te vergelijken."
    else:
        out["zin_nl_dk"] = compose("Het Nederlandse aandeel van {nl} {marge} ligt daarmee {woord} {dan} het Deense.",
                                   nl=_pct(ed, now), marge=release(without_margin(lo, hi), now.base_n, ed.min_base),
                                   woord=word, dan="als" if word == "even hoog" else "dan")
    measured = (compose(", gemeten bij {n} organisaties", n=out["n_dk"]) if out["n_dk"] != fmt.NOT_ASKED
                else "")
    out["zin_dk"] = compose("In Denemarken voerde {dk} van de publieke organisaties in de periode {periode} ten "
                            "minste één innovatie in{gemeten}. {nl_dk}", dk=out["pct_innovatie_dk"],
                            periode=out["periode_dk"], gemeten=measured, nl_dk=out["zin_nl_dk"])
    return out


def kerncijfers(ed) -> pd.Series:
    """Glue the headline numbers of the chapter and return them.

    Glued keys
    ----------
    ``jaar``, ``jaar_vorig`` (or "-"), ``n_organisaties``, ``pct_innovatie``,
    ``pct_innovatie_vorig``, ``verschil_innovatie``, ``richting_innovatie``,
    ``zin_innovatie_vergelijking``; the sector range ``sector_hoogst``,
    ``pct_sector_hoogst``, ``sector_laagst``, ``pct_sector_laagst`` (among the sectors Tabel
    B1-8 shows); ``verloop_innovatie`` (the change with its Newcombe interval); Denmark:
    ``pct_innovatie_dk``, ``n_dk``, ``periode_dk``, ``zin_nl_dk`` and ``zin_dk`` (the Dutch
    share with its interval; the Danish one is published without a margin).

    Returns
    -------
    pandas.Series
        The glued strings by key (checked by nbval).
    """
    cb = load_codebook()
    out: dict[str, str] = {}
    now = _pct_of(ed, "innovated", 1, ed.year)
    prev = ed.previous_year
    before = _pct_of(ed, "innovated", 1, prev) if prev else None
    bases = [now.base_n] + ([before.base_n] if before is not None else [])
    out["jaar"] = year_label(ed.year)
    out["jaar_vorig"] = year_label(prev) if prev else fmt.NOT_ASKED
    out["n_organisaties"] = public(fmt.num(now.base_n))
    out["pct_innovatie"] = _pct(ed, now)
    out["pct_innovatie_vorig"] = _pct(ed, before) if before is not None else fmt.NOT_ASKED
    out["verschil_innovatie"] = (release(fmt.pp(now.value - before.value), bases, ed.min_base)
                                 if before is not None else fmt.NOT_ASKED)
    out["richting_innovatie"] = (compare_word(_shown(ed, before), _shown(ed, now), decimals=0)
                                 if before is not None else "niet te vergelijken")
    out["zin_innovatie_vergelijking"] = _comparison_sentence(ed, now, before, prev, "dat aandeel")
    out.update(_sector_range(ed))
    out["verloop_innovatie"] = release(trend(before.value if before is not None else None, now.value, prev, ed.year,
                                             interval=verschil_interval(ed, before, now, prev)), bases, ed.min_base)
    out["min_base"] = metadata(fmt.num(ed.min_base))
    out["vraag_innovatie"] = metadata(cb.label("innovated"))
    out["vraag_type"] = metadata(cb.label("innovation_type"))
    out["vraag_werkwijze"] = metadata(cb.label("work_change"))
    out["vraag_unit"] = metadata(cb.label("innovation_unit"))
    out.update(_denmark_sentences(ed, now))
    order = ["jaar", "jaar_vorig", "n_organisaties", "pct_innovatie", "pct_innovatie_vorig", "verschil_innovatie",
             "richting_innovatie", "zin_innovatie_vergelijking", "sector_hoogst", "pct_sector_hoogst",
             "sector_laagst", "pct_sector_laagst", "verloop_innovatie", "min_base", "vraag_innovatie", "vraag_type",
             "vraag_werkwijze", "vraag_unit", "pct_innovatie_dk", "n_dk", "periode_dk", "zin_nl_dk", "zin_dk"]
    glue_all({k: out[k] for k in order})
    return pd.Series({k: str(out[k]) for k in order}, name="kerncijfers")


# ----------------------------------------------------------------------------- Figuur 2-1
def innovatie_naar_grootte(ed) -> pd.DataFrame:
    """Share of organisations that innovated, by size class and year, with the total.

    Returns
    -------
    DataFrame
        ``year``, ``group`` (size code or ``"Totaal"``), ``count``, ``base``, ``pct``,
        ``klasse`` (codebook label), ``ondergrens``, ``bovengrens`` (95%, Wilson with the FPC).
    """
    labels = load_codebook().labels("size_class")
    data = share(ed.all_years, "innovated", 1, by="size_class", years=years(ed))
    data["klasse"] = data["group"].map(lambda g: labels.get(g, TOTAL) if g != TOTAL else TOTAL)
    return met_intervallen(data, ed)


def _size_order() -> list[str]:
    return [*load_codebook().labels("size_class").values(), TOTAL]


#: Figuur 2-1, declared: the share that innovated by size class and year, with whiskers.
GROOTTE = declaration.Figure(
    name=_name("fig", "grootte"), report="Figuur 2-1",
    compute=innovatie_naar_grootte,
    draw=lambda f: fig.grouped_bars(f, x="klasse", y="pct", hue="year", order=_size_order(),
                                    hue_order=list(pd.unique(f["year"])), ylabel="Aandeel dat innoveerde",
                                    legend_title="Meetjaar", interval=BOUNDS),
    alt=lambda ed, d: fig.alt_text(d.frame.dropna(subset=["pct"]), "het aandeel organisaties dat een innovatie "
                                   "implementeerde, naar organisatiegrootte en meetjaar", label="klasse",
                                   value="pct", group="year"),
    caption=lambda ed, d: "Aandeel organisaties dat een innovatie implementeerde, naar organisatiegrootte en jaar",
    note=whisker_note(),
    download=lambda data, ed: data[["year", "klasse", "count", "base", "pct", *BOUNDS]].rename(columns={
        "year": "jaar", "klasse": "organisatiegrootte", "count": "aantal", "base": "basis", "pct": "percentage"}),
    glue=lambda ed: [declaration.Glued(f"pct_innovatie_{lab.lower()}", "pct", {"year": ed.year, "group": code})
                     for code, lab in load_codebook().labels("size_class").items()],
)


def teksten_grootte(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of Figuur 2-1, from its disclosed frame.

    Glued keys: ``grootte_hoogst``, ``grootte_laagst``, ``pct_grootte_hoogst``,
    ``pct_grootte_laagst`` (among the classes shown), ``zin_grootte_verschil`` (highest against
    lowest, with the interval of the difference), ``zin_grootte_vergelijking`` (each class
    against the previous measurement, with the interval of each change) and
    ``claim_grootte_patroon`` (CL07: large above small in every year, every class lower than
    before; the claims table's verdict, :func:`_claim_verdict`).
    """
    labels = load_codebook().labels("size_class")
    out: dict[str, Released | str] = {}
    f = d.frame
    rows = f[f["group"].astype(str) != TOTAL]
    cur = rows[(rows["year"] == ed.year) & rows["pct"].notna()]
    if cur.empty:  # no size class shown: no highest or lowest
        for key in ("grootte_hoogst", "grootte_laagst", "pct_grootte_hoogst", "pct_grootte_laagst"):
            out[key] = fmt.NOT_ASKED
        out["zin_grootte_verschil"] = ""
    else:
        hi = cur["pct"].astype(float).idxmax()
        lo = cur["pct"].astype(float).idxmin()
        out["grootte_hoogst"] = lower_first(f.at[hi, "klasse"])
        out["grootte_laagst"] = lower_first(f.at[lo, "klasse"])
        out["pct_grootte_hoogst"] = d.cell(hi, "pct")
        out["pct_grootte_laagst"] = d.cell(lo, "pct")
        word = compare_word(f.at[lo, "pct"], f.at[hi, "pct"], up="hoger", down="lager", same="even hoog", decimals=0)
        out["zin_grootte_verschil"] = ("" if hi == lo else compose(
            "Het aandeel in de klasse {hoog} ligt daarmee {woord} {dan} in de klasse {laag}{bi}.",
            hoog=out["grootte_hoogst"], laag=out["grootte_laagst"], woord=word,
            dan="als" if word == "even hoog" else "dan", bi=_beside(ed, f.loc[lo], f.loc[hi], ed.year, ed.year, " ")))
    prev = ed.previous_year
    words: dict[int, str] = {}
    if prev is None:
        out["zin_grootte_vergelijking"] = "Een eerdere meting om de grootteklassen mee te vergelijken is er niet."
    else:
        old = rows[rows["year"] == prev].set_index("group")
        now = rows[rows["year"] == ed.year].set_index("group")
        parts = {}
        for code, lab in labels.items():
            a, b = old.loc[code] if code in old.index else None, now.loc[code] if code in now.index else None
            words[code] = compare_word(None if a is None else a["pct"], None if b is None else b["pct"], decimals=0)
            parts[code] = _beside(ed, a, b, prev) if a is not None and b is not None else Released("")
        if len(set(words.values())) == 1:
            each = [compose("{klasse} {bi}", klasse=lower_first(labels[c]), bi=parts[c]) for c in labels if parts[c]]
            out["zin_grootte_vergelijking"] = compose(
                "Ten opzichte van {jaar} is het aandeel in alle grootteklassen {woord}{per}.", jaar=prev,
                woord=next(iter(words.values())), per=compose(": {lijst}", lijst=join(each, join_nl)) if each else "")
        else:
            each = [compose("in de klasse {klasse} {woord}{bi}", klasse=lower_first(labels[c]), woord=w,
                            bi=compose(" {bi}", bi=parts[c]) if parts[c] else "") for c, w in words.items()]
            out["zin_grootte_vergelijking"] = compose("Ten opzichte van {jaar} is het aandeel {lijst}.", jaar=prev,
                                                      lijst=join(each, join_nl))
    # the report (CL07): large organisations innovate more often than small ones in every year, and
    # every size class is lower than at the previous measurement; the verdict is the claims
    # table's (one test per question), unless a cell it rests on is hidden here
    out["claim_grootte_patroon"] = _claim_verdict(ed, "CL07", rows, list(labels))
    return out


def _claim_verdict(ed, claim_id: str, rows: pd.DataFrame, groups) -> str:
    """The verdict of the claims table on ``claim_id`` (:func:`barometer.presentation.claims.claim_outcome`,
    worded by :func:`barometer.presentation.phrasing.claim_phrase`), so chapter and claims table
    use one test; "is met deze gegevens niet te toetsen" when a percentage of ``groups`` that the claim compares is
    hidden in the disclosed ``rows`` of a year, or absent (a verdict would give away how hidden
    cells are ordered)."""
    from barometer.presentation.claims import claim_outcome
    from barometer.presentation.phrasing import claim_phrase

    untested = "is met deze gegevens niet te toetsen"
    for _, sub in rows.groupby("year"):
        shown = set(sub.loc[sub["pct"].notna(), "group"])
        if not set(groups) <= shown:
            return untested
    return claim_phrase(claim_outcome(ed, claim_id) if len(rows) else "untested", untested=untested)


def figuur_innovatie_naar_grootte(ed):
    """Figuur 2-1 (:data:`GROOTTE`): share of organisations that innovated, by size class and year.

    Glued keys: ``pct_innovatie_<klein|middelgroot|groot>`` (declared cells) and those of
    :func:`teksten_grootte`.
    """
    return _show(GROOTTE, teksten_grootte, ed)


# ----------------------------------------------------------------------------- national government
def innovatie_rijk(ed) -> pd.DataFrame | Notice:
    """Share innovating per part of the national government (kerndepartementen, diensten en
    agentschappen, zbo's), by year.

    Returns
    -------
    DataFrame or Notice
        ``year``, ``group`` (``national_type``), ``count``, ``base``, ``pct``, ``onderdeel``,
        ``ondergrens``, ``bovengrens``; a notice when no year has any national government.
    """
    labels = load_codebook().labels("national_type")
    yrs = years(ed)
    data = share(ed.all_years, "innovated", 1, by="national_type", years=yrs, total=False)
    if data["base"].sum() == 0:
        return Notice(f"In de gegevens van {years_text(yrs)} zitten geen organisaties van de nationale overheid "
                      "(Rijksoverheid of zbo's); er is dus geen figuur.", "note")
    data["onderdeel"] = data["group"].map(labels)
    data["item"] = "innovated"
    return met_intervallen(data, ed)


#: Figuur 2-2, declared: the share that innovated per part of the national government.
RIJK = declaration.Figure(
    name=_name("fig", "rijk"), report="Figuur 2-2",
    compute=innovatie_rijk, codes={"group": "national_type"}, linked=linked.INNOVATED,
    draw=lambda f: fig.grouped_bars(f, x="onderdeel", y="pct", hue="year",
                                    order=list(load_codebook().labels("national_type").values()),
                                    hue_order=list(pd.unique(f["year"])), ylabel="Aandeel dat innoveerde",
                                    legend_title="Meetjaar", interval=BOUNDS),
    alt=lambda ed, d: fig.alt_text(d.frame.dropna(subset=["pct"]), "het aandeel organisaties van de nationale "
                                   "overheid dat een innovatie implementeerde, naar onderdeel en meetjaar",
                                   label="onderdeel", value="pct", group="year"),
    caption=lambda ed, d: ("Aandeel organisaties van de nationale overheid (Rijk en zbo's) dat een innovatie "
                           "implementeerde, naar onderdeel en jaar"),
    note=whisker_note(),
    download=lambda data, ed: data[["year", "onderdeel", "item", "count", "base", "pct", *BOUNDS]].rename(columns={
        "year": "jaar", "count": "aantal", "base": "basis", "pct": "percentage"}),
    glue=lambda ed: [declaration.Glued("pct_innovatie_kerndep", "pct", {"year": ed.year, "group": 1})],
)


def _no_national_sentence(year: int, n_kd: int, n_uv: int, kd: Released, uv: Released) -> Released | str:
    """The Rijk comparison when one or both groups have no respondents in ``year``."""
    if not n_kd and not n_uv:
        return (f"In de gegevens van {year} zitten geen organisaties van de nationale overheid (kerndepartementen, "
                "diensten en agentschappen of zbo's); een vergelijking is er dus niet.")
    if not n_kd:
        return compose("In de gegevens van {jaar} zitten geen kerndepartementen; een vergelijking met {uv_wie} "
                       "(n = {n}; {pct}) is er dus niet.", jaar=year, uv_wie=UITVOERING, n=public(fmt.num(n_uv)),
                       pct=uv)
    return compose("In de gegevens van {jaar} zitten geen diensten, agentschappen of zbo's; een vergelijking met de "
                   "kerndepartementen (n = {n}; {pct}) is er dus niet.", jaar=year, n=public(fmt.num(n_kd)), pct=kd)


def teksten_rijk(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of Figuur 2-2.

    Glued keys: ``pct_innovatie_uitvoering`` (diensten, agentschappen and zbo's together; hidden
    as well when exactly one of its two parts is hidden, which it would give away),
    ``n_kerndep``, ``n_uitvoering``, ``richting_kerndep`` ("minder vaak"/"vaker"/"even vaak"),
    ``claim_rijk`` (the claims table's verdict on the first half of CL17, the registry's part
    ``CL17_innovatie``, :func:`_claim_verdict`) and ``zin_rijk`` (the whole comparison as one sentence, with the interval
    of the difference). A group without respondents in the edition year has no percentage
    (``-``) and nothing to compare.
    """
    kd = _pct_of(ed, "innovated", 1, ed.year, "national_type", 1)
    uv = _pct_of(ed, "innovated", 1, ed.year, "national_type", [2, 3])
    kd_text = (d.text("pct", year=ed.year, group=1) if d is not None else Released(fmt.NOT_ASKED)) \
        if kd.base_n else Released(fmt.NOT_ASKED)
    hidden = [g for g in (2, 3) if d is not None and d.reason("pct", year=ed.year, group=g) is not None]
    if not uv.base_n:
        uv_text = Released(fmt.NOT_ASKED)
    elif len(hidden) == 1:  # the combined share minus the shown part would give the hidden part
        uv_text = disclosure.suppressed("secondary")
    else:
        uv_text = _pct(ed, uv)
    out: dict[str, Released | str] = {"pct_innovatie_uitvoering": uv_text, "n_kerndep": public(fmt.num(kd.base_n)),
                                      "n_uitvoering": public(fmt.num(uv.base_n))}
    if kd.base_n and uv.base_n:
        shown = kd_text.reason == "shown" and uv_text.reason == "shown"
        word = (compare_word(uv.value, kd.value, up="vaker", down="minder vaak", same="even vaak", decimals=0)
                if shown else "niet te vergelijken")
        out["richting_kerndep"] = word
        if shown:
            bi = _beside(ed, uv, kd, ed.year, ed.year)
            out["zin_rijk"] = compose("Kerndepartementen (n = {n_kd}) voerden {woord} een innovatie in ({kd}) dan "
                                      "{uv_wie} (n = {n_uv}; {uv}{bi}).", n_kd=out["n_kerndep"], woord=word,
                                      kd=kd_text, uv_wie=UITVOERING, n_uv=out["n_uitvoering"], uv=uv_text,
                                      bi=compose("; {bi}", bi=release(str(bi)[1:-1], [kd.base_n, uv.base_n],
                                                                      ed.min_base)) if bi else "")
        else:
            out["zin_rijk"] = compose("De kerndepartementen (n = {n_kd}; {kd}) en {uv_wie} (n = {n_uv}; {uv}) zijn "
                                      "met zo weinig organisaties niet te vergelijken.", n_kd=out["n_kerndep"],
                                      kd=kd_text, uv_wie=UITVOERING, n_uv=out["n_uitvoering"], uv=uv_text)
    else:
        out["richting_kerndep"] = "(geen vergelijking mogelijk: een van beide groepen heeft geen respondenten)"
        out["zin_rijk"] = _no_national_sentence(ed.year, kd.base_n, uv.base_n, kd_text, uv_text)
    # the report (first half of CL17, the claims registry's part "CL17_innovatie"): core departments
    # innovate less often than the agencies and than the zbo's; the verdict is the claims table's
    now = d.frame[d.frame["year"] == ed.year] if d is not None else pd.DataFrame(columns=["year", "group", "pct"])
    out["claim_rijk"] = _claim_verdict(ed, "CL17_innovatie", now, (1, 2, 3))
    if d is None:
        out["pct_innovatie_kerndep"] = kd_text
    return out


def figuur_innovatie_rijk(ed):
    """Figuur 2-2 (:data:`RIJK`): share innovating in the national government, by part and year.

    Glued keys: ``pct_innovatie_kerndep`` (declared cell) and those of :func:`teksten_rijk`.
    Without any national government in any year the exhibit is a
    :class:`~barometer.presentation.exhibit.Notice` saying so.
    """
    return _show(RIJK, teksten_rijk, ed)


# ----------------------------------------------------------------------------- logistic regression
def _logit(ed) -> models.LogitResult:
    """The model of innovating, fitted once per edition (table, notes and glue share it)."""
    from barometer.presentation.phrasing import cached

    return cached(ed, f"{SLUG}-logit", lambda: models.innovation_model(ed.df, year=ed.year))


def logit_innoveren(ed) -> pd.DataFrame | Notice:
    """The terms of the logistic regression of innovating: odds ratios with their 95% Wald and
    profile-likelihood intervals, the Firth refit of a term the data do not bound, and each
    predictor's likelihood-ratio test (``p_gezamenlijk``); a notice when it cannot be estimated."""
    from barometer.presentation.phrasing import cached

    try:
        res = _logit(ed)
    except models.ModelError as exc:  # nobody / everybody innovated, a reference group absent
        return not_estimable("het model van innoveren", ed.year, exc)
    return cached(ed, f"{SLUG}-logit-data", lambda: models.uncertainty_columns(res).drop(columns=["term"]).merge(
        res.joint.rename(columns={"p": "p_gezamenlijk"}), on="variable", how="left"))


def _term_label(cb, row) -> str:
    """Dutch label of a regression term: the variable, with the level for a category."""
    names = {"size_class": "Organisatiegrootte", "sector": "Sector"}
    if row.variable == "size_class" and (row.level is None or fmt.is_missing(row.level)):
        return f"{names['size_class']} (per klasse groter)"
    if row.level is not None and not fmt.is_missing(row.level):
        return f"{names.get(row.variable, row.variable)}: {cb.labels(row.variable).get(int(row.level), row.label)}"
    return row.label


def _logit_screen(ed, d: Disclosed) -> pd.DataFrame:
    cb = load_codebook()
    t = d.frame
    labels = [_term_label(cb, r) for r in t.itertuples()]
    return pd.DataFrame({
        "Voorspeller": [lab if ok else f"{lab} ({NOT_ESTIMABLE})" for lab, ok in zip(labels, t["estimable"])],
        "Odds ratio": t["odds_ratio"].map(fmt.odds_ratio),
        "95%-betrouwbaarheidsinterval": [fmt.or_interval(a, b) for a, b in zip(t["ci_low"], t["ci_high"])],
        "p": t["p"].map(p_value),
    })


def _logit_notes(ed, d: Disclosed) -> list[str]:
    cb = load_codebook()
    res = _logit(ed)
    joint = res.joint.set_index("variable")
    size_p, sector_p = joint.loc["size_class", "p"], joint.loc["sector", "p"]
    sizes = cb.labels("size_class")
    cats = models.INNOVATION_MODEL["categorical"]
    ref_sector = cb.labels("sector")[cats["sector"]]
    if "size_class" in cats:
        size_note = f"organisatiegrootte {lower_first(sizes[cats['size_class']])}, "
        size_how = ""
    else:
        size_note = ""
        size_how = (" Organisatiegrootte telt als oplopende schaal ("
                    + ", ".join(f"{code} = {lower_first(lab)}" for code, lab in sizes.items())
                    + "): de odds ratio geldt voor één klasse groter.")
    notes = [
        f"Logistische regressie op het wel of niet implementeren van een innovatie, {ed.year}; "
        f"n = {fmt.num(res.n)}, waarvan {fmt.num(res.n_positive)} met een innovatie; "
        f"McFaddens pseudo-R² = {fmt.dec(res.pseudo_r2, 2)}.",
        f"Referentiecategorie: {size_note}sector {lower_first(ref_sector)}.{size_how} "
        f"Likelihood-ratiotoets (model met en zonder de term): organisatiegrootte {p_text(size_p)}, sector (alle sectoren samen) {p_text(sector_p)}.",
    ]
    labels = [_term_label(cb, r) for r in d.frame.itertuples()]
    unbounded = not_estimable_note(lab for lab, ok in zip(labels, d.frame["estimable"]) if not ok)
    if unbounded:
        notes.append(unbounded)
    if res.dropped:
        parts = [f"{cb.labels(var).get(code, str(code))} (n = {fmt.num(n)})"
                 for var, levels in res.dropped.items() for code, n in levels.items()]
        notes.append(f"Weggelaten wegens minder dan vijf waarnemingen: {join_nl(parts)}.")
    return notes


#: The logistic regression of innovating, declared as a table (a model of all respondents:
#: no group statistic to suppress; its n and the omitted groups' counts are public).
LOGIT = declaration.Table(
    name=_name("tbl", "logit"),
    compute=logit_innoveren,
    tabulate=_logit_screen,
    notes=_logit_notes,
    caption=lambda ed, d: f"Kans op innoveren: odds ratio's uit een logistische regressie, {ed.year}",
)


def _unit_by_size(ed) -> dict[str, Released]:
    sizes = load_codebook().labels("size_class")
    out = {}
    for code, lab in ((min(sizes), "klein"), (max(sizes), "groot")):
        r = statistic(ed.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=code, year=ed.year)
        out[f"pct_unit_{lab}"] = _pct(ed, r)
    return out


def teksten_logit(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of the regression table (each "wel" or "niet" where a word).

    Glued keys: ``sig_grootte`` (size classes jointly, likelihood ratio test), ``p_grootte``,
    ``sig_unit``, ``sig_sector`` (sectors jointly), ``p_sector``, ``sig_management``,
    ``sig_tijd``; ``richting_grootte`` ("toe"/"af": does the chance rise with size?);
    ``or_groot``, ``or_unit``, ``or_management``, ``or_tijd``; ``n_logit``;
    ``pct_unit_klein``, ``pct_unit_groot``; and ``claim_<x>``, the claims table's verdict on
    each claim of the report (CL01-CL05: one test per question). When the model cannot be
    estimated every key reads so.
    """
    out = _unit_by_size(ed)
    if d is None:  # the model cannot be estimated: words that read correctly, the notice says why
        untestable = "is met deze gegevens niet te toetsen"
        out.update(dict.fromkeys(("sig_grootte", "sig_unit", "sig_sector", "sig_management", "sig_tijd"),
                                 "niet te toetsen en dus niet"))
        out.update(dict.fromkeys(("p_grootte", "p_sector"), "model niet te schatten"))
        out.update(dict.fromkeys(("or_groot", "or_unit", "or_management", "or_tijd"), "niet te schatten"))
        out.update(dict.fromkeys(("claim_grootte", "claim_unit", "claim_sector", "claim_management", "claim_tijd"),
                                 untestable))
        out.update(richting_grootte="niet aantoonbaar toe of af", n_logit=fmt.NOT_ASKED)
        return out
    res = _logit(ed)
    joint = res.joint.set_index("variable")
    sizes = load_codebook().labels("size_class")
    cats = models.INNOVATION_MODEL["categorical"]
    # size as an ordinal trend (one term) or as categories (then the largest class)
    largest = res.term("size_class", max(sizes)) if "size_class" in cats else res.term("size_class")
    size_p, sector_p = joint.loc["size_class", "p"], joint.loc["sector", "p"]
    unit, mgmt, time = res.term("innovation_unit"), res.term("cond_management"), res.term("cond_time")
    rel = lambda text: release(text, res.n, ed.min_base)  # noqa: E731 - a model of res.n organisations
    out.update({
        "n_logit": public(fmt.num(res.n)),
        "sig_grootte": significance_word(size_p),
        "p_grootte": rel(p_text(size_p)),
        "richting_grootte": "toe" if largest["odds_ratio"] > 1 else "af",
        "or_groot": rel(fmt.odds_ratio(largest["odds_ratio"])),
        "sig_unit": significance_word(unit["p"]),
        "or_unit": rel(fmt.odds_ratio(unit["odds_ratio"])),
        "sig_sector": significance_word(sector_p),
        "p_sector": rel(p_text(sector_p)),
        "sig_management": significance_word(mgmt["p"]),
        "or_management": rel(fmt.odds_ratio(mgmt["odds_ratio"])),
        "sig_tijd": significance_word(time["p"]),
        "or_tijd": rel(fmt.odds_ratio(time["odds_ratio"])),
    })
    # one test per question: the verdicts of the claims table (CL01-CL05; CL05 at p < 0,10 as the
    # report's "speelt een rol"; CL03 a claim of no difference, never p >= 0,05 alone)
    from barometer.presentation.claims import claim_outcome
    from barometer.presentation.phrasing import claim_phrase

    for key, cid in (("claim_grootte", "CL01"), ("claim_unit", "CL02"), ("claim_sector", "CL03"),
                     ("claim_management", "CL04"), ("claim_tijd", "CL05")):
        out[key] = claim_phrase(claim_outcome(ed, cid))
    return out


def tabel_logit_innoveren(ed):
    """Logistic regression of innovating (yes/no) on size, innovation unit, sector, management
    support and time (edition year), as odds ratios with 95% intervals (:data:`LOGIT`).

    Glued keys: those of :func:`teksten_logit`.
    """
    return _show(LOGIT, teksten_logit, ed)


# ----------------------------------------------------------------------------- Figuur 2-3
def _types(ed) -> pd.DataFrame:
    data = freq_by_year(ed, "innovation_type")
    data["type"] = data["label"]
    return data


#: Figuur 2-3, declared: type of the most recent innovation, by year (base: innovators).
TYPEN = declaration.Figure(
    name=_name("fig", "typen"), report="Figuur 2-3", question="innovation_type",
    compute=lambda ed: met_intervallen(_types(ed), ed),
    draw=lambda f: fig.bar_shares(f, y="type", x="pct", hue="year", hue_order=list(pd.unique(f["year"])),
                                  xlabel="Aandeel van de innovaties", legend_title="Meetjaar", interval=BOUNDS),
    alt=lambda ed, d: fig.alt_text(d.frame, "de typen van de meest recente innovatie per meetjaar", label="type",
                                   value="pct", group="year"),
    caption=lambda ed, d: "Type van de meest recent geïmplementeerde innovatie, naar jaar; meer antwoorden mogelijk",
    note=whisker_note(),
    download=lambda data, ed: data[["year", "type", "count", "base", "pct", *BOUNDS]].rename(columns={
        "year": "jaar", "count": "aantal", "base": "basis", "pct": "percentage"}),
    glue=lambda ed: [declaration.Glued(f"pct_{key}", "pct", {"year": ed.year, "item": item})
                     for item, key in TYPE_KEYS.items()],
)


def teksten_typen(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of Figuur 2-3.

    Glued keys: ``verloop_<type>`` (the change with its Newcombe interval), ``pct_<type>_vorig``,
    ``richting_<type>`` for interactie, proces, product, dienst; ``n_innovators``;
    ``type_meest``, ``pct_type_meest`` and ``verloop_type_meest`` (the most common type of
    the edition year among those shown, its share and its trend; the front page shows them).
    """
    out: dict[str, Released | str] = {}
    if d is None:  # the question was not asked in this edition
        for key in TYPE_KEYS.values():
            out.update({f"pct_{key}": fmt.NOT_ASKED, f"pct_{key}_vorig": fmt.NOT_ASKED,
                        f"richting_{key}": "niet te vergelijken", f"verloop_{key}": fmt.NOT_ASKED})
        out.update(n_innovators=fmt.NOT_ASKED, type_meest=fmt.NOT_ASKED, pct_type_meest=fmt.NOT_ASKED,
                   verloop_type_meest=fmt.NOT_ASKED)
        return out
    f = d.frame
    prev = ed.previous_year
    cur = f[f["year"] == ed.year].set_index("item")
    old = f[f["year"] == prev].set_index("item") if prev is not None and (f["year"] == prev).any() else None

    def verloop(item) -> Released:
        a = old.loc[item] if old is not None else None
        b = cur.loc[item]
        text = trend(None if a is None else a["pct"], b["pct"], prev if a is not None else None, ed.year,
                     interval=verschil_interval(ed, a, b, prev))
        return release(text, [b["base"]] + ([a["base"]] if a is not None else []), ed.min_base)

    for item, key in TYPE_KEYS.items():
        out[f"verloop_{key}"] = verloop(item)
        if old is not None:
            out[f"pct_{key}_vorig"] = d.text("pct", year=prev, item=item)
            out[f"richting_{key}"] = compare_word(old.loc[item, "pct"], cur.loc[item, "pct"], decimals=0)
        else:
            out[f"pct_{key}_vorig"] = fmt.NOT_ASKED
            out[f"richting_{key}"] = "niet te vergelijken"
    out["n_innovators"] = public(fmt.num(cur["base"].iloc[0]))
    shown = cur["pct"].dropna()
    if not shown.empty:
        top = shown.astype(float).idxmax()
        out["type_meest"] = str(cur.loc[top, "type"])
        out["pct_type_meest"] = d.text("pct", year=ed.year, item=top)
        out["verloop_type_meest"] = verloop(top)
    else:  # nobody innovated, or too few to show: no most common type
        out["type_meest"] = "geen (er zijn geen innovaties)" if not cur["base"].iloc[0] else "niet te bepalen"
        out["pct_type_meest"] = fmt.NOT_ASKED if not cur["base"].iloc[0] else disclosure.suppressed()
        out["verloop_type_meest"] = "niet te vergelijken"
    return out


def figuur_typen_naar_jaar(ed):
    """Figuur 2-3 (:data:`TYPEN`): type of the most recent innovation, by year (base: innovators).

    Glued keys: ``pct_interactie``, ``pct_proces``, ``pct_product``, ``pct_dienst`` (declared
    cells) and those of :func:`teksten_typen`.
    """
    return _show(TYPEN, teksten_typen, ed)


# ----------------------------------------------------------------------------- type tests (one family)
def _pp_interval(low: float, high: float) -> str:
    """``-3 tot +10 procentpunt``: a 95% interval of a difference in percentage points."""
    return f"{fmt.pp(low, signed=True).removesuffix(' procentpunt')} tot {fmt.pp(high, signed=True)}"


def _untestable(ed) -> Notice | None:
    return too_few("de toets van de soorten innovatie tussen de metingen", ed.year, "tabel")


def typen_toetsen(ed) -> pd.DataFrame | Notice:
    """Two-proportion z-tests of the differences in types between the previous year and the
    edition year, one row per type, with Newcombe's 95% interval of each difference.

    Returns
    -------
    DataFrame or Notice
        ``item``, ``type``, ``pct_a``, ``ondergrens_a``, ``bovengrens_a``, ``n_a`` (previous
        year), the same with ``_b`` (edition year), ``verschil`` (b - a, percentage points),
        ``ondergrens``, ``bovengrens`` (its interval, with the finite-population correction),
        ``z``, ``p`` (raw); a notice without an earlier measurement, or when a year has too few
        innovators to publish a share (the disclosure policy).
    """
    prev = ed.previous_year
    if prev is None:
        return Notice("Er is geen eerdere meting, dus er zijn geen verschillen tussen jaren te toetsen.", "note")
    rows = []
    for item, sub in _types(ed).groupby("item", sort=False):
        a, b = sub[sub["year"] == prev], sub[sub["year"] == ed.year]
        if a.empty or b.empty:
            return _untestable(ed)
        a, b = a.iloc[0], b.iloc[0]
        if disclosure.is_small(a["base"], ed.min_base) or disclosure.is_small(b["base"], ed.min_base):
            return _untestable(ed)
        ca, na, cb_, nb = int(a["count"]), int(a["base"]), int(b["count"]), int(b["base"])
        test = models.proportion_test(ca, na, cb_, nb)
        pop_a = domain_population(prev, len(ed.frames[prev]))(na)
        pop_b = domain_population(ed.year, len(ed.df))(nb)
        lo, hi = difference_ci(ca, na, cb_, nb, pop_a, pop_b)
        lo_a, hi_a = share_ci(ca, na, pop_a)
        lo_b, hi_b = share_ci(cb_, nb, pop_b)
        rows.append({"item": item, "type": a["type"], "pct_a": a["pct"], "ondergrens_a": lo_a, "bovengrens_a": hi_a,
                     "pct_b": b["pct"], "ondergrens_b": lo_b, "bovengrens_b": hi_b,
                     "verschil": test["diff"], "ondergrens": lo, "bovengrens": hi, "z": test["z"], "p": test["p"],
                     "n_a": na, "n_b": nb})
    return pd.DataFrame(rows)


def _typen_toets_screen(ed, d: Disclosed) -> pd.DataFrame:
    f = d.frame
    rel = lambda text, r: release(text, [r.n_a, r.n_b], ed.min_base)  # noqa: E731 - a test of both years' bases
    rows = list(f.itertuples())
    return pd.DataFrame({
        "Type": f["type"],
        year_label(ed.previous_year): [d.cell(i, "pct_a") for i in f.index],
        year_label(ed.year): [d.cell(i, "pct_b") for i in f.index],
        "Verschil": [rel(fmt.pp(r.verschil, signed=True), r) for r in rows],
        interval_header("verschil"): [rel(_pp_interval(r.ondergrens, r.bovengrens), r) for r in rows],
        "z": [rel(fmt.dec(r.z, 2), r) for r in rows],
        "p": [rel(p_value(r.p), r) for r in rows],
        "p (Holm)": [rel(p_value(r.p_gecorrigeerd), r) for r in rows],
        "Significant (5%, Holm)": ["ja" if r.p_gecorrigeerd < ALPHA else "nee" for r in rows],
    })


def _typen_toets_notes(ed, d: Disclosed) -> list[str]:
    f = d.frame
    return [f"Toets op het verschil tussen twee proporties (z-toets), met het 95%-betrouwbaarheidsinterval van het "
            f"verschil (Newcombe); basis: organisaties met een "
            f"innovatie, {year_label(ed.previous_year)}: n = {fmt.num(f['n_a'].iloc[0])}, "
            f"{year_label(ed.year)}: n = {fmt.num(f['n_b'].iloc[0])}. Meer antwoorden mogelijk.",
            f"De {fmt.num(len(f))} toetsen vormen één familie: 'p (Holm)' is de p-waarde na de correctie van Holm "
            "voor meervoudig toetsen, en 'Significant' volgt die gecorrigeerde waarde; 'p' is de ongecorrigeerde."]


#: The type tests, declared as a table. The four tests form one family: Holm's correction is
#: declared here (``holm_family``) and runs before the disclosure policy, so that the table,
#: the download (raw and adjusted p) and the verdict words glued in the prose agree.
TYPEN_TOETS = declaration.Table(
    name=_name("tbl", "typen-toets"), question="innovation_type",
    compute=declaration.holm_family(typen_toetsen),
    tabulate=_typen_toets_screen,
    notes=_typen_toets_notes,
    caption=lambda ed, d: f"Verschillen in type innovatie tussen {year_label(ed.previous_year)} en "
                          f"{year_label(ed.year)}",
)


def teksten_typen_toets(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of the type tests.

    Glued keys: ``sig_interactie``, ``sig_proces``, ``sig_product``, ``sig_dienst`` ("wel"/"niet"
    significant after Holm's correction of the family), ``p_<type>`` (raw p, Dutch),
    ``ph_<type>`` (Holm-adjusted p), ``bi_<type>`` (95% interval of the difference, Newcombe with
    the finite-population correction: the differences the data leave open), ``n_toetsen_typen``
    (the size of the family) and ``claim_proces`` ("process innovations did not change
    significantly", judged by the claims table's rule for a claim of no change, CL09).
    """
    out: dict[str, Released | str] = {}
    if d is None:
        none = ed.previous_year is None or not load_codebook().is_asked("innovation_type", ed.year)
        for key in TYPE_KEYS.values():
            out.update({f"sig_{key}": "niet", f"p_{key}": fmt.NOT_ASKED if none else "niet te toetsen",
                        f"ph_{key}": fmt.NOT_ASKED if none else "niet te toetsen",
                        f"bi_{key}": fmt.NOT_ASKED if none else "niet te berekenen"})
        out.update(n_toetsen_typen=fmt.NOT_ASKED, claim_proces="is niet te toetsen")
        return out
    for r in d.frame.itertuples():
        key, bases = TYPE_KEYS[r.item], [r.n_a, r.n_b]
        out[f"sig_{key}"] = significance_word(r.p_gecorrigeerd)
        out[f"p_{key}"] = release(p_text(r.p), bases, ed.min_base)
        out[f"ph_{key}"] = release(p_text(r.p_gecorrigeerd), bases, ed.min_base)
        out[f"bi_{key}"] = release(_pp_interval(r.ondergrens, r.bovengrens), bases, ed.min_base)
    out["n_toetsen_typen"] = metadata(fmt.num(len(d.frame)))
    from barometer.presentation.claims import share_unchanged  # a claim of no change: the rule of CL09
    from barometer.presentation.phrasing import claim_phrase

    out["claim_proces"] = claim_phrase(share_unchanged(ed, "type_process", 1).outcome)
    return out


def tabel_typen_toets(ed):
    """The tests of the differences in types between the previous year and the edition year
    (:data:`TYPEN_TOETS`, one Holm family). Glued keys: those of :func:`teksten_typen_toets`."""
    return _show(TYPEN_TOETS, teksten_typen_toets, ed)


# ----------------------------------------------------------------------------- Figuur 2-4
def _work_change(ed) -> pd.DataFrame:
    data = freq_by_year(ed, "work_change")
    data["jaar"] = data["year_label"]
    return met_intervallen(data, ed)


#: Figuur 2-4, declared: how much the innovation changed the way of working, by year.
WERKWIJZE = declaration.Figure(
    name=_name("fig", "werkwijze"), report="Figuur 2-4", question="work_change",
    compute=_work_change,
    draw=lambda f: fig.stacked_bars(f, y="jaar", category="label", x="pct",
                                    category_order=list(load_codebook().labels("work_change").values()),
                                    order=list(pd.unique(f["jaar"])), xlabel=""),
    alt=lambda ed, d: fig.alt_text(d.frame, "de mate waarin de innovatie de manier van werken veranderde, per "
                                   "meetjaar", label="label", value="pct", group="year", kind="Gestapeld staafdiagram"),
    caption=lambda ed, d: "Mate waarin de innovatie de manier van werken veranderde, naar jaar",
    note=interval_download_note(),
    download=lambda data, ed: data[["year", "label", "count", "base", "pct", *BOUNDS]].rename(columns={
        "year": "jaar", "label": "verandering", "count": "aantal", "base": "basis", "pct": "percentage"}),
    glue=lambda ed: [declaration.Glued("pct_ingrijpend", "pct", {"year": ed.year, "code": 3})],
)


def teksten_werkwijze(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of Figuur 2-4.

    Glued keys: ``pct_werkwijze_beperkt`` (not or somewhat changed), ``verloop_ingrijpend``
    (with its Newcombe interval), ``pct_ingrijpend_vorig``, ``richting_ingrijpend``,
    ``sig_ingrijpend`` ("wel"/"niet"), ``p_ingrijpend``.
    """
    limited = _pct_of(ed, "work_change", [1, 2], ed.year)
    out: dict[str, Released | str] = {"pct_werkwijze_beperkt": _pct(ed, limited)}
    none = {"pct_ingrijpend_vorig": fmt.NOT_ASKED, "richting_ingrijpend": "niet te vergelijken",
            "sig_ingrijpend": "niet", "p_ingrijpend": fmt.NOT_ASKED}
    if d is None:
        out.update(none, verloop_ingrijpend=fmt.NOT_ASKED)
        return out
    f = d.frame
    prev = ed.previous_year
    cur = f[f["year"] == ed.year].set_index("code")
    has_prev = prev is not None and (f["year"] == prev).any()
    old = f[f["year"] == prev].set_index("code") if has_prev else None
    a, b = (old.loc[3] if has_prev else None), cur.loc[3]
    bases = [b["base"]] + ([a["base"]] if has_prev else [])
    out["verloop_ingrijpend"] = release(trend(None if a is None else a["pct"], b["pct"], prev if has_prev else None,
                                              ed.year, interval=verschil_interval(ed, a, b, prev)), bases, ed.min_base)
    if has_prev and min(int(a["base"]), int(b["base"])) > 0:
        out["pct_ingrijpend_vorig"] = d.text("pct", year=prev, code=3)
        out["richting_ingrijpend"] = compare_word(a["pct"], b["pct"], decimals=0)
        n_a, n_b = int(a["base"]), int(b["base"])
        c_a = statistic(ed.all_years, "work_change", "count", codes=3, year=prev).value
        c_b = statistic(ed.all_years, "work_change", "count", codes=3, year=ed.year).value
        test = models.proportion_test(int(c_a), n_a, int(c_b), n_b)
        out["sig_ingrijpend"] = significance_word(test["p"])
        out["p_ingrijpend"] = release(p_text(test["p"]), [n_a, n_b], ed.min_base)
    else:
        out.update(none)
    return out


def figuur_werkwijze(ed):
    """Figuur 2-4 (:data:`WERKWIJZE`): how much the innovation changed the way of working, by year.

    Glued keys: ``pct_ingrijpend`` (declared cell) and those of :func:`teksten_werkwijze`.
    """
    return _show(WERKWIJZE, teksten_werkwijze, ed)


# ----------------------------------------------------------------------------- Figuur 2-5
def typen_nl_dk(ed) -> pd.DataFrame | Notice:
    """Types of the most recent innovation in the Netherlands (each year) and Denmark (the Danish
    wave compared with the edition year).

    Returns
    -------
    DataFrame or Notice
        The Dutch rows of Figuur 2-3 (``reeks`` "Nederland <year>", with intervals) and one row
        per type for Denmark (``reeks`` "Denemarken <period>", no base: published figures of
        which the book has no microdata); the Danish value is in ``dk`` (a published figure the
        disclosure policy leaves as it is; NaN where Denmark published none). A notice when
        there are no Danish figures for the edition.
    """
    data = _types(ed)
    data["reeks"] = "Nederland " + data["year_label"]
    dk = denmark.counterparts("innovation_type", ed.year)
    rows = []
    for item, sub in data.groupby("item", sort=False):
        v = dk.get(item)
        rows.append({"item": item, "type": sub["type"].iloc[0], "pct": v["value"] if v else float("nan"),
                     "shown": v["value"] if v else float("nan"), "dk": v["value"] if v else float("nan"),
                     "reeks": f"Denemarken {v['period'] if v else ''}".strip()})
    dkf = pd.DataFrame(rows)
    if dkf["pct"].isna().all():
        return Notice("Voor dit jaar zijn er geen Deense cijfers over de typen innovatie.", "note")
    dkf["reeks"] = dkf["reeks"].dropna().iloc[0]
    nl = data[["item", "type", "year", "count", "base", "shown", "pct", "reeks"]].assign(dk=float("nan"))
    return met_intervallen(pd.concat([nl, dkf], ignore_index=True), ed)


def _drawn(f: pd.DataFrame) -> pd.DataFrame:
    """The bars of Figuur 2-5: the disclosed Dutch shares and the published Danish ones."""
    return f.assign(pct=f["pct"].where(f["dk"].isna(), f["dk"]))


def _dk_alt(ed, d: Disclosed) -> str:
    text = fig.alt_text(_drawn(d.frame), "de typen van de meest recente innovatie in Nederland en Denemarken",
                        label="type", value="pct", group="reeks")
    dk_rows = d.frame[d.frame["reeks"].str.startswith("Denemarken")]
    missing = dk_rows[dk_rows["dk"].isna()]["type"].tolist()
    return text + (f" Voor {join_nl([lower_first(m) for m in missing])} is er geen Deens cijfer." if missing else "")


#: Figuur 2-5, declared: the Dutch types (disclosed) beside the published Danish ones.
TYPEN_DK = declaration.Figure(
    name=_name("fig", "typen-dk"), report="Figuur 2-5", question="innovation_type",
    compute=typen_nl_dk,
    draw=lambda f: fig.bar_shares(_drawn(f), y="type", x="pct", hue="reeks", hue_order=list(pd.unique(f["reeks"])),
                                  xlabel="Aandeel van de innovaties", legend_title=None, interval=BOUNDS),
    alt=_dk_alt,
    caption=lambda ed, d: "Type van de meest recent geïmplementeerde innovatie in Nederland en Denemarken",
    note=whisker_note("Denemarken"),
    download=lambda data, ed: _typen_dk_download(data),
)


def _typen_dk_download(data: pd.DataFrame) -> pd.DataFrame:
    """The download of Figuur 2-5: the Dutch rows with base, percentage and interval; the Danish
    rows with the published figure in its own column (``dk_gepubliceerd``, data/disclosure.yaml's
    ``published_columns``), so that the policy marks them as published figures without microdata
    rather than as hidden small groups. A type of which Denmark published no figure has no Danish
    row (the figure has no bar of it either; the alt text names it)."""
    out = data.rename(columns={"pct": "percentage", "year": "jaar", "count": "aantal", "base": "basis",
                               "dk": "dk_gepubliceerd"})
    out = out[out["basis"].notna() | out["dk_gepubliceerd"].notna()].copy()
    out["percentage"] = out["percentage"].where(out["dk_gepubliceerd"].isna())
    return out[["reeks", "type", "jaar", "aantal", "basis", "percentage", *BOUNDS, "dk_gepubliceerd"]].astype(
        {"jaar": "Int64"})


def teksten_typen_dk(ed, d: Disclosed | None) -> dict[str, Released | str]:
    """The texts of Figuur 2-5.

    Glued keys: ``pct_proces_dk``, ``pct_interactie_dk`` (published Danish figures) and
    ``zin_interactie_dk`` (the Dutch share of interaction innovations, with its interval, beside
    the Danish one, which is published without a margin).
    """
    if d is None:
        return {"pct_proces_dk": fmt.NOT_ASKED, "pct_interactie_dk": fmt.NOT_ASKED,
                "zin_interactie_dk": "Voor dit jaar zijn er geen Deense cijfers over de typen innovatie."}
    f = d.frame
    dk = f[f["reeks"].str.startswith("Denemarken")].set_index("item")["dk"]
    out: dict[str, Released | str] = {"pct_proces_dk": public(fmt.pct(dk.get("type_process"))),
                                      "pct_interactie_dk": public(fmt.pct(dk.get("type_interaction")))}
    nl = f[(f["year"] == ed.year) & f["dk"].isna()].set_index("item")
    r = nl.loc["type_interaction"] if "type_interaction" in nl.index else None
    if r is None or fmt.is_missing(dk.get("type_interaction")):
        out["zin_interactie_dk"] = "Voor innovaties van de interactie is er geen Deens cijfer om mee te vergelijken."
        return out
    word = compare_word(dk.get("type_interaction"), r["pct"], up="vaker", down="minder vaak", same="even vaak",
                        decimals=0)
    out["zin_interactie_dk"] = compose(
        "Innovaties van de interactie komen in Nederland {woord} voor {dan} in Denemarken: {nl} {marge} tegen {dk}.",
        woord=word, dan="als" if word == "even vaak" else "dan", nl=d.text("pct", year=ed.year, item="type_interaction"),
        marge=release(without_margin(r["ondergrens"], r["bovengrens"]), r["base"], ed.min_base),
        dk=out["pct_interactie_dk"])
    return out


def figuur_typen_nl_dk(ed):
    """Figuur 2-5 (:data:`TYPEN_DK`): types of the most recent innovation, the Netherlands (each
    year) and Denmark (the Danish wave compared with the edition year). A type without a Danish
    value is drawn without a Danish bar, and the alt text says so.

    Glued keys: those of :func:`teksten_typen_dk`.
    """
    return _show(TYPEN_DK, teksten_typen_dk, ed)
