"""Minimal private reader of ``data/codebook.yaml`` for the generator.

The generator only needs: which columns a respondent file of a year has, in which order,
with which codes and routing. (The validating loader lives in ``barometer.data.respondents``.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..data import paths


@dataclass
class Var:
    name: str
    type: str
    years: list[int]
    routing: str
    codes: dict[int, str] = field(default_factory=dict)
    items: list[str] = field(default_factory=list)
    exclusive: list[str] = field(default_factory=list)
    item_years: dict[str, list[int]] = field(default_factory=dict)
    scale: str | None = None
    missing_allowed: bool = False
    raw: dict = field(default_factory=dict)

    def items_for(self, year: int) -> list[str]:
        return [i for i in self.items if year in self.item_years.get(i, self.years)]


@dataclass
class Codebook:
    raw: dict
    variables: dict[str, Var]
    derived: dict[str, dict]
    scales: dict[str, dict]
    routing: dict[str, dict]

    def columns(self, year: int) -> list[str]:
        cols: list[str] = []
        for v in self.variables.values():
            if year not in v.years:
                continue
            if v.items:
                cols.extend(v.items_for(year))
            else:
                cols.append(v.name)
        return cols

    def item_var(self, column: str) -> Var | None:
        for v in self.variables.values():
            if column == v.name or column in v.items:
                return v
        return None

    def codes_of(self, v: Var) -> list[int]:
        if v.codes:
            return [int(c) for c in v.codes]
        if v.type in ("yesno",) or v.type == "multiple":
            return [0, 1]
        if v.scale:
            return [int(c) for c in self.scales[v.scale]]
        return []


def load(path: Path | None = None) -> Codebook:
    raw = yaml.safe_load(Path(path or paths.CODEBOOK).read_text(encoding="utf-8"))
    variables: dict[str, Var] = {}
    for d in raw["variables"]:
        items = d.get("items") or {}
        variables[d["name"]] = Var(
            name=d["name"],
            type=d["type"],
            years=[int(y) for y in d.get("years", raw["meta"]["years"])],
            routing=d.get("routing", "all"),
            codes={int(k): v for k, v in (d.get("codes") or {}).items()},
            items=list(items),
            exclusive=list(d.get("exclusive") or []),
            item_years={k: [int(y) for y in v] for k, v in (d.get("item_years") or {}).items()},
            scale=d.get("scale"),
            missing_allowed=bool(d.get("missing_allowed", False)),
            raw=d,
        )
    derived = {d["name"]: d for d in raw.get("derived", [])}
    return Codebook(raw, variables, derived, raw.get("scales", {}), raw.get("routing", {}))
