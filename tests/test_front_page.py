"""The front page shows the edition at a glance, with every number glued from the chapters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from barometer.data import paths
from barometer.book.build import toc_documents
from built_book import built_book

INDEX = paths.ROOT / "index.md"
GLUE = re.compile(r"\{glue:text\}`/(?P<doc>chapters/[\w-]+\.ipynb)::(?P<key>\w+):s`")
#: What the front page must show: the key figures and the change against the previous measurement.
KEY_FIGURES = {
    "chapters/innovatie-in-het-openbaar-bestuur.ipynb": {"pct_innovatie", "verloop_innovatie", "type_meest",
                                                         "pct_type_meest", "verloop_type_meest"},
    "chapters/innovatieklimaat.ipynb": {"klimaat_mean"},
    "chapters/bevorderende-en-belemmerende-factoren.ipynb": {"top3_namen"},
}


def _glued(notebook: Path) -> dict[str, str]:
    """Glued text of a chapter: key -> the string as stored (without quotes)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    out = {}
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            text = o.get("data", {}).get("application/papermill.record/text/plain")
            if name and text is not None:
                out[name] = "".join(text).strip("'\"")
    return out


def test_front_page_glues_the_key_figures_from_keys_the_chapters_record() -> None:
    refs = {(m["doc"], m["key"]) for m in GLUE.finditer(INDEX.read_text(encoding="utf-8"))}
    for doc, keys in KEY_FIGURES.items():
        assert keys <= {k for d, k in refs if d == doc}, f"the front page misses {keys} of {doc}"
    for doc, key in sorted(refs):
        assert key in _glued(paths.ROOT / doc), f"{doc} glues no key {key!r} (the build would fail)"


@pytest.mark.slow
def test_built_front_page_shows_figures_links_editions_and_downloads() -> None:
    book = built_book()
    html = (book.html / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for doc, keys in KEY_FIGURES.items():
        glued = _glued(book.stage / doc)
        for key in keys:
            assert glued[key] in text, f"{key} ({glued[key]!r}) is not on the front page"
    links = set(re.findall(r'href="([^"#]+)', html))
    for doc in toc_documents(book.stage / "_toc.yml"):
        if doc.startswith("chapters/") and doc != "chapters/naslag-van-het-pakket":
            assert f"{doc}.html" in links, f"the front page does not link to {doc}"
    assert "../index.html#edities" in html
    downloads = [h for h in links if h.startswith("downloads/")]
    assert len(downloads) >= 4
    for href in downloads:
        assert (book.html / href).is_file(), f"the front page links to a missing download {href}"
