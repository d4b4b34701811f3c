"""A future edition built end to end: `barometer build --year 2027 --data FILE --editions FILE`.

The test file for 2027 is the shipped 2025 file resampled with new respondent ids: more
respondents (500 instead of 347), a clearly lower share of innovators (60% instead of 92%),
and one question that nobody was asked (the reasons for a failed innovation attempt: no
organisation reports a failed attempt, so by the codebook's routing the question was put to
no one). The year gets a temporary entry in a copy of ``data/editions.yaml`` that is passed
with ``--editions`` (the repository's file is not touched).

The book is built with a reduced table of contents (the fast chapters 'Inleiding' and
'Innovatie in het openbaar bestuur'; pages they link to are replaced by stubs), but really
executed with papermill and rendered with Jupyter Book (warnings are errors), first for
2025, then for 2027, then for 2021 (no earlier measurement). The checks: the numbers and
direction words glued into the text follow the data, each edition lands in its own folder,
the 2025 HTML is not changed by building 2027, and the editions link to each other.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from barometer.book import build, cli
from barometer.data import paths
from barometer.data.editions import ENV_VAR
from barometer.presentation.formatting import num, pct
from barometer.presentation.glue import direction

#: Fast chapters that exist in the repository and show the innovation share with a direction.
CHAPTERS = ["chapters/inleiding", "chapters/innovatie-in-het-openbaar-bestuur"]
N_2027 = 500
INNOVATORS_2027 = 300  # 60%


# --------------------------------------------------------------------------- helpers
def _digest_tree(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _pasted(page: Path) -> list[str]:
    """The texts glued into a rendered page ({glue:text} renders as span.pasted-text)."""
    text = page.read_text(encoding="utf-8")
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", m))
            for m in re.findall(r'<span class="pasted-text">(.*?)</span>', text, flags=re.S)]


def _share(frame: pd.DataFrame) -> float:
    valid = frame["innovated"].dropna()
    return 100.0 * float((valid == 1).mean())


def _make_2027_file(folder: Path) -> Path:
    """Resample the 2025 file: 500 respondents, 60% innovators, nobody with a failed attempt."""
    df = pd.read_csv(paths.respondent_file(2025), dtype={"resp_id": str})
    # Some resamples make a level of the chapter's logistic regression separate (an
    # unbounded odds ratio): the table then shows it as not estimable (as the 2021 file
    # does for the Waterschappen), so the seeds no longer need to avoid it.
    inn, non = df[df["innovated"] == 1], df[df["innovated"] != 1]
    new = pd.concat([
        inn.sample(INNOVATORS_2027, replace=True, random_state=1),
        non.sample(N_2027 - INNOVATORS_2027, replace=True, random_state=2),
    ]).sample(frac=1, random_state=3).reset_index(drop=True)
    new["year"] = 2027
    new["resp_id"] = [f"T2027-{i:04d}" for i in range(len(new))]
    # The question on reasons for failure is routed to 'failed_attempt == 1': nobody now.
    new["failed_attempt"] = 0
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    routed = [c for c in cb.columns(2025) if cb.routing_of(c).name == "failed"]
    assert routed, "the codebook routes no question to 'failed' any more: adapt this test"
    new[routed] = np.nan
    path = folder / "respondents-2027-test.csv"
    new.to_csv(path, index=False)
    paths.sidecar(path).write_text("synthetic: true\ngenerator: tests/test_editions.py\n",
                                   encoding="utf-8")
    return path


def _project(root: Path) -> Path:
    """A copy of the book with a reduced table of contents and stubs for linked pages."""
    root.mkdir(parents=True)
    config = yaml.safe_load(paths.CONFIG.read_text(encoding="utf-8"))
    # Section links inside a chapter ([..](#section)) need heading anchors; the full book
    # sets them in _config.yml (or the chapter uses labels) - harmless to set here.
    config.setdefault("sphinx", {}).setdefault("config", {}).setdefault("myst_heading_anchors", 3)
    (root / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    (root / "index.md").write_text("# Innovatie Barometer Overheid\n\nProefboek.\n", encoding="utf-8")
    (root / "chapters").mkdir()
    linked: set[str] = set()
    for doc in CHAPTERS:
        src = paths.ROOT / f"{doc}.ipynb"
        if not src.is_file():
            pytest.fail(f"{src} is missing: tests/test_editions.py builds with this chapter")
        (root / f"{doc}.ipynb").write_bytes(src.read_bytes())
        linked |= set(re.findall(r"\{doc\}`(?:[^`<]*<)?([a-z0-9-]+)>?`", src.read_text(encoding="utf-8")))
    stubs = sorted(d for d in linked if f"chapters/{d}" not in CHAPTERS)
    for d in stubs:
        (root / "chapters" / f"{d}.md").write_text(f"# {d}\n\nNiet in dit proefboek.\n", encoding="utf-8")
    toc = {"format": "jb-book", "root": "index",
           "chapters": [{"file": f} for f in CHAPTERS + [f"chapters/{d}" for d in stubs]]}
    (root / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def editions_build(tmp_path_factory) -> dict:
    """Build 2025, then 2027 of the reduced book; return where things are."""
    tmp = tmp_path_factory.mktemp("editions")
    project = _project(tmp / "book")
    data_2027 = _make_2027_file(tmp)
    editions = tmp / "editions.yaml"
    entries = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))
    entries[2027] = {"label": "Innovatie Barometer Overheid 2027", "period": "2025–2026",
                     "period_start": 2025, "period_end": 2026, "fieldwork": "najaar 2026",
                     "published": "2027", "invited": None, "response_rate": 30,
                     "source": "test"}
    editions.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    repo_2025 = _digest_tree(paths.html_dir(2025))
    html_root = tmp / "html"
    common = ["--project", str(project), "--cache-dir", str(tmp / "cache"), "--jobs", "2"]

    def run(year: int, *extra: str) -> int:
        return cli.main(["build", "--year", str(year), "--out", str(html_root / str(year)),
                         *common, *extra])

    assert run(2025) == 0, "the 2025 edition did not build (see the output above)"
    before_2027 = _digest_tree(html_root / "2025")
    assert run(2027, "--data", str(data_2027), "--editions", str(editions)) == 0, \
        "the 2027 edition did not build (see the output above)"
    after_2027 = _digest_tree(html_root / "2025")
    return {
        "tmp": tmp, "html": html_root, "data_2027": data_2027, "editions": editions,
        "project": project, "run": run,
        "before_2027": before_2027, "after_2027": after_2027, "repo_2025": repo_2025,
    }


# --------------------------------------------------------------------------- tests
@pytest.mark.slow
def test_the_2027_test_file_differs_as_intended(editions_build) -> None:
    import os

    from barometer.data.respondents import load_respondents

    os.environ[ENV_VAR] = str(editions_build["editions"])
    try:
        df = load_respondents(editions_build["data_2027"], year=2027)
    finally:
        os.environ.pop(ENV_VAR)
    assert len(df) == N_2027 and df["resp_id"].is_unique
    assert round(_share(df)) == 60
    assert (df["failed_attempt"] == 0).all()


@pytest.mark.slow
def test_numbers_and_direction_words_follow_the_data(editions_build) -> None:
    html = editions_build["html"]
    shipped_2021 = pd.read_csv(paths.respondent_file(2021))
    shipped_2025 = pd.read_csv(paths.respondent_file(2025))
    new_2027 = pd.read_csv(editions_build["data_2027"])
    chapter = "chapters/innovatie-in-het-openbaar-bestuur.html"
    glued = {y: _pasted(html / str(y) / chapter) for y in (2025, 2027)}
    text = {y: " ".join(g) for y, g in glued.items()}

    # The share of innovators and the number of organisations, as the data say.
    for year, frame in ((2025, shipped_2025), (2027, new_2027)):
        assert pct(_share(frame)) in glued[year], (year, glued[year][:20])
        assert num(len(frame)) in glued[year]
    assert pct(_share(new_2027)) == "60%" and "60%" not in glued[2025]
    assert num(N_2027) not in glued[2025]

    # Direction words: 2025 against 2021, 2027 against 2025 (a clear fall to 60%).
    up_2025 = direction(_share(shipped_2021), _share(shipped_2025), decimals=0)
    down_2027 = direction(_share(shipped_2025), _share(new_2027), decimals=0)
    assert down_2027 == "gedaald"
    # A glued sentence that carries the direction word together with the new share ...
    trend_2027 = [g for g in glued[2027] if down_2027 in g and pct(_share(new_2027)) in g]
    assert trend_2027, glued[2027]
    # ... and in 2025 the direction and share of 2025 against 2021, not the 2027 sentence.
    trend_2025 = [g for g in glued[2025] if up_2025 in g and pct(_share(shipped_2025)) in g]
    assert trend_2025, glued[2025]
    assert not set(trend_2027) & set(glued[2025])


@pytest.mark.slow
def test_each_edition_has_its_own_folder_and_2025_is_not_overwritten(editions_build) -> None:
    html = editions_build["html"]
    for year in (2025, 2027):
        index = (html / str(year) / "index.html").read_text(encoding="utf-8")
        assert f"Innovatie Barometer Overheid {year}" in index  # the title names the edition
        assert f"<strong>Editie {year}</strong>" in index  # and so does the banner
    assert editions_build["before_2027"], "no 2025 HTML was built"
    assert editions_build["after_2027"] == editions_build["before_2027"], \
        "building 2027 changed files of the 2025 edition"
    # The repository's own 2025 book was not touched either.
    assert _digest_tree(paths.html_dir(2025)) == editions_build["repo_2025"]
    # The repository's editions file did not get the test entry.
    assert 2027 not in yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_editions_link_to_each_other(editions_build) -> None:
    html = editions_build["html"]
    listing = (html / "index.html").read_text(encoding="utf-8")
    assert 'window.location.replace("2027/index.html")' in listing  # opens the newest
    for year in (2025, 2027):
        assert f'href="{year}/index.html"' in listing
    # 2027 was built after 2025, so its banner links to it (on every page).
    for page in ("index.html", "chapters/inleiding.html"):
        text = (html / "2027" / page).read_text(encoding="utf-8")
        assert 'data-edition-href="../2025/index.html"' in text
        assert 'data-edition-href="../index.html#edities"' in text
    assert (html / "2027" / "_static" / "barometer-editions.js").is_file()


@pytest.mark.slow
def test_the_2021_edition_builds_without_an_earlier_measurement(editions_build) -> None:
    html = editions_build["html"]
    assert build.default_comparison_years(2021) == []
    assert editions_build["run"](2021) == 0, "the 2021 edition did not build (see the output above)"
    glued = _pasted(html / "2021" / "chapters" / "innovatie-in-het-openbaar-bestuur.html")
    shipped_2021 = pd.read_csv(paths.respondent_file(2021))
    assert pct(_share(shipped_2021)) in glued
    assert not any(re.search(r"(gestegen|gedaald) van", g) for g in glued)  # nothing to compare
    page = (html / "2021" / "index.html").read_text(encoding="utf-8")
    assert 'data-edition-href="../2025/index.html"' in page
    assert 'data-edition-href="../2027/index.html"' in page
