"""Unit tests of barometer.analysis.statistics on small hand-built frames with known answers."""


import numpy as np
import pandas as pd
import pytest

from barometer.data.codebook import load_codebook
from barometer.analysis.statistics import (
    TOTAL,
    Result,
    StatisticError,
    frequencies,
    means,
    parse_codes,
    share,
    statistic,
)


@pytest.fixture
def frame():
    # 10 respondents in 2025, 4 in 2021. Innovators get the innovator questions.
    nan = np.nan
    return pd.DataFrame(
        {
            "resp_id": [f"R{i}" for i in range(14)],
            "year": [2025] * 10 + [2021] * 4,
            "sector": [1, 1, 1, 7, 7, 7, 7, 9, 9, 3, 1, 7, 7, 9],
            "innovated": [1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1],
            # multiple response, routed to innovators (NaN for non-innovators)
            "type_product": [1, 0, nan, 1, 0, 0, nan, 1, nan, 0, 1, 1, nan, 0],
            "type_process": [1, 1, nan, 0, 1, 1, nan, 1, nan, 1, 0, 1, nan, 1],
            # single choice for innovators
            "origin": [1, 2, nan, 3, 2, 2, nan, 1, nan, 2, 1, 1, nan, 3],
            # factor item with "weet niet" 9 -> 3 and one item non-response
            "factor_staff": [5, 4, nan, 9, 2, nan, nan, 4, nan, 5, 4, 3, nan, 5],
            # Likert, all respondents, one missing
            "cond_time": [1, 2, 3, 4, 5, nan, 4, 4, 2, 5, 3, 3, 4, 4],
            "climate_scale": [3.5, 4.0, 2.5, 4.5, nan, 3.0, 3.5, 4.0, 2.0, 3.0, 3.5, 4.0, 2.5, 3.0],
        }
    )


def test_parse_codes():
    assert parse_codes("4|5") == [4, 5]
    assert parse_codes(7) == [7]
    assert parse_codes([2, "3"]) == [2, 3]
    assert parse_codes(None) is None
    assert parse_codes(float("nan")) is None


def test_pct_of_all_respondents(frame):
    r = statistic(frame, "innovated", "pct", codes=1, year=2025)
    assert r == Result(70.0, 10, 7)


def test_pct_in_group_union(frame):
    r = statistic(frame, "innovated", "pct", codes=1, group_var="sector", group="7|9", year=2025)
    # sector 7: 1,1,1,0 ; sector 9: 1,0 -> 4 of 6
    assert r.base_n == 6 and r.count == 4
    assert r.value == pytest.approx(400 / 6)


def test_multiple_response_base_is_routed_respondents(frame):
    r = statistic(frame, "type_product", "pct", year=2025)  # codes default to 1
    assert (r.base_n, r.count) == (7, 3)
    # a routed innovator with an empty cell still counts in the base
    f = frame.copy()
    f.loc[0, "type_product"] = np.nan
    assert statistic(f, "type_product", "pct", year=2025).base_n == 7
    assert statistic(f, "type_product", "count", year=2025).count == 2


def test_routing_excludes_non_innovators_even_with_answers(frame):
    f = frame.copy()
    f.loc[2, "origin"] = 1  # a non-innovator with an answer: not asked, so not counted
    assert statistic(f, "origin", "n", year=2025).base_n == 7


def test_recode_weet_niet(frame):
    # 2025 innovators with an answer: 5,4,9->3,2,4,5 -> mean 23/6
    r = statistic(frame, "factor_staff", "mean", year=2025)
    assert r.base_n == 6
    assert r.value == pytest.approx(23 / 6)
    assert statistic(frame, "factor_staff", "pct", codes="4|5", year=2025).count == 4


def test_mean_sd_ddof1(frame):
    r = statistic(frame, "cond_time", "sd", year=2021)
    assert r.value == pytest.approx(np.std([3, 3, 4, 4], ddof=1))
    assert statistic(frame, "cond_time", "n", year=2025).base_n == 9


def test_all_years_when_year_none(frame):
    assert statistic(frame, "innovated", "n").base_n == 14


def test_errors(frame):
    with pytest.raises(StatisticError):
        statistic(frame, "innovated", "median")
    with pytest.raises(StatisticError):
        statistic(frame, "origin", "pct", year=2025)  # no codes
    with pytest.raises(StatisticError, match="add_derived"):
        statistic(frame, "conditions_scale", "mean")


def test_frequencies_multiple(frame):
    with pytest.raises(StatisticError, match="type_service"):
        frequencies(frame, "innovation_type", years=2025)  # an item column is missing
    f = frame.assign(type_service=frame["type_product"] * 0, type_interaction=frame["type_process"])
    out = frequencies(f, "innovation_type", years=2025)
    assert list(out.columns) == ["year", "group", "item", "code", "label", "count", "base", "pct"]
    assert out["item"].tolist() == ["type_product", "type_service", "type_process", "type_interaction"]
    assert out["count"].tolist() == [3, 0, 6, 6]
    assert (out["base"] == 7).all()
    assert out["label"].iloc[0] == "Innovatie van producten"


def test_frequencies_single_matches_statistic(frame):
    f = frequencies(frame, "origin", by="sector", years=[2021, 2025])
    assert set(f["code"]) == {1, 2, 3}
    for row in f.itertuples():
        group = None if row.group == TOTAL else row.group
        r = statistic(frame, "origin", "pct", codes=row.code, group_var="sector" if group else None,
                      group=group, year=row.year)
        assert row.base == r.base_n and row.count == r.count
    tot = f[(f.year == 2025) & (f.group == TOTAL)]
    assert tot["count"].tolist() == [2, 4, 1]
    assert tot["pct"].sum() == pytest.approx(100)
    assert tot["label"].iloc[0].startswith("Nieuw ontwikkeld")


def test_frequencies_likert_summary(frame):
    f = frequencies(frame, "cond_time", years=2025, summary=True)
    assert len(f) == 1
    assert f["code"].iloc[0] == "4|5"
    assert (f["count"].iloc[0], f["base"].iloc[0]) == (5, 9)


def test_frequencies_item_not_asked_in_year():
    df = pd.DataFrame({"year": [2021, 2021, 2025], "innovated": [1, 1, 1],
                       "partner_none": [0, 1, 0], "partner_dk": [np.nan, np.nan, 1]})
    f = frequencies(df, "partner_dk")
    r21 = f[f.year == 2021].iloc[0]
    assert r21["base"] == 0 and np.isnan(r21["pct"])
    assert f[f.year == 2025]["pct"].iloc[0] == 100


def test_frequencies_option_absent_from_a_file_of_years_it_did_not_exist():
    # a 2021-only file has no partner_dk column (the option is new in 2025): not asked,
    # as in tables._distribution_table; the other options are counted as usual
    items = load_codebook().items("partner")
    df = pd.DataFrame({"year": [2021] * 3, "innovated": [1, 1, 0]})
    for it in items[:-1]:
        df[it] = [1, 0, np.nan]
    f = frequencies(df, "partner")
    dk = f[f["item"] == "partner_dk"].iloc[0]
    assert dk["base"] == 0 and np.isnan(dk["pct"])
    assert f[f["item"] == "partner_private"].iloc[0][["count", "base"]].tolist() == [1, 2]
    # a 2025 file must have it: the option existed, so its absence is an error
    with pytest.raises(StatisticError, match="partner_dk"):
        frequencies(df.assign(year=2025), "partner")


def test_means_by_group_with_total(frame):
    m = means(frame, "climate_scale", by="sector", years=2025)
    assert m["group"].tolist() == [1, 3, 7, 9, TOTAL]
    tot = m[m.group == TOTAL].iloc[0]
    vals = [3.5, 4.0, 2.5, 4.5, 3.0, 3.5, 4.0, 2.0, 3.0]
    assert tot["n"] == 9
    assert tot["mean"] == pytest.approx(np.mean(vals))
    assert tot["sd"] == pytest.approx(np.std(vals, ddof=1))
    s7 = m[m.group == 7].iloc[0]
    assert (s7["n"], s7["mean"]) == (3, pytest.approx(11 / 3))


def test_share(frame):
    s = share(frame, "innovated", 1, by="sector")
    row = s[(s.year == 2021) & (s.group == 7)].iloc[0]
    assert (row["count"], row["base"], row["pct"]) == (1, 2, 50.0)


def test_20000_rows_give_the_same_shares_as_one_copy(frame):
    """Counting scales with the rows (speed: benchmarks/validation.py); the shares do not change."""
    big = pd.concat([frame] * 1500, ignore_index=True)
    pd.testing.assert_series_equal(share(big, "innovated", 1, by="sector")["pct"],
                                   share(frame, "innovated", 1, by="sector")["pct"])
    assert means(big, "climate_scale", by="sector")["mean"].tolist() == pytest.approx(
        means(frame, "climate_scale", by="sector")["mean"].tolist())
    assert frequencies(big, "origin", by="sector")["count"].sum() == 1500 * frequencies(frame, "origin", by="sector")["count"].sum()
