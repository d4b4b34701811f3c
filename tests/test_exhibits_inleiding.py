"""Tests of barometer.chapters.inleiding: the table of measurements is a declaration (issue 10),
so its screen, download and glued counts take their cells from one disclosed frame."""
from __future__ import annotations

import csv

from conftest import edition_of, make_valid_frame

from barometer.chapters import inleiding as ex
from barometer.data.derive import add_derived
from barometer.presentation import formatting as fmt


def _frames(n_old: int, n_new: int) -> dict:
    return {2021: add_derived(make_valid_frame(n_old, 2021)), 2025: add_derived(make_valid_frame(n_new, 2025))}


def test_a_measurement_below_the_threshold_hides_its_count_everywhere(glued):
    """With 8 organisations in 2025 and a threshold of 10, the number (and share) that innovated is
    not published: the symbol on screen and in the glue, empty in the download; the number of
    participants stays public (the report publishes the response)."""
    frames = _frames(30, 8)
    ed = edition_of(frames, min_base=10)
    tbl = ex.tabel_metingen(ed)
    screen = tbl.frame.set_index("Meting")
    innovated_2021 = int((frames[2021]["innovated"] == 1).sum())
    assert screen.loc["2025", "Waarvan met een innovatie"] == "#"
    assert screen.loc["2025", "Deelnemende organisaties"] == "8"
    assert screen.loc["2021", "Waarvan met een innovatie"] == fmt.num(innovated_2021)
    k = ex.kerncijfers(ed)
    assert k["n_innovatie"] == "#" and glued["n_innovatie"] == "#" and glued["n"] == "8"
    assert "30 organisaties" in glued["vergelijking"]
    with open(tbl.downloads[0], encoding="utf-8") as fh:
        rows = {r["Jaar"]: r for r in csv.DictReader(fh)}
    assert rows["2025"]["Aantal"] == "" and rows["2025"]["Percentage (afgerond)"] == ""
    assert rows["2025"]["Ondergrens (95%-betrouwbaarheidsinterval)"] == ""
    assert rows["2025"]["Basis (n)"] == "8" and "minder dan 10" in rows["2025"]["Geheimhouding"]
    assert rows["2021"]["Aantal"] == str(innovated_2021)


def test_the_measurements_table_is_declared():
    from barometer.presentation import declaration

    assert isinstance(ex.tabel_metingen, declaration.Table)
    assert getattr(ex, "GLUE_UNCHECKED", False) is False


def test_shares_in_the_download_carry_their_interval(glued):
    ed = edition_of(_frames(12, 12), min_base=5)
    data = ex.metingen(ed)
    assert {"ondergrens", "bovengrens"} <= set(data.columns)
    assert (data["ondergrens"] <= data["pct"]).all() and (data["pct"] <= data["bovengrens"]).all()
