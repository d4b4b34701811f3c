"""Exhibits of *Bijlage II – Figuren*: Figuur B2-1 to B2-4 of the report.

- B2-1: distribution of the conditions scale (histogram, mean and sd in the caption);
- B2-2: effects of the innovation by climate cluster (% positive effect);
- B2-3: reasons why an innovation attempt failed, by climate cluster (base: organisations
  with a failed attempt);
- B2-4: sectors by climate cluster (the report prints the numbers of another figure under
  this title, so its published values are unknown; ours are computed from the data).

Questions asked only in some years (effects, failure reasons: 2025) give a notice instead
of a figure in other editions. Bars with a base below ``ed.min_base`` are not drawn.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import figures
from barometer.analysis import scales
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import FigureExhibit
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import interval_download_note, whisker_note
from barometer.presentation.phrasing import asked_when, join_nl, not_asked
from barometer.presentation.disclosure import public, release
from barometer.presentation.glue import glue_text

__all__ = [
    "CLUSTER",
    "per_cluster",
    "sector_naar_cluster",
    "figuur_b2_1",
    "figuur_b2_2",
    "figuur_b2_3",
    "figuur_b2_4",
    "kerncijfers",
]

CLUSTER = "climate_cluster"
_SLUG = "bijlage-figuren"


def per_cluster(ed, question: str, summary: bool = False) -> pd.DataFrame:
    """Share per item of ``question`` in each climate cluster (edition's year).

    Parameters
    ----------
    question : str
        Multiple-response question (``"fail_reason"``) or battery (``"effect"``, with
        ``summary=True``: the codebook's summary code, 'positief effect').

    Returns
    -------
    DataFrame
        ``group`` (cluster code), ``group_label``, ``item``, ``label``, ``count``, ``base``,
        ``pct`` (NaN where the base is below ``ed.min_base``), ``shown`` (bool).
    """
    cb = load_codebook()
    f = st.frequencies(ed.df, question, by=CLUSTER, years=ed.year, total=False, summary=summary)
    f = f.assign(group_label=f["group"].map(cb.labels(CLUSTER)), shown=f["base"] >= ed.min_base)
    f["pct_full"] = f["pct"]
    f["pct"] = f["pct"].where(f["shown"])
    return f[["group", "group_label", "item", "label", "count", "base", "pct", "pct_full", "shown"]]


def sector_naar_cluster(ed) -> pd.DataFrame:
    """Distribution of every sector over the three climate clusters, with the total.

    Returns
    -------
    DataFrame
        ``group`` (sector code or ``"Totaal"``), ``group_label``, ``code`` (cluster),
        ``label`` (cluster), ``count``, ``base``, ``pct``, ``shown`` (base ≥ min_base).
        Sectors the codebook excludes from table rows (Hoge Colleges van Staat) count
        only in the total.
    """
    cb = load_codebook()
    f = st.frequencies(ed.df, CLUSTER, by="sector", years=ed.year)
    exclude = set(cb.variable("sector").display.get("table_rows_exclude", []))
    f = f[~f["group"].isin(exclude)]
    labels = {**cb.labels_long("sector"), st.TOTAL: st.TOTAL}
    f = f.assign(group_label=f["group"].map(labels), shown=f["base"] >= ed.min_base)
    return f[["group", "group_label", "code", "label", "count", "base", "pct", "shown"]].reset_index(drop=True)


def _cluster_bars(ed, f: pd.DataFrame, name: str, caption: str, what: str, number: str) -> FigureExhibit:
    """Grouped bars per climate cluster; ``caption`` ends inside an open parenthesis that
    this function closes with the bases, followed by the report's figure ``number``."""
    cb = load_codebook()
    codes = list(cb.labels(CLUSTER))
    order = list(dict.fromkeys(f["label"]))
    alt = figures.alt_text(f, what, group="group", group_labels=cb.labels(CLUSTER), kind="Gegroepeerd staafdiagram")
    hidden = f.loc[~f["shown"], "group_label"].unique()
    if len(hidden):
        alt += f" Voor {join_nl(list(hidden))} is de basis te klein om een percentage te tonen."
    data = met_intervallen(f.drop(columns=["pct_full"]), ed)  # pct_full: pct before masking, blanked alike
    fig = figures.bar_shares(data, y="label", x="pct", hue="group", hue_labels=cb.labels(CLUSTER),
                             hue_order=codes, order=order, xlabel="", interval=BOUNDS)
    n = f.groupby("group", sort=False)["base"].max()
    ns = ", ".join(f"{cb.labels(CLUSTER)[g].lower()} {fmt.num(n[g])}" for g in codes if g in n)
    return FigureExhibit(name=name, caption=f"{caption}; n = {ns}). (Figuur {number} in het rapport). {whisker_note()}",
                         alt=alt, figure=fig, data=data)


# ----------------------------------------------------------------------------- exhibits
def figuur_b2_1(ed):
    """Figuur B2-1: distribution of the conditions scale, mean and sd in the caption."""
    cb = load_codebook()
    scale = "conditions_scale"
    if not cb.is_asked(scale, ed.year):
        return not_asked("conditions", ed.year)
    k = len(cb.derived(scale).items)
    dist = scales.scale_distribution(ed.df[scale], step=1 / k)
    mean, sd, n = dist.attrs["mean"], dist.attrs["sd"], dist.attrs["n"]
    mode = dist.loc[dist["pct"].idxmax()]
    below = dist.loc[dist["bin_mid"] < 3, "pct"].sum()
    alt = (f"Histogram van de schaalscores randvoorwaarden voor innovatie ({fmt.num(n)} organisaties). "
           f"Het gemiddelde is {fmt.dec(mean)} en de meest voorkomende score {fmt.dec(mode['bin_mid'])}; "
           f"{fmt.pct(below)} van de organisaties scoort onder het neutrale midden van 3.")
    fig = figures.histogram(dist, xlabel=cb.derived(scale).label, ylabel="", mean=mean)
    return FigureExhibit(
        name=f"fig-{_SLUG}-b2-1",
        caption=(f"Verdeling van de schaalscores randvoorwaarden voor innovatie ({ed.year}, % van de "
                 f"organisaties). De gemiddelde schaalscore is {fmt.dec(mean)}, de standaarddeviatie {fmt.dec(sd)} "
                 f"(n = {fmt.num(n)}). (Figuur B2-1 in het rapport)"),
        alt=alt, figure=fig, data=met_intervallen(dist.assign(year=ed.year, base=n), ed),
    )


def figuur_b2_2(ed):
    """Figuur B2-2: % positive effect per result area, by climate cluster."""
    cb = load_codebook()
    if not cb.is_asked("effect", ed.year):
        return not_asked("effect", ed.year)
    f = per_cluster(ed, "effect", summary=True)
    return _cluster_bars(
        ed, f, f"fig-{_SLUG}-b2-2",
        (f"Effecten van de innovatie naar innovatieklimaat ({ed.year}, % van de organisaties die "
         "innoveerden en een positief effect zagen"),
        "het aandeel organisaties met een positief effect per resultaatgebied, naar innovatieklimaat", "B2-2",
    )


def figuur_b2_3(ed):
    """Figuur B2-3: reasons for failed innovation attempts, by climate cluster."""
    cb = load_codebook()
    if not cb.is_asked("fail_reason", ed.year):
        return not_asked("fail_reason", ed.year)
    f = per_cluster(ed, "fail_reason")
    return _cluster_bars(
        ed, f, f"fig-{_SLUG}-b2-3",
        (f"Redenen waarom een innovatiepoging niet tot de verwachte verbetering leidde, naar "
         f"innovatieklimaat ({ed.year}, % van de organisaties met zo'n poging; meer antwoorden mogelijk"),
        "redenen voor het mislukken van een innovatiepoging, naar innovatieklimaat", "B2-3",
    )


def figuur_b2_4(ed):
    """Figuur B2-4: sectors by climate cluster (100% stacked bars per sector)."""
    cb = load_codebook()
    f = sector_naar_cluster(ed)
    shown = f[f["shown"]]
    plot = shown.assign(bar=shown["group_label"] + " (n = " + shown["base"].map(fmt.num) + ")")
    strong = min(cb.labels(CLUSTER))
    s = shown[(shown["code"] == strong) & (shown["group"] != st.TOTAL)].sort_values("pct", ascending=False)
    small = f.loc[~f["shown"], "group_label"].unique()
    alt = ("Gestapelde staven per sector met de verdeling over een krachtig, gemiddeld en beperkt innovatieklimaat. "
           + (f"Het grootste aandeel met een krachtig klimaat heeft {s.iloc[0]['group_label']} "
              f"({fmt.pct(s.iloc[0]['pct'])}), het kleinste {s.iloc[-1]['group_label']} ({fmt.pct(s.iloc[-1]['pct'])})."
              if len(s) else "")
           + (f" Niet getoond wegens een te kleine basis: {join_nl(list(small))}." if len(small) else ""))
    colors = [figures.OKABE_ITO["blue"], "#D9D9D9", figures.OKABE_ITO["vermillion"]]
    fig = figures.stacked_bars(plot, y="bar", category="label", x="pct",
                               category_order=list(cb.labels(CLUSTER).values()),
                               order=list(dict.fromkeys(plot["bar"])), colors=colors, xlabel="")
    return FigureExhibit(
        name=f"fig-{_SLUG}-b2-4",
        caption=(f"Sectoren naar innovatieklimaat ({ed.year}, % van de organisaties per sector). "
                 "Berekend uit de gegevens: het gedrukte rapport toont onder deze titel de cijfers van een andere "
                 "figuur, zodat de gepubliceerde waarden niet te achterhalen zijn. (Figuur B2-4 in het rapport). "
                 + interval_download_note()),
        alt=alt, figure=fig, data=met_intervallen(f, ed),
    )


def kerncijfers(ed) -> dict:
    """Glue the appendix's key figures: ``b2_1_mean``, ``b2_1_sd``, ``b2_1_n``, ``jaar``, ``effect_gevraagd``
    and ``effect_wanneer`` (when the effects were asked, :func:`barometer.presentation.phrasing.asked_when`)."""
    cb = load_codebook()
    s = pd.to_numeric(ed.df["conditions_scale"], errors="coerce").dropna().astype(float)
    out = {"jaar": str(ed.year), "b2_1_mean": release(fmt.dec(s.mean()), len(s), ed.min_base),
           "b2_1_sd": release(fmt.dec(s.std(ddof=1)), len(s), ed.min_base), "b2_1_n": public(fmt.num(len(s))),
           "effect_gevraagd": ("wel" if cb.is_asked("effect", ed.year) else "niet"),
           "effect_wanneer": asked_when("effect", ed.year)}
    for key, text in out.items():
        glue_text(key, text)
    return out

