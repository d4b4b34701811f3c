"""``barometer.book.build._edition_entry``: an unreadable editions file gives a clear Dutch error, not a silent default."""
from __future__ import annotations

from pathlib import Path

import pytest

from barometer.book import build
from barometer.data import paths


def test_a_year_without_an_entry_gives_no_entry(monkeypatch) -> None:
    monkeypatch.setenv("BAROMETER_EDITIONS", str(paths.EDITIONS))
    assert build._edition_entry(2099) == {}
    assert build._edition_entry(2025)["label"].endswith("2025")


@pytest.mark.parametrize("text", ["2025: [niet: goed", "2025:\n  label: 12\n  onbekend: x\n"])
def test_a_broken_editions_file_is_reported_in_dutch(tmp_path: Path, monkeypatch, text: str) -> None:
    editions = tmp_path / "editions.yaml"
    editions.write_text(text, encoding="utf-8")
    monkeypatch.setenv("BAROMETER_EDITIONS", str(editions))
    with pytest.raises(build.BuildError) as err:
        build._edition_entry(2025)
    message = str(err.value)
    assert "edities-bestand" in message and str(editions) in message and "editie 2025" in message
    config = tmp_path / "_config.yml"
    config.write_text(paths.CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(build.BuildError):
        build._edition_config(config, 2025, synthetic=False)
