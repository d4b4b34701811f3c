"""The one home of the Dutch phrasing the exhibit modules glue into the prose and captions.

Every chapter module takes its shared words and sentence parts from here, so a sentence
pattern is written once and reads correctly in every edition:

* enumerations joined the Dutch way (:func:`join_nl`: ``"2021, 2025 en 2027"``;
  :func:`years_text`), codebook labels inside a sentence (:func:`lower_first`);
* significance words and p-values (:func:`significance_word`, :func:`p_value`, :func:`p_text`);
* the change of a percentage between two measurements (:func:`trend`);
* when a question was asked, from the codebook's ``years`` (:func:`asked`, :func:`vraag_status`,
  :func:`not_asked_sentence`, :func:`not_asked`, :func:`not_asked_melding`);
* the flag and note of a regression term the data do not bound (:data:`NOT_ESTIMABLE`,
  :func:`not_estimable_note`);
* helpers of the methods chapters (:func:`cached`, :func:`register`, :func:`data_sentence`) and
  of the practice chapters (:func:`years`, :func:`year_label`, :func:`asked_years`,
  :func:`freq_by_year`, :func:`uitvoering_label`);
* glue of a chapter's texts (:func:`glue_all`), a chi-square test by group that never raises
  (:func:`chi2_by`) and whether a published figure is reproduced (:func:`published_word`).

Numbers are formatted by :mod:`barometer.presentation.formatting`, direction words come from
:func:`barometer.presentation.glue.direction`.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

import pandas as pd
import yaml

from barometer.presentation import disclosure
from barometer.presentation import formatting as fmt
from barometer.analysis import models
from barometer.data import paths
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import Notice
from barometer.presentation.glue import direction, glue_texts
from barometer.analysis.statistics import frequencies

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
    "cached",
    "register",
    "data_sentence",
    "years",
    "year_label",
    "asked_years",
    "freq_by_year",
    "uitvoering_label",
    "glue_all",
    "asked",
    "vraag_status",
    "not_asked_melding",
    "chi2_by",
    "published_word",
    "compare_word",
    "model_reason",
    "too_few",
    "not_estimable",
    "asked_when",
    "VERDICTS",
    "VERDICT_WORDS",
    "verdict",
    "change_sentence",
    "claim_phrase",
    "INTERVAL_METHOD",
    "whisker_note",
    "interval_download_note",
    "difference_interval",
    "without_margin",
    "interval_word",
    "mean_difference_interval",
    "tested_direction",
]

#: Significance level of every test in the chapters (two-sided; :data:`barometer.analysis.models.SIGNIFICANCE_LEVEL`, also ``barometer.presentation.claims.ALPHA``).
ALPHA = models.SIGNIFICANCE_LEVEL
#: What an interval of a share is, in a figure's note (stated once per figure; the methods
#: chapter gives the details).
INTERVAL_METHOD = (f"{fmt.pct(100 * (1 - models.SIGNIFICANCE_LEVEL))}-betrouwbaarheidsinterval "
                   "(Wilson, met eindige-populatiecorrectie)")
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
    """A p-value in prose: ``"p = 0,283"`` or ``"p < 0,001"`` (:func:`barometer.presentation.formatting.p_text`); ``-`` when missing."""
    if fmt.is_missing(p):
        return fmt.NOT_ASKED
    return fmt.p_text(p)


def trend(before: float | None, now: float, prev_year: int | None, year: int,
          interval: tuple[float, float] | None = None) -> str:
    """Dutch phrase for the change of a percentage, to follow "Het aandeel ... is".

    Examples: ``"gedaald van 62% in 2021 naar 37% in 2025"``, ``"gelijk gebleven: 87% in
    2021 en in 2025"``, ``"87% in 2025; een eerdere meting is er niet"``. Directions compare
    the values as shown (rounded half up).

    With ``interval`` (the 95% interval of ``now - before`` in percentage points, e.g.
    :func:`barometer.presentation.intervals.verschil_interval`) the difference and its
    interval stand beside the phrase (:func:`difference_interval`): ``"gedaald van 62% in
    2021 naar 37% in 2025 (verschil -25,1 procentpunt, 95%-interval -31,8 tot -18,0)"``, so that
    a change, and its absence, reads with the differences the data leave open.
    """
    text = _trend(before, now, prev_year, year)
    if interval is None or prev_year is None or fmt.is_missing(before) or fmt.is_missing(now):
        return text
    return f"{text} {difference_interval(interval[0], interval[1], now - before)}"


def _trend(before: float | None, now: float, prev_year: int | None, year: int) -> str:
    if fmt.is_missing(now):
        return f"in {year} niet te bepalen (te weinig waarnemingen)"
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
    """:class:`~barometer.presentation.exhibit.Notice` shown instead of a figure of a question not asked in ``year``."""
    return Notice(not_asked_sentence(question, year, "er is dus geen figuur"))


#: Added to the label of a regression term that the data do not bound (``estimable`` False
#: in :class:`barometer.analysis.models.LogitResult`); defined in :mod:`barometer.presentation.formatting`.
NOT_ESTIMABLE = fmt.NOT_ESTIMABLE


def not_estimable_note(labels: Iterable[str]) -> str | None:
    """Table note naming the terms of a logistic regression that cannot be estimated, or None.

    Such a term is a group in which (almost) every organisation has the same outcome
    (quasi-separation): its odds ratio runs off to infinity, its interval is unbounded
    (``∞``, ``> 1.000``, ``< 0,01``, see :func:`barometer.presentation.formatting.odds_ratio`) and its p-value
    says nothing.
    """
    labels = [str(x) for x in labels]
    if not labels:
        return None
    return (f"{NOT_ESTIMABLE.capitalize()}: {join_nl(labels)}. In deze groep hebben (vrijwel) alle "
            "organisaties dezelfde uitkomst, zodat de gegevens de odds ratio en het interval niet begrenzen "
            "(quasi-scheiding); de getoonde waarden en de p-waarde zeggen daarom niets. De download geeft voor "
            "zo'n term de gepenaliseerde schatting van Firth met haar profielinterval, die wel begrensd zijn.")


# ---------------------------------------------------------------- methods chapters
_CACHE: dict[tuple[int, str], tuple[Any, Any]] = {}


def cached(ed: Any, key: str, compute: Callable[[], Any]) -> Any:
    """Compute an analysis once per edition object (several exhibits of a chapter share it).

    The cache keeps a reference to ``ed`` so that its ``id`` is not reused while cached.
    """
    k = (id(ed), key)
    hit = _CACHE.get(k)
    if hit is None or hit[0] is not ed:
        _CACHE[k] = (ed, compute())
    return _CACHE[k][1]


def _read_register(path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def register(name: str) -> list[dict[str, Any]]:
    """Entries of ``data/registers/<name>.yaml`` (``assumptions`` or ``conflicts``), parsed once
    per version of the file (several exhibits read it); a new copy on every call (a caller may
    change it)."""
    import copy

    path = paths.DATA / "registers" / f"{name}.yaml"
    return copy.deepcopy(paths.read_once(path, _read_register, path))


def data_sentence(ed: Any) -> str:
    """Dutch sentence on the kind of data: synthetic (sidecar ``synthetic: true``) or not."""
    if ed.synthetic:
        return ("De respondentbestanden van deze editie zijn synthetisch: ze bevatten geen antwoorden "
                "van echte organisaties, maar zijn zo opgebouwd dat de gepubliceerde cijfers van het "
                "rapport na afronding terugkomen. Ze zijn niet bedoeld voor nieuwe conclusies.")
    return "De cijfers zijn berekend uit het respondentbestand van de meting."


# ---------------------------------------------------------------- practice chapters
def years(ed) -> list[int]:
    """Comparison years and the edition's year, oldest first."""
    return [*ed.comparison_years, ed.year]


def year_label(year: int) -> str:
    """Label of a measurement year on an axis or in a legend (``"2025"``)."""
    return str(int(year))


def asked_years(ed, name: str) -> list[int]:
    """Years of the edition (and its comparisons) in which ``name`` was asked."""
    cb = load_codebook()
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
        As :func:`barometer.analysis.statistics.frequencies`, restricted to the years in which the
        question was asked, plus ``year_label`` (str) and ``shown`` (the percentage, NaN
        where the base is below the edition's ``min_base``).
    """
    yrs = asked_years(ed, question)
    if not yrs:
        return pd.DataFrame(columns=["year", "group", "item", "code", "label", "count", "base", "pct",
                                     "year_label", "shown"])
    out = frequencies(ed.all_years, question, by=by, years=yrs, total=total)
    out["year_label"] = out["year"].map(year_label)
    out["shown"] = disclosure.mask(out["pct"], out["base"], ed.min_base)
    return out


def uitvoering_label() -> str:
    """Label of the executive organisations of the national government together
    (``national_type`` 2 and 3), composed from the codebook labels."""
    labels = load_codebook().labels("national_type")
    return f"Uitvoering ({lower_first(labels[2])}, {lower_first(labels[3])})"


# ---------------------------------------------------------------- glue and tests
def glue_all(values: dict[str, str]) -> pd.Series:
    """Glue every key of ``values`` (:func:`barometer.presentation.glue.glue_texts`); return them as a Series
    (shown, and checked by nbval)."""
    return pd.Series(glue_texts(values), dtype="object", name="tekst")


def asked(ed, question: str) -> bool:
    """Whether ``question`` (codebook question or column) was asked in the edition's year."""
    return load_codebook().is_asked(question, ed.year)


def vraag_status(ed, question: str) -> str:
    """Dutch sentence on when ``question`` was asked, from the codebook's ``years``.

    Examples: "De vraag is in 2025 voor het eerst gesteld." / "In de meting van 2021 is
    deze vraag niet gesteld (wel in 2025); hieronder staan daarom geen cijfers."
    """
    cb = load_codebook()
    if not cb.is_asked(question, ed.year):
        return not_asked_sentence(question, ed.year, "hieronder staan daarom geen cijfers")
    yrs = cb.variable(question).years if question in cb.variables else []
    earlier = [y for y in yrs if y < ed.year]
    if not earlier:
        return f"De vraag is in {ed.year} voor het eerst gesteld; een vergelijking met een eerdere meting is er dus niet."
    return f"De vraag is ook gesteld in {years_text(earlier)}."


def not_asked_melding(ed, question: str) -> Notice:
    """:class:`~barometer.presentation.exhibit.Notice` (a ``{note}``) that ``question`` was not asked in the edition's year."""
    return Notice(vraag_status(ed, question), "note")


def chi2_by(df: pd.DataFrame, variable: str, by: str, year: Any = None, min_base: int = 5) -> dict[str, float]:
    """Chi-square test of independence of a yes/no (0/1) ``variable`` and a grouping ``by``.

    :func:`barometer.analysis.models.chi2_table` of ``by`` × ``variable`` in ``year``, leaving out
    groups with fewer than ``min_base`` respondents (as the report shows no figure for
    them); routing honoured.

    Returns
    -------
    dict
        ``chi2``, ``df``, ``p``, ``n``, ``cramers_v``; ``chi2`` and ``p`` are NaN when the
        test cannot be done (fewer than two groups left, or nobody / everybody answered 1).
    """
    try:
        return models.chi2_table(df, by, variable, year, min_row_n=min_base)
    except models.ModelError:
        nan = float("nan")
        return {"chi2": nan, "df": 0, "p": nan, "n": 0, "cramers_v": nan}


def published_word(row_id: str, computed: float) -> str:
    """``"wel"`` when ``computed`` reproduces the published figure ``row_id``, else ``"niet"``.

    Uses the row's comparison rule (``eq``, ``approx``, ``gt``, ``lt``) of
    ``data/published/figures.csv`` through :func:`barometer.presentation.published.matches`.

    Raises
    ------
    KeyError
        When ``row_id`` is not in ``figures.csv``.
    """
    from barometer.presentation.published import matches, read_figures

    fig = read_figures().set_index("row_id")
    if row_id not in fig.index:
        raise KeyError(f"{row_id!r} is not a row of data/published/figures.csv")
    return "wel" if matches(fig.loc[row_id], computed) else "niet"


# ---------------------------------------------------------------- exhibits that cannot be computed
def compare_word(a: Any, b: Any, missing: str = "niet te vergelijken", **words: Any) -> str:
    """:func:`barometer.presentation.glue.direction` of ``a`` → ``b``, or ``missing`` when either value is
    missing (a base of nobody, a suppressed cell), so that no sentence claims a direction the
    data do not show."""
    if fmt.is_missing(a) or fmt.is_missing(b):
        return missing
    return direction(a, b, **words)


def model_reason(exc: Exception) -> str:
    """Dutch reason why a model or test could not be estimated, from a :class:`barometer.analysis.models.ModelError`.

    ``"geen variatie in de uitkomst"`` (every organisation has the same outcome),
    ``"een referentiegroep ontbreekt in de gegevens"`` or ``"te weinig waarnemingen"``.
    """
    text = str(exc)
    if "positive" in text or "variation" in text or "variance" in text or "constant" in text:
        return "geen variatie in de uitkomst: alle organisaties hebben dezelfde uitkomst"
    if "does not occur" in text or "reference" in text:
        return "een referentiegroep ontbreekt in de gegevens"
    return "te weinig waarnemingen"


def too_few(what: str, year: int, exhibit: str = "figuur") -> Notice:
    """:class:`~barometer.presentation.exhibit.Notice`: too few observations for ``what`` in ``year``."""
    return Notice(f"Voor {what} zijn er in de meting van {year} te weinig waarnemingen; "
                  f"er is dus geen {exhibit}.", "note")


def not_estimable(what: str, year: int, exc: Exception, exhibit: str = "tabel") -> Notice:
    """:class:`~barometer.presentation.exhibit.Notice`: the model or test of ``what`` cannot be estimated in ``year``."""
    return Notice(f"{what[:1].upper()}{what[1:]} is met de gegevens van {year} niet te schatten "
                  f"({model_reason(exc)}); er is dus geen {exhibit}.", "note")


def asked_when(name: str, year: int) -> str:
    """When a question was asked, seen from the edition of ``year``, from the codebook's years.

    ``"alleen in de meting van 2025"`` (asked in this edition's year only), ``"sinds de meting
    van 2025"`` (in every measurement from then up to this edition, e.g. a 2027 file read with
    the questions of the latest codebook year), ``"in de metingen van 2021 en 2025"``
    (otherwise), ``"niet in de meting van 2021 (wel in 2025)"`` (not asked in ``year``).
    """
    cb = load_codebook()
    known = [int(y) for y in cb.years if y <= year]
    asked = [y for y in known if cb.is_asked(name, y)]
    if year not in known and cb.is_asked(name, year):
        asked.append(int(year))
    if not cb.is_asked(name, year):
        later = [int(y) for y in cb.years if cb.is_asked(name, y)]
        return f"niet in de meting van {year}" + (f" (wel in {years_text(later)})" if later else "")
    if asked == [year]:
        return f"alleen in de meting van {year}"
    measured = sorted({*known, int(year)})
    if asked == measured[measured.index(asked[0]):]:
        return f"sinds de meting van {asked[0]}"
    return f"in de metingen van {years_text(asked)}"


# ---------------------------------------------------------------- verdicts of the report's claims
#: Verdict words of the claims check (:func:`barometer.presentation.claims.evaluate_claims`, column ``verdict``),
#: used by the claims table and the chapters alike. ``equivalent``/``undecided`` are the outcomes
#: of a claim of *no* difference (:func:`barometer.presentation.claims.no_difference`): it holds only when the
#: data rule out every difference beyond the margin declared in advance.
VERDICTS = {
    "holds": "houdt stand",
    "fails": "houdt geen stand",
    "equivalent": "houdt stand (verschil kleiner dan de marge aangetoond)",
    "undecided": "onbeslist (geen significant verschil, maar het interval laat verschillen tot {bound} toe)",
    "untested": "niet getoetst",
    "other_years": "n.v.t.: de bewering van het rapport van {report} gaat over {years}",
}
#: The same outcomes as one word in a chapter's sentence ("houdt … stand", "wordt … bevestigd").
VERDICT_WORDS = {"holds": "wel", "equivalent": "wel", "fails": "niet", "undecided": "niet aantoonbaar",
                 "untested": "niet te toetsen"}


def verdict(outcome: str, **values: Any) -> str:
    """The Dutch verdict of :data:`VERDICTS` for ``outcome``, with its blanks filled in."""
    return VERDICTS[outcome].format(**values)


def change_sentence(label: str, before: float, now: float, prev_year: int, year: int, low: float, high: float,
                    p: float, unit: str = "pct", adjusted: float | None = None, family: str = "") -> str:
    """One change between two measurements, verb and direction from the data, with the interval
    of the difference (:func:`difference_interval`) and its test: ``"innoverende organisaties:
    gestegen van 76% in 2025 naar 86% in 2027 (verschil +10 procentpunt, 95%-interval +5 tot +15;
    p = 0,001: significant)"``.

    ``unit="pct"``: shares (percentages, difference in whole percentage points, :func:`trend`);
    ``unit="mean"``: scale means (two decimals, difference in scale points). A test that belongs
    to a family with a multiplicity correction passes the corrected p as ``adjusted`` and the
    family's name (``family="Holm, 4 typen"``): the raw p stays beside it and the significance
    word follows the corrected one (``"p = 0,012, gecorrigeerd (Holm, 4 typen) p = 0,048:
    significant"``).
    """
    shown = p if adjusted is None else adjusted
    sig = "significant" if (not fmt.is_missing(shown) and shown < ALPHA) else "niet significant"
    if unit == "pct":
        change = trend(before, now, prev_year, year)
        diff = difference_interval(low, high, None if fmt.is_missing(before) or fmt.is_missing(now) else now - before,
                                   decimals=0, brackets=False)
    else:
        word = direction(before, now, decimals=2)
        change = (f"{word}: {fmt.dec(now, 2)} in {prev_year} en in {year}" if word == "gelijk gebleven"
                  else f"{word} van {fmt.dec(before, 2)} in {prev_year} naar {fmt.dec(now, 2)} in {year}")
        diff = difference_interval(low, high, now - before, decimals=2, unit="points", brackets=False)
    test = (f"{p_text(p)}: {sig}" if adjusted is None
            else f"{p_text(p)}, gecorrigeerd ({family}) {p_text(adjusted)}: {sig}")
    return f"{label}: {change} ({diff}; {test})" if diff else f"{label}: {change} ({test})"


def claim_phrase(outcome: str, holds: str = "houdt stand", fails: str = "houdt geen stand",
                 untested: str = "is niet te toetsen") -> str:
    """A chapter's verdict on a claim of the report, from its outcome
    (:func:`barometer.presentation.claims.claim_outcome`): ``holds`` for "holds"/"equivalent", ``fails``
    for "fails", and for "undecided" (a claim of no difference that the data neither confirm
    nor refute) ``"is onbeslist: het verschil is niet significant, maar een wezenlijk verschil is
    niet uitgesloten"``."""
    if outcome in ("holds", "equivalent"):
        return holds
    if outcome == "fails":
        return fails
    if outcome == "undecided":
        return ("is onbeslist: het verschil is niet significant, maar een wezenlijk verschil is "
                "niet uitgesloten")
    return untested


# ---------------------------------------------------------------- intervals in notes and prose
def whisker_note(without: str | None = None) -> str:
    """The note of a bar figure with whiskers: what they are (:data:`INTERVAL_METHOD`).

    Parameters
    ----------
    without : str, optional
        A series drawn without whiskers because the book has no microdata of it (the
        Danish figures): the note says so.
    """
    note = f"De lijntjes op de staven geven het {INTERVAL_METHOD}."
    if without:
        note += f" {without} heeft geen lijntjes: daarvan zijn er geen microdata."
    return note


def interval_download_note() -> str:
    """The note of a 100%-stacked figure: no whiskers, the intervals are in the download."""
    return f"Het {INTERVAL_METHOD} van elk percentage staat in de download."


def difference_interval(low: float | None, high: float | None, diff: float | None = None, decimals: int = 1,
                        unit: str = "pp", label: str = "verschil", brackets: bool = True) -> str:
    """The interval of a difference beside the sentence that states it: the book's one phrasing.

    ``"(verschil -9,7 procentpunt, 95%-interval -14,3 tot -4,9)"``: by default percentage points
    with sign and one decimal, e.g. the Newcombe interval of
    :func:`barometer.analysis.uncertainty.difference_ci`. The difference is that of the unrounded
    percentages, so one decimal keeps it readable beside the rounded ones ("gestegen van 39% naar
    40%" is a difference of +0,6, not 0). Without a difference ``""`` (nothing to put beside the
    sentence); a missing bound reads "95%-interval niet te bepalen".

    Parameters
    ----------
    low, high : float
        Bounds of the 95% interval of the difference (in the unit of ``diff``).
    diff : float, optional
        The difference itself (full precision).
    decimals : int, default 1
        Decimals of the difference and its bounds. The claims table uses 0 for shares (it
        compares the figures as printed) and 2 for scale means.
    unit : {"pp", "points"}, default "pp"
        ``"pp"``: percentage points ("procentpunt" after the difference); ``"points"``: scale
        points of a mean or a regression coefficient (signed decimals, no unit word:
        ``"verschil +0,25, 95%-interval +0,05 tot +0,45"``).
    label : str, default "verschil"
        Words before the difference (``"verschil groot - klein"``; ``""`` for none).
    brackets : bool, default True
        In parentheses (beside a sentence), or without (inside a longer parenthesis).
    """
    if fmt.is_missing(diff):
        return ""
    if unit not in ("pp", "points"):
        raise ValueError(f"difference_interval: onbekende eenheid {unit!r}; verwacht 'pp' of 'points'")

    def signed(v: float) -> str:
        if unit == "pp":
            return fmt.pp(v, decimals, signed=True).removesuffix(" procentpunt")
        return ("+" if fmt.round_half_up(v, decimals) > 0 else "") + fmt.dec(v, decimals)

    d = f"{signed(diff)} procentpunt" if unit == "pp" else signed(diff)
    head = f"{label} {d}" if label else d
    if fmt.is_missing(low) or fmt.is_missing(high):
        text = f"{head}, {interval_word()} niet te bepalen"
    else:
        text = f"{head}, {interval_word()} {signed(low)} tot {signed(high)}"
    return f"({text})" if brackets else text


# --- added by hklim
def interval_word(kind: str = "") -> str:
    """The book's one word for a 95% interval in prose and in the claims table: ``"95%-interval"``.

    ``kind`` names the method when the sentence needs it: ``interval_word("profiel")`` gives
    ``"95%-profielinterval"`` (the profile-likelihood interval of an odds ratio). The level comes
    from :data:`barometer.analysis.models.SIGNIFICANCE_LEVEL`.
    """
    return f"{fmt.pct(100 * (1 - models.SIGNIFICANCE_LEVEL))}-{kind}interval"


def mean_difference_interval(low: float | None, high: float | None, diff: float | None, decimals: int = 2) -> str:
    """The interval of a difference of two means (scale points) beside the sentence that states it:
    ``"(verschil +0,25, 95%-interval +0,05 tot +0,45)"`` (:func:`difference_interval` with
    ``unit="points"``; e.g. Welch's t-interval of
    :func:`barometer.analysis.uncertainty.mean_difference_ci`)."""
    return difference_interval(low, high, diff, decimals=decimals, unit="points")


# --- added by h22
def dk_no_margin_note(intervals: tuple[float | None, float | None] | dict[str, tuple[float | None, float | None]]
                      | None = None) -> str:
    """The sentence after a comparison with a Danish figure: the Dutch share's 95% interval, and
    that the Danish figure is published without a margin (the Danish barometer publishes no
    sampling errors, and the book has no Danish microdata).

    Parameters
    ----------
    intervals : (low, high), or mapping label -> (low, high), optional
        The 95% interval of the Dutch share in percent (e.g. ``ondergrens``/``bovengrens`` of
        :func:`barometer.presentation.intervals.met_intervallen`), or of several Dutch shares
        by label; a missing bound reads "niet te bepalen". Without intervals only the Danish
        half of the sentence.

    Examples
    --------
    ``"Het 95%-interval van het Nederlandse cijfer loopt van 60% tot 71%; het Deense cijfer is
    gepubliceerd zonder foutmarge."``, ``"De 95%-intervallen van de Nederlandse cijfers:
    managers in de eigen organisatie 24% tot 33% en beschikbare nieuwe technologie 25% tot
    35%; de Deense cijfers zijn gepubliceerd zonder foutmarge."``
    """
    from collections.abc import Mapping

    level = fmt.pct(100 * (1 - models.SIGNIFICANCE_LEVEL))

    def bounds(lo: float | None, hi: float | None, van: str = "") -> str:
        if fmt.is_missing(lo) or fmt.is_missing(hi):
            return "niet te bepalen"
        return f"{van}{fmt.pct(lo)} tot {fmt.pct(hi)}"

    if intervals is None or (isinstance(intervals, Mapping) and not intervals):
        return "Het Deense cijfer is gepubliceerd zonder foutmarge."
    if isinstance(intervals, Mapping):
        if len(intervals) == 1:
            intervals = next(iter(intervals.values()))
        else:
            parts = join_nl(f"{label} {bounds(lo, hi)}" for label, (lo, hi) in intervals.items())
            return (f"De {level}-intervallen van de Nederlandse cijfers: {parts}; de Deense cijfers zijn "
                    "gepubliceerd zonder foutmarge.")
    lo, hi = intervals
    text = bounds(lo, hi, "van ")
    verb = "is" if text == "niet te bepalen" else "loopt"
    return (f"Het {level}-interval van het Nederlandse cijfer {verb} {text}; het Deense cijfer is gepubliceerd "
            "zonder foutmarge.")
# --- added by h21
def without_margin(low: float | None, high: float | None, other: str = "het Deense cijfer") -> str:
    """The interval of a Dutch share beside a figure that is published without a margin.

    ``"(95%-interval 72% tot 80%; het Deense cijfer is gepubliceerd zonder foutmarge)"``: the
    Wilson interval (with the FPC) of the Dutch share in brackets, worded as
    :func:`dk_no_margin_note` (which gives it as a sentence, also for several shares). A missing
    bound reads "interval niet te bepalen".
    """
    level = fmt.pct(100 * (1 - models.SIGNIFICANCE_LEVEL))
    why = f"{other} is gepubliceerd zonder foutmarge"  # the wording of dk_no_margin_note
    if fmt.is_missing(low) or fmt.is_missing(high):
        return f"({level}-interval niet te bepalen; {why})"
    return f"({level}-interval {fmt.pct(low)} tot {fmt.pct(high)}; {why})"


# --- added by h12
def tested_direction(low: float | None, high: float | None, up: str, down: str, undecided: str) -> str:
    """The direction word of a difference that follows its 95% interval, not the point estimate:
    ``up`` when the whole interval lies above zero, ``down`` when it lies below, else
    ``undecided`` (the data do not show a difference either way; also when a bound is missing).

    Examples
    --------
    >>> tested_direction(1.5, 9.0, "hoger", "lager", "niet aantoonbaar anders")
    'hoger'
    >>> tested_direction(-2.0, 9.0, "hoger", "lager", "niet aantoonbaar anders")
    'niet aantoonbaar anders'
    """
    if fmt.is_missing(low) or fmt.is_missing(high):
        return undecided
    if low > 0:
        return up
    if high < 0:
        return down
    return undecided
