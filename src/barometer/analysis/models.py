"""Logistic regressions (statsmodels) and tests of differences between years.

The report explains (a) whether an organisation innovated and (b) whether the innovation had
a positive effect on quality, efficiency or simpler procedures with logistic regressions; and
says of several 2021–2025 differences whether they are significant. This module reruns those
analyses on a respondent frame. Results are tidy frames at full precision (odds ratios with 95%
confidence intervals, p-values); formatting happens in :mod:`barometer.presentation.formatting`.
"""

from __future__ import annotations

import hashlib
import math
import re
import warnings
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np
import pandas as pd

from barometer.data.codebook import Codebook, load_codebook
from barometer.data.lazy import lazy_module
from barometer.analysis.statistics import analysis_values, parse_codes, statistic

if TYPE_CHECKING:  # what the lazy stand-ins below are
    import statsmodels.formula.api as smf
    import statsmodels.stats.proportion as _proportion
    from scipy import optimize as _optimize
    from scipy import stats as sstats
else:
    # statsmodels' formula API and scipy.stats load on the first model or test (issue 14)
    smf = lazy_module("statsmodels.formula.api")
    sstats = lazy_module("scipy.stats")
    _optimize = lazy_module("scipy.optimize")
    _proportion = lazy_module("statsmodels.stats.proportion")

#: Significance level of every test in the book (two-sided); claims and chapters use this one.
SIGNIFICANCE_LEVEL = 0.05

__all__ = [
    "LogitResult",
    "ModelError",
    "MAX_SE",
    "INNOVATION_MODEL",
    "EFFECT_MODEL",
    "EFFECT_MODELS",
    "EFFECT_OUTCOMES",
    "OLSResult",
    "logit",
    "ols",
    "innovation_model",
    "effect_spec",
    "effect_model",
    "lr_test",
    "profile_ci",
    "firth_table",
    "uncertainty_columns",
    "proportion_test",
    "welch_test",
    "compare_years",
    "chi2_years",
    "chi2_table",
    "anova_oneway",
    "distribution_shape",
]


class ModelError(ValueError):
    """A model cannot be fitted (too few cases, no variation, perfect separation)."""


#: Largest standard error (on the log-odds scale) of a term that counts as estimated. A
#: larger one means the data do not bound the coefficient: (quasi-)separation, e.g. a sector
#: in which every organisation has the outcome. Its 95% interval then spans more than
#: exp(±19.6); such a term is flagged ``estimable = False``.
MAX_SE = 10.0


#: Predictors of the model of innovating (§2.1): size (linear, 1-3, as claims.csv CL01),
#: innovation officer/unit, sector, management support and time (conditions statements).
#: Categorical: name -> reference code.
INNOVATION_MODEL: dict[str, Any] = {
    "outcome": "innovated",
    "positive": [1],
    "predictors": ["size_class", "innovation_unit", "sector", "cond_management", "cond_time"],
    "categorical": {"sector": 1},
}

#: Predictors of the effect models (§2.5): climate, human capital, technology content,
#: strategy (reference: in de spotlights), goals, Rijksoverheid versus the rest, size and
#: innovation spectrum. ``rijk`` is derived here as ``sector == 7``.
EFFECT_MODEL: dict[str, Any] = {
    "positive": [1],
    "predictors": [
        "climate_scale", "human_capital", "tech_content", "strategy",
        "goal_efficiency", "goal_quality", "goal_cost", "goal_use",
        "rijk", "size_class", "spectrum",
    ],
    "categorical": {"tech_content": 4, "strategy": 3, "size_class": 1},
}

#: The three effects the report models.
EFFECT_OUTCOMES: tuple[str, ...] = ("effect_quality", "effect_efficiency", "effect_procedures")

#: The report's model of each of the three effects (§2.5), exactly as ``claims.csv`` states
#: it (CL34, CL35, CL36). :func:`effect_model` uses these by default; another ``effect_*``
#: column falls back to :data:`EFFECT_MODEL`. ``tech`` is ``tech_content in (1, 2)``
#: (geheel of voor een belangrijk deel technologisch), ``rijk`` is ``sector == 7``; size
#: and spectrum enter linearly; sector's reference is 1 (gemeente).
EFFECT_MODELS: dict[str, dict[str, Any]] = {
    "effect_quality": {
        "positive": [1],
        "predictors": ["climate_scale", "tech_content", "strategy", "spectrum", "sector", "size_class"],
        "categorical": {"tech_content": 4, "strategy": 3, "sector": 1},
    },
    "effect_efficiency": {
        "positive": [1],
        "predictors": ["climate_scale", "human_capital", "tech", "strategy", "goal_cost", "goal_use",
                       "sector", "size_class", "spectrum"],
        "categorical": {"strategy": 3, "sector": 1},
    },
    "effect_procedures": {
        "positive": [1],
        "predictors": ["climate_scale", "human_capital", "goal_quality", "goal_efficiency", "strategy",
                       "rijk", "size_class"],
        "categorical": {"strategy": 3},
    },
}

#: Indicator predictors defined here: name -> (column, codes giving 1).
_SPECIAL = {"rijk": ("sector", [7]), "tech": ("tech_content", [1, 2])}
_SPECIAL_LABELS = {
    "rijk": "Rijksoverheid (t.o.v. overige sectoren)",
    "tech": "Technologisch (geheel of voor een belangrijk deel)",
}


@dataclass(frozen=True)
class LogitResult:
    """A fitted logistic regression.

    Attributes
    ----------
    table : DataFrame
        One row per term except the intercept: ``term`` (statsmodels name), ``variable``,
        ``level`` (code of a categorical level, else None), ``label`` (Dutch), ``coef``,
        ``se``, ``odds_ratio``, ``ci_low``, ``ci_high`` (95%), ``p``, ``estimable``
        (False for a term the data do not bound: (quasi-)separation, see :data:`MAX_SE`;
        its odds ratio and interval are then meaningless, an interval bound may be 0 or
        infinite).
    n : int
        Cases used (complete cases).
    n_positive : int
        Cases with the outcome.
    pseudo_r2 : float
        McFadden's pseudo R².
    llr_p : float
        p-value of the likelihood-ratio test against the intercept-only model.
    formula : str
    converged : bool
    model : GroupedLogit
        The fit itself: the design of the distinct complete cases (``exog``, ``endog``), their
        counts (``weights``), estimates and covariance; profile and Firth intervals and the
        likelihood-ratio tests are computed from it.
    joint : DataFrame
        Likelihood-ratio test per predictor (all levels of a categorical one together; the
        model with vs without it, on the same cases, as :func:`lr_test`): ``variable``,
        ``chi2`` (the LR statistic), ``df``, ``p``, ``test`` (``"LR"``). The one test of a
        model term in chapters and claims alike.
    dropped : dict
        Per categorical predictor, the levels left out for having fewer than
        ``min_level_n`` cases, with their counts.
    wald : DataFrame
        The joint Wald tests (same columns, ``test`` ``"Wald"``), kept for comparison: under
        (quasi-)separation the Wald test is unreliable, the LR test is not.
    """

    table: pd.DataFrame
    n: int
    n_positive: int
    pseudo_r2: float
    llr_p: float
    formula: str
    converged: bool
    model: Any = field(repr=False, default=None)
    joint: pd.DataFrame = field(repr=False, default=None)
    dropped: dict = field(default_factory=dict)
    wald: pd.DataFrame = field(repr=False, default=None)

    def term(self, variable: str, level: Any = None) -> pd.Series:
        """Row of one predictor (and level) of :attr:`table`."""
        t = self.table[self.table["variable"] == variable]
        if level is not None:
            t = t[t["level"] == level]
        if len(t) != 1:
            raise KeyError(f"no single term for {variable!r} level {level!r}; terms: {list(self.table['term'])}")
        return t.iloc[0]


def _values(df: pd.DataFrame, name: str, cb: Codebook) -> pd.Series:
    if name in _SPECIAL:
        src, codes = _SPECIAL[name]
        s = pd.to_numeric(df[src], errors="coerce")
        return s.isin(codes).astype(float).where(s.notna())
    if cb.has_column(name) or name in cb.derived_variables:
        return analysis_values(df, name, cb)
    return pd.to_numeric(df[name], errors="coerce").astype(float)


def _label(name: str, cb: Codebook, level: Any = None) -> str:
    if name in _SPECIAL_LABELS:
        return _SPECIAL_LABELS[name]
    try:
        base = cb.label(name)
    except Exception:
        base = name
    if level is not None:
        try:
            return f"{cb.labels_short(name).get(level, cb.labels(name).get(level, level))}"
        except Exception:
            return f"{base}: {level}"
    return base


def logit(
    df: pd.DataFrame,
    outcome: str,
    predictors: Sequence[str],
    positive: Any = 1,
    categorical: Mapping[str, Any] | None = None,
    year: Any = None,
    codebook: Codebook | None = None,
    min_level_n: int = 5,
    collapse: bool = True,
) -> LogitResult:
    """Logistic regression of a yes/no outcome on predictors (statsmodels formula API).

    Parameters
    ----------
    df : DataFrame
        Respondent frame (derived variables added for derived predictors).
    outcome : str
        Outcome column; 1 where it has one of ``positive``, 0 for other valid answers.
    predictors : sequence of str
        Columns or derived variables; ``"rijk"`` is ``sector == 7``.
    positive : code, list or ``"1|2"``, default 1
    categorical : mapping name -> reference code, optional
        Predictors entered as categories (treatment coding against the reference).
    year : int or list, optional
        Only respondents of these years.
    min_level_n : int, default 5
        Cases in a level of a categorical predictor with fewer cases than this are left
        out (e.g. the two Hoge Colleges van Staat), as the report shows no figure for
        n < 5; listed in :attr:`LogitResult.dropped`.
    collapse : bool, default True
        Fit on the distinct complete cases with their counts as frequency weights
        (:func:`_collapse`): the same estimates, intervals and tests, much faster on a large
        file. ``False`` fits every case as its own row (for the tests that check this).

    Returns
    -------
    LogitResult

    Raises
    ------
    ModelError
        Too few cases, no variation in the outcome, or a singular / separated model.

    Notes
    -----
    Routing is honoured: the outcome and every predictor are NaN for respondents not asked;
    the model uses complete cases. Odds ratios are ``exp(coef)``, intervals ``exp`` of the
    Wald interval. A term under (quasi-)separation (all cases of a level have the same
    outcome) does not stop the fit: its row has ``estimable = False`` and its interval may
    run from 0 to infinity; :func:`barometer.presentation.formatting.odds_ratio` shows it as such.
    """
    cb = codebook if codebook is not None else load_codebook()
    pos = [float(c) for c in parse_codes(positive)]
    y = _values(df, outcome, cb)
    y = y.isin(pos).astype(float).where(y.notna())
    data, terms, safe, dropped = _design(df, y, predictors, categorical, year, cb, min_level_n)
    formula = "y ~ " + (" + ".join(terms) if terms else "1")
    n, n_pos = int(len(data)), int(data["y"].sum()) if len(data) else 0
    if n < len(terms) + 2 or n_pos in (0, n):
        raise ModelError(f"logit of {outcome!r}: {n} complete cases with {n_pos} positive: cannot fit")
    key = _fit_key(data, formula, collapse, predictors, categorical, dropped, cb)
    if key in _FITS:  # the same model on the same cases (a chapter's table and its claims)
        _FITS.move_to_end(key)
        return _copy_result(_FITS[key][1])
    rows, weights = _collapse(data) if collapse else (data, np.ones(len(data)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence warnings are reported via `converged`
        try:
            design = smf.logit(formula, data=rows)  # the design matrix only (patsy), not fitted
            res = GroupedLogit(design.endog, design.exog, list(design.exog_names), weights)
        except Exception as exc:  # PerfectSeparationError, LinAlgError
            raise ModelError(f"logit of {outcome!r} could not be fitted: {exc}") from exc
    table = _tidy(res, safe, cb, odds=True)
    wald = _joint(res, table, predictors)
    joint_df = _joint_lr(res, formula, predictors, safe, wald)
    result = LogitResult(table, int(len(data)), int(data["y"].sum()), float(res.prsquared),
                         float(res.llr_pvalue), formula, bool(res.mle_retvals.get("converged", True)),
                         res, joint_df, dropped, wald)
    _FITS[key] = (cb, result)  # (the codebook kept alive: its id is part of the key)
    while len(_FITS) > _FITS_MAX:
        _FITS.popitem(last=False)
    return _copy_result(result)


#: Logits already fitted, by the content of their complete cases and specification (LRU).
_FITS: "OrderedDict[str, tuple[Codebook, LogitResult]]" = OrderedDict()
_FITS_MAX = 64


def _fit_key(data: pd.DataFrame, formula: str, collapse: bool, predictors: Sequence[str],
             categorical: Mapping[str, Any] | None, dropped: Mapping, cb: Codebook) -> str:
    """A hash of everything :func:`logit` fits from: the complete cases (values, columns,
    index), the formula, the predictors, the levels left out and the codebook object (the
    labels)."""
    h = hashlib.sha256(repr((id(cb), formula, bool(collapse), list(predictors), sorted((categorical or {}).items()),
                             sorted((k, sorted(v.items())) for k, v in dropped.items()),
                             list(data.columns), [str(t) for t in data.dtypes])).encode())
    h.update(np.ascontiguousarray(data.to_numpy(dtype=float)).tobytes())
    h.update(pd.util.hash_pandas_object(data.index, index=False).to_numpy().tobytes())
    return h.hexdigest()


def _copy_result(result: LogitResult) -> LogitResult:
    """A result whose frames a caller may change without changing the stored one."""
    import copy
    import dataclasses

    return dataclasses.replace(result, table=result.table.copy(), joint=result.joint.copy(),
                               wald=result.wald.copy(), dropped=copy.deepcopy(result.dropped))


def _collapse(data: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Identical complete cases (the same outcome and the same value of every predictor)
    collapsed into one row each, with how often it occurs (frequency weights).

    The binomial likelihood of the collapsed rows with these weights is that of the cases
    (each row's term counted as often as it occurs), and so are its score, information matrix,
    Firth's penalty and every likelihood-ratio test: the fits, intervals and tests are the
    same, on as many rows as there are distinct cases.
    """
    counts = data.groupby(list(data.columns), sort=True).size()
    rows = counts.index.to_frame(index=False)
    for col in data.columns:  # the dtypes of the cases (patsy codes int and float alike)
        rows[col] = rows[col].astype(data[col].dtype)
    return rows, counts.to_numpy(dtype=float)


class GroupedLogit:
    """Maximum-likelihood logistic regression of frequency-weighted rows.

    The same Newton–Raphson as statsmodels' ``Logit(...).fit(method="newton")`` (start at 0,
    the Hessian scaled by the number of cases and a ridge of 1e-10 on its diagonal, stop when
    no coefficient moves more than ``tol``, at most ``maxiter`` iterations; the covariance the
    inverse of the Hessian at the estimate), each row's contributions to the log-likelihood,
    score and Hessian multiplied by its weight: with the weights the counts of identical cases
    (:func:`_collapse`), the fit of the cases themselves. Attributes as statsmodels' results
    (``params``, ``bse``, ``pvalues``, ``conf_int()``, ``llf``, ``llnull``, ``prsquared``,
    ``llr_pvalue``, ``df_model``, ``mle_retvals``, ``wald_test``) for :func:`_tidy` and
    :func:`_joint`; ``exog``, ``endog``, ``weights``, ``exog_names`` are the collapsed design.
    """

    def __init__(self, endog: np.ndarray, exog: np.ndarray, names: Sequence[str], weights: np.ndarray,
                 maxiter: int = 200, tol: float = 1e-8, ridge_factor: float = 1e-10) -> None:
        self.endog = np.asarray(endog, dtype=float)
        self.exog = np.asarray(exog, dtype=float)
        self.weights = np.asarray(weights, dtype=float)
        self.exog_names = list(names)
        self.nobs = float(self.weights.sum())
        X, nobs = self.exog, self.nobs
        newparams, oldparams, iterations = np.zeros(X.shape[1]), np.inf, 0
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            while iterations < maxiter and np.any(np.abs(newparams - oldparams) > tol):
                H = -self._hessian(newparams) / nobs
                H[np.diag_indices(H.shape[0])] += ridge_factor
                oldparams = newparams
                newparams = oldparams - np.linalg.solve(H, -self._score(oldparams) / nobs)
                iterations += 1
            cov = np.linalg.inv(-self._hessian(newparams) / nobs) / nobs
            self.cov = cov
            self.llf = float(self._loglike(newparams))
            bse = np.sqrt(np.diag(cov))
        self.mle_retvals = {"converged": iterations != maxiter, "iterations": iterations}
        self.params = pd.Series(newparams, index=self.exog_names)
        self.bse = pd.Series(bse, index=self.exog_names)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.pvalues = pd.Series(2 * sstats.norm.sf(np.abs(newparams / bse)), index=self.exog_names)
        self.df_model = float(np.linalg.matrix_rank(X) - 1)

    @property
    def llnull(self) -> float:
        """Log-likelihood of the intercept-only model, found as statsmodels' ``Logit`` results
        find it (Nelder–Mead from 0, then BFGS, with statsmodels' settings, on the mean
        log-likelihood of the cases), on the weighted rows: the same value."""
        if "llnull" not in self.__dict__:
            q, w, nobs = 2 * self.endog - 1, self.weights, self.nobs

            def f(b: np.ndarray) -> float:
                return -np.sum(w * np.log(1 / (1 + np.exp(-(q * b[0]))))) / nobs

            def score(b: np.ndarray) -> np.ndarray:
                return -np.array([np.sum(w * (self.endog - 1 / (1 + np.exp(-b[0]))))]) / nobs

            with np.errstate(over="ignore", divide="ignore"):
                b = _optimize.fmin(f, np.zeros(1), xtol=0.0001, ftol=0.0001, maxiter=10000, maxfun=None,
                                   full_output=True, disp=0)[0]
                b = _optimize.fmin_bfgs(f, b, score, gtol=1e-05, norm=np.inf, epsilon=1.4901161193847656e-08,
                                        maxiter=10000, full_output=True, disp=0)[0]
                self.__dict__["llnull"] = float(-f(b) * nobs)
        return self.__dict__["llnull"]

    @property
    def prsquared(self) -> float:
        """McFadden's pseudo R²: ``1 - llf / llnull``."""
        return 1 - self.llf / self.llnull

    @property
    def llr_pvalue(self) -> float:
        """p of the likelihood-ratio test against the intercept-only model (chi², ``df_model``)."""
        return float(sstats.chi2.sf(-2 * (self.llnull - self.llf), self.df_model))

    def _cdf(self, params: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        return 1 / (1 + np.exp(-np.dot(self.exog if X is None else X, params)))

    def _loglike(self, params: np.ndarray, X: np.ndarray | None = None) -> float:
        X = self.exog if X is None else X
        q = 2 * self.endog - 1
        return np.sum(self.weights * np.log(1 / (1 + np.exp(-(q * np.dot(X, params))))))

    def _score(self, params: np.ndarray) -> np.ndarray:
        return np.dot(self.weights * (self.endog - self._cdf(params)), self.exog)

    def _hessian(self, params: np.ndarray) -> np.ndarray:
        L = self._cdf(params)
        return -np.dot(self.weights * L * (1 - L) * self.exog.T, self.exog)

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        """Wald intervals of the coefficients (normal quantile), columns 0 and 1."""
        q = float(sstats.norm.ppf(1 - alpha / 2))
        return pd.DataFrame({0: self.params - q * self.bse, 1: self.params + q * self.bse})

    def wald_test(self, r_matrix: np.ndarray, scalar: bool = True) -> Any:
        """The chi-square Wald test of ``r_matrix @ params == 0``, as statsmodels computes it."""
        from types import SimpleNamespace

        r = np.asarray(r_matrix, dtype=float)
        rb = r @ np.asarray(self.params)[:, None]
        cov = r @ self.cov @ r.T
        if np.isnan(cov).max():
            raise ValueError("r_matrix performs f_test for using dimensions that are asymptotically non-normal")
        J = min(float(r.shape[0]), float(np.linalg.matrix_rank(cov)))
        stat = float(np.squeeze(rb.T @ np.linalg.pinv(cov) @ rb))
        return SimpleNamespace(statistic=stat, pvalue=float(sstats.chi2.sf(stat, J)), df_denom=J)

    def drop(self, columns: Sequence[str]) -> "GroupedLogit":
        """The model without the design columns ``columns``, fitted on the same rows."""
        keep = [j for j, name in enumerate(self.exog_names) if name not in set(columns)]
        return GroupedLogit(self.endog, self.exog[:, keep], [self.exog_names[j] for j in keep], self.weights)


def _term_columns(res: GroupedLogit, key: str) -> list[str]:
    """The design columns of predictor ``key`` (its one column, or every level of a categorical one)."""
    return [c for c in res.exog_names if c == key or c.startswith(f"C({key},")]


def _design(df: pd.DataFrame, y: pd.Series, predictors: Sequence[str], categorical: Mapping[str, Any] | None,
            year: Any, cb: Codebook, min_level_n: int) -> tuple[pd.DataFrame, list[str], dict, dict]:
    """Complete cases of outcome ``y`` and the predictors, small levels dropped, formula terms."""
    categorical = dict(categorical or {})
    data = pd.DataFrame(index=df.index)
    data["y"] = y
    safe = {}
    for p in predictors:
        key = re.sub(r"\W", "_", p)
        safe[p] = key
        data[key] = _values(df, p, cb)
    if year is not None:
        data = data[pd.to_numeric(df[cb.year_column], errors="coerce").isin(parse_codes(year))]
    data = data.dropna()
    dropped = {}
    for p in predictors:
        if p in categorical:
            counts = data[safe[p]].value_counts()
            small = counts[counts < min_level_n]
            if len(small):
                dropped[p] = {int(k): int(v) for k, v in small.items()}
                data = data[~data[safe[p]].isin(small.index)]
    terms = []
    for p in predictors:
        key = safe[p]
        if p in categorical:
            data[key] = data[key].astype("int64")
            ref = int(categorical[p])
            if ref not in set(data[key]):
                raise ModelError(f"reference {ref} of {p!r} does not occur in the data")
            terms.append(f"C({key}, Treatment(reference={ref}))")
        else:
            terms.append(key)
    return data, terms, safe, dropped


def _tidy(res: Any, safe: Mapping[str, str], cb: Codebook, odds: bool) -> pd.DataFrame:
    """One row per term (intercept left out): names, levels, labels, estimates, intervals, p."""
    ci = res.conf_int()
    rows = []
    rev = {v: k for k, v in safe.items()}
    for term in res.params.index:
        if term == "Intercept":
            continue
        m = re.match(r"C\((\w+), Treatment\(reference=(-?\d+)\)\)\[T\.(-?[\d.]+)\]", term)
        if m:
            var, level = rev[m.group(1)], int(float(m.group(3)))
        else:
            var, level = rev.get(term, term), None
        row = {"term": term, "variable": var, "level": level, "label": _label(var, cb, level),
               "coef": float(res.params[term]), "se": float(res.bse[term])}
        if odds:
            row.update(odds_ratio=_exp(res.params[term]), ci_low=_exp(ci.loc[term, 0]),
                       ci_high=_exp(ci.loc[term, 1]))
        else:
            row.update(ci_low=float(ci.loc[term, 0]), ci_high=float(ci.loc[term, 1]))
        row["p"] = float(res.pvalues[term])
        if odds:
            row["estimable"] = _estimable(row)
        rows.append(row)
    cols = ["term", "variable", "level", "label", "coef", "se"]
    cols += ["odds_ratio", "ci_low", "ci_high", "p", "estimable"] if odds else ["ci_low", "ci_high", "p"]
    return pd.DataFrame(rows, columns=cols)


def _estimable(row: Mapping[str, float]) -> bool:
    """Is a logit term bounded by the data? No for (quasi-)separation: a standard error above
    :data:`MAX_SE`, or an odds ratio or interval bound that is 0 or infinite."""
    values = [row["se"], row["odds_ratio"], row["ci_low"], row["ci_high"]]
    if not all(np.isfinite(v) for v in values):
        return False
    return bool(row["se"] <= MAX_SE and row["ci_low"] > 0)


def _joint(res: Any, table: pd.DataFrame, predictors: Sequence[str]) -> pd.DataFrame:
    """Joint Wald test per predictor (all levels of a categorical one together)."""
    names = list(res.params.index)
    variable_of = dict(zip(table["term"], table["variable"]))  # (terms are unique)
    joint = []
    for p in predictors:
        idx = [i for i, t in enumerate(names) if t != "Intercept" and variable_of.get(t) == p]
        if not idx:
            continue
        r = np.zeros((len(idx), len(names)))
        for j, i in enumerate(idx):
            r[j, i] = 1.0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w = res.wald_test(r, scalar=True)
        joint.append({"variable": p, "chi2": float(w.statistic), "df": len(idx), "p": float(w.pvalue)})
    return pd.DataFrame(joint, columns=["variable", "chi2", "df", "p"])


def _joint_lr(res: Any, formula: str, predictors: Sequence[str], safe: Mapping[str, str],
              wald: pd.DataFrame) -> pd.DataFrame:
    """Likelihood-ratio test per predictor of a fitted logit (the reduced model refitted on the
    same cases); NaN where the reduced model cannot be fitted."""
    rows = []
    for p in predictors:
        if p not in set(wald["variable"]):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:  # the full design without the predictor's columns: as patsy builds the reduced formula
                reduced = res.drop(_term_columns(res, safe[p]))
            except Exception:  # noqa: BLE001 - a reduced model that cannot be fitted has no test
                rows.append({"variable": p, "chi2": math.nan, "df": 0, "p": math.nan, "test": "LR"})
                continue
        lr = max(float(2 * (res.llf - reduced.llf)), 0.0)
        dof = int(res.df_model - reduced.df_model)
        rows.append({"variable": p, "chi2": lr, "df": dof, "p": float(sstats.chi2.sf(lr, dof)), "test": "LR"})
    return pd.DataFrame(rows, columns=["variable", "chi2", "df", "p", "test"])


#: Profile and Firth intervals already computed, by the content of the fitted model (LRU).
_INTERVALS: "OrderedDict[str, pd.DataFrame]" = OrderedDict()
_INTERVALS_MAX = 64


def _interval_key(result: LogitResult, kind: str, alpha: float) -> str:
    """A hash of everything :func:`profile_ci` / :func:`firth_table` compute from: the design
    matrix, the outcome, the term names, the fitted estimates, standard errors and
    log-likelihood, the terms asked for and ``alpha``. The same model fitted twice (a chapter's
    table and the claims of the same edition) has the same key."""
    res = result.model
    h = hashlib.sha256(f"{kind}\0{float(alpha)!r}\0{float(res.llf)!r}\0".encode())
    for part in (res.exog, res.endog, res.weights, np.asarray(res.params), np.asarray(res.bse)):
        h.update(np.ascontiguousarray(part, dtype=float).tobytes())
        h.update(b"\0")
    h.update("\0".join([*map(str, res.exog_names), "|", *map(str, result.table["term"])]).encode())
    return h.hexdigest()


#: Where fitted intervals are shared beyond this process: ``store(key, compute) -> value``, or
#: None (computed here). Inside a build the book layer sets it
#: (:func:`barometer.book.frames.shared_result`, installed by ``Edition.open``), so that the
#: kernel of the other worker that fits the same model reads the intervals instead of refitting.
SHARED_STORE = None


def _cached_intervals(result: LogitResult, kind: str, alpha: float, compute) -> pd.DataFrame:
    """``compute()`` once per model content (a pure function of the fit); a copy each time."""
    key = _interval_key(result, kind, alpha)
    if key in _INTERVALS:
        _INTERVALS.move_to_end(key)
    else:
        _INTERVALS[key] = compute() if SHARED_STORE is None else SHARED_STORE(f"intervals-{key}", compute)
        while len(_INTERVALS) > _INTERVALS_MAX:
            _INTERVALS.popitem(last=False)
    return _INTERVALS[key].copy()


def profile_ci(result: LogitResult, alpha: float = 0.05) -> pd.DataFrame:
    """Profile-likelihood intervals of the odds ratios of a fitted logit.

    Each coefficient is fixed on a grid found by root-finding
    (:func:`barometer.analysis.uncertainty.profile_interval`), the other coefficients refitted
    (Newton–Raphson with step-halving, :mod:`barometer.analysis.uncertainty`), until the likelihood-ratio
    statistic reaches chi²(1; 0.95). Under (quasi-)separation a bound the data do not give is
    0 or infinite instead of the meaningless Wald bound.

    Returns
    -------
    DataFrame
        ``term``, ``odds_ratio``, ``ci_low``, ``ci_high`` (odds-ratio scale), ``method``
        (``"profiel"``).
    """
    return _cached_intervals(result, "profile", alpha, lambda: _profile_ci(result, alpha))


def _profile_ci(result: LogitResult, alpha: float) -> pd.DataFrame:
    from barometer.analysis.uncertainty import PROFILE_LL_TOL, _firth_fit, profile_interval

    res = result.model
    X, y, w = res.exog, res.endog, res.weights
    names = list(res.exog_names)
    start = np.asarray(res.params, dtype=float)  # each profile fit starts from the full fit
    rows = []
    for term in result.table["term"]:
        j = names.index(term)

        def fixed(b: float, j: int = j) -> float:
            return _firth_fit(X, y, fixed={j: b}, firth=False, maxiter=200, ll_tol=PROFILE_LL_TOL,
                              weights=w, start=start, se=False).loglik

        est, se = float(res.params[term]), float(res.bse[term])
        if not np.isfinite(se) or se > MAX_SE:
            se = 1.0
        lo, hi = profile_interval(fixed, float(res.llf), est, se, alpha)
        rows.append({"term": term, "odds_ratio": _exp(est), "ci_low": _exp(lo), "ci_high": _exp(hi),
                     "method": "profiel"})
    return pd.DataFrame(rows, columns=["term", "odds_ratio", "ci_low", "ci_high", "method"])


def firth_table(result: LogitResult, alpha: float = 0.05) -> pd.DataFrame:
    """The same model refitted with Firth's penalised likelihood, with profile penalised-
    likelihood intervals (:func:`barometer.analysis.uncertainty.firth_logit`, as R's ``logistf``).

    Use it where (quasi-)separation makes a term not estimable (``estimable = False``): the
    Firth estimate stays finite and its interval is bounded by the penalised likelihood.

    Returns
    -------
    DataFrame
        ``term``, ``odds_ratio``, ``ci_low``, ``ci_high`` (odds-ratio scale), ``method``
        (``"Firth"``); the intercept left out.
    """
    return _cached_intervals(result, "firth", alpha, lambda: _firth_table(result, alpha))


def _firth_table(result: LogitResult, alpha: float) -> pd.DataFrame:
    from barometer.analysis.uncertainty import firth_logit

    res = result.model
    X, y, w = res.exog, res.endog, res.weights
    names = list(res.exog_names)
    # an aliased column (a combination of earlier ones, e.g. a level no case has besides
    # another) leaves the information singular, so that Firth's penalty 0.5 log|I| is rounding
    # noise: fit the columns that are not aliased, as R's glm, and give the others no estimate
    keep = independent_columns(X[w > 0] if w is not None else X)
    fit = firth_logit(pd.DataFrame(X[:, keep], columns=[names[j] for j in keep]), y, weights=w)
    ci = fit.ci(X[:, keep], y, alpha, weights=w).set_index("term").reindex(names).rename_axis("term").reset_index()
    ci = ci[ci["term"] != "Intercept"]
    return pd.DataFrame({"term": ci["term"], "odds_ratio": ci["coef"].map(_exp), "ci_low": ci["ci_low"].map(_exp),
                         "ci_high": ci["ci_high"].map(_exp), "method": "Firth"}).reset_index(drop=True)


def independent_columns(X: np.ndarray) -> list[int]:
    """Indices of the columns of ``X`` that are not a linear combination of earlier columns
    (in order; as R's ``glm`` marks the later of two aliased terms ``NA``)."""
    keep: list[int] = []
    for j in range(X.shape[1]):
        if np.linalg.matrix_rank(X[:, keep + [j]]) > len(keep):
            keep.append(j)
    return keep


def uncertainty_columns(result: LogitResult) -> pd.DataFrame:
    """:attr:`LogitResult.table` with the profile-likelihood interval of every odds ratio
    (``profiel_ondergrens``, ``profiel_bovengrens``) and, when a term is not estimable, the
    Firth refit (``firth_or``, ``firth_ondergrens``, ``firth_bovengrens``; NaN otherwise)."""
    t = result.table.copy()
    prof = profile_ci(result).set_index("term")
    t["profiel_ondergrens"] = t["term"].map(prof["ci_low"])
    t["profiel_bovengrens"] = t["term"].map(prof["ci_high"])
    t["firth_or"] = t["firth_ondergrens"] = t["firth_bovengrens"] = math.nan
    if not t["estimable"].all():
        fi = firth_table(result).set_index("term")
        t["firth_or"] = t["term"].map(fi["odds_ratio"])
        t["firth_ondergrens"] = t["term"].map(fi["ci_low"])
        t["firth_bovengrens"] = t["term"].map(fi["ci_high"])
    return t


def _exp(x: float) -> float:
    with np.errstate(over="ignore"):
        return float(np.exp(float(x)))


def lr_test(result: LogitResult, variable: str) -> dict[str, float]:
    """Likelihood-ratio test of all terms of one predictor: the model with vs without it.

    The reduced model is fitted on exactly the cases of the full model.

    Returns
    -------
    dict
        ``lr`` (statistic), ``df``, ``p``.
    """
    res = result.model
    terms = [t for t in re.split(r"\s*\+\s*", result.formula.split("~", 1)[1].strip())]
    key = re.sub(r"\W", "_", variable)
    keep = [t for t in terms if t != key and not t.startswith(f"C({key},")]
    if len(keep) == len(terms):
        raise ModelError(f"{variable!r} is not a predictor of {result.formula!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reduced = res.drop(_term_columns(res, key))
    lr = float(2 * (res.llf - reduced.llf))
    dof = int(res.df_model - reduced.df_model)
    return {"lr": lr, "df": dof, "p": float(sstats.chi2.sf(lr, dof))}


def innovation_model(df: pd.DataFrame, year: Any = 2025, predictors: Sequence[str] | None = None,
                     codebook: Codebook | None = None) -> LogitResult:
    """The report's model of innovating (§2.1): :data:`INNOVATION_MODEL` by default."""
    spec = INNOVATION_MODEL
    preds = list(predictors) if predictors is not None else spec["predictors"]
    cats = {k: v for k, v in spec["categorical"].items() if k in preds}
    return logit(df, spec["outcome"], preds, spec["positive"], cats, year, codebook)


def effect_spec(effect: str) -> dict[str, Any]:
    """The model specification of a positive ``effect``: :data:`EFFECT_MODELS` or the generic
    :data:`EFFECT_MODEL` for an effect the report does not model."""
    return EFFECT_MODELS.get(effect, EFFECT_MODEL)


def effect_model(df: pd.DataFrame, effect: str, year: Any = 2025, predictors: Sequence[str] | None = None,
                 codebook: Codebook | None = None) -> LogitResult:
    """The report's model of a positive effect (code 1) of the innovation (§2.5).

    Parameters
    ----------
    effect : str
        ``"effect_quality"``, ``"effect_efficiency"`` or ``"effect_procedures"`` (the models
        of :data:`EFFECT_MODELS`, as claims CL34–CL36 state them); any other ``effect_*``
        column gets :data:`EFFECT_MODEL`.
    predictors : sequence, optional
        Default: the predictors of :func:`effect_spec`. A predictor is categorical as the
        effect's specification says, else as :data:`EFFECT_MODEL` says.

    Notes
    -----
    The outcome is 1 for a positive effect and 0 for every other valid answer (geen effect,
    negatief effect, te vroeg om te zeggen); innovators without an answer are left out.
    """
    spec = effect_spec(effect)
    preds = list(predictors) if predictors is not None else list(spec["predictors"])
    cats = {k: v for k, v in EFFECT_MODEL["categorical"].items() if k in preds and k not in spec["predictors"]}
    cats.update({k: v for k, v in spec["categorical"].items() if k in preds})
    return logit(df, effect, preds, spec["positive"], cats, year, codebook)


@dataclass(frozen=True)
class OLSResult:
    """A fitted linear regression (OLS).

    Attributes
    ----------
    table : DataFrame
        One row per term except the intercept: ``term``, ``variable``, ``level``, ``label``,
        ``coef``, ``se``, ``ci_low``, ``ci_high`` (95%), ``p``.
    n : int
    r2 : float
    formula : str
    joint : DataFrame
        Joint F-test per predictor: ``variable``, ``F``, ``df``, ``p``.
    dropped : dict
        Levels of categorical predictors left out for having fewer than ``min_level_n`` cases.
    """

    table: pd.DataFrame
    n: int
    r2: float
    formula: str
    model: Any = field(repr=False, default=None)
    joint: pd.DataFrame = field(repr=False, default=None)
    dropped: dict = field(default_factory=dict)

    def term(self, variable: str, level: Any = None) -> pd.Series:
        """Row of one predictor (and level) of :attr:`table`."""
        return LogitResult.term(self, variable, level)  # same lookup


def ols(
    df: pd.DataFrame,
    outcome: str,
    predictors: Sequence[str],
    categorical: Mapping[str, Any] | None = None,
    year: Any = None,
    codebook: Codebook | None = None,
    min_level_n: int = 5,
) -> OLSResult:
    """Linear regression (OLS) of a numeric outcome (a scale score) on predictors.

    Predictors, routing, complete cases, categorical coding and the dropping of levels with
    fewer than ``min_level_n`` cases work as in :func:`logit`. ``"year"`` may be a
    predictor (e.g. categorical with reference 2021 for a pooled model).

    Raises
    ------
    ModelError
        Too few cases or a singular model.
    """
    cb = codebook if codebook is not None else load_codebook()
    y = _values(df, outcome, cb)
    data, terms, safe, dropped = _design(df, y, predictors, categorical, year, cb, min_level_n)
    formula = "y ~ " + (" + ".join(terms) if terms else "1")
    if len(data) < len(terms) + 3:
        raise ModelError(f"ols of {outcome!r}: {len(data)} complete cases: cannot fit")
    try:
        res = smf.ols(formula, data=data).fit()
    except Exception as exc:
        raise ModelError(f"ols of {outcome!r} could not be fitted: {exc}") from exc
    table = _tidy(res, safe, cb, odds=False)
    joint = _joint(res, table, predictors).rename(columns={"chi2": "F"})
    return OLSResult(table, int(len(data)), float(res.rsquared), formula, res, joint, dropped)


def proportion_test(count1: int, n1: int, count2: int, n2: int) -> dict[str, float]:
    """Two-sided z-test of two independent proportions (statsmodels ``proportions_ztest``).

    Returns
    -------
    dict
        ``p1``, ``p2`` (percentages, 0–100), ``diff`` (p2 - p1, percentage points),
        ``z``, ``p``.
    """
    if min(n1, n2) <= 0:
        raise ModelError("proportion_test needs two non-empty bases")
    p1, p2 = 100.0 * count1 / n1, 100.0 * count2 / n2
    if count1 + count2 in (0, n1 + n2):
        return {"p1": p1, "p2": p2, "diff": p2 - p1, "z": 0.0, "p": 1.0}
    z, p = _proportion.proportions_ztest([count2, count1], [n2, n1])
    return {"p1": p1, "p2": p2, "diff": p2 - p1, "z": float(z), "p": float(p)}


def welch_test(a: Sequence[float] | pd.Series, b: Sequence[float] | pd.Series) -> dict[str, float]:
    """Welch's two-sample t-test of two means (unequal variances; statsmodels ``ttest_ind``).

    Missing values are dropped. One group without variance (e.g. a scale on which every
    organisation answered "weet niet") is a valid test: the variance of the other group
    carries it (statsmodels computes it without scipy's precision-loss warning of a constant
    sample).

    Returns
    -------
    dict
        ``mean1``, ``mean2``, ``n1``, ``n2``, ``t`` (of ``b - a``), ``df`` (Welch–Satterthwaite),
        ``p`` (two-sided).

    Raises
    ------
    ModelError
        A group with fewer than two values, or no variation in either group (the test is 0/0).
    """
    from statsmodels.stats.weightstats import ttest_ind

    x = pd.to_numeric(pd.Series(a), errors="coerce").dropna().to_numpy(dtype=float)
    y = pd.to_numeric(pd.Series(b), errors="coerce").dropna().to_numpy(dtype=float)
    if min(len(x), len(y)) < 2:
        raise ModelError(f"welch_test: {len(x)} and {len(y)} values, need at least 2 in each group")
    if np.ptp(x) == 0 and np.ptp(y) == 0:
        raise ModelError("welch_test: no variation in either group")
    t, p, dof = ttest_ind(y, x, usevar="unequal")
    return {"mean1": float(x.mean()), "mean2": float(y.mean()), "n1": int(len(x)), "n2": int(len(y)),
            "t": float(t), "df": float(dof), "p": float(p)}


def compare_years(df: pd.DataFrame, variable: str, codes: Any = None, years: Sequence[int] = (2021, 2025),
                  group_var: str | None = None, group: Any = None,
                  codebook: Codebook | None = None) -> dict[str, float]:
    """Test the difference in a share between two years (z-test of two proportions).

    Returns
    -------
    dict
        As :func:`proportion_test`, plus ``n1``, ``n2`` (bases of the two years) and
        ``diff_low``, ``diff_high``: Newcombe's hybrid score interval (95%) of ``diff``
        (:func:`barometer.analysis.uncertainty.difference_ci`), with the finite-population correction
        of each year (the population of the base estimated with the survey's sampling
        fraction, :func:`barometer.analysis.uncertainty.domain_population`) when the comparison is
        not within a group and the year has a population file; else uncorrected (wider).
    """
    from barometer.analysis.uncertainty import difference_ci, domain_population

    cb = codebook if codebook is not None else load_codebook()
    a, b = years
    r1 = statistic(df, variable, "pct", codes, group_var, group, a, cb)
    r2 = statistic(df, variable, "pct", codes, group_var, group, b, cb)
    out = proportion_test(r1.count, r1.base_n, r2.count, r2.base_n)
    out.update(n1=r1.base_n, n2=r2.base_n)
    pops = [None, None]
    if group_var is None:
        yr = pd.to_numeric(df[cb.year_column], errors="coerce")
        pops = [domain_population(int(y), int((yr == y).sum()))(r.base_n) for y, r in ((a, r1), (b, r2))]
    try:
        lo, hi = difference_ci(r1.count, r1.base_n, r2.count, r2.base_n, *pops)
    except ValueError:  # a base larger than the population (another file): no correction
        lo, hi = difference_ci(r1.count, r1.base_n, r2.count, r2.base_n)
    out.update(diff_low=lo, diff_high=hi)
    return out


def chi2_years(df: pd.DataFrame, variable: str, years: Sequence[int] = (2021, 2025),
               codebook: Codebook | None = None) -> dict[str, float]:
    """Chi-square test of the distribution of a single-choice question in two (or more) years.

    Returns
    -------
    dict
        ``chi2``, ``df``, ``p``, ``n`` (routed respondents with an answer), ``cramers_v``.
    """
    cb = codebook if codebook is not None else load_codebook()
    v = analysis_values(df, variable, cb)
    yr = pd.to_numeric(df[cb.year_column], errors="coerce")
    keep = v.notna() & yr.isin(list(years))
    table = pd.crosstab(yr[keep], v[keep])
    table = table.loc[:, table.sum() > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        raise ModelError(f"chi2_years of {variable!r}: need two years and two answers")
    chi2, p, dof, _ = sstats.chi2_contingency(table.to_numpy(), correction=False)
    n = int(table.to_numpy().sum())
    v_ = float(np.sqrt(chi2 / (n * (min(table.shape) - 1))))
    return {"chi2": float(chi2), "df": int(dof), "p": float(p), "n": n, "cramers_v": v_}



def chi2_table(df: pd.DataFrame, row: str, col: str, year: Any = None, min_row_n: int | None = None,
               codebook: Codebook | None = None) -> dict[str, float]:
    """Pearson chi-square test of independence of two coded variables, routing-aware.

    Parameters
    ----------
    row, col : str
        Columns or coded derived variables (``"size_class"``, ``"innovation_unit"``,
        ``"goal_efficiency"``); respondents not asked either are left out.
    year : int or list, optional
    min_row_n : int, optional
        Leave out categories of ``row`` with fewer respondents than this (e.g. the two Hoge
        Colleges van Staat, as the report shows no figure for n < 5).

    Returns
    -------
    dict
        ``chi2``, ``df``, ``p``, ``n``, ``cramers_v``.
    """
    cb = codebook if codebook is not None else load_codebook()
    a, b = analysis_values(df, row, cb), analysis_values(df, col, cb)
    keep = a.notna() & b.notna()
    if year is not None:
        keep &= pd.to_numeric(df[cb.year_column], errors="coerce").isin(parse_codes(year))
    table = pd.crosstab(a[keep], b[keep])
    if min_row_n is not None:
        table = table[table.sum(axis=1) >= min_row_n]
    table = table.loc[table.sum(axis=1) > 0, table.sum() > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        raise ModelError(f"chi2_table of {row!r} x {col!r}: need two categories of each")
    chi2, p, dof, _ = sstats.chi2_contingency(table.to_numpy(), correction=False)
    n = int(table.to_numpy().sum())
    v = float(np.sqrt(chi2 / (n * (min(table.shape) - 1))))
    return {"chi2": float(chi2), "df": int(dof), "p": float(p), "n": n, "cramers_v": v}


def anova_oneway(df: pd.DataFrame, variable: str, by: str, year: Any = None,
                 codebook: Codebook | None = None) -> dict[str, float]:
    """One-way analysis of variance of a numeric variable (a scale score) over groups.

    Returns
    -------
    dict
        ``F``, ``df_between``, ``df_within``, ``p``, ``n``, ``eta2``.
    """
    cb = codebook if codebook is not None else load_codebook()
    v = analysis_values(df, variable, cb)
    g = pd.to_numeric(df[by], errors="coerce")
    keep = v.notna() & g.notna()
    if year is not None:
        keep &= pd.to_numeric(df[cb.year_column], errors="coerce").isin(parse_codes(year))
    groups = [x.to_numpy() for _, x in v[keep].groupby(g[keep])]
    n, k = int(keep.sum()), len(groups)
    if k < 2 or n <= k:
        raise ModelError(f"anova of {variable!r} by {by!r}: need two groups and more cases than groups")
    f, p = sstats.f_oneway(*groups)
    allv = v[keep].to_numpy()
    ss_between = sum(len(x) * (x.mean() - allv.mean()) ** 2 for x in groups)
    ss_total = float(((allv - allv.mean()) ** 2).sum())
    return {"F": float(f), "df_between": k - 1, "df_within": n - k, "p": float(p), "n": n,
            "eta2": float(ss_between / ss_total) if ss_total > 0 else float("nan")}


def distribution_shape(df: pd.DataFrame, variable: str, year: Any = None,
                       codebook: Codebook | None = None) -> dict[str, float]:
    """Skewness and excess kurtosis of a numeric variable (bias-corrected, as SPSS reports them).

    Returns
    -------
    dict
        ``skewness``, ``kurtosis`` (excess: 0 for a normal distribution), ``n``.
    """
    cb = codebook if codebook is not None else load_codebook()
    v = analysis_values(df, variable, cb)
    if year is not None:
        v = v[pd.to_numeric(df[cb.year_column], errors="coerce").isin(parse_codes(year))]
    x = v.dropna().to_numpy(dtype=float)
    if len(x) < 4:
        raise ModelError(f"distribution_shape of {variable!r}: {len(x)} values, need at least 4")
    if np.ptp(x) <= 1e-12 * max(1.0, float(np.abs(x).max())):
        # every value the same (e.g. a scale without variance): skewness and kurtosis are 0/0,
        # undefined; scipy would compute them from rounding noise and warn of precision loss
        raise ModelError(f"distribution_shape of {variable!r}: no variation, every value is {x[0]:g}")
    return {"skewness": float(sstats.skew(x, bias=False)),
            "kurtosis": float(sstats.kurtosis(x, fisher=True, bias=False)), "n": int(len(x))}
