#!/usr/bin/env python3
"""Arrange the package ``barometer`` in layers that show the data flow (issue 10, item 4).

Run from the repository root on a clean checkout::

    python scripts/relayer.py            # move and rewrite
    python scripts/relayer.py --dry-run  # only print what it would do

What it does, relying only on module names and import syntax (never on particular lines):

1. ``git mv`` every module of ``src/barometer/`` into its layer (:data:`LAYERS`), the chapter
   modules of ``exhibits/`` into ``chapters/`` under their chapter's slug, and writes one
   ``__init__.py`` (a docstring, no re-exports) per layer.
2. Rewrites every reference to a moved module in the tracked text files: ``import barometer.x``,
   ``from barometer import x, y as z`` (split per layer, local names kept with ``as``),
   ``from barometer.x import ...``, relative imports (``from .. import paths``), dotted names in
   strings and prose (``mock.patch("barometer.build.publish")``, ``python -m barometer.cli``,
   ``barometer\\.exhibits`` in regular expressions), file paths (``src/barometer/cache.py``,
   ``exhibits/falen.py``), and in every moved module the depth of paths computed from
   ``__file__`` (``Path(__file__).resolve().parents[2]`` becomes ``parents[3]``).
   Notebooks (``chapters/*.ipynb``, ``templates/*.ipynb``): the sources of code and Markdown
   cells only, never outputs; the JSON is written back byte-identical otherwise.
3. Writes ``tests/test_layers.py`` (a lower layer never imports a higher one) if it is missing.

It is idempotent: a second run finds nothing to move and nothing to rewrite. It stops, before
changing anything, on what it cannot rewrite: a module of the package that has no layer, a chapter
module whose notebook is unknown, ``from barometer import z`` of an unknown ``z``, an import
continued with a backslash or followed by ``;``, a notebook whose JSON it cannot write back
identically.
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from pathlib import Path

PKG = "barometer"
SRC = Path("src") / PKG

#: The layers, lowest first. A module may import from its own layer and from lower ones only
#: (``tests/test_layers.py``). Each entry: layer -> {old module name: new module name}.
LAYERS: dict[str, dict[str, str]] = {
    "data": {
        "paths": "paths", "schema": "schema", "editions": "editions", "codebook": "codebook",
        "expectations": "expectations", "respondent_schema": "respondent_schema",
        "validation": "validation", "respondents": "respondents", "derive": "derive",
        "population": "population", "cases": "cases", "denmark": "denmark",
        # The book's files on disk (_toc.yml pages, the jupyter-book command, the synthetic-data
        # notice, BuildError): a leaf that presentation (the notice in every table), publishing
        # and the build all read, so it lives at the bottom.
        "book": "book_files",
    },
    "analysis": {
        "statistics": "statistics", "scales": "scales", "models": "models",
        "uncertainty": "uncertainty", "weighting": "weighting", "windows": "windows",
    },
    "presentation": {
        "disclosure": "disclosure", "formatting": "formatting", "vocabulary": "vocabulary",
        "glue": "glue", "figures": "figures", "published": "published", "tables": "tables",
        "phrasing": "phrasing", "claims": "claims", "exhibit": "exhibit",
        "declaration": "declaration",  # the declared-exhibit pipeline (branch leakproof), if present
        "exhibits._onzekerheid": "intervals",
    },
    "synthetic": {},  # the package barometer.synthetic stays where it is
    "publishing": {"workbook": "workbook", "publish": "publish", "audit": "audit"},
    "book": {
        "cache": "cache", "frames": "frames", "edition": "edition", "profiles": "profiles",
        "build": "build", "pdf": "pdf", "cli": "cli",
    },
    "chapters": {},  # filled from the notebooks: exhibits.<module> -> chapters.<slug>
}

#: Chapter modules of ``exhibits/`` served by no notebook of ``chapters/``: their page.
EXTRA_CHAPTER_MODULES = {"sectorprofiel": "sectorprofiel"}  # templates/sectorprofiel.ipynb

LAYER_DOCS = {
    "data": "Data: paths, the codebook and editions files, respondent files (read, validated, derived).",
    "analysis": "Analysis: statistics, scales, models and intervals at full precision.",
    "presentation": (
        "Presentation: the disclosure policy, Dutch formatting, vocabulary, figures, glue, phrasing,\n"
        "the report's published figures, claims and tables, and the exhibit objects."
    ),
    "publishing": "Publishing: the edition workbook, the single-page HTML, and the audit of all the build wrote.",
    "book": "The book: editions and frames for the chapters, sector profiles, cache, build, PDF, command line.",
}

#: Packages whose children move (``from P import child`` must be rewritten per child).
OLD_PACKAGES = (PKG, f"{PKG}.exhibits")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yml", ".yaml", ".cfg", ".ini", ".sh", ".mjs", ".js",
                 ".css", ".html", ".json", ".txt", ".ipynb"}
SKIP_FILES = {"CHANGELOG.md", "relayer.py"}  # history names the modules as they were then


class RelayerError(RuntimeError):
    pass


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


# ----------------------------------------------------------------------------- the map
def chapter_map() -> dict[str, str]:
    """``exhibits`` module -> chapter module name (the slug with ``_``), read from the notebooks."""
    found: dict[str, str] = {}
    pattern = re.compile(rf"from {PKG}\.(?:exhibits|chapters) import (\w+) as \w+")
    for nb in sorted(Path("chapters").glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        mods = {m for c in cells if c["cell_type"] == "code"
                for m in pattern.findall("".join(c["source"]))}
        if len(mods) > 1:
            raise RelayerError(f"{nb}: imports more than one chapter module: {sorted(mods)}")
        if mods:
            found[mods.pop()] = nb.stem.replace("-", "_")
    mapping = {**EXTRA_CHAPTER_MODULES, **found}
    # after a run the notebooks import chapters.<slug>: identity entries are harmless
    return mapping


def module_map() -> dict[str, str]:
    """Old dotted module name (without ``barometer.``) -> new one, for every module that moves."""
    mapping: dict[str, str] = {}
    for layer, mods in LAYERS.items():
        for old, new in mods.items():
            mapping[old] = f"{layer}.{new}"
    for old, new in chapter_map().items():
        if old != new or not (SRC / "chapters" / f"{new}.py").exists():
            mapping[f"exhibits.{old}"] = f"chapters.{new}"
    mapping["exhibits"] = "chapters"
    return mapping


def new_modules(mapping: dict[str, str]) -> set[str]:
    """Every module name of the new layout (without ``barometer.``), packages included."""
    names = set(mapping.values()) | {layer for layer in LAYERS}
    for p in SRC.rglob("*.py"):
        rel = p.relative_to(SRC).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        if parts:
            names.add(".".join(parts))
    return names


def check_coverage(mapping: dict[str, str]) -> list[tuple[Path, Path]]:
    """The moves still to do; fail on a module of the package that has no layer."""
    moves = []
    problems = []
    for p in sorted(SRC.glob("*.py")):
        if p.stem == "__init__":
            continue
        if p.stem not in mapping:
            problems.append(f"{p}: module has no layer (add it to LAYERS in scripts/relayer.py)")
            continue
        moves.append((p, SRC / (mapping[p.stem].replace(".", "/") + ".py")))
    old_ex = SRC / "exhibits"
    if old_ex.is_dir():
        for p in sorted(old_ex.glob("*.py")):
            key = "exhibits" if p.stem == "__init__" else f"exhibits.{p.stem}"
            if key not in mapping:
                problems.append(f"{p}: no chapter notebook imports it and it has no layer "
                                "(add it to EXTRA_CHAPTER_MODULES or LAYERS)")
                continue
            target = SRC / "chapters" / "__init__.py" if key == "exhibits" else \
                SRC / (mapping[key].replace(".", "/") + ".py")
            moves.append((p, target))
    for p in SRC.glob("*/"):
        if p.is_dir() and p.name not in LAYERS and p.name not in ("exhibits", "__pycache__"):
            problems.append(f"{p}: a subpackage that has no layer")
    if problems:
        raise RelayerError("\n".join(problems))
    for _, dst in moves:
        if dst.exists():
            raise RelayerError(f"{dst} exists already; cannot move a module onto it")
    return moves


# ----------------------------------------------------------------------------- rewriting
class Rewriter:
    def __init__(self, mapping: dict[str, str], moves: list[tuple[Path, Path]]):
        self.map = mapping
        self.new = new_modules(mapping)
        self.old_pkg_names = self._package_attributes()
        self.moved_new_paths = {dst for _, dst in moves}
        self.moved_old_to_new = {src: dst for src, dst in moves}
        # dotted names, longest first; not followed by a child that exists in the new layout
        alts = []
        for old in sorted(mapping, key=len, reverse=True):
            children = sorted(n[len(old) + 1:].split(".")[0] for n in self.new
                              if n.startswith(old + "."))
            sep_old = r"(?:\\?\.)".join(re.escape(part) for part in old.split("."))
            guard = ""
            if children:  # the old module's name is a package of the new layout (barometer.book)
                kids = "|".join(map(re.escape, children))
                guard = (rf"(?!(?:\\?\.)(?:{kids})(?![\w]))"
                         rf"(?![ \t]+import[ \t]+\(?\s*(?:{kids})(?![\w]))")
            if f"{PKG}.{old}" in OLD_PACKAGES:  # from barometer.exhibits import x: per name, below
                guard += r"(?(esc)|(?![ \t]+import[ \t]))"  # escaped (a regex): always
            alts.append(f"(?P<m{len(alts)}>{sep_old}){guard}")
        self.alt_names = sorted(mapping, key=len, reverse=True)
        self.dotted = re.compile(rf"(?<![\w.\\/-])(?P<pkg>{PKG})(?P<sep>(?P<esc>\\)?\.)(?:{'|'.join(alts)})(?![\w])")
        self.path_re = re.compile(
            rf"(?<![\w.-])(?P<pre>(?:src/)?{PKG}/|(?<![/\w])(?=exhibits/))"
            rf"(?P<mod>(?:exhibits/)?\w+)(?P<ext>\.py|/)(?![\w])")
        self.from_re = re.compile(
            rf"^(?P<indent>[ \t]*)from[ \t]+(?P<mod>{PKG}(?:\.exhibits)?)[ \t]+import[ \t]+"
            r"(?P<names>\([^)]*\)|[\w \t,]+(?:#[^\n]*)?)$", re.M)
        self.rel_re = re.compile(
            r"^(?P<indent>[ \t]*)from[ \t]+(?P<dots>\.+)(?P<mod>[\w.]*)[ \t]+import[ \t]+"
            r"(?P<names>\([^)]*\)|[\w \t,]+(?:#[^\n]*)?)$", re.M)
        item = r"\w+(?:[ \t]+as[ \t]+\w+)?"
        self.inline_re = re.compile(
            rf"(?<![\w.])from[ \t]+(?P<mod>{PKG}(?:\.exhibits)?)[ \t]+import[ \t]+"
            rf"(?P<names>{item}(?:[ \t]*,[ \t]*{item})*)")
        self.loose_re = re.compile(rf"from\s+{PKG}(?P<ex>\.exhibits)?\s+import\s+\(?\s*(?P<name>\w+)")
        self.notes: list[str] = []
        self.real_imports: set[tuple[str, str]] = set()
        self.errors: list[str] = []
        self.dynamic_re = re.compile(
            rf"(?<![\w.\\/-]){PKG}(?P<prefix>(?:\\?\.\w+)*\\?\.)\{{[^}}\n]*\}}"
            rf"|[\"']{PKG}(?P<prefix2>(?:\.\w+)*\.)[\"'][ \t]*\+")

    def warn(self, msg: str) -> None:
        if msg not in self.notes:
            self.notes.append(msg)
            print(f"WARNING  {msg}")

    def set_real_imports(self, text: str | None) -> None:
        """The ``from barometer import name`` pairs that are import statements of ``text``."""
        self.real_imports = set()
        if text is None:
            return
        src = re.sub(r"^(\s*)[%!].*$", r"\1pass", text, flags=re.M)
        try:
            tree = ast.parse(src)
        except SyntaxError as exc:
            raise RelayerError(f"not valid Python before rewriting: {exc}") from exc
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in OLD_PACKAGES:
                self.real_imports |= {(node.module, a.name) for a in node.names}

    @staticmethod
    def _package_attributes() -> set[str]:
        init = SRC / "__init__.py"
        names = {"__version__", "__file__", "__path__", "__name__", "__doc__"}
        for node in ast.parse(init.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        return names

    # -- dotted names and paths
    def _dotted(self, m: re.Match) -> str:
        for i, old in enumerate(self.alt_names):
            if m.group(f"m{i}") is not None:
                sep = m.group("sep")
                return m.group("pkg") + sep + sep.join(self.map[old].split("."))
        raise AssertionError

    def _path(self, m: re.Match) -> str:
        mod, ext, pre = m.group("mod"), m.group("ext"), m.group("pre")
        key = mod.replace("/", ".")
        if ext == "/" and key != "exhibits":
            return m.group(0)
        if key not in self.map:
            return m.group(0)
        new = self.map[key].replace(".", "/")
        if not pre:  # a bare exhibits/<x>.py
            return new + ext
        return pre + new + ext

    # -- from barometer import a, b as c
    def _names(self, raw: str, where: str) -> list[tuple[str, str | None]]:
        text = raw.strip()
        if text.endswith("\\"):
            raise RelayerError(f"{where}: an import continued with a backslash: {raw!r}")
        comment = ""
        if text.startswith("("):
            body = re.sub(r"#[^\n]*", "", text[1:-1])
        else:
            body, _, comment = text.partition("#")
            if ";" in body:
                raise RelayerError(f"{where}: an import followed by ';': {raw!r}")
        out = []
        for item in body.replace("\n", " ").split(","):
            item = item.strip()
            if not item:
                continue
            parts = item.split()
            if len(parts) == 1:
                out.append((parts[0], None))
            elif len(parts) == 3 and parts[1] == "as":
                out.append((parts[0], parts[2]))
            else:
                raise RelayerError(f"{where}: cannot read the import {raw!r}")
        self._comment = ("  #" + comment.rstrip()) if comment.strip() else ""
        return out

    def _regroup(self, indent: str, base: str, names, where: str, relative_to: str | None) -> str | None:
        """New import statements for ``from <base> import names`` (base: old absolute package)."""
        groups: dict[str, list[str]] = {}
        changed = False
        prefix = "" if base == PKG else base[len(PKG) + 1:] + "."
        for name, alias in names:
            key = prefix + name
            if key in self.map:
                target = self.map[key]
                changed = True
            elif key in self.new or (base == PKG and name in self.old_pkg_names):
                target = key
            elif base in OLD_PACKAGES:
                msg = (f"{where}: 'from {base} import {name}': {name!r} is no module "
                       f"of the package and not in LAYERS")
                if (base, name) in self.real_imports:
                    raise RelayerError(msg)
                self.warn(msg + " (in text, not an import statement: left as it is)")
                target = key
            else:
                target = key
            parent, _, leaf = (PKG + "." + target).rpartition(".")
            local = alias or name
            groups.setdefault(parent, []).append(leaf if local == leaf else f"{leaf} as {local}")
        if not changed:
            return None
        lines = []
        for parent, items in groups.items():
            mod = parent if relative_to is None else self._relative(parent, relative_to)
            lines.append(f"{indent}from {mod} import {', '.join(items)}")
        lines[0] += self._comment
        return "\n".join(lines)

    @staticmethod
    def _relative(target: str, package: str) -> str:
        """``target`` (absolute) as a relative module name seen from ``package``."""
        t, p = target.split("."), package.split(".")
        common = 0
        while common < min(len(t), len(p)) and t[common] == p[common]:
            common += 1
        return "." * (len(p) - common + 1) + ".".join(t[common:])

    def _from(self, m: re.Match, where: str) -> str:
        names = self._names(m.group("names"), where)
        new = self._regroup(m.group("indent"), m.group("mod"), names, where, None)
        return m.group(0) if new is None else new

    def _inline(self, m: re.Match, where: str) -> str:
        """``from barometer import a, b`` inside a line (``python -c "...; ..."``): joined by ``; ``."""
        names = self._names(m.group("names"), where)
        new = self._regroup("", m.group("mod"), names, where, None)
        return m.group(0) if new is None else new.replace("\n", "; ")

    def _imports(self, text: str, where: str) -> str:
        out = self.from_re.sub(lambda m: self._from(m, where), text)
        return self.inline_re.sub(lambda m: self._inline(m, where), out)

    def _rel(self, m: re.Match, where: str, package: str | None) -> str:
        if package is None:
            return m.group(0)
        dots, mod = m.group("dots"), m.group("mod")
        parts = package.split(".")
        base_parts = parts[: len(parts) - len(dots) + 1]
        base = ".".join(base_parts + ([mod] if mod else []))
        if not base.startswith(PKG):
            return m.group(0)
        names = self._names(m.group("names"), where)
        new_package = self._new_package_of(package)
        if base in OLD_PACKAGES:
            new = self._regroup(m.group("indent"), base, names, where, new_package)
            return m.group(0) if new is None else new
        key = base[len(PKG) + 1:]
        target = PKG + "." + self.map.get(key, key)
        if target == base and new_package == package:
            return m.group(0)
        rel = self._relative(target, new_package)
        items = [n if a is None else f"{n} as {a}" for n, a in names]
        return f"{m.group('indent')}from {rel} import {', '.join(items)}{self._comment}"

    def _new_package_of(self, package: str) -> str:
        key = package[len(PKG) + 1:]
        return PKG + "." + self.map[key] if key in self.map else package

    # -- __file__ depth in a moved module
    @staticmethod
    def _deepen(text: str, by: int) -> str:
        def one(m: re.Match) -> str:
            n = 0 if m.group("n") is None else int(m.group("n"))
            return m.group("head") + (f".parents[{n + by}]" if n + by else ".parent")
        return re.sub(r"(?P<head>Path\(__file__\)(?:\.resolve\(\))?)\.(?:parent(?![\w\[])|parents\[(?P<n>\d+)\])",
                      one, text)

    def check_dynamic(self, text: str, where: str) -> None:
        """A module name composed at run time (``f"barometer.{name}"``) cannot be rewritten.

        Under a package of the new layout whose modules are all named after something the script
        rewrote (``barometer.chapters.{module}`` with ``module`` read from the rewritten notebooks)
        it is only a warning; directly under ``barometer`` or an old package it is an error.
        """
        for m in self.dynamic_re.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            prefix = (m.group("prefix") or m.group("prefix2") or "").replace("\\", "").strip(".")
            msg = f"{where}:{line}: a module name composed at run time: {m.group(0)!r}"
            if prefix and prefix in self.new and prefix not in self.map:
                self.warn(msg + f" (under barometer.{prefix}; check that the names are the new ones)")
            else:
                self.errors.append(msg + " (write the full dotted names as strings instead)")

    def python(self, text: str, where: str, package: str | None, deeper: int) -> str:
        out = self.dotted.sub(self._dotted, text)
        out = self._imports(out, where)
        out = self.rel_re.sub(lambda m: self._rel(m, where, package), out)
        out = self.path_re.sub(self._path, out)
        if deeper:
            out = self._deepen(out, deeper)
        self.check_dynamic(out, where)
        return out

    def plain(self, text: str, where: str) -> str:
        out = self.dotted.sub(self._dotted, text)
        out = self._imports(out, where)
        out = self.path_re.sub(self._path, out)
        self.check_dynamic(out, where)
        for m in self.loose_re.finditer(out):
            key = ("exhibits." if m.group("ex") else "") + m.group("name")
            if key in self.map and self.map[key] != key:
                line = out.count("\n", 0, m.start()) + 1
                raise RelayerError(f"{where}:{line}: cannot rewrite {m.group(0)!r} (write it on one "
                                   "line as 'from barometer import a, b as c')")
        return out

    def check_python(self, text: str, where: str) -> None:
        """The rewritten source parses and imports no old module any more."""
        src = re.sub(r"^(\s*)[%!].*$", r"\1pass", text, flags=re.M)  # notebook magics
        try:
            tree = ast.parse(src)
        except SyntaxError as exc:
            raise RelayerError(f"{where}: not valid Python after rewriting: {exc}") from exc
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in OLD_PACKAGES:
                for a in node.names:
                    key = ("" if node.module == PKG else "exhibits.") + a.name
                    if key in self.map and self.map[key] != key:
                        raise RelayerError(f"{where}:{node.lineno}: still imports {node.module}.{a.name}")


# ----------------------------------------------------------------------------- notebooks
def rewrite_notebook(path: Path, rw: Rewriter) -> str | None:
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    indent = 1
    m = re.match(r"\{\n( +)\"", raw)
    if m:
        indent = len(m.group(1))
    ascii_ = not any(ord(ch) > 127 for ch in raw)

    def dump(obj) -> str:
        return json.dumps(obj, indent=indent, ensure_ascii=ascii_) + ("\n" if raw.endswith("\n") else "")

    if dump(nb) != raw:
        raise RelayerError(f"{path}: cannot write its JSON back identically (indent {indent}); "
                           "rewrite by hand")
    changed = False
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] not in ("code", "markdown"):
            continue
        src = cell["source"]
        text = "".join(src) if isinstance(src, list) else src
        where = f"{path} cell {i}"
        rw.set_real_imports(text if cell["cell_type"] == "code" else None)
        new = rw.python(text, where, None, 0) if cell["cell_type"] == "code" else rw.plain(text, where)
        if cell["cell_type"] == "code":
            rw.check_python(new, where)
        if new != text:
            cell["source"] = new.splitlines(keepends=True) if isinstance(src, list) else new
            changed = True
    return dump(nb) if changed else None


# ----------------------------------------------------------------------------- test file
TEST_LAYERS = '''"""The package's layers: a lower layer never imports a higher one (CONTRIBUTING, '## Modules').

The order is declared here, lowest first; every module of the package belongs to one layer.
"""
from __future__ import annotations

from test_imports import import_graph

LAYERS = ["data", "analysis", "presentation", "synthetic", "publishing", "book", "chapters"]


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a module from a higher layer than its own, as ``a (layer) -> b (layer)``."""
    found = []
    for mod, deps in sorted(graph.items()):
        lo = layer_of(mod)
        for dep in sorted(deps):
            hi = layer_of(dep)
            if lo and hi and LAYERS.index(hi) > LAYERS.index(lo):
                found.append(f"{mod} ({lo}) -> {dep} ({hi})")
    return found


def test_the_layer_check_finds_a_planted_upward_import():
    graph = {"barometer.data.paths": {"barometer.book.build"}, "barometer.book.build": {"barometer.data.paths"}}
    assert violations(graph) == ["barometer.data.paths (data) -> barometer.book.build (book)"]


def test_every_module_belongs_to_a_layer():
    outside = [m for m in import_graph() if m != "barometer" and layer_of(m) is None]
    assert outside == [], f"modules outside the layers {LAYERS}: {outside}"


def test_no_layer_imports_a_higher_one():
    assert violations(import_graph()) == [], "upward import(s) between layers"
'''


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")
    args = ap.parse_args(argv)
    if not (SRC / "__init__.py").exists() or not Path(".git").exists():
        raise RelayerError("run from the repository root (src/barometer/ and .git not found)")
    if git("status", "--porcelain", "--untracked-files=no").strip() and not args.dry_run:
        raise RelayerError("the working tree has uncommitted changes; commit or stash them first")

    mapping = module_map()
    moves = check_coverage(mapping)
    rw = Rewriter(mapping, moves)

    # 1. compute every rewrite before changing anything
    planned: dict[Path, str] = {}
    for name in git("ls-files").splitlines():
        path = Path(name)
        if path.name in SKIP_FILES or not path.exists():
            continue
        if path.suffix not in TEXT_SUFFIXES and not name.startswith(".ci/"):
            continue
        if path.suffix == ".ipynb":
            if path.parts[0] in ("chapters", "templates"):
                new = rewrite_notebook(path, rw)
                if new is not None:
                    planned[path] = new
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        where = str(path)
        if path.suffix == ".py":
            package = None
            dst = rw.moved_old_to_new.get(path)
            deeper = len(dst.parts) - len(path.parts) if dst else 0
            if path.is_relative_to(SRC):
                rel = path.relative_to(SRC.parent).with_suffix("")
                parts = rel.parts[:-1]
                package = ".".join(parts)
            rw.set_real_imports(text)
            new = rw.python(text, where, package, deeper)
            rw.check_python(new, where)
        else:
            rw.set_real_imports(None)
            new = rw.plain(text, where)
        if new != text:
            planned[path] = new

    if rw.errors:
        raise RelayerError("cannot rewrite (nothing changed):\n" + "\n".join(rw.errors))

    # 2. moves
    for src, dst in moves:
        print(f"move     {src} -> {dst}")
        if not args.dry_run:
            dst.parent.mkdir(parents=True, exist_ok=True)
            git("mv", str(src), str(dst))
    for layer, doc in LAYER_DOCS.items():
        init = SRC / layer / "__init__.py"
        if not init.exists():
            print(f"create   {init}")
            if not args.dry_run:
                init.parent.mkdir(parents=True, exist_ok=True)
                init.write_text(f'"""{doc}\n\nLayer {list(LAYERS).index(layer) + 1} of {len(LAYERS)} '
                                f'(lowest first: {", ".join(LAYERS)}); see CONTRIBUTING.md.\n"""\n',
                                encoding="utf-8")
                git("add", str(init))
    # 3. rewrites (of a moved file: at its new place)
    for path, text in sorted(planned.items()):
        target = rw.moved_old_to_new.get(path, path)
        print(f"rewrite  {target}")
        if not args.dry_run:
            target.write_text(text, encoding="utf-8")
            git("add", str(target))
    old_ex = SRC / "exhibits"
    if old_ex.is_dir() and not args.dry_run:
        for junk in sorted(old_ex.rglob("*"), reverse=True):
            if junk.is_file() and junk.suffix == ".pyc":
                junk.unlink()
            elif junk.is_dir() and not any(junk.iterdir()):
                junk.rmdir()
        if not any(old_ex.iterdir()):
            old_ex.rmdir()
            print(f"remove   {old_ex}/ (empty)")
        else:
            raise RelayerError(f"{old_ex}/ still holds files: {sorted(map(str, old_ex.iterdir()))}")
    test = Path("tests") / "test_layers.py"
    if not test.exists():
        print(f"create   {test}")
        if not args.dry_run:
            test.write_text(TEST_LAYERS, encoding="utf-8")
            git("add", str(test))
    if not moves and not planned:
        print("nothing to do: the package is already in layers")
    else:
        print(f"done: {len(moves)} module(s) moved, {len(planned)} file(s) rewritten"
              + (" (dry run)" if args.dry_run else "; review with `git diff --cached --stat`"))
        if moves and not args.dry_run:
            print("next: reinstall the package (pip install --no-deps -e . or scripts/ensure-env.sh) so that "
                  "the console script `barometer` points to barometer.book.cli:main; then run the tests")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RelayerError as exc:
        print(f"relayer: error: {exc}", file=sys.stderr)
        sys.exit(1)
