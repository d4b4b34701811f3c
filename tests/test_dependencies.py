"""The dependencies: ranges in pyproject.toml, exact pins in requirements.txt, nothing unused.

- every runtime and test dependency of ``pyproject.toml`` has exactly one pin in
  ``requirements.txt`` (the lock file ``scripts/ensure-env.sh`` installs), inside its range;
- every pin is declared in ``pyproject.toml``;
- every declared package is imported (runtime: by ``src/``; test: by ``tests/``), or is a tool
  the build or the test run uses without importing it, named below with the reason.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

#: Used without being imported (the reason is the point: a pin without one is removed).
NOT_IMPORTED = {
    "jupyter-book": "barometer build renders the book with its command line",
    "ipykernel": "the kernel papermill executes the chapters in",
    "sphinx": "held at 7.x for Jupyter Book 1.x (architecture.md)",
    "pyarrow": "the engine of pandas.read_parquet / to_parquet",
    "python-calamine": "the engine of pandas.read_excel in the disclosure audit (engine=\"calamine\")",
    "nbval": "pytest plugin (--nbval-lax) that re-executes the chapters",
    "pytest-xdist": "pytest plugin (-n 2) of the full test run",
}


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        assert m, f"requirements.txt: {line!r} is not an exact pin name==version"
        name = canonicalize_name(m[1])
        assert name not in pins, f"requirements.txt pins {name} twice"
        pins[name] = Version(m[2])
    return pins


def _declared() -> dict[str, tuple[str, Requirement]]:
    out = {}
    groups = {"runtime": PYPROJECT["project"]["dependencies"],
              **PYPROJECT["project"].get("optional-dependencies", {})}
    for group, reqs in groups.items():
        for text in reqs:
            req = Requirement(text)
            out[canonicalize_name(req.name)] = (group, req)
    return out


def _imports(folder: Path) -> set[str]:
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


def test_pyproject_no_longer_reads_requirements_txt():
    assert "dynamic" not in PYPROJECT["project"]
    assert "dynamic" not in PYPROJECT.get("tool", {}).get("setuptools", {})


def test_every_dependency_is_pinned_within_its_range_and_every_pin_declared():
    pins, declared = _pins(), _declared()
    for name, (group, req) in declared.items():
        assert name in pins, f"{name} ({group}) has no pin in requirements.txt"
        assert req.specifier.contains(pins[name], prereleases=True), \
            f"the pin {name}=={pins[name]} is outside pyproject's range {req.specifier}"
    assert set(pins) <= set(declared), \
        f"pinned but not declared in pyproject.toml: {sorted(set(pins) - set(declared))}"
    assert "tqdm" not in pins


def test_every_declared_package_is_used():
    by_dist: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for d in dists:
            by_dist.setdefault(canonicalize_name(d), set()).add(module)
    used = {"runtime": _imports(ROOT / "src"), "test": _imports(ROOT / "tests")}
    for name, (group, _req) in _declared().items():
        if name in NOT_IMPORTED:
            continue
        modules = by_dist.get(name, set())
        assert modules & used[group], (
            f"{name} ({group}) is declared and pinned but nothing in "
            f"{'src' if group == 'runtime' else 'tests'}/ imports it ({sorted(modules)}): "
            "remove it, or name the reason in NOT_IMPORTED")
