"""Benchmark: time to generate both synthetic years, targets met / total, how many variables
and pairs of variables are constrained by published figures vs assumed, and the time of each
proof that a claim cannot hold.

Usage: python benchmarks/generate.py [--best-effort]
"""
import sys
import tempfile
import time

from barometer.synthetic import YEARS
from barometer.synthetic.generator import write_year

best = "--best-effort" in sys.argv
with tempfile.TemporaryDirectory() as tmp:
    t0 = time.perf_counter()
    basis = None
    for y in YEARS:
        t = time.perf_counter()
        _, rep = write_year(y, out_dir=tmp, best_effort=best)
        met = rep.get("met") or {}
        basis = rep.get("basis") or basis
        print(f"{y}: {time.perf_counter() - t:.1f} s; targets met {met.get('non_conflict_met')}/"
              f"{met.get('non_conflict_total')} (non-conflicting), {met.get('met')}/{met.get('total')} (all, "
              f"incl. listed conflicts); infeasible blocks: {rep.get('infeasible_blocks') or 'none'}")
    print(f"both years: {time.perf_counter() - t0:.1f} s")
    if basis:
        v, p = basis["variables"], basis["pairs"]
        print(f"variables: {v['published']} published, {v['partly']} partly, {v['assumed']} assumed "
              f"(of {v['total']}); pairs: {p['constrained']} constrained by a published cross-table, "
              f"{p['assumed']} assumed (of {p['total']})")

# proofs that a claim cannot hold (barometer.synthetic.proofs): each must stay well under a minute
from barometer.synthetic.proofs import PROOFS, prove  # noqa: E402

for cid in PROOFS:
    t = time.perf_counter()
    p = prove(cid)
    print(f"proof {cid}: {'infeasible (proven impossible)' if p.infeasible else 'FEASIBLE (not proven)'}, "
          f"{len(p.rows)} published rows, {time.perf_counter() - t:.2f} s")
