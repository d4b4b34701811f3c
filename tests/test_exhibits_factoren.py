"""Tests of barometer.chapters.bevorderende_en_belemmerende_factoren: small hand-built frames and the shipped data."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from conftest import edition_of as _edition
from conftest import make_valid_frame

from barometer.data.codebook import load_codebook
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, TableExhibit
from barometer.chapters import bevorderende_en_belemmerende_factoren as ex
from barometer.presentation.exhibit import Notice


def _innovators(df: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(df["innovated"], errors="coerce").eq(1)


@pytest.fixture
def small():
    df = add_derived(make_valid_frame(40, 2025))
    inn = _innovators(df)
    # factor_staff: known answers for the innovators, 'weet niet' (9) included
    k = int(inn.sum())
    pattern = [9, 3, 5, 4, 1, 2, 5, 9]
    df.loc[inn, "factor_staff"] = [pattern[i % len(pattern)] for i in range(k)]
    return df


def test_weet_niet_counts_as_middle_category(small):
    f = ex.factor_verdeling(small, 2025)
    staff = f[f["item"] == "factor_staff"].set_index("code")
    inn = _innovators(small)
    answers = pd.to_numeric(small.loc[inn, "factor_staff"])
    assert 9 not in staff.index
    assert staff.loc[3, "count"] == int(answers.isin([3, 9]).sum())
    assert staff["pct"].sum() == pytest.approx(100.0)
    assert staff["base"].iloc[0] == int(answers.notna().sum())


def test_aandeel_bevorderd_counts_codes_4_and_5(small):
    a = ex.aandeel_bevorderd(small, 2025)
    answers = pd.to_numeric(small.loc[_innovators(small), "factor_staff"]).dropna()
    assert a.loc["factor_staff", "pct"] == pytest.approx(100 * answers.isin([4, 5]).mean())
    assert list(a.index) == load_codebook().items("factor")


def test_vergelijking_empty_without_comparison_year(small):
    ed = _edition({2025: small})
    assert ex.vergelijking_bevorderd(ed).empty
    assert isinstance(ex.figuur_factoren_vergelijking(ed), Notice)
    out = ex.kerncijfers(ed)
    assert "geen eerdere meting" in out["zin_vergelijking"]
    assert "geen eerdere meting" in out["zin_hc_vergelijking"]


def test_vergelijking_difference_and_test(shipped):
    comp = ex.vergelijking_bevorderd(shipped)
    assert len(comp) == len(load_codebook().items("factor"))
    assert np.allclose(comp["diff_pp"], comp["pct_2025"] - comp["pct_2021"])
    assert comp["p_value"].between(0, 1).all()


def test_vergelijking_has_newcombe_interval_and_holm_over_the_family(shipped):
    from statsmodels.stats.multitest import multipletests

    comp = ex.vergelijking_bevorderd(shipped)
    assert ((comp["ondergrens"] < comp["diff_pp"]) & (comp["diff_pp"] < comp["bovengrens"])).all()
    # Holm over all factors together: one family, raw p kept beside the corrected one
    assert np.allclose(comp["p_gecorrigeerd"], multipletests(comp["p_value"], method="holm")[1])
    assert (comp["p_gecorrigeerd"] >= comp["p_value"]).all()
    out = ex.kerncijfers(shipped)
    n_sig = int((comp["p_gecorrigeerd"] < 0.05).sum())
    assert f"factoren verschillen er {n_sig} significant" in out["zin_vergelijking"]
    assert "Holm" in out["zin_vergelijking"] and "95%-interval" in out["zin_vergelijking"]


def test_menselijk_kapitaal_matches_scale(shipped):
    hc = ex.menselijk_kapitaal(shipped)
    s = pd.to_numeric(shipped.df["human_capital"], errors="coerce").dropna()
    assert hc["mean"] == pytest.approx(float(s.mean()))
    assert hc["n"] == len(s)
    assert hc["items"] == load_codebook().items("human_capital")
    assert -1 <= hc["r_climate"] <= 1
    assert "mean_2021" in hc


def test_figuur_factoren_is_captioned_and_complete(shipped, in_tmp):
    fig = ex.figuur_factoren(shipped)
    assert isinstance(fig, FigureExhibit)
    assert fig.name == "fig-bevorderende-en-belemmerende-factoren-verdeling"
    assert "Figuur 2-12" in fig.caption
    assert fig.alt.strip()
    sums = fig.data.groupby("item")["pct"].sum()
    assert np.allclose(sums, 100.0)
    assert (in_tmp / fig.path).exists()


def test_tabel_menselijk_kapitaal_shows_alpha(shipped, in_tmp):
    t = ex.tabel_menselijk_kapitaal(shipped)
    assert isinstance(t, TableExhibit)
    assert "Cronbachs alfa" in list(t.frame["Onderdeel"])
    assert t.name.startswith("tbl-bevorderende-en-belemmerende-factoren")


def test_kerncijfers_are_dutch_strings(shipped):
    out = ex.kerncijfers(shipped)
    assert all(isinstance(v, str) and v for v in out.values())
    assert out["top3_max"].endswith("%")
    assert "," in out["hc_alpha"]
    assert out["hc_r_sign"] in {"wel", "niet"}



# ---------------------------------------------------------------------------- declared exhibits (issue 10)

@pytest.fixture
def own_context(monkeypatch):
    """Editions built in the test set the process's edition (downloads, sidecars) on a context of
    their own, so that later tests see the shipped edition's threshold again."""
    from barometer.presentation import exhibit

    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context())


def test_small_year_is_hidden_on_screen_in_alt_glue_and_download(shipped, in_tmp, own_context):
    """A threshold above the innovators of one measurement: its shares are hidden in the comparison
    figure (screen, alt text, download) and the comparison sentence is not published."""
    comp = ex.vergelijking_bevorderd(shipped)
    n = {y: int(comp[f"n_{y}"].max()) for y in (2021, 2025)}
    small = min(n, key=n.get)
    t = n[small] + 1
    assert max(n.values()) >= t
    ed = Edition(2025, (2021,), shipped.data_path, t, shipped.frames)
    _, d = ex.figuur_factoren_vergelijking.disclosed(ed)
    assert d.frame[f"pct_{small}"].isna().all() and d.frame[f"ondergrens_{small}"].isna().all()
    assert d.frame[f"pct_{max(n, key=n.get)}"].notna().all()
    fig = ex.figuur_factoren_vergelijking(ed)
    # the alt text says a hidden figure in words (a screen reader reads no sign)
    assert "(niet getoond" in fig.alt or "tegen niet getoond" in fig.alt
    out = ex.kerncijfers(ed)
    assert out["zin_vergelijking"] == "#" and out["zin_hc_vergelijking"] == "#"
    csv = pd.read_csv(in_tmp / "_downloads" / f"{fig.name}.csv")
    cols = [c for c in csv.columns if c.startswith("Percentage") and str(small) in c]
    assert cols and csv[cols].isna().all().all()


def test_hc_comparison_carries_the_interval_of_the_mean(shipped):
    hc = ex.menselijk_kapitaal(shipped)
    assert hc["diff_low"] < hc["mean"] - hc["mean_2021"] < hc["diff_high"]
    out = ex.kerncijfers(shipped)
    assert "(verschil " in out["zin_hc_vergelijking"] and "95%-interval" in out["zin_hc_vergelijking"]
