"""Tests of barometer.chapters.kennis_delen on the shipped data and small frames."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from pathlib import Path

import pytest
from conftest import make_valid_frame

from barometer.analysis import statistics as st
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, Notice
from barometer.chapters import kennis_delen as ex


def test_delen_naar_verandering_matches_statistic(shipped):
    d = ex.delen_naar_verandering(shipped).set_index("group")
    r = st.statistic(shipped.df, "knowledge_shared", "pct", codes=1, group_var="work_change", group=3, year=2025)
    assert d.loc[3, "pct"] == pytest.approx(r.value)
    assert d.loc[st.TOTAL, "base"] == st.statistic(shipped.df, "knowledge_shared", "n", year=2025).base_n


def test_small_groups_are_not_shown():
    df = add_derived(make_valid_frame(12, 2025))
    ed = Edition(2025, (), Path("x.csv"), 1000, {2025: df})
    d = ex.delen_naar_verandering(ed)
    assert d["shown"].isna().all()


def test_glue_direction_from_data(shipped, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    k = ex.kerncijfers(shipped)
    d = ex.delen_naar_verandering(shipped).set_index("group")
    expected = "vaker gedeeld dan" if round(d.loc[3, "pct"]) > round(d.loc[1, "pct"]) else None
    if expected:
        assert k["richting_ingrijpend"] == expected
    assert k["sig_verandering"] in {"wel", "niet"}
    assert isinstance(ex.figuur_delen_naar_verandering(shipped), FigureExhibit)


def test_not_asked_year():
    ed = Edition.open(2021, [])
    assert isinstance(ex.figuur_delen_naar_verandering(ed), Notice)
    k = ex.kerncijfers(ed)
    assert set(k.index) == set(ex._KEYS) and k["pct_gedeeld"] == "-"
