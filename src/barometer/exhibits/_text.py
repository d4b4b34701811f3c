"""Dutch words and sentence parts that the exhibit modules glue into the prose and captions.

One implementation each, shared by every chapter module: enumerations (:func:`join_nl`,
:func:`years_text`), codebook labels inside a sentence (:func:`lower_first`), significance
words and p-values (:func:`significance_word`, :func:`p_value`, :func:`p_text`), the change
of a percentage between two measurements (:func:`trend`) and the sentence shown when a
question was not asked in an edition's year (:func:`not_asked_sentence`, :func:`not_asked`)
and the flag and note of a regression term the data do not bound (:data:`NOT_ESTIMABLE`,
:func:`not_estimable_note`).
Numbers are formatted by :mod:`barometer.formatting`, direction words come from
:func:`barometer.glue.direction`.
"""
from __future__ import annotations

from typing import Any, Iterable

from barometer import claims
from barometer import formatting as fmt
from barometer.codebook import load_codebook
from barometer.exhibit import Notice
from barometer.glue import direction

__all__ = [
    "ALPHA",
    "NO_COMPARISON",
    "join_nl",
    "lower_first",
    "years_text",
    "significance_word",
    "p_value",
    "p_text",
    "trend",
    "not_asked_sentence",
    "not_asked",
    "NOT_ESTIMABLE",
    "not_estimable_note",
]

#: Significance level of every test in the chapters (two-sided; :data:`barometer.claims.ALPHA`).
ALPHA = claims.ALPHA
#: Sentence glued or shown instead of a comparison when the edition has no earlier measurement.
NO_COMPARISON = "Voor deze editie is er geen eerdere meting om mee te vergelijken."


def join_nl(parts: Iterable[Any]) -> str:
    """Dutch enumeration: ``a``, ``a en b``, ``a, b en c`` (empty parts are left out)."""
    texts = [t for t in (str(p) for p in parts) if t]
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " en " + texts[-1]


def lower_first(label: str) -> str:
    """Codebook label for use inside a sentence: first letter lower-case.

    A label that starts with an acronym (second letter upper-case: ``"GR"``, ``"ICT-beleid"``)
    is left as it is.
    """
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def years_text(years: Iterable[int]) -> str:
    """The measurement years, oldest first: ``"2025"``, ``"2021 en 2025"``."""
    return join_nl([str(int(y)) for y in sorted(years)])


def significance_word(p: float | None, alpha: float = ALPHA) -> str:
    """``"wel"`` when ``p < alpha``, else ``"niet"`` (also for a missing p), for "is wel/niet significant"."""
    return "wel" if (not fmt.is_missing(p) and p < alpha) else "niet"


def p_value(p: float | None) -> str:
    """A p-value in a table cell: three decimals (``"0,283"``), ``"< 0,001"``, or ``-`` when missing."""
    if fmt.is_missing(p):
        return fmt.NOT_ASKED
    return f"< {fmt.dec(0.001, 3)}" if p < 0.001 else fmt.dec(p, 3)


def p_text(p: float | None) -> str:
    """A p-value in prose: ``"p = 0,283"`` or ``"p < 0,001"`` (:func:`barometer.claims.p_text`); ``-`` when missing."""
    if fmt.is_missing(p):
        return fmt.NOT_ASKED
    return claims.p_text(p)


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


def not_asked_sentence(question: str, year: int, consequence: str) -> str:
    """``"In de meting van <year> is deze vraag niet gesteld (wel in <years>); <consequence>."``

    The years in which the question was asked come from the codebook (left out for a
    name that is not a codebook question).
    """
    cb = load_codebook()
    asked = cb.variable(question).years if question in cb.variables else []
    extra = f" (wel in {years_text(asked)})" if asked else ""
    return f"In de meting van {year} is deze vraag niet gesteld{extra}; {consequence}."


def not_asked(question: str, year: int) -> Notice:
    """:class:`~barometer.exhibit.Notice` shown instead of a figure of a question not asked in ``year``."""
    return Notice(not_asked_sentence(question, year, "er is dus geen figuur"))


#: Added to the label of a regression term that the data do not bound (``estimable`` False
#: in :class:`barometer.models.LogitResult`); defined in :mod:`barometer.formatting`.
NOT_ESTIMABLE = fmt.NOT_ESTIMABLE


def not_estimable_note(labels: Iterable[str]) -> str | None:
    """Table note naming the terms of a logistic regression that cannot be estimated, or None.

    Such a term is a group in which (almost) every organisation has the same outcome
    (quasi-separation): its odds ratio runs off to infinity, its interval is unbounded
    (``∞``, ``> 1.000``, ``< 0,01``, see :func:`barometer.formatting.odds_ratio`) and its p-value
    says nothing.
    """
    labels = [str(x) for x in labels]
    if not labels:
        return None
    return (f"{NOT_ESTIMABLE.capitalize()}: {join_nl(labels)}. In deze groep hebben (vrijwel) alle "
            "organisaties dezelfde uitkomst, zodat de gegevens de odds ratio en het interval niet begrenzen "
            "(quasi-scheiding); de getoonde waarden en de p-waarde zeggen daarom niets. De download geeft voor "
            "zo'n term de gepenaliseerde schatting van Firth met haar profielinterval, die wel begrensd zijn.")
