"""Exhibits: a numbered table or figure with caption, alt text and downloadable data.

A chapter shows an exhibit by making it the last expression of a code cell::

    ex.tabel_b1_8(ed)

The object renders itself as MyST Markdown (a ``{table}`` or ``{figure}`` directive), which
myst-nb parses as part of the page (``nb_render_markdown_format: myst`` in ``_config.yml``).
That gives numbered, cross-referenceable exhibits whose caption and alt text come from the
data, real ``<th>`` table headers, and a download link for the exhibit's data. The plain-text
representation carries the same numbers, so nbval checks them on every run.

Files are written next to the executing notebook: figures to ``_figures/``, data to
``_downloads/`` (both are build products, ignored by git).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["TableExhibit", "FigureExhibit", "Notice", "FIGURE_DIR", "DOWNLOAD_DIR"]

FIGURE_DIR = Path("_figures")
DOWNLOAD_DIR = Path("_downloads")
_NAME = re.compile(r"^(tbl|fig)-[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_name(name: str, kind: str) -> None:
    if not _NAME.match(name) or not name.startswith(kind + "-"):
        raise ValueError(f"Exhibit name {name!r} must look like '{kind}-<slug>-<what>' (lower-case kebab)")


def _cell(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


_WORD = re.compile(r"[^\W\d_]{4,}")


def _is_text_column(values: pd.Series) -> bool:
    """True when most non-empty cells are text (hold a word of four or more letters), not numbers."""
    cells = [str(v) for v in values if _cell(v).strip()]
    return bool(cells) and sum(bool(_WORD.search(c)) for c in cells) > len(cells) / 2


def markdown_table(frame: pd.DataFrame, align_first_left: bool = True) -> str:
    """Render a display frame (strings) as a Markdown pipe table.

    The first column is left-aligned (row labels); of the other columns, those that mostly
    hold text (statements, explanations) are left-aligned too, and numbers right-aligned.
    """
    cols = [str(c) for c in frame.columns]
    head = "| " + " | ".join(_cell(c) for c in cols) + " |"
    aligns = [":--" if ((i == 0 and align_first_left) or (i > 0 and _is_text_column(frame.iloc[:, i])))
              else "--:" for i in range(len(cols))]
    rule = "|" + "|".join(aligns) + "|"
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def _write_downloads(name: str, data: pd.DataFrame | None) -> list[Path]:
    if data is None:
        return []
    DOWNLOAD_DIR.mkdir(exist_ok=True)
    csv = DOWNLOAD_DIR / f"{name}.csv"
    xlsx = DOWNLOAD_DIR / f"{name}.xlsx"
    data.to_csv(csv, index=False, encoding="utf-8")
    data.to_excel(xlsx, index=False, sheet_name=name[:31])
    return [csv, xlsx]


def _download_line(paths: list[Path]) -> str:
    if not paths:
        return ""
    links = " · ".join(f"{{download}}`{p.suffix.lstrip('.').upper()} <{p.as_posix()}>`" for p in paths)
    return f"\n\nDownload de gegevens: {links}\n"


@dataclass
class TableExhibit:
    """A numbered table.

    Parameters
    ----------
    name : str
        Label for cross-references, ``tbl-<slug>-<what>``.
    caption : str
        Dutch caption (may contain the report's exhibit id, e.g. "Tabel B1-8").
    frame : DataFrame
        Display frame: formatted strings, Dutch headers, rows in the report's order.
    notes : list of str
        Footnotes shown under the table (bases, "Meer antwoorden mogelijk.", "# n kleiner dan 5").
    data : DataFrame, optional
        Full-precision tidy data offered for download (CSV and Excel).
    """

    name: str
    caption: str
    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    data: pd.DataFrame | None = None

    def __post_init__(self) -> None:
        _check_name(self.name, "tbl")
        self.downloads = _write_downloads(self.name, self.data)

    def _repr_markdown_(self) -> str:
        notes = "".join(f"\n\n<small>{n}</small>" for n in self.notes)
        return (
            f"```{{table}} {self.caption}\n:name: {self.name}\n\n{markdown_table(self.frame)}\n```"
            f"{notes}{_download_line(self.downloads)}"
        )

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=False)}\n" + "\n".join(self.notes)


@dataclass
class FigureExhibit:
    """A numbered figure with a caption and alt text stating its main message.

    Parameters
    ----------
    name : str
        Label for cross-references, ``fig-<slug>-<what>``.
    caption : str
        Dutch caption.
    alt : str
        Dutch alt text that states the figure's main message (derived from the data).
    figure : matplotlib.figure.Figure
        The drawn figure; saved as SVG under ``_figures/`` and closed.
    data : DataFrame, optional
        The numbers behind the figure, offered for download and shown in the text repr.
    """

    name: str
    caption: str
    alt: str
    figure: object = field(repr=False)
    data: pd.DataFrame | None = None

    def __post_init__(self) -> None:
        import matplotlib.pyplot as plt

        _check_name(self.name, "fig")
        if not self.alt or not self.alt.strip():
            raise ValueError(f"Figure {self.name} needs alt text")
        FIGURE_DIR.mkdir(exist_ok=True)
        self.path = FIGURE_DIR / f"{self.name}.svg"
        self.figure.savefig(self.path, bbox_inches="tight", metadata={"Date": None})
        plt.close(self.figure)
        self.downloads = _write_downloads(self.name, self.data)

    def _repr_markdown_(self) -> str:
        alt = self.alt.replace("\n", " ")
        return (
            f"```{{figure}} {self.path.as_posix()}\n:name: {self.name}\n:alt: {alt}\n:width: 100%\n\n"
            f"{self.caption}\n```{_download_line(self.downloads)}"
        )

    def __repr__(self) -> str:
        text = f"{self.caption}\n[alt] {self.alt}"
        if self.data is not None:
            text += "\n" + self.data.to_string(index=False)
        return text


@dataclass
class Notice:
    """A short Dutch paragraph shown instead of an exhibit (question not asked, nothing to compare).

    Parameters
    ----------
    text : str
        The sentence(s) shown.
    admonition : str, optional
        Render as a MyST admonition of this kind (``"note"``: a ``{note}`` box); without
        it the text renders as a plain paragraph.

    Notes
    -----
    The plain-text repr is the text itself, so nbval compares the words in every rendering.
    """

    text: str
    admonition: str | None = None

    def _repr_markdown_(self) -> str:
        if self.admonition:
            return f"```{{{self.admonition}}}\n{self.text}\n```"
        return self.text

    def __repr__(self) -> str:
        return self.text
