"""What the edition-wide suppression of the sector profiles costs per profile (not a test: it
measures and prints).

    .venv/bin/python benchmarks/profile_disclosure.py [--year 2025] [--min-base 10] [--data FILE]

For every profile of the edition it computes the tidy frames of the four tables twice in this
process, fresh each time (as a profile's own kernel does): once as the book does, with the
blocks of every grouping variable suppressed together
(:func:`barometer.chapters.sectorprofiel._linked`, which adds one count per indicator at the
finest groups and solves :func:`barometer.presentation.disclosure.linked_suppression`), once with
that step switched off (each block on its own, the rule before). It prints both times, the
time spent in the step itself and the number of cells it hides beyond the blocks' own rule.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--min-base", type=int, default=10)
    ap.add_argument("--data", default=None)
    args = ap.parse_args(argv)
    os.chdir(tempfile.mkdtemp(prefix="profile-disclosure-"))

    import pandas as pd

    from barometer.book import profiles
    from barometer.book.edition import Edition
    from barometer.chapters import sectorprofiel as sp
    from barometer.presentation import disclosure

    ed = Edition.open(args.year, None, args.data, args.min_base)
    found, _ = profiles.profiles(ed.df, ed.year, args.min_base)
    linked = sp._linked
    spent = [0.0]

    def timed(*a, **k):
        t = time.perf_counter()
        try:
            return linked(*a, **k)
        finally:
            spent[0] += time.perf_counter() - t

    def run(spec, step) -> tuple[float, int]:
        sp._TIDY.clear()
        sp._linked = step
        t = time.perf_counter()
        extra = 0
        for what, fn in sp._TABLES.items():
            tidy = fn(ed, spec)
            if disclosure.LINKED in tidy:
                extra += int(tidy[disclosure.LINKED].fillna(False).astype(bool).sum())
        return time.perf_counter() - t, extra

    def off(ed_, spec_, compute, groups, rows):
        return pd.Series(False, index=rows.index)

    print(f"Editie {ed.year}, drempel {args.min_base}: {len(found)} profielen")
    print(f"{'profiel':50} {'samen (s)':>10} {'los (s)':>8} {'stap (s)':>9} {'extra verborgen rijen':>22}")
    totals = [0.0, 0.0, 0.0]
    try:
        for p in found:
            spec = sp.parse_spec(p.spec)
            spent[0] = 0.0
            with_step, extra = run(spec, timed)
            step = spent[0]
            without, _ = run(spec, off)
            totals = [totals[0] + with_step, totals[1] + without, totals[2] + step]
            print(f"{p.slug:50} {with_step:10.2f} {without:8.2f} {step:9.2f} {extra:22d}")
    finally:
        sp._linked = linked
    print(f"{'samen':50} {totals[0]:10.2f} {totals[1]:8.2f} {totals[2]:9.2f}")
    print(f"Kosten per profiel: {totals[2] / max(len(found), 1):.2f} s "
          f"({100 * totals[2] / max(totals[1], 1e-9):.0f}% van de tabellen zonder de stap)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
