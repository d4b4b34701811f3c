"""Interval bounds beside an exhibit kept *as printed*: what they may add to the print.

An exhibit of the printed report keeps, in the report's edition and at its threshold, the
cells the report printed (``published_as_is`` in ``data/disclosure.yaml``), although the whole
disclosure rule would hide one more cell: the smallest group of a block whose total is shown
and in which one group is unknown (in the 2025 edition: the Hoge Colleges van Staat, counted
in the total only). Such a download carries the printed rounding only
(:func:`barometer.presentation.exhibit.download_frame`), because full precision beside the printed
cells would give the unknown group away. Its interval bounds (:mod:`barometer.presentation.intervals`)
pass the same policy: they are blanked where their value is (primary suppression), written
with the printed rounding, and this module decides which further bounds must be blanked.

Rule: in a block where the whole rule would hide a cell that the print shows, a bound is
published only where it follows from what is printed, so that it adds nothing to the print:

- a percentage on a base ``n`` whose printed (rounded) value leaves exactly one count
  possible (``round_half_up(100 c / n) == printed`` for one ``c`` only; for every base up to
  100 and a whole percent that is always so) has bounds that are a function of the printed
  cell and its (public) base: shown;
- a percentage whose printed value leaves several counts possible (a total of 347 printed
  as 76% allows 262 to 265) would get its exact count back from a bound at full precision,
  and often from the two rounded bounds beside the rounded value; with the exact counts of
  the other groups (each fixed by its print) and the total, the unknown group's count is
  the difference: left out;
- a mean's bounds are its exact value plus and minus a margin: its midpoint is the mean at
  full precision, which the print rounds; left out in such a block.

Blocks where the whole rule hides nothing beyond the print (two unknown groups, as in 2021
when the Provincie is below the threshold as well) keep every bound of a shown cell: nothing
there follows from a difference. The row's status says that its interval is not given.

Such a bound is left out, not recorded as a suppressed cell (``onderdrukt`` in the sidecar):
it is no secret value in itself (another exhibit may publish the same total with its
interval, e.g. the share of innovators in chapter 2.1), only its combination with this
exhibit's printed cells is; the audit's check that a suppressed value appears nowhere else
would otherwise report the other exhibit. That the combination across exhibits (an exact
total elsewhere beside the printed groups here) still gives the unknown group away is a
matter of the edition, not of this download (see the report of branch ``happ``).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from barometer.analysis.statistics import TOTAL
from barometer.presentation import disclosure
from barometer.presentation.formatting import round_half_up
from barometer.presentation.vocabulary import decimals_of

__all__ = ["BOUND_STEMS", "is_bound", "bound_decimals", "count_fixed_by_print", "protect_printed"]

#: Column stems of interval bounds (``ondergrens``, ``bovengrens_2021`` …).
BOUND_STEMS = ("ondergrens", "bovengrens")
#: The policy's status key for a row whose value is shown and whose interval is not
#: (``status`` in ``data/disclosure.yaml``; a fallback text when the file has none).
STATUS_KEY = "printed_bounds"
_STATUS_FALLBACK = "interval niet getoond: met de gedrukte cijfers zou het een verborgen groep prijsgeven"


def is_bound(column: str) -> bool:
    """True for an interval bound column (``ondergrens``, ``bovengrens``, ``ondergrens_<x>``)."""
    return any(column == s or column.startswith(s + "_") for s in BOUND_STEMS)


def _estimates(prot: disclosure.Protected) -> list[str]:
    """The rounded estimates of a frame (not flags): the values the bounds belong to."""
    frame = prot.frame
    return [c for c in prot.value_columns if not is_bound(c) and decimals_of(c) is not None
            and not pd.api.types.is_bool_dtype(frame[c])]


def bound_decimals(column: str, prot: disclosure.Protected) -> int | None:
    """Decimals of a bound as printed: those of the estimate it bounds (a percentage 0, a mean 2)."""
    if not is_bound(column):
        return None
    decimals = [decimals_of(c) for c in _estimates(prot)]
    if not decimals:
        return None
    return 0 if 0 in decimals else max(decimals)


def count_fixed_by_print(value: Any, base: Any) -> bool:
    """Whether a printed whole percentage on ``base`` leaves exactly one count possible.

    Examples
    --------
    >>> count_fixed_by_print(200 / 3, 6), count_fixed_by_print(264 / 347 * 100, 347)
    (True, False)
    """
    try:
        v, n = float(value), int(float(base))
    except (TypeError, ValueError):
        return False
    if v != v or n <= 0:
        return False
    printed = round_half_up(v, 0)
    return sum(round_half_up(100.0 * c / n, 0) == printed for c in range(n + 1)) == 1


def _blocks(frame: pd.DataFrame, values: list[str], bases: list[str]) -> tuple[str | None, list[str]]:
    """The group column (holding ``Totaal``) and the columns that, beside it, define a block.

    As :func:`barometer.presentation.disclosure.protect` forms its blocks: key columns that are
    constant within a group (its labels) do not split blocks; the other key columns do.
    """
    keys = [c for c in frame.columns if c not in values and c not in bases
            and c != disclosure.policy().status_column]
    group = next((c for c in keys if frame[c].astype(str).eq(TOTAL).any()), None)
    if group is None:
        return None, []
    labels = [c for c in keys if c != group
              and frame.groupby(group, sort=False)[c].nunique(dropna=False).max() == 1
              and frame[c].nunique(dropna=False) > 1]
    return group, [c for c in keys if c != group and c not in labels]


def protect_printed(printed: disclosure.Protected, data: pd.DataFrame,
                    min_base: int | None = None) -> disclosure.Protected:
    """Blank the bounds of an exhibit kept as printed that would add to the print (module rule).

    Parameters
    ----------
    printed : Protected
        The policy applied with primary suppression only (the print), to ``data``.
    data : DataFrame
        The exhibit's full-precision data.
    min_base : int, optional
        Threshold in force.

    Returns
    -------
    Protected
        ``printed`` with the bounds blanked that the module's rule leaves out, named in the
        row's status (not recorded as suppressed cells: see the module's notes).
    """
    frame = printed.frame
    bounds = [c for c in printed.value_columns if is_bound(c)]
    if not bounds:
        return printed
    whole = disclosure.protect(data, min_base, secondary=True)
    beyond = {c.row for c in whole.cells if c.reason == "secondary"}
    if not beyond:
        return printed
    group, block_cols = _blocks(frame, printed.value_columns, printed.base_columns)
    if group is None:
        return printed

    def block(i: int) -> tuple:
        return tuple(str(frame.at[i, c]) for c in block_cols)

    blocks = {block(i) for i in beyond}
    estimates = _estimates(printed)
    shares = [c for c in estimates if decimals_of(c) == 0]
    pol = disclosure.policy()
    status = pol.status.get(STATUS_KEY, _STATUS_FALLBACK).format(
        threshold=disclosure.threshold(min_base), symbol=pol.symbol)
    frame = frame.copy()
    for i in frame.index:
        if block(i) not in blocks:
            continue
        fixed = bool(shares) and all(
            count_fixed_by_print(frame.at[i, s], frame.at[i, printed.bases_of[s]]) for s in shares
            if not disclosure.is_missing(frame.at[i, s]))
        if fixed:
            continue
        hidden = False
        for b in bounds:
            if disclosure.is_missing(frame.at[i, b]):
                continue
            frame.at[i, b] = float("nan")  # left out beside the print (see the module's notes)
            hidden = True
        if hidden and pol.status_column in frame.columns and not str(frame.at[i, pol.status_column]):
            frame.at[i, pol.status_column] = status
    return disclosure.Protected(frame, list(printed.cells), printed.base_columns, printed.value_columns,
                                printed.min_base, dict(printed.bases_of))
