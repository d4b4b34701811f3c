"""Tests of barometer.chapters.samenvatting (the summary's own keys) and of the summary notebook."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import make_valid_frame

from barometer.presentation import formatting as fmt
from barometer.analysis import models
from barometer.analysis import statistics as st
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.chapters import samenvatting as ex
from barometer.data.paths import ROOT

NOTEBOOK = ROOT / "chapters" / "samenvatting.ipynb"


@pytest.fixture(scope="module")
def shipped():
    return Edition.open(2025, [2021])


@pytest.fixture(scope="module")
def zonder_vergelijking():
    return Edition.open(2025, [])


def test_every_key_glued_with_text(shipped):
    k = ex.kerncijfers(shipped)
    assert list(k.index) == list(ex.KEYS)
    assert all(isinstance(v, str) and v for v in k.values)


def test_innovation_change_test_matches_models(shipped):
    t = ex.toets_innovatie(shipped)
    ref = models.compare_years(shipped.all_years, "innovated", 1, years=(2021, 2025))
    assert t["p"] == pytest.approx(ref["p"])
    k = ex.kerncijfers(shipped)
    assert k["sig_innovatie"] == ("wel" if ref["p"] < 0.05 else "niet")
    assert k["verschil_innovatie"] == fmt.pp(abs(ref["diff"]), decimals=1)
    word = "daling" if round(ref["p2"]) < round(ref["p1"]) else ("stijging" if round(ref["p2"]) > round(ref["p1"]) else "verschil")
    assert word in k["zin_innovatie_toets"]


def test_without_comparison_year_says_so(zonder_vergelijking):
    k = ex.kerncijfers(zonder_vergelijking)
    assert ex.toets_innovatie(zonder_vergelijking) is None
    assert k["sig_innovatie"] == "niet te toetsen"
    assert "eerdere meting" in k["zin_innovatie_toets"]
    assert "eerdere meting" in k["zin_klimaat_rijk"]
    # claims about a change between years cannot be tested without the earlier year
    assert k["oordeel_CL08"] == ex.OORDEEL[None]
    assert k["oordeel_CL29"] == ex.OORDEEL[None]


def test_claim_verdicts_follow_the_claims_check(shipped):
    from barometer.presentation.claims import evaluate_claims
    full = evaluate_claims(shipped.frames).set_index("claim_id")
    r = ex.claim_woorden(shipped).set_index("claim_id")
    for cid in ex.CLAIMS:
        assert bool(r.loc[cid, "holds"]) == bool(full.loc[cid, "holds"])
        assert r.loc[cid, "woord"] == ex.OORDEEL[bool(full.loc[cid, "holds"])]


def test_unit_direction_from_data(shipped):
    small = st.statistic(shipped.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=1, year=2025)
    large = st.statistic(shipped.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=3, year=2025)
    k = ex.kerncijfers(shipped)
    expected = ("vaker dan" if round(large.value) > round(small.value) else
                "minder vaak dan" if round(large.value) < round(small.value) else "even vaak als")
    assert k["richting_unit_grootte"] == expected


def test_climate_by_sector(shipped):
    m = ex.klimaat_sectoren(shipped)
    assert 3 not in set(m["group"])  # Hoge Colleges van Staat are left out as in the report
    now = m[m["year"] == 2025].set_index("group")
    ref = st.statistic(shipped.df, "climate_scale", "mean", group_var="sector", group=ex.RIJK, year=2025)
    assert now.loc[ex.RIJK, "mean"] == pytest.approx(ref.value)
    k = ex.kerncijfers(shipped)
    assert k["klimaat_rijk"] == fmt.dec(ref.value, 2)
    assert k["klimaat_sector_hoogst_score"] == fmt.dec(now["mean"].max(), 2)
    if now["mean"].idxmax() == ex.RIJK:
        assert "het hoogst" in k["zin_klimaat_hoogst"] and k["sector_rijk"] in k["zin_klimaat_hoogst"]


def test_small_frame_small_groups():
    df = add_derived(make_valid_frame(12, 2025))
    ed = Edition(2025, (), Path("x.csv"), 1000, {2025: df})
    k = ex.kerncijfers(ed)
    assert k["klimaat_rijk"] == fmt.NOT_ASKED  # every sector below the minimum base
    assert k["richting_unit_grootte"] == "niet aantoonbaar vaker dan"


def _markdown(nb) -> str:
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_notebook_glues_from_existing_chapter_keys():
    """Every cross-page glue names a chapter of the book and a key that chapter glues."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    refs = re.findall(r"\{glue:text\}`/chapters/([a-z-]+)\.ipynb::([A-Za-z0-9_]+):s`", _markdown(nb))
    assert len(refs) > 40
    for slug, key in set(refs):
        path = ROOT / "chapters" / f"{slug}.ipynb"
        assert path.exists(), slug
        source = json.loads(path.read_text(encoding="utf-8"))
        names = {o.get("metadata", {}).get("scrapbook", {}).get("name")
                 for c in source["cells"] for o in c.get("outputs", [])}
        assert key in names, f"{slug} does not glue {key!r}"


def test_notebook_local_glue_are_module_keys():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    local = set(re.findall(r"\{glue:text\}`([A-Za-z0-9_]+)`", _markdown(nb)))
    assert local and local <= set(ex.KEYS)


def test_notebook_links_each_finding_to_its_chapter():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    sections = [c for c in nb["cells"] if c["cell_type"] == "markdown"
                and "".join(c["source"]).startswith("## ") and "Over de cijfers" not in "".join(c["source"])]
    assert len(sections) >= 9
    for c in sections:
        assert "{doc}`" in "".join(c["source"]), "".join(c["source"])[:40]
