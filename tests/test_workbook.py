"""The edition workbook (barometer.publishing.workbook) and the downloads in the built HTML (publish)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from barometer.data import paths
from barometer.book.build import SYNTHETIC_NOTICE
from barometer.data.codebook import load_codebook
from barometer.publishing.publish import download_names, write_downloads
from barometer.publishing.workbook import (
    codebook_table,
    dutch_header,
    find_exhibits,
    untranslated_headers,
    write_workbook,
)
from built_book import built_book


def _md_output(text: str) -> dict:
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {},
            "data": {"text/markdown": text, "text/plain": "x"}}


@pytest.fixture()
def tiny_book(tmp_path: Path) -> Path:
    """A book with one chapter holding one table and one figure, as exhibits render them."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: chapters/proef\n")
    (tmp_path / "index.md").write_text("# Proef\n")
    ch = tmp_path / "chapters"
    (ch / "_downloads").mkdir(parents=True)
    table = ("```{table} Innovatie naar sector (2025)\n:name: tbl-proef-sector\n\n| Sector | % |\n|:--|--:|\n"
             "| Gemeente | 80 |\n```\n\n<small>Totaal (n) = 12.</small>\n\n<small>Meer antwoorden mogelijk.</small>")
    figure = ("```{figure} _figures/fig-proef-typen.svg\n:name: fig-proef-typen\n:alt: Diensten het vaakst.\n"
              ":width: 100%\n\nTypen innovatie (2025)\n```")
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "# Proefhoofdstuk\n"},
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "ex.t(ed)",
         "outputs": [_md_output(table)]},
        {"cell_type": "code", "metadata": {}, "execution_count": 2, "source": "ex.f(ed)",
         "outputs": [_md_output(figure)]},
    ]}
    (ch / "proef.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    pd.DataFrame({"year": [2025], "group_label": ["Gemeente"], "count": [8], "base": [10],
                  "pct": [80.0]}).to_csv(ch / "_downloads" / "tbl-proef-sector.csv", index=False)
    pd.DataFrame({"jaar": [2025, 2025], "type": ["Diensten", "Processen"], "aantal": [6, 3],
                  "basis": [12, 11], "percentage": [50.0, 27.3]}).to_csv(
        ch / "_downloads" / "fig-proef-typen.csv", index=False)
    # the sidecars barometer.presentation.exhibit writes beside each download
    for name, kind, caption, notes, base in (
            ("tbl-proef-sector", "table", "Innovatie naar sector (2025)",
             ["Totaal (n) = 12.", "Meer antwoorden mogelijk."], {"van": 10, "tot": 10}),
            ("fig-proef-typen", "figure", "Typen innovatie (2025)", [], {"van": 11, "tot": 12})):
        (ch / "_downloads" / f"{name}.json").write_text(json.dumps(
            {"naam": name, "soort": kind, "bijschrift": caption, "noten": notes, "basis": base,
             "drempel": 5, "onderdrukt": []}), encoding="utf-8")
    return tmp_path


def test_dutch_headers_come_from_the_table_the_codebook_and_patterns() -> None:
    cb = load_codebook()
    assert dutch_header("base") == "Basis (n)"
    assert dutch_header("pct_2021") == "Percentage 2021"
    assert dutch_header("n_Totaal") == "Basis (n) Totaal"
    item = cb.items("innovation_type")[0]
    assert dutch_header(item) == cb.column(item).label
    assert untranslated_headers(["base", "jaar", "1", "some_english_name"]) == ["some_english_name"]


def test_find_exhibits_reads_names_captions_and_notes(tiny_book: Path) -> None:
    found = find_exhibits(tiny_book)
    assert [e.name for e in found] == ["tbl-proef-sector", "fig-proef-typen"]
    table, figure = found
    assert table.caption == "Innovatie naar sector (2025)" and table.kind == "table"
    assert table.notes == ["Totaal (n) = 12.", "Meer antwoorden mogelijk."]
    assert figure.caption == "Typen innovatie (2025)" and figure.chapter == "Proefhoofdstuk"


def test_workbook_has_a_sheet_per_exhibit_with_dutch_headers_and_base(tiny_book: Path, tmp_path: Path) -> None:
    out = write_workbook(tiny_book, tmp_path / "wb.xlsx", 2025, synthetic=True)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Toelichting", "Tabel 1", "Figuur 2", "Codeboek"]
    rows = list(wb["Tabel 1"].iter_rows(values_only=True))
    block = {r[0]: r[1] for r in rows if r[0] and r[1]}
    assert block["Titel"] == "Innovatie naar sector (2025)"
    assert block["Basis (n)"] == "Basis (n): 10"
    header = next(r for r in rows if r[0] == "Jaar")
    assert list(header) == ["Jaar", "Groep", "Aantal", "Basis (n)", "Percentage"]
    fig_rows = list(wb["Figuur 2"].iter_rows(values_only=True))
    assert any(r[0] == "Basis (n)" and "van 11 tot 12" in r[1] for r in fig_rows)
    about = [r for r in wb["Toelichting"].iter_rows(values_only=True)]
    assert any(r[1] == SYNTHETIC_NOTICE for r in about), "the synthetic-data notice is missing"
    assert any(r[0] == "Tabel 1" for r in about), "the index of sheets is missing"
    assert any("respondents-2025" in str(r[1]) for r in about), "the data file is not named"


def test_workbook_without_synthetic_data_has_no_notice(tiny_book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_workbook(tiny_book, tmp_path / "wb.xlsx", 2025, synthetic=False))
    # (The codebook sheet may mention synthetic files in a question note; the rest may not.)
    text = " ".join(str(c) for ws in wb if ws.title != "Codeboek"
                    for r in ws.iter_rows(values_only=True) for c in r if c)
    assert SYNTHETIC_NOTICE not in text and "synthetisch" not in text.lower()


def test_codebook_sheet_lists_every_column_and_derived_variable() -> None:
    cb = load_codebook()
    table = codebook_table(2025, cb)
    derived = [d for d in cb.derived_variables.values() if 2025 in d.years]
    assert list(table["Variabele"]) == cb.columns(2025) + [d.name for d in derived]
    sector = table.set_index("Variabele").loc["sector"]
    assert "7 = Rijksoverheid" in sector["Codes"]
    assert table["Omschrijving"].str.len().gt(0).all()


@pytest.mark.slow
def test_built_edition_downloads_cover_every_exhibit(tmp_path: Path) -> None:
    book = built_book()
    html = tmp_path / "html"
    html.mkdir()
    (html / "chapters").symlink_to(book.html / "chapters", target_is_directory=True)
    files = write_downloads(book.stage, html, 2025)
    names = download_names(2025)
    assert [f.name for f in files] == [names["workbook"], names["codebook_csv"],
                                       names["codebook_xlsx"], names["codebook_yaml"]]
    wb = openpyxl.load_workbook(files[0], read_only=True)
    exhibits = find_exhibits(book.stage)
    assert len(wb.sheetnames) == len(exhibits) + 2
    # Sheets are named after the numbers the book shows ("Figuur 3.1").
    assert sum(s.startswith(("Figuur ", "Tabel ")) for s in wb.sheetnames) == len(exhibits)
    headers = set()
    for ex in exhibits:
        headers |= set(pd.read_csv(ex.data_file, nrows=0).columns)
    assert untranslated_headers(sorted(headers)) == [], (
        "exhibit data columns without a Dutch header: add them to barometer.publishing.workbook.DUTCH_HEADERS"
    )
    assert files[3].read_bytes() == paths.CODEBOOK.read_bytes()


def test_a_book_without_exhibits_gets_a_workbook_with_notes_and_codebook(tmp_path: Path) -> None:
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    (tmp_path / "index.md").write_text("# Proef\n")
    files = write_downloads(tmp_path, tmp_path / "html", 2025)
    assert openpyxl.load_workbook(files[0]).sheetnames == ["Toelichting", "Codeboek"]


def test_columns_with_the_same_dutch_header_stay_apart(tiny_book: Path, tmp_path: Path) -> None:
    csv = tiny_book / "chapters" / "_downloads" / "tbl-proef-sector.csv"
    pd.DataFrame({"year": [2025], "jaar": [2025], "n": [10]}).to_csv(csv, index=False)
    wb = openpyxl.load_workbook(write_workbook(tiny_book, tmp_path / "wb.xlsx", 2025, synthetic=True))
    header = next(r for r in wb["Tabel 1"].iter_rows(values_only=True) if r[0] and r[0].startswith("Jaar"))
    assert list(header) == ["Jaar (year)", "Jaar (jaar)", "Basis (n)"]


def test_workbook_carries_what_the_policy_let_through(tiny_book: Path, tmp_path: Path, monkeypatch) -> None:
    """An exhibit with a group of 2: its sheet has the cell empty, the Geheimhouding column says
    why, and the notes keep the promise they make (no 'Getoond in het boek' column promised)."""
    from barometer.presentation import exhibit
    from barometer.presentation.exhibit import TableExhibit

    monkeypatch.chdir(tiny_book / "chapters")
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2025, 5, False))
    data = pd.DataFrame({"year": [2025] * 3, "group": [1, 3, "Totaal"], "count": [8, 2, 10],
                         "base": [10, 2, 12], "pct": [80.0, 100.0, 83.3]})
    TableExhibit("tbl-proef-sector", "Innovatie naar sector (2025)", pd.DataFrame({"Sector": ["x"]}),
                 ["Totaal (n) = 12."], data, codes={"group": "sector"})
    wb = openpyxl.load_workbook(write_workbook(tiny_book, tmp_path / "wb.xlsx", 2025, synthetic=False))
    rows = list(wb["Tabel 1"].iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Jaar")
    head = list(rows[header_at])
    body = [dict(zip(head, r)) for r in rows[header_at + 1:]]
    small = next(r for r in body if str(r["Groep (code)"]) == "3")
    assert small["Percentage (volle precisie)"] is None and small["Aantal"] is None
    assert small["Geheimhouding"].startswith("niet getoond")
    # the group of 8 would follow from the total minus the hidden one: hidden too (secondary)
    other = next(r for r in body if str(r["Groep (code)"]) == "1")
    assert other["Percentage (volle precisie)"] is None and "af te leiden" in other["Geheimhouding"]
    block = {r[0]: r[1] for r in rows[:header_at] if r[0]}
    assert block["Geheimhouding"].startswith("#: geen cijfer")
    about = " ".join(str(c) for r in wb["Toelichting"].iter_rows(values_only=True) for c in r if c)
    assert "Getoond in het boek" not in about and "'Geheimhouding'" in about
