"""Routing-aware statistics at full precision: the one definition of every published number.

Chapters, tests and the synthetic-data generator all compute percentages, means and
standard deviations through this module, so a number means the same everywhere.

Definitions (see ``data/published/README.md``)
----------------------------------------------
- **Routing.** Only respondents who were asked a question count (codebook routing: e.g.
  the type of innovation only for innovators; a question or answer option that did not
  exist in a year has no base in that year).
- **Base of a percentage.** The routed respondents of that year in the group with a valid
  (non-empty) answer; for a multiple-response item every routed respondent (an empty cell
  counts as "niet genoemd").
- **Recodes.** A column's codebook recode is applied first (factors: "weet niet" 9 -> 3).
- **Percentages** are on the 0–100 scale: ``100 * count / base``. **Standard deviations**
  use ``ddof=1`` (as SPSS). Nothing is rounded here; see :mod:`barometer.presentation.formatting`.

Derived variables (``climate_scale``, ``spectrum``, ...) must be present in the frame:
call :func:`barometer.data.derive.add_derived` once after loading.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from barometer.data.codebook import Codebook, CodebookError, load_codebook

__all__ = [
    "Result",
    "StatisticError",
    "TOTAL",
    "parse_codes",
    "analysis_values",
    "statistic",
    "frequencies",
    "means",
    "share",
]

#: Value of the ``group`` column for the row of all respondents.
TOTAL = "Totaal"

_STATS = ("pct", "mean", "sd", "n", "count")


class StatisticError(ValueError):
    """A statistic was asked for that cannot be computed (unknown column, bad codes)."""


@dataclass(frozen=True)
class Result:
    """One statistic at full precision.

    Attributes
    ----------
    value : float
        The statistic: percentage (0–100) for ``pct``, mean, standard deviation
        (ddof=1), or the base / count as a float for ``n`` / ``count``. NaN when the base
        is empty (or smaller than 2 for ``sd``).
    base_n : int
        Number of respondents the statistic is computed on.
    count : int or None
        Number of respondents giving one of ``codes`` (``pct``, ``count``); None for
        ``mean`` / ``sd``.
    """

    value: float
    base_n: int
    count: int | None = None


def parse_codes(codes: Any) -> list | None:
    """Normalise answer or group codes to a list.

    Accepts None, a single code, an iterable of codes or a ``|``-separated string
    (``"4|5"``, as in ``figures.csv``). Numeric strings become ints.

    Returns
    -------
    list or None
    """
    if codes is None:
        return None
    if isinstance(codes, float) and math.isnan(codes):
        return None
    if isinstance(codes, str):
        parts = [p.strip() for p in codes.split("|") if p.strip() != ""]
    elif isinstance(codes, Iterable):
        parts = list(codes)
    else:
        parts = [codes]
    out = []
    for p in parts:
        if isinstance(p, str):
            try:
                p = int(p)
            except ValueError:
                try:
                    p = float(p)
                except ValueError:
                    pass
        elif isinstance(p, (np.integer,)):
            p = int(p)
        elif isinstance(p, (float, np.floating)) and float(p).is_integer():
            p = int(p)
        out.append(p)
    return out or None


def _cb(codebook: Codebook | None) -> Codebook:
    return codebook if codebook is not None else load_codebook()


def _known(cb: Codebook, name: str) -> bool:
    return cb.has_column(name) or name in cb.derived_variables or name in cb.variables


def _is_multiple(cb: Codebook, name: str) -> bool:
    return cb.has_column(name) and cb.column(name).type == "multiple"


def _routing(df: pd.DataFrame, name: str, cb: Codebook) -> pd.Series:
    if name in cb.derived_variables or cb.has_column(name):
        return cb.routing_mask(df, name)
    return pd.Series(True, index=df.index)


def analysis_values(df: pd.DataFrame, variable: str, codebook: Codebook | None = None) -> pd.Series:
    """Return a column ready for analysis: numeric, recoded, not-asked set to NaN.

    Parameters
    ----------
    df : DataFrame
        Respondent frame (derived variables added where needed).
    variable : str
        Column or derived variable.
    codebook : Codebook, optional

    Returns
    -------
    pandas.Series of float
        The codebook recode applied (``{9: 3}`` for the factors); respondents who were not
        asked (routing, year) are NaN; for a multiple-response item an empty cell of a
        routed respondent is 0 ("niet genoemd").

    Raises
    ------
    StatisticError
        If the column is not in ``df`` (for a derived variable: add it with
        :func:`barometer.data.derive.add_derived`).
    """
    cb = _cb(codebook)
    if variable not in df.columns:
        hint = (
            " It is a derived variable: call barometer.data.derive.add_derived(df) first."
            if variable in cb.derived_variables
            else ""
        )
        raise StatisticError(f"column {variable!r} is not in the data.{hint}")
    s = pd.to_numeric(df[variable], errors="coerce").astype(float)
    if cb.has_column(variable):
        col = cb.column(variable)
        if col.recode:
            s = s.replace({float(k): float(v) for k, v in col.recode.items()})
    mask = _routing(df, variable, cb)
    if _is_multiple(cb, variable):
        s = s.fillna(0.0)
    return s.where(mask)


def _group_mask(df: pd.DataFrame, group_var: str | None, group: Any) -> pd.Series:
    if group_var is None:
        return pd.Series(True, index=df.index)
    if group_var not in df.columns:
        raise StatisticError(f"group variable {group_var!r} is not in the data")
    codes = parse_codes(group)
    if codes is None:
        raise StatisticError(f"group variable {group_var!r} given without a group")
    g = pd.to_numeric(df[group_var], errors="coerce")
    return g.isin(codes).fillna(False).astype(bool)


def _year_mask(df: pd.DataFrame, year: Any, cb: Codebook) -> pd.Series:
    if year is None:
        return pd.Series(True, index=df.index)
    ycol = cb.year_column
    if ycol not in df.columns:
        raise StatisticError(f"year={year} given but the data have no {ycol!r} column")
    return pd.to_numeric(df[ycol], errors="coerce").isin(parse_codes(year)).fillna(False).astype(bool)


def statistic(
    df: pd.DataFrame,
    variable: str,
    stat: str,
    codes: Any = None,
    group_var: str | None = None,
    group: Any = None,
    year: Any = None,
    codebook: Codebook | None = None,
    values: pd.Series | None = None,
) -> Result:
    """Compute one statistic of one variable in one group of one year, routing-aware.

    Parameters
    ----------
    df : DataFrame
        Respondent frame (one or more years; derived variables added).
    variable : str
        Codebook column or derived variable (``"channel_network"``, ``"climate_scale"``).
    stat : {"pct", "mean", "sd", "n", "count"}
        ``pct``: share (0–100) of the base giving one of ``codes``; ``mean``; ``sd``
        (ddof=1); ``n``: the base; ``count``: respondents giving one of ``codes``.
    codes : code, list of codes or ``"4|5"``, optional
        Answer codes counted by ``pct`` / ``count`` (a union). For a multiple-response
        item the default is ``1`` (genoemd).
    group_var : str, optional
        Grouping column (``"sector"``, ``"climate_cluster"``).
    group : code, list or ``"2|3"``, optional
        Code(s) of ``group_var`` (a union).
    year : int or list, optional
        Measurement year(s); None = every row of ``df``.
    codebook : Codebook, optional
        Defaults to the shipped codebook.
    values : Series, optional
        ``analysis_values(df, variable, codebook)`` when the caller has it already (many
        statistics of one variable of the same frame, as :func:`barometer.presentation.published.check_figures`
        computes them); it is not computed again.

    Returns
    -------
    Result
        ``value`` at full precision, ``base_n`` and ``count``.

    Raises
    ------
    StatisticError
        Unknown statistic, missing codes for ``pct``, or a column missing from ``df``.

    Notes
    -----
    Base: routed respondents of the year(s) in the group with a valid answer; for a
    multiple-response item all routed respondents. Checked against every row of
    ``data/published/figures.csv`` by ``tests/test_published.py``.

    Examples
    --------
    >>> statistic(df, "innovated", "pct", codes=1, group_var="sector", group=7, year=2025)
    Result(value=72.41..., base_n=58, count=42)
    """
    if stat not in _STATS:
        raise StatisticError(f"unknown statistic {stat!r}; use one of {_STATS}")
    cb = _cb(codebook)
    s = analysis_values(df, variable, cb) if values is None else values
    keep = _year_mask(df, year, cb) & _group_mask(df, group_var, group) & s.notna()
    v = s[keep]
    n = int(v.size)
    code_list = parse_codes(codes)
    if code_list is None and _is_multiple(cb, variable):
        code_list = [1]
    if stat in ("pct", "count"):
        if code_list is None:
            if stat == "count":
                return Result(float(n), n, n)
            raise StatisticError(f"statistic 'pct' of {variable!r} needs codes")
        c = int(v.isin([float(x) for x in code_list]).sum())
        if stat == "count":
            return Result(float(c), n, c)
        return Result(100.0 * c / n if n else float("nan"), n, c)
    if stat == "n":
        return Result(float(n), n, None)
    if stat == "mean":
        return Result(float(v.mean()) if n else float("nan"), n, None)
    return Result(float(v.std(ddof=1)) if n > 1 else float("nan"), n, None)


# ---------------------------------------------------------------------- vectorised helpers
def _frame(df: pd.DataFrame, by: str | None, years: Any, cb: Codebook) -> pd.DataFrame:
    """Year and group keys of every respondent, restricted to ``years``."""
    ycol = cb.year_column
    keys = pd.DataFrame(index=df.index)
    if ycol in df.columns:
        keys["year"] = pd.to_numeric(df[ycol], errors="coerce")
    else:
        keys["year"] = np.nan
    if by is not None:
        if by not in df.columns:
            raise StatisticError(f"group variable {by!r} is not in the data")
        keys["group"] = pd.to_numeric(df[by], errors="coerce")
    keep = pd.Series(True, index=df.index)
    if years is not None:
        keep = keys["year"].isin(parse_codes(years))
    return keys[keep]


def _group_keys(keys: pd.DataFrame, by: str | None, total: bool) -> list[pd.DataFrame]:
    """Copies of the keys: per group (if ``by``), and for the total (if asked)."""
    out = []
    if by is not None:
        out.append(keys[keys["group"].notna()].assign(group=lambda k: k["group"].astype("int64").astype(object)))
    if by is None or total:
        out.append(keys.assign(group=TOTAL))
    return out


def _as_int_year(frame: pd.DataFrame) -> pd.DataFrame:
    if frame["year"].notna().all() and len(frame):
        frame["year"] = frame["year"].astype("int64")
    return frame


class _Groups:
    """The (year, group) cells of one copy of the keys (:func:`_group_keys`), found once for
    every item of a question: which rows, each row's cell, and the cells' index (in order of
    first appearance, as a ``groupby(sort=False)`` of the keys gives them)."""

    def __init__(self, keys: pd.DataFrame, k: pd.DataFrame, mask: np.ndarray) -> None:
        g = k.groupby(["year", "group"], dropna=False, sort=False)
        self.mask = mask
        self.ids = g.ngroup().to_numpy()
        self.index = g.size().index
        self.n = len(self.index)

    def counts(self, values: np.ndarray) -> tuple[pd.Series, Callable[[Any], np.ndarray]]:
        """The base of every cell (valid values) and a function code -> count per cell."""
        v = values[self.mask]
        valid = ~np.isnan(v)
        ids, v = self.ids[valid], v[valid]
        base = pd.Series(np.bincount(ids, minlength=self.n).astype("int64"), index=self.index, name="base")

        def count_of(code: Any) -> np.ndarray:
            if not isinstance(code, numbers.Number):  # a code no value equals
                return np.zeros(self.n, dtype="int64")
            return np.bincount(ids[v == float(code)], minlength=self.n).astype("int64")

        return base, count_of


def _cells(keys: pd.DataFrame, by: str | None, total: bool) -> list[_Groups]:
    """:class:`_Groups` of the copies of the keys :func:`_group_keys` makes (same order)."""
    out = []
    if by is not None:
        mask = keys["group"].notna().to_numpy()
        out.append(_Groups(keys, keys[mask].assign(group=lambda k: k["group"].astype("int64").astype(object)), mask))
    if by is None or total:
        out.append(_Groups(keys, keys.assign(group=TOTAL), np.ones(len(keys), dtype=bool)))
    return out


def _absent_not_asked(df: pd.DataFrame, item: str, years: Sequence[int], cb: Codebook) -> bool:
    """Is ``item`` missing from ``df`` because it was not asked in any of ``years``?

    An answer option that did not exist in those years (``partner_dk`` before 2025) need not
    be in the file; one that was asked must be, so its absence stays an error
    (:func:`analysis_values` raises).
    """
    if item in df.columns or not cb.has_column(item):
        return False
    return not any(cb.is_asked(item, y) for y in years)


def _order_key(frame: pd.DataFrame, by: str | None) -> pd.DataFrame:
    # Groups in code order, the total last.
    g = frame["group"]
    frame["_gtot"] = g.eq(TOTAL)
    frame["_gnum"] = pd.to_numeric(g.where(~frame["_gtot"]), errors="coerce")
    return frame


def frequencies(
    df: pd.DataFrame,
    question: str,
    by: str | None = None,
    years: Any = None,
    total: bool = True,
    summary: bool = False,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Frequency table of a question for every year (and group), at full precision.

    Parameters
    ----------
    df : DataFrame
        Respondent frame (derived variables added for derived questions).
    question : str
        A question of the codebook: multiple response (``"channel"``), single choice
        (``"origin"``), yes/no (``"innovated"``), a Likert or effect battery
        (``"climate"``, ``"effect"``), a single column (``"factor_staff"``) or a coded
        derived variable (``"spectrum_group"``, ``"climate_cluster"``).
    by : str, optional
        Grouping column (``"sector"``, ``"climate_cluster"``, ``"size_class"``).
    years : int or list, optional
        Years to include (default: every year in ``df``).
    total : bool, default True
        With ``by``: also the rows of all respondents (``group == "Totaal"``).
    summary : bool, default False
        For a Likert or effect battery: one row per item with the codebook's summary
        codes (``display.summary_codes``, e.g. 4|5 "(helemaal) eens") instead of one row
        per answer code.

    Returns
    -------
    DataFrame
        Columns ``year`` (int), ``group`` (code of ``by``, or ``"Totaal"``), ``item``
        (column name), ``code`` (answer code, 1 for a multiple-response item, the summary
        codes as ``"4|5"`` with ``summary``), ``label`` (codebook label of the item for
        multiple response and batteries; of the code for single choice), ``count``,
        ``base``, ``pct`` (0–100, NaN where the base is 0). Rows in codebook order of
        items and codes; for an item or code nobody chose, count 0. An item not asked in
        a year (``partner_dk`` in 2021) has base 0 and pct NaN; so has an item whose
        column is absent from ``df`` when the codebook says it did not exist in any of the
        years shown (a 2021-only file has no ``partner_dk`` column at all).

    Raises
    ------
    StatisticError
        If ``question`` is not in the codebook, or a column of it that was asked in one of
        the years shown is missing from ``df``.

    Notes
    -----
    Bases as in :func:`statistic`; each row equals
    ``statistic(df, item, "pct", codes=code, group_var=by, group=group, year=year)``.
    """
    cb = _cb(codebook)
    keys = _frame(df, by, years, cb)
    if question in cb.variables:
        var = cb.variable(question)
        qtype, items = var.type, cb.items(question)
        display = dict(var.display or {})
    elif cb.has_column(question):
        col = cb.column(question)
        qtype, items = col.type, [question]
        display = dict(cb.variable(col.question).display or {})
    elif question in cb.derived_variables:
        qtype, items, display = "single", [question], {}
        if not cb.derived(question).codes:
            raise StatisticError(f"{question!r} is a continuous scale: use means()")
    else:
        raise StatisticError(f"{question!r} is not a question of the codebook")

    multiple = qtype == "multiple"
    battery = len(items) > 1 and not multiple
    summary_codes = parse_codes(display.get("summary_codes")) if summary else None
    if summary and summary_codes is None:
        raise StatisticError(f"{question!r} has no display.summary_codes in the codebook")

    rows = []
    shown_years = [int(y) for y in keys["year"].dropna().unique()]
    cells = _cells(keys, by, total)  # the same cells for every item
    for item in items:
        if _absent_not_asked(df, item, shown_years, cb):
            values = pd.Series(np.nan, index=keys.index)  # not asked: base 0, pct NaN
        else:
            values = analysis_values(df, item, cb).reindex(keys.index)
        if multiple:
            code_labels = {1: cb.label(item)}
        else:
            code_labels = cb.labels(item)
            if cb.has_column(item) and cb.column(item).recode:
                for k in cb.column(item).recode:
                    code_labels.pop(int(k), None)
        v = values.to_numpy(dtype=float)
        for base, count_of in (cell.counts(v) for cell in cells):
            if summary_codes is not None:
                c = sum(count_of(x) for x in summary_codes)
                specs = [("|".join(str(x) for x in summary_codes), c, cb.label(item))]
            else:
                specs = []
                for code, lab in code_labels.items():
                    c = count_of(code)
                    label = cb.label(item) if (multiple or battery) else lab
                    specs.append((code, c, label))
            if not specs:
                continue
            # One frame for all codes of the item (code-major, then the base's order).
            nb, m = len(base), len(specs)
            codes = [code for code, _, _ in specs]
            part = {
                "year": np.tile(base.index.get_level_values("year").to_numpy(), m),
                "group": np.tile(base.index.get_level_values("group").to_numpy(), m),
                "base": np.tile(base.to_numpy(), m),
                "count": np.concatenate([
                    np.asarray(c, dtype="int64") if not np.isscalar(c) else np.full(nb, int(c), dtype="int64")
                    for _, c, _ in specs]),
                "item": np.full(nb * m, item, dtype=object),
                "code": np.repeat(np.array(codes, dtype=object if any(isinstance(x, str) for x in codes)
                                           else None), nb),
                "label": np.repeat(np.array([lab for _, _, lab in specs], dtype=object), nb),
            }
            if battery and summary_codes is None:
                part["code_label"] = np.repeat(np.array([code_labels.get(x, "") for x in codes], dtype=object), nb)
            rows.append(pd.DataFrame(part))
    if not rows:
        cols = ["year", "group", "item", "code", "label", "count", "base", "pct"]
        return pd.DataFrame(columns=cols)
    out = pd.concat(rows, ignore_index=True)
    out["base"] = out["base"].astype("int64")
    out["count"] = out["count"].astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["pct"] = np.where(out["base"] > 0, 100.0 * out["count"] / out["base"].where(out["base"] > 0), np.nan)
    # completeness: every (year, group) present in the data appears for every item/code
    out = _order_key(out, by)
    item_pos = {it: i for i, it in enumerate(items)}
    out["_item"] = out["item"].map(item_pos)
    out["_code"] = out.groupby("item", sort=False).cumcount()
    out = out.sort_values(["year", "_gtot", "_gnum", "_item", "_code"], kind="stable")
    cols = ["year", "group", "item", "code", "label"]
    if "code_label" in out.columns:
        cols.append("code_label")
    cols += ["count", "base", "pct"]
    return _as_int_year(out[cols].reset_index(drop=True))


def means(
    df: pd.DataFrame,
    variable: str,
    by: str | None = None,
    years: Any = None,
    total: bool = True,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Mean, standard deviation (ddof=1) and n of a numeric variable per year and group.

    Parameters
    ----------
    df : DataFrame
    variable : str
        Column or derived scale (``"climate_scale"``).
    by : str, optional
        Grouping column.
    years : int or list, optional
    total : bool, default True
        With ``by``: also the rows of all respondents (``group == "Totaal"``; includes
        respondents whose group is not shown separately, e.g. Hoge Colleges van Staat).

    Returns
    -------
    DataFrame
        Columns ``year``, ``group``, ``mean``, ``sd``, ``n``; routed respondents with a
        valid value only; groups in code order, the total last.
    """
    cb = _cb(codebook)
    keys = _frame(df, by, years, cb)
    values = analysis_values(df, variable, cb).reindex(keys.index)
    parts = []
    for k in _group_keys(keys, by, total):
        d = k.assign(value=values.reindex(k.index))
        g = d.groupby(["year", "group"], dropna=False, sort=False)["value"]
        parts.append(pd.DataFrame({"mean": g.mean(), "sd": g.std(ddof=1), "n": g.count()}).reset_index())
    out = pd.concat(parts, ignore_index=True)
    out["n"] = out["n"].astype("int64")
    out = _order_key(out, by).sort_values(["year", "_gtot", "_gnum"], kind="stable")
    return _as_int_year(out[["year", "group", "mean", "sd", "n"]].reset_index(drop=True))


def share(
    df: pd.DataFrame,
    variable: str,
    codes: Any,
    by: str | None = None,
    years: Any = None,
    total: bool = True,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Share of respondents giving one of ``codes``, per year and group.

    Parameters
    ----------
    df : DataFrame
    variable : str
        Column or coded derived variable (``"innovated"``, ``"spectrum_group"``).
    codes : code, list or ``"4|5"``
        Codes counted (a union).
    by, years, total
        As in :func:`means`.

    Returns
    -------
    DataFrame
        Columns ``year``, ``group``, ``count``, ``base``, ``pct`` (0–100).
    """
    cb = _cb(codebook)
    code_list = [float(c) for c in parse_codes(codes)]
    keys = _frame(df, by, years, cb)
    values = analysis_values(df, variable, cb).reindex(keys.index)
    parts = []
    for k in _group_keys(keys, by, total):
        v = values.reindex(k.index)
        d = k.assign(base=v.notna(), hit=v.isin(code_list) & v.notna())
        g = d.groupby(["year", "group"], dropna=False, sort=False)
        parts.append(pd.DataFrame({"count": g["hit"].sum(), "base": g["base"].sum()}).reset_index())
    out = pd.concat(parts, ignore_index=True)
    out["count"] = out["count"].astype("int64")
    out["base"] = out["base"].astype("int64")
    out["pct"] = 100.0 * out["count"] / out["base"].where(out["base"] > 0)
    out = _order_key(out, by).sort_values(["year", "_gtot", "_gnum"], kind="stable")
    return _as_int_year(out[["year", "group", "count", "base", "pct"]].reset_index(drop=True))
