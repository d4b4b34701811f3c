"""Tests of the disclosure policy (barometer.presentation.disclosure, data/disclosure.yaml) on known cases."""
import pandas as pd
import pytest

from barometer.presentation import disclosure
from barometer.presentation import formatting as fmt


def test_policy_file_is_the_one_source_of_threshold_and_symbol():
    pol = disclosure.policy()
    assert pol.threshold == 5 and pol.symbol == "#"
    assert fmt.MIN_BASE == pol.threshold and fmt.SMALL_CELL == pol.symbol
    assert disclosure.explanation(10).startswith("#: geen cijfer") and "10" in disclosure.explanation(10)


@pytest.mark.parametrize("n, min_base, small", [(4, None, True), (5, None, False), (9, 10, True),
                                                 (10, 10, False), (None, None, True), (float("nan"), 5, True)])
def test_is_small(n, min_base, small):
    assert disclosure.is_small(n, min_base) is small


def test_show_and_mask_hide_exactly_the_small_bases():
    assert disclosure.show("100%", 2) == "#"
    assert disclosure.show("100%", 2, min_base=2) == "100%"
    values = pd.Series([50.0, 100.0, 20.0])
    out = disclosure.mask(values, pd.Series([20, 2, 5]), 5)
    assert out.isna().tolist() == [False, True, False]
    assert disclosure.mask(values, pd.Series([20, 2, 5]), 10).isna().tolist() == [False, True, True]


def test_the_old_formatting_idioms_agree_with_the_policy():
    assert fmt.suppress("3,63", 4) == "#" and fmt.suppress("3,63", 5) == "3,63"
    assert fmt.format_value(3.625, "mean", n=4, min_base=5) == "#"
    assert fmt.format_value(3.625, "mean", n=9, min_base=10) == "#"


@pytest.mark.parametrize("bases, hidden, rest, expected", [
    ({"a": 2, "b": 30, "c": 9, "d": 12}, {"a"}, 0, {"c"}),   # one hidden: the smallest other too
    ({"a": 2, "b": 9, "c": 9}, {"a"}, 0, {"b"}),            # tie: the first in order
    ({"a": 2, "b": 3, "c": 9}, {"a", "b"}, 0, set()),        # two hidden: nothing to add
    ({"a": 2, "b": 30}, {"a"}, 4, set()),                    # an untabulated rest is a second unknown
    ({"a": 20, "b": 30}, set(), 3, {"a"}),                   # only a small rest hidden: it would follow
    ({"a": 20, "b": 30}, set(), 7, set()),                   # a rest of 5 or more may follow
    ({"a": 20, "b": 30}, set(), 0, set()),                   # nothing hidden
])
def test_complementary_known_cases(bases, hidden, rest, expected):
    assert disclosure.complementary(bases, hidden, rest) == expected


@pytest.mark.parametrize("bases, hidden, rest, min_base, expected", [
    # two hidden groups of 2 and 3: the total minus the shown groups gives the figure of their 5
    # organisations; at a threshold of 10 the smallest shown group joins them (5 + 12 = 17)
    ({"a": 2, "b": 3, "c": 12, "d": 14, "e": 80}, {"a", "b"}, 0, 10, {"c"}),
    # at the default threshold of 5 their sum of 5 may follow
    ({"a": 2, "b": 3, "c": 12, "d": 14, "e": 80}, {"a", "b"}, 0, None, set()),
    # one hidden group of 2 and a rest of 2 in no group: together 4, fewer than 5
    ({"a": 2, "b": 30, "c": 40}, {"a"}, 2, None, {"b"}),
    # one hidden group: the complementary cell, then more until the hidden ones reach 10
    ({"a": 2, "b": 3, "c": 4, "d": 50}, {"a"}, 0, 10, {"b", "c", "d"}),
    ({"a": 2, "b": 5, "c": 6, "d": 50}, {"a"}, 0, 10, {"b", "c"}),
])
def test_hidden_groups_together_reach_the_threshold(bases, hidden, rest, min_base, expected):
    assert disclosure.complementary(bases, hidden, rest, min_base) == expected


def _sector_frame():
    return pd.DataFrame({
        "year": [2025] * 5, "group": [1, 2, 3, 4, "Totaal"],
        "count": [1, 10, 5, 7, 23], "base": [2, 20, 9, 12, 43], "pct": [50.0, 50.0, 55.6, 58.3, 53.5],
    })


def test_protect_blanks_primary_and_secondary_cells_and_says_why():
    p = disclosure.protect(_sector_frame())
    f = p.frame
    assert f["pct"].isna().tolist() == [True, False, True, False, False]
    assert f["count"].isna().tolist() == [True, False, True, False, False]
    assert f["base"].tolist() == [2, 20, 9, 12, 43]  # counts of respondents stay public
    assert f["geheimhouding"].iloc[0].startswith("niet getoond: minder dan 5")
    assert "af te leiden" in f["geheimhouding"].iloc[2] and f["geheimhouding"].iloc[1] == ""
    reasons = {(c.row, c.column): c.reason for c in p.cells}
    assert reasons == {(0, "count"): "primary", (0, "pct"): "primary",
                       (2, "count"): "secondary", (2, "pct"): "secondary"}
    assert p.cells[0].key == {"year": 2025, "group": 1}


def test_protect_no_secondary_when_the_total_has_an_untabulated_rest():
    f = _sector_frame().assign(base=[2, 20, 9, 12, 50])  # 7 respondents in no shown group
    p = disclosure.protect(f)
    assert {c.reason for c in p.cells} == {"primary"}


def test_protect_threshold_follows_min_base_and_blocks_per_year():
    f = pd.concat([_sector_frame(), _sector_frame().assign(year=2021, base=[6, 20, 9, 12, 47])])
    p = disclosure.protect(f, min_base=10)
    hidden = {(c.key["year"], c.key["group"]) for c in p.cells}
    # 2025: groups 1 and 3 below 10 -> two hidden, nothing more; 2021: 1 and 3 too
    assert hidden == {(2025, 1), (2025, 3), (2021, 1), (2021, 3)}


def test_protect_wide_columns_take_their_own_base():
    f = pd.DataFrame({"item": ["x", "y"], "pct_groot": [40.0, 60.0], "n_groot": [30, 30],
                      "pct_klein": [100.0, 0.0], "n_klein": [3, 3]})
    p = disclosure.protect(f)
    assert p.frame["pct_klein"].isna().all() and not p.frame["pct_groot"].isna().any()


def test_protect_interval_bounds_go_with_their_value():
    f = pd.DataFrame({"group": [1, 2], "pct": [10.0, 20.0], "ondergrens": [1.0, 5.0],
                      "bovengrens": [30.0, 40.0], "basis": [3, 40]})
    p = disclosure.protect(f)
    assert p.frame.loc[0, ["pct", "ondergrens", "bovengrens"]].isna().all()
    assert not p.frame.loc[1, ["pct", "ondergrens", "bovengrens"]].isna().any()


def test_protect_leaves_a_frame_without_base_alone():
    f = pd.DataFrame({"claim": ["a"], "holds": [True]})
    p = disclosure.protect(f)
    assert p.cells == [] and list(p.frame.columns) == ["claim", "holds"]


def _tau_argus_secondary(bases: dict, hidden: set, total_rest: int = 0) -> set:
    """τ-ARGUS (pytauargus, HiGHS) optimal suppression of a one-way frequency table with its
    total, cost = number of respondents; the cells it adds to the primary ones."""
    from pytauargus import protect as tau_protect

    rows = []
    for g, n in bases.items():
        rows += [{"groep": str(g), "een": 1.0}] * int(n)
    rows += [{"groep": "rest", "een": 1.0}] * int(total_rest)
    micro = pd.DataFrame(rows)
    threshold = max(int(bases[g]) for g in hidden) + 1  # exactly the hidden groups are below it
    assert all(int(n) >= threshold for g, n in bases.items() if g not in hidden)
    result = tau_protect(micro, ["groep"], "een", safety_rules=f"FREQ({threshold},0)", suppress="OPT(1)",
                         workdir="tau")
    table = result.tables[0].dataframe()
    return {g for g, s in zip(table["groep"], table["status"]) if s == "M" and g != "rest"}


@pytest.mark.parametrize("bases, hidden", [
    ({"1": 89, "2": 94, "3": 2, "4": 43, "5": 6, "6": 11, "7": 58, "8": 11, "9": 33}, {"3"}),  # B1-8, 2025
    ({"a": 2, "b": 30, "c": 9, "d": 12}, {"a"}),
    ({"a": 3, "b": 4, "c": 20}, {"a", "b"}),
])
def test_complementary_agrees_with_tau_argus(bases, hidden, tmp_path, monkeypatch):
    """Our rule (hide the smallest other group) gives the cells τ-ARGUS's optimal suppression
    adds when the cost of a cell is its number of respondents."""
    monkeypatch.chdir(tmp_path)  # the engine writes its log files into the working directory
    assert disclosure.complementary(bases, hidden, 0) == _tau_argus_secondary(bases, hidden)


def test_a_row_whose_base_is_a_hidden_count_loses_its_base_too():
    """A question asked of innovators only: its base counts the group's innovators. Marked
    rows (BASE_HIDDEN) are hidden with their base, in the frame and in the record of the
    hidden cells. A hidden base must not follow from the total and the other bases either, so
    the block hides a second base (the smallest other group's) with its value."""
    data = pd.DataFrame({
        "group": ["A", "B", "C", "Totaal"],
        "pct": [50.0, 40.0, 30.0, 38.0],
        "base": [8, 20, 12, 40],
        disclosure.BASE_HIDDEN: [True, False, False, False],
    })
    prot = disclosure.protect(data, 5)
    f = prot.frame
    assert disclosure.BASE_HIDDEN not in f.columns
    for row in (0, 2):
        assert pd.isna(f.at[row, "pct"]) and pd.isna(f.at[row, "base"])
        assert f.at[row, "geheimhouding"] == disclosure.policy().status_text("base", 5)
    # the large group and the total are shown, with their bases
    assert f.at[1, "pct"] == 40.0 and f.at[1, "base"] == 20
    assert f.at[3, "pct"] == 38.0 and f.at[3, "base"] == 40
    by_row = {c.row: c for c in prot.cells}
    assert set(by_row) == {0, 2}
    assert by_row[0].base is None and by_row[2].base is None
    assert f["base"].dtype == "Int64"  # counts stay whole numbers in the download
    # without the mark every row is shown: all bases reach the threshold
    plain = disclosure.protect(data.drop(columns=disclosure.BASE_HIDDEN), 5)
    assert plain.frame["pct"].notna().all() and not plain.cells
