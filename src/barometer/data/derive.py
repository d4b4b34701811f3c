"""Derived variables, computed exactly as ``data/codebook.yaml`` (``derived:``) defines them.

Every function here reads its items, minimum number of items, recodes and thresholds from
the codebook; nothing is hard-coded apart from the shape of each definition.

Examples
--------
>>> import pandas as pd
>>> from barometer.data.derive import climate_cluster
>>> climate_cluster(pd.Series([4.1, 3.1, 3.0833, None])).tolist()
[1, 2, 3, <NA>]
"""

from __future__ import annotations

import pandas as pd

from barometer.data.codebook import Codebook, load_codebook

__all__ = [
    "DerivationError",
    "add_derived",
    "spectrum",
    "spectrum_group",
    "national_type",
    "scale_score",
    "climate_cluster",
]

#: Decimals to which a scale score is rounded before it is compared with a threshold, so
#: that a mean that is 4.1 on paper but 4.0999999999 in floating point counts as 4.1.
_THRESHOLD_DECIMALS = 9


class DerivationError(ValueError):
    """A column a derived variable needs is missing from the frame."""


def _cb(codebook: Codebook | None) -> Codebook:
    return codebook if codebook is not None else load_codebook()


def _need(df: pd.DataFrame, columns: list[str] | tuple[str, ...], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DerivationError(
            f"Cannot compute {what}: column(s) {', '.join(missing)} not in the frame "
            f"(expected the columns of a validated respondent file)."
        )


def _numeric(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").astype("Float64")


def spectrum(df: pd.DataFrame, codebook: Codebook | None = None) -> pd.Series:
    """Number of innovation types of the most recent innovation (0 without innovation).

    Parameters
    ----------
    df : pandas.DataFrame
        Respondent frame with ``innovated`` and the items of ``innovation_type``.
    codebook : Codebook, optional
        Defaults to the shipped codebook.

    Returns
    -------
    pandas.Series of Int64
        Named ``spectrum``. 0 for ``innovated == 0``; the number of mentioned types for
        innovators; missing when ``innovated`` is missing or an innovator has no type item
        answered at all.
    """
    cb = _cb(codebook)
    items = cb.items("innovation_type")
    _need(df, [*items, "innovated"], "spectrum")
    values = df[items].apply(_numeric)
    count = values.eq(1).sum(axis=1).astype("Int64")
    answered = values.notna().any(axis=1)
    innovators = cb.routing_mask(df, "innovators")
    innovated = _numeric(df["innovated"])
    out = pd.Series(pd.NA, index=df.index, dtype="Int64", name="spectrum")
    out[innovators & answered] = count[innovators & answered]
    out[innovated.eq(0).fillna(False).astype(bool)] = 0
    return out


def spectrum_group(spectrum_values: pd.Series, codebook: Codebook | None = None) -> pd.Series:
    """Group the spectrum: 0 = geen innovatie, 1 = enkelvoudig, 2 = meervoudig (2, 3 of 4).

    Parameters
    ----------
    spectrum_values : pandas.Series
        Output of :func:`spectrum`.
    codebook : Codebook, optional
        Used to check that the codes 0, 1, 2 are those of ``spectrum_group``.

    Returns
    -------
    pandas.Series of Int64
        Named ``spectrum_group``; missing where the spectrum is missing.
    """
    codes = set(_cb(codebook).derived("spectrum_group").codes)
    if codes != {0, 1, 2}:
        raise DerivationError(
            f"spectrum_group in the codebook has codes {sorted(codes)}; this function "
            "implements the definition with codes 0, 1, 2."
        )
    s = spectrum_values.astype("Int64")
    return s.clip(upper=2).rename("spectrum_group")


def national_type(df: pd.DataFrame, codebook: Codebook | None = None) -> pd.Series:
    """Part of the national government: 1 kerndepartement, 2 diensten en agentschappen, 3 zbo.

    Parameters
    ----------
    df : pandas.DataFrame
        With ``sector`` and ``rijk_subtype``.
    codebook : Codebook, optional
        Defaults to the shipped codebook.

    Returns
    -------
    pandas.Series of Int64
        Named ``national_type``: sector 7 (Rijksoverheid) with ``rijk_subtype`` 1 or 2
        gives that subtype; sector 9 (Zbo) gives 3; all others (and Rijk without a
        subtype) are missing.
    """
    cb = _cb(codebook)
    _need(df, ["sector", "rijk_subtype"], "national_type")
    sector = _numeric(df["sector"])
    subtype = _numeric(df["rijk_subtype"])
    rijk = cb.routing_mask(df, "rijk")
    out = pd.Series(pd.NA, index=df.index, dtype="Int64", name="national_type")
    for code in cb.labels("rijk_subtype"):
        out[rijk & subtype.eq(code).fillna(False).astype(bool)] = code
    zbo_code = _code_for_label(cb, "national_type", "Zbo")
    zbo_sector = _code_for_label(cb, "sector", "Zbo")
    out[sector.eq(zbo_sector).fillna(False).astype(bool)] = zbo_code
    return out


def _code_for_label(cb: Codebook, name: str, label: str) -> int:
    matches = [k for k, v in cb.labels(name).items() if v == label]
    if len(matches) != 1:
        raise DerivationError(f"codebook: {name} has no single code labelled {label!r}")
    return matches[0]


def scale_score(df: pd.DataFrame, name: str, codebook: Codebook | None = None) -> pd.Series:
    """Scale score: the mean of the scale's items, as the codebook defines it.

    Parameters
    ----------
    df : pandas.DataFrame
        Respondent frame with the scale's items.
    name : str
        Derived scale in the codebook: ``climate_scale``, ``conditions_scale`` or
        ``human_capital``.
    codebook : Codebook, optional
        Defaults to the shipped codebook.

    Returns
    -------
    pandas.Series of Float64
        Named ``name``. Mean of the items after each item's ``recode`` (``weet niet`` 9 ->
        3 for the factors); missing when fewer than ``min_items`` items are answered
        (assumption A04: all items), or the respondent is outside the scale's routing
        group (``human_capital``: innovators only).
    """
    cb = _cb(codebook)
    d = cb.derived(name)
    items = list(d.items)
    if not items:
        raise DerivationError(f"codebook: derived variable {name} has no items")
    _need(df, items, name)
    values = pd.DataFrame({c: _numeric(df[c]) for c in items}, index=df.index)
    for c in items:
        recode = cb.column(c).recode
        if recode:
            values[c] = values[c].replace({float(a): float(b) for a, b in recode.items()})
    min_items = d.min_items if d.min_items is not None else len(items)
    enough = values.notna().sum(axis=1) >= min_items
    asked = cb.routing_mask(df, d.routing)
    mean = values.mean(axis=1, skipna=True).astype("Float64")
    return mean.where(enough & asked, pd.NA).astype("Float64").rename(name)


def climate_cluster(score: pd.Series, codebook: Codebook | None = None) -> pd.Series:
    """Innovation-climate cluster from the climate scale score.

    Parameters
    ----------
    score : pandas.Series
        Climate scale scores (:func:`scale_score` of ``climate_scale``).
    codebook : Codebook, optional
        Source of the thresholds ``strong_min`` and ``limited_below``.

    Returns
    -------
    pandas.Series of Int64
        Named ``climate_cluster``: 1 krachtig (score >= strong_min, 4.1), 3 beperkt
        (score < limited_below, 3.1), 2 gemiddeld otherwise; missing without a score.

    Notes
    -----
    Scores are rounded to nine decimals before the comparison so that floating-point
    noise cannot move a score of exactly 4.1 or 3.1 to the other side of a threshold.
    """
    d = _cb(codebook).derived("climate_cluster")
    strong, limited = d.thresholds["strong_min"], d.thresholds["limited_below"]
    s = pd.to_numeric(score, errors="coerce").astype("Float64").round(_THRESHOLD_DECIMALS)
    out = pd.Series(pd.NA, index=score.index, dtype="Int64", name="climate_cluster")
    has = s.notna()
    out[has] = 2
    out[(s >= strong).fillna(False).astype(bool)] = 1
    out[(s < limited).fillna(False).astype(bool)] = 3
    return out


def add_derived(df: pd.DataFrame, codebook: Codebook | None = None) -> pd.DataFrame:
    """Return a copy of ``df`` with every derived variable of the codebook added.

    Parameters
    ----------
    df : pandas.DataFrame
        A validated respondent frame (:func:`barometer.data.respondents.load_respondents`).
    codebook : Codebook, optional
        Defaults to the shipped codebook.

    Returns
    -------
    pandas.DataFrame
        New frame (the input is not changed) with the columns ``spectrum``,
        ``spectrum_group``, ``national_type`` and ``climate_cluster`` (Int64) and
        ``climate_scale``, ``conditions_scale`` and ``human_capital`` (Float64), as the
        codebook's ``definition`` of each says. Existing columns of those names are
        replaced by the recomputed values.

    Raises
    ------
    DerivationError
        If a column a definition needs is missing, or the codebook defines a derived
        variable this module does not know how to compute.

    Examples
    --------
    >>> from barometer.data.derive import add_derived
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": [2025], "innovated": [0], "sector": [9],
    ...     "rijk_subtype": [None], **{c: [None] for c in load_codebook().items("innovation_type")},
    ...     **{c: [4] for c in load_codebook().items("climate_scale")},
    ...     **{c: [3] for c in load_codebook().items("conditions_scale")},
    ...     **{c: [None] for c in load_codebook().items("human_capital")}})
    >>> out = add_derived(df)
    >>> out["spectrum"].tolist(), out["national_type"].tolist(), out["climate_cluster"].tolist()
    ([0], [3], [2])
    """
    cb = _cb(codebook)
    out = df.copy()
    known = {
        "spectrum", "spectrum_group", "national_type",
        "climate_scale", "conditions_scale", "human_capital", "climate_cluster",
    }
    unknown = [n for n in cb.derived_variables if n not in known]
    if unknown:
        raise DerivationError(
            f"codebook defines derived variable(s) {', '.join(unknown)} that "
            "barometer.data.derive does not compute yet"
        )
    spec = spectrum(df, cb)
    out["spectrum"] = spec
    out["spectrum_group"] = spectrum_group(spec, cb)
    out["national_type"] = national_type(df, cb)
    for name in ("climate_scale", "conditions_scale", "human_capital"):
        out[name] = scale_score(df, name, cb)
    out["climate_cluster"] = climate_cluster(out["climate_scale"], cb)
    return out
