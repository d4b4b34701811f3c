"""Check a generated frame against the published rows with the chapters' own functions."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd


def figures_path() -> Path:
    from ..data import paths
    return Path(os.environ.get("BAROMETER_FIGURES") or paths.PUBLISHED / "figures.csv")


def check(df: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every row of ``year``: computed value, ok, conflict; uses barometer.presentation.published."""
    from ..presentation.published import check_figures, read_figures
    p = figures_path()
    if not p.exists():
        return pd.DataFrame(columns=["row_id", "ok", "conflict"])
    fig = read_figures(p)
    fig = fig[fig["year"] == year]
    return check_figures(df, fig, years=year)


def summary(res: pd.DataFrame) -> dict:
    if res.empty:
        return {"total": 0, "met": 0}
    if "status" in res.columns:  # response rates need the invited counts: not computable, not targets
        res = res[res["status"] != "not_computable"]
    nc = res[res["conflict"].isna()]
    return {"total": int(len(res)), "met": int(res["ok"].sum()),
            "non_conflict_total": int(len(nc)), "non_conflict_met": int(nc["ok"].sum()),
            "unmet": [str(r) for r in nc.loc[~nc["ok"].astype(bool), "row_id"]]}
