"""Known-answer tests of barometer.analysis.uncertainty.mean_difference_ci (Welch) and its phrase."""
from __future__ import annotations

import math

import numpy as np
import pytest

from barometer.analysis.uncertainty import mean_ci, mean_difference
from barometer.presentation import phrasing

#: Student's sleep data (Cushny & Peebles), as in R's ``datasets::sleep``: extra hours of sleep.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def test_welch_interval_equals_r_t_test_on_the_sleep_data():
    # R 4.x: t.test(extra ~ group, data = sleep) -> Welch Two Sample t-test, t = -1.8608,
    # df = 17.776, 95 percent confidence interval -3.3654832 0.2054832 (group 1 - group 2)
    ci = mean_difference(SLEEP_2, SLEEP_1)
    assert ci["diff"] == pytest.approx(-1.58)
    assert ci["df"] == pytest.approx(17.776, abs=5e-4)
    assert ci["low"] == pytest.approx(-3.3654832, abs=1e-6)
    assert ci["high"] == pytest.approx(0.2054832, abs=1e-6)
    assert ci["diff"] / ci["se"] == pytest.approx(-1.8608, abs=5e-5)


def test_welch_with_the_fpc_narrows_the_interval_and_reduces_to_it_without():
    plain = mean_difference(SLEEP_2, SLEEP_1)
    huge = mean_difference(SLEEP_2, SLEEP_1, 10**9, 10**9)
    assert huge["low"] == pytest.approx(plain["low"], abs=1e-6) and huge["high"] == pytest.approx(plain["high"], abs=1e-6)
    fpc = mean_difference(SLEEP_2, SLEEP_1, 40, 40)
    # each variance of the mean times 1 - 10/40: the standard error by sqrt(3/4)
    assert fpc["se"] == pytest.approx(plain["se"] * math.sqrt(0.75))
    assert plain["low"] < fpc["low"] < fpc["diff"] < fpc["high"] < plain["high"]
    with pytest.raises(ValueError):
        mean_difference(SLEEP_2, SLEEP_1, 5, None)


def test_welch_of_too_few_values_has_no_bounds():
    ci = mean_difference([1.0], [2.0, 3.0])
    assert ci["diff"] == pytest.approx(1.5) and math.isnan(ci["low"]) and math.isnan(ci["high"])


def test_welch_of_equal_groups_and_equal_variances_is_the_pooled_interval():
    # with equal n and equal variances Welch's df is 2n - 2 and the interval the pooled one
    a = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    ci = mean_difference(a, a + 1.0)
    assert ci["df"] == pytest.approx(8.0)
    half = float(__import__("scipy").stats.t.ppf(0.975, 8)) * math.sqrt(2 * a.var(ddof=1) / 5)
    assert (ci["low"], ci["high"]) == pytest.approx((1.0 - half, 1.0 + half))


def test_mean_difference_phrase_in_the_form_of_difference_interval():
    assert phrasing.mean_difference_interval(0.05, 0.45, 0.25) == "(verschil +0,25, 95%-interval +0,05 tot +0,45)"
    assert phrasing.mean_difference_interval(-3.3654832, 0.2054832, -1.58) == \
        "(verschil -1,58, 95%-interval -3,37 tot +0,21)"
    assert phrasing.mean_difference_interval(-0.5, 0.3, -0.1, decimals=1) == "(verschil -0,1, 95%-interval -0,5 tot +0,3)"
    assert phrasing.mean_difference_interval(None, None, 0.3) == "(verschil +0,30, 95%-interval niet te bepalen)"
    assert phrasing.mean_difference_interval(0.1, 0.2, None) == ""
    assert phrasing.mean_difference_interval(-0.004, 0.5, 0.0) == "(verschil 0,00, 95%-interval 0,00 tot +0,50)"


def test_a_paired_difference_of_shares_is_the_mean_of_the_differences():
    # the paired interval the chapter uses (mean_ci of the per-organisation difference of two
    # 0/1 indicators) on a hand-made frame: 10 organisations, 6 with the first, 3 with the second
    first = [1] * 6 + [0] * 4
    second = [1] * 3 + [0] * 7
    delta = 100.0 * (np.array(second) - np.array(first))
    m = mean_ci(delta)
    assert m["mean"] == pytest.approx(-30.0)
    sd = float(np.std(delta, ddof=1))
    t = float(__import__("scipy").stats.t.ppf(0.975, 9))
    assert (m["low"], m["high"]) == pytest.approx((-30.0 - t * sd / math.sqrt(10), -30.0 + t * sd / math.sqrt(10)))
