"""Figures published by others (the Danish barometer) in a download: the disclosure policy
(data/disclosure.yaml, ``published_columns``) leaves them as they are and gives their rows the
status of a published figure without microdata, not that of a hidden small group."""

from __future__ import annotations

import math

import pandas as pd

from barometer.presentation import disclosure


def test_a_published_figure_without_base_is_marked_as_such_and_kept():
    pol = disclosure.policy()
    assert "dk_gepubliceerd" in pol.published_columns
    frame = pd.DataFrame({"reeks": ["Nederland", "Klein", "Denemarken"], "basis": [200, 3, math.nan],
                          "percentage": [40.0, 33.3, math.nan], "dk_gepubliceerd": [math.nan, math.nan, 37.0]})
    prot = disclosure.protect(frame, 5)
    status = list(prot.frame[pol.status_column])
    assert status[0] == pol.status_text("shown", 5)
    assert status[1] == pol.status_text("primary", 5) and math.isnan(prot.frame.at[1, "percentage"])
    assert status[2] == pol.status_text("external", 5) and "microdata" in status[2]
    assert prot.frame.at[2, "dk_gepubliceerd"] == 37.0
    assert [c.row for c in prot.cells] == [1]


def test_a_small_group_beside_a_published_figure_stays_hidden():
    """A row with a computed value on a small base is hidden, whatever else it carries."""
    pol = disclosure.policy()
    frame = pd.DataFrame({"reeks": ["Nederland", "Klein"], "basis": [200, math.nan],
                          "percentage": [40.0, 50.0], "dk_gepubliceerd": [math.nan, 37.0]})
    prot = disclosure.protect(frame, 5)
    assert prot.frame.at[1, pol.status_column] == pol.status_text("primary", 5)
    assert math.isnan(prot.frame.at[1, "percentage"])
