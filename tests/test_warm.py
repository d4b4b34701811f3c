"""Warm kernels (barometer.book.warm): a chapter on a reused kernel sees a fresh kernel.

The build's workers reuse one kernel for the chapters they run; these tests run notebooks
one after the other on one worker and check that nothing of the previous notebook shows in
the next (names, execution counts, working folder, warnings shown once, open figures,
package caches), and that real chapters give the same outputs on a warm kernel as each on
its own fresh kernel.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from barometer.book import build
from barometer.data import paths


def _notebook(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _outputs(path: Path) -> list[list[dict]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [[{k: v for k, v in o.items() if k != "execution_count"} for o in c.get("outputs", [])]
            for c in nb["cells"] if c["cell_type"] == "code"]


def _texts(path: Path) -> list[str]:
    return ["".join(o.get("text", "") or "".join(o.get("data", {}).get("text/plain", "")))
            for cell in _outputs(path) for o in cell]


def _run(project: Path, names: list[str], monkeypatch, warm_on: bool = True) -> list:
    monkeypatch.setenv("BAROMETER_WARM_KERNELS", "1" if warm_on else "0")
    stage = project / "stage"
    failures = build.execute_chapters(project, stage, [Path(n) for n in names], {}, jobs=1,
                                      echo=lambda s: None)
    return failures


def test_the_next_notebook_sees_a_fresh_kernel(tmp_path: Path, monkeypatch) -> None:
    first = ("import os, warnings, sys\nprint(get_ipython().execution_count)\nleft_behind = 42\n"
             "warnings.warn('eenmalig', UserWarning)\n"
             "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\nplt.figure()\n"
             "from barometer.presentation import phrasing\nphrasing._CACHE[('x', 'y')] = (None, 1)\n"
             "print(os.getpid())")
    second = ("import os, warnings, sys\nprint('namen', 'left_behind' in globals(), get_ipython().execution_count)\n"
              "print('map', os.path.basename(os.getcwd()))\n"
              "warnings.warn('eenmalig', UserWarning)\n"
              "import matplotlib.pyplot as plt\nprint('figuren', len(plt.get_fignums()))\n"
              "from barometer.presentation import phrasing\nprint('cache', len(phrasing._CACHE))\n"
              "print('proces', os.getpid())")
    _notebook(tmp_path / "a" / "een.ipynb", first)
    _notebook(tmp_path / "b" / "twee.ipynb", second)
    assert _run(tmp_path, ["a/een.ipynb", "b/twee.ipynb"], monkeypatch) == []
    one, two = _texts(tmp_path / "stage" / "a" / "een.ipynb"), _texts(tmp_path / "stage" / "b" / "twee.ipynb")
    seen = dict(line.split(" ", 1) for line in "".join(two).splitlines()
                if line.split(" ", 1)[0] in {"namen", "map", "figuren", "cache", "proces"})
    counted = "".join(one).splitlines()[0]  # what a fresh kernel counts in its first cell
    assert seen["namen"] == f"False {counted}"  # no name of the first notebook; counting starts again
    cells = json.loads((tmp_path / "stage" / "b" / "twee.ipynb").read_text(encoding="utf-8"))["cells"]
    assert cells[0]["execution_count"] == 1
    assert seen["map"] == "b"  # the second notebook's own folder
    assert any("eenmalig" in t for t in two)  # the warning shows again
    assert seen["figuren"] == "0"  # no open figure
    assert seen["cache"] == "0"  # package cache emptied
    # The same kernel process ran both: that is what saves the start-up.
    assert "".join(one).splitlines()[-1] == seen["proces"]


def test_without_warm_kernels_each_notebook_gets_its_own_process(tmp_path: Path, monkeypatch) -> None:
    for name in ("a/een.ipynb", "b/twee.ipynb"):
        _notebook(tmp_path / name, "import os\nprint(os.getpid())")
    assert _run(tmp_path, ["a/een.ipynb", "b/twee.ipynb"], monkeypatch, warm_on=False) == []
    pids = {"".join(_texts(tmp_path / "stage" / n)).strip() for n in ("a/een.ipynb", "b/twee.ipynb")}
    assert len(pids) == 2


def test_a_failing_notebook_does_not_spoil_the_next(tmp_path: Path, monkeypatch) -> None:
    _notebook(tmp_path / "a" / "kapot.ipynb", "half = 1\nraise RuntimeError('stuk')")
    _notebook(tmp_path / "b" / "heel.ipynb", "print('half' in globals())")
    failures = _run(tmp_path, ["a/kapot.ipynb", "b/heel.ipynb"], monkeypatch)
    assert [f.chapter for f in failures] == ["a/kapot.ipynb"]
    assert "".join(_texts(tmp_path / "stage" / "b" / "heel.ipynb")).strip() == "False"


@pytest.mark.parametrize("chapters", [["chapters/bijlage-figuren.ipynb", "chapters/kennis-delen.ipynb",
                                       "chapters/bevorderende-en-belemmerende-factoren.ipynb"]])
def test_chapters_on_a_warm_kernel_give_a_fresh_kernels_outputs(chapters, tmp_path: Path, monkeypatch) -> None:
    """Three real chapters on one kernel: every output equal to the run with a kernel each.

    The frames are handed off as in a build ($BAROMETER_FRAMES, set by conftest), so the warm
    kernel gives every chapter the same edition object and the results the first chapter
    cached for it (the edition-wide secondary suppression both appendices' and the factors'
    exhibits use): the outputs must still be those of a fresh kernel per chapter."""
    import os

    from barometer.book.frames import ENV_VAR

    assert os.environ.get(ENV_VAR)
    outputs = {}
    for mode in (True, False):
        stage = tmp_path / ("warm" if mode else "cold")
        stage.mkdir()
        (stage / "data").symlink_to(paths.ROOT / "data")  # the chapters read ../data
        monkeypatch.setenv("BAROMETER_WARM_KERNELS", "1" if mode else "0")
        failures = build.execute_chapters(paths.ROOT, stage, [Path(c) for c in chapters], {}, jobs=1,
                                          echo=lambda s: None)
        assert failures == []
        outputs[mode] = {c: _outputs(stage / c) for c in chapters}
    for c in chapters:
        assert outputs[True][c] == outputs[False][c], c
