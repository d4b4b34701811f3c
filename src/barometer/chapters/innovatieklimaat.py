"""Exhibits of the chapter *Innovatieklimaat* (report §2.4).

The climate statements (Figuur 2-13) and the climate scale (reliability, distribution —
Figuur 2-14 —, differences by size, sector and part of the national government), the
conditions statements and scale (Figuur 2-15), the three climate clusters with the
codebook's thresholds, innovation by cluster (Figuur 2-16) and success factors by cluster
(Figuur 2-17).

Every function takes an :class:`barometer.book.edition.Edition`. Labels come from the codebook,
numbers from :mod:`barometer.analysis.statistics` and :mod:`barometer.analysis.scales`, formatting from
:mod:`barometer.presentation.formatting`, charts from :mod:`barometer.presentation.figures`.

Every exhibit is declared (:mod:`barometer.presentation.declaration`): the pipeline computes it,
applies the disclosure policy once (primary and secondary suppression) and draws, tabulates,
describes and glues from that disclosed frame. Where the text states a difference of mean
climate scores (between the years, the size classes, or a sector against the reference), its
95% interval stands beside it (:func:`barometer.presentation.phrasing.mean_difference_interval`).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation import figures
from barometer.analysis import models, scales
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration
from barometer.presentation.exhibit import Disclosed, Notice
from barometer.chapters import bevorderende_en_belemmerende_factoren as factoren
from barometer.presentation.intervals import BOUNDS, met_intervallen, verschil_interval
from barometer.presentation.phrasing import cached, difference_interval, interval_download_note, whisker_note
from barometer.presentation.phrasing import mean_difference_interval
from barometer.presentation.phrasing import compare_word, ALPHA, NO_COMPARISON, join_nl, lower_first, significance_word, too_few, years_text
from barometer.presentation.phrasing import claim_phrase
from barometer.presentation.claims import claim_outcome
from barometer.presentation.disclosure import compose, join, metadata, public, release
from barometer.presentation.exhibit import disclose
from barometer.presentation.glue import glue_text
from barometer.analysis.uncertainty import difference_ci, domain_population, mean_difference_ci, share_ci

__all__ = [
    "CLUSTER",
    "stellingen",
    "schaal_betrouwbaarheid",
    "toets_grootte",
    "regressie_sector",
    "clusterverdeling",
    "spectrum_naar_cluster",
    "succesfactoren_naar_cluster",
    "verschillen_grootte",
    "figuur_klimaatstellingen",
    "tabel_klimaatschaal",
    "figuur_klimaatverdeling",
    "tabel_klimaat_naar_grootte",
    "tabel_klimaat_regressie",
    "figuur_randvoorwaarden",
    "tabel_randvoorwaardenschaal",
    "tabel_clusters",
    "figuur_spectrum_naar_cluster",
    "figuur_succesfactoren_naar_cluster",
    "grootste_verandering",
    "verandering_per_stelling",
    "kerncijfers",
]

CLUSTER = "climate_cluster"
_SLUG = "innovatieklimaat"
#: Factors whose krachtig–beperkt difference the report quotes (Figuur 2-17).
QUOTED_DIFFERENCES = ("factor_technology", "factor_incentives", "factor_mistakes", "factor_staff", "factor_citizens")


def _years(ed) -> list[int]:
    return [ed.year, *sorted(ed.comparison_years, reverse=True)]


# ----------------------------------------------------------------------------- analysis
def stellingen(ed, question: str) -> pd.DataFrame:
    """% (helemaal) eens per statement of ``question`` (``climate``/``conditions``) per year.

    Returns
    -------
    DataFrame
        :func:`barometer.analysis.statistics.frequencies` with ``summary=True`` for the edition's
        year and its comparison years: ``year``, ``item``, ``label``, ``count``, ``base``, ``pct``.
    """
    return st.frequencies(ed.all_years, question, years=_years(ed), summary=True)


def schaal_betrouwbaarheid(ed, scale: str) -> dict:
    """Reliability, loadings and mean of a derived scale in the edition's year.

    Returns
    -------
    dict
        ``reliability`` (:class:`barometer.analysis.scales.Reliability`), ``mean``, ``sd``, ``n``,
        and per comparison year ``mean_<year>``.
    """
    rel = scales.reliability(ed.df, scale, year=ed.year)
    m = st.means(ed.all_years, scale, years=_years(ed)).set_index("year")
    out = {"reliability": rel, "mean": float(m.loc[ed.year, "mean"]), "sd": float(m.loc[ed.year, "sd"]),
           "n": int(m.loc[ed.year, "n"])}
    for y in ed.comparison_years:
        out[f"mean_{y}"] = float(m.loc[y, "mean"])
    return out


def toets_grootte(ed, scale: str = "climate_scale") -> dict:
    """One-way analysis of variance of a scale score by size class (edition's year).

    Returns
    -------
    dict
        ``means`` (frame of :func:`barometer.analysis.statistics.means` by ``size_class``) and the
        result of :func:`barometer.analysis.models.anova_oneway`: ``F``, ``p``, ``df_between``,
        ``df_within``, ``n``, ``eta2`` (share of variance between classes).
    """
    m = st.means(ed.df, scale, by="size_class", years=ed.year)
    try:
        test = models.anova_oneway(ed.df, scale, "size_class", ed.year)
    except models.ModelError:  # fewer than two classes, or too few scores: not estimable
        nan = float("nan")
        test = {"F": nan, "p": nan, "df_between": 0, "df_within": 0, "n": int(m["n"].max()) if len(m) else 0,
                "eta2": nan}
    return {"means": m, **test}


def regressie_sector(ed, scale: str = "climate_scale", reference: int = 7) -> pd.DataFrame:
    """OLS of a scale score on sector (reference: Rijksoverheid) and measurement year.

    Uses the edition's year and its comparison years together, as the report does
    ("regressieanalyse op basis van gegevens van twee metingen").

    Returns
    -------
    DataFrame
        One row per sector other than the reference and per year other than the first:
        ``term`` (``sector``/``year``), ``code``, ``label``, ``n``, ``coef``, ``ci_low``,
        ``ci_high``, ``p_value``; ``attrs`` hold ``n``, ``r2``, ``reference``.
    """
    import statsmodels.api as sm

    cb = load_codebook()
    d = ed.all_years[["sector", "year", scale]].apply(pd.to_numeric, errors="coerce").dropna()
    d = d[d["year"].isin(_years(ed))]
    sectors = [c for c in cb.labels("sector") if c != reference and (d["sector"] == c).any()]
    years = sorted(d["year"].unique())
    X = pd.DataFrame({f"s{c}": (d["sector"] == c).astype(float) for c in sectors}, index=d.index)
    for y in years[1:]:
        X[f"y{int(y)}"] = (d["year"] == y).astype(float)
    X = sm.add_constant(X)
    if len(d) <= X.shape[1] or d[scale].nunique() < 2:  # too few scores, or no variance: not estimable
        out = pd.DataFrame(columns=["term", "code", "label", "n", "coef", "ci_low", "ci_high", "p_value"])
        out.attrs.update(n=int(len(d)), r2=float("nan"), reference=cb.labels("sector")[reference],
                         first_year=int(years[0]) if years else ed.year)
        return out
    res = sm.OLS(d[scale].astype(float), X).fit()
    ci = res.conf_int()
    rows = []
    for c in sectors:
        k = f"s{c}"
        rows.append({"term": "sector", "code": c, "label": cb.labels("sector")[c],
                     "n": int((d["sector"] == c).sum()), "coef": res.params[k],
                     "ci_low": ci.loc[k, 0], "ci_high": ci.loc[k, 1], "p_value": res.pvalues[k]})
    for y in years[1:]:
        k = f"y{int(y)}"
        rows.append({"term": "year", "code": int(y), "label": str(int(y)), "n": int((d["year"] == y).sum()),
                     "coef": res.params[k], "ci_low": ci.loc[k, 0], "ci_high": ci.loc[k, 1],
                     "p_value": res.pvalues[k]})
    out = pd.DataFrame(rows)
    out.attrs.update(n=int(res.nobs), r2=float(res.rsquared), reference=cb.labels("sector")[reference],
                     first_year=int(years[0]) if years else None, n_reference=int((d["sector"] == reference).sum()))
    return out


def clusterverdeling(ed) -> pd.DataFrame:
    """Share of organisations per climate cluster (edition's year): ``code``, ``label``, ``count``, ``base``, ``pct``."""
    f = st.frequencies(ed.df, CLUSTER, years=ed.year)
    return f[["code", "label", "count", "base", "pct"]].reset_index(drop=True)


def spectrum_naar_cluster(ed) -> pd.DataFrame:
    """Innovation spectrum (none / single / multiple) per climate cluster, with the total.

    Returns
    -------
    DataFrame
        ``group`` (cluster code or ``"Totaal"``), ``group_label``, ``code``, ``label``
        (spectrum group), ``count``, ``base``, ``pct`` (0–100 of all organisations of the
        cluster with a climate score; the total: all organisations).
    """
    cb = load_codebook()
    f = st.frequencies(ed.df, "spectrum_group", by=CLUSTER, years=ed.year)
    labels = {**cb.labels(CLUSTER), st.TOTAL: st.TOTAL}
    f = f.assign(group_label=f["group"].map(labels))
    return f[["group", "group_label", "code", "label", "count", "base", "pct"]].reset_index(drop=True)


def succesfactoren_naar_cluster(ed) -> pd.DataFrame:
    """% 'bevorderd' per factor per climate cluster and in total (Figuur 2-17).

    Returns
    -------
    DataFrame
        Wide: one row per factor (codebook order), index ``item``; columns ``label``, per
        cluster code and ``"Totaal"`` the percentage, ``n_<group>`` the bases, and
        ``diff_pp`` (krachtig minus beperkt, percentage points).
    """
    cb = load_codebook()
    f = factoren.aandeel_bevorderd(ed.df, ed.year, by=CLUSTER)
    wide = f.pivot_table(index="item", columns="group", values="pct", sort=False)
    base = f.pivot_table(index="item", columns="group", values="base", sort=False)
    order = cb.items(factoren.FACTOR)
    wide = wide.reindex(order)
    codes = list(cb.labels(CLUSTER))
    out = pd.DataFrame({"label": [cb.label(i) for i in order]}, index=pd.Index(order, name="item"))
    for g in [*codes, st.TOTAL]:
        out[g] = wide[g] if g in wide.columns else np.nan
        out[f"n_{g}"] = base.reindex(order)[g] if g in base.columns else 0
    strong, limited = codes[0], codes[-1]
    out["diff_pp"] = out[strong] - out[limited]
    return out


def _scores(ed, year: int, scale: str = "climate_scale") -> pd.Series:
    """The scale scores of ``year`` (NaN dropped)."""
    frame = ed.frames[year] if year in ed.frames else ed.all_years[ed.all_years["year"] == year]
    return pd.to_numeric(frame[scale], errors="coerce").dropna().astype(float)


def verschil_gemiddelde(ed, a: pd.Series, b: pd.Series, year_a: int, year_b: int | None = None) -> tuple[float, float]:
    """Welch's 95% interval of ``mean(b) - mean(a)`` with the finite-population correction of each
    group (:func:`barometer.analysis.uncertainty.mean_difference_ci`); the populations are those
    of the groups' bases in their years (:func:`barometer.analysis.uncertainty.domain_population`)."""
    year_b = year_a if year_b is None else year_b
    pops = {y: domain_population(y, len(ed.frames[y]) if y in ed.frames else 0) for y in {year_a, year_b}}
    return mean_difference_ci(a, b, pops[year_a](len(a)) if len(a) else None,
                              pops[year_b](len(b)) if len(b) else None)


def verschillen_grootte(ed, scale: str = "climate_scale") -> pd.DataFrame:
    """Differences of the mean scale score between the size classes (edition's year).

    Returns
    -------
    DataFrame
        One row per pair of classes (smaller first): ``a``, ``b`` (codes), ``n_a``, ``n_b``,
        ``diff`` (mean of ``b`` minus mean of ``a``), ``low``, ``high`` (Welch's 95% interval
        with the finite-population correction, :func:`verschil_gemiddelde`).
    """
    size = pd.to_numeric(ed.df["size_class"], errors="coerce")
    score = pd.to_numeric(ed.df[scale], errors="coerce")
    groups = {int(k): score[(size == k) & score.notna()].astype(float) for k in load_codebook().labels("size_class")}
    rows = []
    for a in groups:
        for b in groups:
            if a < b:
                lo, hi = verschil_gemiddelde(ed, groups[a], groups[b], ed.year)
                diff = groups[b].mean() - groups[a].mean() if len(groups[a]) and len(groups[b]) else float("nan")
                rows.append({"a": a, "b": b, "n_a": len(groups[a]), "n_b": len(groups[b]), "diff": diff,
                             "low": lo, "high": hi})
    return pd.DataFrame(rows, columns=["a", "b", "n_a", "n_b", "diff", "low", "high"])


# ----------------------------------------------------------------------------- exhibits
# Every exhibit is a declaration (barometer.presentation.declaration): compute at full precision →
# disclose (primary + secondary) → draw/tabulate, alt text and caption from the disclosed frame
# → downloads and sidecar → glue. Computations several exhibits and the key figures share are
# made once per edition (phrasing.cached).
def _shown_text(d: Disclosed, i: int, value: Any, format=fmt.dec, like: str = "ci_low") -> disclosure.Released:
    """A statistic of row ``i`` that is no policy column (a regression coefficient, a p-value),
    shown exactly when the row's ``like`` cell is (so it is hidden with its row)."""
    why = next((c.reason for c in d.protected.cells if c.row == i and c.column == like), None)
    return disclosure.suppressed(why) if why is not None else disclosure.Released(format(value))


def _stellingen_figure(question: str, what: str, name: str, report: str) -> declaration.Figure:
    """Figuur 2-13 / 2-15: the statements of ``question``, % (helemaal) eens per year, with whiskers."""

    def draw(f: pd.DataFrame):
        years = sorted(f["year"].unique(), reverse=True)  # the edition's year first, as _years
        now = f[f["year"] == years[0]]
        return figures.bar_shares(f, y="label", x="pct", hue="year", hue_order=years, order=list(now["label"]),
                                  xlabel="", interval=BOUNDS)

    def caption(ed, d: Disclosed) -> str:
        f = d.frame
        years = _years(ed)
        ns = join_nl(f"{fmt.num(int(f.loc[f['year'] == y, 'base'].max()))} in {y}" for y in sorted(years))
        label = load_codebook().variable(question).display.get("summary_label", "")
        return f"Stellingen over {what}, {years_text(years)} (% {label}; n = {ns})."

    return declaration.Figure(
        name=name, report=report,
        compute=lambda ed: met_intervallen(stellingen(ed, question), ed),
        draw=draw,
        alt=lambda ed, d: figures.alt_text(d.frame, what, group="year"),
        caption=caption, note=whisker_note(),
    )


#: Figuur 2-13: the climate statements, % (helemaal) eens, this year and the comparison years.
figuur_klimaatstellingen = _stellingen_figure("climate", "het innovatieklimaat", f"fig-{_SLUG}-stellingen",
                                              "Figuur 2-13")
#: Figuur 2-15: the conditions statements, % (helemaal) eens.
figuur_randvoorwaarden = _stellingen_figure("conditions", "randvoorwaarden voor innovatie",
                                            f"fig-{_SLUG}-randvoorwaarden", "Figuur 2-15")


def _schaal_data(ed, scale: str) -> pd.DataFrame:
    """Items of a scale with loadings and the scale's alpha, mean, sd and n (one row per item)."""
    res = schaal_betrouwbaarheid(ed, scale)
    rel = res["reliability"]
    data = rel.items.assign(scale=scale, alpha=rel.alpha, explained=rel.explained, mean=res["mean"],
                            sd=res["sd"], n=res["n"], year=ed.year)
    return met_intervallen(data, ed)


def _schaal_table(scale: str, name: str, what: str) -> declaration.Table:
    """The loadings and reliability of a scale; every figure rests on the scale's n."""

    def tabulate(ed, d: Disclosed) -> pd.DataFrame:
        f = d.frame
        n = f["n"]
        return pd.DataFrame({
            "Stelling": f["label"],
            "Lading": [release(fmt.dec(v), b, ed.min_base) for v, b in zip(f["loading"], n)],
            "Item-restcorrelatie": [release(fmt.dec(v), b, ed.min_base) for v, b in zip(f["item_rest_r"], n)],
            "Alfa zonder dit item": [release(fmt.dec(v), b, ed.min_base) for v, b in zip(f["alpha_if_deleted"], n)],
        })

    def notes(ed, d: Disclosed) -> list[str]:
        f = d.frame
        n = f.at[0, "n"]
        return [
            f"Cronbachs alfa {release(fmt.dec(f.at[0, 'alpha']), n, ed.min_base)}; de eerste factor verklaart "
            f"{release(fmt.pct(100 * f.at[0, 'explained']), n, ed.min_base)} van de variantie; gemiddelde schaalscore "
            f"{d.cell(0, 'mean', fmt.dec)} (sd {d.cell(0, 'sd', fmt.dec)}, n = {fmt.num(n)}).",
            "Ladingen op de eerste hoofdcomponent; alleen organisaties die alle stellingen beantwoordden.",
        ]

    return declaration.Table(
        name=name, compute=lambda ed: _schaal_data(ed, scale), tabulate=tabulate, notes=notes,
        caption=lambda ed, d: f"Schaal {what}: ladingen en betrouwbaarheid per stelling ({ed.year})",
    )


#: The climate scale (statements of Figuur 2-13 without the first): loadings and alpha.
tabel_klimaatschaal = _schaal_table("climate_scale", f"tbl-{_SLUG}-klimaatschaal", "innovatieklimaat")
#: The conditions scale (the three statements of Figuur 2-15): loadings and alpha.
tabel_randvoorwaardenschaal = _schaal_table("conditions_scale", f"tbl-{_SLUG}-randvoorwaardenschaal",
                                            "randvoorwaarden voor innovatie")


def _verdeling(ed) -> pd.DataFrame | Notice:
    """The histogram frame of the climate scale (``attrs``: mean, sd, n), or a notice when the
    scores of too few organisations (fewer than two, or below the threshold) would show."""
    k = len(load_codebook().derived("climate_scale").items)
    dist = scales.scale_distribution(ed.df["climate_scale"], step=1 / k)
    if dist.attrs["n"] < max(2, ed.min_base):
        return too_few("de verdeling van de schaal innovatieklimaat", ed.year)
    return met_intervallen(dist.assign(year=ed.year, base=dist.attrs["n"]), ed)


def _verdeling_alt(ed, d: Disclosed) -> str:
    f = d.frame
    mean, sd, n = f.attrs["mean"], f.attrs["sd"], f.attrs["n"]
    mode = f.loc[f["pct"].idxmax()]
    middle = f[(f["bin_mid"] >= mean - sd) & (f["bin_mid"] <= mean + sd)]["pct"].sum()
    return (f"Histogram van de schaalscores innovatieklimaat ({fmt.num(n)} organisaties). De scores liggen "
            f"rond het gemiddelde van {fmt.dec(mean)}; {fmt.pct(middle)} van de organisaties scoort binnen één "
            f"standaarddeviatie ({fmt.dec(sd)}) daarvan. De meest voorkomende score is {fmt.dec(mode['bin_mid'])}.")


#: Figuur 2-14: distribution of the climate scale scores (histogram, % of organisations). The
#: mean and sd of the caption and alt text are those of the frame's ``attrs`` (the scores of all
#: ``n`` organisations, published only when ``n`` reaches the threshold: else a notice).
figuur_klimaatverdeling = declaration.Figure(
    name=f"fig-{_SLUG}-verdeling", report="Figuur 2-14",
    compute=_verdeling,
    draw=lambda f: figures.histogram(f, xlabel=load_codebook().derived("climate_scale").label, ylabel="",
                                     mean=f.attrs["mean"]),
    alt=_verdeling_alt,
    caption=lambda ed, d: (f"Verdeling van de schaalscores innovatieklimaat ({ed.year}, % van de organisaties; "
                           f"gemiddelde {fmt.dec(d.frame.attrs['mean'])}, standaarddeviatie "
                           f"{fmt.dec(d.frame.attrs['sd'])}, n = {fmt.num(d.frame.attrs['n'])})."),
)


def _grootte(ed) -> dict:
    return cached(ed, "klimaat-grootte", lambda: toets_grootte(ed))


def _grootte_tabel(ed, d: Disclosed) -> pd.DataFrame:
    labels = {**load_codebook().labels_long("size_class"), st.TOTAL: st.TOTAL}
    f = d.frame
    return pd.DataFrame({
        "Omvang": f["group"].map(labels),
        "Gemiddelde": [d.cell(i, "mean", fmt.dec) for i in f.index],
        "Standaarddeviatie": [d.cell(i, "sd", fmt.dec) for i in f.index],
        "n": [fmt.num(v) for v in f["n"]],
    })


def _grootte_notes(ed, d: Disclosed) -> list[str]:
    t = _grootte(ed)
    return [f"Variantieanalyse: F({t['df_between']}, {t['df_within']}) = {fmt.dec(t['F'])}, "
            f"p = {fmt.dec(t['p'], 3)}; het verschil tussen de grootteklassen is "
            f"{significance_word(t['p'])} significant (5%)."]


#: Mean climate score by size class (and in total), with the F-test of the difference.
tabel_klimaat_naar_grootte = declaration.Table(
    name=f"tbl-{_SLUG}-grootte",
    compute=lambda ed: met_intervallen((t := _grootte(ed))["means"].assign(F=t["F"], p=t["p"]), ed),
    tabulate=_grootte_tabel, notes=_grootte_notes,
    caption=lambda ed, d: f"Schaalscore innovatieklimaat naar organisatiegrootte ({ed.year})",
)


def _regressie(ed) -> pd.DataFrame:
    return cached(ed, "klimaat-regressie", lambda: regressie_sector(ed))


def _regressie_data(ed) -> pd.DataFrame | Notice:
    r = _regressie(ed)
    if r.empty:
        return Notice(f"De regressie van het innovatieklimaat op sector is met de gegevens van {years_text(_years(ed))} "
                      "niet te schatten (te weinig schaalscores of geen variatie); er is dus geen tabel.", "note")
    return r


def _regressie_tabel(ed, d: Disclosed) -> pd.DataFrame:
    f = d.frame
    return pd.DataFrame({
        "Term": np.where(f["term"] == "year", "Meting " + f["label"].astype(str), f["label"]),
        "n": [fmt.num(v) for v in f["n"]],
        "Verschil": [_shown_text(d, i, f.at[i, "coef"]) for i in f.index],
        "95%-interval": [_shown_text(d, i, f"{fmt.dec(f.at[i, 'ci_low'])} tot {fmt.dec(f.at[i, 'ci_high'])}", str)
                          for i in f.index],
        "p": [_shown_text(d, i, f.at[i, "p_value"], lambda v: fmt.dec(v, 3)) for i in f.index],
    })


def _regressie_notes(ed, d: Disclosed) -> list[str]:
    r = _regressie(ed)
    return [f"Lineaire regressie (kleinste kwadraten) van de schaalscore op sector en meetjaar; "
            f"referentie: {r.attrs['reference']}"
            + (f" en de meting van {r.attrs['first_year']}" if len(_years(ed)) > 1 else "")
            + f". n = {fmt.num(r.attrs['n'])}, R² = {fmt.dec(r.attrs['r2'])}. "
            f"# n kleiner dan {ed.min_base}."]


#: OLS of the climate score on sector and year (all years of the edition). A sector below the
#: threshold gets no coefficient, interval or p (on screen and in the download).
tabel_klimaat_regressie = declaration.Table(
    name=f"tbl-{_SLUG}-regressie",
    compute=_regressie_data, tabulate=_regressie_tabel, notes=_regressie_notes,
    caption=lambda ed, d: f"Verschillen in innovatieklimaat naar sector, regressie op de metingen {years_text(_years(ed))}",
    download=lambda r, ed: r.assign(coef=disclosure.mask(r["coef"], r["n"], ed.min_base),
                                    p_value=disclosure.mask(r["p_value"], r["n"], ed.min_base)),
)


def _clusters_tabel(ed, d: Disclosed) -> pd.DataFrame:
    th = load_codebook().derived(CLUSTER).thresholds
    crit = {1: f"score ≥ {fmt.dec(th['strong_min'], 1)}",
            2: f"{fmt.dec(th['limited_below'], 1)} ≤ score < {fmt.dec(th['strong_min'], 1)}",
            3: f"score < {fmt.dec(th['limited_below'], 1)}"}
    f = d.frame
    return pd.DataFrame({
        "Innovatieklimaat": f["label"],
        "Schaalscore": f["code"].map(crit),
        "Aantal": [d.cell(i, "count", fmt.num) for i in f.index],
        "Percentage": [d.cell(i, "pct") for i in f.index],
    })


#: The three climate clusters: criterion (codebook thresholds), n and share.
tabel_clusters = declaration.Table(
    name=f"tbl-{_SLUG}-clusters",
    compute=lambda ed: met_intervallen(clusterverdeling(ed).assign(year=ed.year), ed),
    tabulate=_clusters_tabel,
    caption=lambda ed, d: f"Drie groepen organisaties naar innovatieklimaat ({ed.year})",
    notes=lambda ed, d: [f"Basis: {fmt.num(int(d.frame['base'].max()))} organisaties met een schaalscore innovatieklimaat."],
)


def _sum_text(d: Disclosed, rows: list[int], column: str = "pct") -> disclosure.Released:
    """The sum of a column over ``rows`` as released text: the symbol when any part is hidden."""
    why = next((c.reason for c in d.protected.cells if c.row in rows and c.column == column), None)
    if why is not None:
        return disclosure.suppressed(why)
    values = pd.to_numeric(d.frame.loc[rows, column], errors="coerce")
    if not rows or values.isna().any():  # a group without respondents: no figure
        return disclosure.suppressed()
    return disclosure.Released(fmt.pct(float(values.sum())))


def _spectrum_parts(d: Disclosed) -> dict[str, tuple[list[int], list[int]]]:
    """Per group label: the rows of innovating organisations and the rows of multiple innovation."""
    cb = load_codebook()
    codes = cb.labels("spectrum_group")
    f = d.frame
    return {g: (list(sub.index[sub["code"] != min(codes)]), list(sub.index[sub["code"] == max(codes)]))
            for g, sub in f.groupby("group_label", sort=False)}


def _spectrum_draw(f: pd.DataFrame):
    cb = load_codebook()
    groups = [*cb.labels(CLUSTER).values(), st.TOTAL]
    plot = f.assign(bar=f["group_label"] + " (n = " + f["base"].map(fmt.num) + ")")
    order = [plot.loc[plot["group_label"] == g, "bar"].iloc[0] for g in groups if (plot["group_label"] == g).any()]
    colors = [figures.OKABE_ITO["grey"], figures.OKABE_ITO["sky"], figures.OKABE_ITO["blue"]]
    return figures.stacked_bars(plot, y="bar", category="label", x="pct",
                                category_order=list(cb.labels("spectrum_group").values()), order=order,
                                colors=colors, xlabel="")


def _spectrum_alt(ed, d: Disclosed) -> str:
    groups = list(load_codebook().labels(CLUSTER).values())
    parts = _spectrum_parts(d)
    inno = ", ".join(f"{g.lower()} {_sum_text(d, parts[g][0])}" for g in groups if g in parts)
    multi = ", ".join(f"{g.lower()} {_sum_text(d, parts[g][1])}" for g in groups if g in parts and parts[g][1])
    return ("Gestapelde staven per klimaatgroep met het aandeel organisaties zonder innovatie, met een "
            f"enkelvoudige en met een meervoudige innovatie. Innovatie: {inno}. Meervoudig: {multi}.")


#: Figuur 2-16: no / single / multiple innovation per climate cluster (and in total). With the
#: total shown, a single hidden cluster would follow from it: the policy hides a second one.
figuur_spectrum_naar_cluster = declaration.Figure(
    name=f"fig-{_SLUG}-spectrum-clusters", report="Figuur 2-16",
    compute=lambda ed: met_intervallen(spectrum_naar_cluster(ed).assign(year=ed.year), ed),
    draw=_spectrum_draw, alt=_spectrum_alt,
    caption=lambda ed, d: f"Innovatie en innovatiespectrum naar innovatieklimaat ({ed.year}, % van de organisaties per groep).",
    note=interval_download_note(),
)


def _succesfactoren_download(ed, w: pd.DataFrame, codes: list) -> pd.DataFrame:
    """The download of Figuur 2-17: per factor and group the share with its interval (Wilson,
    FPC) and the difference krachtig minus beperkt with its interval (Newcombe, FPC)."""
    cb = load_codebook()
    pop = domain_population(ed.year, len(ed.df))
    names = {**{g: cb.labels(CLUSTER)[g].lower() for g in codes}, st.TOTAL: st.TOTAL.lower()}
    data = w[["label"]].reset_index()
    counts = {}
    for g, name in names.items():
        pct, n = w[g].to_numpy(dtype=float), w[f"n_{g}"].to_numpy(dtype=float)
        counts[g] = [round(p * b / 100.0) if not (np.isnan(p) or np.isnan(b)) else np.nan for p, b in zip(pct, n)]
        bounds = [share_ci(c, int(b), pop(int(b))) if not np.isnan(c) and b > 0 else (np.nan, np.nan)
                  for c, b in zip(counts[g], n)]
        data[f"pct_{name}"], data[f"n_{name}"] = pct, n
        data[f"ondergrens_{name}"] = [b[0] for b in bounds]
        data[f"bovengrens_{name}"] = [b[1] for b in bounds]
    strong, limited = codes[0], codes[-1]
    data["diff_pp"] = w["diff_pp"].to_numpy(dtype=float)
    diff = [difference_ci(cl, int(nl), cs, int(ns), pop(int(nl)), pop(int(ns)))
            if not (np.isnan(cl) or np.isnan(cs)) and min(nl, ns) > 0 else (np.nan, np.nan)
            for cl, nl, cs, ns in zip(counts[limited], w[f"n_{limited}"], counts[strong], w[f"n_{strong}"])]
    data["ondergrens"], data["bovengrens"] = [d[0] for d in diff], [d[1] for d in diff]
    return data


def _succesfactoren(ed) -> pd.DataFrame:
    return cached(ed, "klimaat-succesfactoren", lambda: succesfactoren_naar_cluster(ed))


def _succesfactoren_long(ed) -> pd.DataFrame:
    """Figuur 2-17 as drawn: per factor and cluster the share 'bevorderd', its base and interval."""
    w = _succesfactoren(ed)
    codes = list(load_codebook().labels(CLUSTER))
    long = pd.concat([pd.DataFrame({"label": w["label"], "group": g, "pct": w[g], "base": w[f"n_{g}"]})
                      for g in codes], ignore_index=True)
    return met_intervallen(long.assign(year=ed.year), ed)


def _succesfactoren_alt(ed, d: Disclosed) -> str:
    codes = list(load_codebook().labels(CLUSTER))
    wide = d.frame.pivot_table(index="label", columns="group", values="pct", sort=False, dropna=False)
    diff = (wide[codes[0]] - wide[codes[-1]]).dropna().sort_values(ascending=False, kind="stable").head(2)
    return ("Gegroepeerde staven: per factor het aandeel organisaties dat de factor als bevorderend zag, "
            "voor een krachtig, gemiddeld en beperkt innovatieklimaat. De grootste verschillen tussen krachtig en "
            "beperkt zijn er bij " + join_nl([f"'{label}' ({fmt.pp(v)})" for label, v in diff.items()]) + ".")


def _succesfactoren_caption(ed, d: Disclosed) -> str:
    cb = load_codebook()
    f = d.frame
    ns = ", ".join(f"{cb.labels(CLUSTER)[g].lower()} {fmt.num(int(f.loc[f['group'] == g, 'base'].max()))}"
                   for g in cb.labels(CLUSTER))
    return (f"Factoren die het innovatieproces (enigszins of sterk) bevorderden, naar innovatieklimaat "
            f"({ed.year}, % van de organisaties die innoveerden; n = {ns}).")


#: Figuur 2-17: % 'bevorderd' per factor in the three climate clusters. The download (hook) is
#: wide: per factor each cluster's share with its interval and the difference krachtig minus
#: beperkt with its interval.
figuur_succesfactoren_naar_cluster = declaration.Figure(
    name=f"fig-{_SLUG}-succesfactoren-clusters", report="Figuur 2-17",
    compute=_succesfactoren_long,
    draw=lambda f: figures.bar_shares(f, y="label", x="pct", hue="group", hue_labels=load_codebook().labels(CLUSTER),
                                      hue_order=list(load_codebook().labels(CLUSTER)),
                                      order=list(dict.fromkeys(f["label"])), xlabel="", interval=BOUNDS),
    alt=_succesfactoren_alt, caption=_succesfactoren_caption, note=whisker_note(),
    download=lambda long, ed: _succesfactoren_download(ed, _succesfactoren(ed), list(load_codebook().labels(CLUSTER))),
)


# ----------------------------------------------------------------------------- comparison sentences
def _shown_change(before: float, now: float) -> float:
    """Change in percentage points between two percentages as printed (rounded half up); NaN when one is missing."""
    if fmt.is_missing(before) or fmt.is_missing(now):
        return float("nan")
    return float(fmt.round_half_up(now, 0)) - float(fmt.round_half_up(before, 0))


def grootste_verandering(shares: dict, prev: int, year: int, intervals: dict | None = None) -> str:
    """Sentence naming the statement whose agreement changed most between two measurements.

    Parameters
    ----------
    shares : dict
        Statement label -> (percentage in ``prev``, percentage in ``year``), full precision.
    prev, year : int
        Earlier and current measurement year.
    intervals : dict, optional
        Statement label -> 95% interval of the change (percentage points, e.g.
        :func:`barometer.presentation.intervals.verschil_interval`, or None): the named
        change then carries its interval (:func:`barometer.presentation.phrasing.difference_interval`).

    Returns
    -------
    str
        The statement with the largest absolute change *as printed* (whole percentages;
        ties go to the larger change at full precision, then to the first statement), with
        its direction and both values; when no printed percentage changed, a sentence saying
        that none changed, so that "sterkst veranderd" never goes with "gelijk gebleven".
    """
    shares = {lab: ab for lab, ab in shares.items() if not (fmt.is_missing(ab[0]) or fmt.is_missing(ab[1]))}
    if not shares:
        return (f"Of de instemming met de stellingen sinds {prev} veranderde, is niet te zeggen: "
                "er zijn te weinig waarnemingen.")
    changes = {lab: (_shown_change(a, b), b - a) for lab, (a, b) in shares.items()}
    label = max(changes, key=lambda lab: (abs(changes[lab][0]), abs(changes[lab][1])))
    if changes[label][0] == 0:
        return (f"Ten opzichte van {prev} is de instemming met geen van de stellingen veranderd: "
                f"elk aandeel is in {year} even groot als in {prev}.")
    a, b = shares[label]
    word = compare_word(a, b, decimals=0)
    ci = (intervals or {}).get(label)
    beside = f" {difference_interval(ci[0], ci[1], b - a)}" if ci is not None else ""
    return (f"Ten opzichte van {prev} veranderde de instemming het sterkst bij de stelling "
            f"'{lower_first(label)}': het aandeel dat het ermee eens is, is {word} van {fmt.pct(a)} "
            f"in {prev} naar {fmt.pct(b)} in {year}{beside}.")


def verandering_per_stelling(shares: dict, prev: int, year: int) -> str:
    """Sentence with the direction of the agreement with each statement since ``prev``.

    Statements are grouped by direction word (gestegen, gelijk gebleven, gedaald, in that
    order), each with its two printed percentages; directions compare the printed values.
    """
    groups: dict[str, list[str]] = {}
    for label, (a, b) in shares.items():
        word = compare_word(a, b, decimals=0)
        values = (f"{fmt.pct(b)} in beide jaren" if word == "gelijk gebleven"
                  else f"van {fmt.pct(a)} naar {fmt.pct(b)}")
        groups.setdefault(word, []).append(f"'{lower_first(label)}' ({values})")
    parts = [f"{word} bij {join_nl(groups[word])}" for word in ("gestegen", "gelijk gebleven", "gedaald")
             if word in groups]
    return f"Vergeleken met {prev} is de instemming " + join_nl(parts) + "."


def _grootte_zin(ed) -> disclosure.Released:
    """Sentence with the difference of the mean climate score between every two size classes and
    its interval (Welch, with the finite-population correction). A difference is shown only when
    both means are shown in the table by size (:data:`tabel_klimaat_naar_grootte`, disclosed):
    beside a shown mean it would give a hidden one away."""
    v = verschillen_grootte(ed)
    _, d = tabel_klimaat_naar_grootte.disclosed(ed)
    labels = {c: lower_first(l) for c, l in load_codebook().labels("size_class").items()}

    def beside(r) -> disclosure.Released:
        why = d.reason("mean", group=r.a) or d.reason("mean", group=r.b)
        if why is not None:
            return disclosure.suppressed(why)
        return release(mean_difference_interval(r.low, r.high, r.diff), [r.n_a, r.n_b], ed.min_base)

    parts = [compose("{b} tegenover {a} {verschil}", b=labels[r.b], a=labels[r.a], verschil=beside(r))
             for r in v.itertuples() if not fmt.is_missing(r.diff)]
    if not parts:
        return disclosure.Released("De gemiddelde scores van de grootteklassen zijn niet te vergelijken.")
    return compose("De gemiddelde scores van de grootteklassen vergeleken: {delen}.", delen=join(parts, join_nl))


def _sector_lijst(ed, rows: pd.DataFrame, n_reference: int | None) -> disclosure.Released | str:
    """Sectors with their difference from the reference (OLS coefficient) and its 95% interval."""
    if not len(rows):
        return "geen enkele sector"
    parts = [compose("{sector} {verschil}", sector=r.label,
                     verschil=release(mean_difference_interval(r.ci_low, r.ci_high, r.coef), [r.n, n_reference],
                                      ed.min_base))
             for r in rows.itertuples()]
    return join(parts, join_nl)


# ----------------------------------------------------------------------------- key figures
def kerncijfers(ed) -> dict:
    """Glue the chapter's key figures, direction words and comparison sentences.

    Returns
    -------
    dict
        Glued key -> Dutch text. See the chapter for their use; every key is glued in
        every edition (sentences say so when there is no comparison year).
    """
    cb = load_codebook()
    df, year = ed.df, ed.year
    out: dict[str, str] = {}
    # statements
    f = stellingen(ed, "climate").set_index(["year", "item"])
    now = f.loc[year]
    out["n_organisaties"] = public(fmt.num(int(now["base"].max())))
    first = cb.items("climate")[0]
    for item in cb.items("climate"):
        out[f"pct_{item}"] = release(fmt.pct(now.loc[item, "pct"]), now.loc[item, "base"], ed.min_base)
    top2 = now.sort_values("pct", ascending=False, kind="stable").index[:2]
    out["klimaat_top2"] = join_nl([lower_first(cb.label(i)) for i in top2])
    out["eerste_stelling"] = lower_first(cb.label(first))
    # climate scale
    k = schaal_betrouwbaarheid(ed, "climate_scale")
    out.update({
        "klimaat_alpha": release(fmt.dec(k["reliability"].alpha), k["n"], ed.min_base),
        "klimaat_alpha_oordeel": "voldoende" if k["reliability"].alpha >= factoren.ALPHA_MIN else "onvoldoende",
        "klimaat_mean": release(fmt.dec(k["mean"]), k["n"], ed.min_base),
        "klimaat_sd": release(fmt.dec(k["sd"]), k["n"], ed.min_base), "klimaat_n": public(fmt.num(k["n"])),
        "klimaat_items": metadata(fmt.num(len(cb.derived("climate_scale").items))),
        "klimaat_min_loading": release(fmt.dec(k["reliability"].items["loading"].min()), k["n"], ed.min_base),
    })
    skew = float(pd.to_numeric(df["climate_scale"], errors="coerce").dropna().astype(float).skew())
    out["klimaat_scheefheid"] = release(fmt.dec(skew), k["n"], ed.min_base)
    out["klimaat_vorm"] = "redelijk symmetrisch" if abs(skew) < 0.5 else "duidelijk scheef"
    # size
    t = _grootte(ed)
    sizes = t["means"]["n"] if "means" in t else []  # the F test compares the size classes
    out.update({"grootte_F": release(fmt.dec(t["F"]), sizes, ed.min_base),
                "grootte_p": release(fmt.dec(t["p"], 3), sizes, ed.min_base),
                "grootte_wel_niet": significance_word(t["p"]),
                "grootte_claim": ("is niet te toetsen" if fmt.is_missing(t["p"])
                                  else claim_phrase(claim_outcome(ed, "CL26"), "klopt", "klopt niet"))})
    out["zin_grootte_verschillen"] = _grootte_zin(ed)
    # sector (regression on all years)
    r = _regressie(ed)
    sec = r[(r["term"] == "sector") & (r["n"] >= ed.min_base)]
    hi = sec[(sec["coef"] > 0) & (sec["p_value"] < ALPHA)]
    lo = sec[(sec["coef"] < 0) & (sec["p_value"] < ALPHA)]
    out["sector_hoger"] = _sector_lijst(ed, hi, r.attrs.get("n_reference"))
    out["sector_lager"] = _sector_lijst(ed, lo, r.attrs.get("n_reference"))
    out["sector_referentie"] = r.attrs["reference"]
    out["sector_n_sign"] = metadata(fmt.num(len(hi) + len(lo)))  # numbers of sectors, not of respondents
    out["sector_n"] = metadata(fmt.num(len(sec)))
    # national government
    nt = st.means(df, "climate_scale", by="national_type", years=year)
    ntd = disclose(nt, ed.min_base, "Tabel B1-11", ed.year)  # as Tabel B1-11 shows them (with its total)
    nt = nt[nt["group"] != st.TOTAL].sort_values("mean", ascending=False, kind="stable")
    labels = cb.labels("national_type")
    parts = [compose("{wie} ({score})", wie=lower_first(labels[int(g)]),
                     score=ntd.text("mean", fmt.dec, year=year, group=g)) for g in nt["group"]]
    out["rijk_volgorde"] = (compose("{eerste}{rest}", eerste=parts[0],
                                    rest=compose(", gevolgd door {rest}", rest=join(parts[1:], join_nl))
                                    if len(parts) > 1 else "")
                            if parts else "geen onderdeel van de Rijksoverheid (geen respondenten)")
    # conditions
    c = stellingen(ed, "conditions").set_index(["year", "item"]).loc[year]
    for item in cb.items("conditions"):
        out[f"pct_{item}"] = release(fmt.pct(c.loc[item, "pct"]), c.loc[item, "base"], ed.min_base)
    rc = schaal_betrouwbaarheid(ed, "conditions_scale")
    out.update({"rv_alpha": release(fmt.dec(rc["reliability"].alpha), rc["n"], ed.min_base),
                "rv_mean": release(fmt.dec(rc["mean"]), rc["n"], ed.min_base),
                "rv_mean1": release(fmt.dec(rc["mean"], 1), rc["n"], ed.min_base), "rv_n": public(fmt.num(rc["n"])),
                "rv_alpha_oordeel": "voldoende" if rc["reliability"].alpha >= factoren.ALPHA_MIN else "onvoldoende"})
    # comparison sentences
    prev = ed.previous_year
    if prev is None:
        none = NO_COMPARISON
        out["zin_klimaat_vergelijking"] = none
        out["zin_rv_vergelijking"] = none
    else:
        old = f.loc[prev]
        mword = compare_word(k[f"mean_{prev}"], k["mean"], decimals=2)
        mean_part = (f"{mword}: {fmt.dec(k['mean'])} in {prev} en in {year}" if mword == "gelijk gebleven" else
                     f"{mword} van {fmt.dec(k[f'mean_{prev}'])} in {prev} naar {fmt.dec(k['mean'])} in {year}")
        before, after = _scores(ed, prev), _scores(ed, year)
        m_lo, m_hi = verschil_gemiddelde(ed, before, after, prev, year)
        mean_part += f" {mean_difference_interval(m_lo, m_hi, k['mean'] - k[f'mean_{prev}'])}"
        # the sentences cite shares and means of all organisations of both years
        both = [old["base"].min(), now["base"].min(), k["n"], len(before)]
        out["zin_klimaat_vergelijking"] = release(
            grootste_verandering({cb.label(i): (old.loc[i, "pct"], now.loc[i, "pct"]) for i in cb.items("climate")},
                                 prev, year, {cb.label(i): verschil_interval(ed, old.loc[i], now.loc[i], prev)
                                              for i in cb.items("climate")})
            + f" De gemiddelde schaalscore is {mean_part}.", both, ed.min_base
        )
        cold = stellingen(ed, "conditions").set_index(["year", "item"]).loc[prev]
        out["zin_rv_vergelijking"] = release(verandering_per_stelling(
            {cb.label(i): (cold.loc[i, "pct"], c.loc[i, "pct"]) for i in cb.items("conditions")}, prev, year),
            [cold["base"].min(), c["base"].min()], ed.min_base)
    # clusters
    cl = clusterverdeling(ed).set_index("code")
    th = cb.derived(CLUSTER).thresholds
    out["grens_krachtig"] = metadata(fmt.dec(th["strong_min"], 1))
    out["grens_beperkt"] = metadata(fmt.dec(th["limited_below"], 1))
    names = {code: lab.lower() for code, lab in cb.labels(CLUSTER).items()}
    for code, name in names.items():
        out[f"aandeel_{name}"] = release(fmt.pct(cl.loc[code, "pct"]), cl.loc[code, "base"], ed.min_base)
    # innovation per cluster: cells of Figuur 2-16 as disclosed (a cluster hidden there is hidden here)
    _, sp = figuur_spectrum_naar_cluster.disclosed(ed)
    parts = _spectrum_parts(sp)
    for code, name in names.items():
        inno_rows, multi_rows = parts.get(cb.labels(CLUSTER)[code], ([], []))
        out[f"innovatie_{name}"] = _sum_text(sp, inno_rows)
        out[f"meervoudig_{name}"] = _sum_text(sp, multi_rows)
    inno = [float(sp.frame.loc[parts[cb.labels(CLUSTER)[code]][0], "pct"].sum())
            if out[f"innovatie_{name}"].reason == "shown" and cb.labels(CLUSTER)[code] in parts else float("nan")
            for code, name in names.items()]
    out["innovatie_volgorde"] = ("wel" if all(not fmt.is_missing(v) for v in inno)
                                 and all(fmt.round_half_up(a) >= fmt.round_half_up(b) for a, b in zip(inno, inno[1:]))
                                 else "niet")
    # success factors by cluster
    w = _succesfactoren(ed)
    strong, mid, limited = list(names)
    for item in QUOTED_DIFFERENCES:  # strong against limited climate: both groups' bases
        out[f"verschil_{item}"] = release(fmt.pp(w.loc[item, "diff_pp"]),
                                          [w.loc[item, f"n_{strong}"], w.loc[item, f"n_{limited}"]], ed.min_base)
        out[f"richting_{item}"] = "vaker" if w.loc[item, "diff_pp"] > 0 else "minder vaak"
    big = w.sort_values("diff_pp", ascending=False, kind="stable").head(2)
    out["grootste_verschillen"] = join_nl([lower_first(l) for l in big["label"]])
    out["grootste_claim"] = ("wel" if set(big.index) == {"factor_technology", "factor_incentives"} else "niet")
    out["n_krachtig_beter"] = release(fmt.num(int((w[strong] > w[limited]).sum())),
                                      [w[f"n_{strong}"].min(), w[f"n_{limited}"].min()], ed.min_base)
    out["n_factoren"] = metadata(fmt.num(len(w)))
    for key, text in out.items():
        glue_text(key, text)
    return out

