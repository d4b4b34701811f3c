"""Exhibits of the chapter *Innovatiepraktijken* (report §2.2).

Every exhibit is declared (:mod:`barometer.presentation.declaration`): the pipeline computes
its full-precision frame, applies the disclosure policy once, draws or tabulates, writes the
alt text, caption and downloads from the disclosed frame and then glues, in the exhibit's own
cell (``glue_on_call``), the texts of its ``texts`` hook — every one released text, taken from
the disclosed frame (:meth:`~barometer.presentation.exhibit.Disclosed.text`) or released with
its bases (:func:`~barometer.presentation.disclosure.release`). :func:`financiering` and
:func:`kerncijfers` glue single statistics and bases, released the same way. Numbers come from
:mod:`barometer.analysis.statistics`, tests from :mod:`barometer.analysis.models`, labels from
the codebook, Danish figures from :mod:`barometer.data.denmark`.

Where the prose states a difference — between the years, between kerndepartementen and the
executive organisations, between small and large organisations — the Newcombe interval of the
difference stands beside it (:func:`barometer.presentation.phrasing.difference_interval`);
beside a comparison with Denmark the Dutch share's interval and the note that the Danish figure
has no margin (:func:`barometer.presentation.phrasing.dk_no_margin_note`).

Figures of the report rebuilt here: Figuur 2-6 (innovation spectrum), 2-7 and 2-8 (own,
inspired or copied, by year and by size), Tabel B1-2 to B1-5 drawn as figures (channels,
initiative, partners, phases; 2021 against 2025), 2-9 (initiative, NL against DK),
2-10 (strategy) and 2-11 (technology content), with breakdowns by size and within the
national government.
"""
from __future__ import annotations

import math

import pandas as pd

from barometer.analysis import models
from barometer.analysis.statistics import TOTAL, frequencies, statistic
from barometer.data import denmark
from barometer.data.codebook import load_codebook
from barometer.presentation import declaration, disclosure
from barometer.presentation import figures as fig
from barometer.presentation import formatting as fmt
from barometer.presentation.disclosure import Released, compose, metadata, public, release
from barometer.presentation.exhibit import Disclosed, Notice
from barometer.presentation.glue import glue_texts
from barometer.presentation.intervals import BOUNDS, met_intervallen, verschil_interval
from barometer.presentation.phrasing import interval_download_note, whisker_note
from barometer.presentation.phrasing import compare_word, asked_years, freq_by_year, uitvoering_label, year_label
from barometer.presentation.phrasing import difference_interval, dk_no_margin_note
from barometer.presentation.phrasing import join_nl, lower_first, p_text, significance_word, trend

__all__ = [
    "SLUG",
    "kerncijfers",
    "figuur_spectrum",
    "figuur_herkomst_naar_jaar",
    "figuur_herkomst_naar_grootte",
    "figuur_kanalen",
    "figuur_initiatief",
    "figuur_partners",
    "figuur_fasen",
    "figuur_initiatief_nl_dk",
    "financiering",
    "figuur_technologie",
    "tabel_technologie_vergelijkingen",
    "figuur_strategie",
    "figuur_strategie_naar_grootte",
    "figuur_strategie_rijk",
]

#: Chapter slug: file name of the notebook and middle part of every exhibit name.
SLUG = "innovatiepraktijken"

#: Initiators the report's Figuur 2-9 compares between the Netherlands and Denmark
#: (§2.2: managers, reorganisation, financial pressure and citizens more often in Denmark;
#: staff, new technology and innovations elsewhere more often in the Netherlands).
FIGUUR_2_9_ITEMS = ("init_staff", "init_managers", "init_technology", "init_elsewhere",
                    "init_reorganisation", "init_financial", "init_citizens")
#: Column of the Danish figure in the frames of the NL–DK comparisons: a figure the Danish
#: barometer published (no base, not our respondents), so no value column of the policy.
DK = "dk_gepubliceerd"
#: Glued instead of a difference whose shares are not both shown (never an empty glue text).
NO_DIFFERENCE = "(verschil niet te bepalen)"


def _name(kind: str, what: str) -> str:
    return f"{kind}-{SLUG}-{what}"


def _table(data: pd.DataFrame, label: str, label_name: str) -> pd.DataFrame:
    cols = [c for c in ("year", "group_label", label, "count", "base", "pct") if c in data.columns]
    return data[cols].rename(columns={"year": "jaar", "group_label": "groep", label: label_name,
                                      "count": "aantal", "base": "basis", "pct": "percentage"})


def _download(label: str, label_name: str):
    """Download hook: the code-style columns in Dutch, with the 95% intervals."""
    return lambda data, ed: met_intervallen(_table(data, label, label_name), ed)


def _year_order(data: pd.DataFrame) -> list[str]:
    return [year_label(y) for y in pd.unique(data["year"])]


def _published(text: str) -> Released:
    """A figure the Danish barometer published (``denmark.csv``): public, not about our respondents."""
    return public(text)


# ----------------------------------------------------------------------------- released phrases
def _has(d: Disclosed, **where) -> bool:
    """Whether the disclosed frame has the row ``where`` selects."""
    f = d.frame
    keep = pd.Series(True, index=f.index)
    for col, value in where.items():
        keep &= f[col].astype(object).map(lambda v: v == value or str(v) == str(value))
    return bool(keep.any())


def _share(d: Disclosed, **where) -> dict:
    """Count and base of a shown share (NaN when hidden), for :func:`verschil_interval`."""
    return {"count": d.value("count", **where), "base": d.value("base", **where)}


def _difference(ed, d: Disclosed, subject: dict, reference: dict) -> Released:
    """The Newcombe interval of ``subject - reference`` (two shares of one frame, one year),
    phrased by :func:`difference_interval`; :data:`NO_DIFFERENCE` when either share is hidden."""
    a, b = d.value("pct", **subject), d.value("pct", **reference)
    if fmt.is_missing(a) or fmt.is_missing(b):
        return Released(NO_DIFFERENCE)
    ci = verschil_interval(ed, _share(d, **reference), _share(d, **subject), ed.year, ed.year)
    text = difference_interval(*(ci if ci else (None, None)), a - b)
    return release(text, [d.value("base", **subject), d.value("base", **reference)], ed.min_base)


def _by_year_texts(ed, d: Disclosed, col: str, code, key: str) -> dict[str, Released | str]:
    """``pct_<key>``, ``pct_<key>_vorig``, ``richting_<key>`` and ``verloop_<key>`` (the change
    with the Newcombe interval of the difference) for one code or item, from the disclosed frame."""
    now_w = {"year": ed.year, col: code}
    prev = ed.previous_year
    old_w = {"year": prev, col: code} if prev is not None and _has(d, year=prev, **{col: code}) else None
    now = d.value("pct", **now_w)
    before = d.value("pct", **old_w) if old_w else math.nan
    out: dict[str, Released | str] = {f"pct_{key}": d.text("pct", **now_w)}
    if old_w and not fmt.is_missing(before):
        out[f"pct_{key}_vorig"] = d.text("pct", **old_w)
        out[f"richting_{key}"] = compare_word(before, now, decimals=0)
    else:
        out[f"pct_{key}_vorig"] = d.text("pct", **old_w) if old_w and d.reason("pct", **old_w) else Released(fmt.NOT_ASKED)
        out[f"richting_{key}"] = "niet te vergelijken"
    bases = [d.value("base", **now_w)]
    if old_w and d.reason("pct", **old_w) is not None and not fmt.is_missing(now):
        # the earlier figure exists but is not published: say so, do not call it absent
        text = f"{fmt.pct(now)} in {ed.year}; het cijfer van {prev} wordt niet gepubliceerd (te weinig waarnemingen)"
    elif old_w and not fmt.is_missing(before):
        ci = verschil_interval(ed, _share(d, **old_w), _share(d, **now_w), prev)
        text = trend(before, now, prev, ed.year, interval=ci)
        bases.append(d.value("base", **old_w))
    else:
        text = trend(None, now, None, ed.year)
    out[f"verloop_{key}"] = release(text, bases, ed.min_base)
    return out


def _year_texts(col: str, keys) -> callable:
    """``texts`` hook of a figure by year: :func:`_by_year_texts` for every ``(code, key)``."""
    def texts(ed, d):
        out = {}
        for code, key in (keys(ed) if callable(keys) else keys):
            out.update(_by_year_texts(ed, d, col, code, key))
        return out
    return texts


def _no_difference_texts(ed, d: Disclosed, question: str, key: str) -> dict[str, Released | str]:
    """The chi-square test of ``question`` over the years and the verdict on the report's claim
    that the distribution did not change significantly.

    Keys: ``sig_<key>`` ("wel"/"niet"), ``p_<key>``, ``chi2_<key>``, ``df_<key>`` and
    ``claim_<key>`` ("houdt stand" / "houdt geen stand" / "is onbeslist: …" / "is niet te
    toetsen" with one year). The test's figures are released with the bases of both years.
    """
    try:
        test = (models.chi2_years(ed.all_years, question, years=asked_years(ed, question))
                if len(pd.unique(d.frame["year"])) > 1 else None)
    except models.ModelError:  # one year without answers: nothing to test
        test = None
    if test is None:
        out: dict[str, Released | str] = {f"{k}_{key}": fmt.NOT_ASKED for k in ("sig", "p", "chi2", "df")}
        out[f"claim_{key}"] = "is niet te toetsen"
        return out
    from barometer.presentation.claims import ClaimNotTestable, distribution_unchanged  # the rule of CL13/CL15
    from barometer.presentation.phrasing import claim_phrase

    try:
        outcome = distribution_unchanged(ed, question).outcome
    except (ClaimNotTestable, models.ModelError):
        outcome = "untested"
    bases = d.frame.groupby("year")["base"].max().tolist()
    return {f"sig_{key}": significance_word(test["p"]), f"p_{key}": release(p_text(test["p"]), bases, ed.min_base),
            f"chi2_{key}": release(fmt.dec(test["chi2"], 2), bases, ed.min_base),
            f"df_{key}": metadata(fmt.num(test["df"])), f"claim_{key}": claim_phrase(outcome)}


def _stacked_by_year(category: str, labels_of: str, short: bool = False):
    """``draw`` of a 100%-stacked figure by year (categories in codebook order)."""
    def draw(f):
        cb = load_codebook()
        labels = cb.labels_short(labels_of) if short else cb.labels(labels_of)
        return fig.stacked_bars(f, y="jaar", category=category, x="shown", category_order=list(labels.values()),
                                order=_year_order(f), xlabel="")
    return draw


def _stacked_alt(what: str, label: str, group: str = "year"):
    """``alt`` of a 100%-stacked figure (``what`` may use ``{year}``)."""
    return lambda ed, d: fig.alt_text(d.frame, what.format(year=ed.year), label=label, value="shown", group=group,
                                      kind="Gestapeld staafdiagram")


# ----------------------------------------------------------------------------- Figuur 2-6
def _spectrum(ed) -> pd.DataFrame:
    """Innovation spectrum (none, single, multiple type) by year, base all organisations."""
    data = freq_by_year(ed, "spectrum_group")
    data["jaar"] = data["year_label"]
    return data


#: Figuur 2-6: innovation spectrum by year. Glued keys: ``pct_enkelvoudig``,
#: ``pct_enkelvoudig_vorig``, ``richting_enkelvoudig``, ``verloop_enkelvoudig`` and the same
#: for ``meervoudig`` and ``geen``.
SPECTRUM = declaration.Figure(
    name=_name("fig", "spectrum"), report="Figuur 2-6", compute=_spectrum,
    draw=_stacked_by_year("label", "spectrum_group"),
    alt=_stacked_alt("het innovatiespectrum (geen, enkelvoudige of meervoudige innovatie) per meetjaar, als "
                     "aandeel van alle organisaties", "label"),
    caption=lambda ed, d: "Innovatiespectrum naar jaar, alle organisaties", note=interval_download_note(),
    download=_download("label", "spectrum"), glue_on_call=True,
    texts=_year_texts("code", ((1, "enkelvoudig"), (2, "meervoudig"), (0, "geen"))),
)
figuur_spectrum = SPECTRUM


# ----------------------------------------------------------------------------- Figuur 2-7, 2-8
def _herkomst(ed) -> pd.DataFrame:
    """Own development, inspired or copy, by year (base: innovators)."""
    data = freq_by_year(ed, "origin")
    data["jaar"] = data["year_label"]
    data["herkomst"] = data["code"].map(load_codebook().labels_short("origin"))
    return data


def _herkomst_texts(ed, d) -> dict:
    out = _year_texts("code", ((1, "eigen"), (2, "geinspireerd"), (3, "kopie")))(ed, d)
    out.update(_no_difference_texts(ed, d, "origin", "herkomst"))
    return out


#: Figuur 2-7: own development, inspired by solutions elsewhere, or a copy, by year. Glued
#: keys: ``pct_eigen``, ``pct_geinspireerd``, ``pct_kopie`` (with ``_vorig``, ``richting_``
#: and ``verloop_`` variants); ``sig_herkomst``, ``p_herkomst``, ``chi2_herkomst``,
#: ``df_herkomst``, ``claim_herkomst`` (the report's "not significant").
HERKOMST = declaration.Figure(
    name=_name("fig", "herkomst"), report="Figuur 2-7", compute=_herkomst,
    draw=_stacked_by_year("herkomst", "origin", short=True),
    alt=_stacked_alt("de herkomst van de innovatie (eigen ontwikkeling, geïnspireerd op oplossingen elders, "
                     "kopie) per meetjaar", "herkomst"),
    caption=lambda ed, d: "Eigen innovatie, inspiratie of kopie, naar jaar", note=interval_download_note(),
    download=_download("label", "herkomst"), glue_on_call=True, texts=_herkomst_texts,
)
figuur_herkomst_naar_jaar = HERKOMST


def _by_group(ed, question: str, by: str, short: bool = False) -> pd.DataFrame:
    cb = load_codebook()
    data = frequencies(ed.df, question, by=by, years=ed.year, total=True)
    glabels = cb.labels(by)
    data["group_label"] = data["group"].map(lambda g: glabels.get(g, g))
    data["shown"] = disclosure.mask(data["pct"], data["base"], ed.min_base)
    if short:
        data["label"] = data["code"].map(cb.labels_short(question))
    return data


def _stacked_by_group(question: str, order) -> callable:
    """``draw`` of a 100%-stacked figure by group (``order``: ``() -> group labels``)."""
    return lambda f: fig.stacked_bars(f, y="group_label", category="label", x="shown",
                                      category_order=list(load_codebook().labels_short(question).values()),
                                      order=order(), xlabel="")


def _sizes() -> tuple:
    sizes = load_codebook().labels("size_class")
    return min(sizes), max(sizes)


def _kopie_texts(ed, d) -> dict:
    small, large = _sizes()
    out = {"pct_kopie_klein": d.text("pct", group=small, code=3), "pct_kopie_groot": d.text("pct", group=large, code=3),
           "richting_kopie_klein": compare_word(d.value("pct", group=large, code=3), d.value("pct", group=small, code=3),
                                                up="vaker", down="minder vaak", same="even vaak", decimals=0)}
    out["verschil_kopie_klein"] = (_difference(ed, d, {"group": small, "code": 3}, {"group": large, "code": 3})
                                   if _has(d, group=small, code=3) and _has(d, group=large, code=3) else Released(NO_DIFFERENCE))
    return out


#: Figuur 2-8: own, inspired or copy, by size class (edition year). Glued keys:
#: ``pct_kopie_klein``, ``pct_kopie_groot``, ``richting_kopie_klein`` ("vaker"/"minder
#: vaak"/"even vaak": small compared with large organisations), ``verschil_kopie_klein`` (the
#: difference small minus large with its 95% interval).
HERKOMST_GROOTTE = declaration.Figure(
    name=_name("fig", "herkomst-grootte"), report="Figuur 2-8",
    compute=lambda ed: _by_group(ed, "origin", "size_class", short=True),
    draw=_stacked_by_group("origin", lambda: [*load_codebook().labels("size_class").values(), TOTAL]),
    alt=_stacked_alt("de herkomst van de innovatie naar organisatiegrootte in {year}", "label", "group_label"),
    caption=lambda ed, d: f"Eigen innovatie, inspiratie of kopie, naar organisatiegrootte, {ed.year}",
    note=interval_download_note(), download=_download("label", "herkomst"), glue_on_call=True, texts=_kopie_texts,
)
figuur_herkomst_naar_grootte = HERKOMST_GROOTTE


# ----------------------------------------------------------------------------- B1-2 .. B1-5 as figures
def _multiple_by_year(question: str, what: str, caption: str, report: str, slug: str, key: str,
                      exclude_top: tuple[str, ...] = (), cells: tuple[tuple[str, str], ...] = ()) -> declaration.Figure:
    """A multiple-response question by year, drawn as bars with whiskers (a B1 table as a figure).

    Glued keys: ``<key>_top1``, ``pct_<key>_top1``, ``<key>_top2``, ``pct_<key>_top2`` (the most
    named answers of the edition year, ``exclude_top`` left out), ``n_<key>`` and, declared,
    ``pct_<name>`` for every ``(item, name)`` of ``cells``.
    """
    def compute(ed):
        if not asked_years(ed, question):
            return Notice(f"De vraag naar {what} is in {ed.year} niet gesteld.", "note")
        return met_intervallen(freq_by_year(ed, question), ed)

    def draw(f):
        return fig.bar_shares(f, y="label", x="shown", hue="year", hue_order=list(pd.unique(f["year"])),
                              order=list(dict.fromkeys(f["label"])), xlabel="Aandeel (meer antwoorden mogelijk)",
                              legend_title="Meetjaar", interval=BOUNDS)

    def texts(ed, d):
        if d is None:
            return {}
        f = d.frame
        cur = f[(f["year"] == ed.year) & ~f["item"].isin(exclude_top)]
        top = cur.sort_values("pct", ascending=False, kind="stable")
        out: dict[str, Released | str] = {}
        for rank in (1, 2):
            i = top.index[rank - 1] if len(top) >= rank else None
            out[f"{key}_top{rank}"] = lower_first(top.at[i, "label"]) if i is not None else fmt.NOT_ASKED
            out[f"pct_{key}_top{rank}"] = d.cell(i, "pct") if i is not None else Released(fmt.NOT_ASKED)
        out[f"n_{key}"] = public(fmt.num(cur["base"].iloc[0])) if len(cur) else Released(fmt.NOT_ASKED)
        return out

    return declaration.Figure(
        name=_name("fig", slug), report=report, compute=compute, draw=draw,
        alt=lambda ed, d: fig.alt_text(d.frame, what + " per meetjaar", label="label", value="shown", group="year"),
        caption=lambda ed, d: caption, note=whisker_note(), download=_download("label", "antwoord"),
        glue_on_call=True, texts=texts,
        glue=lambda ed: [declaration.Glued(f"pct_{name}", "pct", {"year": ed.year, "item": item}) for item, name in cells],
    )


#: Channels through which adopters learned of the innovation, by year (Tabel B1-2). Base:
#: innovators whose innovation (partly) builds on solutions elsewhere. Glued keys:
#: ``kanaal_top1``, ``pct_kanaal_top1``, ``kanaal_top2``, ``pct_kanaal_top2``, ``n_kanaal``.
figuur_kanalen = KANALEN = _multiple_by_year(
    "channel", "de kanalen waarlangs organisaties van de overgenomen innovatie hoorden",
    "Kanalen waarlangs de organisatie van de overgenomen innovatie hoorde, naar jaar; meer antwoorden mogelijk",
    "Tabel B1-2", "kanalen", "kanaal")

#: Who or what took the initiative for the innovation, by year (Tabel B1-3). Glued keys:
#: ``initiatief_top1`` .. ``pct_initiatief_top2``, ``n_initiatief``, ``pct_init_technologie``
#: (initiative from available new technology).
figuur_initiatief = INITIATIEF = _multiple_by_year(
    "initiative", "de herkomst van het initiatief voor de innovatie",
    "Initiatief of aanleiding voor de innovatie, naar jaar; meer antwoorden mogelijk", "Tabel B1-3",
    "initiatief", "initiatief", cells=(("init_technology", "init_technologie"),))

#: Partners in developing or introducing the innovation, by year (Tabel B1-4). Glued keys:
#: ``partner_top1`` .. (the most named partner, "no collaboration" left out),
#: ``pct_geen_samenwerking``, ``pct_partner_privaat``, ``pct_partner_sector``.
figuur_partners = PARTNERS = _multiple_by_year(
    "partner", "de organisaties waarmee bij de innovatie is samengewerkt",
    "Samenwerkingspartners bij de innovatie, naar jaar; meer antwoorden mogelijk", "Tabel B1-4",
    "partners", "partner", exclude_top=("partner_none", "partner_dk"),
    cells=(("partner_none", "geen_samenwerking"), ("partner_private", "partner_privaat"),
           ("partner_sector", "partner_sector")))

#: Phases in which the partners took part, by year (Tabel B1-5); base: innovators who
#: collaborated. Glued keys: ``fase_top1`` .. ``pct_fase_top2``, ``n_fase``.
figuur_fasen = FASEN = _multiple_by_year(
    "partner_phase", "de fasen waarin samenwerkingspartners betrokken waren",
    "Fasen waarin de samenwerkingspartners betrokken waren, naar jaar; meer antwoorden mogelijk", "Tabel B1-5",
    "fasen", "fase")


# ----------------------------------------------------------------------------- Figuur 2-9
def _initiatief_dk(ed) -> pd.DataFrame | Notice:
    """The initiators with a Danish figure: the Dutch share of the edition year (with its
    interval) and the Danish published figure (column :data:`DK`, no base) side by side."""
    cb = load_codebook()
    dk = denmark.counterparts("initiative", ed.year)
    if not dk:
        return Notice("Voor dit jaar zijn er geen Deense cijfers over het initiatief tot innovatie.", "note")
    nl = frequencies(ed.df, "initiative", years=ed.year).set_index("item")
    period = next(iter(dk.values()))["period"]
    rows = []
    for item, d in dk.items():
        label = cb.label(item)
        rows.append({"item": item, "label": label, "reeks": f"Nederland {ed.year}", "year": ed.year,
                     "count": nl.loc[item, "count"], "base": nl.loc[item, "base"], "pct": nl.loc[item, "pct"],
                     DK: math.nan})
        rows.append({"item": item, "label": label, "reeks": f"Denemarken {period}", "year": pd.NA,
                     "count": float("nan"), "base": float("nan"), "pct": float("nan"), DK: d["value"]})
    return met_intervallen(pd.DataFrame(rows).astype({"year": "Int64"}), ed)


def _missing_dk(ed) -> list[str]:
    dk = denmark.counterparts("initiative", ed.year)
    return [lower_first(load_codebook().label(i)) for i in FIGUUR_2_9_ITEMS if i not in dk]


def _drawn_dk(f: pd.DataFrame) -> pd.DataFrame:
    """The disclosed Dutch shares and the published Danish figures in one column (``pct``)."""
    return f.assign(pct=f["pct"].fillna(f[DK]))


def _initiatief_dk_alt(ed, d) -> str:
    alt = fig.alt_text(_drawn_dk(d.frame), "een selectie van aanleidingen tot innovatie in Nederland en Denemarken",
                       label="label", value="pct", group="reeks")
    missing = _missing_dk(ed)
    return alt + (f" Zonder Deens cijfer, en daarom niet getoond: {join_nl(missing)}." if missing else "")


def _initiatief_dk_texts(ed, d) -> dict:
    if d is None:
        return {"init_dk_vaker": fmt.NOT_ASKED, "init_nl_vaker": fmt.NOT_ASKED,
                "zin_init_dk": "Een Deense vergelijking van de aanleidingen is voor dit jaar niet mogelijk."}
    f = d.frame
    nl, dkf = f[f["year"].notna()].set_index("item"), f[f["year"].isna()].set_index("item")
    dk_more, nl_more, intervals, bases = [], [], {}, []
    for item in nl.index:
        if fmt.is_missing(nl.at[item, "pct"]):  # a hidden Dutch share is compared with nothing
            continue
        label = lower_first(nl.at[item, "label"])
        (dk_more if dkf.at[item, DK] > nl.at[item, "pct"] else nl_more).append(label)
        intervals[label] = (nl.at[item, BOUNDS[0]], nl.at[item, BOUNDS[1]])
        bases.append(nl.at[item, "base"])
    parts = []
    if dk_more:
        parts.append(f"In Denemarken worden {join_nl(dk_more)} vaker als aanleiding genoemd dan in Nederland.")
    if nl_more:
        parts.append(f"In Nederland gaat het vaker om {join_nl(nl_more)}.")
    missing = _missing_dk(ed)
    if missing:
        parts.append(f"Voor {join_nl(missing)} is geen Deens cijfer beschikbaar; die ontbreken in de figuur.")
    if intervals:  # the Dutch shares compared, with their intervals; the Danish ones have none
        parts.append(dk_no_margin_note({k: intervals[k] for k in [*dk_more, *nl_more]}))
    return {"init_dk_vaker": join_nl(dk_more) or "geen van de genoemde aanleidingen",
            "init_nl_vaker": join_nl(nl_more) or "geen van de genoemde aanleidingen",
            "zin_init_dk": release(" ".join(parts), bases, ed.min_base)}


#: Figuur 2-9: a selection of initiators, the Netherlands (edition year) against Denmark. The
#: selection is every initiative item for which ``denmark.csv`` has a Danish value; items
#: without one are named in the alt text and the sentence. Glued keys: ``init_dk_vaker`` (items
#: named more often in Denmark), ``init_nl_vaker``, ``zin_init_dk`` (with the Dutch intervals
#: and the note that the Danish figures have no margin).
INITIATIEF_DK = declaration.Figure(
    name=_name("fig", "initiatief-dk"), report="Figuur 2-9", compute=_initiatief_dk,
    draw=lambda f: fig.bar_shares(_drawn_dk(f), y="label", x="pct", hue="reeks",
                                  hue_order=list(dict.fromkeys(f["reeks"])), xlabel="Aandeel van de innovaties",
                                  legend_title=None, interval=BOUNDS),
    alt=_initiatief_dk_alt,
    caption=lambda ed, d: "Selectie: meestgenoemde aanleidingen tot innovatie in Nederland en Denemarken",
    note=whisker_note("Denemarken"),
    download=lambda data, ed: met_intervallen(data[["item", "label", "reeks", "year", "count", "base", "pct"]].rename(
        columns={"pct": "percentage", "year": "jaar", "count": "aantal", "base": "basis"}), ed),
    glue_on_call=True, texts=_initiatief_dk_texts,
)
figuur_initiatief_nl_dk = INITIATIEF_DK


def _interval_of(ed, result) -> tuple[float, float]:
    """The 95% interval of a statistic's share (:func:`met_intervallen`), NaN when hidden."""
    row = met_intervallen(pd.DataFrame({"year": [ed.year], "count": [result.count], "base": [result.base_n]}), ed)
    return row.at[0, BOUNDS[0]], row.at[0, BOUNDS[1]]


def financiering(ed) -> pd.Series:
    """Glue the share of innovations financed from the own budget, NL and DK.

    Glued keys: ``pct_eigen_budget``, ``pct_eigen_budget_dk``, ``zin_eigen_budget_dk`` (the
    comparison, with the Dutch share's interval and the note that the Danish figure has none).
    """
    own = statistic(ed.df, "fund_own", "pct", year=ed.year)
    mine = release(fmt.pct(own.value), own.base_n, ed.min_base)
    out: dict[str, str] = {"pct_eigen_budget": mine}
    dk = denmark.counterparts("funding", ed.year).get("fund_own")
    if dk:
        out["pct_eigen_budget_dk"] = _published(fmt.pct(dk["value"]))
        shown = mine.reason == "shown"
        word = compare_word(dk["value"], own.value if shown else math.nan, up="vaker", down="minder vaak",
                            same="even vaak", decimals=0)
        unverified = (" Dat Deense cijfer neemt het rapport over; in de Deense bronnen zelf is het niet teruggevonden."
                      if dk.get("reliability") == "unverified" else "")
        note = release(dk_no_margin_note(_interval_of(ed, own) if shown else None), own.base_n, ed.min_base)
        out["zin_eigen_budget_dk"] = compose("Nederlandse organisaties financieren hun innovatie daarmee {word} uit "
                                             "eigen middelen dan Deense ({dk}).{unverified} {note}", word=word,
                                             dk=out["pct_eigen_budget_dk"], unverified=unverified, note=note)
    else:
        out["pct_eigen_budget_dk"] = fmt.NOT_ASKED
        out["zin_eigen_budget_dk"] = "Een Deens cijfer over financiering uit eigen middelen is er voor dit jaar niet."
    return pd.Series(glue_texts(out), name="financiering")


# ----------------------------------------------------------------------------- Figuur 2-11
def _technologie(ed) -> pd.DataFrame:
    data = freq_by_year(ed, "tech_content")
    data["jaar"] = data["year_label"]
    return data


def _technologie_texts(ed, d) -> dict:
    out = _year_texts("code", ((1, "tech_geheel"), (2, "tech_belangrijk"), (3, "tech_klein"), (4, "tech_geen")))(ed, d)
    small = statistic(ed.df, "tech_content", "pct", codes=[3, 4], year=ed.year)
    out["pct_tech_klein_of_geen"] = release(fmt.pct(small.value), small.base_n, ed.min_base)
    return out


#: Figuur 2-11: technology content of the innovation, by year (base: innovators). Glued keys:
#: ``pct_tech_geheel``, ``pct_tech_belangrijk``, ``pct_tech_klein``, ``pct_tech_geen`` (with
#: ``_vorig``, ``richting_`` and ``verloop_`` variants), ``pct_tech_klein_of_geen``.
TECHNOLOGIE = declaration.Figure(
    name=_name("fig", "technologie"), report="Figuur 2-11", compute=_technologie,
    draw=_stacked_by_year("label", "tech_content"),
    alt=_stacked_alt("het technologisch gehalte van de innovaties per meetjaar", "label"),
    caption=lambda ed, d: "Technologisch gehalte van de innovaties, naar jaar", note=interval_download_note(),
    download=_download("label", "technologisch gehalte"), glue_on_call=True, texts=_technologie_texts,
)
figuur_technologie = TECHNOLOGIE


_NL, _KD, _UV = "Nederland", "kerndep", "uitvoering"


def _technologie_vergelijking(ed) -> pd.DataFrame:
    """Share wholly or largely technological: the Netherlands, kerndepartementen, executive
    organisations (with counts, bases and intervals) and the Danish published figure (column
    :data:`DK`) when ``denmark.csv`` has it."""
    nt = load_codebook().labels("national_type")
    rows = [(_NL, _NL, statistic(ed.df, "tech_content", "pct", codes=[1, 2], year=ed.year)),
            (nt[1], _KD, statistic(ed.df, "tech_content", "pct", codes=[1, 2], group_var="national_type", group=1,
                                   year=ed.year)),
            (uitvoering_label(), _UV, statistic(ed.df, "tech_content", "pct", codes=[1, 2], group_var="national_type",
                                                group=[2, 3], year=ed.year))]
    out = pd.DataFrame({"groep": [r[0] for r in rows], "sleutel": [r[1] for r in rows],
                        "percentage": [r[2].value for r in rows], "basis": [r[2].base_n for r in rows],
                        "aantal": [r[2].count for r in rows], DK: math.nan})
    dk = denmark.counterparts("tech_content", ed.year).get("tech_content_1|2")
    if dk:
        out.loc[len(out)] = [f"Denemarken {dk['period']}", "dk", math.nan, math.nan, math.nan, dk["value"]]
    return met_intervallen(out, ed)


def _technologie_tabel(ed, d) -> pd.DataFrame:
    f = d.frame
    return pd.DataFrame({
        "Groep": f["groep"],
        "Geheel of grotendeels technologisch": [fmt.pct(f.at[i, DK]) if not fmt.is_missing(f.at[i, DK])
                                                else d.cell(i, "percentage") for i in f.index],
        "Totaal (n)": f["basis"].map(lambda n: fmt.num(n) if not fmt.is_missing(n) else fmt.NOT_ASKED),
    })


def _technologie_notes(ed, d) -> list[str]:
    labels = load_codebook().labels("tech_content")
    notes = ["Basis: organisaties met een innovatie. Geheel of grotendeels technologisch: de antwoorden "
             f"{lower_first(labels[1])} en {lower_first(labels[2])}."]
    if not _has(d, sleutel="dk"):
        notes.append("Voor Denemarken is voor dit jaar geen vergelijkbaar cijfer beschikbaar.")
    return notes


def _technologie_vergelijking_texts(ed, d) -> dict:
    nl = d.value("percentage", sleutel=_NL)
    out: dict[str, Released | str] = {"pct_tech_hoog": d.text("percentage", sleutel=_NL)}
    if _has(d, sleutel="dk"):
        dk = d.value(DK, sleutel="dk")
        out["pct_tech_hoog_dk"] = _published(fmt.pct(dk))
        word = compare_word(dk, nl, up="hoger", down="lager", same="even hoog", decimals=0)
        out["richting_tech_dk"] = word
        period = d.frame.loc[d.frame["sleutel"] == "dk", "groep"].iloc[0].removeprefix("Denemarken ")
        shown = not fmt.is_missing(nl)
        note = release(dk_no_margin_note((d.value(BOUNDS[0], sleutel=_NL), d.value(BOUNDS[1], sleutel=_NL))
                                         if shown else None), d.value("basis", sleutel=_NL), ed.min_base)
        out["zin_tech_dk"] = compose("Dat is {word} dan in Denemarken ({dk}, periode {period}). {note}", word=word,
                                     dk=out["pct_tech_hoog_dk"], period=period, note=note)
    else:
        out["pct_tech_hoog_dk"] = fmt.NOT_ASKED
        out["richting_tech_dk"] = "niet te vergelijken"
        out["zin_tech_dk"] = "Een vergelijkbaar Deens cijfer is er voor dit jaar niet."
    kd, uv = d.value("percentage", sleutel=_KD), d.value("percentage", sleutel=_UV)
    out.update(pct_tech_kerndep=d.text("percentage", sleutel=_KD), pct_tech_uitvoering=d.text("percentage", sleutel=_UV),
               n_tech_kerndep=d.text("basis", sleutel=_KD), n_tech_uitvoering=d.text("basis", sleutel=_UV),
               richting_tech_kerndep=compare_word(uv, kd, up="hoger", down="lager", same="even hoog", decimals=0))
    if fmt.is_missing(kd) or fmt.is_missing(uv):
        out["verschil_tech_kerndep"] = Released(NO_DIFFERENCE)
    else:
        share = {k: {"count": d.value("aantal", sleutel=k), "base": d.value("basis", sleutel=k)} for k in (_KD, _UV)}
        ci = verschil_interval(ed, share[_UV], share[_KD], ed.year, ed.year)
        out["verschil_tech_kerndep"] = release(difference_interval(*(ci if ci else (None, None)), kd - uv),
                                               [share[_KD]["base"], share[_UV]["base"]], ed.min_base)
    return out


#: Share of innovations wholly or largely technological: NL against DK, and kerndepartementen
#: against the executive organisations (diensten, agentschappen, zbo's). One row per comparison
#: group (Nederland, kerndepartementen, uitvoering, Denemarken when ``denmark.csv`` has the
#: figure) with the share and its base. Glued keys: ``pct_tech_hoog``, ``pct_tech_hoog_dk``,
#: ``richting_tech_dk`` ("hoger"/"lager"), ``zin_tech_dk``, ``pct_tech_kerndep``,
#: ``pct_tech_uitvoering``, ``n_tech_kerndep``, ``n_tech_uitvoering``, ``richting_tech_kerndep``,
#: ``verschil_tech_kerndep`` (kerndepartementen minus uitvoering, with its 95% interval).
TECHNOLOGIE_VERGELIJKING = declaration.Table(
    name=_name("tbl", "technologie-vergelijking"), compute=_technologie_vergelijking,
    tabulate=_technologie_tabel, notes=_technologie_notes,
    caption=lambda ed, d: f"Aandeel geheel of grotendeels technologische innovaties, {ed.year}",
    download=lambda data, ed: met_intervallen(data[["groep", "percentage", "basis"]], ed),
    glue_on_call=True, texts=_technologie_vergelijking_texts,
)
tabel_technologie_vergelijkingen = TECHNOLOGIE_VERGELIJKING


# ----------------------------------------------------------------------------- Figuur 2-10
def _strategie(ed) -> pd.DataFrame:
    data = freq_by_year(ed, "strategy")
    data["label"] = data["code"].map(load_codebook().labels_short("strategy"))
    return met_intervallen(data, ed)


def _strategie_texts(ed, d) -> dict:
    out = _year_texts("code", lambda ed: [(c, f"strat_{c}") for c in load_codebook().labels("strategy")])(ed, d)
    out.update(_no_difference_texts(ed, d, "strategy", "strategie"))
    return out


#: Figuur 2-10: innovation strategy, by year (base: innovators). Glued keys:
#: ``pct_strat_<1..5>`` with ``_vorig``/``richting_``/``verloop_``, ``sig_strategie``,
#: ``p_strategie``, ``chi2_strategie``, ``df_strategie``, ``claim_strategie`` (the report:
#: differences small and not significant).
STRATEGIE = declaration.Figure(
    name=_name("fig", "strategie"), report="Figuur 2-10", compute=_strategie,
    draw=lambda f: fig.bar_shares(f, y="label", x="shown", hue="year", hue_order=list(pd.unique(f["year"])),
                                  xlabel="Aandeel van de innovaties", legend_title="Meetjaar", interval=BOUNDS),
    alt=lambda ed, d: fig.alt_text(d.frame, "de gevolgde innovatiestrategie per meetjaar", label="label",
                                   value="shown", group="year"),
    caption=lambda ed, d: "Gevolgde innovatiestrategie, naar jaar", note=whisker_note(),
    download=_download("label", "strategie"), glue_on_call=True, texts=_strategie_texts,
)
figuur_strategie = STRATEGIE


def _strategie_grootte_texts(ed, d) -> dict:
    small, _ = _sizes()
    f = d.frame
    g = f[f["group"] != TOTAL]
    out: dict[str, Released | str] = {"pct_strat_1_klein": d.text("pct", group=small, code=1)}
    for code, key in ((2, "radar"), (4, "expert")):
        sub = g[g["code"] == code].dropna(subset=["pct"])
        out[f"grootte_{key}_hoogst"] = (lower_first(sub.loc[sub["pct"].astype(float).idxmax(), "group_label"])
                                        if len(sub) else "geen enkele grootteklasse (te weinig waarnemingen)")
    return out


#: Innovation strategy by size class (edition year). Glued keys: ``pct_strat_1_klein``
#: (stakeholders, small organisations), ``grootte_radar_hoogst`` (size class with the highest
#: shown share "onder de radar"), ``grootte_expert_hoogst``.
STRATEGIE_GROOTTE = declaration.Figure(
    name=_name("fig", "strategie-grootte"),
    compute=lambda ed: _by_group(ed, "strategy", "size_class", short=True),
    draw=_stacked_by_group("strategy", lambda: [*load_codebook().labels("size_class").values(), TOTAL]),
    alt=_stacked_alt("de gevolgde innovatiestrategie naar organisatiegrootte in {year}", "label", "group_label"),
    caption=lambda ed, d: f"Gevolgde innovatiestrategie, naar organisatiegrootte, {ed.year}",
    note=interval_download_note(), download=_download("label", "strategie"), glue_on_call=True,
    texts=_strategie_grootte_texts,
)
figuur_strategie_naar_grootte = STRATEGIE_GROOTTE


def _rijk_groups() -> list[tuple[str, object, str]]:
    return [(load_codebook().labels("national_type")[1], 1, _KD), (uitvoering_label(), [2, 3], _UV)]


def _strategie_rijk(ed) -> pd.DataFrame:
    """Strategy shares of the kerndepartementen and of the executive organisations together."""
    short = load_codebook().labels_short("strategy")
    rows = []
    for label, codes, _key in _rijk_groups():
        for code, lab in short.items():
            r = statistic(ed.df, "strategy", "pct", codes=code, group_var="national_type", group=codes, year=ed.year)
            rows.append({"group_label": label, "code": code, "label": lab, "count": r.count,
                         "base": r.base_n, "pct": r.value})
    data = pd.DataFrame(rows)
    data["shown"] = disclosure.mask(data["pct"], data["base"], ed.min_base)
    return data


def _strategie_rijk_texts(ed, d) -> dict:
    (kd_label, _, _), (uv_label, _, _) = groups = _rijk_groups()
    out: dict[str, Released | str] = {}
    for label, _codes, key in groups:
        out[f"n_strat_{key}"] = d.text("base", group_label=label, code=1)
    for label, _codes, key in groups:
        out[f"pct_spotlights_{key}"] = d.text("pct", group_label=label, code=3)
        out[f"pct_expert_{key}"] = d.text("pct", group_label=label, code=4)
    for code, what in ((3, "spotlights"), (4, "expert")):
        kd, uv = {"group_label": kd_label, "code": code}, {"group_label": uv_label, "code": code}
        out[f"richting_{what}_kerndep"] = compare_word(d.value("pct", **uv), d.value("pct", **kd), up="vaker",
                                                       down="minder vaak", same="even vaak", decimals=0)
        out[f"verschil_{what}"] = _difference(ed, d, kd, uv)
    return out


#: Innovation strategy in the national government: kerndepartementen against the executive
#: organisations (diensten, agentschappen and zbo's together), edition year. Glued keys:
#: ``n_strat_kerndep``, ``n_strat_uitvoering``, ``pct_spotlights_kerndep``,
#: ``pct_expert_kerndep``, ``pct_spotlights_uitvoering``, ``pct_expert_uitvoering``,
#: ``richting_spotlights_kerndep``, ``verschil_spotlights``, ``richting_expert_kerndep``,
#: ``verschil_expert`` (kerndepartementen minus uitvoering, with its 95% interval).
STRATEGIE_RIJK = declaration.Figure(
    name=_name("fig", "strategie-rijk"), compute=_strategie_rijk,
    draw=_stacked_by_group("strategy", lambda: [g[0] for g in _rijk_groups()]),
    alt=_stacked_alt("de gevolgde innovatiestrategie bij kerndepartementen en in de uitvoering in {year}", "label",
                     "group_label"),
    caption=lambda ed, d: f"Gevolgde innovatiestrategie binnen de nationale overheid, {ed.year}",
    note=interval_download_note(), download=_download("label", "strategie"), glue_on_call=True,
    texts=_strategie_rijk_texts,
)
figuur_strategie_rijk = STRATEGIE_RIJK


def kerncijfers(ed) -> pd.Series:
    """Glue the bases and question wordings the chapter's text refers to.

    Glued keys: ``jaar``, ``jaar_vorig`` ("-" without comparison), ``n_organisaties``,
    ``n_innovators`` (respondent counts: public), ``vraag_herkomst``, ``vraag_technologie``,
    ``vraag_strategie``, ``vraag_initiatief``, ``vraag_financiering``.
    """
    cb = load_codebook()
    prev = ed.previous_year
    inn = statistic(ed.df, "origin", "n", year=ed.year)
    out = {
        "jaar": year_label(ed.year),
        "jaar_vorig": year_label(prev) if prev else fmt.NOT_ASKED,
        "n_organisaties": public(fmt.num(statistic(ed.df, "innovated", "n", year=ed.year).base_n)),
        "n_innovators": public(fmt.num(inn.base_n)),
        "vraag_herkomst": cb.label("origin"),
        "vraag_technologie": cb.label("tech_content"),
        "vraag_strategie": cb.label("strategy"),
        "vraag_initiatief": cb.label("initiative"),
        "vraag_financiering": cb.label("funding"),
    }
    return pd.Series(glue_texts(out), name="kerncijfers")
