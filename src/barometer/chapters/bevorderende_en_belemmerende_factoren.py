"""Exhibits of the chapter *Bevorderende en belemmerende factoren* (report §2.3).

Every function takes an :class:`barometer.book.edition.Edition` and returns an exhibit
(:class:`~barometer.presentation.exhibit.FigureExhibit`, :class:`~barometer.presentation.exhibit.TableExhibit`) or
glues the chapter's key figures. Labels come from the codebook, numbers from
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

from barometer.presentation import disclosure
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.presentation import figures
from barometer.analysis import models, scales
from barometer.presentation.claims import MIN_RELIABILITY
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import difference_interval, interval_download_note, whisker_note
from barometer.presentation.phrasing import compare_word, ALPHA, NO_COMPARISON, join_nl, lower_first, p_text, significance_word, too_few
from barometer.presentation.disclosure import metadata, public, release
from barometer.presentation.glue import glue_text
from barometer.analysis.uncertainty import difference_ci, domain_population, holm, share_ci

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
        (Welch t-test against the previous year), when available.

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
        out["p_mean_diff"] = (float(sps.ttest_ind(hc.dropna(), old, equal_var=False).pvalue)
                              if len(old) > 1 and hc.dropna().size > 1 else float("nan"))
    return out


# ----------------------------------------------------------------------------- exhibits
def figuur_factoren(ed) -> FigureExhibit:
    """Figuur 2-12: the 17 factors as 100% stacked bars of the five answer categories.

    Base: innovators of the edition's year with an answer; 'weet niet' merged with
    'bevorderd noch belemmerd'.
    """
    cb = load_codebook()
    f = factor_verdeling(ed.df, ed.year)
    order_items = list(dict.fromkeys(f["label"]))
    bev = aandeel_bevorderd(ed.df, ed.year)
    hinder = _share_codes(ed.df, ed.year, _hinder_codes(cb))
    if bev["pct"].notna().sum() == 0 or hinder.notna().sum() == 0:
        return too_few("de bevorderende en belemmerende factoren", ed.year)
    top = bev["pct"].idxmax()
    worst = hinder.idxmax()
    n = int(f["base"].max()) if len(f) else 0
    alt = (
        f"Liggende gestapelde staven voor {len(order_items)} factoren. "
        f"'{cb.label(top)}' heeft het vaakst het innovatieproces bevorderd "
        f"({fmt.pct(bev.loc[top, 'pct'])}); '{cb.label(worst)}' heeft het vaakst belemmerd "
        f"({fmt.pct(hinder.loc[worst])}). Bij de meeste factoren overheerst het neutrale midden."
    )
    fig = figures.stacked_bars(f, y="label", category="code_label", x="pct", xlabel="")
    data = f.assign(year=ed.year)[["year", "item", "label", "code", "code_label", "count", "base", "pct"]]
    return FigureExhibit(
        name=f"fig-{_SLUG}-verdeling",
        caption=(
            f"Bevorderende en belemmerende factoren bij de meest recente innovatie, {ed.year} "
            f"(% van de organisaties die innoveerden, n = {fmt.num(n)}; 'weet niet' telt als "
            f"'{lower_first(cb.labels(cb.items(FACTOR)[0])[_neutral_code(cb)])}'). "
            "(Figuur 2-12 in het rapport). " + interval_download_note()
        ),
        alt=alt,
        figure=fig,
        data=met_intervallen(data, ed),
    )


def figuur_factoren_vergelijking(ed):
    """% 'bevorderd' per factor, this year against the previous measurement (Figuur 2-12 compared).

    Returns a notice when the edition has no comparison year.
    """
    comp = vergelijking_bevorderd(ed)
    if comp.empty:
        return Notice(NO_COMPARISON)
    prev = ed.previous_year
    long = pd.concat([
        comp[["label"]].assign(year=y, pct=comp[f"pct_{y}"], base=comp[f"n_{y}"]) for y in (ed.year, prev)
    ], ignore_index=True)
    long["pct"] = disclosure.mask(long["pct"], long["base"], ed.min_base)  # a small cell: no bar, no whisker
    if comp["diff_pp"].notna().sum() == 0:
        return too_few("de vergelijking van de factoren tussen de metingen", ed.year)
    sig = comp[comp["p_gecorrigeerd"] < ALPHA]
    biggest = comp.loc[comp["diff_pp"].abs().idxmax()]
    alt = (
        f"Gegroepeerde staven per factor: aandeel 'bevorderd' in {prev} en {ed.year}. "
        f"Het grootste verschil is er bij '{biggest['label']}' "
        f"({fmt.pct(biggest[f'pct_{prev}'])} tegen {fmt.pct(biggest[f'pct_{ed.year}'])}); "
        f"{len(sig)} van de {len(comp)} verschillen zijn statistisch significant (na correctie van Holm)."
    )
    fig = figures.bar_shares(met_intervallen(long, ed), y="label", x="pct", hue="year", hue_order=[ed.year, prev],
                             order=list(comp["label"]), xlabel="", interval=BOUNDS)
    return FigureExhibit(
        name=f"fig-{_SLUG}-vergelijking",
        caption=(
            f"Factoren die het innovatieproces (enigszins of sterk) bevorderden, {prev} en {ed.year} "
            f"(% van de organisaties die innoveerden; n = {fmt.num(comp[f'n_{prev}'].max())} en "
            f"{fmt.num(comp[f'n_{ed.year}'].max())}). (Vergelijking bij Figuur 2-12 in het rapport). " + whisker_note()
        ),
        alt=alt,
        figure=fig,
        data=comp,
    )


def tabel_menselijk_kapitaal(ed) -> TableExhibit:
    """The human-capital scale: items with loadings, alpha, mean, sd and n."""
    cb = load_codebook()
    hc = menselijk_kapitaal(ed)
    rows = [{"Onderdeel": cb.label(c), "Waarde": fmt.dec(hc["loadings"][c])} for c in hc["items"]]
    rows += [
        {"Onderdeel": "Cronbachs alfa", "Waarde": fmt.dec(hc["alpha"])},
        {"Onderdeel": "Verklaarde variantie eerste factor", "Waarde": fmt.pct(100 * hc["explained"])},
        {"Onderdeel": "Gemiddelde schaalscore (1–5)", "Waarde": fmt.dec(hc["mean"])},
        {"Onderdeel": "Standaarddeviatie", "Waarde": fmt.dec(hc["sd"])},
        {"Onderdeel": "Aantal organisaties (n)", "Waarde": fmt.num(hc["n"])},
        {"Onderdeel": "Correlatie met de schaal innovatieklimaat (r)", "Waarde": fmt.dec(hc["r_climate"])},
    ]
    data = pd.DataFrame(
        [{"statistic": f"loading_{c}", "value": float(hc["loadings"][c])} for c in hc["items"]]
        + [{"statistic": k, "value": float(hc[k])} for k in ("alpha", "explained", "mean", "sd", "n", "r_climate", "p_climate")]
    )
    return TableExhibit(
        name=f"tbl-{_SLUG}-menselijk-kapitaal",
        caption=f"Schaal menselijk kapitaal: ladingen van de drie factoren, betrouwbaarheid en gemiddelde ({ed.year})",
        frame=pd.DataFrame(rows),
        notes=[
            "Ladingen op de eerste hoofdcomponent van de correlaties tussen de drie items; "
            "'weet niet' telt als de middelste categorie.",
            f"Basis: organisaties die innoveerden en alle drie items beantwoordden; correlatie op "
            f"{fmt.num(hc['n_climate'])} organisaties met beide schaalscores.",
        ],
        data=data,
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
    hc = menselijk_kapitaal(ed)
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
            f"de score van {year} ligt dus {hc_word}, en het verschil is "
            f"{significance_word(hc['p_mean_diff'])} statistisch significant.", [hc[f"n_{prev}"], hc["n"]]
        )
    for key, text in out.items():
        glue_text(key, text)
    return out

