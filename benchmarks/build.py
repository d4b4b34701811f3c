"""Benchmark of `barometer build` (not a test: it measures and prints, it asserts nothing).

    .venv/bin/python benchmarks/build.py [--year 2025] [--jobs 2] [--rows 20000] [--keep]

Runs in a snapshot of the repository (``src/``, ``data/``, the book's pages and config of
the last commit, or of the working tree with ``--worktree``, in a temporary folder and
imported from there through PYTHONPATH), so that work going on in the repository meanwhile
does not change what is measured. Measures, for one
edition:

1. a clean build (no cache, no staging folder, no HTML);
2. a rebuild with nothing changed (every chapter from the cache, rendering skipped);
3. a prose-only edit (a Markdown cell appended to the first chapter): no chapter may be
   executed, the book must be rendered again and show the new sentence;
4. a rebuild after one chapter's code changed (a code cell appended to the first
   chapter): that chapter is executed again and the book rendered again;
5. a clean build on a respondent file of ``--rows`` rows (default 20,000), made by
   resampling the shipped file's rows with new respondent ids (rows of sectors that have
   both innovators and non-innovators), and validated with the loader;
6. the same chapters as in 1 executed by Jupyter Book itself: a copy of the staging folder
   (taken before 5) with ``execute_notebooks: force`` rendered by ``jupyter-book build
   --all`` (one kernel after the other, as Jupyter Book does). It runs last, so that the two
   clean builds are measured minutes apart, not before and after its four minutes of load.

Prints the figures, the load average before and after, and each goal of issue 14 with its
measured ratio: clean build ≤ 0,35 × Jupyter Book's own execution; one chapter's code
changed ≤ 0,10 × that; a prose-only edit executes no chapter and re-renders the book;
20,000 rows ≤ 1,25 × the shipped file. The test suite's goal is measured by
``benchmarks/tests.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


_SNAPSHOT = ["src", "data", "chapters", "templates", "_static", "_templates", "_config.yml",
             "_toc.yml", "requirements.txt", "pyproject.toml"]


def _snapshot(dest: Path, worktree: bool) -> Path:
    """Copy what a build reads into ``dest``: package sources, data, pages, config.

    By default the committed state (``git archive HEAD``): reproducible, and not disturbed
    by half-finished work in the working tree. ``worktree``: the files as they are now.
    """
    dest.mkdir(parents=True)
    pages = sorted(p.name for p in ROOT.glob("*.md"))
    if not worktree:
        archive = subprocess.run(["git", "archive", "HEAD", *_SNAPSHOT, *pages], cwd=ROOT,
                                 check=True, stdout=subprocess.PIPE).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return dest
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "_figures",
                                    "_downloads")
    for name in _SNAPSHOT + pages:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def _stub_missing_pages(snap: Path) -> list[str]:
    """Add a stub page for every ``{doc}`` target that is not (yet) part of the book, so that
    a book with chapters still being written renders with warnings as errors."""
    import re

    toc_path = snap / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    sys.path.insert(0, str(snap / "src"))
    from barometer.book.build import toc_documents  # noqa: PLC0415 - from the snapshot

    docs = set(toc_documents(toc_path))
    missing: set[str] = set()
    for doc in docs:
        for suffix in (".ipynb", ".md"):
            page = snap / (doc + suffix)
            if page.is_file():
                for target in re.findall(r"\{doc\}`(?:[^`<]*<)?([A-Za-z0-9_/.-]+?)>?`",
                                         page.read_text(encoding="utf-8")):
                    full = (Path(doc).parent / target).as_posix() if "/" not in target else target
                    if full not in docs:
                        missing.add(full)
    for doc in sorted(missing):
        page = snap / (doc + ".md")
        page.parent.mkdir(parents=True, exist_ok=True)
        if (snap / (doc + ".ipynb")).is_file():
            (snap / (doc + ".ipynb")).unlink()  # not in the toc: not part of this book
        page.write_text(f"# {Path(doc).name}\n\nNog niet in het boek.\n", encoding="utf-8")
    if missing:
        entry = {"caption": "Nog niet geschreven", "chapters": [{"file": d} for d in sorted(missing)]}
        if "parts" in toc:
            toc["parts"].append(entry)
        else:
            toc.setdefault("chapters", []).extend(entry["chapters"])
        toc_path.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return sorted(missing)


def _env(snap: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(snap / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("BAROMETER_EDITIONS", None)
    return env


def _run(cmd: list[str], snap: Path, label: str) -> tuple[float, str]:
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=snap, env=_env(snap), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - start
    log = "\n".join(ln for ln in proc.stdout.splitlines() if "IPKernelApp" not in ln)
    if proc.returncode != 0:
        print(log[-6000:])
        raise SystemExit(f"{label} failed (exit {proc.returncode})")
    print(f"  {label}: {seconds:.1f} s")
    return seconds, log


def _steps(log: str) -> str:
    """The build's own lines on where its time went (validation, chapters, render, downloads, audit)."""
    return "; ".join(ln.strip() for ln in log.splitlines()
                     if ln.startswith(("Hoofdstukken en profielen klaar", "Gerenderd in",
                                       "Downloads en citatie", "Geheimhoudingscontrole in"))
                     or " gevalideerd in " in ln)


def _build(snap: Path, year: int, jobs: int, *extra: str) -> list[str]:
    return [PY, "-m", "barometer.book.cli", "build", "--year", str(year), "--jobs", str(jobs), *extra]


PROSE_SENTENCE = "Deze zin is toegevoegd door benchmarks/build.py."


def _edit_first_chapter(snap: Path, cell: dict) -> str:
    sys.path.insert(0, str(snap / "src"))
    from barometer.book.build import toc_notebooks  # noqa: PLC0415 - from the snapshot

    nb_path = snap / toc_notebooks(snap)[0]
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    nb["cells"].append(cell)
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return nb_path.relative_to(snap).as_posix()


def _prose_edit(snap: Path) -> str:
    """Append a Markdown cell to the first chapter (no code changes)."""
    return _edit_first_chapter(snap, {"cell_type": "markdown", "metadata": {},
                                      "source": [PROSE_SENTENCE]})


def _code_edit(snap: Path) -> str:
    """Append a code cell without output to the first chapter."""
    return _edit_first_chapter(snap, {"cell_type": "code", "metadata": {"tags": ["remove-cell"]},
                                      "execution_count": None, "outputs": [],
                                      "source": ["_benchmark = 'code changed'"]})


def _copy_stage(snap: Path, year: int, work: Path) -> Path:
    """A copy of the staging folder of the shipped file's edition, for :func:`_jupyter_book_force`."""
    stage = snap / "_build" / "stage" / str(year)
    copy = work / "jb-force"
    shutil.copytree(stage, copy, ignore=shutil.ignore_patterns("jupyter-book.log"))
    return copy


def _jupyter_book_force(snap: Path, copy: Path, work: Path) -> float:
    """Render ``copy`` (of the staging folder) with Jupyter Book executing every notebook."""
    config_path = copy / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "force"
    config["execute"]["timeout"] = 900
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    jb = str(Path(PY).with_name("jupyter-book"))
    seconds, _ = _run([jb, "build", "--all", "-W", "-n", "--keep-going",
                       "--path-output", str(work / "jb-force-out"), str(copy)],
                      snap, "Jupyter Book, execute_notebooks: force")
    return seconds


def _big_file(snap: Path, year: int, rows: int, work: Path) -> Path:
    """Resample the shipped file to ``rows`` rows with new ids; check it with the loader."""
    code = f"""
import pandas as pd
from barometer.data import paths
from barometer.data.respondents import load_respondents
src = paths.respondent_file({year})
df = pd.read_csv(src, dtype={{"resp_id": str}})
# Only sectors with innovators and non-innovators: a sector with one outcome (2025: sector 3,
# two non-innovators) repeated a hundredfold separates the chapter's logistic regression.
mixed = df.groupby("sector")["innovated"].agg(lambda s: s.eq(1).any() and s.ne(1).any())
df = df[df["sector"].isin(mixed[mixed].index)]
big = df.sample({rows}, replace=True, random_state=20000).reset_index(drop=True)
big["resp_id"] = [f"B{{i:06d}}" for i in range(len(big))]
out = r"{work / f'respondents-{year}-big.csv'}"
big.to_csv(out, index=False)
open(out + ".meta.yaml", "w").write("synthetic: true\\ngenerator: benchmarks/build.py (resampled)\\n")
print(len(load_respondents(out, year={year})), "rows validate")
"""
    _run([PY, "-c", code], snap, f"generate and validate a {rows}-row file")
    return work / f"respondents-{year}-big.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--worktree", action="store_true",
                        help="measure the working tree instead of the last commit")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="barometer-bench-"))
    snap = _snapshot(work / "repo", args.worktree)
    stubs = _stub_missing_pages(snap)
    if stubs:
        print("Pages linked to but not in the book yet, stubbed for this run: " + ", ".join(stubs))
    load_before = os.getloadavg()
    print(f"Benchmark of edition {args.year} in {snap} ({os.cpu_count()} cores, "
          f"load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f})")
    try:
        clean, log = _run(_build(snap, args.year, args.jobs), snap, "clean build")
        chapters = sum(1 for ln in log.splitlines() if " klaar  " in ln)
        print("    where the clean build's time went: " + _steps(log))
        nochange, log2 = _run(_build(snap, args.year, args.jobs), snap,
                              "rebuild, nothing changed")
        assert "Renderen overgeslagen" in log2, "the no-change rebuild rendered again"
        changed = _prose_edit(snap)
        prose, log3 = _run(_build(snap, args.year, args.jobs), snap,
                           f"rebuild, prose-only edit ({changed})")
        prose_executed = sum(1 for ln in log3.splitlines() if " klaar  " in ln)
        prose_rendered = "Renderen overgeslagen" not in log3 and PROSE_SENTENCE in (
            snap / "_build" / "html" / str(args.year) / changed.replace(".ipynb", ".html")
        ).read_text(encoding="utf-8")
        _code_edit(snap)
        one, log4 = _run(_build(snap, args.year, args.jobs), snap,
                         f"rebuild, one chapter's code changed ({changed})")
        executed = sum(1 for ln in log4.splitlines() if " klaar  " in ln)
        # The two clean builds are measured close together, in the same state of the machine
        # (a virtual machine can run slower after minutes of full load, as during Jupyter
        # Book's own run); Jupyter Book then executes a copy of the shipped file's stage.
        staged = _copy_stage(snap, args.year, work)
        big = _big_file(snap, args.year, args.rows, work)
        clean_big, log5 = _run(_build(snap, args.year, args.jobs, "--data", str(big),
                                      "--out", str(work / "html-big" / str(args.year)),
                                      "--cache-dir", str(work / "cache-big")),
                               snap, f"clean build, {args.rows} rows")
        big_chapters = sum(1 for ln in log5.splitlines() if " klaar  " in ln)
        print(f"    where its time went ({big_chapters} chapters and profiles: a group the larger file "
              "shows alone gets a profile of its own): " + _steps(log5))
        jb = _jupyter_book_force(snap, staged, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    load_after = os.getloadavg()
    print()
    print(f"Edition {args.year}, {chapters} chapter(s), --jobs {args.jobs}, load average "
          f"before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    print(f"  clean build                         {clean:7.1f} s")
    print(f"  rebuild, nothing changed            {nochange:7.1f} s")
    print(f"  rebuild, prose-only edit            {prose:7.1f} s   ({prose_executed} chapter(s) executed)")
    print(f"  rebuild, one chapter's code changed {one:7.1f} s   ({executed} chapter(s) executed)")
    print(f"  Jupyter Book execute: force         {jb:7.1f} s")
    print(f"  clean build, {args.rows} rows         {clean_big:7.1f} s")
    print("Goals (issue 14):")
    print(f"  clean / Jupyter Book                {clean / jb:7.2f}   goal <= 0.35: {verdict(clean / jb <= 0.35)}")
    print(f"  code change / Jupyter Book          {one / jb:7.2f}   goal <= 0.10: "
          f"{verdict(one / jb <= 0.10 and executed == 1)}")
    print(f"  prose-only edit                     {prose_executed} executed, "
          f"{'re-rendered with the new prose' if prose_rendered else 'NOT re-rendered'}: "
          f"{verdict(prose_executed == 0 and prose_rendered)}")
    print(f"  {args.rows} rows / shipped rows       {clean_big / clean:7.2f}   goal <= 1.25: "
          f"{verdict(clean_big / clean <= 1.25)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
