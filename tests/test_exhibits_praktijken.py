"""Tests of barometer.chapters.innovatiepraktijken (report §2.2): hand-built frames with known answers."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import edition_of as _edition
from conftest import make_valid_frame

from barometer.data import denmark as dk
from barometer.presentation import glue
from barometer.analysis import models
from barometer.data.codebook import load_codebook
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.presentation import phrasing as shared
from barometer.presentation import phrasing as _text
from barometer.chapters import innovatiepraktijken as ex
from barometer.data.paths import CHAPTERS


@pytest.fixture
def denmark(monkeypatch, tmp_path):
    """Write a Danish file with the given rows and point the exhibits at it."""
    def write(rows: list[tuple[str, float, str]]) -> Path:
        path = tmp_path / "denmark.csv"
        head = "ref_id,measure,wave,period,value,comparison,unit,source_url,reliability,note\n"
        body = "".join(f"{r},m,4th,2021-2023,{v},eq,percent,https://example.org,{rel},\n" for r, v, rel in rows)
        path.write_text(head + body, encoding="utf-8")
        monkeypatch.setattr(dk, "PATH", path)
        return path
    monkeypatch.setattr(dk, "PATH", tmp_path / "absent.csv")
    return write


def _innovators(year: int, n: int, **columns) -> pd.DataFrame:
    """All respondents innovated; ``columns`` set whole columns (lists of length n)."""
    f = make_valid_frame(n, year)
    f["innovated"] = 1
    for col, values in columns.items():
        f[col] = values
    return add_derived(f)


# ----------------------------------------------------------------------------- Figuur 2-6
def test_spectrum_counts_all_organisations(glued):
    frames = {}
    for year, (none, single) in ((2021, (2, 3)), (2025, (4, 4))):
        f = make_valid_frame(10, year)
        f["innovated"] = [0] * none + [1] * (10 - none)
        for col in ("type_product", "type_service", "type_process", "type_interaction"):
            f[col] = 0
        f.loc[none:, "type_process"] = 1
        f.loc[none + single:, "type_service"] = 1      # the rest: two types
        f.loc[: none - 1, ["type_product", "type_service", "type_process", "type_interaction"]] = None
        frames[year] = add_derived(f)
    fig = ex.figuur_spectrum(_edition(frames))
    assert isinstance(fig, FigureExhibit) and "Figuur 2-6" in fig.caption
    assert glued["pct_enkelvoudig"] == "40%" and glued["pct_enkelvoudig_vorig"] == "30%"
    assert re.fullmatch(r"gedaald van 50% in 2021 naar 20% in 2025 \(verschil -30,0 procentpunt, "
                        r"95%-interval -\d+,\d tot [+-]\d+,\d\)", glued["verloop_meervoudig"])
    assert glued["pct_geen"] == "40%"


# ----------------------------------------------------------------------------- Figuur 2-7, 2-8
def test_origin_test_judges_the_claim_not_significant(glued):
    # a claim of no change holds only when the intervals rule out every change beyond the
    # margin (barometer.presentation.claims.MARGINS): with 50 innovators a year they do not (undecided),
    # with 500 a year they do
    same = [1] * 20 + [2] * 20 + [3] * 10
    ed = _edition({2021: _innovators(2021, 50, origin=same), 2025: _innovators(2025, 50, origin=same)})
    ex.figuur_herkomst_naar_jaar(ed)
    assert glued["sig_herkomst"] == "niet" and glued["claim_herkomst"] == "is onbeslist: het verschil is niet significant, maar een wezenlijk verschil is niet uitgesloten"
    assert glued["pct_eigen"] == "40%" and glued["richting_eigen"] == "gelijk gebleven"
    ed = _edition({2021: _innovators(2021, 500, origin=same * 10), 2025: _innovators(2025, 500, origin=same * 10)})
    ex.figuur_herkomst_naar_jaar(ed)
    assert glued["sig_herkomst"] == "niet" and glued["claim_herkomst"] == "houdt stand"


def test_origin_test_flags_a_real_difference(glued):
    a = [1] * 45 + [2] * 5
    b = [1] * 5 + [2] * 45
    ed = _edition({2021: _innovators(2021, 50, origin=a), 2025: _innovators(2025, 50, origin=b)})
    ex.figuur_herkomst_naar_jaar(ed)
    p = models.chi2_years(ed.all_years, "origin", years=[2021, 2025])["p"]
    assert glued["p_herkomst"] == _text.p_text(p)
    assert glued["sig_herkomst"] == "wel" and glued["claim_herkomst"] == "houdt geen stand"


def test_origin_by_size_compares_small_with_large(glued):
    size = [1] * 20 + [3] * 20
    origin = [3] * 10 + [1] * 10 + [3] * 2 + [1] * 18
    fig = ex.figuur_herkomst_naar_grootte(_edition({2025: _innovators(2025, 40, size_class=size, origin=origin)}))
    assert glued["pct_kopie_klein"] == "50%" and glued["pct_kopie_groot"] == "10%"
    assert glued["richting_kopie_klein"] == "vaker"
    assert "Figuur 2-8" in fig.caption


# ----------------------------------------------------------------------------- B1-2 .. B1-5
def test_partners_glue_the_most_named_partner_and_no_collaboration(glued):
    n = 20
    cols = {c: [0] * n for c in load_codebook().items("partner", 2025)}
    cols["partner_private"] = [1] * 12 + [0] * 8
    cols["partner_sector"] = [1] * 6 + [0] * 14
    cols["partner_none"] = [0] * 16 + [1] * 4
    cols["partner_private"][16:] = [0] * 4
    cols["partner_sector"][16:] = [0] * 4
    fig = ex.figuur_partners(_edition({2025: _innovators(2025, n, **cols)}))
    assert isinstance(fig, FigureExhibit) and "B1-4" in fig.caption
    assert glued["pct_geen_samenwerking"] == "20%"
    assert glued["partner_top1"] == "private ondernemingen (consultants, leveranciers)"
    assert glued["pct_partner_top1"] == "60%"
    assert glued["pct_partner_sector"] == "30%"


def test_answer_option_not_offered_in_a_year_has_no_bar(glued):
    old = _innovators(2021, 10)
    new = _innovators(2025, 10)
    fig = ex.figuur_partners(_edition({2021: old, 2025: new}))
    dk_2021 = fig.data[(fig.data["jaar"] == 2021) & (fig.data["antwoord"] == "Weet niet")]
    assert dk_2021["percentage"].isna().all() and (dk_2021["basis"] == 0).all()


# ----------------------------------------------------------------------------- Denmark
def test_initiative_against_denmark_uses_only_items_with_a_danish_value(glued, denmark):
    denmark([("DK4-31", 39, "primary"), ("DK4-34", 10, "primary")])
    n = 10
    ed = _edition({2025: _innovators(2025, n, init_technology=[1] * 6 + [0] * 4, init_managers=[1] * 2 + [0] * 8)})
    fig = ex.figuur_initiatief_nl_dk(ed)
    assert isinstance(fig, FigureExhibit) and "Figuur 2-9" in fig.caption
    assert set(fig.data["item"]) == {"init_managers", "init_technology"}
    assert glued["init_dk_vaker"] == "managers in de eigen organisatie"
    assert glued["init_nl_vaker"] == "beschikbare nieuwe technologie"
    # the report's selection includes employees, for which no Danish figure exists
    assert "medewerkers in de eigen organisatie" in glued["zin_init_dk"]
    assert "medewerkers in de eigen organisatie" in fig.alt


def test_initiative_without_danish_figures_is_a_notice(glued, denmark):
    out = ex.figuur_initiatief_nl_dk(_edition({2025: _innovators(2025, 10)}))
    assert isinstance(out, Notice)
    assert "niet mogelijk" in glued["zin_init_dk"]


def test_own_budget_against_denmark(glued, denmark):
    ed = _edition({2025: _innovators(2025, 20, fund_own=[1] * 17 + [0] * 3)})
    ex.financiering(ed)
    assert glued["pct_eigen_budget"] == "85%"
    assert "geen" in glued["zin_eigen_budget_dk"].lower() or "niet" in glued["zin_eigen_budget_dk"]
    denmark([("DK-NL25-54", 54, "unverified")])
    ex.financiering(ed)
    assert glued["pct_eigen_budget_dk"] == "54%"
    assert "vaker" in glued["zin_eigen_budget_dk"]
    assert "niet teruggevonden" in glued["zin_eigen_budget_dk"]   # unverified figure is flagged


# ----------------------------------------------------------------------------- technology, strategy
def _rijk_innovators(n_kd: int, n_uv: int, n_zbo: int, **columns) -> pd.DataFrame:
    n = n_kd + n_uv + n_zbo
    f = make_valid_frame(n, 2025)
    f["innovated"] = 1
    f["sector"] = [7] * (n_kd + n_uv) + [9] * n_zbo
    f["rijk_subtype"] = [1] * n_kd + [2] * n_uv + [None] * n_zbo
    for col, values in columns.items():
        f[col] = values
    return add_derived(f)


def test_technology_comparisons(glued, denmark):
    denmark([("DK4-22", 37, "primary")])
    tech = [1] * 2 + [4] * 8 + [2] * 8 + [3] * 2 + [1] * 10
    tbl = ex.tabel_technologie_vergelijkingen(_edition({2025: _rijk_innovators(10, 10, 10, tech_content=tech)}))
    assert isinstance(tbl, TableExhibit)
    assert glued["pct_tech_kerndep"] == "20%" and glued["pct_tech_uitvoering"] == "90%"
    assert glued["richting_tech_kerndep"] == "lager"
    assert glued["pct_tech_hoog"] == "67%"
    assert glued["pct_tech_hoog_dk"] == "37%" and glued["richting_tech_dk"] == "hoger"
    assert tbl.frame["Groep"].iloc[-1].startswith("Denemarken")


def test_technology_figure_by_year(glued):
    ed = _edition({2021: _innovators(2021, 10, tech_content=[2] * 6 + [4] * 4),
                   2025: _innovators(2025, 10, tech_content=[2] * 4 + [4] * 6)})
    fig = ex.figuur_technologie(ed)
    assert "Figuur 2-11" in fig.caption
    assert re.fullmatch(r"gedaald van 60% in 2021 naar 40% in 2025 \(verschil -20,0 procentpunt, "
                        r"95%-interval -\d+,\d tot [+-]\d+,\d\)", glued["verloop_tech_belangrijk"])
    assert glued["richting_tech_geen"] == "gestegen"
    assert glued["pct_tech_klein_of_geen"] == "60%"


def test_strategy_in_national_government_and_by_size(glued):
    strat = [3] * 5 + [1] * 5 + [4] * 3 + [1] * 7 + [4] * 3 + [1] * 7
    ed = _edition({2025: _rijk_innovators(10, 10, 10, strategy=strat)})
    fig = ex.figuur_strategie_rijk(ed)
    assert glued["pct_spotlights_kerndep"] == "50%" and glued["pct_spotlights_uitvoering"] == "0%"
    assert glued["pct_expert_uitvoering"] == "30%" and glued["n_strat_uitvoering"] == "20"
    assert set(fig.data["groep"]) == {"Kerndepartement", shared.uitvoering_label()}
    ex.figuur_strategie_naar_grootte(ed)
    assert re.fullmatch(r"\d+%|#", glued["pct_strat_1_klein"])


def test_strategy_years_identical_is_not_significant(glued):
    s = [1] * 8 + [2] * 4 + [3] * 2 + [4] * 4 + [5] * 2
    ed = _edition({2021: _innovators(2021, 20, strategy=s), 2025: _innovators(2025, 20, strategy=s)})
    fig = ex.figuur_strategie(ed)
    assert "Figuur 2-10" in fig.caption
    # 20 innovators a year: not significant, but the intervals leave wide changes open
    assert glued["sig_strategie"] == "niet" and glued["claim_strategie"] == "is onbeslist: het verschil is niet significant, maar een wezenlijk verschil is niet uitgesloten"
    assert glued["pct_strat_1"] == "40%"


# ----------------------------------------------------------------------------- chapter
def test_every_exhibit_called_in_the_chapter_exists():
    text = (CHAPTERS / f"{ex.SLUG}.ipynb").read_text(encoding="utf-8")
    calls = set(re.findall(r"ex\.(\w+)\(ed\)", text))
    assert len(calls) >= 10
    assert calls <= set(ex.__all__), calls - set(ex.__all__)


# ----------------------------------------------------------------------------- disclosure and intervals (issues 10, 12)
def _download(name: str) -> pd.DataFrame:
    return pd.read_csv(Path("_downloads") / f"{name}.csv")


def test_module_glues_released_text_only():
    """Converted to released glue (issue 10): no GLUE_UNCHECKED flag, every exhibit declared."""
    from barometer.presentation import declaration

    assert getattr(ex, "GLUE_UNCHECKED", False) is False
    declared = [n for n in ex.__all__ if isinstance(getattr(ex, n), declaration.Figure)]
    assert len(declared) == 13, declared


def test_a_small_group_is_hidden_on_screen_alt_text_glue_and_download(glued, monkeypatch):
    """Kerndepartementen with 3 innovators (threshold 5): their shares are the symbol in the glue,
    absent from the alt text, blank in what is drawn and in the download; the base stays public."""
    from barometer.presentation import figures

    drawn = {}
    original = figures.stacked_bars

    def spy(data, **kw):
        drawn["data"] = data
        return original(data, **kw)

    monkeypatch.setattr(figures, "stacked_bars", spy)
    strat = [3, 3, 4] + [1] * 5 + [4] * 5 + [2] * 5 + [3] * 5
    fig = ex.figuur_strategie_rijk(_edition({2025: _rijk_innovators(3, 10, 10, strategy=strat)}))
    kd = "Kerndepartement"
    assert glued["pct_spotlights_kerndep"] == "#" and glued["pct_expert_kerndep"] == "#"
    assert glued["n_strat_kerndep"] == "3" and glued["pct_spotlights_uitvoering"] == "25%"
    assert glued["richting_spotlights_kerndep"] == "niet te vergelijken" and glued["verschil_spotlights"] == ex.NO_DIFFERENCE
    assert kd not in fig.alt and "67%" not in fig.alt                      # 2 of 3 in the spotlights
    shown = drawn["data"]
    assert shown.loc[shown["group_label"] == kd, "shown"].isna().all()
    assert shown.loc[shown["group_label"] != kd, "shown"].notna().all()
    csv = _download(fig.name)
    rows = csv[csv["Groep"] == kd]
    assert len(rows) == 5 and rows["Percentage (volle precisie)"].isna().all() and rows["Aantal"].isna().all()
    assert rows[[c for c in csv.columns if c.startswith(("Ondergrens", "Bovengrens"))]].isna().all().all()
    assert (rows["Basis (n)"] == 3).all()


def test_a_group_that_would_give_a_hidden_one_away_is_hidden_in_the_glue_too(glued):
    """Secondary suppression reaches the glue: with the small class hidden (3 innovators), the
    middle class (the smallest other group) is hidden too, so the class named as the one where
    working under the radar is most common is the large one, not the middle one."""
    size = [1] * 3 + [2] * 6 + [3] * 20
    strat = [2] * 3 + [2] * 5 + [1] + [2] * 5 + [1] * 15
    fig = ex.figuur_strategie_naar_grootte(_edition({2025: _innovators(2025, 29, size_class=size, strategy=strat)}))
    assert glued["pct_strat_1_klein"] == "#"
    assert glued["grootte_radar_hoogst"] == "groot"
    csv = _download(fig.name)
    middle = csv[csv["Groep"] == "Middelgroot"]
    assert middle["Percentage (volle precisie)"].isna().all()
    assert middle["Geheimhouding"].str.contains("af te leiden").all()
    assert "Middelgroot" not in fig.alt and "Klein" not in fig.alt


def test_an_earlier_figure_below_the_threshold_is_not_called_absent(glued):
    """A comparison year with 3 organisations: its share is the symbol, no direction is claimed and
    the change says that the earlier figure is not published (not that there is none)."""
    frames = {}
    for year, n in ((2021, 3), (2025, 10)):
        f = make_valid_frame(n, year)
        f["innovated"] = 1
        for col in ("type_product", "type_service", "type_process", "type_interaction"):
            f[col] = 0
        f["type_process"] = 1
        frames[year] = add_derived(f)
    ex.figuur_spectrum(_edition(frames))
    assert glued["pct_enkelvoudig_vorig"] == "#" and glued["richting_enkelvoudig"] == "niet te vergelijken"
    assert glued["verloop_enkelvoudig"] == "100% in 2025; het cijfer van 2021 wordt niet gepubliceerd (te weinig waarnemingen)"


def test_kerndepartementen_against_uitvoering_carry_the_interval_of_the_difference(glued, denmark):
    from barometer.analysis.uncertainty import difference_ci, domain_population

    denmark([("DK4-22", 37, "primary")])
    tech = [1] * 2 + [4] * 8 + [2] * 8 + [3] * 2 + [1] * 10
    ed = _edition({2025: _rijk_innovators(10, 10, 10, tech_content=tech)})
    ex.tabel_technologie_vergelijkingen(ed)
    pop = domain_population(2025, 30)
    lo, hi = difference_ci(18, 20, 2, 10, pop(20), pop(10))              # kerndep 2/10 minus uitvoering 18/20
    assert lo < -70 < hi < 0
    assert glued["verschil_tech_kerndep"] == shared.difference_interval(lo, hi, 20 - 90)
    assert glued["verschil_tech_kerndep"].startswith("(verschil -70,0 procentpunt, 95%-interval -")
    # the Danish comparison: the Dutch share's interval, the Danish figure without a margin
    assert re.fullmatch(r"Dat is hoger dan in Denemarken \(37%, periode 2021.2023\)\. Het 95%-interval van het "
                        r"Nederlandse cijfer loopt van \d+% tot \d+%; het Deense cijfer is gepubliceerd zonder "
                        r"foutmarge\.", glued["zin_tech_dk"]), glued["zin_tech_dk"]


def test_small_against_large_carries_the_interval_of_the_difference(glued):
    size = [1] * 20 + [3] * 20
    origin = [3] * 10 + [1] * 10 + [3] * 2 + [1] * 18
    ex.figuur_herkomst_naar_grootte(_edition({2025: _innovators(2025, 40, size_class=size, origin=origin)}))
    assert re.fullmatch(r"\(verschil \+40,0 procentpunt, 95%-interval \+\d+,\d tot \+\d+,\d\)",
                        glued["verschil_kopie_klein"]), glued["verschil_kopie_klein"]


def test_danish_initiators_name_the_dutch_intervals_and_no_danish_margin(glued, denmark):
    denmark([("DK4-31", 39, "primary"), ("DK4-34", 10, "primary")])
    ed = _edition({2025: _innovators(2025, 10, init_technology=[1] * 6 + [0] * 4, init_managers=[1] * 2 + [0] * 8)})
    ex.figuur_initiatief_nl_dk(ed)
    assert re.search(r"De 95%-intervallen van de Nederlandse cijfers: managers in de eigen organisatie \d+% tot "
                     r"\d+% en beschikbare nieuwe technologie \d+% tot \d+%; de Deense cijfers zijn gepubliceerd "
                     r"zonder foutmarge\.$", glued["zin_init_dk"]), glued["zin_init_dk"]


def test_own_budget_against_denmark_carries_the_dutch_interval(glued, denmark):
    denmark([("DK-NL25-54", 54, "primary")])
    ex.financiering(_edition({2025: _innovators(2025, 20, fund_own=[1] * 17 + [0] * 3)}))
    assert re.fullmatch(r"Nederlandse organisaties financieren hun innovatie daarmee vaker uit eigen middelen dan "
                        r"Deense \(54%\)\. Het 95%-interval van het Nederlandse cijfer loopt van \d+% tot \d+%; het "
                        r"Deense cijfer is gepubliceerd zonder foutmarge\.", glued["zin_eigen_budget_dk"])


def test_dk_no_margin_note():
    assert shared.dk_no_margin_note() == "Het Deense cijfer is gepubliceerd zonder foutmarge."
    assert shared.dk_no_margin_note((60.2, 70.6)) == ("Het 95%-interval van het Nederlandse cijfer loopt van 60% tot "
                                                      "71%; het Deense cijfer is gepubliceerd zonder foutmarge.")
    assert shared.dk_no_margin_note((None, 70.6)).startswith("Het 95%-interval van het Nederlandse cijfer is niet te bepalen;")
    assert shared.dk_no_margin_note({"a": (1.0, 2.0), "b": (3.0, float("nan"))}) == (
        "De 95%-intervallen van de Nederlandse cijfers: a 1% tot 2% en b niet te bepalen; de Deense cijfers zijn "
        "gepubliceerd zonder foutmarge.")
