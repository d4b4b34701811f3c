"""First, rough synthetic files: right columns, codes, n and routing; marginals approximately
as published. Superseded by the exact generator in ``generator.py``; kept as a fallback
(``python -m barometer.synthetic --rough``)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .codebook_io import Codebook

SECTORS = {  # year -> sector -> (n, innovators)
    2025: {1: (89, 65), 2: (94, 72), 3: (2, 2), 4: (43, 31), 5: (6, 4), 6: (11, 10),
           7: (58, 42), 8: (11, 10), 9: (33, 28)},
    2021: {1: (85, 73), 2: (110, 88), 3: (0, 0), 4: (26, 24), 5: (3, 3), 6: (14, 13),
           7: (76, 65), 8: (12, 12), 9: (36, 31)},
}
# 2021 total is 366: the eight sectors of Tabel B1-8 add up to 362, the rest are Hoge Colleges.
SECTORS[2021][3] = (4, 4)
_P = {
    "channel": {2025: [66, 48, 44, 43, 23, 17, 8, 7, 6, 10, 2], 2021: [74, 49, 37, 40, 25, 22, 16, 11, 12, 9, 3]},
    "initiative": {2025: [51, 28, 30, 19, 11, 7, 9, 10, 3, 6, 7, 4, 1, 0, 15, 0],
                   2021: [49, 33, 30, 29, 15, 14, 10, 8, 8, 6, 5, 5, 1, 1, 12, 1]},
    "partner": {2025: [45, 31, 24, 19, 14, 13, 4, 4, 7, 19, 1], 2021: [48, 44, 35, 27, 24, 19, 9, 9, 5, 7]},
    "partner_phase": {2025: [48, 73, 63, 29, 5, 3], 2021: [53, 75, 68, 31, 6, 2]},
    "funding": {2025: [85, 8, 6, 7, 2, 0, 9, 7, 0], 2021: [85, 16, 10, 9, 3, 1, 9, 7, 2]},
    "goal": {2025: [56, 48, 40, 22, 15, 15, 5]},
    "fail_reason": {2025: [38, 30, 33, 32, 23, 23, 21, 18, 13, 27]},
    "innovation_type": {2025: [31, 38, 78, 37], 2021: [40, 45, 80, 62]},
}
_SINGLE = {
    "work_change": {2025: [16, 68, 16], 2021: [12, 65, 23]},
    "origin": {2025: [37, 43, 19], 2021: [33, 46, 21]},
    "evaluation": {2025: [10, 26, 14, 5, 44, 2], 2021: [11, 26, 17, 8, 35, 4]},
    "tech_content": {2025: [19, 46, 27, 8], 2021: [15, 55, 25, 5]},
    "strategy": {2025: [39, 20, 11, 18, 12], 2021: [40, 20, 14, 14, 12]},
    "fail_phase": {2025: [8, 10, 30, 32, 15, 5]},
}


def _draw_multi(rng, m, probs, items, exclusive):
    out = np.zeros((m, len(items)), dtype=int)
    ex_idx = [items.index(e) for e in exclusive if e in items]
    for r in range(m):
        u = rng.random()
        acc = 0.0
        chosen_ex = None
        for j in ex_idx:
            acc += probs[j] / 100
            if u < acc:
                chosen_ex = j
                break
        if chosen_ex is not None:
            out[r, chosen_ex] = 1
            continue
        for j, p in enumerate(probs):
            if j in ex_idx:
                continue
            out[r, j] = int(rng.random() < p / 100)
        if out[r].sum() == 0:
            cand = [j for j in range(len(items)) if j not in ex_idx]
            out[r, max(cand, key=lambda j: probs[j])] = 1
    return out


def rough_frame(cb: Codebook, year: int, seed: int) -> pd.DataFrame:
    import warnings
    warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
    rng = np.random.default_rng(seed + year)
    rows = []
    for s, (n, k) in SECTORS[year].items():
        for i in range(n):
            rows.append({"sector": s, "innovated": int(i < k)})
    df = pd.DataFrame(rows)
    n = len(df)
    df.insert(0, "year", year)
    df.insert(0, "resp_id", [f"SYN{year}-{i + 1:04d}" for i in range(n)])
    rijk = df.sector == 7
    df["rijk_subtype"] = np.where(rijk, np.where(rng.random(n) < 0.5, 1, 2), np.nan)
    df["size_class"] = rng.choice([1, 2, 3], size=n, p=[0.35, 0.45, 0.2])
    df["innovation_unit"] = (rng.random(n) < 0.2 + 0.15 * df.size_class).astype(int)
    inn = df.innovated == 1
    m = int(inn.sum())
    cols: dict[str, np.ndarray] = {}
    for vname, v in cb.variables.items():
        if year not in v.years or vname in df.columns or vname in ("resp_id", "year"):
            continue
        items = v.items_for(year)
        if v.type == "multiple" and vname in _P:
            probs = _P[vname][year][: len(items)]
            mask = inn if v.routing != "failed" else None
            cols[vname] = (items, probs, v.exclusive)
        elif vname in _SINGLE:
            pass
    # single choice among innovators
    for vname, probs in _SINGLE.items():
        v = cb.variables[vname]
        if year not in v.years:
            continue
        codes = list(v.codes)
        p = np.array(probs[year], float)
        p /= p.sum()
        df[vname] = np.nan
    # failed attempt (2025)
    if year in cb.variables["failed_attempt"].years:
        df["failed_attempt"] = (rng.random(n) < 71 / 347).astype(int)
    for vname, probs in _SINGLE.items():
        v = cb.variables[vname]
        if year not in v.years:
            continue
        codes = list(v.codes)
        p = np.array(probs[year], float)
        p /= p.sum()
        mask = df.failed_attempt == 1 if v.routing == "failed" else inn
        df.loc[mask, vname] = rng.choice(codes, size=int(mask.sum()), p=p)
    for vname, (items, probs, excl) in cols.items():
        v = cb.variables[vname]
        if v.routing == "failed":
            mask = df.failed_attempt == 1
        elif v.routing == "adopters":
            mask = inn & df.origin.isin([2, 3])
        elif v.routing == "collaborators":
            continue
        else:
            mask = inn
        arr = _draw_multi(rng, int(mask.sum()), probs, items, excl)
        for j, it in enumerate(items):
            df[it] = np.nan
            df.loc[mask, it] = arr[:, j]
    # partner phase for collaborators
    v = cb.variables["partner_phase"]
    items = v.items_for(year)
    collab = inn & (df.partner_none == 0)
    arr = _draw_multi(rng, int(collab.sum()), _P["partner_phase"][year], items, v.exclusive)
    for j, it in enumerate(items):
        df[it] = np.nan
        df.loc[collab, it] = arr[:, j]
    # Likert blocks
    latent = rng.normal(0, 1, n)
    for vname in ("climate", "conditions"):
        v = cb.variables[vname]
        for it in v.items:
            x = np.clip(np.round(3.6 + 0.6 * latent + rng.normal(0, 0.6, n)), 1, 5)
            df[it] = x
    for it in cb.variables["factor"].items:
        x = np.clip(np.round(3.4 + 0.3 * latent + rng.normal(0, 0.8, n)), 1, 5)
        df[it] = np.where(inn, x, np.nan)
    if year in cb.variables["effect"].years:
        for it in cb.variables["effect"].items:
            x = rng.choice([1, 2, 3, 4], size=n, p=[0.6, 0.2, 0.02, 0.18])
            df[it] = np.where(inn, x, np.nan)
        for it in ("applicable_elsewhere", "knowledge_shared"):
            df[it] = np.where(inn, (rng.random(n) < (0.86 if it == "applicable_elsewhere" else 0.55)).astype(int), np.nan)
    return df[cb.columns(year)]
