"""Unit tests of barometer.analysis.scales with hand-computed answers."""

import numpy as np
import pandas as pd
import pytest

from barometer.analysis import scales as sc


@pytest.fixture
def items():
    # Three items, five respondents; one incomplete row dropped listwise.
    return pd.DataFrame({
        "a": [1, 2, 3, 4, 5, np.nan],
        "b": [2, 2, 3, 5, 4, 3],
        "c": [1, 3, 3, 4, 5, 1],
    })


def test_cronbach_alpha_by_hand(items):
    x = items.dropna()
    k = 3
    expected = k / (k - 1) * (1 - x.var(ddof=1).sum() / x.sum(axis=1).var(ddof=1))
    assert sc.cronbach_alpha(items) == pytest.approx(expected)
    assert sc.cronbach_alpha(items) == pytest.approx(1.5 * (1 - 6.4 / 17.3))  # by hand: item variances 2.5+1.7+2.2, total 17.3


def test_alpha_of_identical_items_is_one():
    x = pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 2, 3, 4]})
    assert sc.cronbach_alpha(x) == pytest.approx(1.0)


def test_alpha_low_for_unrelated_items():
    x = pd.DataFrame({"a": [1, 2, 3, 4, 5, 1], "b": [5, 1, 4, 2, 3, 5]})
    assert sc.cronbach_alpha(x) < 0.3


def test_item_rest(items):
    ir = sc.item_rest(items)
    x = items.dropna()
    r_a = np.corrcoef(x["a"], x["b"] + x["c"])[0, 1]
    assert ir.loc[0, "item_rest_r"] == pytest.approx(r_a)
    assert ir.loc[0, "alpha_if_deleted"] == pytest.approx(sc.cronbach_alpha(x[["b", "c"]]))


def test_loadings_one_factor(items):
    ld = sc.loadings(items)
    assert (ld["loading"] > 0.8).all()
    assert ld.attrs["explained"] == pytest.approx(ld.attrs["eigenvalues"][0] / 3)
    paf = sc.loadings(items, method="paf")
    assert (paf["loading"] > 0.7).all()
    with pytest.raises(ValueError):
        sc.loadings(items, method="ml")


def test_reliability_of_codebook_scale():
    df = pd.DataFrame({
        "year": [2025] * 5,
        "cond_management": [1, 2, 3, 4, 5],
        "cond_political": [2, 2, 3, 4, 5],
        "cond_time": [1, 3, 3, 5, 4],
    })
    rel = sc.reliability(df, "conditions_scale")
    assert rel.n == 5
    assert rel.alpha == pytest.approx(sc.cronbach_alpha(df.iloc[:, 1:]))
    assert rel.items["label"].iloc[0].startswith("Het management")


def test_scale_distribution_centred_bins():
    s = pd.Series([1.0, 1 + 1 / 3, 3.0, 3.0, 5.0, np.nan])
    d = sc.scale_distribution(s, step=1 / 3)
    assert len(d) == 13
    assert d["count"].sum() == 5
    assert d.loc[d["bin_mid"].sub(3.0).abs() < 1e-9, "count"].item() == 2
    assert d["pct"].sum() == pytest.approx(100)
    assert d.attrs["mean"] == pytest.approx(s.mean())
    distinct = sc.scale_distribution(s)
    assert distinct["count"].tolist() == [1, 1, 2, 1]


def test_scale_correlation():
    df = pd.DataFrame({"x": [1, 2, 3, 4, 5.0], "y": [2, 4, 6, 8, 11.0], "year": [2025] * 5})
    res = sc.scale_correlation(df, "x", "y")
    assert res["r"] > 0.99 and res["n"] == 5 and res["p"] < 0.01
