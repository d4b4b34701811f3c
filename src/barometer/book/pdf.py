"""A PDF of an edition that a reader accepts as the publication.

``barometer pdf [--year 2025]`` renders the executed edition (``_build/stage/<year>/``, left
by ``barometer build``) with Sphinx's ``singlehtml`` builder, so every table stays a real HTML
table and every figure keeps its caption and number (the same numbers as the HTML edition),
prints it with headless chromium, and assembles
``_build/pdf/<year>/innovatie-barometer-overheid-<year>.pdf``:

1. a **cover**: the edition's title and period from ``data/editions.yaml``, "Editie <year>",
   and, when the data file's sidecar says ``synthetic: true``, the synthetic-data notice;
2. a **table of contents** with the page number of every part and chapter;
3. the **body** (the single-page HTML, every chapter on a new page; tables and figures are
   never split across pages, ``_static/barometer.css``);
4. on every page but the cover a **running header** (edition and current chapter) and a
   **page number**; the printed number is the PDF's own page number, so a reader's
   "go to page" and the contents agree.

Why this route: chromium's print has no CSS paged-media counters (``target-counter`` for
contents page numbers, ``@page`` margin boxes for headers), and its header/footer templates
cannot leave out the cover or name the current chapter. So the PDF is made in passes with two
well-kept tools: chromium prints the body once; ``pdftotext`` (poppler) reads each page's
text back, which says on which page every chapter heading landed; chromium prints the cover
and contents with those numbers (the contents' length is fixed before the numbers are filled
in, so filling them in moves nothing), and prints one transparent page per PDF page with its
header and number; ``pypdf`` stamps those onto the body and joins cover, contents and body.
The body is printed only once, so no page number can change after it was read.

A browser downloaded by an installer does not work on these machines; the Debian package
``chromium`` does (``scripts/install-browser-deps.sh`` installs it, and ``poppler-utils`` for
``pdftotext``). The LaTeX route (:func:`barometer.publishing.publish.render` with ``"latex"``, then
``latexmk``) needs Debian's TeX Live and is not used by default.
"""


from __future__ import annotations

import argparse
import html as html_lib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from barometer.data import paths
from barometer.publishing.publish import PublishError, render, stage_dir

__all__ = [
    "CHROMIUM_FLAGS",
    "PDF_NAME",
    "find_chromium",
    "print_pdf",
    "pdf_page_texts",
    "TocEntry",
    "toc_entries",
    "locate_headings",
    "cover_and_contents_html",
    "stamps_html",
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


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of every page of ``pdf`` (``pdftotext -layout``), one string per page.

    Raises
    ------
    PublishError
        If ``pdftotext`` (Debian package poppler-utils) is missing or fails.
    """
    exe = shutil.which("pdftotext")
    if exe is None:
        raise PublishError("pdftotext is not installed (Debian package poppler-utils): run "
                           "`bash scripts/install-browser-deps.sh`.")
    proc = subprocess.run([exe, "-layout", str(pdf), "-"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise PublishError(f"pdftotext could not read {pdf}: {proc.stderr.strip()}")
    pages = proc.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class TocEntry:
    """One line of the contents: a part caption (``level`` 0) or a page of the book (1).

    ``title`` is the heading as printed (with its chapter number, e.g. ``"3. Innovatie in
    het openbaar bestuur"``); ``doc`` the page's document name (``chapters/x``; empty for a
    part); ``page`` the printed page number, once known.
    """

    level: int
    title: str
    doc: str = ""
    page: int | None = None


def _title_of(single_html: str, doc: str, root: bool = False) -> str:
    """The heading of page ``doc`` in the single-page build (as printed, with its number).

    The root page's title is the page's first ``h1``; every other page follows its anchor
    ``<span id="document-<doc>">`` and has its title one level down (``h2``).
    """
    if root:
        start = single_html.find("<main")
    else:
        start = single_html.find(f'id="document-{doc}"')
        if start < 0:
            raise PublishError(f"The single-page build has no page {doc!r} (id=\"document-{doc}\").")
    m = re.search(r"<h([12])[^>]*>(.*?)</h\1>", single_html[max(start, 0):], re.S)
    if not m:
        raise PublishError(f"Page {doc!r} of the single-page build has no title.")
    inner = re.sub(r'<a class="headerlink".*?</a>', "", m.group(2), flags=re.S)
    return _words(html_lib.unescape(re.sub(r"<[^>]+>", "", inner)))


def toc_entries(stage: Path, single_html: str) -> list[TocEntry]:
    """The contents of the PDF: the landing page, then every part of ``_toc.yml`` with its pages.

    Titles are the page headings of the single-page build (with the chapter numbers the HTML
    edition shows), in the order of ``_toc.yml``.

    Raises
    ------
    PublishError
        If a page of ``_toc.yml`` is missing from the single-page build.
    """
    toc = yaml.safe_load((Path(stage) / "_toc.yml").read_text(encoding="utf-8")) or {}
    root = str(toc.get("root", "index"))
    entries = [TocEntry(1, _title_of(single_html, root, root=True), root)]

    def files(node) -> list[str]:
        out = []
        for item in node.get("chapters", []) or []:
            if "file" in item:
                out.append(str(item["file"]))
            out.extend(files(item) if isinstance(item, dict) else [])
            for sec in item.get("sections", []) or []:
                if "file" in sec:
                    out.append(str(sec["file"]))
        return out

    for part in toc.get("parts", []) or []:
        entries.append(TocEntry(0, str(part.get("caption", ""))))
        for doc in files(part):
            entries.append(TocEntry(1, _title_of(single_html, doc), doc))
    if not toc.get("parts"):
        for doc in files(toc):
            entries.append(TocEntry(1, _title_of(single_html, doc), doc))
    return entries


def locate_headings(entries: list[TocEntry], pages: list[str], first_page: int) -> None:
    """Fill in ``page`` of every entry: the first page, in order, that opens with its title.

    Parameters
    ----------
    entries : list of TocEntry
        From :func:`toc_entries`; a part gets the page of its first chapter.
    pages : list of str
        Text per page of the printed body (:func:`pdf_page_texts`).
    first_page : int
        Printed number of the body's first page.

    Raises
    ------
    PublishError
        If a title is on no page after the previous one (the chapter is missing or its
        heading was not printed).
    """
    flat = [_words(p) for p in pages]
    at = 0
    first = True
    for entry in entries:
        if entry.level == 0:
            continue
        for i in range(at, len(flat)):
            # Every page of the book starts on a new page: its title opens that page (the
            # first page opens with the edition banner, so there it only has to be on it).
            if flat[i].startswith(entry.title) or (first and entry.title in flat[i]):
                entry.page, at = first_page + i, i + (0 if first else 1)
                break
        else:
            raise PublishError(f"The heading {entry.title!r} ({entry.doc}) opens no page of the printed "
                               f"body after page {first_page + at}.")
        first = False
    for i, entry in enumerate(entries):
        if entry.level == 0:
            entry.page = next((e.page for e in entries[i + 1:] if e.level == 1), None)


@dataclass
class EditionMeta:
    """What the cover says about an edition (from ``data/editions.yaml`` and the sidecar)."""

    year: int
    title: str
    period: str
    fieldwork: str
    published: str
    source: str
    synthetic: bool


def edition_meta(stage: Path, year: int) -> EditionMeta:
    """The cover's facts: the edition entry, and whether the data were synthetic.

    Whether the data were synthetic is read from the sidecar of the respondent file the
    chapters were executed with (their injected ``data_path``); without an executed chapter
    that names one, from the staged banner, which the build wrote from that same sidecar.
    """
    from barometer.book.build import SYNTHETIC_NOTICE, is_synthetic
    from barometer.data.editions import edition_entry

    entry = edition_entry(year)
    synthetic = None
    for nb in sorted((Path(stage) / "chapters").glob("*.ipynb")):
        # The last assignment is papermill's injected one (after the defaults).
        found = re.findall(r'data_path = \\"([^"\\]+)\\"', nb.read_text(encoding="utf-8"))
        if found and Path(found[-1]).is_file():
            synthetic = is_synthetic(Path(found[-1]))
            break
    if synthetic is None:
        config = yaml.safe_load((Path(stage) / "_config.yml").read_text(encoding="utf-8")) or {}
        synthetic = SYNTHETIC_NOTICE in str((config.get("html") or {}).get("announcement", ""))
    return EditionMeta(year=year, title=str(entry.get("label", f"Innovatie Barometer Overheid {year}")),
                       period=str(entry.get("period", "")), fieldwork=str(entry.get("fieldwork", "")),
                       published=str(entry.get("published", "")), source=str(entry.get("source", "")),
                       synthetic=bool(synthetic))


_PAGE_CSS = """
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
             color: #1a1a1a; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; height: 297mm; position: relative; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
"""


def cover_and_contents_html(meta: EditionMeta, entries: list[TocEntry], numbers: bool = True) -> str:
    """HTML of the cover and the contents pages (printed by chromium).

    With ``numbers=False`` every page number is a placeholder of the same width (``000``),
    so that the contents take as many pages as they will with the numbers filled in.
    """
    from barometer.book.build import SYNTHETIC_NOTICE

    esc = html_lib.escape
    notice = (f'<div class="notice"><strong>Synthetische gegevens.</strong> {esc(SYNTHETIC_NOTICE)}</div>'
              if meta.synthetic else "")
    facts = [f"Over de jaren {esc(meta.period)}" if meta.period else "",
             f"Veldwerk {esc(meta.fieldwork)}" if meta.fieldwork else "",
             f"Verschenen {esc(meta.published)}" if meta.published else ""]
    facts_html = "".join(f"<li>{f}</li>" for f in facts if f)
    lines = []
    for e in entries:
        number = (str(e.page) if e.page is not None else "") if numbers else "000"
        cls = "part" if e.level == 0 else "doc"
        lines.append(f'<li class="{cls}"><span class="t">{esc(e.title)}</span>'
                     f'<span class="dots"></span><span class="n">{number}</span></li>')
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{esc(meta.title)}</title>
<style>{_PAGE_CSS}
.cover {{ background: #154273; color: #fff; padding: 40mm 22mm 24mm 22mm; }}
.cover .kicker {{ font-size: 13pt; letter-spacing: 0.08em; text-transform: uppercase; margin: 0 0 10mm; }}
.cover h1 {{ font-size: 34pt; line-height: 1.15; margin: 0 0 8mm; font-weight: 700; }}
.cover .edition {{ font-size: 22pt; margin: 0 0 14mm; }}
.cover ul {{ list-style: none; padding: 0; margin: 0; font-size: 12pt; line-height: 1.7; }}
.cover .source {{ position: absolute; left: 22mm; right: 22mm; bottom: 24mm; font-size: 10pt; }}
.cover .notice {{ margin-top: 16mm; background: #fff; color: #1a1a1a; border-left: 6px solid #E69F00;
                  padding: 5mm 6mm; font-size: 11pt; line-height: 1.5; }}
.contents {{ padding: 24mm 20mm 20mm 20mm; height: auto; min-height: 297mm; overflow: visible; }}
.contents h2 {{ font-size: 22pt; margin: 0 0 8mm; color: #154273; }}
.contents ol {{ list-style: none; padding: 0; margin: 0; font-size: 11pt; }}
.contents li {{ display: flex; align-items: baseline; break-inside: avoid; }}
.contents li.part {{ font-weight: 700; margin-top: 5mm; color: #154273; }}
.contents li.doc {{ margin: 1.6mm 0 0 6mm; }}
.contents .dots {{ flex: 1; border-bottom: 1px dotted #777; margin: 0 2mm; transform: translateY(-3px); }}
.contents .n {{ min-width: 3ch; text-align: right; font-variant-numeric: tabular-nums; }}
</style></head><body>
<section class="sheet cover">
<p class="kicker">Ministerie van BZK · onderzoekspublicatie</p>
<h1>{esc(meta.title)}</h1>
<p class="edition">Editie {meta.year}</p>
<ul>{facts_html}</ul>
{notice}
<p class="source">Bron: {esc(meta.source)}</p>
</section>
<section class="sheet contents">
<h2>Inhoud</h2>
<ol>{"".join(lines)}</ol>
</section>
</body></html>
"""


def stamps_html(meta: EditionMeta, n_pages: int, running: dict[int, str], skip: int = 1) -> str:
    """HTML of one transparent A4 page per PDF page, with the running header and page number.

    Parameters
    ----------
    n_pages : int
        Pages of the whole PDF.
    running : dict
        Page number -> running title (the chapter the page belongs to).
    skip : int
        The first ``skip`` pages (the cover) get no header and no number.
    """
    esc = html_lib.escape
    sheets = []
    for page in range(1, n_pages + 1):
        if page <= skip:
            sheets.append('<section class="sheet"></section>')
            continue
        sheets.append(
            f'<section class="sheet"><div class="head"><span>{esc(meta.title)} · Editie {meta.year}</span>'
            f'<span>{esc(running.get(page, ""))}</span></div>'
            f'<div class="foot">{page}</div></section>')
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>paginanummers</title>
<style>{_PAGE_CSS}
html, body {{ background: transparent; }}
.head {{ position: absolute; top: 8mm; left: 16mm; right: 16mm; display: flex; justify-content: space-between;
         gap: 8mm; font-size: 8pt; color: #3d3d3d; border-bottom: 0.4pt solid #9a9a9a; padding-bottom: 1.5mm; }}
.head span:last-child {{ text-align: right; }}
.foot {{ position: absolute; bottom: 9mm; left: 0; right: 0; text-align: center; font-size: 9pt; color: #1a1a1a; }}
</style></head><body>{"".join(sheets)}</body></html>
"""


def _page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def build_pdf(
    year: int | None = None,
    stage: Path | None = None,
    out: Path | None = None,
    echo: Callable[[str], None] = print,
) -> Path:
    """Render the executed edition as one HTML page and make the publication PDF of it.

    Parameters
    ----------
    year : int, optional
        Measurement year of the edition (default: the newest year of the editions file).
    stage : Path, optional
        The executed edition; defaults to ``_build/stage/<year>/`` of the repository.
    out : Path, optional
        The PDF; defaults to ``_build/pdf/<year>/innovatie-barometer-overheid-<year>.pdf``.
    echo : callable
        Where progress lines go.

    Returns
    -------
    Path
        The PDF: cover, contents with page numbers, the body with a running header and page
        numbers. Its single-page HTML source is in ``singlehtml/`` beside it.

    Raises
    ------
    PublishError
        If there is no executed edition, or rendering, printing or reading back fails.
    """
    if year is None:
        from barometer.data.editions import newest_year

        year = newest_year()
    from pypdf import PdfReader, PdfWriter

    stage = Path(stage) if stage is not None else stage_dir(year)
    out = Path(out) if out is not None else paths.BUILD / "pdf" / str(year) / PDF_NAME.format(year=year)
    single = render(stage, "singlehtml", out.parent / "singlehtml", echo=echo)
    single_html = (single / "index.html").read_text(encoding="utf-8")
    meta = edition_meta(stage, year)
    entries = toc_entries(stage, single_html)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".pdf-") as tmp:
        work = Path(tmp)
        echo(f"Printing the body {single / 'index.html'} with chromium")
        body = print_pdf(single / "index.html", work / "body.pdf")
        body_pages = pdf_page_texts(body)
        # Pass 1: the contents with placeholders fix how many pages cover + contents take.
        front_html = work / "front.html"
        front_html.write_text(cover_and_contents_html(meta, entries, numbers=False), encoding="utf-8")
        n_front = _page_count(print_pdf(front_html, work / "front-draft.pdf"))
        locate_headings(entries, body_pages, first_page=n_front + 1)
        # Pass 2: the same pages with the numbers read from the printed body.
        front_html.write_text(cover_and_contents_html(meta, entries, numbers=True), encoding="utf-8")
        front = print_pdf(front_html, work / "front.pdf")
        if _page_count(front) != n_front:
            raise PublishError(f"The contents took {n_front} pages with placeholders and "
                               f"{_page_count(front)} with page numbers; the numbers would be wrong.")
        total = n_front + len(body_pages)
        running: dict[int, str] = {p: "Inhoud" for p in range(2, n_front + 1)}
        starts = sorted((e.page, e.title) for e in entries if e.level == 1 and e.page is not None)
        for page in range(n_front + 1, total + 1):
            running[page] = next((t for p, t in reversed(starts) if p <= page), "")
        stamps_file = work / "stamps.html"
        stamps_file.write_text(stamps_html(meta, total, running), encoding="utf-8")
        stamps = PdfReader(str(print_pdf(stamps_file, work / "stamps.pdf")))
        if len(stamps.pages) != total:
            raise PublishError(f"chromium printed {len(stamps.pages)} header pages for {total} pages.")
        writer = PdfWriter()
        for source in (front, body):
            for page in PdfReader(str(source)).pages:
                writer.add_page(page)
        for i, page in enumerate(writer.pages):
            page.merge_page(stamps.pages[i])
        writer.add_metadata({"/Title": f"{meta.title} · Editie {year}", "/Author": "Ministerie van BZK",
                             "/Subject": "Innovatie Barometer Overheid", "/Lang": "nl"})
        for e in entries:
            if e.page is not None:
                writer.add_outline_item(title=e.title, page_number=e.page - 1)
        tmp_pdf = out.with_name(f".{out.name}.tmp")
        with open(tmp_pdf, "wb") as fh:
            writer.write(fh)
        tmp_pdf.replace(out)
    echo(f"PDF of edition {year}: {out} ({total} pages: {n_front} cover and contents, "
         f"{len(body_pages)} body)")
    return out


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``pdf`` subcommand to the ``barometer`` command line."""
    p = sub.add_parser(
        "pdf",
        help="druk de gebouwde editie af als PDF (één HTML-pagina, afgedrukt door Debians chromium)",
        description="Rendert de editie die `barometer build` uitvoerde als één HTML-pagina en "
        "drukt die met headless chromium af als PDF. Draai eerst `barometer build`.",
    )
    p.add_argument("--year", type=int, default=None,
                   help="editie (standaard: het nieuwste jaar van het edities-bestand)")
    p.add_argument("--out", type=Path, default=None,
                   help="te schrijven PDF (standaard: _build/pdf/<jaar>/innovatie-barometer-overheid-<jaar>.pdf)")
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``barometer pdf`` with parsed arguments; return the exit code."""
    import sys

    try:
        build_pdf(year=args.year, out=args.out)
    except PublishError as exc:
        print(f"\nPDF MISLUKT\n{exc}", file=sys.stderr)
        return 1
    return 0
