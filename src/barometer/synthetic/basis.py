"""How much of the synthetic files is pinned down by published figures, and how much is assumed.

A codebook variable (a question; its items and the scores derived from it count as the question)
is ``published`` when every item of it has a row in data/published/figures.csv in some year,
``partly`` when some items (or only a derived score) do, ``assumed`` when none do. A pair of
questions is *constrained* when a published row ties them (a row of one grouped by the other);
every other pair's association is assumed (assumption A12: latent-score rank matching).
"""
from __future__ import annotations

from itertools import combinations

import pandas as pd

from ..data import paths
from .codebook_io import Codebook

#: derived variables and the question(s) they are computed from
DERIVED_FROM = {
    "spectrum": "innovation_type", "spectrum_group": "innovation_type", "national_type": "rijk_subtype",
    "climate_scale": "climate", "climate_cluster": "climate", "conditions_scale": "conditions",
    "human_capital": "factor",
}
SKIP = {"resp_id", "year"}


def question_of(cb: Codebook, name: str) -> str | None:
    if name in DERIVED_FROM:
        return DERIVED_FROM[name]
    v = cb.item_var(name)
    return v.name if v is not None else None


def basis(cb: Codebook, figures: pd.DataFrame | None = None) -> dict:
    fig = figures if figures is not None else pd.read_csv(paths.PUBLISHED / "figures.csv", dtype=str,
                                                          keep_default_na=False)
    fig = fig[fig["statistic"] != "response_rate"]
    seen_items: dict[str, set] = {}
    pairs: set = set()
    for var, gv, st in zip(fig["variable"], fig["group_var"], fig["statistic"]):
        q = question_of(cb, var)
        if q is None:
            continue
        seen_items.setdefault(q, set()).add(var)
        g = question_of(cb, gv) if gv else None
        if g and st == "n":  # group sizes published (e.g. Tabel B1-11 per national_type)
            seen_items.setdefault(g, set()).add(g)
        if g and g != q:
            pairs.add(tuple(sorted((q, g))))
    tags = {}
    for name, v in cb.variables.items():
        if name in SKIP:
            continue
        items = set(v.items) or {name}
        got = seen_items.get(name, set())
        if got >= items:
            tags[name] = "published"
        elif got:
            tags[name] = "partly"
        else:
            tags[name] = "assumed"
    qs = sorted(tags)
    all_pairs = list(combinations(qs, 2))
    n_con = sum(1 for p in all_pairs if p in pairs)
    return {
        "variables": {"total": len(tags), **{k: sum(1 for t in tags.values() if t == k)
                                            for k in ("published", "partly", "assumed")}},
        "pairs": {"total": len(all_pairs), "constrained": n_con, "assumed": len(all_pairs) - n_con},
        "tags": tags,
        "constrained_pairs": sorted("~".join(p) for p in pairs if p[0] in tags and p[1] in tags),
    }
