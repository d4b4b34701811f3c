"""Exhibits of the chapter "De aard van innovaties" (``chapters/de-aard-van-innovaties.ipynb``).

The chapter rests on two sources: the case catalogue ``data/cases.csv`` (the examples and
interviews that the report's third chapter describes, summarised in our own words; see
:mod:`barometer.data.cases`) and the respondent file of the edition, from which the few survey
figures in the prose are glued (:func:`kerncijfers`).

Every function takes the :class:`~barometer.book.edition.Edition` a chapter is rendered for, so
all chapters call exhibits the same way; the catalogue itself does not depend on the year.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from barometer.presentation import formatting as fmt
from barometer.data.cases import TECHNOLOGIES, load_cases
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration
from barometer.presentation.exhibit import Disclosed
from barometer.presentation.disclosure import metadata, public, release
from barometer.presentation.glue import glue_texts

__all__ = [
    "kerncijfers",
    "catalogus_cijfers",
    "tabel_clusters",
    "tabel_interviews",
    "figuur_technologie",
]

_SLUG = "de-aard-van-innovaties"
_KIND_LABELS = {"clustervoorbeeld": "Voorbeeld bij een cluster", "interview": "Interview"}
_CATALOGUE_NOTE = (
    "Bron: casuscatalogus (data/cases.csv), eigen samenvatting en codering van hoofdstuk 3 van "
    "het rapport. Technologie: de belangrijkste technologie van een voorbeeld, door de redactie "
    "toegekend. Een selectie uit het rapport, geen steekproef."
)


# ----------------------------------------------------------------------------- helpers
def _pct_of(ed: Any, variable: str, codes: Any) -> tuple[float, int]:
    """Percentage (full precision) and base of ``variable`` in ``codes`` in the edition's year.

    NaN and base 0 when the question was not asked that year.
    """
    from barometer.analysis.statistics import statistic

    cb = load_codebook()
    if not cb.is_asked(variable, ed.year):
        return float("nan"), 0
    res = statistic(ed.df, variable, "pct", codes=codes, year=ed.year)
    return res.value, res.base_n


def _majority(p: float, up: str, down: str, same: str) -> str:
    """Word for a share compared with one half, as shown (rounded to whole percents)."""
    from barometer.presentation.glue import direction

    if fmt.is_missing(p):
        return fmt.NOT_ASKED
    return direction(50.0, p, up=up, down=down, same=same, decimals=0)


def _technology_order(values: pd.Series) -> list[str]:
    present = set(values)
    return [t for t in TECHNOLOGIES if t in present]


def _sector_long() -> dict[str, str]:
    """Sector label -> long label (``GR`` -> ``Gemeenschappelijke regeling``)."""
    cb = load_codebook()
    short, long = cb.labels("sector"), cb.labels_long("sector")
    return {short[c]: long.get(c, short[c]) for c in short}


# ----------------------------------------------------------------------------- glue
def catalogus_cijfers(ed: Any) -> dict[str, str]:
    """Glue the counts of the case catalogue that the prose mentions.

    Parameters
    ----------
    ed : Edition
        The edition (not used for the counts: the catalogue does not depend on the year).

    Returns
    -------
    dict
        Glue key -> Dutch text: ``n_clustervoorbeelden``, ``n_clusters``, ``n_interviews``,
        ``n_casussen`` (both kinds), ``n_genoemd`` (cluster examples whose organisation
        the report names), ``top_technologie`` (most frequent main technology over all
        cases; ties go to the first in :data:`~barometer.data.cases.TECHNOLOGIES`) and ``n_top``
        (its number of cases).
    """
    cases = load_cases()
    examples = cases[cases["kind"] == "clustervoorbeeld"]
    counts = cases["technology"].value_counts()
    top = [t for t in TECHNOLOGIES if counts.get(t, 0) == counts.max()][0]
    # the report's case catalogue (data/cases.csv), no respondent figures
    values = {
        "n_clustervoorbeelden": metadata(fmt.num(len(examples))),
        "n_clusters": metadata(fmt.num(examples["cluster"].nunique())),
        "n_interviews": metadata(fmt.num(int((cases["kind"] == "interview").sum()))),
        "n_casussen": metadata(fmt.num(len(cases))),
        "n_genoemd": metadata(fmt.num(int((examples["organisation"] != "").sum()))),
        "top_technologie": top,
        "n_top": metadata(fmt.num(int(counts[top]))),
    }
    return glue_texts(values)


def kerncijfers(ed: Any) -> pd.DataFrame:
    """Glue the survey figures and catalogue counts used in the chapter's prose.

    Parameters
    ----------
    ed : Edition
        The edition; its own year's respondents are used.

    Returns
    -------
    DataFrame
        Columns ``sleutel`` (glue key) and ``tekst`` (the glued Dutch text), one row per key.
        Survey keys: ``jaar``, ``periode``, ``n_organisaties``, ``pct_innovatief``,
        ``n_innovatief``, ``pct_innovatie_unit``, ``pct_elders`` (innovation inspired by or
        copied from elsewhere), ``pct_toepasbaar``, ``pct_kennis_gedeeld``,
        ``pct_ingrijpend`` (ways of working changed thoroughly), ``ingrijpend_deel``
        ("een minderheid"/"een meerderheid"), ``pct_technologisch`` (wholly or largely
        technological), ``technologisch_deel``; ``databestand`` (what the respondent file
        is: synthetic or not); the question wordings ``vraag_innovatief``,
        ``vraag_werkwijze``, ``vraag_herkomst``, ``vraag_technologie``, ``vraag_unit``
        (from the codebook); plus the keys of :func:`catalogus_cijfers`.

    Notes
    -----
    Percentages follow :func:`barometer.analysis.statistics.statistic`: the base is the routed
    respondents of the year with a valid answer (innovators for the questions about the
    most recent innovation). A question not asked in the year shows ``-``.
    """
    from barometer.analysis.statistics import statistic

    n = statistic(ed.df, "innovated", "n", year=ed.year).base_n
    innov = statistic(ed.df, "innovated", "count", codes=1, year=ed.year)
    p_innov, b_innov = _pct_of(ed, "innovated", 1)
    p_unit, b_unit = _pct_of(ed, "innovation_unit", 1)
    p_elders, b_elders = _pct_of(ed, "origin", [2, 3])
    p_appl, b_appl = _pct_of(ed, "applicable_elsewhere", 1)
    p_shared, b_shared = _pct_of(ed, "knowledge_shared", 1)
    p_deep, b_deep = _pct_of(ed, "work_change", 3)
    p_tech, b_tech = _pct_of(ed, "tech_content", [1, 2])

    def pct(p, base):
        return release(fmt.pct(p), base, ed.min_base) if not fmt.is_missing(p) else fmt.pct(p)

    values = {
        "jaar": str(ed.year),
        "periode": str(ed.meta.get("period", "")),
        "n_organisaties": public(fmt.num(n)),
        "pct_innovatief": pct(p_innov, b_innov),
        "n_innovatief": release(fmt.num(innov.count), n, ed.min_base),
        "pct_innovatie_unit": pct(p_unit, b_unit),
        "pct_elders": pct(p_elders, b_elders),
        "pct_toepasbaar": pct(p_appl, b_appl),
        "pct_kennis_gedeeld": pct(p_shared, b_shared),
        "pct_ingrijpend": pct(p_deep, b_deep),
        "ingrijpend_deel": _majority(p_deep, "een meerderheid", "een minderheid", "precies de helft"),
        "pct_technologisch": pct(p_tech, b_tech),
        "technologisch_deel": _majority(p_tech, "het merendeel", "een minderheid", "de helft"),
    }
    cb = load_codebook()
    values.update({
        "databestand": (
            "een synthetisch respondentbestand, gemaakt om de gepubliceerde cijfers na afronding terug te geven"
            if ed.synthetic else "het respondentbestand van deze meting"
        ),
        "vraag_innovatief": cb.label("innovated"),
        "vraag_werkwijze": cb.label("work_change"),
        "vraag_herkomst": cb.label("origin"),
        "vraag_technologie": cb.label("tech_content"),
        "vraag_unit": cb.label("innovation_unit"),
    })
    glued = glue_texts(values)
    glued.update(catalogus_cijfers(ed))
    return pd.DataFrame({"sleutel": list(glued), "tekst": list(glued.values())})


# ----------------------------------------------------------------------------- tables
# The exhibits are declarations (barometer.presentation.declaration) like every other: compute →
# disclose → tabulate/draw from the disclosed frame → downloads and sidecar. The catalogue has
# no respondents and no base column, so the policy finds nothing to hide (the sidecar says so);
# the pipeline still gives these exhibits the same order, downloads and checks as the others.
def _clusters_tabel(ed: Any, d: Disclosed) -> pd.DataFrame:
    """One row per cluster in the report's order and a total row (see :data:`tabel_clusters`)."""
    ex = d.frame
    rows = []
    for cluster, grp in ex.groupby("cluster", sort=False):
        counts = grp["technology"].value_counts()
        techs = ", ".join(f"{t} ({counts[t]})" for t in _technology_order(grp["technology"]))
        named = ", ".join(pd.unique(grp.loc[grp["organisation"] != "", "organisation"]))
        rows.append({"Cluster": cluster, "Voorbeelden": fmt.num(len(grp)), "Technologie": techs,
                     "Bij naam genoemd": named})
    counts = ex["technology"].value_counts()
    rows.append({
        "Cluster": "Totaal",
        "Voorbeelden": fmt.num(len(ex)),
        "Technologie": ", ".join(f"{t} ({counts[t]})" for t in _technology_order(ex["technology"])),
        "Bij naam genoemd": fmt.num(int(ex.loc[ex["organisation"] != "", "organisation"].nunique()))
        + " organisaties",
    })
    return pd.DataFrame(rows)


#: Overview of the innovation clusters: one row per cluster in the report's order and a total row.
#: Columns: *Cluster*, *Voorbeelden* (number of examples in the catalogue), *Technologie* (main
#: technologies with their counts), *Bij naam genoemd* (organisations the report names).
#: Download: every cluster example of the catalogue. The catalogue does not depend on the year.
tabel_clusters = declaration.Table(
    name=f"tbl-{_SLUG}-clusters",
    compute=lambda ed: (c := load_cases())[c["kind"] == "clustervoorbeeld"].drop(columns=["kind"]).reset_index(drop=True),
    tabulate=_clusters_tabel,
    caption=lambda ed, d: "Innovatieclusters in het rapport: aantal beschreven voorbeelden en de technologie erachter",
    notes=lambda ed, d: [_CATALOGUE_NOTE, "Tussen haakjes: aantal voorbeelden met die technologie als belangrijkste."],
)


def _interviews_tabel(ed: Any, d: Disclosed) -> pd.DataFrame:
    iv = d.frame
    long = _sector_long()
    return pd.DataFrame({
        "Organisatie": iv["organisation"],
        "Sector": iv["sector"].map(lambda s: long.get(s, s)),
        "Innovatie": iv["innovation"],
        "Technologie": iv["technology"],
        "Wat het doet": iv["summary"],
    })


#: The interviewed organisations, one row per interview in the report's order: *Organisatie*,
#: *Sector* (long codebook label), *Innovatie*, *Technologie*, *Wat het doet* (our own summary).
tabel_interviews = declaration.Table(
    name=f"tbl-{_SLUG}-interviews",
    compute=lambda ed: (c := load_cases())[c["kind"] == "interview"].reset_index(drop=True).drop(columns=["kind", "cluster"]),
    tabulate=_interviews_tabel,
    caption=lambda ed, d: "Geïnterviewde organisaties en de innovatie waar het gesprek over ging",
    notes=lambda ed, d: [_CATALOGUE_NOTE, "Sector: indeling van het codeboek."],
)


# ----------------------------------------------------------------------------- figure
def _technologie_data(ed: Any) -> pd.DataFrame:
    """The described cases by main technology and kind: ``technologie``, ``soort``, ``aantal``
    (technologies in :data:`~barometer.data.cases.TECHNOLOGIES` order, every kind, zeros included)."""
    cases = load_cases()
    order = _technology_order(cases["technology"])
    tidy = (
        cases.groupby(["technology", "kind"]).size().rename("aantal").reset_index()
        .rename(columns={"technology": "technologie", "kind": "soort"})
    )
    wide = tidy.pivot_table(index="technologie", columns="soort", values="aantal", aggfunc="sum")
    wide = wide.reindex(index=order, columns=list(_KIND_LABELS)).fillna(0).astype(int)
    return wide.reset_index().melt(id_vars="technologie", var_name="soort", value_name="aantal")


def _wide(data: pd.DataFrame) -> pd.DataFrame:
    order = list(dict.fromkeys(data["technologie"]))
    return (data.pivot_table(index="technologie", columns="soort", values="aantal", aggfunc="sum")
            .reindex(index=order, columns=list(_KIND_LABELS)).fillna(0).astype(int))


def _technologie_draw(data: pd.DataFrame):
    import matplotlib.pyplot as plt

    from barometer.presentation import figures

    wide = _wide(data)
    order = list(wide.index)
    figures.set_style()
    colors = figures.colors_for(list(_KIND_LABELS))
    fig, ax = plt.subplots(figsize=(figures.FIGURE_WIDTH, 0.42 * len(order) + 1.4), layout="constrained")
    left = pd.Series(0, index=order)
    for kind, label in _KIND_LABELS.items():
        bars = ax.barh(order, wide[kind], left=left, color=colors[kind], label=label, height=0.7)
        ax.bar_label(bars, labels=[fmt.num(v) if v else "" for v in wide[kind]], label_type="center", fontsize=figures.VALUE_FONT)
        left = left + wide[kind]
    ax.invert_yaxis()
    ax.set_xlabel("Aantal beschreven innovaties")
    ax.set_ylabel("")
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2)
    return fig


def _technologie_alt(ed: Any, d: Disclosed) -> str:
    totals = _wide(d.frame).sum(axis=1)
    top = totals.idxmax()
    second = totals.drop(top).idxmax()
    return (
        f"Liggend staafdiagram van de {fmt.num(totals.sum())} in het rapport beschreven innovaties naar "
        f"belangrijkste technologie. De meeste gebruiken {top} ({fmt.num(totals[top])}), gevolgd door "
        f"{second} ({fmt.num(totals[second])}); {fmt.num(totals.get('geen', 0))} gebruiken geen technologie."
    )


#: Bar chart of the described cases by main technology, split into cluster examples and interviews:
#: horizontal stacked bars (counts, not percentages: the catalogue is no sample). Data: columns
#: ``technologie``, ``soort``, ``aantal``.
figuur_technologie = declaration.Figure(
    name=f"fig-{_SLUG}-technologie",
    compute=_technologie_data, draw=_technologie_draw, alt=_technologie_alt,
    caption=lambda ed, d: "Beschreven innovaties naar belangrijkste technologie (voorbeelden bij de clusters en interviews)",
)
