"""The way in for researchers: the template notebook runs on the shipped data, and the
package reference is generated from the docstrings of the stable modules.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from barometer.data import paths
from barometer.book.build import toc_documents
from built_book import built_book

TEMPLATE = paths.ROOT / "templates" / "eigen-analyse.ipynb"
STABLE = ("barometer.data.codebook", "barometer.data.respondents", "barometer.analysis.statistics", "barometer.presentation.formatting",
          "barometer.book.edition", "barometer.analysis.scales", "barometer.analysis.models")


def _outputs(nb: dict) -> str:
    text = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"the template failed: {out.get('ename')}: {out.get('evalue')}"
            text.append("".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", "")))
    return "\n".join(text)


@pytest.mark.slow
def test_the_template_runs_on_the_shipped_data(tmp_path: Path) -> None:
    import papermill

    work = tmp_path / "templates"
    work.mkdir()
    shutil.copy2(TEMPLATE, work / TEMPLATE.name)
    data = paths.DATA / "respondents-2025-synthetic.csv"
    out = work / "uitgevoerd.ipynb"
    papermill.execute_notebook(str(work / TEMPLATE.name), str(out), cwd=str(work),
                               parameters={"data_path": str(data)}, progress_bar=False,
                               kernel_name="python3")
    nb = json.loads(out.read_text(encoding="utf-8"))
    text = _outputs(nb)
    assert "Meting 2025" in text and "synthetische gegevens: True" in text
    assert "Aandeel" in text and "%" in text                  # the Dutch display frame
    assert "#" in text                                        # small groups are not shown
    images = [o for c in nb["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 1, "the figure in the house style is shown once"


def test_the_template_has_the_chapters_parameters_contract() -> None:
    from test_chapters_structure import parameter_problems

    nb = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    assert parameter_problems(nb) == []


def test_the_pages_are_in_the_book() -> None:
    docs = toc_documents(paths.TOC)
    assert "chapters/zelf-analyseren" in docs and "chapters/naslag-van-het-pakket" in docs
    page = (paths.CHAPTERS / "naslag-van-het-pakket.md").read_text(encoding="utf-8")
    for module in STABLE:
        assert f".. automodule:: {module}" in page


@pytest.mark.slow
def test_the_reference_is_generated_from_the_docstrings() -> None:
    import inspect

    from barometer.analysis import statistics

    html = (built_book().html / "chapters" / "naslag-van-het-pakket.html").read_text(encoding="utf-8")
    for module in STABLE:
        assert f'id="module-{module}"' in html, f"{module} is not documented"
    # A function's entry carries its own docstring's first line.
    assert 'id="barometer.analysis.statistics.share"' in html
    first = inspect.getdoc(statistics.share).splitlines()[0]
    assert first.split(",")[0].replace("``", "") in html.replace("<code class=\"docutils literal notranslate\"><span class=\"pre\">", "").replace("</span></code>", "")
