"""Exhibits of the chapter *Kennis delen* (report §2.7).

Whether the innovation is applicable in other organisations, whether the organisation took
action to spread knowledge about it, and how that sharing differs by the degree to which the
innovation changed the way of working (Figuur 2-22), with a chi-square test.

Asked for the first time in 2025 (codebook ``years``): for an edition whose year did not ask
them the functions return a :class:`~barometer.presentation.exhibit.Notice` and every key is
glued with ``-``.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation.disclosure import public, release
from barometer.presentation import figures
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation.claims import p_text
from barometer.presentation import declaration
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import whisker_note
from barometer.presentation.phrasing import compare_word, ALPHA, significance_word
from barometer.chapters.doelen_en_effecten import claim_glue
from barometer.presentation.phrasing import asked, chi2_by, glue_all, published_word, vraag_status

__all__ = ["SLUG", "BY", "delen_naar_verandering", "figuur_delen_naar_verandering", "kerncijfers"]

SLUG = "kennis-delen"
#: Characteristic of the innovation that Figuur 2-22 sets sharing against.
BY = "work_change"


def delen_naar_verandering(ed) -> pd.DataFrame:
    """Share of innovators that took action to share knowledge, per degree of change, and in total.

    Returns
    -------
    DataFrame
        ``group`` (code of ``work_change`` or ``"Totaal"``), ``group_label``, ``count``,
        ``base``, ``pct`` (0–100), ``shown`` (``pct`` or NaN where the base is below
        ``ed.min_base``).
    """
    cb = load_codebook()
    s = st.share(ed.df, "knowledge_shared", 1, by=BY, years=ed.year, total=True)
    labels = {**cb.labels(BY), st.TOTAL: st.TOTAL}
    s = s.assign(group_label=s["group"].map(labels))
    s["shown"] = disclosure.mask(s["pct"], s["base"], ed.min_base)
    return s[["group", "group_label", "count", "base", "pct", "shown"]].reset_index(drop=True)


#: Figuur 2-22, declared: the pipeline computes, discloses, draws, describes and glues it.
#: The computed frame carries the 95% interval of every share (whiskers and download).
DELEN = declaration.Figure(
    name=f"fig-{SLUG}-verandering", report="Figuur 2-22", question="knowledge_shared",
    compute=lambda ed: met_intervallen(delen_naar_verandering(ed), ed),
    draw=lambda d: figures.bar_shares(d, y="group_label", x="shown", hue=None,
                                      xlabel="Aandeel dat actie ondernam om kennis te verspreiden",
                                      interval=BOUNDS),
    alt=lambda ed, d: figures.alt_text(d.frame, f"het aandeel organisaties dat kennis over de innovatie verspreidde, "
                                       f"naar de mate waarin de innovatie de manier van werken veranderde, {ed.year}",
                                       label="group_label", value="shown"),
    caption=lambda ed, d: f"Kennis over de innovatie verspreid, naar de mate waarin de manier van werken veranderde, "
                          f"{ed.year}, n = {d.text('base', group=st.TOTAL)}",
    note=whisker_note(),
    download=lambda d, ed: d.rename(columns={
        "group": "code", "group_label": "verandering", "count": "aantal", "base": "basis",
        "pct": "percentage", "shown": "getoond"}),
    glue=lambda ed: [declaration.Glued(f"pct_delen_{key}", "pct", {"group": code})
                     for code, key in zip(sorted(load_codebook().labels(BY)), ("niet", "enige", "ingrijpend"))],
)
#: Figuur 2-22: knowledge shared, by how much the innovation changed the way of working.
figuur_delen_naar_verandering = DELEN


_KEYS = ["status_delen", "vraag_toepasbaar", "vraag_gedeeld", "vraag_verandering", "pct_toepasbaar", "pct_gedeeld", "n_innovatoren", "claim_toepasbaar",
         "claim_gedeeld", "meerderheid_gedeeld", "pct_delen_niet", "pct_delen_enige", "pct_delen_ingrijpend",
         "richting_ingrijpend", "sig_verandering", "p_verandering", "chi2_verandering", "claim_ingrijpend",
         "claim_CL42", "toets_CL42"]
#: The report's claim of §2.7 (``data/published/claims.csv``).
SECTION_CLAIMS = ("CL42",)


def kerncijfers(ed) -> pd.Series:
    """Glue every number, direction word and claim result of the chapter.

    Returns
    -------
    Series
        Glued key -> Dutch text; every key in every edition (``-`` when not asked).
    """
    out = {k: fmt.NOT_ASKED for k in _KEYS}
    cb = load_codebook()
    out["status_delen"] = vraag_status(ed, "knowledge_shared")
    out["vraag_toepasbaar"] = cb.variable("applicable_elsewhere").question
    out["vraag_gedeeld"] = cb.variable("knowledge_shared").question
    out["vraag_verandering"] = cb.variable(BY).question
    if not asked(ed, "knowledge_shared"):
        return glue_all(out)
    a = st.statistic(ed.df, "applicable_elsewhere", "pct", codes=1, year=ed.year)
    k = st.statistic(ed.df, "knowledge_shared", "pct", codes=1, year=ed.year)
    out.update(pct_toepasbaar=release(fmt.pct(a.value), a.base_n, ed.min_base),
               pct_gedeeld=release(fmt.pct(k.value), k.base_n, ed.min_base), n_innovatoren=public(fmt.num(k.base_n)),
               claim_toepasbaar=published_word("S2.7/2025/pct/applicable_elsewhere=1", a.value),
               claim_gedeeld=published_word("S2.7/2025/pct/knowledge_shared=1", k.value),
               meerderheid_gedeeld="meer dan de helft" if k.value > 50 else
               ("precies de helft" if k.value == 50 else "minder dan de helft"))
    _, d = DELEN.disclosed(ed)
    out.update(DELEN.glued(ed, d))
    codes = sorted(cb.labels(BY))
    low, high = codes[0], codes[-1]
    if {low, high} <= set(d.frame["group"]):
        out["richting_ingrijpend"] = compare_word(d.value("pct", group=low), d.value("pct", group=high),
                                                  up="vaker gedeeld dan", down="minder vaak gedeeld dan",
                                                  same="even vaak gedeeld als", decimals=0)
    t = chi2_by(ed.df, "knowledge_shared", BY, ed.year, ed.min_base)
    out["sig_verandering"] = significance_word(t["p"])
    out["p_verandering"] = release(p_text(t["p"]), t["n"], ed.min_base)
    out["chi2_verandering"] = release(fmt.dec(t["chi2"], 2), t["n"], ed.min_base)
    out["claim_ingrijpend"] = ("wel" if out["richting_ingrijpend"].startswith("vaker") and t["p"] < ALPHA else "niet")
    claim = claim_glue(ed, SECTION_CLAIMS)[0]
    # CL42 cites the share of the most-changed group and of the others: released only when
    # that cell is shown and both bases reach the threshold.
    others = sum(d.value("base", group=c) for c in codes[:-1])
    claim["toets_CL42"] = (release(claim["toets_CL42"], [d.value("base", group=high), others], ed.min_base)
                           if d.reason("pct", group=high) is None else disclosure.suppressed(d.reason("pct", group=high)))
    out.update(claim)
    return glue_all(out)
