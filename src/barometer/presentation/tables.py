"""The appendix tables of the report (Bijlage I, Tabel B1-1 … B1-12), computed from respondent data.

Every function returns a :class:`Table`: a display frame of Dutch-formatted strings with the
report's rows, columns and bases (``Totaal (n)``), its footnotes and source line, and the
full-precision tidy frame behind it (for downloads and checks). Labels and question wordings
come from the codebook; numbers are computed by :mod:`barometer.analysis.statistics` and formatted by
:mod:`barometer.presentation.formatting` (rounding half up, ``-`` where a question or answer option did not
exist in a year).

Which cells are hidden (``#``) is decided once per table, by the disclosure policy's one call
:func:`barometer.presentation.exhibit.disclose` on the table's full-precision data (primary and
secondary suppression; a table of the printed report in the report's edition keeps the
printed cells). Every table keeps the function that lays out its display frame from that
:class:`~barometer.presentation.exhibit.Disclosed` (``Table.layout``), so a declared exhibit
(:mod:`barometer.chapters.bijlage_tabellen`) tabulates from its own disclosed frame with the same layout.

Rows follow the report, which lists answer options in questionnaire order (= codebook order);
years are columns where the report compares 2021 and 2025.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import pandas as pd

from barometer.data import paths
from barometer.data.codebook import Codebook, load_codebook
from barometer.presentation.disclosure import is_missing, is_small, show
from barometer.presentation.exhibit import Disclosed, disclose
from barometer.presentation.formatting import MIN_BASE, NOT_ASKED, SMALL_CELL, dec, format_value, num, pct
from barometer.data.population import read_population
from barometer.analysis.statistics import TOTAL, frequencies, means, share

__all__ = [
    "Table",
    "TABLES",
    "MULTIPLE_NOTE",
    "tabel_b1_1",
    "tabel_b1_2",
    "tabel_b1_3",
    "tabel_b1_4",
    "tabel_b1_5",
    "tabel_b1_6",
    "tabel_b1_7",
    "tabel_b1_8",
    "tabel_b1_9",
    "tabel_b1_10",
    "tabel_b1_11",
    "tabel_b1_12",
    "appendix_tables",
]

#: Footnote of every multiple-response table.
MULTIPLE_NOTE = "Meer antwoorden mogelijk."
BASE_HEADER = "Totaal (n)"


@dataclass
class Table:
    """One appendix table.

    Attributes
    ----------
    number : str
        ``"B1-2"``.
    title : str
        Caption without the number (question wording from the codebook, plus ``(%)``).
    frame : DataFrame
        Display frame: strings only; the first column holds the row labels.
    data : DataFrame
        Full-precision tidy frame behind the table (see the function for its columns).
    notes : list of str
        Footnotes, in the report's order (``*`` notes, ``#`` rule, multiple response).
    source : str
        Source line.
    layout : callable ``Disclosed -> DataFrame``, optional
        Builds the display frame from the disclosed ``data`` (``frame`` is
        ``layout(disclose(data))``); a declared exhibit calls it with its own disclosed frame.
    """

    number: str
    title: str
    frame: pd.DataFrame
    data: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    source: str = ""
    layout: Callable[[Disclosed], pd.DataFrame] | None = field(default=None, repr=False)

    @property
    def caption(self) -> str:
        """``"Tabel B1-2 <title>"``."""
        return f"Tabel {self.number} {self.title}"

    def __repr__(self) -> str:  # plain text, so nbval can compare the numbers
        lines = [self.caption, self.frame.to_string(index=False)]
        lines += self.notes
        if self.source:
            lines.append(self.source)
        return "\n".join(lines)


def _cb(codebook: Codebook | None) -> Codebook:
    return codebook if codebook is not None else load_codebook()


def _source(year: int) -> str:
    return f"Bron: Ministerie van BZK ({year}) Innovatie Barometer Overheid; berekend uit het respondentbestand."


def _years(df: pd.DataFrame, years: Sequence[int] | None, cb: Codebook, question: str | None = None) -> list[int]:
    present = sorted(pd.to_numeric(df[cb.year_column], errors="coerce").dropna().astype(int).unique())
    ys = [y for y in (years if years is not None else present) if y in present]
    if question is not None:
        ys = [y for y in ys if cb.is_asked(question, y)]
    if not ys:
        raise ValueError(f"no data for the years {years} (present: {present})")
    return ys


def _question_title(cb: Codebook, question: str) -> str:
    text = cb.variable(question).question
    text = re.sub(r"\s*\(meer antwoorden mogelijk\)\s*$", "", text)
    return f"{text} (%)"


def _sector_rows(cb: Codebook, include_all: bool = False) -> tuple[list[int], dict[int, str]]:
    labels = cb.labels("sector")
    exclude = [] if include_all else list((cb.variable("sector").display or {}).get("table_rows_exclude", []))
    return [c for c in labels if c not in exclude], labels


def _total_note(cb: Codebook) -> str:
    return "* " + (cb.variable("sector").display or {}).get("note_total", "Incl. Hoge Colleges van Staat.")


def _has_small(frame: pd.DataFrame) -> bool:
    return bool((frame.iloc[:, 1:] == SMALL_CELL).to_numpy().any())


def _shown_rows(data: pd.DataFrame, rows: Sequence) -> pd.DataFrame:
    """The rows of ``data`` whose group the table shows (the download carries what the table does)."""
    return data[data["group"].isin(list(rows))].reset_index(drop=True)


def _disclose(data: pd.DataFrame, min_base: int, number: str, year: int) -> Disclosed:
    """The disclosure policy applied once to a table's data (:func:`barometer.presentation.exhibit.disclose`).

    Primary and secondary suppression; a table of the printed report in the report's edition
    and at its threshold keeps the printed cells (primary suppression only).
    """
    return disclose(data, min_base, f"Tabel {number}", year)


def _cell(d: Disclosed, column: str, format: Callable[[Any], str] = pct, **where) -> str:
    """One cell of a table as the policy releases it: the formatted value or the symbol.

    A row that is not in the data shows the symbol (nothing to publish); a value that is
    missing on a base below the threshold shows the symbol too (the policy has nothing to
    blank there, but the table must not print ``-`` for a group that is merely small).
    """
    text = d.text(column, format, missing=SMALL_CELL, **where)
    if text.reason == "shown" and is_missing(d.value(column, **where)):
        base = d.protected.bases_of.get(column)
        if base is not None and is_small(d.value(base, **where), d.protected.min_base):
            return SMALL_CELL
    return str(text)


def _small_note(min_base: int) -> str:
    return f"{SMALL_CELL} n kleiner dan {min_base}."


# ---------------------------------------------------------------------- B1-1
def tabel_b1_1(
    df: pd.DataFrame,
    year: int = 2025,
    population: Mapping[int, int] | None = None,
    codebook: Codebook | None = None,
) -> Table:
    """Tabel B1-1 Respons per sector.

    Parameters
    ----------
    df : DataFrame
        Respondent frame (the rows of ``year`` are used).
    year : int, default 2025
    population : mapping sector code -> number of organisations approached, optional
        Needed for the response percentage; default read from
        ``data/external/population-<year>.csv`` through
        :func:`barometer.data.population.read_population` if it exists (a file with only a
        total, as for 2021, fills the total row only), else the column shows ``-``.

    Returns
    -------
    Table
        ``data`` columns: ``sector``, ``label``, ``count``, ``population``,
        ``response_pct``, ``share_pct`` (of all respondents); last row ``sector ==
        "Totaal"``.
    """
    cb = _cb(codebook)
    d = df[pd.to_numeric(df[cb.year_column], errors="coerce") == year]
    codes, labels = _sector_rows(cb, include_all=True)
    pop_total = None
    if population is None:
        invited = read_population(year)
        if invited is not None:
            population, pop_total = invited.by_sector, invited.total
    counts = pd.to_numeric(d["sector"], errors="coerce").value_counts()
    total = int(len(d))
    rows = []
    for c in codes:
        n = int(counts.get(c, 0))
        pop = population.get(c) if population else None
        rows.append({"sector": c, "label": labels[c], "count": n, "population": pop,
                     "response_pct": 100.0 * n / pop if pop else float("nan"),
                     "share_pct": 100.0 * n / total if total else float("nan")})
    if pop_total is None:
        pop_total = sum(population.values()) if population else None
    rows.append({"sector": TOTAL, "label": BASE_HEADER, "count": total, "population": pop_total,
                 "response_pct": 100.0 * total / pop_total if pop_total else float("nan"),
                 "share_pct": 100.0 if total else float("nan")})
    data = pd.DataFrame(rows)

    def layout(d: Disclosed) -> pd.DataFrame:
        # respondent counts and the fieldwork's own shares: no group statistic to suppress
        f = d.frame
        return pd.DataFrame({
            "Sector": f["label"],
            "Respons (aantal)*": [num(v) for v in f["count"]],
            "Respons (percentage)": [format_value(v, "pct") for v in f["response_pct"]],
            "Aandeel van de sectorale respons in het totaal": [format_value(v, "pct") for v in f["share_pct"]],
        })

    frame = layout(_disclose(data, MIN_BASE, "B1-1", year))
    notes = ["* Daar waar in deze en de volgende tabellen privaat staat, wordt bedoeld: "
             "privaatrechtelijke publieke organisaties."]
    if population:
        notes.append("Het aantal benaderde organisaties per sector is afgeleid uit het gepubliceerde aantal "
                     "en percentage (zie de verantwoording).")
    elif pop_total:
        notes.append("Voor deze meting is alleen het totale aantal benaderde organisaties bekend, "
                     "niet het aantal per sector.")
    else:
        notes.append("De responspercentages vragen het aantal benaderde organisaties per sector; "
                     "dat staat niet in het respondentbestand.")
    return Table("B1-1", "Respons per sector", frame, data, notes, _source(year), layout)


# ---------------------------------------------------------------------- B1-2 … B1-7
def _distribution_table(
    df: pd.DataFrame,
    number: str,
    question: str,
    years: Sequence[int] | None,
    min_base: int,
    cb: Codebook,
    selection_note: str | None = None,
) -> Table:
    ys = _years(df, years, cb, question)
    var = cb.variable(question)
    multiple = var.type == "multiple"
    # An answer option that exists in none of the shown years may be absent from the file
    # (partner_dk, new in 2025, in a 2021-only frame): frequencies gives it base 0, shown as
    # not asked ("-").
    f = frequencies(df, question, years=ys, codebook=cb)
    if multiple:
        f = f.assign(row=f["item"])
        row_order = cb.items(question)
        row_labels = {it: cb.label(it) for it in row_order}
    else:
        f = f.assign(row=f["code"])
        row_labels = cb.labels(question)
        row_order = list(row_labels)
    key = "item" if multiple else "code"
    data = f.drop(columns=["row"]).reset_index(drop=True)

    def layout(d: Disclosed) -> pd.DataFrame:
        shown = d.frame
        # base per year: routed respondents (multiple) / with an answer (single)
        bases = shown.groupby("year")["base"].max()
        frame = pd.DataFrame({"": [row_labels[r] for r in row_order] + [BASE_HEADER]})
        for y in ys:
            fy = shown[shown["year"] == y].set_index(key)
            cells = []
            for r in row_order:
                if r not in fy.index or fy.loc[r, "base"] == 0:
                    cells.append(NOT_ASKED)
                else:
                    cells.append(_cell(d, "pct", year=y, **{key: r}))
            cells.append(num(int(bases.get(y, 0))))
            frame[str(y)] = cells
        return frame

    frame = layout(_disclose(data, min_base, number, max(ys)))
    notes = []
    if selection_note:
        notes.append(selection_note)
    if multiple:
        notes.append(MULTIPLE_NOTE)
    if _has_small(frame):
        notes.append(_small_note(min_base))
    return Table(number, _question_title(cb, question), frame, data, notes, _source(max(ys)), layout)


def _selection(cb: Codebook, question: str) -> str:
    return f"Selectie: {cb.routing_of(question).label}."


def tabel_b1_2(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-2 Kanalen waarlangs de organisatie van de overgenomen innovatie hoorde.

    Returns
    -------
    Table
        ``data``: :func:`barometer.analysis.statistics.frequencies` of ``channel`` (columns
        ``year``, ``group``, ``item``, ``code``, ``label``, ``count``, ``base``, ``pct``).
        Display: one row per answer option (codebook order), one column per year, last row
        ``Totaal (n)``.
    """
    cb = _cb(codebook)
    return _distribution_table(df, "B1-2", "channel", years, min_base, cb, _selection(cb, "channel"))


def tabel_b1_3(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-3 Initiatief of aanleiding voor de innovatie (as :func:`tabel_b1_2`)."""
    cb = _cb(codebook)
    return _distribution_table(df, "B1-3", "initiative", years, min_base, cb, _selection(cb, "initiative"))


def tabel_b1_4(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-4 Samenwerking met andere organisaties (as :func:`tabel_b1_2`; "Weet niet" is
    ``-`` in 2021, when it was not an answer option)."""
    cb = _cb(codebook)
    return _distribution_table(df, "B1-4", "partner", years, min_base, cb, _selection(cb, "partner"))


def tabel_b1_5(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-5 Fasen waarin de samenwerkingspartners betrokken waren (as :func:`tabel_b1_2`)."""
    cb = _cb(codebook)
    return _distribution_table(df, "B1-5", "partner_phase", years, min_base, cb, _selection(cb, "partner_phase"))


def tabel_b1_6(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-6 Financiering van de innovatie (as :func:`tabel_b1_2`)."""
    cb = _cb(codebook)
    return _distribution_table(df, "B1-6", "funding", years, min_base, cb, _selection(cb, "funding"))


def tabel_b1_7(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-7 Evaluatie van de innovatie (single choice; percentages add up to 100).

    Returns
    -------
    Table
        ``data``: frequencies of ``evaluation`` (one row per code and year).
    """
    cb = _cb(codebook)
    return _distribution_table(df, "B1-7", "evaluation", years, min_base, cb, _selection(cb, "evaluation"))


# ---------------------------------------------------------------------- B1-8, B1-9
def tabel_b1_8(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-8 Aandeel organisaties dat een innovatie implementeerde, naar sector (%).

    Returns
    -------
    Table
        ``data``: :func:`barometer.analysis.statistics.share` of ``innovated == 1`` by sector with
        the total (columns ``year``, ``group``, ``count``, ``base``, ``pct``). Display:
        per year the columns ``Innovatie <year>`` and ``Totaal (n) <year>``; rows the
        sectors without Hoge Colleges van Staat, then ``Totaal*`` (including them).
    """
    cb = _cb(codebook)
    ys = _years(df, years, cb, "innovated")
    data = share(df, "innovated", 1, by="sector", years=ys, codebook=cb)
    codes, labels = _sector_rows(cb)
    rows = codes + [TOTAL]
    data = _shown_rows(data, rows)

    def layout(d: Disclosed) -> pd.DataFrame:
        frame = pd.DataFrame({"Sector": [labels[c] for c in codes] + ["Totaal*"]})
        for y in ys:
            dy = d.frame[d.frame["year"] == y].set_index("group")
            frame[f"Innovatie {y}"] = [_cell(d, "pct", year=y, group=r) for r in rows]
            frame[f"{BASE_HEADER} {y}"] = [num(int(dy.loc[r, "base"])) if r in dy.index else "0" for r in rows]
        return frame

    frame = layout(_disclose(data, min_base, "B1-8", max(ys)))
    notes = [_total_note(cb)] + ([_small_note(min_base)] if _has_small(frame) else [])
    return Table("B1-8", "Aandeel organisaties dat een innovatie implementeerde, naar sector (%)",
                 frame, data, notes, _source(max(ys)), layout)


def tabel_b1_9(df, year: int = 2025, min_base=MIN_BASE, codebook=None,
               innovators_hidden: Sequence[int] | None = None) -> Table:
    """Tabel B1-9 Type innovaties, naar sector (%, one year).

    Returns
    -------
    Table
        ``data``: frequencies of ``innovation_type`` by sector with the total. Display: one
        column per type, then ``Totaal`` (innovators in the sector); rows as in B1-8.
        ``innovators_hidden``: the sectors whose number of innovators Tabel B1-8 hides, when
        the caller knows them (the edition-wide rule of barometer.presentation.linked); by
        default B1-8's own rule decides.
    """
    cb = _cb(codebook)
    f = frequencies(df, "innovation_type", by="sector", years=[year], codebook=cb)
    codes, labels = _sector_rows(cb)
    rows = codes + [TOTAL]
    f = _shown_rows(f, rows)
    # The base of this table (innovators per sector) is the answer count of Tabel B1-8: a sector
    # whose count B1-8 hides has no base here either, or the two tables together would give it
    # (and, with the total, the group B1-8 protects) back.
    hidden = (set(innovators_hidden) if innovators_hidden is not None
              else _innovators_hidden(df, year, min_base, cb, codes))
    if hidden:
        f = f.copy()
        f.loc[f["group"].isin(sorted(hidden)), ["count", "base", "pct"]] = float("nan")

    def layout(d: Disclosed) -> pd.DataFrame:
        frame = pd.DataFrame({"Sector": [labels[c] for c in codes] + ["Totaal*"]})
        bases = d.frame.groupby("group", sort=False)["base"].max()
        for item in cb.items("innovation_type"):
            frame[cb.label(item)] = [_cell(d, "pct", year=year, group=r, item=item) for r in rows]
        frame["Totaal"] = [SMALL_CELL if r in hidden else num(int(bases.get(r, 0))) for r in rows]
        return frame

    frame = layout(_disclose(f, min_base, "B1-9", year))
    notes = [_total_note(cb), MULTIPLE_NOTE] + ([_small_note(min_base)] if _has_small(frame) else [])
    if hidden:
        notes.append(f"{SMALL_CELL} in de kolom Totaal: het aantal organisaties met een innovatie in deze sector is "
                     "niet getoond, omdat Tabel B1-8 het verbergt (het zou anders uit het totaal en de andere "
                     "sectoren af te leiden zijn).")
    return Table("B1-9", f"Type innovaties, naar sector (%, {year})", frame, f, notes, _source(year), layout)


def _innovators_hidden(df: pd.DataFrame, year: int, min_base: int, cb: Codebook, codes: Sequence[int]) -> set[int]:
    """The sectors whose number of innovators in ``year`` Tabel B1-8 hides in the edition ``year``.

    The complementary choice of B1-8 depends only on the sectors' bases, so every table whose
    figures include that count (the base column of Tabel B1-9) hides the same sectors. Empty
    when B1-8 is kept as printed (the report's edition at its threshold): the print showed
    both tables' cells.
    """
    data = _shown_rows(share(df, "innovated", 1, by="sector", years=[year], codebook=cb), [*codes, TOTAL])
    d = _disclose(data, min_base, "B1-8", year)
    if d.as_printed:
        return set()
    return {int(c.key["group"]) for c in d.protected.cells if str(c.key.get("group")) != TOTAL}


# ---------------------------------------------------------------------- B1-10 … B1-12
def _partial_note(df: pd.DataFrame, variable: str, ys: Sequence[int], data: pd.DataFrame, cb: Codebook) -> str:
    parts = []
    yr = pd.to_numeric(df[cb.year_column], errors="coerce")
    for y in ys:
        n_scale = int(data.loc[(data["year"] == y) & (data["group"] == TOTAL), "n"].sum())
        n_total = int((yr == y).sum())
        if n_scale < n_total:
            parts.append(f"{y}: {num(n_scale)} van {num(n_total)}")
    if not parts:
        return ""
    return ("** Vanwege partiële non-respons is het aantal organisaties in de berekening lager dan "
            "de totale respons (" + "; ".join(parts) + ").")


def _means_table(df, number, title, variable, years, min_base, cb, by="sector") -> Table:
    ys = _years(df, years, cb, variable)
    if by != "sector":  # the total of B1-11 is the total of its rows
        df = df[pd.to_numeric(df[by], errors="coerce").notna()]
    data = means(df, variable, by=by, years=ys, codebook=cb)
    if by == "sector":
        codes, labels = _sector_rows(cb)
        first, total_label = "Sector", "Totaal*"
    else:
        labels = cb.labels(by)
        codes, first, total_label = list(labels), "", "Totaal"
    rows = codes + [TOTAL]
    data = _shown_rows(data, rows)
    multi = len(ys) > 1

    def layout(d: Disclosed) -> pd.DataFrame:
        frame = pd.DataFrame({first: [labels[c] for c in codes] + [total_label]})
        for y in ys:
            dy = d.frame[d.frame["year"] == y].set_index("group")
            sfx = f" {y}" if multi else ""
            n = [int(dy.loc[r, "n"]) if r in dy.index else 0 for r in rows]
            frame[f"Gemiddelde{sfx}"] = [_cell(d, "mean", dec, year=y, group=r) for r in rows]
            frame[f"st. deviatie{sfx}"] = [_cell(d, "sd", dec, year=y, group=r) for r in rows]
            # the report prints '#' for the base of a group below the threshold as well
            frame[f"{BASE_HEADER}{sfx}"] = [show(num(k), k, d.protected.min_base) for k in n]
        return frame

    frame = layout(_disclose(data, min_base, number, max(ys)))
    notes = []
    if by == "sector":
        notes.append(_total_note(cb))
    if _has_small(frame):
        notes.append(_small_note(min_base))
    partial = _partial_note(df, variable, ys, data, cb) if by == "sector" else ""
    if partial:
        notes.append(partial)
    return Table(number, title, frame, data, notes, _source(max(ys)), layout)


def tabel_b1_10(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-10 Gemiddelde schaalscore innovatieklimaat, naar sector.

    Returns
    -------
    Table
        ``data``: :func:`barometer.analysis.statistics.means` of ``climate_scale`` by sector
        (``year``, ``group``, ``mean``, ``sd``, ``n``). Display: per year ``Gemiddelde``,
        ``st. deviatie``, ``Totaal (n)``; ``#`` where n < ``min_base``.
    """
    cb = _cb(codebook)
    return _means_table(df, "B1-10", "Gemiddelde schaalscore innovatieklimaat, naar sector",
                        "climate_scale", years, min_base, cb)


def tabel_b1_11(df, year: int = 2025, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-11 Gemiddelde schaalscore innovatieklimaat, nationale overheid (one year).

    Rows: the codes of ``national_type`` (kerndepartementen, diensten en agentschappen,
    zbo's) and their total.
    """
    cb = _cb(codebook)
    return _means_table(df, "B1-11", f"Gemiddelde schaalscore innovatieklimaat, nationale overheid in {year}",
                        "climate_scale", [year], min_base, cb, by="national_type")


def tabel_b1_12(df, years=None, min_base=MIN_BASE, codebook=None) -> Table:
    """Tabel B1-12 Gemiddelde schaalscore voorwaarden voor innovatie, naar sector (as B1-10)."""
    cb = _cb(codebook)
    return _means_table(df, "B1-12", "Gemiddelde schaalscore voorwaarden voor innovatie, naar sector",
                        "conditions_scale", years, min_base, cb)


#: Table number -> function.
TABLES: dict[str, Callable[..., Table]] = {
    "B1-1": tabel_b1_1, "B1-2": tabel_b1_2, "B1-3": tabel_b1_3, "B1-4": tabel_b1_4,
    "B1-5": tabel_b1_5, "B1-6": tabel_b1_6, "B1-7": tabel_b1_7, "B1-8": tabel_b1_8,
    "B1-9": tabel_b1_9, "B1-10": tabel_b1_10, "B1-11": tabel_b1_11, "B1-12": tabel_b1_12,
}


def appendix_tables(df: pd.DataFrame, year: int = 2025, comparison_years: Sequence[int] = (2021,),
                    min_base: int = MIN_BASE, codebook: Codebook | None = None) -> dict[str, Table]:
    """All tables of Bijlage I for one edition.

    Parameters
    ----------
    df : DataFrame
        Respondent frame of the measurement year and the comparison years, derived
        variables added.
    year : int
        Measurement year (one-year tables B1-1, B1-9, B1-11).
    comparison_years : sequence of int
        Earlier years shown next to ``year`` where the report compares.

    Returns
    -------
    dict
        ``"B1-1"`` … ``"B1-12"`` -> :class:`Table`.
    """
    ys = sorted({*comparison_years, year})
    out = {}
    for number, fn in TABLES.items():
        if number in ("B1-1", "B1-9", "B1-11"):
            out[number] = fn(df, year, codebook=codebook) if number == "B1-1" else fn(df, year, min_base, codebook)
        else:
            out[number] = fn(df, ys, min_base, codebook)
    return out
