"""Exhibits of the chapter *Doelen en effecten* (report §2.5).

The goals of the most recent innovation (Figuur 2-18) and how they differ by size, by
innovation spectrum and by sector; the effects on ten result areas (Figuur 2-19), the share
"te vroeg om te zeggen"; and the logistic regressions that explain a positive effect on
quality, on cost saving/efficiency and on simpler procedures (odds ratios with 95%
intervals), with for each of the report's claims whether it holds on the data.

Goals and effects were asked for the first time in 2025 (codebook ``years``). For an
edition whose year did not ask them, every function returns a :class:`~barometer.presentation.exhibit.Notice` saying so
and glues every key of the chapter with :data:`barometer.presentation.formatting.NOT_ASKED`, so that the
chapter renders instead of failing.

The chapters *Faalfactoren* and *Kennis delen* use its :func:`claim_glue`; Dutch words,
p-values and the shared helpers (:func:`~barometer.presentation.phrasing.glue_all`,
:func:`~barometer.presentation.phrasing.vraag_status`, ...) come from :mod:`barometer.presentation.phrasing`.

Every function takes an :class:`barometer.book.edition.Edition`. Labels come from the codebook,
numbers from :mod:`barometer.analysis.statistics` and :mod:`barometer.analysis.models`, formatting from
:mod:`barometer.presentation.formatting`, charts from :mod:`barometer.presentation.figures`.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation import claims as cl
from barometer.presentation import figures
from barometer.presentation import formatting as fmt
from barometer.analysis import models
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import interval_download_note, whisker_note
from barometer.analysis.uncertainty import holm_frame
from barometer.presentation.phrasing import (ALPHA, NOT_ESTIMABLE, asked, compare_word, chi2_by, glue_all, join_nl, lower_first,
                                not_asked_melding, not_estimable_note, p_value,
                                significance_word, too_few, vraag_status)
from barometer.presentation.phrasing import VERDICT_WORDS

__all__ = [
    "SLUG",
    "doelen",
    "toetsen_per_doel",
    "doelen_naar_groep",
    "effecten",
    "te_vroeg",
    "regressie",
    "regressietabel",
    "claim_resultaten",
    "CHAPTER_CLAIMS",
    "SECTION_CLAIMS",
    "claim_glue",
    "model_spec",
    "kerncijfers",
    "figuur_doelen",
    "tabel_doelen_naar_groep",
    "figuur_effecten",
    "tabel_regressie",
    "tabel_beweringen",
]

#: Chapter slug: file name of the notebook and middle part of every exhibit name.
SLUG = "doelen-en-effecten"

#: Colours of the effect categories (codes of the codebook scale ``effect4``), Okabe–Ito.
EFFECT_COLORS = {
    1: figures.OKABE_ITO["blue"],
    2: "#D9D9D9",
    3: figures.OKABE_ITO["vermillion"],
    4: figures.OKABE_ITO["sky"],
}
#: Direction words of a comparison of two shares, with their comparative particle
#: ("vaker dan" / "minder vaak dan" / "even vaak als"), compared as shown (whole percentages).
_MORE = {"up": "vaker dan", "down": "minder vaak dan", "same": "even vaak als", "decimals": 0}
#: Short keys used in glue names for the three modelled effects.
EFFECT_KEYS = {"effect_quality": "kwaliteit", "effect_efficiency": "efficientie", "effect_procedures": "procedures"}


def _name(kind: str, what: str) -> str:
    return f"{kind}-{SLUG}-{what}"


# ============================================================================ goals (Figuur 2-18)
def doelen(ed) -> pd.DataFrame:
    """Share of innovators naming each goal (edition's year), codebook order.

    Returns
    -------
    DataFrame
        ``item``, ``label``, ``count``, ``base``, ``pct`` (0–100; base: innovators).
    """
    f = st.frequencies(ed.df, "goal", years=ed.year)
    return f[["item", "label", "count", "base", "pct"]].reset_index(drop=True)


_GROUPS = ("size_class", "spectrum_group", "sector")


def doelen_naar_groep(ed, by: str) -> pd.DataFrame:
    """Share naming each goal per group of ``by``, with a chi-square test per goal.

    Parameters
    ----------
    by : {"size_class", "spectrum_group", "sector"}

    Returns
    -------
    DataFrame
        One row per goal (index ``item``): ``label``, per group code the percentage
        (NaN where the base is below ``ed.min_base``), ``n_<code>`` the bases, and
        ``chi2``, ``df``, ``p`` of :func:`chi2_by`. Groups without respondents (e.g.
        "geen innovatie" of ``spectrum_group``, never routed to the goals) are left out.
    """
    cb = load_codebook()
    f = st.frequencies(ed.df, "goal", by=by, years=ed.year, total=False)
    f = f[f["base"] > 0]
    pct = f.pivot_table(index="item", columns="group", values="pct", sort=False)
    base = f.pivot_table(index="item", columns="group", values="base", sort=False)
    pct = disclosure.mask(pct, base, ed.min_base)
    out = pct.copy()
    for g in base.columns:
        out[f"n_{g}"] = base[g].astype("int64")
    tests = pd.DataFrame({it: chi2_by(ed.df, it, by, ed.year, ed.min_base) for it in out.index}).T
    tests = tests.reindex(columns=["chi2", "df", "p"])  # no goal with a base: no test either
    out = out.join(tests.astype(float))
    out.insert(0, "label", [cb.label(i) for i in out.index])
    return out.reindex(cb.items("goal"))


def toetsen_per_doel(ed) -> pd.DataFrame:
    """The three tests of each goal (by size, spectrum and sector) as one family, with Holm.

    Returns
    -------
    DataFrame
        One row per goal and grouping (``item``, ``indeling``: ``size_class``,
        ``spectrum_group``, ``sector``), ``p`` (raw, :func:`chi2_by`) and ``p_gecorrigeerd``
        (Holm within the goal's three tests, :func:`barometer.analysis.uncertainty.holm`). Verdict
        words on differences between groups follow ``p_gecorrigeerd``; the claim that there
        are *no* sector differences is judged on the raw ``p``, the stricter reading for a
        claim of no difference (as in the claims table, CL32).
    """
    parts = []
    for by in _GROUPS:
        t = doelen_naar_groep(ed, by)
        parts.append(pd.DataFrame({"item": t.index, "indeling": by, "p": t["p"].to_numpy(dtype=float)}))
    long = pd.concat(parts, ignore_index=True)
    return holm_frame(long, p="p", family="item").drop(columns=["significant"]).rename(
        columns={"p_holm": "p_gecorrigeerd"})


def figuur_doelen(ed) -> FigureExhibit | Notice:
    """Figuur 2-18: goals of the most recent innovation (% of innovators)."""
    if not asked(ed, "goal"):
        return not_asked_melding(ed, "goal")
    d = doelen(ed)
    n = int(d["base"].max())
    fig = figures.bar_shares(met_intervallen(d, ed), y="label", x="pct", hue=None,
                             xlabel="Aandeel van de organisaties die innoveerden", interval=BOUNDS)
    alt = figures.alt_text(d, f"de doelen van de meest recente innovatie in {ed.year} (meer antwoorden mogelijk)",
                           label="label", value="pct")
    return FigureExhibit(
        name=_name("fig", "doelen"),
        caption=f"Doelen van de meest recente innovatie, {ed.year}, n = {fmt.num(n)}; meer antwoorden mogelijk "
                "(Figuur 2-18 in het rapport). " + whisker_note(),
        alt=alt, figure=fig,
        data=met_intervallen(d.rename(columns={"item": "variabele", "label": "doel", "count": "aantal", "base": "basis",
                               "pct": "percentage"}), ed))


def tabel_doelen_naar_groep(ed) -> TableExhibit | Notice:
    """Goals by size class and by innovation spectrum, with the p-value of a chi-square test
    per goal (and of the test by sector), edition's year."""
    if not asked(ed, "goal"):
        return not_asked_melding(ed, "goal")
    if not int(doelen(ed)["base"].max() or 0) > 0:
        return too_few("de doelen naar grootte, spectrum en sector", ed.year, "tabel")
    cb = load_codebook()
    size = doelen_naar_groep(ed, "size_class")
    spec = doelen_naar_groep(ed, "spectrum_group")
    fam = toetsen_per_doel(ed).set_index(["item", "indeling"])
    rows = []
    tidy = []
    for item in size.index:
        row = {"Doel": size.loc[item, "label"]}
        for by, t in (("size_class", size), ("spectrum_group", spec)):
            labels = cb.labels(by)
            for g in [c for c in t.columns if isinstance(c, (int, np.integer))]:
                row[labels[g]] = disclosure.show(fmt.pct(t.loc[item, g]), t.loc[item, f"n_{g}"], ed.min_base)
                tidy.append({"doel": item, "indeling": by, "groep": labels[g], "percentage": t.loc[item, g],
                             "basis": int(t.loc[item, f"n_{g}"]), "p": fam.loc[(item, by), "p"],
                             "p_gecorrigeerd": fam.loc[(item, by), "p_gecorrigeerd"]})
            row[f"p ({_by_word(by)})"] = p_value(fam.loc[(item, by), "p_gecorrigeerd"])
        row[f"p ({_by_word('sector')})"] = p_value(fam.loc[(item, "sector"), "p_gecorrigeerd"])
        rows.append(row)
    frame = pd.DataFrame(rows)
    n_size = {cb.labels("size_class")[g]: int(size[f"n_{g}"].iloc[0]) for g in _codes(size)}
    n_spec = {cb.labels("spectrum_group")[g]: int(spec[f"n_{g}"].iloc[0]) for g in _codes(spec)}
    notes = [
        "Percentage van de organisaties die innoveerden dat het doel noemt; meer antwoorden mogelijk.",
        "Basis: " + "; ".join(f"{k} {fmt.num(v)}" for k, v in {**n_size, **n_spec}.items()) + ".",
        f"p: chi-kwadraattoets van het verschil tussen de groepen (grootte, spectrum, sector); groepen met minder dan "
        f"{fmt.num(ed.min_base)} organisaties tellen niet mee. De drie toetsen van een doel vormen één reeks: de "
        "getoonde p is gecorrigeerd volgens Holm; de download bevat ook de ruwe p. Of er geen enkel sectorverschil "
        "is (de bewering van het rapport), is beoordeeld op de ruwe p: de strengere lezing voor een bewering dat er "
        "geen verschil is.",
    ]
    return TableExhibit(name=_name("tbl", "doelen-groepen"),
                        caption=f"Doelen van de innovatie naar organisatiegrootte en innovatiespectrum, {ed.year}",
                        frame=frame, notes=notes, data=met_intervallen(pd.DataFrame(tidy), ed))


def _codes(t: pd.DataFrame) -> list[int]:
    return [c for c in t.columns if isinstance(c, (int, np.integer))]


def _by_word(by: str) -> str:
    return {"size_class": "grootte", "spectrum_group": "spectrum", "sector": "sector"}[by]


# ============================================================================ effects (Figuur 2-19)
def effecten(ed) -> pd.DataFrame:
    """Answers per result area (edition's year): positive, neutral, negative, too early.

    Returns
    -------
    DataFrame
        ``item``, ``label`` (result area), ``code``, ``code_label`` (answer), ``count``,
        ``base`` (innovators who answered the item), ``pct`` (0–100). Codebook order.
    """
    f = st.frequencies(ed.df, "effect", years=ed.year)
    return f[["item", "label", "code", "code_label", "count", "base", "pct"]].reset_index(drop=True)


def te_vroeg(ed) -> dict[str, Any]:
    """The share 'te vroeg om te zeggen' per result area and its unweighted mean.

    Returns
    -------
    dict
        ``per_item`` (Series item -> pct), ``mean`` (mean over the result areas, as the
        report's "gemiddeld zo'n 20 procent"), ``above`` (items above that mean, highest
        first).
    """
    e = effecten(ed)
    s = e[e["code"] == 4].set_index("item")["pct"]
    m = float(s.mean())
    above = s[s > m].sort_values(ascending=False, kind="stable")
    return {"per_item": s, "mean": m, "above": list(above.index)}


def figuur_effecten(ed) -> FigureExhibit | Notice:
    """Figuur 2-19: effect of the most recent innovation per result area (stacked bars)."""
    if not asked(ed, "effect"):
        return not_asked_melding(ed, "effect")
    cb = load_codebook()
    e = effecten(ed)
    codes = cb.labels(cb.items("effect")[0])
    fig = figures.stacked_bars(e, y="label", category="code_label", x="pct",
                               category_order=list(codes.values()), order=list(pd.unique(e["label"])),
                               colors=[EFFECT_COLORS[c] for c in codes], xlabel="Aandeel van de organisaties die innoveerden")
    pos = e[e["code"] == 1]
    alt = figures.alt_text(pos, f"het effect van de meest recente innovatie per resultaatgebied in {ed.year}; "
                           "genoemd is het aandeel met een positief effect", label="label", value="pct",
                           kind="Gestapeld staafdiagram")
    n = f"{fmt.num(int(e['base'].min()))} tot {fmt.num(int(e['base'].max()))}" if e["base"].nunique() > 1 \
        else fmt.num(int(e["base"].max()))
    return FigureExhibit(
        name=_name("fig", "effecten"),
        caption=f"Effecten van de meest recente innovatie per resultaatgebied, {ed.year}, n = {n} "
                "(Figuur 2-19 in het rapport). " + interval_download_note(),
        alt=alt, figure=fig,
        data=met_intervallen(e.rename(columns={"item": "variabele", "label": "resultaatgebied", "code_label": "effect",
                               "count": "aantal", "base": "basis", "pct": "percentage"}), ed))


# ============================================================================ regressions
def regressie(ed, effect: str) -> models.LogitResult:
    """The report's logistic regression of a positive ``effect`` (:func:`barometer.analysis.models.effect_model`).

    Raises
    ------
    barometer.analysis.models.ModelError
        When the model cannot be fitted (question not asked, too few cases).
    """
    return models.effect_model(ed.df, effect, year=ed.year)


def model_spec(effect: str) -> dict:
    """The specification :func:`barometer.analysis.models.effect_model` uses for ``effect``.

    The report's own model per effect (``models.EFFECT_MODELS``) where the models module
    has one, else the common :data:`barometer.analysis.models.EFFECT_MODEL`.
    """
    return getattr(models, "EFFECT_MODELS", {}).get(effect, models.EFFECT_MODEL)


def _term_label(row: pd.Series, cats: dict | None = None) -> str:
    cb = load_codebook()
    var, level = row["variable"], row["level"]
    if cats is None:
        cats = {}
        for spec in [models.EFFECT_MODEL, *getattr(models, "EFFECT_MODELS", {}).values()]:
            cats.update(spec["categorical"])
    if var in cats and level is not None and not (isinstance(level, float) and math.isnan(level)):
        short = {**cb.labels(var), **cb.labels_short(var)}
        return f"{short[int(level)]} (t.o.v. {lower_first(short[int(cats[var])])})"
    if var.startswith("goal_"):
        return f"Doel: {lower_first(cb.label(var))}"
    if var == "size_class":
        return f"Grootte (per stap: {' – '.join(lower_first(v) for v in cb.labels(var).values())})"
    return str(row["label"])


def regressietabel(res: models.LogitResult, cats: dict | None = None) -> pd.DataFrame:
    """Display frame of a fitted model: Kenmerk, OR, 95%-BI, p (Dutch formatting).

    ``cats`` maps the categorical predictors to their reference codes (for the labels
    "niveau (t.o.v. referentie)"). Odds ratios and bounds as :func:`barometer.presentation.formatting.odds_ratio`;
    a term the data do not bound (``estimable`` False) says so after its label.
    """
    rows = []
    for _, r in res.table.iterrows():
        label = _term_label(r, cats)
        rows.append({
            "Kenmerk": label if _estimable(r) else f"{label} ({NOT_ESTIMABLE})",
            "Odds ratio": fmt.odds_ratio(r["odds_ratio"]),
            "95%-betrouwbaarheidsinterval": fmt.or_interval(r["ci_low"], r["ci_high"]),
            "p": p_value(r["p"]),
        })
    return pd.DataFrame(rows)


def _estimable(row: pd.Series) -> bool:
    return bool(row.get("estimable", True))


def tabel_regressie(ed, effect: str) -> TableExhibit | Notice:
    """Odds ratios (95% interval, p) of the model of a positive effect on ``effect``."""
    if not asked(ed, "effect"):
        return not_asked_melding(ed, "effect")
    cb = load_codebook()
    try:
        res = regressie(ed, effect)
    except models.ModelError as exc:
        return Notice(f"Het model voor {lower_first(cb.label(effect))} kon niet worden geschat: {exc}.", "note")
    cats = dict(model_spec(effect)["categorical"])
    refs = "; ".join(f"{_var_word(v)}: {lower_first({**cb.labels(v), **cb.labels_short(v)}[int(c)])}"
                     for v, c in cats.items())
    notes = [
        "Logistische regressie van een positief effect tegenover de andere antwoorden (geen of negatief effect, te "
        f"vroeg om te zeggen); n = {fmt.num(res.n)}, waarvan {fmt.num(res.n_positive)} met een positief effect; "
        f"McFaddens pseudo-R² = {fmt.dec(res.pseudo_r2, 2)}.",
        f"Referentiecategorieën: {refs}. Een odds ratio boven 1 betekent een grotere kans op een positief effect.",
        "Schaalscores (klimaat, menselijk kapitaal) per punt op de schaal van 1 tot 5; het spectrum per extra type; "
        "de grootte per stap van klein naar groot, waar het model haar als getal opneemt.",
    ]
    unbounded = not_estimable_note(_term_label(r, cats) for _, r in res.table.iterrows() if not _estimable(r))
    if unbounded:
        notes.append(unbounded)
    if res.dropped:
        notes.append("Weggelaten wegens minder dan vijf organisaties: " + "; ".join(
            f"{lower_first(cb.labels(v)[k])} ({fmt.num(n)})" for v, d in res.dropped.items() for k, n in d.items()) + ".")
    data = models.uncertainty_columns(res).drop(columns=["term"]).assign(uitkomst=effect)
    return TableExhibit(name=_name("tbl", f"model-{EFFECT_KEYS.get(effect, effect).replace('_', '-')}"),
                        caption=f"Wat verklaart een positief effect op {lower_first(cb.label(effect))}? "
                                f"Odds ratio's uit een logistische regressie, {ed.year}",
                        frame=regressietabel(res, cats), notes=notes, data=data)


# ============================================================================ claims
def _pos(row: pd.Series) -> bool:
    return bool(row["odds_ratio"] > 1 and row["p"] < ALPHA)


def _neg(row: pd.Series) -> bool:
    return bool(row["odds_ratio"] < 1 and row["p"] < ALPHA)


def _joint_text(res: models.LogitResult, var: str) -> tuple[float, str]:
    j = res.joint.set_index("variable").loc[var]
    name = "LR" if j.get("test") == "LR" else "chi²"  # the joint test is the likelihood-ratio test
    return float(j["p"]), f"{name} = {fmt.dec(j['chi2'], 2)}, df = {int(j['df'])}, {cl.p_text(j['p'])}"


def _ns(effect: str, variables: Sequence[str]) -> Callable:
    """A claim of no effect, judged by the claims table's rule (:func:`barometer.presentation.claims.no_effect`:
    LR test and profile intervals against the margin), not on p >= 0,05 alone."""
    def check(ctx: cl.ClaimContext) -> tuple[Any, str]:
        res = ctx.effect(effect)
        present = set(res.joint["variable"])
        found = []
        for alts in variables:
            hit = [a for a in alts.split("|") if a in present]
            if not hit:
                raise KeyError(f"{alts!r} is not a predictor of the model of {effect!r}")
            found.append(hit[0])
        return cl.no_effect(ctx, res, found)
    return check


def _var_word(v: str) -> str:
    cb = load_codebook()
    if v == "rijk":
        return "Rijksoverheid"
    words = {"tech_content": "technologisch gehalte", "tech": "technologisch gehalte", "strategy": "strategie",
             "size_class": "grootte", "sector": "sector"}
    if v in words:
        return words[v]
    return lower_first(cb.label(v))


def _terms(effect: str, terms: Sequence[tuple[str, Any]], test: Callable, combine=all) -> Callable:
    def check(ctx: cl.ClaimContext) -> tuple[bool, str]:
        res = ctx.effect(effect)
        rows = [res.term(v, lv) for v, lv in terms]
        return bool(combine(test(r) for r in rows)), "; ".join(f"{_term_label(r)}: {cl.or_text(r)}" for r in rows)
    return check


#: Part statements of §2.5 glued one by one (claim_id -> (description, check)); registered in
#: the one claims registry, :data:`barometer.presentation.claims.REGISTRY`, when this module is imported.
_PART_CLAIMS: dict[str, tuple[str, Callable]] = {
    "quality_tech_strategy_ns": (
        "Technologisch gehalte en strategie hebben geen significant effect op kwaliteitsverbetering.",
        _ns("effect_quality", ["tech_content", "strategy"])),
    "quality_sector_size_ns": (
        "Sector (Rijk t.o.v. de rest) en grootte hebben geen significant effect op kwaliteitsverbetering.",
        _ns("effect_quality", ["rijk|sector", "size_class"])),
    "efficiency_use_goal": (
        "Meer gebruik van diensten als doel verkleint de kans op efficiëntiewinst.",
        _terms("effect_efficiency", [("goal_use", None)], _neg)),
    "efficiency_sector_size_spectrum_ns": (
        "Sector, grootte en innovatiespectrum hebben geen significant effect op efficiëntiewinst.",
        _ns("effect_efficiency", ["rijk|sector", "size_class", "spectrum"])),
    "procedures_climate": (
        "Een beter innovatieklimaat vergroot de kans op eenvoudigere procedures.",
        _terms("effect_procedures", [("climate_scale", None)], _pos)),
    "procedures_human_capital": (
        "Meer menselijk kapitaal vergroot de kans op eenvoudigere procedures.",
        _terms("effect_procedures", [("human_capital", None)], _pos)),
    "procedures_goals": (
        "Kwaliteitsverbetering en efficiëntie als doel vergroten de kans op eenvoudigere procedures.",
        _terms("effect_procedures", [("goal_quality", None), ("goal_efficiency", None)], _pos)),
    "procedures_strategy": (
        "De strategieën 'onder de radar' en 'met alle belanghebbenden' vergroten (t.o.v. 'in de spotlights') "
        "de kans op eenvoudigere procedures.",
        _terms("effect_procedures", [("strategy", 2), ("strategy", 1)], _pos)),
}

for _cid, (_desc, _check) in _PART_CLAIMS.items():
    if cl.REGISTRY.get(_cid) is None:
        cl.register_part(_cid, _desc, _check)

#: The claims of §2.5 in ``data/published/claims.csv`` (ids of :data:`barometer.presentation.claims.REGISTRY`),
#: shown in the overview table.
SECTION_CLAIMS: tuple[str, ...] = ("CL32", "CL33", "CL34", "CL35", "CL36", "CL37", "CL38", "CL39")

#: The separate statements of the regression claims, in the order of the report's text (ids of
#: :data:`barometer.presentation.claims.REGISTRY`, parts included), glued one by one in the prose.
CHAPTER_CLAIMS: tuple[str, ...] = (
    "quality_climate", "quality_tech_strategy_ns", "quality_sector_size_ns",
    "efficiency_climate", "efficiency_tech", "efficiency_strategy", "efficiency_cost_goal",
    "efficiency_use_goal", "efficiency_sector_size_spectrum_ns", "efficiency_human_capital",
    "procedures_climate", "procedures_human_capital", "procedures_goals", "procedures_strategy",
    "procedures_rijk",
)


def _claim_texts() -> dict[str, str]:
    from barometer.data import paths
    from barometer.presentation.published import read_claims

    p = paths.PUBLISHED / "claims.csv"
    if not p.exists():
        return {}
    c = read_claims(p)
    return dict(zip(c["claim_id"].astype(str), c["claim"].astype(str)))


def _lookup(cid: str) -> tuple[str, Callable] | None:
    """(description, check) of a claim id or part statement in :data:`barometer.presentation.claims.REGISTRY`, or None."""
    return cl.REGISTRY.get(cid)


def claim_resultaten(ed, ids: Sequence[str] = CHAPTER_CLAIMS) -> pd.DataFrame:
    """Check each claim of the chapter on the edition's data.

    Returns
    -------
    DataFrame
        ``claim_id``, ``claim`` (text of ``claims.csv`` if present, else the description),
        ``holds`` (boolean, ``<NA>`` when the analysis cannot be run), ``statistic`` (Dutch
        test result), ``error``.
    """
    ctx = cl.ClaimContext(ed.frames, ed.year, ed.previous_year or ed.year)
    texts = _claim_texts()
    rows = []
    for cid in ids:
        found = _lookup(cid)
        if found is None:
            rows.append({"claim_id": cid, "claim": texts.get(cid, cid), "holds": pd.NA, "statistic": "",
                         "error": "geen toets in barometer.presentation.claims"})
            continue
        desc, check = found
        text = texts.get(cid) or desc
        try:
            holds, stat = check(ctx)
            outcome = holds.outcome if isinstance(holds, cl.NoDifference) else ("holds" if holds else "fails")
            rows.append({"claim_id": cid, "claim": text, "holds": pd.NA if outcome == "undecided" else bool(holds),
                         "statistic": stat, "error": "", "outcome": outcome})
        except (models.ModelError, KeyError, ValueError, IndexError) as exc:
            rows.append({"claim_id": cid, "claim": text, "holds": pd.NA, "statistic": "",
                         "error": cl.untestable_reason(exc)})
    out = pd.DataFrame(rows, columns=["claim_id", "claim", "holds", "statistic", "error", "outcome"])
    out["outcome"] = out["outcome"].fillna("untested")
    out["holds"] = out["holds"].astype("boolean")
    return out


def _holds_word(h: Any, outcome: str = "") -> str:
    if outcome == "undecided":
        return "onbeslist"
    if h is pd.NA or h is None or (isinstance(h, float) and math.isnan(h)):
        return "niet te toetsen"
    return "ja" if bool(h) else "nee"


def tabel_beweringen(ed) -> TableExhibit | Notice:
    """The report's claims about what explains a positive effect, and whether each holds here."""
    if not asked(ed, "effect"):
        return not_asked_melding(ed, "effect")
    r = claim_resultaten(ed, SECTION_CLAIMS)
    frame = pd.DataFrame({
        "Nr.": r["claim_id"],
        "Bewering van het rapport": r["claim"],
        "Houdt stand": [_holds_word(h, o) for h, o in zip(r["holds"], r["outcome"])],
        "Toetsresultaat": [s or e for s, e in zip(r["statistic"], r["error"])],
    })
    notes = [f"Toets: tweezijdig, significantieniveau {fmt.dec(ALPHA, 2)}; odds ratio (OR) met 95%-betrouwbaarheidsinterval "
             "(BI), gezamenlijke likelihood-ratiotoets (LR) of chi-kwadraattoets; de nummers verwijzen naar de lijst van beweringen "
             "(data/published/claims.csv)."]
    return TableExhibit(name=_name("tbl", "beweringen"),
                        caption=f"De beweringen van het rapport{'' if ed.year == cl.REPORT_YEAR else f' van {cl.REPORT_YEAR}'} "
                                f"over doelen en effecten, getoetst op de gegevens van {ed.year}",
                        frame=frame, notes=notes, data=r)


# ============================================================================ glue
def _keys_goals(cb) -> list[str]:
    return [f"pct_{i}" for i in cb.items("goal")]


def _all_keys() -> list[str]:
    cb = load_codebook()
    keys = ["status_doelen", "status_effecten", "vraag_doelen", "vraag_effecten", "n_innovatoren"]
    keys += _keys_goals(cb)
    keys += ["doel_top", "doel_top_pct", "doel_tweede", "claim_doel_efficientie_top",
             "pct_eff_groot", "pct_eff_klein", "richting_eff_groot", "sig_eff_grootte",
             "pct_kwal_klein", "pct_kwal_groot", "richting_kwal_klein", "sig_kwal_grootte",
             "pct_kwal_meervoudig", "pct_kwal_enkelvoudig", "richting_kwal_meervoudig", "sig_kwal_spectrum",
             "pct_use_meervoudig", "pct_use_enkelvoudig", "richting_use_meervoudig", "sig_use_spectrum",
             "n_doelen", "n_doelen_sector_sig", "claim_sector_doelen"]
    keys += [f"pos_{i}" for i in cb.items("effect")] + [f"vroeg_{i}" for i in cb.items("effect")]
    keys += ["effect_top", "claim_kwaliteit_top", "vroeg_gemiddeld", "vroeg_boven", "claim_vroeg_hoger",
             "claim_vroeg_20", "richting_eff_vs_kwal", "eff_rang", "n_effecten", "neg_max"]
    for cid in (*CHAPTER_CLAIMS, *SECTION_CLAIMS):
        keys += [f"claim_{cid}", f"toets_{cid}"]
    keys += ["n_houdt", "n_beweringen"]
    return keys


def kerncijfers(ed) -> pd.Series:
    """Glue every number, direction word and claim result the chapter's prose uses.

    Returns
    -------
    Series
        Glued key -> Dutch text. Every key is glued in every edition: when goals or
        effects were not asked in the edition's year, numbers read ``-`` and the status
        sentences (``status_doelen``, ``status_effecten``) say why.
    """
    cb = load_codebook()
    out = {k: fmt.NOT_ASKED for k in _all_keys()}
    out["status_doelen"] = vraag_status(ed, "goal")
    out["status_effecten"] = vraag_status(ed, "effect")
    out["vraag_doelen"] = cb.variable("goal").question
    out["vraag_effecten"] = cb.variable("effect").question
    if asked(ed, "goal") and int(doelen(ed)["base"].max() or 0) > 0:  # innovators answered
        out.update(_goal_texts(ed, cb))
    if asked(ed, "effect"):
        out.update(_effect_texts(ed, cb))
        out.update(_claim_glue(ed))
    return glue_all(out)


def _direction(a: Any, b: Any, **words: Any) -> str:
    """:func:`barometer.presentation.glue.direction`, or ``"niet te vergelijken met"`` when a share is not shown (small base)."""
    if fmt.is_missing(a) or fmt.is_missing(b):
        return "niet te vergelijken met"
    return compare_word(a, b, **words)


def _goal_texts(ed, cb) -> dict[str, str]:
    out: dict[str, str] = {}
    d = doelen(ed).set_index("item")
    out["n_innovatoren"] = fmt.num(int(d["base"].max()))
    for i in d.index:
        out[f"pct_{i}"] = fmt.pct(d.loc[i, "pct"])
    named = d.drop(index=[i for i in d.index if i.endswith("_other")])
    ranked = named.sort_values("pct", ascending=False, kind="stable")
    out["doel_top"] = lower_first(ranked["label"].iloc[0])
    out["doel_top_pct"] = fmt.pct(ranked["pct"].iloc[0])
    out["doel_tweede"] = lower_first(ranked["label"].iloc[1])
    out["claim_doel_efficientie_top"] = "wel" if ranked.index[0] == "goal_efficiency" else "niet"
    fam = toetsen_per_doel(ed).set_index(["item", "indeling"])["p_gecorrigeerd"]
    size = doelen_naar_groep(ed, "size_class")
    sizes = _codes(size)
    small, large = min(sizes), max(sizes)
    for item, key in (("goal_efficiency", "eff"), ("goal_quality", "kwal")):
        out[f"pct_{key}_groot"] = fmt.pct(size.loc[item, large], na_rep=fmt.SMALL_CELL)
        out[f"pct_{key}_klein"] = fmt.pct(size.loc[item, small], na_rep=fmt.SMALL_CELL)
        out[f"sig_{key}_grootte"] = significance_word(fam.loc[(item, "size_class")])
    out["richting_eff_groot"] = _direction(size.loc["goal_efficiency", small], size.loc["goal_efficiency", large],
                                          **_MORE)
    out["richting_kwal_klein"] = _direction(size.loc["goal_quality", large], size.loc["goal_quality", small],
                                           **_MORE)
    spec = doelen_naar_groep(ed, "spectrum_group")
    single, multiple = 1, 2
    for item, key in (("goal_quality", "kwal"), ("goal_use", "use")):
        if single in spec.columns and multiple in spec.columns:
            out[f"pct_{key}_meervoudig"] = fmt.pct(spec.loc[item, multiple], na_rep=fmt.SMALL_CELL)
            out[f"pct_{key}_enkelvoudig"] = fmt.pct(spec.loc[item, single], na_rep=fmt.SMALL_CELL)
            out[f"richting_{key}_meervoudig"] = _direction(spec.loc[item, single], spec.loc[item, multiple],
                                                          **_MORE)
            out[f"sig_{key}_spectrum"] = significance_word(fam.loc[(item, "spectrum_group")])
    sect = doelen_naar_groep(ed, "sector")
    n_sig = int((sect["p"] < ALPHA).sum())
    out["n_doelen"] = fmt.num(len(sect))
    out["n_doelen_sector_sig"] = "geen enkel" if n_sig == 0 else fmt.num(n_sig)
    out["claim_sector_doelen"] = "houdt stand" if n_sig == 0 else "houdt geen stand"
    return out


def _effect_texts(ed, cb) -> dict[str, str]:
    out: dict[str, str] = {}
    e = effecten(ed)
    pos = e[e["code"] == 1].set_index("item")["pct"]
    for i, v in pos.items():
        out[f"pos_{i}"] = fmt.pct(v)
    tv = te_vroeg(ed)
    for i, v in tv["per_item"].items():
        out[f"vroeg_{i}"] = fmt.pct(v)
    out["n_effecten"] = fmt.num(len(pos))
    top = pos.sort_values(ascending=False, kind="stable")
    out["effect_top"] = lower_first(cb.label(top.index[0]))
    out["claim_kwaliteit_top"] = "wel" if top.index[0] == "effect_quality" else "niet"
    out["vroeg_gemiddeld"] = fmt.pct(tv["mean"])
    out["vroeg_boven"] = join_nl([lower_first(cb.label(i)) for i in tv["above"]]) or "geen enkel resultaatgebied"
    out["claim_vroeg_hoger"] = "wel" if {"effect_staff_satisfaction", "effect_efficiency"} <= set(tv["above"]) else "niet"
    out["claim_vroeg_20"] = ("niet" if fmt.is_missing(tv["mean"])
                             else "wel" if abs(float(fmt.round_half_up(tv["mean"], 0)) - 20) <= 2 else "niet")
    out["richting_eff_vs_kwal"] = compare_word(pos["effect_quality"], pos["effect_efficiency"],
                                            **_MORE)
    rank = list(top.index).index("effect_efficiency") + 1
    out["eff_rang"] = fmt.num(rank)
    return out


def claim_glue(ed, ids: Sequence[str]) -> tuple[dict[str, str], pd.DataFrame]:
    """Texts ``claim_<id>`` ("wel"/"niet"/"niet te toetsen") and ``toets_<id>`` for each claim.

    Returns
    -------
    (dict, DataFrame)
        The texts to glue and :func:`claim_resultaten` of ``ids``.
    """
    out: dict[str, str] = {}
    r = claim_resultaten(ed, ids)
    for _, row in r.iterrows():
        out[f"claim_{row['claim_id']}"] = VERDICT_WORDS[row["outcome"]]
        out[f"toets_{row['claim_id']}"] = row["statistic"] or "geen toets mogelijk"
    return out, r


def _claim_glue(ed) -> dict[str, str]:
    out, _ = claim_glue(ed, CHAPTER_CLAIMS)
    sec, r = claim_glue(ed, SECTION_CLAIMS)
    out.update(sec)
    out["n_houdt"] = fmt.num(int(r["holds"].fillna(False).sum()))
    out["n_beweringen"] = fmt.num(len(r))
    return out


#: Issue 10: the glue of this module is not yet taken from disclosed frames (see barometer.presentation.glue).
GLUE_UNCHECKED = True
