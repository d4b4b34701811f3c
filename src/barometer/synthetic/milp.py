"""A tiny modelling layer over ``scipy.optimize.milp`` (HiGHS), plus the constraints that make
a rounded published figure hold exactly (round half up, Decimal/Fraction arithmetic).

Expressions are dicts {var index: coefficient} plus a constant (key ``None``).
Deterministic: HiGHS with a fixed model order; no time limit; optimality gap 0 for small blocks.
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from .rounding import interval, mean_sums


#: Passed to HiGHS verbatim: one thread and a fixed random seed, so that the same model gives the
#: same solution on every machine (no time limits: they would make results load-dependent).
HIGHS_OPTIONS = {"threads": 1, "random_seed": 0}


class Infeasible(RuntimeError):
    pass


def lin(*terms) -> dict:
    """Sum expressions / (coef, expr) pairs into one expression."""
    out: dict = {}
    for t in terms:
        if isinstance(t, tuple):
            c, e = t
        else:
            c, e = 1, t
        for k, v in e.items():
            out[k] = out.get(k, 0) + c * v
    return out


class Model:
    def __init__(self, name: str, gap: float = 0.25):
        self.name = name
        self.gap = gap  # relative MIP gap: the objective only makes histograms plausible
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.integ: list[int] = []
        self.obj: list[float] = []
        self.rows: list[tuple[dict, float, float, str]] = []

    # ------------------------------------------------------------------ variables
    def var(self, lb=0, ub=np.inf, integer=True, cost=0.0) -> dict:
        self.lb.append(lb)
        self.ub.append(ub)
        self.integ.append(1 if integer else 0)
        self.obj.append(cost)
        return {len(self.lb) - 1: 1}

    def idx(self, e: dict) -> int:
        (k,) = [k for k in e if k is not None]
        return k

    def add(self, expr: dict, lo=-np.inf, hi=np.inf, label: str = "") -> None:
        const = expr.get(None, 0)
        e = {k: v for k, v in expr.items() if k is not None and v != 0}
        self.rows.append((e, lo - const, hi - const, label))

    def eq(self, expr, value, label=""):
        self.add(expr, value, value, label)

    def abs_dev(self, expr: dict, target: float, weight: float = 1.0) -> None:
        """Add weight * |expr - target| to the objective."""
        p = self.var(0, np.inf, integer=False, cost=weight)
        m = self.var(0, np.inf, integer=False, cost=weight)
        self.eq(lin(expr, (-1, p), m), target)

    # ------------------------------------------------------------------ published figures
    def pct(self, num: dict, den: dict | int, value, decimals=0, comparison="eq", tol=None,
            label: str = "") -> None:
        """round_half_up(100 num / den, decimals) == value (or approx / gt / lt), den > 0."""
        den_e = {None: den} if isinstance(den, (int, np.integer)) else den
        v = Fraction(str(value))
        if comparison == "eq":
            lo, hi = interval(v, decimals)
            lo_open, hi_open = False, True
        elif comparison in ("approx", "gt", "lt"):  # the window of the prose word (barometer.analysis.windows)
            from ..analysis.windows import window
            lo, hi, lo_open, hi_open = window(comparison, v, tol if tol is not None or comparison != "approx" else 1)
            lo, hi = max(lo, Fraction(-1)), min(hi, Fraction(101))
        else:
            raise ValueError(comparison)
        # lo <= 100 num / den (<) hi, scaled to integers: a strict bound is >= 1 / <= -1
        a = lin((100 * lo.denominator, num), (-lo.numerator, den_e))
        self.add({k: float(c) for k, c in a.items()}, 1 if lo_open else 0, np.inf, label)
        b = lin((100 * hi.denominator, num), (-hi.numerator, den_e))
        self.add({k: float(c) for k, c in b.items()}, -np.inf, -1 if hi_open else 0, label)

    def mean_sd(self, S: dict, Q: dict, n: int, unit: int, mean=None, sd=None, decimals=2,
                label: str = "", cands: list | None = None) -> None:
        """Mean and (n-1) standard deviation of a histogram with fixed n, values in 1/unit steps.

        S = sum of unit*value, Q = sum of (unit*value)^2 (both linear in the counts).
        var = (n Q - S^2) / (unit^2 n (n-1)); S^2 linearised with one binary per feasible S.
        """
        if cands is None:
            if mean is None:
                return
            cands = mean_sums(mean, n, unit, decimals)
        if not cands:
            raise Infeasible(f"{label}: no sum gives mean {mean} with n={n}")
        zs = [self.var(0, 1, True) for _ in cands]
        self.eq(lin(*zs), 1, label + " one S")
        self.eq(lin(S, *[(-s, z) for s, z in zip(cands, zs)]), 0, label + " S")
        if sd is None or n < 2:
            return
        lo, hi = interval(sd, decimals)
        lo = max(lo, Fraction(0))
        k = unit * unit * n * (n - 1)
        e_lo = math.ceil(lo * lo * k)
        e_hi = math.ceil(hi * hi * k) - 1
        # E = n Q - sum S^2 z_S  in [e_lo, e_hi]
        self.add(lin((n, Q), *[(-(s * s), z) for s, z in zip(cands, zs)]), e_lo, e_hi, label + " sd")

    # ------------------------------------------------------------------ solve
    def solve(self, gap: float | None = None) -> np.ndarray:
        gap = self.gap if gap is None else gap
        nv = len(self.lb)
        r, c, d, lo, hi = [], [], [], [], []
        for i, (e, a, b, _) in enumerate(self.rows):
            for k, v in e.items():
                r.append(i)
                c.append(k)
                d.append(float(v))
            lo.append(a)
            hi.append(b)
        cons = []
        if self.rows:
            A = coo_matrix((d, (r, c)), shape=(len(self.rows), nv)).tocsr()
            cons = [LinearConstraint(A, np.array(lo, float), np.array(hi, float))]
        import os, sys, time, warnings
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            # threads / random_seed are passed to HiGHS verbatim (scipy warns that it does so)
            warnings.simplefilter("ignore", RuntimeWarning)
            res = milp(
                c=np.array(self.obj, float),
                constraints=cons,
                integrality=np.array(self.integ),
                bounds=Bounds(np.array(self.lb, float), np.array(self.ub, float)),
                options={"disp": False, "presolve": True, "mip_rel_gap": gap, **HIGHS_OPTIONS},
            )
        if os.environ.get("BAROMETER_SYN_DEBUG"):
            print(f"  solved {self.name}: {nv} vars, {len(self.rows)} rows, status {res.status}, "
                  f"{time.perf_counter() - t0:.2f} s", file=sys.stderr)
        if res.x is None or res.status not in (0, 1):  # 1: node limit reached with a solution
            raise Infeasible(f"block {self.name}: {res.message}")
        x = res.x.copy()
        ii = np.array(self.integ, bool)
        x[ii] = np.round(x[ii])
        return x

    @staticmethod
    def value(x: np.ndarray, e: dict) -> float:
        return sum(v * (x[k] if k is not None else 1) for k, v in e.items())
