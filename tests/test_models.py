"""Unit tests of barometer.models on simulated frames with known effects."""

import numpy as np
import pandas as pd
import pytest

from barometer import models as md


@pytest.fixture
def sim():
    rng = np.random.default_rng(1)
    n = 2000
    size = rng.integers(1, 4, n)
    unit = rng.integers(0, 2, n)
    sector = rng.choice([1, 2, 7], n)
    cm = rng.integers(1, 6, n)
    ct = rng.integers(1, 6, n)
    eta = -2.0 + 0.8 * (size == 2) + 1.6 * (size == 3) + 1.0 * unit + 0.4 * cm + 0.0 * (sector == 7)
    innovated = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    return pd.DataFrame({"year": 2025, "size_class": size, "innovation_unit": unit, "sector": sector,
                         "cond_management": cm, "cond_time": ct, "innovated": innovated})


def test_logit_recovers_odds_ratios(sim):
    res = md.innovation_model(sim)
    assert res.n == 2000
    unit = res.term("innovation_unit")
    assert unit["odds_ratio"] == pytest.approx(np.exp(1.0), rel=0.25)
    assert unit["ci_low"] < unit["odds_ratio"] < unit["ci_high"]
    assert unit["p"] < 0.001
    size = res.term("size_class")  # linear 1-3
    assert size["odds_ratio"] > 1 and size["p"] < 0.001
    cat = md.logit(sim, "innovated", ["size_class"], categorical={"size_class": 1})
    big = cat.term("size_class", 3)
    assert big["odds_ratio"] > cat.term("size_class", 2)["odds_ratio"] > 1
    assert big["label"] == "Groot"
    assert res.term("sector", 7)["p"] > 0.01
    assert res.term("cond_time")["p"] > 0.01
    assert 0 < res.pseudo_r2 < 1
    assert list(res.table.columns) == ["term", "variable", "level", "label", "coef", "se",
                                       "odds_ratio", "ci_low", "ci_high", "p"]


def test_logit_uses_complete_cases_and_routing(sim):
    d = sim.copy()
    d.loc[:9, "cond_time"] = np.nan
    assert md.innovation_model(d).n == 1990


def test_logit_rijk_and_errors(sim):
    res = md.logit(sim, "innovated", ["rijk", "cond_management"])
    assert res.term("rijk")["label"].startswith("Rijksoverheid")
    with pytest.raises(md.ModelError):
        md.logit(sim.assign(innovated=1), "innovated", ["cond_management"])
    with pytest.raises(md.ModelError):
        md.logit(sim, "innovated", ["sector"], categorical={"sector": 9})


def test_proportion_test_known_answer():
    # 86% of 366 vs 76% of 347: z = 3.44 (pooled)
    res = md.proportion_test(315, 366, 264, 347)
    p1, p2 = 315 / 366, 264 / 347
    pool = (315 + 264) / (366 + 347)
    z = (p2 - p1) / np.sqrt(pool * (1 - pool) * (1 / 366 + 1 / 347))
    assert res["z"] == pytest.approx(z)
    assert res["diff"] == pytest.approx(100 * (p2 - p1))
    assert res["p"] < 0.01
    assert md.proportion_test(5, 10, 5, 10)["p"] == pytest.approx(1.0)


def test_compare_years_and_chi2():
    df = pd.DataFrame({"year": [2021] * 10 + [2025] * 10,
                       "innovated": [1] * 9 + [0] + [1] * 5 + [0] * 5})
    res = md.compare_years(df, "innovated", 1)
    assert (res["n1"], res["n2"], res["p1"], res["p2"]) == (10, 10, 90.0, 50.0)
    chi = md.chi2_years(df, "innovated")
    assert chi["df"] == 1 and chi["n"] == 20
    assert chi["chi2"] == pytest.approx(res["z"] ** 2)


def test_small_levels_dropped_and_joint_test(sim):
    d = sim.copy()
    d.loc[:1, "sector"] = 3  # two Hoge Colleges van Staat
    res = md.innovation_model(d)
    assert res.dropped == {"sector": {3: 2}}
    assert res.n == 1998
    assert 3 not in set(res.table.loc[res.table.variable == "sector", "level"])
    j = res.joint.set_index("variable")
    assert j.loc["sector", "df"] == 2 and j.loc["sector", "p"] > 0.01
    assert j.loc["size_class", "df"] == 1 and j.loc["size_class", "p"] < 0.001
    lr = md.lr_test(res, "sector")
    assert lr["df"] == 2 and lr["p"] == pytest.approx(j.loc["sector", "p"], abs=0.1)
    assert md.lr_test(res, "innovation_unit")["p"] < 0.001
    with pytest.raises(md.ModelError):
        md.lr_test(res, "climate_scale")
