"""Tests of the book build (barometer.book.build, barometer.book.cli).

The end-to-end tests build a tiny book in a temporary folder: one good chapter, then the
same chapter broken, and check that the failure names chapter and cell and that the last
good HTML stays in place. Data validation is replaced by a no-op there (the loader has its
own tests); the tiny data file only has to exist and carry a sidecar.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

import nbformat
import pytest
import yaml

from barometer.book import build, cli
from barometer.data import paths


# --------------------------------------------------------------------------- helpers
def _chapter(path: Path, *code: str, markdown: str = "Een zin over {glue:text}`editie`.") -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Proefhoofdstuk"),
        nbformat.v4.new_code_cell(
            "year = 2025\ncomparison_years = [2021]\ndata_path = None\nmin_base = 5",
            metadata={"tags": ["parameters"]},
        ),
        *[nbformat.v4.new_code_cell(c) for c in code],
        nbformat.v4.new_markdown_cell(markdown),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


GOOD_CELL = 'from myst_nb import glue\nglue("editie", str(year), display=False)'
BAD_CELL = "ratio = 1 / 0"
FIGURE_CELL = ("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2], [3, 4])\n"
               "from IPython.display import display\ndisplay(fig)\nplt.close(fig)")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A tiny book: the real _config.yml, a toc with one chapter, a landing page, data."""
    root = tmp_path / "book"
    root.mkdir()
    (root / "_config.yml").write_text(paths.CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n  - file: chapters/proef\n", encoding="utf-8"
    )
    (root / "index.md").write_text("# Proefboek\n\nEen landingspagina.\n", encoding="utf-8")
    (root / "README.md").write_text("# not part of the book\n", encoding="utf-8")
    _chapter(root / "chapters" / "proef.ipynb", GOOD_CELL)
    data = root / "data" / "respondents-2025-synthetic.csv"
    data.parent.mkdir()
    data.write_text("resp_id,year\nr1,2025\n", encoding="utf-8")
    paths.sidecar(data).write_text("synthetic: true\ngenerator: test\n", encoding="utf-8")
    return root


def _build(project: Path, monkeypatch, capsys, *extra: str) -> tuple[int, str]:
    monkeypatch.setattr(build, "validate_data", lambda path, year: None)
    code = cli.main(["build", "--project", str(project), "--jobs", "2",
                     "--data", str(project / "data" / "respondents-2025-synthetic.csv"),
                     *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


# --------------------------------------------------------------------------- unit tests
def test_toc_documents_walks_parts_chapters_and_sections(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text(textwrap.dedent("""\
        format: jb-book
        root: index
        parts:
          - caption: Resultaten
            chapters:
              - file: chapters/a
                sections:
                  - file: chapters/a-detail.ipynb
              - url: https://example.org
          - caption: Bijlagen
            chapters:
              - file: chapters/b.md
        """), encoding="utf-8")
    assert build.toc_documents(toc) == ["index", "chapters/a", "chapters/a-detail", "chapters/b"]


def test_toc_notebooks_of_the_repository_exist() -> None:
    notebooks = build.toc_notebooks(paths.ROOT)
    assert notebooks, "_toc.yml lists no chapter notebook"
    for nb in notebooks:
        assert (paths.ROOT / nb).is_file()


def test_clean_notebook_hides_injected_cell_and_strips_timing() -> None:
    nb = {
        "metadata": {"papermill": {"duration": 1.2, "parameters": {"year": 2025}}},
        "cells": [
            {"cell_type": "code", "metadata": {"tags": ["parameters"], "papermill": {"duration": 0.1},
                                               "execution": {"iopub.execute_input": "x"}}},
            {"cell_type": "code", "metadata": {"tags": ["injected-parameters"]}},
            {"cell_type": "markdown", "metadata": {}},
        ],
    }
    build.clean_notebook(nb)
    assert "papermill" not in nb["metadata"]
    assert nb["cells"][0]["metadata"] == {"tags": ["parameters", "remove-cell"]}
    assert nb["cells"][1]["metadata"]["tags"] == ["injected-parameters", "remove-cell"]
    build.clean_notebook(nb)  # idempotent
    assert nb["cells"][1]["metadata"]["tags"] == ["injected-parameters", "remove-cell"]


@pytest.mark.parametrize(
    ("sidecar", "expected"),
    [(None, False), ("synthetic: true\n", True), ("synthetic: false\n", False),
     ("generator: x\n", False)],
)
def test_is_synthetic_reads_the_sidecar(tmp_path: Path, sidecar: str | None, expected: bool) -> None:
    data = tmp_path / "respondents-2025.csv"
    data.write_text("resp_id\n", encoding="utf-8")
    if sidecar is not None:
        paths.sidecar(data).write_text(sidecar, encoding="utf-8")
    assert build.is_synthetic(data) is expected


def test_is_synthetic_rejects_a_sidecar_that_is_not_a_mapping(tmp_path: Path) -> None:
    data = tmp_path / "respondents-2025.csv"
    paths.sidecar(data).write_text("- synthetic\n", encoding="utf-8")
    with pytest.raises(build.BuildError, match="mapping"):
        build.is_synthetic(data)


@pytest.mark.parametrize("synthetic", [True, False])
def test_edition_config_sets_banner_only_for_synthetic_data(tmp_path: Path, synthetic: bool) -> None:
    config = tmp_path / "_config.yml"
    config.write_text(paths.CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    build._edition_config(config, 2027, synthetic)
    staged = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert staged["title"].endswith("2027")
    assert staged["sphinx"]["config"]["language"] == "nl"
    assert staged["execute"]["execute_notebooks"] == "off"
    banner = staged["html"]["announcement"]
    assert "Editie 2027" in banner and "alle edities" in banner
    assert (build.SYNTHETIC_NOTICE in banner) is synthetic
    assert "barometer-editions.js" in staged["sphinx"]["config"]["html_js_files"]
    assert (tmp_path / "_static" / "barometer-editions.js").is_file()


def test_edition_banner_links_the_other_editions() -> None:
    banner = build.edition_banner(2027, False, others=[2021, 2025], label="meting over 2025–2026")
    assert banner.startswith("<strong>Editie 2027</strong> (meting over 2025–2026)")
    assert 'href="../2021/index.html"' in banner and 'href="../2025/index.html"' in banner
    assert build.SYNTHETIC_NOTICE not in banner


def test_editions_index_lists_built_editions_and_opens_the_newest(tmp_path: Path) -> None:
    for year in (2021, 2025):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "index.html").write_text("book")
    (tmp_path / "2027").mkdir()  # not built (no index.html): not listed
    index = build.write_editions_index(tmp_path, {2025: "Innovatie Barometer Overheid 2025"})
    text = index.read_text(encoding="utf-8")
    assert 'window.location.replace("2025/index.html")' in text
    assert "Innovatie Barometer Overheid 2025" in text and 'href="2021/index.html"' in text
    assert "2027/" not in text
    assert build.built_editions(tmp_path) == [2021, 2025]


def test_a_year_without_editions_entry_fails_naming_the_file(project: Path, capsys) -> None:
    code = cli.main(["build", "--project", str(project), "--year", "2031",
                     "--data", str(project / "data" / "respondents-2025-synthetic.csv")])
    err = capsys.readouterr().err
    assert code == 1
    assert "2031" in err and str(paths.EDITIONS) in err
    assert not (project / "_build" / "stage").exists()


def test_editions_file_can_be_overridden(tmp_path: Path, monkeypatch) -> None:
    from barometer.data import editions

    alt = tmp_path / "editions.yaml"
    entries = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))  # complete entries
    entries[2027] = {**entries[2025], "label": "c"}
    alt.write_text(yaml.safe_dump(entries), encoding="utf-8")
    monkeypatch.setenv(editions.ENV_VAR, str(alt))
    assert editions.editions_file() == alt.resolve()
    assert editions.edition_entry(2027) == entries[2027]
    assert build.default_comparison_years(2027) == [2021, 2025]
    monkeypatch.delenv(editions.ENV_VAR)
    with pytest.raises(KeyError, match="2027"):
        editions.edition_entry(2027)


def test_respondent_file_finds_one_file_per_year(tmp_path: Path) -> None:
    (tmp_path / "respondents-2025-synthetic.csv").write_text("x\n")
    (tmp_path / "respondents-2025-synthetic.csv.meta.yaml").write_text("synthetic: true\n")
    (tmp_path / "respondents-2021.sav").write_bytes(b"")
    assert paths.respondent_file(2025, tmp_path).name == "respondents-2025-synthetic.csv"
    assert paths.respondent_file(2021, tmp_path).name == "respondents-2021.sav"
    with pytest.raises(FileNotFoundError, match="No respondent file for 2019"):
        paths.respondent_file(2019, tmp_path)
    (tmp_path / "respondents-2025.parquet").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match="More than one"):
        paths.respondent_file(2025, tmp_path)


def test_default_comparison_years_are_the_earlier_editions() -> None:
    assert build.default_comparison_years(2025) == [2021]
    assert build.default_comparison_years(2021) == []


def test_a_missing_data_file_fails_before_anything_runs(project: Path, monkeypatch, capsys) -> None:
    code = cli.main(["build", "--project", str(project), "--data", str(project / "nope.csv")])
    err = capsys.readouterr().err
    assert code == 1
    assert "nope.csv bestaat niet" in err
    assert not (project / "_build" / "stage").exists()


def test_invalid_data_fail_the_build_before_any_chapter_runs(project: Path, capsys) -> None:
    pytest.importorskip("barometer.data.respondents", reason="the validating loader is not installed")
    from conftest import make_valid_frame, write_respondent_file

    frame = make_valid_frame(12, 2025)
    frame.loc[3, "year"] = 2021  # a row of another measurement year
    data = write_respondent_file(frame, project / "data" / "respondents-2025-synthetic.csv")
    html = project / "_build" / "html" / "2025"
    html.mkdir(parents=True)
    (html / "index.html").write_text("previous good build")
    code = cli.main(["build", "--project", str(project), "--data", str(data)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Validatie van" in err and "respondents-2025-synthetic.csv" in err
    assert (html / "index.html").read_text() == "previous good build"
    assert not (project / "_build" / "stage").exists()


# --------------------------------------------------------------------------- end to end
@pytest.mark.slow
def test_build_then_failing_chapter_keeps_previous_html(project: Path, monkeypatch, capsys) -> None:
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    html = project / "_build" / "html" / "2025"
    index = (html / "index.html").read_text(encoding="utf-8")
    chapter = (html / "chapters" / "proef.html").read_text(encoding="utf-8")
    # Dutch interface, the synthetic-data banner on every page, glue resolved,
    # papermill's injected parameters not shown, README not part of the book.
    assert 'lang="nl"' in index
    for page in (index, chapter):
        assert build.SYNTHETIC_NOTICE in page
    assert '<span class="pasted-text">2025</span>' in chapter
    assert "injected" not in chapter and "/respondents-2025-synthetic.csv" not in chapter
    assert "comparison_years" not in chapter, "the parameters cell is shown"
    assert not (html / "README.html").exists()
    assert "[1/1] klaar  chapters/proef.ipynb" in log
    staged = json.loads((project / "_build/stage/2025/chapters/proef.ipynb").read_text())
    assert "papermill" not in staged["metadata"]
    assert all("execution" not in c["metadata"] and "papermill" not in c["metadata"]
               for c in staged["cells"])

    # Nothing changed: the chapter comes from the cache and rendering is skipped.
    stamp = (html / build.RENDER_STAMP).read_text()
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    assert "[1/1] uit cache chapters/proef.ipynb" in log and "Renderen overgeslagen" in log
    assert (html / build.RENDER_STAMP).read_text() == stamp
    assert (project / "_build" / "html" / "index.html").is_file()  # the list of editions

    # A prose edit renders only the changed page (Sphinx's state is kept between builds) and
    # gives the HTML a full render gives: a figure the page no longer shows is not published.
    _chapter(project / "chapters" / "proef.ipynb", GOOD_CELL, FIGURE_CELL)
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    assert "Renderen met jupyter-book (alles" not in log, log
    assert len(list((html / "_images").glob("*.png"))) == 1
    _chapter(project / "chapters" / "proef.ipynb", GOOD_CELL, markdown="Nu zonder figuur {glue:text}`editie`.")
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    assert "alleen wat veranderde" in log, log
    assert "Nu zonder figuur" in (html / "chapters" / "proef.html").read_text(encoding="utf-8")
    assert not list((html / "_images").glob("*.png")), "a figure of the earlier build is still published"

    good = (html / "index.html").read_bytes()
    (html / "marker.txt").write_text("previous good build")

    # A chapter whose fourth cell (index 3, as nbval counts) raises: non-zero exit, chapter and cell named.
    _chapter(project / "chapters" / "proef.ipynb", GOOD_CELL, BAD_CELL)
    code, log = _build(project, monkeypatch, capsys)
    assert code == 1
    assert "chapters/proef.ipynb, cel 3 (" in log
    assert "ZeroDivisionError" in log
    assert "ratio = 1 / 0" in log
    assert (html / "marker.txt").read_text() == "previous good build"
    assert (html / "index.html").read_bytes() == good

    # A page that Jupyter Book warns about (an unknown glue key) also fails, HTML untouched.
    _chapter(project / "chapters" / "proef.ipynb", GOOD_CELL,
             markdown="Een zin over {glue:text}`bestaat-niet`.")
    code, log = _build(project, monkeypatch, capsys)
    assert code == 1
    assert "jupyter-book is mislukt" in log and "bestaat-niet" in log
    assert (html / "marker.txt").exists() and (html / "index.html").read_bytes() == good
    assert not list(html.parent.glob(".*render*")), "temporary render folder left behind"


def test_sync_tree_rewrites_only_changed_files(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    (src / "a").mkdir(parents=True)
    (src / "a" / "same.txt").write_text("gelijk")
    (src / "changed.txt").write_text("nieuw")
    (src / "jupyter-book.log").write_text("log")
    (dst / "a").mkdir(parents=True)
    (dst / "a" / "same.txt").write_text("gelijk")
    (dst / "changed.txt").write_text("oud")
    (dst / "gone.txt").write_text("weg")
    os.utime(dst / "a" / "same.txt", (1_000_000, 1_000_000))
    assert build._sync_tree(src, dst, exclude=("jupyter-book.log",)) == 1
    assert (dst / "a" / "same.txt").stat().st_mtime == 1_000_000  # untouched: Sphinx skips it
    assert (dst / "changed.txt").read_text() == "nieuw"
    assert not (dst / "gone.txt").exists() and not (dst / "jupyter-book.log").exists()


def test_prune_unlinked_keeps_what_pages_link_to(tmp_path: Path) -> None:
    html = tmp_path / "html"
    (html / "chapters").mkdir(parents=True)
    (html / "_images").mkdir()
    (html / "_downloads" / "abc").mkdir(parents=True)
    (html / "chapters" / "een.html").write_text(
        '<img src="../_images/fig-a.svg"><a href="../_downloads/abc/tbl-a.csv#x">csv</a>'
        '<a href="https://example.org/_images/fig-b.svg">elders</a>')
    for name in ("_images/fig-a.svg", "_images/fig-b.svg", "_downloads/abc/tbl-a.csv",
                 "_downloads/abc/tbl-oud.csv"):
        (html / name).write_text("x")
    removed = build._prune_unlinked(html)
    assert sorted(p.relative_to(html).as_posix() for p in removed) == [
        "_downloads/abc/tbl-oud.csv", "_images/fig-b.svg"]
    assert (html / "_images" / "fig-a.svg").is_file() and (html / "_downloads/abc/tbl-a.csv").is_file()


@pytest.mark.slow
def test_real_data_build_has_no_banner(project: Path, monkeypatch, capsys, tmp_path: Path) -> None:
    data = project / "data" / "respondents-2025-synthetic.csv"
    paths.sidecar(data).unlink()
    out = tmp_path / "elders"
    code, log = _build(project, monkeypatch, capsys, "--out", str(out))
    assert code == 0, log
    index = (out / "index.html").read_text(encoding="utf-8")
    assert build.SYNTHETIC_NOTICE not in index
    assert "Editie 2025" in index  # the edition banner stays


def test_merge_prose_keeps_outputs_and_injected_cell_and_takes_new_markdown() -> None:
    from barometer.book.cache import merge_prose

    def md(text):
        return {"cell_type": "markdown", "metadata": {}, "source": text}

    def code(text, outputs=(), tags=()):
        return {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": text,
                "execution_count": 1, "outputs": list(outputs)}

    out = [{"output_type": "stream", "name": "stdout", "text": "42\n"}]
    executed = {"metadata": {"kernelspec": {"name": "python3"}}, "cells": [
        md("# Oud"), code("year = 2025", tags=["parameters"]),
        code("year = 2027", tags=["injected-parameters", "remove-cell"]),
        code("print(42)", out), md("Oude zin."),
    ]}
    source = {"metadata": {"kernelspec": {"name": "python3"}}, "cells": [
        md("# Nieuw"), md("Een nieuwe alinea."), code("year = 2025", tags=["parameters"]),
        code("print(42)"), md("Nieuwe zin."),
    ]}
    merged = merge_prose(executed, source)
    assert [c["source"] for c in merged["cells"]] == [
        "# Nieuw", "Een nieuwe alinea.", "year = 2025", "year = 2027", "print(42)", "Nieuwe zin."]
    assert merged["cells"][4]["outputs"] == out
    source["cells"][3]["source"] = "print(43)"
    with pytest.raises(ValueError):
        merge_prose(executed, source)


def test_cache_key_ignores_markdown_but_not_code(tmp_path: Path) -> None:
    from barometer.book.cache import notebook_digest

    nb = tmp_path / "a.ipynb"
    _chapter(nb, GOOD_CELL)
    first = notebook_digest(nb)
    _chapter(nb, GOOD_CELL, markdown="Andere zin over {glue:text}`editie`.")  # new cell ids too
    assert notebook_digest(nb) == first
    _chapter(nb, GOOD_CELL + "\nx = 1")
    assert notebook_digest(nb) != first


def test_prose_only_edit_executes_no_chapter_and_shows_the_new_prose(
        project: Path, monkeypatch, capsys) -> None:
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    assert "[1/1] klaar  chapters/proef.ipynb" in log
    page = project / "_build" / "html" / "2025" / "chapters" / "proef.html"

    # Markdown cells only: no chapter executed, the book rendered again with the new prose.
    _chapter(project / "chapters" / "proef.ipynb", GOOD_CELL,
             markdown="Een herschreven zin over {glue:text}`editie`.")
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    assert "[1/1] uit cache chapters/proef.ipynb" in log and " klaar  " not in log
    assert "Renderen overgeslagen" not in log
    html = page.read_text(encoding="utf-8")
    assert "Een herschreven zin over" in html and "Een zin over" not in html
    assert '<span class="pasted-text">2025</span>' in html  # the cached output is glued

    # A code cell changed: the chapter is executed again.
    _chapter(project / "chapters" / "proef.ipynb", GOOD_CELL + "\nx = 1",
             markdown="Een herschreven zin over {glue:text}`editie`.")
    code, log = _build(project, monkeypatch, capsys)
    assert code == 0, log
    assert "[1/1] klaar  chapters/proef.ipynb" in log


def _code_outputs(nb: dict) -> list[tuple[str, list]]:
    """(source, outputs without execution counts) of every code cell papermill did not add."""
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or "injected-parameters" in cell["metadata"].get("tags", []):
            continue
        outputs = [{k: v for k, v in out.items() if k != "execution_count"}
                   for out in cell.get("outputs", [])]
        src = cell["source"]
        cells.append(("".join(src) if isinstance(src, list) else src, outputs))
    return cells


@pytest.mark.slow
def test_built_book_stages_the_committed_outputs() -> None:
    """The build (frames validated once and handed off, the cache, prose merged into cached
    runs) stages exactly the outputs the committed chapters have: the published numbers,
    tables, figures and glued values are unchanged, cell for cell."""
    from built_book import built_book

    book = built_book()
    for nb_path in build.toc_notebooks(paths.ROOT):
        committed = json.loads((paths.ROOT / nb_path).read_text(encoding="utf-8"))
        staged = json.loads((book.stage / nb_path).read_text(encoding="utf-8"))
        got, want = _code_outputs(staged), _code_outputs(committed)
        assert [s for s, _ in got] == [s for s, _ in want], f"{nb_path}: code cells differ"
        for i, ((src, out_got), (_, out_want)) in enumerate(zip(got, want)):
            assert out_got == out_want, f"{nb_path}, code cell {i} ({src.splitlines()[-1]!r})"
        prose = [c["source"] for c in staged["cells"] if c["cell_type"] != "code"]
        assert prose == [c["source"] for c in committed["cells"] if c["cell_type"] != "code"]


def test_chapters_are_scheduled_longest_first(tmp_path: Path) -> None:
    from barometer.book.cache import ChapterCache

    for name, cells in (("a", 1), ("b", 3), ("c", 2)):
        _chapter(tmp_path / f"{name}.ipynb", *["x = 1"] * cells)
    nbs = [Path("a.ipynb"), Path("b.ipynb"), Path("c.ipynb")]
    assert build._longest_first(tmp_path, nbs, {}) == [Path("b.ipynb"), Path("c.ipynb"), Path("a.ipynb")]
    cache = ChapterCache(tmp_path / "cache")
    cache.record_durations({"a.ipynb": 9.0, "b.ipynb": 1.0})
    # Measured seconds count; a chapter never measured (c) is taken to be the longest.
    assert build._longest_first(tmp_path, nbs, cache.durations()) == [
        Path("c.ipynb"), Path("a.ipynb"), Path("b.ipynb")]
@pytest.mark.slow
def test_third_party_output_goes_to_the_chapter_log_not_the_terminal(tmp_path: Path, capfd) -> None:
    # What a kernel or a library prints (the kernel's encryption warning, "KeyboardInterrupt
    # caught in kernel", papermill logging) must not reach the survey team's terminal; it is
    # kept in a log file that the failure message names.
    nb = tmp_path / "proef.ipynb"
    _chapter(nb, 'import os, sys\nprint("gepraat op stderr", file=sys.stderr)\nos.write(2, b"ruis op fd 2\\n")',
             'raise ValueError("mislukt")')
    log = tmp_path / "logs" / "proef.log"
    result = build._execute_one(str(nb), str(tmp_path / "uit.ipynb"), {"year": 2025}, str(tmp_path),
                                "chapters/proef.ipynb", 0, 60, str(log))
    out, err = capfd.readouterr()
    assert "gepraat" not in out + err and "ruis" not in out + err
    assert result["failure"]["log"] == str(log) and "ruis op fd 2" in log.read_text(encoding="utf-8")
    failure = build.ChapterFailure(**result["failure"])
    assert failure.ename == "ValueError" and str(log) in failure.describe()


def test_citation_title_footer_and_report_come_from_the_editions_metadata(tmp_path: Path, monkeypatch) -> None:
    editions = tmp_path / "editions.yaml"
    # Complete entries (the editions model rejects partial ones), the codebook's years included.
    entries = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))
    entries[2027] = {**entries[2025], "label": "Innovatie Barometer Overheid 2027", "period": "2025–2026",
                     "period_start": 2025, "period_end": 2026, "fieldwork": "eind 2026 tot begin 2027",
                     "published": "maart 2028",
                     "source": "Ministerie van BZK / ICTU (2028), Innovatie Barometer Overheid 2027"}
    editions.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("BAROMETER_EDITIONS", str(editions))
    config = tmp_path / "_config.yml"
    config.write_text(paths.CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    build._edition_config(config, 2027, synthetic=False)
    staged = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert staged["title"] == "Innovatie Barometer Overheid 2027"
    assert staged["copyright"] == "2028"
    assert staged["parse"]["myst_substitutions"] == {
        "editie_jaar": "2027", "editie_titel": "Innovatie Barometer Overheid 2027", "rapport_jaar": "2028"}
    cff = build.edition_citation(yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")),
                                 2027, yaml.safe_load(editions.read_text(encoding="utf-8")))
    assert cff["title"] == "Innovatie Barometer Overheid 2027: reproduceerbare editie"
    assert cff["version"].startswith("2027")
    assert (cff["preferred-citation"]["title"], cff["preferred-citation"]["year"],
            cff["preferred-citation"]["month"]) == ("Innovatie Barometer Overheid 2027", 2028, 3)
    assert [r["title"] for r in cff["references"]] == ["Innovatie Barometer Overheid 2021",
                                                      "Innovatie Barometer Overheid 2025"]
    assert "2025" not in cff["abstract"]


def test_the_citation_page_takes_every_year_from_the_edition() -> None:
    page = (paths.ROOT / "chapters" / "hoe-te-citeren.md").read_text(encoding="utf-8")
    assert not re.search(r"\b20\d\d\b", page), "a year typed into the citation page"


# --------------------------------------------------------------------------- Dutch command line
#: argparse's English words; none may reach the survey team (issue 11).
_ENGLISH = re.compile(r"usage:|options:|positional arguments|show this help|error:|the following arguments|"
                      r"are required|invalid choice|choose from|invalid \w+ value|expected (one|at most|at least|\d)|"
                      r"unrecognized arguments|ambiguous option|not allowed with|"
                      # argparse's default metavariables: the options' names in capitals
                      r"\b(YEAR|DATA|OUT|JOBS|MIN_BASE|EDITIONS|CACHE_DIR|PORT|DIR|CODEBOOK|NOTEBOOKS|COMMAND)\b")


def _english(text: str) -> list[str]:
    return [m.group(0) for m in _ENGLISH.finditer(text)]


def _run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.mark.parametrize("argv", [["--help"], ["-h"], *[[c, "--help"] for c in
                                                       ("build", "execute", "serve", "check-codebook", "pdf", "audit")]])
def test_the_help_of_every_command_is_dutch(argv: list[str], capsys) -> None:
    code, out, err = _run_cli(argv, capsys)
    assert code == 0 and not err
    assert out.startswith("gebruik: barometer"), out
    assert "opties:" in out and "toon deze hulptekst en stop" in out, out
    assert not _english(out), f"English in `barometer {' '.join(argv)}`: {_english(out)}\n{out}"


def test_the_main_help_lists_the_commands_in_dutch(capsys) -> None:
    _, out, _ = _run_cli(["--help"], capsys)
    assert "opdrachten:" in out
    for command in ("build", "execute", "serve", "check-codebook", "pdf", "audit"):
        assert re.search(rf"^\s+{command}\s+\S", out, re.M), f"{command} not listed with its help:\n{out}"


@pytest.mark.parametrize("argv, dutch", [
    (["bouw"], "ongeldige keuze: 'bouw' (kies uit 'build', "),
    (["build", "--year"], "argument --year: verwacht één waarde"),
    (["build", "--year", "twee"], "argument --year: ongeldige waarde (een geheel getal verwacht): 'twee'"),
    (["build", "--jobs", "1,5"], "argument --jobs: ongeldige waarde (een geheel getal verwacht): '1,5'"),
    (["build", "--onbekend"], "onbekende argumenten: --onbekend"),
    (["serve", "--port", "x"], "argument --port: ongeldige waarde (een geheel getal verwacht): 'x'"),
])
def test_command_line_errors_are_dutch(argv: list[str], dutch: str, capsys) -> None:
    code, out, err = _run_cli(argv, capsys)
    assert code == 2 and not out
    assert err.startswith("gebruik: barometer"), err
    assert "barometer" in err and ": fout: " in err and dutch in err, err
    assert not _english(err), f"English in the error of {argv}: {_english(err)}\n{err}"


def test_required_arguments_and_other_argparse_messages_are_dutch(capsys) -> None:
    # the barometer command has no required argument; the parser class is checked directly
    parser = cli.DutchArgumentParser(prog="barometer")
    parser.add_argument("--data", required=True, type=Path)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--a", action="store_true")
    group.add_argument("--b", action="store_true")
    with pytest.raises(SystemExit):
        parser.parse_args([])
    err = capsys.readouterr().err
    assert "barometer: fout: de volgende argumenten ontbreken: --data" in err, err
    with pytest.raises(SystemExit):
        parser.parse_args(["--data", "x", "--a", "--b"])
    err = capsys.readouterr().err
    assert "argument --b: niet toegestaan samen met argument --a" in err, err
    assert not _english(err), err


def test_a_message_that_is_not_argparse_s_is_kept() -> None:
    assert cli.dutch_message("iets anders") == "iets anders"
    assert cli.dutch_message("argument --x: iets anders") == "argument --x: iets anders"
    assert cli.dutch_message("expected 2 arguments") == "verwacht 2 waarden"


# --------------------------------------------------------------------------- kernel start-up
_HEAVY = ("seaborn", "scipy.stats", "statsmodels.formula.api", "matplotlib.pyplot")


def test_importing_a_chapter_module_loads_no_heavy_library_until_it_is_used() -> None:
    """Issue 14: every kernel imports its chapter's exhibit module; seaborn, pyplot, scipy.stats and
    statsmodels' formula API load on first use (:mod:`barometer.data.lazy`), not at import."""
    import subprocess
    import sys

    code = textwrap.dedent(f"""
        import sys
        heavy = {_HEAVY!r}
        import barometer.chapters.innovatieklimaat, barometer.chapters.doelen_en_effecten
        print(sorted(m for m in heavy if m in sys.modules))
        from barometer.analysis import models
        from barometer.presentation import figures
        models.proportion_test(3, 10, 6, 12)
        figures.set_style()
        print(sorted(m for m in heavy if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=paths.ROOT).stdout.splitlines()
    assert out[0] == "[]", f"imported at start-up: {out[0]}"
    assert out[1] == str(sorted(["seaborn", "scipy.stats", "matplotlib.pyplot"])), out[1]
