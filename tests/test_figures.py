"""Unit tests of barometer.figures: house style, Dutch ticks, charts and alt text."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from barometer import figures as fg


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
