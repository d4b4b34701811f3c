"""Secondary suppression across the exhibits of one edition (issue 10,
:mod:`barometer.presentation.linked`): Bijlage I's tables with every sector on its own, the
sector profiles with the small sectors pooled, and the parts of the national government (of
which the zbo's are also a sector) hide their cells as one solution.

The leaks these tests plant are the ones the audit found before the rule was edition-wide:
at a threshold of 10, Tabel B1-8 hid Waterschap 2021 as its complementary cell while the
profiles showed it (and the pool "Overige sectoren" minus Rechtswezen of B1-8 gave the hidden
Hoge Colleges and Provincie back); on a file with one respondent of the national government,
Tabel B1-11 hid the zbo mean while Tabel B1-10 showed the same respondents' mean.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from barometer.book.edition import Edition
from barometer.chapters import bijlage_tabellen as bt
from barometer.chapters import sectorprofiel as sp
from barometer.presentation import disclosure, exhibit, linked


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exhibits write _downloads/ into the working folder
    yield
    exhibit.use_edition(2025, 5, True)


@pytest.fixture(scope="module")
def ed10():
    return Edition.open(2025, [2021], min_base=10)


def _hidden_sectors(ed, number: str, year: int, column: str = "pct") -> set[int]:
    _, d = bt.TABLES[number].disclosed(ed)
    return {int(c.key["group"]) for c in d.protected.cells
            if c.column == column and c.key.get("year") == year and str(c.key.get("group")) != "Totaal"}


def _derivable(target: set, shown: list[set], universe: list) -> bool:
    """Whether the count of the groups ``target`` is a sum and difference of the ``shown`` sets'
    counts (an independent check: linear algebra over the respondents' finest groups)."""
    col = {a: i for i, a in enumerate(universe)}

    def vec(s):
        v = np.zeros(len(universe))
        for a in s:
            v[col[a]] = 1
        return v

    m = np.array([vec(s) for s in shown])
    return np.linalg.matrix_rank(np.vstack([m, vec(target)])) == np.linalg.matrix_rank(m)


def test_b1_8_and_the_profiles_hide_one_pattern_at_threshold_ten(ed10):
    pool = next(g.codes for g in disclosure.profile_groups(ed10.df["sector"].value_counts().to_dict(), 10)[0] if g.pooled)
    sectors = sorted(int(c) for c in ed10.all_years["sector"].dropna().unique())
    for year in (2021, 2025):
        hidden = _hidden_sectors(ed10, "B1-8", year)
        # the table's hidden sectors are the pool's (Hoge Colleges van Staat are in no row: the rest)
        assert hidden | {3} == set(pool), (year, hidden, pool)
        # the profiles show the pool and the other sectors; the table the sectors it does not hide
        profile_cells = [set(pool)] + [{c} for c in sectors if c not in pool]
        table_cells = [{c} for c in sectors if c not in hidden and c != 3]
        shown = [set(sectors)] + profile_cells + table_cells
        for c in hidden | {3}:
            assert not _derivable({c}, shown, sectors), (year, c)
    # the screens agree: Waterschap 2021 is shown in the table and on its profile
    assert 8 not in _hidden_sectors(ed10, "B1-8", 2021)
    d = sp._disclosed(ed10, sp.parse_spec("sector:8"), "innovatie")
    assert d.reason("pct", jaar=2021, reeks=sp.PER_GROUP, groep="Waterschap", indicator="innoveerde",
                    item="innovated") is None


def test_each_table_deciding_alone_would_leak_what_the_edition_wide_rule_protects(ed10):
    """The planted leak: B1-8 with its own complementary rule (no marks of the edition-wide rule)
    shows a sector of the profiles' pool, from which the pool gives the hidden sectors back."""
    data = bt.TABLES["B1-8"].compute(ed10)
    own = disclosure.protect(data, 10)
    alone = {int(c.key["group"]) for c in own.cells if c.key.get("year") == 2021 and str(c.key.get("group")) != "Totaal"}
    pool = next(g.codes for g in disclosure.profile_groups(ed10.df["sector"].value_counts().to_dict(), 10)[0] if g.pooled)
    sectors = sorted(int(c) for c in ed10.all_years["sector"].dropna().unique())
    shown = ([set(sectors), set(pool)] + [{c} for c in sectors if c not in pool]
             + [{c} for c in sectors if c not in alone and c != 3])
    assert any(_derivable({c}, shown, sectors) for c in alone | {3}), "the planted leak is no leak"
    assert _hidden_sectors(ed10, "B1-8", 2021) != alone  # and the pipeline does not do that


def test_the_zbo_is_one_cell_of_b1_10_and_b1_11():
    """One respondent of the national government outside the zbo's: B1-11 must hide its part
    (primary) and a complementary cell; the zbo's mean is the same figure in B1-10 (sector) and
    B1-11 (part of the national government), so both tables give it the same verdict."""
    base = Edition.open(2025, [2021])
    df = base.frames[2025].copy()
    rijk = df.index[df["sector"] == 7]
    df.loc[rijk[1:], "sector"] = 1  # one kerndepartement or dienst left
    from barometer.data.derive import add_derived

    ed = Edition(2025, (2021,), base.data_path, 5, {2025: add_derived(df.drop(columns=["national_type"], errors="ignore")),
                                                     2021: base.frames[2021]})
    _, b10 = bt.TABLES["B1-10"].disclosed(ed)
    _, b11 = bt.TABLES["B1-11"].disclosed(ed)
    assert any(c.reason == "primary" for c in b11.protected.cells)  # the one respondent's part
    zbo_sector = b10.reason("mean", year=2025, group=9)
    zbo_part = b11.reason("mean", year=2025, group=3)
    assert (zbo_sector is None) == (zbo_part is None), (zbo_sector, zbo_part)
    assert not b10.as_printed and not b11.as_printed  # other figures than the print: the whole rule


def test_a_printed_block_is_never_a_complementary_cell():
    """Kept as printed (the report's tables in its edition), a block's groups stay shown; what
    the printed cells give away by themselves is left as printed, anything else is protected
    in the other blocks."""
    atoms = {"k": 3, "d": 20, "z": 9, "g": 40}
    sectors = ("T", "kdzg", [("R", "kd"), ("Z", "z"), ("G", "g")], True)
    parts = ("N", "kdz", [("K", "k"), ("D", "d"), ("Zn", "z")])
    why = disclosure.linked_suppression(atoms, [sectors, parts], 5)
    assert why == {"K": "primary", "D": "secondary"}  # R is printed: D is hidden instead
    assert not {"R", "Z", "G"} & set(why)


def test_every_exhibit_of_an_edition_gets_the_same_solution(ed10):
    """The solution depends on the bases only: an edition opened again from its files (as each
    page's kernel does), with its rows in another order, gets the same hidden cells."""
    first = linked.hidden(ed10, linked.INNOVATED)
    assert any(why == "secondary" for cells in first.values() for why in cells.values())
    other = Edition.open(2025, [2021], min_base=10)
    shuffled = {y: f.sample(frac=1.0, random_state=7) for y, f in other.frames.items()}
    again = linked.hidden(Edition(2025, (2021,), other.data_path, 10, shuffled), linked.INNOVATED)
    assert again == first
