"""Benchmark: time to generate both synthetic years and targets met / total.

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
    for y in YEARS:
        t = time.perf_counter()
        _, rep = write_year(y, out_dir=tmp, best_effort=best)
        met = rep.get("met") or {}
        print(f"{y}: {time.perf_counter() - t:.1f} s; targets met {met.get('non_conflict_met')}/"
              f"{met.get('non_conflict_total')} (non-conflicting), {met.get('met')}/{met.get('total')} (all); "
              f"infeasible blocks: {rep.get('infeasible_blocks')}")
    print(f"both years: {time.perf_counter() - t0:.1f} s")
