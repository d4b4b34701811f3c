"""Unit tests of barometer.presentation.published: reading the tables, computing and matching rows."""

import numpy as np
import pandas as pd
import pytest

from barometer.presentation import published as pub

HEADER = ",".join(pub.FIGURE_COLUMNS)


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "resp_id": [f"R{i}" for i in range(8)],
            "year": [2025] * 8,
            "sector": [1, 1, 1, 1, 7, 7, 7, 9],
            "innovated": [1, 1, 1, 0, 1, 0, 0, 1],
            "cond_time": [1, 2, 4, 5, 4, 4, 5, np.nan],
        }
    )


def write(tmp_path, lines):
    p = tmp_path / "figures.csv"
    p.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_read_figures_types(tmp_path):
    p = write(tmp_path, [
        "T/2025/a,Tabel B1-8,2025,pct,innovated,1,sector,1|9,80,0,,,5,,",
        "T/2025/b,§2.4,2025,mean,cond_time,,,,3.57,2,approx,0.1,,C01,note",
    ])
    fig = pub.read_figures(p)
    assert fig["year"].dtype == "Int64" and fig["value"].dtype == "float64"
    assert fig.loc[0, "comparison"] == "eq"  # empty -> eq
    assert fig.loc[0, "group"] == "1|9"
    assert pd.isna(fig.loc[0, "conflict"]) and fig.loc[1, "conflict"] == "C01"


def test_read_figures_rejects_bad_rows(tmp_path):
    with pytest.raises(pub.PublishedError, match="duplicate"):
        pub.read_figures(write(tmp_path, ["a,s,2025,n,innovated,,,,1,0,,,,,"] * 2))
    with pytest.raises(pub.PublishedError, match="statistic"):
        pub.read_figures(write(tmp_path, ["a,s,2025,median,innovated,,,,1,0,,,,,"]))
    (tmp_path / "bad.csv").write_text("row_id,value\n", encoding="utf-8")
    with pytest.raises(pub.PublishedError, match="missing column"):
        pub.read_figures(tmp_path / "bad.csv")


def test_compute_row_and_matches(frame):
    row = {"statistic": "pct", "variable": "innovated", "codes": "1", "group_var": "sector",
           "group": "1|9", "year": 2025, "value": 80.0, "decimals": 0, "comparison": "eq"}
    value = pub.compute_row(frame, row)
    assert value == pytest.approx(80.0)  # 4 of 5
    assert pub.matches(row, value)
    assert not pub.matches({**row, "value": 79.0}, value)


def test_pp_diff(frame):
    row = {"statistic": "pp_diff", "variable": "innovated", "codes": "1", "group_var": "sector",
           "group": "1>7", "year": 2025}
    assert pub.compute_row(frame, row) == pytest.approx(75 - 100 / 3)


def test_matches_rounding_half_up_and_comparisons():
    eq = {"value": 13, "decimals": 0, "comparison": "eq"}
    assert pub.matches(eq, 12.5)  # float round() would give 12
    assert not pub.matches(eq, 12.4999)
    m = {"value": 3.64, "decimals": 2, "comparison": "eq"}
    assert pub.matches(m, 3.635) and not pub.matches(m, 3.6349)
    approx = {"value": 67, "decimals": 0, "comparison": "approx", "tolerance": 3}
    assert pub.matches(approx, 64.5) and not pub.matches(approx, 63.9)
    assert pub.matches({"value": 10, "comparison": "gt"}, 10.2)
    assert not pub.matches({"value": 10, "comparison": "gt"}, 10.0)
    assert pub.matches({"value": 50, "comparison": "lt"}, 49)
    assert not pub.matches(eq, float("nan"))


def test_check_figures_marks_conflicts(tmp_path, frame):
    p = write(tmp_path, [
        "r1,s,2025,n,cond_time,,,,7,0,,,,,",
        "r2,s,2025,mean,cond_time,,,,3.57,2,,,,,",
        "r3,s,2025,mean,cond_time,,,,9,2,,,,C01,",
        "r4,s,2025,mean,cond_time,,,,9,2,,,,,",
    ])
    fig = pub.read_figures(p)
    df = frame.assign(spectrum=0, spectrum_group=0, national_type=np.nan, climate_scale=np.nan,
                      conditions_scale=np.nan, human_capital=np.nan, climate_cluster=np.nan)
    out = pub.check_figures(df, fig)
    assert out["status"].tolist() == ["ok", "ok", "conflict", "mismatch"]
    assert out.loc[1, "shown"] == 3.57  # 25/7 = 3.5714...


def test_response_rate_is_not_computable(tmp_path, frame):
    p = write(tmp_path, ["r1,Tabel B1-1,2025,response_rate,sector,,sector,1,26,0,eq,,,,"])
    fig = pub.read_figures(p)
    assert np.isnan(pub.compute_row(frame, fig.iloc[0]))
    df = frame.assign(spectrum=0, spectrum_group=0, national_type=np.nan, climate_scale=np.nan,
                      conditions_scale=np.nan, human_capital=np.nan, climate_cluster=np.nan)
    assert pub.check_figures(df, fig)["status"].tolist() == ["not_computable"]


def test_shipped_table_reads_if_present():
    if not (pub.paths.PUBLISHED / "figures.csv").exists():
        pytest.skip("figures.csv not written yet")
    fig = pub.read_figures()
    assert fig["row_id"].is_unique and len(fig) > 100
