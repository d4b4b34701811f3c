"""Content-hash cache of executed chapters (``_build/cache/``).

A chapter is executed again only when something it can depend on changed. Its key is the
SHA-256 of:

* what of the chapter notebook can change an output (:func:`notebook_digest`): the code
  cells (source and metadata, e.g. tags) and the notebook's kernel and language metadata,
  in order — not the Markdown (or raw) cells, which are never executed;
* the injected parameters (year, comparison years, data path, min_base);
* the respondent file of the edition and its sidecar (content, not the path's mtime);
* every file under ``data/`` (respondent files of the comparison years, codebook, editions,
  registers, published and external figures, case catalogue, sidecars);
* the editions file in use (``$BAROMETER_EDITIONS`` may point outside ``data/``);
* the package sources: every file under ``src/barometer/`` (``*.py``, ``*.yaml``, ...);
* ``requirements.txt`` and the Python version (a new pandas may print numbers differently).

A cache entry is a folder ``_build/cache/<chapter>/<key>/`` holding the executed, cleaned
notebook (``notebook.ipynb``) and what the chapter wrote next to itself while it ran
(``_figures/``, ``_downloads/``). A prose-only edit (Markdown cells only) keeps the key: the stored run is restored with
:func:`merge_prose`, which puts the edited Markdown cells of the source notebook between the
stored code cells and their outputs, so no chapter is executed and the book is rendered with
the new prose. Entries are written to a temporary folder and renamed into
place, so an interrupted run leaves no half entry. Only successful runs are stored; older
entries of a chapter beyond :data:`KEEP_PER_CHAPTER` are pruned (oldest first), which leaves
room for several editions side by side.

The render step has its own stamp (see :func:`tree_hash`): a hash of the whole staged book
(every file) stored with the HTML, so a rebuild where nothing changed skips Jupyter Book.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Iterable

from barometer.data import paths

__all__ = [
    "KEEP_PER_CHAPTER",
    "CACHE_VERSION",
    "file_digest",
    "tree_hash",
    "source_hash",
    "data_hash",
    "chapter_key",
    "notebook_digest",
    "merge_prose",
    "ChapterCache",
]

#: Cached runs kept per chapter (several editions and a few recent states).
KEEP_PER_CHAPTER = 6
#: Bump to invalidate every cache entry when the layout of an entry changes.
CACHE_VERSION = "2"
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache"}


def file_digest(path: Path) -> str:
    """SHA-256 of one file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _files(root: Path, exclude: Iterable[str] = ()) -> list[Path]:
    skip = set(exclude)
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or _SKIP_PARTS & set(rel.parts) or rel.as_posix() in skip:
            continue
        if p.suffix in {".pyc", ".pyo"}:
            continue
        out.append(p)
    return out


def tree_hash(root: Path, exclude: Iterable[str] = ()) -> str:
    """SHA-256 over every file under ``root`` (relative path and content), in sorted order."""
    root = Path(root)
    h = hashlib.sha256()
    if root.is_dir():
        for p in _files(root, exclude):
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(file_digest(p).encode() + b"\n")
    return h.hexdigest()


def source_hash(package_dir: Path | None = None) -> str:
    """Hash of the package sources (``src/barometer/``), the requirements and Python's version."""
    package_dir = Path(package_dir) if package_dir is not None else Path(__file__).resolve().parents[1]
    h = hashlib.sha256(tree_hash(package_dir).encode())
    req = paths.ROOT / "requirements.txt"
    if req.is_file():
        h.update(file_digest(req).encode())
    h.update(sys.version.encode())
    return h.hexdigest()


def data_hash(data_files: Iterable[Path], data_dir: Path | None = None,
              editions: Path | None = None) -> str:
    """Hash of the data a chapter can read.

    ``data_files``: the edition's respondent file (and anything else passed explicitly);
    each file's sidecar is included when it exists. ``data_dir`` (default ``data/``) is
    hashed whole. ``editions``: the editions file in use.
    """
    h = hashlib.sha256()
    for f in data_files:
        f = Path(f)
        for p in (f, paths.sidecar(f)):
            if p.is_file():
                h.update(b"file\0" + file_digest(p).encode())
            else:
                h.update(b"missing\0" + p.name.encode())
    h.update(tree_hash(Path(data_dir) if data_dir is not None else paths.DATA).encode())
    if editions is not None and Path(editions).is_file():
        h.update(b"editions\0" + file_digest(Path(editions)).encode())
    return h.hexdigest()


#: Notebook-level metadata that can change how a chapter executes.
_EXEC_METADATA = ("kernelspec", "language_info")


def notebook_digest(notebook: Path) -> str:
    """Hash of what in a notebook can change its outputs: the code cells in order (source
    and metadata; not the cell ids) and the kernel/language metadata. Markdown and raw
    cells are left out: they are never executed."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    meta = nb.get("metadata", {})
    payload = {
        "nbformat": [nb.get("nbformat"), nb.get("nbformat_minor")],
        "metadata": {k: meta.get(k) for k in _EXEC_METADATA},
        "code": [[_source(c), c.get("metadata", {})] for c in nb.get("cells", [])
                 if c.get("cell_type") == "code"],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _is_injected(cell: dict) -> bool:
    return "injected-parameters" in cell.get("metadata", {}).get("tags", [])


def merge_prose(executed: dict, source: dict) -> dict:
    """The executed notebook with the Markdown and raw cells of ``source``.

    The code cells (with their outputs) and the notebook metadata come from ``executed``;
    the cells that are not code come from ``source``, in its order. Papermill's injected
    parameters cell stays right after the code cell it followed. ``executed`` and
    ``source`` must have the same code cells (as the cache key guarantees).

    Raises
    ------
    ValueError
        If the code cells of the two notebooks differ.
    """
    import copy

    code, injected_after = [], {}
    for cell in executed.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if _is_injected(cell):
            injected_after.setdefault(len(code) - 1, []).append(cell)
        else:
            code.append(cell)
    src_code = [c for c in source.get("cells", []) if c.get("cell_type") == "code"]
    if [_source(c) for c in code] != [_source(c) for c in src_code]:
        raise ValueError("the executed notebook's code cells differ from the source's")
    cells = list(injected_after.get(-1, []))
    i = 0
    for cell in source.get("cells", []):
        if cell.get("cell_type") == "code":
            cells.append(code[i])
            cells.extend(injected_after.get(i, []))
            i += 1
        else:
            cells.append(copy.deepcopy(cell))
    merged = dict(executed)
    merged["cells"] = cells
    return merged


def chapter_key(notebook: Path, parameters: dict, data_digest: str, source_digest: str) -> str:
    """The cache key of one chapter run (see :func:`notebook_digest` for the notebook)."""
    payload = {
        "version": CACHE_VERSION,
        "notebook": notebook_digest(Path(notebook)),
        "parameters": parameters,
        "data": data_digest,
        "source": source_digest,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


class ChapterCache:
    """Executed chapters by content hash, in ``root`` (``_build/cache/``)."""

    NOTEBOOK = "notebook.ipynb"

    def __init__(self, root: Path, keep: int = KEEP_PER_CHAPTER) -> None:
        self.root = Path(root)
        self.keep = keep

    @staticmethod
    def _slug(chapter: str) -> str:
        return chapter.replace("/", "__").removesuffix(".ipynb")

    def entry(self, chapter: str, key: str) -> Path:
        """Folder of one cache entry (may not exist)."""
        return self.root / self._slug(chapter) / key

    def lookup(self, chapter: str, key: str) -> Path | None:
        """The entry folder if a finished run with this key is stored, else None."""
        entry = self.entry(chapter, key)
        return entry if (entry / self.NOTEBOOK).is_file() else None

    def workdir(self, chapter: str) -> Path:
        """A fresh, empty folder to execute a chapter in (cwd of the kernel)."""
        work = self.root / ".work" / f"{self._slug(chapter)}-{os.getpid()}"
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        return work

    def store(self, chapter: str, key: str, work: Path) -> Path:
        """Move a finished work folder into place as the entry ``key``; prune old entries."""
        entry = self.entry(chapter, key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        if entry.exists():  # the same run finished twice (e.g. two builds at once)
            shutil.rmtree(work, ignore_errors=True)
        else:
            os.replace(work, entry)
        os.utime(entry)
        self._prune(entry.parent)
        return entry

    DURATIONS = "durations.json"

    def durations(self) -> dict[str, float]:
        """Seconds each chapter's last execution took (for scheduling; empty when unknown)."""
        try:
            data = json.loads((self.root / self.DURATIONS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): float(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def record_durations(self, seconds: dict[str, float]) -> None:
        """Remember how long chapters took (written to a temporary file, then renamed)."""
        if not seconds:
            return
        data = {**self.durations(), **{k: round(float(v), 2) for k, v in seconds.items()}}
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{self.DURATIONS}.{os.getpid()}"
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, self.root / self.DURATIONS)

    def touch(self, entry: Path) -> None:
        """Mark an entry as recently used (pruning removes the least recently used)."""
        try:
            os.utime(entry)
        except OSError:
            pass

    def _prune(self, chapter_dir: Path) -> None:
        entries = sorted((p for p in chapter_dir.iterdir() if p.is_dir()),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[self.keep:]:
            shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def restore(entry: Path, target_notebook: Path, source: Path | None = None) -> None:
        """Copy an entry into the staging folder: the notebook and its side files.

        With ``source`` (the chapter's source notebook), the Markdown cells come from it
        (:func:`merge_prose`), so a prose-only edit shows without executing the chapter.
        """
        target_notebook.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            shutil.copyfile(entry / ChapterCache.NOTEBOOK, target_notebook)
        else:
            executed = json.loads((entry / ChapterCache.NOTEBOOK).read_text(encoding="utf-8"))
            merged = merge_prose(executed, json.loads(Path(source).read_text(encoding="utf-8")))
            target_notebook.write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
        for sub in sorted(entry.iterdir()):
            if sub.is_dir():
                shutil.copytree(sub, target_notebook.parent / sub.name, dirs_exist_ok=True)
            elif sub.name != ChapterCache.NOTEBOOK:
                shutil.copyfile(sub, target_notebook.parent / sub.name)
