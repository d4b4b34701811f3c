"""Key figures of the *Samenvatting* (the report's management summary) that no chapter glues.

The summary takes its numbers from the chapters that compute them, through cross-page glue
(``{glue:text}`chapters/<slug>.ipynb::key:s```). A few statements of the report's summary
have no key in any chapter; they are computed here, with the same modules the chapters
use (:mod:`barometer.analysis.statistics`, :mod:`barometer.analysis.models`, :mod:`barometer.presentation.claims`,
:mod:`barometer.presentation.formatting`, :mod:`barometer.presentation.glue`), and glued locally:

- whether the change in the share of innovating organisations between the comparison
  year and the edition's year is significant (two-proportion z-test), and the claims check
  of the report's statement on that change (CL08);
- whether large organisations have an innovation officer or unit more often than small
  ones (direction word with its particle);
- the innovation climate of the Rijksoverheid against the previous measurement and the
  sector with the highest score, and the claims check CL29;
- the verdicts of the claims on goals against effects (CL39) and on the failure factors
  (CL40) as a phrase ("houdt stand") that reads correctly in every edition.

Every key is glued in every edition: without a comparison year the sentences say that
there is nothing to compare with, and claim words read "niet te toetsen".
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import formatting as fmt
from barometer.analysis import models
from barometer.analysis import statistics as st
from barometer.presentation.claims import OTHER_YEARS, REPORT_YEAR, evaluate_claims, p_text
from barometer.data.codebook import load_codebook
from barometer.presentation.disclosure import compose, is_small, release
from barometer.presentation.exhibit import disclose
from barometer.presentation.glue import glue_text
from barometer.presentation.phrasing import compare_word

__all__ = ["SLUG", "CLAIMS", "OORDEEL", "KEYS", "RIJK", "claim_woorden", "toets_innovatie", "klimaat_sectoren",
           "kerncijfers"]

SLUG = "samenvatting"
#: Claims of the report's summary (``data/published/claims.csv``) whose verdict the summary
#: states: CL08 and CL29 are glued by no chapter; CL39 and CL40 are glued by their chapters
#: as "wel"/"niet", which does not read as a verdict in every edition (a question not asked).
CLAIMS = ("CL08", "CL29", "CL39", "CL40")
#: Verdict phrases: holds, does not hold, cannot be tested on the edition's data.
OORDEEL = {True: "houdt stand", False: "houdt geen stand", None: "is niet te toetsen"}
#: Code of the Rijksoverheid in the codebook's ``sector`` (as in the claims check CL29).
RIJK = 7
#: Significance level of the tests (two-sided), as in :mod:`barometer.presentation.claims`.
ALPHA = 0.05
#: Every key this module glues.
KEYS = (
    "sig_innovatie", "zin_innovatie_toets", "verschil_innovatie",
    "richting_unit_grootte",
    "sector_rijk", "klimaat_rijk", "zin_klimaat_rijk", "zin_klimaat_hoogst", "klimaat_sector_hoogst",
    "klimaat_sector_hoogst_score",
    *(f"oordeel_{c}" for c in CLAIMS),
)


def claim_woorden(ed, ids=CLAIMS) -> pd.DataFrame:
    """Run the claims check of :mod:`barometer.presentation.claims` for ``ids`` only.

    A thin view on :func:`~barometer.presentation.claims.evaluate_claims` (``only=ids``) that adds the
    verdict word the summary glues.

    Returns
    -------
    DataFrame
        ``claim_id``, ``claim`` (text of ``claims.csv``), ``holds`` (boolean, ``<NA>`` when
        the data do not allow the test), ``statistic``, ``error``, and ``woord``
        (:data:`OORDEEL`): "houdt stand", "houdt geen stand" or "is niet te toetsen" (the
        data do not allow the test, e.g. no comparison year or a question not asked).
    """
    prev = ed.previous_year if ed.previous_year is not None else ed.year
    r = evaluate_claims(ed.frames, year=ed.year, comparison_year=prev, only=ids)
    r = r[["claim_id", "claim", "holds", "statistic", "error"]].copy()
    r["woord"] = [f"gaat over de jaren van het rapport van {REPORT_YEAR} en is hier niet te beoordelen"
                  if pd.isna(h) and str(e).startswith(OTHER_YEARS) else OORDEEL[None if pd.isna(h) else bool(h)]
                  for h, e in zip(r["holds"], r["error"].fillna(""))]
    return r


def toets_innovatie(ed) -> dict | None:
    """Two-proportion z-test of the share of innovating organisations, previous year vs edition year.

    Returns
    -------
    dict or None
        As :func:`barometer.analysis.models.compare_years` (``p1``, ``p2``, ``diff``, ``z``, ``p``,
        ``n1``, ``n2``); None when the edition has no comparison year.
    """
    if ed.previous_year is None:
        return None
    return models.compare_years(ed.all_years, "innovated", 1, years=(ed.previous_year, ed.year))


def klimaat_sectoren(ed) -> pd.DataFrame:
    """Mean innovation-climate score per sector in the edition's year and the comparison years.

    Sectors that the report leaves out of its sector tables (codebook ``display``
    ``table_rows_exclude``) and groups with fewer than ``ed.min_base`` organisations are
    dropped.

    Returns
    -------
    DataFrame
        ``year``, ``group`` (sector code), ``label`` (codebook, long form), ``mean``, ``sd``, ``n``.
    """
    cb = load_codebook()
    excluded = set((cb.variable("sector").display or {}).get("table_rows_exclude", []))
    m = st.means(ed.all_years, "climate_scale", by="sector", years=[*ed.comparison_years, ed.year], total=True)
    m = m[~m["group"].isin(excluded)][["year", "group", "mean", "sd", "n"]].reset_index(drop=True)
    # as Tabel B1-10 shows them: the disclosure policy (primary and secondary) decides which sectors count
    shown = disclose(m, ed.min_base, "Tabel B1-10", ed.year).frame["mean"].notna()
    m = m[shown & (m["group"].astype(str) != st.TOTAL)].copy()
    m["label"] = m["group"].map(cb.labels_long("sector"))
    return m[["year", "group", "label", "mean", "sd", "n"]].reset_index(drop=True)


def _innovatie_texts(ed) -> dict[str, str]:
    t = toets_innovatie(ed)
    if t is None:
        return {"sig_innovatie": "niet te toetsen", "verschil_innovatie": fmt.NOT_ASKED,
                "zin_innovatie_toets": "Een eerdere meting om dit aandeel mee te vergelijken is er niet."}
    word = compare_word(t["p1"], t["p2"], up="Die stijging", down="Die daling", same="Het verschil", decimals=0)
    sig = "wel" if t["p"] < ALPHA else "niet"
    bases = [t["n1"], t["n2"]]  # the shares of all organisations of two years
    zin = compose("{word} tussen {vorig} en {jaar} is {sig} statistisch significant ({p}).", word=word,
                  vorig=ed.previous_year, jaar=ed.year, sig=sig, p=release(p_text(t["p"]), bases, ed.min_base))
    return {"sig_innovatie": sig, "zin_innovatie_toets": zin,
            "verschil_innovatie": release(fmt.pp(abs(t["diff"]), decimals=1), bases, ed.min_base)}


def _unit_texts(ed) -> dict[str, str]:
    cb = load_codebook()
    sizes = sorted(cb.labels("size_class"))
    small = st.statistic(ed.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=sizes[0],
                         year=ed.year)
    large = st.statistic(ed.df, "innovation_unit", "pct", codes=1, group_var="size_class", group=sizes[-1],
                         year=ed.year)
    if is_small(small.base_n, ed.min_base) or is_small(large.base_n, ed.min_base):  # the policy's rule
        return {"richting_unit_grootte": "niet aantoonbaar vaker dan"}
    return {"richting_unit_grootte": compare_word(small.value, large.value, up="vaker dan", down="minder vaak dan",
                                               same="even vaak als", decimals=0)}


def _klimaat_texts(ed) -> dict[str, str]:
    cb = load_codebook()
    rijk_label = cb.labels_long("sector")[RIJK]
    m = klimaat_sectoren(ed)
    now = m[m["year"] == ed.year].set_index("group")
    out = {"sector_rijk": rijk_label, "klimaat_rijk": fmt.NOT_ASKED, "klimaat_sector_hoogst": fmt.NOT_ASKED,
           "klimaat_sector_hoogst_score": fmt.NOT_ASKED,
           "zin_klimaat_hoogst": f"Klimaatscores per sector zijn er in {ed.year} niet.",
           "zin_klimaat_rijk": f"Voor de sector {rijk_label} is er in {ed.year} geen klimaatscore."}
    if now.empty:
        return out
    best = now["mean"].idxmax()
    out["klimaat_sector_hoogst"] = str(now.loc[best, "label"])
    # every sector in ``m`` passed the policy above: each mean is released with its base
    out["klimaat_sector_hoogst_score"] = release(fmt.dec(now.loc[best, "mean"], 2), now.loc[best, "n"], ed.min_base)
    if RIJK not in now.index:
        out["zin_klimaat_hoogst"] = compose("Het hoogst scoort de sector {sector} ({score}).",
                                            sector=out["klimaat_sector_hoogst"], score=out["klimaat_sector_hoogst_score"])
        return out
    score = now.loc[RIJK, "mean"]
    out["klimaat_rijk"] = release(fmt.dec(score, 2), now.loc[RIJK, "n"], ed.min_base)
    if best == RIJK:
        out["zin_klimaat_hoogst"] = compose("De sector {rijk} scoort met {score} het hoogst.", rijk=rijk_label,
                                            score=out["klimaat_rijk"])
    else:
        out["zin_klimaat_hoogst"] = compose("Het hoogst scoort de sector {sector} ({score}); de sector {rijk} "
                                            "komt uit op {rijk_score}.", sector=out["klimaat_sector_hoogst"],
                                            score=out["klimaat_sector_hoogst_score"], rijk=rijk_label,
                                            rijk_score=out["klimaat_rijk"])
    prev = ed.previous_year
    before = m[(m["year"] == prev) & (m["group"] == RIJK)]["mean"] if prev is not None else pd.Series(dtype=float)
    if before.empty:
        out["zin_klimaat_rijk"] = "Een eerdere meting om deze score mee te vergelijken is er niet."
    else:
        b = float(before.iloc[0])
        b_n = m[(m["year"] == prev) & (m["group"] == RIJK)]["n"].iloc[0]
        word = compare_word(b, score, up="hoger", down="lager", same="even hoog", decimals=2)
        out["zin_klimaat_rijk"] = compose("Die score ligt {word} {als} {vorig} ({score}).", word=word,
                                          als="als in" if word == "even hoog" else "dan in", vorig=prev,
                                          score=release(fmt.dec(b, 2), b_n, ed.min_base))
    return out


def kerncijfers(ed) -> pd.Series:
    """Compute and glue the summary's own keys (see the module docstring).

    Glued keys
    ----------
    ``sig_innovatie`` ("wel"/"niet"/"niet te toetsen"), ``zin_innovatie_toets`` (the test of
    the change in the share of innovating organisations, as a sentence),
    ``verschil_innovatie`` (that change in percentage points, one decimal, unsigned),
    ``richting_unit_grootte`` (large organisations have an innovation officer or unit
    "vaker dan"/"minder vaak dan"/"even vaak als" small ones), ``sector_rijk`` (the
    codebook's label of the Rijksoverheid), ``klimaat_rijk`` (mean climate score
    of the Rijksoverheid), ``zin_klimaat_rijk`` (that score against the previous
    measurement), ``zin_klimaat_hoogst`` (which sector scores highest, naming the
    Rijksoverheid's score when it is not that sector), ``klimaat_sector_hoogst`` and
    ``klimaat_sector_hoogst_score`` (the sector with the highest mean score), ``oordeel_CL08``, ``oordeel_CL29``, ``oordeel_CL39``,
    ``oordeel_CL40`` (claims check: "houdt stand"/"houdt geen stand"/"is niet te toetsen").

    Returns
    -------
    Series
        Key -> glued Dutch text, every key of :data:`KEYS` (checked by nbval).
    """
    out: dict[str, str] = {}
    out.update(_innovatie_texts(ed))
    out.update(_unit_texts(ed))
    out.update(_klimaat_texts(ed))
    r = claim_woorden(ed)
    for _, row in r.iterrows():
        out[f"oordeel_{row['claim_id']}"] = row["woord"]
    for cid in CLAIMS:  # a claim missing from claims.csv still gets its key
        out.setdefault(f"oordeel_{cid}", OORDEEL[None])
    out = {k: out[k] for k in KEYS}
    for key, text in out.items():
        glue_text(key, text)
    return pd.Series(out, dtype="object", name="kerncijfers")

