"""Tests of barometer.chapters.bijlage_figuren."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")


import numpy as np
import pandas as pd
import pytest

from barometer.analysis import statistics as st
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit
from barometer.chapters import bijlage_figuren as ex
from barometer.presentation.exhibit import Notice
from barometer.data.codebook import load_codebook


@pytest.fixture(scope="module")
def ed2021():
    return Edition.open(2021, [], "data/respondents-2021-synthetic.csv")


@pytest.mark.parametrize("func, number", [("figuur_b2_1", "B2-1"), ("figuur_b2_2", "B2-2"),
                                          ("figuur_b2_3", "B2-3"), ("figuur_b2_4", "B2-4")])
def test_figures(shipped, in_tmp, func, number):
    fig = getattr(ex, func)(shipped)
    assert isinstance(fig, FigureExhibit)
    assert f"Figuur {number}" in fig.caption
    assert fig.name == f"fig-bijlage-figuren-{number.lower()}"
    assert fig.alt.strip()


def test_b2_1_caption_has_mean_and_sd(shipped, in_tmp):
    s = pd.to_numeric(shipped.df["conditions_scale"], errors="coerce").dropna().astype(float)
    fig = ex.figuur_b2_1(shipped)
    from barometer.presentation.formatting import dec
    assert dec(s.mean()) in fig.caption and dec(s.std(ddof=1)) in fig.caption
    out = ex.kerncijfers(shipped)
    assert out["b2_1_mean"] == dec(s.mean())


def test_questions_not_asked_in_2021_give_notice(ed2021, in_tmp):
    assert isinstance(ex.figuur_b2_2(ed2021), Notice)
    assert isinstance(ex.figuur_b2_3(ed2021), Notice)
    assert "niet gesteld" in ex.figuur_b2_2(ed2021)._repr_markdown_()
    assert isinstance(ex.figuur_b2_4(ed2021), FigureExhibit)


def test_b2_3_base_is_failed_attempts(shipped):
    f = ex.per_cluster(shipped, "fail_reason")
    df = shipped.df
    failed = pd.to_numeric(df["failed_attempt"], errors="coerce").eq(1)
    for g, base in f.groupby("group")["base"].max().items():
        cl = pd.to_numeric(df["climate_cluster"], errors="coerce").eq(g)
        assert base == int((failed & cl).sum())


def test_small_bases_are_not_shown(shipped):
    big = Edition(shipped.year, shipped.comparison_years, shipped.data_path, 10_000, shipped.frames)
    f = ex.per_cluster(big, "effect", summary=True)
    assert f["pct"].isna().all()
    assert not f["shown"].any()


def test_b2_4_sectors_sum_to_100_and_exclude_hoge_colleges(shipped):
    f = ex.sector_naar_cluster(shipped)
    assert 3 not in set(f["group"])
    assert st.TOTAL in set(f["group"])
    sums = f.groupby("group")["pct"].sum()
    assert np.allclose(sums, 100.0)
    total_base = f.loc[f["group"] == st.TOTAL, "base"].iloc[0]
    assert total_base == int(pd.to_numeric(shipped.df["climate_cluster"], errors="coerce").notna().sum())


# ----------------------------------------------------------------------------- disclosure, one call
@pytest.fixture
def own_context(monkeypatch):
    """Editions opened in a test set the process's edition context; restore it afterwards."""
    import copy

    from barometer.presentation import exhibit

    monkeypatch.setattr(exhibit, "_CONTEXT", copy.copy(exhibit._CONTEXT))


def _download(fig) -> pd.DataFrame:
    csv, _xlsx = fig.downloads
    return pd.read_csv(csv, dtype=str, keep_default_na=False)


def test_b2_4_secondary_group_hidden_in_figure_alt_and_download(in_tmp, own_context):
    # At a threshold of 6 the figure is not the printed one: the Hoge Colleges van Staat
    # (2 organisations) count only in the total, so the smallest sector (Provincie, 6) is
    # hidden too: no bar, named as not shown in the alt text, blank in the download.
    six = Edition.open(2025, [2021], None, 6)
    fig = ex.figuur_b2_4(six)
    prov = load_codebook().labels_long("sector")[5]
    assert "Niet getoond" in fig.alt and prov in fig.alt
    frame = _download(fig)
    rows = frame[frame["Groep (code)"] == "5"]
    assert len(rows) == 3 and (rows["Percentage (volle precisie)"] == "").all()
    assert (rows["Ondergrens (95%-betrouwbaarheidsinterval)"] == "").all()
    assert "af te leiden" in rows["Geheimhouding"].iloc[0]
    # at the report's threshold too: the print shows another figure's numbers under this title,
    # so these cells are the book's own, not the report's (Edition.reproduces_print), and the
    # whole rule holds
    five = Edition.open(2025, [2021], None, 5)
    assert not five.reproduces_print("Figuur B2-4")
    assert prov in ex.figuur_b2_4(five).alt


def test_b2_1_small_base_hidden_in_caption_alt_glue_and_download(in_tmp, own_context):
    from barometer.presentation import glue
    from barometer.presentation.formatting import SMALL_CELL, dec

    big = Edition.open(2025, [2021], None, 10_000)
    s = pd.to_numeric(big.df["conditions_scale"], errors="coerce").dropna().astype(float)
    fig = ex.figuur_b2_1(big)
    assert dec(s.mean()) not in fig.caption and SMALL_CELL in fig.caption
    assert dec(s.mean()) not in fig.alt and "%" not in fig.alt
    frame = _download(fig)
    assert (frame["Percentage (volle precisie)"] == "").all() and (frame["Aantal"] == "").all()
    mp = pytest.MonkeyPatch()
    mp.setattr(glue, "_glue", lambda key, text, display=False: text)
    try:
        out = ex.kerncijfers(big)
    finally:
        mp.undo()
    assert out["b2_1_mean"] == out["b2_1_sd"] == SMALL_CELL


def test_b2_4_is_no_printed_figure_and_its_download_has_the_whole_rule(in_tmp, own_context):
    """Figuur B2-4 (2025, threshold 5): the print shows another figure's numbers under its
    title, so the book's cells are its own and the whole rule holds (until this session it was
    kept as printed, with the total's bounds blanked so as not to give the Hoge Colleges van
    Staat away). Now the smallest sector is the complementary cell instead: the download has
    full precision and every shown row, the total included, has its bounds."""
    fig = ex.figuur_b2_4(Edition.open(2025, [2021], None, 5))
    frame = _download(fig)
    lo = "Ondergrens (95%-betrouwbaarheidsinterval)"
    assert lo in frame.columns and "Percentage (volle precisie)" in frame.columns
    total = frame[frame["Groep (code)"] == "Totaal"]
    assert (total[lo] != "").all() and (total["Geheimhouding"] == "").all()
    provincie = frame[frame["Groep (code)"] == "5"]
    assert (provincie[lo] == "").all() and provincie["Geheimhouding"].str.contains("af te leiden").all()
