"""Benchmark of respondent-file validation (not a test: it measures and prints, asserts nothing).

    PYTHONPATH=src .venv/bin/python benchmarks/validation.py [--rows 20000] [--repeat 3]

Validates a valid frame of ``--rows`` respondents of 2025 (``tests/conftest.make_valid_frame``)
as it comes from a CSV file (every value text) and as it comes from Parquet/SPSS (numbers),
``--repeat`` times each, and prints the times of :func:`barometer.data.validation.validate` (the
pandera schema generated from the codebook plus the conversion to the Dutch problem list),
and of a file with one mistake of each of five kinds. The goal (issue 16): about as fast as
the hand-written checks it replaced, about 1 s for 20,000 rows on an idle 2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from conftest import make_valid_frame

    from barometer.data.codebook import load_codebook
    from barometer.data.validation import validate

    cb = load_codebook()
    numbers = make_valid_frame(args.rows, 2025)
    text = numbers.astype(str).replace("<NA>", "")
    bad = text.copy()
    bad.loc[3, "sector"] = "12"
    bad.loc[5, "size_class"] = "groot"
    bad.loc[7, "climate_share"] = "6"
    bad.loc[9, "resp_id"] = bad.loc[10, "resp_id"]
    bad.loc[int((numbers["innovated"] == 0).idxmax()), "work_change"] = "1"
    validate(text.head(50), cb, "warm-up.csv")
    for label, frame, name, want in (("CSV (text)", text, "big.csv", 0),
                                     ("Parquet/SPSS (numbers)", numbers, "big.parquet", 0),
                                     ("CSV with 5 mistakes", bad, "bad.csv", 5)):
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            problems = validate(frame, cb, name)
            times.append(time.perf_counter() - start)
        found = len(problems)
        note = "" if found == want else f"  (expected {want} problems, found {found})"
        print(f"{args.rows:,} rows, {label:<24}: "
              + ", ".join(f"{t:.2f} s" for t in times) + f"  (best {min(times):.2f} s){note}")


if __name__ == "__main__":
    main()
