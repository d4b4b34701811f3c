"""Tests of the case catalogue ``data/cases.csv`` and its loader :mod:`barometer.data.cases`."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from barometer.data import cases as cs
from barometer.data.codebook import load_codebook

SOURCE_DIR = Path(__file__).resolve().parents[2] / "shared" / "source"
SHINGLE = 9  # as ../shared/tools/prose_check.py: no run of 9+ words copied from the report
_WORD = re.compile(r"[a-zà-ÿ0-9]+", re.IGNORECASE)


def _words(text: str) -> list[str]:
    text = re.sub(r"-\s*\n\s*", "", text)  # rejoin words hyphenated over a line break
    return [w.lower() for w in _WORD.findall(text)]


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _copied_runs(text: str, source: set[tuple[str, ...]]) -> list[str]:
    ws = _words(text)
    return [" ".join(ws[i : i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1) if tuple(ws[i : i + SHINGLE]) in source]


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    return cs.load_cases()


@pytest.fixture(scope="module")
def report_shingles() -> set[tuple[str, ...]]:
    sources = sorted(SOURCE_DIR.glob("*.txt")) if SOURCE_DIR.is_dir() else []
    if not sources:
        pytest.skip(
            f"no source report in {SOURCE_DIR}: the report's text lives in the project's shared/ "
            "folder beside the repository and is not vendored, so copying cannot be checked here"
        )
    out: set[tuple[str, ...]] = set()
    for s in sources:
        out |= _shingles(_words(s.read_text(encoding="utf-8", errors="replace")))
    return out


def _valid() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ["K01", "clustervoorbeeld", "Duurzaamheid", "", "Gemeente", "geen", "Hub", "Een gemeente hergebruikt klinkers.", "H3"],
            ["I01", "interview", "", "Kadaster", "Zbo", "AI", "Kaart", "AI tekent opslagtanks op de kaart.", "H3"],
        ],
        columns=list(cs.COLUMNS),
    )


# ----------------------------------------------------------------------------- the shipped file
def test_catalogue_loads_with_the_agreed_columns(catalogue: pd.DataFrame) -> None:
    assert tuple(catalogue.columns) == cs.COLUMNS
    assert len(catalogue) > 0


def test_catalogue_has_cluster_examples_and_interviews(catalogue: pd.DataFrame) -> None:
    assert set(catalogue["kind"]) == set(cs.KINDS)
    assert catalogue.loc[catalogue["kind"] == "clustervoorbeeld", "cluster"].nunique() >= 10


def test_required_fields_are_filled(catalogue: pd.DataFrame) -> None:
    for col in cs.REQUIRED:
        assert (catalogue[col] != "").all(), f"empty {col}"
    ex = catalogue[catalogue["kind"] == "clustervoorbeeld"]
    assert (ex["cluster"] != "").all()
    iv = catalogue[catalogue["kind"] == "interview"]
    assert (iv["organisation"] != "").all()


def test_case_ids_are_unique(catalogue: pd.DataFrame) -> None:
    assert catalogue["case_id"].is_unique


def test_sectors_come_from_the_codebook(catalogue: pd.DataFrame) -> None:
    known = set(load_codebook().labels("sector").values())
    used = set(catalogue["sector"]) - {""}
    assert used <= known, used - known


def test_sidecar_documents_source_and_licence() -> None:
    import yaml

    meta = yaml.safe_load(cs.CASES.with_name(cs.CASES.name + ".meta.yaml").read_text(encoding="utf-8"))
    for key in ("source", "producer", "licence", "date", "note"):
        assert meta.get(key), f"sidecar lacks {key}"
    assert "eigen" in meta["note"].lower()


def test_summaries_are_not_copied_from_the_report(catalogue: pd.DataFrame, report_shingles: set) -> None:
    copied = {}
    for row in catalogue.itertuples(index=False):
        for col in ("summary", "innovation"):
            runs = _copied_runs(getattr(row, col), report_shingles)
            if runs:
                copied[(row.case_id, col)] = runs[0]
    assert copied == {}, f"rewrite in your own words: {copied}"


def test_shingle_check_can_fail(report_shingles: set) -> None:
    some = next(iter(report_shingles))
    assert _copied_runs("Zo staat het er: " + " ".join(some) + ".", report_shingles)


# ----------------------------------------------------------------------------- the checks can fail
def test_valid_frame_passes() -> None:
    assert cs.catalogue_problems(_valid()) == []


@pytest.mark.parametrize(
    ("column", "row", "value", "message"),
    [
        ("case_id", 1, "K01", "meer dan eens"),
        ("case_id", 0, "X1", "vorm K01"),
        ("kind", 0, "voorbeeld", "kind"),
        ("cluster", 0, "", "cluster nodig"),
        ("organisation", 1, "", "naam van de organisatie"),
        ("sector", 0, "Ministerie", "codeboek"),
        ("technology", 0, "blockchain", "technology"),
        ("summary", 0, "", "'summary' is leeg"),
        ("summary", 0, "Eerste zin. Tweede zin.", "één zin"),
        ("summary", 0, "Zonder punt", "één zin"),
    ],
)
def test_each_rule_can_fail(column: str, row: int, value: str, message: str) -> None:
    frame = _valid()
    frame.loc[row, column] = value
    problems = cs.catalogue_problems(frame)
    assert any(message in p for p in problems), problems


def test_missing_column_is_reported() -> None:
    problems = cs.catalogue_problems(_valid().drop(columns=["technology"]))
    assert problems and "technology" in problems[0]


def test_load_cases_raises_with_every_problem(tmp_path: Path) -> None:
    frame = _valid()
    frame.loc[0, "technology"] = "blockchain"
    frame.loc[1, "sector"] = "Ministerie"
    path = tmp_path / "cases.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(cs.CaseCatalogueError) as err:
        cs.load_cases(path)
    assert "blockchain" in str(err.value) and "Ministerie" in str(err.value)
