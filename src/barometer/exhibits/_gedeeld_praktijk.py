"""Helpers shared by the exhibit modules ``openbaar_bestuur`` and ``praktijken`` (report §2.1–2.2).

Private to those two modules: the years an edition shows and in which a question was asked,
frequency tables per year in long form (via :mod:`barometer.statistics`), the small-base
rule for a glued percentage and the label of the executive organisations of the national
government.
"""
from __future__ import annotations

import pandas as pd

from barometer import disclosure
from barometer import formatting as fmt
from barometer.codebook import load_codebook
from barometer.exhibits._text import lower_first
from barometer.statistics import frequencies

__all__ = [
    "years",
    "year_label",
    "asked_years",
    "freq_by_year",
    "uitvoering_label",
]


def years(ed) -> list[int]:
    """Comparison years and the edition's year, oldest first."""
    return [*ed.comparison_years, ed.year]


def year_label(year: int) -> str:
    """Label of a measurement year on an axis or in a legend (``"2025"``)."""
    return str(int(year))


def asked_years(ed, name: str) -> list[int]:
    """Years of the edition (and its comparisons) in which ``name`` was asked."""
    cb = load_codebook()
    return [y for y in years(ed) if cb.is_asked(name, y)]


def freq_by_year(ed, question: str, by: str | None = None, total: bool = True) -> pd.DataFrame:
    """Frequencies of ``question`` for every year the edition shows (long form).

    Parameters
    ----------
    ed : Edition
    question : str
        Codebook question or coded derived variable.
    by : str, optional
        Grouping column.
    total : bool, default True
        With ``by``: also the rows of all respondents.

    Returns
    -------
    DataFrame
        As :func:`barometer.statistics.frequencies`, restricted to the years in which the
        question was asked, plus ``year_label`` (str) and ``shown`` (the percentage, NaN
        where the base is below the edition's ``min_base``).
    """
    yrs = asked_years(ed, question)
    if not yrs:
        return pd.DataFrame(columns=["year", "group", "item", "code", "label", "count", "base", "pct",
                                     "year_label", "shown"])
    out = frequencies(ed.all_years, question, by=by, years=yrs, total=total)
    out["year_label"] = out["year"].map(year_label)
    out["shown"] = disclosure.mask(out["pct"], out["base"], ed.min_base)
    return out


def uitvoering_label() -> str:
    """Label of the executive organisations of the national government together
    (``national_type`` 2 and 3), composed from the codebook labels."""
    labels = load_codebook().labels("national_type")
    return f"Uitvoering ({lower_first(labels[2])}, {lower_first(labels[3])})"
