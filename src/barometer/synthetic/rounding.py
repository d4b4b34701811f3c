"""Round half up with Decimal, and the integer sets that round to a published value."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
import math


def round_half_up(x, decimals: int = 0) -> Decimal:
    """Round ``x`` half up to ``decimals`` places using Decimal (never binary floats)."""
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
    else:
        d = Decimal(str(x))
    q = Decimal(1).scaleb(-decimals)
    return d.quantize(q, rounding=ROUND_HALF_UP)


def interval(value, decimals: int) -> tuple[Fraction, Fraction]:
    """Half-open interval [lo, hi) of exact values that round half up to ``value``."""
    v = Fraction(str(value))
    h = Fraction(1, 2 * 10 ** decimals)
    return v - h, v + h


def pct_counts(p, n: int, decimals: int = 0) -> list[int]:
    """All k in 0..n with round_half_up(100 k / n) == p."""
    lo, hi = interval(p, decimals)
    return [k for k in range(n + 1) if lo <= Fraction(100 * k, n) < hi]


def mean_sums(m, n: int, unit: int, decimals: int = 2) -> list[int]:
    """All integer S (in 1/unit steps) with round_half_up(S / (unit n)) == m."""
    lo, hi = interval(m, decimals)
    a = math.ceil(lo * unit * n)
    b = math.ceil(hi * unit * n) - 1
    return [s for s in range(a, b + 1) if lo <= Fraction(s, unit * n) < hi]
