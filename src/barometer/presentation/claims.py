"""The report's analytical claims as code: each claim, the test that checks it, and whether it holds.

``data/published/claims.csv`` lists the claims (``claim_id``, ``source``, ``claim``, ``test``,
``kind``, ``years``); :data:`REGISTRY` holds one check function per ``claim_id``, implementing
the test of the ``test`` column exactly (model, coefficient, direction, significance level;
alpha threshold; share; difference test). A check takes a :class:`ClaimContext` (the
respondent frames per year, with models and scales fitted once) and returns
``(holds, statistic_text)``; the text states the test result in Dutch (odds ratio with 95%
interval and p, alpha, chi², percentages).

Years: a claim about "2025" is checked on the measurement year of the context
(:attr:`ClaimContext.year`), one about "2021" on its comparison year. When the data a claim
needs are not there (a question not asked in that year, such as the goals and effects in
2021, or no file of the comparison year) the check raises :class:`ClaimNotTestable` with a
Dutch reason; :func:`evaluate_claims` then reports ``holds = <NA>`` with that reason.

Other editions: a claim belongs to the report that made it (:data:`REPORT_YEAR`). In another
edition a claim about a change between two measurements (:data:`COMPARISONS`) gets no verdict on
the report's years; :func:`restatement` makes the same kind of statement on the edition's own
comparison (previous measurement -> its year) with verb, direction, both values, the interval of
the difference and the test from the data. Claims about each year or about a model are checked
on the edition's years as in the report's edition.

Claims of no difference (CL03, CL09, CL13, CL15, CL26, CL27, CL32, CL34, CL35) never hold on
p >= 0.05 alone: :func:`no_difference` compares the 95% intervals of the differences with the
margin declared in :data:`MARGINS` (with its reason) and returns ``equivalent`` ("houdt stand"),
``undecided`` ("onbeslist", with the largest difference the data leave open) or ``fails``.
Chapters take their verdict words from :func:`claim_outcome`, so that chapter and claims table
use one test per question; a chapter that judges one half of a claim on its own takes that half
from the registry too (the parts ``"CL17_innovatie"``, ``"CL32_sector"``, ``"CL37_vijfde"``: the
same check the claim runs).

Intervals: every interval has the finite-population correction, as every other interval of the
book: Newcombe for differences of shares (:func:`_difference_ci`, also between groups and within a
group between the years), Welch for differences of means
(:func:`barometer.analysis.uncertainty.mean_difference`, with its test on the same standard
error), Wilson and t for single shares and means. Families of tests (:data:`FAMILIES`) are judged
on their Holm-adjusted p, in the report's edition and in a restatement alike.

Conventions: significance level 0.05 (two-sided) unless the test says otherwise; a reliable
scale has Cronbach's alpha >= 0.7; "direction only" compares full-precision percentages;
"highest" is strictly higher than every other item; percentages and bases come from
:mod:`barometer.analysis.statistics` (routing-aware), models and tests from :mod:`barometer.analysis.models`,
scales from :mod:`barometer.analysis.scales`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from barometer.data import paths
from barometer.data.codebook import Codebook, load_codebook
from barometer.presentation.formatting import NOT_ESTIMABLE, dec, odds_ratio, or_interval, p_text, pct, pp, round_half_up
from barometer.analysis.models import SIGNIFICANCE_LEVEL
from barometer.analysis.models import (
    LogitResult,
    ModelError,
    anova_oneway,
    chi2_table,
    chi2_years,
    compare_years,
    distribution_shape,
    effect_model,
    innovation_model,
    lr_test,
    ols,
    profile_ci,
)
from barometer.presentation.published import ensure_derived, read_claims
from barometer.analysis.scales import reliability, scale_correlation
from barometer.analysis.statistics import analysis_values, frequencies, means, share, statistic
from barometer.analysis.uncertainty import mean_ci
from barometer.presentation.phrasing import difference_interval, interval_word

__all__ = [
    "ALPHA",
    "MIN_RELIABILITY",
    "ClaimContext",
    "ClaimNotTestable",
    "REGISTRY",
    "PARTS",
    "REPORT_YEAR",
    "register_part",
    "RESULT_COLUMNS",
    "claim",
    "claim_outcome",
    "COMPARISONS",
    "FAMILIES",
    "distribution_unchanged",
    "evaluate_claims",
    "Margin",
    "MARGINS",
    "NoDifference",
    "no_difference",
    "no_effect",
    "restatement",
    "share_unchanged",
    "p_text",
    "or_text",
]

#: Significance level of every test (unless the claim's test says otherwise, e.g. CL05).
ALPHA = SIGNIFICANCE_LEVEL
#: Minimum Cronbach's alpha of a reliable scale.
MIN_RELIABILITY = 0.7
#: Year of the report whose claims ``data/published/claims.csv`` holds (the 2025 report).
REPORT_YEAR = 2025
#: Start of the ``error`` of a comparison claim in another edition (see :func:`evaluate_claims`).
OTHER_YEARS = "de bewering van het rapport van"
#: Columns of :func:`evaluate_claims`.
RESULT_COLUMNS = ("claim_id", "source", "claim", "test", "holds", "statistic", "error", "verdict", "restatement")

Check = Callable[["ClaimContext"], tuple[bool, str]]


class ClaimNotTestable(ValueError):
    """The data a claim needs are not there (question not asked in a year, no file of a year).

    The message is the Dutch reason shown in the claims table.
    """


class _Registry(dict):
    """The one registry of claims: claim_id -> (description, check).

    Iteration, ``len`` and ``in`` cover the claims of ``claims.csv``; ``[]`` and ``get``
    also resolve the separate statements (*parts*) a chapter glues one by one, such as the
    terms of the effect-model claims CL34–CL36 (``"quality_climate"``), registered with
    :func:`register_part` (here and by the chapter modules) and kept in :attr:`parts`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.parts: dict[str, tuple[str, Check]] = {}

    def __missing__(self, key: str) -> tuple[str, Check]:
        if key in self.parts:
            return self.parts[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


#: claim_id -> (short description, check function); one entry per row of ``claims.csv``,
#: and (through ``[]``/``get``) every part statement of :func:`register_part`.
REGISTRY: _Registry = _Registry()

#: Deprecated name of ``REGISTRY.parts`` (the same dict, not a second registry).
PARTS: dict[str, tuple[str, Check]] = REGISTRY.parts


def register_part(part_id: str, description: str, check: Check) -> None:
    """Register a part statement (one condition of a claim, glued on its own) in :data:`REGISTRY`.

    Raises
    ------
    ValueError
        When ``part_id`` is already a claim of ``claims.csv`` or another part.
    """
    if part_id in REGISTRY or part_id in REGISTRY.parts:
        raise ValueError(f"claim id {part_id!r} is registered twice")
    REGISTRY.parts[part_id] = (description, check)


def claim(claim_id: str, description: str) -> Callable[[Check], Check]:
    """Register a check function for ``claim_id``."""

    def deco(fn: Check) -> Check:
        REGISTRY[claim_id] = (description, fn)
        return fn

    return deco


# ---------------------------------------------------------------------- texts
def _years_text(years: Iterable[int]) -> str:
    from barometer.presentation.phrasing import years_text

    return years_text(years)


def untestable_reason(exc: Exception) -> str:
    """Dutch text for the reader of why a claim could not be tested (an analysis that failed on
    these data: a model without variation in its outcome, a group that is absent, no cases)."""
    from barometer.presentation.phrasing import model_reason

    return f"niet te toetsen: {model_reason(exc)}"


def or_text(row: pd.Series) -> str:
    """``OR = 2,64 (95%-interval 1,12–6,23; p = 0,026)``; an unbounded interval as ``< 0,01–∞``
    (:func:`barometer.presentation.formatting.odds_ratio`), a term that cannot be estimated says so."""
    text = (f"OR = {odds_ratio(row['odds_ratio'])} ({interval_word()} {or_interval(row['ci_low'], row['ci_high'], sep='–')}; "
            f"{p_text(row['p'])})")
    return text if bool(row.get("estimable", True)) else f"{text}, {NOT_ESTIMABLE}"


def _b_text(row: pd.Series) -> str:
    return f"b = {dec(row['coef'], 2)} ({p_text(row['p'])})"


def _chi2_text(res: Mapping[str, Any]) -> str:
    return f"chi² = {dec(res['chi2'], 2)}, df = {res['df']}, {p_text(res['p'])}, n = {res['n']}"


def _z_text(res: Mapping[str, Any]) -> str:
    """Both shares, the z-test and, when known, the 95% interval of the difference: the
    differences the data leave open (a claim of no change names which it rules out)."""
    text = f"{pct(res['p1'])} -> {pct(res['p2'])} (z = {dec(res['z'], 2)}, {p_text(res['p'])}"
    if "diff_low" in res and not math.isnan(res["diff_low"]):
        text += "; " + difference_interval(res["diff_low"], res["diff_high"], res["p2"] - res["p1"], decimals=0,
                                           brackets=False)
    return text + ")"


def _arrow(a: float, b: float) -> str:
    return f"{pct(a)} -> {pct(b)}"


def _population(ctx: "ClaimContext", year: int) -> Callable[[int], int | None]:
    """The population of a base of ``year`` (:func:`barometer.analysis.uncertainty.domain_population`,
    from the year's sampling fraction), once per context: every interval of the claims table has
    the finite-population correction, as every other interval of the book."""
    cache = ctx.__dict__.setdefault("_populations", {})
    if year not in cache:
        from barometer.analysis.uncertainty import domain_population

        cache[year] = domain_population(int(year), len(ctx.frame(year)))
    return cache[year]


def _difference_ci(ctx: "ClaimContext", c1: float, n1: float, y1: int, c2: float, n2: float,
                   y2: int) -> tuple[float, float]:
    """Newcombe's interval of share 2 minus share 1 with the finite-population correction of each
    base (:func:`_population`); uncorrected when a base exceeds its population (another file)."""
    from barometer.analysis.uncertainty import difference_ci

    try:
        return difference_ci(c1, n1, c2, n2, _population(ctx, y1)(int(n1)), _population(ctx, y2)(int(n2)))
    except ValueError:
        return difference_ci(c1, n1, c2, n2)


def _compare_years(ctx: "ClaimContext", variable: str, codes: Any, group_var: str | None = None,
                   group: Any = None) -> dict[str, float]:
    """:func:`barometer.analysis.models.compare_years` on the context's two years, with the
    finite-population correction also for a comparison within a group (:func:`_difference_ci`)."""
    r = compare_years(ctx.both, variable, codes, ctx.years, group_var=group_var, group=group, codebook=ctx.codebook)
    if group_var is not None and r["n1"] and r["n2"]:
        a, b = (statistic(ctx.frame(y), variable, "pct", codes, group_var, group, y, ctx.codebook) for y in ctx.years)
        r = {**r, **dict(zip(("diff_low", "diff_high"),
                             _difference_ci(ctx, a.count, a.base_n, ctx.comparison_year, b.count, b.base_n, ctx.year)))}
    return r


def _change_text(ctx: "ClaimContext", variable: str, codes: Any, group_var: str | None = None,
                 group: Any = None) -> str:
    """A change between the context's two years with its Newcombe interval
    (:func:`barometer.presentation.phrasing.difference_interval`, whole percentage points):
    ``"16% -> 16% (verschil 0 procentpunt, 95%-interval -6 tot +6)"``."""
    r = _compare_years(ctx, variable, codes, group_var, group)
    return f"{_arrow(r['p1'], r['p2'])} {difference_interval(r['diff_low'], r['diff_high'], r['p2'] - r['p1'], decimals=0)}".rstrip()


def _group_diff_text(ctx: "ClaimContext", variable: str, codes: Any, group_var: str, a: Any, b: Any) -> str:
    """The difference of a share between groups ``b`` and ``a`` of the measurement year with its
    Newcombe interval with the finite-population correction (:func:`_difference_ci`):
    ``"verschil +39 procentpunt, 95%-interval +27 tot +50"``."""
    ra = statistic(ctx.df, variable, "pct", codes, group_var, a, ctx.year, ctx.codebook)
    rb = statistic(ctx.df, variable, "pct", codes, group_var, b, ctx.year, ctx.codebook)
    if not ra.base_n or not rb.base_n:
        return "verschil niet te bepalen"
    lo, hi = _difference_ci(ctx, ra.count, ra.base_n, ctx.year, rb.count, rb.base_n, ctx.year)
    return difference_interval(lo, hi, rb.value - ra.value, decimals=0, brackets=False)


# ---------------------------------------------------------------------- context
@dataclass
class ClaimContext:
    """Respondent frames per year (derived variables added) and lazily fitted analyses.

    Parameters
    ----------
    frames : mapping year -> DataFrame
    year : int, default 2025
        Measurement year ("2025" in the claims' tests).
    comparison_year : int, default 2021
        Year compared with ("2021" in the claims' tests).
    """

    frames: Mapping[int, pd.DataFrame]
    year: int = 2025
    comparison_year: int = 2021
    codebook: Codebook = field(default_factory=load_codebook)

    def frame(self, year: int) -> pd.DataFrame:
        """The frame of ``year``; :class:`ClaimNotTestable` if there is none."""
        if year not in self.frames:
            raise ClaimNotTestable(f"geen gegevens van {year}")
        return self.frames[year]

    @cached_property
    def df(self) -> pd.DataFrame:
        """The frame of the measurement year."""
        return self.frame(self.year)

    @cached_property
    def both(self) -> pd.DataFrame:
        """The frames of the comparison year and the measurement year together."""
        if self.comparison_year == self.year:
            raise ClaimNotTestable(f"geen vergelijkingsjaar naast {self.year}")
        parts = [self.frame(y) for y in (self.comparison_year, self.year)]
        return pd.concat(parts, ignore_index=True)

    @property
    def years(self) -> tuple[int, int]:
        """(comparison year, measurement year); :class:`ClaimNotTestable` without a comparison year."""
        if self.comparison_year == self.year:
            raise ClaimNotTestable(f"geen vergelijkingsjaar naast {self.year}")
        return (self.comparison_year, self.year)

    def require(self, variables: Iterable[str], years: Iterable[int] | None = None) -> None:
        """Raise :class:`ClaimNotTestable` unless every variable was asked in every year.

        A codebook name (column, question, derived variable) must exist in that year
        (codebook ``years``) and its column must be in the frame.
        """
        cb = self.codebook
        for y in (self.year,) if years is None else tuple(years):
            frame = self.frame(y)
            for v in variables:
                if not cb.is_asked(v, y):
                    raise ClaimNotTestable(f"'{_label(cb, v)}' is in {y} niet gevraagd")
                cols = cb.items(v, y) if v in cb.variables else [v]
                missing = [c for c in cols if c not in frame.columns]
                if missing:
                    raise ClaimNotTestable(f"kolom(men) {', '.join(missing)} ontbreken in de gegevens van {y}")

    @cached_property
    def innovation(self) -> LogitResult:
        return innovation_model(self.df, self.year, codebook=self.codebook)

    def effect(self, name: str) -> LogitResult:
        """The model of a positive effect ``name`` (:func:`barometer.analysis.models.effect_model`)."""
        cache = self.__dict__.setdefault("_effects", {})
        if name not in cache:
            self.require(["effect"])
            cache[name] = effect_model(self.df, name, self.year, codebook=self.codebook)
        return cache[name]

    def reliability(self, scale: str, year: int | None = None):
        """:func:`barometer.analysis.scales.reliability` of ``scale`` in ``year`` (default: measurement year)."""
        y = self.year if year is None else year
        cache = self.__dict__.setdefault("_rel", {})
        if (scale, y) not in cache:
            cache[(scale, y)] = reliability(self.frame(y), scale, y, self.codebook)
        return cache[(scale, y)]

    # -- percentages through barometer.analysis.statistics ---------------------------------------
    def pct(self, variable: str, codes: Any, year: int, group_var: str | None = None,
            group: Any = None) -> float:
        """Percentage (0–100) of the routed respondents of ``year`` giving ``codes``."""
        return statistic(self.frame(year), variable, "pct", codes, group_var, group, year, self.codebook).value

    def pct_by(self, variable: str, codes: Any, by: str, year: int) -> dict[int, float]:
        """Percentage giving ``codes`` per group of ``by`` in ``year``."""
        t = share(self.frame(year), variable, codes, by=by, years=year, total=False, codebook=self.codebook)
        return {int(g): float(p) for g, p in zip(t["group"], t["pct"])}

    def battery(self, question: str, year: int, codes: Any = None, by: str | None = None) -> pd.DataFrame:
        """Percentages of the items of a question in ``year``: per item (and group of ``by``),
        of ``codes`` (default: the codebook's summary codes; 1 = genoemd for multiple response).

        Returns
        -------
        DataFrame
            Index: item (or group), columns: items (with ``by``) — a Series without ``by``.
        """
        cb = self.codebook
        multiple = cb.variable(question).type == "multiple"
        summary = codes is None and not multiple
        f = frequencies(self.frame(year), question, by=by, years=year, total=False, summary=summary,
                        codebook=cb)
        if codes is not None and not multiple:
            f = f[f["code"].astype(str) == str(codes)]
        if by is None:
            return f.set_index("item")["pct"].reindex(cb.items(question))
        return f.pivot(index="group", columns="item", values="pct")[cb.items(question)]


def _label(cb: Codebook, name: str) -> str:
    try:
        return cb.label(name)
    except Exception:
        return name


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _strictly_highest(values: pd.Series, item: str) -> bool:
    others = values.drop(item)
    return bool(values[item] > others.max())


def _rank(values: pd.Series, item: str) -> int:
    """1 + number of items with a strictly higher value (ties share the better rank)."""
    return int((values > values[item]).sum()) + 1


def _short(cb: Codebook, item: str) -> str:
    return _lower(_label(cb, item))


def _top(values: pd.Series, cb: Codebook, k: int) -> str:
    top = values.sort_values(ascending=False, kind="stable").head(k)
    return "; ".join(f"{_short(cb, i)} {pct(v)}" for i, v in top.items())


# ---------------------------------------------------------------------- model terms
def _positive(row: pd.Series, alpha: float = ALPHA) -> bool:
    return bool(row["coef"] > 0 and row["p"] < alpha)


def _negative(row: pd.Series, alpha: float = ALPHA) -> bool:
    return bool(row["coef"] < 0 and row["p"] < alpha)


def _term(res: Any, variable: str, level: Any = None) -> pd.Series:
    """A term of a fitted model; :class:`ClaimNotTestable` if it is not in the model (a level
    that does not occur, or was left out for having fewer than five cases)."""
    try:
        return res.term(variable, level)
    except KeyError:
        what = _word(variable, level)
        raise ClaimNotTestable(f"'{what}' komt niet (of bij minder dan vijf organisaties) voor in het model") from None


def _joint_p(res: Any, variable: str) -> float:
    j = res.joint.set_index("variable")
    if variable not in j.index:
        raise ClaimNotTestable(f"'{_word(variable)}' komt niet voor in het model")
    return float(j.loc[variable, "p"])


def _ns_text(res: Any, variable: str) -> str:
    j = res.joint.set_index("variable").loc[variable]
    stat = "chi2" if "chi2" in j.index else "F"
    name = ("LR" if j.get("test") == "LR" else "chi²") if stat == "chi2" else "F"
    return f"{name} = {dec(j[stat], 2)}, df = {int(j['df'])}, {p_text(j['p'])}"


_TERM_WORDS = {
    "climate_scale": "klimaat", "human_capital": "menselijk kapitaal", "tech": "technologisch",
    "tech_content": "technologisch gehalte", "strategy": "strategie", "spectrum": "spectrum",
    "sector": "sector", "size_class": "grootte", "rijk": "Rijksoverheid", "goal_cost": "doel kostenbesparing",
    "goal_use": "doel meer gebruik", "goal_quality": "doel kwaliteit", "goal_efficiency": "doel efficiëntie",
}


def _word(variable: str, level: Any = None) -> str:
    w = _TERM_WORDS.get(variable, variable)
    return f"{w} {level}" if level is not None else w


# ---------------------------------------------------------------------- claims of no difference
@dataclass(frozen=True)
class Margin:
    """The equivalence margin of a claim of *no* difference, declared before the data are seen.

    Attributes
    ----------
    unit : str
        ``"pp"`` (difference of two shares, percentage points), ``"points"`` (difference of
        two means on a 1–5 scale) or ``"or"`` (odds ratio of a model term; the margin is
        ``1 / limit`` to ``limit``).
    limit : float
        The largest difference (or odds ratio) that still counts as "no difference".
    reason : str
        Why this margin (Dutch, a subordinate clause after "omdat"; shown in the methods chapter).
    """

    unit: str
    limit: float
    reason: str

    def text(self) -> str:
        """The margin in Dutch: ``"10 procentpunt"``, ``"0,20 schaalpunt"``, ``"odds ratio 0,60–1,68"``."""
        if self.unit == "pp":
            return pp(self.limit)
        if self.unit == "points":
            return f"{dec(self.limit, 2)} schaalpunt"
        return f"odds ratio {dec(1 / self.limit, 2)}–{dec(self.limit, 2)}"


#: The margins of the claims of no difference (CL03, CL09, CL13, CL15, CL26, CL27, CL32, CL34,
#: CL35), one per kind of quantity, with the reason; stated once in the methods chapter.
MARGINS: dict[str, Margin] = {
    "pp": Margin("pp", 10.0, "het rapport een verschil van 10 procentpunt een daling van betekenis noemt (CL08) en "
                             "verschillen van enkele procentpunten 'iets' of 'klein' (CL13, CL15)"),
    "points": Margin("points", 0.2, "het rapport een verschil van 0,2 schaalpunt op de klimaatschaal al "
                                    "'wat hoger' noemt (CL27)"),
    "or": Margin("or", 1.68, "een odds ratio van 1,68 (of 1/1,68) als de ondergrens van een klein effect geldt "
                             "(Chen, Cohen en Chen 2010, Communications in Statistics 39:860)"),
}


@dataclass(frozen=True)
class NoDifference:
    """The verdict on a claim of no difference (:func:`no_difference`).

    ``outcome`` is ``"equivalent"`` (every 95% interval lies inside the margin: the data rule
    out every difference beyond it), ``"fails"`` (a significant difference, after the
    family's Holm correction where one is declared) or ``"undecided"`` (not significant, but
    an interval reaches beyond the margin); ``bound`` is the largest difference the
    intervals leave open (Dutch), ``text`` the rule's result for the claims table.
    Truthy only when ``equivalent``.
    """

    outcome: str
    bound: str
    text: str

    def __bool__(self) -> bool:
        return self.outcome == "equivalent"


def no_difference(intervals: Sequence[tuple[float, float]], p: float, margin: Margin,
                  alpha: float = ALPHA) -> NoDifference:
    """Judge a claim of no difference on the intervals of its differences and its test.

    Parameters
    ----------
    intervals : sequence of (low, high)
        95% intervals of every difference the claim says is absent: percentage points, scale
        points, or odds ratios (``margin.unit == "or"``).
    p : float
        p-value of the claim's test of a difference (raw: a Holm correction would make a claim
        of no difference easier to keep); ``p < alpha`` means the claim does not hold.
    margin : Margin

    Returns
    -------
    NoDifference
        ``"fails"`` when ``p < alpha``; else ``"equivalent"`` when every interval lies within
        the margin (stricter than two one-sided tests at 5%, which use 90% intervals), else
        ``"undecided"``.
    """
    ivs = [(float(lo), float(hi)) for lo, hi in intervals]
    if margin.unit == "or":
        inside = bool(ivs) and all(lo >= 1 / margin.limit and hi <= margin.limit for lo, hi in ivs)
        # the odds ratio furthest from 1 (on the log scale) that an interval leaves open
        ends = [b for iv in ivs for b in iv if not math.isnan(b)]
        far = max(ends, key=lambda b: math.inf if b <= 0 or math.isinf(b) else abs(math.log(b)), default=math.nan)
        bound = f"een odds ratio van {odds_ratio(far)}" if not math.isnan(far) else "-"
    else:
        worst = max((max(abs(lo), abs(hi)) for lo, hi in ivs if not (math.isnan(lo) or math.isnan(hi))),
                    default=math.nan)
        inside = bool(ivs) and all(not math.isnan(lo) and -margin.limit <= lo and hi <= margin.limit for lo, hi in ivs)
        bound = (pp(worst) if margin.unit == "pp" else f"{dec(worst, 2)} schaalpunt") if not math.isnan(worst) else "-"
    if not math.isnan(p) and p < alpha:
        outcome = "fails"
        text = f"significant verschil ({p_text(p)})"
    elif inside:
        outcome = "equivalent"
        text = f"verschil kleiner dan de marge van {margin.text()} aangetoond"
    else:
        outcome = "undecided"
        text = f"geen significant verschil, maar het interval laat verschillen tot {bound} toe (marge {margin.text()})"
    return NoDifference(outcome, bound, text)


def _or_intervals(ctx: "ClaimContext", res: LogitResult, variable: str) -> list[tuple[float, float]]:
    """Profile-likelihood 95% intervals of the odds ratios of every term of ``variable``."""
    cache = ctx.__dict__.setdefault("_profiles", {})
    if id(res) not in cache:
        cache[id(res)] = profile_ci(res)
    ci = cache[id(res)]
    terms = res.table.loc[res.table["variable"] == variable, "term"]
    ci = ci[ci["term"].isin(terms)]
    return list(zip(ci["ci_low"].astype(float), ci["ci_high"].astype(float)))


def no_effect(ctx: "ClaimContext", res: LogitResult, variables: Sequence[str]) -> tuple[NoDifference, str]:
    """The claim that ``variables`` have no effect in a logit: each variable's LR test (the raw
    p, the stricter reading for a claim of no difference) and the profile intervals of its odds
    ratios against :data:`MARGINS` ``["or"]``."""
    verdicts, texts = [], []
    for v in variables:
        ivs = _or_intervals(ctx, res, v)
        nd = no_difference(ivs, _joint_p(res, v), MARGINS["or"])
        verdicts.append(nd)
        span = (f"{interval_word('profiel')} {or_interval(min(lo for lo, _ in ivs), max(hi for _, hi in ivs), sep='–')}"
                if ivs else "geen interval")
        texts.append(f"{_word(v)}: {_ns_text(res, v)}, {span}: {nd.text}")
    return _all_no_difference(verdicts), "; ".join(texts)


def _all_no_difference(verdicts: Sequence[NoDifference]) -> NoDifference:
    """One verdict of several no-difference parts: fails if one fails, else undecided if one is
    undecided, else equivalent."""
    for outcome in ("fails", "undecided"):
        hit = [v for v in verdicts if v.outcome == outcome]
        if hit:
            return NoDifference(outcome, hit[0].bound, "; ".join(v.text for v in hit))
    return NoDifference("equivalent", verdicts[0].bound if verdicts else "-", "; ".join(v.text for v in verdicts))


def _with(flag: bool, nd: NoDifference) -> bool | NoDifference:
    """A claim with a part that states a difference (``flag``) and a part of no difference."""
    return nd if flag else False


# ---------------------------------------------------------------------- families of tests
#: The comparison claims whose changes belong to a family of tests with Holm's correction, as the
#: chapter declares it (§2.1: the types of innovation; §2.3: the factors): claim id -> (question
#: whose items asked in both years form the family, codes compared, the family's Dutch name).
#: The claim and its restatement in another edition (:func:`restatement`) word significance
#: after the correction and show the raw p beside it.
FAMILIES: dict[str, tuple[str, Any, str]] = {
    "CL09": ("innovation_type", 1, "typen"),
    "CL20": ("factor", "4|5", "factoren"),
}


def _family_p(ctx: "ClaimContext", claim_id: str) -> tuple[list[str], dict[str, float], dict[str, float]]:
    """The family of comparison claim ``claim_id`` (:data:`FAMILIES`) on the context's two years:
    (items, raw p per item, Holm-adjusted p per item) of the z-tests of each item's change."""
    from barometer.analysis.uncertainty import holm

    question, codes, _ = FAMILIES[claim_id]
    items = [i for i in ctx.codebook.items(question) if all(ctx.codebook.is_asked(i, y) for y in ctx.years)]
    ps = [compare_years(ctx.both, i, codes, ctx.years, codebook=ctx.codebook)["p"] for i in items]
    return items, dict(zip(items, ps)), dict(zip(items, holm(ps)))


# ====================================================================== §2.1 innovating
# The model of CL01–CL05: logit(innovated ~ size_class + innovation_unit + C(sector) +
# cond_management + cond_time), all respondents of the measurement year.
@claim("CL01", "Hoe groter de organisatie, hoe groter de kans op innovatie (logit, grootte lineair, p < 0,05).")
def _cl01(ctx):
    row = ctx.innovation.term("size_class")
    return _positive(row), f"grootteklasse (per klasse): {or_text(row)}"


@claim("CL02", "Een innovatiefunctionaris of -unit vergroot de kans op innovatie significant (logit).")
def _cl02(ctx):
    row = ctx.innovation.term("innovation_unit")
    return _positive(row), or_text(row)


@claim("CL03", "De sector heeft geen wezenlijk effect op de kans op innovatie (logit, LR-toets en profielintervallen binnen de marge).")
def _cl03(ctx):
    return no_effect(ctx, ctx.innovation, ["sector"])


@claim("CL04", "Steun van het management vergroot de kans op innovatie (logit).")
def _cl04(ctx):
    row = ctx.innovation.term("cond_management")
    return _positive(row), or_text(row)


@claim("CL05", "Beschikbare tijd speelt een rol bij innoveren (logit, coëfficiënt > 0 bij p < 0,10).")
def _cl05(ctx):
    row = ctx.innovation.term("cond_time")
    return _positive(row, 0.10), or_text(row)


@claim("CL06", "Grote organisaties hebben vaker een innovatiefunctionaris of -unit (oplopend 1 < 2 < 3; chi² p < 0,05).")
def _cl06(ctx):
    ctx.require(["innovation_unit", "size_class"])
    p = ctx.pct_by("innovation_unit", 1, "size_class", ctx.year)
    res = chi2_table(ctx.df, "size_class", "innovation_unit", ctx.year, codebook=ctx.codebook)
    increasing = p.get(1, math.nan) < p.get(2, math.nan) < p.get(3, math.nan)
    return bool(increasing and res["p"] < ALPHA), (
        f"klein {pct(p.get(1))}, middelgroot {pct(p.get(2))}, groot {pct(p.get(3))} (groot - klein: "
        f"{_group_diff_text(ctx, 'innovation_unit', 1, 'size_class', 1, 3)}); {_chi2_text(res)}")


@claim("CL07", "Grote organisaties innoveren vaker dan kleine in beide jaren; elke grootteklasse lager in 2025 dan in 2021.")
def _cl07(ctx):
    ctx.require(["innovated", "size_class"], ctx.years)
    a = ctx.pct_by("innovated", 1, "size_class", ctx.comparison_year)
    b = ctx.pct_by("innovated", 1, "size_class", ctx.year)
    inc = all(d.get(1, math.nan) < d.get(2, math.nan) < d.get(3, math.nan) for d in (a, b))
    lower = all(b.get(k, math.nan) < a.get(k, math.nan) for k in (1, 2, 3))
    text = "; ".join(f"{w}: {_change_text(ctx, 'innovated', 1, 'size_class', k)}" for k, w in
                     ((1, "klein"), (2, "middelgroot"), (3, "groot")))
    return bool(inc and lower), text


@claim("CL08", "Het innovatiepercentage daalde met 10 procentpunt (afgerond) en het verschil is significant (z-toets).")
def _cl08(ctx):
    ctx.require(["innovated"], ctx.years)
    res = compare_years(ctx.both, "innovated", 1, ctx.years, codebook=ctx.codebook)
    drop = res["p1"] - res["p2"]
    holds = round_half_up(drop, 0) == 10 and res["p"] < ALPHA
    change = "daling" if drop > 0 else "stijging" if drop < 0 else "verschil"
    return bool(holds), f"{_z_text(res)}; {change} {pp(abs(drop))}"


@claim("CL09", "Aandeel interactie-innovaties significant gedaald; procesinnovaties niet wezenlijk veranderd.")
def _cl09(ctx):
    ctx.require(["innovation_type"], ctx.years)
    ia = compare_years(ctx.both, "type_interaction", 1, ctx.years, codebook=ctx.codebook)
    pr = compare_years(ctx.both, "type_process", 1, ctx.years, codebook=ctx.codebook)
    # the family of the chapter (§2.1, the table of type tests): the types compared between the
    # years, Holm-corrected; the fall of the interaction share is judged on the corrected p
    items, _, adj = _family_p(ctx, "CL09")
    nd = no_difference([(pr["diff_low"], pr["diff_high"])], pr["p"], MARGINS["pp"])  # as share_unchanged (raw p)
    return _with(ia["p2"] < ia["p1"] and adj["type_interaction"] < ALPHA, nd), \
        (f"interactie {_z_text(ia)}, gecorrigeerd (Holm, {len(items)} typen) {p_text(adj['type_interaction'])}; "
         f"proces {_z_text(pr)}: {nd.text}")


@claim("CL10", "Het aandeel product- en diensteninnovaties nam af (richting).")
def _cl10(ctx):
    ctx.require(["innovation_type"], ctx.years)
    parts, holds = [], True
    for item, word in (("type_product", "product"), ("type_service", "dienst")):
        a, b = ctx.pct(item, 1, ctx.comparison_year), ctx.pct(item, 1, ctx.year)
        holds = holds and b < a
        parts.append(f"{word} {_change_text(ctx, item, 1)}")
    return bool(holds), "; ".join(parts)


@claim("CL11", "Het aandeel ingrijpende veranderingen van de werkwijze is gedaald (richting).")
def _cl11(ctx):
    ctx.require(["work_change"], ctx.years)
    a, b = ctx.pct("work_change", 3, ctx.comparison_year), ctx.pct("work_change", 3, ctx.year)
    return bool(b < a), f"ingrijpend veranderd {_change_text(ctx, 'work_change', 3)}"


@claim("CL12", "Het innovatiespectrum is smaller: minder meervoudige, meer enkelvoudige innovaties (chi² p < 0,05).")
def _cl12(ctx):
    ctx.require(["spectrum_group"], ctx.years)
    m = [ctx.pct("spectrum_group", 2, y) for y in ctx.years]
    e = [ctx.pct("spectrum_group", 1, y) for y in ctx.years]
    res = chi2_years(ctx.both, "spectrum_group", ctx.years, ctx.codebook)
    holds = m[1] < m[0] and e[1] > e[0] and res["p"] < ALPHA
    return bool(holds), (f"meervoudig {_change_text(ctx, 'spectrum_group', 2)}, enkelvoudig "
                         f"{_change_text(ctx, 'spectrum_group', 1)}; {_chi2_text(res)}")


# ====================================================================== §2.2 practices
def _categories_unchanged(ctx, variable: str) -> tuple[NoDifference, dict[str, Any], list]:
    """A distribution that did not change between the years: chi-square test of year x answer
    and the Newcombe interval of the change of every answer's share."""
    res = chi2_years(ctx.both, variable, ctx.years, ctx.codebook)
    diffs = [compare_years(ctx.both, variable, c, ctx.years, codebook=ctx.codebook)
             for c in ctx.codebook.labels(variable)]
    diffs = [d for d in diffs if d["n1"] > 0 and d["n2"] > 0]
    nd = no_difference([(d["diff_low"], d["diff_high"]) for d in diffs], res["p"], MARGINS["pp"])
    return nd, res, diffs


@claim("CL13", "Innovaties iets vaker zelf ontwikkeld dan in 2021; verschillen in herkomst niet wezenlijk.")
def _cl13(ctx):
    ctx.require(["origin"], ctx.years)
    nd, res, _ = _categories_unchanged(ctx, "origin")
    own = compare_years(ctx.both, "origin", 1, ctx.years, codebook=ctx.codebook)
    return _with(own["p2"] > own["p1"], nd), f"eigen ontwikkeling {_z_text(own)}; {_chi2_text(res)}: {nd.text}"


@claim("CL14", "Grote organisaties ontwikkelen vaker zelf of passen aan; kleine kopiëren vaker.")
def _cl14(ctx):
    ctx.require(["origin", "size_class"])
    copy = ctx.pct_by("origin", 3, "size_class", ctx.year)
    own = ctx.pct_by("origin", "1|2", "size_class", ctx.year)
    c = pd.Series(copy).reindex([1, 2, 3])
    o = pd.Series(own).reindex([1, 2, 3])
    holds = _strictly_highest(c, 1) and bool(c[3] < c.drop(3).min()) and _strictly_highest(o, 3)
    return bool(holds), (f"kopie: klein {pct(c[1])}, middelgroot {pct(c[2])}, groot {pct(c[3])} (groot - klein: "
                         f"{_group_diff_text(ctx, 'origin', 3, 'size_class', 1, 3)}); "
                         f"eigen/aangepast: klein {pct(o[1])}, middelgroot {pct(o[2])}, groot {pct(o[3])} (groot - klein: "
                         f"{_group_diff_text(ctx, 'origin', '1|2', 'size_class', 1, 3)})")


@claim("CL15", "Innovatiestrategie niet wezenlijk anders dan in 2021 (vaker expertgroep, minder in de spotlights).")
def _cl15(ctx):
    ctx.require(["strategy"], ctx.years)
    nd, res, _ = _categories_unchanged(ctx, "strategy")
    ce = compare_years(ctx.both, "strategy", 4, ctx.years, codebook=ctx.codebook)
    cs = compare_years(ctx.both, "strategy", 3, ctx.years, codebook=ctx.codebook)
    flag = ce["p2"] > ce["p1"] and cs["p2"] < cs["p1"]
    return _with(flag, nd), f"expertgroep {_z_text(ce)}, in de spotlights {_z_text(cs)}; {_chi2_text(res)}: {nd.text}"


@claim("CL16", "Kleine organisaties vaker samen met alle betrokkenen; grote vaker onder de radar of expertgroep.")
def _cl16(ctx):
    ctx.require(["strategy", "size_class"])
    s1 = ctx.pct_by("strategy", 1, "size_class", ctx.year)
    s24 = ctx.pct_by("strategy", "2|4", "size_class", ctx.year)
    holds = s1.get(1, math.nan) > s1.get(3, math.nan) and s24.get(3, math.nan) > s24.get(1, math.nan)
    return bool(holds), (f"met alle belanghebbenden: klein {pct(s1.get(1))}, groot {pct(s1.get(3))} (groot - klein: "
                         f"{_group_diff_text(ctx, 'strategy', 1, 'size_class', 1, 3)}); "
                         f"onder de radar of expertgroep: klein {pct(s24.get(1))}, groot {pct(s24.get(3))} (groot - klein: "
                         f"{_group_diff_text(ctx, 'strategy', '2|4', 'size_class', 1, 3)})")


def _national_innovates_less(ctx) -> tuple[bool, str]:
    """The first half of CL17 (also the part ``"CL17_innovatie"`` that §2.1 glues): the share of
    core departments that innovated is below that of the agencies and below that of the zbo's
    (direction, as the report states it), with the Newcombe interval of each difference."""
    ctx.require(["innovated", "national_type"])
    inn = ctx.pct_by("innovated", 1, "national_type", ctx.year)
    holds = inn.get(1, math.nan) < inn.get(2, math.nan) and inn.get(1, math.nan) < inn.get(3, math.nan)
    return bool(holds), (f"innovatie: kerndepartementen {pct(inn.get(1))}, diensten en agentschappen "
                         f"{pct(inn.get(2))} ({_group_diff_text(ctx, 'innovated', 1, 'national_type', 1, 2)}), zbo's "
                         f"{pct(inn.get(3))} ({_group_diff_text(ctx, 'innovated', 1, 'national_type', 1, 3)})")


@claim("CL17", "Kerndepartementen innoveren minder vaak dan diensten/agentschappen en zbo's; minder technologisch.")
def _cl17(ctx):
    ctx.require(["innovated", "national_type", "tech_content"])
    less, text = _national_innovates_less(ctx)
    t1 = ctx.pct("tech_content", "1|2", ctx.year, "national_type", 1)
    t23 = ctx.pct("tech_content", "1|2", ctx.year, "national_type", "2|3")
    holds = less and t1 < t23
    return bool(holds), (f"{text}; "
                         f"(grotendeels) technologisch: kerndepartementen {pct(t1)}, overige {pct(t23)} "
                         f"({_group_diff_text(ctx, 'tech_content', '1|2', 'national_type', 1, '2|3')})")


@claim("CL18", "Technologisch gehalte: minder 'belangrijk deel', meer 'geheel' en meer 'geen technologie' (richting).")
def _cl18(ctx):
    ctx.require(["tech_content"], ctx.years)
    v = {c: [ctx.pct("tech_content", c, y) for y in ctx.years] for c in (1, 2, 4)}
    holds = v[2][1] < v[2][0] and v[1][1] > v[1][0] and v[4][1] > v[4][0]
    return bool(holds), (f"belangrijk deel {_change_text(ctx, 'tech_content', 2)}; geheel "
                         f"{_change_text(ctx, 'tech_content', 1)}; geen technologie {_change_text(ctx, 'tech_content', 4)}")


# ====================================================================== §2.3 factors
_HC_ITEMS = ("factor_staff", "factor_collaboration", "factor_skills")


@claim("CL19", "Medewerkers (bijdrage, samenwerking, variatie in kennis) zijn elk jaar de drie belangrijkste bevorderende factoren.")
def _cl19(ctx):
    ctx.require(["factor"], ctx.years)
    holds, parts = True, []
    for y in ctx.years:
        v = ctx.battery("factor", y)
        top = v[list(_HC_ITEMS)]
        holds = holds and bool(top.min() > v.drop(list(_HC_ITEMS)).max())
        parts.append(f"{y}: {_top(v, ctx.codebook, 4)}")
    return bool(holds), "; ".join(parts)


@claim("CL20", "Samenwerking met private organisaties vaker als succesfactor genoemd dan in 2021 (richting).")
def _cl20(ctx):
    ctx.require(["factor_private"], ctx.years)
    a, b = (ctx.pct("factor_private", "4|5", y) for y in ctx.years)
    # the family of the chapter (bevorderende en belemmerende factoren): all factors compared
    # between the years, Holm-corrected; the claim itself is about the direction only
    items, raw, adj = _family_p(ctx, "CL20")
    return bool(b > a), (f"samenwerking met private organisaties bevorderend {_change_text(ctx, 'factor_private', '4|5')}; "
                         f"z-toets {p_text(raw['factor_private'])}, gecorrigeerd (Holm, {len(items)} factoren) "
                         f"{p_text(adj['factor_private'])}")


# ====================================================================== §2.4 climate
_CLUSTER_SHARES = {1: 20, 2: 60, 3: 20}


@claim("CL21", "Drie klimaatclusters (≥ 4,1; < 3,1) met 20%, 60% en 20% van de organisaties.")
def _cl21(ctx):
    ctx.require(["climate_scale", "climate_cluster"])
    th = dict(ctx.codebook.derived("climate_cluster").thresholds)
    rule = th.get("strong_min") == 4.1 and th.get("limited_below") == 3.1
    scale = analysis_values(ctx.df, "climate_scale", ctx.codebook)
    cluster = analysis_values(ctx.df, "climate_cluster", ctx.codebook)
    s = scale.round(9)
    expected = pd.Series(2.0, index=s.index).mask(s >= 4.1, 1.0).mask(s < 3.1, 3.0).where(s.notna())
    consistent = bool(expected.fillna(-1).eq(cluster.fillna(-1)).all())
    shares = {k: ctx.pct("climate_cluster", k, ctx.year) for k in (1, 2, 3)}
    rounded = all(round_half_up(shares[k], 0) == v for k, v in _CLUSTER_SHARES.items())
    n = statistic(ctx.df, "climate_cluster", "n", year=ctx.year, codebook=ctx.codebook).base_n
    text = (f"krachtig {pct(shares[1])}, gemiddeld {pct(shares[2])}, beperkt {pct(shares[3])} (n = {n}); "
            f"drempels {dec(th.get('strong_min'), 1)} en {dec(th.get('limited_below'), 1)}"
            + ("" if consistent else "; clusterindeling wijkt af van de drempels"))
    return bool(rule and consistent and rounded), text


@claim("CL22", "De eerste drie factoren vormen een betrouwbare schaal menselijk kapitaal (alfa ≥ 0,7) met gemiddelde 3,9.")
def _cl22(ctx):
    ctx.require(["human_capital"])
    rel = ctx.reliability("human_capital")
    r = statistic(ctx.df, "human_capital", "mean", year=ctx.year, codebook=ctx.codebook)
    holds = bool(rel.alpha >= MIN_RELIABILITY and round_half_up(r.value, 1) == round_half_up(3.9, 1))
    return holds, f"alfa = {dec(rel.alpha, 2)} (n = {rel.n}); gemiddelde = {dec(r.value, 2)} (n = {r.base_n})"


def _alpha_each_year(ctx, scale: str, loadings_min: float | None = None) -> tuple[bool, str]:
    ctx.require([scale], ctx.years)
    holds, parts = True, []
    for y in ctx.years:
        rel = ctx.reliability(scale, y)
        ok = rel.alpha >= MIN_RELIABILITY
        text = f"{y}: alfa = {dec(rel.alpha, 2)} (n = {rel.n})"
        if loadings_min is not None:
            low = float(rel.items["loading"].min())
            ok = ok and low > loadings_min
            text += f", laagste lading {dec(low, 2)}, verklaarde variantie {pct(100 * rel.explained)}"
        holds = holds and bool(ok)
        parts.append(text)
    return holds, "; ".join(parts)


@claim("CL23", "De klimaatstellingen zonder de eerste vormen één betrouwbare schaal (elk jaar alfa ≥ 0,7, ladingen > 0,4).")
def _cl23(ctx):
    # The first principal component explains the most variance by construction; the claim
    # that the items form one factor is checked through its loadings (all > 0.4).
    return _alpha_each_year(ctx, "climate_scale", loadings_min=0.4)


@claim("CL24", "De drie stellingen over randvoorwaarden vormen een betrouwbare schaal (elk jaar alfa ≥ 0,7).")
def _cl24(ctx):
    return _alpha_each_year(ctx, "conditions_scale")


@claim("CL25", "Menselijk kapitaal hangt positief samen met het innovatieklimaat (Pearson, p < 0,05).")
def _cl25(ctx):
    ctx.require(["climate_scale", "human_capital"])
    res = scale_correlation(ctx.df, "climate_scale", "human_capital", ctx.year, codebook=ctx.codebook)
    return bool(res["r"] > 0 and res["p"] < ALPHA), f"r = {dec(res['r'], 2)}, {p_text(res['p'])}, n = {res['n']}"


@claim("CL26", "Het innovatieklimaat verschilt niet wezenlijk naar organisatiegrootte (variantieanalyse en intervallen binnen de marge).")
def _cl26(ctx):
    ctx.require(["climate_scale", "size_class"])
    res = anova_oneway(ctx.df, "climate_scale", "size_class", ctx.year, ctx.codebook)
    score = analysis_values(ctx.df, "climate_scale", ctx.codebook)
    size = analysis_values(ctx.df, "size_class", ctx.codebook)
    words = {1: "klein", 2: "middelgroot", 3: "groot"}
    cis, groups = [], {}
    for k, w in words.items():
        x = score[(size == k) & score.notna()].to_numpy(dtype=float)
        m = mean_ci(x, _population(ctx, ctx.year)(len(x)) if len(x) else None)
        if m["n"] >= 2:
            groups[k] = x
            cis.append(f"{w} {dec(m['mean'], 2)} ({dec(m['low'], 2)}–{dec(m['high'], 2)})")
    pairs = [(a, b) for a in groups for b in groups if a < b]
    # Welch with the finite-population correction of each class, as every interval of the book
    # (and the same intervals as the climate chapter's differences between the size classes)
    diffs_ = [_mean_difference(ctx, groups[a], ctx.year, groups[b], ctx.year) for a, b in pairs]
    ivs = [(r["low"], r["high"]) for r in diffs_]
    nd = no_difference(ivs, res["p"], MARGINS["points"])
    diffs = "; ".join(difference_interval(lo, hi, groups[b].mean() - groups[a].mean(), decimals=2, unit="points",
                                          label=f"{words[b]} - {words[a]}", brackets=False)
                      for (a, b), (lo, hi) in zip(pairs, ivs))
    return nd, (f"F = {dec(res['F'], 2)}, df = {res['df_between']}; {res['df_within']}, "
                f"{p_text(res['p'])}, n = {res['n']}"
                + (f"; gemiddelde met {interval_word()}: {', '.join(cis)}" if cis else "")
                + (f"; verschillen: {diffs}" if diffs else "") + f": {nd.text}")


def _b_ci_text(row: pd.Series) -> str:
    return f"b = {dec(row['coef'], 2)} ({interval_word()} {dec(row['ci_low'], 2)} tot {dec(row['ci_high'], 2)}; {p_text(row['p'])})"


@claim("CL27", "Klimaatscore (OLS, 2021 en 2025 samen): zbo's en GR'en hoger, rechtswezen lager; Rijk, provincies, waterschappen niet wezenlijk anders dan gemeenten.")
def _cl27(ctx):
    ctx.require(["climate_scale", "sector"], ctx.years)
    res = ols(ctx.both, "climate_scale", ["sector", "year"], {"sector": 1, "year": ctx.comparison_year},
              codebook=ctx.codebook)
    r = {s: _term(res, "sector", s) for s in (2, 5, 6, 7, 8, 9)}
    flag = r[9]["coef"] > 0 and r[2]["coef"] > 0 and r[6]["coef"] < 0
    nd = _all_no_difference([no_difference([(r[s]["ci_low"], r[s]["ci_high"])], r[s]["p"], MARGINS["points"])
                             for s in (5, 7, 8)])
    names = {2: "GR", 5: "provincie", 6: "rechtswezen", 7: "Rijk", 8: "waterschap", 9: "zbo"}
    return _with(flag, nd), ("t.o.v. gemeente: " + "; ".join(f"{names[s]} {_b_ci_text(r[s])}" for s in (9, 2, 6, 5, 7, 8))
                             + f"; n = {res.n}; provincie, Rijk en waterschap: {nd.text}")


@claim("CL28", "De klimaatscores zijn redelijk normaal verdeeld (|scheefheid| < 1, |kurtosis| < 1); middelste cluster het grootst.")
def _cl28(ctx):
    ctx.require(["climate_scale", "climate_cluster"])
    sh = distribution_shape(ctx.df, "climate_scale", ctx.year, ctx.codebook)
    c = pd.Series({k: ctx.pct("climate_cluster", k, ctx.year) for k in (1, 2, 3)})
    holds = abs(sh["skewness"]) < 1 and abs(sh["kurtosis"]) < 1 and _strictly_highest(c, 2)
    return bool(holds), (f"scheefheid {dec(sh['skewness'], 2)}, kurtosis {dec(sh['kurtosis'], 2)} (n = {sh['n']}); "
                         f"clusters {pct(c[1])} / {pct(c[2])} / {pct(c[3])}")


@claim("CL29", "De Rijksoverheid scoort in 2025 het hoogst op innovatieklimaat en hoger dan in 2021.")
def _cl29(ctx):
    ctx.require(["climate_scale", "sector"], ctx.years)
    excl = set((ctx.codebook.variable("sector").display or {}).get("table_rows_exclude", []))
    m = means(ctx.both, "climate_scale", by="sector", years=list(ctx.years), total=False, codebook=ctx.codebook)
    m = m[~m["group"].isin(excl)]
    now = m[m["year"] == ctx.year].set_index("group")["mean"].dropna()
    then = m[m["year"] == ctx.comparison_year].set_index("group")["mean"]
    if 7 not in now.index or 7 not in then.index:
        raise ClaimNotTestable("geen klimaatscores van de Rijksoverheid in beide jaren")
    holds = _strictly_highest(now, 7) and now[7] > then[7]
    others = now.drop(7)
    best = others.idxmax()
    ch = _mean_change(ctx, "climate_scale", "sector", 7)
    return bool(holds), (f"Rijk {dec(then[7], 2)} -> {dec(now[7], 2)} "
                         f"{difference_interval(ch['diff_low'], ch['diff_high'], ch['p2'] - ch['p1'], 2, 'points')}; "
                         f"hoogste andere sector "
                         f"{_lower(ctx.codebook.labels('sector')[int(best)])} {dec(others[best], 2)}")


@claim("CL30", "Hoe krachtiger het klimaat, hoe vaker geïnnoveerd (1 > 2 > 3) en hoe breder het spectrum.")
def _cl30(ctx):
    ctx.require(["innovated", "climate_cluster", "spectrum_group"])
    inn = ctx.pct_by("innovated", 1, "climate_cluster", ctx.year)
    mv = ctx.pct_by("spectrum_group", 2, "climate_cluster", ctx.year)
    holds = inn.get(1, math.nan) > inn.get(2, math.nan) > inn.get(3, math.nan) and mv.get(1, math.nan) > mv.get(3, math.nan)
    return bool(holds), (f"innovatie: krachtig {pct(inn.get(1))}, gemiddeld {pct(inn.get(2))}, beperkt {pct(inn.get(3))} "
                         f"(krachtig - beperkt: {_group_diff_text(ctx, 'innovated', 1, 'climate_cluster', 3, 1)}); "
                         f"meervoudig: krachtig {pct(mv.get(1))}, beperkt {pct(mv.get(3))} "
                         f"({_group_diff_text(ctx, 'spectrum_group', 2, 'climate_cluster', 3, 1)})")


@claim("CL31", "Krachtig klimaat scoort beter op ≥ 15 van 17 succesfactoren; grootste verschillen bij nieuwe technologie en prikkels.")
def _cl31(ctx):
    ctx.require(["factor", "climate_cluster"])
    t = ctx.battery("factor", ctx.year, by="climate_cluster")
    if 1 not in t.index or 3 not in t.index:
        raise ClaimNotTestable("geen innovators in het krachtige of het beperkte klimaatcluster")
    diff = (t.loc[1] - t.loc[3]).dropna()
    better = int((diff > 0).sum())
    top2 = list(diff.sort_values(ascending=False, kind="stable").index[:2])
    holds = better >= 15 and set(top2) == {"factor_technology", "factor_incentives"} \
        and bool(diff[top2].min() > diff.drop(top2).max())
    return bool(holds), (f"krachtig > beperkt bij {better} van {len(diff)} factoren; grootste verschillen: "
                         + "; ".join(f"{_short(ctx.codebook, i)} "
                                     f"({_group_diff_text(ctx, i, '4|5', 'climate_cluster', 3, 1)})" for i in top2))


# ====================================================================== §2.5 goals and effects
def _groups_vs_rest(ctx, variable: str, by: str, min_n: int = 5) -> list[tuple[float, float]]:
    """Newcombe 95% intervals (with the finite-population correction) of the difference in the
    share of ``variable == 1`` between each group of ``by`` (with at least ``min_n`` respondents)
    and all other groups together."""
    v = analysis_values(ctx.df, variable, ctx.codebook)
    g = analysis_values(ctx.df, by, ctx.codebook)
    keep = v.notna() & g.notna()
    v, g = v[keep], g[keep]
    out = []
    for k, n in g.value_counts().items():
        if n < min_n:
            continue
        inside, rest = v[g == k], v[g != k]
        if len(rest):
            out.append(_difference_ci(ctx, float((rest == 1).sum()), len(rest), ctx.year, float((inside == 1).sum()),
                                      len(inside), ctx.year))
    return out


def _share_ci_text(ctx, variable: str, by: str, group: int) -> str:
    from barometer.analysis.uncertainty import share_ci

    r = statistic(ctx.df, variable, "pct", 1, by, group, ctx.year, ctx.codebook)
    lo, hi = share_ci(r.count, r.base_n, _population(ctx, ctx.year)(r.base_n) if r.base_n else None)
    return f"{pct(r.value)} ({interval_word()} {pct(lo)}–{pct(hi)}, n = {r.base_n})"


def _goal_sectors_alike(ctx) -> tuple[NoDifference, str]:
    """The first half of CL32 (also the part ``"CL32_sector"`` that §2.5 glues): no sector
    differs in the goals efficiency and quality, judged by the chi-square test and the Newcombe
    intervals of each sector against the rest, within :data:`MARGINS` ``["pp"]`` (never on
    p >= 0,05 alone)."""
    ctx.require(["goal", "sector"])
    parts, verdicts = [], []
    for item, word in (("goal_efficiency", "efficiëntie"), ("goal_quality", "kwaliteit")):
        res = chi2_table(ctx.df, "sector", item, ctx.year, min_row_n=5, codebook=ctx.codebook)
        nd = no_difference(_groups_vs_rest(ctx, item, "sector"), res["p"], MARGINS["pp"])
        verdicts.append(nd)
        parts.append(f"sector x {word}: {_chi2_text(res)}; {nd.text}")
    return _all_no_difference(verdicts), "; ".join(parts)


@claim("CL32", "Geen wezenlijke sectorverschillen in doel (chi² en intervallen binnen de marge); grote organisaties vaker efficiëntie, kleine vaker kwaliteit.")
def _cl32(ctx):

    ctx.require(["goal", "sector", "size_class"])
    sector, text = _goal_sectors_alike(ctx)
    parts, verdicts = [text], [sector]
    from barometer.presentation.phrasing import chi2_by
    from barometer.analysis.uncertainty import holm

    e = ctx.pct_by("goal_efficiency", 1, "size_class", ctx.year)
    q = ctx.pct_by("goal_quality", 1, "size_class", ctx.year)
    # the family of the chapter (doelen en effecten): three tests per goal (size, spectrum, sector), Holm
    fam = {item: holm([chi2_by(ctx.df, item, by, ctx.year, 5)["p"] for by in ("size_class", "spectrum_group", "sector")])
           for item in ("goal_efficiency", "goal_quality")}
    flag = e.get(3, math.nan) > e.get(1, math.nan) and q.get(1, math.nan) > q.get(3, math.nan)
    for item, word, a, b in (("goal_efficiency", "efficiëntie", 1, 3), ("goal_quality", "kwaliteit", 1, 3)):
        ra = statistic(ctx.df, item, "pct", 1, "size_class", a, ctx.year, ctx.codebook)
        rb = statistic(ctx.df, item, "pct", 1, "size_class", b, ctx.year, ctx.codebook)
        lo, hi = _difference_ci(ctx, ra.count, ra.base_n, ctx.year, rb.count, rb.base_n, ctx.year)
        parts.append(f"{word} klein {_share_ci_text(ctx, item, 'size_class', a)}, groot "
                     f"{_share_ci_text(ctx, item, 'size_class', b)}, "
                     f"{difference_interval(lo, hi, rb.value - ra.value, 0, label='verschil groot - klein', brackets=False)} "
                     f"(naar grootte gecorrigeerd (Holm, drie toetsen per doel) {p_text(fam[item][0])})")
    return _with(flag, _all_no_difference(verdicts)), "; ".join(parts)


@claim("CL33", "Meervoudige innovaties (3 of 4 typen) hebben vaker kwaliteit en meer gebruik als doel dan enkelvoudige.")
def _cl33(ctx):
    ctx.require(["goal", "spectrum"])
    parts, holds = [], True
    for item, word in (("goal_quality", "kwaliteit"), ("goal_use", "meer gebruik")):
        multi = ctx.pct(item, 1, ctx.year, "spectrum", "3|4")
        single = ctx.pct(item, 1, ctx.year, "spectrum", 1)
        holds = holds and multi > single
        parts.append(f"{word}: 3-4 typen {pct(multi)}, 1 type {pct(single)} "
                     f"({_group_diff_text(ctx, item, 1, 'spectrum', 1, '3|4')})")
    return bool(holds), "; ".join(parts)


def _terms(res: Any, specs: Sequence[tuple[str, Any]]) -> list[tuple[str, pd.Series]]:
    return [(_word(v, lv), _term(res, v, lv)) for v, lv in specs]


@claim("CL34", "Beter klimaat vergroot de kans op kwaliteitsverbetering (klein effect, OR < 2,5); type, technologie, strategie, sector en grootte niet wezenlijk.")
def _cl34(ctx):
    res = ctx.effect("effect_quality")
    row = _term(res, "climate_scale")
    nd, text = no_effect(ctx, res, ["tech_content", "strategy", "spectrum", "sector", "size_class"])
    flag = _positive(row) and row["odds_ratio"] < 2.5
    return _with(flag, nd), f"klimaat: {or_text(row)}; {text}; n = {res.n}"


@claim("CL35", "Technologie, strategie (onder de radar, expertgroep), doel kostenbesparing, klimaat en menselijk kapitaal vergroten de kans op efficiëntie; doel meer gebruik verkleint die; sector, grootte en spectrum niet wezenlijk.")
def _cl35(ctx):
    res = ctx.effect("effect_efficiency")
    pos = _terms(res, [("climate_scale", None), ("human_capital", None), ("tech", None), ("strategy", 2),
                       ("strategy", 4), ("goal_cost", None)])
    neg = _terms(res, [("goal_use", None)])
    nd, text = no_effect(ctx, res, ["sector", "size_class", "spectrum"])
    flag = all(_positive(r) for _, r in pos) and all(_negative(r) for _, r in neg)
    return _with(flag, nd), ("; ".join(f"{w}: {or_text(r)}" for w, r in pos + neg) + f"; {text}; n = {res.n}")


@claim("CL36", "Eenvoudigere procedures: klimaat en menselijk kapitaal significant positief; doelen kwaliteit en efficiëntie en strategie 1 of 2 positief; bij het Rijk significant lager.")
def _cl36(ctx):
    res = ctx.effect("effect_procedures")
    sig = _terms(res, [("climate_scale", None), ("human_capital", None)])
    direction = _terms(res, [("goal_quality", None), ("goal_efficiency", None)])
    strat = _terms(res, [("strategy", 1), ("strategy", 2)])
    rijk = _term(res, "rijk")
    holds = all(_positive(r) for _, r in sig) and all(r["coef"] > 0 for _, r in direction) \
        and any(r["coef"] > 0 for _, r in strat) and _negative(rijk)
    return bool(holds), ("; ".join(f"{w}: {or_text(r)}" for w, r in sig + direction + strat)
                         + f"; Rijksoverheid: {or_text(rijk)}; n = {res.n}")


def _early_about_a_fifth(ctx) -> tuple[bool, str]:
    """The first half of CL37 (also the part ``"CL37_vijfde"`` that §2.5 glues): on average over the
    result areas 20% (± 2, at full precision) answered 'te vroeg om te zeggen'."""
    ctx.require(["effect"])
    mean = float(ctx.battery("effect", ctx.year, codes=4).mean())
    return bool(abs(mean - 20) <= 2), f"gemiddeld {pct(mean, 1)} te vroeg"


@claim("CL37", "Bij gemiddeld zo'n 20% (± 2) van de innovaties is het te vroeg voor effecten; bij medewerkerstevredenheid en efficiëntie meer.")
def _cl37(ctx):
    ctx.require(["effect"])
    early = ctx.battery("effect", ctx.year, codes=4)
    mean = float(early.mean())
    fifth, _ = _early_about_a_fifth(ctx)
    holds = fifth and early["effect_staff_satisfaction"] > mean and early["effect_efficiency"] > mean
    return bool(holds), (f"gemiddeld {pct(mean, 1)} te vroeg; medewerkerstevredenheid "
                         f"{pct(early['effect_staff_satisfaction'])}, efficiëntie {pct(early['effect_efficiency'])}")


@claim("CL38", "Organisaties met een krachtig klimaat scoren op ten minste 9 van de 10 resultaatgebieden beter (positief effect).")
def _cl38(ctx):
    ctx.require(["effect", "climate_cluster"])
    t = ctx.battery("effect", ctx.year, codes=1, by="climate_cluster")
    if 1 not in t.index or 3 not in t.index:
        raise ClaimNotTestable("geen innovators in het krachtige of het beperkte klimaatcluster")
    diff = (t.loc[1] - t.loc[3]).dropna()
    better = int((diff > 0).sum())
    return bool(better >= 9), f"krachtig > beperkt bij {better} van {len(diff)} resultaatgebieden"


@claim("CL39", "Efficiëntie is het vaakst genoemde doel, maar het positieve effect op kwaliteit is groter dan op efficiëntie.")
def _cl39(ctx):
    ctx.require(["goal", "effect"])
    g = ctx.battery("goal", ctx.year)
    q, e = ctx.pct("effect_quality", 1, ctx.year), ctx.pct("effect_efficiency", 1, ctx.year)
    holds = _strictly_highest(g, "goal_efficiency") and q > e
    return bool(holds), f"doelen: {_top(g, ctx.codebook, 2)}; positief effect kwaliteit {pct(q)}, efficiëntie {pct(e)}"


# ====================================================================== §2.6 failure
_FAIL_NEXT = ("fail_idea", "fail_process", "fail_collab_internal")


@claim("CL40", "Gebrek aan draagvlak is de meest genoemde faalfactor, gevolgd door matig idee, proces en interne samenwerking.")
def _cl40(ctx):
    ctx.require(["fail_reason"])
    v = ctx.battery("fail_reason", ctx.year)
    rest = v.drop(["fail_support", *_FAIL_NEXT])
    holds = _strictly_highest(v, "fail_support") and bool(v[list(_FAIL_NEXT)].min() >= rest.max())
    n = statistic(ctx.df, "fail_support", "n", year=ctx.year, codebook=ctx.codebook).base_n
    return bool(holds), f"{_top(v, ctx.codebook, 5)} (n = {n})"


_FAIL_CLUSTER = ("fail_skills", "fail_political", "fail_collab_internal", "fail_collab_external", "fail_time",
                 "fail_process")


@claim("CL41", "Organisaties met een beperkt klimaat noemen meer faalfactoren, vooral vaardigheden, politiek draagvlak, samenwerking, tijd en proces.")
def _cl41(ctx):
    ctx.require(["fail_reason", "climate_cluster"])
    cb = ctx.codebook
    items = [i for i in cb.items("fail_reason") if i != "fail_other"]
    counts = pd.DataFrame({i: analysis_values(ctx.df, i, cb) for i in items}).sum(axis=1, min_count=1)
    cluster = analysis_values(ctx.df, "climate_cluster", cb)
    mean = counts.groupby(cluster).mean()
    t = ctx.battery("fail_reason", ctx.year, by="climate_cluster")
    if not {1, 2, 3} <= set(mean.index) or not {1, 3} <= set(t.index):
        raise ClaimNotTestable("niet in elk klimaatcluster organisaties met een mislukte poging")
    more = [i for i in _FAIL_CLUSTER if t.loc[3, i] > t.loc[1, i]]
    holds = mean[3] > mean[1] and mean[3] > mean[2] and len(more) == len(_FAIL_CLUSTER)
    return bool(holds), (f"gemiddeld aantal redenen: krachtig {dec(mean[1], 2)}, gemiddeld {dec(mean[2], 2)}, "
                         f"beperkt {dec(mean[3], 2)}; beperkt > krachtig bij {len(more)} van {len(_FAIL_CLUSTER)} "
                         "genoemde redenen")


# ====================================================================== §2.7 sharing
@claim("CL42", "Innovaties die de werkwijze ingrijpend veranderden worden veel vaker gedeeld (> 10 procentpunt).")
def _cl42(ctx):
    ctx.require(["knowledge_shared", "work_change"])
    a = ctx.pct("knowledge_shared", 1, ctx.year, "work_change", 3)
    b = ctx.pct("knowledge_shared", 1, ctx.year, "work_change", "1|2")
    return bool(a - b > 10), (f"ingrijpend veranderd {pct(a)}, overige {pct(b)} "
                              f"({_group_diff_text(ctx, 'knowledge_shared', 1, 'work_change', '1|2', 3)})")


# ====================================================================== §2.2 initiative, partners, channels
@claim("CL43", "Het initiatief komt vooral van eigen medewerkers (hoogst), managers en nieuwe technologie (top vier).")
def _cl43(ctx):
    ctx.require(["initiative"], ctx.years)
    holds, parts = True, []
    for y in ctx.years:
        v = ctx.battery("initiative", y)
        ok = _strictly_highest(v, "init_staff") and _rank(v, "init_managers") <= 4 and _rank(v, "init_technology") <= 4
        holds = holds and ok
        parts.append(f"{y}: {_top(v, ctx.codebook, 4)}")
    return bool(holds), "; ".join(parts)


@claim("CL44", "Samenwerking met partners vooral bij het ontwikkelen of aanpassen van de oplossing (elk jaar hoogst).")
def _cl44(ctx):
    ctx.require(["partner_phase"], ctx.years)
    holds, parts = True, []
    for y in ctx.years:
        v = ctx.battery("partner_phase", y)
        holds = holds and _strictly_highest(v, "phase_development")
        parts.append(f"{y}: {_top(v, ctx.codebook, 2)}")
    return bool(holds), "; ".join(parts)


@claim("CL45", "Kennis over overgenomen innovaties komt vooral via netwerken (hoogst) en ervaring van eigen personeel (tweede).")
def _cl45(ctx):
    ctx.require(["channel"], ctx.years)
    holds, parts = True, []
    for y in ctx.years:
        v = ctx.battery("channel", y)
        ok = _strictly_highest(v, "channel_network") and _strictly_highest(v.drop("channel_network"), "channel_experience")
        holds = holds and ok
        parts.append(f"{y}: {_top(v, ctx.codebook, 3)}")
    return bool(holds), "; ".join(parts)


# ---------------------------------------------------------------------- deprecated parts
def _part(effect: str, specs: Sequence[tuple[str, Any]], test: Callable[[pd.Series], bool],
          combine: Callable = all) -> Check:
    def check(ctx):
        res = ctx.effect(effect)
        rows = _terms(res, specs)
        return bool(combine(test(r) for _, r in rows)), "; ".join(f"{w}: {or_text(r)}" for w, r in rows)
    return check


REGISTRY.parts.update({
    "CL37_vijfde": ("Deel van CL37: bij gemiddeld zo'n 20% (± 2) van de innovaties is het te vroeg voor effecten.",
                    _early_about_a_fifth),
    "CL32_sector": ("Deel van CL32: geen wezenlijke sectorverschillen in de doelen efficiëntie en kwaliteit.",
                    _goal_sectors_alike),
    "CL17_innovatie": ("Deel van CL17: kerndepartementen innoveren minder vaak dan diensten en agentschappen "
                       "en dan zbo's.", _national_innovates_less),
    "quality_climate": ("Deel van CL34: klimaat vergroot de kans op kwaliteitsverbetering.",
                        _part("effect_quality", [("climate_scale", None)], _positive)),
    "efficiency_tech": ("Deel van CL35: technologische innovaties vergroten de kans op efficiëntiewinst.",
                        _part("effect_efficiency", [("tech", None)], _positive)),
    "efficiency_strategy": ("Deel van CL35: onder de radar en expertgroep (t.o.v. in de spotlights) vergroten de kans op efficiëntiewinst.",
                            _part("effect_efficiency", [("strategy", 2), ("strategy", 4)], _positive)),
    "efficiency_cost_goal": ("Deel van CL35: kostenbesparing als doel vergroot de kans op efficiëntiewinst.",
                             _part("effect_efficiency", [("goal_cost", None)], _positive)),
    "efficiency_climate": ("Deel van CL35: klimaat vergroot de kans op efficiëntiewinst.",
                           _part("effect_efficiency", [("climate_scale", None)], _positive)),
    "efficiency_human_capital": ("Deel van CL35: menselijk kapitaal vergroot de kans op efficiëntiewinst.",
                                 _part("effect_efficiency", [("human_capital", None)], _positive)),
    "procedures_rijk": ("Deel van CL36: bij de Rijksoverheid is de kans op eenvoudigere procedures lager.",
                        _part("effect_procedures", [("rijk", None)], _negative)),
})


# ---------------------------------------------------------------------- other editions
#: The comparison claims (a change between two measurements, "daalde van 2021 naar 2025") and
#: the quantities each is about: (label, variable, codes, group variable, group). In another
#: edition than the report's, the same kind of statement is made and tested on that edition's
#: own comparison (previous measurement -> its year), verb and direction from the data
#: (:func:`restatement`). Claims about each year separately (CL19, CL23, CL24, CL43-CL45) and
#: the pooled regression CL27 are not about a change: they are evaluated on the edition's years.
COMPARISONS: dict[str, tuple[tuple[str, str, Any, str | None, Any], ...]] = {
    "CL07": (("kleine organisaties die innoveerden", "innovated", 1, "size_class", 1),
             ("middelgrote organisaties die innoveerden", "innovated", 1, "size_class", 2),
             ("grote organisaties die innoveerden", "innovated", 1, "size_class", 3)),
    "CL08": (("organisaties die innoveerden", "innovated", 1, None, None),),
    "CL09": (("interactie-innovaties", "type_interaction", 1, None, None),
             ("procesinnovaties", "type_process", 1, None, None)),
    "CL10": (("productinnovaties", "type_product", 1, None, None),
             ("diensteninnovaties", "type_service", 1, None, None)),
    "CL11": (("ingrijpende veranderingen van de werkwijze", "work_change", 3, None, None),),
    "CL12": (("meervoudige innovaties", "spectrum_group", 2, None, None),
             ("enkelvoudige innovaties", "spectrum_group", 1, None, None)),
    "CL13": (("zelf ontwikkelde innovaties", "origin", 1, None, None),),
    "CL15": (("strategie expertgroep", "strategy", 4, None, None),
             ("strategie in de spotlights", "strategy", 3, None, None)),
    "CL18": (("technologie een belangrijk deel", "tech_content", 2, None, None),
             ("geheel technologisch", "tech_content", 1, None, None),
             ("geen technologie", "tech_content", 4, None, None)),
    "CL20": (("samenwerking met private organisaties als bevorderende factor", "factor_private", "4|5", None, None),),
    "CL29": (("gemiddelde klimaatscore van de Rijksoverheid", "climate_scale", None, "sector", 7),),
}


def _mean_difference(ctx: "ClaimContext", a: Sequence[float], year_a: int, b: Sequence[float],
                     year_b: int) -> dict[str, float]:
    """Welch's interval and test of ``mean(b) - mean(a)`` with the finite-population correction of
    each group (:func:`barometer.analysis.uncertainty.mean_difference`, the book's one
    implementation; the population of a group's base estimated with its year's sampling fraction,
    :func:`barometer.analysis.uncertainty.domain_population`, as the chapters do).

    Returns
    -------
    dict
        ``diff``, ``low``, ``high`` (NaN bounds without spread or with fewer than two values per
        group) and ``p``: the two-sided t-test on the same corrected standard error and Welch's
        degrees of freedom, so that the test and the interval always agree.
    """
    from barometer.analysis.uncertainty import domain_population, mean_difference
    from barometer.data.lazy import lazy_module

    stats = lazy_module("scipy.stats")

    pops = {y: domain_population(y, len(ctx.frame(y))) for y in {year_a, year_b}}
    na, nb = len(a), len(b)
    try:
        r = mean_difference(a, b, pops[year_a](na) if na else None, pops[year_b](nb) if nb else None)
    except ValueError:  # a base larger than the population (another file): no correction
        r = mean_difference(a, b)
    se, df = r["se"], r["df"]
    ok = not (math.isnan(se) or math.isnan(df)) and se > 0
    p = float(2 * stats.t.sf(abs(r["diff"]) / se, df)) if ok else math.nan
    lo, hi = (r["low"], r["high"]) if ok else (math.nan, math.nan)
    return {"diff": r["diff"], "low": lo, "high": hi, "p": p}


def _mean_change(ctx: "ClaimContext", variable: str, group_var: str, group: Any) -> dict[str, float]:
    """Mean of ``variable`` in a group in both years, with the interval and test of the change
    (:func:`_mean_difference`: Welch with the finite-population correction)."""
    vals = []
    for y in ctx.years:
        f = ctx.frame(y)
        v = analysis_values(f, variable, ctx.codebook)
        g = pd.to_numeric(f[group_var], errors="coerce")
        vals.append(v[(g == group) & v.notna()].to_numpy(dtype=float))
    if min(len(v) for v in vals) < 2:
        raise ClaimNotTestable(f"te weinig waarnemingen van '{_label(ctx.codebook, variable)}' in de groep")
    r = _mean_difference(ctx, vals[0], ctx.comparison_year, vals[1], ctx.year)
    return {"p1": float(vals[0].mean()), "p2": float(vals[1].mean()), "p": r["p"], "diff_low": r["low"],
            "diff_high": r["high"]}


def restatement(ctx: "ClaimContext", claim_id: str) -> str:
    """The same kind of statement as comparison claim ``claim_id`` on the context's own
    comparison (``comparison_year`` -> ``year``): per quantity of :data:`COMPARISONS` the verb
    and direction from the data, both values, the difference with its 95% interval (Newcombe
    for shares, Welch's t for means) and the test (:func:`barometer.presentation.phrasing.change_sentence`).

    Raises
    ------
    ClaimNotTestable
        Without a comparison year (then in Dutch: there is no earlier measurement), or when a
        question was not asked in one of the years.
    """
    from barometer.presentation.phrasing import NO_COMPARISON, change_sentence

    if ctx.comparison_year == ctx.year or ctx.comparison_year not in ctx.frames:
        raise ClaimNotTestable(NO_COMPARISON.rstrip(".").lower().replace("voor deze editie is er", "er is"))
    parts = []
    family: tuple[list[str], dict[str, float], dict[str, float]] | None = None
    for label, variable, codes, group_var, group in COMPARISONS[claim_id]:
        ctx.require([variable] + ([group_var] if group_var else []), ctx.years)
        if codes is None:
            r = _mean_change(ctx, variable, group_var, group)
            unit = "mean"
        else:
            r = _compare_years(ctx, variable, codes, group_var, group)
            unit = "pct"
        adjusted: dict[str, Any] = {}
        if claim_id in FAMILIES:  # significance after the family's Holm correction, as the chapter
            family = family if family is not None else _family_p(ctx, claim_id)
            if variable in family[2]:
                adjusted = {"adjusted": family[2][variable],
                            "family": f"Holm, {len(family[0])} {FAMILIES[claim_id][2]}"}
        parts.append(change_sentence(label, r["p1"], r["p2"], ctx.comparison_year, ctx.year, r["diff_low"],
                                     r["diff_high"], r["p"], unit, **adjusted))
    return "; ".join(parts)


def _outcome(holds: Any) -> tuple[str, str]:
    """(outcome, bound) of a check's result: ``True``/``False`` or a :class:`NoDifference`."""
    if isinstance(holds, NoDifference):
        return holds.outcome, holds.bound
    return ("holds" if bool(holds) else "fails"), ""


# ---------------------------------------------------------------------- one test for chapters and claims
def _edition_context(ed: Any) -> "ClaimContext":
    """The claims context of an edition (:class:`barometer.book.edition.Edition`), once per edition."""
    from barometer.presentation.phrasing import cached

    return cached(ed, "claims-context", lambda: ClaimContext(
        ed.frames, ed.year, ed.previous_year if ed.previous_year is not None else ed.year))


def claim_outcome(ed: Any, claim_id: str) -> str:
    """The outcome of claim ``claim_id`` on an edition, by the claims table's own check, so that a
    chapter's verdict word and the claims table never disagree: ``"holds"``, ``"fails"``,
    ``"equivalent"``, ``"undecided"`` (claims of no difference, :func:`no_difference`) or
    ``"untested"`` (the data do not allow the test)."""
    try:
        holds, _ = REGISTRY[claim_id][1](_edition_context(ed))
    except Exception:  # noqa: BLE001 - not testable on these data: the chapter says so
        return "untested"
    return _outcome(holds)[0]


def share_unchanged(ed: Any, variable: str, codes: Any) -> NoDifference:
    """The claim that a share did not change between the edition's previous measurement and its
    year (as CL09 judges the process innovations): z-test and Newcombe interval against
    :data:`MARGINS` ``["pp"]``."""
    ctx = _edition_context(ed)
    r = compare_years(ctx.both, variable, codes, ctx.years, codebook=ctx.codebook)
    return no_difference([(r["diff_low"], r["diff_high"])], r["p"], MARGINS["pp"])


def distribution_unchanged(ed: Any, variable: str) -> NoDifference:
    """The claim that a distribution did not change between the edition's previous measurement
    and its year (as CL13 and CL15 judge origin and strategy)."""
    ctx = _edition_context(ed)
    ctx.require([variable], ctx.years)
    return _categories_unchanged(ctx, variable)[0]


# ---------------------------------------------------------------------- evaluation
def _frames(data: Any, cb: Codebook) -> dict[int, pd.DataFrame]:
    if isinstance(data, pd.DataFrame):
        yr = pd.to_numeric(data[cb.year_column], errors="coerce")
        return {int(y): ensure_derived(data[yr == y].reset_index(drop=True), cb) for y in sorted(yr.dropna().unique())}
    return {int(y): ensure_derived(d, cb) for y, d in data.items()}


def evaluate_claims(
    df_by_year: Mapping[int, pd.DataFrame] | pd.DataFrame,
    claims: pd.DataFrame | str | Path | None = None,
    year: int = 2025,
    comparison_year: int = 2021,
    codebook: Codebook | None = None,
    only: Iterable[str] | None = None,
    report_year: int = REPORT_YEAR,
) -> pd.DataFrame:
    """Run the check of every claim (or of the claims in ``only``).

    Parameters
    ----------
    df_by_year : mapping year -> DataFrame, or one DataFrame with a year column
        Respondent frames (derived variables are added if missing).
    claims : DataFrame or path, optional
        The claims table; default ``data/published/claims.csv`` if it exists, else the
        claims of :data:`REGISTRY`.
    year, comparison_year : int
        The years the claims call 2025 and 2021.
    only : iterable of str, optional
        Claim ids to run, in this order (default: all).
    report_year : int, default :data:`REPORT_YEAR`
        Year of the report that made the claims. In another edition (``year`` differs) the
        claim text names that report, and a claim about a change between years
        (:data:`COMPARISONS`, such as "daalde van 2021 naar 2025") gets no verdict: its
        ``statistic`` and ``restatement`` are the same kind of statement tested on the
        edition's own comparison (``comparison_year`` → ``year``, :func:`restatement`) and
        ``error`` says that the report's statement was about other years, so that a statement
        about 2021 → 2025 is never judged on 2025 → 2027.

    Returns
    -------
    DataFrame
        One row per claim of the table, in its order (then any check of :data:`REGISTRY`
        without a row): ``claim_id``, ``source``, ``claim`` (text of the table, else the
        registry's description), ``test``, ``holds`` (boolean; ``<NA>`` when there is no
        check or the data do not allow the test), ``statistic`` (Dutch text of the test
        result) and ``error`` (Dutch reason why there is no result; empty otherwise).
        ``verdict``: the Dutch verdict (:data:`barometer.presentation.phrasing.VERDICTS`: "houdt stand",
        "houdt geen stand", "houdt stand (verschil kleiner dan de marge aangetoond)", "onbeslist
        (...)", "niet getoetst", or in another edition for a comparison claim "n.v.t.: ...");
        ``restatement``: in another edition, the same kind of statement on the edition's own
        comparison (empty otherwise). ``holds`` is ``<NA>`` for an undecided claim.
        Never raises for a single claim: its error is recorded in its row.
    """
    cb = codebook if codebook is not None else load_codebook()
    if claims is None:
        p = paths.PUBLISHED / "claims.csv"
        claims = read_claims(p) if p.exists() else None
    elif not isinstance(claims, pd.DataFrame):
        claims = read_claims(claims)
    meta: dict[str, dict[str, str]] = {}
    if claims is not None:
        for r in claims.to_dict("records"):
            meta[str(r["claim_id"])] = {k: ("" if pd.isna(r.get(k)) else str(r.get(k)))
                                        for k in ("source", "claim", "test", "years")}
    ids = list(meta) + [cid for cid in REGISTRY if cid not in meta]
    if only is not None:
        ids = list(only)
    from barometer.presentation.phrasing import verdict

    ctx = ClaimContext(_frames(df_by_year, cb), year, comparison_year, cb)
    rows = []
    for cid in ids:
        m = meta.get(cid, {})
        row = {"claim_id": cid, "source": m.get("source", ""),
               "claim": m.get("claim") or (REGISTRY[cid][0] if cid in REGISTRY else ""),
               "test": m.get("test", ""), "holds": pd.NA, "statistic": "", "error": "",
               "verdict": verdict("untested"), "restatement": ""}
        if cid not in REGISTRY:
            row["error"] = "geen toets in barometer.presentation.claims.REGISTRY"
        else:
            claim_years = [int(y) for y in str(m.get("years", "")).split("|") if y.strip().isdigit()]
            other = int(year) != int(report_year)
            try:
                if other and cid in COMPARISONS:
                    # a statement about the report's years is not judged on this edition's years:
                    # the same kind of statement is made (and tested) on this edition's comparison
                    years_of = _years_text(claim_years or (comparison_year, year))
                    row["error"] = (f"{OTHER_YEARS} {report_year} gaat over {years_of}; hier de vergelijking "
                                    f"van deze editie, {comparison_year} met {year}")
                    row["verdict"] = verdict("other_years", report=report_year, years=years_of)
                    row["statistic"] = restatement(ctx, cid)
                    row["restatement"] = (f"Dezelfde soort bewering over {comparison_year} → {year}: "
                                          f"{row['statistic']}")
                else:
                    holds, stat = REGISTRY[cid][1](ctx)
                    outcome, bound = _outcome(holds)
                    row.update(holds=pd.NA if outcome == "undecided" else outcome in ("holds", "equivalent"),
                               statistic=stat, verdict=verdict(outcome, bound=bound))
            except ClaimNotTestable as exc:
                if other and cid in COMPARISONS:
                    row["restatement"] = f"Dezelfde soort bewering is hier niet te toetsen: {exc}"
                    row["statistic"] = ""
                    if comparison_year == year or comparison_year not in ctx.frames:
                        row["error"] = (f"{OTHER_YEARS} {report_year} gaat over "
                                        f"{_years_text(claim_years or (report_year,))}; deze editie heeft "
                                        "geen eerdere meting om mee te vergelijken")
                else:
                    row["error"] = f"niet te toetsen: {exc}"
                    row["verdict"] = verdict("untested")
            except Exception as exc:  # noqa: BLE001 - one failing analysis must not stop the table
                row["error"] = untestable_reason(exc)
                row["verdict"] = verdict("untested")
        if int(year) != int(report_year) and row["claim"]:
            row["claim"] = f"Rapport {report_year}: {row['claim']}"
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
    out["holds"] = out["holds"].astype("boolean")
    return out
