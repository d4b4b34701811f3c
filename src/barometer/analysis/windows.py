"""The one rule for approximate numbers in the report's prose: which values a word allows.

The report writes many numbers with a word of approximation ("ongeveer 20 procent", "bijna 40
procent", "ruim 65 procent", "iets meer dan 10 procent", "ongeveer de helft"). A row of
``data/published/figures.csv`` records such a number with ``comparison`` and ``tolerance``; this
module says which comparison and tolerance each word gets (:data:`WORDS`) and which values a row
then allows (:func:`window`). ``data/published/README.md`` states the same rule in prose.

The rule (``t`` in the unit of the number: percentage points, or organisations for a count):

=====================================================  ===========  ===  =======================
word                                                   comparison   t    allowed values
=====================================================  ===========  ===  =======================
ongeveer, circa, rond de, zo'n, (bare fraction word)   ``approx``   2    ``v - 2 <= x <= v + 2``
bijna, iets minder dan, nog geen                        ``lt``       3    ``v - 3 <= x < v``
ruim, iets meer dan                                     ``gt``       3    ``v < x <= v + 3``
meer dan                                                ``gt``       5    ``v < x <= v + 5``
minder dan                                              ``lt``       5    ``v - 5 <= x < v``
=====================================================  ===========  ===  =======================

A fraction word is the value it names ("de helft" 50, "een derde" 33,33, "twee derde" 66,67,
"een kwart" 25, "driekwart" 75, "1 op de 5" 20, "4 op de 5" 80); a fraction word without
another word ("nog altijd driekwart") is approximate, as "ongeveer". A ``gt``/``lt`` row
without tolerance is a bound only (the report's "n kleiner dan 5" for a suppressed group).
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

__all__ = ["WORDS", "FRACTIONS", "window", "in_window", "word_of"]

#: word -> (comparison, tolerance); longest words first when matching (see :func:`word_of`).
WORDS: dict[str, tuple[str, float]] = {
    "iets minder dan": ("lt", 3),
    "iets meer dan": ("gt", 3),
    "nog geen": ("lt", 3),
    "bijna": ("lt", 3),
    "ruim": ("gt", 3),
    "meer dan": ("gt", 5),
    "minder dan": ("lt", 5),
    "ongeveer": ("approx", 2),
    "circa": ("approx", 2),
    "rond de": ("approx", 2),
    "zo'n": ("approx", 2),
}

#: fraction words and the percentage they name
FRACTIONS: dict[str, float] = {
    "de helft": 50, "een derde": 33.33, "twee derde": 66.67, "een kwart": 25, "driekwart": 75,
    "1 op de 5": 20, "4 op de 5": 80,
}


def word_of(text: str) -> tuple[str, str, float] | None:
    """The word of approximation in a quoted prose fragment: ``(word, comparison, tolerance)``.

    A fraction word without a word of approximation counts as ``ongeveer``. None when the
    fragment has neither.
    """
    t = " " + re.sub(r"\s+", " ", text.lower().replace("’", "'")) + " "
    for w in sorted(WORDS, key=len, reverse=True):
        if re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", t):
            return (w, *WORDS[w])
    if any(f in t for f in FRACTIONS):
        return ("ongeveer", *WORDS["ongeveer"])
    return None


def window(comparison: str, value, tolerance=None) -> tuple[Fraction, Fraction, bool, bool]:
    """``(lo, hi, lo_open, hi_open)``: the values a row allows (exact fractions).

    ``approx``: ``[v - t, v + t]``; ``lt``: ``[v - t, v)``; ``gt``: ``(v, v + t]``; without a
    tolerance ``lt``/``gt`` are unbounded on the other side (``-inf``/``inf`` as +-10**9).
    """
    v = Fraction(str(value))
    t = None if tolerance is None or (isinstance(tolerance, float) and math.isnan(tolerance)) \
        else Fraction(str(tolerance))
    big = Fraction(10 ** 9)
    if comparison == "approx":
        t = Fraction(1, 2) if t is None else t
        return v - t, v + t, False, False
    if comparison == "lt":
        return (v - t if t is not None else -big), v, False, True
    if comparison == "gt":
        return v, (v + t if t is not None else big), True, False
    raise ValueError(f"geen benaderingsregel voor vergelijking {comparison!r}")


def in_window(x: float, comparison: str, value, tolerance=None) -> bool:
    """Whether ``x`` lies in the :func:`window` of a row (with 1e-9 slack on closed ends)."""
    lo, hi, lo_open, hi_open = window(comparison, value, tolerance)
    x = float(x)
    lo_ok = x > float(lo) if lo_open else x >= float(lo) - 1e-9
    hi_ok = x < float(hi) if hi_open else x <= float(hi) + 1e-9
    return lo_ok and hi_ok
