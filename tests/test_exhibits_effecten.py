"""Tests of barometer.chapters.doelen_en_effecten: helpers on small frames, exhibits on the shipped data."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")


import math

import numpy as np
import pandas as pd
import pytest
from conftest import edition_of as _edition
from conftest import make_valid_frame

from barometer.analysis import models as md
from barometer.presentation import phrasing
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.chapters import doelen_en_effecten as ex


@pytest.fixture(scope="module")
def shipped_2021():
    return Edition.open(2021, [])


# ----------------------------------------------------------------------------- helpers
def test_regression_table_flags_a_term_that_cannot_be_estimated():
    # odds ratios go through barometer.presentation.formatting.odds_ratio (the one rule, tested in
    # test_formatting); an unbounded term is named as not estimable, in the row and a note
    table = pd.DataFrame([
        {"term": "a", "variable": "climate_scale", "level": None, "label": "Klimaat", "coef": 0.97, "se": 0.1,
         "odds_ratio": 2.637, "ci_low": 1.12, "ci_high": 6.234, "p": 0.026, "estimable": True},
        {"term": "b", "variable": "human_capital", "level": None, "label": "Menselijk kapitaal", "coef": 22.4,
         "se": 71466.6, "odds_ratio": 5.1e9, "ci_low": 0.0, "ci_high": float("inf"), "p": 0.9998,
         "estimable": False},
    ])
    res = md.LogitResult(table, 100, 60, 0.2, 0.01, "y ~ a + b", False)
    frame = ex.regressietabel(res)
    assert list(frame["Odds ratio"]) == ["2,64", "> 1.000"]
    assert list(frame["95%-betrouwbaarheidsinterval"]) == ["1,12 – 6,23", "< 0,01 – ∞"]
    assert list(frame["Kenmerk"]) == ["Klimaat", "Menselijk kapitaal (niet te schatten)"]


def test_vraag_status_first_time_and_not_asked():
    asked = ex.vraag_status(_edition({2025: pd.DataFrame()}), "goal")
    assert "2025" in asked and "voor het eerst" in asked
    not_asked = ex.vraag_status(_edition({2021: pd.DataFrame()}, year=2021), "goal")
    assert "niet gesteld" in not_asked and "wel in 2025" in not_asked


def _goal_frame(hits_by_size: dict[int, tuple[int, int]]) -> pd.DataFrame:
    """Innovators with goal_cost = 1 for ``hits`` of ``n`` respondents per size class."""
    n = sum(v[1] for v in hits_by_size.values())
    df = add_derived(make_valid_frame(n, 2025))
    df["innovated"] = 1
    df["size_class"] = [k for k, (h, m) in hits_by_size.items() for _ in range(m)]
    df["goal_cost"] = [1 if i < h else 0 for k, (h, m) in hits_by_size.items() for i in range(m)]
    return df


def test_chi2_by_equal_shares_gives_p_one():
    df = _goal_frame({1: (5, 10), 2: (5, 10), 3: (5, 10)})
    t = ex.chi2_by(df, "goal_cost", "size_class", 2025)
    assert t["df"] == 2 and t["n"] == 30
    assert t["p"] == pytest.approx(1.0)


def test_chi2_by_detects_a_difference_and_drops_small_groups():
    df = _goal_frame({1: (0, 20), 2: (20, 20), 3: (1, 3)})
    t = ex.chi2_by(df, "goal_cost", "size_class", 2025, min_base=5)
    assert t["df"] == 1 and t["n"] == 40      # size class 3 (n = 3) left out
    assert t["p"] < 0.001
    none = ex.chi2_by(_goal_frame({1: (0, 10), 2: (0, 10)}), "goal_cost", "size_class", 2025)
    assert math.isnan(none["p"]) and math.isnan(none["chi2"])
    one_group = ex.chi2_by(df, "goal_cost", "size_class", 2025, min_base=21)
    assert math.isnan(one_group["p"])


def test_published_word():
    assert phrasing.published_word("S2.5/2025/pct/goal_efficiency=1", 55.6) == "wel"
    assert phrasing.published_word("S2.5/2025/pct/goal_efficiency=1", 54.4) == "niet"
    with pytest.raises(KeyError):
        phrasing.published_word("no-such-row", 1.0)


# ----------------------------------------------------------------------------- analysis on shipped data
def test_doelen_equal_statistics(shipped):
    d = ex.doelen(shipped).set_index("item")
    cb = load_codebook()
    assert list(d.index) == cb.items("goal")
    r = st.statistic(shipped.df, "goal_quality", "pct", codes=1, year=2025)
    assert d.loc["goal_quality", "pct"] == pytest.approx(r.value)
    assert d.loc["goal_quality", "base"] == r.base_n


def test_doelen_naar_groep_has_groups_and_tests(shipped):
    t = ex.doelen_naar_groep(shipped, "spectrum_group")
    assert 0 not in t.columns  # organisations without innovation were not asked
    assert {1, 2} <= set(t.columns)
    assert t["p"].between(0, 1).all()
    r = st.statistic(shipped.df, "goal_use", "pct", codes=1, group_var="spectrum_group", group=2, year=2025)
    assert t.loc["goal_use", 2] == pytest.approx(r.value)


def test_effecten_shares_sum_to_hundred(shipped):
    e = ex.effecten(shipped)
    sums = e.groupby("item")["pct"].sum()
    assert np.allclose(sums, 100.0)
    assert set(e["code"]) == {1, 2, 3, 4}


def test_te_vroeg_mean_and_above(shipped):
    tv = ex.te_vroeg(shipped)
    assert tv["mean"] == pytest.approx(tv["per_item"].mean())
    assert all(tv["per_item"][i] > tv["mean"] for i in tv["above"])


def test_regression_table_has_every_term(shipped):
    res = ex.regressie(shipped, "effect_efficiency")
    frame = ex.regressietabel(res)
    assert len(frame) == len(res.table)
    assert list(frame.columns) == ["Kenmerk", "Odds ratio", "95%-betrouwbaarheidsinterval", "p"]
    assert frame["Kenmerk"].str.contains("t.o.v. in de spotlights").any()


def test_claim_resultaten_covers_the_chapter(shipped):
    r = ex.claim_resultaten(shipped)
    assert list(r["claim_id"]) == list(ex.CHAPTER_CLAIMS)
    # every claim has a verdict with its test result, or says why there is none
    assert (((r["outcome"] != "untested") & (r["statistic"] != "")) | (r["error"] != "")).all()
    assert (r["outcome"] != "untested").sum() >= len(r) - 2
    # a claim of no effect is undecided (holds <NA>) rather than "holds" when its intervals
    # reach beyond the margin
    assert r.loc[r["outcome"] == "undecided", "holds"].isna().all()


def test_claim_lookup_prefers_the_registry_and_knows_every_id():
    from barometer.presentation import claims as cl

    for cid in (*ex.CHAPTER_CLAIMS, *ex.SECTION_CLAIMS):
        assert ex._lookup(cid) is not None, cid
    if "CL34" in cl.REGISTRY:
        assert ex._lookup("CL34") == cl.REGISTRY["CL34"]
    assert ex._lookup("no-such-claim") is None


def test_extra_claim_fails_loudly_on_a_missing_predictor(shipped):
    from barometer.presentation import claims as cl

    check = ex._ns("effect_quality", ["no_such_predictor"])
    with pytest.raises(KeyError):
        check(cl.ClaimContext(shipped.frames, 2025, 2021))


# ----------------------------------------------------------------------------- exhibits
def test_exhibits_render(shipped, in_tmp):
    fig = ex.figuur_doelen(shipped)
    assert isinstance(fig, FigureExhibit) and "Figuur 2-18" in fig.caption
    assert (in_tmp / fig.path).exists()
    eff = ex.figuur_effecten(shipped)
    assert isinstance(eff, FigureExhibit) and "Figuur 2-19" in eff.caption
    assert "positief effect" in eff.alt
    for e in ex.EFFECT_KEYS:
        t = ex.tabel_regressie(shipped, e)
        assert isinstance(t, TableExhibit) and t.name.startswith("tbl-doelen-en-effecten-model-")
    assert isinstance(ex.tabel_doelen_naar_groep(shipped), TableExhibit)
    assert isinstance(ex.tabel_beweringen(shipped), TableExhibit)


def test_kerncijfers_glues_every_key(shipped):
    k = ex.kerncijfers(shipped)
    assert set(k.index) == set(ex._all_keys())
    assert (k != "").all()
    assert k["status_doelen"].startswith("De vraag is in 2025")
    assert k["claim_doel_efficientie_top"] in {"wel", "niet"}


def test_year_without_the_questions_says_so(shipped_2021, in_tmp):
    for obj in (ex.figuur_doelen(shipped_2021), ex.figuur_effecten(shipped_2021),
                ex.tabel_regressie(shipped_2021, "effect_quality"), ex.tabel_beweringen(shipped_2021)):
        assert isinstance(obj, Notice) and "niet gesteld" in obj.text
    k = ex.kerncijfers(shipped_2021)
    assert set(k.index) == set(ex._all_keys())
    assert k["pct_goal_efficiency"] == "-"


def test_three_tests_per_goal_are_one_holm_family():
    from statsmodels.stats.multitest import multipletests

    from barometer.data import paths
    from barometer.book.edition import Edition

    ed = Edition.open(2025, [2021], paths.DATA / "respondents-2025-synthetic.csv", 5)
    fam = ex.toetsen_per_doel(ed)
    assert set(fam["indeling"]) == {"size_class", "spectrum_group", "sector"}
    for item, g in fam.groupby("item"):
        ok = g["p"].notna()
        assert np.allclose(g.loc[ok, "p_gecorrigeerd"], multipletests(g.loc[ok, "p"], method="holm")[1]), item
    t = ex.tabel_doelen_naar_groep(ed)
    assert {"p", "p_gecorrigeerd"} <= set(t.data.columns)
    assert any("Holm" in n for n in t.notes)


# ----------------------------------------------------------------------------- disclosure (issue 10)
@pytest.fixture
def strict(shipped):
    """The shipped edition at another threshold; the process's edition is restored afterwards."""
    from barometer.presentation.exhibit import use_edition

    made = []

    def at(min_base: int) -> Edition:
        e = Edition(shipped.year, shipped.comparison_years, shipped.data_path, min_base, shipped.frames)
        made.append(e)
        return e

    yield at
    use_edition(shipped.year, shipped.min_base, shipped.synthetic)


def _download(name: str) -> pd.DataFrame:
    return pd.read_csv(f"_downloads/{name}.csv")


def test_a_small_size_class_is_hidden_everywhere_with_its_complementary_cell(strict, in_tmp):
    """Threshold 72: Klein (71 innovators) is hidden, and Middelgroot as well (the smallest other
    group: with the shares of all innovators of Figuur 2-18 the one hidden group would follow)."""
    ed = strict(72)
    sizes = load_codebook().labels("size_class")
    t = ex.tabel_doelen_naar_groep(ed)
    assert isinstance(t, TableExhibit)
    assert set(t.frame[sizes[1]]) == {"#"} and set(t.frame[sizes[2]]) == {"#"}
    assert "#" not in set(t.frame[sizes[3]])
    _, d = ex.GROEPEN.disclosed(ed)
    assert d.reason("percentage", doel="goal_efficiency", indeling="size_class", groep=sizes[1]) == "primary"
    assert d.reason("percentage", doel="goal_efficiency", indeling="size_class", groep=sizes[2]) == "secondary"
    dl = _download(t.name)
    klein = dl[(dl["Indeling"] == "size_class") & (dl["Groep"].isin([sizes[1], sizes[2]]))]
    assert len(klein) and klein["Percentage (volle precisie)"].isna().all() and klein["Aantal"].isna().all()
    assert klein["Geheimhouding"].str.startswith("niet getoond").all()
    k = ex.kerncijfers(ed)
    assert k["pct_eff_klein"] == "#" and k["pct_kwal_klein"] == "#"
    assert k["richting_eff_groot"] == "niet te vergelijken met"
    assert k["verschil_eff_grootte"] == "" and k["verschil_kwal_grootte"] == ""   # no interval beside a hidden share
    assert k["verschil_kwal_spectrum"].startswith("(verschil ")


def test_a_result_area_below_the_threshold_is_hidden_in_figure_alt_text_glue_and_download(strict, in_tmp):
    """Threshold 254: the quality area (253 answers) is hidden; the alt text no longer names it as
    the highest, its share glues as '#', the download and the text repr carry no value."""
    assert "Kwaliteit van de dienstverlening" in ex.figuur_effecten(strict(5)).alt
    ed = strict(254)
    fig = ex.figuur_effecten(ed)
    assert isinstance(fig, FigureExhibit)
    assert "Kwaliteit van de dienstverlening" not in fig.alt
    dl = _download(fig.name)
    quality = dl[dl["Variabele (codeboek)"] == "effect_quality"]
    assert len(quality) == 4 and quality["Percentage (volle precisie)"].isna().all()
    assert "75.49" not in repr(fig)
    k = ex.kerncijfers(ed)
    assert k["pos_effect_quality"] == "#" and k["vroeg_effect_quality"] == "#"
    assert k["vroeg_gemiddeld"] == "#"   # the mean over the areas rests on the hidden one too
    assert k["pos_effect_information_access"] == "68%"   # 263 answers: shown


def test_the_chapter_glue_is_released():
    """The module is converted: it carries no GLUE_UNCHECKED flag, so glue_text checks it."""
    assert getattr(ex, "GLUE_UNCHECKED", False) is False


def test_the_stated_group_differences_carry_their_newcombe_interval(shipped):
    from barometer.analysis.uncertainty import difference_ci, domain_population

    k = ex.kerncijfers(shipped)
    df = shipped.df[shipped.df["innovated"] == 1]
    pop = domain_population(2025, len(shipped.df))
    small, large = df[df["size_class"] == 1], df[df["size_class"] == 3]
    c1, n1 = int((small["goal_efficiency"] == 1).sum()), int(small["goal_efficiency"].notna().sum())
    c2, n2 = int((large["goal_efficiency"] == 1).sum()), int(large["goal_efficiency"].notna().sum())
    lo, hi = difference_ci(c1, n1, c2, n2, pop(n1), pop(n2))
    assert k["verschil_eff_grootte"] == phrasing.difference_interval(lo, hi, 100 * (c2 / n2 - c1 / n1))
    assert k["verschil_eff_grootte"].startswith("(verschil +")      # large minus small, as the sentence reads
    assert k["verschil_kwal_grootte"].startswith("(verschil +")     # small minus large
    assert k["verschil_eff_vs_kwal"].startswith("(verschil -")      # efficiency less often than quality
    for key in ("verschil_kwal_spectrum", "verschil_use_spectrum"):
        assert "95%-interval" in k[key]
