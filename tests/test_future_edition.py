"""A future edition in which every change goes the other way: no page may contradict its numbers.

The 2027 respondent file is the 2021 synthetic file relabelled as 2027, so that every change
from 2025 to 2027 is the reverse of the change from 2021 to 2025 (a share that fell now
rises by the same amount). Questions first asked in 2025 (goals, effects, failed attempts,
...) are copied from 2025 respondents with the same answer to the routing question, so that
routing holds. The whole book is built for 2027 with a temporary editions file
(``--editions``), then every page is scanned: a direction word next to two glued numbers
("gestegen van 62% in 2021 naar 37% in 2025") must agree with them.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from barometer.book import cli
from barometer.data import paths
from barometer.data.codebook import load_codebook

from built_book import assert_no_warnings

#: "<word> van A ... naar B": up-words need A < B, down-words A > B, "gelijk gebleven" A == B.
_CHANGE = re.compile(
    r"\b(?P<word>gestegen|gedaald|toegenomen|afgenomen|gelijk gebleven)\b[^.;()]{0,40}?\bvan\s+"
    r"(?P<a>\d+(?:,\d+)?)\s*%?[^.;()]{0,25}?\bnaar\s+(?P<b>\d+(?:,\d+)?)\s*%?")
_UP, _DOWN = {"gestegen", "toegenomen"}, {"gedaald", "afgenomen"}


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def contradictions(text: str) -> list[str]:
    """Direction phrases in ``text`` whose word disagrees with their two numbers."""
    bad = []
    for m in _CHANGE.finditer(text):
        a, b, word = _number(m["a"]), _number(m["b"]), m["word"]
        if (word in _UP and not b > a) or (word in _DOWN and not b < a) or (word == "gelijk gebleven" and a != b):
            bad.append(m.group(0))
    return bad


def test_the_scan_catches_a_wrong_direction_word() -> None:
    assert contradictions("Het aandeel is gedaald van 62% in 2021 naar 37% in 2025.") == []
    assert contradictions("Het aandeel is gestegen van 62% in 2021 naar 37% in 2025.") != []
    assert contradictions("is gedaald van 3,1 naar 3,4") != []


def reversed_2027_file(folder: Path) -> Path:
    """The 2021 file as 2027, with the 2025-only questions taken from 2025 respondents."""
    cb = load_codebook()
    old = pd.read_csv(paths.respondent_file(2021), dtype={"resp_id": str})
    new = pd.read_csv(paths.respondent_file(2025), dtype={"resp_id": str})
    rng = np.random.default_rng(2027)
    out = old.copy()
    out["year"] = 2027
    out["resp_id"] = [f"R2027-{i:04d}" for i in range(len(out))]
    missing = [c for c in cb.columns(2025) if c not in out.columns or out[c].isna().all()]
    # one donor per respondent (same innovated answer), so that the answers of a donor stay together
    donor = pd.Series(-1, index=out.index)
    for value, rows in out.groupby("innovated").groups.items():
        pool = np.flatnonzero(new["innovated"].to_numpy() == value)
        donor[rows] = pool[rng.integers(len(pool), size=len(rows))]
    for col in missing:
        if col == "partner_dk":  # the 'weet niet' option of the partners, new in 2025: not mentioned
            out[col] = np.where(out["innovated"] == 1, 0, np.nan)
        elif cb.routing_of(col).name in ("all", "innovators"):
            out[col] = new[col].to_numpy()[donor.to_numpy()]
    failed = [c for c in cb.columns(2025) if cb.routing_of(c).name == "failed"]
    donors = new[new["failed_attempt"] == 1]
    rows = out.index[out["failed_attempt"] == 1]
    picks = rng.integers(len(donors), size=len(rows))
    for col in failed:
        out[col] = np.nan
        out.loc[rows, col] = donors[col].to_numpy()[picks]
    out = out[cb.columns(2025)]
    path = folder / "respondents-2027-omgekeerd.csv"
    out.to_csv(path, index=False)
    paths.sidecar(path).write_text("synthetic: true\ngenerator: tests/test_future_edition.py\n", encoding="utf-8")
    return path


def editions_with_2027(folder: Path) -> Path:
    """A copy of data/editions.yaml with an entry for 2027."""
    editions = folder / "editions.yaml"
    entries = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))
    entries[2027] = {"label": "Innovatie Barometer Overheid 2027", "period": "2025–2026", "period_start": 2025,
                     "period_end": 2026, "fieldwork": "najaar 2026", "published": "maart 2027", "invited": None,
                     "response_rate": 30, "source": "test"}
    editions.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return editions


def test_the_reversed_file_is_valid(tmp_path: Path, monkeypatch) -> None:
    from barometer.data.respondents import load_respondents

    monkeypatch.setenv("BAROMETER_EDITIONS", str(editions_with_2027(tmp_path)))

    df = load_respondents(reversed_2027_file(tmp_path), year=2027)
    now = 100 * (df["innovated"] == 1).mean()
    before = 100 * (pd.read_csv(paths.respondent_file(2025))["innovated"] == 1).mean()
    assert now > before, "the 2027 file should reverse the fall in innovating of 2021→2025"


@pytest.mark.slow
def test_a_reversed_future_edition_never_contradicts_its_numbers(tmp_path: Path) -> None:
    data = reversed_2027_file(tmp_path)
    editions = editions_with_2027(tmp_path)
    out = tmp_path / "html" / "2027"
    assert cli.main(["build", "--year", "2027", "--data", str(data), "--editions", str(editions),
                     "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--jobs", "2"]) == 0
    assert_no_warnings(paths.BUILD / "stage" / "2027")  # rendered with warnings as errors (issue 11)
    problems = {}
    for page in sorted(out.rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", text)
        found = contradictions(text)
        if found:
            problems[page.relative_to(out).as_posix()] = found
    assert not problems, problems
    cff = yaml.safe_load((out / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["preferred-citation"]["title"] == "Innovatie Barometer Overheid 2027"
    citing = (out / "chapters" / "hoe-te-citeren.html").read_text(encoding="utf-8")
    assert "Overheid 2027" in citing and "(2027)" in citing
