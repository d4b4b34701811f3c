"""Every percentage, mean and difference in the downloads of chapters 2.1–2.7 and the
appendices (tables B1, figures B2) has interval columns beside it (issue 12).

The exhibits are built as the chapters call them (the calls are read from the chapter
notebooks, so a new exhibit is checked without a change here) on the shipped 2025 edition;
the test reads the CSV downloads they write, by their Dutch headers
(:mod:`barometer.presentation.vocabulary`).

Rule: a value column whose header names a percentage (``Percentage …``), a mean
(``Gemiddelde …``) or a difference (``Verschil …``) needs an ``Ondergrens (95%-…)`` and a
``Bovengrens (95%-…)`` column with the same suffix (``Percentage 2021`` → ``Ondergrens
(95%-betrouwbaarheidsinterval) 2021``). When a download has a single estimate (one
suffix), the unsuffixed bounds belong to it. ``Percentage in de figuur`` is the
percentage as drawn (a copy of ``Percentage``, blank where suppressed): it takes the
interval of ``Percentage``.

Downloads written *as printed* (sidecar ``zoals_gedrukt``: an exhibit of the printed report
where the whole disclosure rule would hide more than the print did) carry only the printed
rounding, by the disclosure policy (:func:`barometer.presentation.exhibit.download_frame`); their
interval columns are rounded as printed too (``Ondergrens (95%-…) (afgerond)``) and are checked
like every other. Where a bound would add to the print what gives a hidden group away (a
total whose printed percentage leaves several counts possible, any mean, in a block with one
unknown group) the policy blanks its cells, not its columns
(:mod:`barometer.presentation.printed_bounds`; the cells are tested in ``test_exhibits_bijlagen.py``
and ``test_exhibits_bijlage_figuren.py``).
"""
from __future__ import annotations

import csv
import json
import re

import matplotlib

matplotlib.use("Agg")

import pytest

from barometer.book.edition import Edition
from barometer.data.paths import CHAPTERS

#: The chapters checked (2.1-2.7 and the appendices); each notebook imports its exhibit module,
#: named after the chapter's slug (``barometer.chapters.<slug with _>``), as ``ex``.
CHAPTERS_CHECKED = (
    "innovatie-in-het-openbaar-bestuur", "innovatiepraktijken", "bevorderende-en-belemmerende-factoren",
    "innovatieklimaat", "doelen-en-effecten", "faalfactoren", "kennis-delen", "bijlage-tabellen",
    "bijlage-figuren",
)
#: Headers that are not estimates from the sample, with the reason.
NOT_ESTIMATES = {
    # Tabel B1-1 describes the fieldwork itself: respondents over invited organisations, and
    # each sector's part of the respondents. Both are counts of the whole response, not
    # estimates of a population share, so there is no sampling error to show.
    "Respons (%)", "Aandeel (%)",
}
_LOWER = "Ondergrens (95%-betrouwbaarheidsinterval)"
_UPPER = "Bovengrens (95%-betrouwbaarheidsinterval)"
_ESTIMATE = re.compile(r"^(Percentage in de figuur|Percentage|Gemiddelde|Verschil)\b(.*)$")
_REPR = re.compile(r"\s*\((volle precisie|afgerond|procentpunten)\)")


def _calls(notebook: str) -> list[str]:
    nb = json.loads((CHAPTERS / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    src = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    return sorted(set(re.findall(r"\bex\.\w+\(ed(?:,[^()]*)?\)", src)))


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    """Dutch headers of every CSV download the checked chapters write: {file name: headers}."""
    import importlib

    from barometer.presentation import glue

    mp = pytest.MonkeyPatch()
    mp.setattr(glue, "_glue", lambda key, text, display=False: text)
    mp.chdir(tmp_path_factory.mktemp("downloads"))
    try:
        ed = Edition.open(2025, [2021], None, 5)
        for notebook in CHAPTERS_CHECKED:
            ex = importlib.import_module(f"barometer.chapters.{notebook.replace('-', '_')}")
            calls = _calls(notebook)
            assert calls, f"{notebook}: no exhibit calls found"
            for call in calls:
                eval(call, {"ex": ex, "ed": ed})  # noqa: S307 - the chapter's own call
        from pathlib import Path

        out = {}
        for path in sorted(Path("_downloads").glob("*.csv")):
            with path.open(encoding="utf-8") as fh:
                headers = next(csv.reader(fh))
            sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            out[path.name] = (headers, bool(sidecar.get("zoals_gedrukt")))
        return out
    finally:
        mp.undo()


def missing_intervals(headers: list[str]) -> list[str]:
    """The estimate headers of one download that have no lower and upper bound beside them."""
    suffixes: dict[str, list[str]] = {}
    for h in headers:
        if h in NOT_ESTIMATES:
            continue
        m = _ESTIMATE.match(h)
        if not m:
            continue
        kind, rest = m.groups()
        rest = _REPR.sub("", rest).strip()
        if kind == "Verschil" and rest == "":
            rest = "verschil" if any(_ESTIMATE.match(o) and not o.startswith("Verschil") and
                                     _REPR.sub("", _ESTIMATE.match(o).group(2)).strip() == ""
                                     for o in headers if o not in NOT_ESTIMATES) else ""
        suffixes.setdefault(rest, []).append(h)
    single = len(suffixes) == 1
    present = {_REPR.sub("", h) for h in headers}  # a bound rounded as printed: "… (afgerond)"
    bad = []
    for suffix, cols in suffixes.items():
        want = [f"{b} {suffix}".strip() for b in (_LOWER, _UPPER)]
        ok = all(w in present for w in want) or (single and _LOWER in present and _UPPER in present)
        if not ok:
            bad.extend(cols)
    return bad


def test_rule_finds_a_percentage_without_interval():
    assert missing_intervals(["Jaar", "Percentage (afgerond)", "Basis (n)"]) == ["Percentage (afgerond)"]
    assert missing_intervals(["Percentage (afgerond)", _LOWER, _UPPER]) == []
    # wide: one interval for three estimates is not enough
    wide = ["Percentage 2021", "Percentage 2025", "Verschil (procentpunten)", _LOWER, _UPPER]
    assert missing_intervals(wide) == ["Percentage 2021", "Percentage 2025"]
    wide += [f"{_LOWER} 2021", f"{_UPPER} 2021", f"{_LOWER} 2025", f"{_UPPER} 2025"]
    assert missing_intervals(wide) == []
    # a percentage and a difference side by side, unsuffixed: the difference needs its own
    assert missing_intervals(["Percentage", "Verschil", _LOWER, _UPPER]) == ["Verschil"]
    assert missing_intervals(["Respons (%)", "Gemiddelde (afgerond)"]) == ["Gemiddelde (afgerond)"]
    # as printed: the bounds rounded as printed count as bounds
    printed = ["Percentage (afgerond)", f"{_LOWER} (afgerond)", f"{_UPPER} (afgerond)"]
    assert missing_intervals(printed) == []
    assert missing_intervals(printed[:2]) == ["Percentage (afgerond)"]


def test_every_estimate_in_the_downloads_has_interval_columns(downloads):
    assert len(downloads) >= 40, sorted(downloads)  # the chapters' exhibits were all built
    problems = {name: cols for name, (headers, _printed) in downloads.items()
                if (cols := missing_intervals(headers))}
    assert not problems, "Downloads met een percentage, gemiddelde of verschil zonder intervalkolommen: " + \
        "; ".join(f"{n}: {', '.join(c)}" for n, c in sorted(problems.items()))


def test_downloads_as_printed_are_the_exception_not_the_rule(downloads):
    printed = sorted(name for name, (_headers, as_printed) in downloads.items() if as_printed)
    # the printed-rounding route is for the few report exhibits with a group hidden beyond the print
    assert len(printed) <= 6, printed
    for name in printed:
        headers = downloads[name][0]
        assert not any(h.endswith("(volle precisie)") for h in headers), name
