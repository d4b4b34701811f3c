"""Sector profiles (src/barometer/book/profiles.py, chapters/sectorprofiel.py, the merge rule of
data/disclosure.yaml): the list of profiles comes from the data, small groups are pooled as the
policy says, and a profile's numbers equal the chapters' and Bijlage I's."""
from __future__ import annotations

import pandas as pd
import pytest

from barometer.presentation import disclosure
from barometer.book import profiles
from barometer.presentation import formatting as fmt
from barometer.book.edition import Edition
from barometer.chapters import bijlage_tabellen as bijlagen
from barometer.chapters import sectorprofiel as sp


@pytest.fixture(scope="module")
def ed():
    return Edition.open(2025, [2021])


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exhibits write _downloads/ into the working folder


def test_the_merge_rule_pools_small_groups_and_protects_the_pool():
    groups, dropped = disclosure.profile_groups({1: 40, 2: 3, 3: 30}, min_base=5)
    # group 2 is too small; alone the pool (3) would follow from the total, so the smallest
    # shown group (3: 30) joins it
    assert [(g.codes, g.pooled) for g in groups] == [((1,), False), ((2, 3), True)]
    assert groups[-1].reasons == {2: "primary", 3: "secondary"}
    assert dropped == []
    groups, dropped = disclosure.profile_groups({1: 40, 2: 3, 3: 4}, min_base=5)
    assert [(g.codes, g.base) for g in groups] == [((1,), 40), ((2, 3), 7)]
    assert groups[-1].reasons == {2: "primary", 3: "primary"}
    groups, dropped = disclosure.profile_groups({2: 1, 3: 2}, min_base=5)
    assert groups == [] and dropped == [2, 3]
    groups, dropped = disclosure.profile_groups({1: 40, 3: 30}, min_base=5)
    assert all(not g.pooled for g in groups) and dropped == []


def test_profile_list_of_the_shipped_edition(ed):
    found, missing = profiles.profiles(ed.df, 2025, 5)
    counts = ed.df["sector"].value_counts()
    own = {p.codes[0] for p in found if p.variable == "sector" and not p.pooled}
    assert own == {int(c) for c, n in counts.items() if n >= 5} - {p for pl in found if pl.pooled for p in pl.codes}
    small = {int(c) for c, n in counts.items() if n < 5}
    assert small, "the shipped 2025 file has a sector below the threshold (Hoge Colleges van Staat)"
    pool = [p for p in found if p.variable == "sector" and p.pooled]
    assert len(pool) == 1 and small <= set(pool[0].codes) and pool[0].base >= 5
    assert pool[0].label == "Overige sectoren"
    # the national government: kerndepartementen and diensten en agentschappen get a profile,
    # the zbo part is the same organisations as sector Zbo and gets none of its own
    nat = [p for p in found if p.variable == "national_type"]
    assert [p.codes for p in nat] == [(1,), (2,)]
    assert any(m["reason"] == "duplicate" and m["code"] == 3 for m in missing)
    assert len({p.slug for p in found}) == len(found)


def test_a_planted_tiny_sector_is_merged_and_a_new_sector_gets_a_profile(ed):
    df = ed.df.copy()
    gem = df.index[df["sector"] == 1]
    df.loc[gem[:3], "sector"] = 6      # Rechtswezen +3 (still fine)
    df.loc[gem[3:23], "sector"] = 10   # a sector code the codebook does not know yet
    found, missing = profiles.profiles(df, 2025, 5)
    new = [p for p in found if p.codes == (10,)]
    assert len(new) == 1 and new[0].label == "sector 10" and new[0].slug == "sector-sector-10"
    # plant a tiny sector: only two Rechtswezen organisations left
    df2 = ed.df.copy()
    rw = df2.index[df2["sector"] == 6]
    df2.loc[rw[2:], "sector"] = 1
    found2, missing2 = profiles.profiles(df2, 2025, 5)
    pooled = [p for p in found2 if p.pooled and p.variable == "sector"][0]
    assert 6 in pooled.codes
    assert not any(p.codes == (6,) for p in found2)
    assert any(m["code"] == 6 and m["into"] == pooled.slug for m in missing2)
    text = profiles.overview_text(found2, missing2, 5)
    assert "Rechtswezen" in text and "Overige sectoren" in text


def test_share_innovating_of_a_profile_equals_tabel_b1_8(ed):
    t = bijlagen.appendix_table(ed, "B1-8").frame.set_index("Sector")
    col = f"Innovatie {ed.year}"
    found, _ = profiles.profiles(ed.df, ed.year, ed.min_base)
    checked = 0
    for p in found:
        if p.variable != "sector" or p.pooled:
            continue
        spec = sp.parse_spec(p.spec)
        k = sp.kerncijfers(ed, spec)
        short = ed.codebook.labels("sector")[p.codes[0]] if hasattr(ed, "codebook") else None
        from barometer.data.codebook import load_codebook
        short = load_codebook().labels("sector")[p.codes[0]]
        assert k["pct_innovatie"] == t.loc[short, col], p.label
        checked += 1
    assert checked >= 6
    # the whole public sector column equals the total of Tabel B1-8
    tidy = sp._innovation_tidy(ed, sp.parse_spec("sector:1"))
    tot = tidy[(tidy["groep"] == "Totaal") & (tidy["reeks"] == sp.PER_GROUP) & (tidy["jaar"] == ed.year)
               & (tidy["item"] == "innovated")].iloc[0]
    assert fmt.pct(tot["pct"]) == t.loc["Totaal*", col]


def test_a_profile_of_a_national_part_equals_the_chapter(ed):
    from barometer.analysis.statistics import statistic
    k = sp.kerncijfers(ed, sp.parse_spec("national_type:1"))
    r = statistic(ed.all_years, "innovated", "pct", codes=1, group_var="national_type", group=1, year=ed.year)
    assert k["pct_innovatie"] == fmt.pct(r.value)


def test_small_cells_are_suppressed_in_a_profile(ed):
    # Provincie alone had 3 respondents in 2021: its previous measurement is not shown, on
    # screen nor in the download
    n_prev = int(((ed.all_years["year"] == ed.previous_year) & (ed.all_years["sector"] == 5)).sum())
    assert n_prev < 5
    table = sp.tabel_innovatie(ed, sp.parse_spec("sector:5"))
    prev = f"Provincie {ed.previous_year}"
    assert table.frame[prev].iloc[0] == disclosure.symbol()
    dl = pd.read_csv(f"_downloads/{table.name}.csv", sep=None, engine="python")
    row = dl[(dl["Jaar"] == ed.previous_year) & (dl["Indicator"] == "innoveerde") & (dl["Groep"] == "Provincie")].iloc[0]
    assert pd.isna(row["Aantal"]) and row["Geheimhouding"].startswith("niet getoond")


def test_a_bad_sector_parameter_is_a_dutch_error():
    with pytest.raises(ValueError, match="verwacht"):
        sp.parse_spec("gemeente")


@pytest.mark.slow
def test_the_built_book_has_the_profiles_and_passes_the_audit():
    from built_book import built_book
    from barometer.publishing import audit as au
    from barometer.data import paths

    book = built_book()
    staged = sorted((book.stage / profiles.FOLDER).glob("*.ipynb"))
    assert len(staged) >= 8
    assert (book.html / profiles.FOLDER / "sector-gemeente.html").is_file()
    assert au.audit(book.stage, book.html, paths.respondent_file(2025)) == []


def test_the_template_has_the_four_book_parameters_and_a_literal_sector():
    """The profile template lives in templates/, outside the chapter scan of
    tests/test_chapters_structure.py, because it has a fifth parameter: ``sector``. Its
    parameters cell must still be the chapters' four plus ``sector``, all literal defaults."""
    import ast
    import json

    nb = json.loads(profiles.TEMPLATE.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(cells) == 1
    tree = ast.parse("".join(cells[0]["source"]))
    names = [t.targets[0].id for t in tree.body]
    assert names == ["year", "comparison_years", "data_path", "min_base", "sector"]
    for t in tree.body:
        ast.literal_eval(t.value)
    staged = profiles._notebook("sector:3,5", "Overige sectoren")
    assert staged["cells"][0]["source"] == ["# Overige sectoren"]
    assert any("sector = 'sector:3,5'" in "".join(c["source"]) for c in staged["cells"])


def test_types_and_climate_of_a_profile_equal_bijlage_i(ed):
    """Types (Tabel B1-9), climate score per sector and year (B1-10) and per part of the
    national government (B1-11): the profile's table cell equals Bijlage I's."""
    from barometer.data.codebook import load_codebook

    short = load_codebook().labels("sector")
    b9 = bijlagen.appendix_table(ed, "B1-9").frame.set_index("Sector")
    b10 = bijlagen.appendix_table(ed, "B1-10").frame.set_index("Sector")
    b11 = bijlagen.appendix_table(ed, "B1-11").frame.set_index(
        bijlagen.appendix_table(ed, "B1-11").frame.columns[0])
    found, _ = profiles.profiles(ed.df, ed.year, ed.min_base)
    checked = 0
    for p in found:
        if p.pooled:
            continue
        spec = sp.parse_spec(p.spec)
        klim = sp.tabel_klimaat(ed, spec).frame.iloc[0]
        if p.variable == "sector":
            row = short[p.codes[0]]
            for y in (ed.year, ed.previous_year):
                assert klim[f"{spec.label} {y}"] == b10.loc[row, f"Gemiddelde {y}"], (p.label, y)
            inn = sp.tabel_innovatie(ed, spec).frame.set_index("Onderdeel")
            for col in b9.columns:
                if col in inn.index:
                    assert inn.loc[col, f"{spec.label} {ed.year}"] == b9.loc[row, col], (p.label, col)
                    checked += 1
        else:
            assert klim[f"{spec.label} {ed.year}"] == b11.loc[spec.label, "Gemiddelde"], p.label
    assert checked >= 4 * 6


def test_staging_adds_the_profiles_after_the_overview_page(tmp_path):
    """The staged _toc.yml gets one chapter per profile after the overview page, the overview
    page the list and the pooling paragraph; a book without the overview gets no profiles."""
    import shutil

    import yaml
    from barometer.data import paths

    stage = tmp_path / "stage"
    (stage / "chapters").mkdir(parents=True)
    shutil.copy(paths.ROOT / "_toc.yml", stage / "_toc.yml")
    shutil.copy(paths.ROOT / f"{profiles.OVERVIEW}.md", stage / f"{profiles.OVERVIEW}.md")
    root, nbs = profiles.stage(stage, tmp_path / "src", paths.respondent_file(2025), 2025, 5)
    found, _ = profiles.profiles(Edition.open(2025, []).df, 2025, 5)
    assert [nb.stem for nb in nbs] == [p.slug for p in found]
    assert all((root / nb).is_file() for nb in nbs)
    part = next(pt for pt in yaml.safe_load((stage / "_toc.yml").read_text())["parts"]
                if pt["caption"] == profiles.PART)
    assert [c["file"] for c in part["chapters"]] == [profiles.OVERVIEW] + [f"sectorprofielen/{p.slug}" for p in found]
    page = (stage / f"{profiles.OVERVIEW}.md").read_text(encoding="utf-8")
    assert "profielen-samenstelling" not in page and "Overige sectoren" in page
    (stage / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    assert profiles.stage(stage, tmp_path / "src2", paths.respondent_file(2025), 2025, 5)[1] == []


def test_a_group_that_would_follow_from_the_total_is_hidden_in_its_profile(ed):
    """Secondary suppression across the profiles (issue 10). Plant a previous measurement with
    three Rechtswezen organisations: in that year's block of sector profiles Rechtswezen is
    hidden (below the threshold) and, because the total and every other profile are shown,
    the smallest other profile (Overige sectoren, seven organisations in 2021) is hidden as
    well: on screen, in the prose and in the download. Larger profiles still show the year."""
    from barometer.presentation.exhibit import use_edition

    df21 = ed.frames[2021].copy()
    rw = df21.index[df21["sector"] == 6]
    df21.loc[rw[3:], "sector"] = 1
    planted = Edition(2025, (2021,), ed.data_path, 5, {2025: ed.frames[2025], 2021: df21})
    try:
        pool = sp.parse_spec("sector:3,5")
        assert int(((df21["sector"].isin([3, 5]))).sum()) == 7
        table = sp.tabel_innovatie(planted, pool)
        col = f"{pool.label} 2021"
        assert table.frame[col].iloc[0] == "#"
        assert table.frame[f"{pool.label} 2025"].iloc[0] != "#"
        d = sp._disclosed(planted, pool, "innovatie")
        where = dict(jaar=2021, reeks=sp.PER_GROUP, groep=pool.label, indicator="innoveerde", item="innovated")
        assert d.reason("pct", **where) == "secondary"
        dl = pd.read_csv(f"_downloads/{table.name}.csv", sep=None, engine="python")
        row = dl[(dl["Jaar"] == 2021) & (dl["Indicator"] == "innoveerde") & (dl["Groep"] == pool.label)].iloc[0]
        assert pd.isna(row["Aantal"]) and pd.isna(row["Percentage (volle precisie)"])
        assert row["Geheimhouding"].startswith("niet getoond: anders af te leiden")
        rw_row = dl[(dl["Jaar"] == 2021) & (dl["Indicator"] == "innoveerde") & (dl["Groep"] == "Rechtswezen")].iloc[0]
        assert pd.isna(rw_row["Percentage (volle precisie)"]) and "minder dan" in rw_row["Geheimhouding"]
        k = sp.kerncijfers(planted, pool)
        assert "voor 2021 zijn er te weinig antwoorden om te vergelijken" in k["zin_innovatie"]
        # Rechtswezen's own profile hides its 2021 figure; Waterschap (12 in 2021) shows it
        assert sp.tabel_innovatie(planted, sp.parse_spec("sector:6")).frame["Rechtswezen 2021"].iloc[0] == "#"
        assert sp.tabel_innovatie(planted, sp.parse_spec("sector:8")).frame["Waterschap 2021"].iloc[0] != "#"
        # without the planted group nothing of 2021 is hidden in the pool's profile
        assert sp.tabel_innovatie(ed, pool).frame[col].iloc[0] != "#"
    finally:
        use_edition(ed.year, ed.min_base, ed.synthetic)


def test_the_profile_glue_is_released(ed, monkeypatch):
    """sectorprofiel is converted: no GLUE_UNCHECKED flag, every glued figure released."""
    from barometer.presentation import glue
    from barometer.presentation.disclosure import Released, carries_number

    assert getattr(sp, "GLUE_UNCHECKED", False) is False
    glued = {}
    monkeypatch.setattr(glue, "_glue", lambda name, value, display=False: glued.__setitem__(name, value))
    for spec in ("sector:1", "sector:3,5", "national_type:1"):
        glued.clear()
        sp.kerncijfers(ed, sp.parse_spec(spec))
        assert glued and all(isinstance(v, Released) or not carries_number(v) for v in glued.values()), spec
        assert any(isinstance(v, Released) and carries_number(v) for v in glued.values()), spec
