"""Build one edition of the book: validate → execute chapters → render → move into place.

``barometer build`` (see :mod:`barometer.book.cli`) calls :func:`build`. The steps:

1. **Edition**: the year needs an entry in the editions file (``data/editions.yaml``, or
   the file named by ``--editions`` / ``$BAROMETER_EDITIONS``); the comparison years are
   every earlier edition with a respondent file in ``data/``.
2. **Validate** the respondent file with :func:`barometer.data.respondents.load_respondents`
   (imported lazily, so that importing this module needs nothing else of the package).
3. **Stage**: copy the book's sources that are not notebooks (``_config.yml``, ``_toc.yml``,
   the Markdown pages, images) into ``_build/stage/<year>/``, and set the edition's title and
   the banner: which edition this is, links to the other built editions and, when the data
   file's sidecar says ``synthetic: true``, the synthetic-data notice.
4. **Execute** every notebook listed in ``_toc.yml`` with papermill, one process per chapter
   (``jobs`` at a time), injecting the parameters ``year``, ``comparison_years``,
   ``data_path`` and ``min_base``. The injected cell is tagged ``remove-cell`` and
   papermill's timing metadata is stripped. A chapter whose inputs are unchanged (same
   notebook, parameters, data, ``data/`` folder, package sources; see :mod:`barometer.book.cache`)
   is not executed: its earlier run is copied from ``_build/cache/``.
5. **Render** with ``jupyter-book build -W -n --keep-going`` — unless the staged book is
   byte for byte the one the current HTML was rendered from (the hash is stored in
   ``<html>/.barometer-render.sha256``); then rendering is skipped. Sphinx renders from a
   mirror of the stage (``_build/render/<year>/``, :func:`_sync_tree`) in which only files
   whose bytes changed get a new time stamp, so that after an edit it reads and writes only
   the pages that changed. Everything is rendered (``--all``, in an emptied mirror) on the
   first build, when ``_toc.yml`` or ``_config.yml`` changed, with ``force_render`` or
   ``--no-cache``, and after a render that failed (so a warning is never hidden because its
   page was not read again).
6. **Move** the finished HTML to ``_build/html/<year>/`` and refresh
   ``_build/html/index.html`` (the list of built editions; it opens the newest). Until this
   step the previous HTML is not touched, so a failed build leaves the last good book in
   place, and no other edition's folder is ever touched.

Any failure raises :class:`BuildError` with a message naming the chapter and the cell.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from barometer.data import paths
from barometer.data.book_files import SYNTHETIC_NOTICE, BuildError, toc_documents
from barometer.data.book_files import jupyter_book as _jupyter_book
from barometer.book.cache import ChapterCache, chapter_key, data_hash, source_hash, tree_hash
from barometer.book import warm

__all__ = [
    "BuildError",
    "ChapterFailure",
    "PARAMETER_NAMES",
    "DEFAULT_MIN_BASE",
    "SYNTHETIC_NOTICE",
    "build",
    "built_editions",
    "edition_banner",
    "write_editions_index",
    "RENDER_STAMP",
    "toc_documents",
    "toc_notebooks",
    "is_synthetic",
    "default_comparison_years",
    "clean_notebook",
    "execute_chapters",
    "execute_in_place",
]

#: The names of the ``parameters`` cell every chapter has (see tests/test_chapters_structure.py).
PARAMETER_NAMES: tuple[str, ...] = ("year", "comparison_years", "data_path", "min_base")
#: The report shows no figure for a group of fewer than five respondents.
DEFAULT_MIN_BASE = 5
#: Seconds one chapter cell may run before the build gives up on it (a hung cell fails).
CELL_TIMEOUT = 900

# Book sources copied into the staging folder besides the pages in _toc.yml.
_CONFIG_FILES = ("_config.yml", "_toc.yml")
_ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif", ".bib", ".css", ".js", ".html"}
_ASSET_DIRS = ("_static", "_templates", "images")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")





@dataclass
class ChapterFailure:
    """Where and how a chapter failed (plain data, so it crosses process boundaries)."""

    chapter: str
    kind: str  # "cell" (an exception in a cell) or "kernel" (the kernel did not run)
    ename: str
    evalue: str
    cell_index: int | None = None
    cell_source: str = ""
    traceback: list[str] = field(default_factory=list)
    log: str = ""  # file with what the kernel and the libraries printed while it ran

    def describe(self) -> str:
        """A message that names the chapter, the cell and the error."""
        if self.kind == "cell":
            first_line = next((ln for ln in self.cell_source.splitlines() if ln.strip()), "")
            where = (
                f"{self.chapter}, cel {self.cell_index} "
                f"(geteld vanaf 0 in het bronnotebook, zoals nbval telt)"
            )
            lines = [f"Hoofdstuk {where} mislukt: {self.ename}: {self.evalue}"]
            if first_line:
                lines.append(f"  de cel begint met: {first_line.strip()}")
        else:
            lines = [f"Hoofdstuk {self.chapter} kon niet worden uitgevoerd: {self.ename}: {self.evalue}"]
        if self.traceback:
            lines.append("  verloop van de fout (traceback):")
            lines.extend("    " + _ANSI.sub("", t).replace("\n", "\n    ") for t in self.traceback)
        if self.log:
            lines.append(f"  meldingen van de kernel en de bibliotheken: {self.log}")
        return "\n".join(lines)



def _s(seconds: float) -> str:
    """Seconds for the build's progress lines, the Dutch way (one decimal, comma)."""
    return f"{seconds:.1f}".replace(".", ",")

# --------------------------------------------------------------------------- table of contents
def toc_notebooks(project: Path) -> list[Path]:
    """The chapter notebooks listed in ``project/_toc.yml``, relative to ``project``."""
    project = Path(project)
    return [
        Path(doc + ".ipynb")
        for doc in toc_documents(project / "_toc.yml")
        if (project / (doc + ".ipynb")).is_file()
    ]


# --------------------------------------------------------------------------- data
def is_synthetic(data_file: Path) -> bool:
    """Whether the sidecar ``<data_file>.meta.yaml`` says ``synthetic: true``.

    A file without a sidecar is treated as real data (no banner).

    Raises
    ------
    BuildError
        If the sidecar exists but is not a YAML mapping.
    """
    meta_path = paths.sidecar(data_file)
    if not meta_path.is_file():
        return False
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BuildError(f"Het begeleidende bestand {meta_path} is geen geldige YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise BuildError(f"Het begeleidende bestand {meta_path} moet een YAML-mapping zijn met de sleutel 'synthetic'.")
    return meta.get("synthetic") is True


def validate_data(data_file: Path, year: int) -> None:
    """Load the respondent file with the project's validating loader; raise BuildError if bad.

    The loader also checks that every row belongs to measurement year ``year``. During a
    build (``$BAROMETER_FRAMES`` set, see :mod:`barometer.book.frames`) the validated frame,
    with its derived variables, is stored there under a content hash, so that the chapters
    load it instead of validating the file again.
    """
    try:
        from barometer.book.frames import ENV_VAR as FRAMES_VAR
        from barometer.book.frames import store_frame
        from barometer.data.respondents import load_respondents
    except ImportError as exc:  # the loader is part of the package; say so plainly
        raise BuildError(
            f"{data_file} is niet te valideren: barometer.data.respondents.load_respondents is niet "
            f"beschikbaar ({exc})."
        ) from exc
    try:
        if os.environ.get(FRAMES_VAR):
            store_frame(Path(os.environ[FRAMES_VAR]), Path(data_file), int(year))
        else:
            load_respondents(data_file, year=int(year))
    except Exception as exc:  # noqa: BLE001 - every loader error stops the build, with its text
        raise BuildError(
            f"Validatie van {data_file} mislukt ({type(exc).__name__}):\n{exc}"
        ) from exc


def default_comparison_years(year: int, editions_file: Path | None = None) -> list[int]:
    """Every earlier edition in the editions file that has a respondent file in ``data/``
    (for 2025: ``[2021]``; for 2021: ``[]``)."""
    from barometer.data.editions import editions_file as _current, load_editions

    entries = load_editions(Path(editions_file) if editions_file is not None else _current())
    years = []
    for y in sorted(entries):
        if y >= int(year):
            continue
        try:
            paths.respondent_file(y)
        except FileNotFoundError:
            continue
        years.append(y)
    return years


# --------------------------------------------------------------------------- staging
def _stage_sources(project: Path, stage: Path, year: int, synthetic: bool,
                   others: list[int] | tuple[int, ...] = (), label: str = "") -> None:
    """Copy the non-notebook sources of the book into ``stage`` (emptied first)."""
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    for name in _CONFIG_FILES:
        shutil.copy2(project / name, stage / name)
    for doc in toc_documents(project / "_toc.yml"):
        md = project / (doc + ".md")
        if md.is_file():
            (stage / md.relative_to(project)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(md, stage / md.relative_to(project))
    # Images and other assets next to the pages (e.g. chapters/img/x.png) and asset folders.
    # The chapters' own _figures/ and _downloads/ are build products: they come from the run.
    for doc_dir in {(project / doc).parent for doc in toc_documents(project / "_toc.yml")}:
        for f in doc_dir.rglob("*"):
            rel = f.relative_to(project)
            if f.is_file() and f.suffix.lower() in _ASSET_SUFFIXES and not _ignored(rel):
                (stage / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, stage / rel)
    for name in _ASSET_DIRS:
        if (project / name).is_dir():
            shutil.copytree(project / name, stage / name, dirs_exist_ok=True)
    _edition_config(stage / "_config.yml", year, synthetic, others=others, label=label)


def _ignored(rel: Path) -> bool:
    return any(part.startswith(".") or part in _GENERATED_DIRS for part in rel.parts)


#: Folders that are build products, never book sources.
_GENERATED_DIRS = {"_build", "venv", "_figures", "_downloads"}

#: Script that makes the edition links of the banner work on every page (their targets are
#: relative to the edition's root; Sphinx gives each page's root as data-content_root).
EDITIONS_JS = """\
// Written by barometer.book.build: edition links in the banner are relative to the book's root.
document.addEventListener("DOMContentLoaded", function () {
  var root = document.documentElement.getAttribute("data-content_root") || "";
  document.querySelectorAll("a[data-edition-href]").forEach(function (a) {
    a.setAttribute("href", root + a.getAttribute("data-edition-href"));
  });
});
"""
_EDITIONS_JS_NAME = "barometer-editions.js"


def edition_banner(year: int, synthetic: bool, others: list[int] | tuple[int, ...] = (),
                   label: str = "") -> str:
    """HTML of the banner on every page: the edition shown, links to the other editions,
    and the synthetic-data notice when the data are synthetic."""
    def link(href: str, text: str) -> str:
        return f'<a href="{href}" data-edition-href="{href}">{text}</a>'

    parts = [f"<strong>Editie {int(year)}</strong>" + (f" ({label})" if label else "")]
    if others:
        parts.append("andere edities: " + ", ".join(
            link(f"../{int(y)}/index.html", str(int(y))) for y in sorted(others)))
    parts.append(link("../index.html#edities", "alle edities"))
    banner = " · ".join(parts)
    if synthetic:
        banner += " — " + SYNTHETIC_NOTICE
    return banner


def _edition_entry(year: int) -> dict:
    """The editions entry of ``year`` (``$BAROMETER_EDITIONS`` honoured), or ``{}`` without one.

    Raises
    ------
    BuildError
        If the editions file cannot be read or is invalid: the Dutch message names the file
        and says what the entry is needed for (title, footer, citation).
    """
    from barometer.data.editions import editions_file, load_editions

    try:
        return dict(load_editions().get(int(year)) or {})
    except Exception as exc:  # noqa: BLE001 - every reading error, reported plainly
        raise BuildError(
            f"De gegevens van editie {year} (titel, voettekst en citatie) zijn niet te lezen uit "
            f"het edities-bestand {editions_file()}: {exc}") from exc


def _published_year(entry: dict, year: int) -> int:
    """Year in which the edition's report appeared (``published: "september 2025"``), else ``year``."""
    m = re.search(r"\b(19|20)\d\d\b", str(entry.get("published") or ""))
    return int(m.group(0)) if m else int(year)


_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")


def edition_citation(citation: dict, year: int, entries: dict) -> dict:
    """``CITATION.cff`` of one edition: the repository's file with the edition's title, version
    and report (``preferred-citation``) and the other editions' reports as references, all
    from the editions metadata (``data/editions.yaml``)."""
    out = dict(citation)
    entry = dict(entries.get(int(year)) or {})
    label = str(entry.get("label") or f"Innovatie Barometer Overheid {year}")

    def report(y: int, e: dict) -> dict:
        ref = dict(citation.get("preferred-citation") or {"type": "report"})
        ref["title"] = str(e.get("label") or f"Innovatie Barometer Overheid {y}")
        ref["year"] = _published_year(e, y)
        month = next((i + 1 for i, m in enumerate(_MONTHS_NL) if m in str(e.get("published") or "").lower()), None)
        ref.pop("month", None)
        if month:
            ref["month"] = month
        return ref

    out["title"] = f"{label}: reproduceerbare editie"
    out["version"] = re.sub(r"^(19|20)\d\d", str(int(year)), str(citation.get("version", f"{year}.1")))
    out["preferred-citation"] = report(int(year), entry)
    out["references"] = [report(int(y), dict(e or {})) for y, e in sorted(entries.items()) if int(y) != int(year)]
    if "abstract" in out:
        out["abstract"] = re.sub(r"Innovatie Barometer Overheid (19|20)\d\d", label, str(out["abstract"]))
    return out


def _write_citation(project: Path, html: Path, year: int) -> None:
    """Write the edition's ``CITATION.cff`` (:func:`edition_citation`) into its HTML folder."""
    from barometer.data.editions import load_editions

    src = project / "CITATION.cff"
    if not src.is_file():
        return
    cff = edition_citation(yaml.safe_load(src.read_text(encoding="utf-8")) or {}, year, load_editions())
    (html / "CITATION.cff").write_text(yaml.safe_dump(cff, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")


def _edition_config(config_path: Path, year: int, synthetic: bool,
                    others: list[int] | tuple[int, ...] = (), label: str = "") -> None:
    """Set the edition's year in the title, and the banner (edition, links to the other
    editions, the synthetic-data notice when applicable) in a staged config."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    title = str(config.get("title", ""))
    config["title"] = re.sub(r"\b(19|20)\d\d\b", str(year), title) if title else title
    entry = _edition_entry(year)
    published = _published_year(entry, year)
    config["copyright"] = str(published)  # the footer: "© Copyright <year of the edition's report>"
    subs = config.setdefault("parse", {}).setdefault("myst_substitutions", {})
    subs.update(editie_jaar=str(int(year)), rapport_jaar=str(published),
                editie_titel=str(entry.get("label") or config["title"]))
    config.setdefault("html", {})["announcement"] = edition_banner(year, synthetic, others, label)
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {}) 
    js = list(sphinx_config.get("html_js_files") or [])
    if _EDITIONS_JS_NAME not in js:
        js.append(_EDITIONS_JS_NAME)
    sphinx_config["html_js_files"] = js
    static = config_path.parent / "_static"
    static.mkdir(exist_ok=True)
    (static / _EDITIONS_JS_NAME).write_text(EDITIONS_JS, encoding="utf-8")
    config_path.write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def built_editions(html_root: Path) -> list[int]:
    """Years with a finished book under ``html_root`` (``<year>/index.html``)."""
    html_root = Path(html_root)
    if not html_root.is_dir():
        return []
    return sorted(int(p.name) for p in html_root.iterdir()
                  if re.fullmatch(r"\d{4}", p.name) and (p / "index.html").is_file())


def write_editions_index(html_root: Path, labels: dict[int, str] | None = None) -> Path | None:
    """Write ``html_root/index.html``: the built editions, newest first; opening it without
    ``#edities`` goes straight to the newest edition. Touches no edition folder."""
    years = built_editions(html_root)
    if not years:
        return None
    labels = labels or {}
    newest = years[-1]
    items = "\n".join(
        f'    <li><a href="{y}/index.html">{labels.get(y) or f"Editie {y}"}</a></li>'
        for y in reversed(years))
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Innovatie Barometer Overheid – edities</title>
  <script>if (!window.location.hash) {{ window.location.replace("{newest}/index.html"); }}</script>
</head>
<body>
  <h1 id="edities">Innovatie Barometer Overheid – edities</h1>
  <p>De nieuwste editie is <a href="{newest}/index.html">{newest}</a>. Alle gebouwde edities:</p>
  <ul>
{items}
  </ul>
</body>
</html>
"""
    target = Path(html_root) / "index.html"
    if not target.is_file() or target.read_text(encoding="utf-8") != page:
        tmp = target.with_name(f".index.html.{os.getpid()}")
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, target)
    return target


# --------------------------------------------------------------------------- notebooks
def clean_notebook(nb: dict) -> dict:
    """Hide the parameter cells and drop volatile execution metadata (in place).

    * the cells tagged ``parameters`` and papermill's ``injected-parameters`` get the tag
      ``remove-cell`` too, so the book shows neither (they are plumbing, and the defaults
      would be wrong for another edition);
    * ``metadata.papermill`` (notebook and cells) and ``metadata.execution`` (cell timing)
      are removed, so that an executed chapter differs from the committed one only where
      its results differ.
    """
    nb.get("metadata", {}).pop("papermill", None)
    for cell in nb.get("cells", []):
        meta = cell.setdefault("metadata", {})
        meta.pop("papermill", None)
        meta.pop("execution", None)
        tags = meta.get("tags", [])
        if {"parameters", "injected-parameters"} & set(tags) and "remove-cell" not in tags:
            meta["tags"] = [*tags, "remove-cell"]
    return nb


def _src(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _injected_index(nb: dict) -> int | None:
    for i, cell in enumerate(nb.get("cells", [])):
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def _last_started_cell(nb: dict) -> int | None:
    """Index of the last cell papermill started (the one running when a run was stopped)."""
    started = [i for i, c in enumerate(nb.get("cells", []))
               if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    return started[-1] if started else None


def _execute_one(
    source: str, output: str, parameters: dict, cwd: str, chapter: str, position: int,
    timeout: int = CELL_TIMEOUT, log: str | None = None,
) -> dict:
    """Run one notebook (:func:`_run_notebook`) with everything printed to ``log``.

    The worker's standard output and error (file descriptors 1 and 2, inherited by the
    kernel process) go to ``log`` while the chapter runs, so that third-party chatter (the
    kernel's "connection is not encrypted" warning, "KeyboardInterrupt caught in kernel" at
    shut-down, papermill and nbclient logging) stays out of the build's own output. The
    failure, if any, names the log.
    """
    if not log:
        return _run_notebook(source, output, parameters, cwd, chapter, position, timeout)
    Path(log).parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = (os.dup(1), os.dup(2))
    with open(log, "w", encoding="utf-8") as fh:
        os.dup2(fh.fileno(), 1)
        os.dup2(fh.fileno(), 2)
        try:
            result = _run_notebook(source, output, parameters, cwd, chapter, position, timeout)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
    if result["failure"]:
        result["failure"]["log"] = str(log)
    return result


def _run_notebook(
    source: str, output: str, parameters: dict, cwd: str, chapter: str, position: int,
    timeout: int = CELL_TIMEOUT,
) -> dict:
    """Run one notebook with papermill (in a worker process); return a plain-data result.

    A kernel that fails to start (e.g. "Address already in use" when several kernels start
    at once) is retried once; an exception raised by a cell, a cell that runs longer than
    ``timeout`` seconds and a kernel that dies while running a cell are not.
    """
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    start = time.monotonic()
    progress = False  # one line per chapter from execute_chapters instead of a progress bar
    had_injected = _injected_index(json.loads(Path(source).read_text(encoding="utf-8")))
    failure: ChapterFailure | None = None
    for attempt in (1, 2):
        engine: dict = {}
        if warm.enabled():  # this worker's kernel, reset to a fresh kernel's state (barometer.book.warm)
            km, used = warm.kernel()
            if not used or warm.reset(str(Path(cwd).resolve())):
                km, _ = warm.kernel()
                engine = {"engine_name": warm.ENGINE, "km": km}
        try:
            pm.execute_notebook(
                source,
                output,
                parameters=parameters,
                cwd=cwd,
                kernel_name="python3",
                progress_bar=progress,
                log_output=False,
                execution_timeout=timeout,
                **engine,
            )
            failure = None
            if engine:
                warm.ran()
            break
        except (PapermillExecutionError, CellTimeoutError, DeadKernelError) as exc:
            if engine and isinstance(exc, PapermillExecutionError):
                warm.ran()  # the kernel is fine; the next chapter resets it
            elif engine:
                warm.discard()  # a dead or stuck kernel is not reused
            out_nb = json.loads(Path(output).read_text(encoding="utf-8"))
            # Papermill puts an "An Exception was encountered" marker cell in the output
            # after it counted the cells: count without it.
            out_nb["cells"] = [c for c in out_nb.get("cells", []) if "papermill-error-cell-tag"
                               not in c.get("metadata", {}).get("tags", [])]
            if isinstance(exc, PapermillExecutionError):
                index, ename, evalue = exc.cell_index, exc.ename, exc.evalue
                tb = list(exc.traceback)
            else:
                index, ename, evalue, tb = _last_started_cell(out_nb), type(exc).__name__, str(exc), []
                if isinstance(exc, CellTimeoutError):
                    evalue = f"the cell ran longer than {timeout} s"
            cell_source = _src(out_nb["cells"][index]) if index is not None else ""
            # Papermill inserted its parameters cell; count cells as in the source notebook.
            injected = _injected_index(out_nb)
            if index is not None and had_injected is None and injected is not None and index > injected:
                index -= 1
            failure = ChapterFailure(chapter=chapter, kind="cell", ename=ename, evalue=evalue,
                                     cell_index=index, cell_source=cell_source, traceback=tb)
            break
        except Exception as exc:  # noqa: BLE001 - kernel start-up problems: retry once
            if engine:
                warm.discard()
            failure = ChapterFailure(
                chapter=chapter, kind="kernel", ename=type(exc).__name__, evalue=str(exc)
            )
            if attempt == 1:
                print(f"  {chapter}: probleem met de kernel ({failure.ename}: {failure.evalue}); nog één poging",
                      flush=True)
                time.sleep(1.0)
    out_path = Path(output)
    if out_path.is_file():
        nb = json.loads(out_path.read_text(encoding="utf-8"))
        out_path.write_text(json.dumps(clean_notebook(nb), indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    return {
        "chapter": chapter,
        "seconds": time.monotonic() - start,
        "failure": None if failure is None else failure.__dict__,
    }


def execute_chapters(
    project: Path,
    stage: Path,
    notebooks: list[Path],
    parameters: dict,
    jobs: int = 2,
    echo: Callable[[str], None] = print,
    timeout: int = CELL_TIMEOUT,
    cache: "ChapterCache | None" = None,
    keys: dict[str, str] | None = None,
    log_dir: Path | None = None,
    sources: dict[str, Path] | None = None,
) -> list[ChapterFailure]:
    """Execute ``notebooks`` (relative to ``project``) into ``stage``, ``jobs`` at a time.

    Each chapter runs in its own process; a line is printed when a chapter starts and when
    it ends. Returns the failures (empty when every chapter ran).

    With a ``cache`` (:class:`barometer.book.cache.ChapterCache`) and a cache key per chapter
    (``keys``, by posix path), a chapter whose key is stored is copied from the cache
    instead of executed; the others run in a fresh folder of the cache (the kernel's cwd,
    so ``_figures/`` and ``_downloads/`` are the chapter's own), are stored under their key
    when they succeed, and are then copied into ``stage``.

    With ``log_dir``, what a chapter's kernel and the libraries print goes to
    ``log_dir/<chapter>.log`` instead of the terminal (see :func:`_execute_one`).

    ``sources`` maps a chapter (posix path) to the notebook it is executed from when that is
    not ``project/<chapter>`` (the sector profiles are generated outside the project, see
    :func:`barometer.book.profiles.stage`), so that chapters and profiles share one pool.
    """
    failures: list[ChapterFailure] = []
    n = len(notebooks)
    keys = keys or {}
    sources = sources or {}

    def source_of(nb: Path) -> Path:
        return Path(sources.get(nb.as_posix(), project / nb))
    done = 0
    todo: list[Path] = []
    for nb in notebooks:
        chapter = nb.as_posix()
        entry = cache.lookup(chapter, keys[chapter]) if cache is not None and chapter in keys else None
        if entry is None:
            todo.append(nb)
            continue
        cache.restore(entry, stage / nb, source=source_of(nb))
        cache.touch(entry)
        done += 1
        echo(f"[{done}/{n}] uit cache {chapter} (invoer ongewijzigd: {keys[chapter][:12]})")
    if not todo:
        return failures
    # Longest chapters first (last run's seconds, else the number of code cells), so that
    # no worker is left running one long chapter alone at the end.
    todo = _longest_first(project, todo, cache.durations() if cache is not None else {}, sources)
    seconds: dict[str, float] = {}
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo))), mp_context=ctx) as pool:
        futures = {}
        for i, nb in enumerate(todo):
            chapter = nb.as_posix()
            final = stage / nb
            final.parent.mkdir(parents=True, exist_ok=True)
            if cache is not None and chapter in keys:
                work = cache.workdir(chapter)
                out, cwd = work / cache.NOTEBOOK, work
            else:
                work, out, cwd = None, final, final.parent
            log = str(log_dir / f"{nb.with_suffix('').as_posix().replace('/', '-')}.log") if log_dir else None
            fut = pool.submit(
                _execute_one, str(source_of(nb)), str(out), parameters, str(cwd),
                chapter, i, timeout, log,
            )
            futures[fut] = (nb, work)
        echo(f"{len(todo)} hoofdstuk(ken) uitvoeren met papermill, {jobs} tegelijk"
             + (f" (meldingen van kernels en bibliotheken: {log_dir})" if log_dir else ""))
        for fut in cf.as_completed(futures):
            done += 1
            nb, work = futures[fut]
            chapter = nb.as_posix()
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - a crashed worker process
                failures.append(ChapterFailure(chapter, "kernel", type(exc).__name__, str(exc)))
                echo(f"[{done}/{n}] MISLUKT {chapter}: werkproces vastgelopen ({exc})")
                if work is not None:
                    shutil.rmtree(work, ignore_errors=True)
                continue
            if result["failure"]:
                failure = ChapterFailure(**result["failure"])
                failures.append(failure)
                where = f"cell {failure.cell_index}" if failure.kind == "cell" else "kernel"
                echo(f"[{done}/{n}] MISLUKT {chapter} bij {where} "
                     f"na {_s(result['seconds'])} s: {failure.ename}")
                if work is not None:  # keep the failed run in the stage for inspection
                    if (work / cache.NOTEBOOK).is_file():
                        shutil.copyfile(work / cache.NOTEBOOK, stage / nb)
                    shutil.rmtree(work, ignore_errors=True)
            else:
                if work is not None:
                    entry = cache.store(chapter, keys[chapter], work)
                    cache.restore(entry, stage / nb, source=source_of(nb))
                echo(f"[{done}/{n}] klaar  {chapter} in {_s(result['seconds'])} s")
                seconds[chapter] = result["seconds"]
    if cache is not None:
        cache.record_durations(seconds)
    return failures


def _longest_first(project: Path, notebooks: list[Path], durations: dict[str, float],
                   sources: dict[str, Path] | None = None) -> list[Path]:
    """``notebooks`` ordered by expected run time, longest first (stable for ties): the
    seconds of the last run when known (a chapter never measured counts as longest), else
    the number of code cells (of ``sources[chapter]`` when given, else ``project/chapter``)."""
    sources = sources or {}

    def code_cells(nb: Path) -> int:
        try:
            path = Path(sources.get(nb.as_posix(), project / nb))
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            return 0
        return sum(1 for c in cells if c.get("cell_type") == "code")

    if any(nb.as_posix() in durations for nb in notebooks):
        return sorted(notebooks, key=lambda nb: -durations.get(nb.as_posix(), float("inf")))
    return sorted(notebooks, key=lambda nb: -code_cells(nb))


def execute_in_place(
    notebooks: list[Path] | None = None,
    project: Path | None = None,
    jobs: int = 2,
    echo: Callable[[str], None] = print,
) -> list[ChapterFailure]:
    """Re-execute committed chapters with their own defaults, in place, and clean them.

    This is how a chapter is refreshed before a commit (``barometer execute``): no
    parameters are injected, so the stored outputs are those of the published edition,
    which nbval then compares with a fresh run.
    """
    project = Path(project).resolve() if project is not None else paths.ROOT
    if not notebooks:
        notebooks = toc_notebooks(project)
    rel = [Path(nb).resolve().relative_to(project) for nb in notebooks]
    return execute_chapters(project, project, rel, {}, jobs=jobs, echo=echo,
                            log_dir=project / "_build" / "logs" / "execute")


# --------------------------------------------------------------------------- rendering
def _sync_tree(src: Path, dst: Path, exclude: tuple[str, ...] = ()) -> int:
    """Make ``dst`` a copy of ``src``, rewriting only files whose bytes differ.

    Unchanged files keep their time stamps (Sphinx decides by time stamp which pages to read
    again); files no longer in ``src`` are removed. Returns the number of files written.
    """
    written = 0
    seen: set[Path] = set()
    for f in sorted(src.rglob("*")):
        rel = f.relative_to(src)
        if rel.parts and rel.parts[0] in exclude:
            continue
        target = dst / rel
        if f.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            seen.add(rel)
            continue
        seen.add(rel)
        if target.is_file() and target.stat().st_size == f.stat().st_size \
                and target.read_bytes() == f.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
        written += 1
    for f in sorted(dst.rglob("*"), reverse=True):
        rel = f.relative_to(dst)
        if (rel.parts and rel.parts[0] in exclude) or rel in seen:
            continue
        if f.is_dir():
            shutil.rmtree(f, ignore_errors=True)
        else:
            f.unlink(missing_ok=True)
    return written


_LINK = re.compile(r'(?:src|href)="([^"#?]+)')
#: Folders of the HTML into which Sphinx copies the files that pages link to.
_LINKED_DIRS = ("_images", "_downloads")


def _prune_unlinked(html: Path) -> list[Path]:
    """Remove files of ``_images/`` and ``_downloads/`` that no page links to; return them.

    A full render copies only what pages link to; a render that read only the changed
    pages keeps what earlier renders copied, such as the figure or download of an exhibit
    that is gone or now a notice. Pruning makes the HTML what a full render makes, so that
    nothing of an earlier build (another respondent file, older code) is published.
    """
    linked: set[Path] = set()
    for page in html.rglob("*.html"):
        for target in _LINK.findall(page.read_text(encoding="utf-8", errors="replace")):
            if "://" not in target and not target.startswith("mailto:"):
                linked.add(Path(os.path.normpath(page.parent / target)))
    removed = [f for d in _LINKED_DIRS for f in sorted((html / d).rglob("*"))
               if f.is_file() and Path(os.path.normpath(f)) not in linked]
    for f in removed:
        f.unlink()
    return removed


#: Files whose change makes the next render a full one (they change every page).
_FULL_RENDER_FILES = ("_toc.yml", "_config.yml")


def _render(stage: Path, render_dir: Path, echo: Callable[[str], None], full: bool = True,
            meanwhile: Callable[[], Any] | None = None) -> Path:
    """Render the staged book with warnings as errors; return the HTML folder.

    ``render_dir`` keeps Sphinx's state between builds: ``source/`` is a mirror of ``stage``
    (:func:`_sync_tree`) and ``_build/`` holds the doctrees and the HTML. With ``full`` (or
    when the mirror is new, or the table of contents or configuration changed) the mirror is
    emptied and everything rendered (``--all``); otherwise Sphinx reads only the pages that
    changed. A failed render empties ``render_dir``, so that the next one is full.

    ``meanwhile`` is called while Jupyter Book runs (its own process, one core): the build
    audits the staged edition then (:func:`barometer.publishing.audit.audit` with a memo).
    """
    log_path = stage / "jupyter-book.log"
    source = render_dir / "source"
    full = full or not (render_dir / "_build" / "html" / "index.html").is_file() or any(
        not (source / name).is_file() or (source / name).read_bytes() != (stage / name).read_bytes()
        for name in _FULL_RENDER_FILES)
    if full and render_dir.exists():
        shutil.rmtree(render_dir)
    source.mkdir(parents=True, exist_ok=True)
    changed = _sync_tree(stage, source, exclude=("jupyter-book.log",))
    cmd = [*_jupyter_book(), "build", *(["--all"] if full else []), "-W", "-n", "--keep-going",
           "--path-output", str(render_dir), str(source)]
    how = "alles" if full else f"alleen wat veranderde: {changed} bestand(en)"
    echo(f"Renderen met jupyter-book ({how}; -W -n --keep-going; log: {log_path})")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            if meanwhile is not None:
                meanwhile()
        finally:
            proc.wait()
        out.seek(0)
        output = out.read()
    log_path.write_text(output, encoding="utf-8")
    html = render_dir / "_build" / "html"
    if proc.returncode != 0 or not (html / "index.html").is_file():
        shutil.rmtree(render_dir, ignore_errors=True)
        problems = [ln for ln in output.splitlines()
                    if re.search(r"WARNING|ERROR|Error|Exception", ln)]
        shown = "\n".join("  " + _ANSI.sub("", p) for p in problems[:40]) or output[-3000:]
        raise BuildError(
            f"jupyter-book is mislukt (exitcode {proc.returncode}); waarschuwingen tellen als fouten.\n"
            f"{shown}\nVolledige log: {log_path}"
        )
    return html


def _move_into_place(html: Path, target: Path) -> None:
    """Replace ``target`` by ``html`` with two renames on one file system."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(html, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


# --------------------------------------------------------------------------- the build
#: File in the finished HTML folder with the hash of the staged book it was rendered from.
RENDER_STAMP = ".barometer-render.sha256"
_STAGE_EXCLUDE = ("jupyter-book.log",)


def _render_digest(stage: Path, source_digest: str) -> str:
    """Hash of everything Jupyter Book reads (the staged book) and of the code/versions."""
    import hashlib

    return hashlib.sha256(
        (tree_hash(stage, exclude=_STAGE_EXCLUDE) + source_digest).encode()
    ).hexdigest()


def _check_edition(year: int, editions: Path) -> dict:
    from barometer.data.editions import EditionsError, edition_entry

    try:
        return edition_entry(year, editions)
    except EditionsError as exc:
        raise BuildError(str(exc)) from None


def _comparison_data(years: list[int]) -> list[Path]:
    found = []
    for y in years:
        try:
            found.append(paths.respondent_file(y).resolve())
        except FileNotFoundError:
            continue
    return found


def build(
    year: int | None = None,
    data: Path | None = None,
    out: Path | None = None,
    jobs: int = 2,
    comparison_years: list[int] | None = None,
    min_base: int = DEFAULT_MIN_BASE,
    project: Path | None = None,
    echo: Callable[[str], None] = print,
    editions: Path | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    force_render: bool = False,
) -> Path:
    """Build the HTML book of one edition.

    Parameters
    ----------
    year : int, optional
        Measurement year of the edition; it needs an entry in the editions file (default:
        the newest year of that file).
    data : Path, optional
        Respondent file; defaults to the shipped file :func:`barometer.data.paths.respondent_file`.
    out : Path, optional
        Where the finished HTML goes; defaults to ``<project>/_build/html/<year>``. The
        parent folder gets an ``index.html`` that lists the built editions.
    jobs : int
        Number of chapters executed at the same time (one process each).
    comparison_years : list of int, optional
        Earlier years the chapters compare with; defaults to every earlier edition in the
        editions file (chapters drop years without a respondent file in ``data/``).
    min_base : int
        Smallest group shown with a figure (the report's rule: no figure below 5).
    project : Path, optional
        Folder holding ``_config.yml``, ``_toc.yml`` and the pages; defaults to the repository.
    echo : callable
        Where progress lines go.
    editions : Path, optional
        Editions file to use instead of ``data/editions.yaml`` (or ``$BAROMETER_EDITIONS``);
        it is passed to the chapters' kernels through ``BAROMETER_EDITIONS``.
    cache_dir : Path, optional
        Cache of executed chapters; defaults to ``<project>/_build/cache``.
    use_cache : bool
        False executes every chapter and renders again (the cache is still refreshed).
    force_render : bool
        Render even when the staged book equals the one the HTML was rendered from.

    Returns
    -------
    Path
        The folder with the finished HTML.

    Raises
    ------
    BuildError
        If the year has no entry in the editions file, the data do not validate, a chapter
        fails, or Jupyter Book reports a warning or error. The HTML at ``out`` is then left
        as it was.
    """
    from barometer.data.editions import ENV_VAR, editions_file, load_editions, newest_year
    from barometer.book.frames import ENV_VAR as FRAMES_VAR

    started = time.monotonic()
    previous_env = os.environ.get(ENV_VAR)
    previous_frames = os.environ.get(FRAMES_VAR)
    if editions is not None:
        editions = Path(editions).resolve()
        if not editions.is_file():
            raise BuildError(f"Edities-bestand {editions} bestaat niet.")
        os.environ[ENV_VAR] = str(editions)  # read by the loader here and in every kernel
    try:
        if year is None:
            year = newest_year()
        return _build(year, data, out, jobs, comparison_years, min_base, project, echo,
                      editions_file(), cache_dir, use_cache, force_render, started, load_editions)
    finally:
        if previous_frames is None:  # set by _build for the kernels of this build only
            os.environ.pop(FRAMES_VAR, None)
        else:
            os.environ[FRAMES_VAR] = previous_frames
        if editions is not None:
            if previous_env is None:
                os.environ.pop(ENV_VAR, None)
            else:
                os.environ[ENV_VAR] = previous_env


def _build(year, data, out, jobs, comparison_years, min_base, project, echo, editions,
           cache_dir, use_cache, force_render, started, load_editions) -> Path:
    project = Path(project).resolve() if project is not None else paths.ROOT
    for name in _CONFIG_FILES:
        if not (project / name).is_file():
            raise BuildError(f"{project / name} ontbreekt: dat is de configuratie van het boek.")
    entry = _check_edition(year, editions)
    if data is None:
        try:
            data = paths.respondent_file(year)
        except FileNotFoundError as exc:
            raise BuildError(f"{exc} Geef het bestand op met --data PAD.") from None
    data = Path(data).resolve()
    build_dir = project / "_build"
    stage = build_dir / "stage" / str(year)
    out = Path(out).resolve() if out is not None else build_dir / "html" / str(year)
    cache = ChapterCache(Path(cache_dir) if cache_dir is not None else build_dir / "cache")
    if comparison_years is None:
        comparison_years = default_comparison_years(year, editions)

    echo(f"Editie {year}: gegevens {data} (edities: {editions})")
    if not data.is_file():
        raise BuildError(f"Respondentbestand {data} bestaat niet.")
    synthetic = is_synthetic(data)
    # Validate and derive once; the chapters' kernels load the frames (barometer.book.frames).
    from barometer.book.frames import ENV_VAR as FRAMES_VAR

    os.environ[FRAMES_VAR] = str(build_dir / "frames")
    step = time.monotonic()
    validate_data(data, year)
    for cy in comparison_years:
        if int(cy) < int(year):
            for cfile in _comparison_data([int(cy)]):
                validate_data(cfile, int(cy))
    echo(f"{data.name} gevalideerd in {_s(time.monotonic() - step)} s "
         f"({'synthetische' if synthetic else 'echte'} gegevens: "
         f"{'met' if synthetic else 'zonder'} de melding over synthetische gegevens)")

    others = [y for y in built_editions(out.parent) if y != int(year)]
    label = str(entry.get("period") and f"meting over {entry['period']}" or "")
    _stage_sources(project, stage, year, synthetic, others=others, label=label)
    notebooks = toc_notebooks(project)
    parameters = {
        "year": int(year),
        "comparison_years": [int(y) for y in comparison_years],
        "data_path": str(data),
        "min_base": int(min_base),
    }
    src_digest = source_hash()
    data_digest = data_hash([data, *_comparison_data(parameters["comparison_years"])],
                            editions=editions)
    keys = {nb.as_posix(): chapter_key(project / nb, parameters, data_digest, src_digest)
            for nb in notebooks}
    # Sector profiles (barometer.book.profiles): one generated notebook per profile, added to the
    # staged _toc.yml; cached like the chapters and executed in the same pool (the profiles
    # load the build's validated frames through barometer.book.frames, as the chapters do).
    from barometer.book import profiles

    prof_root, prof_nbs = profiles.stage(stage, build_dir / "profiles" / str(year), data, int(year),
                                         int(min_base))
    sources = {nb.as_posix(): prof_root / nb for nb in prof_nbs}
    keys.update({nb.as_posix(): chapter_key(prof_root / nb, parameters, data_digest, src_digest)
                 for nb in prof_nbs})
    if not use_cache:  # execute everything again; the fresh runs replace the stored ones
        for chapter, key in keys.items():
            old = cache.lookup(chapter, key)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    log_dir = build_dir / "logs" / str(year)
    step = time.monotonic()
    failures = execute_chapters(project, stage, [*notebooks, *prof_nbs], parameters, jobs=jobs,
                                echo=echo, cache=cache, keys=keys, log_dir=log_dir, sources=sources)
    echo(f"Hoofdstukken en profielen klaar in {_s(time.monotonic() - step)} s")
    if failures:
        raise BuildError(
            f"{len(failures)} hoofdstuk(ken) mislukt; de HTML in {out} is niet veranderd.\n"
            + "\n".join(f.describe() for f in failures)
            + f"\nDe uitgevoerde notebooks (met de fout) staan in {stage}."
        )

    digest = _render_digest(stage, src_digest)
    stamp = out / RENDER_STAMP
    labels = {y: str(e.get("label", "")) for y, e in load_editions(editions).items()}
    if (use_cache and not force_render and (out / "index.html").is_file() and stamp.is_file()
            and stamp.read_text(encoding="utf-8").strip() == digest):
        echo(f"Renderen overgeslagen: het klaargezette boek is gelijk aan dat van {out}")
    else:
        # Render next to the target, so that the final move is a rename on one file system.
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.parent / f".{out.name}.render-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        try:
            step = time.monotonic()
            html = tmp / "html"
            from barometer.publishing.audit import audit, check_build  # disclosure audit: a leak stops the build

            memo: dict = {}  # the staged edition audited while it renders; the whole edition after
            rendered = _render(stage, build_dir / "render" / str(year), echo,
                               full=force_render or not use_cache,
                               meanwhile=lambda: audit(stage, html, data, min_base, memo=memo))
            shutil.copytree(rendered, html)
            _prune_unlinked(html)
            echo(f"Gerenderd in {_s(time.monotonic() - step)} s")
            step = time.monotonic()
            # Workbook (a sheet per exhibit) and codebook downloads, inside the new HTML, so
            # that a failure here also leaves the previous edition untouched.
            from barometer.publishing.publish import write_downloads

            write_downloads(stage, html, year, data_file=data, synthetic=synthetic)
            _write_citation(project, html, year)
            echo(f"Downloads en citatie geschreven in {_s(time.monotonic() - step)} s")
            step = time.monotonic()
            echo(check_build(stage, html, data, min_base, memo=memo))
            echo(f"Geheimhoudingscontrole in {_s(time.monotonic() - step)} s")
            (html / RENDER_STAMP).write_text(digest + "\n", encoding="utf-8")
            _move_into_place(html, out)
        except BuildError as exc:
            raise BuildError(f"{exc}\nDe HTML in {out} is niet veranderd.") from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    write_editions_index(out.parent, labels)
    echo(f"Editie {year} gebouwd ({len(notebooks)} hoofdstukken) in {_s(time.monotonic() - started)} s: "
         f"{out / 'index.html'} (meldingen van kernels en bibliotheken: {log_dir}; jupyter-book: "
         f"{stage / 'jupyter-book.log'})")
    return out
