"""Tests of barometer.data.validation: the checks on in-memory frames and the messages."""

from __future__ import annotations

import shutil

import pandas as pd
import yaml

from barometer.data.codebook import load_codebook
from barometer.data.paths import CODEBOOK, EDITIONS
from barometer.data.validation import (
    CHECKS,
    KIND_TITLES,
    Problem,
    format_problems,
    known_years,
    row_convention,
    validate,
)
from conftest import make_valid_frame

CB = load_codebook()


def test_valid_frames_of_both_years_have_no_problems():
    for year in CB.years:
        assert validate(make_valid_frame(20, year), CB, "r.parquet", year=year) == []


def test_row_convention_depends_on_file_type():
    assert row_convention("a.csv")[:2] == (2, "regel")
    assert row_convention("a.sav")[:2] == (1, "rij")


def test_long_row_lists_are_capped_in_the_message():
    p = Problem("f.csv", tuple(range(2, 40)), "sector", "12", "een van ...", "invalid_code")
    text = p.describe(row_word="regel")
    assert "38 regels (2, 3, 4, 5, 6, 7, 8, 9, 10, 11 en nog 28)" in text
    assert text.startswith("Onbekende code — kolom sector")


def test_message_lists_every_problem_and_the_convention():
    problems = [
        Problem("f.csv", (3,), "sector", "12", "een van ...", "invalid_code"),
        Problem("f.csv", (), "sectr", None, "alleen kolommen uit het codeboek", "unknown_column"),
    ]
    text = format_problems("f.csv", problems)
    assert text.splitlines()[0] == "Het respondentbestand f.csv is niet geladen: 2 problemen gevonden."
    assert "regel 1 is de kopregel" in text
    assert "\n1. Onbekende code" in text and "\n2. Onbekende kolom" in text


def test_every_kind_has_a_dutch_title():
    df = make_valid_frame(12, 2025)
    df.loc[0, "sector"] = 99
    kinds = {p.kind for p in validate(df, CB, "x.csv")}
    assert kinds <= set(KIND_TITLES)
    assert len(CHECKS) >= 15


def test_ignore_columns():
    df = make_valid_frame(12, 2025).assign(gewicht=1.0)
    assert [p.kind for p in validate(df, CB, "x.csv")] == ["unknown_column"]
    assert validate(df, CB, "x.csv", ignore_columns=["gewicht"]) == []


def test_in_memory_frame_with_other_index_uses_positions():
    df = make_valid_frame(12, 2025)
    df.index = range(100, 112)
    df.loc[105, "size_class"] = 7
    (p,) = validate(df, CB, "x.parquet")
    assert p.rows == (6,)


def test_numeric_ids_from_spss_are_checked():
    df = make_valid_frame(6, 2025)
    df["resp_id"] = [1.0, 2.0, 2.0, 4.0, None, 6.0]
    kinds = {p.kind: p for p in validate(df, CB, "x.sav")}
    assert kinds["duplicate_id"].value == "2" and kinds["duplicate_id"].rows == (2, 3)
    assert kinds["missing_id"].rows == (5,)


def test_new_edition_year_is_checked_against_latest_codebook_year(tmp_path):
    shutil.copy(CODEBOOK, tmp_path / "codebook.yaml")
    entries = yaml.safe_load(EDITIONS.read_text(encoding="utf-8"))
    entries[2029] = {**entries[2025], "label": "Innovatie Barometer Overheid 2029"}
    (tmp_path / "editions.yaml").write_text(yaml.safe_dump(entries), encoding="utf-8")
    cb = load_codebook(tmp_path / "codebook.yaml")
    assert known_years(cb) == (2021, 2025, 2029)
    df = make_valid_frame(12, 2025, codebook=cb).assign(year=2029)
    assert validate(df, cb, "x.csv", year=2029) == []


def test_no_rows_still_reports_column_problems():
    df = make_valid_frame(3, 2025).iloc[:0].assign(sectr=pd.Series(dtype="Int64"))
    assert [p.kind for p in validate(df, CB, "x.csv")] == ["no_rows", "unknown_column"]
