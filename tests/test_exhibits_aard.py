"""Tests of barometer.chapters.de_aard_van_innovaties: the declared catalogue exhibits and the glue."""
from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")

import pytest

from barometer.book.edition import Edition
from barometer.data.cases import load_cases
from barometer.presentation.exhibit import FigureExhibit, TableExhibit
from barometer.chapters import de_aard_van_innovaties as ex


def test_exhibits_are_declared_and_show_the_catalogue(shipped, in_tmp):
    cases = load_cases()
    t = ex.tabel_clusters(shipped)
    assert isinstance(t, TableExhibit) and t.frame["Cluster"].iloc[-1] == "Totaal"
    assert t.frame["Voorbeelden"].iloc[-1] == str((cases["kind"] == "clustervoorbeeld").sum())
    iv = ex.tabel_interviews(shipped)
    assert len(iv.frame) == (cases["kind"] == "interview").sum()
    fig = ex.figuur_technologie(shipped)
    assert isinstance(fig, FigureExhibit) and fig.data["aantal"].sum() == len(cases)
    assert str(len(cases)) in fig.alt
    # the catalogue has no respondents: the policy has nothing to hide, at any threshold
    sidecar = json.loads((in_tmp / "_downloads" / f"{fig.name}.json").read_text(encoding="utf-8"))
    assert sidecar["onderdrukt"] == []


def test_survey_figures_of_the_prose_are_hidden_below_the_threshold(shipped, in_tmp, own_context):
    """Above every base, each survey figure of the prose is the symbol; the catalogue counts and
    the respondent count stay (they are metadata and a public count)."""
    ed = Edition(2025, (2021,), shipped.data_path, 100_000, shipped.frames)
    k = ex.kerncijfers(ed).set_index("sleutel")["tekst"]
    for key in ("pct_innovatief", "n_innovatief", "pct_elders", "pct_toepasbaar", "pct_technologisch"):
        assert k[key] == "#", key
    assert k["n_organisaties"] == ex.kerncijfers(shipped).set_index("sleutel").loc["n_organisaties", "tekst"] != "#"
    assert ex.tabel_clusters(ed).frame.equals(ex.tabel_clusters(shipped).frame)


@pytest.fixture
def own_context(monkeypatch):
    """Editions built in the test set the process's edition (downloads, sidecars) on a context of
    their own, so that later tests see the shipped edition's threshold again."""
    from barometer.presentation import exhibit

    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context())
