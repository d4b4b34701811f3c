"""House rules for the chapter notebooks, checked structurally (no kernel needed).

The conventions checked here (see CONTRIBUTING.md, "Chapters"):

* exactly one code cell tagged ``parameters``, assigning exactly ``year``,
  ``comparison_years``, ``data_path`` and ``min_base``, each to a literal;
* no ``def``, ``class`` or ``lambda`` in a chapter, no ``!pip``/``%pip``;
* a figure reaches the page only through a MyST ``{glue:figure}`` or ``{figure}``
  directive (backticks or ``:::``; in a Markdown cell or in the Markdown an exhibit object
  outputs, see ``barometer.presentation.exhibit``) with a caption, a ``:name:`` (label) and ``:alt:``
  text; a ``{table}`` has a caption and a ``:name:``; every figure glued in a chapter is
  shown with ``{glue:figure}``, and no visible cell output is an image (it would have
  neither caption nor alt text); a Markdown image needs alt text;
* every chapter is in ``_toc.yml`` (or it would never be built) and vice versa;
* the prose rules of ``../shared/tools/prose_check.py`` hold for chapters and index.md.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from barometer.book import build
from barometer.data import paths

CHAPTERS = sorted(paths.CHAPTERS.glob("*.ipynb"))
IDS = [p.name for p in CHAPTERS]
SHARED = Path(__file__).resolve().parents[2] / "shared"
PROSE_CHECK = SHARED / "tools" / "prose_check.py"

IMAGE_MIMES = ("image/png", "image/jpeg", "image/svg+xml", "application/pdf")
GLUED_IMAGE = re.compile(r"^application/papermill\.record/image/")
HIDDEN = {"remove-output", "remove-cell", "hide-output", "hide-cell"}
# A MyST directive block: ```{name} arg ... ``` or :::{name} arg ... ::: (3+ fence chars).
DIRECTIVE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}(?P<arg>[^\n]*)\n(?P<body>.*?)^(?P=fence)\s*$",
    re.M | re.S,
)
MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _src(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _python(source: str) -> str:
    """Cell source with IPython magics and shell escapes blanked, so ``ast`` can parse it."""
    return "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in source.splitlines())


def _figures(markdown: str) -> list[dict]:
    """Every figure directive in a Markdown cell: kind, key/path, options, caption."""
    figures = []
    for m in DIRECTIVE.finditer(markdown):
        if m["name"] not in {"glue:figure", "figure", "table"}:
            continue
        options, caption = {}, []
        for line in m["body"].splitlines():
            opt = re.match(r"^:(\w[\w-]*):\s*(.*)$", line)
            if opt and not caption:
                options[opt[1]] = opt[2].strip()
            elif line.strip() or caption:
                caption.append(line)
        figures.append({"kind": m["name"], "arg": m["arg"].strip(), "options": options,
                        "caption": "\n".join(caption).strip()})
    return figures


def test_there_are_chapters() -> None:
    assert CHAPTERS, f"no chapter notebooks in {paths.CHAPTERS}"


def test_every_chapter_is_in_the_toc_and_every_toc_notebook_exists() -> None:
    in_toc = {p.as_posix() for p in build.toc_notebooks(paths.ROOT)}
    on_disk = {p.relative_to(paths.ROOT).as_posix() for p in CHAPTERS}
    assert on_disk - in_toc == set(), "chapters missing from _toc.yml (they would not be built)"
    listed = {d for d in build.toc_documents(paths.TOC)}
    missing = {d for d in listed if not any((paths.ROOT / (d + s)).is_file() for s in (".ipynb", ".md"))}
    assert missing == set(), "_toc.yml lists pages that do not exist"


# --------------------------------------------------------------------------- the checks
def parameter_problems(nb: dict) -> list[str]:
    """Breaches of the parameters-cell contract."""
    cells = [c for c in nb["cells"] if "parameters" in _tags(c)]
    if len(cells) != 1:
        return [f"{len(cells)} cells tagged 'parameters', expected 1"]
    if cells[0]["cell_type"] != "code":
        return ["the cell tagged 'parameters' is not a code cell"]
    problems, names = [], []
    for stmt in ast.parse(_python(_src(cells[0]))).body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)):
            problems.append(f"the parameters cell may only assign names: {ast.unparse(stmt)}")
            continue
        name = stmt.targets[0].id
        names.append(name)
        try:
            ast.literal_eval(stmt.value)
        except ValueError:
            problems.append(f"default of {name} is not a literal: {ast.unparse(stmt.value)} "
                            "(derived values go in the next cell)")
    if names != list(build.PARAMETER_NAMES):
        problems.append(f"parameters {names}, expected {list(build.PARAMETER_NAMES)} in that order")
    return problems


def code_problems(nb: dict) -> list[str]:
    """Functions, classes or lambdas defined in a chapter; packages installed from it."""
    problems = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = _src(cell)
        if re.search(r"^\s*[!%]\s*(pip|conda)\b", source, re.M):
            problems.append(f"cell {i}: installs packages (declare them in requirements.txt)")
        for node in ast.walk(ast.parse(_python(source))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                problems.append(f"cell {i}: defines a {type(node).__name__} (put it in src/barometer)")
    return problems


def directive_problems(text: str, where: str) -> tuple[list[str], set[str]]:
    """Figure and table directives in MyST text without caption, label or alt text.

    Returns the problems and the keys shown with ``{glue:figure}``.
    """
    problems, shown = [], set()
    for fig in _figures(text):
        what = f"{where}: {{{fig['kind']}}} {fig['arg']}"
        if fig["kind"] == "table":
            if not fig["arg"]:
                problems.append(f"{what} has no caption (the directive's argument)")
            if not fig["options"].get("name"):
                problems.append(f"{what} has no :name: (label for cross-references)")
            continue
        if not fig["options"].get("alt"):
            problems.append(f"{what} has no :alt: text")
        if not fig["options"].get("name"):
            problems.append(f"{what} has no :name: (label for cross-references)")
        if not fig["caption"]:
            problems.append(f"{what} has no caption")
        if fig["kind"] == "glue:figure":
            shown.add(fig["arg"])
    for m in MD_IMAGE.finditer(text):
        if not m["alt"].strip():
            problems.append(f"{where}: Markdown image without alt text")
    return problems, shown


def figure_problems(nb: dict) -> list[str]:
    """Exhibits without caption, label or alt text; images shown outside a figure directive.

    Looks at Markdown cells and at the Markdown that code cells output (exhibit objects
    render themselves as ``{figure}``/``{table}`` directives, see barometer.presentation.exhibit).
    """
    problems: list[str] = []
    shown: set[str] = set()
    glued: set[str] = set()
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown":
            found, keys = directive_problems(_src(cell), f"cell {i}")
            problems += found
            shown |= keys
        if cell["cell_type"] != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                md = data["text/markdown"]
                found, keys = directive_problems("".join(md) if isinstance(md, list) else md,
                                                 f"cell {i} output")
                problems += found
                shown |= keys
            key = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if key and any(GLUED_IMAGE.match(m) for m in data):
                glued.add(key)
            visible = [m for m in IMAGE_MIMES if m in data]
            if visible and not _tags(cell) & HIDDEN:
                problems.append(
                    f"cell {i}: shows an image directly ({visible[0]}); return an exhibit "
                    "(barometer.presentation.exhibit.FigureExhibit) or glue the figure (display=False) and "
                    "show it with {glue:figure} with caption, :name: and :alt:")
    problems += [f"glued figure {k!r} is never shown with {{glue:figure}}" for k in sorted(glued - shown)]
    return problems


# --------------------------------------------------------------------------- over the chapters
@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_one_parameters_cell_with_the_agreed_names_and_literal_defaults(path: Path) -> None:
    assert parameter_problems(_nb(path)) == [], path.name


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_chapters_define_no_functions_and_install_nothing(path: Path) -> None:
    assert code_problems(_nb(path)) == [], path.name


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_every_figure_has_caption_label_and_alt_text(path: Path) -> None:
    assert figure_problems(_nb(path)) == [], path.name


# --------------------------------------------------------------------------- the checks can fail
def _notebook(*cells: tuple[str, str, dict]) -> dict:
    out = []
    for kind, source, extra in cells:
        cell = {"cell_type": kind, "source": source, "metadata": extra.pop("metadata", {})}
        cell.update(extra)
        out.append(cell)
    return {"cells": out, "metadata": {}}


GOOD_PARAMS = ("code", "year = 2025\ncomparison_years = [2021]\ndata_path = None\nmin_base = 5",
               {"metadata": {"tags": ["parameters"]}, "outputs": []})


def test_parameter_check_catches_breaches() -> None:
    assert parameter_problems(_notebook(GOOD_PARAMS)) == []
    assert parameter_problems(_notebook()) != []
    assert parameter_problems(_notebook(GOOD_PARAMS, ("code", "year = 2021", {"metadata": {"tags": ["parameters"]}}))) != []
    derived = ("code", "year = 2025\ncomparison_years = [year - 4]\ndata_path = None\nmin_base = 5",
               {"metadata": {"tags": ["parameters"]}})
    assert any("not a literal" in p for p in parameter_problems(_notebook(derived)))
    renamed = ("code", "jaar = 2025\ncomparison_years = [2021]\ndata_path = None\nmin_base = 5",
               {"metadata": {"tags": ["parameters"]}})
    assert parameter_problems(_notebook(renamed)) != []


@pytest.mark.parametrize("source", ["def f():\n    pass", "class A:\n    pass",
                                    "df.apply(lambda r: r)", "%pip install x", "!pip install x"])
def test_code_check_catches_functions_and_installs(source: str) -> None:
    assert code_problems(_notebook(("code", source, {"outputs": []}))) != []
    assert code_problems(_notebook(("code", "x = tabel(ed)\n%matplotlib inline", {"outputs": []}))) == []


GLUED = {"outputs": [{"output_type": "display_data", "metadata": {"scrapbook": {"name": "fig-x"}},
                      "data": {"application/papermill.record/image/png": "iVBORw0KGgo="}}]}
GOOD_FIGURE = "```{glue:figure} fig-x\n:name: fig-x\n:alt: Staafdiagram van iets.\n\nBijschrift.\n```"


@pytest.mark.parametrize(
    ("markdown", "ok"),
    [
        (GOOD_FIGURE, True),
        (GOOD_FIGURE.replace("```", ":::"), True),
        (GOOD_FIGURE.replace(":alt: Staafdiagram van iets.\n", ""), False),
        (GOOD_FIGURE.replace(":name: fig-x\n", ""), False),
        (GOOD_FIGURE.replace("\nBijschrift.\n", "\n"), False),
        ("Geen figuur.", False),  # glued but never shown
        (GOOD_FIGURE + "\n\n![](plaatje.png)", False),
    ],
)
def test_figure_check_catches_missing_caption_label_alt(markdown: str, ok: bool) -> None:
    nb = _notebook(("code", "glue('fig-x', fig, display=False)", dict(GLUED)), ("markdown", markdown, {}))
    assert (figure_problems(nb) == []) is ok, figure_problems(nb)


@pytest.mark.parametrize(
    ("markdown", "ok"),
    [
        ("```{figure} _figures/fig-a-b.svg\n:name: fig-a-b\n:alt: Meer x dan y.\n:width: 100%\n\nBijschrift\n```", True),
        ("```{figure} _figures/fig-a-b.svg\n:name: fig-a-b\n:width: 100%\n\nBijschrift\n```", False),
        ("```{table} Tabel B1-8 Iets\n:name: tbl-a-b\n\n| a |\n|--:|\n| 1 |\n```", True),
        ("```{table}\n:name: tbl-a-b\n\n| a |\n|--:|\n| 1 |\n```", False),
        ("```{table} Tabel B1-8 Iets\n\n| a |\n|--:|\n| 1 |\n```", False),
    ],
)
def test_exhibit_output_check(markdown: str, ok: bool) -> None:
    out = {"outputs": [{"output_type": "execute_result", "metadata": {}, "execution_count": 1,
                        "data": {"text/markdown": markdown, "text/plain": "x"}}]}
    nb = _notebook(("code", "ex.tabel(ed)", out))
    assert (figure_problems(nb) == []) is ok, figure_problems(nb)


def test_figure_check_catches_an_image_shown_directly() -> None:
    shown = {"outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/png": "x"}}]}
    assert figure_problems(_notebook(("code", "fig", dict(shown)))) != []
    hidden = {"metadata": {"tags": ["remove-output"]}, **shown}
    assert figure_problems(_notebook(("code", "fig", hidden))) == []


def test_prose_rules_hold_for_chapters_and_landing_page() -> None:
    if not PROSE_CHECK.is_file():
        pytest.skip(f"{PROSE_CHECK} is absent: the prose check and the source report it compares "
                    "with live in the project's shared/ folder beside the repository, which this "
                    "checkout does not have; nothing is vendored on purpose.")
    targets = [str(p) for p in CHAPTERS] + [str(paths.ROOT / "index.md")]
    targets += [str(p) for p in sorted(paths.CHAPTERS.glob("*.md"))]
    result = subprocess.run([sys.executable, str(PROSE_CHECK), *targets], cwd=paths.ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
