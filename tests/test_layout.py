"""Every page of the built book reads on a phone (390 px) and on a desktop screen (1400 px).

The check is ``tests/a11y/layout.mjs`` (node, playwright-core driving /usr/bin/chromium), run
over every HTML page of a built 2025 edition at both widths, in light and in dark mode. It
reports a page wider than the screen, a table or figure that runs past the text column (on
a phone a table may scroll inside its own container), and text in an SVG figure drawn
smaller than the house minimum :data:`barometer.presentation.figures.MIN_FONT_PX`. Without chromium, node
or the node packages this test fails and says what to install (it is never skipped).

The legend tests draw the house charts with values that reach the top of the axis (the
situation of the national-government figure, whose legend covered the last bar's label)
and check that no legend overlaps a bar or a value label.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from barometer.presentation import figures  # noqa: E402
from built_book import built_book  # noqa: E402
from test_accessibility import A11Y, _require_tools  # noqa: E402

WIDTHS = (390, 1400)


def run_layout(html: Path, *extra: str) -> dict:
    """Run the layout check over a built HTML folder; return its JSON report."""
    node = _require_tools()
    proc = subprocess.run(
        [node, str(A11Y / "layout.mjs"), str(html), "--min-font", str(figures.MIN_FONT_PX),
         "--widths", ",".join(map(str, WIDTHS)), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=900)
    if proc.returncode != 0:
        pytest.fail(f"tests/a11y/layout.mjs failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def _describe(problems: list[dict]) -> str:
    return "\n".join(
        f"{p['page']} [{p['width']} px, {p['scheme']}] {p['kind']}: {p.get('what')} "
        + ", ".join(f"{k}={p[k]}" for k in ("over", "px", "text", "drawnWidth", "src") if k in p)
        for p in problems)


@pytest.mark.slow
def test_every_page_fits_phone_and_desktop_in_light_and_dark_mode() -> None:
    book = built_book()
    report = run_layout(book.html)
    pages = sorted(p.relative_to(book.html).as_posix() for p in book.html.rglob("*.html")
                   if not {"_static", "_sources", "_images", "_downloads"} & set(p.relative_to(book.html).parts))
    assert report["pages"] == pages, "the check did not open every built page"
    assert set(report["schemes"]) == {"light", "dark"} and tuple(report["widths"]) == WIDTHS
    # The book has tables and SVG figures; the check must have measured them.
    assert report["checked"]["tables"] >= 50 and report["checked"]["figureTexts"] >= 500
    assert report["problems"] == [], f"{len(report['problems'])} layout problem(s):\n" + _describe(report["problems"])


@pytest.mark.slow
def test_the_check_finds_overflow_and_small_figure_text(tmp_path: Path) -> None:
    """The check can fail: a wide table, a wide heading and a tiny-text figure are reported."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="800pt" height="100pt" viewBox="0 0 800 100">'
           '<g id="text_1"><!-- klein --><g transform="translate(10 50) scale(0.08 -0.08)"></g></g></svg>')
    (tmp_path / "f.svg").write_text(svg, encoding="utf-8")
    cells = "".join(f"<td>Kolomtekst{i}zonderspaties</td>" for i in range(40))
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><title>Proef</title></head><body>'
        '<article class="bd-article"><h1>Onafgebrokenwoordzonderenigeruimteomtebrekenoptelefoons</h1>'
        f"<table><caption>Breed</caption><tr>{cells}</tr></table>"
        '<figure><img src="f.svg" alt="x" style="width:100%"><figcaption>Figuur</figcaption></figure>'
        "</article></body></html>", encoding="utf-8")
    report = run_layout(tmp_path, "--scheme", "light")
    kinds = {(p["kind"], p["width"]) for p in report["problems"]}
    assert {("page-wider", 390), ("table-overflow", 1400), ("figure-text", 390)} <= kinds


# ----------------------------------------------------------------------------- legends
def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _legend_clear(fig) -> None:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    assert fig.legends, "the chart has no legend"
    for ax, legend in ((ax, legend) for ax in fig.axes for legend in fig.legends):
        box = legend.get_window_extent(renderer)
        for patch in ax.patches:
            if patch.get_height() and patch.get_width():
                assert not _overlaps(box, patch.get_window_extent(renderer)), "legend covers a bar"
        for text in ax.texts:
            if text.get_text():
                assert not _overlaps(box, text.get_window_extent(renderer)), \
                    f"legend covers the value label {text.get_text()!r}"


def _groups() -> pd.DataFrame:
    # The national-government figure: three groups, two years, the last bar the highest.
    return pd.DataFrame({"onderdeel": ["Kerndepartement", "Diensten en agentschappen", "Zbo"] * 2,
                         "year": [2021] * 3 + [2025] * 3, "pct": [89.0, 82.0, 85.0, 56.0, 92.0, 99.0]})


def test_grouped_bars_legend_covers_no_bar_or_label() -> None:
    fig = figures.grouped_bars(_groups(), x="onderdeel", hue="year", legend_title="Meetjaar")
    _legend_clear(fig)


def test_bar_shares_legend_covers_no_bar_or_label() -> None:
    fig = figures.bar_shares(_groups(), y="onderdeel", hue="year", legend_title="Meetjaar")
    _legend_clear(fig)


def test_stacked_bars_legend_covers_no_bar_or_label() -> None:
    d = pd.DataFrame({"label": ["Stelling A", "Stelling B"] * 2, "code_label": ["Eens"] * 2 + ["Oneens"] * 2,
                      "pct": [70.0, 40.0, 30.0, 60.0]})
    _legend_clear(figures.stacked_bars(d))


@pytest.mark.parametrize("case", ["long legend", "long axis title"])
def test_long_names_keep_the_figure_at_house_width(tmp_path, case) -> None:
    import re

    d = pd.DataFrame({"label": ["Procesinnovatie", "Productinnovatie"] * 3,
                      "reeks": [f"Reeks met een lange naam nummer {i}" for i in (1, 1, 2, 2, 3, 3)],
                      "pct": [40.0, 30.0, 35.0, 25.0, 20.0, 10.0]})
    if case == "long legend":
        fig = figures.bar_shares(d, y="label", hue="reeks")
    else:
        fig = figures.bar_shares(d.head(2), y="label", hue=None,
                                 xlabel="Aandeel van de organisaties met een mislukte innovatiepoging")
    fig.savefig(tmp_path / "f.svg", bbox_inches="tight")
    width_pt = float(re.search(r'width="([\d.]+)pt"', (tmp_path / "f.svg").read_text()).group(1))
    pad = matplotlib.rcParams["savefig.pad_inches"]
    assert width_pt <= (figures.FIGURE_WIDTH + 2 * pad) * 72 + 1


def test_histogram_legend_covers_no_bar() -> None:
    hist = pd.DataFrame({"bin_mid": [1.5, 2.5, 3.5, 4.5], "pct": [5.0, 20.0, 60.0, 15.0], "width": 1.0})
    _legend_clear(figures.histogram(hist, mean=4.4))


def test_house_minimum_holds_for_a_figure_of_house_width_on_a_phone() -> None:
    """Text of MIN_FONT_PT in a FIGURE_WIDTH figure scaled to the phone column is >= MIN_FONT_PX."""
    scale = figures.PHONE_COLUMN_PX / (figures.FIGURE_WIDTH * 96)
    assert figures.MIN_FONT_PT * 96 / 72 * scale >= figures.MIN_FONT_PX
