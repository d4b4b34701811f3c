"""Exhibits of the chapter *Verantwoording* (methods).

The survey and its response (``data/editions.yaml``), the codebook (``data/codebook.yaml``
via :mod:`barometer.data.codebook`), the scales and clusters with their reliability and loadings
(:mod:`barometer.analysis.scales`), the logistic regressions (:mod:`barometer.analysis.models`), the synthetic
data (the sidecar of the respondent file), how many published numbers the data reproduce
(:func:`barometer.presentation.published.check_figures`), the report's claims
(:func:`barometer.presentation.claims.evaluate_claims`), the registers of assumptions and conflicts
(``data/registers/``) and the Danish comparison figures (``data/external/denmark.csv``).

Every exhibit is declared (:mod:`barometer.presentation.declaration`): the pipeline computes its
frame, applies the disclosure policy (:func:`barometer.presentation.exhibit.disclose`) and builds
the table, its notes and its download from the disclosed frame only. Tables of metadata (the
codebook, the registers, the sources) hold no figure of respondents and pass the policy
unchanged; the tables of scales, clusters, models and the weighting sensitivity show a cell
only where the policy releases it. Every function takes an
:class:`~barometer.book.edition.Edition`; key figures are glued as released Dutch strings by
:func:`kerncijfers` and :func:`geheimhouding`.
"""
from __future__ import annotations

import pandas as pd

from barometer.data import denmark, paths
from barometer.presentation import declaration, disclosure, linked
from barometer.presentation import formatting as fmt
from barometer.presentation.claims import REPORT_YEAR, evaluate_claims
from barometer.presentation.phrasing import verdict
from barometer.data.codebook import load_codebook
from barometer.presentation.exhibit import Disclosed, Notice
from barometer.presentation.phrasing import cached, data_sentence, register
from barometer.presentation.phrasing import join_nl, years_text
from barometer.presentation.disclosure import metadata, public, release
from barometer.presentation.glue import glue_texts
from barometer.analysis.models import EFFECT_MODEL, EFFECT_OUTCOMES, INNOVATION_MODEL, ModelError, effect_model, innovation_model
from barometer.presentation.published import check_figures, read_figures
from barometer.analysis.scales import reliability
from barometer.analysis.statistics import frequencies

__all__ = [
    "SLUG",
    "SCALES",
    "TYPE_LABELS",
    "published_check",
    "claims",
    "kerncijfers",
    "tabel_codeboek",
    "tabel_afgeleid",
    "tabel_betrouwbaarheid",
    "tabel_ladingen",
    "tabel_clusters",
    "tabel_modellen",
    "tabel_gepubliceerd",
    "tabel_afwijkingen",
    "tabel_claims",
    "tabel_aannames",
    "tabel_conflicten",
    "tabel_denemarken",
    "weging",
    "tabel_weging",
    "geheimhouding",
    "CODEBOEK",
    "AFGELEID",
    "BETROUWBAARHEID",
    "LADINGEN",
    "CLUSTERS",
    "MODELLEN",
    "GEPUBLICEERD",
    "AFWIJKINGEN",
    "CLAIMS",
    "AANNAMES",
    "CONFLICTEN",
    "DENEMARKEN",
    "WEGING",
    "weging_glue",
]

SLUG = "verantwoording"
#: Derived scales whose reliability the report discusses.
SCALES: tuple[str, ...] = ("climate_scale", "conditions_scale", "human_capital")
#: Dutch names of the codebook's question types.
TYPE_LABELS = {"id": "identificatie", "single": "enkele keuze", "yesno": "ja/nee",
               "multiple": "meer antwoorden mogelijk", "likert": "schaal 1–5", "derived": "afgeleid"}
_STATUS = {"ok": "gelijk", "mismatch": "afwijkend", "conflict": "conflict (verklaard)",
           "not_computable": "niet berekenbaar"}


def _years(ed) -> list[int]:
    return sorted(ed.frames)


# ----------------------------------------------------------------------------- analyses
def published_check(ed) -> pd.DataFrame:
    """:func:`barometer.presentation.published.check_figures` over the edition's years (cached per edition).

    Returns
    -------
    DataFrame
        The published rows of the edition's and comparison years with ``computed``,
        ``shown``, ``ok`` and ``status`` (see :func:`barometer.presentation.published.check_figures`).
    """
    return cached(ed, "published-check",
                  lambda: check_figures(ed.all_years, read_figures(), years=_years(ed)))


def claims(ed) -> pd.DataFrame:
    """:func:`barometer.presentation.claims.evaluate_claims` for the edition (cached per edition).

    The comparison year is the most recent earlier measurement; without one, claims about a
    difference between years cannot be tested (``holds`` is ``<NA>``).
    """
    comp = ed.previous_year if ed.previous_year is not None else ed.year
    return cached(ed, "claims", lambda: evaluate_claims(ed.frames, year=ed.year, comparison_year=comp))


# ----------------------------------------------------------------------------- key figures
def kerncijfers(ed) -> dict[str, str]:
    """Glue the chapter's figures and return them.

    Glued keys
    ----------
    Survey: ``jaar``, ``periode``, ``veldwerk``, ``respons``, ``n``, ``metingen``.
    Codebook: ``n_vragen``, ``n_kolommen``, ``n_afgeleid``.
    Clusters: ``grens_krachtig``, ``grens_beperkt``.
    Synthetic data: ``databron``, ``generator``, ``generator_versie``, ``seed``, ``solver``,
    ``solver_versie``, ``doelen_hash``.
    Published numbers: ``pub_totaal``, ``pub_gelijk``, ``pub_conflict``, ``pub_afwijkend``,
    ``pub_niet_berekenbaar``, ``pub_berekenbaar``, ``pub_zin``.
    Claims: ``claims_totaal``, ``claims_getoetst``, ``claims_houdt``, ``claims_niet``,
    ``claims_onbeslist`` (claims of no difference the data neither confirm nor refute),
    ``claims_onbeslist_lijst``, ``claims_zonder_toets``, ``claims_niet_lijst`` (ids of the claims
    that do not hold, or "geen"), ``claims_regel_geen_verschil`` (the rule for claims of no
    difference, with the margins of :data:`barometer.presentation.claims.MARGINS`).
    Registers: ``n_aannames``, ``n_conflicten``. Denmark: ``dk_cijfers``, ``dk_bronnen``.
    Weighting: ``weging_max_verschil``, ``weging_max_cijfer``, ``weging_bi_alle``,
    ``weging_pakket`` (see :func:`weging_glue`).
    """
    cb = load_codebook()
    meta = ed.meta
    prov = ed.provenance
    th = cb.derived("climate_cluster").thresholds
    chk = published_check(ed)
    st = chk["status"].value_counts()
    n_pub = int(len(chk))
    n_ok = int(st.get("ok", 0))
    n_computable = n_pub - int(st.get("not_computable", 0))
    if n_pub:
        pub_zin = (f"Van de {fmt.num(n_computable)} gepubliceerde cijfers over {years_text(_years(ed))} die uit een "
                   f"respondentbestand te berekenen zijn, komen er {fmt.num(n_ok)} na afronding precies terug.")
    else:
        pub_zin = f"Voor de meting van {ed.year} zijn geen gepubliceerde cijfers vastgelegd om mee te vergelijken."
    cl = claims(ed)
    undecided = cl["verdict"].astype(str).str.startswith(verdict("undecided", bound="")[:9])
    tested = cl["holds"].notna() | undecided
    dk = pd.read_csv(denmark.PATH)
    out = {
        "jaar": str(ed.year),
        "periode": str(meta.get("period", "")),
        "veldwerk": str(meta.get("fieldwork", "")),
        "respons": public(fmt.pct(meta["response_rate"])) if meta.get("response_rate") is not None else "onbekend",
        "n": public(fmt.num(len(ed.df))),
        "metingen": years_text(_years(ed)),
        "n_vragen": metadata(fmt.num(sum(1 for v in cb.variables.values() if v.type != "id"))),
        "n_kolommen": metadata(fmt.num(len(cb.columns()))),
        "n_afgeleid": metadata(fmt.num(len(cb.derived_variables))),
        "grens_krachtig": metadata(fmt.dec(th.get("strong_min"), 1)),
        "grens_beperkt": metadata(fmt.dec(th.get("limited_below"), 1)),
        "databron": data_sentence(ed),
        "generator": str(prov.get("generator", "onbekend")),
        "generator_versie": metadata(str(prov.get("generator_version", "onbekend"))),
        "seed": metadata(str(prov.get("seed", "onbekend"))),
        "solver": str(prov.get("solver", "onbekend")),
        "solver_versie": metadata(str(prov.get("solver_version", "onbekend"))),
        "doelen_hash": str(prov.get("targets_sha256", "onbekend"))[:12],
        "pub_totaal": metadata(fmt.num(n_pub)),
        "pub_gelijk": metadata(fmt.num(n_ok)),
        "pub_conflict": metadata(fmt.num(int(st.get("conflict", 0)))),
        "pub_afwijkend": metadata(fmt.num(int(st.get("mismatch", 0)))),
        "pub_niet_berekenbaar": metadata(fmt.num(int(st.get("not_computable", 0)))),
        "pub_berekenbaar": metadata(fmt.num(n_computable)),
        "pub_zin": metadata(pub_zin),
        "claims_totaal": metadata(fmt.num(len(cl))),
        "claims_getoetst": metadata(fmt.num(int(tested.sum()))),
        "claims_houdt": metadata(fmt.num(int(cl["holds"].fillna(False).astype(bool).sum()))),
        "claims_niet": metadata(fmt.num(int((cl["holds"].notna() & ~cl["holds"].fillna(True).astype(bool)).sum()))),
        "claims_onbeslist": metadata(fmt.num(int(undecided.sum()))),
        "claims_onbeslist_lijst": metadata(join_nl(list(cl.loc[undecided, "claim_id"].astype(str))) or "geen"),
        "claims_regel_geen_verschil": metadata(no_difference_rule()),
        "claims_zonder_toets": metadata(fmt.num(int((~tested).sum()))),
        "claims_niet_lijst": (join_nl(list(cl.loc[tested & ~cl["holds"].fillna(True).astype(bool), "claim_id"].astype(str)))
                              or "geen"),
        "n_aannames": metadata(fmt.num(len(register("assumptions")))),
        "n_conflicten": metadata(fmt.num(len(register("conflicts")))),
        "dk_cijfers": metadata(fmt.num(len(dk))),
        "dk_bronnen": metadata(fmt.num(dk["source_url"].nunique())),
    }
    out.update(weging_glue(ed))
    return glue_texts(out)


def _metadata_table(what: str, compute, caption, notes, download=None) -> declaration.Table:
    """A declared table of metadata (codebook, registers, sources, checks of the report).

    Its frame holds no figure of respondents (no base column), so the disclosure step passes
    it unchanged and it is shown as computed; the download is the computed frame unless
    ``download`` says otherwise.
    """
    return declaration.Table(name=f"tbl-{SLUG}-{what}", compute=compute, tabulate=lambda ed, d: d.frame,
                             caption=caption, notes=notes, download=download)


def _cells(d: Disclosed, column: str, format=None) -> list[disclosure.Released]:
    """Every cell of ``column`` of the disclosed frame as released text (the symbol where hidden)."""
    return [d.cell(i, column, format) for i in range(len(d.frame))]


def _hidden(text: disclosure.Released) -> bool:
    """Whether a released cell is the symbol of a cell the policy hides."""
    return getattr(text, "reason", "shown") in ("primary", "secondary")


# ----------------------------------------------------------------------------- codebook
def _codeboek(ed) -> pd.DataFrame:
    """One row per question (identification columns left out): variable, question, type, who
    was asked, years; items of a battery are counted, not listed."""
    cb = load_codebook()
    rows = []
    for v in cb.variables.values():
        if v.type == "id" or v.name == cb.year_column:
            continue
        rows.append({"Variabele": v.name, "Vraag": v.question,
                     "Type": TYPE_LABELS.get(v.type, v.type) + (f" ({len(v.items)} items)" if v.items else ""),
                     "Gesteld aan": cb.routings[v.routing].label, "Gemeten in": years_text(v.years)})
    return pd.DataFrame(rows)


#: The codebook as a table (``tbl-verantwoording-codeboek``): variable, question, type, who was
#: asked, years.
CODEBOEK = _metadata_table(
    "codeboek", _codeboek,
    caption=lambda ed, d: f"Codeboek: de vragen van de barometer ({years_text(load_codebook().years)})",
    notes=lambda ed, d: [f"Bron: data/codebook.yaml (versie {load_codebook().meta.get('version', '?')}). "
                         "Vraagformuleringen zijn een eigen parafrase van de beschrijvingen in het rapport. "
                         f"Deze editie gebruikt de metingen van {years_text(_years(ed))}."],
)
tabel_codeboek = CODEBOEK


def _afgeleid(ed) -> pd.DataFrame:
    return pd.DataFrame([{"Variabele": d.name, "Omschrijving": d.label, "Definitie": d.definition,
                          "Aannames": ", ".join(d.assumptions) or "-"}
                         for d in load_codebook().derived_variables.values()])


#: Derived variables (spectrum, scales, clusters) with their definitions.
AFGELEID = _metadata_table(
    "afgeleid", _afgeleid, caption=lambda ed, d: "Afgeleide variabelen en hun definitie",
    notes=lambda ed, d: ["Bron: data/codebook.yaml; de aannames staan in het register hieronder."])
tabel_afgeleid = AFGELEID


# ----------------------------------------------------------------------------- scales
def _reliabilities(ed) -> pd.DataFrame:
    """Reliability per scale and year: ``scale``, ``label``, ``year``, ``items``, ``n``
    (complete cases, the base), ``alpha``, ``explained`` (% variance of the first component),
    ``min_loading`` (cached per edition)."""
    def compute():
        cb = load_codebook()
        rows = []
        for scale in SCALES:
            for y in _years(ed):
                if not cb.is_asked(scale, y):
                    continue
                r = reliability(ed.frames[y], scale, y, cb)
                rows.append({"scale": scale, "label": cb.derived(scale).label, "year": y,
                             "items": len(cb.derived(scale).items), "n": r.n, "alpha": r.alpha,
                             "explained": 100 * r.explained, "min_loading": float(r.items["loading"].min())})
        return pd.DataFrame(rows)

    return cached(ed, "reliabilities", compute)


def _betrouwbaarheid(ed, d: Disclosed) -> pd.DataFrame:
    from barometer.presentation.claims import MIN_RELIABILITY

    f = d.frame
    alpha = _cells(d, "alpha", fmt.dec)
    return pd.DataFrame({
        "Schaal": f["label"], "Meting": f["year"].astype(str), "Items": f["items"].map(fmt.num),
        "n": _cells(d, "n"), "Cronbachs alfa": alpha,
        "Verklaarde variantie": _cells(d, "explained", fmt.pct), "Laagste lading": _cells(d, "min_loading", fmt.dec),
        "Betrouwbaar": [a if _hidden(a) else ("ja" if v >= MIN_RELIABILITY else "nee") for a, v in zip(alpha, f["alpha"])],
    })


def _betrouwbaarheid_noten(ed, d: Disclosed) -> list[str]:
    from barometer.presentation.claims import MIN_RELIABILITY

    return [f"Betrouwbaar: Cronbachs alfa van minstens {fmt.dec(MIN_RELIABILITY, 1)}. Verklaarde variantie en "
            "ladingen: eerste hoofdcomponent van de items. Alleen organisaties die alle items van een schaal "
            "beantwoordden."]


#: Cronbach's alpha, explained variance and lowest loading per scale and year
#: (``tbl-verantwoording-betrouwbaarheid``); data: :func:`_reliabilities`. A scale whose
#: complete cases are below the threshold shows the symbol.
BETROUWBAARHEID = declaration.Table(
    name=f"tbl-{SLUG}-betrouwbaarheid", compute=_reliabilities, tabulate=_betrouwbaarheid,
    caption=lambda ed, d: f"Betrouwbaarheid van de schalen ({years_text(_years(ed))})",
    notes=_betrouwbaarheid_noten,
)
tabel_betrouwbaarheid = BETROUWBAARHEID


def _items(ed) -> pd.DataFrame:
    """Items of each scale in the edition's year: ``item``, ``label``, ``item_rest_r``,
    ``alpha_if_deleted``, ``loading``, ``scale``, ``scale_label``, ``n`` (complete cases of the
    scale, the base of its loadings), ``year``."""
    cb = load_codebook()
    parts = []
    for scale in SCALES:
        if not cb.is_asked(scale, ed.year):
            continue
        r = reliability(ed.df, scale, ed.year, cb)
        parts.append(r.items.assign(scale=scale, scale_label=cb.derived(scale).label, n=r.n))
    return pd.concat(parts, ignore_index=True).assign(year=ed.year)


#: Items of each scale in the edition's year: loading, item-rest correlation, alpha without the item.
LADINGEN = declaration.Table(
    name=f"tbl-{SLUG}-ladingen", compute=_items,
    tabulate=lambda ed, d: pd.DataFrame({
        "Schaal": d.frame["scale_label"], "Item": d.frame["label"], "Lading": _cells(d, "loading", fmt.dec),
        "Item-restcorrelatie": _cells(d, "item_rest_r", fmt.dec),
        "Alfa zonder dit item": _cells(d, "alpha_if_deleted", fmt.dec)}),
    caption=lambda ed, d: f"Items van de schalen: ladingen en samenhang ({ed.year})",
    notes=lambda ed, d: ["Ladingen op de eerste hoofdcomponent van de items van elke schaal."],
)
tabel_ladingen = LADINGEN


def _clusters(ed) -> pd.DataFrame:
    """:func:`barometer.analysis.statistics.frequencies` of ``climate_cluster`` over the edition's years."""
    return frequencies(ed.all_years, "climate_cluster", years=_years(ed), codebook=load_codebook())


def _clusters_tabel(ed, d: Disclosed) -> pd.DataFrame:
    cb = load_codebook()
    th = cb.derived("climate_cluster").thresholds
    rule = {1: f"schaalscore {fmt.dec(th.get('strong_min'), 1)} of hoger",
            3: f"schaalscore lager dan {fmt.dec(th.get('limited_below'), 1)}",
            2: "alle andere organisaties met een schaalscore"}
    labels = cb.labels("climate_cluster")
    frame = pd.DataFrame({"Groep": [labels[c] for c in labels], "Regel": [rule.get(c, "") for c in labels]})
    f = d.frame
    for y in _years(ed):
        row = {int(c): i for i, (yy, c) in enumerate(zip(f["year"], f["code"])) if int(yy) == y}
        frame[f"{y}"] = [d.cell(row[c], "pct") if c in row else fmt.NOT_ASKED for c in labels]
    return frame


def _clusters_noten(ed, d: Disclosed) -> list[str]:
    n = d.frame.groupby("year")["base"].max()
    return ["Basis: " + "; ".join(f"{y}: n = {fmt.num(n[y])}" for y in n.index) + ". Grenzen: aanname A03."]


#: Climate clusters: the rule from the codebook and the share of organisations per year.
CLUSTERS = declaration.Table(
    name=f"tbl-{SLUG}-clusters", compute=_clusters, tabulate=_clusters_tabel, notes=_clusters_noten,
    caption=lambda ed, d: ("Indeling in drie groepen naar innovatieklimaat (% van de organisaties met een "
                           f"schaalscore; {years_text(_years(ed))})"),
)
tabel_clusters = CLUSTERS


# ----------------------------------------------------------------------------- models
def _predictors(names, categorical) -> str:
    """``size_class, sector (referentie: Gemeente), ...``: predictor names with reference categories."""
    cb = load_codebook()
    out = []
    for p in names:
        if p in categorical:
            ref = categorical[p]
            out.append(f"{p} (referentie: {cb.labels_short(p).get(ref, cb.labels(p).get(ref, ref))})")
        else:
            out.append(p)
    return ", ".join(out)


def _fmt_stat(value, statistic: str, decimals) -> str:
    """A published or computed number as the report prints it."""
    d = 0 if decimals is None or pd.isna(decimals) else int(decimals)
    if statistic in ("pct", "response_rate"):
        return fmt.pct(value, d)
    if statistic == "pp_diff":
        return fmt.pp(value, d, signed=True)
    if statistic in ("n", "count"):
        return fmt.num(value)
    return fmt.dec(value, d)


def _models(ed) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The report's logistic regressions fitted on the edition's data (cached per edition).

    Returns
    -------
    (DataFrame, DataFrame or None)
        One row per model: ``outcome``, ``label``, ``predictors`` (with reference
        categories), ``fitted``, ``n`` (complete cases, the base), ``count`` (cases with the
        outcome), ``pseudo_r2`` (McFadden), ``llr_p`` (likelihood-ratio test), ``remark``;
        and the coefficient tables of the fitted models (odds ratios with intervals; the
        download), or None when no model could be fitted.
    """
    def compute():
        cb = load_codebook()
        specs = [("innovated", "Innovatie ingevoerd (ja)", INNOVATION_MODEL["predictors"],
                  INNOVATION_MODEL["categorical"], lambda: innovation_model(ed.df, ed.year, codebook=cb))]
        for eff in EFFECT_OUTCOMES:
            specs.append((eff, f"{cb.label(eff)}: {cb.labels(eff).get(1, 'positief')}", EFFECT_MODEL["predictors"],
                          EFFECT_MODEL["categorical"], (lambda e=eff: effect_model(ed.df, e, ed.year, codebook=cb))))
        rows, coefs = [], []
        for outcome, label, preds, cats, fit in specs:
            row = {"outcome": outcome, "label": label, "predictors": _predictors(preds, cats), "fitted": False,
                   "n": float("nan"), "count": float("nan"), "pseudo_r2": float("nan"), "llr_p": float("nan")}
            if not cb.is_asked(outcome, ed.year):
                rows.append({**row, "remark": f"niet gevraagd in {ed.year}"})
                continue
            try:
                res = fit()
            except ModelError as exc:
                rows.append({**row, "remark": str(exc)})
                continue
            dropped = "; ".join(f"{p}: {', '.join(cb.labels(p).get(k, str(k)) for k in lv)} weggelaten (n < 5)"
                                for p, lv in res.dropped.items())
            rows.append({**row, "fitted": True, "n": res.n, "count": res.n_positive, "pseudo_r2": res.pseudo_r2,
                         "llr_p": res.llr_p, "remark": dropped or "-"})
            coefs.append(res.table.assign(outcome=outcome, n=res.n, pseudo_r2=res.pseudo_r2))
        return pd.DataFrame(rows), (pd.concat(coefs, ignore_index=True) if coefs else None)

    return cached(ed, "models", compute)


def _p_text(p: float) -> str:
    return fmt.dec(p, 3) if p >= 0.001 else "< 0,001"


def _modellen_tabel(ed, d: Disclosed) -> pd.DataFrame:
    f = d.frame
    rows = []
    for i in range(len(f)):
        row = {"Uitkomst": f.at[i, "label"], "Verklarende variabelen": f.at[i, "predictors"], "n": "-",
               "Met uitkomst": "-", "Pseudo-R²": "-", "p (LR-toets)": "-", "Opmerking": f.at[i, "remark"]}
        if bool(f.at[i, "fitted"]):
            n = f.at[i, "n"]
            row.update({"n": d.cell(i, "n"), "Met uitkomst": d.cell(i, "count", fmt.num),
                        "Pseudo-R²": release(fmt.dec(f.at[i, "pseudo_r2"]), n, ed.min_base),
                        "p (LR-toets)": release(_p_text(f.at[i, "llr_p"]), n, ed.min_base)})
        rows.append(row)
    return pd.DataFrame(rows)


#: The report's logistic regressions as fitted on the edition's data: outcome, predictors with
#: reference categories, n, n with the outcome, McFadden's pseudo R², p of the likelihood-ratio
#: test; the download holds the odds ratios with their intervals.
MODELLEN = declaration.Table(
    name=f"tbl-{SLUG}-modellen", compute=lambda ed: _models(ed)[0], tabulate=_modellen_tabel,
    download=lambda data, ed: _models(ed)[1],
    caption=lambda ed, d: f"Logistische regressies van het rapport, geschat op de gegevens van {ed.year}",
    notes=lambda ed, d: ["Logit (statsmodels), complete gevallen; odds ratio's met 95%-betrouwbaarheidsintervallen "
                         "staan in de hoofdstukken en in de download. Categorieën met minder dan vijf organisaties "
                         "worden weggelaten."],
)
tabel_modellen = MODELLEN


# ----------------------------------------------------------------------------- published numbers
def _gepubliceerd(ed, d: Disclosed) -> pd.DataFrame:
    chk = d.frame
    t = (chk.assign(status=chk["status"].map(_STATUS)).groupby(["source", "status"]).size()
         .unstack(fill_value=0).reindex(columns=list(_STATUS.values()), fill_value=0))
    order = sorted(t.index, key=lambda s: (not str(s).startswith("Tabel"), not str(s).startswith("Figuur"), str(s)))
    t = t.loc[order]
    frame = pd.DataFrame({"Bron in het rapport": t.index.astype(str)})
    frame["Cijfers"] = t.sum(axis=1).map(fmt.num).to_list()
    for col in t.columns:
        frame[col[:1].upper() + col[1:]] = t[col].map(fmt.num).to_list()
    tot = t.sum()
    frame.loc[len(frame)] = ["Totaal", fmt.num(int(tot.sum()))] + [fmt.num(int(v)) for v in tot]
    return frame


def _with_bases(ed, chk: pd.DataFrame) -> pd.DataFrame:
    """The check with the base of every recomputed figure whose register row records none, so
    that the policy can judge it: a respondent count is its own base (and moves there: it is
    public, no figure of the group's answers); a share or mean is based
    on the respondents of its year (and group) who answered its question. Other figures
    (differences, response rates) keep no base and stay hidden."""
    out = chk.copy()
    base = pd.to_numeric(out["base_n"], errors="coerce").astype("Float64")
    df = ed.all_years
    for i in out.index[base.isna()]:
        stat, var = str(out.at[i, "statistic"]), out.at[i, "variable"]
        if stat == "n":  # a respondent count: public, in the base column (no value of a group)
            base.at[i] = out.at[i, "computed"]
            out.at[i, "computed"] = out.at[i, "shown"] = float("nan")
        elif stat in ("pct", "mean", "sd") and isinstance(var, str) and var in df.columns:
            # masks on single columns: selecting rows of the whole (wide) frame per figure is slow
            rows = (df["year"] == int(out.at[i, "year"])).fillna(False).to_numpy(dtype=bool)
            gvar, g = out.at[i, "group_var"], out.at[i, "group"]
            if isinstance(gvar, str) and not fmt.is_missing(g):
                if gvar not in df.columns:
                    continue
                rows &= (pd.to_numeric(df[gvar], errors="coerce") == pd.to_numeric(g, errors="coerce")).fillna(False).to_numpy(dtype=bool)
            base.at[i] = int(df[var][rows].notna().sum())
    out["base_n"] = base
    return out


def _published_disclosed(ed) -> pd.DataFrame:
    """:func:`published_check` with the cells the exhibits of the edition hide as secondary
    cells marked (barometer.presentation.linked.printed_cells): the recomputed figure of a
    cell Tabel B1-8 hides is hidden here too. Respondent counts stay public."""
    chk = _with_bases(ed, published_check(ed))
    mark = linked.printed_cells(ed, chk, skip=lambda r: str(r["statistic"]) == "n")
    cb = load_codebook()

    def label(var, code) -> str:
        try:
            return cb.labels(str(var)).get(int(code), "")
        except (KeyError, TypeError, ValueError, LookupError):
            return str(code) if not fmt.is_missing(code) else ""

    at = list(chk.columns).index("group") + 1
    chk = chk.copy()
    # a recomputed figure that differs from the print without a registered reason is a new
    # figure of the book, of any group the report printed (e.g. a climate group that another
    # exhibit hides): the check says that it differs, not what it is
    unexplained = chk["status"].astype(str) == "mismatch"
    chk.loc[unexplained, ["computed", "shown"]] = float("nan")
    chk.insert(at, "group_label", [label(v, g) for v, g in zip(chk["group_var"], chk["group"])])
    return chk.assign(**{disclosure.LINKED: mark})


#: How many published numbers the data reproduce, per exhibit of the report (counts of the
#: check, metadata); the download is the check itself (:func:`published_check`), through the policy.
GEPUBLICEERD = declaration.Table(
    name=f"tbl-{SLUG}-gepubliceerd", compute=_published_disclosed, tabulate=_gepubliceerd,
    caption=lambda ed, d: f"Gepubliceerde cijfers die de gegevens na afronding reproduceren ({years_text(_years(ed))})",
    notes=lambda ed, d: ["Gelijk: na afronding half naar boven hetzelfde als in het rapport (bij 'ongeveer' of "
                         "'meer dan': binnen de genoemde marge). Conflict: het rapport spreekt zichzelf tegen; zie "
                         "het register van conflicten. Niet berekenbaar: vraagt gegevens die niet in een "
                         "respondentbestand staan."],
)
tabel_gepubliceerd = GEPUBLICEERD


def _afwijkend(ed) -> pd.DataFrame | Notice:
    """The rows of :func:`published_check` that the data do not reproduce, or the notice that there are none."""
    chk = _published_disclosed(ed)
    bad = chk[chk["status"].isin(["conflict", "mismatch"]) | (chk["conflict"].notna() & ~chk["ok"])]
    if bad.empty:
        return Notice("Alle berekenbare gepubliceerde cijfers komen na afronding terug; er zijn geen afwijkingen.")
    return bad.reset_index(drop=True)


def _ours(d: Disclosed, i: int, statistic: str, decimals) -> str:
    """The recomputed figure of a row of the deviations, as the policy releases it: a count from
    the base column; an unexplained difference (status ``mismatch``) in words, not as a figure."""
    if statistic == "n":
        return d.cell(i, "base_n")
    if str(d.frame.at[i, "status"]) == "mismatch":
        return "wijkt af (niet getoond)"
    return d.cell(i, "computed", lambda v: _fmt_stat(v, statistic, decimals))


def _afwijkingen_tabel(ed, d: Disclosed) -> pd.DataFrame:
    bad = d.frame
    reasons = {c["id"]: _nl(c, "resolution") for c in register("conflicts")}
    return pd.DataFrame({
        "Bron": bad["source"].astype(str), "Meting": bad["year"].astype(str), "Cijfer": bad["row_id"].astype(str),
        "Rapport": [_fmt_stat(v, st, dd) for v, st, dd in zip(bad["value"], bad["statistic"], bad["decimals"])],
        "Onze gegevens": [_ours(d, i, st, dd) for i, st, dd in zip(bad.index, bad["statistic"], bad["decimals"])],
        "Conflict": bad["conflict"].fillna("-").astype(str),
        "Toelichting": [reasons.get(str(c), "geen verklaring vastgelegd") if not pd.isna(c) else "geen verklaring vastgelegd"
                        for c in bad["conflict"]],
    })


#: Published numbers that the data do not reproduce, with the conflict id and its resolution.
AFWIJKINGEN = declaration.Table(
    name=f"tbl-{SLUG}-afwijkingen", compute=_afwijkend, tabulate=_afwijkingen_tabel,
    caption=lambda ed, d: f"Gepubliceerde cijfers die de gegevens niet reproduceren ({years_text(_years(ed))})",
    notes=lambda ed, d: ["De toelichting komt uit het register van conflicten (data/registers/conflicts.yaml)."],
)
tabel_afwijkingen = AFWIJKINGEN


def _decided(ed, proven: dict[str, str], cid, v, w="") -> str:
    """Which of the two a claim is: it holds on these data, or no file with the published
    figures can make it hold (a proof in the register of conflicts)."""
    if str(w).startswith("n.v.t."):
        return "n.v.t.: de bewering gaat over andere meetjaren; de toets geldt de eigen vergelijking"
    if cid in proven and ed.year == REPORT_YEAR:  # a proof about the report's own data
        return f"bewezen onmogelijk voor elk bestand met de gepubliceerde cijfers ({proven[cid]})"
    if pd.isna(v):
        return "niet getoetst" if not str(w).startswith("onbeslist") else "onbeslist op deze gegevens"
    return "houdt stand op deze gegevens" if bool(v) else "houdt niet stand; niet bewezen onmogelijk"


def _claims_tabel(ed, d: Disclosed) -> pd.DataFrame:
    cl = d.frame
    published = None
    try:
        from barometer.presentation.published import read_claims

        published = read_claims().set_index("claim_id")
    except FileNotFoundError:
        pass
    proven = _proven_impossible()
    return pd.DataFrame({
        "Id": cl["claim_id"].astype(str),
        "Bewering": cl["claim"].astype(str),
        "Bron": [str(published.loc[c, "source"]) if published is not None and c in published.index else "-"
                 for c in cl["claim_id"]],
        "Toetsresultaat": [(f"{r} ({e})" if e else r) if r else (e or "-")
                           for r, e in zip([x or s for x, s in zip(cl["restatement"].fillna(""),
                                                                    cl["statistic"].fillna(""))],
                                           cl["error"].fillna(""))],
        "Houdt stand": cl["verdict"].astype(str),
        "Beslist": [_decided(ed, proven, str(c), v, w) for c, v, w in zip(cl["claim_id"], cl["holds"], cl["verdict"])],
    })


#: The report's analytical claims, the test that checks each, and whether it holds.
CLAIMS = declaration.Table(
    name=f"tbl-{SLUG}-claims", compute=claims, tabulate=_claims_tabel,
    caption=lambda ed, d: (f"Beweringen van het rapport getoetst op de gegevens van {ed.year}" if ed.year == REPORT_YEAR
                           else f"Beweringen van het rapport van {REPORT_YEAR}, getoetst op de gegevens van {ed.year}"),
    notes=lambda ed, d: [
        "Significantieniveau 0,05 (tweezijdig), tenzij de bewering anders zegt. Een bewering dat er "
        "geen verschil is, houdt alleen stand als het interval elk verschil buiten de vooraf gekozen marge "
        "uitsluit; anders is ze onbeslist of, bij een significant verschil, houdt ze geen stand (zie de "
        "tekst boven de tabel). 'Niet getoetst': er is "
        "(nog) geen toets voor deze bewering, of de analyse kan op deze gegevens niet worden uitgevoerd. "
        "De toetsen staan in barometer.presentation.claims en data/published/claims.csv.",
        "Beslist: een bewering houdt stand op deze gegevens, of het register van conflicten "
        "(data/registers/conflicts.yaml) legt een bewijs vast dat geen bestand met de gepubliceerde "
        "cijfers haar kan waarmaken: het geheeltallige programma van de generator met de bewering erbij "
        "heeft geen oplossing (opnieuw uit te voeren met python -m barometer.synthetic.proofs)."],
)
tabel_claims = CLAIMS


def no_difference_rule() -> str:
    """The rule for the report's claims of *no* difference, with the margins of
    :data:`barometer.presentation.claims.MARGINS` and their reasons (glued once in the methods chapter)."""
    from barometer.presentation.claims import MARGINS

    m = MARGINS
    return ("Een bewering dat er géén verschil of effect is, houdt niet stand alleen omdat een toets niet "
            "significant is: bij kleine groepen is bijna niets significant. Zo'n bewering houdt hier stand als het "
            "hele 95%-betrouwbaarheidsinterval van elk verschil binnen een vooraf gekozen marge ligt "
            f"(strenger dan twee eenzijdige toetsen van 5%, die een 90%-interval gebruiken): {m['pp'].text()} bij "
            f"percentages, omdat {m['pp'].reason}; {m['points'].text()} bij gemiddelde scores, omdat "
            f"{m['points'].reason}; {m['or'].text()} bij regressietermen, omdat {m['or'].reason}. Is het "
            "verschil significant, dan houdt de bewering geen stand; is het niet significant maar reikt het "
            "interval verder dan de marge, dan is de bewering onbeslist, en de tabel noemt het grootste verschil "
            "dat de gegevens nog toelaten. Wie op een niet-significant verschil in een reeks toetsen let, gebruikt "
            "de ruwe p-waarde: een correctie voor meervoudig toetsen zou een bewering van geen verschil juist "
            "makkelijker laten standhouden.")


def _proven_impossible() -> dict[str, str]:
    """claim_id -> conflict id, for the claims the register of conflicts records as proven impossible."""
    import yaml

    p = paths.DATA / "registers" / "conflicts.yaml"
    reg = yaml.safe_load(p.read_text(encoding="utf-8")) if p.exists() else []
    return {str(r): str(c["id"]) for c in reg or [] if str(c.get("status", "")).startswith("proven impossible")
            for r in c.get("rows", []) if str(r).startswith("CL")}


# ----------------------------------------------------------------------------- registers
def _aannames(ed) -> pd.DataFrame:
    reg = register("assumptions")
    return pd.DataFrame({
        "Id": [a["id"] for a in reg], "Onderwerp": [a.get("topic", "") for a in reg],
        "Aanname": [a.get("assumption", "") for a in reg], "Waarom": [a.get("why", "") for a in reg],
        "Raakt": [", ".join(map(str, a.get("affects", []))) for a in reg],
    })


#: The assumptions register (data/registers/assumptions.yaml).
AANNAMES = _metadata_table("aannames", _aannames, caption=lambda ed, d: "Register van aannames",
                           notes=lambda ed, d: ["Bron: data/registers/assumptions.yaml."])
tabel_aannames = AANNAMES


def _nl(entry: dict, field: str) -> str:
    """Dutch text of a conflicts-register field (``conflict_nl``/``resolution_nl``).

    Raises
    ------
    ValueError
        When the entry has no Dutch text: the chapter shows only Dutch, so a new entry needs
        ``conflict_nl`` and ``resolution_nl`` (see the header of data/registers/conflicts.yaml).
    """
    text = str(entry.get(f"{field}_nl") or "").strip()
    if not text:
        raise ValueError(f"data/registers/conflicts.yaml: entry {entry.get('id')!r} has no '{field}_nl' "
                         f"(Dutch text of '{field}'); add it, in our own words")
    return text


def _conflicten(ed) -> pd.DataFrame:
    """The conflicts register with the number of affected rows (counts of the register: metadata)."""
    reg = register("conflicts")
    expected = read_figures()["conflict"].value_counts()
    return pd.DataFrame({
        "Id": [c["id"] for c in reg],
        "Bronnen": [", ".join(map(str, c.get("sources", []))) for c in reg],
        "Tegenstrijdigheid": [_nl(c, "conflict") for c in reg],
        "Oplossing": [_nl(c, "resolution") for c in reg],
        "Betrokken cijfers": [fmt.num(len(c.get("rows", []))) for c in reg],
        "Verwacht afwijkend": [fmt.num(int(expected.get(c["id"], 0))) for c in reg],
    })


#: The conflicts register (data/registers/conflicts.yaml), with the number of affected rows.
CONFLICTEN = _metadata_table(
    "conflicten", _conflicten, caption=lambda ed, d: "Register van tegenstrijdigheden in het gedrukte rapport",
    notes=lambda ed, d: ["Bron: data/registers/conflicts.yaml (de Nederlandse omschrijvingen; het register bevat "
                         "ook een Engelse versie voor wie aan de gegevens werkt). 'Betrokken cijfers': gepubliceerde "
                         "cijfers waarvan de lezing van het conflict afhangt. 'Verwacht afwijkend': cijfers die door "
                         "het conflict niet terug kunnen komen."])
tabel_conflicten = CONFLICTEN


def _denemarken(ed) -> pd.DataFrame:
    """Sources of the Danish comparison figures: one row per source (metadata)."""
    dk = pd.read_csv(denmark.PATH)
    g = dk.groupby("source_url", sort=False).agg(n=("ref_id", "size"), waves=("wave", lambda s: "; ".join(dict.fromkeys(s))),
                                                 reliability=("reliability", lambda s: ", ".join(dict.fromkeys(s))))
    rel = {"primary": "primair", "secondary": "secundair", "weak": "zwak", "unverified": "niet bevestigd"}
    return pd.DataFrame({
        "Bron": g.index.astype(str), "Cijfers": g["n"].map(fmt.num).to_list(), "Edities": g["waves"].to_list(),
        "Betrouwbaarheid": [", ".join(rel.get(r.strip(), r.strip()) for r in v.split(",")) for v in g["reliability"]],
    })


#: Sources of the Danish comparison figures (data/external/denmark.csv); the download is that file.
DENEMARKEN = _metadata_table(
    "denemarken", _denemarken, caption=lambda ed, d: "Bronnen van de Deense vergelijkingscijfers",
    notes=lambda ed, d: ["Bron: data/external/denmark.csv en data/external/README.md. Een cijfer "
                         "dat daar niet staat, wordt niet geschat."],
    download=lambda data, ed: pd.read_csv(denmark.PATH))
tabel_denemarken = DENEMARKEN


# ----------------------------------------------------------------------------- weighting
def weging(ed):
    """:func:`barometer.analysis.weighting.headline_sensitivity` of the edition (cached), or None when
    the edition has no invited population per sector."""
    from barometer.analysis.uncertainty import SurveyDesignError
    from barometer.analysis.weighting import WeightingError, headline_sensitivity

    def compute():
        try:
            return headline_sensitivity(ed.df, ed.year)
        except (WeightingError, SurveyDesignError):
            return None

    return cached(ed, "weging", compute)


#: Columns of the weighting frame as the download names them; every estimate, bound, standard
#: error and difference is a value column of the policy (``data/disclosure.yaml``) with base ``n``.
_WEGING_COLUMNS = {
    "variable": "variabele", "codes": "codes", "kind": "soort", "label": "cijfer", "n": "n",
    "unweighted": "ongewogen", "unweighted_low": "ongewogen_ondergrens", "unweighted_high": "ongewogen_bovengrens",
    "weighted": "gewogen", "weighted_se": "gewogen_standaardfout", "weighted_low": "gewogen_ondergrens",
    "weighted_high": "gewogen_bovengrens", "difference": "gewogen_verschil"}


def _weging(ed) -> pd.DataFrame | Notice:
    """The weighting frame in the download's names, or the notice that nothing can be weighted."""
    w = weging(ed)
    if w is None or w.empty:
        return Notice(f"Voor de meting van {ed.year} is het aantal benaderde organisaties per sector niet bekend; "
                      "een herweging naar sector is daarom niet mogelijk.")
    return w.rename(columns=_WEGING_COLUMNS)


def _figure(kind: str):
    """Formatter of an estimate: a percentage, or a mean with two decimals."""
    return fmt.pct if kind == "share" else (lambda v: fmt.dec(v, 2))


def _interval(d: Disclosed, i: int, estimate: str) -> disclosure.Released:
    """``low–high`` of an estimate's interval, or the symbol when the policy hides it."""
    form = _figure(d.frame.at[i, "soort"])
    low, high = d.cell(i, f"{estimate}_ondergrens", form), d.cell(i, f"{estimate}_bovengrens", form)
    if _hidden(low) or _hidden(high):
        return low if _hidden(low) else high
    return disclosure.compose("{low}–{high}", low=low, high=high)


def _weging_tabel(ed, d: Disclosed) -> pd.DataFrame:
    from barometer.presentation.vocabulary import interval_header  # the book's one interval word

    cb = load_codebook()
    f = d.frame

    def answer(variable: str, codes: str, kind: str) -> str:
        if kind == "mean":
            return "gemiddelde"
        labels = cb.labels(variable)
        return "% " + " of ".join(str(labels.get(int(c), c)).lower() for c in codes.split("|"))

    rows = range(len(f))
    return pd.DataFrame({
        "Cijfer": f["cijfer"],
        "Maat": [answer(v, c, k) for v, c, k in zip(f["variabele"], f["codes"], f["soort"])],
        "n": _cells(d, "n"),
        "Ongewogen": [d.cell(i, "ongewogen", _figure(f.at[i, "soort"])) for i in rows],
        interval_header("ongewogen"): [_interval(d, i, "ongewogen") for i in rows],
        "Gewogen naar sector": [d.cell(i, "gewogen", _figure(f.at[i, "soort"])) for i in rows],
        interval_header("gewogen"): [_interval(d, i, "gewogen") for i in rows],
    })


#: Headline figures unweighted (as the report) and post-stratified by sector to the invited
#: population, each with its 95% interval (``tbl-verantwoording-weging``); data and download:
#: :func:`barometer.analysis.weighting.headline_sensitivity` at full precision, in Dutch column
#: names, with the bounds of both estimates. An edition without the invited population per
#: sector gets a notice. Its glued sentence: :func:`weging_glue`.
WEGING = declaration.Table(
    name=f"tbl-{SLUG}-weging", compute=_weging, tabulate=_weging_tabel,
    caption=lambda ed, d: f"Kerncijfers ongewogen en gewogen naar sector, met 95%-betrouwbaarheidsintervallen ({ed.year})",
    notes=lambda ed, d: [
        "Ongewogen: zoals in de hoofdstukken en het rapport; interval volgens Wilson (percentages) of t "
        "(gemiddelde), met eindige-populatiecorrectie. Gewogen: poststratificatie naar sector op het aantal "
        f"benaderde organisaties (data/external/population-{ed.year}.csv); designgebaseerde variantie "
        "(Taylor-linearisatie, gestratificeerd, met eindige-populatiecorrectie) met het pakket svy. "
        "Typen en factoren: organisaties die innoveerden; factoren: (zeer) bevorderend."],
)
tabel_weging = WEGING


def weging_glue(ed) -> dict[str, disclosure.Released | str]:
    """The sentence after the weighting table, from its disclosed frame (glued by :func:`kerncijfers`).

    Keys: ``weging_max_verschil`` (largest absolute difference of a shown share, in percentage
    points), ``weging_max_cijfer`` (the figure with that difference), ``weging_bi_alle`` ("alle"
    or "niet alle": does every shown weighted estimate lie inside the unweighted interval?),
    ``weging_pakket`` (the survey package and version). Hidden rows take no part: their
    difference glues as the symbol only when no share is shown.
    """
    from importlib.metadata import version

    pakket = metadata(f"svy {version('svy')}")
    data = _weging(ed)
    if isinstance(data, Notice):
        # the sentence after the table glues these keys: say plainly that nothing was weighted
        return {"weging_max_verschil": "niet te berekenen",
                "weging_max_cijfer": "geen enkel cijfer (in deze meting is geen weging mogelijk)",
                "weging_bi_alle": "geen", "weging_pakket": pakket}
    _, d = WEGING.disclosed(ed)
    f = d.frame
    shares = f[(f["soort"] == "share") & f["gewogen_verschil"].notna()]
    if shares.empty:
        verschil, cijfer = disclosure.suppressed(), "geen enkel getoond percentage (te weinig organisaties)"
    else:
        i = shares["gewogen_verschil"].abs().idxmax()
        verschil = d.cell(i, "gewogen_verschil", lambda v: fmt.pp(abs(float(v)), 1))
        cijfer = _lower(str(f.at[i, "cijfer"]))
    shown = f[f["gewogen"].notna() & f["ongewogen_ondergrens"].notna() & f["ongewogen_bovengrens"].notna()]
    inside = bool(((shown["gewogen"] >= shown["ongewogen_ondergrens"])
                   & (shown["gewogen"] <= shown["ongewogen_bovengrens"])).all())
    return {"weging_max_verschil": verschil, "weging_max_cijfer": cijfer,
            "weging_bi_alle": "geen" if shown.empty else ("alle" if inside else "niet alle"),
            "weging_pakket": pakket}


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def geheimhouding(ed) -> dict[str, str]:
    """Glue the disclosure rule of this edition (``data/disclosure.yaml``) and return it.

    Glued keys
    ----------
    ``drempel`` (the threshold in force, the build's ``min_base``), ``symbool``,
    ``zin_gedrukte_tabellen`` (whether the report's own tables keep their printed cells in
    this edition, see :func:`barometer.presentation.disclosure.published_as_is`).
    """
    from barometer.presentation import disclosure

    from barometer.presentation.published import read_figures

    # the report's tables kept as printed: listed in the policy for this edition and threshold,
    # and their figures are the printed ones (a file with other figures gets the whole rule)
    tables = sorted({str(t) for t in read_figures()["source"].astype(str) if str(t).startswith("Tabel B1-")})
    kept = [t for t in tables if disclosure.published_as_is(t.split(" ")[-1], ed.year, ed.min_base)
            and ed.reproduces_print(t)]
    if kept:
        from barometer.data.codebook import load_codebook

        cb = load_codebook()
        apart = [cb.labels("sector")[c] for c in (cb.variable("sector").display or {}).get("table_rows_exclude", [])]
        sentence = ("De tabellen van Bijlage I die het gedrukte rapport zelf zo publiceerde, staan in "
                    "deze editie zoals gedrukt, met alleen het teken voor kleine groepen; hun downloads "
                    "bevatten daarom alleen de gedrukte afronding, want cijfers op volle precisie "
                    "zouden samen met de gedrukte cijfers een verborgen groep verraden.")
        if apart:
            sentence += (f" Eén afleiding laat het rapport zelf al toe: de {join_nl(apart)} staan in Tabel B1-8 "
                         "niet apart, maar Tabel B1-9 drukt voor elke andere sector en voor het totaal hoeveel "
                         "organisaties een innovatie invoerden, dus het verschil geeft hun aantal. Dat laat dit "
                         "boek staan zoals het gedrukt is; het voegt geen cijfer toe waaruit meer volgt dan uit "
                         "de druk, en de controle aan het eind van de bouw meldt deze afleiding als gedrukt, "
                         "niet als lek.")
    else:
        sentence = ("In deze editie geldt de volledige regel ook voor de tabellen van Bijlage I: "
                    "ze wijken van het gedrukte rapport af, in gegevens of in de drempel.")
    return glue_texts({"drempel": metadata(fmt.num(disclosure.threshold(ed.min_base))), "symbool": disclosure.symbol(),
                       "zin_gedrukte_tabellen": sentence})

