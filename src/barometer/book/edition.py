"""The edition a chapter is rendered for: its year, data and comparison years.

Every chapter notebook starts with the same ``parameters`` cell (``year``,
``comparison_years``, ``data_path``, ``min_base``) and then, in a hidden setup cell,
``ed = Edition.open(year, comparison_years, data_path, min_base)``. Exhibit functions
in ``barometer.chapters`` take that object, so a chapter never loads or reshapes data.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

__all__ = ["Edition", "edition_metadata", "available_years", "respondent_file"]

from barometer.data.paths import DATA as _DATA
from barometer.data.paths import ROOT as _ROOT
from barometer.data.paths import respondent_file, sidecar


def edition_metadata(year: int) -> dict[str, Any]:
    """Return the entry for ``year`` in ``data/editions.yaml``.

    Raises
    ------
    KeyError
        When the year has no entry; the message says which file to extend.
    """
    from barometer.data.editions import edition_entry  # honours $BAROMETER_EDITIONS

    return edition_entry(year)


def available_years() -> list[int]:
    """Years that have both an entry in ``editions.yaml`` and a respondent file."""
    from barometer.data.editions import load_editions  # honours $BAROMETER_EDITIONS

    meta = load_editions()
    years = []
    for y in sorted(meta):
        try:
            respondent_file(y)
        except FileNotFoundError:
            continue
        years.append(int(y))
    return years


def _sidecar(path: Path) -> dict[str, Any]:
    side = sidecar(path)
    if side.exists():
        return yaml.safe_load(side.read_text(encoding="utf-8")) or {}
    return {}


def _fingerprint(frame: pd.DataFrame) -> str:
    """Content hash of a frame: its columns, types, index and every value."""
    h = hashlib.sha256(repr((list(frame.columns), [str(t) for t in frame.dtypes])).encode())
    h.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    return h.hexdigest()


#: The edition opened last in this process inside a build, by :func:`_reuse_key`.
_OPENED: dict[tuple, "Edition"] = {}


def _reuse_key(files: dict[int, Path], comps: tuple[int, ...], min_base: int) -> tuple | None:
    """What makes two :meth:`Edition.open` calls the same edition inside a build: the content
    keys of the respondent files' validated frames (file bytes, sidecar, ``data/``, package
    sources, editions file), the comparison years and the threshold. None outside a build (no
    hand-off of frames, :mod:`barometer.book.frames`): every call then loads its own frames.

    A build's warm kernel (:mod:`barometer.book.warm`) runs chapter after chapter of one
    edition: with the same object, what the package computes once per edition object (the
    edition-wide secondary suppression, claims, tidy frames, checks of the printed figures)
    is computed once per kernel instead of once per chapter. A chapter that changed the
    frames in place makes the next open load them again (:meth:`Edition._pristine`).
    """
    import os

    from barometer.book.frames import ENV_VAR, frame_key

    if not os.environ.get(ENV_VAR):
        return None
    return (tuple((y, str(Path(p).resolve()), frame_key(p, y)) for y, p in sorted(files.items())),
            comps, int(min_base), os.environ.get(ENV_VAR), os.environ.get("BAROMETER_EDITIONS"))


@dataclass(frozen=True)
class Edition:
    """Data and settings of one edition, as the chapters see them.

    Attributes
    ----------
    year : int
        Measurement year of the edition (e.g. 2025).
    comparison_years : tuple of int
        Earlier measurement years to compare with; years without data are dropped.
    data_path : Path
        Respondent file of ``year``.
    min_base : int
        Smallest base for which a figure is shown (smaller: ``#``).
    frames : dict
        Validated respondent frames with derived variables, keyed by year.
    """

    year: int
    comparison_years: tuple[int, ...]
    data_path: Path
    min_base: int
    frames: dict[int, pd.DataFrame] = field(repr=False)

    def __post_init__(self) -> None:
        self._register()
        self._fingerprints.update({int(y): _fingerprint(f) for y, f in self.frames.items()})

    def _register(self) -> None:
        # Downloads and sidecars of this process's exhibits carry this edition's year,
        # threshold (disclosure policy) and synthetic-data notice.
        from barometer.presentation.exhibit import check_print_with, use_edition
        from barometer.data.paths import sidecar

        meta = sidecar(Path(self.data_path))
        synthetic = meta.is_file() and "synthetic: true" in meta.read_text(encoding="utf-8")
        use_edition(self.year, self.min_base, synthetic)
        check_print_with(self.year, self.reproduces_print)

    @cached_property
    def _fingerprints(self) -> dict[Any, str]:
        return {}

    def _pristine(self) -> bool:
        """Whether the frames (and ``all_years``, once made) are as they were loaded: no
        chapter changed them in place."""
        frames: dict[Any, pd.DataFrame] = {int(y): f for y, f in self.frames.items()}
        if "all_years" in self.__dict__:
            frames["all_years"] = self.__dict__["all_years"]
        return set(frames) == set(self._fingerprints) and all(
            _fingerprint(f) == self._fingerprints[k] for k, f in frames.items())

    @classmethod
    def open(
        cls,
        year: int | None = None,
        comparison_years: list[int] | tuple[int, ...] | None = None,
        data_path: str | Path | None = None,
        min_base: int = 5,
    ) -> "Edition":
        """Load and validate the edition's data and that of its comparison years.

        Inside a build, the frames the build validated once are loaded from its hand-off
        (:mod:`barometer.book.frames`, keyed on the files' content); otherwise each file is
        validated and derived here.

        Parameters
        ----------
        year : int, optional
            Measurement year; default the newest edition of the editions metadata
            (:func:`barometer.data.editions.newest_year`).
        comparison_years : sequence of int, optional
            Earlier years to compare with; default every edition of the editions metadata
            before ``year``. An empty sequence compares with none. Years without a
            respondent file are dropped.
        data_path : str or Path, optional
            Respondent file of ``year``; default the file of that year in ``data/``.
        min_base : int, default 5
            Smallest base for which a figure is shown.
        """
        from barometer.book.frames import validated_frame
        from barometer.data.editions import load_editions, newest_year

        if year is None:
            year = newest_year()
        if comparison_years is None:
            comparison_years = [y for y in sorted(load_editions()) if int(y) < int(year)]
        path = Path(data_path) if data_path else respondent_file(year)
        if not path.is_absolute() and not path.exists():
            path = _ROOT / path
        if not path.exists() and (_ROOT / "chapters" / path).exists():
            path = _ROOT / "chapters" / path
        files = {int(year): path}
        for cy in comparison_years or ():
            cy = int(cy)
            if cy >= int(year):
                continue
            try:
                files[cy] = respondent_file(cy)
            except FileNotFoundError:
                continue
        comps = tuple(sorted(y for y in files if y != int(year)))
        key = _reuse_key(files, comps, int(min_base))
        if key is not None:  # inside a build: the kernels share fitted intervals (barometer.book.frames)
            from barometer.analysis import models
            from barometer.book.frames import shared_result

            models.SHARED_STORE = shared_result
        hit = _OPENED.get(key) if key is not None else None
        if hit is not None and hit._pristine():
            hit._register()
            return hit
        frames = {y: validated_frame(p, y) for y, p in files.items()}
        ed = cls(int(year), comps, path.resolve(), int(min_base), frames)
        if key is not None:
            _OPENED.clear()  # one edition per kernel: a build runs one edition
            _OPENED[key] = ed
        return ed

    @property
    def df(self) -> pd.DataFrame:
        """Respondents of the edition's own year (derived variables included)."""
        return self.frames[self.year]

    @cached_property
    def all_years(self) -> pd.DataFrame:
        """Respondents of the edition and its comparison years, stacked."""
        stacked = pd.concat([self.frames[y] for y in sorted(self.frames)], ignore_index=True)
        self._fingerprints["all_years"] = _fingerprint(stacked)
        return stacked

    @property
    def previous_year(self) -> int | None:
        """The most recent comparison year, or None when there is none."""
        return self.comparison_years[-1] if self.comparison_years else None

    @cached_property
    def meta(self) -> dict[str, Any]:
        """Entry of ``data/editions.yaml`` for the edition's year."""
        return edition_metadata(self.year)

    @cached_property
    def provenance(self) -> dict[str, Any]:
        """Sidecar of the respondent file (``synthetic``, generator, seed, ...)."""
        return _sidecar(self.data_path)

    @property
    def synthetic(self) -> bool:
        """True when the respondent file's sidecar says it is synthetic."""
        return bool(self.provenance.get("synthetic", False))

    @cached_property
    def _printed_checks(self) -> dict[str, bool]:
        return {}

    def reproduces_print(self, report_id: str) -> bool:
        """Whether this edition's respondent files give every figure the printed report published
        in the exhibit ``report_id`` (e.g. ``"Tabel B1-8"``, ``"Figuur 2-22"``).

        The disclosure policy keeps an exhibit of the report as printed
        (``published_as_is`` in ``data/disclosure.yaml``) only then: the cells it shows are the
        report's own. A file that gives other figures (another or a generated file with the
        report's year) gets the whole rule. Rows the published-figures register marks as a
        recorded conflict, or as not computable from microdata, do not count against it; an
        exhibit without published rows is not the report's (False). Checked once per exhibit
        and edition object.
        """
        rid = str(report_id).strip()
        hit = self._printed_checks.get(rid)
        if hit is None:
            from barometer.presentation.published import check_figures, read_figures

            figures = read_figures()
            figures = figures[figures["source"].astype(str).str.strip() == rid]
            years = [y for y in self.frames if y in set(figures["year"].astype(int))]
            if figures.empty or not years:
                hit = False
            else:
                checked = check_figures(self.all_years, figures, years=years)
                hit = not bool((checked["status"] == "mismatch").any())
            self._printed_checks[rid] = hit
        return hit
