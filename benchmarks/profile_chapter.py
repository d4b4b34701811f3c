"""Profile one chapter's code in this process (not a test: it measures and prints).

    .venv/bin/python benchmarks/profile_chapter.py chapters/innovatieklimaat.ipynb [--hand-off]

Runs the chapter's code cells in order in a fresh namespace, in a temporary working folder
(the chapter's ``_figures/`` and ``_downloads/`` go there), under :mod:`cProfile`, and
prints where the time goes: package imports, ``Edition.open`` (validating and deriving both
years' respondent files, or loading the build's hand-off with ``--hand-off``), the exhibit
cells, SVG ``savefig``, and the most expensive functions. Kernel start-up is not included
(it is measured separately: ``jupyter kernel`` start plus ``import barometer``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cells(notebook: Path) -> list[str]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    out = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            src = cell["source"]
            out.append("".join(src) if isinstance(src, list) else src)
    return out


def _cumulative(stats: pstats.Stats, name: str) -> float:
    return sum(v[3] for k, v in stats.stats.items() if k[2] == name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--hand-off", action="store_true",
                        help="validate once into a frame folder first, as the build does")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    notebook = args.notebook.resolve()
    work = Path(tempfile.mkdtemp(prefix="barometer-profile-"))
    if args.hand_off:
        os.environ["BAROMETER_FRAMES"] = str(work / "frames")
        from barometer.book.build import validate_data
        from barometer.data.paths import respondent_file

        for y in (2025, 2021):
            validate_data(respondent_file(y).resolve(), y)
    os.chdir(notebook.parent)  # relative data paths resolve as in the chapter
    cwd = work / "run"
    cwd.mkdir()
    os.chdir(cwd)
    sys.path.insert(0, str(notebook.parent))
    import matplotlib

    matplotlib.use("Agg")
    ns: dict = {"__name__": "__main__"}
    timings = []
    profile = cProfile.Profile()
    print(f"{notebook.name} (load {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)")
    for i, src in enumerate(_cells(notebook)):
        if src.lstrip().startswith(("%", "!")):
            continue
        start = time.perf_counter()
        profile.enable()
        exec(compile(src.replace("../data/", str(ROOT / "data") + "/"), f"<cell {i}>", "exec"), ns)
        profile.disable()
        timings.append((time.perf_counter() - start, i, src.strip().splitlines()[-1][:70]))
    stats = pstats.Stats(profile)
    total = sum(t for t, _, _ in timings)
    print(f"  code cells total            {total:6.2f} s")
    for t, i, line in sorted(timings, reverse=True)[:6]:
        print(f"    cell {i:2d} {t:6.2f} s  {line}")
    print(f"  Edition.open                {_cumulative(stats, 'open'):6.2f} s (cumulative)")
    print(f"  load_respondents            {_cumulative(stats, 'load_respondents'):6.2f} s")
    print(f"  Figure.savefig (SVG)        {_cumulative(stats, 'savefig'):6.2f} s")
    print(f"  imports (_find_and_load)    {_cumulative(stats, '_find_and_load'):6.2f} s")
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
