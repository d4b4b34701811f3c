"""The editions file: one entry per measurement year (``data/editions.yaml``).

A new edition needs, besides its respondent file, an entry in the editions file (label,
period, fieldwork, response rate). The file's location can be overridden, so that a test
or a trial run can add a year without changing the repository:

* the environment variable ``BAROMETER_EDITIONS`` (a path), or
* ``barometer build --editions PATH``, which sets that variable for the build and for the
  kernels that execute the chapters.

Everything that reads editions (``barometer.edition``, ``barometer.validation``,
``barometer.build``) goes through :func:`editions_file`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from barometer import paths

__all__ = ["ENV_VAR", "editions_file", "load_editions", "edition_entry", "EditionsError"]

#: Environment variable that points to another editions file.
ENV_VAR = "BAROMETER_EDITIONS"


class EditionsError(KeyError):
    """A year has no entry in the editions file, or the file cannot be read."""

    def __str__(self) -> str:  # KeyError quotes its message; show it plainly
        return str(self.args[0]) if self.args else ""


def editions_file() -> Path:
    """The editions file in use: ``$BAROMETER_EDITIONS`` if set, else ``data/editions.yaml``."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override).expanduser().resolve() if override else paths.EDITIONS


def load_editions(path: Path | None = None) -> dict[int, dict[str, Any]]:
    """All entries of the editions file, keyed by year (int).

    Raises
    ------
    EditionsError
        If the file does not exist, is not valid YAML or is not a mapping of years.
    """
    path = Path(path) if path is not None else editions_file()
    if not path.is_file():
        raise EditionsError(f"Editions file {path} does not exist.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise EditionsError(f"Editions file {path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not all(str(k).isdigit() for k in raw):
        raise EditionsError(f"Editions file {path} must be a mapping of years to entries.")
    return {int(k): dict(v or {}) for k, v in raw.items()}


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
