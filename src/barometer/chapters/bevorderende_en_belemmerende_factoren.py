"""Exhibits of the chapter *Bevorderende en belemmerende factoren* (report §2.3).

Every exhibit takes an :class:`barometer.book.edition.Edition` and is declared
(:mod:`barometer.presentation.declaration`): the pipeline computes it, applies the disclosure policy
once and draws, tabulates and describes it from that disclosed frame; :func:`kerncijfers` glues
the chapter's key figures. Labels come from the codebook, numbers from
:mod:`barometer.analysis.statistics`, formatting from :mod:`barometer.presentation.formatting`.

Examples
--------
>>> from barometer.book.edition import Edition
>>> from barometer.chapters import bevorderende_en_belemmerende_factoren as ex
>>> ed = Edition.open(2025, [2021])
>>> ex.aandeel_bevorderd(ed.df).loc["factor_staff", "pct"]  # doctest: +SKIP
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration
from barometer.presentation.exhibit import Disclosed, Notice
from barometer.presentation import figures
from barometer.analysis import models, scales
from barometer.presentation.claims import MIN_RELIABILITY
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import cached, difference_interval, interval_download_note, whisker_note
from barometer.presentation.phrasing import mean_difference_interval
from barometer.presentation.phrasing import compare_word, ALPHA, NO_COMPARISON, join_nl, lower_first, p_text, significance_word, too_few
from barometer.presentation.disclosure import metadata, public, release
from barometer.presentation.glue import glue_text
from barometer.analysis.uncertainty import difference_ci, domain_population, holm, mean_difference_ci, share_ci

__all__ = [
    "FACTOR",
    "HUMAN_CAPITAL",
    "aandeel_bevorderd",
    "factor_verdeling",
    "vergelijking_bevorderd",
    "menselijk_kapitaal",
    "figuur_factoren",
    "figuur_factoren_vergelijking",
    "tabel_menselijk_kapitaal",
    "kerncijfers",
]

#: Codebook question of the 17 factors.
FACTOR = "factor"
#: Derived scale of the first three factors.
HUMAN_CAPITAL = "human_capital"
_SLUG = "bevorderende-en-belemmerende-factoren"
#: Lower bound of Cronbach's alpha for a reliable scale (:data:`barometer.presentation.claims.MIN_RELIABILITY`).
ALPHA_MIN = MIN_RELIABILITY


def _summary_codes(cb) -> list[int]:
    return [int(c) for c in cb.variable(FACTOR).display["summary_codes"]]


def _hinder_codes(cb) -> list[int]:
    """Codes meaning 'belemmerd' (the codes below the neutral middle of the scale)."""
    codes = sorted(c for c in cb.labels(cb.items(FACTOR)[0]) if c not in cb.column(cb.items(FACTOR)[0]).recode)
    mid = codes[len(codes) // 2]
    return [c for c in codes if c < mid]


def _neutral_code(cb) -> int:
    codes = sorted(c for c in cb.labels(cb.items(FACTOR)[0]) if c not in cb.column(cb.items(FACTOR)[0]).recode)
    return codes[len(codes) // 2]


# ----------------------------------------------------------------------------- analysis
def factor_verdeling(df: pd.DataFrame, year: int) -> pd.DataFrame:
    """Distribution of every factor over the five answer categories in one year.

    Parameters
    ----------
    df : DataFrame
        Respondents (derived variables added), one or more years.
    year : int

    Returns
    -------
    DataFrame
        Columns ``item``, ``label`` (factor), ``code``, ``code_label``, ``count``, ``base``,
        ``pct`` (0–100, full precision); items in codebook order.

    Notes
    -----
    Base: innovators of the year with an answer. 'Weet niet' (9) is counted as
    'bevorderd noch belemmerd' (3), the codebook recode (assumption A05).
    """
    f = st.frequencies(df, FACTOR, years=year)
    return f[["item", "label", "code", "code_label", "count", "base", "pct"]].reset_index(drop=True)


def aandeel_bevorderd(df: pd.DataFrame, year: int | None = None, by: str | None = None) -> pd.DataFrame:
    """Share of innovators for whom each factor (enigszins of sterk) promoted the innovation.

    Parameters
    ----------
    df : DataFrame
    year : int, optional
        Restrict to one year.
    by : str, optional
        Grouping column (``"climate_cluster"``); the total is included as ``"Totaal"``.

    Returns
    -------
    DataFrame
        Columns ``year``, ``group``, ``item``, ``label``, ``count``, ``base``, ``pct``.
        Without ``by`` and with one year, indexed by ``item``.
    """
    f = st.frequencies(df, FACTOR, by=by, years=year, summary=True)
    out = f[["year", "group", "item", "label", "count", "base", "pct"]].reset_index(drop=True)
    if by is None and year is not None:
        out = out.set_index("item", drop=False)
    return out


def _share_codes(df: pd.DataFrame, year: int, codes: list[int]) -> pd.Series:
    f = factor_verdeling(df, year)
    return f[f["code"].isin(codes)].groupby("item", sort=False)["pct"].sum()


def vergelijking_bevorderd(ed) -> pd.DataFrame:
    """Share 'bevorderd' per factor in the edition's year and its previous comparison year.

    Returns
    -------
    DataFrame
        One row per factor (codebook order): ``item``, ``label``, ``pct_<year>``,
        ``n_<year>``, ``ondergrens_<year>``, ``bovengrens_<year>`` (Wilson with the
        finite-population correction, :func:`barometer.analysis.uncertainty.share_ci`) for both years, ``diff_pp`` (this year minus the previous),
        ``ondergrens``, ``bovengrens`` (95% interval of ``diff_pp``, Newcombe's hybrid score
        with the finite-population correction, :func:`barometer.analysis.uncertainty.difference_ci`),
        ``p_value`` (two-sided z-test of two proportions, :func:`barometer.analysis.models.proportion_test`)
        and ``p_gecorrigeerd`` (Holm over the family of all factors,
        :func:`barometer.analysis.uncertainty.holm`): the verdicts follow the corrected p. Empty when
        the edition has no comparison year.
    """
    prev = ed.previous_year
    if prev is None:
        return pd.DataFrame(columns=["item", "label", "diff_pp", "ondergrens", "bovengrens", "p_value",
                                     "p_gecorrigeerd"])
    now = aandeel_bevorderd(ed.df, ed.year)
    old = aandeel_bevorderd(ed.frames[prev], prev)
    pops = {y: domain_population(y, len(ed.frames[y])) for y in (prev, ed.year)}
    rows = []
    for item in now.index:
        a, b = now.loc[item], old.loc[item]
        lo, hi = difference_ci(int(b["count"]), int(b["base"]), int(a["count"]), int(a["base"]),
                               pops[prev](int(b["base"])), pops[ed.year](int(a["base"])))
        lo_b, hi_b = share_ci(int(b["count"]), int(b["base"]), pops[prev](int(b["base"])))
        lo_a, hi_a = share_ci(int(a["count"]), int(a["base"]), pops[ed.year](int(a["base"])))
        rows.append({
            "item": item,
            "label": a["label"],
            f"pct_{prev}": b["pct"], f"n_{prev}": int(b["base"]),
            f"ondergrens_{prev}": lo_b, f"bovengrens_{prev}": hi_b,
            f"pct_{ed.year}": a["pct"], f"n_{ed.year}": int(a["base"]),
            f"ondergrens_{ed.year}": lo_a, f"bovengrens_{ed.year}": hi_a,
            "diff_pp": a["pct"] - b["pct"], "ondergrens": lo, "bovengrens": hi,
            "p_value": (models.proportion_test(int(b["count"]), int(b["base"]), int(a["count"]), int(a["base"]))["p"]
                        if min(int(a["base"]), int(b["base"])) > 0 else float("nan")),
        })
    out = pd.DataFrame(rows)
    out["p_gecorrigeerd"] = holm(out["p_value"].to_numpy())
    return out


def menselijk_kapitaal(ed) -> dict:
    """Reliability, loadings, mean and correlation with the climate scale of the human-capital scale.

    Returns
    -------
    dict
        ``items`` (list), ``alpha``, ``loadings`` (Series by item), ``mean``, ``sd``, ``n``,
        ``r_climate`` (Pearson correlation with ``climate_scale``), ``p_climate``, ``n_climate``,
        and per comparison year ``mean_<year>``, ``n_<year>`` plus ``p_mean_diff``
        (Welch t-test against the previous year) and ``diff_low``, ``diff_high`` (Welch's 95%
        interval of this year's mean minus the previous one, with the finite-population
        correction, :func:`barometer.analysis.uncertainty.mean_difference_ci`), when available.

    Notes
    -----
    Items are recoded first ('weet niet' → 3). Alpha and loadings
    (:func:`barometer.analysis.scales.reliability`) on complete cases of the edition's year;
    loadings are those of the first principal component of the item correlations.
    """
    from scipy import stats as sps

    df = ed.df
    rel = scales.reliability(df, HUMAN_CAPITAL, year=ed.year)
    m = st.means(df, HUMAN_CAPITAL, years=ed.year).iloc[0]
    hc = pd.to_numeric(df[HUMAN_CAPITAL], errors="coerce").astype(float)
    cor = scales.scale_correlation(df, HUMAN_CAPITAL, "climate_scale", year=ed.year)
    out = {
        "items": list(rel.items["item"]),
        "alpha": rel.alpha,
        "explained": rel.explained,
        "loadings": rel.items.set_index("item")["loading"],
        "item_table": rel.items,
        "mean": float(m["mean"]), "sd": float(m["sd"]), "n": int(m["n"]),
        "r_climate": cor["r"], "p_climate": cor["p"], "n_climate": cor["n"],
    }
    prev = ed.previous_year
    if prev is not None:
        old = pd.to_numeric(ed.frames[prev][HUMAN_CAPITAL], errors="coerce").dropna().astype(float)
        out[f"mean_{prev}"] = float(old.mean()) if len(old) else float("nan")
        out[f"n_{prev}"] = int(len(old))
        try:  # Welch (statsmodels): a group without variance is no warning; none in either is no test
            out["p_mean_diff"] = float(models.welch_test(old, hc)["p"])
        except models.ModelError:
            out["p_mean_diff"] = float("nan")
        now = hc.dropna()
        pops = {y: domain_population(y, len(ed.frames[y])) for y in (prev, ed.year)}
        out["diff_low"], out["diff_high"] = mean_difference_ci(
            old, now, pops[prev](len(old)) if len(old) else None, pops[ed.year](len(now)) if len(now) else None)
    return out


# ----------------------------------------------------------------------------- exhibits
# Every exhibit is a declaration (barometer.presentation.declaration): compute at full precision →
# disclose (primary + secondary) → draw/tabulate, alt text and caption from the disclosed frame
# → downloads and sidecar → glue.
def _verdeling_data(ed) -> pd.DataFrame | Notice:
    """Figuur 2-12's frame (year, item, label, code, code_label, count, base, pct and intervals),
    or a notice when no share can be computed."""
    f = factor_verdeling(ed.df, ed.year)
    if f["pct"].notna().sum() == 0:
        return too_few("de bevorderende en belemmerende factoren", ed.year)
    data = f.assign(year=ed.year)[["year", "item", "label", "code", "code_label", "count", "base", "pct"]]
    return met_intervallen(data, ed)


def _sum_by_item(f: pd.DataFrame, codes: list[int]) -> pd.Series:
    """Per item (codebook order) the summed share of ``codes``; NaN when a part is hidden."""
    sub = f[f["code"].isin(codes)]
    return sub.groupby("item", sort=False)["pct"].sum(min_count=1).where(
        sub.groupby("item", sort=False)["pct"].apply(lambda s: s.notna().all()))


def _verdeling_alt(ed, d: Disclosed) -> str:
    cb = load_codebook()
    f = d.frame
    bev = _sum_by_item(f, _summary_codes(cb)).dropna()
    hinder = _sum_by_item(f, _hinder_codes(cb)).dropna()
    n_items = f["label"].nunique()
    if bev.empty or hinder.empty:
        return (f"Liggende gestapelde staven voor {n_items} factoren; de aandelen berusten op te weinig "
                "organisaties om te tonen.")
    top, worst = bev.idxmax(), hinder.idxmax()
    return (f"Liggende gestapelde staven voor {n_items} factoren. "
            f"'{cb.label(top)}' heeft het vaakst het innovatieproces bevorderd "
            f"({fmt.pct(bev[top])}); '{cb.label(worst)}' heeft het vaakst belemmerd "
            f"({fmt.pct(hinder[worst])}). Bij de meeste factoren overheerst het neutrale midden.")


def _verdeling_caption(ed, d: Disclosed) -> str:
    cb = load_codebook()
    n = int(d.frame["base"].max()) if len(d.frame) else 0
    return (f"Bevorderende en belemmerende factoren bij de meest recente innovatie, {ed.year} "
            f"(% van de organisaties die innoveerden, n = {fmt.num(n)}; 'weet niet' telt als "
            f"'{lower_first(cb.labels(cb.items(FACTOR)[0])[_neutral_code(cb)])}').")


#: Figuur 2-12: the 17 factors as 100% stacked bars of the five answer categories. Base: innovators
#: of the edition's year with an answer; 'weet niet' merged with 'bevorderd noch belemmerd'.
figuur_factoren = declaration.Figure(
    name=f"fig-{_SLUG}-verdeling", report="Figuur 2-12",
    compute=_verdeling_data,
    draw=lambda f: figures.stacked_bars(f, y="label", category="code_label", x="pct", xlabel=""),
    alt=_verdeling_alt, caption=_verdeling_caption, note=interval_download_note(),
)


def _vergelijking_data(ed) -> pd.DataFrame | Notice:
    comp = vergelijking_bevorderd(ed)
    if comp.empty:
        return Notice(NO_COMPARISON)
    if comp["diff_pp"].notna().sum() == 0:
        return too_few("de vergelijking van de factoren tussen de metingen", ed.year)
    return comp


def _vergelijking_years(f: pd.DataFrame) -> tuple[int, int]:
    """(previous year, edition year) of the wide comparison frame (its ``pct_<year>`` columns)."""
    years = sorted(int(c.split("_")[1]) for c in f.columns if c.startswith("pct_"))
    return years[0], years[-1]


def _vergelijking_draw(f: pd.DataFrame):
    prev, year = _vergelijking_years(f)
    long = pd.concat([
        f[["label"]].assign(year=y, pct=f[f"pct_{y}"], base=f[f"n_{y}"], ondergrens=f[f"ondergrens_{y}"],
                            bovengrens=f[f"bovengrens_{y}"]) for y in (year, prev)
    ], ignore_index=True)
    return figures.bar_shares(long, y="label", x="pct", hue="year", hue_order=[year, prev],
                              order=list(f["label"]), xlabel="", interval=BOUNDS)


def _vergelijking_alt(ed, d: Disclosed) -> str:
    f = d.frame
    prev, year = _vergelijking_years(f)
    sig = f[f["p_gecorrigeerd"] < ALPHA]
    i = f["diff_pp"].abs().idxmax()
    return (f"Gegroepeerde staven per factor: aandeel 'bevorderd' in {prev} en {year}. "
            f"Het grootste verschil is er bij '{f.at[i, 'label']}' "
            f"({d.cell(i, f'pct_{prev}')} tegen {d.cell(i, f'pct_{year}')}); "
            f"{len(sig)} van de {len(f)} verschillen zijn statistisch significant (na correctie van Holm).")


def _vergelijking_caption(ed, d: Disclosed) -> str:
    f = d.frame
    prev, year = _vergelijking_years(f)
    return (f"Factoren die het innovatieproces (enigszins of sterk) bevorderden, {prev} en {year} "
            f"(% van de organisaties die innoveerden; n = {fmt.num(f[f'n_{prev}'].max())} en "
            f"{fmt.num(f[f'n_{year}'].max())})")


#: % 'bevorderd' per factor, this year against the previous measurement (Figuur 2-12 compared);
#: a notice when the edition has no comparison year. A year's share below the threshold gets no
#: bar and no whisker; the download keeps the difference with its interval and both p-values.
figuur_factoren_vergelijking = declaration.Figure(
    name=f"fig-{_SLUG}-vergelijking", report="Figuur 2-12",
    compute=_vergelijking_data, draw=_vergelijking_draw, alt=_vergelijking_alt, caption=_vergelijking_caption,
    cite=". (Vergelijking bij {report} in het rapport)", note=whisker_note(),
)


def _menselijk_kapitaal(ed) -> dict:
    return cached(ed, "factoren-menselijk-kapitaal", lambda: menselijk_kapitaal(ed))


def _hc_data(ed) -> pd.DataFrame:
    hc = _menselijk_kapitaal(ed)
    return pd.DataFrame(
        [{"statistic": f"loading_{c}", "value": float(hc["loadings"][c])} for c in hc["items"]]
        + [{"statistic": k, "value": float(hc[k])} for k in ("alpha", "explained", "mean", "sd", "n", "r_climate", "p_climate")]
    )


def _hc_tabel(ed, d: Disclosed) -> pd.DataFrame:
    """The scale's figures from the disclosed frame; each rests on the scale's n (the correlation
    on the organisations with both scores)."""
    cb = load_codebook()
    v = dict(zip(d.frame["statistic"], d.frame["value"]))
    n, n_r = v["n"], _menselijk_kapitaal(ed)["n_climate"]

    def rel(text, base=n):
        return release(text, base, ed.min_base)

    rows = [{"Onderdeel": cb.label(k.removeprefix("loading_")), "Waarde": rel(fmt.dec(x))}
            for k, x in v.items() if k.startswith("loading_")]
    rows += [
        {"Onderdeel": "Cronbachs alfa", "Waarde": rel(fmt.dec(v["alpha"]))},
        {"Onderdeel": "Verklaarde variantie eerste factor", "Waarde": rel(fmt.pct(100 * v["explained"]))},
        {"Onderdeel": "Gemiddelde schaalscore (1–5)", "Waarde": rel(fmt.dec(v["mean"]))},
        {"Onderdeel": "Standaarddeviatie", "Waarde": rel(fmt.dec(v["sd"]))},
        {"Onderdeel": "Aantal organisaties (n)", "Waarde": public(fmt.num(n))},
        {"Onderdeel": "Correlatie met de schaal innovatieklimaat (r)", "Waarde": rel(fmt.dec(v["r_climate"]), n_r)},
    ]
    return pd.DataFrame(rows)


#: The human-capital scale: items with loadings, alpha, mean, sd and n. Its download is the list
#: of statistics (no group figures: nothing the policy hides; the table releases every figure
#: with the scale's n).
tabel_menselijk_kapitaal = declaration.Table(
    name=f"tbl-{_SLUG}-menselijk-kapitaal",
    compute=_hc_data, tabulate=_hc_tabel,
    caption=lambda ed, d: f"Schaal menselijk kapitaal: ladingen van de drie factoren, betrouwbaarheid en gemiddelde ({ed.year})",
    notes=lambda ed, d: [
        "Ladingen op de eerste hoofdcomponent van de correlaties tussen de drie items; "
        "'weet niet' telt als de middelste categorie.",
        f"Basis: organisaties die innoveerden en alle drie items beantwoordden; correlatie op "
        f"{fmt.num(_menselijk_kapitaal(ed)['n_climate'])} organisaties met beide schaalscores.",
    ],
)


def kerncijfers(ed) -> dict:
    """Glue the chapter's key figures, direction words and comparison sentences.

    Returns
    -------
    dict
        The glued keys and their (Dutch, pre-formatted) texts: ``n_innovators``,
        ``n_factoren``, ``top3_namen``, ``top3_min``, ``top3_max``, ``top3_hc``,
        ``top_belemmerd_namen``, ``top_belemmerd_max``, ``neutraal_namen``,
        ``neutraal_min``, ``hc_mean``, ``hc_alpha``, ``hc_alpha_oordeel``, ``hc_r``,
        ``hc_r_woord``, ``hc_r_sign``, ``hc_n``, and two sentences that depend on the
        comparison year: ``zin_vergelijking`` (factors) and ``zin_hc_vergelijking`` (scale
        mean). Without a comparison year those sentences say there is nothing to compare.

    Notes
    -----
    Direction words compare the figures as printed (rounded half up), so two equal
    printed percentages never read as "vaker". Significance: two-proportion z-test
    (factors) and Welch's t-test (scale mean), two-sided, 5%.
    """
    cb = load_codebook()
    df, year = ed.df, ed.year
    bev = aandeel_bevorderd(df, year).sort_values("pct", ascending=False, kind="stable")
    hinder = _share_codes(df, year, _hinder_codes(cb)).sort_values(ascending=False, kind="stable")
    neutral = _share_codes(df, year, [_neutral_code(cb)]).sort_values(ascending=False, kind="stable")
    top3 = list(bev.index[:3])
    n = int(bev["base"].max())  # every share below rests on the innovators

    def rel(text, base=n):
        return release(text, base, ed.min_base)

    out = {
        "n_innovators": public(fmt.num(n)),
        "n_factoren": metadata(fmt.num(len(cb.items(FACTOR)))),
        "top3_namen": join_nl([lower_first(cb.label(c)) for c in top3]),
        "top3_min": rel(fmt.pct(bev.loc[top3, "pct"].min()), bev.loc[top3, "base"]),
        "top3_max": rel(fmt.pct(bev.loc[top3, "pct"].max()), bev.loc[top3, "base"]),
        "top3_hc": "precies" if set(top3) == set(cb.items(HUMAN_CAPITAL)) else "niet precies",
        "top_belemmerd_namen": join_nl([lower_first(cb.label(c)) for c in hinder.index[:3]]),
        "top_belemmerd_min": rel(fmt.pct(hinder.iloc[2])),
        "top_belemmerd_max": rel(fmt.pct(hinder.iloc[0])),
        "neutraal_namen": join_nl([lower_first(cb.label(c)) for c in neutral.index[:3]]),
        "neutraal_min": rel(fmt.pct(neutral.iloc[2])),
    }
    hc = _menselijk_kapitaal(ed)
    out.update({
        "hc_mean": rel(fmt.dec(hc["mean"], 1), hc["n"]),
        "hc_alpha": rel(fmt.dec(hc["alpha"]), hc["n"]),
        "hc_alpha_oordeel": "voldoende" if hc["alpha"] >= ALPHA_MIN else "onvoldoende",
        "alfa_grens": metadata(fmt.dec(ALPHA_MIN, 1)),
        "hc_r": rel(fmt.dec(hc["r_climate"]), hc["n_climate"]),
        "hc_r_woord": "positief" if hc["r_climate"] > 0 else "negatief",
        "hc_r_sign": significance_word(hc["p_climate"]),
        "hc_n": public(fmt.num(hc["n"])),
    })
    prev = ed.previous_year
    if prev is None:
        none = NO_COMPARISON
        out["zin_vergelijking"] = none
        out["zin_hc_vergelijking"] = none
    else:
        comp = vergelijking_bevorderd(ed).set_index("item")
        old_top3 = list(comp.sort_values(f"pct_{prev}", ascending=False, kind="stable").index[:3])
        priv = comp.loc["factor_private"]
        n_sig = int((comp["p_gecorrigeerd"] < ALPHA).sum())
        same_top = set(old_top3) == set(top3)
        word = compare_word(priv[f"pct_{prev}"], priv[f"pct_{year}"], up="vaker", down="minder vaak",
                         same="even vaak", decimals=0)
        out["zin_vergelijking"] = rel(  # every figure rests on the innovators of the two years
            f"In {prev} stonden {'dezelfde drie factoren' if same_top else 'andere factoren'} bovenaan. "
            f"{lower_first(cb.label('factor_private')).capitalize()} werd in {year} {word} als "
            f"bevorderend genoemd {'als' if word == 'even vaak' else 'dan'} in {prev} ({fmt.pct(priv[f'pct_{year}'])} tegen "
            f"{fmt.pct(priv[f'pct_{prev}'])}; "
            f"{difference_interval(priv['ondergrens'], priv['bovengrens'], priv['diff_pp'], brackets=False)}, "
            f"ongecorrigeerd {p_text(priv['p_value'])}). Na correctie van Holm "
            f"voor het aantal vergelijkingen is dat verschil {significance_word(priv['p_gecorrigeerd'])} statistisch "
            f"significant; van alle {fmt.num(len(comp))} factoren verschillen er {fmt.num(n_sig)} significant "
            f"tussen beide metingen.", [comp[f"n_{prev}"].max(), comp[f"n_{year}"].max()]
        )
        hc_word = compare_word(hc[f"mean_{prev}"], hc["mean"], up="hoger", down="lager",
                            same="even hoog", decimals=1)
        out["zin_hc_vergelijking"] = rel(
            f"In {prev} was de gemiddelde score op deze schaal {fmt.dec(hc[f'mean_{prev}'], 1)}; "
            f"de score van {year} ligt dus {hc_word} "
            f"{mean_difference_interval(hc['diff_low'], hc['diff_high'], hc['mean'] - hc[f'mean_{prev}'])}, "
            f"en het verschil is "
            f"{significance_word(hc['p_mean_diff'])} statistisch significant.", [hc[f"n_{prev}"], hc["n"]]
        )
    for key, text in out.items():
        glue_text(key, text)
    return out

