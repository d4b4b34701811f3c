"""Helpers shared by the exhibit modules ``openbaar_bestuur`` and ``praktijken`` (report §2.1–2.2).

Private to those two modules: the years an edition shows, a notice shown instead of an
exhibit when a question was not asked or there is nothing to compare with, frequency tables
per year in long form (via :mod:`barometer.statistics`), and the sentence fragments (significance words, Dutch
lists) that the exhibit functions glue.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from barometer import formatting as fmt
from barometer.codebook import Codebook, load_codebook
from barometer.glue import direction, glue_text
from barometer.statistics import TOTAL, frequencies

__all__ = [
    "ALPHA",
    "Melding",
    "codebook",
    "years",
    "year_label",
    "asked_years",
    "freq_by_year",
    "shown_pct",
    "join_nl",
    "lower_first",
    "significance_word",
    "total_label",
    "uitvoering_label",
    "DK_COUNTERPARTS",
    "dk_table",
    "dk_period",
    "dk_values",
    "glue",
]

#: Significance level of every test in these chapters (the report's convention).
ALPHA = 0.05


def codebook() -> Codebook:
    """The shipped codebook (cached by :func:`barometer.codebook.load_codebook`)."""
    return load_codebook()


@dataclass
class Melding:
    """A short Dutch sentence shown instead of an exhibit (question not asked, no data).

    Renders as a MyST ``{note}`` admonition; the plain-text repr carries the same words so
    nbval checks it.
    """

    text: str

    def _repr_markdown_(self) -> str:
        return f"```{{note}}\n{self.text}\n```"

    def __repr__(self) -> str:
        return self.text


def years(ed) -> list[int]:
    """Comparison years and the edition's year, oldest first."""
    return [*ed.comparison_years, ed.year]


def year_label(year: int) -> str:
    """Label of a measurement year on an axis or in a legend (``"2025"``)."""
    return str(int(year))


def asked_years(ed, name: str) -> list[int]:
    """Years of the edition (and its comparisons) in which ``name`` was asked."""
    cb = codebook()
    return [y for y in years(ed) if cb.is_asked(name, y)]


def freq_by_year(ed, question: str, by: str | None = None, total: bool = True) -> pd.DataFrame:
    """Frequencies of ``question`` for every year the edition shows (long form).

    Parameters
    ----------
    ed : Edition
    question : str
        Codebook question or coded derived variable.
    by : str, optional
        Grouping column.
    total : bool, default True
        With ``by``: also the rows of all respondents.

    Returns
    -------
    DataFrame
        As :func:`barometer.statistics.frequencies`, restricted to the years in which the
        question was asked, plus ``year_label`` (str) and ``shown`` (the percentage, NaN
        where the base is below the edition's ``min_base``).
    """
    yrs = asked_years(ed, question)
    if not yrs:
        return pd.DataFrame(columns=["year", "group", "item", "code", "label", "count", "base", "pct",
                                     "year_label", "shown"])
    out = frequencies(ed.all_years, question, by=by, years=yrs, total=total)
    out["year_label"] = out["year"].map(year_label)
    out["shown"] = out["pct"].where(out["base"] >= ed.min_base)
    return out


def shown_pct(value: float, base: int, min_base: int) -> str:
    """Dutch percentage, or ``#`` when the base is below ``min_base``."""
    return fmt.suppress(fmt.pct(value), base, min_base)


def join_nl(parts: Sequence[str]) -> str:
    """Join words the Dutch way: ``a, b en c``."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def lower_first(text: str) -> str:
    """Lower-case the first letter of a label, for use inside a sentence."""
    return text[:1].lower() + text[1:] if text else text


def significance_word(p: float, alpha: float = ALPHA) -> str:
    """``"wel"`` when ``p < alpha``, else ``"niet"`` (for "... is wel/niet significant")."""
    return "wel" if p < alpha else "niet"


def glue(key: str, text: str) -> str:
    """Glue a pre-formatted Dutch string (see :func:`barometer.glue.glue_text`)."""
    return glue_text(key, text)


def total_label() -> str:
    """Label of the row of all respondents (``"Totaal"``)."""
    return TOTAL


def uitvoering_label() -> str:
    """Label of the executive organisations of the national government together
    (``national_type`` 2 and 3), composed from the codebook labels."""
    labels = codebook().labels("national_type")
    return f"Uitvoering ({lower_first(labels[2])}, {lower_first(labels[3])})"


# ----------------------------------------------------------------------------- Denmark
#: Which row of ``data/external/denmark.csv`` (``ref_id``, and ``measure`` where a ref_id has
#: several rows) is the Danish counterpart of a Dutch variable, per Dutch edition. Keys are
#: codebook columns, ``<column>_<codes>`` for a union of answer codes, or ``n_workplaces``
#: (responding Danish workplaces). The pairing follows ``data/external/README.md`` and the
#: ``note`` column of the file. A Dutch variable without an entry has no Danish figure: the
#: exhibits then say so, and never estimate one.
DK_COUNTERPARTS: dict[int, dict[str, tuple[str, str | None]]] = {
    2025: {
        "innovated": ("DK4-01", None),
        "n_workplaces": ("DK-W4", "responding workplaces"),
        "type_process": ("DK4-10", None),
        "type_interaction": ("DK4-11", None),
        "type_service": ("DK4-12", None),
        "type_product": ("DK4-13", None),
        "tech_content_1|2": ("DK4-22", None),
        "init_managers": ("DK4-31", None),
        "init_politics": ("DK4-32", None),
        "init_financial": ("DK4-33", None),
        "init_technology": ("DK4-34", None),
        "fund_own": ("DK-NL25-54", None),
    },
    2021: {
        "innovated": ("NL21-20", None),
        "n_workplaces": ("DK-W3", "responding workplaces"),
    },
}


def _dk_path():
    from barometer import paths

    return paths.EXTERNAL / "denmark.csv"


def dk_table() -> pd.DataFrame:
    """The rows of ``data/external/denmark.csv`` (empty frame when the file is absent)."""
    path = _dk_path()
    if not path.exists():
        return pd.DataFrame(columns=["ref_id", "measure", "period", "value", "reliability"])
    table = pd.read_csv(path, dtype=str).fillna("")
    table["value"] = pd.to_numeric(table["value"], errors="coerce")
    return table


def dk_period(period: str) -> str:
    """Dutch rendering of a period of the Danish file (``"voorjaar 2021–voorjaar 2023"``)."""
    text = str(period).replace("spring", "voorjaar").replace("autumn", "najaar")
    return text.replace(" - ", "–").replace("-", "–")


def dk_values(question: str, year: int) -> dict[str, dict]:
    """Danish counterparts of the items (or codes) of one question, for a Dutch edition.

    Parameters
    ----------
    question : str
        Codebook question (``"innovation_type"``, ``"initiative"``, ``"funding"``,
        ``"tech_content"``), a single column (``"innovated"``) or ``"n_workplaces"``.
    year : int
        Dutch edition year (see :data:`DK_COUNTERPARTS`).

    Returns
    -------
    dict
        Key: item column (``"type_process"``) or ``"<column>_<codes>"``
        (``"tech_content_1|2"``); value: dict with ``value``, ``period`` (Dutch),
        ``reliability`` and ``ref_id``. Only pairs present in the file.
    """
    cb = codebook()
    pairs = DK_COUNTERPARTS.get(int(year), {})
    if question in cb.variables and cb.variable(question).type == "multiple":
        cols = set(cb.items(question))
    else:
        cols = {question}
    table = dk_table()
    out: dict[str, dict] = {}
    for key, (ref, measure) in pairs.items():
        if key not in cols and not ("|" in key and key.rsplit("_", 1)[0] in cols):
            continue
        rows = table[table["ref_id"] == ref]
        if measure is not None:
            rows = rows[rows["measure"] == measure]
        rows = rows.dropna(subset=["value"])
        if len(rows) != 1:
            continue
        r = rows.iloc[0]
        out[key] = {"value": float(r["value"]), "period": dk_period(r["period"]),
                    "reliability": r.get("reliability", ""), "ref_id": ref}
    return out


def trend(before: float | None, now: float, prev_year: int | None, year: int) -> str:
    """Dutch phrase for the change of a percentage, to follow "Het aandeel ... is".

    Examples: ``"gedaald van 62% in 2021 naar 37% in 2025"``, ``"gelijk gebleven: 87% in
    2021 en in 2025"``, ``"87% in 2025; een eerdere meting is er niet"``. Directions compare
    the values as shown (rounded half up).
    """
    if prev_year is None or before is None or fmt.is_missing(before):
        return f"{fmt.pct(now)} in {year}; een eerdere meting is er niet"
    word = direction(before, now, decimals=0)
    if word == "gelijk gebleven":
        return f"{word}: {fmt.pct(now)} in {prev_year} en in {year}"
    return f"{word} van {fmt.pct(before)} in {prev_year} naar {fmt.pct(now)} in {year}"


def p_value(p: float) -> str:
    """Dutch p-value with three decimals; ``"< 0,001"`` below one in a thousand."""
    if fmt.is_missing(p):
        return fmt.NOT_ASKED
    return f"< {fmt.dec(0.001, 3)}" if p < 0.001 else fmt.dec(p, 3)


def p_text(p: float) -> str:
    """``"p = 0,283"`` or ``"p < 0,001"``, for glued prose."""
    if fmt.is_missing(p):
        return fmt.NOT_ASKED
    return f"p < {fmt.dec(0.001, 3)}" if p < 0.001 else f"p = {fmt.dec(p, 3)}"
