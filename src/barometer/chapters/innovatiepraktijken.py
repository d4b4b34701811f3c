"""Exhibits of the chapter *Innovatiepraktijken* (report §2.2).

Every public function takes an :class:`~barometer.book.edition.Edition` and returns an exhibit
(:class:`~barometer.presentation.exhibit.FigureExhibit`, :class:`~barometer.presentation.exhibit.TableExhibit`), a
:class:`~barometer.presentation.exhibit.Notice` when there is nothing to show, or —
for the hidden glue cells — a :class:`pandas.Series` of the glued strings. Numbers come
from :mod:`barometer.analysis.statistics`, tests from :mod:`barometer.analysis.models`, labels from the
codebook, Danish figures from :mod:`barometer.data.denmark`.

Figures of the report rebuilt here: Figuur 2-6 (innovation spectrum), 2-7 and 2-8 (own,
inspired or copied, by year and by size), Tabel B1-2 to B1-5 drawn as figures (channels,
initiative, partners, phases; 2021 against 2025), 2-9 (initiative, NL against DK),
2-10 (strategy) and 2-11 (technology content), with breakdowns by size and within the
national government.
"""
from __future__ import annotations

import pandas as pd

from barometer.presentation import disclosure
from barometer.data import denmark
from barometer.analysis import models
from barometer.presentation import figures as fig
from barometer.presentation import formatting as fmt
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.presentation.intervals import BOUNDS, met_intervallen, verschil_interval
from barometer.presentation.phrasing import interval_download_note, whisker_note
from barometer.presentation.phrasing import compare_word, asked_years, freq_by_year, uitvoering_label, year_label
from barometer.presentation.phrasing import ALPHA, join_nl, lower_first, p_text, significance_word, trend
from barometer.presentation.glue import glue_text
from barometer.analysis.statistics import TOTAL, frequencies, statistic

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


def _name(kind: str, what: str) -> str:
    return f"{kind}-{SLUG}-{what}"


def _table(data: pd.DataFrame, label: str, label_name: str) -> pd.DataFrame:
    cols = [c for c in ("year", "group_label", label, "count", "base", "pct") if c in data.columns]
    return data[cols].rename(columns={"year": "jaar", "group_label": "groep", label: label_name,
                                      "count": "aantal", "base": "basis", "pct": "percentage"})


def _by_year_glue(data: pd.DataFrame, ed, code_col: str, code, key: str) -> None:
    """Glue ``pct_<key>``, ``pct_<key>_vorig`` and ``richting_<key>`` for one code/item."""
    cur = data[(data["year"] == ed.year) & (data[code_col] == code)]
    glue_text(f"pct_{key}", fmt.pct(cur["pct"].iloc[0]))
    prev = ed.previous_year
    old = data[(data["year"] == prev) & (data[code_col] == code)] if prev else data.iloc[0:0]
    if len(old) and not fmt.is_missing(old["pct"].iloc[0]):
        glue_text(f"pct_{key}_vorig", fmt.pct(old["pct"].iloc[0]))
        glue_text(f"richting_{key}", compare_word(old["pct"].iloc[0], cur["pct"].iloc[0], decimals=0))
    else:
        glue_text(f"pct_{key}_vorig", fmt.NOT_ASKED)
        glue_text(f"richting_{key}", "niet te vergelijken")
    before = old["pct"].iloc[0] if len(old) else None
    glue_text(f"verloop_{key}", trend(before, cur["pct"].iloc[0], prev if len(old) else None, ed.year,
                                     interval=verschil_interval(ed, old.iloc[0] if len(old) else None, cur.iloc[0], prev)))


def _year_order(data: pd.DataFrame) -> list[str]:
    return [year_label(y) for y in pd.unique(data["year"])]


# ----------------------------------------------------------------------------- Figuur 2-6
def figuur_spectrum(ed) -> FigureExhibit:
    """Figuur 2-6: innovation spectrum (none, single, multiple type) by year, base all
    organisations.

    Glued keys: ``pct_enkelvoudig``, ``pct_enkelvoudig_vorig``, ``richting_enkelvoudig``,
    ``pct_meervoudig``, ``pct_meervoudig_vorig``, ``richting_meervoudig``, ``pct_geen``.
    """
    cb = load_codebook()
    labels = cb.labels("spectrum_group")
    data = freq_by_year(ed, "spectrum_group")
    data["jaar"] = data["year_label"]
    _by_year_glue(data, ed, "code", 1, "enkelvoudig")
    _by_year_glue(data, ed, "code", 2, "meervoudig")
    _by_year_glue(data, ed, "code", 0, "geen")
    figure = fig.stacked_bars(data, y="jaar", category="label", x="shown",
                              category_order=list(labels.values()), order=_year_order(data),
                              xlabel="")
    alt = fig.alt_text(data, "het innovatiespectrum (geen, enkelvoudige of meervoudige innovatie) per "
                       "meetjaar, als aandeel van alle organisaties", label="label", value="shown",
                       group="year", kind="Gestapeld staafdiagram")
    return FigureExhibit(
        name=_name("fig", "spectrum"),
        caption="Innovatiespectrum naar jaar, alle organisaties (Figuur 2-6 in het rapport). " + interval_download_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "spectrum"), ed))


def _glue_no_difference_claim(ed, data: pd.DataFrame, question: str, key: str) -> None:
    """Glue the chi-square test of ``question`` over the years and the verdict on the
    report's claim that the distribution did not change significantly.

    Keys: ``sig_<key>`` ("wel"/"niet"), ``p_<key>``, ``chi2_<key>``, ``df_<key>`` and
    ``claim_<key>`` ("houdt stand" / "houdt geen stand" / "is niet te toetsen" with one year).
    """
    try:
        test = (models.chi2_years(ed.all_years, question, years=asked_years(ed, question))
                if len(pd.unique(data["year"])) > 1 else None)
    except models.ModelError:  # one year without answers: nothing to test
        test = None
    if test is not None:
        glue_text(f"sig_{key}", significance_word(test["p"]))
        glue_text(f"p_{key}", p_text(test["p"]))
        glue_text(f"chi2_{key}", fmt.dec(test["chi2"], 2))
        glue_text(f"df_{key}", fmt.num(test["df"]))
        from barometer.presentation.claims import ClaimNotTestable, distribution_unchanged  # the rule of CL13/CL15
        from barometer.presentation.phrasing import claim_phrase

        try:
            outcome = distribution_unchanged(ed, question).outcome
        except (ClaimNotTestable, models.ModelError):
            outcome = "untested"
        glue_text(f"claim_{key}", claim_phrase(outcome))
    else:
        for k in ("sig", "p", "chi2", "df"):
            glue_text(f"{k}_{key}", fmt.NOT_ASKED)
        glue_text(f"claim_{key}", "is niet te toetsen")


# ----------------------------------------------------------------------------- Figuur 2-7, 2-8
def figuur_herkomst_naar_jaar(ed) -> FigureExhibit:
    """Figuur 2-7: own development, inspired by solutions elsewhere, or a copy, by year.

    Glued keys: ``pct_eigen``, ``pct_geinspireerd``, ``pct_kopie`` (and ``_vorig``,
    ``richting_`` variants); ``sig_herkomst`` ("wel"/"niet": chi-square test of the
    distribution over years), ``p_herkomst``, ``chi2_herkomst``, ``claim_herkomst``
    ("houdt stand"/"houdt geen stand" for the report's "not significant").
    """
    cb = load_codebook()
    labels = cb.labels_short("origin")
    data = freq_by_year(ed, "origin")
    data["jaar"] = data["year_label"]
    data["herkomst"] = data["code"].map(labels)
    for code, key in ((1, "eigen"), (2, "geinspireerd"), (3, "kopie")):
        _by_year_glue(data, ed, "code", code, key)
    _glue_no_difference_claim(ed, data, "origin", "herkomst")
    figure = fig.stacked_bars(data, y="jaar", category="herkomst", x="shown",
                              category_order=list(labels.values()), order=_year_order(data),
                              xlabel="")
    alt = fig.alt_text(data, "de herkomst van de innovatie (eigen ontwikkeling, geïnspireerd op "
                       "oplossingen elders, kopie) per meetjaar", label="herkomst", value="shown",
                       group="year", kind="Gestapeld staafdiagram")
    return FigureExhibit(
        name=_name("fig", "herkomst"),
        caption="Eigen innovatie, inspiratie of kopie, naar jaar (Figuur 2-7 in het rapport). " + interval_download_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "herkomst"), ed))


def _by_group(ed, question: str, by: str, short: bool = False) -> pd.DataFrame:
    cb = load_codebook()
    data = frequencies(ed.df, question, by=by, years=ed.year, total=True)
    glabels = cb.labels(by)
    data["group_label"] = data["group"].map(lambda g: glabels.get(g, g))
    data["shown"] = disclosure.mask(data["pct"], data["base"], ed.min_base)
    if short:
        data["label"] = data["code"].map(cb.labels_short(question))
    return data


def figuur_herkomst_naar_grootte(ed) -> FigureExhibit:
    """Figuur 2-8: own, inspired or copy, by size class (edition year).

    Glued keys: ``pct_kopie_klein``, ``pct_kopie_groot``, ``richting_kopie_klein``
    ("vaker"/"minder vaak"/"even vaak": small compared with large organisations).
    """
    cb = load_codebook()
    data = _by_group(ed, "origin", "size_class", short=True)
    sizes = cb.labels("size_class")
    small, large = min(sizes), max(sizes)
    k = data[data["code"] == 3].set_index("group").reindex([small, large])  # a class without innovators: NaN
    glue_text("pct_kopie_klein", disclosure.show(fmt.pct(k.loc[small, "pct"]), k.loc[small, "base"], ed.min_base))
    glue_text("pct_kopie_groot", disclosure.show(fmt.pct(k.loc[large, "pct"]), k.loc[large, "base"], ed.min_base))
    glue_text("richting_kopie_klein", compare_word(k.loc[large, "pct"], k.loc[small, "pct"], up="vaker",
                                           down="minder vaak", same="even vaak", decimals=0))
    order = [*sizes.values(), TOTAL]
    figure = fig.stacked_bars(data, y="group_label", category="label", x="shown",
                              category_order=list(cb.labels_short("origin").values()), order=order,
                              xlabel="")
    alt = fig.alt_text(data, f"de herkomst van de innovatie naar organisatiegrootte in {ed.year}",
                       label="label", value="shown", group="group_label", kind="Gestapeld staafdiagram")
    return FigureExhibit(
        name=_name("fig", "herkomst-grootte"),
        caption=f"Eigen innovatie, inspiratie of kopie, naar organisatiegrootte, {ed.year} (Figuur 2-8 in het rapport). " + interval_download_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "herkomst"), ed))


# ----------------------------------------------------------------------------- B1-2 .. B1-5 as figures
def _multiple_by_year(ed, question: str, what: str, caption: str, slug: str, key: str,
                      exclude_top: tuple[str, ...] = ()) -> FigureExhibit | Notice:
    cb = load_codebook()
    if not asked_years(ed, question):
        return Notice(f"De vraag naar {what} is in {ed.year} niet gesteld.", "note")
    data = freq_by_year(ed, question)
    order = list(dict.fromkeys(data["label"]))
    cur = data[(data["year"] == ed.year) & ~data["item"].isin(exclude_top)]
    top = cur.sort_values("pct", ascending=False, kind="stable")
    glue_text(f"{key}_top1", lower_first(top["label"].iloc[0]))
    glue_text(f"pct_{key}_top1", fmt.pct(top["pct"].iloc[0]))
    glue_text(f"{key}_top2", lower_first(top["label"].iloc[1]))
    glue_text(f"pct_{key}_top2", fmt.pct(top["pct"].iloc[1]))
    glue_text(f"n_{key}", fmt.num(cur["base"].iloc[0]))
    yrs = list(pd.unique(data["year"]))
    figure = fig.bar_shares(met_intervallen(data, ed), y="label", x="shown", hue="year", hue_order=yrs,
                            order=order, xlabel="Aandeel (meer antwoorden mogelijk)", legend_title="Meetjaar",
                            interval=BOUNDS)
    alt = fig.alt_text(data, what + " per meetjaar", label="label", value="shown", group="year")
    return FigureExhibit(name=_name("fig", slug), caption=f"{caption}. {whisker_note()}", alt=alt, figure=figure,
                         data=met_intervallen(_table(data, "label", "antwoord"), ed))


def figuur_kanalen(ed) -> FigureExhibit | Notice:
    """Channels through which adopters learned of the innovation, by year (Tabel B1-2).

    Base: innovators whose innovation (partly) builds on solutions elsewhere. Glued keys:
    ``kanaal_top1``, ``pct_kanaal_top1``, ``kanaal_top2``, ``pct_kanaal_top2``, ``n_kanaal``.
    """
    return _multiple_by_year(
        ed, "channel", "de kanalen waarlangs organisaties van de overgenomen innovatie hoorden",
        "Kanalen waarlangs de organisatie van de overgenomen innovatie hoorde, naar jaar; meer "
        "antwoorden mogelijk (Tabel B1-2 in het rapport)", "kanalen", "kanaal")


def figuur_initiatief(ed) -> FigureExhibit | Notice:
    """Who or what took the initiative for the innovation, by year (Tabel B1-3).

    Glued keys: ``initiatief_top1`` .. ``pct_initiatief_top2``, ``n_initiatief``,
    ``pct_technologie`` (initiative from available new technology).
    """
    ex = _multiple_by_year(
        ed, "initiative", "de herkomst van het initiatief voor de innovatie",
        "Initiatief of aanleiding voor de innovatie, naar jaar; meer antwoorden mogelijk "
        "(Tabel B1-3 in het rapport)", "initiatief", "initiatief")
    tech = statistic(ed.df, "init_technology", "pct", year=ed.year)
    glue_text("pct_init_technologie", fmt.pct(tech.value))
    return ex


def figuur_partners(ed) -> FigureExhibit | Notice:
    """Partners in developing or introducing the innovation, by year (Tabel B1-4).

    Glued keys: ``pct_geen_samenwerking``, ``pct_partner_privaat``, ``pct_partner_sector``,
    ``partner_top1`` .. (the most named partner, "no collaboration" left out).
    """
    ex = _multiple_by_year(
        ed, "partner", "de organisaties waarmee bij de innovatie is samengewerkt",
        "Samenwerkingspartners bij de innovatie, naar jaar; meer antwoorden mogelijk "
        "(Tabel B1-4 in het rapport)", "partners", "partner",
        exclude_top=("partner_none", "partner_dk"))
    for item, key in (("partner_none", "geen_samenwerking"), ("partner_private", "partner_privaat"),
                      ("partner_sector", "partner_sector")):
        glue_text(f"pct_{key}", fmt.pct(statistic(ed.df, item, "pct", year=ed.year).value))
    return ex


def figuur_fasen(ed) -> FigureExhibit | Notice:
    """Phases in which the partners took part, by year (Tabel B1-5); base: innovators who
    collaborated. Glued keys: ``fase_top1`` .. ``pct_fase_top2``, ``n_fase``."""
    return _multiple_by_year(
        ed, "partner_phase", "de fasen waarin samenwerkingspartners betrokken waren",
        "Fasen waarin de samenwerkingspartners betrokken waren, naar jaar; meer antwoorden "
        "mogelijk (Tabel B1-5 in het rapport)", "fasen", "fase")


# ----------------------------------------------------------------------------- Figuur 2-9
def figuur_initiatief_nl_dk(ed) -> FigureExhibit | Notice:
    """Figuur 2-9: a selection of initiators, the Netherlands (edition year) against Denmark.

    The selection is every initiative item for which ``denmark.csv`` has a Danish value;
    items without one are named in the alt text and the note. Glued keys:
    ``init_dk_vaker`` (items named more often in Denmark), ``init_nl_vaker``.
    """
    cb = load_codebook()
    dk = denmark.counterparts("initiative", ed.year)
    if not dk:
        glue_text("init_dk_vaker", fmt.NOT_ASKED)
        glue_text("init_nl_vaker", fmt.NOT_ASKED)
        glue_text("zin_init_dk", "Een Deense vergelijking van de aanleidingen is voor dit jaar niet mogelijk.")
        return Notice("Voor dit jaar zijn er geen Deense cijfers over het initiatief tot innovatie.", "note")
    nl = frequencies(ed.df, "initiative", years=ed.year).set_index("item")
    rows, dk_more, nl_more = [], [], []
    period = next(iter(dk.values()))["period"]
    for item, d in dk.items():
        label = cb.label(item)
        rows.append({"item": item, "label": label, "reeks": f"Nederland {ed.year}", "year": ed.year,
                     "count": nl.loc[item, "count"], "base": nl.loc[item, "base"], "pct": nl.loc[item, "pct"]})
        rows.append({"item": item, "label": label, "reeks": f"Denemarken {period}", "year": pd.NA,
                     "count": float("nan"), "base": float("nan"), "pct": d["value"]})
        (dk_more if d["value"] > nl.loc[item, "pct"] else nl_more).append(lower_first(label))
    data = pd.DataFrame(rows).astype({"year": "Int64"})
    glue_text("init_dk_vaker", join_nl(dk_more) or "geen van de genoemde aanleidingen")
    glue_text("init_nl_vaker", join_nl(nl_more) or "geen van de genoemde aanleidingen")
    parts = []
    if dk_more:
        parts.append(f"In Denemarken worden {join_nl(dk_more)} vaker als aanleiding genoemd dan in Nederland.")
    if nl_more:
        parts.append(f"In Nederland gaat het vaker om {join_nl(nl_more)}.")
    missing = [lower_first(cb.label(i)) for i in FIGUUR_2_9_ITEMS if i not in dk]
    if missing:
        parts.append(f"Voor {join_nl(missing)} is geen Deens cijfer beschikbaar; die ontbreken in de figuur.")
    glue_text("zin_init_dk", " ".join(parts))
    series = [f"Nederland {ed.year}", f"Denemarken {period}"]
    figure = fig.bar_shares(met_intervallen(data, ed), y="label", x="pct", hue="reeks", hue_order=series,
                            xlabel="Aandeel van de innovaties", legend_title=None, interval=BOUNDS)
    alt = fig.alt_text(data, "een selectie van aanleidingen tot innovatie in Nederland en Denemarken",
                       label="label", value="pct", group="reeks")
    if missing:
        alt += f" Zonder Deens cijfer, en daarom niet getoond: {join_nl(missing)}."
    return FigureExhibit(
        name=_name("fig", "initiatief-dk"),
        caption=("Selectie: meestgenoemde aanleidingen tot innovatie in Nederland en Denemarken "
                 "(Figuur 2-9 in het rapport). " + whisker_note("Denemarken")),
        alt=alt, figure=figure, data=met_intervallen(data.rename(
            columns={"pct": "percentage", "year": "jaar", "count": "aantal", "base": "basis"}), ed))


def financiering(ed) -> pd.Series:
    """Glue the share of innovations financed from the own budget, NL and DK.

    Glued keys: ``pct_eigen_budget``, ``pct_eigen_budget_dk``, ``zin_eigen_budget_dk``.
    """
    own = statistic(ed.df, "fund_own", "pct", year=ed.year)
    out = {"pct_eigen_budget": fmt.pct(own.value)}
    dk = denmark.counterparts("funding", ed.year).get("fund_own")
    if dk:
        out["pct_eigen_budget_dk"] = fmt.pct(dk["value"])
        word = compare_word(dk["value"], own.value, up="vaker", down="minder vaak", same="even vaak", decimals=0)
        out["zin_eigen_budget_dk"] = (f"Nederlandse organisaties financieren hun innovatie daarmee {word} "
                                      f"uit eigen middelen dan Deense ({fmt.pct(dk['value'])}).")
        if dk.get("reliability") == "unverified":
            out["zin_eigen_budget_dk"] += (" Dat Deense cijfer neemt het rapport over; in de Deense bronnen"
                                           " zelf is het niet teruggevonden.")
    else:
        out["pct_eigen_budget_dk"] = fmt.NOT_ASKED
        out["zin_eigen_budget_dk"] = "Een Deens cijfer over financiering uit eigen middelen is er voor dit jaar niet."
    for k, v in out.items():
        glue_text(k, v)
    return pd.Series(out, name="financiering")


# ----------------------------------------------------------------------------- Figuur 2-11
def figuur_technologie(ed) -> FigureExhibit:
    """Figuur 2-11: technology content of the innovation, by year (base: innovators).

    Glued keys: ``pct_tech_geheel``, ``pct_tech_belangrijk``, ``pct_tech_klein``,
    ``pct_tech_geen`` (with ``_vorig`` and ``richting_`` variants), ``pct_tech_klein_of_geen``.
    """
    cb = load_codebook()
    labels = cb.labels("tech_content")
    data = freq_by_year(ed, "tech_content")
    data["jaar"] = data["year_label"]
    for code, key in ((1, "tech_geheel"), (2, "tech_belangrijk"), (3, "tech_klein"), (4, "tech_geen")):
        _by_year_glue(data, ed, "code", code, key)
    small = statistic(ed.df, "tech_content", "pct", codes=[3, 4], year=ed.year)
    glue_text("pct_tech_klein_of_geen", fmt.pct(small.value))
    figure = fig.stacked_bars(data, y="jaar", category="label", x="shown",
                              category_order=list(labels.values()), order=_year_order(data),
                              xlabel="")
    alt = fig.alt_text(data, "het technologisch gehalte van de innovaties per meetjaar", label="label",
                       value="shown", group="year", kind="Gestapeld staafdiagram")
    return FigureExhibit(
        name=_name("fig", "technologie"),
        caption="Technologisch gehalte van de innovaties, naar jaar (Figuur 2-11 in het rapport). " + interval_download_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "technologisch gehalte"), ed))


def tabel_technologie_vergelijkingen(ed) -> TableExhibit:
    """Share of innovations wholly or largely technological: NL against DK, and
    kerndepartementen against the executive organisations (diensten, agentschappen, zbo's).

    Glued keys: ``pct_tech_hoog``, ``pct_tech_hoog_dk``, ``richting_tech_dk`` ("hoger"/
    "lager"), ``pct_tech_kerndep``, ``pct_tech_uitvoering``, ``n_tech_kerndep``,
    ``n_tech_uitvoering``, ``richting_tech_kerndep``.

    Returns
    -------
    TableExhibit
        One row per comparison group (Nederland, kerndepartementen, uitvoering, Denemarken
        when ``denmark.csv`` has the figure) with the share and its base.
    """
    cb = load_codebook()
    nt = cb.labels("national_type")
    nl = statistic(ed.df, "tech_content", "pct", codes=[1, 2], year=ed.year)
    kd = statistic(ed.df, "tech_content", "pct", codes=[1, 2], group_var="national_type", group=1, year=ed.year)
    uv = statistic(ed.df, "tech_content", "pct", codes=[1, 2], group_var="national_type", group=[2, 3], year=ed.year)
    dk = denmark.counterparts("tech_content", ed.year)
    dk_hi = dk.get("tech_content_1|2") or None
    glue_text("pct_tech_hoog", fmt.pct(nl.value))
    if dk_hi:
        glue_text("pct_tech_hoog_dk", fmt.pct(dk_hi["value"]))
        word = compare_word(dk_hi["value"], nl.value, up="hoger", down="lager", same="even hoog", decimals=0)
        glue_text("richting_tech_dk", word)
        glue_text("zin_tech_dk", f"Dat is {word} dan in Denemarken ({fmt.pct(dk_hi['value'])}, periode {dk_hi['period']}).")
    else:
        glue_text("pct_tech_hoog_dk", fmt.NOT_ASKED)
        glue_text("richting_tech_dk", "niet te vergelijken")
        glue_text("zin_tech_dk", "Een vergelijkbaar Deens cijfer is er voor dit jaar niet.")
    glue_text("pct_tech_kerndep", disclosure.show(fmt.pct(kd.value), kd.base_n, ed.min_base))
    glue_text("pct_tech_uitvoering", disclosure.show(fmt.pct(uv.value), uv.base_n, ed.min_base))
    glue_text("n_tech_kerndep", fmt.num(kd.base_n))
    glue_text("n_tech_uitvoering", fmt.num(uv.base_n))
    glue_text("richting_tech_kerndep", compare_word(uv.value, kd.value, up="hoger", down="lager",
                                            same="even hoog", decimals=0))
    rows = [("Nederland", nl), (nt[1], kd), (uitvoering_label(), uv)]
    out = pd.DataFrame({"groep": [r[0] for r in rows], "percentage": [r[1].value for r in rows],
                        "basis": [r[1].base_n for r in rows]})
    if dk_hi:
        out.loc[len(out)] = [f"Denemarken {dk_hi['period']}", dk_hi["value"], float("nan")]
    display = pd.DataFrame({
        "Groep": out["groep"],
        "Geheel of grotendeels technologisch": [
            disclosure.show(fmt.pct(v), n, ed.min_base) if not fmt.is_missing(n) else fmt.pct(v)
            for v, n in zip(out["percentage"], out["basis"])],
        "Totaal (n)": out["basis"].map(lambda n: fmt.num(n) if not fmt.is_missing(n) else fmt.NOT_ASKED),
    })
    notes = ["Basis: organisaties met een innovatie. Geheel of grotendeels technologisch: de antwoorden "
             f"{lower_first(cb.labels('tech_content')[1])} en {lower_first(cb.labels('tech_content')[2])}."]
    if not dk_hi:
        notes.append("Voor Denemarken is voor dit jaar geen vergelijkbaar cijfer beschikbaar.")
    return TableExhibit(name=_name("tbl", "technologie-vergelijking"),
                        caption=f"Aandeel geheel of grotendeels technologische innovaties, {ed.year}",
                        frame=display, notes=notes, data=met_intervallen(out, ed))


# ----------------------------------------------------------------------------- Figuur 2-10
def figuur_strategie(ed) -> FigureExhibit:
    """Figuur 2-10: innovation strategy, by year (base: innovators).

    Glued keys: ``pct_strat_<1..5>`` with ``_vorig``/``richting_``, ``sig_strategie``,
    ``p_strategie``, ``claim_strategie`` (the report: differences small and not significant).
    """
    cb = load_codebook()
    data = freq_by_year(ed, "strategy")
    data["label"] = data["code"].map(cb.labels_short("strategy"))
    for code in cb.labels("strategy"):
        _by_year_glue(data, ed, "code", code, f"strat_{code}")
    _glue_no_difference_claim(ed, data, "strategy", "strategie")
    yrs = list(pd.unique(data["year"]))
    figure = fig.bar_shares(met_intervallen(data, ed), y="label", x="shown", hue="year", hue_order=yrs,
                            xlabel="Aandeel van de innovaties", legend_title="Meetjaar", interval=BOUNDS)
    alt = fig.alt_text(data, "de gevolgde innovatiestrategie per meetjaar", label="label",
                       value="shown", group="year")
    return FigureExhibit(
        name=_name("fig", "strategie"),
        caption="Gevolgde innovatiestrategie, naar jaar (Figuur 2-10 in het rapport). " + whisker_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "strategie"), ed))


def figuur_strategie_naar_grootte(ed) -> FigureExhibit:
    """Innovation strategy by size class (edition year).

    Glued keys: ``pct_strat_1_klein`` (stakeholders, small organisations),
    ``grootte_radar_hoogst`` (size class with the highest share "onder de radar"),
    ``grootte_expert_hoogst``.
    """
    cb = load_codebook()
    data = _by_group(ed, "strategy", "size_class", short=True)
    sizes = cb.labels("size_class")
    g = data[data["group"] != TOTAL]
    s1 = g[(g["code"] == 1) & (g["group"] == min(sizes))]
    glue_text("pct_strat_1_klein", disclosure.show(fmt.pct(s1["pct"].iloc[0]), s1["base"].iloc[0], ed.min_base)
              if len(s1) else fmt.NOT_ASKED)
    for code, key in ((2, "radar"), (4, "expert")):
        sub = g[g["code"] == code].dropna(subset=["shown"])
        glue_text(f"grootte_{key}_hoogst", lower_first(sub.loc[sub["pct"].idxmax(), "group_label"]) if len(sub)
                  else "geen enkele grootteklasse (te weinig waarnemingen)")
    order = [*sizes.values(), TOTAL]
    figure = fig.stacked_bars(data, y="group_label", category="label", x="shown",
                              category_order=list(cb.labels_short("strategy").values()), order=order,
                              xlabel="")
    alt = fig.alt_text(data, f"de gevolgde innovatiestrategie naar organisatiegrootte in {ed.year}",
                       label="label", value="shown", group="group_label", kind="Gestapeld staafdiagram")
    return FigureExhibit(
        name=_name("fig", "strategie-grootte"),
        caption=f"Gevolgde innovatiestrategie, naar organisatiegrootte, {ed.year}. " + interval_download_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "strategie"), ed))


def figuur_strategie_rijk(ed) -> FigureExhibit:
    """Innovation strategy in the national government: kerndepartementen against the
    executive organisations (diensten, agentschappen and zbo's together), edition year.

    Glued keys: ``pct_spotlights_kerndep``, ``pct_spotlights_uitvoering``,
    ``pct_expert_kerndep``, ``pct_expert_uitvoering``, ``n_strat_kerndep``,
    ``n_strat_uitvoering``.
    """
    cb = load_codebook()
    nt = cb.labels("national_type")
    short = cb.labels_short("strategy")
    groups = [(nt[1], 1, "kerndep"), (uitvoering_label(), [2, 3], "uitvoering")]
    rows = []
    for label, codes, key in groups:
        for code, lab in short.items():
            r = statistic(ed.df, "strategy", "pct", codes=code, group_var="national_type", group=codes, year=ed.year)
            rows.append({"group_label": label, "code": code, "label": lab, "count": r.count,
                         "base": r.base_n, "pct": r.value,
                         "shown": r.value if r.base_n >= ed.min_base else float("nan")})
        glue_text(f"n_strat_{key}", fmt.num(rows[-1]["base"]))
    data = pd.DataFrame(rows)
    idx = data.set_index(["group_label", "code"])
    for label, _codes, key in groups:
        base = idx.loc[(label, 1), "base"]
        glue_text(f"pct_spotlights_{key}", disclosure.show(fmt.pct(idx.loc[(label, 3), "pct"]), base, ed.min_base))
        glue_text(f"pct_expert_{key}", disclosure.show(fmt.pct(idx.loc[(label, 4), "pct"]), base, ed.min_base))
    figure = fig.stacked_bars(data, y="group_label", category="label", x="shown",
                              category_order=list(short.values()), order=[g[0] for g in groups],
                              xlabel="")
    alt = fig.alt_text(data, f"de gevolgde innovatiestrategie bij kerndepartementen en in de uitvoering in {ed.year}",
                       label="label", value="shown", group="group_label", kind="Gestapeld staafdiagram")
    return FigureExhibit(
        name=_name("fig", "strategie-rijk"),
        caption=f"Gevolgde innovatiestrategie binnen de nationale overheid, {ed.year}. " + interval_download_note(),
        alt=alt, figure=figure, data=met_intervallen(_table(data, "label", "strategie"), ed))


def kerncijfers(ed) -> pd.Series:
    """Glue the bases and question wordings the chapter's text refers to.

    Glued keys: ``jaar``, ``jaar_vorig`` ("-" without comparison), ``n_organisaties``,
    ``n_innovators``, ``vraag_herkomst``, ``vraag_technologie``, ``vraag_strategie``,
    ``vraag_initiatief``, ``vraag_financiering``.
    """
    cb = load_codebook()
    prev = ed.previous_year
    inn = statistic(ed.df, "origin", "n", year=ed.year)
    out = {
        "jaar": year_label(ed.year),
        "jaar_vorig": year_label(prev) if prev else fmt.NOT_ASKED,
        "n_organisaties": fmt.num(statistic(ed.df, "innovated", "n", year=ed.year).base_n),
        "n_innovators": fmt.num(inn.base_n),
        "vraag_herkomst": cb.label("origin"),
        "vraag_technologie": cb.label("tech_content"),
        "vraag_strategie": cb.label("strategy"),
        "vraag_initiatief": cb.label("initiative"),
        "vraag_financiering": cb.label("funding"),
    }
    for k, v in out.items():
        glue_text(k, v)
    return pd.Series(out, name="kerncijfers")


#: Issue 10: the glue of this module is not yet taken from disclosed frames (see barometer.presentation.glue).
GLUE_UNCHECKED = True
