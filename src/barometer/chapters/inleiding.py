"""Exhibits of the chapter *Inleiding*: what the barometer measures and the measurements.

The measurements come from ``data/editions.yaml`` (:func:`barometer.book.edition.edition_metadata`:
period asked about, fieldwork, response rate) and from the respondent files (number of
participating organisations, number that innovated); the four types of innovation from the
codebook. Everything is glued as Dutch strings, so the introduction of a new edition reads
correctly without a code change.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import formatting as fmt
from barometer.data.codebook import load_codebook
from barometer.book.edition import edition_metadata
from barometer.presentation import declaration
from barometer.presentation.exhibit import Disclosed
from barometer.presentation.intervals import met_intervallen
from barometer.presentation.phrasing import data_sentence
from barometer.presentation.phrasing import join_nl, lower_first, years_text
from barometer.presentation.disclosure import compose, join, public
from barometer.presentation.glue import glue_texts
from barometer.analysis.statistics import statistic

__all__ = ["SLUG", "metingen", "METINGEN", "tabel_metingen", "kerncijfers"]

SLUG = "inleiding"


def _response(meta: dict) -> str:
    rate = meta.get("response_rate")
    return public(fmt.pct(rate)) if rate is not None else "onbekend"  # published with the edition


def metingen(ed) -> pd.DataFrame:
    """One row per measurement of the edition (comparison years first).

    Returns
    -------
    DataFrame
        ``year``, ``label``, ``period`` (years the questions are about), ``fieldwork``,
        ``response_rate`` (percent as published, or NaN), ``n`` (organisations in the
        respondent file), ``count`` and ``pct`` (organisations that implemented an innovation),
        ``ondergrens``, ``bovengrens`` (95% interval of ``pct``, Wilson with the FPC).
    """
    rows = []
    for y in sorted(ed.frames):
        meta = edition_metadata(y)
        inn = statistic(ed.frames[y], "innovated", "pct", 1, year=y)
        rows.append({"year": y, "label": meta.get("label", ""), "period": meta.get("period", ""),
                     "fieldwork": meta.get("fieldwork", ""),
                     "response_rate": meta.get("response_rate") if meta.get("response_rate") is not None else float("nan"),
                     "n": int(len(ed.frames[y])), "count": int(inn.count or 0), "pct": inn.value})
    # the 95% interval of each share; ``n`` (respondents of the measurement) is its base
    return met_intervallen(pd.DataFrame(rows).rename(columns={"n": "base"}), ed).rename(columns={"base": "n"})


def _metingen_screen(ed, d: Disclosed) -> pd.DataFrame:
    """The measurements on screen: the response as published, every count from the disclosed frame."""
    f = d.frame
    return pd.DataFrame({
        "Meting": f["year"].astype(str),
        "Vragen over": f["period"],
        "Veldwerk": f["fieldwork"],
        "Respons": [public(fmt.pct(v)) if not pd.isna(v) else "onbekend" for v in f["response_rate"]],
        "Deelnemende organisaties": [d.cell(i, "n") for i in f.index],
        "Waarvan met een innovatie": [d.cell(i, "count", fmt.num) for i in f.index],
    })


#: The measurements side by side (period, fieldwork, response, participants), declared: screen,
#: download and the glued counts take their cells from one application of the disclosure policy.
METINGEN = declaration.Table(
    name=f"tbl-{SLUG}-metingen",
    compute=metingen,
    tabulate=_metingen_screen,
    caption=lambda ed, d: (f"{'De metingen van de barometer' if len(d.frame) > 1 else 'De meting van de barometer'} "
                           f"({years_text(list(d.frame['year']))})"),
    notes=lambda ed, d: ["Respons: deel van de aangeschreven organisaties dat de vragenlijst invulde, zoals "
                         "gepubliceerd. Aantallen organisaties: berekend uit de respondentbestanden."],
    glue=lambda ed: [declaration.Glued("n", "n", {"year": ed.year}),
                     declaration.Glued("n_innovatie", "count", {"year": ed.year}, fmt.num)],
)
#: ``tbl-inleiding-metingen``: the chapter calls ``ex.tabel_metingen(ed)``.
tabel_metingen = METINGEN


def kerncijfers(ed) -> dict[str, str]:
    """Glue the introduction's figures and return them.

    Glued keys
    ----------
    ``jaar``, ``titel``, ``periode``, ``veldwerk``, ``respons``, ``n``, ``n_innovatie``,
    ``typen`` (the four types, from the codebook), ``n_typen``, ``vergelijking`` (a sentence
    on the earlier measurement(s), or that there is none), ``metingen`` (the years),
    ``databron`` (synthetic or not).
    """
    cb = load_codebook()
    meta = ed.meta
    _, d = METINGEN.disclosed(ed)
    m = d.frame.set_index("year")
    types = [lower_first(cb.label(it)) for it in cb.items("innovation_type")]
    comp = list(ed.comparison_years)
    if comp:
        parts = []
        for y in comp:
            pm = edition_metadata(y)
            parts.append(compose("de meting van {y} ging over {periode} (veldwerk {veldwerk}, {n} organisaties, "
                                 "respons {respons})", y=y, periode=pm.get("period", "?"),
                                 veldwerk=pm.get("fieldwork", "?"), n=d.text("n", year=y),
                                 respons=_response(pm)))
        wat = "de eerdere meting" if len(comp) == 1 else "de eerdere metingen"
        zin = compose("Waar het rapport vergelijkt, doet deze editie dat ook, met {wat}: {metingen}.", wat=wat,
                      metingen=join(parts, join_nl))
    else:
        zin = ("Er is geen eerdere meting in de gegevens; deze editie kan haar uitkomsten dus nergens "
               "mee vergelijken.")
    out = {
        "jaar": str(ed.year),
        "titel": str(meta.get("label", ed.year)),
        "periode": str(meta.get("period", "")),
        "veldwerk": str(meta.get("fieldwork", "")),
        "respons": _response(meta),
        **METINGEN.glued(ed, d),
        "typen": join_nl(types),
        "n_typen": {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}.get(len(types), public(fmt.num(len(types)))),
        "vergelijking": zin,
        "metingen": years_text(list(m.index)),
        "databron": data_sentence(ed),
    }
    return glue_texts(out)

