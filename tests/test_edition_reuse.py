"""Inside a build, ``Edition.open`` returns the same edition object for the same inputs.

A build's warm kernel runs chapter after chapter of one edition; what the package computes
once per edition object (the edition-wide secondary suppression, claims, tidy frames) is then
computed once per kernel. These tests check when the object is reused and when it is not:
another threshold, frames a chapter changed in place, no hand-off of validated frames.
"""
from __future__ import annotations

from barometer.book.edition import Edition
from barometer.book.frames import ENV_VAR


def test_the_same_inputs_give_the_same_edition_inside_a_build() -> None:
    import os

    assert os.environ.get(ENV_VAR), "conftest hands the frames to every Edition.open"
    a = Edition.open(2025, [2021])
    b = Edition.open(2025, [2021])
    assert b is a
    assert Edition.open(2025, [2021], min_base=10) is not a
    assert Edition.open(2025, []) is not a


def test_frames_changed_in_place_are_loaded_again() -> None:
    a = Edition.open(2025, [2021])
    first = int(a.df["innovated"].iloc[0])
    a.df.loc[a.df.index[0], "innovated"] = 1 - first if first in (0, 1) else 0
    b = Edition.open(2025, [2021])
    assert b is not a
    assert int(b.df["innovated"].iloc[0]) == first
    c = Edition.open(2025, [2021])
    assert c is b
    c.all_years["extra"] = 1  # a column added to the stacked years
    d = Edition.open(2025, [2021])
    assert d is not c and "extra" not in d.all_years


def test_without_the_hand_off_every_open_loads_its_own_frames(monkeypatch) -> None:
    monkeypatch.delenv(ENV_VAR)
    a = Edition.open(2025, [2021])
    assert Edition.open(2025, [2021]) is not a


def test_a_result_shared_through_the_frames_folder_is_computed_once(tmp_path, monkeypatch) -> None:
    from barometer.book.frames import shared_result

    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    calls = []

    def compute():
        calls.append(1)
        return {"interval": (0.5, 2.0)}

    assert shared_result("proef", compute) == {"interval": (0.5, 2.0)}
    assert shared_result("proef", compute) == {"interval": (0.5, 2.0)}  # read back: another kernel
    assert len(calls) == 1
    assert shared_result("andere sleutel", compute) and len(calls) == 2
    assert not list((tmp_path / "shared").glob("*.tmp"))  # no temporary file left behind
    monkeypatch.delenv(ENV_VAR)
    shared_result("proef", compute)
    assert len(calls) == 3  # outside a build nothing is shared
