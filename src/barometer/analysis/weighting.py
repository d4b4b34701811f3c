"""Weighting sensitivity: the headline figures post-stratified by sector to the invited population.

The book shows unweighted figures, as the report published them. Response rates differ by
sector (17% of the Rijksoverheid, 52% of the waterschappen, Tabel B1-1), so sectors weigh
in the respondents differently than in the population. This module reweights every
respondent by ``N_h / n_h`` of its sector (invited organisations over respondents,
:mod:`barometer.data.population`) and sets the weighted headline figures beside the unweighted
ones, each with its 95% interval:

- unweighted share: Wilson interval with the finite-population correction of the survey's
  sampling fraction (:func:`barometer.analysis.uncertainty.share_ci`); unweighted mean: t-interval
  with the same correction (:func:`barometer.analysis.uncertainty.mean_ci`). For a subgroup (the
  innovators) the fraction of the whole survey, ``n / N``, is used;
- weighted: post-stratified estimate with the design-based variance of the `svy` package
  (:func:`barometer.analysis.uncertainty.poststratified`).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from barometer.data.codebook import Codebook, load_codebook
from barometer.data.population import Population, read_population
from barometer.analysis.statistics import analysis_values, parse_codes, statistic
from barometer.analysis.uncertainty import mean_ci, poststratified, share_ci

__all__ = ["HEADLINES", "headline_sensitivity", "WeightingError"]

#: The headline figures of the sensitivity: (variable, codes or None for a mean, kind).
#: Innovating (§2.1), the four types (§2.1), the climate score (§2.4) and the three most
#: named promoting factors (§2.3, codes 4|5 = (zeer) bevorderend).
HEADLINES: tuple[tuple[str, Any, str], ...] = (
    ("innovated", 1, "share"),
    ("type_product", 1, "share"),
    ("type_service", 1, "share"),
    ("type_process", 1, "share"),
    ("type_interaction", 1, "share"),
    ("climate_scale", None, "mean"),
    ("factor_staff", "4|5", "share"),
    ("factor_collaboration", "4|5", "share"),
    ("factor_skills", "4|5", "share"),
)


class WeightingError(ValueError):
    """No weighting possible for an edition (no population per sector)."""


def _value(df: pd.DataFrame, variable: str, codes: Any, cb: Codebook) -> pd.Series:
    v = analysis_values(df, variable, cb)
    if codes is None:
        return v
    return v.isin([float(c) for c in parse_codes(codes)]).astype(float).where(v.notna())


def headline_sensitivity(df: pd.DataFrame, year: int, population: Population | None = None,
                         codebook: Codebook | None = None) -> pd.DataFrame:
    """Unweighted and post-stratified headline figures of one edition, with 95% intervals.

    Parameters
    ----------
    df : DataFrame
        Respondent frame (derived variables added), the rows of ``year`` are used.
    year : int
    population : Population, optional
        Default :func:`barometer.data.population.read_population` of ``year``.

    Returns
    -------
    DataFrame
        One row per headline figure asked in ``year``: ``variable``, ``codes``, ``kind``
        (``share`` in percent, ``mean``), ``label``, ``n``, ``unweighted``,
        ``unweighted_low``, ``unweighted_high``, ``weighted``, ``weighted_se``,
        ``weighted_low``, ``weighted_high``, ``difference`` (weighted − unweighted).

    Raises
    ------
    WeightingError
        The year has no population per sector.

    Notes
    -----
    ``unweighted`` equals :func:`barometer.analysis.statistics.statistic` of the same figure (the
    number the chapters show).
    """
    cb = codebook if codebook is not None else load_codebook()
    pop = population if population is not None else read_population(year)
    if pop is None or not pop.by_sector:
        raise WeightingError(f"geen aantallen benaderde organisaties per sector voor {year}: geen weging mogelijk")
    d = df[pd.to_numeric(df[cb.year_column], errors="coerce") == year].reset_index(drop=True)
    counts = pd.to_numeric(d["sector"], errors="coerce").value_counts()
    too_many = [int(c) for c, k in counts.items() if k > pop.by_sector.get(int(c), 0)]
    if too_many:
        raise WeightingError(
            f"in {year} hebben in sector(en) {', '.join(map(str, sorted(too_many)))} meer organisaties "
            "meegedaan dan er volgens het populatiebestand zijn benaderd (of de sector ontbreekt daarin): "
            "geen weging mogelijk")
    fraction = len(d) / pop.total if pop.total else None
    rows = []
    for variable, codes, kind in HEADLINES:
        if not cb.is_asked(variable, year) or (variable not in d.columns and variable not in cb.derived_variables):
            continue
        v = _value(d, variable, codes, cb)
        n = int(v.notna().sum())
        if n == 0:
            continue
        n_pop = int(math.ceil(n / fraction)) if fraction else None
        if kind == "share":
            un = statistic(d, variable, "pct", codes, year=year, codebook=cb).value
            lo, hi = share_ci(float(v.sum()), n, n_pop)
        else:
            un = statistic(d, variable, "mean", year=year, codebook=cb).value
            m = mean_ci(v, n_pop)
            lo, hi = m["low"], m["high"]
        w = poststratified(v, d["sector"], pop.by_sector, kind=kind)
        rows.append({"variable": variable, "codes": "" if codes is None else str(codes), "kind": kind,
                     "label": _label(cb, variable), "n": n, "unweighted": float(un),
                     "unweighted_low": lo, "unweighted_high": hi, "weighted": w["estimate"],
                     "weighted_se": w["se"], "weighted_low": w["low"], "weighted_high": w["high"],
                     "difference": w["estimate"] - float(un)})
    return pd.DataFrame(rows)


def _label(cb: Codebook, name: str) -> str:
    try:
        return cb.label(name)
    except Exception:  # noqa: BLE001 - a name without label shows as itself
        return name
