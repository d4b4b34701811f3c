"""Uncertainty of the book's estimates: intervals, multiplicity, penalised logistic regression.

The survey invites every organisation of the public sector (about 1,400) and a quarter
responds: the respondents are a large part of a finite population, so every interval here
takes an optional ``population`` (the number invited, :mod:`barometer.data.population`) and then
applies the finite-population correction (FPC). Without it the intervals are the usual
infinite-population ones. Results are on the book's scales: shares and their bounds in
percent (0–100), differences in percentage points.

Methods (stated once in the methods chapter, *Onzekerheid en weging*):

- shares: Wilson score interval (statsmodels ``proportion_confint``); with FPC the Wilson
  interval of the effective base ``n (N - 1) / (N - n)`` (:func:`share_ci`);
- differences between two independent shares (years): Newcombe's hybrid score interval
  (method 10 of Newcombe 1998; statsmodels ``confint_proportions_2indep(method="newcomb")``),
  with FPC built from the FPC-corrected Wilson limits of each share (:func:`difference_ci`);
- means: t-interval, with FPC ``sqrt(1 - n / N)`` on the standard error (:func:`mean_ci`);
- families of tests: Holm's step-down correction (:func:`holm`; the values of statsmodels'
  ``multipletests``, without its cost);
- logistic regression under (quasi-)separation: Firth's penalised likelihood
  (:func:`firth_logit`) with profile penalised-likelihood intervals, as R's ``logistf``
  does; odds ratios of ordinary fits get profile-likelihood intervals
  (:func:`profile_interval`, used by :func:`barometer.analysis.models.profile_ci`);
- weighting sensitivity: post-stratification by sector to the invited population, with the
  design-based (Taylor-linearised, stratified, FPC) variance of the `svy` package
  (:func:`poststratified`).

Every method has a known-answer test against an independent source in
``tests/test_uncertainty.py`` (Newcombe's published examples, hand calculations, closed-form
Firth estimates).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from barometer.data.lazy import lazy_module

if TYPE_CHECKING:  # what the lazy stand-ins below are
    import statsmodels.stats.proportion as _proportion
    from scipy import optimize
    from scipy import stats as sstats
else:
    # scipy and statsmodels load on the first interval or test (issue 14)
    optimize = lazy_module("scipy.optimize")
    sstats = lazy_module("scipy.stats")
    _proportion = lazy_module("statsmodels.stats.proportion")

__all__ = [
    "ALPHA",
    "fpc_factor",
    "domain_population",
    "share_ci",
    "difference_ci",
    "mean_ci",
    "mean_ci_from_summary",
    "holm",
    "holm_frame",
    "FirthResult",
    "firth_logit",
    "profile_interval",
    "poststratified",
    "SurveyDesignError",
    "mean_difference",
    "mean_difference_ci",
]

#: Two-sided level of every interval (95%) and test.
ALPHA = 0.05


class SurveyDesignError(ValueError):
    """A design cannot be set up (a sector without population count, one respondent in a stratum)."""


def fpc_factor(n: int, population: int | None) -> float:
    """``(N - n) / (N - 1)``: the factor on the variance of a share under sampling without
    replacement (1 without a population)."""
    if population is None:
        return 1.0
    if population < n:
        raise ValueError(f"population {population} smaller than the base {n}")
    return 0.0 if population <= 1 else (population - n) / (population - 1)


def domain_population(year: int, respondents: int) -> Callable[[int], int | None]:
    """The finite population of a subgroup base of ``year``: ``n_d -> ceil(n_d N / n)``.

    A subgroup (the innovators, routed questions) has an unknown population count; with the
    survey's sampling fraction ``n / N`` (respondents over invited,
    :mod:`barometer.data.population`) its population is estimated as ``n_d N / n``. Without a
    population file the function returns None (no correction).
    """
    pop = _population(int(year))
    if pop is None or not pop.total or respondents <= 0 or respondents > pop.total:
        return lambda n_d: None
    total = int(pop.total)
    return lambda n_d: int(math.ceil(n_d * total / respondents)) if n_d > 0 else None


def _population(year: int):
    """:func:`barometer.data.population.read_population` of ``year``, read once per file version
    (the chapters ask for it with every interval)."""
    from barometer.data.paths import read_once
    from barometer.data.population import population_path, read_population

    try:
        return read_once(population_path(year), read_population, year)
    except OSError:  # no population file: no correction
        return read_population(year)


def share_ci(count: float, n: float, population: int | None = None, alpha: float = ALPHA) -> tuple[float, float]:
    """Wilson score interval of a share, in percent, optionally with the FPC.

    Parameters
    ----------
    count, n : number
        Respondents with the answer and the base.
    population : int, optional
        Organisations in the population the base comes from (invited); applies the FPC.
    alpha : float, default 0.05

    Returns
    -------
    (float, float)
        Lower and upper bound in percent; ``(nan, nan)`` for an empty base.

    Notes
    -----
    With the FPC the interval is the Wilson interval of the effective base
    ``n* = n (N - 1) / (N - n)`` and count ``count n* / n``: the Wilson inversion of the
    score test with the variance ``p (1 - p) / n * (N - n) / (N - 1)``. When every
    organisation of the population responded (``n == N``) the interval is the share itself.
    Checked against Newcombe (1998), Stat. Med. 17:857, table I (81 of 263: 25,53–36,62%).
    """
    if n <= 0:
        return (math.nan, math.nan)
    f = fpc_factor(int(n), population)
    if f == 0.0:
        p = 100.0 * count / n
        return (p, p)
    n_eff = n / f
    lo, hi = _proportion.proportion_confint(count / n * n_eff, n_eff, alpha=alpha, method="wilson")
    return (100.0 * float(lo), 100.0 * float(hi))


def difference_ci(count1: float, n1: float, count2: float, n2: float, population1: int | None = None,
                  population2: int | None = None, alpha: float = ALPHA) -> tuple[float, float]:
    """Newcombe's hybrid score interval of the difference of two independent shares
    ``p2 - p1`` (as :func:`barometer.analysis.models.proportion_test`), in percentage points.

    Parameters
    ----------
    count1, n1 : number
        First share (the comparison year).
    count2, n2 : number
        Second share (the measurement year).
    population1, population2 : int, optional
        Populations of the two years; with either, the FPC-corrected Wilson limits of
        :func:`share_ci` are combined as Newcombe's method 10 does.

    Returns
    -------
    (float, float)
        Lower and upper bound in percentage points.

    Notes
    -----
    Without populations this is statsmodels' ``confint_proportions_2indep(method="newcomb")``;
    checked against Newcombe (1998), Stat. Med. 17:873, table II (56/70 − 48/80:
    0,0524 to 0,3339).
    """
    if min(n1, n2) <= 0:
        return (math.nan, math.nan)
    if population1 is None and population2 is None:
        lo, hi = _proportion.confint_proportions_2indep(count2, n2, count1, n1, method="newcomb", compare="diff", alpha=alpha)
        return (100.0 * float(lo), 100.0 * float(hi))
    p1, p2 = 100.0 * count1 / n1, 100.0 * count2 / n2
    l1, u1 = share_ci(count1, n1, population1, alpha)
    l2, u2 = share_ci(count2, n2, population2, alpha)
    d = p2 - p1
    return (d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2))


def mean_ci(values: Sequence[float] | pd.Series, population: int | None = None,
            alpha: float = ALPHA) -> dict[str, float]:
    """t-interval of a mean, optionally with the FPC ``sqrt(1 - n / N)`` on its standard error.

    Returns
    -------
    dict
        ``mean``, ``se``, ``low``, ``high``, ``n`` (missing values dropped); NaN bounds for
        fewer than two values.

    Notes
    -----
    Without a population equal to statsmodels' ``DescrStatsW(x).tconfint_mean()``.
    """
    x = pd.to_numeric(pd.Series(values), errors="coerce").dropna().to_numpy(dtype=float)
    n = len(x)
    if n == 0:
        return {"mean": math.nan, "se": math.nan, "low": math.nan, "high": math.nan, "n": 0}
    sd = float(x.std(ddof=1)) if n > 1 else math.nan
    return mean_ci_from_summary(float(x.mean()), sd, n, population, alpha)


def mean_ci_from_summary(mean: float, sd: float, n: int, population: int | None = None,
                         alpha: float = ALPHA) -> dict[str, float]:
    """:func:`mean_ci` from a mean, standard deviation (n - 1) and base instead of the values
    (the one place of the t-interval with its finite-population correction)."""
    if n < 2 or not np.isfinite(sd):
        return {"mean": mean, "se": math.nan, "low": math.nan, "high": math.nan, "n": n}
    se = sd / math.sqrt(n)
    if population is not None:
        if population < n:
            raise ValueError(f"population {population} smaller than the base {n}")
        se *= math.sqrt(1.0 - n / population)
    t = float(sstats.t.ppf(1 - alpha / 2, n - 1))
    return {"mean": mean, "se": se, "low": mean - t * se, "high": mean + t * se, "n": n}


def holm(pvalues: Sequence[float], alpha: float = ALPHA) -> np.ndarray:
    """Holm-adjusted p-values of one family of tests: the ``i``-th smallest of ``m`` times
    ``m - i + 1``, made non-decreasing in that order and capped at 1 (the same values as
    statsmodels' ``multipletests(method="holm")``, which the tests compare against; that function
    runs a full ``gc.collect()`` on every Holm call, 0,1 s each in a large process, as
    statsmodels pull request 8671 reported). ``alpha`` does not change the adjusted values.

    NaN p-values (tests that could not be run) stay NaN and do not count in the family.
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if ok.any():
        q = p[ok]
        order = np.argsort(q, kind="stable")
        adjusted = np.maximum.accumulate(q[order] * np.arange(len(q), 0, -1))
        within = np.empty(len(q))
        within[order] = np.minimum(adjusted, 1.0)
        out[ok] = within
    return out


def holm_frame(frame: pd.DataFrame, p: str = "p", family: str | Sequence[str] | None = None,
               alpha: float = ALPHA) -> pd.DataFrame:
    """Add ``p_holm`` (Holm-adjusted within each family) and ``significant`` (``p_holm <
    alpha``) to a frame of tests; the raw ``p`` is kept.

    Parameters
    ----------
    family : column name(s), optional
        Tests with equal values form one family; default: the whole frame is one family.
    """
    out = frame.copy()
    if family is None:
        out["p_holm"] = holm(out[p].to_numpy(), alpha)
    else:
        out["p_holm"] = np.nan
        for _, idx in out.groupby(family, sort=False).groups.items():
            out.loc[idx, "p_holm"] = holm(out.loc[idx, p].to_numpy(), alpha)
    out["significant"] = out["p_holm"] < alpha
    return out


# ---------------------------------------------------------------------- Firth
@dataclass(frozen=True)
class FirthResult:
    """A logistic regression fitted by Firth's penalised likelihood.

    Attributes
    ----------
    coef, se : ndarray
        Estimates and standard errors (from the inverse information at the estimate).
    loglik : float
        Penalised log-likelihood ``l(b) + 0.5 log |I(b)|``.
    converged : bool
    iterations : int
    names : list of str
    """

    coef: np.ndarray
    se: np.ndarray
    loglik: float
    converged: bool
    iterations: int
    names: list

    def ci(self, X: np.ndarray, y: np.ndarray, alpha: float = ALPHA,
           weights: np.ndarray | None = None) -> pd.DataFrame:
        """Profile penalised-likelihood intervals of every coefficient (as R's ``logistf``);
        ``weights`` as in :func:`firth_logit` (the fit's own).

        Returns
        -------
        DataFrame
            ``term``, ``coef``, ``ci_low``, ``ci_high`` (log-odds scale).
        """
        rows = []
        for j, name in enumerate(self.names):
            def fixed(b, j=j):
                return _firth_fit(X, y, fixed={j: b}, ll_tol=PROFILE_LL_TOL, weights=weights,
                                  start=self.coef, se=False).loglik
            lo, hi = profile_interval(fixed, self.loglik, float(self.coef[j]), float(self.se[j]), alpha)
            rows.append({"term": name, "coef": float(self.coef[j]), "ci_low": lo, "ci_high": hi})
        return pd.DataFrame(rows)


def _penalised(X: np.ndarray, y: np.ndarray, beta: np.ndarray, firth: bool = True,
               weights: np.ndarray | None = None) -> tuple[float, np.ndarray, np.ndarray]:
    eta = X @ beta
    pi = np.exp(-np.logaddexp(0.0, -eta))  # 1 / (1 + exp(-eta)) without overflow
    w = pi * (1 - pi)
    if weights is not None:  # frequency weights: each row counts as often as its weight says
        info = X.T @ (X * (weights * w)[:, None])
        ll = float(np.sum(weights * (y * eta - np.logaddexp(0.0, eta))))
    else:
        info = X.T @ (X * w[:, None])
        ll = float(np.sum(y * eta - np.logaddexp(0.0, eta)))
    if not firth:
        return ll, pi, info
    logdet = float(np.linalg.slogdet(info)[1])
    return ll + 0.5 * logdet, pi, info


def _newton_step(X: np.ndarray, pi: np.ndarray, cov: np.ndarray, info: np.ndarray, free: np.ndarray,
                 score: np.ndarray, weights: np.ndarray | None) -> np.ndarray | None:
    """Newton's step on the penalised log-likelihood ``l + 0.5 log|I|``, with the curvature of
    the penalty; ``None`` where that curvature is not negative definite (far from the maximum)
    or the design is large (then Firth's own step, which takes the information ``I`` for the
    curvature). Firth's step converges linearly, and slowly in a small sample, where the
    penalty is large against the likelihood (a design of 17 rows and 12 columns took more than
    100 iterations). With ``I = X' diag(f w) X`` (``w = pi (1 - pi)``, ``f`` the frequency
    weights), ``w' = w (1 - 2 pi)`` and ``w'' = w (1 - 6 w)``, the curvature of ``0.5 log|I|``
    is ``0.5 (X' diag(f w'' q) X - M'M)``: ``q_i = x_i' I^-1 x_i`` and
    ``M = (Z * Z)' diag(f w') X``, where ``Z * Z`` holds the products of every two columns of
    ``Z = X L`` (``L L' = I^-1``) row by row, which gives the trace of
    ``I^-1 dI/db_l I^-1 dI/db_j`` without the n x n matrix ``X I^-1 X'``."""
    n, k = X.shape
    if n * k * k > _NEWTON_CELLS:
        return None
    try:
        L = np.linalg.cholesky(cov)
    except np.linalg.LinAlgError:
        return None
    f = np.ones(n) if weights is None else weights
    w = pi * (1 - pi)
    d1, d2 = f * w * (1 - 2 * pi), f * w * (1 - 6 * w)
    Z = X @ L
    q = np.einsum("ij,ij->i", Z, Z)
    ZZ = (Z[:, :, None] * Z[:, None, :]).reshape(n, k * k)
    M = ZZ.T @ (X * d1[:, None])
    curvature = info - 0.5 * (X.T @ (X * (d2 * q)[:, None]) - M.T @ M)  # minus the Hessian
    try:
        c = np.linalg.cholesky(curvature[np.ix_(free, free)])
    except np.linalg.LinAlgError:
        return None
    return np.linalg.solve(c.T, np.linalg.solve(c, score))


#: Firth's own steps before Newton's (:func:`_newton_step`): they cost a quarter as much, and
#: where the penalty is small against the likelihood (a large sample) a few of them converge.
_FISHER_STEPS = 3

#: Newton's step (:func:`_newton_step`) only for designs of at most this many rows x columns²
#: (the row-wise products it forms); larger designs have a small penalty, and Firth's step is close.
_NEWTON_CELLS = 5_000_000


#: Profile fits (a coefficient held fixed) stop once the (penalised) log-likelihood, the only
#: thing a profile uses, has risen by no more than this for :data:`_STALL_PATIENCE` iterations
#: in a row: under (quasi-)separation maximum likelihood never converges (a coefficient runs off
#: to infinity while the likelihood creeps towards its supremum), and an ill-conditioned Firth
#: fit creeps on at the last digits; both used to run to ``maxiter``.
PROFILE_LL_TOL = 1e-11
_STALL_PATIENCE = 3


def _firth_fit(X: np.ndarray, y: np.ndarray, fixed: Mapping[int, float] | None = None, maxiter: int = 100,
               tol: float = 1e-8, names: Sequence[str] | None = None, firth: bool = True,
               ll_tol: float | None = None, weights: np.ndarray | None = None,
               start: np.ndarray | None = None, se: bool = True) -> FirthResult:
    """Maximise the penalised likelihood over the coefficients not in ``fixed`` (index ->
    value); the penalty is always that of the full model (as ``logistf``'s profile). With
    ``firth=False`` the ordinary likelihood (maximum likelihood, for profile intervals).
    With ``ll_tol`` the fit also stops (``converged`` False) when the log-likelihood gained no
    more than ``ll_tol`` in :data:`_STALL_PATIENCE` successive iterations (for profiles, which
    use the log-likelihood only). ``weights``: frequency weights of the rows (a row stands for
    that many identical cases; :func:`firth_logit`). ``start``: where Newton-Raphson starts
    (zeros by default; a profile starts from the unrestricted fit, which is close, and so
    needs a few iterations instead of a dozen). ``se=False`` skips the standard errors (NaN),
    which a profile does not use."""
    n, k = X.shape
    fixed = dict(fixed or {})
    free = np.array([j for j in range(k) if j not in fixed], dtype=int)
    beta = np.zeros(k) if start is None else np.array(start, dtype=float)
    if not np.all(np.isfinite(beta)):
        beta = np.zeros(k)
    for j, v in fixed.items():
        beta[j] = v
    ll, pi, info = _penalised(X, y, beta, firth, weights)
    converged, it, stalled = len(free) == 0, 0, 0
    for it in range(1, maxiter + 1):
        if not len(free):
            break
        w = pi * (1 - pi)
        if firth:
            cov = np.linalg.pinv(info)
            # leverages h_i of the weighted hat matrix W^1/2 X (X'WX)^-1 X' W^1/2 (full model)
            h = np.einsum("ij,jk,ik->i", X, cov, X) * w
        else:  # maximum likelihood: no leverages, so no inverse of the full information
            h = np.zeros(n)
        resid = y - pi + h * (0.5 - pi)  # h: the leverage of one case of the row
        score = (X.T @ (resid if weights is None else weights * resid))[free]
        step = _newton_step(X, pi, cov, info, free, score, weights) if firth and it > _FISHER_STEPS else None
        if step is None:
            step = np.linalg.pinv(info[np.ix_(free, free)]) @ score
        mx = np.max(np.abs(step))
        if mx > 5:  # at most 5 on the log-odds scale per iteration (as logistf's maxstep)
            step *= 5 / mx
        for _ in range(30):  # step-halving until the penalised likelihood does not decrease
            new = beta.copy()
            new[free] += step
            ll_new, pi_new, info_new = _penalised(X, y, new, firth, weights)
            if ll_new >= ll - 1e-12:
                break
            step /= 2
        gain = ll_new - ll
        beta, ll, pi, info = new, ll_new, pi_new, info_new
        if np.max(np.abs(step)) < tol and np.max(np.abs(score)) < 1e-6:
            converged = True
            break
        if ll_tol is not None:
            stalled = stalled + 1 if not gain > ll_tol else 0  # (a NaN gain counts as no gain)
            if stalled >= _STALL_PATIENCE:
                break
    if se:
        with np.errstate(invalid="ignore"):  # a negative variance (no information) gives NaN, no warning
            errors = np.sqrt(np.diag(np.linalg.pinv(info)))
    else:
        errors = np.full(k, np.nan)
    return FirthResult(beta, errors, ll, converged, it, list(names) if names is not None else [f"x{j}" for j in range(k)])


def firth_logit(X: np.ndarray | pd.DataFrame, y: Sequence[float], maxiter: int = 100,
                weights: Sequence[float] | None = None) -> FirthResult:
    """Logistic regression with Firth's (1993) bias-reducing penalty ``0.5 log |I(b)|``.

    Finite estimates also under complete or quasi-complete separation, where maximum
    likelihood diverges. Newton–Raphson on the modified score
    ``X'(y - pi + h (1/2 - pi))`` with step-halving, as Heinze & Schemper (2002) and R's
    ``logistf`` do.

    Parameters
    ----------
    X : array or DataFrame
        Design matrix *including* the intercept column; a DataFrame's column names become
        the term names.
    y : 0/1 values
    weights : sequence of numbers, optional
        Frequency weights: row ``i`` stands for ``weights[i]`` identical cases. The
        log-likelihood, the information matrix (and so Firth's penalty ``0.5 log |I(b)|``) and
        the modified score are the sums over the cases, each case with its own leverage; the
        fit equals that of the rows repeated (checked in ``tests/test_grouped_fits.py``).

    Returns
    -------
    FirthResult
        Intervals with :meth:`FirthResult.ci`.

    Notes
    -----
    Checked against closed forms: for one binary predictor the Firth estimates equal the
    log odds (ratio) of the 2x2 table with 0.5 added to every cell; an intercept-only model
    gives ``logit((k + 0.5) / (n + 1))``.
    """
    names = list(X.columns) if isinstance(X, pd.DataFrame) else None
    Xa = np.asarray(X, dtype=float)
    ya = np.asarray(y, dtype=float)
    wa = None if weights is None else np.asarray(weights, dtype=float)
    return _firth_fit(Xa, ya, maxiter=maxiter, names=names, weights=wa)


def profile_interval(loglik_fixed: Callable[[float], float], loglik_max: float, estimate: float, se: float,
                     alpha: float = ALPHA, limit: float = 30.0) -> tuple[float, float]:
    """Profile-likelihood interval of one coefficient: the values ``b`` with
    ``2 (l_max - l(b)) <= chi2_1(1 - alpha)``, ``l(b)`` the maximum with the coefficient fixed.

    Parameters
    ----------
    loglik_fixed : callable
        ``b -> `` maximised (penalised) log-likelihood with the coefficient fixed at ``b``.
    loglik_max : float
    estimate, se : float
        Where to start looking (the estimate and a scale for the search).
    limit : float, default 30
        Search no further than ``limit`` from the estimate (log-odds); a bound not reached
        there is infinite (the data do not bound the coefficient on that side).

    Returns
    -------
    (float, float)
    """
    crit = float(sstats.chi2.ppf(1 - alpha, 1))
    # the fit with the coefficient fixed at its estimate can be (slightly) better than the
    # reported maximum when the full fit stopped early (separation): use the better one
    top = max(float(loglik_max), float(loglik_fixed(estimate)))

    def g(b: float) -> float:
        try:
            value = 2.0 * (top - loglik_fixed(b)) - crit
        except (OverflowError, FloatingPointError, np.linalg.LinAlgError):
            return -crit  # a failed fit does not end the search
        return value if np.isfinite(value) else -crit  # a failed fit does not end the search

    if not np.isfinite(estimate) or not np.isfinite(top):  # no estimate (model not estimable): no interval
        return (math.nan, math.nan)
    scale = min(se, limit / 4) if np.isfinite(se) and se > 0 else 1.0
    bounds = []
    for sign in (-1, 1):
        prev, k, bound = estimate, 0, sign * math.inf
        while True:
            step = min(scale * 2.0 ** min(k, 60), limit)
            b = estimate + sign * step
            if g(b) > 0:
                try:
                    bound = float(optimize.brentq(g, min(prev, b), max(prev, b), xtol=1e-8))
                except ValueError:  # no sign change inside (a fit that failed at prev): keep the outer point
                    bound = float(b)
                break
            if step >= limit or k >= 60:  # (a huge estimate would never move b by limit)
                break
            prev, k = b, k + 1
        bounds.append(bound)
    return (bounds[0], bounds[1])


# ---------------------------------------------------------------------- weighting
def poststratified(values: pd.Series, strata: pd.Series, population: Mapping[int, int],
                   domain: pd.Series | None = None, kind: str = "share", alpha: float = ALPHA) -> dict[str, float]:
    """Post-stratified estimate with its design-based interval (package `svy`).

    Every respondent gets the weight ``N_h / n_h`` of its stratum ``h`` (sector): ``N_h``
    the organisations invited (:mod:`barometer.data.population`), ``n_h`` the respondents. The
    variance is that of a stratified sample without replacement (Taylor linearisation with
    the FPC ``1 - n_h / N_h``), the usual design-based variance of a post-stratified
    estimator conditional on the respondents per stratum. A subgroup (innovators, routing)
    is a domain: the estimate is the ratio of the weighted totals of ``value x domain`` and
    ``domain`` over the whole sample, so that the variance keeps the design.

    Parameters
    ----------
    values : Series
        0/1 for a share, numbers for a mean; NaN where the respondent was not asked or gave
        no answer (left out of the domain).
    strata : Series
        Stratum (sector code) of every respondent.
    population : mapping stratum -> invited organisations
    domain : Series of bool, optional
        Respondents the estimate is about (default: all with a value).
    kind : ``"share"`` or ``"mean"``
        A share is returned in percent.

    Returns
    -------
    dict
        ``estimate``, ``se``, ``low``, ``high`` (t-interval with the design's degrees of
        freedom, respondents minus strata), ``n`` (respondents in the domain with a value),
        ``df``.

    Raises
    ------
    SurveyDesignError
        A stratum without a population count, or with fewer than two respondents.
    """
    import polars as pl
    import svy

    s = pd.to_numeric(strata, errors="coerce")
    if s.isna().any():
        raise SurveyDesignError("respondenten zonder sector: geen weging mogelijk")
    s = s.astype(int)
    counts = s.value_counts()
    missing = sorted(set(counts.index) - set(population))
    if missing:
        raise SurveyDesignError(f"geen populatieaantal voor sector(en) {missing}")
    few = sorted(int(h) for h, c in counts.items() if c < 2)
    if few:
        raise SurveyDesignError(f"minder dan twee respondenten in sector(en) {few}: geen variantie te schatten")
    v = pd.to_numeric(values, errors="coerce").astype(float)
    d = v.notna() if domain is None else (domain.fillna(False).astype(bool) & v.notna())
    pop = s.map(lambda h: float(population[h]))
    frame = pl.DataFrame({
        "stratum": s.to_numpy(),
        "weight": (pop / s.map(counts)).to_numpy(dtype=float),
        "pop": pop.to_numpy(dtype=float),
        "y": (v.fillna(0.0) * d).to_numpy(dtype=float),
        "x": d.astype(float).to_numpy(),
    })
    if frame["x"].sum() == 0:
        return {"estimate": math.nan, "se": math.nan, "low": math.nan, "high": math.nan, "n": 0, "df": 0}
    sample = svy.Sample(frame, svy.Design(stratum="stratum", wgt="weight", pop_size="pop"))
    est = sample.estimation.ratio("y", "x", alpha=alpha).to_polars().row(0, named=True)
    scale = 100.0 if kind == "share" else 1.0
    return {"estimate": scale * est["est"], "se": scale * est["se"], "low": scale * est["lci"],
            "high": scale * est["uci"], "n": int(d.sum()), "df": int(est["df"])}


# --- added by hdoel and hklim (one Welch implementation)
def mean_difference(values1: Sequence[float] | pd.Series, values2: Sequence[float] | pd.Series,
                       population1: int | None = None, population2: int | None = None,
                       alpha: float = ALPHA) -> dict[str, float]:
    """Welch's t-interval of the difference of two independent means ``mean2 - mean1``.

    Parameters
    ----------
    values1, values2 : sequence of numbers
        The observations of the first (reference) and the second group; missing values dropped.
    population1, population2 : int, optional
        Organisations in the populations the groups come from; applies the FPC
        ``1 - n / N`` to each group's variance of the mean, as :func:`mean_ci` does.

    Returns
    -------
    dict
        ``diff`` (``mean2 - mean1``), ``se``, ``df`` (Welch–Satterthwaite), ``low``, ``high``;
        NaN bounds when a group has fewer than two values.

    Notes
    -----
    Without populations this is statsmodels' ``CompareMeans(DescrStatsW(x2),
    DescrStatsW(x1)).tconfint_diff(usevar="unequal")``; with them the same Welch interval of
    the FPC-corrected variances. Checked against R's ``t.test(extra ~ group, data = sleep)``
    (Welch; difference group 1 − group 2: −3,3654832 to 0,2054832, df = 17,776).
    """
    from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

    x1 = pd.to_numeric(pd.Series(values1), errors="coerce").dropna().to_numpy(dtype=float)
    x2 = pd.to_numeric(pd.Series(values2), errors="coerce").dropna().to_numpy(dtype=float)
    n1, n2 = len(x1), len(x2)
    diff = float(x2.mean() - x1.mean()) if n1 and n2 else math.nan
    if n1 < 2 or n2 < 2:
        return {"diff": diff, "se": math.nan, "df": math.nan, "low": math.nan, "high": math.nan}
    if population1 is None and population2 is None:
        cm = CompareMeans(DescrStatsW(x2), DescrStatsW(x1))
        with np.errstate(divide="ignore", invalid="ignore"):  # no spread in either group: NaN bounds
            low, high = cm.tconfint_diff(alpha=alpha, usevar="unequal")
        v1, v2 = x1.var(ddof=1) / n1, x2.var(ddof=1) / n2
    else:
        def fpc(n: int, population: int | None) -> float:
            if population is None:
                return 1.0
            if population < n:
                raise ValueError(f"population {population} smaller than the base {n}")
            return 1.0 - n / population

        v1 = x1.var(ddof=1) / n1 * fpc(n1, population1)
        v2 = x2.var(ddof=1) / n2 * fpc(n2, population2)
    se = math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)) if se > 0 else math.nan
    if population1 is not None or population2 is not None:
        t = float(sstats.t.ppf(1 - alpha / 2, df)) if se > 0 else 0.0
        low, high = diff - t * se, diff + t * se
    return {"diff": diff, "se": se, "df": df, "low": float(low), "high": float(high)}


def mean_difference_ci(values1: Sequence[float] | pd.Series, values2: Sequence[float] | pd.Series,
                       population1: int | None = None, population2: int | None = None,
                       alpha: float = ALPHA) -> tuple[float, float]:
    """The bounds ``(low, high)`` of :func:`mean_difference` (Welch, optional FPC), ``mean2 - mean1``.

    NaN bounds when a group has fewer than two values or neither group varies (checked in
    ``tests/test_difference_interval.py`` against statsmodels and a hand calculation).
    """
    r = mean_difference(values1, values2, population1, population2, alpha)
    if not (r["se"] > 0):
        return (math.nan, math.nan)
    return (r["low"], r["high"])
