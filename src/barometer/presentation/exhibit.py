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

Every number of a download passes the disclosure policy here, in one place
(:func:`download_frame`): cells whose base is below the threshold are blanked (and a single
hidden group is protected from the total, see :mod:`barometer.presentation.disclosure`), a Dutch column
``Geheimhouding`` says why, headers come from the one vocabulary
(:mod:`barometer.presentation.vocabulary`), the values the book rounds appear rounded as published and at
full precision, and every row carries the source line and, for synthetic data, the notice.
Beside ``<name>.csv`` and ``<name>.xlsx`` each exhibit writes ``<name>.json``, its sidecar:
caption, kind, the report's exhibit it reproduces, edition, threshold, base, notes, unit, the
columns by role and every suppressed cell with its reason. The edition workbook and the audit
(:mod:`barometer.publishing.audit`) read these sidecars.

What is drawn, tabulated, written in alt text and glued takes its numbers from the same call:
:func:`disclose` returns a :class:`Disclosed` frame (the policy applied once, primary and
secondary), and a declared exhibit (:mod:`barometer.presentation.declaration`) draws, describes and glues
from it, so a cell hidden in the download is hidden on screen, in the alt text and in the prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation.formatting import round_half_up
from barometer.presentation.vocabulary import decimals_of, dutch_columns

__all__ = ["TableExhibit", "FigureExhibit", "Notice", "FIGURE_DIR", "DOWNLOAD_DIR", "use_edition",
           "download_frame", "SOURCE_LINE", "Disclosed", "disclose"]

#: Source line of every download row ({year}: the edition).
SOURCE_LINE = "Ministerie van BZK ({year}) Innovatie Barometer Overheid; berekend uit het respondentbestand."

def _synthetic_line() -> str:
    """The book's synthetic-data notice (``barometer.data.book_files.SYNTHETIC_NOTICE``), in every row."""
    from barometer.data.book_files import SYNTHETIC_NOTICE

    return SYNTHETIC_NOTICE


@dataclass
class _Context:
    year: int | None = None
    min_base: int | None = None
    synthetic: bool = False


_CONTEXT = _Context()


class _Restore:
    """What :func:`use_edition` returns: used in a ``with`` statement, it puts the edition in
    force before back on leaving the block."""

    def __init__(self, previous: tuple) -> None:
        self._previous = previous

    def __enter__(self) -> "_Restore":
        return self

    def __exit__(self, *exc) -> None:
        _CONTEXT.year, _CONTEXT.min_base, _CONTEXT.synthetic = self._previous


def use_edition(year: int, min_base: int, synthetic: bool = False) -> _Restore:
    """Set the edition the exhibits of this process belong to (called by ``Edition``).

    Downloads and sidecars then carry this year, threshold and synthetic-data notice. As a
    context manager (``with use_edition(ed.year, ed.min_base, ed.synthetic):``) it holds only
    inside the block and puts the previous edition back afterwards: the declared exhibits
    (:mod:`barometer.presentation.declaration`) write their downloads inside such a block for
    the edition they were called with, so the threshold of their downloads is the one of
    their screen (``ed.min_base``), whichever edition was opened last in the process.
    """
    previous = (_CONTEXT.year, _CONTEXT.min_base, _CONTEXT.synthetic)
    _CONTEXT.year, _CONTEXT.min_base, _CONTEXT.synthetic = int(year), int(min_base), bool(synthetic)
    return _Restore(previous)

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


_REPORT_ID = re.compile(r"\b((?:Tabel|Figuur) [A-Z]?\d+(?:[-.]\d+)*)")
_UNITS = {0: "procent", 2: "gemiddelde of standaarddeviatie (schaal)"}


def _with_labels(frame: pd.DataFrame, codes: dict[str, str] | None) -> pd.DataFrame:
    """Insert the codebook label beside every coded column (``codes``: column -> variable)."""
    if not codes:
        return frame
    from barometer.data.codebook import load_codebook
    from barometer.analysis.statistics import TOTAL

    cb = load_codebook()
    out = frame.copy()
    for col, variable in codes.items():
        if col not in out.columns:
            continue
        labels = cb.labels(variable)
        name = "group_label" if col == "group" else f"{col}_label"
        if name in out.columns:
            continue
        values = [TOTAL if str(v) == TOTAL else labels.get(int(v), "") if pd.notna(v) else ""
                  for v in out[col]]
        out.insert(list(out.columns).index(col) + 1, name, values)
    return out


def _policy(data: pd.DataFrame, min_base: int | None, as_printed: bool) -> disclosure.Protected:
    """The one call of the disclosure policy for an exhibit's numbers (screen, alt text, glue, downloads)."""
    prot = disclosure.protect(data, min_base, secondary=not as_printed)
    return _printed_bounds(prot, data, min_base) if as_printed else prot  # added by happ: bounds as printed


#: Per edition year, the check whether the edition's respondent files give the printed figures
#: of an exhibit of the report (:meth:`barometer.book.edition.Edition.reproduces_print`), set
#: when an edition is opened. The printed cells are kept only where they are the report's own.
_PRINT_CHECKS: dict[int, Any] = {}


def check_print_with(year: int, check) -> None:
    """Register ``check(report_id) -> bool`` for the edition ``year`` (called by ``Edition``)."""
    _PRINT_CHECKS[int(year)] = check


def _reproduces(report_id: str, year: int | None) -> bool:
    """Whether the data of edition ``year`` give the printed figures of ``report_id``. Without a
    registered edition (exhibits made outside an ``Edition``, as in unit tests) the exhibit is
    taken at its word."""
    check = _PRINT_CHECKS.get(int(year)) if year is not None else None
    return True if check is None else bool(check(report_id))


def _printed_as_is(prot: disclosure.Protected, report_id: str, year: int | None, min_base: int | None) -> bool:
    """Whether the exhibit keeps the printed report's cells: listed under ``published_as_is`` in
    the policy (the report's edition and threshold), and its figures are the printed ones
    (:func:`_reproduces`; a file that gives other figures gets the whole rule)."""
    return (year is not None and any(c.reason == "secondary" for c in prot.cells)
            and disclosure.published_as_is(report_id.split(" ")[-1], year, min_base)
            and _reproduces(report_id, year))


@dataclass
class Disclosed:
    """An exhibit's data after the disclosure policy: what may be drawn, tabulated and glued.

    Attributes
    ----------
    protected : barometer.presentation.disclosure.Protected
        The policy's result: ``frame`` (full precision, suppressed cells NaN, status column)
        and the suppressed ``cells`` with their reasons.
    as_printed : bool
        True for a table of the printed report kept as printed (primary suppression only).
    """

    protected: disclosure.Protected
    as_printed: bool = False

    @property
    def frame(self) -> pd.DataFrame:
        """The disclosed frame: every suppressed value NaN (draw and describe from this)."""
        return self.protected.frame

    def _row(self, where: dict) -> int | None:
        f = self.frame
        keep = pd.Series(True, index=f.index)
        for col, value in where.items():
            if col not in f.columns:
                raise KeyError(f"Disclosed: geen kolom {col!r}; wel {list(f.columns)}")
            keep &= f[col].astype(object).map(lambda v: v == value or str(v) == str(value))
        rows = list(f.index[keep])
        if len(rows) > 1:
            raise KeyError(f"Disclosed: {where} kiest {len(rows)} rijen, verwacht één")
        return rows[0] if rows else None

    def reason(self, column: str, **where) -> str | None:
        """Why the cell is hidden (``"primary"``/``"secondary"``), or None when it is shown."""
        return self._reason_at(self._row(where), column)

    def _reason_at(self, i: int | None, column: str) -> str | None:
        for c in self.protected.cells:
            if c.row == i and c.column == column:
                return c.reason
        return None

    def value(self, column: str, **where) -> float:
        """The cell at full precision, NaN when hidden or absent (for direction words)."""
        i = self._row(where)
        return float("nan") if i is None else float(pd.to_numeric(pd.Series([self.frame.at[i, column]]),
                                                                  errors="coerce").iloc[0])

    def text(self, column: str, format=None, missing: str | None = None, **where) -> disclosure.Released:
        """A cell as released text: formatted when shown, the policy's symbol when hidden.

        Parameters
        ----------
        column : str
            A value column (``pct``, ``mean`` …) or a base column (public counts).
        format : callable, default :func:`barometer.presentation.formatting.pct`
            Formatter of a shown value.
        missing : str, optional
            Text for a row that is not in the frame (default ``formatting.NOT_ASKED``).
        **where
            Key columns selecting one row (``group=3``).
        """
        from barometer.presentation import formatting as fmt

        i = self._row(where)
        if i is None:
            return disclosure.Released(fmt.NOT_ASKED if missing is None else missing)
        return self.cell(i, column, format)

    def cell(self, i: int, column: str, format=None) -> disclosure.Released:
        """The cell in row ``i`` (position in :attr:`frame`) as released text (see :meth:`text`)."""
        from barometer.presentation import formatting as fmt

        format = format or fmt.pct
        if column in self.protected.base_columns:
            return disclosure.public(fmt.num(self.frame.at[i, column]))
        if column not in self.protected.value_columns:
            raise KeyError(f"Disclosed.text: {column!r} is geen waarde- of basiskolom van dit exhibit")
        why = self._reason_at(i, column)
        if why is not None:
            return disclosure.suppressed(why)
        return disclosure.Released(format(self.frame.at[i, column]))


def disclose(data: pd.DataFrame, min_base: int | None = None, report: str = "",
             year: int | None = None) -> Disclosed:
    """Apply the disclosure policy to an exhibit's data, as its download will.

    Parameters
    ----------
    data : DataFrame
        Full-precision data with code-style columns (as given to ``data=``).
    min_base, year : int, optional
        Threshold and edition (default: the edition of this process, :func:`use_edition`).
    report : str
        The report's exhibit (``"Tabel B1-8"``, ``"Figuur 2-22"``) or a caption naming it:
        decides whether the printed cells are kept (``published_as_is``).
    """
    min_base = _CONTEXT.min_base if min_base is None else min_base
    year = _CONTEXT.year if year is None else year
    report_id = _report_id(report) or report
    prot = _policy(data, min_base, False)
    if _printed_as_is(prot, report_id, year, min_base):
        return Disclosed(_policy(data, min_base, True), True)
    return Disclosed(prot, False)


def download_frame(data: pd.DataFrame, min_base: int | None = None, year: int | None = None,
                   synthetic: bool = False, codes: dict[str, str] | None = None,
                   as_printed: bool = False) -> tuple[pd.DataFrame, disclosure.Protected]:
    """The download of an exhibit's data: the disclosure policy applied, Dutch headers.

    Parameters
    ----------
    data : DataFrame
        The exhibit's full-precision data (code-style column names).
    min_base : int, optional
        Threshold of the build (default: the policy's).
    year : int, optional
        Edition, for the source line.
    synthetic : bool
        Whether to add the synthetic-data notice to every row.
    codes : mapping column -> codebook variable, optional
        Coded columns that get their codebook label in the column beside them.
    as_printed : bool
        A table the printed report published as it is (``published_as_is`` in the policy):
        primary suppression only, as printed, and only the printed rounding — no full
        precision and no answer counts, which together with the printed cells would give a
        hidden group away.

    Returns
    -------
    (DataFrame, Protected)
        The frame as written to CSV/Excel — suppressed cells empty; for each value the book
        rounds, a column ``<header> (afgerond)`` beside ``<header> (volle precisie)``; columns
        ``Geheimhouding`` (when the frame has a base), ``Bron`` and, for synthetic data,
        ``Let op`` — and the policy's record of what was suppressed (code-style names).
    """
    prot = _policy(_with_labels(data, codes), min_base, as_printed)
    frame = prot.frame
    out: dict[str, pd.Series] = {}
    names: dict[str, str] = {}
    for col in frame.columns:
        d = decimals_of(col) if col in prot.value_columns and not pd.api.types.is_bool_dtype(frame[col]) else None
        if d is None and as_printed and col in prot.value_columns:  # added by happ: bounds as printed
            d = _bound_decimals(col, prot)
        if d is None:
            if not (as_printed and col in prot.value_columns and not pd.api.types.is_bool_dtype(frame[col])):
                out[col] = frame[col]
            continue
        full = pd.to_numeric(frame[col], errors="coerce")
        if not as_printed:
            out[col] = full
        rounded = full.map(lambda v: None if pd.isna(v) else float(round_half_up(v, d)))
        out[f"{col}__afgerond"] = rounded.astype("Int64") if d == 0 else rounded
        names[col] = " (volle precisie)"
        names[f"{col}__afgerond"] = " (afgerond)"
    result = pd.DataFrame(out)
    if year is not None:
        result["bron"] = "Bron: " + SOURCE_LINE.format(year=year)
    if synthetic:
        result["let_op"] = _synthetic_line()
    stems = list(dict.fromkeys(c.split("__")[0] for c in result.columns))
    header = dict(zip(stems, dutch_columns(stems)))
    headers = [header[c.split("__")[0]] + names.get(c, "") for c in result.columns]
    return result.set_axis(headers, axis=1), prot


def _report_id(caption: str) -> str:
    """The report's exhibit a caption names ("Tabel B1-8", "(Figuur 2-1 in het rapport)")."""
    m = re.search(r"\(((?:Tabel|Figuur) [^()]*?) in het rapport\)", caption)
    if m:
        return m.group(1)
    m = _REPORT_ID.match(caption)
    return m.group(1) if m else ""


#: Exhibits of this process whose download carries the printed rounding only (name -> True).
_printed: dict[str, bool] = {}


def _write_downloads(name: str, data: pd.DataFrame | None, kind: str = "", caption: str = "",
                     notes: list[str] | None = None, codes: dict[str, str] | None = None) -> list[Path]:
    if data is None:
        return []
    ctx = _CONTEXT
    report_id = _report_id(caption)
    frame, prot = download_frame(data, ctx.min_base, ctx.year, ctx.synthetic, codes)
    # An exhibit of the printed report (its edition, its threshold) keeps the printed cells; when
    # the whole rule would hide more than the print did, the download carries the printed
    # rounding only (full precision would give the hidden group away next to the printed cells).
    as_printed = _printed_as_is(prot, report_id, ctx.year, ctx.min_base)
    if as_printed:
        frame, prot = download_frame(data, ctx.min_base, ctx.year, ctx.synthetic, codes, as_printed=True)
        _printed[name] = True
    DOWNLOAD_DIR.mkdir(exist_ok=True)
    csv = DOWNLOAD_DIR / f"{name}.csv"
    xlsx = DOWNLOAD_DIR / f"{name}.xlsx"
    frame.to_csv(csv, index=False, encoding="utf-8")
    frame.to_excel(xlsx, index=False, sheet_name=name[:31])
    header = dict(zip(prot.frame.columns, dutch_columns(list(prot.frame.columns))))
    bases = [pd.to_numeric(prot.frame[b], errors="coerce").dropna() for b in prot.base_columns]
    values = pd.concat(bases) if bases else pd.Series(dtype=float)
    units = sorted({_UNITS.get(decimals_of(c), "") for c in prot.value_columns} - {""})
    sidecar = {
        "naam": name,
        "soort": kind,
        "bijschrift": caption,
        "bron_in_rapport": report_id,
        "zoals_gedrukt": as_printed,
        # for a table of the report in the report's edition and threshold: whether the edition's
        # data give its printed figures (the audit counts its printed forms as the report's own
        # only then, publishing/derivation.py)
        "gelijk_aan_druk": (bool(report_id) and str(report_id).startswith("Tabel")
                            and disclosure.published_as_is(report_id.split(" ")[-1], ctx.year, ctx.min_base)
                            and _reproduces(report_id, ctx.year)),
        "editie": ctx.year,
        "drempel": prot.min_base,
        "symbool": disclosure.symbol(),
        "uitleg_symbool": disclosure.explanation(prot.min_base),
        "basis": ({"van": int(values.min()), "tot": int(values.max())} if len(values) else None),
        "noten": list(notes or []),
        "eenheid": units,
        "synthetisch": ctx.synthetic,
        "kolommen": {
            "basis": [header[b] for b in prot.base_columns],
            "waarden": {header[v]: header[b] for v, b in prot.bases_of.items()},
            "geheimhouding": header.get(disclosure.policy().status_column),
        },
        "onderdrukt": [dict(c.to_json(), kolom=header[c.column]) for c in prot.cells],
        "bestanden": [csv.name, xlsx.name],
    }
    (DOWNLOAD_DIR / f"{name}.json").write_text(disclosure.sidecar_json(sidecar) + "\n", encoding="utf-8")
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
        Full-precision tidy data offered for download (CSV and Excel), after the disclosure
        policy (see :func:`download_frame`).
    codes : mapping column -> codebook variable, optional
        Coded columns of ``data`` whose labels the download shows beside the codes.
    """

    name: str
    caption: str
    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    data: pd.DataFrame | None = None
    codes: dict[str, str] | None = None

    def __post_init__(self) -> None:
        _check_name(self.name, "tbl")
        self.downloads = _write_downloads(self.name, self.data, "table", self.caption, self.notes, self.codes)

    def _repr_markdown_(self) -> str:
        notes = "".join(f"\n\n<small>{n}</small>" for n in self.notes)
        return (
            f"```{{table}} {self.caption}\n:name: {self.name}\n\n{markdown_table(self.frame)}\n```"
            f"{notes}{_download_line(self.downloads)}"
        )

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=False)}\n" + "\n".join(self.notes)


def _spoken(alt: str) -> str:
    """Alt text with the policy's symbol for a hidden figure in words: a screen reader reads
    "niet getoond", not a sign (and MyST would take a ``#`` in the ``:alt:`` option for a
    comment)."""
    sym = re.escape(disclosure.symbol())
    return re.sub(rf"(?<![\w#]){sym}(?![\w#])", "niet getoond", alt)


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
        The numbers behind the figure, offered for download (after the disclosure policy,
        see :func:`download_frame`) and shown in the text repr.
    codes : mapping column -> codebook variable, optional
        Coded columns of ``data`` whose labels the download shows beside the codes.
    """

    name: str
    caption: str
    alt: str
    figure: object = field(repr=False)
    data: pd.DataFrame | None = None
    codes: dict[str, str] | None = None

    def __post_init__(self) -> None:
        import matplotlib.pyplot as plt

        _check_name(self.name, "fig")
        if not self.alt or not self.alt.strip():
            raise ValueError(f"Figure {self.name} needs alt text")
        self.alt = _spoken(self.alt)
        FIGURE_DIR.mkdir(exist_ok=True)
        self.path = FIGURE_DIR / f"{self.name}.svg"
        # the SVG's ids (clip paths) are hashed with a salt: the figure's name instead of a random
        # one, so that the same figure gives the same file in every build (ids stay unique per figure)
        with plt.rc_context({"svg.hashsalt": self.name}):
            self.figure.savefig(self.path, bbox_inches="tight", metadata={"Date": None})
        plt.close(self.figure)
        self.downloads = _write_downloads(self.name, self.data, "figure", self.caption, codes=self.codes)
        self._as_printed = _printed.pop(self.name, False)
        self._min_base = _CONTEXT.min_base  # the text repr shows what the download shows

    def _repr_markdown_(self) -> str:
        alt = self.alt.replace("\n", " ")
        return (
            f"```{{figure}} {self.path.as_posix()}\n:name: {self.name}\n:alt: {alt}\n:width: 100%\n\n"
            f"{self.caption}\n```{_download_line(self.downloads)}"
        )

    def __repr__(self) -> str:
        # The plain-text output is stored in the executed notebook, which the HTML offers as
        # its source: it shows the data after the disclosure policy, as the downloads do.
        text = f"{self.caption}\n[alt] {self.alt}"
        if self.data is not None:
            printed = getattr(self, "_as_printed", False)
            prot = _policy(self.data, getattr(self, "_min_base", _CONTEXT.min_base), printed)
            shown = prot.frame.drop(columns=[disclosure.policy().status_column], errors="ignore")
            if printed:  # as the download: the printed rounding, no answer counts
                for col in prot.value_columns:
                    if pd.api.types.is_bool_dtype(shown[col]):
                        continue
                    d = decimals_of(col)
                    shown[col] = (pd.to_numeric(shown[col], errors="coerce").map(
                        lambda v: v if pd.isna(v) else float(round_half_up(v, d))) if d is not None else None)
                shown = shown.drop(columns=[c for c in prot.value_columns if decimals_of(c) is None
                                            and not pd.api.types.is_bool_dtype(prot.frame[c])])
            text += "\n" + shown.to_string(index=False)
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


# --- added by happ
def _printed_bounds(prot: disclosure.Protected, data: pd.DataFrame, min_base: int | None) -> disclosure.Protected:
    """An exhibit kept as printed: blank the interval bounds that would add to the print
    (:func:`barometer.presentation.printed_bounds.protect_printed`)."""
    from barometer.presentation.printed_bounds import protect_printed

    return protect_printed(prot, data, min_base)


def _bound_decimals(column: str, prot: disclosure.Protected) -> int | None:
    """Decimals of an interval bound in a download kept as printed: those of its estimate."""
    from barometer.presentation.printed_bounds import bound_decimals

    return bound_decimals(column, prot)
