"""Checks of a respondent frame against the codebook, with pandera, and the Dutch problem list.

:func:`validate` validates a frame as it was read from a file (values untouched, so that a
bad value can be shown as the user typed it) with the pandera schema that
:mod:`barometer.data.respondent_schema` generates from the codebook, and converts pandera's
failure cases into a list of :class:`Problem` (file, rows, column, value, expectation); an
empty list means the file is valid. :data:`CHECKS` lists the kinds of problem in the order
they are reported. The reading problems
(empty file, wrong encoding, unknown extension, unreadable file) are found by
:mod:`barometer.data.respondents`, which raises :class:`~barometer.data.respondents.RespondentFileError`
listing all problems at once.

Messages are in Dutch: they are read by the survey team.

Decisions
---------
- A column that is not in the codebook is an **error** (kind ``unknown_column``): a typo in
  a column name would otherwise silently lose that question's data. Columns that are
  expected and harmless (e.g. a weight or a bureau's own key) can be passed in
  ``ignore_columns``.
- A column of a question that was not asked in the file's year is allowed only when it is
  empty (a pooled export may carry such columns); any value in it is a problem.
- Derived variables (``spectrum``, ``climate_scale``, ...) must not be supplied: they are
  computed by :func:`barometer.data.derive.add_derived`.
- Routing checks skip respondents whose routing cannot be determined because a column the
  routing condition refers to is itself invalid or missing; that column is reported, so one
  mistake is not reported again for every routed question.
- A year that is not in the codebook but has an entry in ``data/editions.yaml`` (a new
  edition) is accepted and checked against the questions of the latest codebook year.

Performance: every check is vectorised per column (no Python loop over rows), and the
numbers, codes and routing masks the checks share are computed once (:class:`Context`);
``benchmarks/validation.py`` measures 20,000 rows.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from barometer.data.codebook import Codebook, CodebookError, Column
from barometer.data.expectations import describe_codes, known_years, routing_text

__all__ = [
    "Problem",
    "KIND_TITLES",
    "MAX_ROWS_SHOWN",
    "CHECKS",
    "row_convention",
    "format_problems",
    "known_years",
    "describe_codes",
    "routing_text",
    "Context",
    "validate",
]

#: How many row numbers and how many distinct bad values one problem lists.
MAX_ROWS_SHOWN = 10
MAX_VALUES_SHOWN = 10

#: Dutch title of every kind of problem (reading problems included).
KIND_TITLES: dict[str, str] = {
    "file_not_found": "Bestand niet gevonden",
    "not_a_file": "Map in plaats van een bestand",
    "unknown_extension": "Onbekend bestandstype",
    "empty_file": "Leeg bestand",
    "encoding": "Geen UTF-8-codering",
    "unreadable": "Bestand niet leesbaar",
    "no_rows": "Geen respondenten",
    "duplicate_column": "Kolomnaam komt meer dan eens voor",
    "missing_column": "Verplichte kolom ontbreekt",
    "unknown_column": "Onbekende kolom",
    "derived_column": "Afgeleide variabele in het bestand",
    "missing_id": "Respondentnummer ontbreekt",
    "invalid_id": "Respondentnummer past niet",
    "duplicate_id": "Respondentnummer komt meer dan eens voor",
    "missing_year": "Meetjaar ontbreekt",
    "unknown_year": "Onbekend meetjaar",
    "mixed_years": "Meer dan één meetjaar in één bestand",
    "year_mismatch": "Meetjaar wijkt af van het gevraagde jaar",
    "not_asked_in_year": "Antwoord op een vraag die dat jaar niet is gesteld",
    "non_numeric": "Geen getal",
    "non_integer": "Geen geheel getal",
    "invalid_code": "Onbekende code",
    "likert_out_of_range": "Waarde buiten de antwoordschaal",
    "mention_not_0_1": "Meerkeuze-optie is niet 0 of 1",
    "answer_not_routed": "Antwoord van iemand aan wie de vraag niet is gesteld",
    "missing_answer": "Antwoord ontbreekt",
    "exclusive_combined": "Exclusieve optie gecombineerd met andere opties",
    "too_few_mentions": "Geen enkele optie genoemd",
}


@dataclass(frozen=True)
class Problem:
    """One problem in a respondent file.

    Attributes
    ----------
    file : str
        The file (as given by the caller).
    rows : tuple of int
        Row numbers as the user sees them in the file (see :func:`row_convention`);
        empty for a problem of the file or of a whole column.
    column : str or None
        Column (or comma-separated columns of one question) the problem is in.
    value : str or None
        The bad value(s), as found in the file.
    expected : str
        What was expected instead (Dutch).
    kind : str
        Identifier of the kind of problem, a key of :data:`KIND_TITLES`.
    """

    file: str
    rows: tuple[int, ...]
    column: str | None
    value: str | None
    expected: str
    kind: str

    def describe(self, max_rows: int = MAX_ROWS_SHOWN, row_word: str = "rij") -> str:
        """Return a one-line Dutch description (without the file name).

        Parameters
        ----------
        max_rows : int
            At most this many row numbers are listed, followed by the number left out.
        row_word : str
            ``"regel"`` (CSV) or ``"rij"`` (Parquet, SPSS).
        """
        parts = [KIND_TITLES.get(self.kind, self.kind)]
        if self.column:
            word = "kolommen" if ", " in self.column else "kolom"
            parts.append(f"{word} {self.column}")
        if self.rows:
            parts.append(_format_rows(self.rows, max_rows, row_word))
        text = " — ".join(parts)
        if self.value is not None:
            text += f": waarde {self.value}"
        return f"{text}; verwacht: {self.expected}"


def _format_rows(rows: Sequence[int], max_rows: int, row_word: str) -> str:
    n = len(rows)
    shown = ", ".join(str(r) for r in rows[:max_rows])
    plural = {"rij": "rijen", "regel": "regels"}.get(row_word, row_word)
    word = row_word if n == 1 else plural
    if n > max_rows:
        return f"{n} {plural} ({shown} en nog {n - max_rows})"
    return f"{word} {shown}"


def row_convention(file: str | Path) -> tuple[int, str, str]:
    """How rows are numbered in messages about ``file``.

    Returns
    -------
    offset : int
        Added to the 0-based position of a respondent: 2 for CSV (the line number in the
        file, line 1 being the header), 1 otherwise (1 = first respondent).
    word : str
        ``"regel"`` or ``"rij"``.
    note : str
        Dutch sentence that states the convention, for the top of an error message.
    """
    if Path(str(file)).suffix.lower() == ".csv":
        return 2, "regel", (
            "Regelnummers zijn die van het CSV-bestand: regel 1 is de kopregel, "
            "de eerste respondent staat op regel 2."
        )
    return 1, "rij", "Rijnummers tellen de respondenten: rij 1 is de eerste respondent."


def format_problems(file: str | Path, problems: Sequence[Problem]) -> str:
    """Return the multi-line Dutch message that lists every problem of a file."""
    _, word, note = row_convention(file)
    n = len(problems)
    head = (
        f"Het respondentbestand {file} is niet geladen: "
        f"{n} {'probleem' if n == 1 else 'problemen'} gevonden."
    )
    lines = [head]
    if any(p.rows for p in problems):
        lines.append(note)
    width = len(str(n))
    for i, p in enumerate(problems, 1):
        lines.append(f"{i:>{width}}. {p.describe(row_word=word)}")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return f"'{value}'"
        return value  # a number as text (CSV): shown as the number
    return str(value)


def _fmt_values(values: Iterable[object]) -> str:
    distinct = list(dict.fromkeys(_fmt(v) for v in values))
    shown = ", ".join(distinct[:MAX_VALUES_SHOWN])
    if len(distinct) > MAX_VALUES_SHOWN:
        shown += f" (en nog {len(distinct) - MAX_VALUES_SHOWN} andere)"
    return shown


#: The kinds of problem :func:`validate` finds in a frame, in the order they are reported.
CHECKS: tuple[str, ...] = (
    "no_rows", "duplicate_column", "missing_column", "unknown_column", "derived_column",
    "missing_id", "duplicate_id", "invalid_id", "missing_year", "unknown_year",
    "year_mismatch", "mixed_years", "not_asked_in_year", "non_numeric", "non_integer",
    "invalid_code", "likert_out_of_range", "mention_not_0_1", "answer_not_routed",
    "missing_answer", "exclusive_combined", "too_few_mentions",
)

#: Kinds reported together, column by column (the codes; the year).
_GROUPS = {"likert_out_of_range": "invalid_code", "mention_not_0_1": "invalid_code",
           "unknown_year": "missing_year", "year_mismatch": "missing_year",
           "mixed_years": "missing_year"}


def _order(kind: str, column_position: int) -> tuple[int, int, int]:
    return (CHECKS.index(_GROUPS.get(kind, kind)), column_position, CHECKS.index(kind))

#: Kinds whose value is shown as the number read (``12`` for ``12.0``), not the text typed.
_NUMERIC_VALUE = {"non_integer", "invalid_code", "likert_out_of_range", "mention_not_0_1",
                  "unknown_year", "year_mismatch"}


@dataclass
class Context:
    """What the checks of one frame share; each value computed once.

    The pandera checks of :mod:`barometer.data.respondent_schema` read their numbers, valid
    codes and routing masks from here, so that 20,000 rows validate quickly.
    """

    df: pd.DataFrame
    codebook: Codebook
    file: str
    year: int | None
    ignore_columns: frozenset[str]
    offset: int
    requested_year: int | None = None

    def rows_at(self, positions: Iterable[int]) -> tuple[int, ...]:
        """Row numbers as the user sees them (:func:`row_convention`) of 0-based positions."""
        return tuple(int(p) + self.offset for p in positions)

    def problem(self, kind, expected, *, rows=(), column=None, value=None) -> Problem:
        return Problem(self.file, tuple(rows), column, value, expected, kind)

    @cached_property
    def raw(self) -> pd.DataFrame:
        """The frame with text stripped and blank strings as missing."""
        out = {}
        for c in self.df.columns:
            s = self.df[c]
            if isinstance(s.dtype, pd.StringDtype) or (
                s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) == "string"
            ):
                s = s.astype("str").str.strip()  # vectorised; all values are text
                s = s.mask(s.eq(""))
            elif s.dtype == object:
                s = s.where(s.notna(), None)
                s = s.map(lambda v: v.strip() if isinstance(v, str) else v)
                s = s.mask(s.eq(""))
            out[c] = s
        return pd.DataFrame(out, index=self.df.index)

    @cached_property
    def coded(self) -> list[Column]:
        """Codebook columns with codes that are in the file."""
        cb = self.codebook
        return [cb.column(c) for c in self.df.columns
                if isinstance(c, str) and cb.has_column(c) and cb.column(c).is_coded]

    @cached_property
    def ref_year(self) -> int | None:
        """The codebook year whose questions the file must have."""
        if self.year is None:
            return None
        return self.year if self.year in self.codebook.years else max(self.codebook.years)

    @cached_property
    def asked(self) -> set[str]:
        years = () if self.ref_year is None else (self.ref_year,)
        return set(self.codebook.columns(*years))

    @cached_property
    def present(self) -> dict[str, pd.Series]:
        return {col.name: self.raw[col.name].notna() for col in self.coded}

    @cached_property
    def numeric(self) -> dict[str, pd.Series]:
        """Coded columns as float (NaN where empty or not a number)."""
        out = {}
        for col in self.coded:
            s = self.raw[col.name]
            if pd.api.types.is_bool_dtype(s.dtype):
                s = s.astype(float)
            if pd.api.types.is_numeric_dtype(s.dtype):
                out[col.name] = pd.to_numeric(s, errors="coerce").astype(float)
                continue
            # Text (CSV): a column has few distinct values; convert each of them once.
            codes, uniques = pd.factorize(s)
            numbers = pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce")
            values = np.append(numbers.to_numpy(dtype=float), np.nan)
            out[col.name] = pd.Series(values[codes], index=s.index, dtype=float)
        return out

    @cached_property
    def fraction(self) -> dict[str, pd.Series]:
        """A number with decimals."""
        return {n: s.notna() & (s % 1 != 0) for n, s in self.numeric.items()}

    @cached_property
    def bad_code(self) -> dict[str, pd.Series]:
        """A whole number that is not a code of the column."""
        return {col.name: self.numeric[col.name].notna() & ~self.fraction[col.name]
                & ~self.numeric[col.name].isin(list(col.codes))
                for col in self.coded if not col.open_codes}

    @cached_property
    def invalid(self) -> dict[str, pd.Series]:
        """A value is present but not a valid code."""
        out = {}
        for col in self.coded:
            num = self.numeric[col.name]
            ok = (num.notna() & ~self.fraction[col.name]) if col.open_codes \
                else num.isin(list(col.codes))
            out[col.name] = self.present[col.name] & ~ok
        return out

    @cached_property
    def clean(self) -> pd.DataFrame:
        """Valid codes only (invalid -> NaN), year mapped to a codebook year: for routing."""
        frame = pd.DataFrame({n: self.numeric[n].mask(self.invalid[n]) for n in self.numeric},
                             index=self.df.index)
        ycol = self.codebook.year_column
        if self.ref_year is not None:
            yr = frame[ycol] if ycol in frame else pd.Series(np.nan, index=frame.index)
            frame[ycol] = yr.where(yr.isin(self.codebook.years), float(self.ref_year))
        return frame

    @cached_property
    def mentioned(self) -> pd.DataFrame:
        """Options of multiple-response questions mentioned (valid 1)."""
        cols = [c.name for c in self.coded if c.type == "multiple"]
        return self.clean[cols].eq(1)

    def all_options_empty(self, question: str) -> pd.Series:
        cache = self.__dict__.setdefault("_all_empty", {})
        if question not in cache:
            items = [c for c in self.codebook.items(question, self.ref_year) if c in self.raw]
            cache[question] = self.raw[items].isna().all(axis=1)
        return cache[question]

    @cached_property
    def ids(self) -> pd.Series:
        """Respondent ids as text (numeric SPSS ids as whole numbers), missing as NaN."""
        ids = self.raw[self.codebook.id_column]
        if pd.api.types.infer_dtype(ids, skipna=True) != "string":  # numeric ids (SPSS)
            ids = ids.map(lambda v: _fmt(v).strip("'") if v is not None and not pd.isna(v)
                          else None)
        return ids

    @cached_property
    def id_fits(self) -> pd.Series:
        """An id that is text or an integer, or a float that holds a whole number exactly
        (below 2**53: SPSS stores numbers as floats; beyond that two ids can coincide)."""
        ids = self.raw[self.codebook.id_column]

        def fits(v) -> bool:
            return not isinstance(v, (float, np.floating)) or pd.isna(v) or (
                float(v).is_integer() and abs(v) < 2.0**53)

        if pd.api.types.is_float_dtype(ids.dtype):
            return ids.isna() | ((ids % 1 == 0) & (ids.abs() < 2.0**53))
        if ids.dtype == object:
            return ids.map(fits).astype(bool)
        return pd.Series(True, index=ids.index)

    def mask(self, name: str) -> pd.Series | None:
        """Routing mask on the clean frame; None if a condition column is absent."""
        cb = self.codebook
        key = (cb.routing_of(name).name, cb.column(name).years if cb.has_column(name) else name)
        cache = self.__dict__.setdefault("_masks", {})
        if key not in cache:
            try:
                cache[key] = cb.routing_mask(self.clean, name)
            except CodebookError:
                cache[key] = None
        return cache[key]

    @cached_property
    def _uncertain_by_group(self) -> dict[str, pd.Series]:
        cb = self.codebook
        out = {}
        for group in cb.routings:
            unc = pd.Series(False, index=self.df.index)
            for c in cb.condition_columns(group):
                if c not in self.clean:
                    continue
                unc |= self.invalid.get(c, False)
                if not cb.column(c).missing_allowed:
                    asked = self.mask(c)
                    if asked is not None:
                        unc |= self.clean[c].isna() & asked & self.raw[c].isna()
            out[group] = unc
        return out

    def uncertain(self, name: str) -> pd.Series:
        """Respondents whose routing for ``name`` cannot be determined (a condition column
        is invalid or empty there: that column is reported, not every routed question)."""
        return self._uncertain_by_group[self.codebook.routing_of(name).name]


# --------------------------------------------------------------------------- failure cases
def _failure_cases(schema, frame: pd.DataFrame) -> pd.DataFrame:
    import pandera.pandas as pa

    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])


def _convert(ctx: Context, cases: pd.DataFrame, expected: dict) -> list[Problem]:
    """pandera's failure cases -> the Dutch problem list (one problem per kind and column;
    per question for missing columns and answers from respondents not asked)."""
    cb = ctx.codebook
    order = {c: i for i, c in enumerate(ctx.df.columns)}
    order.update({c: len(order) + i for i, c in enumerate(cb.columns()) if c not in order})
    out: list[tuple[tuple, Problem]] = []

    def add(kind, expectation, *, rows=(), column=None, value=None, first=None):
        key = _order(kind, order.get(first or column, len(order)))
        out.append((key, ctx.problem(kind, expectation, rows=rows, column=column,
                                     value=value)))

    missing: dict[str, list[str]] = {}
    routed: dict[str, list] = {}
    for (check, column), group in cases.groupby(["check", "column"], dropna=False, sort=False):
        check = str(check)
        if check == "dataframe_column_labels_unique":
            for name in dict.fromkeys(group["failure_case"].iloc[0]):
                add("duplicate_column", "elke kolomnaam één keer", column=str(name))
            continue
        if check in ("column_in_schema", "column_in_dataframe"):
            for name in group["failure_case"]:
                if check == "column_in_dataframe":
                    missing.setdefault(cb.column(name).question, []).append(name)
                elif name in cb.derived_variables:
                    add("derived_column", "geen afgeleide variabelen: deze worden berekend uit "
                        "de antwoorden (barometer.data.derive); verwijder de kolom", column=name)
                else:
                    close = difflib.get_close_matches(str(name), cb.columns(), n=1, cutoff=0.75)
                    hint = f"; bedoelde u '{close[0]}'?" if close else ""
                    add("unknown_column", "alleen kolommen uit het codeboek (data/codebook.yaml);"
                        " een kolom die bewust extra is, kan worden opgegeven in ignore_columns"
                        f"{hint}", column=str(name))
            continue
        if (column, check) not in {(c, k) for c, k in expected}:
            raise RuntimeError(f"pandera reported an unexpected failure: {check} on {column}")
        pos = sorted({int(i) for i in group["index"]})
        rows = ctx.rows_at(pos)
        raw = ctx.raw[column].iloc[pos]
        text = expected[(column, check)]
        if check == "answer_not_routed":
            q = cb.column(column).question
            entry = routed.setdefault(q, [[], set(), [], text])
            entry[0].append(column)
            entry[1].update(pos)
            entry[2].extend(raw.tolist())
            continue
        if check in ("missing_id", "missing_year", "missing_answer"):
            add(check, text, rows=rows, column=column, value="(leeg)")
        elif check == "invalid_id":  # as stored: 1.2345678901234567e+20, not its digits
            add(check, text, rows=rows, column=column,
                value=_fmt_values(repr(float(v)) if isinstance(v, (float, np.floating)) else v
                                  for v in raw))
        elif check == "duplicate_id":
            add(check, text, rows=rows, column=column, value=_fmt_values(ctx.ids.iloc[pos]))
        elif check == "mixed_years":
            num = ctx.numeric[column]
            counts = num[num.notna() & ~ctx.fraction[column]].value_counts()
            summary = ", ".join(f"{int(y)} ({n} keer)" for y, n in counts.items())
            add(check, text, rows=rows, column=column, value=summary)
        elif check == "exclusive_combined":
            items = [c for c in cb.items(cb.column(column).question, ctx.ref_year)
                     if c in ctx.clean and c != column]
            co = [c for c in items if ctx.mentioned[c].iloc[pos].any()]
            add(check, text, rows=rows, column=column,
                value="1, samen met " + ", ".join(f"{c} = 1" for c in co))
        elif check == "too_few_mentions":
            q = cb.column(column).question
            items = [c for c in cb.items(q, ctx.ref_year) if c in ctx.clean]
            vals = ["alle opties leeg" if e else "alle opties 0"
                    for e in ctx.all_options_empty(q).iloc[pos]]
            label = ", ".join(items) if len(items) <= 3 else f"{items[0]} … {items[-1]}"
            add(check, text, rows=rows, column=label, value=_fmt_values(vals).replace("'", ""),
                first=column)
        elif check in _NUMERIC_VALUE:
            add(check, text, rows=rows, column=column,
                value=_fmt_values(ctx.numeric[column].iloc[pos]))
        else:
            add(check, text, rows=rows, column=column, value=_fmt_values(raw))
    year = f" in {ctx.year}" if ctx.year is not None else ""
    for q, cols in missing.items():
        add("missing_column", f"de kolom(men) van vraag '{q}'{year} (zie data/codebook.yaml)",
            column=", ".join(cols), first=cols[0])
    for q, (cols, pos, vals, text) in routed.items():
        add("answer_not_routed", text, rows=ctx.rows_at(sorted(pos)), column=", ".join(cols),
            value=_fmt_values(vals), first=cols[0])
    return [p for _, p in sorted(out, key=lambda kp: kp[0])]


def _file_year(df: pd.DataFrame, codebook: Codebook, year: int | None) -> int | None:
    if year is not None:
        return int(year)
    ycol = codebook.year_column
    if ycol not in df.columns or len(df) == 0 or df.columns.duplicated().any():
        return None
    num = pd.to_numeric(df[ycol], errors="coerce")
    num = num[num.isin(known_years(codebook))]
    if num.empty:
        return None
    return int(num.value_counts().index[0])


def validate(
    df: pd.DataFrame,
    codebook: Codebook,
    file: str | Path,
    *,
    year: int | None = None,
    ignore_columns: Iterable[str] = (),
) -> list[Problem]:
    """Check a respondent frame against the codebook and list every problem.

    Parameters
    ----------
    df : pandas.DataFrame
        The frame as read from the file, values untouched (text allowed), one row per
        respondent in file order.
    codebook : Codebook
        The contract (:func:`barometer.data.codebook.load_codebook`).
    file : str or Path
        Name of the file, used in the problems and to choose the row numbering
        (:func:`row_convention`: CSV line numbers, otherwise 1-based rows).
    year : int, optional
        The measurement year the file must have. Without it, the year in the file (the
        most frequent known year if there are several) decides which columns are required.
    ignore_columns : iterable of str
        Extra columns that are allowed besides the codebook's columns.

    Returns
    -------
    list of Problem
        In the order of :data:`CHECKS`; empty when the frame is valid.

    Notes
    -----
    The rules are the pandera schema of :func:`barometer.data.respondent_schema.respondent_schema`.
    Problems are grouped: one per kind and column (routing and missing columns: one per
    question), each with all its rows. Without rows only the columns are checked; with a
    column name that occurs twice nothing else is (no value can be attributed to a column).
    """
    from barometer.data.respondent_schema import respondent_schema, structure_schema

    offset, _, _ = row_convention(file)
    df = df.reset_index(drop=True)
    ctx = Context(df=df, codebook=codebook, file=str(file),
                  year=_file_year(df, codebook, year), ignore_columns=frozenset(ignore_columns),
                  offset=offset, requested_year=int(year) if year is not None else None)
    problems: list[Problem] = []
    if ctx.requested_year is not None and ctx.requested_year not in known_years(codebook):
        problems.append(ctx.problem(  # reported with the year, before the values
            "unknown_year", f"een bekend meetjaar ({', '.join(map(str, known_years(codebook)))});"
            " voeg een nieuw jaar eerst toe aan data/editions.yaml",
            column=codebook.year_column, value=f"{ctx.requested_year} (opgegeven jaar)"))
    no_rows = len(df) == 0
    if no_rows or df.columns.duplicated().any():
        schema, expected = structure_schema(ctx, required=False)
        found = _convert(ctx, _failure_cases(schema, df.iloc[:0]), expected)
        if no_rows:
            found.insert(0, ctx.problem("no_rows", "minstens één respondent (rij met antwoorden)"))
        return found if no_rows else [p for p in found if p.kind == "duplicate_column"]
    schema, expected = respondent_schema(ctx)
    found = _convert(ctx, _failure_cases(schema, ctx.raw), expected)
    year_group = _order("missing_year", -1)
    at = next((i for i, p in enumerate(found) if _order(p.kind, 0)[:1] >= year_group[:1]),
              len(found))
    return found[:at] + problems + found[at:]
