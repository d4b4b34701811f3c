"""Shared test fixtures: small, consistent respondent frames built from the codebook.

Use the fixtures (``make_frame``, ``valid_frame``, ``write_file``) or import the plain
functions::

    from conftest import make_valid_frame, write_respondent_file

``make_valid_frame`` follows the codebook only (columns of the year, codes, routing,
exclusive options, minimum mentions), so it stays valid when the codebook changes and can
be used by any module's tests. It is deterministic (no random numbers).

At the start of the session (:func:`pytest_configure`) the shipped respondent files are
validated and derived once, as a build does (:mod:`barometer.book.frames`), and
``$BAROMETER_FRAMES`` points every ``Edition.open`` of the session, and the kernels nbval
starts for the chapters, at those frames. The frames are the loader's own result, keyed on
the files' content; a file whose content differs (every test file in ``tmp_path``) is
validated by ``Edition.open`` itself as before. The validation itself is tested in
``test_respondents.py``/``test_validation.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from barometer.data.codebook import Codebook, load_codebook


def pytest_configure(config) -> None:
    """Validate the shipped respondent files once for the whole session (see above)."""
    from barometer.data import paths
    from barometer.book.frames import ENV_VAR, store_frame

    folder = Path(os.environ.setdefault(ENV_VAR, str(paths.BUILD / "test-frames")))
    for year in (2021, 2025):
        try:
            data = paths.respondent_file(year).resolve()
        except FileNotFoundError:
            continue
        try:
            store_frame(folder, data, year)
        except Exception:  # noqa: BLE001 - the tests that load this file report the error
            continue


def make_valid_frame(
    n: int = 12, year: int = 2025, codebook: Codebook | None = None
) -> pd.DataFrame:
    """Build a small respondent frame that passes every validation check.

    Parameters
    ----------
    n : int
        Number of respondents. With ``n >= 10`` every sector, innovators and
        non-innovators, adopters, collaborators and non-collaborators, exclusive answers
        ('weet niet', 'geen'), all three climate clusters and (in 2025) failed attempts
        occur; with ``n >= 16`` both Rijk subtypes (rows 7 and 16).
    year : int
        Measurement year; the frame has exactly the codebook's columns of that year.
    codebook : Codebook, optional
        Defaults to the shipped codebook.

    Returns
    -------
    pandas.DataFrame
        ``resp_id`` (str, ``SYN0001`` ...), ``year`` and every coded column as ``Int64``,
        in codebook order. Answers cycle through the codes of each column; questions a
        respondent was not asked (routing) are empty.
    """
    cb = codebook if codebook is not None else load_codebook()
    idx = np.arange(n)
    data: dict[str, pd.Series] = {}
    frame = pd.DataFrame(index=pd.RangeIndex(n))
    for q_number, (q, var) in enumerate(cb.variables.items()):
        if year not in var.years:
            continue
        if var.type == "id":
            frame[q] = pd.Series([f"SYN{i + 1:04d}" for i in idx], dtype="str")
            continue
        if q == cb.year_column:
            frame[q] = pd.Series(year, index=frame.index, dtype="Int64")
            continue
        asked = cb.routing_mask(frame, q).to_numpy()
        items = cb.items(q, year)
        if var.type == "multiple":
            exclusive = [c for c in var.exclusive if c in items]
            regular = [c for c in items if c not in exclusive]
            values = np.zeros((n, len(items)), dtype=float)
            for i in idx:
                if exclusive and i % 5 == 4:
                    values[i, items.index(exclusive[(i // 5) % len(exclusive)])] = 1
                else:
                    for j in range(1 + i % 3):
                        values[i, items.index(regular[(i + j) % len(regular)])] = 1
            values[~asked] = np.nan
            for k, c in enumerate(items):
                frame[c] = pd.array(values[:, k], dtype="Float64").astype("Int64")
            continue
        codes = sorted(var.codes)
        for k, c in enumerate(items):
            if var.type == "likert":  # items of a row close together: scale scores vary
                vals = np.array([codes[(i + k % 2) % len(codes)] for i in idx], dtype=float)
            else:
                offset = q_number + 2 * k
                vals = np.array([codes[(i + offset) % len(codes)] for i in idx], dtype=float)
            if q == "sector":  # make sure the Rijksoverheid (routing of rijk_subtype) occurs
                vals = np.array([codes[i % len(codes)] for i in idx], dtype=float)
            vals[~asked] = np.nan
            frame[c] = pd.array(vals, dtype="Float64").astype("Int64")
    return frame[cb.columns(year)]


def write_respondent_file(
    df: pd.DataFrame, path: Path, *, sep: str = ",", codebook: Codebook | None = None
) -> Path:
    """Write a respondent frame as CSV (UTF-8), Parquet or SPSS ``.sav`` (by suffix).

    The ``.sav`` gets the codebook's value labels and Dutch item labels, like a survey
    bureau's delivery. Returns ``path``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        df.to_csv(path, index=False, sep=sep, encoding="utf-8")
    elif suffix == ".parquet":
        df.to_parquet(path, index=False)
    elif suffix == ".sav":
        import pyreadstat

        cb = codebook if codebook is not None else load_codebook()
        out = df.copy()
        for c in out.columns:
            if pd.api.types.is_numeric_dtype(out[c].dtype):
                out[c] = out[c].astype("Float64").astype(float)
            else:
                out[c] = out[c].astype(object)
        known = [c for c in out.columns if cb.has_column(c) and cb.column(c).is_coded]
        pyreadstat.write_sav(
            out,
            str(path),
            column_labels={c: cb.label(c)[:250] for c in known},
            variable_value_labels={
                c: {float(k): v for k, v in cb.labels(c).items()} for c in known
            },
        )
    else:
        raise ValueError(f"cannot write {path}: suffix must be .csv, .parquet or .sav")
    return path


@pytest.fixture
def make_frame():
    """The function :func:`make_valid_frame` (call it with ``n``, ``year``)."""
    return make_valid_frame


@pytest.fixture
def valid_frame() -> pd.DataFrame:
    """A valid 2025 respondent frame of 12 respondents."""
    return make_valid_frame(12, 2025)


@pytest.fixture
def write_file():
    """The function :func:`write_respondent_file`."""
    return write_respondent_file


def edition_of(frames: dict[int, pd.DataFrame], year: int = 2025, min_base: int = 5):
    """An :class:`~barometer.book.edition.Edition` over hand-built frames (comparison years: the
    earlier years among ``frames``), for exhibit tests that do not read files."""
    from pathlib import Path

    from barometer.book.edition import Edition

    comps = tuple(sorted(y for y in frames if y < year))
    return Edition(year, comps, Path("x.csv"), min_base, frames)


@pytest.fixture
def glued(monkeypatch, tmp_path):
    """Record what the exhibits glue (instead of calling myst-nb) and work in a tmp dir,
    where exhibits write their figures and downloads."""
    from barometer.presentation import glue

    store: dict[str, str] = {}

    def fake(key, text, display=False):
        assert isinstance(text, str), f"{key} glued as {type(text).__name__}"
        store[key] = text
        return text

    monkeypatch.setattr(glue, "_glue", fake)
    monkeypatch.chdir(tmp_path)
    return store


# ----------------------------------------------------------------------------- exhibit tests
@pytest.fixture(scope="module")
def shipped():
    """The shipped 2025 edition compared with 2021 (one per test module; a module may override it)."""
    from barometer.book.edition import Edition

    return Edition.open(2025, [2021])


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in a fresh folder: the exhibits write their ``_figures/`` and ``_downloads/`` there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _print_checks_of_this_test_only():
    """An edition a test opens registers, for its year, whether its data give the printed
    figures (``exhibit.check_print_with``); that holds for this test only, so that a hand-built
    or generated edition does not decide for the shipped one in a later test of the process."""
    from barometer.presentation import exhibit

    before = dict(exhibit._PRINT_CHECKS)
    yield
    exhibit._PRINT_CHECKS.clear()
    exhibit._PRINT_CHECKS.update(before)


@pytest.fixture(autouse=True)
def _a_new_edition_per_test():
    """Inside a build, ``Edition.open`` gives the same edition object for the same inputs (the
    warm kernel's chapters share what is computed per edition, ``barometer.book.edition``). A
    test that changes module state (a table's question, a policy) and opens the edition again
    expects what a new kernel computes: each test starts without an edition to reuse."""
    from barometer.book import edition

    edition._OPENED.clear()
    yield
    edition._OPENED.clear()
