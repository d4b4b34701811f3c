"""The codebook: variables, columns, value labels, routing and years.

``data/codebook.yaml`` is the only place where a variable, its question wording, value
labels, routing (who was asked) and display rules are written down. This module reads it
into frozen objects and answers the questions the rest of the package asks:

- which *questions* exist (:attr:`Codebook.variables`) and which *columns* a respondent
  file of a year has (:meth:`Codebook.columns`, :meth:`Codebook.column`): the items of
  multiple-response, Likert and battery questions are columns of their own that carry
  the type, scale, routing and years of their question;
- value labels (:meth:`Codebook.labels`, :meth:`Codebook.labels_short`,
  :meth:`Codebook.labels_long`) and Dutch labels (:meth:`Codebook.label`);
- who was asked (:meth:`Codebook.routing_mask`, :meth:`Codebook.is_asked`);
- the definitions of derived variables (:meth:`Codebook.derived`).

Examples
--------
>>> from barometer.data.codebook import load_codebook
>>> cb = load_codebook()
>>> cb.labels("sector")[7]
'Rijksoverheid'
>>> cb.column("factor_staff").scale
'influence5'
>>> cb.items("innovation_type")
['type_product', 'type_service', 'type_process', 'type_interaction']
>>> cb.is_asked("goal_cost", 2021)
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from barometer.data.schema import (
    CLAUSE,
    CodebookSpec,
    SpecProblem,
    check_codebook_document,
    format_spec_problems,
    read_yaml,
    split_and,
)

__all__ = [
    "CodebookError",
    "Routing",
    "Variable",
    "Column",
    "Derived",
    "Codebook",
    "load_codebook",
    "check_codebook",
    "check_codebook_cli",
    "default_codebook_path",
]

#: Question types a respondent file can contain.
QUESTION_TYPES: tuple[str, ...] = ("id", "single", "yesno", "multiple", "likert")


class CodebookError(ValueError):
    """The codebook file is malformed, or a name is not in the codebook.

    Attributes
    ----------
    problems : list of SpecProblem
        For a malformed codebook: every problem (YAML path, line, Dutch message).
    """

    def __init__(self, message: str, problems: list[SpecProblem] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])


def default_codebook_path() -> Path:
    """Return the path of the shipped codebook, ``data/codebook.yaml``.

    Returns
    -------
    Path
        Resolved from the package (``barometer.data.paths.CODEBOOK``), never from the cwd.
    """
    try:
        from barometer.data.paths import CODEBOOK
    except ImportError:  # pragma: no cover - paths.py is part of the package
        return Path(__file__).resolve().parents[3] / "data" / "codebook.yaml"
    return CODEBOOK


def _frozen(mapping: Mapping | None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


def _int_keys(mapping: Mapping | None) -> Mapping[int, str]:
    return MappingProxyType({int(k): str(v) for k, v in (mapping or {}).items()})


@dataclass(frozen=True, eq=False)
class Routing:
    """A named group of respondents to whom a question was put.

    Attributes
    ----------
    name : str
        Key under ``routing:`` in the codebook, e.g. ``"innovators"``.
    label : str
        Dutch description of the group.
    condition : str or None
        Condition on other columns, e.g. ``"innovated == 1 and origin in [2, 3]"``;
        ``None`` means everybody. Clauses are joined with ``and``; each clause is
        ``column == n``, ``column != n``, ``column in [n, ...]`` or
        ``column not in [n, ...]``.
    """

    name: str
    label: str
    condition: str | None


@dataclass(frozen=True, eq=False)
class Variable:
    """One survey question as the codebook describes it.

    Attributes
    ----------
    name : str
        Question name (for single-column questions also the column name).
    type : str
        One of ``id``, ``single``, ``yesno``, ``multiple``, ``likert``.
    question : str
        Dutch question wording (our paraphrase).
    codes : Mapping[int, str]
        Allowed codes with Dutch labels: the question's own ``codes`` or those of its
        ``scale`` (``multiple`` questions use the ``mention`` scale 0/1).
    labels_short, labels_long : Mapping[int, str]
        Alternative labels for some codes (display only).
    scale : str or None
        Name of the shared answer scale, if any.
    items : Mapping[str, str]
        Item column -> Dutch item label; empty for single-column questions.
    item_years : Mapping[str, tuple[int, ...]]
        Items that exist in fewer years than the question.
    exclusive : tuple[str, ...]
        Options of a multiple-response question that exclude every other option.
    min_mentions : int or None
        Minimum number of options a routed respondent mentions.
    routing : str
        Name of the :class:`Routing` group that was asked.
    years : tuple[int, ...]
        Measurement years in which the question was asked.
    missing_allowed : bool
        Whether item non-response (an empty cell for a routed respondent) is allowed.
    recode : Mapping[int, int]
        Recode applied before every analysis (e.g. ``{9: 3}``).
    open_codes : bool
        Whether codes outside ``codes`` may be valid (only ``year``: new editions).
    display : Mapping[str, Any]
        Display rules (summary codes, excluded table rows, notes).
    assumptions, published_in : tuple[str, ...]
        Ids in the assumptions register; exhibits where the variable is published.
    basis : str or None
        ``published``, ``partly`` or ``assumed``: what the synthetic files rest on.
    """

    name: str
    type: str
    question: str
    codes: Mapping[int, str]
    labels_short: Mapping[int, str]
    labels_long: Mapping[int, str]
    scale: str | None
    items: Mapping[str, str]
    item_years: Mapping[str, tuple[int, ...]]
    exclusive: tuple[str, ...]
    min_mentions: int | None
    routing: str
    years: tuple[int, ...]
    missing_allowed: bool
    recode: Mapping[int, int]
    open_codes: bool
    display: Mapping[str, Any]
    assumptions: tuple[str, ...]
    published_in: tuple[str, ...]
    basis: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """Column names of the question in a respondent file (all years)."""
        return tuple(self.items) if self.items else (self.name,)


@dataclass(frozen=True, eq=False)
class Column:
    """One column of a respondent file.

    Items of multiple-response, Likert and battery questions are columns of their own;
    they carry the type, scale, routing and years of their question.

    Attributes
    ----------
    name : str
        Column name in the respondent file.
    question : str
        Name of the question (the :class:`Variable`) the column belongs to.
    type : str
        Type of the question: ``id``, ``single``, ``yesno``, ``multiple``, ``likert``.
    label : str
        Dutch label: the item label for an item, the question wording otherwise.
    codes : Mapping[int, str]
        Allowed codes with Dutch labels (empty for ``id``).
    scale : str or None
        Shared answer scale (``mention`` for multiple-response items).
    routing : str
        Name of the routing group that was asked.
    years : tuple[int, ...]
        Years in which this column exists (``item_years`` taken into account).
    missing_allowed : bool
        Whether an empty cell is allowed for a respondent who was asked.
    recode : Mapping[int, int]
        Recode applied before analysis (e.g. ``{9: 3}`` for the factors).
    exclusive : bool
        Whether this option of a multiple-response question excludes all others.
    open_codes : bool
        Whether codes outside ``codes`` may be valid (``year``).
    """

    name: str
    question: str
    type: str
    label: str
    codes: Mapping[int, str]
    scale: str | None
    routing: str
    years: tuple[int, ...]
    missing_allowed: bool
    recode: Mapping[int, int]
    exclusive: bool
    open_codes: bool

    @property
    def is_item(self) -> bool:
        """Whether the column is one item of a question with several columns."""
        return self.name != self.question

    @property
    def is_coded(self) -> bool:
        """Whether the column holds integer codes (every type except ``id``)."""
        return self.type != "id"


@dataclass(frozen=True, eq=False)
class Derived:
    """A variable computed from the answers (never present in a respondent file).

    Attributes
    ----------
    name : str
        Name of the derived column.
    label : str
        Dutch label.
    definition : str
        The exact definition in Dutch, as the codebook gives it.
    codes : Mapping[int, str]
        Codes with Dutch labels (empty for continuous scale scores).
    items : tuple[str, ...]
        Item columns a scale score averages.
    min_items : int or None
        Number of answered items required for a scale score.
    thresholds : Mapping[str, float]
        Cut-off points (``climate_cluster``: ``strong_min``, ``limited_below``).
    routing : str
        Routing group for which the variable is defined.
    years : tuple[int, ...]
        Years in which it can be computed.
    assumptions, published_in : tuple[str, ...]
        Assumption ids and exhibits.
    """

    name: str
    label: str
    definition: str
    codes: Mapping[int, str]
    items: tuple[str, ...]
    min_items: int | None
    thresholds: Mapping[str, float]
    routing: str
    years: tuple[int, ...]
    assumptions: tuple[str, ...]
    published_in: tuple[str, ...]


_CLAUSE = CLAUSE


@dataclass(frozen=True, eq=False)
class Codebook:
    """The parsed codebook.

    Use :func:`load_codebook` rather than constructing this directly.

    Attributes
    ----------
    path : Path
        File the codebook was read from.
    meta : Mapping[str, Any]
        The ``meta`` block (title, version, years, id and year column, rounding).
    scales : Mapping[str, Mapping[int, str]]
        Shared answer scales.
    routings : Mapping[str, Routing]
        Named respondent groups.
    variables : Mapping[str, Variable]
        Questions by name, in codebook order.
    derived_variables : Mapping[str, Derived]
        Derived variables by name, in codebook order.
    """

    path: Path
    meta: Mapping[str, Any]
    scales: Mapping[str, Mapping[int, str]]
    routings: Mapping[str, Routing]
    variables: Mapping[str, Variable]
    derived_variables: Mapping[str, Derived]
    _columns: Mapping[str, Column] = field(repr=False)

    # ------------------------------------------------------------------ basics
    @property
    def years(self) -> tuple[int, ...]:
        """Measurement years the codebook knows (``meta.years``)."""
        return tuple(int(y) for y in self.meta["years"])

    @property
    def id_column(self) -> str:
        """Name of the respondent-id column (``resp_id``)."""
        return str(self.meta.get("id_column", "resp_id"))

    @property
    def year_column(self) -> str:
        """Name of the year column (``year``)."""
        return str(self.meta.get("year_column", "year"))

    def variable(self, name: str) -> Variable:
        """Return the question ``name``.

        Raises
        ------
        CodebookError
            If there is no such question.
        """
        try:
            return self.variables[name]
        except KeyError:
            raise CodebookError(
                f"{name!r} is geen vraag in het codeboek {self.path}"
            ) from None

    def column(self, name: str) -> Column:
        """Return the respondent-file column ``name``.

        Raises
        ------
        CodebookError
            If no question of the codebook has a column of that name.
        """
        try:
            return self._columns[name]
        except KeyError:
            raise CodebookError(
                f"{name!r} is geen kolom van een respondentbestand in het codeboek {self.path}"
            ) from None

    def has_column(self, name: str) -> bool:
        """Whether ``name`` is a respondent-file column of the codebook (any year)."""
        return name in self._columns

    def columns(self, year: int | None = None) -> list[str]:
        """Return the names of the columns of a respondent file.

        Parameters
        ----------
        year : int, optional
            Measurement year. Without it, every column of every year.

        Returns
        -------
        list of str
            Column names in codebook order; with ``year``, only the columns asked that
            year (question years and ``item_years`` taken into account).
        """
        return [
            c.name for c in self._columns.values() if year is None or self._in_years(year, c.years)
        ]

    def items(self, question: str, year: int | None = None) -> list[str]:
        """Return the item columns of a question (``[question]`` if it has no items).

        Parameters
        ----------
        question : str
            Question name, e.g. ``"innovation_type"``, or a derived scale such as
            ``"climate_scale"`` (then its ``items``).
        year : int, optional
            Only the items that exist in this year.
        """
        if question in self.derived_variables and question not in self.variables:
            return list(self.derived_variables[question].items)
        cols = self.variable(question).columns
        if year is None:
            return list(cols)
        return [c for c in cols if self._in_years(year, self._columns[c].years)]

    def derived(self, name: str) -> Derived:
        """Return the definition of the derived variable ``name``.

        Raises
        ------
        CodebookError
            If there is no such derived variable.
        """
        try:
            return self.derived_variables[name]
        except KeyError:
            raise CodebookError(
                f"{name!r} is geen afgeleide variabele in het codeboek {self.path}"
            ) from None

    # ------------------------------------------------------------------ labels
    def _codes_of(self, name: str, which: str) -> Mapping[int, str]:
        if name in self._columns and name not in self.variables:
            col = self._columns[name]
            base = dict(col.codes)
            extra = getattr(self.variables[col.question], which) if which else {}
        elif name in self.variables:
            var = self.variables[name]
            base = dict(var.codes)
            extra = getattr(var, which) if which else {}
        elif name in self.derived_variables:
            base = dict(self.derived_variables[name].codes)
            extra = {}
        else:
            raise CodebookError(
                f"{name!r} is geen kolom, vraag of afgeleide variabele "
                f"in het codeboek {self.path}"
            )
        base.update(extra)
        return base

    def labels(self, name: str) -> dict[int, str]:
        """Return the value labels of a column, a question or a derived variable.

        Parameters
        ----------
        name : str
            Column (``"factor_staff"``), question (``"sector"``) or derived variable
            (``"climate_cluster"``).

        Returns
        -------
        dict[int, str]
            Code -> Dutch label, in codebook order. Multiple-response items give the
            ``mention`` scale ``{0: 'Niet genoemd', 1: 'Genoemd'}``; continuous derived
            scores give ``{}``.

        Raises
        ------
        CodebookError
            If the name is unknown.
        """
        return self._codes_of(name, "")

    def labels_short(self, name: str) -> dict[int, str]:
        """Like :meth:`labels`, with the question's ``labels_short`` where it has them."""
        return self._codes_of(name, "labels_short")

    def labels_long(self, name: str) -> dict[int, str]:
        """Like :meth:`labels`, with the question's ``labels_long`` where it has them."""
        return self._codes_of(name, "labels_long")

    def label(self, name: str) -> str:
        """Return the Dutch label of an item, a question or a derived variable.

        For an item column: the item label (e.g. ``"Nieuwe technologie"``); for a question
        or a single-column question: the question wording; for a derived variable: its label.

        Raises
        ------
        CodebookError
            If the name is unknown.
        """
        if name in self.variables:
            return self.variables[name].question
        if name in self._columns:
            return self._columns[name].label
        if name in self.derived_variables:
            return self.derived_variables[name].label
        raise CodebookError(f"{name!r} staat niet in het codeboek {self.path}")

    # ------------------------------------------------------------------ routing
    # A measurement year later than the codebook's latest year (a new edition that has an
    # entry in data/editions.yaml only) asks the questions of the latest year, as
    # barometer.data.validation validates it; a codebook that lists the new year decides itself.
    def _in_years(self, year: int, years: tuple[int, ...]) -> bool:
        year, latest = int(year), max(self.years)
        return year in years or (year > latest and latest in years)

    def _years_mask(self, yr: np.ndarray, years: tuple[int, ...]) -> np.ndarray:
        """Which values of ``yr`` (floats, NaN for none) are years of ``years``; a year after
        the codebook's latest counts as the latest (a column asked then is asked since)."""
        latest = max(self.years)
        mask = np.isin(yr, years)
        if latest in years:
            mask |= yr > latest  # (NaN > latest is False)
        return mask

    def is_asked(self, name: str, year: int) -> bool:
        """Whether a column, question or derived variable exists in ``year``."""
        if name in self._columns:
            return self._in_years(year, self._columns[name].years)
        if name in self.variables:
            return self._in_years(year, self.variables[name].years)
        if name in self.derived_variables:
            return self._in_years(year, self.derived_variables[name].years)
        raise CodebookError(f"{name!r} staat niet in het codeboek {self.path}")

    def routing_of(self, name: str) -> Routing:
        """Return the :class:`Routing` group of a column, question or derived variable."""
        if name in self._columns:
            key = self._columns[name].routing
        elif name in self.variables:
            key = self.variables[name].routing
        elif name in self.derived_variables:
            key = self.derived_variables[name].routing
        else:
            raise CodebookError(f"{name!r} staat niet in het codeboek {self.path}")
        return self.routings[key]

    def condition_columns(self, routing: str) -> list[str]:
        """Return the columns a routing condition refers to (in order of appearance)."""
        cond = self.routings[routing].condition
        if not cond:
            return []
        return [m["col"] for m in (self._parse_clause(c) for c in _split_and(cond))]

    def _parse_clause(self, clause: str) -> re.Match:
        m = _CLAUSE.match(clause)
        if m is None:
            raise CodebookError(
                f"deel {clause!r} van een routeringsvoorwaarde in {self.path} is niet van de "
                "vorm 'kolom == n', 'kolom != n', 'kolom in [n, ...]' of 'kolom not in [n, ...]'"
            )
        return m

    def routing_mask(self, df: pd.DataFrame, name: str) -> pd.Series:
        """Return who was asked ``name``: the routing condition evaluated on ``df``.

        Parameters
        ----------
        df : pandas.DataFrame
            Respondent frame with the columns the condition refers to (and ``year``).
        name : str
            Column, question, derived variable or routing-group name.

        Returns
        -------
        pandas.Series of bool
            Same index as ``df``; True for respondents who were asked. Respondents whose
            ``year`` is not among the years of ``name`` are False (when ``df`` has a year
            column and ``name`` is not a routing-group name).

        Raises
        ------
        CodebookError
            If the name is unknown or a column the condition needs is not in ``df``.

        Notes
        -----
        An empty cell never satisfies a clause (``innovated == 1`` is False for an empty
        ``innovated``), except for a multiple-response option that did not exist in a
        respondent's year (``partner_dk`` in 2021): that counts as 0, not mentioned.
        """
        if name in self.routings and not (
            name in self._columns or name in self.variables or name in self.derived_variables
        ):
            routing, years = self.routings[name], None
        else:
            routing = self.routing_of(name)
            if name in self._columns:
                years = self._columns[name].years
            elif name in self.variables:
                years = self.variables[name].years
            else:
                years = self.derived_variables[name].years
        # numpy arrays rather than Series: this runs for every statistic of every exhibit
        mask = np.ones(len(df), dtype=bool)
        if routing.condition:
            for clause in _split_and(routing.condition):
                mask &= self._clause_mask(df, self._parse_clause(clause))
        if years is not None and self.year_column in df.columns:
            mask &= self._years_mask(_as_float(df[self.year_column]), years)
        return pd.Series(mask, index=df.index, dtype=bool)

    def _clause_mask(self, df: pd.DataFrame, m: re.Match) -> np.ndarray:
        col, op, raw = m["col"], re.sub(r"\s+", " ", m["op"]), m["value"]
        values = [int(v) for v in re.findall(r"-?\d+", raw)]
        column = self._columns.get(col)
        if col in df.columns:
            s = _as_float(df[col])
        elif column is not None and column.type == "multiple":
            s = np.full(len(df), np.nan)
        else:
            raise CodebookError(
                f"de routeringsvoorwaarde heeft kolom {col!r} nodig, die niet in de gegevens staat"
            )
        if column is not None and column.type == "multiple" and self.year_column in df.columns:
            not_offered = ~self._years_mask(_as_float(df[self.year_column]), column.years)
            s = np.where(not_offered & np.isnan(s), 0.0, s)
        answered = ~np.isnan(s)
        if op == "==":
            return s == values[0]
        if op == "!=":
            return (s != values[0]) & answered
        if op == "in":
            return np.isin(s, values)
        return ~np.isin(s, values) & answered  # not in


def _as_float(s: pd.Series) -> np.ndarray:
    """A column as floats, NaN for an empty cell or a value that is not a number."""
    if pd.api.types.is_numeric_dtype(s.dtype):
        return s.to_numpy(dtype=float, na_value=np.nan)
    return pd.to_numeric(s, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _split_and(condition: str) -> list[str]:
    return split_and(condition)


def _tuple(value: Any) -> tuple:
    return tuple(value) if value is not None else ()


def _build(path: Path, spec: CodebookSpec) -> Codebook:
    """Turn the validated model into the frozen objects the package uses."""
    scales = {name: _int_keys(codes) for name, codes in spec.scales.items()}
    routings = {name: Routing(name=name, label=r.label, condition=r.condition)
                for name, r in spec.routing.items()}
    defaults = {"multiple": ("mention", {0: "Niet genoemd", 1: "Genoemd"}),
                "yesno": ("yesno", {0: "Nee", 1: "Ja"})}
    variables: dict[str, Variable] = {}
    columns: dict[str, Column] = {}
    for v in spec.variables:
        scale = v.scale
        if v.codes is not None:
            codes = _int_keys(v.codes)
        elif scale is not None:
            codes = scales[scale]
        elif v.type in defaults:
            scale, fallback = defaults[v.type]
            codes = scales.get(scale, _int_keys(fallback))
        else:  # id
            codes = _int_keys({})
        items = dict(v.items or {})
        item_years = {k: tuple(ys) for k, ys in (v.item_years or {}).items()}
        var = Variable(
            name=v.name, type=v.type, question=v.question, codes=codes,
            labels_short=_int_keys(v.labels_short), labels_long=_int_keys(v.labels_long),
            scale=scale, items=MappingProxyType(items), item_years=MappingProxyType(item_years),
            exclusive=_tuple(v.exclusive), min_mentions=v.min_mentions, routing=v.routing,
            years=tuple(v.years), missing_allowed=v.missing_allowed,
            recode=MappingProxyType(dict(v.recode or {})), open_codes=v.open_codes,
            display=_frozen(v.display.model_dump(exclude_none=True) if v.display else None),
            assumptions=_tuple(v.assumptions),
            published_in=tuple(str(p) for p in v.published_in or ()),
            basis=v.basis,
        )
        variables[v.name] = var
        for col_name in var.columns:
            columns[col_name] = Column(
                name=col_name, question=v.name, type=v.type,
                label=items.get(col_name, var.question), codes=codes, scale=scale,
                routing=v.routing, years=item_years.get(col_name, var.years),
                missing_allowed=var.missing_allowed, recode=var.recode,
                exclusive=col_name in var.exclusive, open_codes=var.open_codes,
            )
    derived = {
        d.name: Derived(
            name=d.name, label=d.label, definition=d.definition, codes=_int_keys(d.codes),
            items=_tuple(d.items), min_items=d.min_items,
            thresholds=MappingProxyType(dict(d.thresholds or {})), routing=d.routing,
            years=tuple(d.years), assumptions=_tuple(d.assumptions),
            published_in=tuple(str(p) for p in d.published_in or ()),
        )
        for d in spec.derived
    }
    return Codebook(
        path=path, meta=_frozen(spec.meta.model_dump(exclude_none=True)),
        scales=MappingProxyType(scales), routings=MappingProxyType(routings),
        variables=MappingProxyType(variables), derived_variables=MappingProxyType(derived),
        _columns=MappingProxyType(columns),
    )


def check_codebook(path: str | Path | None = None,
                   editions: str | Path | None = None) -> list[SpecProblem]:
    """Every problem of a codebook (and of the editions file it is checked against).

    Parameters
    ----------
    path : str or Path, optional
        The codebook; default ``data/codebook.yaml``.
    editions : str or Path, optional
        The editions file whose years the codebook's years must be among; default
        :func:`barometer.data.editions.editions_for_codebook` (``$BAROMETER_EDITIONS``, else the
        ``editions.yaml`` beside the codebook; none: that check is skipped).

    Returns
    -------
    list of SpecProblem
        Empty when both files are valid; otherwise each problem with file, YAML path and
        line, in Dutch.
    """
    return _check(Path(path) if path is not None else default_codebook_path(), editions)[1]


def check_codebook_cli(path: Path | None = None, editions: Path | None = None) -> int:
    """``barometer check-codebook``: print the problems (Dutch) and return the exit code."""
    import sys

    from barometer.data.editions import editions_file

    p = Path(path) if path is not None else default_codebook_path()
    ed = Path(editions) if editions is not None else (
        editions_file() if path is None else None)
    problems = check_codebook(p, ed)
    if problems:
        files = list(dict.fromkeys(pr.file for pr in problems))
        for f in files:
            what = "Het codeboek" if f == str(p) else "Het edities-bestand"
            print(format_spec_problems(f, what, [pr for pr in problems if pr.file == f]),
                  file=sys.stderr)
        return 1
    from barometer.data.editions import editions_for_codebook

    used = ed if ed is not None else editions_for_codebook(p)
    print(f"Het codeboek {p} is in orde" + (f", en het edities-bestand {used} ook." if used
                                             else " (geen edities-bestand gevonden)."))
    return 0


def _check(path: Path, editions: str | Path | None) -> tuple[CodebookSpec | None,
                                                              list[SpecProblem]]:
    from barometer.data.editions import editions_for_codebook
    from barometer.data.schema import check_editions_document

    ed_path = Path(editions) if editions is not None else editions_for_codebook(path)
    problems: list[SpecProblem] = []
    ed_years = None
    if ed_path is not None:
        entries, problems = check_editions_document(read_yaml(ed_path))
        if entries is not None:
            ed_years = tuple(entries)
    spec, cb_problems = check_codebook_document(read_yaml(path), ed_years,
                                                str(ed_path) if ed_path else None)
    return spec, cb_problems + problems


@lru_cache(maxsize=8)
def _load(path: str, editions: str | None) -> Codebook:
    p = Path(path)
    spec, problems = _check(p, editions)
    if problems or spec is None:
        raise CodebookError(format_spec_problems(p, "Het codeboek", problems), problems)
    return _build(p, spec)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read the codebook (cached per path).

    Parameters
    ----------
    path : str or Path, optional
        YAML file; defaults to the shipped ``data/codebook.yaml``.

    Returns
    -------
    Codebook
        Frozen; the same object is returned for the same path.

    Raises
    ------
    CodebookError
        If the file is missing, not valid YAML, does not follow the model
        (:class:`barometer.data.schema.CodebookSpec`: unknown or misspelt keys, wrong types,
        codes that are not integers, duplicate keys) or is inconsistent (unknown scale,
        routing group or column in a routing rule, derived variables over unknown items,
        a year not in the editions file, ...). The message lists **every** problem with its
        YAML path and line, in Dutch; ``error.problems`` holds them.

    Examples
    --------
    >>> cb = load_codebook()
    >>> len(cb.columns(2025)) > len(cb.columns(2021))
    True
    """
    from barometer.data.editions import editions_for_codebook

    p = Path(path) if path is not None else default_codebook_path()
    editions = editions_for_codebook(p.resolve())
    return _load(str(p.resolve()), str(editions) if editions is not None else None)
