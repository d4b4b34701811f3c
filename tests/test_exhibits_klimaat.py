"""Tests of barometer.chapters.innovatieklimaat: small hand-built frames and the shipped data."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import edition_of as _edition
from conftest import make_valid_frame

from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, TableExhibit
from barometer.chapters import innovatieklimaat as ex


@pytest.fixture(scope="module")
def shipped():
    return Edition.open(2025, [2021])


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _with_scores(scores_by_size: dict[int, list[float]]) -> pd.DataFrame:
    rows = sum(len(v) for v in scores_by_size.values())
    df = add_derived(make_valid_frame(rows, 2025))
    df["size_class"] = [k for k, v in scores_by_size.items() for _ in v]
    df["climate_scale"] = [s for v in scores_by_size.values() for s in v]
    return df


def test_toets_grootte_no_difference():
    same = [3.0, 3.5, 4.0, 3.25, 3.75]
    ed = _edition({2025: _with_scores({1: same, 2: same, 3: same})})
    t = ex.toets_grootte(ed)
    assert t["p"] == pytest.approx(1.0)
    assert t["F"] == pytest.approx(0.0)


def test_toets_grootte_detects_difference():
    ed = _edition({2025: _with_scores({1: [2.0, 2.1, 2.2, 1.9, 2.0], 2: [3.0, 3.1, 2.9, 3.0, 3.05],
                                       3: [4.5, 4.4, 4.6, 4.5, 4.55]})})
    t = ex.toets_grootte(ed)
    assert t["p"] < 0.001
    assert 0 < t["eta2"] <= 1


def test_clusters_use_codebook_thresholds(shipped, in_tmp):
    th = load_codebook().derived("climate_cluster").thresholds
    t = ex.tabel_clusters(shipped)
    assert isinstance(t, TableExhibit)
    text = " ".join(t.frame["Schaalscore"])
    assert str(th["strong_min"]).replace(".", ",") in text
    assert str(th["limited_below"]).replace(".", ",") in text
    c = ex.clusterverdeling(shipped)
    assert c["pct"].sum() == pytest.approx(100.0)
    s = pd.to_numeric(shipped.df["climate_scale"], errors="coerce")
    assert c.set_index("code").loc[1, "count"] == int((s.round(9) >= th["strong_min"]).sum())


def test_succesfactoren_difference_is_strong_minus_limited(shipped):
    w = ex.succesfactoren_naar_cluster(shipped)
    assert np.allclose(w["diff_pp"], w[1] - w[3], equal_nan=True)
    assert list(w.index) == load_codebook().items("factor")
    one = st.statistic(shipped.df, "factor_technology", "pct", codes="4|5", group_var="climate_cluster",
                       group=1, year=2025)
    assert w.loc["factor_technology", 1] == pytest.approx(one.value)


def test_spectrum_naar_cluster_sums_to_100(shipped):
    f = ex.spectrum_naar_cluster(shipped)
    sums = f.groupby("group")["pct"].sum()
    assert np.allclose(sums, 100.0)
    assert st.TOTAL in set(f["group"])


def test_regressie_has_reference_and_year(shipped):
    r = ex.regressie_sector(shipped)
    assert 7 not in set(r.loc[r["term"] == "sector", "code"])
    assert set(r.loc[r["term"] == "year", "code"]) == {2025}
    assert r.attrs["reference"] == load_codebook().labels("sector")[7]


def test_regressie_without_comparison_year(shipped, in_tmp):
    ed = _edition({2025: shipped.df})
    r = ex.regressie_sector(ed)
    assert (r["term"] == "year").sum() == 0
    assert ex.kerncijfers(ed)["zin_klimaat_vergelijking"].startswith("Voor deze editie is er geen")


@pytest.mark.parametrize("func, number", [
    ("figuur_klimaatstellingen", "Figuur 2-13"),
    ("figuur_klimaatverdeling", "Figuur 2-14"),
    ("figuur_randvoorwaarden", "Figuur 2-15"),
    ("figuur_spectrum_naar_cluster", "Figuur 2-16"),
    ("figuur_succesfactoren_naar_cluster", "Figuur 2-17"),
])
def test_figures_have_report_number_name_and_alt(shipped, in_tmp, func, number):
    fig = getattr(ex, func)(shipped)
    assert isinstance(fig, FigureExhibit)
    assert number in fig.caption
    assert fig.name.startswith("fig-innovatieklimaat-")
    assert len(fig.alt) > 40


def test_stellingen_compare_years(shipped):
    f = ex.stellingen(shipped, "climate")
    assert set(f["year"]) == {2021, 2025}
    assert len(f) == 2 * len(load_codebook().items("climate"))


def test_kerncijfers_glue_every_cluster(shipped):
    out = ex.kerncijfers(shipped)
    for name in ("krachtig", "gemiddeld", "beperkt"):
        assert out[f"aandeel_{name}"].endswith("%")
        assert out[f"innovatie_{name}"].endswith("%")
    assert out["verschil_factor_technology"].endswith("procentpunt")
    assert out["grootte_wel_niet"] in {"wel", "niet"}


def test_grootste_verandering_picks_largest_printed_change():
    s = ex.grootste_verandering({"Alpha": (80.0, 80.2), "Beta": (50.0, 41.0), "Gamma": (60.0, 66.0)}, 2021, 2025)
    assert "'beta'" in s and "gedaald van 50% in 2021 naar 41% in 2025" in s


def test_grootste_verandering_carries_the_interval_of_the_named_change():
    s = ex.grootste_verandering({"Alpha": (80.0, 80.2), "Beta": (50.0, 41.0)}, 2021, 2025,
                                {"Alpha": (-4.0, 4.4), "Beta": (-16.2, -1.7)})
    assert s.endswith("gedaald van 50% in 2021 naar 41% in 2025 (verschil -9,0 procentpunt, "
                      "95%-interval -16,2 tot -1,7).")
    s = ex.grootste_verandering({"Beta": (50.0, 41.0)}, 2021, 2025, {"Beta": None})  # suppressed: no interval
    assert s.endswith("naar 41% in 2025.")


def test_grootste_verandering_says_none_changed():
    s = ex.grootste_verandering({"Alpha": (80.0, 80.2), "Beta": (50.1, 49.9)}, 2021, 2025)
    assert "geen van de stellingen" in s and "gelijk gebleven" not in s and "sterkst" not in s


def test_grootste_verandering_compares_printed_values():
    # 79.6 -> 80.4 prints as 80% twice; 79.4 -> 80.0 prints as 79% -> 80%: the latter changed most
    s = ex.grootste_verandering({"Alpha": (79.6, 80.4), "Beta": (79.4, 80.0)}, 2021, 2025)
    assert "'beta'" in s and "gestegen" in s


def test_verandering_per_stelling_groups_directions():
    s = ex.verandering_per_stelling({"Een": (43.0, 65.0), "Twee": (43.2, 42.8), "Drie": (43.0, 27.0)}, 2021, 2025)
    assert s == ("Vergeleken met 2021 is de instemming gestegen bij 'een' (van 43% naar 65%), "
                 "gelijk gebleven bij 'twee' (43% in beide jaren) en gedaald bij 'drie' (van 43% naar 27%).")
