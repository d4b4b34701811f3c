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
from barometer.presentation.exhibit import TableExhibit
from barometer.presentation.phrasing import data_sentence
from barometer.presentation.phrasing import join_nl, lower_first, years_text
from barometer.presentation.disclosure import compose, join, public, release
from barometer.presentation.glue import glue_texts
from barometer.analysis.statistics import statistic

__all__ = ["SLUG", "metingen", "tabel_metingen", "kerncijfers"]

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
        respondent file), ``n_innovated`` and ``pct_innovated`` (organisations that
        implemented an innovation).
    """
    rows = []
    for y in sorted(ed.frames):
        meta = edition_metadata(y)
        inn = statistic(ed.frames[y], "innovated", "pct", 1, year=y)
        rows.append({"year": y, "label": meta.get("label", ""), "period": meta.get("period", ""),
                     "fieldwork": meta.get("fieldwork", ""),
                     "response_rate": meta.get("response_rate") if meta.get("response_rate") is not None else float("nan"),
                     "n": int(len(ed.frames[y])), "n_innovated": int(inn.count or 0), "pct_innovated": inn.value})
    return pd.DataFrame(rows)


def tabel_metingen(ed) -> TableExhibit:
    """The measurements side by side: period, fieldwork, response, participants.

    Returns
    -------
    TableExhibit
        ``tbl-inleiding-metingen``; full-precision data as download.
    """
    m = metingen(ed)
    frame = pd.DataFrame({
        "Meting": m["year"].astype(str),
        "Vragen over": m["period"],
        "Veldwerk": m["fieldwork"],
        "Respons": [fmt.pct(v) if not pd.isna(v) else "onbekend" for v in m["response_rate"]],
        "Deelnemende organisaties": m["n"].map(fmt.num),
        "Waarvan met een innovatie": m["n_innovated"].map(fmt.num),
    })
    cap = ("De metingen van de barometer" if len(m) > 1 else "De meting van de barometer")
    return TableExhibit(
        name=f"tbl-{SLUG}-metingen",
        caption=f"{cap} ({years_text(list(m['year']))})",
        frame=frame,
        notes=["Respons: deel van de aangeschreven organisaties dat de vragenlijst invulde, zoals gepubliceerd. "
               "Aantallen organisaties: berekend uit de respondentbestanden."],
        data=m,
    )


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
    m = metingen(ed).set_index("year")
    now = m.loc[ed.year]
    types = [lower_first(cb.label(it)) for it in cb.items("innovation_type")]
    comp = list(ed.comparison_years)
    if comp:
        parts = []
        for y in comp:
            pm = edition_metadata(y)
            parts.append(compose("de meting van {y} ging over {periode} (veldwerk {veldwerk}, {n} organisaties, "
                                 "respons {respons})", y=y, periode=pm.get("period", "?"),
                                 veldwerk=pm.get("fieldwork", "?"), n=public(fmt.num(m.loc[y, "n"])),
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
        "n": public(fmt.num(now["n"])),
        "n_innovatie": release(fmt.num(now["n_innovated"]), now["n"], ed.min_base),
        "typen": join_nl(types),
        "n_typen": {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}.get(len(types), public(fmt.num(len(types)))),
        "vergelijking": zin,
        "metingen": years_text(list(m.index)),
        "databron": data_sentence(ed),
    }
    return glue_texts(out)

