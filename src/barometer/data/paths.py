"""Every path of the project, resolved from the package (no assumptions about the cwd).

The package lives in ``src/barometer`` of the repository, and is installed editable
(``pip install -e .``), so the repository root is two levels above this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

__all__ = [
    "ROOT",
    "DATA",
    "PUBLISHED",
    "EXTERNAL",
    "CHAPTERS",
    "TESTS",
    "BUILD",
    "CODEBOOK",
    "EDITIONS",
    "CONFIG",
    "TOC",
    "RESPONDENT_SUFFIXES",
    "respondent_file",
    "sidecar",
    "html_dir",
    "read_once",
]

ROOT: Path = Path(__file__).resolve().parents[3]
DATA: Path = ROOT / "data"
PUBLISHED: Path = DATA / "published"
EXTERNAL: Path = DATA / "external"
CHAPTERS: Path = ROOT / "chapters"
TESTS: Path = ROOT / "tests"
BUILD: Path = ROOT / "_build"
CODEBOOK: Path = DATA / "codebook.yaml"
EDITIONS: Path = DATA / "editions.yaml"
CONFIG: Path = ROOT / "_config.yml"
TOC: Path = ROOT / "_toc.yml"

#: File types a respondent file may have, in the order the loader documents them.
RESPONDENT_SUFFIXES: tuple[str, ...] = (".csv", ".parquet", ".sav")


def respondent_file(year: int, data_dir: Path | None = None) -> Path:
    """Return the respondent file of one measurement year.

    Parameters
    ----------
    year : int
        Measurement year, e.g. ``2025``.
    data_dir : Path, optional
        Folder to look in; defaults to :data:`DATA`.

    Returns
    -------
    Path
        The single file ``respondents-<year>*.{csv,parquet,sav}`` in ``data_dir``
        (e.g. ``data/respondents-2025-synthetic.csv``).

    Raises
    ------
    FileNotFoundError
        If there is no such file, or more than one (then pass the file explicitly,
        e.g. ``barometer build --data PATH``).
    """
    folder = Path(data_dir) if data_dir is not None else DATA
    found = sorted(
        p
        for p in folder.glob(f"respondents-{year}*")
        if p.is_file() and p.suffix.lower() in RESPONDENT_SUFFIXES
    )
    if not found:
        raise FileNotFoundError(
            f"No respondent file for {year} in {folder}: expected "
            f"respondents-{year}*.csv, .parquet or .sav."
        )
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise FileNotFoundError(
            f"More than one respondent file for {year} in {folder} ({names}): "
            "choose one explicitly (barometer build --data PATH)."
        )
    return found[0]


def sidecar(path: Path) -> Path:
    """Return the provenance sidecar of a data file: ``<file>.meta.yaml`` beside it."""
    path = Path(path)
    return path.with_name(path.name + ".meta.yaml")


def html_dir(year: int) -> Path:
    """Folder of the finished HTML of one edition: ``_build/html/<year>``."""
    return BUILD / "html" / str(year)


_T = TypeVar("_T")
#: Values read by :func:`read_once`, by reader, its arguments and the file's version.
_READ: dict[tuple, Any] = {}


def read_once(path: Path, read: Callable[..., _T], *args: Any) -> _T:
    """``read(*args)``, computed once per version of the file ``path`` (its path, modification
    time and size): an edited file is read again. The value is shared between callers (a caller
    that changes it copies it first).

    Raises
    ------
    OSError
        When ``path`` cannot be inspected (a missing file).
    """
    st = Path(path).stat()
    key = (read, args, str(path), st.st_mtime_ns, st.st_size)
    if key not in _READ:
        _READ[key] = read(*args)
    return _READ[key]
