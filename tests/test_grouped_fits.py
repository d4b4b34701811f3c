"""The logits fitted on collapsed cases (frequency weights) give the fits of the cases themselves.

:func:`barometer.analysis.models.logit` fits the distinct complete cases with their counts as
frequency weights. These tests compare, at full precision, every number a chapter or claim
takes from a fit (coefficients, standard errors, odds ratios, Wald and profile-likelihood
intervals, p, the joint Wald and likelihood-ratio tests, pseudo R², the Firth refit and its
intervals) with the same model fitted case by case (``collapse=False``) and with statsmodels'
``Logit`` on the cases, on the shipped 2025 file and on a random file with many repeated cases
and a separated level.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from barometer.analysis import models as md
from barometer.analysis.uncertainty import firth_logit

REL = 1e-8  # the brief: equal to about 1e-8 at full precision


def _close(a: pd.Series | np.ndarray, b: pd.Series | np.ndarray, what: str) -> None:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    assert a.shape == b.shape, what
    assert np.array_equal(np.isnan(a), np.isnan(b)), (what, a, b)
    assert np.array_equal(np.isposinf(a), np.isposinf(b)) and np.array_equal(np.isneginf(a), np.isneginf(b)), (what, a, b)
    fin = np.isfinite(a)
    np.testing.assert_allclose(a[fin], b[fin], rtol=REL, atol=1e-12, err_msg=what)


def _same_fit(grouped: md.LogitResult, cases: md.LogitResult, estimable_only: bool = False) -> None:
    assert grouped.formula == cases.formula
    assert (grouped.n, grouped.n_positive, grouped.converged) == (cases.n, cases.n_positive, cases.converged)
    assert grouped.dropped == cases.dropped
    t1, t2 = grouped.table, cases.table
    assert list(t1["term"]) == list(t2["term"]) and list(t1["estimable"]) == list(t2["estimable"])
    rows = t1["estimable"].to_numpy() if estimable_only else slice(None)
    for col in ("coef", "se", "odds_ratio", "ci_low", "ci_high", "p"):
        _close(t1[col].to_numpy()[rows], t2[col].to_numpy()[rows], f"{grouped.formula}: {col}")
    for name, a, b in (("LR", grouped.joint, cases.joint), ("Wald", grouped.wald, cases.wald)):
        assert list(a["variable"]) == list(b["variable"]) and list(a["df"]) == list(b["df"])
        _close(a["chi2"], b["chi2"], f"{grouped.formula}: {name} chi2")
        _close(a["p"], b["p"], f"{grouped.formula}: {name} p")
    _close([grouped.pseudo_r2, grouped.llr_p], [cases.pseudo_r2, cases.llr_p], f"{grouped.formula}: pseudo R², p")
    u1, u2 = md.uncertainty_columns(grouped), md.uncertainty_columns(cases)
    for col in ("profiel_ondergrens", "profiel_bovengrens", "firth_or", "firth_ondergrens", "firth_bovengrens"):
        _close(u1[col], u2[col], f"{grouped.formula}: {col}")
    f1, f2 = md.firth_table(grouped), md.firth_table(cases)
    for col in ("odds_ratio", "ci_low", "ci_high"):
        _close(f1[col], f2[col], f"{grouped.formula}: Firth {col}")


def _statsmodels_fit(res: md.LogitResult, df_cases: pd.DataFrame):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return smf.logit(res.formula, data=df_cases).fit(disp=0, maxiter=200)


def _cases(df: pd.DataFrame, outcome: str, predictors, categorical, year=None) -> pd.DataFrame:
    """The complete cases the formula of :func:`md.logit` reads (outcome ``y``, predictors)."""
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    y = md._values(df, outcome, cb)
    y = y.isin([1.0]).astype(float).where(y.notna())
    return md._design(df, y, predictors, categorical, year, cb, 5)[0]


def _same_as_statsmodels(res: md.LogitResult, data: pd.DataFrame) -> None:
    """The grouped fit against statsmodels' Logit on the cases (``data``: y and the predictors)."""
    sm = _statsmodels_fit(res, data)
    names = list(sm.params.index)
    assert names == res.model.exog_names
    est = res.table.set_index("term")["estimable"]
    ok = [t for t in names if t == "Intercept" or est[t]]
    _close(res.model.params[ok], sm.params[ok], "coef vs statsmodels")
    _close(res.model.bse[ok], sm.bse[ok], "se vs statsmodels")
    _close(res.model.pvalues[ok], sm.pvalues[ok], "p vs statsmodels")
    _close([res.model.llf, res.model.llnull, res.pseudo_r2, res.llr_p],
           [sm.llf, sm.llnull, sm.prsquared, sm.llr_pvalue], "llf, llnull, pseudo R², p vs statsmodels")
    assert res.model.df_model == sm.df_model
    for _, row in res.joint.iterrows():  # the LR tests against statsmodels' refit of the reduced formula
        lr = md.lr_test(res, row["variable"])
        assert lr["df"] == row["df"]
        _close([lr["lr"]], [row["chi2"]], f"LR {row['variable']}")
        key = re.sub(r"\W", "_", row["variable"])
        terms = [t for t in res.formula.split("~", 1)[1].strip().split(" + ")
                 if t != key and not t.startswith(f"C({key},")]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reduced = smf.logit("y ~ " + (" + ".join(terms) if terms else "1"), data=data).fit(disp=0, maxiter=200)
        _close([row["chi2"]], [max(2 * (sm.llf - reduced.llf), 0.0)], f"LR {row['variable']} vs statsmodels")


@pytest.fixture(scope="module")
def shipped_2025():
    from barometer.book.edition import Edition

    return Edition.open(2025, [2021]).df


def _models(df: pd.DataFrame, collapse: bool) -> list[md.LogitResult]:
    out = [md.innovation_model(df, 2025) if collapse else
           md.logit(df, "innovated", md.INNOVATION_MODEL["predictors"], [1], md.INNOVATION_MODEL["categorical"],
                    2025, collapse=False)]
    for effect in md.EFFECT_OUTCOMES:
        for preds in (md.effect_spec(effect)["predictors"], md.EFFECT_MODEL["predictors"]):
            spec = md.effect_spec(effect)
            cats = {k: v for k, v in md.EFFECT_MODEL["categorical"].items() if k in preds and k not in spec["predictors"]}
            cats.update({k: v for k, v in spec["categorical"].items() if k in preds})
            out.append(md.logit(df, effect, preds, spec["positive"], cats, 2025, collapse=collapse))
    return out


def test_collapsed_fits_equal_case_fits_on_the_shipped_file(shipped_2025):
    grouped, cases = _models(shipped_2025, True), _models(shipped_2025, False)
    assert len(grouped) == 7
    for g, c in zip(grouped, cases):
        _same_fit(g, c)
        # the case-by-case fit has one row per case, the collapsed one fewer or as many
        assert c.model.exog.shape[0] == c.n >= g.model.exog.shape[0]
        assert g.model.weights.sum() == g.n
    # the innovation model and the report's effect models against statsmodels itself
    spec = md.INNOVATION_MODEL
    _same_as_statsmodels(grouped[0], _cases(shipped_2025, "innovated", spec["predictors"], spec["categorical"], 2025))
    for res, effect in zip(grouped[1::2], md.EFFECT_OUTCOMES):
        spec = md.effect_spec(effect)
        _same_as_statsmodels(res, _cases(shipped_2025, effect, spec["predictors"], spec["categorical"], 2025))


def _random_frame(seed: int = 7, n: int = 3000) -> pd.DataFrame:
    """Many repeated cases (few distinct patterns) and a level in which every case has the outcome."""
    rng = np.random.default_rng(seed)
    size = rng.integers(1, 4, n)
    sector = rng.choice([1, 2, 4, 7], n)
    cm = rng.integers(1, 6, n)
    unit = rng.integers(0, 2, n)
    eta = -1.5 + 0.6 * size + 0.8 * unit + 0.3 * cm - 0.5 * (sector == 7)
    y = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    y[sector == 4] = 1  # quasi-separation: sector 4 always innovated
    return pd.DataFrame({"year": 2025, "size_class": size, "innovation_unit": unit, "sector": sector,
                         "cond_management": cm, "cond_time": rng.integers(1, 6, n), "innovated": y})


def test_collapsed_fits_equal_case_fits_under_separation():
    df = _random_frame()
    preds, cats = md.INNOVATION_MODEL["predictors"], md.INNOVATION_MODEL["categorical"]
    grouped = md.logit(df, "innovated", preds, [1], cats)
    cases = md.logit(df, "innovated", preds, [1], cats, collapse=False)
    assert grouped.model.exog.shape[0] < len(df) / 2  # the collapse is real
    assert not grouped.term("sector", 4)["estimable"]  # the separated level
    _same_fit(grouped, cases, estimable_only=False)
    assert md.uncertainty_columns(grouped)["firth_or"].notna().all()
    _same_as_statsmodels(grouped, _cases(df, "innovated", preds, cats))


def test_weighted_firth_equals_the_repeated_rows():
    rng = np.random.default_rng(3)
    X = np.column_stack([np.ones(6), [0, 0, 1, 1, 1, 0], [1.5, 2.0, 0.5, 1.0, 3.0, 2.5]])
    y = np.array([0, 1, 1, 1, 1, 0], dtype=float)
    w = rng.integers(1, 9, 6).astype(float)
    Xr, yr = np.repeat(X, w.astype(int), axis=0), np.repeat(y, w.astype(int))
    a, b = firth_logit(X, y, weights=w), firth_logit(Xr, yr)
    _close(a.coef, b.coef, "Firth coef")
    _close(a.se, b.se, "Firth se")
    _close([a.loglik], [b.loglik], "Firth penalised log-likelihood")
    ca, cb = a.ci(X, y, weights=w), b.ci(Xr, yr)
    _close(ca["ci_low"], cb["ci_low"], "Firth lower bounds")
    _close(ca["ci_high"], cb["ci_high"], "Firth upper bounds")
    # and the weights matter: unweighted rows are another fit
    assert not np.allclose(firth_logit(X, y).coef, a.coef)


def test_a_refit_comes_from_the_store_and_is_the_callers_own():
    df = _random_frame(seed=11, n=800)
    preds, cats = md.INNOVATION_MODEL["predictors"], md.INNOVATION_MODEL["categorical"]
    first = md.logit(df, "innovated", preds, [1], cats)
    first.table.loc[:, "coef"] = 0.0  # a caller changing its copy
    first.joint.loc[:, "p"] = 1.0
    again = md.logit(df, "innovated", preds, [1], cats)
    assert again.model is first.model  # not fitted again
    assert (again.table["coef"] != 0).all() and (again.joint["p"] < 1).any()
    other = df.copy()
    other.loc[other.index[:40], "innovated"] = 1 - other.loc[other.index[:40], "innovated"]
    changed = md.logit(other, "innovated", preds, [1], cats)  # other cases: another fit
    assert changed.model is not first.model
    assert not np.allclose(changed.table["coef"], again.table["coef"])
