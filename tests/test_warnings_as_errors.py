"""Issue 11, 'done when': the 2021, 2025 and a generated edition build with warnings as errors.

Every build renders with ``jupyter-book build --all -W -n --keep-going``
(:func:`barometer.book.build._render`), so a book that builds had no Sphinx warning. The tests here
make that explicit instead of trusting the flag:

* a staged book with one warning (a reference to a page that does not exist) fails to render,
  with a message that says warnings count as errors and names the log;
* the full 2021 and 2025 editions (the builds of :func:`built_book.built_book`, shared with
  the accessibility, PDF and workbook tests) rendered without a single ``WARNING`` line in
  their jupyter-book log;
* the generated editions (the reversed 2027 edition in ``test_future_edition.py`` and the
  degenerate files in ``test_properties.py``) check their log with :func:`built_book.assert_no_warnings`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from barometer.book import build

from built_book import assert_no_warnings, built_book


@pytest.mark.slow
def test_a_warning_stops_the_render(tmp_path: Path) -> None:
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "_config.yml").write_text("title: Proef\nexecute:\n  execute_notebooks: 'off'\n", encoding="utf-8")
    (stage / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (stage / "index.md").write_text("# Proef\n\nZie {doc}`bestaat-niet`.\n", encoding="utf-8")
    with pytest.raises(build.BuildError) as err:
        build._render(stage, tmp_path / "out", echo=lambda s: None)
    message = str(err.value)
    assert "waarschuwingen tellen als fouten" in message and "bestaat-niet" in message
    assert str(stage / "jupyter-book.log") in message
    with pytest.raises(AssertionError):
        assert_no_warnings(stage)


@pytest.mark.slow
@pytest.mark.parametrize("year", [2021, 2025])
def test_the_shipped_editions_render_without_a_warning(year: int) -> None:
    book = built_book(year)
    assert (book.html / "index.html").is_file()
    assert_no_warnings(book.stage)
