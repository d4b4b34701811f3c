"""Reading respondent files (CSV, Parquet, SPSS ``.sav``), validated against the codebook.

:func:`load_respondents` is the only way data enter the analysis: it reads the file,
runs every check of :mod:`barometer.data.validation`, and either returns the complete, typed
frame or raises :class:`RespondentFileError` listing **every** problem (file, rows,
column, bad value, what was expected), in Dutch. It never returns a partial frame.

Examples
--------
>>> from barometer.data.respondents import load_respondents
>>> df = load_respondents("data/respondents-2025-synthetic.csv", year=2025)  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from barometer.data.codebook import Codebook, load_codebook
from barometer.data.validation import Problem, format_problems, validate

__all__ = ["RespondentFileError", "Problem", "load_respondents", "read_raw", "SUFFIXES"]

#: File types a respondent file may have.
SUFFIXES: tuple[str, ...] = (".csv", ".parquet", ".sav")

#: Lines with encoding errors listed at most.
_MAX_ENCODING_LINES = 10


class RespondentFileError(Exception):
    """A respondent file that cannot be used, with every problem found in it.

    Attributes
    ----------
    file : str
        The file.
    problems : list of Problem
        All problems, in the order the checks found them.

    Notes
    -----
    ``str(error)`` is a multi-line Dutch message for the survey team: one line per
    problem, each naming the column, the rows (CSV line numbers, or 1-based rows for
    Parquet and SPSS; the message says which), the bad value and what was expected.
    """

    def __init__(self, file: str | Path, problems: Sequence[Problem]):
        self.file = str(file)
        self.problems = list(problems)
        super().__init__(format_problems(self.file, self.problems))

    @property
    def kinds(self) -> set[str]:
        """The kinds of the problems (keys of :data:`barometer.data.validation.KIND_TITLES`)."""
        return {p.kind for p in self.problems}


def _problem(file: Path, kind: str, expected: str, *, rows=(), column=None, value=None):
    return Problem(str(file), tuple(rows), column, value, expected, kind)


def _decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM); on failure list the lines that are not UTF-8."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first = exc
    bad_lines, samples = [], []
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            bad_lines.append(number)
            if len(samples) < 5:
                samples.append(line[e.start : e.end].hex(" ").upper())
    problem = _problem(
        path,
        "encoding",
        "een bestand in UTF-8-codering; het bestand lijkt in een andere codering "
        "(bijvoorbeeld Windows-1252/Latin-1) te zijn opgeslagen. Sla het opnieuw op als "
        "UTF-8 (Excel: 'CSV UTF-8 (door komma's gescheiden)'); het bestand wordt niet "
        "geraden of omgezet",
        rows=bad_lines,
        value="bytes " + ", ".join(f"0x{s}" for s in dict.fromkeys(samples))
        + f" (eerste fout op positie {first.start})",
    )
    return None, [problem]


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def _read_csv(path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    data = path.read_bytes()
    text, problems = _decode(path, data)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [_problem(path, "empty_file", "een kopregel met kolomnamen en "
                               "minstens één respondent")]
    header_line = text.lstrip("\r\n").splitlines()[0]
    sep = _delimiter(header_line)
    header = next(csv.reader([header_line], delimiter=sep))
    seen, dups = set(), []
    for name in header:
        if name.strip() in seen and name.strip() not in dups:
            dups.append(name.strip())
        seen.add(name.strip())
    if dups:
        return None, [
            _problem(path, "duplicate_column", "elke kolomnaam één keer", column=d, rows=(1,))
            for d in dups
        ]
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, ValueError) as exc:
        return None, [
            _problem(path, "unreadable", f"een geldig CSV-bestand met scheidingsteken '{sep}' "
                     f"en op elke regel evenveel velden als de kopregel ({exc})")
        ]
    return df, []


def _read_parquet(path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    try:
        return pd.read_parquet(path), []
    except Exception as exc:  # pyarrow raises many types for a damaged file
        return None, [_problem(path, "unreadable", f"een geldig Parquet-bestand ({exc})")]


def _read_sav(path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    import pyreadstat

    try:
        df, _meta = pyreadstat.read_sav(str(path), apply_value_formats=False)
    except Exception as exc:  # pyreadstat.ReadstatError and friends
        return None, [_problem(path, "unreadable", f"een geldig SPSS-bestand (.sav) ({exc})")]
    return df, []


def read_raw(path: str | Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a respondent file without validating or converting its values.

    Parameters
    ----------
    path : str or Path
        ``.csv`` (UTF-8, separated by ``;`` or ``,``, detected from the header),
        ``.parquet`` or ``.sav``.

    Returns
    -------
    frame : pandas.DataFrame or None
        The values as stored (CSV: text), ``None`` if the file could not be read. Column
        names are stripped of surrounding white space in every format.
    problems : list of Problem
        Reading problems: a folder instead of a file, file not found, unknown extension,
        empty file, not UTF-8, unreadable.
    """
    path = Path(path)
    if path.is_dir():
        return None, [_problem(path, "not_a_file", "het pad van één respondentbestand "
                               "(.csv, .parquet of .sav), geen map; dit is een map",
                               value=f"'{path}'")]
    if not path.is_file():
        where = path.parent if str(path.parent) not in ("", ".") else Path.cwd()
        hint = ("de map bestaat wel" if where.is_dir()
                else f"ook de map {where} bestaat niet")
        return None, [_problem(path, "file_not_found", f"een bestaand bestand; dit pad bestaat "
                               f"niet ({hint})", value=f"'{path}'")]
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return None, [
            _problem(
                path, "unknown_extension",
                "een bestand met extensie .csv, .parquet of .sav",
                value=f"'{path.suffix or '(geen extensie)'}'",
            )
        ]
    if path.stat().st_size == 0:
        return None, [_problem(path, "empty_file", "een bestand met een kopregel en "
                               "minstens één respondent; het bestand is leeg (0 bytes)")]
    reader = {".csv": _read_csv, ".parquet": _read_parquet, ".sav": _read_sav}[suffix]
    df, problems = reader(path)
    if df is not None:  # the same header normalisation for every format
        df.columns = _normalise_header(df.columns)
    return df, problems


def _normalise_header(columns: Iterable) -> list:
    """Column names without surrounding white space (and a byte-order mark), in every format."""
    return [str(c).replace("\ufeff", "").strip() if isinstance(c, str) else c for c in columns]


def _typed(df: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Convert a validated raw frame: ``resp_id`` text, every coded column Int64."""
    out = df.reset_index(drop=True).copy()
    idc = codebook.id_column
    for c in out.columns:
        if c == idc:
            ids = out[c]
            if pd.api.types.is_float_dtype(ids.dtype):
                ids = ids.astype("Int64")
            out[c] = ids.astype(str).str.strip().astype("str")
        elif codebook.has_column(c) and codebook.column(c).is_coded:
            s = out[c]
            if isinstance(s.dtype, pd.StringDtype):  # every cell text or missing: vectorised
                s = s.str.strip()
                s = s.astype(object).where(s.notna() & s.ne(""), None)
            elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
                s = s.astype(object).where(s.notna(), None)
                s = s.map(lambda v: v.strip() if isinstance(v, str) else v).replace("", None)
            out[c] = pd.to_numeric(s, errors="raise").astype("Int64")
    return out


def load_respondents(
    path: str | Path,
    *,
    year: int | None = None,
    ignore_columns: Iterable[str] = (),
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Read and validate a respondent file.

    Parameters
    ----------
    path : str or Path
        CSV (UTF-8; ``;`` or ``,`` as separator, detected from the header), Parquet, or
        SPSS ``.sav`` (numeric codes are read, not value labels; SPSS user-missing values
        become empty).
    year : int, optional
        Measurement year the file must have; every row's ``year`` must equal it.
    ignore_columns : iterable of str
        Columns that are allowed although they are not in the codebook; they are kept
        unchanged in the result.
    codebook : Codebook, optional
        Defaults to the shipped ``data/codebook.yaml``.

    Returns
    -------
    pandas.DataFrame
        One row per respondent in file order (RangeIndex): ``resp_id`` (str), ``year`` and
        every coded column as ``Int64`` (empty = not asked or not answered), in the column
        order of the file.

    Raises
    ------
    RespondentFileError
        If the file cannot be read or any check of :mod:`barometer.data.validation` fails; the
        error lists every problem. No frame is returned in that case.

    Notes
    -----
    Row numbers in the error message are the line numbers of a CSV file (line 1 is the
    header, the first respondent is on line 2), and 1-based respondent rows for Parquet
    and SPSS files; the message states the convention.
    """
    cb = codebook if codebook is not None else load_codebook()
    df, problems = read_raw(path)
    if df is None:
        raise RespondentFileError(path, problems)
    problems = problems + validate(df, cb, path, year=year, ignore_columns=ignore_columns)
    if problems:
        raise RespondentFileError(path, problems)
    return _typed(df, cb)
