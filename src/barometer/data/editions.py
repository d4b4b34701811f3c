"""The editions file: one entry per measurement year (``data/editions.yaml``).

A new edition needs, besides its respondent file, an entry in the editions file (label,
period, fieldwork, response rate). The file's location can be overridden, so that a test
or a trial run can add a year without changing the repository:

* the environment variable ``BAROMETER_EDITIONS`` (a path), or
* ``barometer build --editions PATH``, which sets that variable for the build and for the
  kernels that execute the chapters.

Everything that reads editions (``barometer.book.edition``, ``barometer.data.validation``,
``barometer.book.build``) goes through :func:`editions_file`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from barometer.data import paths

__all__ = [
    "ENV_VAR",
    "editions_file",
    "editions_for_codebook",
    "load_editions",
    "edition_entry",
    "newest_year",
    "EditionsError",
]

#: Environment variable that points to another editions file.
ENV_VAR = "BAROMETER_EDITIONS"


class EditionsError(KeyError):
    """A year has no entry in the editions file, or the file cannot be read or is invalid.

    Attributes
    ----------
    problems : list of barometer.data.schema.SpecProblem
        For an invalid file: every problem (YAML path, line, Dutch message).
    """

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = list(problems or [])

    def __str__(self) -> str:  # KeyError quotes its message; show it plainly
        return str(self.args[0]) if self.args else ""


def editions_file() -> Path:
    """The editions file in use: ``$BAROMETER_EDITIONS`` if set, else ``data/editions.yaml``."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override).expanduser().resolve() if override else paths.EDITIONS


def editions_for_codebook(codebook: Path) -> Path | None:
    """The editions file a codebook's years are checked against.

    ``$BAROMETER_EDITIONS`` if set; otherwise the ``editions.yaml`` beside the codebook (for
    the shipped codebook: ``data/editions.yaml``); ``None`` for a codebook without one.
    """
    if os.environ.get(ENV_VAR, "").strip():
        return editions_file()
    beside = Path(codebook).resolve().parent / "editions.yaml"
    return beside if beside.exists() else None


def load_editions(path: Path | None = None) -> dict[int, dict[str, Any]]:
    """All entries of the editions file, keyed by year (int), validated.

    Every entry must follow :class:`barometer.data.schema.EditionEntry` (label, period,
    period_start, period_end, fieldwork, published, source; optional invited and
    response_rate; no other keys).

    Returns
    -------
    dict
        Year -> the entry as written in the file.

    Raises
    ------
    EditionsError
        If the file does not exist, is not valid YAML, or an entry does not follow the model;
        the Dutch message lists every problem with its line.
    """
    from barometer.data.schema import check_editions_document, format_spec_problems, read_yaml

    path = Path(path) if path is not None else editions_file()
    if path.is_dir():
        raise EditionsError(f"Het edities-bestand {path} is een map, geen bestand.")
    if not path.is_file():
        raise EditionsError(f"Het edities-bestand {path} bestaat niet.")
    doc = read_yaml(path)
    entries, problems = check_editions_document(doc)
    if entries is None:
        raise EditionsError(format_spec_problems(path, "Het edities-bestand", problems),
                            problems)
    return {int(k): dict(v or {}) for k, v in (doc.data or {}).items()}


def newest_year(path: Path | None = None) -> int:
    """The newest measurement year of the editions file: the edition a command builds,
    serves, prints or audits when no ``--year`` is given."""
    return max(load_editions(path))


def edition_entry(year: int, path: Path | None = None) -> dict[str, Any]:
    """The entry of one year; a clear error naming the file when it is missing."""
    path = Path(path) if path is not None else editions_file()
    entries = load_editions(path)
    if int(year) not in entries:
        raise EditionsError(
            f"Meetjaar {year} staat niet in {path}: voeg daar een item '{year}:' toe met "
            "label, period, period_start, period_end, fieldwork, published, response_rate en "
            "source (zie de andere jaren in dat bestand)."
        )
    return entries[int(year)]
