"""Exhibits of *Bijlage I – Tabellen*: Tabel B1-1 to B1-12 of the report.

Each ``tabel_b1_*`` is a declaration (:class:`barometer.presentation.declaration.Table`, made by
:func:`_declare`) over the matching function of :mod:`barometer.presentation.tables` (the report's rows,
columns, bases ``Totaal (n)``, footnotes, Dutch formatting): the pipeline computes the
full-precision data with the 95% interval columns, applies the disclosure policy once and
tabulates with the table's own layout from the disclosed frame, so the screen, the download
and the sidecar hide the same cells. The exhibit is named ``tbl-bijlage-b1-<x>``, with a
caption in our words.
Tables that compare years show the edition's year and ``ed.comparison_years``; B1-1, B1-9 and
B1-11 show one year, as in the report.

:func:`published_cells` places every published number of the B1 tables
(``data/published/figures.csv``) on its cell of the rendered table and compares the two, so
that the chapter (and the tests) can say how many cells equal the report.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import formatting as fmt
from barometer.presentation import tables as tb
from barometer.data.codebook import load_codebook
from barometer.presentation.intervals import met_intervallen
from barometer.presentation import declaration
from barometer.presentation.disclosure import metadata, public
from barometer.presentation.exhibit import Disclosed, Notice, TableExhibit, disclose
from barometer.analysis.statistics import TOTAL
from barometer.presentation import linked
from barometer.presentation.phrasing import cached, data_sentence, register
from barometer.presentation.phrasing import lower_first, years_text
from barometer.presentation.glue import glue_texts
from barometer.presentation.published import read_figures

__all__ = [
    "SLUG",
    "NUMBERS",
    "QUESTION",
    "TABLES",
    "tabel",
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
    "appendix_table",
    "published_cells",
    "tabel_vragen",
    "kerncijfers",
]

SLUG = "bijlage"
#: The tables of Bijlage I in the report's order.
NUMBERS: tuple[str, ...] = tuple(tb.TABLES)
#: Question (codebook name) behind each table: decides in which years it can be shown.
QUESTION: dict[str, str] = {
    "B1-1": "sector", "B1-2": "channel", "B1-3": "initiative", "B1-4": "partner",
    "B1-5": "partner_phase", "B1-6": "funding", "B1-7": "evaluation", "B1-8": "innovated",
    "B1-9": "innovation_type", "B1-10": "climate_scale", "B1-11": "climate_scale",
    "B1-12": "conditions_scale",
}
#: Tables of one measurement year (the others compare years).
ONE_YEAR = ("B1-1", "B1-9", "B1-11")

# Captions in our own words; the unit and the years are added from the data.
_CAPTION = {
    "B1-1": ("Deelnemende organisaties per sector", "aantal en %"),
    "B1-2": ("Kanalen waarlangs organisaties hoorden van de innovatie die zij overnamen", "%"),
    "B1-3": ("Van wie of waarvandaan het initiatief voor de innovatie kwam", "%"),
    "B1-4": ("Organisaties waarmee bij de innovatie is samengewerkt", "%"),
    "B1-5": ("Fasen van het innovatieproces waarin de samenwerkingspartners meededen", "%"),
    "B1-6": ("Hoe de innovatie is betaald", "%"),
    "B1-7": ("Of de innovatie is geëvalueerd", "%"),
    "B1-8": ("Organisaties die een innovatie invoerden, per sector", "%"),
    "B1-9": ("Soorten innovatie per sector", "%"),
    "B1-10": ("Schaalscore innovatieklimaat per sector", "gemiddelde, standaarddeviatie en n"),
    "B1-11": ("Schaalscore innovatieklimaat bij de nationale overheid", "gemiddelde, standaarddeviatie en n"),
    "B1-12": ("Schaalscore randvoorwaarden voor innovatie per sector", "gemiddelde, standaarddeviatie en n"),
}


#: The statistic of each table that breaks a grouping variable of the profiles down (the
#: secondary rule chooses their hidden cells for the whole edition, barometer.presentation.linked).
LINKED: dict[str, linked.Statistic] = {"B1-8": linked.INNOVATED, "B1-9": linked.TYPES, "B1-10": linked.CLIMATE,
                                       "B1-11": linked.CLIMATE, "B1-12": linked.CONDITIONS}


def _years(ed, number: str) -> list[int]:
    """Years a table shows in this edition: asked years among the edition's and comparison years."""
    cb = load_codebook()
    ys = [ed.year] if number in ONE_YEAR else sorted({*ed.comparison_years, ed.year})
    return [y for y in ys if cb.is_asked(QUESTION[number], y)]


def appendix_table(ed, number: str) -> tb.Table | None:
    """The :class:`barometer.presentation.tables.Table` ``number`` for this edition (None if not asked).

    Parameters
    ----------
    ed : Edition
    number : str
        ``"B1-1"`` … ``"B1-12"``.

    Returns
    -------
    barometer.presentation.tables.Table or None
        None when the table's question was asked in none of the edition's years.
    """
    if number not in tb.TABLES:
        raise KeyError(f"{number!r} is not a table of Bijlage I; choose one of {list(NUMBERS)}")

    def compute():
        ys = _years(ed, number)
        if not ys:
            return None
        fn = tb.TABLES[number]
        df = ed.all_years
        if number == "B1-1":
            return fn(df, ed.year)
        if number == "B1-9":
            return fn(df, ed.year, ed.min_base, innovators_hidden=_innovators_hidden(ed))
        if number in ONE_YEAR:
            return fn(df, ed.year, ed.min_base)
        return fn(df, ys, ed.min_base)

    return cached(ed, f"tabel-{number}", compute)


def _innovators_hidden(ed) -> set[int]:
    """The sectors whose number of innovators in the edition's year Tabel B1-8 hides: the base
    of Tabel B1-9 is that count, so B1-9 hides it too (empty when B1-8 is kept as printed, or
    does not show the edition's year)."""
    if ed.year not in _years(ed, "B1-8"):
        return set()
    _, d = TABLES["B1-8"].disclosed(ed)
    if d.as_printed:
        return set()
    return {int(c.key["group"]) for c in d.protected.cells
            if str(c.key.get("group")) != TOTAL and int(c.key.get("year", -1)) == ed.year}


def _not_asked(ed, number: str) -> Notice:
    """The notice instead of Tabel ``number`` when none of the edition's years asked its question."""
    cb = load_codebook()
    asked = years_text([y for y in cb.years if cb.is_asked(QUESTION[number], y)])
    return Notice(f"Tabel {number}: deze vraag is in de meting van {ed.year} niet gesteld"
                  + (f" (wel in {asked})." if asked else "."))


def _declare(number: str) -> declaration.Table:
    """Tabel ``number`` of Bijlage I, declared.

    compute: the full-precision data of :mod:`barometer.presentation.tables` with the 95% interval
    of every percentage and mean (B1-1, the fieldwork itself, has none), or the notice when
    the question was not asked; tabulate: the table's own layout (``Table.layout``) applied to
    the disclosed frame, so that screen and download hide the same cells; caption in our
    words with the unit and the years; notes: the table's footnotes and source line.
    """
    text, unit = _CAPTION[number]

    def compute(ed):
        t = appendix_table(ed, number)
        if t is None:
            return _not_asked(ed, number)
        if number == "B1-1":
            return t.data
        data = t.data
        if number in LINKED and "item" not in data.columns:  # which question a row is about, in the download too
            data = data.copy()
            data.insert(list(data.columns).index("group") + 1, "item", QUESTION[number])
        return met_intervallen(data, ed)

    def notes(ed, d: Disclosed) -> list[str]:
        t = appendix_table(ed, number)
        return [*t.notes, *([t.source] if t.source else [])]

    return declaration.Table(
        name=f"tbl-{SLUG}-{number.lower()}", report=f"Tabel {number}",
        codes={"group": "national_type" if number == "B1-11" else "sector"},
        compute=compute, linked=LINKED.get(number),
        tabulate=lambda ed, d: appendix_table(ed, number).layout(d),
        caption=lambda ed, d: f"{text} ({unit}; {years_text(_years(ed, number))})",
        notes=notes,
    )


#: The tables of Bijlage I, declared (number -> declaration): each computes, discloses once and
#: tabulates, writes its download and sidecar from the same disclosed frame.
TABLES: dict[str, declaration.Table] = {number: _declare(number) for number in NUMBERS}


def tabel(ed, number: str) -> TableExhibit | Notice:
    """Tabel ``number`` of Bijlage I as a numbered exhibit with footnotes and download.

    Returns
    -------
    TableExhibit
        ``name`` ``tbl-bijlage-b1-<x>``; ``caption`` "<our wording> (<unit>; <years>).
        (Tabel B1-x in het rapport)" (the book numbers the table itself, so the report's
        number goes last, as in the chapters); ``notes`` the table's footnotes and source line;
        ``data`` the full-precision tidy frame of :mod:`barometer.presentation.tables` with the
        interval columns.
    Notice
        When the question was not asked in the edition's year(s).
    """
    if number not in TABLES:
        raise KeyError(f"{number!r} is not a table of Bijlage I; choose one of {list(NUMBERS)}")
    return TABLES[number](ed)


#: Tabel B1-1: response per sector (one year).
tabel_b1_1 = TABLES["B1-1"]
#: Tabel B1-2: channels through which adopters heard of the innovation (multiple response).
tabel_b1_2 = TABLES["B1-2"]
#: Tabel B1-3: initiative for the innovation (multiple response).
tabel_b1_3 = TABLES["B1-3"]
#: Tabel B1-4: partners in the innovation (multiple response).
tabel_b1_4 = TABLES["B1-4"]
#: Tabel B1-5: phases in which partners took part (multiple response).
tabel_b1_5 = TABLES["B1-5"]
#: Tabel B1-6: funding of the innovation (multiple response).
tabel_b1_6 = TABLES["B1-6"]
#: Tabel B1-7: evaluation of the innovation (single choice).
tabel_b1_7 = TABLES["B1-7"]
#: Tabel B1-8: share of organisations that implemented an innovation, by sector.
tabel_b1_8 = TABLES["B1-8"]
#: Tabel B1-9: types of innovation by sector (one year, multiple response).
tabel_b1_9 = TABLES["B1-9"]
#: Tabel B1-10: innovation-climate scale by sector.
tabel_b1_10 = TABLES["B1-10"]
#: Tabel B1-11: innovation-climate scale in the national government (one year).
tabel_b1_11 = TABLES["B1-11"]
#: Tabel B1-12: conditions scale by sector.
tabel_b1_12 = TABLES["B1-12"]


# ----------------------------------------------------------------------------- published cells
def _codes(value) -> list[int]:
    return [int(c) for c in str(value).split("|")] if value is not None and not pd.isna(value) else []


def _expected(row) -> str:
    """The published value as the table would print it."""
    stat = row["statistic"]
    if row["comparison"] == "lt" and stat == "n":
        return fmt.SMALL_CELL  # the report prints '#' where n < 5
    if stat in ("pct", "response_rate"):
        return fmt.pct(row["value"], int(row["decimals"]))
    if stat in ("mean", "sd"):
        return fmt.dec(row["value"], int(row["decimals"]))
    return fmt.num(row["value"])


def _locate(t: tb.Table, number: str, row, ys: list[int]) -> tuple[int, int]:
    """(row position, column position) of a published row in the display frame of ``t``.

    Rows are found by their codebook label in the first column (the total is the last
    row); columns by the layout of :mod:`barometer.presentation.tables` (per year a block of columns).
    """
    cb = load_codebook()
    frame = t.frame
    first = list(frame.iloc[:, 0])
    stat, var, year = row["statistic"], row["variable"], int(row["year"])
    group_var, groups = row["group_var"], _codes(row["group"])
    total = len(first) - 1

    def by_label(label: str) -> int:
        if label not in first:
            raise KeyError(f"{row['row_id']}: no row {label!r} in Tabel {number}")
        return first.index(label)

    def group_row() -> int:
        if group_var is None or pd.isna(group_var):
            return total
        labels = cb.labels(group_var)
        if len(groups) == 1:
            return by_label(labels[groups[0]])
        if set(groups) == set(labels):  # the union of all groups is the total row
            return total
        raise KeyError(f"{row['row_id']}: group {row['group']!r} is no row of Tabel {number}")

    yi = ys.index(year)
    if number == "B1-1":
        col = {"n": 1, "response_rate": 2, "pct": 3}[stat]
        if stat == "pct":
            return by_label(cb.labels("sector")[_codes(row["codes"])[0]]), col
        return group_row(), col
    if number in ("B1-2", "B1-3", "B1-4", "B1-5", "B1-6", "B1-7"):
        col = 1 + yi
        if stat == "n":
            return total, col
        if cb.variable(QUESTION[number]).type == "multiple":
            return by_label(cb.label(var)), col
        return by_label(cb.labels(var)[_codes(row["codes"])[0]]), col
    if number == "B1-8":
        return group_row(), 1 + 2 * yi + (1 if stat == "n" else 0)
    if number == "B1-9":
        if stat == "n":
            return group_row(), frame.shape[1] - 1
        return group_row(), list(frame.columns).index(cb.label(var))
    # B1-10, B1-11, B1-12: per year Gemiddelde, st. deviatie, Totaal (n)
    return group_row(), 1 + 3 * yi + {"mean": 0, "sd": 1, "n": 2}[stat]


def published_cells(ed, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every published number of Tabel B1-1 … B1-12 next to the cell our table shows.

    Parameters
    ----------
    ed : Edition
        Only published rows of the years the edition's tables show are placed.
    figures : DataFrame, optional
        :func:`barometer.presentation.published.read_figures` (default: the shipped table).

    Returns
    -------
    DataFrame
        One row per published number: ``row_id``, ``table``, ``year``, ``statistic``,
        ``row`` (row label), ``column`` (column header), ``published`` (the published value
        formatted as the table prints it), ``shown`` (our cell), ``equal`` (bool),
        ``conflict`` (id in ``data/registers/conflicts.yaml`` or empty), ``status``
        (``gelijk``, ``conflict``, ``afwijkend`` or ``niet berekenbaar``) and ``reason``
        (for conflicts: the register's resolution; for ``response_rate``: why it cannot be
        computed from respondent data).

    Notes
    -----
    The response percentage of Tabel B1-1 needs the number of organisations approached per
    sector, which is not in a respondent file: the table then shows ``-`` and the row is
    ``niet berekenbaar`` (unless the cell does show the published value).
    """
    fig = figures if figures is not None else read_figures()
    fig = fig[fig["source"].astype(str).str.match(r"^Tabel B1-\d+$")]
    reasons = {c["id"]: str(c.get("resolution", "")).strip() for c in register("conflicts")}
    rows = []
    for _, r in fig.iterrows():
        number = str(r["source"]).removeprefix("Tabel ")
        ys = _years(ed, number)
        if int(r["year"]) not in ys:
            continue
        t = appendix_table(ed, number)
        i, j = _locate(t, number, r, ys)
        shown = str(t.frame.iat[i, j])
        expected = _expected(r)
        equal = shown == expected
        conflict = "" if pd.isna(r["conflict"]) else str(r["conflict"])
        if equal:
            status, reason = "gelijk", ""
        elif conflict:
            status, reason = "conflict", reasons.get(conflict, "")
        elif r["statistic"] == "response_rate":
            status = "niet berekenbaar"
            reason = ("Het responspercentage vraagt het aantal benaderde organisaties per sector; "
                      "dat staat niet in het respondentbestand.")
        else:
            status, reason = "afwijkend", ""
        rows.append({"row_id": r["row_id"], "table": number, "year": int(r["year"]),
                     "statistic": r["statistic"], "row": t.frame.iat[i, 0],
                     "column": str(t.frame.columns[j]), "published": expected, "shown": shown,
                     "equal": equal, "conflict": conflict, "status": status, "reason": reason})
    cols = ["row_id", "table", "year", "statistic", "row", "column", "published", "shown",
            "equal", "conflict", "status", "reason"]
    return pd.DataFrame(rows, columns=cols)


def _top_rows(ed) -> dict[str, str]:
    """Most frequent answer of the edition's year in Tabel B1-1, B1-2, B1-3, B1-4, B1-6 and B1-9.

    Keys ``meest_b1_<x>`` (label, first letter lower case) and ``pct_meest_b1_<x>``; for
    B1-1 the largest sector (long label) and its share of the response. ``-`` when the table is not shown.
    """
    from barometer.analysis.statistics import TOTAL

    out = {}
    for number in ("B1-1", "B1-2", "B1-3", "B1-4", "B1-6", "B1-9"):
        key = number.lower().replace("-", "_")
        t = appendix_table(ed, number) if ed.year in _years(ed, number) else None
        if t is None:
            out[f"meest_{key}"], out[f"pct_meest_{key}"] = fmt.NOT_ASKED, fmt.NOT_ASKED
            continue
        disclosed = disclose(t.data, ed.min_base, f"Tabel {number}", ed.year)  # as the table shows it
        d = disclosed.frame
        if number == "B1-1":
            d = d[d["sector"] != TOTAL].rename(columns={"share_pct": "pct"})
        else:
            d = d[d["year"] == ed.year]
            if "group" in d.columns and (d["group"] == TOTAL).any():
                d = d[d["group"] == TOTAL]
        if d["pct"].astype(float).notna().sum() == 0:  # nobody with a base: no highest share
            out[f"meest_{key}"], out[f"pct_meest_{key}"] = fmt.NOT_ASKED, fmt.NOT_ASKED
            continue
        i = d["pct"].astype(float).idxmax()
        top = d.loc[i]
        if number == "B1-1":  # a sector name, in full, as a name
            out[f"meest_{key}"] = load_codebook().labels_long("sector")[int(top["sector"])]
        else:
            out[f"meest_{key}"] = lower_first(str(top["label"]))
        # B1-1: a sector's share of the response, from the public respondent counts
        out[f"pct_meest_{key}"] = public(fmt.pct(top["pct"])) if number == "B1-1" else disclosed.cell(i, "pct")
    return out


def _count_phrase(n: int, one: str, many: str, none: str) -> str:
    """``none`` for 0, ``one`` for 1, ``many`` with ``{n}`` (Dutch number) otherwise."""
    if n == 0:
        return none
    return one if n == 1 else many.format(n=fmt.num(n))


def rest_sentence(not_computable: int, deviating: int) -> str:
    """The sentence on the published cells that cannot be computed or deviate unexplained.

    Reads correctly for 0, 1 and more of each: no clause on cells that cannot be computed
    when there are none, "één cijfer ... is" for one, "12 cijfers ... zijn" for more; the
    deviating cells always get a clause ("geen enkel cijfer wijkt af" when there are none).

    >>> rest_sentence(0, 0)
    'Geen enkel cijfer wijkt af zonder dat daar een verklaring voor is vastgelegd.'
    >>> rest_sentence(1, 2)
    'Eén cijfer (een responspercentage) is uit een respondentbestand niet te berekenen, en 2 cijfers wijken af zonder dat daar een verklaring voor is vastgelegd.'
    """
    tail = "zonder dat daar een verklaring voor is vastgelegd."
    if int(not_computable) == 0:  # the sentence starts with the deviating cells ("Eén", not "Één")
        return _count_phrase(int(deviating), "Eén cijfer wijkt af", "{n} cijfers wijken af",
                             "Geen enkel cijfer wijkt af") + f" {tail}"
    deviate = _count_phrase(int(deviating), "één cijfer wijkt af", "{n} cijfers wijken af", "geen enkel cijfer wijkt af")
    computable = _count_phrase(int(not_computable), "Eén cijfer (een responspercentage) is",
                               "{n} cijfers (de responspercentages) zijn", "")
    return f"{computable} uit een respondentbestand niet te berekenen, en {deviate} {tail}"


def kerncijfers(ed) -> dict[str, str]:
    """Glue the chapter's key figures and return them.

    Glued keys
    ----------
    ``jaar``, ``jaren`` (years of the comparing tables), ``n_tabellen``, ``min_base``,
    ``cellen`` (published cells placed), ``cellen_gelijk``, ``cellen_conflict``,
    ``cellen_afwijkend``, ``cellen_niet_berekenbaar``, ``zin_niet_berekenbaar`` (the sentence on
    the cells that cannot be computed or deviate, :func:`rest_sentence`), ``vergelijking`` (a sentence on the
    comparison years), ``databron`` (synthetic data or not) and the most frequent answers
    of :func:`_top_rows`.
    """
    cells = cached(ed, "published-cells", lambda: published_cells(ed))
    status = cells["status"].value_counts()
    shown = [n for n in NUMBERS if _years(ed, n)]
    comp = ed.comparison_years
    if comp:
        zin = f"Waar het rapport vergelijkt, staan de metingen van {years_text([*comp, ed.year])} naast elkaar."
    else:
        zin = (f"Er is geen eerdere meting om mee te vergelijken; de tabellen tonen alleen "
               f"{ed.year}.")
    out = {
        "jaar": str(ed.year),
        "jaren": years_text(sorted({*comp, ed.year})),
        "n_tabellen": metadata(fmt.num(len(shown))),
        "min_base": metadata(fmt.num(ed.min_base)),
        "cellen": metadata(fmt.num(len(cells))),
        "cellen_gelijk": metadata(fmt.num(int(status.get("gelijk", 0)))),
        "cellen_conflict": metadata(fmt.num(int(status.get("conflict", 0)))),
        "cellen_afwijkend": metadata(fmt.num(int(status.get("afwijkend", 0)))),
        "cellen_niet_berekenbaar": metadata(fmt.num(int(status.get("niet berekenbaar", 0)))),
        "zin_niet_berekenbaar": metadata(rest_sentence(int(status.get("niet berekenbaar", 0)),
                                                       int(status.get("afwijkend", 0)))),
        "vergelijking": zin,
        "databron": data_sentence(ed),
        **_top_rows(ed),
    }
    return glue_texts(out)


def tabel_vragen(ed) -> TableExhibit:
    """The question behind each table, who was asked it and in which years (from the codebook).

    Returns
    -------
    TableExhibit
        ``tbl-bijlage-vragen``: columns Tabel, Vraag, Gesteld aan, Gemeten in.
    """
    cb = load_codebook()
    rows = []
    for number in NUMBERS:
        name = QUESTION[number]
        if name in cb.variables:
            text, years = cb.variable(name).question, cb.variable(name).years
        else:
            d = cb.derived(name)
            text, years = f"{d.label}: {lower_first(d.definition)}", d.years
        rows.append({"Tabel": number, "Vraag of schaal": text,
                     "Gesteld aan": cb.routing_of(name).label, "Gemeten in": years_text(years)})
    frame = pd.DataFrame(rows)
    with declaration.in_force(ed):  # the edition's year, threshold and notice, not the process's
        return TableExhibit(name=f"tbl-{SLUG}-vragen",
                            caption="Vragen en schalen achter de tabellen van deze bijlage",
                            frame=frame, notes=["Formuleringen uit het codeboek (eigen parafrase van de vragenlijst)."])

