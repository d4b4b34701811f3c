"""Exhibits of the chapter *Innovatie in het openbaar bestuur* (report §2.1).

Every public function takes an :class:`~barometer.book.edition.Edition` and returns an exhibit
(:class:`~barometer.presentation.exhibit.FigureExhibit`, :class:`~barometer.presentation.exhibit.TableExhibit`) or,
for the hidden glue cells, a :class:`pandas.Series` of the glued strings. Numbers come from
:mod:`barometer.analysis.statistics` and :mod:`barometer.analysis.models`, labels from the codebook, Dutch
formatting from :mod:`barometer.presentation.formatting`, the figures from :mod:`barometer.presentation.figures`.
The headline numbers and the direction words of the prose are glued here
(:func:`barometer.presentation.glue.glue_text`), so that the chapter reads correctly for any edition.

Figures of the report rebuilt here: Figuur 2-1 (innovating by size class and year),
Figuur 2-2 (national government), Figuur 2-3 (types by year), Figuur 2-4 (change in ways
of working), Figuur 2-5 (types, the Netherlands and Denmark); plus the logistic regression
on innovating and the tests of the 2021–2025 differences in types.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import disclosure
from barometer.data import denmark
from barometer.analysis import models
from barometer.presentation import figures as fig
from barometer.presentation import formatting as fmt
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.presentation.intervals import BOUNDS, met_intervallen, verschil_interval
from barometer.presentation.phrasing import interval_download_note, whisker_note
from barometer.analysis.uncertainty import difference_ci, domain_population, share_ci
from barometer.presentation.phrasing import compare_word, freq_by_year, not_estimable, too_few, year_label, years
from barometer.presentation.phrasing import (ALPHA, NOT_ESTIMABLE, join_nl, lower_first, not_estimable_note, p_text, p_value,
                                      significance_word, trend, years_text)
from barometer.presentation.glue import glue_text
from barometer.analysis.statistics import TOTAL, share, statistic

__all__ = [
    "SLUG",
    "kerncijfers",
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


def _name(kind: str, what: str) -> str:
    return f"{kind}-{SLUG}-{what}"


def _pct_of(ed, variable: str, codes, year: int, group_var: str | None = None, group=None):
    return statistic(ed.all_years, variable, "pct", codes=codes, group_var=group_var, group=group, year=year)


def _comparison_sentence(now: float, before: float | None, prev_year: int | None, what: str) -> str:
    """Dutch sentence comparing a share with the previous measurement (or saying there is none)."""
    if prev_year is None or before is None or fmt.is_missing(before):
        return "Een eerdere meting om dit mee te vergelijken is er niet."
    word = compare_word(before, now, decimals=0)
    if word == "gelijk gebleven":
        return f"In {prev_year} was {what} even groot ({fmt.pct(before)})."
    return (f"In {prev_year} was {what} {fmt.pct(before)}; het is dus met "
            f"{fmt.pp(now - before)} {word}.")


# ----------------------------------------------------------------------------- key figures
def kerncijfers(ed) -> pd.Series:
    """Glue the headline numbers of the chapter and return them.

    Glued keys
    ----------
    ``jaar``, ``jaar_vorig`` (or "-"), ``n_organisaties``, ``pct_innovatie``,
    ``pct_innovatie_vorig``, ``verschil_innovatie``, ``richting_innovatie``,
    ``zin_innovatie_vergelijking``; the sector range ``sector_hoogst``,
    ``pct_sector_hoogst``, ``sector_laagst``, ``pct_sector_laagst``; Denmark:
    ``pct_innovatie_dk``, ``n_dk``, ``periode_dk``, ``richting_nl_dk``.

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
    out["jaar"] = year_label(ed.year)
    out["jaar_vorig"] = year_label(prev) if prev else fmt.NOT_ASKED
    out["n_organisaties"] = fmt.num(now.base_n)
    out["pct_innovatie"] = fmt.pct(now.value)
    out["pct_innovatie_vorig"] = fmt.pct(before.value) if before else fmt.NOT_ASKED
    out["verschil_innovatie"] = fmt.pp(now.value - before.value) if before else fmt.NOT_ASKED
    out["richting_innovatie"] = compare_word(before.value, now.value, decimals=0) if before else "niet te vergelijken"
    out["zin_innovatie_vergelijking"] = _comparison_sentence(
        now.value, before.value if before else None, prev, "dat aandeel")

    # sectors (Tabel B1-8): the highest and the lowest share among the sectors shown there
    excluded = set(cb.variable("sector").display.get("table_rows_exclude", []))
    sec = share(ed.df, "innovated", 1, by="sector", total=False)
    sec = sec[~sec["group"].isin(excluded) & (sec["base"] >= ed.min_base)]
    labels = cb.labels("sector")
    if sec.empty:  # no sector with enough respondents: no highest or lowest
        out.update(sector_hoogst=fmt.NOT_ASKED, pct_sector_hoogst=fmt.NOT_ASKED, sector_laagst=fmt.NOT_ASKED,
                   pct_sector_laagst=fmt.NOT_ASKED)
    else:
        hi = sec.loc[sec["pct"].idxmax()]
        lo = sec.loc[sec["pct"].idxmin()]
        out["sector_hoogst"] = lower_first(cb.labels_long("sector")[int(hi["group"])]) if int(hi["group"]) in cb.labels_long("sector") else labels[int(hi["group"])]
        out["pct_sector_hoogst"] = fmt.pct(hi["pct"])
        out["sector_laagst"] = lower_first(cb.labels_long("sector")[int(lo["group"])]) if int(lo["group"]) in cb.labels_long("sector") else labels[int(lo["group"])]
        out["pct_sector_laagst"] = fmt.pct(lo["pct"])

    # Denmark
    dk = next(iter(denmark.counterparts("innovated", ed.year).values()), None)
    out["verloop_innovatie"] = trend(before.value if before else None, now.value, prev, ed.year,
                                     interval=verschil_interval(ed, before, now, prev))
    out["min_base"] = fmt.num(ed.min_base)
    out["vraag_innovatie"] = cb.label("innovated")
    out["vraag_type"] = cb.label("innovation_type")
    out["vraag_werkwijze"] = cb.label("work_change")
    out["vraag_unit"] = cb.label("innovation_unit")
    if dk is None:
        out["pct_innovatie_dk"] = fmt.NOT_ASKED
        out["n_dk"] = fmt.NOT_ASKED
        out["periode_dk"] = fmt.NOT_ASKED
        out["zin_nl_dk"] = "Voor dit jaar is er geen Deens cijfer om mee te vergelijken."
        out["zin_dk"] = out["zin_nl_dk"]
    else:
        out["pct_innovatie_dk"] = fmt.pct(dk["value"])
        n_dk = denmark.counterparts("n_workplaces", ed.year).get("n_workplaces")
        out["n_dk"] = fmt.num(n_dk["value"]) if n_dk else fmt.NOT_ASKED
        out["periode_dk"] = str(dk["period"])
        word = compare_word(dk["value"], now.value, up="hoger", down="lager", same="even hoog", decimals=0)
        out["zin_nl_dk"] = (f"Het Nederlandse aandeel ({fmt.pct(now.value)}) ligt daarmee {word} "
                            f"dan het Deense.")
        n_dk = f", gemeten bij {out['n_dk']} organisaties" if out["n_dk"] != fmt.NOT_ASKED else ""
        out["zin_dk"] = (f"In Denemarken voerde {out['pct_innovatie_dk']} van de publieke organisaties "
                         f"in de periode {out['periode_dk']} ten minste één innovatie in{n_dk}. "
                         f"{out['zin_nl_dk']}")
    for key, text in out.items():
        glue_text(key, text)
    return pd.Series(out, name="kerncijfers")


# ----------------------------------------------------------------------------- Figuur 2-1
def figuur_innovatie_naar_grootte(ed) -> FigureExhibit:
    """Figuur 2-1: share of organisations that innovated, by size class and year.

    Glued keys: ``pct_innovatie_<klein|middelgroot|groot>``, ``grootte_hoogst``,
    ``grootte_laagst``, ``zin_grootte_vergelijking`` (did every size class go down?).
    """
    cb = load_codebook()
    labels = cb.labels("size_class")
    yrs = years(ed)
    data = share(ed.all_years, "innovated", 1, by="size_class", years=yrs)
    data["klasse"] = data["group"].map(lambda g: labels.get(g, TOTAL) if g != TOTAL else TOTAL)
    data["shown"] = disclosure.mask(data["pct"], data["base"], ed.min_base)
    order = [*labels.values(), TOTAL]

    cur = data[(data["year"] == ed.year) & (data["group"] != TOTAL)]
    for code, lab in labels.items():
        row = cur[cur["group"] == code]
        glue_text(f"pct_innovatie_{lab.lower()}",
                  disclosure.show(fmt.pct(row["pct"].iloc[0]), row["base"].iloc[0], ed.min_base)
                  if len(row) else fmt.NOT_ASKED)
    cur = cur.dropna(subset=["pct"])
    if cur.empty:  # no size class with respondents: no highest or lowest
        for key in ("grootte_hoogst", "grootte_laagst", "pct_grootte_hoogst", "pct_grootte_laagst"):
            glue_text(key, fmt.NOT_ASKED)
    else:
        hi = cur.loc[cur["pct"].idxmax()]
        lo = cur.loc[cur["pct"].idxmin()]
        glue_text("grootte_hoogst", lower_first(hi["klasse"]))
        glue_text("grootte_laagst", lower_first(lo["klasse"]))
        glue_text("pct_grootte_hoogst", disclosure.show(fmt.pct(hi["pct"]), hi["base"], ed.min_base))
        glue_text("pct_grootte_laagst", disclosure.show(fmt.pct(lo["pct"]), lo["base"], ed.min_base))
    prev = ed.previous_year
    if prev is None:
        sentence = "Een eerdere meting om de grootteklassen mee te vergelijken is er niet."
    else:
        old = data[(data["year"] == prev) & (data["group"] != TOTAL)].set_index("group")["pct"]
        now_pct = cur.set_index("group")["pct"]
        words = {code: compare_word(old.get(code), now_pct.get(code), decimals=0) for code in labels}
        uniq = set(words.values())
        if len(uniq) == 1:
            sentence = f"Ten opzichte van {prev} is het aandeel in alle grootteklassen {uniq.pop()}."
        else:
            parts = [f"in de klasse {lower_first(labels[c])} {w}" for c, w in words.items()]
            sentence = f"Ten opzichte van {prev} is het aandeel {join_nl(parts)}."
    glue_text("zin_grootte_vergelijking", sentence)
    # the report: large organisations innovate more often than small ones in every year, and
    # every size class is lower than at the previous measurement
    rows = data[data["group"] != TOTAL]
    ok = all(
        sub.set_index("group")["pct"].get(max(labels), float("nan")) > sub.set_index("group")["pct"].get(min(labels), float("nan"))
        for _, sub in rows.groupby("year"))
    if prev is not None:
        ok = ok and all(w == "gedaald" for w in words.values())
    glue_text("claim_grootte_patroon", "houdt stand" if ok else "houdt geen stand")

    figure = fig.grouped_bars(met_intervallen(data, ed), x="klasse", y="shown", hue="year", order=order,
                              hue_order=yrs, ylabel="Aandeel dat innoveerde", legend_title="Meetjaar",
                              interval=BOUNDS)
    alt = fig.alt_text(data.dropna(subset=["shown"]), "het aandeel organisaties dat een innovatie "
                       "implementeerde, naar organisatiegrootte en meetjaar", label="klasse",
                       value="shown", group="year")
    table = data[["year", "klasse", "count", "base", "pct"]].rename(
        columns={"year": "jaar", "klasse": "organisatiegrootte", "count": "aantal", "base": "basis", "pct": "percentage"})
    return FigureExhibit(
        name=_name("fig", "grootte"),
        caption=("Aandeel organisaties dat een innovatie implementeerde, naar organisatiegrootte "
                 "en jaar (Figuur 2-1 in het rapport). " + whisker_note()),
        alt=alt, figure=figure, data=met_intervallen(table, ed))


# ----------------------------------------------------------------------------- national government
def figuur_innovatie_rijk(ed) -> FigureExhibit | Notice:
    """Share innovating in the national government: kerndepartementen, diensten en
    agentschappen, zbo's, by year (the report's Rijk figure, Figuur 2-2).

    Glued keys: ``pct_innovatie_kerndep``, ``pct_innovatie_uitvoering`` (diensten,
    agentschappen and zbo's together), ``n_kerndep``, ``n_uitvoering``,
    ``richting_kerndep`` ("minder vaak"/"vaker"/"even vaak"), ``claim_rijk`` and
    ``zin_rijk`` (the whole comparison as one sentence).

    A group without respondents in the edition year (a file without core departments, or
    without any national government) has no percentage (``-``) and nothing to compare:
    ``zin_rijk`` says there are none, ``richting_kerndep`` that no comparison is possible and
    ``claim_rijk`` that the claim cannot be tested. Without any national government in any
    year the exhibit is a :class:`~barometer.presentation.exhibit.Notice` saying so.
    """
    cb = load_codebook()
    labels = cb.labels("national_type")
    yrs = years(ed)
    data = share(ed.all_years, "innovated", 1, by="national_type", years=yrs, total=False)
    data["onderdeel"] = data["group"].map(labels)
    data["shown"] = disclosure.mask(data["pct"], data["base"], ed.min_base)

    kd = _pct_of(ed, "innovated", 1, ed.year, "national_type", 1)
    uv = _pct_of(ed, "innovated", 1, ed.year, "national_type", [2, 3])
    glue_text("pct_innovatie_kerndep", _pct_or_none(kd, ed.min_base))
    glue_text("pct_innovatie_uitvoering", _pct_or_none(uv, ed.min_base))
    glue_text("n_kerndep", fmt.num(kd.base_n))
    glue_text("n_uitvoering", fmt.num(uv.base_n))
    uitvoering = "diensten, agentschappen en zbo's samen"
    cur = data[(data["year"] == ed.year) & (data["base"] > 0)].set_index("group")["pct"]
    if kd.base_n and uv.base_n:
        word = compare_word(uv.value, kd.value, up="vaker", down="minder vaak", same="even vaak", decimals=0)
        glue_text("richting_kerndep", word)
        glue_text("zin_rijk", f"Kerndepartementen (n = {fmt.num(kd.base_n)}) voerden {word} een innovatie in "
                              f"({_pct_or_none(kd, ed.min_base)}) dan {uitvoering} (n = {fmt.num(uv.base_n)}; "
                              f"{_pct_or_none(uv, ed.min_base)}).")
    else:
        glue_text("richting_kerndep", "(geen vergelijking mogelijk: een van beide groepen heeft geen respondenten)")
        glue_text("zin_rijk", _no_national_sentence(ed.year, kd, uv, uitvoering, ed.min_base))
    if all(g in cur.index for g in (1, 2, 3)):
        glue_text("claim_rijk", "houdt stand" if cur[1] < cur[2] and cur[1] < cur[3] else "houdt geen stand")
    else:
        glue_text("claim_rijk", "is met deze gegevens niet te toetsen")

    if data["base"].sum() == 0:
        return Notice(f"In de gegevens van {years_text(yrs)} zitten geen organisaties van de nationale overheid "
                      "(Rijksoverheid of zbo's); er is dus geen figuur.", "note")
    figure = fig.grouped_bars(met_intervallen(data, ed), x="onderdeel", y="shown", hue="year",
                              order=list(labels.values()), hue_order=yrs, ylabel="Aandeel dat innoveerde",
                              legend_title="Meetjaar", interval=BOUNDS)
    alt = fig.alt_text(data.dropna(subset=["shown"]), "het aandeel organisaties van de nationale "
                       "overheid dat een innovatie implementeerde, naar onderdeel en meetjaar",
                       label="onderdeel", value="shown", group="year")
    table = data[["year", "onderdeel", "count", "base", "pct"]].rename(
        columns={"year": "jaar", "count": "aantal", "base": "basis", "pct": "percentage"})
    return FigureExhibit(
        name=_name("fig", "rijk"),
        caption=("Aandeel organisaties van de nationale overheid (Rijk en zbo's) dat een innovatie "
                 "implementeerde, naar onderdeel en jaar (Figuur 2-2 in het rapport). " + whisker_note()),
        alt=alt, figure=figure, data=met_intervallen(table, ed))


def _pct_or_none(r, min_base: int) -> str:
    """A group's percentage as shown: ``-`` without respondents, ``#`` below the minimum base."""
    return fmt.NOT_ASKED if not r.base_n else disclosure.show(fmt.pct(r.value), r.base_n, min_base)


def _no_national_sentence(year: int, kd, uv, uitvoering: str, min_base: int) -> str:
    """The Rijk comparison when one or both groups have no respondents in ``year``."""
    if not kd.base_n and not uv.base_n:
        return (f"In de gegevens van {year} zitten geen organisaties van de nationale overheid (kerndepartementen, "
                "diensten en agentschappen of zbo's); een vergelijking is er dus niet.")
    if not kd.base_n:
        return (f"In de gegevens van {year} zitten geen kerndepartementen; een vergelijking met {uitvoering} "
                f"(n = {fmt.num(uv.base_n)}; {_pct_or_none(uv, min_base)}) is er dus niet.")
    return (f"In de gegevens van {year} zitten geen diensten, agentschappen of zbo's; een vergelijking met de "
            f"kerndepartementen (n = {fmt.num(kd.base_n)}; {_pct_or_none(kd, min_base)}) is er dus niet.")


# ----------------------------------------------------------------------------- logistic regression
def _logit_not_estimable(ed, exc: Exception) -> Notice:
    """Glue the model's keys with words that read correctly when it cannot be estimated; the notice says why."""
    untestable = "is met deze gegevens niet te toetsen"
    for key in ("sig_grootte", "sig_unit", "sig_sector", "sig_management", "sig_tijd"):
        glue_text(key, "niet te toetsen en dus niet")
    for key in ("p_grootte", "p_sector"):
        glue_text(key, "model niet te schatten")
    for key in ("or_groot", "or_unit", "or_management", "or_tijd"):
        glue_text(key, "niet te schatten")
    for key in ("claim_grootte", "claim_unit", "claim_sector", "claim_management", "claim_tijd"):
        glue_text(key, untestable)
    glue_text("richting_grootte", "niet aantoonbaar toe of af")
    glue_text("n_logit", fmt.NOT_ASKED)
    sizes = load_codebook().labels("size_class")
    for code, lab in ((min(sizes), "klein"), (max(sizes), "groot")):
        r = statistic(ed.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=code, year=ed.year)
        glue_text(f"pct_unit_{lab}", fmt.suppress(fmt.pct(r.value), r.base_n, ed.min_base))
    return not_estimable("het model van innoveren", ed.year, exc)


def tabel_logit_innoveren(ed) -> TableExhibit | Notice:
    """Logistic regression of innovating (yes/no) on size, innovation unit, sector,
    management support and time (edition year), as odds ratios with 95% intervals.

    Glued keys (each "wel" or "niet"): ``sig_grootte`` (size classes jointly, likelihood
    ratio test), ``sig_unit``, ``sig_sector`` (sectors jointly), ``sig_management``,
    ``sig_tijd``; ``richting_grootte`` ("toe"/"af": does the chance rise with size?);
    ``n_logit``; and ``claim_<x>`` = "houdt stand"/"houdt geen stand" for each claim of the
    report (size and unit positive and significant, sector not significant, management
    support and time significant).
    """
    try:
        res = models.innovation_model(ed.df, year=ed.year)
    except models.ModelError as exc:  # nobody / everybody innovated, a reference group absent
        return _logit_not_estimable(ed, exc)
    cb = load_codebook()
    t = res.table.copy()
    joint = res.joint.set_index("variable")
    sig = lambda p: significance_word(p)  # noqa: E731 - local shorthand

    def _term(var: str, level=None) -> pd.Series:
        return res.term(var, level)

    sizes = cb.labels("size_class")
    cats = models.INNOVATION_MODEL["categorical"]
    # size as an ordinal trend (one term) or as categories (then the largest class)
    largest = _term("size_class", max(sizes)) if "size_class" in cats else _term("size_class")
    size_p = joint.loc["size_class", "p"]
    sector_p = joint.loc["sector", "p"]
    unit, mgmt, time = _term("innovation_unit"), _term("cond_management"), _term("cond_time")
    out = {
        "n_logit": fmt.num(res.n),
        "sig_grootte": sig(size_p),
        "p_grootte": p_text(size_p),
        "richting_grootte": "toe" if largest["odds_ratio"] > 1 else "af",
        "or_groot": fmt.odds_ratio(largest["odds_ratio"]),
        "sig_unit": sig(unit["p"]),
        "or_unit": fmt.odds_ratio(unit["odds_ratio"]),
        "sig_sector": sig(sector_p),
        "p_sector": p_text(sector_p),
        "sig_management": sig(mgmt["p"]),
        "or_management": fmt.odds_ratio(mgmt["odds_ratio"]),
        "sig_tijd": sig(time["p"]),
        "or_tijd": fmt.odds_ratio(time["odds_ratio"]),
    }
    # one test per question: the verdicts of the claims table (CL01-CL05; CL05 at p < 0,10 as the
    # report's "speelt een rol"; CL03 a claim of no difference, never p >= 0,05 alone)
    from barometer.presentation.claims import claim_outcome
    from barometer.presentation.phrasing import claim_phrase

    for key, cid in (("claim_grootte", "CL01"), ("claim_unit", "CL02"), ("claim_sector", "CL03"),
                     ("claim_management", "CL04"), ("claim_tijd", "CL05")):
        out[key] = claim_phrase(claim_outcome(ed, cid))
    # larger organisations more often have an innovation officer or unit?
    for code, lab in ((min(sizes), "klein"), (max(sizes), "groot")):
        r = statistic(ed.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=code, year=ed.year)
        out[f"pct_unit_{lab}"] = disclosure.show(fmt.pct(r.value), r.base_n, ed.min_base)
    for key, text in out.items():
        glue_text(key, text)

    labels = [_term_label(cb, r) for r in t.itertuples()]
    display = pd.DataFrame({
        "Voorspeller": [lab if ok else f"{lab} ({NOT_ESTIMABLE})" for lab, ok in zip(labels, t["estimable"])],
        "Odds ratio": t["odds_ratio"].map(fmt.odds_ratio),
        "95%-betrouwbaarheidsinterval": [fmt.or_interval(a, b) for a, b in zip(t["ci_low"], t["ci_high"])],
        "p": t["p"].map(p_value),
    })
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
    unbounded = not_estimable_note(lab for lab, ok in zip(labels, t["estimable"]) if not ok)
    if unbounded:
        notes.append(unbounded)
    if res.dropped:
        parts = [f"{cb.labels(var).get(code, str(code))} (n = {fmt.num(n)})"
                 for var, levels in res.dropped.items() for code, n in levels.items()]
        notes.append(f"Weggelaten wegens minder dan vijf waarnemingen: {join_nl(parts)}.")
    data = (models.uncertainty_columns(res).drop(columns=["term"])
            .merge(res.joint.rename(columns={"p": "p_gezamenlijk"}), on="variable", how="left"))
    return TableExhibit(name=_name("tbl", "logit"),
                        caption=(f"Kans op innoveren: odds ratio's uit een logistische regressie, {ed.year}"),
                        frame=display, notes=notes, data=data)


def _term_label(cb, row) -> str:
    """Dutch label of a regression term: the variable, with the level for a category."""
    names = {"size_class": "Organisatiegrootte", "sector": "Sector"}
    if row.variable == "size_class" and (row.level is None or fmt.is_missing(row.level)):
        return f"{names['size_class']} (per klasse groter)"
    if row.level is not None and not fmt.is_missing(row.level):
        return f"{names.get(row.variable, row.variable)}: {cb.labels(row.variable).get(int(row.level), row.label)}"
    return row.label


# ----------------------------------------------------------------------------- types
def _types(ed) -> pd.DataFrame:
    data = freq_by_year(ed, "innovation_type")
    data["type"] = data["label"]
    return data


def figuur_typen_naar_jaar(ed) -> FigureExhibit:
    """Figuur 2-3: type of the most recent innovation, by year (base: innovators).

    Glued keys: ``pct_interactie``, ``pct_interactie_vorig``, ``pct_proces``,
    ``pct_proces_vorig``, ``richting_interactie``, ``richting_proces``, ``n_innovators``;
    ``type_meest``, ``pct_type_meest`` and ``verloop_type_meest`` (the most common type of
    the edition year, its share and its trend; the front page shows them).
    """
    data = _types(ed)
    yrs = list(pd.unique(data["year"]))
    cur = data[data["year"] == ed.year].set_index("item")
    prev = ed.previous_year
    old = data[data["year"] == prev].set_index("item") if prev in yrs else None
    for item, key in (("type_interaction", "interactie"), ("type_process", "proces"),
                      ("type_product", "product"), ("type_service", "dienst")):
        glue_text(f"pct_{key}", fmt.pct(cur.loc[item, "pct"]))
        glue_text(f"verloop_{key}", trend(old.loc[item, "pct"] if old is not None else None,
                                     cur.loc[item, "pct"], prev if old is not None else None, ed.year,
                                     interval=verschil_interval(ed, old.loc[item] if old is not None else None,
                                                                cur.loc[item], prev)))
        if old is not None:
            glue_text(f"pct_{key}_vorig", fmt.pct(old.loc[item, "pct"]))
            glue_text(f"richting_{key}", compare_word(old.loc[item, "pct"], cur.loc[item, "pct"], decimals=0))
        else:
            glue_text(f"pct_{key}_vorig", fmt.NOT_ASKED)
            glue_text(f"richting_{key}", "niet te vergelijken")
    glue_text("n_innovators", fmt.num(cur["base"].iloc[0]))
    # The most common type of the edition (front page): its label, share and trend.
    if cur["pct"].notna().any():
        top = cur["pct"].idxmax()
        glue_text("type_meest", str(cur.loc[top, "type"]))
        glue_text("pct_type_meest", disclosure.show(fmt.pct(cur.loc[top, "pct"]), cur.loc[top, "base"], ed.min_base))
        glue_text("verloop_type_meest", trend(old.loc[top, "pct"] if old is not None else None,
                                              cur.loc[top, "pct"], prev if old is not None else None, ed.year,
                                              interval=verschil_interval(ed, old.loc[top] if old is not None else None,
                                                                         cur.loc[top], prev)))
    else:  # nobody innovated: no most common type
        glue_text("type_meest", "geen (er zijn geen innovaties)")
        glue_text("pct_type_meest", fmt.NOT_ASKED)
        glue_text("verloop_type_meest", "niet te vergelijken")
    figure = fig.bar_shares(met_intervallen(data, ed), y="type", x="shown", hue="year", hue_order=yrs,
                            xlabel="Aandeel van de innovaties", legend_title="Meetjaar", interval=BOUNDS)
    alt = fig.alt_text(data, "de typen van de meest recente innovatie per meetjaar", label="type",
                       value="shown", group="year")
    table = data[["year", "type", "count", "base", "pct"]].rename(
        columns={"year": "jaar", "count": "aantal", "base": "basis", "pct": "percentage"})
    return FigureExhibit(
        name=_name("fig", "typen"),
        caption=("Type van de meest recent geïmplementeerde innovatie, naar jaar; meer antwoorden "
                 "mogelijk (Figuur 2-3 in het rapport). " + whisker_note()),
        alt=alt, figure=figure, data=met_intervallen(table, ed))


def _pp_interval(low: float, high: float) -> str:
    """``-3 tot +10 procentpunt``: a 95% interval of a difference in percentage points."""
    return f"{fmt.pp(low, signed=True).removesuffix(' procentpunt')} tot {fmt.pp(high, signed=True)}"


def tabel_typen_toets(ed) -> TableExhibit | Notice:
    """Two-proportion z-tests of the differences in types between the previous year and the
    edition year.

    Glued keys: ``sig_interactie``, ``sig_proces``, ``sig_product``, ``sig_dienst``
    ("wel"/"niet" significant), ``p_interactie`` etc. (Dutch, three decimals), ``bi_interactie``
    etc. (95% interval of the difference, Newcombe with the finite-population correction:
    the differences the data leave open) and
    ``claim_proces`` ("houdt stand"/"houdt geen stand" for "process innovations did not
    change significantly").
    """
    prev = ed.previous_year
    if prev is None:
        for key in ("interactie", "proces", "product", "dienst"):
            glue_text(f"sig_{key}", "niet")
            glue_text(f"p_{key}", fmt.NOT_ASKED)
            glue_text(f"bi_{key}", fmt.NOT_ASKED)
        glue_text("claim_proces", "is niet te toetsen")
        return Notice("Er is geen eerdere meting, dus er zijn geen verschillen tussen jaren te toetsen.", "note")
    data = _types(ed)
    rows = []
    keys = {"type_interaction": "interactie", "type_process": "proces",
            "type_product": "product", "type_service": "dienst"}
    for item, sub in data.groupby("item", sort=False):
        a = sub[sub["year"] == prev].iloc[0]
        b = sub[sub["year"] == ed.year].iloc[0]
        if min(int(a["base"]), int(b["base"])) == 0:  # nobody to compare in one year: not testable
            for key in keys.values():  # the sentences after the table glue these keys
                glue_text(f"sig_{key}", "niet")
                glue_text(f"p_{key}", "niet te toetsen")
                glue_text(f"bi_{key}", "niet te berekenen")
            glue_text("claim_proces", "is niet te toetsen")
            return too_few("de toets van de soorten innovatie tussen de metingen", ed.year, "tabel")
        test = models.proportion_test(int(a["count"]), int(a["base"]), int(b["count"]), int(b["base"]))
        pop_a = domain_population(prev, len(ed.frames[prev]))(int(a["base"]))
        pop_b = domain_population(ed.year, len(ed.df))(int(b["base"]))
        lo, hi = difference_ci(int(a["count"]), int(a["base"]), int(b["count"]), int(b["base"]), pop_a, pop_b)
        lo_a, hi_a = share_ci(int(a["count"]), int(a["base"]), pop_a)
        lo_b, hi_b = share_ci(int(b["count"]), int(b["base"]), pop_b)
        rows.append({"item": item, "type": a["type"], "pct_a": a["pct"], "ondergrens_a": lo_a, "bovengrens_a": hi_a,
                     "pct_b": b["pct"], "ondergrens_b": lo_b, "bovengrens_b": hi_b,
                     "verschil": test["diff"], "ondergrens": lo, "bovengrens": hi, "z": test["z"], "p": test["p"],
                     "n_a": int(a["base"]), "n_b": int(b["base"])})
    tidy = pd.DataFrame(rows)
    for r in tidy.itertuples():
        glue_text(f"sig_{keys[r.item]}", significance_word(r.p))
        glue_text(f"p_{keys[r.item]}", p_text(r.p))
        glue_text(f"bi_{keys[r.item]}", _pp_interval(r.ondergrens, r.bovengrens))
    proc = tidy.set_index("item").loc["type_process", "p"]
    from barometer.presentation.claims import share_unchanged  # a claim of no change: the rule of CL09 in the claims table
    from barometer.presentation.phrasing import claim_phrase

    glue_text("claim_proces", claim_phrase(share_unchanged(ed, "type_process", 1).outcome))
    display = pd.DataFrame({
        "Type": tidy["type"],
        year_label(prev): tidy["pct_a"].map(fmt.pct),
        year_label(ed.year): tidy["pct_b"].map(fmt.pct),
        "Verschil": tidy["verschil"].map(lambda v: fmt.pp(v, signed=True)),
        "95%-BI verschil": [_pp_interval(lo, hi) for lo, hi in zip(tidy["ondergrens"], tidy["bovengrens"])],
        "z": tidy["z"].map(lambda v: fmt.dec(v, 2)),
        "p": tidy["p"].map(p_value),
        "Significant (5%)": tidy["p"].map(lambda p: "ja" if p < ALPHA else "nee"),
    })
    notes = [f"Toets op het verschil tussen twee proporties (z-toets), met het 95%-betrouwbaarheidsinterval van het "
             f"verschil (Newcombe); basis: organisaties met een "
             f"innovatie, {year_label(prev)}: n = {fmt.num(tidy['n_a'].iloc[0])}, "
             f"{year_label(ed.year)}: n = {fmt.num(tidy['n_b'].iloc[0])}. Meer antwoorden mogelijk."]
    return TableExhibit(name=_name("tbl", "typen-toets"),
                        caption=f"Verschillen in type innovatie tussen {year_label(prev)} en {year_label(ed.year)}",
                        frame=display, notes=notes, data=tidy)


# ----------------------------------------------------------------------------- Figuur 2-4
def figuur_werkwijze(ed) -> FigureExhibit:
    """Figuur 2-4: how much the innovation changed the way of working, by year.

    Glued keys: ``pct_werkwijze_beperkt`` (not or somewhat changed), ``pct_ingrijpend``,
    ``pct_ingrijpend_vorig``, ``richting_ingrijpend``, ``sig_ingrijpend`` ("wel"/"niet"),
    ``p_ingrijpend``.
    """
    cb = load_codebook()
    labels = cb.labels("work_change")
    data = freq_by_year(ed, "work_change")
    data["jaar"] = data["year_label"]
    cur = data[data["year"] == ed.year].set_index("code")
    glue_text("pct_werkwijze_beperkt", fmt.pct(_pct_of(ed, "work_change", [1, 2], ed.year).value))
    glue_text("pct_ingrijpend", fmt.pct(cur.loc[3, "pct"]))
    prev = ed.previous_year
    has_prev = prev is not None and prev in set(data["year"])
    old = data[data["year"] == prev].set_index("code") if has_prev else None
    glue_text("verloop_ingrijpend", trend(old.loc[3, "pct"] if has_prev else None, cur.loc[3, "pct"],
                                     prev if has_prev else None, ed.year,
                                     interval=verschil_interval(ed, old.loc[3] if has_prev else None, cur.loc[3], prev)))
    has_prev = has_prev and min(int(old.loc[3, "base"]), int(cur.loc[3, "base"])) > 0 if has_prev else False
    if has_prev:
        glue_text("pct_ingrijpend_vorig", fmt.pct(old.loc[3, "pct"]))
        glue_text("richting_ingrijpend", compare_word(old.loc[3, "pct"], cur.loc[3, "pct"], decimals=0))
        test = models.proportion_test(int(old.loc[3, "count"]), int(old.loc[3, "base"]),
                                      int(cur.loc[3, "count"]), int(cur.loc[3, "base"]))
        glue_text("sig_ingrijpend", significance_word(test["p"]))
        glue_text("p_ingrijpend", p_text(test["p"]))
    else:
        glue_text("pct_ingrijpend_vorig", fmt.NOT_ASKED)
        glue_text("richting_ingrijpend", "niet te vergelijken")
        glue_text("sig_ingrijpend", "niet")
        glue_text("p_ingrijpend", fmt.NOT_ASKED)
    figure = fig.stacked_bars(data, y="jaar", category="label", x="shown",
                              category_order=list(labels.values()),
                              order=[year_label(y) for y in pd.unique(data["year"])],
                              xlabel="")
    alt = fig.alt_text(data, "de mate waarin de innovatie de manier van werken veranderde, per meetjaar",
                       label="label", value="shown", group="year", kind="Gestapeld staafdiagram")
    table = data[["year", "label", "count", "base", "pct"]].rename(
        columns={"year": "jaar", "label": "verandering", "count": "aantal", "base": "basis", "pct": "percentage"})
    return FigureExhibit(
        name=_name("fig", "werkwijze"),
        caption=("Mate waarin de innovatie de manier van werken veranderde, naar jaar (Figuur 2-4 in het rapport). "
                 + interval_download_note()),
        alt=alt, figure=figure, data=met_intervallen(table, ed))


# ----------------------------------------------------------------------------- Figuur 2-5
def figuur_typen_nl_dk(ed) -> FigureExhibit | Notice:
    """Figuur 2-5: types of the most recent innovation, the Netherlands (each year) and
    Denmark (the Danish wave compared with the edition year).

    A type without a Danish value is drawn without a Danish bar, and the note says so.

    Glued keys: ``pct_proces_dk``, ``pct_interactie_dk``, ``zin_interactie_dk``.
    """
    data = _types(ed)
    data["reeks"] = "Nederland " + data["year_label"]
    dk = denmark.counterparts("innovation_type", ed.year)
    rows = []
    for item, sub in data.groupby("item", sort=False):
        d = dk.get(item)
        rows.append({"item": item, "type": sub["type"].iloc[0], "shown": d["value"] if d else float("nan"),
                     "pct": d["value"] if d else float("nan"), "reeks": f"Denemarken {d['period'] if d else ''}".strip()})
    dkf = pd.DataFrame(rows)
    if dkf["pct"].isna().all():
        glue_text("pct_proces_dk", fmt.NOT_ASKED)
        glue_text("pct_interactie_dk", fmt.NOT_ASKED)
        glue_text("zin_interactie_dk", "Voor dit jaar zijn er geen Deense cijfers over de typen innovatie.")
        return Notice("Voor dit jaar zijn er geen Deense cijfers over de typen innovatie.", "note")
    dk_label = dkf["reeks"].dropna().iloc[0]
    dkf["reeks"] = dk_label
    both = pd.concat([data[["item", "type", "year", "count", "base", "shown", "pct", "reeks"]], dkf], ignore_index=True)
    both["year"] = both["year"].astype("Int64")
    series = [*pd.unique(data["reeks"]), dk_label]
    dki = dkf.set_index("item")
    glue_text("pct_proces_dk", fmt.pct(dki.loc["type_process", "pct"]))
    glue_text("pct_interactie_dk", fmt.pct(dki.loc["type_interaction", "pct"]))
    cur = data[data["year"] == ed.year].set_index("item")
    word = compare_word(dki.loc["type_interaction", "pct"], cur.loc["type_interaction", "pct"],
                     up="vaker", down="minder vaak", same="even vaak", decimals=0)
    glue_text("zin_interactie_dk", f"Innovaties van de interactie komen in Nederland ({fmt.pct(cur.loc['type_interaction', 'pct'])}) "
                              f"{word} voor dan in Denemarken ({fmt.pct(dki.loc['type_interaction', 'pct'])}).")
    figure = fig.bar_shares(met_intervallen(both, ed), y="type", x="shown", hue="reeks", hue_order=series,
                            xlabel="Aandeel van de innovaties", legend_title=None, interval=BOUNDS)
    missing = dkf[dkf["pct"].isna()]["type"].tolist()
    alt = fig.alt_text(both, "de typen van de meest recente innovatie in Nederland en Denemarken",
                       label="type", value="shown", group="reeks")
    if missing:
        alt += f" Voor {join_nl([lower_first(m) for m in missing])} is er geen Deens cijfer."
    table = both.rename(columns={"pct": "percentage", "year": "jaar", "count": "aantal", "base": "basis"})[
        ["reeks", "type", "jaar", "aantal", "basis", "percentage"]]
    return FigureExhibit(
        name=_name("fig", "typen-dk"),
        caption=("Type van de meest recent geïmplementeerde innovatie in Nederland en Denemarken "
                 "(Figuur 2-5 in het rapport). " + whisker_note("Denemarken")),
        alt=alt, figure=figure, data=met_intervallen(table, ed))


#: Issue 10: the glue of this module is not yet taken from disclosed frames (see barometer.presentation.glue).
GLUE_UNCHECKED = True
