"""Interval columns for the downloads of the chapters' exhibits (``ondergrens``, ``bovengrens``).

One function, :func:`met_intervallen`, adds the 95% interval of every percentage (Wilson)
and mean (t) of an exhibit's tidy data frame, with the finite-population correction of the
edition's invited population (:mod:`barometer.analysis.uncertainty`; the methods chapter states the
methods). Rows on a base below the edition's minimum base get no interval, as they get no
figure. The displayed numbers do not change: only the ``data=`` frame of an exhibit (its
CSV/Excel download) gains the two columns.
"""
from __future__ import annotations

import math

import pandas as pd

from barometer.presentation import disclosure
from barometer.analysis.uncertainty import difference_ci, domain_population, mean_ci_from_summary, share_ci

__all__ = ["met_intervallen", "BOUNDS", "verschil_interval"]

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
        (or the base column) for means; a year column (``jaar``/``year``) where the frame has several years,
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
    n_col = "n" if "n" in frame.columns else base_col
    if not ((base_col and (count_col or pct_col)) or (mean_col and "sd" in frame.columns and n_col)):
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
            n = pd.to_numeric(r[n_col], errors="coerce")
            if pd.isna(n) or n < max(ed.min_base, 2):
                lows.append(math.nan), highs.append(math.nan)
                continue
            m = mean_ci_from_summary(float(r[mean_col]), float(r["sd"]), int(n), population(year, int(n)))
            lo, hi = m["low"], m["high"]
        lows.append(lo), highs.append(hi)
    out["ondergrens"] = lows
    out["bovengrens"] = highs
    return out


def verschil_interval(ed, before, now, year_before: int | None, year_now: int | None = None) -> tuple[float, float] | None:
    """Newcombe's 95% interval (with the FPC) of the change of a share between two years.

    Parameters
    ----------
    ed : Edition
    before, now : mapping or :class:`barometer.analysis.statistics.Result` or None
        The share in the comparison year and in the edition year: a row with ``count`` and
        ``base`` (or a ``Result`` with ``count`` and ``base_n``).
    year_before, year_now : int
        Their years (``year_now`` defaults to the edition's year).

    Returns
    -------
    (float, float) or None
        Bounds in percentage points (``now - before``); None when there is nothing to compare
        or either base may not be published (the disclosure policy), so that no interval
        stands beside a suppressed figure.
    """
    if before is None or now is None or year_before is None:
        return None
    year_now = ed.year if year_now is None else year_now

    def parts(r):
        if hasattr(r, "base_n"):
            return r.count, r.base_n
        return r["count"], r["base"]

    (c1, n1), (c2, n2) = parts(before), parts(now)
    if any(pd.isna(v) for v in (c1, n1, c2, n2)) or disclosure.is_small(n1, ed.min_base) \
            or disclosure.is_small(n2, ed.min_base):
        return None
    pops = {}
    for y in (year_before, year_now):
        respondents = len(ed.frames[y]) if y in ed.frames else 0
        pops[y] = domain_population(int(y), respondents)
    return difference_ci(float(c1), int(n1), float(c2), int(n2), pops[year_before](int(n1)), pops[year_now](int(n2)))
