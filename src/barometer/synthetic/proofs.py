"""Proofs that a claim of the report cannot hold on any file consistent with the published figures.

``python -m barometer.synthetic.proofs CL08`` builds the part of the generator's integer programme
that the claim touches (the published rows of figures.csv on the claim's variables, written as
constraints by the generator's own :class:`~barometer.synthetic.milp.Model`), adds the claim as
linear constraints and asks HiGHS whether any integer solution exists. Leaving out the other
published rows only enlarges the set of solutions, so "infeasible" on this part proves the
claim impossible for every complete file. Exit status 0 and ``BEWEZEN`` when the programme is
infeasible; exit status 1 when a solution exists (then the claim is not proven impossible).

Each proof takes well under a second; HiGHS runs single-threaded without a time limit.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from . import N
from .milp import Infeasible, Model, lin
from .rounding import interval
from .targets import Row, load_conflicts, load_rows, row_expected_to_pass


@dataclass
class Proof:
    """Outcome of one proof: ``infeasible`` True means the claim is proven impossible."""

    claim_id: str
    infeasible: bool
    rows: list[str]
    text: str


def _active(year: int) -> list[Row]:
    conflicts = load_conflicts()
    return [r for r in load_rows(year) if row_expected_to_pass(r, conflicts)]


def _innovators(m: Model, year: int, used: list[str]) -> dict:
    """Innovators per sector of ``year`` as integer variables, under every published row on
    ``innovated`` by sector or for the whole year (Tabel B1-8, §2.1, Managementsamenvatting)."""
    rows = _active(year)
    sizes = {int(r.group): int(r.value) for r in rows
             if r.variable == "sector" and r.statistic == "n" and r.group_var == "sector"}
    if not sizes:  # 2021: the sector sizes are the bases of Tabel B1-8
        sizes = {int(r.group): int(r.value) for r in rows
                 if r.variable == "innovated" and r.statistic == "n" and r.group_var == "sector"}
    rest = N[year] - sum(sizes.values())
    if rest:
        sizes[0] = rest  # organisations of a sector without a row of its own (Hoge Colleges)
    k = {s: m.var(0, n) for s, n in sizes.items()}
    total = lin(*k.values())
    for r in rows:
        if r.variable != "innovated" or r.statistic != "pct" or r.codes != [1]:
            continue
        if r.group_var == "sector":
            g = [int(x) for x in r.group_codes()]
            num = lin(*[k[s] for s in g])
            den = sum(sizes[s] for s in g)
        elif not r.group_var:
            num, den = total, N[year]
        else:
            continue
        m.pct(num, den, r.value, r.decimals, r.comparison, r.tolerance, r.row_id)
        used.append(r.row_id)
    return {"total": total, "n": N[year]}


def innovation_drop(points: int) -> Callable[[Model, list[str]], str]:
    """Builder: the drop 2021 -> 2025 in pct(innovated) rounds (half up) to ``points`` (CL08: 10)."""

    def build(m: Model, used: list[str]) -> str:
        a = _innovators(m, 2021, used)
        b = _innovators(m, 2025, used)
        lo, hi = interval(points, 0)  # [points - 0.5, points + 0.5)
        n1, n2 = a["n"], b["n"]
        # 100 k21 / n1 - 100 k25 / n2 in [lo, hi), scaled by n1 n2 to integers (strict upper bound)
        e = lin((100 * n2, a["total"]), (-100 * n1, b["total"]))
        m.add(e, float(lo * n1 * n2), float(hi * n1 * n2 - Fraction(1, 2)), f"drop rounds to {points}")
        return (f"pct(innovated) 2021 minus 2025 rounds (half up) to {points} points, with innovators per "
                "sector under Tabel B1-8 and the year totals (§2.1, Managementsamenvatting) of both years")

    return build


#: claim_id -> builder adding the claim (and the published rows it needs) to a model
PROOFS: dict[str, Callable[[Model, list[str]], str]] = {"CL08": innovation_drop(10)}


def prove(claim_id: str, builder: Callable[[Model, list[str]], str] | None = None) -> Proof:
    """Solve the claim's programme; :class:`Proof` with ``infeasible`` True if it is proven impossible.

    ``builder`` replaces the claim's own (tests use it to show that a nearby claim is feasible)."""
    if builder is None and claim_id not in PROOFS:
        raise KeyError(f"geen bewijs voor {claim_id}; wel voor: {', '.join(PROOFS)}")
    m = Model(f"proof {claim_id}", gap=0.0)
    used: list[str] = []
    what = (builder or PROOFS[claim_id])(m, used)
    try:
        m.solve()
    except Infeasible:
        return Proof(claim_id, True, used, what)
    return Proof(claim_id, False, used, what)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m barometer.synthetic.proofs", description=__doc__.split("\n")[0])
    ap.add_argument("claims", nargs="*", help=f"claim ids (default: all with a proof: {', '.join(PROOFS)})")
    a = ap.parse_args(argv)
    status = 0
    for cid in a.claims or list(PROOFS):
        p = prove(cid)
        verdict = "BEWEZEN: geen bestand dat de gepubliceerde cijfers haalt, kan deze bewering waarmaken" \
            if p.infeasible else "NIET BEWEZEN: er bestaat een oplossing"
        print(f"{cid}: {verdict}\n  programma: {p.text}\n  gepubliceerde rijen: {len(p.rows)} ({', '.join(p.rows)})")
        status = status or (0 if p.infeasible else 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
