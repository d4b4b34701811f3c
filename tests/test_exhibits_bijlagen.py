"""Tests of barometer.chapters.bijlage_tabellen: the Bijlage I tables as exhibits, cell by cell
against the published tables (data/published/figures.csv), for 2025 and 2021.

A published number whose row carries a conflict id (data/registers/conflicts.yaml) is an
expected failure with the register's reason, never a skip; the response percentages of
Tabel B1-1 cannot be computed from a respondent file and must show '-'.
"""
from __future__ import annotations

import pandas as pd
import pytest

from barometer.presentation import formatting as fmt
from barometer.data.codebook import load_codebook
from barometer.book.edition import Edition
from barometer.presentation.exhibit import TableExhibit
from barometer.chapters import bijlage_tabellen as ex
from barometer.presentation.exhibit import Notice
from barometer.presentation.published import read_figures

CB = load_codebook()
FIG = read_figures()
B1 = FIG[FIG["source"].astype(str).str.match(r"^Tabel B1-\d+$")]


@pytest.fixture(scope="module")
def ed():
    return Edition.open(2025, [2021], None, 5)


@pytest.fixture(scope="module")
def ed2021():
    return Edition.open(2021, [], None, 5)


@pytest.fixture(scope="module")
def cells(ed):
    return ex.published_cells(ed).set_index("row_id")


@pytest.fixture(scope="module", autouse=True)
def _in_tmp(tmp_path_factory):
    # Exhibits write their downloads to ./_downloads: keep the repository clean.
    import os

    old = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("exhibits"))
    yield
    os.chdir(old)


# ----------------------------------------------------------------------------- cell by cell
def _full_precision(ed, row_id: str) -> pd.Series:
    """The row of the table's full-precision data (its download) behind a published cell."""
    r = B1.set_index("row_id").loc[row_id]
    data = ex.appendix_table(ed, str(r["source"]).removeprefix("Tabel ")).data
    sel = (data["year"] == int(r["year"])) & (data["group"].map(str) == str(int(float(r["group"]))))
    if "item" in data.columns:
        sel &= data["item"] == r["variable"]
    assert sel.sum() == 1, f"{row_id}: {sel.sum()} rows in the table's data"
    return data[sel].iloc[0]


@pytest.mark.parametrize("row_id", list(B1["row_id"]))
def test_published_cell_equals_rendered_table(ed, cells, row_id):
    c = cells.loc[row_id]
    if c["statistic"] == "response_rate":
        # the number of organisations approached is not in the data: no figure is invented
        assert c["shown"] == fmt.NOT_ASKED or c["equal"], c.to_dict()
        return
    if c["shown"] == fmt.SMALL_CELL and c["published"] != fmt.SMALL_CELL:
        # The report prints figures for groups with n < 5 in Tabel B1-8 and B1-9 (Provincie:
        # 2021 n = 3, 2025 n = 4) although its own rule (B1-10, B1-12: "# n kleiner dan 5")
        # says not to. Our tables apply the rule on screen ('#'), a difference from the
        # printed report (conflicts register); the number itself is in the table's
        # full-precision download data, and there it must equal the published value.
        row = _full_precision(ed, row_id)
        assert row["base"] < ed.min_base, f"{row_id}: '#' shown for a base of {row['base']}"
        base_n = B1.set_index("row_id").loc[row_id, "base_n"]
        if not pd.isna(base_n):
            assert row["base"] == int(base_n), (row_id, row["base"], base_n)
        full = fmt.format_value(row[c["statistic"]], c["statistic"],
                                int(B1.set_index("row_id").loc[row_id, "decimals"]))
        assert full == c["published"], f"{row_id}: download data {full!r}, published {c['published']!r}"
        return
    if c["conflict"]:
        assert c["reason"], f"{row_id}: conflict {c['conflict']} has no resolution in the register"
        if not c["equal"]:
            pytest.xfail(f"{c['conflict']}: {c['reason']}")
    assert c["shown"] == c["published"], (
        f"Tabel {c['table']} ({c['year']}), row {c['row']!r}, column {c['column']!r}: "
        f"rendered {c['shown']!r}, published {c['published']!r}")


def test_every_published_b1_number_is_placed_once(cells):
    assert len(cells) == len(B1)
    assert set(cells["table"]) == {f"B1-{i}" for i in range(1, 13)}
    assert not cells.reset_index().duplicated(["table", "row", "column"]).any()


def test_rows_with_a_conflict_are_listed_with_their_reason(cells):
    listed = cells[cells["conflict"] != ""]
    assert set(listed.index) == set(B1.loc[B1["conflict"].notna(), "row_id"])
    assert listed["reason"].str.len().gt(20).all()


def test_locate_uses_codebook_labels_and_year_columns(ed, cells):
    c = cells.loc["B1-8/2021/pct/innovated=1/sector=1"]
    assert (c["row"], c["column"]) == (CB.labels("sector")[1], "Innovatie 2021")
    c = cells.loc["B1-10/2025/sd/climate_scale"]
    assert c["row"] == "Totaal*" and c["column"].endswith("2025") and c["published"] == "0,55"
    c = cells.loc["B1-11/2025/n/climate_scale/national_type=1|2|3"]
    assert c["row"] == "Totaal" and c["published"] == "82"
    c = cells.loc["B1-10/2021/n/climate_scale/sector=5"]  # n < 5 is printed as '#'
    assert c["published"] == fmt.SMALL_CELL


def test_a_wrong_cell_is_detected(ed):
    fig = B1[B1["row_id"] == "B1-8/2025/pct/innovated=1"].copy()
    fig["value"] = 3.0  # no table shows 3%
    c = ex.published_cells(ed, fig)
    assert len(c) == 1 and not c.iloc[0]["equal"] and c.iloc[0]["status"] == "afwijkend"


# ----------------------------------------------------------------------------- exhibits
@pytest.mark.parametrize("number", ex.NUMBERS)
def test_each_table_is_a_captioned_named_exhibit(ed, number):
    e = getattr(ex, "tabel_" + number.lower().replace("-", "_"))(ed)
    assert isinstance(e, TableExhibit)
    assert e.name == f"tbl-bijlage-{number.lower()}"
    # The book numbers its tables itself, so the report's number goes last (d233b37, the
    # docstring of bijlagen.tabel): "<wording> (<unit>; <years>). (Tabel B1-x in het rapport)".
    assert e.caption.endswith(f". (Tabel {number} in het rapport)")
    assert not e.caption.startswith("Tabel ")
    md = e._repr_markdown_()
    assert f":name: {e.name}" in md and "{download}" in md
    assert e.data is not None and len(e.data)
    if CB.variable(ex.QUESTION[number]).type == "multiple" if ex.QUESTION[number] in CB.variables else False:
        assert "Meer antwoorden mogelijk." in e.notes
    if number not in ex.ONE_YEAR:
        assert "2021 en 2025" in e.caption and {"2021", "2025"} <= {c[-4:] for c in map(str, e.frame.columns)}


def test_min_base_of_the_edition_is_applied(ed):
    small = Edition.open(2025, [2021], None, 200)
    frame = ex.tabel_b1_8(small).frame
    assert (frame.iloc[:-1, 1] == fmt.SMALL_CELL).all()  # every sector has fewer than 200
    assert frame.iloc[-1, 1] != fmt.SMALL_CELL
    assert any("200" in n for n in ex.tabel_b1_8(small).notes)


def test_2021_edition_without_comparison(ed2021):
    e = ex.tabel_b1_4(ed2021)
    assert list(e.frame.columns)[1:] == ["2021"]
    dk = CB.label("partner_dk")
    assert e.frame.set_index(e.frame.columns[0]).loc[dk, "2021"] == fmt.NOT_ASKED
    k = ex.kerncijfers(ed2021)
    assert "geen eerdere meting" in k["vergelijking"]
    assert k["jaren"] == "2021"


def test_question_not_asked_gives_a_notice(ed, monkeypatch):
    monkeypatch.setitem(ex.QUESTION, "B1-7", "goal")  # goals were not asked in 2021
    e = ex.tabel(Edition.open(2021, [], None, 5), "B1-7")
    assert isinstance(e, Notice) and "niet gesteld" in e.text and "2025" in e.text


def test_kerncijfers_are_formatted_strings(ed, cells):
    k = ex.kerncijfers(ed)
    assert all(isinstance(v, str) for v in k.values())
    assert k["cellen"] == fmt.num(len(cells))
    assert k["cellen_gelijk"] == fmt.num(int(cells["equal"].sum()))
    assert k["meest_b1_9"] == CB.label("type_process").lower()  # processes dominate (Tabel B1-9)
    assert k["jaren"] == "2021 en 2025"


def test_vragen_table_takes_wordings_from_the_codebook(ed):
    e = ex.tabel_vragen(ed)
    assert list(e.frame["Tabel"]) == list(ex.NUMBERS)
    assert e.frame.iloc[1, 1] == CB.variable("channel").question
    assert e.frame.iloc[1, 2] == CB.routing_of("channel").label


@pytest.mark.parametrize("not_computable, deviating, expected", [
    (0, 0, "Geen enkel cijfer wijkt af zonder"),
    (0, 1, "Eén cijfer wijkt af zonder"),
    (0, 5, "5 cijfers wijken af zonder"),
    (1, 0, "Eén cijfer (een responspercentage) is uit een respondentbestand niet te berekenen, en geen enkel cijfer wijkt af"),
    (12, 1, "12 cijfers (de responspercentages) zijn uit een respondentbestand niet te berekenen, en één cijfer wijkt af"),
])
def test_the_rest_sentence_reads_for_zero_one_and_many(not_computable, deviating, expected):
    from barometer.chapters.bijlage_tabellen import rest_sentence

    text = rest_sentence(not_computable, deviating)
    assert text.startswith(expected) and text.endswith("vastgelegd."), text
    assert "0 cijfers" not in text and "Één" not in text
