"""Unit tests of barometer.presentation.formatting (Dutch numbers, rounding half up, small cells)."""

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from barometer.presentation import formatting as fm


@pytest.mark.parametrize(
    "x, decimals, expected",
    [
        (12.5, 0, Decimal("13")),
        (0.5, 0, Decimal("1")),  # float round() gives 0 (banker's rounding)
        (2.675, 2, Decimal("2.68")),  # float round gives 2.67
        (3.6349999999999998, 2, Decimal("3.64")),  # float noise of an exact 3.635
        (-0.5, 0, Decimal("-1")),
        (np.float64(75.49), 0, Decimal("75")),
        (np.int64(7), 0, Decimal("7")),
        (100 * 1 / 8, 0, Decimal("13")),
    ],
)
def test_round_half_up(x, decimals, expected):
    assert fm.round_half_up(x, decimals) == expected


def test_round_half_up_rejects_missing():
    with pytest.raises(ValueError):
        fm.round_half_up(float("nan"))


def test_pct():
    assert fm.pct(76.0) == "76%"
    assert fm.pct(75.5) == "76%"
    assert fm.pct(12.25, 1) == "12,3%"
    assert fm.pct(np.nan) == "-"
    assert fm.pct(-0.2) == "0%"  # no "-0%"


def test_dec_and_num():
    assert fm.dec(3.625) == "3,63"
    assert fm.dec(0.54) == "0,54"
    assert fm.dec(1234.5, 2) == "1.234,50"
    assert fm.num(1611) == "1.611"
    assert fm.num(np.int64(347)) == "347"
    assert isinstance(fm.num(np.int64(347)), str)


def test_pp():
    assert fm.pp(10) == "10 procentpunt"
    assert fm.pp(-36.5) == "37 procentpunt"
    assert fm.pp(-36.5, signed=True) == "-37 procentpunt"
    assert fm.pp(2.0, signed=True) == "+2 procentpunt"


def test_suppress():
    assert fm.suppress("50%", 4) == "#"
    assert fm.suppress("50%", 5) == "50%"
    assert fm.suppress("50%", 3, min_base=3) == "50%"
    assert fm.suppress("50%", None) == "#"


def test_format_value_kinds():
    assert fm.format_value(0.5449, "sd") == "0,54"
    assert fm.format_value(50.0, "pct", n=4, min_base=5) == "#"
    assert fm.format_value(50.0, "pct", n=4, min_base=None) == "50%"
    with pytest.raises(ValueError):
        fm.format_value(1, "euro")


def test_display_frame_suppresses_small_rows_and_renames():
    tidy = pd.DataFrame(
        {"sector": [1, 5], "mean": [3.534, 3.0], "sd": [0.6251, 0.1], "n": [82, 3]}
    )
    out = fm.display_frame(
        tidy,
        {"mean": "mean", "sd": "sd", "n": "n"},
        base="n",
        headers={"mean": "Gemiddelde", "sd": "st. deviatie", "n": "Totaal (n)"},
        index="sector",
        index_labels={1: "Gemeente", 5: "Provincie"},
    )
    assert list(out.columns) == ["Gemiddelde", "st. deviatie", "Totaal (n)"]
    assert out.loc["Gemeente"].tolist() == ["3,53", "0,63", "82"]
    assert out.loc["Provincie"].tolist() == ["#", "#", "#"]


@pytest.mark.parametrize(
    "x, expected",
    [
        (2.345, "2,35"),
        (0.2278, "0,23"),
        (1000, "1.000,00"),
        (1000.01, "> 1.000"),
        (5.1e9, "> 1.000"),
        (float("inf"), "∞"),
        (0.005, "0,01"),
        (0.0049, "< 0,01"),
        (0.0, "< 0,01"),  # an underflowed interval bound: an odds ratio is never 0
        (float("nan"), "-"),
        (None, "-"),
    ],
)
def test_odds_ratio_one_rule_for_unbounded_values(x, expected):
    assert fm.odds_ratio(x) == expected


def test_or_interval():
    assert fm.or_interval(1.12, 6.234) == "1,12 – 6,23"
    assert fm.or_interval(0.0, float("inf"), sep="–") == "< 0,01–∞"
