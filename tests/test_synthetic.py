"""Tests of the synthetic respondent files (issue 3)."""
from __future__ import annotations

import pytest

from barometer import paths
from barometer.respondents import load_respondents
from barometer.synthetic.targets import load_conflicts, load_rows

YEARS = (2025, 2021)
FILES = {y: paths.DATA / f"respondents-{y}-synthetic.csv" for y in YEARS}


@pytest.mark.parametrize("year", YEARS)
def test_shipped_file_passes_loader(year):
    df = load_respondents(FILES[year])
    assert len(df) == {2025: 347, 2021: 366}[year]
    assert df["resp_id"].str.startswith("SYN").all()


@pytest.mark.parametrize("year", YEARS)
def test_sidecar(year):
    import yaml
    meta = yaml.safe_load((FILES[year].parent / (FILES[year].name + ".meta.yaml")).read_text(encoding="utf-8"))
    for key in ("synthetic", "generator", "generator_version", "seed", "solver", "solver_version",
                "targets_sha256", "created_from", "n", "year", "licence", "note"):
        assert key in meta
    assert meta["synthetic"] is True and meta["year"] == year


@pytest.mark.slow
@pytest.mark.parametrize("year", YEARS)
def test_regeneration_is_byte_identical(year, tmp_path):
    import yaml
    from barometer.synthetic.generator import write_year
    meta = yaml.safe_load((FILES[year].parent / (FILES[year].name + ".meta.yaml")).read_text(encoding="utf-8"))
    best = bool(meta.get("infeasible_blocks"))
    path, _ = write_year(year, out_dir=tmp_path, best_effort=best)
    assert path.read_bytes() == FILES[year].read_bytes()


def _rows():
    conflicts = load_conflicts()
    out = []
    for y in YEARS:
        for r in load_rows(y):
            if r.statistic == "response_rate":
                continue
            marks = []
            if r.conflict:
                c = conflicts.get(r.conflict, {})
                marks = [pytest.mark.xfail(strict=True, reason=f"{r.conflict}: {c.get('resolution', '')}"[:300])]
            out.append(pytest.param(r, id=r.row_id, marks=marks))
    return out


_FRAMES = {}


def _frame(year):
    if year not in _FRAMES:
        from barometer.derive import add_derived
        _FRAMES[year] = add_derived(load_respondents(FILES[year]))
    return _FRAMES[year]


@pytest.mark.parametrize("row", _rows())
def test_published_row(row):
    from barometer.published import compute_row, matches
    rec = {"row_id": row.row_id, "statistic": row.statistic, "variable": row.variable,
           "codes": "|".join(str(c) for c in row.codes) if row.codes else None,
           "group_var": row.group_var, "group": row.group, "year": row.year, "value": row.value,
           "decimals": row.decimals, "comparison": row.comparison, "tolerance": row.tolerance}
    got = compute_row(_frame(row.year), rec)
    assert matches(rec, got), f"{row.row_id}: published {row.value}, computed {got}"
