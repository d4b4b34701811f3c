"""The report's analytical claims as code: each claim, the test that checks it, and whether it holds.

``data/published/claims.csv`` lists the claims (``claim_id``, ``source``, ``claim``, ``test``,
``kind``, ``years``); :data:`REGISTRY` holds one check function per ``claim_id``. A check
takes a :class:`ClaimContext` (the respondent frames per year, with models and scales fitted
once) and returns ``(holds, statistic_text)``; the text states the test result in Dutch
(odds ratio with 95% interval and p, alpha, correlation).

Significance level: 0.05 (two-sided). A reliable scale: Cronbach's alpha >= 0.7.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Mapping

import pandas as pd

from barometer import paths
from barometer.codebook import Codebook, load_codebook
from barometer.formatting import dec, pct, round_half_up
from barometer.models import (
    LogitResult,
    ModelError,
    chi2_years,
    effect_model,
    innovation_model,
    lr_test,
)
from barometer.published import ensure_derived, read_claims
from barometer.scales import reliability, scale_correlation
from barometer.statistics import statistic

__all__ = [
    "ALPHA",
    "MIN_RELIABILITY",
    "ClaimContext",
    "REGISTRY",
    "claim",
    "evaluate_claims",
    "p_text",
    "or_text",
]

#: Significance level of every test.
ALPHA = 0.05
#: Minimum Cronbach's alpha of a reliable scale.
MIN_RELIABILITY = 0.7

Check = Callable[["ClaimContext"], tuple[bool, str]]

#: claim_id -> (short description, check function).
REGISTRY: dict[str, tuple[str, Check]] = {}


def claim(claim_id: str, description: str) -> Callable[[Check], Check]:
    """Register a check function for ``claim_id``."""

    def deco(fn: Check) -> Check:
        REGISTRY[claim_id] = (description, fn)
        return fn

    return deco


def p_text(p: float) -> str:
    """``p = 0,012`` or ``p < 0,001`` (Dutch)."""
    if p is None or math.isnan(p):
        return "p = -"
    return "p < 0,001" if p < 0.001 else f"p = {dec(p, 3)}"


def or_text(row: pd.Series) -> str:
    """``OR = 2,64 (95%-BI 1,12–6,23; p = 0,026)``."""
    return (f"OR = {dec(row['odds_ratio'], 2)} (95%-BI {dec(row['ci_low'], 2)}–{dec(row['ci_high'], 2)}; "
            f"{p_text(row['p'])})")


@dataclass
class ClaimContext:
    """Respondent frames per year (derived variables added) and lazily fitted analyses.

    Parameters
    ----------
    frames : mapping year -> DataFrame
    year : int, default 2025
        Measurement year of the models and scales.
    comparison_year : int, default 2021
    """

    frames: Mapping[int, pd.DataFrame]
    year: int = 2025
    comparison_year: int = 2021
    codebook: Codebook = field(default_factory=load_codebook)

    @cached_property
    def df(self) -> pd.DataFrame:
        """The frame of the measurement year."""
        return self.frames[self.year]

    @cached_property
    def both(self) -> pd.DataFrame:
        """The frames of the comparison year and the measurement year together."""
        parts = [self.frames[y] for y in (self.comparison_year, self.year) if y in self.frames]
        return pd.concat(parts, ignore_index=True)

    @cached_property
    def innovation(self) -> LogitResult:
        return innovation_model(self.df, self.year, codebook=self.codebook)

    def effect(self, name: str) -> LogitResult:
        cache = self.__dict__.setdefault("_effects", {})
        if name not in cache:
            cache[name] = effect_model(self.df, name, self.year, codebook=self.codebook)
        return cache[name]

    def reliability(self, scale: str):
        cache = self.__dict__.setdefault("_rel", {})
        if scale not in cache:
            cache[scale] = reliability(self.df, scale, self.year, self.codebook)
        return cache[scale]


def _positive(row: pd.Series) -> bool:
    return bool(row["odds_ratio"] > 1 and row["p"] < ALPHA)


def _negative(row: pd.Series) -> bool:
    return bool(row["odds_ratio"] < 1 and row["p"] < ALPHA)


def _joint(res: LogitResult, variable: str) -> pd.Series:
    return res.joint.set_index("variable").loc[variable]


# ---------------------------------------------------------------------- §2.1 innovating
# Ids CL.. follow data/published/claims.csv; the tests are the ones stated there.
@claim("CL01", "Hoe groter de organisatie, hoe groter de kans op innovatie (logit, grootte lineair).")
def _innovation_size(ctx: ClaimContext) -> tuple[bool, str]:
    row = ctx.innovation.term("size_class")
    return _positive(row), f"grootteklasse (per klasse): {or_text(row)}"


@claim("CL02", "Een innovatiefunctionaris of -unit vergroot de kans op innovatie significant (logit).")
def _innovation_unit(ctx):
    row = ctx.innovation.term("innovation_unit")
    return _positive(row), or_text(row)


@claim("CL03", "De sector heeft geen significant effect op de kans op innovatie (logit, LR-toets).")
def _innovation_sector(ctx):
    lr = lr_test(ctx.innovation, "sector")
    return bool(lr["p"] >= ALPHA), f"sector: LR = {dec(lr['lr'], 2)}, df = {lr['df']}, {p_text(lr['p'])}"


@claim("CL04", "Steun van het management vergroot de kans op innovatie (logit).")
def _innovation_management(ctx):
    row = ctx.innovation.term("cond_management")
    return _positive(row), or_text(row)


@claim("CL05", "Beschikbare tijd speelt een rol bij innoveren (logit, coëfficiënt > 0 bij p < 0,10).")
def _innovation_time(ctx):
    row = ctx.innovation.term("cond_time")
    return bool(row["odds_ratio"] > 1 and row["p"] < 0.10), or_text(row)


# ---------------------------------------------------------------------- scales
def _alpha_each_year(ctx, scale: str, loadings_min: float | None = None) -> tuple[bool, str]:
    holds, parts = True, []
    for y in sorted(ctx.frames):
        rel = reliability(ctx.frames[y], scale, y, ctx.codebook)
        ok = rel.alpha >= MIN_RELIABILITY
        text = f"{y}: alfa = {dec(rel.alpha, 2)} (n = {rel.n})"
        if loadings_min is not None:
            low = float(rel.items["loading"].min())
            ok = ok and low > loadings_min
            text += f", laagste lading {dec(low, 2)}"
        holds = holds and bool(ok)
        parts.append(text)
    return holds, "; ".join(parts)


@claim("CL22", "De eerste drie factoren vormen een betrouwbare schaal menselijk kapitaal (alfa ≥ 0,7) met gemiddelde 3,9.")
def _human_capital(ctx):
    rel = ctx.reliability("human_capital")
    r = statistic(ctx.df, "human_capital", "mean", year=ctx.year, codebook=ctx.codebook)
    holds = bool(rel.alpha >= MIN_RELIABILITY and round_half_up(r.value, 1) == round_half_up(3.9, 1))
    return holds, f"alfa = {dec(rel.alpha, 2)} (n = {rel.n}); gemiddelde = {dec(r.value, 2)} (n = {r.base_n})"


@claim("CL23", "De klimaatstellingen zonder de eerste vormen één betrouwbare schaal (elk jaar alfa ≥ 0,7, ladingen > 0,4).")
def _climate_alpha(ctx):
    return _alpha_each_year(ctx, "climate_scale", loadings_min=0.4)


@claim("CL24", "De drie stellingen over randvoorwaarden vormen een betrouwbare schaal (elk jaar alfa ≥ 0,7).")
def _conditions_alpha(ctx):
    return _alpha_each_year(ctx, "conditions_scale")


@claim("CL25", "Menselijk kapitaal hangt positief samen met het innovatieklimaat.")
def _climate_hc(ctx):
    res = scale_correlation(ctx.df, "climate_scale", "human_capital", ctx.year, codebook=ctx.codebook)
    return bool(res["r"] > 0 and res["p"] < ALPHA), f"r = {dec(res['r'], 2)}, {p_text(res['p'])}, n = {res['n']}"


# ---------------------------------------------------------------------- §2.5 effects
@claim("quality_climate", "Een beter innovatieklimaat vergroot de kans op kwaliteitsverbetering (klein effect).")
def _quality_climate(ctx):
    row = ctx.effect("effect_quality").term("climate_scale")
    return _positive(row), or_text(row)


@claim("efficiency_tech", "Technologische innovaties vergroten de kans op efficiëntiewinst.")
def _efficiency_tech(ctx):
    res = ctx.effect("effect_efficiency")
    rows = [res.term("tech_content", lv) for lv in (1, 2)]
    holds = any(_positive(r) for r in rows)
    return holds, "; ".join(f"{r['label']}: {or_text(r)}" for r in rows)


@claim("efficiency_strategy", "De strategieën 'onder de radar' en 'expertgroep' vergroten (t.o.v. 'in de spotlights') de kans op efficiëntiewinst.")
def _efficiency_strategy(ctx):
    res = ctx.effect("effect_efficiency")
    rows = [res.term("strategy", lv) for lv in (2, 4)]
    return all(_positive(r) for r in rows), "; ".join(f"{r['label']}: {or_text(r)}" for r in rows)


@claim("efficiency_cost_goal", "Kostenbesparing als doel vergroot de kans op efficiëntiewinst.")
def _efficiency_goal(ctx):
    row = ctx.effect("effect_efficiency").term("goal_cost")
    return _positive(row), or_text(row)


@claim("efficiency_climate", "Een beter innovatieklimaat vergroot de kans op efficiëntiewinst.")
def _efficiency_climate(ctx):
    row = ctx.effect("effect_efficiency").term("climate_scale")
    return _positive(row), or_text(row)


@claim("efficiency_human_capital", "Meer menselijk kapitaal vergroot de kans op efficiëntiewinst.")
def _efficiency_hc(ctx):
    row = ctx.effect("effect_efficiency").term("human_capital")
    return _positive(row), or_text(row)


@claim("procedures_rijk", "Bij de Rijksoverheid is de kans op eenvoudigere procedures significant lager.")
def _procedures_rijk(ctx):
    row = ctx.effect("effect_procedures").term("rijk")
    return _negative(row), or_text(row)


# ---------------------------------------------------------------------- 2021 vs 2025
def _chi2_text(res: dict) -> str:
    return f"chi² = {dec(res['chi2'], 2)}, df = {res['df']}, {p_text(res['p'])}, n = {res['n']}"


def _pct(ctx, variable: str, codes: Any, year: int) -> float:
    return statistic(ctx.both, variable, "pct", codes, year=year, codebook=ctx.codebook).value


@claim("CL13", "Innovaties iets vaker zelf ontwikkeld dan in 2021; verschillen in herkomst niet significant.")
def _origin_years(ctx):
    res = chi2_years(ctx.both, "origin", (ctx.comparison_year, ctx.year), ctx.codebook)
    a, b = _pct(ctx, "origin", 1, ctx.comparison_year), _pct(ctx, "origin", 1, ctx.year)
    holds = bool(res["p"] >= ALPHA and b > a)
    return holds, f"eigen ontwikkeling {pct(a)} -> {pct(b)}; {_chi2_text(res)}"


@claim("CL15", "Innovatiestrategie niet significant anders dan in 2021 (vaker expertgroep, minder in de spotlights).")
def _strategy_years(ctx):
    res = chi2_years(ctx.both, "strategy", (ctx.comparison_year, ctx.year), ctx.codebook)
    e = [_pct(ctx, "strategy", 4, y) for y in (ctx.comparison_year, ctx.year)]
    sp = [_pct(ctx, "strategy", 3, y) for y in (ctx.comparison_year, ctx.year)]
    holds = bool(res["p"] >= ALPHA and e[1] > e[0] and sp[1] < sp[0])
    return holds, (f"expertgroep {pct(e[0])} -> {pct(e[1])}, in de spotlights {pct(sp[0])} -> {pct(sp[1])}; "
                   f"{_chi2_text(res)}")


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
) -> pd.DataFrame:
    """Run the check of every claim.

    Parameters
    ----------
    df_by_year : mapping year -> DataFrame, or one DataFrame with a year column
        Respondent frames (derived variables are added if missing).
    claims : DataFrame or path, optional
        The claims table; default ``data/published/claims.csv`` if it exists, else the
        claims of :data:`REGISTRY`.
    year, comparison_year : int

    Returns
    -------
    DataFrame
        Columns ``claim_id``, ``claim`` (text of the table, else the registry's
        description), ``holds`` (bool, or ``<NA>`` when no check exists or the analysis
        cannot be run), ``statistic`` (Dutch text of the test result) and ``error``
        (why there is no result; empty otherwise). Claims of the table without a check
        and checks without a row in the table are both listed.
    """
    cb = codebook if codebook is not None else load_codebook()
    if claims is None:
        p = paths.PUBLISHED / "claims.csv"
        claims = read_claims(p) if p.exists() else None
    elif not isinstance(claims, pd.DataFrame):
        claims = read_claims(claims)
    texts: dict[str, str] = {}
    if claims is not None:
        texts = dict(zip(claims["claim_id"].astype(str), claims["claim"].astype(str)))
    ids = list(texts) + [cid for cid in REGISTRY if cid not in texts]
    ctx = ClaimContext(_frames(df_by_year, cb), year, comparison_year, cb)
    rows = []
    for cid in ids:
        text = texts.get(cid) or REGISTRY.get(cid, ("", None))[0]
        if cid not in REGISTRY:
            rows.append({"claim_id": cid, "claim": text, "holds": pd.NA, "statistic": "",
                         "error": "geen toets in barometer.claims.REGISTRY"})
            continue
        try:
            holds, stat = REGISTRY[cid][1](ctx)
            rows.append({"claim_id": cid, "claim": text, "holds": bool(holds), "statistic": stat, "error": ""})
        except (ModelError, KeyError, ValueError) as exc:
            rows.append({"claim_id": cid, "claim": text, "holds": pd.NA, "statistic": "",
                         "error": f"{type(exc).__name__}: {exc}"})
    out = pd.DataFrame(rows, columns=["claim_id", "claim", "holds", "statistic", "error"])
    out["holds"] = out["holds"].astype("boolean")
    return out
