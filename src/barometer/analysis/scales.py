"""Scale analysis: reliability (Cronbach's alpha), item-rest correlations, one-factor loadings,
score distributions and correlations between scales.

The scales themselves (``climate_scale``, ``conditions_scale``, ``human_capital``) are computed
by :mod:`barometer.data.derive` from the codebook definitions; this module checks that their items
form one scale, as the report says ("uit factoranalyse blijkt ..."). Everything uses the
complete cases of the items (listwise), the same respondents as the scale score (A04).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

from barometer.data.codebook import Codebook, load_codebook
from barometer.data.lazy import lazy_module
from barometer.analysis.statistics import analysis_values

if TYPE_CHECKING:  # what the lazy stand-in below is
    from scipy import stats as sstats
else:
    sstats = lazy_module("scipy.stats")  # loaded on the first correlation (issue 14)

__all__ = [
    "Reliability",
    "cronbach_alpha",
    "item_rest",
    "loadings",
    "scale_items",
    "reliability",
    "scale_distribution",
    "scale_correlation",
]


def _complete(items: pd.DataFrame) -> pd.DataFrame:
    x = items.apply(pd.to_numeric, errors="coerce").astype(float).dropna()
    if x.shape[1] < 2:
        raise ValueError("a scale needs at least two items")
    return x


def cronbach_alpha(items: pd.DataFrame) -> float:
    """Cronbach's alpha of a set of items (complete cases).

    Parameters
    ----------
    items : DataFrame
        One column per item, one row per respondent.

    Returns
    -------
    float
        ``k/(k-1) * (1 - sum(item variances) / variance(sum score))``, variances with
        ddof=1; NaN with fewer than two complete cases.
    """
    x = _complete(items)
    k = x.shape[1]
    if len(x) < 2:
        return float("nan")
    item_var = x.var(ddof=1).sum()
    total_var = x.sum(axis=1).var(ddof=1)
    if total_var == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - item_var / total_var))


def item_rest(items: pd.DataFrame) -> pd.DataFrame:
    """Item-rest correlations and alpha if the item is deleted.

    Returns
    -------
    DataFrame
        Columns ``item``, ``mean``, ``sd``, ``item_rest_r`` (Pearson correlation of the
        item with the sum of the other items), ``alpha_if_deleted``.
    """
    x = _complete(items)
    total = x.sum(axis=1)
    rows = []
    if len(x) < 2:  # no correlation, no standard deviation: every statistic but the mean NaN
        return pd.DataFrame([{"item": c, "mean": float(x[c].mean()) if len(x) else float("nan"),
                              "sd": float("nan"), "item_rest_r": float("nan"),
                              "alpha_if_deleted": float("nan")} for c in x.columns],
                            columns=["item", "mean", "sd", "item_rest_r", "alpha_if_deleted"])
    for col in x.columns:
        rest = total - x[col]
        r = float(np.corrcoef(x[col], rest)[0, 1]) if x[col].std() > 0 and rest.std() > 0 else float("nan")
        others = x.drop(columns=col)
        a = cronbach_alpha(others) if others.shape[1] >= 2 else float("nan")
        rows.append({"item": col, "mean": float(x[col].mean()), "sd": float(x[col].std(ddof=1)),
                     "item_rest_r": r, "alpha_if_deleted": a})
    return pd.DataFrame(rows)


def loadings(items: pd.DataFrame, method: str = "pca", max_iter: int = 200, tol: float = 1e-8) -> pd.DataFrame:
    """Loadings of the items on one factor.

    Parameters
    ----------
    items : DataFrame
    method : {"pca", "paf"}, default "pca"
        ``pca``: first principal component of the correlation matrix (loading =
        eigenvector * sqrt(eigenvalue)); ``paf``: iterated principal-axis factoring with
        squared multiple correlations as starting communalities.

    Returns
    -------
    DataFrame
        Columns ``item``, ``loading`` (sign chosen so that the sum is positive),
        ``communality``; ``attrs["explained"]`` holds the share of the total variance of
        the items explained by the factor (0–1), ``attrs["eigenvalues"]`` the eigenvalues
        of the correlation matrix (descending). With fewer than two complete cases or an
        item without variance the correlation matrix is not defined: loadings and
        ``explained`` are NaN and ``eigenvalues`` is empty (not estimable).
    """
    x = _complete(items)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.corrcoef(x.to_numpy().T) if len(x) >= 2 else np.full((x.shape[1],) * 2, np.nan)
    if not np.isfinite(r).all():  # too few cases or an item without variance: not estimable
        out = pd.DataFrame({"item": list(x.columns), "loading": np.nan, "communality": np.nan})
        out.attrs.update(explained=float("nan"), eigenvalues=[], n=int(len(x)))
        return out
    eig_all = np.sort(np.linalg.eigvalsh(r))[::-1]
    if method == "pca":
        vals, vecs = np.linalg.eigh(r)
        v, w = vals[-1], vecs[:, -1]
        load = w * np.sqrt(v)
    elif method == "paf":
        try:
            h2 = 1 - 1 / np.diag(np.linalg.inv(r))
        except np.linalg.LinAlgError:
            h2 = np.full(r.shape[0], 0.5)
        for _ in range(max_iter):
            rr = r.copy()
            np.fill_diagonal(rr, h2)
            vals, vecs = np.linalg.eigh(rr)
            load = vecs[:, -1] * np.sqrt(max(vals[-1], 0.0))
            new = load**2
            if np.max(np.abs(new - h2)) < tol:
                h2 = new
                break
            h2 = new
    else:
        raise ValueError(f"unknown method {method!r}; use 'pca' or 'paf'")
    if load.sum() < 0:
        load = -load
    out = pd.DataFrame({"item": list(x.columns), "loading": load, "communality": load**2})
    out.attrs["explained"] = float((load**2).sum() / len(load))
    out.attrs["eigenvalues"] = [float(e) for e in eig_all]
    out.attrs["n"] = int(len(x))
    return out


def scale_items(df: pd.DataFrame, scale: str, year: Any = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """The items of a derived scale, ready for analysis (recoded, routed), optionally of one year.

    Returns
    -------
    DataFrame
        One column per item (codebook order); respondents not asked are NaN.
    """
    cb = codebook if codebook is not None else load_codebook()
    items = list(cb.derived(scale).items)
    data = pd.DataFrame({it: analysis_values(df, it, cb) for it in items})
    if year is not None:
        years = year if isinstance(year, (list, tuple)) else [year]
        data = data[pd.to_numeric(df[cb.year_column], errors="coerce").isin(years)]
    return data


@dataclass(frozen=True)
class Reliability:
    """Reliability of one scale.

    Attributes
    ----------
    scale : str
    alpha : float
        Cronbach's alpha.
    n : int
        Complete cases.
    explained : float
        Share of item variance explained by one factor (first principal component, 0–1).
    items : DataFrame
        Columns ``item``, ``label``, ``mean``, ``sd``, ``item_rest_r``,
        ``alpha_if_deleted``, ``loading``.
    """

    scale: str
    alpha: float
    n: int
    explained: float
    items: pd.DataFrame = field(repr=False)


def reliability(df: pd.DataFrame, scale: str, year: Any = None, codebook: Codebook | None = None) -> Reliability:
    """Cronbach's alpha, item-rest correlations and loadings of a derived scale.

    Parameters
    ----------
    df : DataFrame
        Respondent frame.
    scale : str
        Derived scale of the codebook (``"climate_scale"``, ``"conditions_scale"``,
        ``"human_capital"``).
    year : int, optional

    Returns
    -------
    Reliability
    """
    cb = codebook if codebook is not None else load_codebook()
    items = scale_items(df, scale, year, cb)
    ir = item_rest(items)
    ld = loadings(items)
    table = ir.merge(ld[["item", "loading"]], on="item")
    table.insert(1, "label", [cb.label(i) for i in table["item"]])
    return Reliability(scale, cronbach_alpha(items), int(len(_complete(items))), ld.attrs["explained"], table)


def scale_distribution(
    scores: pd.Series,
    step: float | None = None,
    lo: float = 1.0,
    hi: float = 5.0,
) -> pd.DataFrame:
    """Distribution of scale scores for a histogram (Figuur 2-14, B2-1).

    Parameters
    ----------
    scores : Series
        Scale scores (NaN ignored).
    step : float, optional
        Bin width; bins are centred on ``lo, lo + step, ..., hi`` (use ``1/k`` for a scale
        of ``k`` items, so that every possible score has its own bar). Default: one bar per
        distinct score.
    lo, hi : float
        Range of the scale.

    Returns
    -------
    DataFrame
        Columns ``bin_left``, ``bin_right``, ``bin_mid``, ``width``, ``count``, ``pct``
        (0–100 of the respondents with a score); ``attrs["n"]``, ``attrs["mean"]``,
        ``attrs["sd"]`` (ddof=1).
    """
    s = pd.to_numeric(scores, errors="coerce").dropna().astype(float)
    if step is None:
        mids = np.unique(np.round(s.to_numpy(), 9))
        gaps = np.diff(mids)
        width = float(gaps.min()) if len(gaps) else 1.0
        counts = pd.Series(np.round(s.to_numpy(), 9)).value_counts().reindex(mids, fill_value=0).to_numpy()
    else:
        nbins = int(round((hi - lo) / step)) + 1
        mids = lo + step * np.arange(nbins)
        width = float(step)
        idx = np.clip(np.floor((s.to_numpy() - lo) / step + 0.5 + 1e-9).astype(int), 0, nbins - 1)
        counts = np.bincount(idx, minlength=nbins)
    n = int(s.size)
    out = pd.DataFrame({
        "bin_left": mids - width / 2,
        "bin_right": mids + width / 2,
        "bin_mid": mids,
        "width": width,
        "count": np.asarray(counts, dtype="int64"),
    })
    out["pct"] = 100.0 * out["count"] / n if n else np.nan
    out.attrs.update(n=n, mean=float(s.mean()) if n else float("nan"),
                     sd=float(s.std(ddof=1)) if n > 1 else float("nan"))
    return out


def scale_correlation(df: pd.DataFrame, a: str, b: str, year: Any = None, method: str = "pearson",
                      codebook: Codebook | None = None) -> dict[str, float]:
    """Correlation of two scale scores (e.g. climate and human capital), pairwise complete.

    Returns
    -------
    dict
        ``r``, ``p`` (two-sided), ``n``.
    """
    cb = codebook if codebook is not None else load_codebook()
    d = pd.DataFrame({"a": pd.to_numeric(df[a], errors="coerce"), "b": pd.to_numeric(df[b], errors="coerce")})
    if year is not None:
        years = year if isinstance(year, (list, tuple)) else [year]
        d = d[pd.to_numeric(df[cb.year_column], errors="coerce").isin(years)]
    d = d.dropna()
    if len(d) < 3 or d["a"].nunique() < 2 or d["b"].nunique() < 2:  # no variance: no correlation
        return {"r": float("nan"), "p": float("nan"), "n": int(len(d))}
    if method == "spearman":
        r, p = sstats.spearmanr(d["a"], d["b"])
    else:
        r, p = sstats.pearsonr(d["a"], d["b"])
    return {"r": float(r), "p": float(p), "n": int(len(d))}
