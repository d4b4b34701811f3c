"""The PDF route works: single-page HTML of the edition, printed by Debian's chromium.

Also checks that search works in Dutch: Sphinx's search index is built for language ``nl``
(the Dutch snowball stemmer and stop words).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from barometer.pdf import build_pdf
from barometer.publish import PublishError
from built_book import built_book


def _pdftotext(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing (Debian package poppler-utils): run "
                    "`bash scripts/install-browser-deps.sh`.")
    return subprocess.run([exe, "-layout", str(pdf), "-"], check=True, stdout=subprocess.PIPE,
                          text=True).stdout


@pytest.mark.slow
def test_pdf_of_the_edition_has_the_landing_page_chapters_and_real_tables(tmp_path: Path) -> None:
    if not Path("/usr/bin/chromium").is_file():
        pytest.fail("Debian's chromium is missing: run `bash scripts/install-browser-deps.sh`.")
    book = built_book()
    pdf = build_pdf(2025, stage=book.stage, out=tmp_path / "boek.pdf", echo=lambda s: None)

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    text = _pdftotext(pdf)
    words = re.sub(r"\s+", " ", text)
    assert "Innovatie Barometer Overheid" in words                   # landing page
    assert "synthetische gegevens" in words                          # the banner is printed
    assert len(re.findall(r"\f", text)) >= 5                          # several pages
    single = tmp_path / "singlehtml" / "index.html"
    html = single.read_text(encoding="utf-8")
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
