"""Dutch number formatting: the one place where figures are rounded and formatted.

Every number a reader sees goes through this module. Analysis functions return full
precision; rounding (half up, with :class:`decimal.Decimal`, never the float ``round``) and
Dutch formatting (Babel, locale ``nl_NL``: decimal comma, thousands point) happen here.

Conventions of the report that this module follows:

- percentages on whole percent, written ``76%``;
- means and standard deviations on two decimals, ``3,63``;
- counts with a thousands point, ``1.611``;
- differences in percentage points, ``10 procentpunt``;
- no figure where the base is smaller than the minimum base: the cell shows ``#``; the rule
  (threshold, symbol, secondary suppression) lives in :mod:`barometer.presentation.disclosure` and
  ``data/disclosure.yaml``, and the functions here that take a base call it;
- ``-`` where a question was not asked (or an answer option did not exist) that year;
- odds ratios and their interval bounds on two decimals, ``∞`` for an unbounded bound and
  ``> 1.000`` / ``< 0,01`` beyond what two decimals can show (:func:`odds_ratio`).
"""

from __future__ import annotations

import math
import numbers
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Mapping, Sequence

import pandas as pd
from babel.numbers import format_decimal

from barometer.presentation import disclosure as _disclosure

__all__ = [
    "LOCALE",
    "MIN_BASE",
    "SMALL_CELL",
    "NOT_ASKED",
    "round_half_up",
    "is_missing",
    "pct",
    "dec",
    "num",
    "pp",
    "INFINITY",
    "NOT_ESTIMABLE",
    "OR_MAX",
    "odds_ratio",
    "p_text",
    "or_interval",
    "suppress",
    "format_value",
    "format_series",
    "display_frame",
]

#: Babel locale of every formatted number.
LOCALE = "nl_NL"
#: Default minimum base for showing a figure (``data/disclosure.yaml``, ``threshold``).
MIN_BASE = _disclosure.policy().threshold
#: Symbol shown instead of a figure with a base below the minimum (``data/disclosure.yaml``).
SMALL_CELL = _disclosure.policy().symbol
#: Symbol for "not asked / option did not exist" (the report's ``-``).
NOT_ASKED = "-"

# Float noise (e.g. 3.6349999999999998 for an exact 3.635) is removed by first rounding
# to this many decimals (half even) before the half-up rounding to the shown decimals.
_NOISE_DECIMALS = 9


#: True for None, NaN, ``pd.NA`` and ``pd.NaT`` (one definition, in the lower module
#: :mod:`barometer.presentation.disclosure`, which this module imports).
is_missing = _disclosure.is_missing


def round_half_up(x: Any, decimals: int = 0) -> Decimal:
    """Round a number half up (away from zero at .5) to ``decimals`` decimals.

    Parameters
    ----------
    x : int, float, Decimal, numpy scalar or str
        The full-precision value.
    decimals : int, default 0
        Decimals to keep.

    Returns
    -------
    Decimal
        The rounded value with exactly ``decimals`` decimals (``Decimal('76')``,
        ``Decimal('3.64')``).

    Raises
    ------
    ValueError
        If ``x`` is missing or not a finite number.

    Notes
    -----
    A float is converted through its shortest repr (``str``), so ``2.675`` rounds to
    ``2.68`` (Python's ``round`` gives 2.67). Values are first rounded to nine decimals to
    remove floating-point noise of computed means (a mean of exactly 3.635 computed as
    3.63499999999 still rounds to 3.64). Halves are rounded away from zero, also for
    negative numbers (-0.5 -> -1), as SPSS does.

    Examples
    --------
    >>> round_half_up(12.5)
    Decimal('13')
    >>> round_half_up(2.675, 2)
    Decimal('2.68')
    """
    if is_missing(x):
        raise ValueError("round_half_up: value is missing (None/NaN); format it with na_rep.")
    if isinstance(x, Decimal):
        d = x
    else:
        if isinstance(x, numbers.Integral):
            d = Decimal(int(x))
        else:
            try:
                f = float(x)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"round_half_up: {x!r} is not a number.") from exc
            if not math.isfinite(f):
                raise ValueError(f"round_half_up: {x!r} is not a finite number.")
            d = Decimal(repr(f))
    if not d.is_finite():
        raise ValueError(f"round_half_up: {x!r} is not a finite number.")
    try:
        d = d.quantize(Decimal(1).scaleb(-_NOISE_DECIMALS), rounding=ROUND_HALF_EVEN)
        return d.quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # pragma: no cover - absurdly large numbers
        raise ValueError(f"round_half_up: cannot round {x!r} to {decimals} decimals.") from exc


def _pattern(decimals: int, grouping: bool = True) -> str:
    body = "#,##0" if grouping else "0"
    return body + ("." + "0" * decimals if decimals > 0 else "")


def _fmt(x: Any, decimals: int, grouping: bool = True) -> str:
    d = round_half_up(x, decimals)
    if d == 0:
        d = abs(d)  # no "-0"
    return format_decimal(d, format=_pattern(decimals, grouping), locale=LOCALE)


def pct(x: Any, decimals: int = 0, na_rep: str = NOT_ASKED) -> str:
    """Format a percentage (0–100 scale) the Dutch way: ``76%``, ``12,5%``.

    Parameters
    ----------
    x : number
        Percentage at full precision, on the 0–100 scale (not a proportion).
    decimals : int, default 0
        Decimals shown (the report: 0).
    na_rep : str, default ``"-"``
        Shown for a missing value.

    Returns
    -------
    str
    """
    if is_missing(x):
        return na_rep
    return _fmt(x, decimals) + "%"


def dec(x: Any, decimals: int = 2, na_rep: str = NOT_ASKED) -> str:
    """Format a decimal number with a decimal comma: ``dec(3.625) == "3,63"``.

    Parameters
    ----------
    x : number
    decimals : int, default 2
        Decimals shown (the report: 2 for means and standard deviations).
    na_rep : str, default ``"-"``

    Returns
    -------
    str
        With a thousands point where needed (``1.234,50``) and a leading zero (``0,54``;
        the printed report drops it, as SPSS output does).
    """
    if is_missing(x):
        return na_rep
    return _fmt(x, decimals)


def num(n: Any, na_rep: str = NOT_ASKED) -> str:
    """Format a count with a thousands point: ``num(1611) == "1.611"``.

    Non-integral input is rounded half up to a whole number first.
    """
    if is_missing(n):
        return na_rep
    return _fmt(n, 0)


def pp(x: Any, decimals: int = 0, signed: bool = False, na_rep: str = NOT_ASKED) -> str:
    """Format a difference in percentage points: ``pp(10) == "10 procentpunt"``.

    Parameters
    ----------
    x : number
        Difference of two percentages (0–100 scale).
    decimals : int, default 0
    signed : bool, default False
        False: the size of the difference (``pp(-10) == "10 procentpunt"``; let
        :func:`barometer.presentation.glue.direction` say which way it goes). True: with sign
        (``"-10 procentpunt"``, ``"+10 procentpunt"``).
    na_rep : str, default ``"-"``

    Returns
    -------
    str
        Dutch uses the singular after a number ("37 procentpunt").
    """
    if is_missing(x):
        return na_rep
    value = round_half_up(x, decimals)
    if not signed:
        value = abs(value)
    text = _fmt(value, decimals)
    if signed and value > 0:
        text = "+" + text
    return f"{text} procentpunt"


#: Shown for an infinite odds ratio or interval bound (separation).
INFINITY = "∞"
#: Said of a regression term that the data do not bound (``estimable`` False in
#: ``barometer.analysis.models.LogitResult``: (quasi-)separation).
NOT_ESTIMABLE = "niet te schatten"
#: Largest odds ratio shown as a number; a larger finite one is shown as ``> 1.000``.
OR_MAX = 1000


def p_text(p: float) -> str:
    """A p-value in Dutch: ``p = 0,012`` or ``p < 0,001``; ``p = -`` when missing."""
    if p is None or math.isnan(p):
        return "p = -"
    return "p < 0,001" if p < 0.001 else f"p = {dec(p, 3)}"


def odds_ratio(x: Any, decimals: int = 2, na_rep: str = NOT_ASKED) -> str:
    """Format an odds ratio or a bound of its interval: ``odds_ratio(2.637) == "2,64"``.

    The one rule for odds ratios in the book (tables, claims, glued prose).

    Parameters
    ----------
    x : number
        Odds ratio (or interval bound) at full precision, 0 to infinity.
    decimals : int, default 2
    na_rep : str, default ``"-"``

    Returns
    -------
    str
        ``∞`` for an infinite value and ``> 1.000`` for one above :data:`OR_MAX` (both arise
        under (quasi-)separation, where the model does not bound the term; see
        ``barometer.analysis.models.LogitResult``, column ``estimable``); ``< 0,01`` for a positive
        value or 0 that would round to ``0,00`` (an odds ratio is never 0).

    Examples
    --------
    >>> odds_ratio(float("inf")), odds_ratio(5.1e9), odds_ratio(0.0), odds_ratio(0.2278)
    ('∞', '> 1.000', '< 0,01', '0,23')
    """
    if is_missing(x):
        return na_rep
    f = float(x)
    if math.isinf(f) and f > 0:
        return INFINITY
    if f > OR_MAX:
        return "> " + num(OR_MAX)
    smallest = Decimal(1).scaleb(-int(decimals))
    if f >= 0 and round_half_up(f, decimals) < smallest:
        return "< " + _fmt(smallest, decimals)
    return dec(f, decimals)


def or_interval(low: Any, high: Any, decimals: int = 2, sep: str = " – ", na_rep: str = NOT_ASKED) -> str:
    """Format a confidence interval of an odds ratio: ``"1,12 – 6,23"``, ``"< 0,01 – ∞"``.

    Both bounds as :func:`odds_ratio`; ``sep`` between them (``"–"`` inside running text).
    """
    return f"{odds_ratio(low, decimals, na_rep)}{sep}{odds_ratio(high, decimals, na_rep)}"


def suppress(value: Any, n: Any, min_base: int = MIN_BASE, symbol: str = SMALL_CELL) -> Any:
    """Apply the small-cell rule: no figure where the base is below ``min_base``.

    Kept for callers outside the package; exhibits call :func:`barometer.presentation.disclosure.show`.

    Parameters
    ----------
    value : any
        The (formatted or unformatted) value.
    n : int
        Base of the value (number of respondents it is computed on).
    min_base : int, default 5
        Minimum base (codebook ``meta.min_base``).
    symbol : str, default ``"#"``

    Returns
    -------
    The ``symbol`` if ``n`` is missing or ``n < min_base``, else ``value`` unchanged.
    """
    if _disclosure.is_small(n, min_base):
        return symbol
    return value


_FORMATTERS: dict[str, Callable[..., str]] = {
    "pct": pct,
    "dec": dec,
    "mean": dec,
    "sd": dec,
    "num": num,
    "n": num,
    "count": num,
    "pp": pp,
}


def format_value(
    x: Any,
    kind: str,
    decimals: int | None = None,
    n: Any = None,
    min_base: int | None = None,
    na_rep: str = NOT_ASKED,
) -> str:
    """Format one value of a given kind, applying the small-cell rule if ``n`` is given.

    Parameters
    ----------
    x : number
    kind : {"pct", "dec", "mean", "sd", "num", "n", "count", "pp", "text"}
    decimals : int, optional
        Defaults: 0 for pct/pp, 2 for dec/mean/sd.
    n : int, optional
        Base of the value; with ``min_base``, a base below it gives ``#``.
    min_base : int, optional
        Minimum base; None disables suppression.
    na_rep : str
        Shown for a missing value.

    Returns
    -------
    str
    """
    if min_base is not None and n is not None and _disclosure.is_small(n, min_base):
        return SMALL_CELL
    if kind == "text":
        return na_rep if is_missing(x) else str(x)
    try:
        fmt = _FORMATTERS[kind]
    except KeyError:
        raise ValueError(f"format_value: unknown kind {kind!r}; use one of {sorted(_FORMATTERS)} or 'text'.") from None
    if kind in ("num", "n", "count"):
        return fmt(x, na_rep=na_rep)
    if decimals is None:
        return fmt(x, na_rep=na_rep)
    return fmt(x, decimals, na_rep=na_rep)


def format_series(
    values: Sequence | pd.Series,
    kind: str,
    decimals: int | None = None,
    n: Sequence | pd.Series | None = None,
    min_base: int | None = None,
    na_rep: str = NOT_ASKED,
) -> pd.Series:
    """Format a column of values (vectorised :func:`format_value`), keeping its index.

    Returns
    -------
    pandas.Series of str
    """
    s = values if isinstance(values, pd.Series) else pd.Series(list(values))
    if n is None:
        ns = [None] * len(s)
    else:
        ns = list(n.reindex(s.index) if isinstance(n, pd.Series) else n)
    out = [
        format_value(v, kind, decimals, nn, min_base if n is not None else None, na_rep)
        for v, nn in zip(s.tolist(), ns)
    ]
    return pd.Series(out, index=s.index, name=s.name, dtype="object")


def display_frame(
    tidy: pd.DataFrame,
    formats: Mapping[str, str | tuple[str, int]],
    base: str | None = None,
    min_base: int | None = MIN_BASE,
    headers: Mapping[str, str] | None = None,
    index: str | Sequence[str] | None = None,
    index_labels: Mapping[Any, str] | None = None,
    na_rep: str = NOT_ASKED,
) -> pd.DataFrame:
    """Turn a full-precision frame into a display frame of Dutch-formatted strings.

    Parameters
    ----------
    tidy : DataFrame
        Full-precision values, one row per table row.
    formats : mapping column -> kind or (kind, decimals)
        Columns to show, in order, with their kind (see :func:`format_value`). Columns not
        listed are dropped.
    base : str, optional
        Column with the base n of each row; where it is below ``min_base`` every
        non-base cell of the row shows ``#`` (the base itself is shown, or ``#`` if
        ``base`` is also listed in ``formats``, as in Tabel B1-10).
    min_base : int or None, default 5
    headers : mapping column -> Dutch header, optional
        Column headers (take them from the codebook or the table definition).
    index : str or list of str, optional
        Column(s) to use as the row index of the display frame.
    index_labels : mapping, optional
        Labels for the index values (e.g. codebook labels of the codes).
    na_rep : str, default ``"-"``

    Returns
    -------
    DataFrame
        Strings only; columns renamed with ``headers``.
    """
    frame = tidy.set_index(index) if index is not None else tidy
    out = {}
    n = frame[base] if base is not None else None
    for col, spec in formats.items():
        kind, decimals = (spec, None) if isinstance(spec, str) else spec
        out[col] = format_series(frame[col], kind, decimals, n, min_base, na_rep)
    result = pd.DataFrame(out, index=frame.index)
    if index_labels is not None:
        result.index = [index_labels.get(i, i) for i in result.index]
    if headers:
        result = result.rename(columns=dict(headers))
    return result
