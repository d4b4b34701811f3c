"""The report's published figures and claims as data, and how to check a dataset against them.

``data/published/figures.csv`` holds one row per published number (format in
``data/published/README.md``); ``data/published/claims.csv`` the report's analytical claims.
:func:`compute_row` computes the statistic of a row with :func:`barometer.analysis.statistics.statistic`
(the same function the chapters use) and :func:`matches` decides whether it reproduces the
published value. The per-row tests and the synthetic-data generator both use these two.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from barometer.data import paths
from barometer.data.codebook import Codebook, load_codebook
from barometer.presentation.formatting import round_half_up
from barometer.analysis.statistics import analysis_values, statistic

__all__ = [
    "FIGURE_COLUMNS",
    "STATISTICS",
    "CLAIM_COLUMNS",
    "PublishedError",
    "round_half_up",
    "read_figures",
    "read_claims",
    "ensure_derived",
    "compute_row",
    "compute_published_row",
    "matches",
    "check_figures",
]

#: Columns of ``figures.csv`` in the documented order.
FIGURE_COLUMNS = (
    "row_id", "source", "year", "statistic", "variable", "codes", "group_var", "group",
    "value", "decimals", "comparison", "tolerance", "base_n", "conflict", "note",
)
#: Columns of ``claims.csv``.
CLAIM_COLUMNS = ("claim_id", "source", "claim", "test", "kind", "years")

_STRING_COLUMNS = ("row_id", "source", "statistic", "variable", "codes", "group_var", "group",
                   "comparison", "conflict", "note")
_COMPARISONS = ("eq", "approx", "gt", "lt")


#: Statistics a row may have. ``response_rate`` needs the number of organisations
#: approached, which is not in respondent data: :func:`compute_row` returns NaN for it.
STATISTICS = ("pct", "mean", "sd", "n", "count", "pp_diff", "response_rate")
NOT_COMPUTABLE = ("response_rate",)


class PublishedError(ValueError):
    """The published-figures table is malformed (names the file, row and column)."""


def _get(row: Any, key: str, default: Any = None) -> Any:
    if isinstance(row, Mapping):
        value = row.get(key, default)
    elif isinstance(row, pd.Series):
        value = row.get(key, default)
    else:
        value = getattr(row, key, default)
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return default
    if isinstance(value, str) and value.strip() == "":
        return default
    return value


def read_figures(path: str | Path | None = None) -> pd.DataFrame:
    """Read the table of published figures, typed.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to ``data/published/figures.csv``.

    Returns
    -------
    DataFrame
        Columns of :data:`FIGURE_COLUMNS`: ``year``, ``decimals``, ``base_n`` as nullable
        Int64; ``value``, ``tolerance`` as float; the others as strings (``codes`` and
        ``group`` stay ``"4|5"``-strings; empty cells are ``<NA>``). ``comparison`` empty
        is read as ``eq``.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    PublishedError
        If a column is missing, ``row_id`` is not unique, or a row has an unknown
        ``statistic`` or ``comparison``.
    """
    p = Path(path) if path is not None else paths.PUBLISHED / "figures.csv"
    raw = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in FIGURE_COLUMNS if c not in raw.columns]
    if missing:
        raise PublishedError(f"{p}: missing column(s) {missing}; see data/published/README.md")
    df = raw.replace({"": pd.NA})
    for col in ("year", "decimals", "base_n"):
        df[col] = pd.to_numeric(df[col], errors="raise").astype("Int64")
    for col in ("value", "tolerance"):
        df[col] = pd.to_numeric(df[col], errors="raise").astype("float64")
    for col in _STRING_COLUMNS:
        df[col] = df[col].astype("string")
    df["comparison"] = df["comparison"].fillna("eq")
    dup = df["row_id"][df["row_id"].duplicated()]
    if len(dup):
        raise PublishedError(f"{p}: duplicate row_id(s) {sorted(set(dup))[:5]}")
    bad = df[~df["statistic"].isin(list(STATISTICS))]
    if len(bad):
        r = bad.iloc[0]
        raise PublishedError(f"{p}: row {r['row_id']}: unknown statistic {r['statistic']!r}")
    bad = df[~df["comparison"].isin(_COMPARISONS)]
    if len(bad):
        r = bad.iloc[0]
        raise PublishedError(f"{p}: row {r['row_id']}: unknown comparison {r['comparison']!r}")
    return df


def read_claims(path: str | Path | None = None) -> pd.DataFrame:
    """Read the table of the report's analytical claims.

    Returns
    -------
    DataFrame
        Columns ``claim_id``, ``source``, ``claim``, ``test``, ``kind``, ``years`` (all
        strings; ``years`` e.g. ``"2025"`` or ``"2021|2025"``), plus any extra columns.
    """
    p = Path(path) if path is not None else paths.PUBLISHED / "claims.csv"
    df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in CLAIM_COLUMNS if c not in df.columns]
    if missing:
        raise PublishedError(f"{p}: missing column(s) {missing}")
    if df["claim_id"].duplicated().any():
        raise PublishedError(f"{p}: duplicate claim_id(s)")
    return df.astype("string")


def ensure_derived(df: pd.DataFrame, codebook: Codebook | None = None) -> pd.DataFrame:
    """Return ``df`` with the derived variables, adding them only if any is missing."""
    cb = codebook if codebook is not None else load_codebook()
    if all(name in df.columns for name in cb.derived_variables):
        return df
    from barometer.data.derive import add_derived

    return add_derived(df, cb)


def compute_row(df: pd.DataFrame, row: Any, codebook: Codebook | None = None,
                memo: dict | None = None) -> float:
    """Compute the statistic of one row of the published table, at full precision.

    Parameters
    ----------
    df : DataFrame
        Respondent frame with (at least) the year of the row; derived variables are added
        if missing (pass a derived frame when checking many rows: it is faster).
    row : Series, namedtuple or mapping
        A row of :func:`read_figures` (fields ``statistic``, ``variable``, ``codes``,
        ``group_var``, ``group``, ``year``).
    codebook : Codebook, optional
    memo : dict, optional
        Analysis values already computed from this same ``df``, by variable (filled here):
        :func:`check_figures` computes each variable's values once for all its rows.

    Returns
    -------
    float
        ``pct`` on the 0–100 scale, ``mean``, ``sd``, ``n`` (the base), ``count``, or for
        ``pp_diff`` the difference ``pct(group a) - pct(group b)`` in percentage points
        (``group`` is ``"a>b"``, each side a code or a ``|``-union).
    """
    cb = codebook if codebook is not None else load_codebook()
    stat = _get(row, "statistic")
    variable = _get(row, "variable")
    group_var = _get(row, "group_var")
    group = _get(row, "group")
    year = _get(row, "year")
    year = int(year) if year is not None else None
    codes = _get(row, "codes")
    if stat in NOT_COMPUTABLE:
        return float("nan")
    needed = [c for c in (variable, group_var) if c]
    if any(c not in df.columns for c in needed):
        df, memo = ensure_derived(df, cb), None  # another frame: the memo's values are not its own
    values = None
    if memo is not None and isinstance(variable, str) and variable in df.columns:
        if variable not in memo:
            memo[variable] = analysis_values(df, variable, cb)
        values = memo[variable]
    if stat == "pp_diff":
        if group is None or ">" not in str(group):
            raise PublishedError(f"row {_get(row, 'row_id')}: pp_diff needs group 'a>b', got {group!r}")
        a, b = str(group).split(">", 1)
        ra = statistic(df, variable, "pct", codes, group_var, a, year, cb, values=values)
        rb = statistic(df, variable, "pct", codes, group_var, b, year, cb, values=values)
        return float(ra.value - rb.value)
    return float(statistic(df, variable, stat, codes, group_var, group, year, cb, values=values).value)


#: Name used in CONTRIBUTING.md.
compute_published_row = compute_row


def matches(row: Any, computed: float) -> bool:
    """Whether a computed value reproduces the published value of a row.

    Parameters
    ----------
    row : Series, namedtuple or mapping
        Row of :func:`read_figures` (``value``, ``decimals``, ``comparison``,
        ``tolerance``).
    computed : float
        Full-precision value from :func:`compute_row`.

    Returns
    -------
    bool
        ``eq``: equal after rounding both half up to ``decimals`` (default 0);
        ``approx``: ``|computed - value| <= tolerance`` (default: half a unit of the last
        decimal); ``gt`` / ``lt``: computed strictly greater / smaller than ``value``, and
        with a tolerance at most that much (:func:`barometer.analysis.windows.window`).
        A NaN computed value never matches.
    """
    if computed is None or (isinstance(computed, float) and math.isnan(computed)):
        return False
    value = float(_get(row, "value"))
    decimals = int(_get(row, "decimals", 0))
    comparison = _get(row, "comparison", "eq")
    if comparison == "eq":
        return round_half_up(computed, decimals) == round_half_up(value, decimals)
    if comparison in ("approx", "gt", "lt"):  # the window of the prose word (barometer.analysis.windows)
        from barometer.analysis.windows import in_window
        tol = _get(row, "tolerance")
        tol = None if tol is None or (isinstance(tol, float) and math.isnan(tol)) else float(tol)
        if comparison == "approx" and tol is None:
            tol = 0.5 * 10.0 ** (-decimals)
        return in_window(computed, comparison, value, tol)
    raise PublishedError(f"row {_get(row, 'row_id')}: unknown comparison {comparison!r}")


def check_figures(
    df: pd.DataFrame,
    figures: pd.DataFrame | None = None,
    years: Any = None,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Check every published row against a respondent frame.

    Parameters
    ----------
    df : DataFrame
        Respondent frame of one or more years.
    figures : DataFrame, optional
        From :func:`read_figures` (default: the shipped table).
    years : int or list, optional
        Only rows of these years (default: the years present in ``df``).

    Returns
    -------
    DataFrame
        The rows of ``figures`` checked, with columns ``computed`` (full precision),
        ``shown`` (rounded half up to ``decimals``, as float), ``ok`` (bool) and
        ``status``: ``"ok"``, ``"mismatch"``, ``"conflict"`` (a listed conflict that
        does not match: expected) or ``"not_computable"`` (``response_rate``).
    """
    cb = codebook if codebook is not None else load_codebook()
    fig = figures if figures is not None else read_figures()
    if years is None and cb.year_column in df.columns:
        years = sorted(pd.to_numeric(df[cb.year_column]).dropna().astype(int).unique())
    if years is not None:
        yrs = years if isinstance(years, (list, tuple)) else [years]
        fig = fig[fig["year"].isin([int(y) for y in yrs])]
    data = ensure_derived(df, cb)
    computed, shown, ok = [], [], []
    memo: dict = {}  # each variable's analysis values, once for all its rows
    for _, row in fig.iterrows():
        value = compute_row(data, row, cb, memo)
        computed.append(value)
        dec = int(row["decimals"]) if not pd.isna(row["decimals"]) else 0
        shown.append(float(round_half_up(value, dec)) if not math.isnan(value) else math.nan)
        ok.append(matches(row, value))
    out = fig.copy()
    out["computed"] = computed
    out["shown"] = shown
    out["ok"] = ok
    out["status"] = [
        "ok" if good else ("not_computable" if st in NOT_COMPUTABLE
                           else "conflict" if not pd.isna(c) else "mismatch")
        for good, c, st in zip(ok, out["conflict"], out["statistic"])
    ]
    return out.reset_index(drop=True)
