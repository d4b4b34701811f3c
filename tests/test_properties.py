"""Property-based tests: every respondent file that passes validation gives a readable edition.

The files come from :mod:`respondent_strategies` (derived from the codebook, routing
respected, degenerate cases drawn often). For each drawn file the test

1. writes it as CSV and reads it back with :func:`barometer.data.respondents.load_respondents`
   (the strategy must produce files that pass validation);
2. builds an :class:`~barometer.book.edition.Edition` from the frame (with or without a
   comparison year) and calls every exhibit function the chapters call (found in the
   notebooks, so a new exhibit is covered without editing this file);
3. requires that no call raises, that each returns a table, a figure, a Dutch
   :class:`~barometer.presentation.exhibit.Notice` or glued texts, and that no shown or glued text holds a
   word a reader should never see (``nan``, ``None``, ``inf``, a Python exception name).

Examples are bounded and derandomized (the same files on every run); ``deadline=None``
because a file of several hundred rows takes a few seconds. Full book builds on a few such
files are in ``test_property_builds`` (marked slow).
"""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from barometer.data import paths
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.data.respondents import load_respondents

from built_book import assert_no_warnings
from respondent_strategies import FileShape, build_frame, respondent_frames

_CALL = re.compile(r"""ex\.([a-z_]+)\(ed(?:,\s*\\?"([a-z_]+)\\?")?\)""")
_IMPORT = re.compile(r"from barometer\.chapters import ([a-z_]+) as ex")
#: Words that mean a value leaked into the text unformatted (checked as whole words).
_BAD = re.compile(r"\b(nan|NaN|None|inf|-inf|NA|<NA>|Traceback|KeyError|ValueError|TypeError|"
                  r"IndexError|ZeroDivisionError|LinAlgError)\b")


def chapter_calls() -> list[tuple[str, str, tuple[str, ...]]]:
    """(chapter, module, function, args) of every exhibit call in the chapters of ``_toc.yml``."""
    out = []
    for nb in sorted((paths.ROOT / "chapters").glob("*.ipynb")):
        text = nb.read_text(encoding="utf-8")
        m = _IMPORT.search(text)
        if not m:
            continue
        calls = dict.fromkeys((f, (a,) if a else ()) for f, a in _CALL.findall(text))
        out += [(nb.stem, m.group(1), f, args) for f, args in calls]
    return out


CALLS = chapter_calls()

#: ``{glue:text}`key``` and ``{glue:text}`/chapters/x.ipynb::key:s``` in a Markdown cell.
_REF = re.compile(r"\{glue(?::[a-z]+)?\}`(?:([^`]*?)::)?([A-Za-z0-9_]+)(?::[^`]*)?`")


def referenced_keys() -> dict[str, set[str]]:
    """``{chapter: keys}``: every glue key the book's Markdown cells read that the chapter glues by
    one of the exhibit calls of :data:`CALLS` (found from the committed notebooks: the cell whose
    outputs carry the key calls such an exhibit). A key missing on a file makes the build fail
    with "No key ... found in glue data", so the exhibit-level tests check it without a build."""
    import json

    books = {nb.stem: json.loads(nb.read_text(encoding="utf-8"))
             for nb in sorted((paths.ROOT / "chapters").glob("*.ipynb"))}
    read: dict[str, set[str]] = {}
    for stem, nb in books.items():
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                for path, key in _REF.findall("".join(cell["source"])):
                    chapter = Path(path.strip("/")).stem if path else stem
                    read.setdefault(chapter, set()).add(key)
    calls = {(c, f, a) for c, _, f, a in CALLS}
    out: dict[str, set[str]] = {}
    for stem, nb in books.items():
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            made = {o.get("metadata", {}).get("scrapbook", {}).get("name") for o in cell.get("outputs", [])}
            by_exhibit = any((stem, f, (a,) if a else ()) in calls for f, a in _CALL.findall("".join(cell["source"])))
            if by_exhibit:
                out.setdefault(stem, set()).update(k for k in made if k and k in read.get(stem, set()))
    return out


REFERENCED = referenced_keys()


def _texts(result) -> list[str]:
    if isinstance(result, Notice):
        return [result.text]
    if isinstance(result, TableExhibit):
        cells = [str(v) for v in result.frame.astype(str).to_numpy().ravel()]
        return [result.caption, *result.notes, *map(str, result.frame.columns), *cells]
    if isinstance(result, FigureExhibit):
        return [result.caption, result.alt]
    if isinstance(result, pd.Series):
        return [str(v) for v in result.to_numpy()]
    if isinstance(result, dict):
        return [str(v) for v in result.values() if isinstance(v, str)]
    return []


#: scipy's warning when a moment (variance, skewness) is computed from (nearly) identical values:
#: the statistic is then 0/0 and meaningless; an exhibit must say so instead (a warning is an error).
_PRECISION_LOSS = "Precision loss occurred in moment calculation"

#: Exhibit calls that may still pass constant data to scipy, each with its reason (none left:
#: the human-capital t-test now uses barometer.analysis.models.welch_test).
KNOWN_PRECISION_LOSS: dict[tuple[str, str], str] = {}


def run_exhibits(ed: Edition, glued: dict[str, str]) -> dict[str, str]:
    """Call every chapter exhibit on ``ed``; return ``{call: kind}``; fail on a crash or a bad word."""
    import importlib

    import matplotlib.pyplot as plt

    kinds = {}
    made: dict[str, set[str]] = {}
    for chapter, module, func, args in CALLS:
        mod = importlib.import_module(f"barometer.chapters.{module}")
        label = f"{chapter}: {module}.{func}({', '.join(('ed', *args))})"
        glued.clear()
        try:
            with warnings.catch_warnings():
                # a statistic of data without variation is not computed from rounding noise (issue 11)
                warnings.filterwarnings("error", message=_PRECISION_LOSS, category=RuntimeWarning)
                if (module, func) in KNOWN_PRECISION_LOSS:
                    warnings.filterwarnings("default", message=_PRECISION_LOSS, category=RuntimeWarning)
                result = getattr(mod, func)(ed, *args)
        finally:
            plt.close("all")
        assert result is not None, f"{label} returned nothing"
        texts = _texts(result) + list(glued.values())
        for t in texts:
            bad = _BAD.search(t)
            assert not bad, f"{label} shows {bad.group(0)!r} in: {t[:300]}"
        kinds[label] = type(result).__name__
        made.setdefault(chapter, set()).update(glued)
    missing = {c: sorted(keys - made.get(c, set())) for c, keys in REFERENCED.items() if keys - made.get(c, set())}
    assert not missing, f"keys the text reads but no exhibit glued (the build would fail): {missing}"
    return kinds


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """Glue recorded in a dict (no kernel); exhibits write figures and downloads to a tmp dir."""
    import os

    from barometer.presentation import glue

    store: dict[str, str] = {}

    def fake(key, text, display=False):
        assert isinstance(text, str), f"{key} glued as {type(text).__name__}"
        store[key] = text
        return text

    old, cwd = glue._glue, os.getcwd()
    glue._glue = fake
    os.chdir(tmp_path_factory.mktemp("exhibits"))
    yield store
    glue._glue = old
    os.chdir(cwd)


@pytest.fixture(scope="module")
def shipped_2021() -> pd.DataFrame:
    return add_derived(load_respondents(paths.respondent_file(2021), year=2021))


def _edition(shape: FileShape, frame: pd.DataFrame, comparison: dict[int, pd.DataFrame]) -> Edition:
    frames = {shape.year: add_derived(frame), **{y: f for y, f in comparison.items() if y < shape.year}}
    comps = tuple(sorted(y for y in frames if y < shape.year))
    return Edition(shape.year, comps, Path(f"respondents-{shape.year}.csv"), 5, frames)


def test_the_chapters_call_exhibits() -> None:
    # guards the regular expression: if the chapters change their calling style, this fails
    chapters = {c for c, *_ in CALLS}
    assert len(CALLS) >= 60 and len(chapters) >= 12, CALLS
    # guards the glue-key regular expression: most keys the chapters' text reads come from exhibits
    assert sum(map(len, REFERENCED.values())) >= 300 and len(REFERENCED) >= 12, REFERENCED


@settings(max_examples=30, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sf=respondent_frames(max_rows=300))
def test_generated_files_pass_validation(sf, tmp_path_factory) -> None:
    shape, frame = sf
    path = tmp_path_factory.mktemp("valid") / f"respondents-{shape.year}.csv"
    frame.to_csv(path, index=False)
    back = load_respondents(path, year=shape.year)
    assert len(back) == shape.n
    assert list(back.columns) == list(frame.columns)


@settings(max_examples=8, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(sf=respondent_frames(max_rows=120), with_comparison=st.booleans())
def test_every_exhibit_renders_on_any_valid_file(sf, with_comparison, record, shipped_2021) -> None:
    shape, frame = sf
    ed = _edition(shape, frame, {2021: shipped_2021} if with_comparison else {})
    run_exhibits(ed, record)


#: Named degenerate files, run on every CI run whatever Hypothesis draws (also the largest size).
DEGENERATE = {
    "nobody innovated": FileShape(2025, 60, 1, innovated="none"),
    "everybody innovated": FileShape(2025, 60, 2, innovated="all"),
    "no national government": FileShape(2025, 80, 3, sectors="no_rijk"),
    "one national government respondent": FileShape(2025, 80, 4, sectors="one_rijk"),
    "one part of the national government": FileShape(2025, 80, 5, sectors="no_subtype"),
    "one sector only": FileShape(2025, 40, 6, sectors="one_sector"),
    "every answer weet niet": FileShape(2025, 60, 7, dont_know=True),
    "nobody answered the climate statements": FileShape(2025, 60, 8, empty_question="climate"),
    "nobody answered the effects": FileShape(2025, 60, 9, empty_question="effect"),
    "climate scale without variance": FileShape(2025, 60, 10, constant_scale="climate"),
    "nobody failed": FileShape(2025, 60, 11, failed="none"),
    "one respondent": FileShape(2025, 1, 12),
    "one respondent in 2021": FileShape(2021, 1, 13),
    "2021 only, nobody innovated": FileShape(2021, 30, 14, innovated="none"),
    "20,000 rows": FileShape(2025, 20_000, 15),
    # combinations Hypothesis found (kept as regression cases)
    "weet niet, no effects, constant climate, no subtype": FileShape(
        2025, 59, 9674241, sectors="no_subtype", dont_know=True, empty_question="effect",
        constant_scale="climate", failed="none"),
    "one respondent in 2021, no climate answers": FileShape(
        2021, 1, 9674241, sectors="no_subtype", dont_know=True, empty_question="climate",
        constant_scale="climate", failed="none"),
    "one respondent, weet niet, constant climate": FileShape(
        2025, 1, 9674241, sectors="no_subtype", dont_know=True, constant_scale="climate", failed="none"),
}


#: Cases run as an edition without an earlier measurement (one year only); the others compare with 2021.
WITHOUT_COMPARISON = {"weet niet, no effects, constant climate, no subtype", "one respondent in 2021, no climate answers",
                      "one respondent, weet niet, constant climate", "one sector only"}


@pytest.mark.parametrize("case", list(DEGENERATE))
def test_degenerate_file(case, record, shipped_2021, tmp_path) -> None:
    shape = DEGENERATE[case]
    frame = build_frame(shape)
    path = tmp_path / f"respondents-{shape.year}.csv"
    frame.to_csv(path, index=False)
    frame = load_respondents(path, year=shape.year)
    comparison = {} if case in WITHOUT_COMPARISON else {2021: shipped_2021}
    kinds = run_exhibits(_edition(shape, frame, comparison), record)
    (tmp_path / "kinds.json").write_text(json.dumps(kinds, indent=1), encoding="utf-8")


#: Pages left out of the scan for unformatted words: the package reference is generated by autodoc
#: from the code's signatures, where ``None`` is Python (``path=None``), not a value of the data.
_CODE_PAGES = {"naslag-van-het-pakket.html"}

#: Degenerate files the whole book is built from (slow: one full build each).
BUILDS = ("nobody innovated", "one national government respondent")


@pytest.mark.slow
@pytest.mark.parametrize("case", BUILDS)
def test_property_builds(case, tmp_path) -> None:
    from barometer.book import cli

    shape = DEGENERATE[case]
    data = tmp_path / f"respondents-{shape.year}-gegenereerd.csv"
    build_frame(shape).to_csv(data, index=False)
    paths.sidecar(data).write_text("synthetic: true\ngenerator: tests/respondent_strategies.py\n", encoding="utf-8")
    out = tmp_path / "html" / str(shape.year)
    assert cli.main(["build", "--year", str(shape.year), "--data", str(data), "--out", str(out),
                     "--cache-dir", str(tmp_path / "cache"), "--jobs", "2"]) == 0, f"{case}: the book did not build"
    assert_no_warnings(paths.BUILD / "stage" / str(shape.year))  # rendered with warnings as errors (issue 11)
    for page in out.rglob("*.html"):
        if page.name in _CODE_PAGES:
            continue
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        bad = re.search(r"\b(nan|NaN|None|Traceback)\b", text)
        assert not bad, f"{case}: {page.name} shows {bad.group(0)!r}"


def test_statistics_of_data_without_variation_are_not_computed_from_rounding_noise() -> None:
    """Issue 11: a file in which everybody gives the same answer made scipy warn of precision loss
    (skewness of a constant climate score; a t-test of a constant human-capital score). The
    analysis layer says "no variation" instead, or tests what is defined; warnings are errors here."""
    import numpy as np

    from barometer.analysis import models

    constant = pd.DataFrame({"year": 2025, "climate_scale": np.full(40, 3.5)})
    varied = np.random.default_rng(3).normal(3.2, 0.6, 50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(models.ModelError, match="no variation"):
            models.distribution_shape(constant, "climate_scale")
        # one group without variance: Welch's test is defined (the other group's variance carries it)
        res = models.welch_test(constant["climate_scale"], varied)
        with pytest.raises(models.ModelError, match="no variation"):
            models.welch_test(constant["climate_scale"], np.full(10, 4.0))
    from scipy import stats

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy's answer, for comparison only
        ref = stats.ttest_ind(varied, constant["climate_scale"], equal_var=False)
    assert res["p"] == pytest.approx(ref.pvalue, rel=1e-9) and res["t"] == pytest.approx(ref.statistic, rel=1e-9)
    assert (res["n1"], res["n2"], res["mean1"]) == (40, 50, 3.5)
