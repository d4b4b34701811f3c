"""House style and chart functions: one look for every figure of the book.

The style is set once (:func:`set_style`): seaborn's white grid, the Okabe–Ito palette
(readable for colour-blind readers), readable font sizes, Dutch tick labels with a decimal
comma and ``%`` from :mod:`barometer.presentation.formatting`, and no title drawn inside the plot (the
caption says what the figure shows).

Legibility on every screen: no text in a figure is smaller than :data:`MIN_FONT_PT`, and
figures are :data:`FIGURE_WIDTH` inches wide, so that a phone that scales a figure down to
its text column (:data:`PHONE_COLUMN_PX` CSS pixels at a 390-px screen) still draws its
smallest text at :data:`MIN_FONT_PX` CSS pixels or more; ``tests/test_layout.py`` checks
every figure of the built book against that minimum. Legends sit outside the plotting
area (above it, or below stacked bars), so they never cover bars or value labels. Each chart function takes a tidy full-precision frame
(e.g. from :func:`barometer.analysis.statistics.frequencies`) and returns a matplotlib ``Figure``;
:func:`alt_text` states the main message of the data in Dutch.

Uncertainty: :func:`bar_shares` and :func:`grouped_bars` take ``interval=(lower, upper)``,
two columns of the data with the bounds of each bar, and draw them as thin dark-grey
whiskers with small caps (:data:`WHISKER`; readable on every palette colour and in
greyscale), the value label beyond the upper bound. A bar that is not drawn (a suppressed
cell) has no whisker, nor has a bar without bounds (a series without microdata). The
figure's note says once what the whiskers are (:data:`barometer.presentation.phrasing.INTERVAL_METHOD`).
100%-stacked bars get no whiskers; their intervals are in the download.

This module does not select a matplotlib backend (that would break glued figures in a
notebook); the caller or the test suite does.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from barometer.data.lazy import lazy_module
from barometer.presentation.formatting import dec, is_missing, pct

if TYPE_CHECKING:  # what the lazy stand-ins below are
    import matplotlib.pyplot as plt
    import seaborn as sns
    from matplotlib.figure import Figure
else:
    # pyplot and seaborn (which imports scipy.stats) are loaded on the first drawing, not when a
    # chapter imports its exhibits (issue 14: a kernel that draws no figure does not pay for them)
    plt = lazy_module("matplotlib.pyplot")
    sns = lazy_module("seaborn")

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "MIN_FONT_PT",
    "MIN_FONT_PX",
    "PHONE_COLUMN_PX",
    "FIGURE_WIDTH",
    "VALUE_FONT",
    "set_style",
    "colors_for",
    "percent_axis",
    "decimal_axis",
    "bar_shares",
    "grouped_bars",
    "histogram",
    "stacked_bars",
    "legend_above",
    "WHISKER",
    "alt_text",
]

#: The Okabe–Ito palette (Okabe & Ito 2008), without black, in seaborn's order of use.
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#999999",
}
#: The palette of the book.
PALETTE: list[str] = list(OKABE_ITO.values())

#: Smallest text size (points) drawn in any figure: tick labels, value labels, legends.
MIN_FONT_PT: float = 10.0
#: The house minimum of figure text as a reader sees it: CSS pixels on the page, on a phone.
MIN_FONT_PX: float = 9.0
#: Width of the text column of the book on a 390-px phone (CSS pixels; the theme's padding
#: taken off), the narrowest column a figure is scaled down to.
PHONE_COLUMN_PX: float = 342.0
#: Width of a figure (inches). A figure drawn at this width and scaled to the phone column
#: keeps text of MIN_FONT_PT at MIN_FONT_PX or more: 72 pt/in, and a CSS pixel is 0.75 pt.
FIGURE_WIDTH: float = 5.0
#: Size of value labels on bars (points).
VALUE_FONT: float = MIN_FONT_PT

#: Look of interval whiskers: thin and dark grey (readable on every palette colour and in
#: greyscale), with small caps. Drawn only where a bar is drawn (a suppressed cell has neither).
WHISKER: dict[str, Any] = {"ecolor": "#333333", "elinewidth": 1.0, "capsize": 2.5, "capthick": 1.0}

_FONT = {
    "font.size": 11,
    "axes.labelsize": 11,
    "xtick.labelsize": MIN_FONT_PT,
    "ytick.labelsize": MIN_FONT_PT,
    "legend.fontsize": MIN_FONT_PT,
    "legend.title_fontsize": MIN_FONT_PT,
    "axes.titlesize": 11,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.05,
    "axes.spines.right": False,
    "axes.spines.top": False,
}
_WRAP = 30  # characters per line of a category label (fits FIGURE_WIDTH)
_AXIS_WRAP = 34  # characters per line of an axis title: never wider than the plotting area


def set_style() -> None:
    """Set the house style (seaborn theme, palette, fonts). Idempotent; call once per chapter."""
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE, rc=_FONT)


def colors_for(keys: Sequence[Any]) -> dict[Any, str]:
    """Map the levels of a hue variable to palette colours in a stable order.

    Years get the most recent year in blue and earlier years in orange, green, ...;
    other levels take the palette in the given order.
    """
    keys = list(dict.fromkeys(keys))
    if keys and all(isinstance(k, (int, np.integer)) and 1900 < int(k) < 2200 for k in keys):
        ordered = sorted(keys, reverse=True)
        return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(ordered)}
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}


#: Tick steps (times a power of ten) that give round tick values: no 2,5 steps, whose
#: labels would be rounded to a different number (``2,5%`` shown as ``3%``).
_ROUND_STEPS = [1, 2, 5, 10]


def _tick_decimals(v: float, max_decimals: int = 2) -> int:
    """Fewest decimals (up to ``max_decimals``) that show tick value ``v`` exactly."""
    for d in range(max_decimals + 1):
        if abs(round(v, d) - v) < 1e-9:
            return d
    return max_decimals


def percent_axis(axis) -> None:
    """Format a matplotlib axis (``ax.xaxis``/``ax.yaxis``) as Dutch percentages.

    Ticks fall on round steps (1, 2 or 5 times a power of ten, whole percentages when the
    range allows), and a tick label shows as many decimals as its value needs, so a label
    never shows a rounded value (``2,5%`` rather than ``3%``).
    """
    axis.set_major_locator(MaxNLocator(nbins="auto", steps=_ROUND_STEPS, min_n_ticks=3))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: pct(v, _tick_decimals(v))))


def decimal_axis(axis, decimals: int = 1, locate: bool = False) -> None:
    """Format an axis with Dutch decimals (``3,5``).

    With ``locate`` the ticks are also placed on round steps (1, 2 or 5 times a power of
    ten), so that every tick value is shown exactly with ``decimals`` decimals.
    """
    if locate:
        axis.set_major_locator(MaxNLocator(nbins="auto", steps=_ROUND_STEPS, min_n_ticks=3))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: dec(v, decimals)))


def _wrap(label: Any, width: int = _WRAP) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _new_figure(n_rows: int, width: float = FIGURE_WIDTH, per_row: float = 0.42, min_h: float = 2.5) -> tuple[Figure, Any]:
    set_style()
    fig, ax = plt.subplots(figsize=(width, max(min_h, per_row * n_rows + 1.0)), layout="constrained")
    return fig, ax


def legend_above(ax, title: str | None = None, where: str = "upper left") -> None:
    """Put the legend of ``ax`` outside the plotting area, as many entries in a row as fit.

    The legend becomes a figure legend at ``"outside <where>"`` (above the plot by default;
    ``"lower center"`` below it), which the constrained layout keeps inside the figure:
    outside the axes it cannot cover a bar or a value label (inside, matplotlib's
    ``loc="best"`` avoids the bars but not their labels), and the number of columns is
    reduced until the legend is no wider than the figure, so a long series name never
    widens a figure beyond :data:`FIGURE_WIDTH`.
    """
    handles, labels = ax.get_legend_handles_labels()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    if not handles:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    for ncols in range(len(labels), 0, -1):
        legend = fig.legend(handles, labels, title=title, loc=f"outside {where}", ncols=ncols,
                            frameon=False, alignment="left")
        if ncols == 1 or legend.get_window_extent(renderer).width <= fig.bbox.width * 0.98:
            return
        legend.remove()


def _hue_labels(data: pd.DataFrame, hue: str | None, hue_labels: Mapping | None) -> pd.Series | None:
    if hue is None:
        return None
    s = data[hue]
    if hue_labels:
        return s.map(lambda v: hue_labels.get(v, v))
    return s.astype(str)


def _drawn_bars(ax, cats: Sequence[str], h_order: Sequence[str] | None, palette: Mapping | None,
                horizontal: bool):
    """Yield ``(patch, category, hue label)`` for every bar seaborn drew on ``ax``.

    Seaborn leaves out bars of missing values (suppressed cells) and of absent
    combinations, so a bar's category comes from its position (categories sit at 0, 1, …)
    and its hue level from its colour (one palette colour per level).
    """
    from matplotlib.colors import to_hex
    from matplotlib.container import BarContainer

    by_colour = {to_hex(c): h for h, c in (palette or {}).items()}
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    for container in bars:
        for patch in list(container):
            centre = patch.get_y() + patch.get_height() / 2 if horizontal else patch.get_x() + patch.get_width() / 2
            i = int(round(centre))
            if not 0 <= i < len(cats):
                continue
            hue = by_colour.get(to_hex(patch.get_facecolor())) if h_order else None
            yield patch, cats[i], hue


def _interval_marks(ax, d: pd.DataFrame, cat: str, value: str, interval: tuple[str, str] | None,
                    cats: Sequence[str], h_order: Sequence[str] | None, palette: Mapping | None,
                    horizontal: bool, fmt, rotation: float = 0, value_labels: bool = True) -> float:
    """Whiskers (``interval``: lower and upper column of ``d``) and value labels on drawn bars.

    The value label sits beyond the upper whisker, so that whisker and label never overlap.
    A bar with a missing bound gets no whisker. Returns the largest extent drawn (bar end or
    upper bound), for the axis limit.
    """
    lookup = {}
    for _, r in d.iterrows():
        lookup[(r[cat], r["_hue"] if h_order else None)] = r
    top = 0.0
    for patch, c, h in list(_drawn_bars(ax, cats, h_order, palette, horizontal)):
        row = lookup.get((c, h))
        v = patch.get_width() if horizontal else patch.get_height()
        if row is None or is_missing(v):
            continue
        end = float(v)
        if interval is not None:
            lo, hi = (pd.to_numeric(row[k], errors="coerce") for k in interval)
            if not (is_missing(lo) or is_missing(hi)):
                err = [[max(v - lo, 0.0)], [max(hi - v, 0.0)]]
                if horizontal:
                    pos = patch.get_y() + patch.get_height() / 2
                    ax.errorbar([v], [pos], xerr=err, fmt="none", zorder=3, **WHISKER)
                else:
                    pos = patch.get_x() + patch.get_width() / 2
                    ax.errorbar([pos], [v], yerr=err, fmt="none", zorder=3, **WHISKER)
                end = max(end, float(hi))
        top = max(top, end)
        if value_labels:
            if horizontal:
                ax.annotate(fmt(v), (end, patch.get_y() + patch.get_height() / 2), xytext=(3, 0),
                            textcoords="offset points", ha="left", va="center", fontsize=VALUE_FONT)
            else:
                ax.annotate(fmt(v), (patch.get_x() + patch.get_width() / 2, end), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", fontsize=VALUE_FONT,
                            rotation=rotation)
    return top


def bar_shares(
    data: pd.DataFrame,
    y: str = "label",
    x: str = "pct",
    hue: str | None = "year",
    hue_labels: Mapping | None = None,
    hue_order: Sequence | None = None,
    order: Sequence | None = None,
    xlabel: str = "Percentage",
    value_labels: bool = True,
    legend_title: str | None = None,
    interval: tuple[str, str] | None = None,
) -> Figure:
    """Horizontal bars of shares (0–100) per category, optionally by year or group.

    Parameters
    ----------
    data : DataFrame
        Tidy frame, one row per category (and hue level), e.g. from
        :func:`barometer.analysis.statistics.frequencies`.
    y : str, default ``"label"``
        Column with the category labels (Dutch, from the codebook).
    x : str, default ``"pct"``
        Column with the share, 0–100.
    hue : str or None, default ``"year"``
        Column that splits the bars (year, cluster, size class).
    hue_labels : mapping, optional
        Labels for the hue levels (e.g. ``{1: "Krachtig"}``).
    hue_order, order : sequence, optional
        Order of hue levels and of categories (default: as in ``data``).
    xlabel : str
    value_labels : bool, default True
        Write the Dutch percentage at the end of each bar.
    legend_title : str, optional
    interval : (str, str), optional
        Columns of ``data`` with the lower and upper bound of each share (0–100): drawn as
        thin dark-grey whiskers (:data:`WHISKER`) with small caps, the value label beyond the
        upper bound. A bar without value (a suppressed cell) gets no whisker, nor does a bar
        with a missing bound (a series without microdata).

    Returns
    -------
    matplotlib.figure.Figure
        Not closed (glue it with :func:`barometer.presentation.glue.glue_figure`, which closes it).
    """
    d = data.copy()
    d["_y"] = d[y].map(_wrap)
    cats = [_wrap(c) for c in (order if order is not None else pd.unique(data[y]))]
    palette = None
    h_order = None
    if hue is not None:
        levels = list(hue_order) if hue_order is not None else list(pd.unique(data[hue]))
        cmap = colors_for(levels)
        d["_hue"] = _hue_labels(d, hue, hue_labels)
        lab = (lambda v: hue_labels.get(v, v)) if hue_labels else str
        h_order = [lab(v) for v in levels]
        palette = {lab(v): cmap[v] for v in levels}
    fig, ax = _new_figure(len(cats), per_row=0.32 * (len(h_order) if h_order else 1) + 0.15)
    sns.barplot(
        data=d, x=x, y="_y", hue="_hue" if hue is not None else None, order=cats,
        hue_order=h_order, palette=palette, ax=ax, orient="h", errorbar=None,
        color=None if hue is not None else PALETTE[0], saturation=1,
    )
    top = pd.to_numeric(d[x], errors="coerce").max() if len(d) else np.nan  # all empty: no warning, NaN
    ax.set_xlim(0, max(100.0, float(top) if top == top else 100.0) * 1.08)
    percent_axis(ax.xaxis)
    ax.set_xlabel(_wrap(xlabel, _AXIS_WRAP))
    ax.set_ylabel("")
    ax.set_title("")
    if interval is not None:
        top = _interval_marks(ax, d, "_y", x, interval, cats, h_order, palette, horizontal=True,
                              fmt=pct, value_labels=value_labels)
        ax.set_xlim(0, max(100.0, top) * 1.08)
    elif value_labels:
        for container in ax.containers:
            ax.bar_label(container, labels=[pct(v) if not is_missing(v) else "" for v in container.datavalues],
                         padding=2, fontsize=VALUE_FONT)
    if hue is not None:
        legend_above(ax, legend_title)
    return fig


def grouped_bars(
    data: pd.DataFrame,
    x: str,
    y: str = "pct",
    hue: str | None = "year",
    hue_labels: Mapping | None = None,
    order: Sequence | None = None,
    hue_order: Sequence | None = None,
    ylabel: str = "Percentage",
    xlabel: str = "",
    percent: bool = True,
    value_labels: bool = True,
    legend_title: str | None = None,
    interval: tuple[str, str] | None = None,
) -> Figure:
    """Vertical grouped bars (e.g. share innovating by size class and year).

    Parameters
    ----------
    data : DataFrame
        Tidy frame with a category column ``x``, a value column ``y`` and a hue column.
    x, y, hue : str
    percent : bool, default True
        ``y`` is a percentage (axis and labels with ``%``); else two-decimal numbers.
    interval : (str, str), optional
        Columns of ``data`` with the lower and upper bound of each value, drawn as whiskers
        as in :func:`bar_shares`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    set_style()
    d = data.copy()
    d["_x"] = d[x].map(lambda v: _wrap(v, 18))
    cats = [_wrap(c, 18) for c in (order if order is not None else pd.unique(data[x]))]
    palette, h_order = None, None
    if hue is not None:
        levels = list(hue_order) if hue_order is not None else list(pd.unique(data[hue]))
        cmap = colors_for(levels)
        lab = (lambda v: hue_labels.get(v, v)) if hue_labels else str
        d["_hue"] = d[hue].map(lab)
        h_order = [lab(v) for v in levels]
        palette = {lab(v): cmap[v] for v in levels}
    fig, ax = plt.subplots(figsize=(FIGURE_WIDTH, 4.2), layout="constrained")
    sns.barplot(data=d, x="_x", y=y, hue="_hue" if hue is not None else None, order=cats,
                hue_order=h_order, palette=palette, ax=ax, errorbar=None,
                color=None if hue is not None else PALETTE[0], saturation=1)
    fmt = pct if percent else (lambda v: dec(v, 2))
    if percent:
        percent_axis(ax.yaxis)
        top = pd.to_numeric(d[y], errors="coerce").max()  # all empty: NaN, without a RuntimeWarning
        ax.set_ylim(0, max(100.0, float(top) if top == top else 100.0) * 1.08)
    else:
        decimal_axis(ax.yaxis, 1, locate=True)
    ax.set_ylabel(_wrap(ylabel, _AXIS_WRAP))
    ax.set_xlabel(_wrap(xlabel, _AXIS_WRAP))
    # Upright labels where a bar is wide enough for them, else turned along the bar.
    n_bars = len(cats) * (len(h_order) if h_order else 1)
    upright = FIGURE_WIDTH * 0.8 / max(n_bars, 1) * 72 >= 3.0 * VALUE_FONT
    if interval is not None:
        top = _interval_marks(ax, d, "_x", y, interval, cats, h_order, palette, horizontal=False, fmt=fmt,
                              rotation=0 if upright else 90, value_labels=value_labels)
        room = 1.08 if upright or not value_labels else 1.2
        ax.set_ylim(0, max(ax.get_ylim()[1], (max(100.0, top) if percent else top) * room))
    elif value_labels:
        for container in ax.containers:
            ax.bar_label(container, labels=[fmt(v) if not is_missing(v) else "" for v in container.datavalues],
                         padding=2, fontsize=VALUE_FONT, rotation=0 if upright else 90)
        if not upright:
            top = float(np.nanmax(d[y])) if len(d) else 100.0
            ax.set_ylim(0, max(ax.get_ylim()[1], top * 1.2))
    if hue is not None:
        legend_above(ax, legend_title)
    return fig


def histogram(
    hist: pd.DataFrame,
    x: str = "bin_mid",
    y: str = "pct",
    width: str | float = "width",
    xlabel: str = "Schaalscore",
    ylabel: str = "Percentage organisaties",
    mean: float | None = None,
) -> Figure:
    """Histogram of a scale score from a histogram frame (e.g. Figuur 2-14, B2-1).

    Parameters
    ----------
    hist : DataFrame
        From :func:`barometer.analysis.scales.scale_distribution`: bin midpoints ``x``, shares
        ``y`` (0–100) and bin widths.
    width : str or float
        Column with the bin width, or one width for all bins.
    mean : float, optional
        Draw a dashed vertical line at the mean.

    Returns
    -------
    matplotlib.figure.Figure
    """
    set_style()
    fig, ax = plt.subplots(figsize=(FIGURE_WIDTH, 3.6), layout="constrained")
    w = hist[width] if isinstance(width, str) else width
    ax.bar(hist[x], hist[y], width=np.asarray(w) * 0.92, color=PALETTE[0])
    percent_axis(ax.yaxis)
    decimal_axis(ax.xaxis, 1, locate=True)
    ax.set_xlabel(_wrap(xlabel, _AXIS_WRAP))
    ax.set_ylabel(_wrap(ylabel, _AXIS_WRAP))
    if mean is not None and not is_missing(mean):
        ax.axvline(mean, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1.5,
                   label=f"Gemiddelde {dec(mean, 2)}")
        legend_above(ax)
    return fig


def stacked_bars(
    data: pd.DataFrame,
    y: str = "label",
    category: str = "code_label",
    x: str = "pct",
    category_order: Sequence | None = None,
    order: Sequence | None = None,
    colors: Sequence[str] | None = None,
    xlabel: str = "Percentage",
    min_label: float = 8.0,
) -> Figure:
    """100% stacked horizontal bars, e.g. the answers to Likert statements or effects.

    Parameters
    ----------
    data : DataFrame
        One row per item ``y`` and answer ``category`` with the share ``x`` (0–100), e.g.
        :func:`barometer.analysis.statistics.frequencies` of a battery (``label``, ``code_label``).
    category_order : sequence, optional
        Order of the answer categories from left to right (default: as in ``data``).
    colors : sequence of str, optional
        One colour per category; default a diverging scale built from the palette.
    min_label : float, default 8
        Segments smaller than this many percent get no value label (a label in a narrower
        segment would spill over its neighbours at the house font size).

    Returns
    -------
    matplotlib.figure.Figure
    """
    cats = list(category_order) if category_order is not None else list(pd.unique(data[category]))
    items = list(order) if order is not None else list(pd.unique(data[y]))
    wide = data.pivot_table(index=y, columns=category, values=x, aggfunc="sum", sort=False)
    wide = wide.reindex(index=items, columns=cats).fillna(0.0)
    if colors is None:
        base = [OKABE_ITO["vermillion"], "#F4A582", "#D9D9D9", "#92C5DE", OKABE_ITO["blue"], OKABE_ITO["grey"]]
        colors = base if len(cats) == 5 else PALETTE
    fig, ax = _new_figure(len(items), per_row=0.5)
    left = np.zeros(len(items))
    ypos = np.arange(len(items))
    for i, cat in enumerate(cats):
        vals = wide[cat].to_numpy(dtype=float)
        bars = ax.barh(ypos, vals, left=left, color=colors[i % len(colors)], label=str(cat), height=0.7)
        ax.bar_label(bars, labels=[pct(v) if v >= min_label else "" for v in vals], label_type="center", fontsize=VALUE_FONT)
        left += vals
    ax.set_yticks(ypos, [_wrap(i) for i in items])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    percent_axis(ax.xaxis)
    ax.set_xlabel(_wrap(xlabel, _AXIS_WRAP))
    ax.grid(axis="y", visible=False)
    legend_above(ax, where="lower center")
    return fig


def alt_text(
    data: pd.DataFrame,
    what: str,
    label: str = "label",
    value: str = "pct",
    group: str | None = None,
    group_labels: Mapping | None = None,
    kind: str = "Staafdiagram",
    unit: str = "pct",
) -> str:
    """Dutch alt text that states the main message of a chart, derived from its data.

    Parameters
    ----------
    data : DataFrame
        The data drawn (tidy).
    what : str
        What the chart shows, e.g. ``"kanalen waarlangs organisaties van de innovatie hoorden"``.
    label, value : str
        Category and value columns.
    group : str, optional
        Column of the compared groups (year, cluster); the message then names the highest
        category per group.
    group_labels : mapping, optional
        Labels of the groups.
    kind : str, default ``"Staafdiagram"``
    unit : {"pct", "dec"}

    Returns
    -------
    str
        E.g. ``"Staafdiagram van kanalen ... In 2025 is het hoogste Professionele relaties
        (66%) en het laagste Weet niet (2%)."``
    """
    fmt = pct if unit == "pct" else (lambda v: dec(v, 2))
    d = data.dropna(subset=[value])
    if d.empty:
        return f"{kind} van {what}. Er zijn geen gegevens."
    parts = [f"{kind} van {what}."]
    groups = [(None, d)] if group is None else list(d.groupby(group, sort=False))
    for key, sub in groups:
        hi = sub.loc[sub[value].idxmax()]
        lo = sub.loc[sub[value].idxmin()]
        prefix = ""
        if key is not None:
            name = group_labels.get(key, key) if group_labels else key
            prefix = f"{name}: " if not isinstance(name, (int, np.integer)) else f"In {name}: "
        if len(sub) == 1:
            parts.append(f"{prefix}{hi[label]} {fmt(hi[value])}.")
        else:
            parts.append(
                f"{prefix}het hoogst is {hi[label]} ({fmt(hi[value])}), het laagst {lo[label]} ({fmt(lo[value])})."
            )
    return " ".join(parts)
