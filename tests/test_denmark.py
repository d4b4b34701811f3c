"""Tests of barometer.data.denmark: the Danish comparison figures, read and never invented."""
from __future__ import annotations

from pathlib import Path

import pytest

from barometer.data import denmark

HEADER = "ref_id,measure,wave,period,value,comparison,unit,source_url,reliability,note\n"


def write_dk(path: Path, rows: list[tuple[str, str, str, float]]) -> Path:
    """A Danish file in the shipped format: (ref_id, measure, period, value) per row."""
    lines = [f"{r},{m},4th,{p},{v},eq,percent,https://example.org,primary,\n" for r, m, p, v in rows]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def test_period_text_is_dutch():
    assert denmark.period_text("spring 2021 - spring 2023") == "voorjaar 2021–voorjaar 2023"
    assert denmark.period_text("autumn 2019-autumn 2020") == "najaar 2019–najaar 2020"


def test_danish_file_is_read_and_never_invented(tmp_path, monkeypatch):
    path = write_dk(tmp_path / "denmark.csv", [
        ("DK4-01", "innovated", "spring 2021 - spring 2023", 83),
        ("DK-W4", "responding workplaces", "spring 2021 - spring 2023", 1611),
        ("DK-W4", "response rate", "spring 2021 - spring 2023", 36),
        ("DK4-10", "process", "spring 2021 - spring 2023", 79),
        ("DK4-22", "technological", "spring 2021 - spring 2023", 37),
    ])
    got = denmark.counterparts("innovation_type", 2025, path)
    assert list(got) == ["type_process"]                       # no invented product/service values
    assert got["type_process"] == {"value": 79.0, "period": "voorjaar 2021–voorjaar 2023",
                                   "reliability": "primary", "ref_id": "DK4-10"}
    monkeypatch.setattr(denmark, "PATH", path)                 # the default path is looked up per call
    assert denmark.counterparts("n_workplaces", 2025)["n_workplaces"]["value"] == 1611.0  # measure picks the row
    assert list(denmark.counterparts("tech_content", 2025)) == ["tech_content_1|2"]
    assert denmark.counterparts("initiative", 2025) == {}
    assert denmark.counterparts("innovation_type", 2021) == {}  # no counterpart for that edition
    assert denmark.counterparts("innovation_type", 2019) == {}  # an edition without pairing
    monkeypatch.setattr(denmark, "PATH", tmp_path / "absent.csv")
    assert denmark.counterparts("innovation_type", 2025) == {}
    assert list(denmark.read_table().columns) == ["ref_id", "measure", "period", "value", "reliability"]


def test_a_row_without_value_or_twice_in_the_file_is_left_out(tmp_path):
    path = write_dk(tmp_path / "denmark.csv", [("DK4-10", "process", "2021-2023", 79),
                                               ("DK4-10", "process", "2021-2023", 80),
                                               ("DK4-11", "interaction", "2021-2023", "")])
    assert denmark.counterparts("innovation_type", 2025, path) == {}
    assert denmark.read_table(path)["value"].isna().tolist() == [False, False, True]


@pytest.mark.parametrize("year", sorted(denmark.COUNTERPARTS))
def test_shipped_danish_file_has_every_counterpart(year):
    for key in denmark.COUNTERPARTS[year]:
        question = key.rsplit("_", 1)[0] if "|" in key else key
        assert key in denmark.counterparts(question, year), (year, key)
