"""The disclosure policy: the one module that decides which numbers may be published.

The policy is written down in ``data/disclosure.yaml`` (threshold, symbol, secondary rule,
which counts stay public, the download vocabulary) and read here once. Every exhibit, glued
number and download passes one of these functions:

:func:`is_small`
    whether a base is below the threshold (the build parameter ``min_base``, default from
    the policy file);
:func:`show`
    a formatted value, or the symbol when its base is below the threshold (tables, glue);
:func:`mask`
    a column of full-precision values with NaN where the base is below the threshold
    (figures, alt text);
:func:`complementary`
    secondary suppression of one block of groups that make up a shown total;
:func:`protect`
    a download frame with every suppressed cell blanked, a Dutch status column and the list
    of suppressed cells (for the exhibit's sidecar and the audit);
:func:`profile_groups`, :func:`profile_block`, :func:`linked_suppression`
    the sector profiles: which groups get a profile, the one block (and order) every profile
    of a variable discloses, and the secondary suppression of all profiles' blocks of an
    edition together (sectors and the parts of the national government overlap), so that
    every profile page hides the same cells.

Notes
-----
Primary suppression: a percentage, mean, standard deviation or answer count computed on fewer
respondents than the threshold is not published. Secondary suppression (rule
``complementary``): within a block of groups whose total is shown, a single hidden group would
be the difference between the total and the other groups; then the smallest shown group is
hidden too. Respondents counted in the total but in no shown group (a group not tabulated,
e.g. Hoge Colleges van Staat, or a missing group code) count as a hidden group. Respondent
counts per group (bases) stay public: the report publishes the response per sector.

τ-ARGUS is the standard tool for cell suppression. ``pytauargus`` 0.6.0 (pinned) bundles its
engine with the HiGHS solver and runs here; ``tests/test_disclosure.py`` checks that on the
book's one-way tables with a total the rule below hides exactly the cells τ-ARGUS's optimal
suppression (``OPT``, cost = respondents) adds. The book keeps this small rule for its
one-dimensional tables because it needs no microdata per exhibit and runs inside every
exhibit; a cross-table of two group variables would be the point to call τ-ARGUS instead.

Examples
--------
>>> from barometer.presentation import disclosure
>>> disclosure.show("100%", 2), disclosure.show("76%", 40)
('#', '76%')
>>> sorted(disclosure.complementary({1: 3, 2: 20, 3: 8}, hidden={1}))
[3]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd
import yaml

from barometer.data import paths

__all__ = [
    "POLICY_FILE",
    "Policy",
    "SuppressedCell",
    "Protected",
    "policy",
    "threshold",
    "symbol",
    "explanation",
    "is_small",
    "published_as_is",
    "show",
    "mask",
    "complementary",
    "protect",
    "fingerprint",
    "Released",
    "release",
    "public",
    "compose",
    "join",
    "metadata",
    "suppressed",
    "carries_number",
    "ProfileGroup",
    "profile_groupings",
    "profile_groups",
    "profile_block",
    "linked_suppression",
    "LINKED",
]

#: The policy file, beside the codebook.
POLICY_FILE: Path = paths.DATA / "disclosure.yaml"
#: Label of the total row in the analysis frames (``barometer.analysis.statistics.TOTAL``).
_TOTAL = "Totaal"


@dataclass(frozen=True)
class Policy:
    """The disclosure policy of ``data/disclosure.yaml``.

    Attributes
    ----------
    threshold : int
        Smallest base for which a figure is published (default of ``min_base``).
    symbol : str
        Shown instead of a suppressed figure.
    explanation : str
        Dutch explanation of the symbol (template with ``{threshold}``, ``{symbol}``).
    secondary_rule : str
        ``"complementary"``.
    public_counts : tuple of str
        Base columns; they stay public and give each value its base.
    value_columns : tuple of str
        Download columns blanked where their base is below the threshold.
    wide_value_prefixes : tuple of str
        Prefixes of wide value columns (``pct_2021`` with base ``n_2021``).
    status_column : str
        Name of the Dutch status column added to every download.
    status : mapping
        Dutch status texts: ``shown``, ``primary``, ``secondary``, ``base`` (and ``external``).
    published_columns : tuple of str
        Download columns with figures published by others (no microdata): never blanked; a row
        with one and no base gets the status ``external``.
    """

    threshold: int
    symbol: str
    explanation: str
    secondary_rule: str
    public_counts: tuple[str, ...]
    value_columns: tuple[str, ...]
    wide_value_prefixes: tuple[str, ...]
    status_column: str
    status: Mapping[str, str] = field(default_factory=dict)
    published_as_is: Mapping[str, Any] = field(default_factory=dict)
    published_columns: tuple[str, ...] = ()

    def status_text(self, reason: str, min_base: int | None = None) -> str:
        """Dutch status text of a cell (``reason``: shown, primary, secondary, base)."""
        return self.status[reason].format(threshold=threshold(min_base), symbol=self.symbol)


class PolicyError(ValueError):
    """``data/disclosure.yaml`` is missing a setting or has a wrong value."""


@lru_cache(maxsize=4)
def _load(path: str) -> Policy:
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise PolicyError(f"Het beleidsbestand {p} is niet te lezen: {exc}") from None
    need = ("threshold", "symbol", "explanation", "secondary", "public_counts", "value_columns",
            "wide_value_prefixes", "status_column", "status")
    missing = [k for k in need if k not in raw]
    if missing:
        raise PolicyError(f"{p}: de instelling(en) {', '.join(missing)} ontbreken.")
    if not isinstance(raw["threshold"], int) or raw["threshold"] < 1:
        raise PolicyError(f"{p}, threshold: verwacht een geheel getal van 1 of meer, gevonden {raw['threshold']!r}.")
    rule = (raw["secondary"] or {}).get("rule")
    if rule != "complementary":
        raise PolicyError(f"{p}, secondary.rule: verwacht 'complementary', gevonden {rule!r}.")
    for key in ("shown", "primary", "secondary", "base"):
        if key not in raw["status"]:
            raise PolicyError(f"{p}, status: de tekst voor '{key}' ontbreekt.")
    return Policy(int(raw["threshold"]), str(raw["symbol"]), str(raw["explanation"]), rule,
                  tuple(map(str, raw["public_counts"])), tuple(map(str, raw["value_columns"])),
                  tuple(map(str, raw["wide_value_prefixes"])), str(raw["status_column"]),
                  dict(raw["status"]), dict(raw.get("published_as_is") or {}),
                  tuple(map(str, raw.get("published_columns") or ())))


def policy(path: Path | None = None) -> Policy:
    """The policy of ``data/disclosure.yaml`` (read once)."""
    return _load(str(path or POLICY_FILE))


def threshold(min_base: int | None = None) -> int:
    """The threshold in force: ``min_base`` when given (build parameter), else the policy's."""
    return int(min_base) if min_base is not None else policy().threshold


def symbol() -> str:
    """The symbol shown instead of a suppressed figure."""
    return policy().symbol


def explanation(min_base: int | None = None) -> str:
    """Dutch explanation of the symbol for the threshold in force (table notes, downloads)."""
    return policy().explanation.format(threshold=threshold(min_base), symbol=symbol())


def published_as_is(exhibit: str, edition: int, min_base: int | None = None) -> bool:
    """Whether a table of the printed report keeps its published cells on screen.

    True only for the exhibits listed under ``published_as_is`` in the policy file (``all``:
    every exhibit of the report, named by its id, e.g. ``B1-8`` or ``B2-4``), in the
    report's edition and at the report's threshold; then the screen keeps the printed cells
    (primary suppression only) and the download carries the printed rounding only.
    """
    p = policy().published_as_is
    listed = p.get("exhibits", [])
    return (bool(str(exhibit)) and (listed == "all" or str(exhibit) in [str(e) for e in listed])
            and int(edition) == int(p.get("edition", -1))
            and threshold(min_base) == int(p.get("threshold", -1)))


def is_missing(x: Any) -> bool:
    """Return True for None, NaN, ``pd.NA`` and ``pd.NaT``."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def is_small(n: Any, min_base: int | None = None) -> bool:
    """True when a figure on base ``n`` may not be published (``n`` missing or below the threshold)."""
    return is_missing(n) or float(n) < threshold(min_base)


def show(value: Any, n: Any, min_base: int | None = None) -> Any:
    """``value`` (usually a formatted string), or the symbol when its base ``n`` is small.

    Examples
    --------
    >>> show("3,63", 12), show("3,63", 4), show("3,63", 4, min_base=3)
    ('3,63', '#', '3,63')
    """
    return symbol() if is_small(n, min_base) else value


def mask(values, base, min_base: int | None = None):
    """``values`` with NaN wherever the base is below the threshold (for figures and alt text).

    Parameters
    ----------
    values : Series or DataFrame
        Full-precision values.
    base : Series, DataFrame or scalar
        Base n of each value (aligned with ``values``) or one base for all.
    """
    if isinstance(base, pd.DataFrame):
        keep = base.apply(pd.to_numeric, errors="coerce") >= threshold(min_base)
    else:
        b = base if isinstance(base, pd.Series) else pd.Series(base, index=values.index)
        keep = pd.to_numeric(b, errors="coerce") >= threshold(min_base)
    return values.where(keep)


def complementary(bases: Mapping[Any, Any], hidden: Iterable[Any], rest: float = 0,
                  min_base: int | None = None) -> set:
    """Secondary suppression of one block of groups whose total is shown.

    Parameters
    ----------
    bases : mapping group -> base n
        The groups of the block, in the table's order, with their base.
    hidden : iterable
        Groups already hidden (primary suppression).
    rest : number, default 0
        Respondents in the total but in no group of ``bases`` (a group not tabulated, a
        missing group code); more than 0 counts as one more unknown group. When no group is
        hidden, a rest of at least the threshold needs no protection (its value could be
        published); a smaller rest does.
    min_base : int, optional
        Threshold in force (default: the policy's).

    Returns
    -------
    set
        The groups to hide in addition. Empty when no group is hidden, or when at least two
        are hidden whose respondents (with the rest) number at least the threshold: the total
        minus the shown groups then gives only their sum, a figure of at least the threshold
        respondents, like a pooled profile. Else the smallest shown groups (fewest respondents;
        ties: the first in order), one when a single group is hidden, and more until the hidden
        groups together reach the threshold (two groups of 2 and 3 at a threshold of 10 would
        otherwise give the figure of 5 organisations).

    Examples
    --------
    >>> complementary({"a": 2, "b": 30, "c": 9, "d": 9}, hidden={"a"})
    {'c'}
    >>> complementary({"a": 2, "b": 30}, hidden={"a"}, rest=3)
    set()
    >>> sorted(complementary({"a": 2, "b": 3, "c": 12, "d": 14, "e": 80}, hidden={"a", "b"}, min_base=10))
    ['c']
    """
    hidden = set(hidden)
    t = threshold(min_base)
    has_rest = bool(rest and rest > 0)
    if not hidden and rest >= t:
        return set()
    if not hidden and not has_rest:
        return set()
    shown = sorted((float(n), i, g) for i, (g, n) in enumerate(bases.items()) if g not in hidden)
    pooled = sum(float(bases[g]) for g in hidden) + (float(rest) if has_rest else 0.0)
    extra: set = set()
    if len(hidden) + has_rest == 1 and shown:
        n, _, g = shown.pop(0)
        extra.add(g)
        pooled += n
    while pooled < t and shown:
        n, _, g = shown.pop(0)
        extra.add(g)
        pooled += n
    return extra


# --------------------------------------------------------------------------- released text
#: A number in a text: a percentage, a Dutch decimal, or any other run of digits that is not a
#: year (19xx, 20xx). Text that carries one is glued only as :class:`Released`.
_NUMBER = re.compile(r"\d\s*%|\d,\d|(?<![\w.,-])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d[\d.]*(?![\w-])")


def carries_number(text: str) -> bool:
    """True when ``text`` holds a figure (percentage, decimal, count; a year does not count).

    Examples
    --------
    >>> carries_number("76%"), carries_number("3,63"), carries_number("264"), carries_number("in 2025")
    (True, True, True, False)
    """
    return bool(_NUMBER.search(str(text)))


class Released(str):
    """Text whose figures passed the disclosure policy (or are public by the policy).

    Only :func:`release` (a formatted statistic with its base), :func:`public` (respondent
    counts per group, which the policy keeps public), :func:`compose` (a sentence of
    released parts) and :meth:`barometer.presentation.exhibit.Disclosed.text` (a cell of a disclosed
    exhibit frame) make one; :func:`barometer.presentation.glue.glue_text` glues a text that carries a
    figure only as a ``Released``. Concatenating or formatting a ``Released`` gives a plain
    ``str`` again, so a figure cannot be smuggled into a sentence past the policy.
    """

    __slots__ = ()
    #: Why the text may be published: "shown", "primary", "secondary" or "public".
    reason = "shown"


class _Suppressed(Released):
    __slots__ = ()
    reason = "primary"


class _Secondary(_Suppressed):
    __slots__ = ()
    reason = "secondary"


def suppressed(reason: str = "primary") -> Released:
    """The symbol, released as the text of a cell the policy hides (``reason``: primary, secondary)."""
    return (_Secondary if reason == "secondary" else _Suppressed)(symbol())


class _Public(Released):
    __slots__ = ()
    reason = "public"


def release(text: str, base: Any, min_base: int | None = None) -> Released:
    """A formatted statistic, released by the policy: itself, or the symbol when its base is small.

    Parameters
    ----------
    text : str
        The formatted figure (``formatting.pct(75.8)``), or a sentence whose figures all rest
        on ``base``.
    base : number or iterable of numbers
        Respondents the figure rests on; with several bases (a comparison of groups) the
        text is suppressed when any of them is small.
    min_base : int, optional
        Threshold in force (default: the policy's).

    Examples
    --------
    >>> release("76%", 40), release("100%", 2), release("-", 0)
    ('76%', '#', '-')
    """
    if not carries_number(text):  # "-", "niet te schatten": nothing to protect
        return Released(str(text))
    bases = list(base) if isinstance(base, (list, tuple, set, pd.Series)) else [base]
    if not bases or any(is_small(b, min_base) for b in bases):
        return _Suppressed(symbol())
    return Released(str(text))


def public(text: str) -> Released:
    """A figure the policy keeps public: a respondent count per group (``public_counts``).

    Use it for the base n of a group or of the whole sample (``"n = 264"``) and for the
    metadata of a measurement that the report publishes (response rate, number of items in
    the codebook), never for an answer count or a share of a group.
    """
    return _Public(str(text))


def metadata(text: str) -> Released:
    """A number about the book, not about respondents (tables, cells compared, the threshold itself)."""
    return _Public(str(text))


def join(parts: Iterable[Any], joiner: Any = ", ".join) -> Released:
    """Released parts joined into one text (``joiner``: e.g. ``phrasing.join_nl``).

    Raises
    ------
    TypeError
        When a part that carries a figure is not :class:`Released`.
    """
    parts = list(parts)
    for i, value in enumerate(parts):
        if carries_number(str(value)) and not isinstance(value, Released):
            raise TypeError(f"join: deel {i} ({value!r}) bevat een getal dat het geheimhoudingsbeleid niet heeft gepasseerd")
    return Released(joiner([str(p) for p in parts]))


def compose(template: str, **parts: Any) -> Released:
    """A sentence built from released parts: ``template.format(**parts)``.

    Raises
    ------
    TypeError
        When the template itself carries a figure, or a part that carries one is not
        :class:`Released`.
    """
    if carries_number(template.replace("{", "").replace("}", "")):
        raise TypeError(f"compose: het sjabloon {template!r} bevat zelf een getal; lijm getallen als vrijgegeven delen")
    for key, value in parts.items():
        if carries_number(str(value)) and not isinstance(value, Released):
            raise TypeError(f"compose: het deel {key}={value!r} bevat een getal dat het geheimhoudingsbeleid "
                            "niet heeft gepasseerd (gebruik disclosure.release of Disclosed.text)")
    return Released(template.format(**parts))


# --------------------------------------------------------------------------- downloads
@dataclass(frozen=True)
class SuppressedCell:
    """One suppressed cell of a download (recorded in the exhibit's sidecar)."""

    row: int
    column: str
    reason: str  # "primary" or "secondary"
    base: float | None
    key: dict
    value: float | None = None

    def to_json(self) -> dict:
        return {"rij": self.row, "kolom": self.column, "reden": self.reason,
                "basis": None if self.base is None else int(self.base), "sleutel": self.key,
                "vingerafdruk": fingerprint(self.value, self.base)}


def fingerprint(value: Any, base: Any) -> str | None:
    """A short hash of a value and its base, to recognise a hidden value shown elsewhere.

    The audit compares the fingerprints of the cells an exhibit hid with those of the cells
    every other exhibit shows; the value itself is written nowhere.
    """
    import hashlib

    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    if v != v:
        return None
    b = "" if base is None or is_missing(base) else str(int(float(base)))
    return hashlib.sha256(f"{v:.9f}|{b}".encode()).hexdigest()[:16]


@dataclass
class Protected:
    """A download frame after the policy: blanked cells, status column, what was suppressed."""

    frame: pd.DataFrame
    cells: list[SuppressedCell]
    base_columns: list[str]
    value_columns: list[str]
    min_base: int
    bases_of: dict[str, str] = field(default_factory=dict)


def _base_for(column: str, columns: list[str], pol: Policy) -> str | None:
    """Base column of a value column: ``n_<x>`` for ``<prefix>_<x>``, else the one base column."""
    for prefix in pol.wide_value_prefixes:
        m = re.fullmatch(rf"{re.escape(prefix)}_(.+)", column)
        if m and f"n_{m.group(1)}" in columns:
            return f"n_{m.group(1)}"
    bases = [c for c in columns if c in pol.public_counts]
    return bases[0] if len(bases) == 1 else None


def _is_value(column: str, pol: Policy) -> bool:
    if column in pol.value_columns:
        return True
    return any(re.fullmatch(rf"{re.escape(p)}_.+", column) for p in pol.wide_value_prefixes)


def _json_key(value: Any) -> Any:
    if is_missing(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value if isinstance(value, (int, float, str, bool)) else str(value)


def _group_column(frame: pd.DataFrame, exclude: set[str]) -> str | None:
    """The column holding the total row (value ``Totaal``), if any."""
    for c in frame.columns:
        if c in exclude:
            continue
        if frame[c].astype(str).eq(_TOTAL).any():
            return str(c)
    return None


def protect(data: pd.DataFrame, min_base: int | None = None, secondary: bool = True) -> Protected:
    """Apply the policy to a download frame.

    Parameters
    ----------
    data : DataFrame
        The exhibit's full-precision data (columns named as in the policy's vocabulary:
        ``base``/``basis``/``n`` for the base, ``pct``/``mean``/``sd``/``count``… for values).
    min_base : int, optional
        Threshold of this build (default: the policy's).
    secondary : bool, default True
        False for a table the report published as it is (:func:`published_as_is`): primary
        suppression only, as printed; its download then carries the printed rounding only.

    Returns
    -------
    Protected
        ``frame``: a copy with every value cell whose base is below the threshold blanked
        (primary), cells of the smallest other group blanked where a single hidden group
        would follow from the total (secondary), and a Dutch status column; ``cells``: every
        blanked cell with its row, column, reason, base and key (the row's non-value
        columns). A frame without a base column passes unchanged (nothing to protect: no
        group statistics) and gets no status column.
    """
    pol = policy()
    t = threshold(min_base)
    do_secondary = secondary
    frame = data.reset_index(drop=True).copy()
    linked = (frame.pop(LINKED).fillna(False).astype(bool) if LINKED in frame.columns
              else pd.Series(False, index=frame.index))  # secondary cells decided across frames
    base_hidden = (frame.pop(BASE_HIDDEN).fillna(False).astype(bool) if BASE_HIDDEN in frame.columns
                   else pd.Series(False, index=frame.index))  # bases that are hidden counts
    linked = linked | base_hidden
    columns = [str(c) for c in frame.columns]
    frame.columns = columns
    values = [c for c in columns if _is_value(c, pol)]
    pairs = {c: _base_for(c, columns, pol) for c in values}
    pairs = {c: b for c, b in pairs.items() if b is not None}
    bases = sorted(set(pairs.values()), key=columns.index)
    key_cols = [c for c in columns if c not in values and c not in bases]
    status = [pol.status_text("shown", t)] * len(frame)
    cells: list[SuppressedCell] = []

    def key_of(i: int) -> dict:
        return {c: _json_key(frame.at[i, c]) for c in key_cols}

    hidden_rows: dict[str, set[int]] = {b: set() for b in bases}
    for b in bases:
        n = pd.to_numeric(frame[b], errors="coerce")
        for i in frame.index[(n < t) | n.isna()]:
            hidden_rows[b].add(int(i))
    # secondary suppression per block of groups with a shown total
    group = _group_column(frame, set(values) | set(bases))
    secondary: dict[str, set[int]] = {b: set() for b in bases}
    no_base = {int(i) for i in frame.index[base_hidden]}
    if do_secondary:
        for b in bases:
            secondary[b] |= {int(i) for i in frame.index[linked]} - hidden_rows[b]
    if group is not None and do_secondary:
        labels = [c for c in key_cols if c != group
                  and frame.groupby(group, sort=False)[c].nunique(dropna=False).max() == 1
                  and frame[c].nunique(dropna=False) > 1]
        block_cols = [c for c in key_cols if c not in labels and c != group]
        for b in bases:
            blocks = ([sub.index for _, sub in frame.groupby(block_cols, sort=False, dropna=False)]
                      if block_cols else [frame.index])
            for idx in blocks:
                idx = list(idx)
                totals = [i for i in idx if str(frame.at[i, group]) == _TOTAL]
                if len(totals) != 1 or totals[0] in hidden_rows[b]:
                    continue
                groups = [i for i in idx if i != totals[0]]
                n = pd.to_numeric(frame.loc[groups, b], errors="coerce").fillna(0)
                total_n = float(pd.to_numeric(frame.at[totals[0], b], errors="coerce"))
                rest = total_n - float(n.sum())
                if rest < 0:  # groups overlap: the total is no sum of them
                    continue
                extra = complementary(dict(zip(groups, n)), (hidden_rows[b] | secondary[b]) & set(groups), rest, t)
                secondary[b] |= extra
                if no_base & set(groups):  # a hidden base must not follow from the total either
                    more = complementary(dict(zip(groups, n)), no_base & set(groups), rest, t)
                    no_base |= more
                    secondary[b] |= more - hidden_rows[b]
    for b in bases:
        cols = [c for c, bb in pairs.items() if bb == b]
        for reason, rows in (("primary", hidden_rows[b]), ("secondary", secondary[b])):
            for i in sorted(rows):
                base = (float("nan") if i in no_base
                        else pd.to_numeric(pd.Series([frame.at[i, b]]), errors="coerce").iloc[0])
                for c in cols:
                    if not is_missing(frame.at[i, c]):
                        v = pd.to_numeric(pd.Series([frame.at[i, c]]), errors="coerce").iloc[0]
                        cells.append(SuppressedCell(i, c, reason, None if is_missing(base) else float(base), key_of(i),
                                                    None if is_missing(v) else float(v)))
                status[i] = pol.status_text("base" if i in no_base else reason, t)
        blank = sorted(hidden_rows[b] | secondary[b])
        for c in cols:
            if pd.api.types.is_integer_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c]):
                frame[c] = frame[c].astype("Int64" if pd.api.types.is_integer_dtype(frame[c]) else "boolean")
            elif not pd.api.types.is_float_dtype(frame[c]):
                frame[c] = frame[c].astype(object)
            if blank:
                frame.loc[blank, c] = pd.NA if not pd.api.types.is_float_dtype(frame[c]) else float("nan")
    if no_base:  # last: the rule above still saw the bases of the block
        for b in bases:
            n = pd.to_numeric(frame[b], errors="coerce").astype(float)
            n.loc[sorted(no_base)] = float("nan")
            whole = bool((n.dropna() % 1 == 0).all())
            frame[b] = n.astype("Int64") if whole and pd.api.types.is_integer_dtype(frame[b]) else n
    # a row with a figure published by others and no base hides nothing: it has no microdata
    external = [c for c in pol.published_columns if c in columns and c not in values]
    if external and "external" in pol.status:
        hid = {c.row for c in cells}
        for i in frame.index:
            no_base = all(is_missing(frame.at[i, b]) for b in bases)
            if no_base and i not in hid and any(not is_missing(frame.at[i, c]) for c in external):
                status[i] = pol.status_text("external", t)
    if bases:
        frame[pol.status_column] = status
    return Protected(frame, cells, bases, list(pairs), t, dict(pairs))


def sidecar_json(payload: Mapping[str, Any]) -> str:
    """JSON text of an exhibit's sidecar (UTF-8, stable key order, Dutch keys)."""
    return json.dumps(payload, ensure_ascii=False, indent=2, default=_json_key)


# --------------------------------------------------------------------------- profiles
@dataclass(frozen=True)
class ProfileGroup:
    """One profile of a grouping variable: one group, or a pool of small groups.

    Attributes
    ----------
    codes : tuple of int
        The group codes the profile covers (one, or several for the pool).
    base : int
        Respondents of the edition's year in these groups.
    pooled : bool
        True for the pool of groups that may not be shown on their own.
    reasons : mapping code -> str
        For a pool: why each group is in it (``"primary"``: below the threshold;
        ``"secondary"``: added so that the pool is not derivable from the total).
    """

    codes: tuple[int, ...]
    base: int
    pooled: bool = False
    reasons: Mapping[int, str] = field(default_factory=dict)


@lru_cache(maxsize=4)
def _groupings(path: str) -> tuple[tuple[tuple[str, Any], ...], ...]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    groupings = (raw.get("profiles") or {}).get("groupings") or []
    for i, g in enumerate(groupings):
        if not isinstance(g, dict) or not g.get("variable") or not g.get("pool_label"):
            raise PolicyError(f"{path}, profiles.groupings[{i}]: verwacht 'variable' en "
                              f"'pool_label', gevonden {g!r}.")
    return tuple(tuple(g.items()) for g in groupings)


def profile_groupings() -> list[dict]:
    """The grouping variables that get profiles, with their pool labels (policy ``profiles``;
    the file is read once, every call returns fresh dicts)."""
    return [dict(g) for g in _groupings(str(POLICY_FILE))]


def profile_groups(bases: Mapping[int, int], min_base: int | None = None) -> tuple[list[ProfileGroup], list[int]]:
    """Decide which groups get a profile of their own and which are pooled.

    Parameters
    ----------
    bases : mapping code -> int
        Respondents per group in the edition's year (groups with none left out).
    min_base : int, optional
        Threshold in force (default: the policy's).

    Returns
    -------
    (list of ProfileGroup, list of int)
        The profiles in code order (the pool, when there is one, last) and the codes of the
        groups that get no profile at all (a pool that cannot reach the threshold).

    Examples
    --------
    >>> groups, dropped = profile_groups({1: 40, 3: 2, 5: 6})
    >>> [(g.codes, g.pooled) for g in groups], dropped
    ([((1,), False), ((3, 5), True)], [])
    """
    t = threshold(min_base)
    bases = {int(c): int(n) for c, n in bases.items() if int(n) > 0}
    pool = {c: "primary" for c, n in bases.items() if n < t}
    alone = sorted((c for c in bases if c not in pool), key=lambda c: (bases[c], c))
    if pool:
        while sum(bases[c] for c in pool) < t and alone:
            pool[alone.pop(0)] = "secondary"
    groups = [ProfileGroup((c,), bases[c]) for c in sorted(alone)]
    pooled_base = sum(bases[c] for c in pool)
    if pool and pooled_base >= t:
        groups.append(ProfileGroup(tuple(sorted(pool)), pooled_base, True, dict(pool)))
        return groups, []
    return groups, sorted(pool)


def profile_block(bases: Mapping[int, int], codes: Iterable[int],
                  min_base: int | None = None) -> list[tuple[int, ...]]:
    """The block of groups one profile discloses: the same groups, in the same order, for every
    profile of the grouping variable in an edition.

    Parameters
    ----------
    bases : mapping code -> int
        Respondents per group in the edition's year (as for :func:`profile_groups`).
    codes : iterable of int
        The codes of the profile.
    min_base : int, optional
        Threshold in force (default: the policy's).

    Returns
    -------
    list of tuple of int
        The groups of the block: every profile of :func:`profile_groups` in its order (code
        order, the pool last), the profile's own group in the place of the first group it
        overlaps, every other group less the profile's codes. Groups without a profile are in
        no group of the block (the secondary rule counts them as the hidden rest of the total).

    Notes
    -----
    The secondary rule (:func:`complementary`) breaks ties between groups of equal base by
    their order in the block. Each profile page is computed on its own (its own kernel), so
    the block's order must not depend on the profile: were the profile's group first, two
    profiles with a tie would hide different complementary cells and, side by side, give the
    hidden cell away. With this one order every profile of an edition hides the same cells.

    Examples
    --------
    >>> profile_block({1: 40, 2: 12, 3: 12, 4: 2}, (3,), min_base=5)
    [(1,), (3,), (2, 4)]
    >>> profile_block({1: 40, 2: 12, 3: 12, 4: 2}, (2, 4), min_base=5)
    [(1,), (3,), (2, 4)]
    """
    own = tuple(sorted(int(c) for c in codes))
    groups, _ = profile_groups(bases, min_base)
    out: list[tuple[int, ...]] = []
    for g in groups:
        if set(g.codes) & set(own):
            if own not in out:
                out.append(own)
            rest = tuple(c for c in g.codes if c not in own)
        else:
            rest = tuple(g.codes)
        if rest:
            out.append(rest)
    if own not in out:
        out.insert(0, own)
    return out


#: Column of a frame given to :func:`protect` that marks rows to hide as secondary cells decided
#: outside the frame (:func:`linked_suppression`, for the sector profiles); :func:`protect`
#: removes it before anything else, so it reaches no download.
LINKED = "_verborgen_gekoppeld"

#: Column of a frame given to :func:`protect` that marks rows whose base is itself a count the
#: policy hides (a question asked of the innovating organisations only, where the number of the
#: group's innovators is hidden: :func:`barometer.presentation.linked.hidden_bases`). Their values
#: are hidden as secondary cells (primary below the threshold) and their base is blanked too,
#: in the download, the sidecar and on screen; the rule of the block still reckons with it.
BASE_HIDDEN = "_basis_verborgen"


def linked_suppression(atoms: Mapping[Any, float],
                       blocks: Sequence[tuple],
                       min_base: int | None = None) -> dict[Any, str]:
    """Secondary suppression of several blocks whose groups overlap (the sector profiles of one
    edition: sectors and the parts of the national government), solved together.

    Parameters
    ----------
    atoms : mapping atom -> base
        The finest groups of respondents (e.g. one per combination of sector and part of the
        national government) with their base for one statistic, year and item.
    blocks : sequence of (total key, atoms of the total, groups)
        Each block as the profiles show it, in the policy's order (:func:`profile_block`): its
        shown total (the atoms of every respondent with a code of the block's variable, also
        those in no group: the block's rest) and its groups in order, each ``(key, atoms of
        the group)``. A block with only a total (the whole public sector) adds a shown total.
        A fourth element ``True`` marks a block kept as printed (:func:`published_as_is`): its
        groups are shown wherever their base reaches the threshold and are never hidden as
        secondary cells; what follows from the printed cells and the totals alone is left as
        the report published it.
    min_base : int, optional
        Threshold in force (default: the policy's).

    Returns
    -------
    dict key -> str
        Every group key the rule hides: ``"primary"`` (base below the threshold) or
        ``"secondary"``. Keys whose groups hold the same respondents (the zbo's are a sector
        and a part of the national government) are one cell and get the same verdict.

    Notes
    -----
    A count of a group is derivable when it is a sum and difference of shown counts (the
    totals, the shown groups); with public bases a share is derivable exactly when its count
    is. The rule: no hidden group, and no rest of a block smaller than the threshold, may be
    derivable, nor the hidden groups of a block with its rest together when they number fewer
    than the threshold. While one is, the smallest shown group (ties: the first block, then the
    first in its block) whose hiding makes it underivable is hidden too. For one block this is
    :func:`complementary` exactly; with blocks that overlap it also covers a hidden group
    that follows from another variable's group (a part of the national government as the
    sector Rijksoverheid minus the other part). The result depends only on the bases, so
    every profile of an edition, each computed on its own, hides the same cells.

    Examples
    --------
    >>> atoms = {"k": 3, "d": 20, "z": 9, "g": 40}
    >>> sectors = ("T", "kdzg", [("R", "kd"), ("Z", "z"), ("G", "g")])
    >>> parts = ("N", "kdz", [("K", "k"), ("D", "d"), ("Zn", "z")])
    >>> sorted(linked_suppression(atoms, [sectors, parts], 5).items())
    [('D', 'secondary'), ('K', 'primary')]

    Kept as printed, the parts of the national government with their total already give K
    away (N minus D and Zn); hiding D in the other blocks would protect nothing, so nothing
    more is hidden:

    >>> sorted(linked_suppression(atoms, [sectors, (*parts, True)], 5).items())
    [('K', 'primary')]
    """
    import numpy as np

    t = threshold(min_base)
    live = [a for a, n in atoms.items() if float(n) > 0]
    col = {a: i for i, a in enumerate(live)}

    def vector(members) -> np.ndarray:
        v = np.zeros(len(live))
        for a in members:
            if a in col:
                v[col[a]] = 1.0
        return v

    def base(members) -> float:
        return float(sum(float(atoms[a]) for a in set(members) if a in col))

    cells: dict[frozenset, list] = {}   # atoms -> keys (one cell, several names)
    order: dict[frozenset, tuple] = {}
    totals: list[np.ndarray] = []
    protected: list[frozenset] = []
    shown_blocks: list[tuple[list[frozenset], frozenset]] = []  # (groups, rest) of blocks with a shown total
    printed: set[frozenset] = set()  # groups of blocks kept as printed
    for b, (total_key, total_atoms, groups, *kept) in enumerate(blocks):
        covered: set = set()
        members_of: list[frozenset] = []
        for pos, (key, members) in enumerate(groups):
            s = frozenset(a for a in members if a in col)
            covered |= s
            if not s:
                continue
            members_of.append(s)
            if kept and kept[0]:
                printed.add(s)
            cells.setdefault(s, []).append(key)
            order.setdefault(s, (b, pos))
        whole = frozenset(a for a in total_atoms if a in col)
        if whole and base(whole) < t:  # a small total is hidden itself (primary)
            protected.append(whole)
        elif whole:
            totals.append(vector(whole))
            rest = whole - covered
            shown_blocks.append((members_of, frozenset(rest)))
            if rest and base(rest) < t:
                protected.append(rest)
    hidden = {s: "primary" for s in cells if base(s) < t}
    protected = [s for s in cells if s in hidden] + protected

    def shown_matrix(extra=None, only=None) -> np.ndarray:
        rows = totals + [vector(s) for s in cells if s not in hidden and s != extra and (only is None or s in only)]
        return np.array(rows) if rows else np.zeros((0, len(live)))

    def derivable(s: frozenset, m: np.ndarray) -> bool:
        if not len(m):
            return False
        v = vector(s)
        return np.linalg.matrix_rank(np.vstack([m, v])) == np.linalg.matrix_rank(m)

    def pooled() -> list[frozenset]:
        # the hidden groups of a block with its rest: their sum follows from the total, so together
        # they must reach the threshold (as in :func:`complementary`)
        out = []
        for groups, rest in shown_blocks:
            union = frozenset().union(*[g for g in groups if g in hidden], rest)
            if union and base(union) < t and union not in out:
                out.append(union)
        return out

    # what the printed cells and the totals alone give away, the book cannot prevent
    as_printed = shown_matrix(only=printed) if printed else None
    exempt = {s for s in protected + pooled() if as_printed is not None and derivable(s, as_printed)}
    while True:
        m = shown_matrix()
        leak = next((s for s in protected + pooled() if s not in exempt and derivable(s, m)), None)
        if leak is None:
            break
        candidates = sorted((s for s in cells if s not in hidden and s not in printed),
                            key=lambda s: (base(s), order[s]))
        if not candidates:
            break
        pick = next((c for c in candidates if not derivable(leak, shown_matrix(extra=c))), candidates[0])
        hidden[pick] = "secondary"
    return {key: why for s, why in hidden.items() for key in cells[s]}
