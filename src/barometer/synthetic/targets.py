"""The table of targets: rows of data/published/figures.csv for one year, plus the conflicts
register. Every row is consumed by exactly one block or checked afterwards."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ..data import paths


@dataclass
class Row:
    row_id: str
    source: str
    year: int
    statistic: str
    variable: str
    codes: list | None
    group_var: str | None
    group: str | None
    value: float
    decimals: int
    comparison: str
    tolerance: float | None
    base_n: int | None
    conflict: str | None

    def group_codes(self) -> list | None:
        return parse(self.group)

    def window(self):
        """``(lo, hi)`` of a non-``eq`` row (:func:`barometer.analysis.windows.window`; open ends as there)."""
        from ..analysis.windows import window
        lo, hi, _, _ = window(self.comparison, self.value, self.tolerance)
        return lo, hi


def parse(s) -> list | None:
    if s is None or ">" in str(s):
        return None
    out = []
    for p in str(s).split("|"):
        p = p.strip()
        if p == "":
            continue
        f = float(p)
        out.append(int(f) if f == int(f) else f)
    return out


def _s(v):
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    v = str(v).strip()
    return v or None


def load_rows(year: int, path: Path | None = None) -> list[Row]:
    import os
    p = Path(path or os.environ.get("BAROMETER_FIGURES") or paths.PUBLISHED / "figures.csv")
    if not p.exists():
        return []
    df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    rows = []
    for r in df.to_dict("records"):
        try:
            y = int(float(r["year"]))
        except (TypeError, ValueError):
            continue
        if y != year:
            continue
        base = _s(r.get("base_n"))
        tol = _s(r.get("tolerance"))
        dec = _s(r.get("decimals"))
        rows.append(Row(
            row_id=r["row_id"], source=r.get("source", ""), year=y, statistic=r["statistic"],
            variable=r["variable"], codes=parse(_s(r.get("codes"))), group_var=_s(r.get("group_var")),
            group=_s(r.get("group")), value=float(r["value"]), decimals=int(float(dec)) if dec else 0,
            comparison=_s(r.get("comparison")) or "eq", tolerance=float(tol) if tol else None,
            base_n=int(float(base)) if base else None, conflict=_s(r.get("conflict")),
        ))
    return rows


def load_conflicts(path: Path | None = None) -> dict[str, dict]:
    p = Path(path) if path else paths.DATA / "registers" / "conflicts.yaml"
    if not p.exists():
        return {}
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get("conflicts", [])
    return {str(c["id"]): c for c in data}


def row_expected_to_pass(row: Row, conflicts: dict[str, dict]) -> bool:
    """A row with a conflict id passes only when the resolution keeps it (``keep`` list)."""
    if not row.conflict:
        return True
    c = conflicts.get(row.conflict, {})
    keep = c.get("keep") or c.get("rows_kept") or []
    return row.row_id in keep
