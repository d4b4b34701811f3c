"""One phrasing for the interval of a difference (issue 12): phrasing.difference_interval and the
sentence builders of phrasing and claims that call it."""
from __future__ import annotations

import pandas as pd
import pytest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

from barometer.analysis.uncertainty import mean_difference_ci
from barometer.presentation import claims as cl
from barometer.presentation import phrasing as ph


def test_default_is_the_chapters_phrasing():
    assert ph.difference_interval(-14.3, -4.9, -9.66) == "(verschil -9,7 procentpunt, 95%-interval -14,3 tot -4,9)"


def test_decimals_label_and_brackets():
    assert ph.difference_interval(-14.3, -4.4, -9.66, decimals=0) == "(verschil -10 procentpunt, 95%-interval -14 tot -4)"
    assert ph.difference_interval(27.2, 50.4, 39.0, 0, label="verschil groot - klein", brackets=False) == \
        "verschil groot - klein +39 procentpunt, 95%-interval +27 tot +50"
    assert ph.difference_interval(0.2, 0.4, 0.3, label="", brackets=False) == "+0,3 procentpunt, 95%-interval +0,2 tot +0,4"


def test_scale_points_are_signed_without_unit_and_zero_has_no_sign():
    assert ph.difference_interval(0.05, 0.45, 0.25, 2, "points") == "(verschil +0,25, 95%-interval +0,05 tot +0,45)"
    assert ph.mean_difference_interval(-0.45, -0.004, -0.251) == "(verschil -0,25, 95%-interval -0,45 tot 0,00)"
    with pytest.raises(ValueError, match="eenheid"):
        ph.difference_interval(0, 1, 0.5, unit="procent")


def test_missing_bound_and_missing_difference():
    assert ph.difference_interval(float("nan"), 0.4, 0.3, 2, "points") == "(verschil +0,30, 95%-interval niet te bepalen)"
    assert ph.mean_difference_interval(0.1, 0.2, float("nan")) == ""


def test_interval_word():
    assert ph.interval_word() == "95%-interval"
    assert ph.interval_word("profiel") == "95%-profielinterval"


def test_change_sentence_uses_the_one_phrasing():
    s = ph.change_sentence("innoverende organisaties", 76.0, 86.2, 2025, 2027, 5.1, 15.3, 0.001)
    assert s == ("innoverende organisaties: gestegen van 76% in 2025 naar 86% in 2027 "
                 "(verschil +10 procentpunt, 95%-interval +5 tot +15; p = 0,001: significant)")
    m = ph.change_sentence("klimaat Rijk", 3.40, 3.60, 2021, 2025, 0.012, 0.388, 0.04, unit="mean")
    assert m == ("klimaat Rijk: gestegen van 3,40 in 2021 naar 3,60 in 2025 "
                 "(verschil +0,20, 95%-interval +0,01 tot +0,39; p = 0,040: significant)")
    assert "BI" not in s + m


def test_claims_texts_use_the_one_phrasing():
    row = pd.Series({"odds_ratio": 2.639, "ci_low": 0.815, "ci_high": 8.571, "p": 0.105})
    assert cl.or_text(row) == "OR = 2,64 (95%-interval 0,82–8,57; p = 0,105)"
    z = cl._z_text({"p1": 86.0, "p2": 76.4, "z": -3.21, "p": 0.0013, "diff_low": -14.2, "diff_high": -4.4})
    assert z == "86% -> 76% (z = -3,21, p = 0,001; verschil -10 procentpunt, 95%-interval -14 tot -4)"


def test_mean_difference_ci_is_welch_without_population():
    a = [3.1, 3.4, 2.9, 3.8, 3.3, 3.6]
    b = [3.5, 3.9, 4.1, 3.7, 3.2, 4.4, 3.8]
    lo, hi = mean_difference_ci(a, b)  # mean(b) - mean(a)
    want = CompareMeans(DescrStatsW(b), DescrStatsW(a)).tconfint_diff(usevar="unequal")
    assert (lo, hi) == pytest.approx(want)


def test_mean_difference_ci_with_the_finite_population_correction():
    import math

    from scipy import stats

    a = [3.1, 3.4, 2.9, 3.8, 3.3, 3.6]
    b = [3.5, 3.9, 4.1, 3.7, 3.2, 4.4, 3.8]
    lo, hi = mean_difference_ci(a, b, 12, 20)
    # by hand: each variance of the mean times (1 - n/N), Welch-Satterthwaite degrees of freedom
    va = pd.Series(a).var() / 6 * (1 - 6 / 12)
    vb = pd.Series(b).var() / 7 * (1 - 7 / 20)
    df = (va + vb) ** 2 / (va ** 2 / 5 + vb ** 2 / 6)
    half = stats.t.ppf(0.975, df) * math.sqrt(va + vb)
    d = sum(b) / 7 - sum(a) / 6
    assert (lo, hi) == pytest.approx((d - half, d + half))
    assert hi - lo < (lambda w: w[1] - w[0])(mean_difference_ci(a, b))  # narrower than without the correction
    assert all(math.isnan(v) for v in mean_difference_ci([3.0], b))  # one value: no interval
