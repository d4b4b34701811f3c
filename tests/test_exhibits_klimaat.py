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


# ---------------------------------------------------------------------------- declared exhibits (issue 10)

@pytest.fixture
def own_context(monkeypatch):
    """Editions built in the test set the process's edition (downloads, sidecars) on a context of
    their own, so that later tests see the shipped edition's threshold again."""
    from barometer.presentation import exhibit

    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context())


def _download(name: str) -> pd.DataFrame:
    return pd.read_csv(Path("_downloads") / f"{name}.csv")


def test_small_cluster_is_hidden_on_screen_in_alt_glue_and_download(shipped, in_tmp, own_context):
    """A threshold just above the smallest climate cluster: that cluster is hidden in Figuur 2-16 (screen,
    alt text, download) and in the glue. The total also counts the organisations without a climate
    score, whose answers are not shown on their own, so the hidden cluster does not follow from it and
    no second cluster is hidden (the secondary rule is checked on the table by size below)."""
    sp = ex.spectrum_naar_cluster(shipped)
    bases = sp[sp["group"] != st.TOTAL].groupby("group")["base"].max()
    small = int(bases.idxmin())
    t = int(bases.min()) + 1
    assert sorted(bases)[1] >= t  # only the smallest falls below the threshold
    ed = Edition(2025, (2021,), shipped.data_path, t, shipped.frames)
    labels = load_codebook().labels("climate_cluster")
    _, d = ex.figuur_spectrum_naar_cluster.disclosed(ed)
    f = d.frame
    total = int(sp.loc[sp["group"] == st.TOTAL, "base"].max())
    assert total > int(bases.sum())  # organisations without a score: a rest of unknown answers protects the cluster
    hidden = {int(g) for g in f.loc[f["pct"].isna() & (f["group"] != st.TOTAL), "group"]}
    assert hidden == {small}
    assert d.reason("pct", group=small, code=int(f["code"].iloc[0])) == "primary"
    fig = ex.figuur_spectrum_naar_cluster(ed)
    for g in hidden:
        assert f"{labels[g].lower()} niet getoond" in fig.alt  # in words, for a screen reader
    out = ex.kerncijfers(ed)
    for g in hidden:
        assert out[f"innovatie_{labels[g].lower()}"] == "#"
        assert out[f"meervoudig_{labels[g].lower()}"] == "#"
    shown = (set(labels) - hidden).pop()
    assert out[f"innovatie_{labels[shown].lower()}"].endswith("%")
    assert out["innovatie_volgorde"] == "niet"  # no order claimed over hidden groups
    csv = _download(fig.name)
    pct = [c for c in csv.columns if c.startswith("Percentage")]
    rows = csv[csv.apply(lambda r: any(str(v) in {labels[g] for g in hidden} for v in r), axis=1)]
    assert len(rows) and rows[pct].isna().all().all()
    assert f.loc[f["group"].astype(str) == str(small), "ondergrens"].isna().all()


def test_hidden_size_class_hides_its_differences(shipped, in_tmp, own_context):
    """A size class below the threshold: its mean is hidden in the table and every difference with it
    in the sentence beside the F-test (with the total shown, a second class is hidden too)."""
    m = ex.toets_grootte(shipped)["means"]
    bases = m[m["group"] != st.TOTAL].set_index("group")["n"]
    t = int(bases.min()) + 1
    assert sorted(bases)[1] >= t
    ed = Edition(2025, (2021,), shipped.data_path, t, shipped.frames)
    table = ex.tabel_klimaat_naar_grootte(ed)
    assert (table.frame["Gemiddelde"] == "#").sum() == 2
    zin = ex._grootte_zin(ed)
    assert zin.count("#") == 3 and "95%-interval" not in zin  # each pair has a hidden class
    csv = _download(table.name)
    assert csv[[c for c in csv.columns if c.startswith("Gemiddelde")]].isna().any(axis=1).sum() == 2


def test_mean_differences_carry_their_interval(shipped, in_tmp):
    out = ex.kerncijfers(shipped)
    mean_part = out["zin_klimaat_vergelijking"].split("De gemiddelde schaalscore is")[1]
    assert "(verschil " in mean_part and "95%-interval" in mean_part
    v = ex.verschillen_grootte(shipped)
    assert len(v) == 3 and (v["low"] < v["diff"]).all() and (v["diff"] < v["high"]).all()
    assert out["zin_grootte_verschillen"].count("95%-interval") == 3
    r = ex.regressie_sector(shipped)
    hi = r[(r["term"] == "sector") & (r["coef"] > 0) & (r["p_value"] < 0.05) & (r["n"] >= 5)]
    if len(hi):
        assert out["sector_hoger"].count("95%-interval") == len(hi)


def test_verschil_gemiddelde_is_welch_with_the_correction(shipped):
    from barometer.analysis.uncertainty import domain_population, mean_difference_ci

    a, b = ex._scores(shipped, 2021), ex._scores(shipped, 2025)
    lo, hi = ex.verschil_gemiddelde(shipped, a, b, 2021, 2025)
    pa = domain_population(2021, len(shipped.frames[2021]))(len(a))
    pb = domain_population(2025, len(shipped.frames[2025]))(len(b))
    assert (lo, hi) == pytest.approx(mean_difference_ci(a, b, pa, pb))
    plain = mean_difference_ci(a, b)
    assert hi - lo <= plain[1] - plain[0]
