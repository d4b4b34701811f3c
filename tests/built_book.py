"""A built 2025 edition for the tests that need one (accessibility, workbook, PDF, search).

``built_book()`` builds the book once with :func:`barometer.book.build.build` in a copy of the
book's sources under ``_build/test-book/<hash>/`` (so it never touches the real
``_build/stage`` or ``_build/html`` of a concurrent ``barometer build``) and returns the
paths. The hash covers everything a build reads (configuration, pages, chapters, package
source, data), so a second test file, a second xdist worker or a rerun reuses the same
build; a file lock makes concurrent workers wait for one build instead of running two.
"""

from __future__ import annotations

import fcntl
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from barometer.data import paths

__all__ = ["BuiltBook", "assert_no_warnings", "built_book"]

_SOURCES = ("_config.yml", "_toc.yml", "index.md")
_SOURCE_DIRS = ("chapters", "_static", "_templates")
_HASHED_DIRS = ("chapters", "_static", "_templates", "templates", "src", "data")
_SKIP = {"_figures", "_downloads", "__pycache__", ".ipynb_checkpoints"}


@dataclass(frozen=True)
class BuiltBook:
    """Where a test build lives: the project copy, its executed stage and its HTML."""

    project: Path
    stage: Path
    html: Path


def _files(folder: Path):
    for f in sorted(folder.rglob("*")):
        if f.is_file() and not (_SKIP & set(f.relative_to(folder).parts)):
            yield f


def _sources_hash(root: Path) -> str:
    h = hashlib.sha256()
    for name in _SOURCES:
        if (root / name).is_file():
            h.update(name.encode() + (root / name).read_bytes())
    for d in _HASHED_DIRS:
        if (root / d).is_dir():
            for f in _files(root / d):
                h.update(str(f.relative_to(root)).encode() + f.read_bytes())
    return h.hexdigest()[:16]


def built_book(year: int = 2025) -> BuiltBook:
    """Build (or reuse) the edition ``year`` on the shipped data; return its paths.

    Raises
    ------
    barometer.book.build.BuildError
        If the book does not build (the message names the chapter and cell).
    """
    from barometer.book.build import build

    root = paths.ROOT
    cache = paths.BUILD / "test-book"
    cache.mkdir(parents=True, exist_ok=True)
    key = _sources_hash(root)
    where = cache / f"{year}-{key}"
    result = BuiltBook(where / "project", where / "project" / "_build" / "stage" / str(year),
                       where / "html")
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if (result.html / "index.html").is_file() and (where / "done").is_file():
                return result
            for old in cache.iterdir():  # one cached build at a time
                if old.is_dir() and old.name.startswith(f"{year}-"):
                    shutil.rmtree(old, ignore_errors=True)
            project = result.project
            project.mkdir(parents=True)
            for name in _SOURCES:
                shutil.copy2(root / name, project / name)
            for d in _SOURCE_DIRS:
                if (root / d).is_dir():
                    shutil.copytree(root / d, project / d,
                                    ignore=shutil.ignore_patterns(*_SKIP))
            build(year=year, project=project, out=result.html, echo=lambda s: None)
            (where / "done").write_text("ok\n")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return result


_WARNING = re.compile(r"\b(WARNING|ERROR)\b")


def assert_no_warnings(stage: Path) -> None:
    """Fail when the jupyter-book log of a staged edition holds a warning or an error."""
    log = Path(stage) / "jupyter-book.log"
    assert log.is_file(), f"{log} is missing: the edition was not rendered"
    found = [line for line in log.read_text(encoding="utf-8").splitlines() if _WARNING.search(line)]
    assert not found, f"{log}:\n" + "\n".join(found[:20])
