"""Time the README's test command (not a test: it measures and prints, it asserts nothing).

    .venv/bin/python benchmarks/tests.py [--baseline main] [--ref HEAD] [--skip-baseline]

Runs the test command of the README,

    .venv/bin/python -m pytest -n 2 --dist loadfile --nbval-lax --nbval-current-env
        --nbval-sanitize-with tests/nbval-sanitize.cfg chapters tests

with ``--durations=30`` added, in a fresh snapshot (``git archive``) of the baseline commit
and then of the measured commit, one after the other in the same run, each in its own
temporary folder (no ``_build/`` left over: every book the tests build is built, every
frame validated) and importing its own ``src/`` through PYTHONPATH. Prints each run's wall
time, pytest's summary line and its 30 slowest steps, the load average, and the goal of
issue 14: the measured run takes at most half the baseline's time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [".venv/bin/python", "-m", "pytest", "-n", "2", "--dist", "loadfile", "--nbval-lax",
           "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval-sanitize.cfg",
           "chapters", "tests"]


def _snapshot(ref: str, dest: Path) -> Path:
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True,
                             stdout=subprocess.PIPE).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    (dest / ".venv").symlink_to((ROOT / ".venv").resolve())
    for extra in ("tests/a11y/node_modules",):  # installed dependencies, not in git
        if (ROOT / extra).exists():
            (dest / extra).symlink_to((ROOT / extra).resolve())
    return dest


def _run(ref: str, work: Path) -> tuple[float, str]:
    snap = _snapshot(ref, work / ref.replace("/", "_"))
    env = dict(os.environ)
    env["PYTHONPATH"] = str(snap / "src")
    for var in ("BAROMETER_EDITIONS", "BAROMETER_FRAMES"):
        env.pop(var, None)
    load = os.getloadavg()[0]
    start = time.monotonic()
    proc = subprocess.run([*COMMAND, "--durations=30"], cwd=snap,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - start
    out = proc.stdout
    summary = next((ln for ln in reversed(out.splitlines()) if re.search(r"passed|failed|error", ln)),
                   f"exit {proc.returncode}")
    durations = out[out.find("slowest 30"):].split("\n=")[0] if "slowest 30" in out else ""
    print(f"{ref}: {seconds:.1f} s (load average {load:.2f} at start, "
          f"{os.getloadavg()[0]:.2f} at end), exit {proc.returncode}")
    print(f"  {summary.strip()}")
    print("  " + durations.replace("\n", "\n  "))
    if proc.returncode != 0:
        failed = [ln for ln in out.splitlines() if ln.startswith(("FAILED", "ERROR"))]
        print("  " + "\n  ".join(failed[:30]))
    return seconds, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="commit measured as today's time")
    parser.add_argument("--ref", default="HEAD", help="commit measured against the baseline")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="barometer-tests-bench-"))
    print(f"Test command: {' '.join(COMMAND)} ({os.cpu_count()} cores)")
    try:
        base = None if args.skip_baseline else _run(args.baseline, work)[0]
        now = _run(args.ref, work)[0]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if base:
        ratio = now / base
        print(f"Goal (issue 14): {args.ref} / {args.baseline} = {ratio:.2f} (goal <= 0.50: "
              f"{'met' if ratio <= 0.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
