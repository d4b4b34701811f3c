"""Exhibits of the chapter *Faalfactoren* (report §2.6).

The share of organisations with an innovation attempt that did not bring the expected
improvement, the reasons (Figuur 2-20), the phase in which the attempt stranded
(Figuur 2-21) and how the number of reasons differs by innovation-climate cluster (the full
breakdown is Figuur B2-3 in the appendix chapter *bijlage-figuren*).

The questions were asked for the first time in 2025; for an edition whose year did not ask
them every function returns a :class:`~barometer.presentation.exhibit.Notice` and every key
is glued with ``-``.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation import figures
from barometer.presentation import formatting as fmt
from barometer.analysis import statistics as st
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration
from barometer.presentation.intervals import BOUNDS, met_intervallen
from barometer.presentation.phrasing import whisker_note
from barometer.presentation.phrasing import compare_word, join_nl, lower_first
from barometer.presentation.disclosure import metadata, public, release
from barometer.chapters.doelen_en_effecten import claim_glue
from barometer.presentation.phrasing import asked, glue_all, published_word, vraag_status

__all__ = [
    "SLUG",
    "CLUSTER",
    "mislukte_poging",
    "redenen",
    "fasen",
    "redenen_naar_cluster",
    "figuur_redenen",
    "figuur_fasen",
    "tabel_redenen_naar_cluster",
    "kerncijfers",
]

SLUG = "faalfactoren"
CLUSTER = "climate_cluster"
#: The phases the report quotes (codes of ``fail_phase``): pilot, implementation, testing, scaling.
QUOTED_PHASES = {3: "pilot", 4: "implementatie", 2: "test", 5: "opschaling"}


def _name(kind: str, what: str) -> str:
    return f"{kind}-{SLUG}-{what}"


# ----------------------------------------------------------------------------- analysis
def mislukte_poging(ed) -> st.Result:
    """Share of all organisations with a failed innovation attempt (``failed_attempt == 1``)."""
    return st.statistic(ed.df, "failed_attempt", "pct", codes=1, year=ed.year)


def redenen(ed) -> pd.DataFrame:
    """Reasons the attempt failed (% of organisations with a failed attempt), most named first.

    Returns
    -------
    DataFrame
        ``item``, ``label``, ``count``, ``base``, ``pct``; sorted by ``pct`` descending
        (ties in codebook order), with "Overig" last as in the report.
    """
    f = st.frequencies(ed.df, "fail_reason", years=ed.year)[["item", "label", "count", "base", "pct"]]
    other = f["item"].str.endswith("_other")
    f = pd.concat([f[~other].sort_values("pct", ascending=False, kind="stable"), f[other]])
    return f.reset_index(drop=True)


def fasen(ed) -> pd.DataFrame:
    """Phase in which the attempt stranded (% of organisations with a failed attempt that answered).

    Returns
    -------
    DataFrame
        ``code``, ``label``, ``count``, ``base``, ``pct``, codebook order.
    """
    f = st.frequencies(ed.df, "fail_phase", years=ed.year)
    return f[["code", "label", "count", "base", "pct"]].reset_index(drop=True)


def redenen_naar_cluster(ed) -> pd.DataFrame:
    """Mean number of reasons named, and the share naming each reason, per climate cluster.

    Returns
    -------
    DataFrame
        One row per cluster code (index): ``label``, ``n`` (organisations with a failed
        attempt and a climate score), ``gemiddeld`` (mean number of reasons: the sum of
        the shares of the reasons / 100), and one column per reason item with its share.
    """
    cb = load_codebook()
    f = st.frequencies(ed.df, "fail_reason", by=CLUSTER, years=ed.year, total=False)
    f = f[f["group"] != st.TOTAL]
    wide = f.pivot_table(index="group", columns="item", values="pct", sort=False)
    wide = wide[[i for i in cb.items("fail_reason") if i in wide.columns]]
    n = f.groupby("group")["base"].max()
    out = pd.DataFrame({"label": [cb.labels(CLUSTER)[g] for g in wide.index], "n": n.reindex(wide.index).astype("int64"),
                        "gemiddeld": wide.sum(axis=1) / 100.0}, index=wide.index).join(wide)
    out.index.name = CLUSTER
    return out


# ----------------------------------------------------------------------------- exhibits
def _n(d) -> str:
    """The base of a figure whose rows share one base (public: respondents), from the disclosed frame."""
    return fmt.num(int(pd.to_numeric(d.frame["base"]).max()))


#: Figuur 2-20, declared: reasons innovation attempts did not bring the expected improvement
#: (the computed frame carries the 95% interval of every share: whiskers and download).
REDENEN = declaration.Figure(
    name=_name("fig", "redenen"), report="Figuur 2-20", question="fail_reason",
    compute=lambda ed: met_intervallen(redenen(ed), ed),
    draw=lambda d: figures.bar_shares(d, y="label", x="pct", hue=None,
                                      xlabel="Aandeel van de organisaties met een mislukte poging", interval=BOUNDS),
    alt=lambda ed, d: figures.alt_text(d.frame, f"de redenen waarom innovatiepogingen in {ed.year} niet tot de "
                                       "verwachte verbetering leidden (meer antwoorden mogelijk)",
                                       label="label", value="pct"),
    caption=lambda ed, d: (f"Redenen waarom een innovatiepoging niet tot de verwachte verbetering leidde, {ed.year}, "
                           f"n = {_n(d)} organisaties met zo'n poging; meer antwoorden mogelijk"),
    note=whisker_note(),
    download=lambda d, ed: d.rename(columns={"item": "variabele", "label": "reden", "count": "aantal",
                                             "base": "basis", "pct": "percentage"}),
)
#: Figuur 2-20: reasons innovation attempts did not bring the expected improvement.
figuur_redenen = REDENEN

#: Figuur 2-21, declared: phase in which the attempt stranded.
FASEN = declaration.Figure(
    name=_name("fig", "fasen"), report="Figuur 2-21", question="fail_phase",
    compute=lambda ed: met_intervallen(fasen(ed), ed),
    draw=lambda d: figures.bar_shares(d, y="label", x="pct", hue=None,
                                      xlabel="Aandeel van de organisaties met een mislukte poging", interval=BOUNDS),
    alt=lambda ed, d: figures.alt_text(d.frame, f"de fase waarin de mislukte innovatiepoging strandde, {ed.year}",
                                       label="label", value="pct"),
    caption=lambda ed, d: f"Fase waarin de innovatiepoging strandde, {ed.year}, n = {_n(d)}",
    note=whisker_note(),
    download=lambda d, ed: d.rename(columns={"label": "fase", "count": "aantal", "base": "basis",
                                             "pct": "percentage"}),
)
#: Figuur 2-21: phase in which the attempt stranded.
figuur_fasen = FASEN


def _sd_aantal_redenen(ed) -> pd.Series:
    """Standard deviation (n - 1) of the number of reasons named, per climate cluster: the
    respondents who answered the reasons (any item not empty) and have a cluster."""
    named, cluster = _aantal_per_organisatie(ed)
    return named.groupby(cluster).std(ddof=1)


def _aantal_per_organisatie(ed) -> tuple[pd.Series, pd.Series]:
    """The number of reasons each organisation named, and its climate cluster (the respondents
    of :func:`_sd_aantal_redenen`)."""
    items = load_codebook().items("fail_reason")
    answered = ed.df[items].notna().any(axis=1) & ed.df[CLUSTER].notna()
    return ed.df.loc[answered, items].sum(axis=1), ed.df.loc[answered, CLUSTER]


def _mean_difference(ed, d, reference: int, compared: int) -> str:
    """Welch's interval (with the FPC) of the difference of the mean number of reasons between
    two climate clusters (``compared`` minus ``reference``), phrased as
    :func:`barometer.presentation.phrasing.mean_difference_interval`; empty when either mean is
    hidden in the disclosed table ``d`` (no interval beside a suppressed figure)."""
    from barometer.analysis.uncertainty import domain_population, mean_difference
    from barometer.presentation.phrasing import mean_difference_interval

    if any(d.reason("gemiddeld", **{CLUSTER: c}) is not None or fmt.is_missing(d.value("gemiddeld", **{CLUSTER: c}))
           for c in (reference, compared)):
        return disclosure.Released("")
    named, cluster = _aantal_per_organisatie(ed)
    x1, x2 = named[cluster == reference], named[cluster == compared]
    pop = domain_population(ed.year, len(ed.df))
    ci = mean_difference(x1, x2, pop(len(x1)), pop(len(x2)))
    return release(mean_difference_interval(ci["low"], ci["high"], ci["diff"], decimals=1), [len(x1), len(x2)],
                   ed.min_base)


def _aantal_redenen(ed) -> pd.DataFrame:
    """The mean number of reasons per climate cluster with its sd and t-interval (the table's data)."""
    r = redenen_naar_cluster(ed)
    return met_intervallen(r[["label", "n", "gemiddeld"]].assign(sd=_sd_aantal_redenen(ed).reindex(r.index))
                           .reset_index(), ed)


def _aantal_redenen_scherm(ed, d) -> pd.DataFrame:
    """The table on screen: every mean from the disclosed frame (``#`` where it is hidden)."""
    f = d.frame
    return pd.DataFrame({
        "Innovatieklimaat": f["label"],
        "Organisaties met een mislukte poging (n)": [fmt.num(v) for v in f["n"]],
        "Gemiddeld aantal genoemde redenen": [d.cell(i, "gemiddeld", lambda v: fmt.dec(v, 1)) for i in f.index],
    })


#: Mean number of reasons named per climate cluster (summary of Figuur B2-3), declared.
REDENEN_KLIMAAT = declaration.Table(
    name=_name("tbl", "redenen-klimaat"), question="fail_reason",
    compute=_aantal_redenen, tabulate=_aantal_redenen_scherm,
    caption=lambda ed, d: f"Aantal genoemde faalfactoren naar innovatieklimaat, {ed.year}",
    notes=lambda ed, d: ["Alleen organisaties met een mislukte poging én een score op de klimaatschaal. Het aandeel "
                         "per reden en per klimaatgroep staat in de bijlage met figuren (Figuur B2-3 in het rapport), "
                         "met intervallen in de download daar; deze download geeft het gemiddelde met zijn t-interval."],
)
#: Mean number of reasons named per climate cluster (summary of Figuur B2-3).
tabel_redenen_naar_cluster = REDENEN_KLIMAAT


# ----------------------------------------------------------------------------- glue
_KEYS = ["status_falen", "vraag_mislukt", "vraag_redenen", "vraag_fase", "pct_mislukt", "n_mislukt", "n_totaal", "claim_mislukt_20", "redenen_top4",
         "reden_top", "claim_draagvlak_top", "fasen_top2", "claim_fasen_top2", "pct_fase_weetniet",
         *[f"pct_fase_{k}" for k in QUOTED_PHASES.values()],
         "gem_krachtig", "gem_gemiddeld", "gem_beperkt", "richting_beperkt", "verschil_beperkt", "claim_beperkt_meer",
         "grootste_verschillen", "n_redenen_beperkt_vaker", "n_redenen",
         "claim_CL40", "toets_CL40", "claim_CL41", "toets_CL41"]
#: The report's claims of §2.6 (``data/published/claims.csv``).
SECTION_CLAIMS = ("CL40", "CL41")


def kerncijfers(ed) -> pd.Series:
    """Glue every number, direction word and claim result the chapter's prose uses.

    Returns
    -------
    Series
        Glued key -> Dutch text; every key in every edition (``-`` when not asked).
    """
    cb = load_codebook()
    out = {k: fmt.NOT_ASKED for k in _KEYS}
    out["status_falen"] = vraag_status(ed, "failed_attempt")
    out["vraag_mislukt"] = cb.variable("failed_attempt").question
    out["vraag_redenen"] = cb.variable("fail_reason").question
    out["vraag_fase"] = cb.variable("fail_phase").question
    if not asked(ed, "failed_attempt"):
        return glue_all(out)
    m = mislukte_poging(ed)
    out.update(pct_mislukt=release(fmt.pct(m.value), m.base_n, ed.min_base),
               n_mislukt=release(fmt.num(m.count), m.base_n, ed.min_base), n_totaal=public(fmt.num(m.base_n)),
               claim_mislukt_20=published_word("S2.6/2025/pct/failed_attempt=1", m.value))
    r = redenen(ed)
    # rankings only of what the figures show (a hidden share decides no order)
    _, rsd = REDENEN.disclosed(ed)
    named = rsd.frame[~rsd.frame["item"].str.endswith("_other") & rsd.frame["pct"].notna()]
    if len(named):
        out["redenen_top4"] = join_nl([lower_first(x) for x in named["label"].iloc[:4]])
        out["reden_top"] = lower_first(named["label"].iloc[0])
        out["claim_draagvlak_top"] = "wel" if named["item"].iloc[0] == "fail_support" else "niet"
    _, fd = FASEN.disclosed(ed)  # as Figuur 2-21 shows them
    f = fd.frame.set_index("code")
    for code, key in QUOTED_PHASES.items():
        out[f"pct_fase_{key}"] = fd.text("pct", code=code)
    dk = [c for c in f.index if c == 9]
    out["pct_fase_weetniet"] = fd.text("pct", code=dk[0]) if dk else fmt.NOT_ASKED
    ranked = f.drop(index=dk)["pct"].dropna().sort_values(ascending=False, kind="stable")
    if len(ranked) >= 2:
        top2 = ranked.index[:2]
        out["fasen_top2"] = join_nl([lower_first(f.loc[c, "label"]) for c in top2])
        out["claim_fasen_top2"] = "wel" if set(top2) == {3, 4} else "niet"
    rc = redenen_naar_cluster(ed)
    _, rd = REDENEN_KLIMAAT.disclosed(ed)  # as the table shows them
    words = {1: "krachtig", 2: "gemiddeld", 3: "beperkt"}
    for code, w in words.items():
        out[f"gem_{w}"] = rd.text("gemiddeld", lambda v: fmt.dec(v, 1), **{CLUSTER: code})
    # direction words and comparisons only between clusters whose means the table shows
    shown = {c for c in rc.index if rd.reason("gemiddeld", **{CLUSTER: c}) is None}
    out["verschil_beperkt"] = ""  # no interval beside a comparison that cannot be made
    if {1, 3} <= shown:
        out["richting_beperkt"] = compare_word(rd.value("gemiddeld", **{CLUSTER: 1}),
                                               rd.value("gemiddeld", **{CLUSTER: 3}), up="meer dan",
                                               down="minder dan", same="evenveel als", decimals=1)
        out["verschil_beperkt"] = _mean_difference(ed, rd, 1, 3)
        out["claim_beperkt_meer"] = "wel" if rc.loc[3, "gemiddeld"] > max(rc.loc[c, "gemiddeld"] for c in rc.index if c != 3) else "niet"
        items = [i for i in cb.items("fail_reason") if not i.endswith("_other")]
        diff = (rc.loc[3, items] - rc.loc[1, items]).sort_values(ascending=False, kind="stable")
        out["grootste_verschillen"] = join_nl([lower_first(cb.label(i)) for i in diff.index[:3]])
        out["n_redenen_beperkt_vaker"] = release(fmt.num(int((diff > 0).sum())), rc.loc[[1, 3], "n"], ed.min_base)
        out["n_redenen"] = metadata(fmt.num(len(items)))
    claims = claim_glue(ed, SECTION_CLAIMS)[0]
    # CL40 cites shares of the organisations with a failed attempt; CL41 the mean per climate cluster
    claims["toets_CL40"] = release(claims["toets_CL40"], r["base"].max(), ed.min_base)
    claims["toets_CL41"] = release(claims["toets_CL41"], [rc.loc[c, "n"] if c in rc.index else None for c in words],
                                   ed.min_base)
    out.update(claims)
    return glue_all(out)

