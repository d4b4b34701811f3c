"""Hypothesis strategies for valid respondent files, derived from the codebook.

:func:`respondent_frames` draws the *shape* of a file (year, number of rows, which sectors,
how many innovators, degenerate cases) with Hypothesis and fills the rows with a numpy
generator seeded by Hypothesis, so that a 20,000-row file costs no more to draw than a
ten-row one. Every column, code, routing rule, exclusive option, minimum number of mentions
and Likert range comes from ``barometer.data.codebook.load_codebook()``; nothing about the
questionnaire is written here except the names of the degenerate cases.

Degenerate cases (:class:`FileShape` fields):

* ``innovated``: ``"none"`` (nobody innovated), ``"all"`` or ``"mixed"``;
* ``sectors``: ``"all"``, ``"no_rijk"`` (no national government), ``"one_rijk"`` (one
  respondent of the national government), ``"one_sector"`` (a single sector), ``"no_subtype"``
  (national government present, one of its two parts absent);
* ``dont_know``: every answer that can be "weet niet" is "weet niet";
* ``empty_question``: a question that allows empty answers that nobody answered;
* ``constant_scale``: every item of a Likert question has the same answer for everybody;
* ``failed``: nobody / everybody / some with a failed attempt (years that asked it);
* ``n`` from 1 row up (the tests pass ``max_rows``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from barometer.data.codebook import Codebook, load_codebook

__all__ = ["FileShape", "file_shapes", "build_frame", "respondent_frames", "DONT_KNOW"]

#: Code of "weet niet" in the codebook's scales and single-choice questions.
DONT_KNOW = 9


@dataclass(frozen=True)
class FileShape:
    """What a generated file looks like (shown by Hypothesis when a test fails)."""

    year: int
    n: int
    seed: int
    innovated: str = "mixed"
    sectors: str = "all"
    dont_know: bool = False
    empty_question: str | None = None
    constant_scale: str | None = None
    failed: str = "mixed"


def _cb() -> Codebook:
    return load_codebook()


def _empty_candidates(cb: Codebook, year: int) -> list[str]:
    return [q for q, v in cb.variables.items() if v.missing_allowed and year in v.years]


def _likert(cb: Codebook, year: int) -> list[str]:
    return [q for q, v in cb.variables.items() if v.type == "likert" and year in v.years]


@st.composite
def file_shapes(draw, years: tuple[int, ...] | None = None, min_rows: int = 1, max_rows: int = 400) -> FileShape:
    """Draw a :class:`FileShape`: small files often, degenerate cases often."""
    cb = _cb()
    year = draw(st.sampled_from(tuple(years or cb.years)))
    small = st.integers(min_rows, max(min_rows, min(12, max_rows)))
    n = draw(st.one_of(small, st.integers(min_rows, max_rows)))
    return FileShape(
        year=year,
        n=n,
        seed=draw(st.integers(0, 2**31 - 1)),
        innovated=draw(st.sampled_from(("mixed", "none", "all"))),
        sectors=draw(st.sampled_from(("all", "no_rijk", "one_rijk", "one_sector", "no_subtype"))),
        dont_know=draw(st.booleans()),
        empty_question=draw(st.none() | st.sampled_from(_empty_candidates(cb, year))),
        constant_scale=draw(st.none() | st.sampled_from(_likert(cb, year))),
        failed=draw(st.sampled_from(("mixed", "none", "all"))),
    )


def _fill_yesno(shape: FileShape, q: str, n: int, rng: np.random.Generator) -> np.ndarray:
    mode = {"innovated": shape.innovated, "failed_attempt": shape.failed}.get(q, "mixed")
    if mode == "none":
        return np.zeros(n)
    if mode == "all":
        return np.ones(n)
    return (rng.random(n) < rng.uniform(0.2, 0.8)).astype(float)


def _fill_sector(shape: FileShape, codes: list[int], n: int, rng: np.random.Generator) -> np.ndarray:
    rijk = 7 if 7 in codes else codes[-1]
    others = [c for c in codes if c != rijk]
    if shape.sectors == "one_sector":
        return np.full(n, float(rng.choice(codes)))
    if shape.sectors in ("no_rijk", "one_rijk"):
        out = rng.choice(others, n).astype(float)
        if shape.sectors == "one_rijk":
            out[rng.integers(n)] = rijk
        return out
    return rng.choice(codes, n).astype(float)


def build_frame(shape: FileShape, codebook: Codebook | None = None) -> pd.DataFrame:
    """The respondent frame of ``shape``: codebook columns of its year, routing respected.

    Returns
    -------
    DataFrame
        ``resp_id`` (str), ``year`` and every coded column of the year as ``Int64``, in
        codebook order; empty where the routing says the question was not put.
    """
    cb = codebook if codebook is not None else _cb()
    n, year = shape.n, shape.year
    rng = np.random.default_rng(shape.seed)
    frame = pd.DataFrame(index=pd.RangeIndex(n))
    latent = rng.normal(0, 1, n)  # one attitude per respondent: Likert items correlate
    for q, var in cb.variables.items():
        if year not in var.years:
            continue
        if var.type == "id":
            frame[q] = pd.Series([f"P{i + 1:05d}" for i in range(n)], dtype="str")
            continue
        if q == cb.year_column:
            frame[q] = pd.Series(year, index=frame.index, dtype="Int64")
            continue
        asked = cb.routing_mask(frame, q).to_numpy()
        items = cb.items(q, year)
        values = np.full((n, len(items)), np.nan)
        codes = sorted(var.codes)
        if var.type == "multiple":
            exclusive = [c for c in var.exclusive if c in items]
            dk = [c for c in exclusive if c.endswith("_dk")]
            regular = [c for c in items if c not in exclusive]
            values[:] = 0
            for i in range(n):
                if shape.dont_know and dk:
                    values[i, items.index(dk[0])] = 1
                elif exclusive and rng.random() < 0.15:
                    values[i, items.index(exclusive[rng.integers(len(exclusive))])] = 1
                else:
                    k = int(rng.integers(max(var.min_mentions or 1, 1), min(len(regular), 4) + 1))
                    for c in rng.choice(regular, k, replace=False):
                        values[i, items.index(c)] = 1
        elif var.type == "yesno":
            values[:, 0] = _fill_yesno(shape, q, n, rng)
        elif q == "sector":
            values[:, 0] = _fill_sector(shape, codes, n, rng)
        elif q == "rijk_subtype" and shape.sectors == "no_subtype":
            values[:, 0] = codes[0]
        elif var.type == "likert":
            answer = [c for c in codes if c != DONT_KNOW]
            lo, hi = min(answer), max(answer)
            for k in range(len(items)):
                score = np.clip(np.rint(3 + latent + rng.normal(0, 0.8, n)), lo, hi)
                values[:, k] = score
            if shape.constant_scale == q:
                values[:] = answer[len(answer) // 2 + 1] if len(answer) > 2 else answer[0]
            if shape.dont_know and DONT_KNOW in codes:
                values[:] = DONT_KNOW
        else:  # single choice, or a battery of single-choice items (the effects)
            values[:] = rng.choice(codes, (n, len(items)))
            if shape.dont_know and DONT_KNOW in codes:
                values[:] = DONT_KNOW
        if var.missing_allowed and shape.empty_question == q:
            values[:] = np.nan
        values[~asked] = np.nan
        for k, c in enumerate(items):
            frame[c] = pd.array(values[:, k], dtype="Float64").astype("Int64")
    return frame[cb.columns(year)]


def respondent_frames(years: tuple[int, ...] | None = None, min_rows: int = 1,
                      max_rows: int = 400) -> st.SearchStrategy[tuple[FileShape, pd.DataFrame]]:
    """``(shape, frame)`` pairs: a drawn :class:`FileShape` and its :func:`build_frame`."""
    return file_shapes(years, min_rows, max_rows).map(lambda s: (s, build_frame(s)))
