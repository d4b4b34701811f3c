"""Tests of barometer.chapters.verantwoording (and the small inleiding module) on the shipped
data and the registers: each checks a number or text against an independent source."""
from __future__ import annotations

import os

import pandas as pd
import pytest
import yaml

from barometer.presentation import formatting as fmt
from barometer.data import paths
from barometer.data.codebook import load_codebook
from barometer.book.edition import Edition
from barometer.presentation.exhibit import TableExhibit
from barometer.chapters import inleiding as inl
from barometer.chapters import verantwoording as ex
from barometer.presentation.published import read_figures

CB = load_codebook()


@pytest.fixture(scope="module", autouse=True)
def _in_tmp(tmp_path_factory):
    old = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("exhibits"))  # downloads go to ./_downloads
    yield
    os.chdir(old)


@pytest.fixture(scope="module")
def ed():
    return Edition.open(2025, [2021], None, 5)


@pytest.fixture(scope="module")
def ed2021():
    return Edition.open(2021, [], None, 5)


@pytest.fixture(scope="module")
def k(ed):
    return ex.kerncijfers(ed)


def test_kerncijfers_come_from_editions_and_sidecar(ed, k):
    meta = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))[2025]
    side = yaml.safe_load(paths.sidecar(ed.data_path).read_text(encoding="utf-8"))
    assert k["respons"] == fmt.pct(meta["response_rate"]) and k["veldwerk"] == meta["fieldwork"]
    assert k["n"] == fmt.num(len(pd.read_csv(ed.data_path)))
    assert k["seed"] == str(side["seed"]) and k["generator_versie"] == str(side["generator_version"])
    assert all(isinstance(v, str) for v in k.values())


def test_published_counts_add_up(ed, k):
    chk = ex.published_check(ed)
    fig = read_figures()
    assert len(chk) == int(fig["year"].isin([2021, 2025]).sum())
    parts = ["pub_gelijk", "pub_conflict", "pub_afwijkend", "pub_niet_berekenbaar"]
    assert sum(int(k[p].replace(".", "")) for p in parts) == int(k["pub_totaal"].replace(".", ""))
    assert k["pub_gelijk"] == fmt.num(int(chk["ok"].sum()))
    assert k["pub_gelijk"] in k["pub_zin"]


def test_gepubliceerd_table_total_row(ed):
    e = ex.tabel_gepubliceerd(ed)
    last = e.frame.iloc[-1]
    assert last.iloc[0] == "Totaal" and last["Cijfers"] == fmt.num(len(ex.published_check(ed)))
    assert e.frame["Bron in het rapport"].iloc[0] == "Tabel B1-1"


def test_afwijkingen_list_every_non_matching_row_with_conflict_reason(ed):
    chk = ex.published_check(ed)
    e = ex.tabel_afwijkingen(ed)
    bad = chk[chk["status"].isin(["conflict", "mismatch"])]
    assert len(e.frame) == len(bad)
    conf = e.frame[e.frame["Conflict"] != "-"]
    assert (conf["Toelichting"] != "geen verklaring vastgelegd").all()


def test_codebook_table_has_every_question(ed):
    e = ex.tabel_codeboek(ed)
    names = [v.name for v in CB.variables.values() if v.type != "id" and v.name != CB.year_column]
    assert list(e.frame["Variabele"]) == names
    row = e.frame.set_index("Variabele").loc["goal"] if "goal" in names else None
    if row is not None:
        assert row["Gemeten in"] == " en ".join(str(y) for y in CB.variable("goal").years)
    assert e.frame.set_index("Variabele").loc["sector", "Vraag"] == CB.variable("sector").question


def test_reliability_table_matches_scales_module(ed):
    from barometer.analysis.scales import reliability

    e = ex.tabel_betrouwbaarheid(ed)
    r = reliability(ed.frames[2025], "climate_scale", 2025)
    row = e.data[(e.data["scale"] == "climate_scale") & (e.data["year"] == 2025)].iloc[0]
    assert row["alpha"] == pytest.approx(r.alpha) and row["n"] == r.n
    assert set(e.data["year"]) == {2021, 2025}
    assert set(e.frame["Betrouwbaar"]) <= {"ja", "nee"}


def test_clusters_table_shares_add_to_100(ed):
    e = ex.tabel_clusters(ed)
    for y in ("2021", "2025"):
        total = e.data[e.data["year"] == int(y)]["pct"].sum()
        assert total == pytest.approx(100)
    assert "4,1" in e.frame.iloc[0, 1]


def test_models_table_reports_reference_categories(ed):
    e = ex.tabel_modellen(ed)
    assert len(e.frame) == 4
    assert "sector (referentie: " + CB.labels("sector")[1] in e.frame.iloc[0, 1]
    assert e.frame.iloc[0]["n"] != "-"


def test_models_of_effects_not_asked_in_2021(ed2021):
    e = ex.tabel_modellen(ed2021)
    if not CB.is_asked("effect_quality", 2021):
        assert (e.frame.iloc[1:]["Opmerking"] == "niet gevraagd in 2021").all()


def test_claims_table_has_one_row_per_claim(ed, k):
    e = ex.tabel_claims(ed)
    claims = pd.read_csv(paths.PUBLISHED / "claims.csv")
    assert set(claims["claim_id"]) <= set(e.frame["Id"])
    from barometer.presentation.phrasing import VERDICTS

    verdicts = e.frame["Houdt stand"]
    known = {VERDICTS["holds"], VERDICTS["fails"], VERDICTS["equivalent"], VERDICTS["untested"]}
    undecided = verdicts.str.startswith("onbeslist (")
    assert (verdicts.isin(known) | undecided).all(), set(verdicts)
    assert k["claims_houdt"] == fmt.num(int(verdicts.isin([VERDICTS["holds"], VERDICTS["equivalent"]]).sum()))
    assert k["claims_onbeslist"] == fmt.num(int(undecided.sum()))


def test_registers_rendered_in_full(ed, k):
    a = yaml.safe_load((paths.DATA / "registers" / "assumptions.yaml").read_text(encoding="utf-8"))
    c = yaml.safe_load((paths.DATA / "registers" / "conflicts.yaml").read_text(encoding="utf-8"))
    ea, ec = ex.tabel_aannames(ed), ex.tabel_conflicten(ed)
    assert list(ea.frame["Id"]) == [x["id"] for x in a]
    assert list(ec.frame["Id"]) == [x["id"] for x in c]
    assert k["n_conflicten"] == fmt.num(len(c))
    c05 = ec.frame.set_index("Id").loc["C05"]
    assert "B2-4" in c05["Bronnen"]


def test_denmark_sources(ed):
    dk = pd.read_csv(paths.EXTERNAL / "denmark.csv")
    e = ex.tabel_denemarken(ed)
    assert sum(int(v) for v in e.frame["Cijfers"]) == len(dk)
    assert set(e.frame["Bron"]) == set(dk["source_url"])


@pytest.mark.parametrize("fn", [f for f in ex.__all__ if f.startswith("tabel_")])
def test_every_table_is_a_named_exhibit(ed, fn):
    e = getattr(ex, fn)(ed)
    assert isinstance(e, TableExhibit)
    assert e.name.startswith("tbl-verantwoording-")
    assert f":name: {e.name}" in e._repr_markdown_()


# ----------------------------------------------------------------------------- inleiding
def test_inleiding_measurements(ed, ed2021):
    m = inl.metingen(ed)
    assert list(m["year"]) == [2021, 2025]
    assert list(m["n"]) == [len(ed.frames[2021]), len(ed.frames[2025])]
    k = inl.kerncijfers(ed)
    assert k["n"] == fmt.num(len(ed.df)) and "2021" in k["vergelijking"]
    assert k["typen"].count(",") + k["typen"].count(" en ") >= len(CB.items("innovation_type")) - 1
    k21 = inl.kerncijfers(ed2021)
    assert "geen eerdere meting" in k21["vergelijking"] and k21["respons"] == "27%"
    assert len(inl.tabel_metingen(ed2021).frame) == 1


def test_conflicts_register_has_dutch_texts_and_chapter_shows_them(ed):
    c = yaml.safe_load((paths.DATA / "registers" / "conflicts.yaml").read_text(encoding="utf-8"))
    t = ex.tabel_conflicten(ed).frame
    assert list(t["Tegenstrijdigheid"]) == [e["conflict_nl"].strip() for e in c]
    assert list(t["Oplossing"]) == [e["resolution_nl"].strip() for e in c]


def test_conflict_without_dutch_text_fails_loudly():
    with pytest.raises(ValueError, match="conflict_nl"):
        ex._nl({"id": "C99", "conflict": "English only"}, "conflict")


# ----------------------------------------------------------------------------- disclosure
def test_weighting_table_hides_small_bases_on_screen_in_glue_and_download(tmp_path, monkeypatch):
    """Known case: at a threshold of 300 the innovators (n = 264: types, factors) are a small
    group and the whole sample (347) and the climate score (323) are not. The weighting table
    then hides every estimate and interval of the small rows on screen, in the download and in
    its glued sentence, keeps the counts (public) and shows the other rows unchanged."""
    from barometer.presentation import exhibit

    monkeypatch.chdir(tmp_path)
    ed300 = Edition.open(2025, [2021], None, 300)
    try:
        w = ex.weging(ed300)
        small = [bool(n < 300) for n in w["n"]]
        assert any(small) and not all(small)
        t = ex.tabel_weging(ed300)
        assert list(t.frame["n"]) == [fmt.num(n) for n in w["n"]]  # respondent counts stay public
        for col in ("Ongewogen", "95%-interval ongewogen", "Gewogen naar sector", "95%-interval gewogen"):
            assert [v == "#" for v in t.frame[col]] == small, col
        assert t.frame["Ongewogen"].iloc[0] == fmt.pct(w["unweighted"].iloc[0])  # n = 347: shown
        csv = pd.read_csv(tmp_path / "_downloads" / "tbl-verantwoording-weging.csv")
        for col in ("Ongewogen", "Gewogen naar sector", "Gewogen: standaardfout", "Ongewogen: ondergrens (95%-interval)",
                    "Gewogen: bovengrens (95%-interval)", "Verschil gewogen min ongewogen"):
            assert list(csv[col].isna()) == small, col
        assert csv.loc[0, "Gewogen naar sector"] == pytest.approx(w["weighted"].iloc[0])
        side = pd.read_json(tmp_path / "_downloads" / "tbl-verantwoording-weging.json", typ="series")
        assert {c["rij"] for c in side["onderdrukt"]} == {i for i, s in enumerate(small) if s}
        # the glued sentence: the largest difference among the shown shares only
        g = ex.weging_glue(ed300)
        shown = w[(w["kind"] == "share") & (w["n"] >= 300)]
        i = shown["difference"].abs().idxmax()
        assert g["weging_max_verschil"] == fmt.pp(abs(shown.loc[i, "difference"]), 1)
        assert g["weging_max_cijfer"] == ex._lower(shown.loc[i, "label"])
        # a threshold above every base: every figure and the glue are the symbol
        ed400 = Edition.open(2025, [2021], None, 400)
        t = ex.tabel_weging(ed400)
        assert (t.frame[["Ongewogen", "95%-interval gewogen"]] == "#").all().all()
        assert ex.weging_glue(ed400)["weging_max_verschil"] == "#"
        assert ex.weging_glue(ed400)["weging_bi_alle"] == "geen"
    finally:
        exhibit.use_edition(2025, 5, True)


def test_scale_and_cluster_tables_hide_small_bases(tmp_path, monkeypatch):
    """Known case: at a threshold above every base the reliability, item and cluster tables show
    the symbol for every statistic (and their downloads leave it empty); the bases stay public."""
    from barometer.presentation import exhibit

    monkeypatch.chdir(tmp_path)
    ed = Edition.open(2025, [2021], None, 400)
    try:
        b = ex.tabel_betrouwbaarheid(ed)
        assert (b.frame[["Cronbachs alfa", "Verklaarde variantie", "Laagste lading", "Betrouwbaar"]] == "#").all().all()
        assert list(b.frame["n"]) == [fmt.num(n) for n in b.data["n"]]
        items = ex.tabel_ladingen(ed)
        assert (items.frame[["Lading", "Item-restcorrelatie", "Alfa zonder dit item"]] == "#").all().all()
        c = ex.tabel_clusters(ed)
        assert (c.frame[["2021", "2025"]] == "#").all().all()
        csv = pd.read_csv(tmp_path / "_downloads" / "tbl-verantwoording-betrouwbaarheid.csv")
        assert csv["Cronbachs alfa"].isna().all() and csv["Basis (n)"].notna().all()
    finally:
        exhibit.use_edition(2025, 5, True)
