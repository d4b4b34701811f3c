"""Tests of barometer.chapters.faalfactoren on the shipped data and small frames."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from pathlib import Path

import pandas as pd
import pytest
from conftest import make_valid_frame

from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.chapters import faalfactoren as ex


def test_mislukte_poging_base_is_everybody(shipped):
    m = ex.mislukte_poging(shipped)
    assert m.base_n == len(shipped.df)
    assert m.count == int((shipped.df["failed_attempt"] == 1).sum())


def test_redenen_sorted_with_other_last(shipped):
    r = ex.redenen(shipped)
    assert r["item"].iloc[-1] == "fail_other"
    head = r["pct"].iloc[:-1].to_numpy()
    assert (head[:-1] >= head[1:]).all()
    assert (r["base"] == ex.mislukte_poging(shipped).count).all()


def test_fasen_sum_to_hundred(shipped):
    f = ex.fasen(shipped)
    assert f["pct"].sum() == pytest.approx(100.0)


def test_redenen_naar_cluster_mean_count():
    df = add_derived(make_valid_frame(20, 2025))
    df = df[df["climate_cluster"].notna()].copy()
    df["failed_attempt"] = 1
    items = [c for c in df.columns if c.startswith("fail_") and c not in ("fail_phase",)]
    df[items] = 0
    df.loc[df["climate_cluster"] == 1, "fail_support"] = 1
    df.loc[df["climate_cluster"] == 3, ["fail_support", "fail_time", "fail_skills"]] = 1
    ed = Edition(2025, (), Path("x.csv"), 1, {2025: df})
    r = ex.redenen_naar_cluster(ed)
    assert r.loc[1, "gemiddeld"] == pytest.approx(1.0)
    assert r.loc[3, "gemiddeld"] == pytest.approx(3.0)
    assert r.loc[2, "gemiddeld"] == pytest.approx(0.0)


def test_exhibits_and_glue(shipped, in_tmp):
    f = ex.figuur_redenen(shipped)
    assert isinstance(f, FigureExhibit) and "Figuur 2-20" in f.caption
    assert isinstance(ex.figuur_fasen(shipped), FigureExhibit)
    assert isinstance(ex.tabel_redenen_naar_cluster(shipped), TableExhibit)
    k = ex.kerncijfers(shipped)
    assert set(k.index) >= set(ex._KEYS)
    assert k["claim_mislukt_20"] in {"wel", "niet"}
    assert k["n_totaal"] == str(len(shipped.df))


def test_not_asked_year():
    ed = Edition.open(2021, [])
    assert isinstance(ex.figuur_redenen(ed), Notice)
    assert isinstance(ex.tabel_redenen_naar_cluster(ed), Notice)
    k = ex.kerncijfers(ed)
    assert set(k.index) == set(ex._KEYS) and k["pct_mislukt"] == "-"


# ----------------------------------------------------------------------------- disclosure (issue 10)
@pytest.fixture
def at_threshold(shipped):
    from barometer.presentation.exhibit import use_edition

    yield lambda m: Edition(shipped.year, shipped.comparison_years, shipped.data_path, m, shipped.frames)
    use_edition(shipped.year, shipped.min_base, shipped.synthetic)


def test_a_small_climate_cluster_is_hidden_on_screen_in_glue_and_download(shipped, at_threshold, in_tmp):
    r = ex.redenen_naar_cluster(shipped)
    smallest = int(r["n"].idxmin())
    ed = at_threshold(int(r["n"].min()) + 1)
    t = ex.tabel_redenen_naar_cluster(ed)
    row = t.frame.set_index("Innovatieklimaat").loc[r.loc[smallest, "label"]]
    assert row["Gemiddeld aantal genoemde redenen"] == "#"
    assert row["Organisaties met een mislukte poging (n)"] == str(int(r.loc[smallest, "n"]))  # counts stay public
    dl = pd.read_csv(f"_downloads/{t.name}.csv")
    hidden = dl[dl[dl.columns[0]] == smallest]
    assert hidden["Gemiddelde (volle precisie)"].isna().all() and hidden["Ondergrens (95%-betrouwbaarheidsinterval)"].isna().all()
    k = ex.kerncijfers(ed)
    word = {1: "krachtig", 2: "gemiddeld", 3: "beperkt"}[smallest]
    assert k[f"gem_{word}"] == "#"
    if smallest in (1, 3):
        assert k["verschil_beperkt"] == ""


def test_figures_of_too_few_organisations_show_no_value_in_alt_text_or_download(shipped, at_threshold, in_tmp):
    n = int(ex.redenen(shipped)["base"].max())
    ed = at_threshold(n + 1)
    f = ex.figuur_redenen(ed)
    assert "Er zijn geen gegevens" in f.alt and "%" not in f.alt
    dl = pd.read_csv(f"_downloads/{f.name}.csv")
    assert dl["Percentage (volle precisie)"].isna().all() and dl["Aantal"].isna().all()
    k = ex.kerncijfers(ed)
    assert set(k[[f"pct_fase_{w}" for w in ex.QUOTED_PHASES.values()]]) == {"#"}
    assert k["toets_CL40"] == "#"


def test_the_stated_mean_difference_carries_its_welch_interval(shipped):
    from barometer.analysis.uncertainty import domain_population, mean_difference
    from barometer.presentation.phrasing import mean_difference_interval

    k = ex.kerncijfers(shipped)
    named, cluster = ex._aantal_per_organisatie(shipped)
    pop = domain_population(2025, len(shipped.df))
    x1, x3 = named[cluster == 1], named[cluster == 3]
    ci = mean_difference(x1, x3, pop(len(x1)), pop(len(x3)))
    assert k["verschil_beperkt"] == mean_difference_interval(ci["low"], ci["high"], ci["diff"], decimals=1)
    assert k["verschil_beperkt"].startswith("(verschil +")   # the limited group names more reasons
    assert getattr(ex, "GLUE_UNCHECKED", False) is False
