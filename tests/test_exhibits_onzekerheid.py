"""Interval columns of the chapters' downloads (barometer.presentation.intervals)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from barometer.presentation.intervals import met_intervallen
from barometer.data.population import read_population
from barometer.analysis.uncertainty import mean_ci_from_summary, share_ci


@pytest.fixture
def ed():
    # 347 respondents in 2025 (of 1,383 invited), 366 in 2021 (of 1,356)
    return SimpleNamespace(year=2025, min_base=5, frames={2025: range(347), 2021: range(366)})


def test_shares_get_wilson_with_the_base_population_and_small_bases_none(ed):
    f = pd.DataFrame({"jaar": [2025, 2021, 2025], "aantal": [200, 150, 2], "basis": [264, 313, 4],
                      "percentage": [75.8, 47.9, 50.0]})
    out = met_intervallen(f, ed)
    n_pop = math.ceil(264 * read_population(2025).total / 347)
    assert (out.loc[0, "ondergrens"], out.loc[0, "bovengrens"]) == pytest.approx(share_ci(200, 264, n_pop))
    assert out.loc[0, "ondergrens"] > share_ci(200, 264)[0]  # the correction narrows the interval
    n_pop21 = math.ceil(313 * read_population(2021).total / 366)
    assert out.loc[1, "ondergrens"] == pytest.approx(share_ci(150, 313, n_pop21)[0])
    assert math.isnan(out.loc[2, "ondergrens"]) and math.isnan(out.loc[2, "bovengrens"])  # n < min_base
    assert list(f.columns) == ["jaar", "aantal", "basis", "percentage"]  # input untouched


def test_means_get_t_intervals_and_other_frames_pass_through(ed):
    f = pd.DataFrame({"year": [2025], "mean": [3.63], "sd": [0.5], "n": [323]})
    out = met_intervallen(f, ed)
    n_pop = math.ceil(323 * read_population(2025).total / 347)
    m = mean_ci_from_summary(3.63, 0.5, 323, n_pop)
    assert (out.loc[0, "ondergrens"], out.loc[0, "bovengrens"]) == pytest.approx((m["low"], m["high"]))
    plain = pd.DataFrame({"reeks": ["NL"], "percentage": [76.0]})
    assert met_intervallen(plain, ed) is plain
    assert met_intervallen(None, ed) is None


def test_mean_ci_from_summary_equals_mean_ci():
    from barometer.analysis.uncertainty import mean_ci

    x = pd.Series([3.2, 4.1, 3.8, 2.9, 4.4, 3.6, 3.9])
    a = mean_ci(x, population=20)
    b = mean_ci_from_summary(float(x.mean()), float(x.std(ddof=1)), 7, 20)
    assert (a["low"], a["high"]) == pytest.approx((b["low"], b["high"]))


def test_a_share_without_count_takes_its_count_from_percentage_and_base(ed):
    # 75.757...% of 264 is 200 respondents: the same interval as from the count
    f = pd.DataFrame({"groep": ["a", "b", "c"], "percentage": [100 * 200 / 264, float("nan"), 50.0],
                      "basis": [264, 100, 4]})
    out = met_intervallen(f, ed)
    n_pop = math.ceil(264 * read_population(2025).total / 347)
    assert (out.loc[0, "ondergrens"], out.loc[0, "bovengrens"]) == pytest.approx(share_ci(200, 264, n_pop))
    assert out[["ondergrens", "bovengrens"]].iloc[1:].isna().all().all()  # missing share; n < min_base


def test_a_mean_with_a_base_column_instead_of_n(ed):
    f = pd.DataFrame({"jaar": [2025], "gemiddelde": [3.63], "sd": [0.5], "basis": [323]})
    out = met_intervallen(f, ed)
    n_pop = math.ceil(323 * read_population(2025).total / 347)
    m = mean_ci_from_summary(3.63, 0.5, 323, n_pop)
    assert (out.loc[0, "ondergrens"], out.loc[0, "bovengrens"]) == pytest.approx((m["low"], m["high"]))
