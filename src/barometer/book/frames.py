"""Validated respondent frames, validated once per build and handed to every chapter.

Validating and deriving a respondent file takes seconds; a build runs a dozen chapters,
each of which needs the same frames. :func:`barometer.book.build.build` therefore validates the
edition's file and those of its comparison years once (:func:`store_frame`, which calls
:func:`barometer.data.respondents.load_respondents` and :func:`barometer.data.derive.add_derived`
as they are) and writes the result as a pickle under ``_build/frames/<key>.pkl``. It sets
:data:`ENV_VAR` to that folder for the chapters' kernels; :meth:`barometer.book.edition.Edition.open`
then loads the frame with :func:`validated_frame` in milliseconds.

The key (:func:`frame_key`) is a SHA-256 over everything that can change the frame: the
respondent file's bytes and its sidecar, every file under ``data/`` (codebook, editions,
registers), the editions file in use, the package sources, ``requirements.txt``, Python's
version and the measurement year. A frame whose inputs changed therefore has another key
and is never found: the chapter validates the file itself, exactly as before. Without
:data:`ENV_VAR` (a researcher running a chapter alone, nbval) nothing is read or written:
``Edition.open`` validates and derives the file itself.

The parameters cell of the chapters (``year``, ``comparison_years``, ``data_path``,
``min_base``) is unchanged: the hand-off is an internal lookup keyed on the data's content.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

__all__ = ["ENV_VAR", "FRAME_VERSION", "frame_key", "frame_path", "load_and_derive",
           "shared_result", "store_frame", "validated_frame"]

#: Environment variable naming the folder of validated frames (set by the build).
ENV_VAR = "BAROMETER_FRAMES"
#: Bump when the layout of a stored frame changes.
FRAME_VERSION = "1"
#: Stored frames kept per year (older ones, e.g. of earlier package sources, are removed).
KEEP_PER_YEAR = 6


def frame_key(path: Path, year: int) -> str:
    """Content hash of everything a validated, derived frame of ``path`` depends on."""
    from barometer.book.cache import data_hash, source_hash

    editions = os.environ.get("BAROMETER_EDITIONS")
    payload = "\0".join([
        FRAME_VERSION,
        str(int(year)),
        data_hash([Path(path)], editions=Path(editions) if editions else None),
        source_hash(),
    ])
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def frame_path(folder: Path, path: Path, year: int) -> Path:
    """Where the frame of ``path`` for ``year`` is stored in ``folder``."""
    return Path(folder) / f"{int(year)}-{frame_key(path, year)}.pkl"


def load_and_derive(path: Path, year: int):
    """Validate ``path`` with the project's loader and add the derived variables."""
    from barometer.data.derive import add_derived
    from barometer.data.respondents import load_respondents

    return add_derived(load_respondents(path, year=int(year)))


def _write_pickle(target: Path, value) -> None:
    """Pickle ``value`` to a temporary name beside ``target`` and rename it: a reader never sees
    half a file, and a failed write leaves no temporary file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".pickle-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def store_frame(folder: Path, path: Path, year: int) -> Path:
    """Validate and derive ``path`` once and store the frame in ``folder``; return its file.

    An existing frame with the same key is reused (its inputs are byte for byte the same).
    The file is written to a temporary name and renamed, so a reader never sees half a
    frame. Errors of the loader propagate unchanged.
    """
    folder = Path(folder)
    target = frame_path(folder, path, year)
    if target.is_file():
        return target
    _write_pickle(target, load_and_derive(path, year))
    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:  # removed meanwhile by another build
            return 0.0

    for stale in sorted(folder.glob(f"{int(year)}-*.pkl"), key=mtime, reverse=True)[KEEP_PER_YEAR:]:
        stale.unlink(missing_ok=True)
    return target


def validated_frame(path: Path, year: int):
    """The validated, derived frame of ``path``: from the build's hand-off when it has one
    (:data:`ENV_VAR` set and a frame with the same content key stored), else validated and
    derived here."""
    folder = os.environ.get(ENV_VAR)
    if folder:
        stored = frame_path(Path(folder), path, year)
        if stored.is_file():
            with open(stored, "rb") as fh:
                return pickle.load(fh)
    return load_and_derive(path, year)


def shared_result(key: str, compute):
    """``compute()``, shared by the kernels of one build through the frames folder.

    The result is stored in ``<folder>/shared/`` under a hash of ``key`` (a content hash of
    everything the result is computed from, given by the caller) and of the package sources,
    so that another kernel asking for the same result reads it (:func:`_write_pickle`: never
    half a file). Without :data:`ENV_VAR`, or when the folder cannot
    be written, the result is computed and nothing is stored. Used for the profile-likelihood
    and Firth intervals of the logistic models (:data:`barometer.analysis.models.SHARED_STORE`),
    which the claims and the chapter's own table of another worker fit alike.
    """
    from barometer.book.cache import source_hash

    folder = os.environ.get(ENV_VAR)
    if not folder:
        return compute()
    path = Path(folder) / "shared" / f"{hashlib.sha256((source_hash() + key).encode()).hexdigest()[:40]}.pkl"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    value = compute()
    try:
        _write_pickle(path, value)
    except OSError:
        pass
    return value
