"""The invited population per sector and year: ``data/external/population-<year>.csv``.

The respondent files hold who responded, not who was invited. The report publishes, per
sector, the number of responding organisations and the response rate rounded to whole
percent (Tabel B1-1 of 2025); the 2021 edition publishes only the total (366 organisations,
27%, "bijna 1.400" invited). The number invited follows from these two up to the rounding
of the rate: every integer ``N`` with ``round_half_up(100 * n / N) == rate`` is possible
(:func:`invited_range`); the file records that range and one point value inside it (the
integer nearest to ``100 * n / rate``, :func:`invited_point`). Provenance and the choice of
the point value: ``data/external/README.md`` and the file's ``.meta.yaml`` sidecar.

This module is the one reader of those files (:func:`read_population`); the response-rate
column of Tabel B1-1 and the post-stratification weights (:mod:`barometer.analysis.uncertainty`)
take their numbers from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from barometer.data import paths

__all__ = ["Population", "PopulationError", "COLUMNS", "invited_range", "invited_point",
           "population_path", "read_population"]

#: Columns of a population file, in order.
COLUMNS = ("sector", "label", "respondents", "response_rate_published", "invited",
           "invited_min", "invited_max", "source")


class PopulationError(ValueError):
    """A population file is malformed or inconsistent (Dutch message naming file, row, column)."""


@dataclass(frozen=True)
class Population:
    """Invited organisations of one measurement year.

    Attributes
    ----------
    year : int
    by_sector : dict
        Sector code -> invited organisations (point value); empty when the edition publishes
        only a total (2021).
    total : int or None
        Invited organisations in all (point value).
    table : DataFrame
        The file as read (:data:`COLUMNS`; the total row has ``sector`` NaN).
    path : Path
    """

    year: int
    by_sector: dict[int, int]
    total: int | None
    table: pd.DataFrame = field(repr=False)
    path: Path | None = None


def _rounded(count: int, n: int) -> int:
    return int((Decimal(100 * count) / Decimal(n)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def invited_range(respondents: int, rate: float) -> tuple[int, int]:
    """Smallest and largest integer number invited that reproduce a rounded response rate.

    Parameters
    ----------
    respondents : int
        Responding organisations (n).
    rate : float
        Published response rate in whole percent (rounded half up).

    Returns
    -------
    (int, int)
        ``N_min <= N_max``, every ``N`` in between with ``round_half_up(100 n / N) == rate``.

    Raises
    ------
    PopulationError
        No integer ``N >= n`` gives that rate.

    Examples
    --------
    >>> invited_range(89, 26)  # Gemeente, Tabel B1-1 of 2025
    (336, 349)
    """
    target = int(Decimal(str(rate)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if respondents <= 0 or target <= 0:
        raise PopulationError(f"responsaantal {respondents} en percentage {rate}: geen aantal benaderden te bepalen")
    lo = max(respondents, int(100 * respondents / (target + 0.5)) - 2)
    hi = int(100 * respondents / max(target - 0.5, 0.01)) + 2
    ok = [n for n in range(max(lo, 1), hi + 1) if _rounded(respondents, n) == target]
    if not ok:
        raise PopulationError(f"geen geheel aantal benaderden geeft {respondents} respondenten bij {target}% respons")
    return min(ok), max(ok)


def invited_point(respondents: int, rate: float) -> int:
    """The point value of the number invited: the integer nearest to ``100 n / rate`` within
    :func:`invited_range` (ties: the smaller).

    >>> invited_point(89, 26), invited_point(6, 50), invited_point(11, 52)
    (342, 12, 21)
    """
    lo, hi = invited_range(respondents, rate)
    exact = 100 * respondents / float(rate)
    return min(range(lo, hi + 1), key=lambda n: (abs(n - exact), n))


def population_path(year: int, directory: Path | None = None) -> Path:
    """``data/external/population-<year>.csv``."""
    return (directory if directory is not None else paths.EXTERNAL) / f"population-{year}.csv"


def read_population(year: int, path: str | Path | None = None) -> Population | None:
    """Read the invited population of ``year``.

    Parameters
    ----------
    year : int
    path : str or Path, optional
        Default :func:`population_path`.

    Returns
    -------
    Population or None
        None when the year has no population file.

    Raises
    ------
    PopulationError
        Missing column; a value that is not a whole number; an invited count outside its
        range or below the respondents; a point value that does not reproduce the published
        rate; sector counts that do not add up to the total row.
    """
    p = Path(path) if path is not None else population_path(year)
    if not p.exists():
        return None
    t = pd.read_csv(p, dtype={"label": str, "source": str})
    missing = [c for c in COLUMNS if c not in t.columns]
    if missing:
        raise PopulationError(f"{p.name}: kolom(men) {', '.join(missing)} ontbreken; verwacht: {', '.join(COLUMNS)}")
    for col in ("sector", "respondents", "response_rate_published", "invited", "invited_min", "invited_max"):
        v = pd.to_numeric(t[col], errors="coerce")
        bad = t.index[(v.notna() & (v != v.round())) | (t[col].notna() & v.isna())]
        if len(bad):
            i = int(bad[0])
            raise PopulationError(f"{p.name}, rij {i + 2}, kolom {col}: '{t.at[i, col]}' is geen geheel getal")
        t[col] = v.astype("Int64")
    for i, r in t.iterrows():
        where = f"{p.name}, rij {i + 2}"
        if pd.isna(r["invited"]):
            raise PopulationError(f"{where}, kolom invited: leeg; verwacht het aantal benaderde organisaties")
        if not (r["invited_min"] <= r["invited"] <= r["invited_max"]) or r["invited"] < r["respondents"]:
            raise PopulationError(f"{where}: benaderd {r['invited']} ligt niet tussen {r['invited_min']} en "
                                  f"{r['invited_max']} of is kleiner dan het aantal respondenten {r['respondents']}")
        if _rounded(int(r["respondents"]), int(r["invited"])) != int(r["response_rate_published"]):
            raise PopulationError(f"{where}: {r['respondents']} van {r['invited']} geeft niet de gepubliceerde "
                                  f"{r['response_rate_published']}% respons")
    sectors = t[t["sector"].notna()]
    totals = t[t["sector"].isna()]
    if len(totals) > 1:
        raise PopulationError(f"{p.name}: meer dan één totaalrij (lege sector)")
    by_sector = {int(s): int(n) for s, n in zip(sectors["sector"], sectors["invited"])}
    total = int(totals["invited"].iloc[0]) if len(totals) else (sum(by_sector.values()) or None)
    if by_sector and len(totals):
        for col in ("respondents", "invited"):
            if int(sectors[col].sum()) != int(totals[col].iloc[0]):
                raise PopulationError(f"{p.name}, kolom {col}: de sectoren tellen op tot {int(sectors[col].sum())}, "
                                      f"de totaalrij zegt {int(totals[col].iloc[0])}")
    return Population(int(year), by_sector, total, t, p)
