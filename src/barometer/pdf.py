"""A PDF of an edition: the single-page HTML build printed by Debian's chromium.

``barometer pdf [--year 2025]`` renders the executed edition (``_build/stage/<year>/``, left
by ``barometer build``) with Sphinx's ``singlehtml`` builder, so every table stays a real HTML
table and every figure keeps its caption, and prints that page to
``_build/pdf/<year>/innovatie-barometer-overheid-<year>.pdf`` with headless chromium.
The print styles in ``_static/barometer.css`` drop the navigation and keep the banner that
says the data are synthetic.

A browser downloaded by an installer does not work on these machines; the Debian package
``chromium`` does (``scripts/install-browser-deps.sh`` installs it). The LaTeX route
(:func:`barometer.publish.render` with ``"latex"``, then ``latexmk``) needs Debian's TeX Live
and is not used by default.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from barometer import paths
from barometer.publish import PublishError, render, stage_dir

__all__ = [
    "CHROMIUM_FLAGS",
    "PDF_NAME",
    "find_chromium",
    "print_pdf",
    "build_pdf",
    "add_parser",
    "run",
]

PDF_NAME = "innovatie-barometer-overheid-{year}.pdf"
#: Flags for a headless chromium that contacts nothing and keeps no state between runs.
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
)


def find_chromium() -> Path:
    """Debian's chromium: ``$CHROMIUM``, else ``/usr/bin/chromium``, else on ``PATH``.

    Raises
    ------
    PublishError
        If none is installed (with the command that installs it).
    """
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise PublishError(
        "Debian's chromium is not installed: run `bash scripts/install-browser-deps.sh` "
        "(apt-get install -y chromium)."
    )


def print_pdf(html_file: Path, pdf: Path, timeout: int = 600) -> Path:
    """Print one HTML file to PDF with headless chromium (A4, no browser header/footer).

    Parameters
    ----------
    html_file : Path
        The page to print (opened as a ``file://`` URL, so its relative links resolve).
    pdf : Path
        The PDF to write (written under a temporary name, then renamed).
    timeout : int
        Seconds chromium may take.

    Returns
    -------
    Path
        ``pdf``.

    Raises
    ------
    PublishError
        If chromium fails or writes no PDF.
    """
    html_file, pdf = Path(html_file).resolve(), Path(pdf).resolve()
    if not html_file.is_file():
        raise PublishError(f"{html_file} does not exist.")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    tmp_pdf = pdf.with_name(f".{pdf.name}.tmp")
    with tempfile.TemporaryDirectory(prefix="barometer-chromium-") as profile:
        cmd = [
            str(find_chromium()), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
            "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=10000", f"--print-to-pdf={tmp_pdf}", html_file.as_uri(),
        ]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise PublishError(f"chromium did not finish printing {html_file} in {timeout} s") from exc
    if proc.returncode != 0 or not tmp_pdf.is_file() or tmp_pdf.stat().st_size == 0:
        tmp_pdf.unlink(missing_ok=True)
        raise PublishError(
            f"chromium could not print {html_file} (exit {proc.returncode}):\n{proc.stdout[-2000:]}"
        )
    tmp_pdf.replace(pdf)
    return pdf


def build_pdf(
    year: int = 2025,
    stage: Path | None = None,
    out: Path | None = None,
    echo: Callable[[str], None] = print,
) -> Path:
    """Render the executed edition as one HTML page and print it to PDF.

    Parameters
    ----------
    year : int
        Measurement year of the edition.
    stage : Path, optional
        The executed edition; defaults to ``_build/stage/<year>/`` of the repository.
    out : Path, optional
        The PDF; defaults to ``_build/pdf/<year>/innovatie-barometer-overheid-<year>.pdf``.
    echo : callable
        Where progress lines go.

    Returns
    -------
    Path
        The PDF. Its single-page HTML source is in ``singlehtml/`` beside it.

    Raises
    ------
    PublishError
        If there is no executed edition, or rendering or printing fails.
    """
    stage = Path(stage) if stage is not None else stage_dir(year)
    out = Path(out) if out is not None else paths.BUILD / "pdf" / str(year) / PDF_NAME.format(year=year)
    single = render(stage, "singlehtml", out.parent / "singlehtml", echo=echo)
    echo(f"Printing {single / 'index.html'} with chromium")
    pdf = print_pdf(single / "index.html", out)
    echo(f"PDF of edition {year}: {pdf}")
    return pdf


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``pdf`` subcommand to the ``barometer`` command line."""
    p = sub.add_parser(
        "pdf",
        help="print the built edition to PDF (single-page HTML printed by Debian's chromium)",
        description="Render the edition executed by `barometer build` as one HTML page and "
        "print it to PDF with headless chromium. Run `barometer build` first.",
    )
    p.add_argument("--year", type=int, default=2025, help="edition (default: %(default)s)")
    p.add_argument("--out", type=Path, default=None,
                   help="PDF to write (default: _build/pdf/<year>/innovatie-barometer-overheid-<year>.pdf)")
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``barometer pdf`` with parsed arguments; return the exit code."""
    import sys

    try:
        build_pdf(year=args.year, out=args.out)
    except PublishError as exc:
        print(f"\nPDF FAILED\n{exc}", file=sys.stderr)
        return 1
    return 0
