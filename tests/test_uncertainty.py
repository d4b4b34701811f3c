"""Known-answer tests of barometer.analysis.uncertainty against independent sources.

Sources: Newcombe RG (1998a), "Two-sided confidence intervals for the single proportion:
comparison of seven methods", Stat. Med. 17:857-872, table I (method 3, Wilson score);
Newcombe RG (1998b), "Interval estimation for the difference between independent
proportions: comparison of eleven methods", Stat. Med. 17:873-890, table II (method 10,
hybrid score); Holm (1979) worked by hand; closed-form Firth estimates (Firth 1993: for a
saturated binary model the penalty is Jeffreys' prior, i.e. 0.5 added to every cell);
hand calculations of a stratified estimator.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import optimize
from scipy import stats as sstats
from statsmodels.stats.weightstats import DescrStatsW

from barometer.analysis.uncertainty import (SurveyDesignError, difference_ci, firth_logit, fpc_factor, holm, holm_frame,
                                   mean_ci, poststratified, profile_interval, share_ci)


def _wilson_by_hand(k, n, z=1.959963984540054):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return 100 * (centre - half), 100 * (centre + half)


@pytest.mark.parametrize("k, n, low, high", [
    (81, 263, 25.53, 36.62), (15, 148, 6.24, 16.05), (0, 20, 0.0, 16.11), (1, 29, 0.61, 17.18),
])
def test_wilson_newcombe_1998a(k, n, low, high):
    lo, hi = share_ci(k, n)
    assert (round(lo, 2), round(hi, 2)) == (low, high)


def test_wilson_264_of_347_by_hand_and_with_fpc():
    lo, hi = share_ci(264, 347)
    assert (lo, hi) == pytest.approx(_wilson_by_hand(264, 347), abs=1e-9)
    assert (round(lo, 1), round(hi, 1)) == (71.3, 80.3)
    # FPC: a quarter of 1,383 responded; the effective base is n (N-1)/(N-n)
    n_eff = 347 * 1382 / (1383 - 347)
    flo, fhi = share_ci(264, 347, population=1383)
    assert (flo, fhi) == pytest.approx(_wilson_by_hand(264 * n_eff / 347, n_eff), abs=1e-9)
    assert lo < flo < 100 * 264 / 347 < fhi < hi
    assert share_ci(5, 5, population=5) == (100.0, 100.0)  # the whole population responded


@pytest.mark.parametrize("a, m, b, n, low, high", [
    (56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090),
    (5, 56, 0, 29, -0.0381, 0.1926),
])
def test_newcombe_hybrid_score_1998b(a, m, b, n, low, high):
    # difference_ci gives p2 - p1: put Newcombe's first proportion second
    lo, hi = difference_ci(b, n, a, m)
    assert (round(lo / 100, 4), round(hi / 100, 4)) == (low, high)


def test_newcombe_with_fpc_combines_the_fpc_wilson_limits():
    # with populations so large that the FPC is ~1 the combination equals statsmodels' Newcombe
    big = difference_ci(48, 80, 56, 70, 10**9, 10**9)
    assert big == pytest.approx(difference_ci(48, 80, 56, 70), abs=1e-5)
    narrow = difference_ci(48, 80, 56, 70, 200, 200)
    assert big[0] < narrow[0] < 20 < narrow[1] < big[1]


def test_mean_t_interval_against_statsmodels_and_fpc_by_hand():
    x = [3.2, 4.1, 3.8, 2.9, 4.4, 3.6, 3.9]
    r = mean_ci(x)
    assert (r["low"], r["high"]) == pytest.approx(DescrStatsW(np.array(x)).tconfint_mean(), abs=1e-12)
    f = mean_ci(x, population=14)  # half the population: se times sqrt(1 - 7/14)
    t = sstats.t.ppf(0.975, 6)
    se = np.std(x, ddof=1) / math.sqrt(7) * math.sqrt(0.5)
    assert (f["low"], f["high"]) == pytest.approx((np.mean(x) - t * se, np.mean(x) + t * se), abs=1e-12)
    assert math.isnan(mean_ci([4.0])["low"])


def test_holm_by_hand():
    # sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> monotone 0.06
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert np.isnan(holm([0.01, np.nan])[1]) and holm([0.01, np.nan])[0] == pytest.approx(0.01)
    f = holm_frame(pd.DataFrame({"p": [0.01, 0.04, 0.03, 0.02], "fam": ["a", "a", "b", "b"]}), family="fam")
    assert list(f["p_holm"]) == pytest.approx([0.02, 0.04, 0.04, 0.04])
    assert list(f["significant"]) == [True, True, True, True]
    assert list(f["p"]) == [0.01, 0.04, 0.03, 0.02]  # raw p kept


def test_holm_gives_statsmodels_values_on_random_families():
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(14)
    for _ in range(25):  # statsmodels takes 0,1 s per call (its gc.collect()), so few families
        m = int(rng.integers(1, 30))
        p = rng.uniform(0, 1, m) ** rng.uniform(0.5, 4)  # many small values, so some reach the cap
        if rng.random() < 0.5:
            p = np.round(p, 2)  # ties, zeros and ones
        np.testing.assert_array_equal(holm(p), multipletests(p, method="holm")[1])  # bit for bit
        with_nan = np.insert(p, int(rng.integers(0, m + 1)), np.nan)
        kept = ~np.isnan(with_nan)
        np.testing.assert_allclose(holm(with_nan)[kept], holm(p), rtol=0, atol=0)
    assert holm([]).shape == (0,) and np.isnan(holm([np.nan])).all()


def test_fpc_factor():
    assert fpc_factor(10, None) == 1.0 and fpc_factor(10, 10) == 0.0
    with pytest.raises(ValueError):
        fpc_factor(11, 10)


def _table(a, b, c, d):
    """x = 1: a events, b non-events; x = 0: c events, d non-events."""
    x = [1] * (a + b) + [0] * (c + d)
    y = [1] * a + [0] * b + [1] * c + [0] * d
    return np.column_stack([np.ones(len(x)), x]), np.array(y, float)


@pytest.mark.parametrize("cells", [(7, 3, 4, 9), (5, 0, 3, 6), (10, 0, 0, 8)])
def test_firth_equals_haldane_corrected_2x2(cells):
    a, b, c, d = cells
    X, y = _table(a, b, c, d)
    r = firth_logit(X, y)
    assert r.converged
    assert r.coef[0] == pytest.approx(math.log((c + 0.5) / (d + 0.5)), abs=1e-7)
    assert r.coef[1] == pytest.approx(math.log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5))), abs=1e-7)


def test_firth_intercept_only_and_profile_interval():
    y = np.array([1] * 3 + [0] * 17, float)
    r = firth_logit(np.ones((20, 1)), y)
    assert r.coef[0] == pytest.approx(math.log(3.5 / 17.5), abs=1e-8)
    ci = r.ci(np.ones((20, 1)), y)
    # the penalised likelihood of the intercept-only model is the binomial likelihood times
    # Jeffreys' prior: solve 2 (l* max - l*(b)) = chi2 by hand
    def lstar(b):
        p = 1 / (1 + math.exp(-b))
        return 3 * math.log(p) + 17 * math.log(1 - p) + 0.5 * math.log(20 * p * (1 - p))
    crit = sstats.chi2.ppf(0.95, 1)
    top = lstar(r.coef[0])
    lo = optimize.brentq(lambda b: 2 * (top - lstar(b)) - crit, -10, r.coef[0])
    hi = optimize.brentq(lambda b: 2 * (top - lstar(b)) - crit, r.coef[0], 5)
    assert (ci["ci_low"].iloc[0], ci["ci_high"].iloc[0]) == pytest.approx((lo, hi), abs=1e-6)


def test_firth_finite_under_separation_where_ml_diverges():
    X, y = _table(10, 0, 0, 8)
    r = firth_logit(X, y)
    ci = r.ci(X, y)
    assert np.isfinite(r.coef).all() and np.isfinite(ci[["ci_low", "ci_high"]].to_numpy()).all()
    assert ci["ci_low"].iloc[1] > 0  # the separated effect is positive and bounded away from 0


def test_a_profile_fit_started_from_the_full_fit_finds_the_same_maximum_in_fewer_steps():
    """Profile fits start from the unrestricted estimates (issue 14: build speed): the
    restricted maximum is the same as from zeros, on a regular design and under
    quasi-separation (where maximum likelihood does not converge), with no more iterations on
    any design and fewer in all (one fit far from the estimates may take one more; since
    Newton's step converges in a few iterations from either start, a Firth profile of the
    2 x 2 table gains nothing)."""
    from barometer.analysis.uncertainty import PROFILE_LL_TOL, _firth_fit

    rng = np.random.default_rng(14)
    x = rng.normal(size=(300, 3))
    X = np.column_stack([np.ones(300), x])
    y = (rng.random(300) < 1 / (1 + np.exp(-(0.3 + x @ [0.8, -0.5, 0.2])))).astype(float)
    Xs, ys = _table(9, 0, 6, 11)  # quasi-separated: nobody with x = 1 without the event
    total = {"cold": 0, "warm": 0}
    for design, outcome in ((X, y), (Xs, ys)):
        for firth in (True, False):
            steps = {"cold": 0, "warm": 0}
            full = _firth_fit(design, outcome, firth=firth, maxiter=200)
            for j in range(design.shape[1]):
                for shift in (-1.5, -0.4, 0.7, 2.0):
                    b = full.coef[j] + shift
                    cold = _firth_fit(design, outcome, fixed={j: b}, firth=firth, maxiter=200,
                                      ll_tol=PROFILE_LL_TOL)
                    warm = _firth_fit(design, outcome, fixed={j: b}, firth=firth, maxiter=200,
                                      ll_tol=PROFILE_LL_TOL, start=full.coef, se=False)
                    assert warm.loglik == pytest.approx(cold.loglik, abs=1e-8), (firth, j, shift)
                    assert warm.coef[j] == b and np.isnan(warm.se).all()
                    steps["cold"] += cold.iterations
                    steps["warm"] += warm.iterations
            assert steps["warm"] <= steps["cold"], (firth, steps)
            total["cold"] += steps["cold"]
            total["warm"] += steps["warm"]
    assert total["warm"] < 0.75 * total["cold"], total
    # a start that is not finite (a diverged fit) is not used
    bad = _firth_fit(X, y, fixed={1: 0.5}, start=np.full(4, np.nan))
    assert bad.loglik == pytest.approx(_firth_fit(X, y, fixed={1: 0.5}).loglik, abs=1e-10)


def _modified_score(X, y, beta, weights):
    from barometer.analysis.uncertainty import _penalised

    _, pi, info = _penalised(X, y, beta, True, weights)
    h = np.einsum("ij,jk,ik->i", X, np.linalg.inv(info), X) * pi * (1 - pi)
    return X.T @ (weights * (y - pi + h * (0.5 - pi)))


def test_newtons_step_uses_the_curvature_of_the_penalised_likelihood():
    """The step of :func:`_newton_step` is minus the inverse Hessian of ``l + 0.5 log|I|``
    times its gradient: the Hessian here by central differences of the modified score (which
    is itself checked against differences of the penalised likelihood), with frequency
    weights, and on a subset of the coefficients (a profile fit)."""
    from barometer.analysis.uncertainty import _newton_step, _penalised

    rng = np.random.default_rng(5)
    X = np.column_stack([np.ones(30), rng.normal(size=(30, 4))])
    y = rng.integers(0, 2, 30).astype(float)
    f = rng.integers(1, 4, 30).astype(float)
    beta = rng.normal(size=5) * 0.3
    e = 1e-6
    unit = np.eye(5) * e
    g = _modified_score(X, y, beta, f)
    ll = [(_penalised(X, y, beta + d, True, f)[0] - _penalised(X, y, beta - d, True, f)[0]) / (2 * e) for d in unit]
    np.testing.assert_allclose(g, ll, atol=1e-7)
    H = np.column_stack([(_modified_score(X, y, beta + d, f) - _modified_score(X, y, beta - d, f)) / (2 * e) for d in unit])
    _, pi, info = _penalised(X, y, beta, True, f)
    for free in (np.arange(5), np.array([0, 2, 3, 4])):
        step = _newton_step(X, pi, np.linalg.inv(info), info, free, g[free], f)
        np.testing.assert_allclose(step, np.linalg.solve(-H[np.ix_(free, free)], g[free]), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("seed", range(4))
def test_firth_converges_in_a_few_steps_on_a_small_design(seed):
    """17 organisations, 12 coefficients (a part of the file in a degenerate edition): Firth's
    own iteration crept and stopped after 100 iterations without converging; with Newton's
    step (the penalty's curvature) the fit converges in a few, to a maximum where the
    modified score is zero and the penalised likelihood no lower than the creeping fit's."""
    from barometer.analysis.uncertainty import _firth_fit, _penalised

    rng = np.random.default_rng(seed + 1)  # seeds 1-4: the plain iteration did not converge in 100
    X = np.column_stack([np.ones(17), rng.integers(0, 2, (17, 11))]).astype(float)
    y = rng.integers(0, 2, 17).astype(float)
    assert np.linalg.matrix_rank(X) == 12
    fit = _firth_fit(X, y)
    assert fit.converged and fit.iterations <= 15, fit.iterations
    assert np.max(np.abs(_modified_score(X, y, fit.coef, np.ones(17)))) < 1e-6
    # the penalised likelihood is concave enough here to have one maximum: no direction is uphill
    for d in np.eye(12):
        for t in (1e-3, -1e-3):
            assert _penalised(X, y, fit.coef + t * d)[0] <= fit.loglik + 1e-12


def test_profile_interval_of_a_binomial_logit_by_hand():
    k, n = 12, 40
    ll = lambda b: k * b - n * math.log1p(math.exp(b))  # noqa: E731
    est = math.log(k / (n - k))
    lo, hi = profile_interval(ll, ll(est), est, 0.35)
    crit = sstats.chi2.ppf(0.95, 1)
    for b in (lo, hi):
        assert 2 * (ll(est) - ll(b)) == pytest.approx(crit, abs=1e-6)
    # a likelihood that never drops enough on one side gives an infinite bound
    flat = lambda b: -math.log1p(math.exp(-b))  # noqa: E731
    lo, hi = profile_interval(flat, 0.0, 20.0, 1.0)
    assert hi == math.inf and lo < 20


def test_poststratified_by_hand_on_a_small_frame():
    # two sectors: 3 of 10 and 4 of 20 organisations responded
    y = pd.Series([1.0, 0, 1, 0, 0, 1, 0])
    h = pd.Series([1, 1, 1, 2, 2, 2, 2])
    r = poststratified(y, h, {1: 10, 2: 20})
    # estimate: (10 * 2/3 + 20 * 1/4) / 30; variance: sum W_h^2 (1 - n_h/N_h) s_h^2 / n_h
    assert r["estimate"] == pytest.approx(100 * (10 * 2 / 3 + 20 / 4) / 30)
    var = (1 / 3) ** 2 * 0.7 * (1 / 3) / 3 + (2 / 3) ** 2 * 0.8 * 0.25 / 4
    assert r["se"] == pytest.approx(100 * math.sqrt(var), rel=1e-9)
    t = sstats.t.ppf(0.975, 5)
    assert (r["low"], r["high"]) == pytest.approx((r["estimate"] - t * r["se"], r["estimate"] + t * r["se"]))
    assert (r["n"], r["df"]) == (7, 5)


def test_poststratified_domain_is_a_ratio_over_the_whole_sample():
    y = pd.Series([1.0, 0, np.nan, 0, 1, 1, np.nan])
    h = pd.Series([1, 1, 1, 2, 2, 2, 2])
    N = {1: 10, 2: 20}
    r = poststratified(y, h, N)
    w = h.map({1: 10 / 3, 2: 5.0})
    d = y.notna().astype(float)
    R = float((w * y.fillna(0)).sum() / (w * d).sum())
    assert r["estimate"] == pytest.approx(100 * R)
    # linearised variable z = (y d - R d) / X-hat, stratified variance with FPC
    z = (y.fillna(0) * d - R * d) / float((w * d).sum())
    var = 0.0
    for g, Nh in N.items():
        zh = z[h == g]
        nh = len(zh)
        var += Nh ** 2 * (1 - nh / Nh) * zh.var(ddof=1) / nh
    assert r["se"] == pytest.approx(100 * math.sqrt(var), rel=1e-9)
    assert r["n"] == 5


def test_poststratified_errors():
    with pytest.raises(SurveyDesignError, match="populatieaantal"):
        poststratified(pd.Series([1.0, 0]), pd.Series([1, 1]), {2: 5})
    with pytest.raises(SurveyDesignError, match="minder dan twee"):
        poststratified(pd.Series([1.0, 0, 1]), pd.Series([1, 1, 2]), {1: 5, 2: 5})
