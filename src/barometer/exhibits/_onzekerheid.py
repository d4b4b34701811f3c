"""Interval columns for the downloads of the chapters' exhibits (``ondergrens``, ``bovengrens``).

One function, :func:`met_intervallen`, adds the 95% interval of every percentage (Wilson)
and mean (t) of an exhibit's tidy data frame, with the finite-population correction of the
edition's invited population (:mod:`barometer.uncertainty`; the methods chapter states the
methods). Rows on a base below the edition's minimum base get no interval, as they get no
figure. The displayed numbers do not change: only the ``data=`` frame of an exhibit (its
CSV/Excel download) gains the two columns.
"""
from __future__ import annotations

import math

import pandas as pd

from barometer.uncertainty import domain_population, mean_ci_from_summary, share_ci

__all__ = ["met_intervallen", "BOUNDS"]

#: The interval columns :func:`met_intervallen` adds, as a figure's ``interval=`` takes them.
BOUNDS = ("ondergrens", "bovengrens")

_YEAR = ("jaar", "year")
_COUNT = ("aantal", "count")
_BASE = ("basis", "base")
_MEAN = ("gemiddeld", "gemiddelde", "mean")
_PCT = ("percentage", "pct")


def _first(frame: pd.DataFrame, names) -> str | None:
    return next((c for c in names if c in frame.columns), None)


def met_intervallen(frame: pd.DataFrame | None, ed) -> pd.DataFrame | None:
    """``frame`` with ``ondergrens`` and ``bovengrens`` (95%) beside each percentage or mean.

    Parameters
    ----------
    frame : DataFrame or None
        Tidy data of an exhibit: a count and a base column (``aantal``/``count``,
        ``basis``/``base``) for percentages (without a count column, the count is the
        full-precision percentage times the base: ``percentage``/``pct``), or ``mean``/``gemiddeld``, ``sd`` and ``n``
        for means; a year column (``jaar``/``year``) where the frame has several years,
        else the edition's year.
    ed : Edition
        Gives the years' respondent counts (for the population of a base) and ``min_base``.

    Returns
    -------
    DataFrame or None
        A copy with the two columns (percent for shares, the scale's unit for means); the
        frame unchanged when it has neither counts nor means; None for None.
    """
    if frame is None:
        return None
    year_col = _first(frame, _YEAR)
    count_col, base_col = _first(frame, _COUNT), _first(frame, _BASE)
    pct_col = _first(frame, _PCT) if count_col is None else None
    mean_col = _first(frame, _MEAN)
    if not ((base_col and (count_col or pct_col)) or (mean_col and "sd" in frame.columns and "n" in frame.columns)):
        return frame
    out = frame.copy()
    pops = {}

    def population(year, n: int):
        try:
            y = int(year)
        except (TypeError, ValueError):
            y = int(ed.year)
        if y not in pops:
            respondents = len(ed.frames[y]) if y in ed.frames else 0
            pops[y] = domain_population(y, respondents)
        return pops[y](n)

    lows, highs = [], []
    for _, r in out.iterrows():
        year = r[year_col] if year_col else ed.year
        if base_col and (count_col or pct_col):
            base = pd.to_numeric(r[base_col], errors="coerce")
            if count_col:
                count = pd.to_numeric(r[count_col], errors="coerce")
            else:  # a share at full precision: its count is exact after rounding
                share = float(pd.to_numeric(r[pct_col], errors="coerce")) * float(base) / 100.0
                count = math.nan if math.isnan(share) else round(share)
            if pd.isna(base) or pd.isna(count) or base < ed.min_base:
                lows.append(math.nan), highs.append(math.nan)
                continue
            lo, hi = share_ci(float(count), int(base), population(year, int(base)))
        else:
            n = pd.to_numeric(r["n"], errors="coerce")
            if pd.isna(n) or n < max(ed.min_base, 2):
                lows.append(math.nan), highs.append(math.nan)
                continue
            m = mean_ci_from_summary(float(r[mean_col]), float(r["sd"]), int(n), population(year, int(n)))
            lo, hi = m["low"], m["high"]
        lows.append(lo), highs.append(hi)
    out["ondergrens"] = lows
    out["bovengrens"] = highs
    return out
