"""The approximate numbers of the report's prose and their windows (issue 15).

``data/published/approximate.csv`` lists every approximate number of the prose; each is checked
by a row of ``figures.csv`` with its word's window (:mod:`barometer.analysis.windows`), by an exact row
inside that window, by a claim, or carries a recorded conflict. Whether the synthetic files meet
the rows is ``tests/test_synthetic.py::test_published_row`` (every row of figures.csv).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from barometer.data import paths
from barometer.presentation.published import matches
from barometer.analysis.windows import FRACTIONS, WORDS, in_window, window, word_of

INVENTORY = paths.PUBLISHED / "approximate.csv"
SOURCE = Path(__file__).resolve().parents[2] / "shared" / "source" / "innovatie-barometer-overheid-2025.txt"
STATUSES = {"window", "exact", "conflict", "claim", "outside"}


def _read(p):
    with open(p, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


INV = _read(INVENTORY)
FIG = {r["row_id"]: r for r in _read(paths.PUBLISHED / "figures.csv")}
CLAIMS = {r["claim_id"] for r in _read(paths.PUBLISHED / "claims.csv")}
CONFLICTS = {c["id"]: c for c in yaml.safe_load((paths.DATA / "registers" / "conflicts.yaml").read_text(encoding="utf-8"))}


def test_rule_windows():
    assert window("approx", 20, 2)[:2] == (18, 22)
    assert in_window(38.9, "lt", 40, 3) and not in_window(40.0, "lt", 40, 3) and not in_window(36.9, "lt", 40, 3)
    assert in_window(66.7, "gt", 65, 3) and not in_window(65.0, "gt", 65, 3) and not in_window(74.6, "gt", 65, 3)
    assert in_window(4.0, "lt", 5) and in_window(-100, "lt", 5)  # a bound without tolerance
    assert word_of("In iets meer dan 10 procent") == ("iets meer dan", "gt", 3)
    assert word_of("nog altijd driekwart van") == ("ongeveer", "approx", 2)
    assert word_of("zo’n 20 procent")[0] == "zo'n"
    assert word_of("76 procent") is None


def test_matches_uses_the_window():
    row = {"value": 65, "comparison": "gt", "tolerance": 3, "decimals": 0}
    assert matches(row, 66.7) and not matches(row, 74.6)
    assert matches({"value": 50, "comparison": "lt", "decimals": 0}, 10.0)  # no tolerance: a bound


def test_inventory_shape():
    ids = [r["phrase_id"] for r in INV]
    assert len(ids) == len(set(ids)) and len(ids) >= 25
    for r in INV:
        assert r["status"] in STATUSES, r["phrase_id"]
        assert word_of(r["quote"]) is not None, f"{r['phrase_id']}: no word of approximation in the quote"


@pytest.mark.parametrize("item", [r for r in INV if r["status"] != "outside"], ids=lambda r: r["phrase_id"])
def test_each_number_is_checked_with_its_words_window(item):
    word, comparison, tol = word_of(item["quote"])
    value = float(item["value"])
    if item["status"] == "claim":
        assert item["row_id"] in CLAIMS
        return
    row = FIG.get(item["row_id"])
    assert row is not None, f"{item['phrase_id']}: row {item['row_id']} not in figures.csv"
    if item["status"] == "exact":
        assert row["comparison"] == "eq" and not row["conflict"]
        assert in_window(float(row["value"]), comparison, value, tol), (
            f"{item['phrase_id']}: the exact value {row['value']} lies outside the window of '{word}'")
        return
    assert (row["comparison"], float(row["tolerance"] or "nan")) == (comparison, tol), (
        f"{item['phrase_id']}: {item['row_id']} has {row['comparison']} / {row['tolerance']}, "
        f"the word '{word}' gives {comparison} / {tol}")
    assert float(row["value"]) == value
    if item["status"] == "conflict":
        assert row["conflict"] in CONFLICTS and item["row_id"] in CONFLICTS[row["conflict"]]["rows"]
    else:
        assert not row["conflict"], f"{item['row_id']} carries {row['conflict']} but is listed as a target"


def test_every_approximate_row_of_the_prose_is_in_the_inventory():
    listed = {r["row_id"] for r in INV}
    prose = [rid for rid, r in FIG.items() if r["comparison"] != "eq" and r["tolerance"]]
    assert set(prose) <= listed, sorted(set(prose) - listed)
    bounds = [rid for rid, r in FIG.items() if r["comparison"] in ("lt", "gt") and not r["tolerance"]]
    assert all("kleiner dan 5" in FIG[r]["note"] for r in bounds), bounds  # only the tables' '#' rule


def _phrases(text: str) -> list[str]:
    words = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    fr = "|".join(re.escape(f) for f in FRACTIONS)
    pat = re.compile(rf"\b(?:{words})\s+(?:\d[\d.,]*|{fr})|\b(?:{fr})\b", re.IGNORECASE)
    return [m.group(0) for m in pat.finditer(text)]


@pytest.mark.skipif(not SOURCE.exists(), reason="the report's text lives in ../shared/source beside the repository")
def test_every_approximate_number_of_the_text_is_listed():
    """Reads the report's text independently: every 'word + number' (or fraction word) occurs in a
    quote of the inventory (a text can repeat a sentence: one entry covers all its copies)."""
    text = SOURCE.read_text(encoding="utf-8").replace("-\n", "").replace("’", "'")
    text = re.sub(r"\s+", " ", text).replace("- ", "")
    quotes = " | ".join(re.sub(r"\s+", " ", r["quote"]) for r in INV).lower()
    missing = sorted({p for p in _phrases(text) if p.lower().replace("’", "'") not in quotes.replace("’", "'")})
    # phrases that are no number of this survey, listed as 'outside' by their words
    outside = " ".join(r["quote"] for r in INV if r["status"] == "outside").lower()
    missing = [p for p in missing if p.lower() not in outside]
    assert not missing, missing
