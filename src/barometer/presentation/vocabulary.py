"""One vocabulary of Dutch column headers for every download, Excel sheet and the workbook.

Exhibit data frames name their columns in code style (``base``, ``pct_2021``, ``fail_budget``);
:func:`dutch_header` turns such a name into the Dutch header a reader sees. The same function
serves the per-exhibit CSV and Excel files (:mod:`barometer.presentation.exhibit`) and the edition workbook
(:mod:`barometer.publishing.workbook`). A new column (e.g. ``ondergrens``/``bovengrens`` of an interval)
needs one entry in :data:`DUTCH_HEADERS`; the disclosure policy (``data/disclosure.yaml``,
``value_columns``) says whether it is suppressed with its value.

:data:`ROUNDING` gives the decimals the book publishes per value column; downloads carry the
value rounded that way next to the full precision.

Examples
--------
>>> from barometer.presentation.vocabulary import dutch_header
>>> dutch_header("base"), dutch_header("pct_2021"), dutch_header("fail_budget")[:6]
('Basis (n)', 'Percentage 2021', 'Gebrek')
"""

from __future__ import annotations

import re

from barometer.analysis.models import SIGNIFICANCE_LEVEL
from barometer.presentation import formatting as _fmt

__all__ = ["DUTCH_HEADERS", "ROUNDING", "dutch_header", "dutch_columns", "untranslated_headers",
           "decimals_of", "INTERVAL_WORD", "interval_header"]

#: The book's one word for a 95% interval, in headers as in prose ("95%-interval"; the same text
#: as :func:`barometer.presentation.phrasing.interval_word`, from the one significance level).
INTERVAL_WORD = f"{_fmt.pct(100 * (1 - SIGNIFICANCE_LEVEL))}-interval"


def interval_header(of: str = "") -> str:
    """The header of a column of 95% intervals in a display table: ``"95%-interval"``, or with
    what it is the interval of, ``interval_header("verschil")`` -> ``"95%-interval verschil"``."""
    return f"{INTERVAL_WORD} {of}".strip()


#: Dutch column headers for the column names the exhibit data use. Codebook names (items
#: such as ``fail_budget``, derived variables) get their label from the codebook instead;
#: ``pct_<x>`` and ``n_<x>`` become "Percentage <x>" and "Basis (n) <x>".
DUTCH_HEADERS: dict[str, str] = {
    # years, groups, answers
    "year": "Jaar", "jaar": "Jaar", "period": "Periode", "fieldwork": "Veldwerk",
    "group": "Groep (code)", "group_label": "Groep", "groep": "Groep",
    "item": "Variabele (codeboek)", "variable": "Variabele (codeboek)",
    "variabele": "Variabele (codeboek)", "label": "Omschrijving", "code": "Code",
    "code_label": "Antwoord", "antwoord": "Antwoord", "level": "Niveau", "type": "Type",
    "term": "Term", "uitkomst": "Uitkomst", "reeks": "Reeks", "soort": "Soort",
    "indeling": "Indeling", "population": "Populatie", "scale": "Schaal",
    "strategie": "Strategie", "verandering": "Verandering", "herkomst": "Herkomst",
    "technologie": "Technologie", "technologisch": "Technologisch gehalte",
    "technologisch gehalte": "Technologisch gehalte", "spectrum": "Innovatiespectrum",
    "onderdeel": "Onderdeel", "organisatiegrootte": "Organisatiegrootte", "fase": "Fase",
    "doel": "Doel", "effect": "Effect", "reden": "Reden", "resultaatgebied": "Resultaatgebied",
    # counts and percentages
    "count": "Aantal", "aantal": "Aantal", "base": "Basis (n)", "basis": "Basis (n)",
    "n": "Basis (n)", "pct": "Percentage", "percentage": "Percentage",
    "pct_full": "Percentage", "shown": "Percentage in de figuur",
    "getoond": "Percentage in de figuur", "share_pct": "Aandeel (%)",
    "response_rate": "Respons (%)", "response_pct": "Respons (%)",
    "n_innovated": "Aantal met innovatie", "pct_innovated": "Percentage met innovatie",
    "diff_pp": "Verschil (procentpunten)", "verschil": "Verschil",
    # statistics
    "mean": "Gemiddelde", "gemiddeld": "Gemiddelde", "sd": "Standaarddeviatie",
    "se": "Standaardfout", "p": "p-waarde", "p_value": "p-waarde",
    "p_gezamenlijk": "p-waarde (gezamenlijk)", "z": "z-waarde", "chi2": "Chi-kwadraat",
    "df": "Vrijheidsgraden", "F": "F-waarde", "coef": "Coëfficiënt",
    "odds_ratio": "Odds ratio", "ci_low": "Betrouwbaarheidsinterval ondergrens",
    "ci_high": "Betrouwbaarheidsinterval bovengrens", "estimable": "Te schatten", "loading": "Lading",
    "item_rest_r": "Item-restcorrelatie", "alpha": "Cronbachs alfa",
    "alpha_if_deleted": "Alfa zonder dit item", "explained": "Verklaarde variantie",
    "statistic": "Statistiek", "value": "Waarde",
    # histograms
    "bin_left": "Klasse vanaf", "bin_right": "Klasse tot", "bin_mid": "Klassemidden",
    "width": "Klassebreedte",
    # case catalogue and claims
    "case_id": "Nummer", "cluster": "Cluster", "organisation": "Organisatie",
    "sector": "Sector", "technology": "Technologie", "innovation": "Innovatie",
    "summary": "Samenvatting", "source": "Bron", "claim_id": "Bewering (nummer)",
    "claim": "Bewering", "test": "Toets", "holds": "Klopt", "error": "Fout", "Totaal": "Totaal",
    "verdict": "Oordeel", "restatement": "Toets op deze editie",
    # published figures, registers and checks
    "base_n": "Basis (n)", "codes": "Codes", "comparison": "Vergelijking",
    "computed": "Berekend", "conflict": "Tegenstrijdigheid", "decimals": "Decimalen",
    "group_var": "Groepsvariabele", "items": "Items", "measure": "Maat",
    "min_loading": "Laagste lading", "note": "Noot", "ok": "In orde", "outcome": "Uitkomst",
    "pseudo_r2": "Pseudo-R²", "ref_id": "Referentie (nummer)", "reliability": "Betrouwbaarheid",
    "row_id": "Rij (nummer)", "scale_label": "Schaal", "source_url": "Bron (adres)",
    "status": "Status", "tolerance": "Tolerantie", "unit": "Eenheid", "wave": "Meting",
    # interval bounds of any value (suppressed with the value they bound)
    "ondergrens": "Ondergrens (95%-betrouwbaarheidsinterval)",
    "bovengrens": "Bovengrens (95%-betrouwbaarheidsinterval)",
    # uncertainty (barometer.analysis.uncertainty, barometer.analysis.weighting)
    "p_gecorrigeerd": "p-waarde (gecorrigeerd volgens Holm)",
    "profiel_ondergrens": "Ondergrens (profiel-likelihoodinterval)",
    "profiel_bovengrens": "Bovengrens (profiel-likelihoodinterval)",
    "firth_or": "Odds ratio (Firth)", "firth_ondergrens": "Ondergrens (Firth, profielinterval)",
    "firth_bovengrens": "Bovengrens (Firth, profielinterval)",
    "cijfer": "Cijfer", "ongewogen": "Ongewogen", "ongewogen_ondergrens": f"Ongewogen: ondergrens ({INTERVAL_WORD})",
    "ongewogen_bovengrens": f"Ongewogen: bovengrens ({INTERVAL_WORD})", "gewogen": "Gewogen naar sector",
    "gewogen_standaardfout": "Gewogen: standaardfout", "gewogen_ondergrens": f"Gewogen: ondergrens ({INTERVAL_WORD})",
    "gewogen_bovengrens": f"Gewogen: bovengrens ({INTERVAL_WORD})",
    # figures published by others, without microdata (data/disclosure.yaml, published_columns)
    "dk_gepubliceerd": "Gepubliceerd cijfer Denemarken (percentage, zonder microdata)",
    # columns every download gets (barometer.presentation.exhibit)
    "gemiddelde": "Gemiddelde", "indicator": "Indicator",
    "geheimhouding": "Geheimhouding", "bron": "Bron", "let_op": "Let op",
}
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^pct_(.+)$"), "Percentage {0}"),
    (re.compile(r"^n_(.+)$"), "Basis (n) {0}"),
    (re.compile(r"^ondergrens_(.+)$"), "Ondergrens (95%-betrouwbaarheidsinterval) {0}"),
    (re.compile(r"^bovengrens_(.+)$"), "Bovengrens (95%-betrouwbaarheidsinterval) {0}"),
    (re.compile(r"^(.+)_label$"), "Omschrijving {0}"),
)

# --------------------------------------------------------------------------- headers
def dutch_header(column: str, codebook=None) -> str:
    """Dutch column header for a column name of an exhibit's data.

    Parameters
    ----------
    column : str
        Column name as the exhibit's data frame has it (``base``, ``pct_2021``,
        ``fail_budget``, ...).
    codebook : barometer.data.codebook.Codebook, optional
        Defaults to the shipped codebook; used for item and derived-variable names.

    Returns
    -------
    str
        The header from :data:`DUTCH_HEADERS`, else the codebook label of the column or
        derived variable, else the ``pct_``/``n_`` pattern, else ``column`` unchanged.
    """
    column = str(column)
    if column in DUTCH_HEADERS:
        return DUTCH_HEADERS[column]
    cb = codebook if codebook is not None else _codebook()
    if cb is not None:
        if cb.has_column(column):
            return cb.column(column).label
        try:
            return cb.derived(column).label
        except Exception:  # noqa: BLE001 - not a derived variable either
            pass
    for pattern, template in _PATTERNS:
        m = pattern.match(column)
        if m:
            return template.format(m.group(1))
    return column


def dutch_columns(columns, codebook=None) -> list[str]:
    """Dutch headers for ``columns``; a header that would repeat keeps its column name."""
    dutch = [dutch_header(c, codebook) for c in columns]
    return [d if dutch.count(d) == 1 else f"{d} ({c})" for d, c in zip(dutch, columns)]


def untranslated_headers(columns, codebook=None) -> list[str]:
    """Code-style column names (lower case, no spaces) that have no Dutch header.

    Numbers (years, cluster codes) pass, and so do names an exhibit already wrote as a
    Dutch display header (starting with a capital or containing a space, e.g. "Gemeten in").
    """
    return [
        str(c) for c in columns
        if str(c) not in DUTCH_HEADERS and dutch_header(c, codebook) == str(c)
        and re.fullmatch(r"[a-z][a-z0-9_]*", str(c))
    ]



#: Decimals the book shows, per value column (and per prefix of a wide column ``pct_<x>``).
ROUNDING: dict[str, int] = {
    "pct": 0, "percentage": 0, "pct_full": 0, "shown": 0, "getoond": 0, "share_pct": 0,
    "mean": 2, "gemiddeld": 2, "gemiddelde": 2, "sd": 2,
}
_ROUNDING_PREFIXES: dict[str, int] = {"pct": 0, "mean": 2, "sd": 2, "gem": 2}


def decimals_of(column: str) -> int | None:
    """Decimals the book publishes for a value column, or None (not a rounded statistic)."""
    if column in ROUNDING:
        return ROUNDING[column]
    for prefix, d in _ROUNDING_PREFIXES.items():
        if re.fullmatch(rf"{prefix}_.+", column) and not column.startswith("n_"):
            return d
    return None


def _codebook():
    from barometer.data.codebook import load_codebook

    return load_codebook()


# --- added by hver: the difference of the weighting sensitivity (methods chapter)
DUTCH_HEADERS.setdefault("gewogen_verschil", "Verschil gewogen min ongewogen")
