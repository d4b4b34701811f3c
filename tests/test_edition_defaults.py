"""Edition.open's defaults come from the editions metadata, not from a year written in code (issue 11)."""
from __future__ import annotations

import yaml

from barometer.book.edition import Edition
from barometer.data import paths
from barometer.data.editions import ENV_VAR, load_editions, newest_year


def test_defaults_are_the_newest_edition_and_its_earlier_editions():
    ed = Edition.open()
    assert ed.year == newest_year() == max(load_editions())
    earlier = tuple(y for y in sorted(load_editions()) if y < ed.year)
    assert ed.comparison_years == earlier and earlier  # the shipped editions: 2025 compared with 2021
    assert set(ed.frames) == {ed.year, *earlier}


def test_an_empty_comparison_list_still_means_no_comparison():
    ed = Edition.open(comparison_years=[])
    assert ed.year == newest_year() and ed.comparison_years == ()


def test_defaults_follow_the_editions_file(tmp_path, monkeypatch):
    """With an editions file that adds a newer year, that year is the default edition and every
    shipped edition (each has a respondent file) is a default comparison year."""
    import pandas as pd

    shipped = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))
    new = max(shipped) + 2
    entries = {**shipped, new: {**shipped[max(shipped)], "label": f"Innovatie Barometer Overheid {new}"}}
    f = tmp_path / "editions.yaml"
    f.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(f))
    assert newest_year() == new
    data = pd.read_csv(paths.respondent_file(max(shipped))).assign(year=new)
    data.to_csv(tmp_path / f"respondents-{new}.csv", index=False)
    ed = Edition.open(data_path=tmp_path / f"respondents-{new}.csv")
    assert ed.year == new and ed.comparison_years == tuple(sorted(shipped))
    assert set(ed.frames) == {new, *shipped}
