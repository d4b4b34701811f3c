"""CLI: ``python -m barometer.synthetic [--year 2025] [--rough] [--out DIR] [--check]``."""
from __future__ import annotations

import argparse
import sys
import time

from . import YEARS
from .generator import write_year


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m barometer.synthetic", description=__doc__)
    ap.add_argument("--year", type=int, action="append", help="year(s) to generate (default: both)")
    ap.add_argument("--out", default=None, help="output folder (default: data/)")
    ap.add_argument("--rough", action="store_true", help="rough sampler instead of the exact solver")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--best-effort", action="store_true",
                    help="on an infeasible block, drop its published rows (reported) instead of stopping")
    a = ap.parse_args(argv)
    for y in a.year or YEARS:
        t0 = time.perf_counter()
        path, report = write_year(y, out_dir=a.out, rough=a.rough, best_effort=a.best_effort)
        if not a.quiet:
            print(f"{y}: {path} ({time.perf_counter() - t0:.1f} s) {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
