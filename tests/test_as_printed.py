"""The report's exhibits keep their printed cells only where the edition's data give the printed
figures: a file with the report's year but other figures gets the whole disclosure rule."""
from __future__ import annotations

import pytest

from barometer.presentation import exhibit
from barometer.presentation import tables as tb
from conftest import edition_of


def _hidden(d) -> set:
    return {(c.key["year"], c.key["group"]) for c in d.protected.cells if c.key["group"] != "Totaal"}


def test_the_shipped_file_gives_the_printed_figures(shipped):
    assert shipped.reproduces_print("Tabel B1-8")
    assert not shipped.reproduces_print("Tabel B9-99")  # no printed figures: not the report's


def test_a_file_with_other_figures_gets_the_whole_rule(shipped):
    b18 = tb.tabel_b1_8(shipped.all_years, [2021, 2025], 5)
    printed = exhibit.disclose(b18.data, 5, "Tabel B1-8", 2025)
    whole = exhibit.disclose(b18.data, 6, "Tabel B1-8", 2025)
    assert printed.as_printed and not whole.as_printed
    # the same answers, one municipality of 2025 with another answer: no longer the report's figures
    frames = {y: f.copy() for y, f in shipped.frames.items()}
    cur = frames[2025]
    i = cur.index[(cur["sector"] == 1) & (cur["innovated"] == 1)][0]
    cur.loc[i, "innovated"] = 0
    other = edition_of(frames, 2025)
    assert not other.reproduces_print("Tabel B1-8")
    d = exhibit.disclose(tb.tabel_b1_8(other.all_years, [2021, 2025], 5).data, 5, "Tabel B1-8", 2025)
    assert not d.as_printed
    # the whole rule at the report's threshold hides more than the print: the complementary cell
    assert _hidden(d) > _hidden(printed), (_hidden(d), _hidden(printed))
