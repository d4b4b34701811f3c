"""Weighting sensitivity (barometer.analysis.weighting) and its exhibit in the methods chapter."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer.data import paths
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import Notice, TableExhibit
from barometer.chapters import verantwoording as ex
from barometer.data.population import read_population
from barometer.data.respondents import load_respondents
from barometer.analysis.statistics import statistic
from barometer.analysis.weighting import HEADLINES, WeightingError, headline_sensitivity


@pytest.fixture(scope="module")
def df2025():
    return add_derived(load_respondents(paths.DATA / "respondents-2025-synthetic.csv"))


@pytest.fixture(scope="module")
def sens(df2025):
    return headline_sensitivity(df2025, 2025).set_index("variable")


def test_unweighted_figures_are_the_chapters_figures(df2025, sens):
    assert list(sens.index) == [v for v, _, _ in HEADLINES]
    for v, codes, kind in HEADLINES:
        stat = statistic(df2025, v, "pct" if kind == "share" else "mean", codes, year=2025)
        assert sens.loc[v, "unweighted"] == pytest.approx(stat.value)
        assert sens.loc[v, "n"] == stat.base_n
        assert sens.loc[v, "unweighted_low"] < sens.loc[v, "unweighted"] < sens.loc[v, "unweighted_high"]
        assert sens.loc[v, "weighted_low"] < sens.loc[v, "weighted"] < sens.loc[v, "weighted_high"]


def test_weighted_share_is_the_population_weighted_mean_of_the_sector_shares(df2025, sens):
    """By hand: sum over sectors of N_h * p_h, divided by N (all respondents were asked)."""
    pop = read_population(2025)
    p_h = df2025.groupby("sector")["innovated"].mean()
    expected = 100 * sum(pop.by_sector[int(h)] * p for h, p in p_h.items()) / pop.total
    assert sens.loc["innovated", "weighted"] == pytest.approx(expected, rel=1e-12)


def test_no_population_per_sector_raises(df2025):
    with pytest.raises(WeightingError, match="per sector"):
        headline_sensitivity(add_derived(load_respondents(paths.DATA / "respondents-2021-synthetic.csv")), 2021)


def test_exhibit_has_both_estimates_and_dutch_bound_columns():
    ed = Edition.open(2025, [2021], paths.DATA / "respondents-2025-synthetic.csv", 5)
    t = ex.tabel_weging(ed)
    assert isinstance(t, TableExhibit) and t.name == "tbl-verantwoording-weging"
    assert {"Ongewogen", "Gewogen naar sector", "95%-interval ongewogen", "95%-interval gewogen"} <= set(t.frame.columns)
    assert {"ongewogen_ondergrens", "ongewogen_bovengrens", "gewogen_ondergrens", "gewogen_bovengrens"} <= set(t.data.columns)
    # the unweighted column shows the number the chapters show (76% innovated, Tabel B1-8)
    assert t.frame["Ongewogen"].iloc[0] == "76%"


def test_exhibit_is_a_notice_without_population_per_sector():
    ed = Edition.open(2021, [], paths.DATA / "respondents-2021-synthetic.csv", 5)
    assert isinstance(ex.tabel_weging(ed), Notice)
