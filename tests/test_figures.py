"""Unit tests of barometer.presentation.figures: house style, Dutch ticks, charts and alt text."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from barometer.presentation import figures as fg


@pytest.fixture
def shares():
    return pd.DataFrame(
        {
            "year": [2021, 2021, 2025, 2025],
            "label": ["Professionele netwerken", "Weet niet", "Professionele netwerken", "Weet niet"],
            "pct": [74.0, 3.2, 66.3, 1.8],
        }
    )


def _ticklabels(ax, axis="x"):
    ax.figure.canvas.draw()
    ticks = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in ticks if t.get_text()]


def test_palette_is_okabe_ito_and_years_ordered():
    assert fg.PALETTE[0] == "#0072B2"
    cmap = fg.colors_for([2021, 2025])
    assert cmap[2025] == "#0072B2" and cmap[2021] == "#E69F00"


def test_bar_shares_dutch_percent_ticks_no_title(shares):
    fig = fg.bar_shares(shares, hue="year")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() == ""
    labels = _ticklabels(ax)
    assert all(lab.endswith("%") for lab in labels)
    texts = [t.get_text() for t in ax.texts]
    assert "66%" in texts and "2%" in texts  # value labels rounded half up, Dutch
    legend = [t.get_text() for t in fig.legends[0].get_texts()]  # a figure legend, above the plot
    assert legend == ["2021", "2025"]
    plt.close(fig)


def test_histogram_decimal_comma():
    hist = pd.DataFrame({"bin_mid": [2.5, 3.5, 4.5], "pct": [20.0, 60.0, 20.0], "width": [1.0, 1.0, 1.0]})
    fig = fg.histogram(hist, mean=3.29)
    ax = fig.axes[0]
    xt = _ticklabels(ax, "x")
    assert any("," in t for t in xt) and not any("." in t for t in xt)
    assert fig.legends[0].get_texts()[0].get_text() == "Gemiddelde 3,29"
    plt.close(fig)


def test_stacked_bars_sum_to_100():
    d = pd.DataFrame({
        "label": ["A"] * 3 + ["B"] * 3,
        "code_label": ["Oneens", "Neutraal", "Eens"] * 2,
        "pct": [20.0, 30.0, 50.0, 10.0, 10.0, 80.0],
    })
    fig = fg.stacked_bars(d)
    ax = fig.axes[0]
    widths = {}
    for p in ax.patches:
        widths.setdefault(round(p.get_y(), 3), 0.0)
        widths[round(p.get_y(), 3)] += p.get_width()
    assert all(w == pytest.approx(100) for w in widths.values())
    plt.close(fig)


def test_grouped_bars_returns_figure():
    d = pd.DataFrame({"size": ["Klein", "Groot"] * 2, "year": [2021, 2021, 2025, 2025],
                      "pct": [80.0, 95.0, 70.0, 90.0]})
    fig = fg.grouped_bars(d, x="size")
    assert len(fig.axes[0].patches) >= 4
    plt.close(fig)


def test_alt_text_states_highest_and_lowest(shares):
    text = fg.alt_text(shares, "kanalen", group="year")
    assert "In 2025: het hoogst is Professionele netwerken (66%), het laagst Weet niet (2%)." in text
    assert "In 2021" in text
    assert fg.alt_text(shares.iloc[:0], "kanalen").endswith("geen gegevens.")


def _whiskers(ax):
    """Line segments of the interval whiskers drawn on ``ax`` (errorbar line collections)."""
    from matplotlib.collections import LineCollection

    return [seg for coll in ax.collections if isinstance(coll, LineCollection) for seg in coll.get_segments()]


def test_bar_shares_whiskers_span_the_interval_and_skip_suppressed_bars():
    d = pd.DataFrame({
        "year": [2021, 2021, 2025, 2025],
        "label": ["A", "B", "A", "B"],
        "pct": [74.0, float("nan"), 66.3, 40.0],  # 2021/B suppressed: no bar, no whisker
        "lo": [65.0, 1.0, 58.0, 31.0],
        "hi": [81.0, 9.0, 73.5, 49.5],
    })
    fig = fg.bar_shares(d, hue="year", interval=("lo", "hi"))
    ax = fig.axes[0]
    segs = _whiskers(ax)
    spans = sorted((round(float(s[0][0]), 1), round(float(s[1][0]), 1)) for s in segs)
    assert spans == [(31.0, 49.5), (58.0, 73.5), (65.0, 81.0)]
    # the whisker sits on its own bar: same vertical centre
    centres = {round(p.get_y() + p.get_height() / 2, 2): p.get_width() for p in ax.patches if p.get_width() > 0}
    for s in segs:
        assert round(float(s[0][1]), 2) in centres
    # thin, dark grey; the value label starts beyond the upper bound
    colls = [c for c in ax.collections if len(c.get_segments())]
    assert all(c.get_linewidth()[0] <= 1.0 for c in colls)
    labels = {t.get_text(): t for t in ax.texts}
    assert set(labels) == {"74%", "66%", "40%"}
    assert labels["74%"].xy[0] == pytest.approx(81.0)
    assert all(t.get_fontsize() >= fg.MIN_FONT_PT for t in ax.texts)
    plt.close(fig)


def test_bar_without_bound_gets_no_whisker_but_its_label():
    d = pd.DataFrame({"reeks": ["Nederland", "Denemarken"], "label": ["A", "A"], "pct": [50.0, 60.0],
                      "lo": [40.0, float("nan")], "hi": [60.0, float("nan")]})
    fig = fg.bar_shares(d, hue="reeks", interval=("lo", "hi"))
    ax = fig.axes[0]
    assert len(_whiskers(ax)) == 1
    assert sorted(t.get_text() for t in ax.texts) == ["50%", "60%"]
    plt.close(fig)


def test_grouped_bars_whiskers_vertical():
    d = pd.DataFrame({"size": ["Klein", "Groot"] * 2, "year": [2021, 2021, 2025, 2025],
                      "pct": [80.0, 95.0, 70.0, 90.0], "lo": [70.0, 88.0, 61.0, 83.0],
                      "hi": [87.0, 98.0, 78.0, 94.0]})
    fig = fg.grouped_bars(d, x="size", interval=("lo", "hi"))
    ax = fig.axes[0]
    spans = sorted((round(float(s[0][1]), 1), round(float(s[1][1]), 1)) for s in _whiskers(ax))
    assert spans == [(61.0, 78.0), (70.0, 87.0), (83.0, 94.0), (88.0, 98.0)]
    assert ax.get_ylim()[1] >= 98.0
    plt.close(fig)


@pytest.mark.parametrize("kind", ["bar_shares", "grouped_bars"])
def test_whiskers_near_100_keep_the_figure_at_house_width_and_the_legend_clear(tmp_path, kind):
    import re

    import matplotlib as mpl

    d = pd.DataFrame({"label": ["Kerndepartement", "Diensten en agentschappen", "Zbo"] * 2,
                      "year": [2021] * 3 + [2025] * 3, "pct": [89.0, 82.0, 97.0, 56.0, 92.0, 100.0],
                      "lo": [78.0, 70.0, 91.0, 42.0, 80.0, 96.5], "hi": [95.0, 90.0, 99.5, 70.0, 97.0, 100.0]})
    if kind == "bar_shares":
        fig = fg.bar_shares(d, hue="year", interval=("lo", "hi"), legend_title="Meetjaar")
    else:
        fig = fg.grouped_bars(d, x="label", hue="year", interval=("lo", "hi"), legend_title="Meetjaar")
    fig.savefig(tmp_path / "f.svg", bbox_inches="tight")
    width_pt = float(re.search(r'width="([\d.]+)pt"', (tmp_path / "f.svg").read_text()).group(1))
    assert width_pt <= (fg.FIGURE_WIDTH + 2 * mpl.rcParams["savefig.pad_inches"]) * 72 + 1
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    box = fig.legends[0].get_window_extent(renderer)
    for t in ax.texts:
        assert not box.overlaps(t.get_window_extent(renderer)), t.get_text()
        assert t.get_fontsize() >= fg.MIN_FONT_PT
    plt.close(fig)
