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

import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation import claims as cl
from barometer.presentation import figures
from barometer.presentation import formatting as fmt
from barometer.analysis import models
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration
from barometer.presentation.disclosure import metadata, public, release
from barometer.presentation.exhibit import Notice, TableExhibit, disclose
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import difference_interval, interval_download_note, whisker_note
from barometer.analysis.uncertainty import holm_frame
from barometer.presentation.phrasing import (ALPHA, NOT_ESTIMABLE, asked, compare_word, chi2_by, glue_all, join_nl, lower_first,
                                not_asked_melding, not_estimable_note, p_value,
                                significance_word, too_few, vraag_status)
from barometer.presentation.phrasing import VERDICT_WORDS, claim_phrase, interval_word

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


#: Results already computed in this process, by (function, edition object, arguments): the
#: tables, the glue and the claims' bases need the same tests and models.
_COMPUTED: dict[tuple, tuple] = {}


def _per_edition(fn):
    """Compute ``fn(ed, *args)`` once per edition object (a frame is returned as a copy)."""
    import functools

    @functools.wraps(fn)
    def wrapper(ed, *args):
        key = (fn.__name__, id(ed), *args)
        hit = _COMPUTED.get(key)
        if hit is None or hit[0] is not ed:  # the id of an edition no longer alive may be reused
            hit = _COMPUTED[key] = (ed, fn(ed, *args))
        return hit[1].copy() if isinstance(hit[1], pd.DataFrame) else hit[1]

    return wrapper


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


@_per_edition
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


#: Figuur 2-18, declared: goals of the most recent innovation (% of innovators), with the 95%
#: interval of every share (whiskers and download).
DOELEN = declaration.Figure(
    name=_name("fig", "doelen"), report="Figuur 2-18", question="goal",
    compute=lambda ed: met_intervallen(doelen(ed), ed),
    draw=lambda d: figures.bar_shares(d, y="label", x="pct", hue=None,
                                      xlabel="Aandeel van de organisaties die innoveerden", interval=BOUNDS),
    alt=lambda ed, d: figures.alt_text(d.frame, f"de doelen van de meest recente innovatie in {ed.year} "
                                       "(meer antwoorden mogelijk)", label="label", value="pct"),
    caption=lambda ed, d: (f"Doelen van de meest recente innovatie, {ed.year}, n = {_n(d.frame, 'base')}; "
                           "meer antwoorden mogelijk"),
    note=whisker_note(),
    download=lambda d, ed: d.rename(columns={"item": "variabele", "label": "doel", "count": "aantal",
                                             "base": "basis", "pct": "percentage"}),
    glue=lambda ed: [declaration.Glued(f"pct_{i}", "pct", {"item": i}) for i in load_codebook().items("goal")],
)
#: Figuur 2-18: goals of the most recent innovation.
figuur_doelen = DOELEN


def _n(frame: pd.DataFrame, column: str) -> str:
    """The largest base of a column of a disclosed frame (respondent counts are public)."""
    return fmt.num(int(pd.to_numeric(frame[column], errors="coerce").max()))


#: The groupings the table of goals shows beside each other (the sector only by its test).
_SHOWN_GROUPS = ("size_class", "spectrum_group")


def doelen_groepen(ed) -> pd.DataFrame | Notice:
    """Tidy data of the table of goals by size class and innovation spectrum.

    Returns
    -------
    DataFrame or Notice
        One row per goal, grouping and group, and a row ``Totaal`` per goal and grouping (all
        innovators: the disclosure policy sees the block a hidden group could be derived
        from): ``doel``, ``indeling``, ``groep`` (Dutch label), ``aantal``, ``basis``,
        ``percentage`` (full precision), ``p`` and ``p_gecorrigeerd`` (the goal's test by
        that grouping, raw and Holm, :func:`toetsen_per_doel`), ``ondergrens``/``bovengrens``
        (95%). A :class:`Notice` when no innovator answered.
    """
    if not int(doelen(ed)["base"].max() or 0) > 0:
        return too_few("de doelen naar grootte, spectrum en sector", ed.year, "tabel")
    cb = load_codebook()
    fam = toetsen_per_doel(ed).set_index(["item", "indeling"])
    parts = []
    for by in _SHOWN_GROUPS:
        f = st.frequencies(ed.df, "goal", by=by, years=ed.year, total=True)
        f = f[f["base"] > 0]
        labels = {**cb.labels(by), st.TOTAL: st.TOTAL}
        parts.append(pd.DataFrame({
            "doel": f["item"].to_numpy(), "indeling": by,
            "groep": [labels[g] if str(g) == st.TOTAL else labels[int(g)] for g in f["group"]],
            "aantal": f["count"].to_numpy(), "basis": f["base"].astype("int64").to_numpy(),
            "percentage": f["pct"].to_numpy(),
            "p": [fam.loc[(i, by), "p"] for i in f["item"]],
            "p_gecorrigeerd": [fam.loc[(i, by), "p_gecorrigeerd"] for i in f["item"]],
        }))
    return met_intervallen(pd.concat(parts, ignore_index=True), ed)


def _groups_of(d, by: str) -> list[str]:
    """The groups of ``by`` in the disclosed table, in its order (the total left out)."""
    f = d.frame
    return [g for g in pd.unique(f.loc[f["indeling"] == by, "groep"]) if g != st.TOTAL]


def _doelen_groepen_scherm(ed, d) -> pd.DataFrame:
    """The table on screen: every share a cell of the disclosed frame, the tests' p beside them."""
    cb = load_codebook()
    fam = toetsen_per_doel(ed).set_index(["item", "indeling"])
    rows = []
    for item in [i for i in cb.items("goal") if i in set(d.frame["doel"])]:
        row = {"Doel": cb.label(item)}
        for by in _SHOWN_GROUPS:
            for g in _groups_of(d, by):
                row[g] = d.text("percentage", doel=item, indeling=by, groep=g)
            row[f"p ({_by_word(by)})"] = p_value(fam.loc[(item, by), "p_gecorrigeerd"])
        row[f"p ({_by_word('sector')})"] = p_value(fam.loc[(item, "sector"), "p_gecorrigeerd"])
        rows.append(row)
    return pd.DataFrame(rows)


def _doelen_groepen_noten(ed, d) -> list[str]:
    f = d.frame[d.frame["groep"] != st.TOTAL].drop_duplicates(["indeling", "groep"])
    return [
        "Percentage van de organisaties die innoveerden dat het doel noemt; meer antwoorden mogelijk.",
        "Basis: " + "; ".join(f"{g} {fmt.num(n)}" for g, n in zip(f["groep"], f["basis"])) + ".",
        f"p: chi-kwadraattoets van het verschil tussen de groepen (grootte, spectrum, sector); groepen met minder dan "
        f"{fmt.num(ed.min_base)} organisaties tellen niet mee. De drie toetsen van een doel vormen één reeks: de "
        "getoonde p is gecorrigeerd volgens Holm; de download bevat ook de ruwe p. Of er geen enkel sectorverschil "
        "is (de bewering van het rapport), is beoordeeld op de ruwe p: de strengere lezing voor een bewering dat er "
        "geen verschil is.",
    ]


#: Goals by size class and by innovation spectrum, with the p-value of a chi-square test per
#: goal (and of the test by sector), edition's year; declared.
GROEPEN = declaration.Table(
    name=_name("tbl", "doelen-groepen"), question="goal",
    compute=doelen_groepen, tabulate=_doelen_groepen_scherm, notes=_doelen_groepen_noten,
    caption=lambda ed, d: f"Doelen van de innovatie naar organisatiegrootte en innovatiespectrum, {ed.year}",
)
#: Goals by size class and by innovation spectrum (table).
tabel_doelen_naar_groep = GROEPEN


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


def _effect_range(frame: pd.DataFrame) -> str:
    """The bases of the result areas: one number, or "van tot" (public respondent counts)."""
    b = pd.to_numeric(frame["base"], errors="coerce")
    return f"{fmt.num(int(b.min()))} tot {fmt.num(int(b.max()))}" if b.nunique() > 1 else fmt.num(int(b.max()))


def _draw_effecten(d: pd.DataFrame):
    codes = load_codebook().labels(load_codebook().items("effect")[0])
    return figures.stacked_bars(d, y="label", category="code_label", x="pct",
                                category_order=list(codes.values()), order=list(pd.unique(d["label"])),
                                colors=[EFFECT_COLORS[c] for c in codes],
                                xlabel="Aandeel van de organisaties die innoveerden")


#: Figuur 2-19, declared: effect of the most recent innovation per result area (stacked bars);
#: the download carries the 95% interval of every share.
EFFECTEN = declaration.Figure(
    name=_name("fig", "effecten"), report="Figuur 2-19", question="effect",
    compute=lambda ed: met_intervallen(effecten(ed), ed),
    draw=_draw_effecten,
    alt=lambda ed, d: figures.alt_text(d.frame[d.frame["code"] == 1],
                                       f"het effect van de meest recente innovatie per resultaatgebied in {ed.year}; "
                                       "genoemd is het aandeel met een positief effect", label="label", value="pct",
                                       kind="Gestapeld staafdiagram"),
    caption=lambda ed, d: (f"Effecten van de meest recente innovatie per resultaatgebied, {ed.year}, "
                           f"n = {_effect_range(d.frame)}"),
    note=interval_download_note(),
    download=lambda d, ed: d.rename(columns={"item": "variabele", "label": "resultaatgebied", "code_label": "effect",
                                             "count": "aantal", "base": "basis", "pct": "percentage"}),
)
#: Figuur 2-19: effect of the most recent innovation per result area.
figuur_effecten = EFFECTEN


# ============================================================================ regressions
@_per_edition
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
    """Display frame of a fitted model: Kenmerk, Odds ratio, 95%-betrouwbaarheidsinterval, p (Dutch formatting).

    ``cats`` maps the categorical predictors to their reference codes (for the labels
    "niveau (t.o.v. referentie)"). Odds ratios and bounds as :func:`barometer.presentation.formatting.odds_ratio`;
    a term the data do not bound (``estimable`` False) says so after its label.
    """
    return _regression_frame(res.table, cats)


def _regression_frame(table: pd.DataFrame, cats: dict | None = None) -> pd.DataFrame:
    """:func:`regressietabel` of a model's table (``variable``, ``level``, ``label``,
    ``odds_ratio``, ``ci_low``, ``ci_high``, ``p``, ``estimable``)."""
    rows = []
    for _, r in table.iterrows():
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
    """Odds ratios (95% interval, p) of the model of a positive effect on ``effect``.

    Not a declaration: the table's notes come from the fitted model (its n, the number with a
    positive effect, the pseudo-R², the levels left out), which a declaration's hooks, seeing
    only the disclosed frame, do not carry, and one declaration per effect would fit every
    model twice. It follows the same order: the model's table passes the disclosure policy
    once (:func:`~barometer.presentation.exhibit.disclose`; a model's terms rest on all its
    cases, so the policy has no group cell to hide) and the screen is built from that frame.
    """
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
    data = models.uncertainty_columns(res).drop(columns=["term"]).assign(uitkomst=effect)
    d = disclose(data, ed.min_base, year=ed.year)
    notes = [
        "Logistische regressie van een positief effect tegenover de andere antwoorden (geen of negatief effect, te "
        f"vroeg om te zeggen); n = {fmt.num(res.n)}, waarvan {fmt.num(res.n_positive)} met een positief effect; "
        f"McFaddens pseudo-R² = {fmt.dec(res.pseudo_r2, 2)}.",
        f"Referentiecategorieën: {refs}. Een odds ratio boven 1 betekent een grotere kans op een positief effect.",
        "Schaalscores (klimaat, menselijk kapitaal) per punt op de schaal van 1 tot 5; het spectrum per extra type; "
        "de grootte per stap van klein naar groot, waar het model haar als getal opneemt.",
    ]
    unbounded = not_estimable_note(_term_label(r, cats) for _, r in d.frame.iterrows() if not _estimable(r))
    if unbounded:
        notes.append(unbounded)
    if res.dropped:
        notes.append("Weggelaten wegens minder dan vijf organisaties: " + "; ".join(
            f"{lower_first(cb.labels(v)[k])} ({fmt.num(n)})" for v, d_ in res.dropped.items() for k, n in d_.items()) + ".")
    with declaration.in_force(ed):  # the download's threshold is the screen's, not the process's
        return TableExhibit(name=_name("tbl", f"model-{EFFECT_KEYS.get(effect, effect).replace('_', '-')}"),
                            caption=f"Wat verklaart een positief effect op {lower_first(cb.label(effect))}? "
                                    f"Odds ratio's uit een logistische regressie, {ed.year}",
                            frame=_regression_frame(d.frame, cats), notes=notes, data=data)


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
    return _claim_resultaten(ed, tuple(ids))


@_per_edition
def _claim_context(ed) -> cl.ClaimContext:
    """One claim context per edition: the chapter's claims share its fitted models."""
    return cl.ClaimContext(ed.frames, ed.year, ed.previous_year or ed.year)


@_per_edition
def _claim_resultaten(ed, ids: tuple[str, ...]) -> pd.DataFrame:
    """:func:`claim_resultaten`, once per edition and list of claims (the glue and the table)."""
    ctx = _claim_context(ed)
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


def _beweringen_scherm(ed, d) -> pd.DataFrame:
    """The claims table on screen, from the disclosed frame (test results are model and
    comparison statistics; their bases are checked where they are glued, :func:`_released_claims`)."""
    r = d.frame
    return pd.DataFrame({
        "Nr.": r["claim_id"],
        "Bewering van het rapport": r["claim"],
        "Houdt stand": [_holds_word(h, o) for h, o in zip(r["holds"], r["outcome"])],
        "Toetsresultaat": [s or e for s, e in zip(r["statistic"], r["error"])],
    })


#: The report's claims about what explains a positive effect, and whether each holds here; declared.
BEWERINGEN = declaration.Table(
    name=_name("tbl", "beweringen"), question="effect",
    compute=lambda ed: claim_resultaten(ed, SECTION_CLAIMS), tabulate=_beweringen_scherm,
    caption=lambda ed, d: (f"De beweringen van het rapport{'' if ed.year == cl.REPORT_YEAR else f' van {cl.REPORT_YEAR}'} "
                           f"over doelen en effecten, getoetst op de gegevens van {ed.year}"),
    notes=lambda ed, d: [f"Toets: tweezijdig, significantieniveau {fmt.dec(ALPHA, 2)}; odds ratio (OR) met "
                         f"{interval_word()}, gezamenlijke likelihood-ratiotoets (LR) of "
                         "chi-kwadraattoets; de nummers verwijzen naar de lijst van beweringen "
                         "(data/published/claims.csv)."],
)
#: The report's claims of §2.5 and whether each holds (table).
tabel_beweringen = BEWERINGEN


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
             "n_doelen", "n_doelen_sector_sig", "claim_sector_doelen",
             *[d[0] for d in _DIFFERENCES]]
    keys += [f"pos_{i}" for i in cb.items("effect")] + [f"vroeg_{i}" for i in cb.items("effect")]
    keys += ["effect_top", "claim_kwaliteit_top", "vroeg_gemiddeld", "vroeg_boven", "claim_vroeg_hoger",
             "claim_vroeg_20", "richting_eff_vs_kwal", "verschil_eff_vs_kwal", "eff_rang", "n_effecten", "neg_max"]
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
    _, d = DOELEN.disclosed(ed)
    out["n_innovatoren"] = public(_n(d.frame, "base"))
    out.update(DOELEN.glued(ed, d))
    f = d.frame.set_index("item")
    named = f.drop(index=[i for i in f.index if i.endswith("_other")])
    ranked = named.sort_values("pct", ascending=False, kind="stable")  # hidden shares (NaN) last
    out["doel_top"] = lower_first(ranked["label"].iloc[0])
    out["doel_top_pct"] = d.text("pct", item=ranked.index[0])
    out["doel_tweede"] = lower_first(ranked["label"].iloc[1])
    out["claim_doel_efficientie_top"] = "wel" if ranked.index[0] == "goal_efficiency" else "niet"
    fam = toetsen_per_doel(ed).set_index(["item", "indeling"])
    _, g = GROEPEN.disclosed(ed)
    size = {v: k for k, v in cb.labels("size_class").items()}
    sizes = sorted(size[x] for x in _groups_of(g, "size_class"))
    small, large = cb.labels("size_class")[min(sizes)], cb.labels("size_class")[max(sizes)]

    def cell(item, by, group):
        return dict(doel=item, indeling=by, groep=group)

    for item, key in (("goal_efficiency", "eff"), ("goal_quality", "kwal")):
        out[f"pct_{key}_groot"] = g.text("percentage", **cell(item, "size_class", large))
        out[f"pct_{key}_klein"] = g.text("percentage", **cell(item, "size_class", small))
        out[f"sig_{key}_grootte"] = significance_word(fam.loc[(item, "size_class"), "p_gecorrigeerd"])
    out["richting_eff_groot"] = _direction(g.value("percentage", **cell("goal_efficiency", "size_class", small)),
                                          g.value("percentage", **cell("goal_efficiency", "size_class", large)), **_MORE)
    out["richting_kwal_klein"] = _direction(g.value("percentage", **cell("goal_quality", "size_class", large)),
                                           g.value("percentage", **cell("goal_quality", "size_class", small)), **_MORE)
    spectrum = cb.labels("spectrum_group")
    single, multiple = spectrum[1], spectrum[2]
    if {single, multiple} <= set(_groups_of(g, "spectrum_group")):
        for item, key in (("goal_quality", "kwal"), ("goal_use", "use")):
            out[f"pct_{key}_meervoudig"] = g.text("percentage", **cell(item, "spectrum_group", multiple))
            out[f"pct_{key}_enkelvoudig"] = g.text("percentage", **cell(item, "spectrum_group", single))
            out[f"richting_{key}_meervoudig"] = _direction(
                g.value("percentage", **cell(item, "spectrum_group", single)),
                g.value("percentage", **cell(item, "spectrum_group", multiple)), **_MORE)
            out[f"sig_{key}_spectrum"] = significance_word(fam.loc[(item, "spectrum_group"), "p_gecorrigeerd"])
    out.update(_group_differences(ed, g, small, large, single, multiple))
    sector_p = fam.xs("sector", level="indeling")["p"]  # raw p: the stricter reading of a claim of no difference
    n_sig = int((sector_p < ALPHA).sum())
    out["n_doelen"] = metadata(fmt.num(len(sector_p)))
    out["n_doelen_sector_sig"] = "geen enkel" if n_sig == 0 else metadata(fmt.num(n_sig))
    # a claim of no difference (the first half of CL32): the claims table's rule, never p >= 0,05 alone
    out["claim_sector_doelen"] = claim_phrase(cl.claim_outcome(ed, "CL32_sector"))
    return out


#: The group differences §2.5 states, with the glue key of their interval: (key, goal,
#: grouping, the group the sentence names first, the group it is compared with).
_DIFFERENCES = (("verschil_eff_grootte", "goal_efficiency", "size_class", "large", "small"),
                ("verschil_kwal_grootte", "goal_quality", "size_class", "small", "large"),
                ("verschil_kwal_spectrum", "goal_quality", "spectrum_group", "multiple", "single"),
                ("verschil_use_spectrum", "goal_use", "spectrum_group", "multiple", "single"))


def _group_differences(ed, g, small: str, large: str, single: str, multiple: str) -> dict[str, str]:
    """The Newcombe interval (with the FPC) of each stated difference of two groups' shares,
    phrased as :func:`barometer.presentation.phrasing.difference_interval` (percentage points,
    the first-named group minus the other), from the cells of the disclosed table ``g``; empty
    when either share is hidden (no interval beside a suppressed figure)."""
    from barometer.presentation.intervals import verschil_interval

    names = {"small": small, "large": large, "single": single, "multiple": multiple}
    out: dict[str, str] = {}
    for key, item, by, first, other in _DIFFERENCES:
        cells = [dict(doel=item, indeling=by, groep=names[w]) for w in (other, first)]
        if any(g.reason("percentage", **c) is not None or fmt.is_missing(g.value("percentage", **c)) for c in cells):
            out[key] = disclosure.Released("")
            continue
        rows = [{"count": g.value("aantal", **c), "base": g.value("basis", **c)} for c in cells]
        ci = verschil_interval(ed, rows[0], rows[1], ed.year, ed.year)
        diff = g.value("percentage", **cells[1]) - g.value("percentage", **cells[0])
        out[key] = (release(difference_interval(ci[0], ci[1], diff), [r["base"] for r in rows], ed.min_base)
                    if ci is not None else disclosure.Released(""))
    return out


def _paired_difference(ed, reference: str, compared: str) -> str:
    """The interval of the difference of two shares of the same innovators (a positive effect
    on ``compared`` minus one on ``reference``): the t-interval, with the FPC, of the mean of the
    per-organisation difference of the two 0/1 indicators (the organisations that answered both
    areas; :func:`barometer.analysis.uncertainty.mean_ci`), in percentage points, phrased as
    :func:`barometer.presentation.phrasing.difference_interval`. Paired, not Newcombe's interval
    of two independent shares: both shares rest on the same organisations."""
    from barometer.analysis.uncertainty import domain_population, mean_ci

    both = ed.df[[reference, compared]].dropna()
    delta = 100.0 * ((both[compared] == 1).astype(float) - (both[reference] == 1).astype(float))
    n = len(both)
    if disclosure.is_small(n, ed.min_base):
        return disclosure.Released("")
    m = mean_ci(delta, domain_population(ed.year, len(ed.df))(n))
    return release(difference_interval(m["low"], m["high"], m["mean"]), n, ed.min_base)


def _effect_texts(ed, cb) -> dict[str, str]:
    out: dict[str, str] = {}
    _, d = EFFECTEN.disclosed(ed)
    f = d.frame
    pos = f[f["code"] == 1].set_index("item")["pct"]
    for i in pos.index:
        out[f"pos_{i}"] = d.text("pct", item=i, code=1)
        out[f"vroeg_{i}"] = d.text("pct", item=i, code=4)
    neg = f[f["code"] == 3]
    if neg["pct"].notna().any():
        out["neg_max"] = d.cell(int(neg["pct"].idxmax()), "pct")
    tv = te_vroeg(ed)
    out["n_effecten"] = metadata(fmt.num(len(pos)))
    top = pos.sort_values(ascending=False, kind="stable")
    out["effect_top"] = lower_first(cb.label(top.index[0]))
    out["claim_kwaliteit_top"] = "wel" if top.index[0] == "effect_quality" else "niet"
    # the mean over the result areas rests on every area's base
    out["vroeg_gemiddeld"] = release(fmt.pct(tv["mean"]), f.loc[f["code"] == 4, "base"], ed.min_base)
    out["vroeg_boven"] = join_nl([lower_first(cb.label(i)) for i in tv["above"]]) or "geen enkel resultaatgebied"
    out["claim_vroeg_hoger"] = "wel" if {"effect_staff_satisfaction", "effect_efficiency"} <= set(tv["above"]) else "niet"
    # the first half of CL37, by the claims table's own check (full precision, not the rounded mean)
    out["claim_vroeg_20"] = "wel" if cl.claim_outcome(ed, "CL37_vijfde") == "holds" else "niet"
    out["richting_eff_vs_kwal"] = _direction(pos["effect_quality"], pos["effect_efficiency"], **_MORE)
    out["verschil_eff_vs_kwal"] = _paired_difference(ed, "effect_quality", "effect_efficiency")
    rank = list(top.index).index("effect_efficiency") + 1
    out["eff_rang"] = metadata(fmt.num(rank))
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


#: The result area of each model claim (by the prefix of its id; CL34–CL36 are the whole models).
_MODEL_OF = {"quality": "effect_quality", "efficiency": "effect_efficiency", "procedures": "effect_procedures",
             "CL34": "effect_quality", "CL35": "effect_efficiency", "CL36": "effect_procedures"}


def _claim_bases(ed, cid: str, fitted: dict | None = None) -> list:
    """The bases the test result of a claim rests on (for :func:`barometer.presentation.disclosure.release`).

    A model claim rests on the model's cases; a comparison of groups on each compared group;
    a claim about shares of all innovators on the bases of those shares.
    """
    model = _MODEL_OF.get(cid.split("_")[0]) or _MODEL_OF.get(cid)
    if model is not None:
        fitted = {} if fitted is None else fitted
        if model not in fitted:
            try:
                fitted[model] = regressie(ed, model).n
            except models.ModelError:
                fitted[model] = 0
        return [fitted[model]]
    innov = ed.df[ed.df["innovated"] == 1] if "innovated" in ed.df.columns else ed.df
    if cid == "CL32":
        n = innov["size_class"].value_counts()
        return [n.get(1, 0), n.get(3, 0)]
    if cid == "CL33":
        return [int(innov["spectrum"].isin([3, 4]).sum()), int((innov["spectrum"] == 1).sum())]
    if cid == "CL38":
        n = innov["climate_cluster"].value_counts()
        return [n.get(1, 0), n.get(3, 0)]
    return list(effecten(ed)["base"]) + list(doelen(ed)["base"])  # CL37, CL39: shares of the innovators


def _released_claims(ed, ids: Sequence[str]) -> tuple[dict[str, str], pd.DataFrame]:
    """:func:`claim_glue` with every test result released with the bases it rests on."""
    out, r = claim_glue(ed, ids)
    fitted: dict = {}
    for cid in ids:
        out[f"toets_{cid}"] = release(out[f"toets_{cid}"], _claim_bases(ed, cid, fitted), ed.min_base)
    return out, r


def _claim_glue(ed) -> dict[str, str]:
    out, _ = _released_claims(ed, CHAPTER_CLAIMS)
    sec, r = _released_claims(ed, SECTION_CLAIMS)
    out.update(sec)
    out["n_houdt"] = metadata(fmt.num(int(r["holds"].fillna(False).sum())))
    out["n_beweringen"] = metadata(fmt.num(len(r)))
    return out
