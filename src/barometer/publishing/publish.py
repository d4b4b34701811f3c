"""Publishing helpers the build calls after rendering an edition.

* :func:`write_downloads` puts the edition's workbook (:mod:`barometer.publishing.workbook`) and the
  codebook (CSV, Excel, YAML) into ``downloads/`` of the built HTML, where the page
  *Hoe te citeren* links to them.
* :func:`render` renders an executed edition with another Sphinx builder: ``singlehtml``
  (one HTML page with the whole book, printed to PDF by :mod:`barometer.book.pdf`) or ``latex``
  (for the TeX route).

Both work on the staging folder an edition was executed in (``_build/stage/<year>/``, made by
:func:`barometer.book.build.build`), so the PDF and the downloads come from exactly the same
executed chapters as the HTML.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from barometer.data import paths
from barometer.data.book_files import BuildError

__all__ = [
    "PublishError",
    "DOWNLOADS",
    "download_names",
    "write_downloads",
    "render",
    "stage_dir",
]

#: Folder of the built HTML of an edition that holds the edition-wide downloads.
DOWNLOADS = "downloads"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class PublishError(BuildError):
    """A publishing step failed; the message says which and where its log is.

    A subclass of :class:`barometer.book.build.BuildError`, so a build that calls
    :func:`write_downloads` reports it like any other failed step.
    """


def stage_dir(year: int, project: Path | None = None) -> Path:
    """The staging folder in which ``barometer build`` executed an edition."""
    root = Path(project) if project is not None else paths.ROOT
    return root / "_build" / "stage" / str(year)


def download_names(year: int) -> dict[str, str]:
    """File names of the edition-wide downloads (relative to ``downloads/``).

    Returns
    -------
    dict
        ``workbook`` (.xlsx), ``codebook_csv``, ``codebook_xlsx``, ``codebook_yaml``.
    """
    from barometer.publishing.workbook import CODEBOOK_NAME, WORKBOOK_NAME

    stem = CODEBOOK_NAME.format(year=year)
    return {
        "workbook": WORKBOOK_NAME.format(year=year),
        "codebook_csv": f"{stem}.csv",
        "codebook_xlsx": f"{stem}.xlsx",
        "codebook_yaml": f"{stem}.yaml",
    }


def write_downloads(
    stage: Path,
    html_dir: Path,
    year: int,
    data_file: Path | None = None,
    synthetic: bool | None = None,
) -> list[Path]:
    """Write the edition's workbook and codebook into ``<html_dir>/downloads/``.

    Parameters
    ----------
    stage : Path
        The executed edition (``_build/stage/<year>/``).
    html_dir : Path
        The built HTML of the edition (exhibit numbers are read from it).
    year : int
        Measurement year.
    data_file : Path, optional
        Respondent file the edition was built from (default: the shipped file of ``year``).
    synthetic : bool, optional
        Whether the workbook carries the synthetic-data notice (default: from the sidecar).

    Returns
    -------
    list of Path
        The files written: the workbook, then the codebook as CSV, Excel and YAML.

    Raises
    ------
    PublishError
        If a file cannot be written or two exhibits share a name.
    """
    from barometer.publishing.workbook import WorkbookError, write_codebook, write_workbook

    folder = Path(html_dir) / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    names = download_names(year)
    try:
        book = write_workbook(stage, folder / names["workbook"], year, data_file=data_file,
                              synthetic=synthetic, html_dir=html_dir)
        return [book, *write_codebook(year, folder)]
    except (WorkbookError, OSError, ValueError) as exc:
        raise PublishError(f"Writing the downloads of edition {year} into {folder} failed: {exc}") from exc


def _jupyter_book() -> list[str]:
    from barometer.data.book_files import jupyter_book

    return jupyter_book()


def render(stage: Path, builder: str, out: Path, echo: Callable[[str], None] = print) -> Path:
    """Render an executed edition with the Sphinx ``builder`` into ``out``.

    Parameters
    ----------
    stage : Path
        The executed edition (``_build/stage/<year>/``).
    builder : str
        ``"singlehtml"`` or ``"latex"``.
    out : Path
        Folder that receives the result (replaced when the rendering succeeds).
    echo : callable
        Where progress lines go.

    Returns
    -------
    Path
        ``out``: for ``singlehtml`` it holds ``index.html`` (the whole book on one page),
        for ``latex`` the ``.tex`` file named in ``_config.yml``.

    Raises
    ------
    PublishError
        If ``stage`` holds no executed edition or Jupyter Book fails.
    """
    stage, out = Path(stage), Path(out)
    if builder not in {"singlehtml", "latex"}:
        raise ValueError(f"builder must be 'singlehtml' or 'latex', not {builder!r}")
    if not (stage / "_config.yml").is_file():
        raise PublishError(f"No executed edition in {stage}: run `barometer build` first.")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{builder}-") as tmp:
        cmd = [*_jupyter_book(), "build", "--all", "--keep-going", "--builder", builder,
               "--path-output", tmp, str(stage)]
        echo("Rendering: " + " ".join(cmd))
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log = out.parent / f"{builder}.log"
        log.write_text(_ANSI.sub("", proc.stdout), encoding="utf-8")
        result = Path(tmp) / "_build" / builder
        if proc.returncode != 0 or not result.is_dir():
            raise PublishError(f"jupyter-book --builder {builder} failed (exit {proc.returncode}); see {log}")
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(result), str(out))
    return out
