"""Exhibits of *Bijlage II – Figuren*: Figuur B2-1 to B2-4 of the report.

- B2-1: distribution of the conditions scale (histogram, mean and sd in the caption);
- B2-2: effects of the innovation by climate cluster (% positive effect);
- B2-3: reasons why an innovation attempt failed, by climate cluster (base: organisations
  with a failed attempt);
- B2-4: sectors by climate cluster (the report prints the numbers of another figure under
  this title, so its published values are unknown; ours are computed from the data).

Every figure is declared (:class:`barometer.presentation.declaration.Figure`): the pipeline computes
the full-precision frame (with the 95% interval of every share), applies the disclosure
policy once, and draws, describes (alt text) and captions from the disclosed frame, so a bar
the download hides is neither drawn nor named in the alt text. Questions asked only in some
years (effects, failure reasons: 2025) give a notice instead of a figure in other editions.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import figures
from barometer.analysis import scales
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration, linked
from barometer.presentation.exhibit import Disclosed
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


def _hidden_groups(d: Disclosed) -> list[str]:
    """Labels of the groups whose shares the disclosure policy hides (no bar, named in the alt text)."""
    f = d.frame
    return list(f.loc[f["pct"].isna(), "group_label"].unique())


def _cluster_figure(number: str, question: str, summary: bool, caption: str, what: str) -> declaration.Figure:
    """Figuur ``number``: grouped bars per climate cluster with 95% whiskers, declared.

    ``caption`` ends inside an open parenthesis that the declaration closes with the bases per
    cluster; the report's figure and the whisker note follow.
    """
    def compute(ed):
        if not load_codebook().is_asked(question, ed.year):
            return not_asked(question, ed.year)
        # pct_full: the share before masking, blanked alike; the download carries pct and its interval
        return met_intervallen(per_cluster(ed, question, summary=summary).drop(columns=["pct_full"]), ed)

    def alt(ed, d: Disclosed) -> str:
        text = figures.alt_text(d.frame, what, group="group", group_labels=load_codebook().labels(CLUSTER),
                                kind="Gegroepeerd staafdiagram")
        hidden = _hidden_groups(d)
        return text + (f" Voor {join_nl(hidden)} is de basis te klein om een percentage te tonen." if hidden else "")

    def bases(ed, d: Disclosed) -> str:
        n = d.frame.groupby("group", sort=False)["base"].max()
        ns = ", ".join(f"{load_codebook().labels(CLUSTER)[g].lower()} {public(fmt.num(n[g]))}" for g in load_codebook().labels(CLUSTER) if g in n)
        return f"{caption.format(year=ed.year)}; n = {ns})"

    return declaration.Figure(
        name=f"fig-{_SLUG}-{number.lower()}", report=f"Figuur {number}", cite=". ({report} in het rapport)",
        compute=compute,
        draw=lambda f: figures.bar_shares(f, y="label", x="pct", hue="group", hue_labels=load_codebook().labels(CLUSTER),
                                          hue_order=list(load_codebook().labels(CLUSTER)), order=list(dict.fromkeys(f["label"])),
                                          xlabel="", interval=BOUNDS),
        alt=alt, caption=bases, note=whisker_note(),
    )


def _distribution(ed) -> pd.DataFrame:
    """The histogram of the conditions scale (bins of one item step), with ``attrs`` mean, sd, n."""
    scale = "conditions_scale"
    k = len(load_codebook().derived(scale).items)
    return scales.scale_distribution(ed.df[scale], step=1 / k)


def _b2_1_compute(ed):
    if not load_codebook().is_asked("conditions_scale", ed.year):
        return not_asked("conditions", ed.year)
    dist = _distribution(ed)
    return met_intervallen(dist.assign(year=ed.year, base=dist.attrs["n"]), ed)


def _b2_1_summary(ed) -> tuple[str, str, str]:
    """Mean, sd (released on the scale's base) and n (public) of the conditions scale."""
    a = _distribution(ed).attrs
    return (release(fmt.dec(a["mean"]), a["n"], ed.min_base), release(fmt.dec(a["sd"]), a["n"], ed.min_base),
            public(fmt.num(a["n"])))


def _b2_1_alt(ed, d: Disclosed) -> str:
    mean, _sd, n = _b2_1_summary(ed)
    f = d.frame
    text = f"Histogram van de schaalscores randvoorwaarden voor innovatie ({n} organisaties). "
    if f["pct"].notna().sum() == 0:
        return text + f"Het gemiddelde is {mean}."
    mode = f.loc[f["pct"].astype(float).idxmax()]
    below = f.loc[f["bin_mid"] < 3, "pct"].astype(float).sum()
    return (text + f"Het gemiddelde is {mean} en de meest voorkomende score {fmt.dec(mode['bin_mid'])}; "
            f"{fmt.pct(below)} van de organisaties scoort onder het neutrale midden van 3.")


def _b2_1_caption(ed, d: Disclosed) -> str:
    mean, sd, n = _b2_1_summary(ed)
    return (f"Verdeling van de schaalscores randvoorwaarden voor innovatie ({ed.year}, % van de "
            f"organisaties). De gemiddelde schaalscore is {mean}, de standaarddeviatie {sd} (n = {n})")


# ----------------------------------------------------------------------------- exhibits
#: Figuur B2-1, declared: distribution of the conditions scale, mean and sd in the caption.
figuur_b2_1 = declaration.Figure(
    name=f"fig-{_SLUG}-b2-1", report="Figuur B2-1", cite=". ({report} in het rapport)",
    compute=_b2_1_compute,
    draw=lambda f: figures.histogram(f, xlabel=load_codebook().derived("conditions_scale").label, ylabel="",
                                     mean=f.attrs["mean"] if f["pct"].notna().any() else None),
    alt=_b2_1_alt, caption=_b2_1_caption,
)

#: Figuur B2-2, declared: % positive effect per result area, by climate cluster.
figuur_b2_2 = _cluster_figure(
    "B2-2", "effect", True,
    "Effecten van de innovatie naar innovatieklimaat ({year}, % van de organisaties die "
    "innoveerden en een positief effect zagen",
    "het aandeel organisaties met een positief effect per resultaatgebied, naar innovatieklimaat")

#: Figuur B2-3, declared: reasons for failed innovation attempts, by climate cluster.
figuur_b2_3 = _cluster_figure(
    "B2-3", "fail_reason", False,
    "Redenen waarom een innovatiepoging niet tot de verwachte verbetering leidde, naar "
    "innovatieklimaat ({year}, % van de organisaties met zo'n poging; meer antwoorden mogelijk",
    "redenen voor het mislukken van een innovatiepoging, naar innovatieklimaat")


def _b2_4_draw(f: pd.DataFrame):
    cb = load_codebook()
    shown = f[f["pct"].notna()]
    plot = shown.assign(bar=shown["group_label"] + " (n = " + shown["base"].map(fmt.num) + ")")
    colors = [figures.OKABE_ITO["blue"], "#D9D9D9", figures.OKABE_ITO["vermillion"]]
    return figures.stacked_bars(plot, y="bar", category="label", x="pct",
                                category_order=list(cb.labels(CLUSTER).values()),
                                order=list(dict.fromkeys(plot["bar"])), colors=colors, xlabel="")


def _b2_4_alt(ed, d: Disclosed) -> str:
    f = d.frame
    strong = min(load_codebook().labels(CLUSTER))
    s = f[(f["code"] == strong) & (f["group"] != st.TOTAL) & f["pct"].notna()].sort_values("pct", ascending=False)
    small = _hidden_groups(d)
    first, last = (s.index[0], s.index[-1]) if len(s) else (None, None)
    return ("Gestapelde staven per sector met de verdeling over een krachtig, gemiddeld en beperkt innovatieklimaat. "
            + (f"Het grootste aandeel met een krachtig klimaat heeft {s.loc[first, 'group_label']} "
               f"({d.cell(first, 'pct')}), het kleinste {s.loc[last, 'group_label']} ({d.cell(last, 'pct')})."
               if len(s) else "")
            + (f" Niet getoond, omdat het cijfer op te weinig organisaties zou berusten of anders uit het totaal "
               f"en de andere sectoren af te leiden zou zijn: {join_nl(small)}." if small else ""))


def _with_year(ed, f: pd.DataFrame) -> pd.DataFrame:
    """``f`` with its measurement year and question in front: the download says which, and the
    edition-wide secondary rule (barometer.presentation.linked) matches its rows on them."""
    return pd.concat([pd.DataFrame({"year": ed.year, "item": CLUSTER}, index=f.index), f], axis=1)


#: Figuur B2-4, declared: sectors by climate cluster (100% stacked bars per sector). The report
#: prints another figure's numbers under this title, so ours are computed from the data.
figuur_b2_4 = declaration.Figure(
    name=f"fig-{_SLUG}-b2-4", report="Figuur B2-4", cite=". ({report} in het rapport)",
    compute=lambda ed: met_intervallen(_with_year(ed, sector_naar_cluster(ed)), ed),
    codes={"group": "sector"}, linked=linked.CLUSTERS,
    draw=_b2_4_draw, alt=_b2_4_alt,
    caption=lambda ed, d: (f"Sectoren naar innovatieklimaat ({ed.year}, % van de organisaties per sector). "
                           "Berekend uit de gegevens: het gedrukte rapport toont onder deze titel de cijfers van een "
                           "andere figuur, zodat de gepubliceerde waarden niet te achterhalen zijn"),
    note=interval_download_note(),
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

