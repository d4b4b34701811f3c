"""The PDF is a publication: cover, contents with page numbers, running headers and page
numbers, tables and figures in one piece, the HTML edition's numbering (single-page HTML of
the edition printed by Debian's chromium, read back with pdftotext and pypdf).

Also checks that search works in Dutch: Sphinx's search index is built for language ``nl``
(the Dutch snowball stemmer and stop words).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest

from barometer.data import paths
from barometer.book.build import toc_documents
from barometer.book.pdf import (EditionMeta, TocEntry, build_pdf, cover_and_contents_html, locate_headings,
                           pdf_page_texts, toc_entries)
from barometer.publishing.publish import PublishError
from built_book import built_book


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def edition_pdf(tmp_path_factory):
    """The PDF of the built 2025 edition, its text per page and its single-page HTML."""
    if not Path("/usr/bin/chromium").is_file():
        pytest.fail("Debian's chromium is missing: run `bash scripts/install-browser-deps.sh`.")
    book = built_book()
    tmp = tmp_path_factory.mktemp("pdf")
    pdf = build_pdf(2025, stage=book.stage, out=tmp / "boek.pdf", echo=lambda s: None)
    pages = pdf_page_texts(pdf)
    single = (tmp / "singlehtml" / "index.html").read_text(encoding="utf-8")
    return book, pdf, pages, single


def _captions(html: str) -> list[str]:
    """'Tabel 3.1 Kans op innoveren ...' for every numbered table and figure, in order."""
    found = []
    for m in re.finditer(r'<span class="caption-number">([^<]+)</span>\s*<span class="caption-text">(.*?)</span>',
                         html, re.S):
        text = _words(html_lib.unescape(re.sub(r"<[^>]+>", "", m.group(2))))
        found.append(f"{_words(m.group(1))} {text}")
    return found


@pytest.mark.slow
def test_pdf_is_a_pdf_whose_page_count_pdftotext_and_pypdf_agree_on(edition_pdf) -> None:
    from pypdf import PdfReader

    _, pdf, pages, _ = edition_pdf
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    n = len(PdfReader(str(pdf)).pages)
    assert n == len(pages) >= 20
    print(f"PDF of edition 2025: {n} pages")


@pytest.mark.slow
def test_cover_names_title_edition_period_and_the_synthetic_data(edition_pdf) -> None:
    from barometer.book.build import SYNTHETIC_NOTICE, is_synthetic
    from barometer.data.editions import edition_entry

    book, _, pages, _ = edition_pdf
    cover = _words(pages[0])
    entry = edition_entry(2025)
    assert entry["label"] in cover and "Editie 2025" in cover
    assert entry["period"] in cover and entry["published"] in cover
    # The shipped respondent file is synthetic (its sidecar says so): the cover says it.
    assert is_synthetic(Path(paths.DATA) / "respondents-2025-synthetic.csv")
    assert _words(SYNTHETIC_NOTICE) in cover
    # The cover carries no page number and no running header.
    assert _lines(pages[0])[-1] != "1" and "Editie 2025 ·" not in cover.split(entry["label"])[0]


def test_cover_of_real_data_has_no_synthetic_notice() -> None:
    meta = EditionMeta(year=2027, title="Innovatie Barometer Overheid 2027", period="2025–2026",
                       fieldwork="voorjaar 2027", published="oktober 2027", source="BZK", synthetic=False)
    html = cover_and_contents_html(meta, [TocEntry(1, "Inleiding", "chapters/inleiding", 3)])
    assert "synthetisch" not in html.lower() and "Editie 2027" in html and ">3<" in html
    meta.synthetic = True
    assert "Synthetische gegevens" in cover_and_contents_html(meta, [])


@pytest.mark.slow
def test_contents_list_every_page_of_the_book_with_the_page_it_starts_on(edition_pdf) -> None:
    book, _, pages, single = edition_pdf
    entries = toc_entries(book.stage, single)
    docs = [e.doc for e in entries if e.level == 1]
    assert len(docs) == len(toc_documents(book.stage / "_toc.yml"))
    contents = [i for i, p in enumerate(pages[:6]) if "Inhoud" in _lines(p)[1:3]]
    assert contents and contents[0] == 1, "the contents do not follow the cover"
    toc_text = "\n".join(pages[i] for i in contents)
    body_start = contents[-1] + 1
    for e in entries:
        m = re.search(re.escape(e.title) + r"\s+(\d+)\s*$", toc_text, re.M)
        assert m, f"{e.title!r} is not in the contents with a page number"
        number = int(m.group(1))
        assert body_start < number <= len(pages)
        if e.level == 1 and e.doc != "index":
            # The page the contents name opens with that title (after the running header).
            assert _words("\n".join(_lines(pages[number - 1])[1:3])).startswith(e.title), (
                f"contents say {e.title!r} starts on page {number}, but that page starts with "
                f"{_lines(pages[number - 1])[1:3]}")


@pytest.mark.slow
def test_every_page_but_the_cover_has_running_header_and_its_page_number(edition_pdf) -> None:
    book, _, pages, single = edition_pdf
    titles = {e.title for e in toc_entries(book.stage, single) if e.level == 1}
    for number, page in enumerate(pages[1:], start=2):
        lines = _lines(page)
        assert lines[0].startswith("Innovatie Barometer Overheid 2025 · Editie 2025"), (
            f"page {number} has no running header: {lines[0]!r}")
        assert lines[-1] == str(number), f"page {number} shows page number {lines[-1]!r}"
        running = lines[0].split("Editie 2025", 1)[1].strip()
        assert running == "Inhoud" or running in titles, f"page {number}: running title {running!r}"


@pytest.mark.slow
def test_numbering_of_tables_and_figures_is_the_html_editions(edition_pdf) -> None:
    book, _, pages, single = edition_pdf
    html_captions = []
    for doc in toc_documents(book.stage / "_toc.yml"):
        page = book.html / f"{doc}.html"
        html_captions += _captions(page.read_text(encoding="utf-8"))
    assert len(html_captions) >= 40
    assert _captions(single) == html_captions
    text = _words(" ".join(pages))
    for caption in html_captions:
        start = " ".join(caption.split()[:6])
        assert start in text, f"{start!r} is not in the PDF"


def _page_of(pages: list[str], caption: str) -> int:
    start = " ".join(caption.split()[:5])
    hits = [i for i, p in enumerate(pages) if start in _words(p)]
    assert hits, f"{start!r} is on no page"
    return hits[0]


def _caption_top(pdf: Path, page: int, number: str) -> float:
    """Distance (pt) from the top of ``page`` to the word 'Figuur' followed by ``number``."""
    import shutil
    import subprocess

    out = subprocess.run([shutil.which("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    for (y, word), (_, following) in zip(words, words[1:]):
        if word == "Figuur" and following == number:
            return float(y)
    raise AssertionError(f"'Figuur {number}' is not on page {page}")


@pytest.mark.slow
def test_tables_and_figures_are_not_split_across_pages(edition_pdf) -> None:
    _, pdf, pages, single = edition_pdf
    checked = 0
    for table in re.findall(r"<table[^>]*>.*?</table>", single, re.S):
        caption = _captions(table)
        rows = re.findall(r"<tr[^>]*>\s*<td[^>]*>(.*?)</td>", table, re.S)
        if not caption or not rows:
            continue
        i = _page_of(pages, caption[0])
        # The last row's first two words (pdftotext -layout puts a wrapped cell's lines
        # between the other columns, so longer runs of a cell are not contiguous).
        last = " ".join(_words(html_lib.unescape(re.sub(r"<[^>]+>", "", rows[-1]))).split()[:2])
        if last and last not in _words(pages[i]):
            # Only a table longer than a page may continue: it then starts at the top of a page
            # (below the running header and at most its section heading).
            first = _words(" ".join(_lines(pages[i])[1:4]))
            assert " ".join(caption[0].split()[:3]) in first, (
                f"{caption[0][:60]!r} is split across pages {i + 1} and {i + 2} but did not start a page")
        checked += 1
    for caption in _captions(single):
        if caption.startswith("Figuur"):
            i = _page_of(pages, caption)
            # The image stands above its caption on the same page. Its text is drawn as
            # shapes, which pdftotext does not read, so look where the caption is: a caption
            # split from its image would open the page, right below the top margin (18 mm).
            top = _caption_top(pdf, i + 1, caption.split()[1])
            assert top > 18 / 25.4 * 72 + 60, (
                f"{caption[:60]!r} opens page {i + 1} (at {top:.0f} pt): the figure was split from its caption")
            checked += 1
    assert checked >= 40


@pytest.mark.slow
def test_pdf_keeps_the_landing_page_banner_and_real_tables(edition_pdf) -> None:
    book, _, pages, html = edition_pdf
    words = _words(" ".join(pages))
    assert "Innovatie Barometer Overheid" in words                   # landing page
    assert "synthetische gegevens" in words                          # the banner is printed
    for chapter in ("chapters/inleiding", "chapters/innovatieklimaat"):
        if (book.stage / f"{chapter}.ipynb").is_file():
            assert f'id="document-{chapter}"' in html, f"{chapter} is not in the single-page build"
    # Tables are real tables with header cells, and their captions reach the PDF.
    tables = re.findall(r"<table[^>]*>.*?</table>", html, re.S)
    assert tables and all("<th" in t for t in tables)
    caption = re.search(r'<span class="caption-number">(Tabel [^<]+?)\s*</span>', html)
    assert caption and caption.group(1).strip() in words
    figure = re.search(r'<span class="caption-number">(Figuur [^<]+?)\s*</span>', html)
    assert figure and figure.group(1).strip() in words


def test_locate_headings_takes_the_page_each_title_opens() -> None:
    entries = [TocEntry(1, "Innovatie Barometer Overheid", "index"), TocEntry(0, "Rapport"),
               TocEntry(1, "1. Samenvatting", "chapters/samenvatting"),
               TocEntry(1, "2. Inleiding", "chapters/inleiding")]
    pages = ["Editie 2025 Innovatie Barometer Overheid Inhoud 1. Samenvatting 2. Inleiding",
             "1. Samenvatting tekst", "meer tekst over 2. Inleiding", "2. Inleiding tekst"]
    locate_headings(entries, pages, first_page=3)
    assert [e.page for e in entries] == [3, 4, 4, 6]
    with pytest.raises(PublishError, match="3. Ontbreekt"):
        locate_headings([TocEntry(1, "3. Ontbreekt", "chapters/x")], pages, first_page=3)


def test_pdf_without_an_executed_edition_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="barometer build"):
        build_pdf(2025, stage=tmp_path / "nothing", out=tmp_path / "x.pdf", echo=lambda s: None)


@pytest.mark.slow
def test_search_index_is_dutch() -> None:
    import snowballstemmer

    html = built_book().html
    assert '<html lang="nl"' in (html / "index.html").read_text(encoding="utf-8")
    language_data = (html / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "DutchStemmer" in language_data, "search.js does not stem Dutch"
    assert '"zijn"' in language_data or "'zijn'" in language_data, "Dutch stop words missing"
    index = (html / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1: index.rindex(")")])["terms"]
    dutch, english = snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("english")
    # Words from the landing page whose Dutch and English stems differ: the index holds the
    # Dutch stem, not the English one.
    checked = 0
    for word in ("overheidsorganisaties", "vernieuwen", "innovaties", "tabellen", "figuren"):
        nl, en = dutch.stemWord(word), english.stemWord(word)
        if nl != en:
            checked += 1
            assert nl in terms, f"Dutch stem {nl!r} of {word!r} not in the search index"
            assert en not in terms or en == word, f"English stem {en!r} of {word!r} in the index"
    assert checked >= 2
