"""The audit's check across exhibits: a hidden count that follows from what several exhibits show.

The within-exhibit check of :mod:`barometer.publishing.audit` finds a hidden group that is the
difference between a shown total and the other shown groups *of one download*. The same
quantity — e.g. the number of innovating organisations of each sector in 2025 — can appear in
several exhibits of an edition, in different forms: an answer count (``Aantal``), a share at
full precision times its public base, a rounded share on a small base (which leaves one count
possible), or the base column of another table (the ``Totaal`` column of Tabel B1-9 is the
number of innovators per sector). A reader who puts them side by side can subtract, so this
module does the same:

1. From every download of the edition it reads, per block of a table with a total row (a
   ``Totaal`` group), the *exactly known* counts per group and of the total: a *vector* of one
   quantity over the groups of one grouping variable (recognised by the codebook labels of
   the groups) in one year.
2. Vectors of the same grouping and year that agree on every group and total both know, and on
   at least two non-zero counts, are taken to be the same quantity and pooled.
3. Where a pooled quantity has a known total and exactly one unknown part — one group, or the
   groups that no exhibit lists on their own (the Hoge Colleges van Staat in Tabel B1-8) — that
   part follows: total minus the known groups. It is a finding when that part is protected: it
   rests on fewer respondents than the threshold, or an exhibit hid it. A count hidden in one
   exhibit and shown exactly in another is a finding too.

Exhibits kept as printed (``published_as_is`` in ``data/disclosure.yaml``): in the report's
edition at its threshold, a derivation that already follows from the printed forms alone —
the ``Totaal (n)`` columns and the rounded percentages of the report's tables — is no finding
of the book: the book reproduces the print, it adds nothing. Such derivations are returned
separately (:attr:`Result.printed`), with the printed exhibits that allow them, so that the
audit can say so; a derivation that needs anything the book adds (a full-precision column, an
answer count, a figure's download) stays a finding.

Notes
-----
Means are covered the same way: a mean at full precision times its public base is the sum of
the group's scores, and a hidden group's sum (so its mean) follows from the total's and the
other groups' sums. What it does not see: standard deviations (a hidden group's spread
follows from the total's and the other groups' means and spreads only with all of them shown
at full precision; the within-exhibit check covers a download with its own total); a total that shares no exactly known cell with the groups it completes
(the total of innovators beside Figuur 2-1's size classes is the same number as Tabel B1-8's
total, but nothing in the numbers ties a size class to a sector: that needs the exhibits to
declare what they count); and a
pair of quantities that agree by chance on every shared cell (then it may report a derivation
that is none: a false alarm, not a miss). Pooling is a judgement on the numbers only: two
vectors that agree on at least two non-zero counts and contradict each other nowhere are
taken to count the same thing.

Two or more hidden groups still give their *sum* (total minus the shown groups). The policy
allows that sum when they number at least the threshold together, as it allows a pooled
profile, and hides more groups when they do not
(:func:`barometer.presentation.disclosure.complementary`). Where all or none of them answered
yes, the sum tells each one's answer — as a shown group's 0% or 100% does; the threshold rule
accepts that (the 2021 edition: Provincie, 3 of 3, and the Hoge Colleges van Staat, 4 of 4).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from barometer.presentation import disclosure
from barometer.presentation.formatting import round_half_up

__all__ = ["Known", "Vector", "Derivation", "Result", "vectors", "derivations"]

_TOTAL = "Totaal"
_YEAR = "Jaar"
_NOT_KEYS = {"Bron", "Let op", "Geheimhouding"}
_WIDE = re.compile(r"^(?P<stem>.+?) (?P<year>(?:19|20)\d\d)(?P<suffix> \((?:volle precisie|afgerond)\))?$")
_FULL, _ROUNDED = " (volle precisie)", " (afgerond)"
#: Label of the part made up of the groups a table does not list on their own.
REST = "niet afzonderlijk getoonde groepen"


@dataclass(frozen=True)
class Known:
    """An exactly known count and where a reader finds it."""

    value: int
    file: str
    exhibit: str
    cell: str
    printed: bool  # a printed form in a table of the report (Totaal (n), a rounded percentage)

    def where(self) -> str:
        return f"{self.exhibit} ({self.file}, {self.cell})"


@dataclass
class Vector:
    """One quantity over the groups of one grouping variable in one year, as one download shows it.

    Attributes
    ----------
    grouping : str
        The codebook variable of the groups.
    year : str
    codes : tuple of int
        Every code of the grouping variable (the codebook's).
    listed : dict code -> Known or None
        The groups the block lists, with their count when it is exactly known.
    hidden : set of int
        Listed groups whose cell the download shows as not published.
    total : Known or None
    bases : dict code -> float
        The respondents behind each listed group's count (its row's base), where known.
    rest_base : float or None
        Respondents in the total but in no listed group.
    """

    grouping: str
    year: str
    exhibit: str
    file: str
    what: str
    codes: tuple[int, ...]
    kind: str = "count"  # "base", "count" or "pct"
    listed: dict[int, Known | None] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)
    total: Known | None = None
    bases: dict[int, float] = field(default_factory=dict)
    rest_base: float | None = None

    def known(self) -> dict:
        out = {c: k for c, k in self.listed.items() if k is not None}
        if self.total is not None:
            out[_TOTAL] = self.total
        return out


@dataclass(frozen=True)
class Derivation:
    """A protected part of a quantity that follows from what the edition shows."""

    grouping: str
    year: str
    part: str          # group label, or REST
    value: int
    total: Known
    used: tuple[Known, ...]
    reason: str        # why the part is protected (Dutch)
    vector: str        # which exhibit's block the part belongs to
    kind: str = "count"  # "mean": value is the sum of the part's scores (mean times base)

    def key(self) -> tuple:
        return (self.grouping, self.year, self.part, self.value)

    def exhibits(self) -> list[str]:
        return sorted({k.exhibit for k in (self.total, *self.used)})


@dataclass
class Result:
    """What the check found: findings (Dutch, with place) and derivations the print itself allows."""

    derived: list[Derivation] = field(default_factory=list)
    shown_elsewhere: list[tuple[Vector, int, Known]] = field(default_factory=list)
    printed: list[Derivation] = field(default_factory=list)


# --------------------------------------------------------------------------- reading a download
@lru_cache(maxsize=1)
def _label_index() -> dict[str, dict[str, int]]:
    """Codebook variable -> {label (any form, lower case): code}, for coded single-choice variables."""
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    out: dict[str, dict[str, int]] = {}
    for name in cb.variables:
        labels: dict[str, int] = {}
        for get in (cb.labels, cb.labels_short, cb.labels_long):
            try:
                for code, label in (get(name) or {}).items():
                    labels[str(label).strip().lower()] = int(code)
            except Exception:  # noqa: BLE001 - a variable without codes has no groups
                continue
        if len(set(labels.values())) >= 2:
            out[str(name)] = labels
    return out


def _grouping(frame: pd.DataFrame, candidates: list[str]) -> tuple[str, str, dict[str, int]] | None:
    """(column, variable, label -> code) of the column whose groups are the labels of one codebook
    variable (the first such variable when several fit)."""
    index = _label_index()
    for col in candidates:
        cells = {str(x).strip().lower() for x in frame[col] if str(x).strip() and str(x).strip() != _TOTAL}
        if len(cells) < 2:
            continue
        for variable, labels in index.items():
            if cells <= labels.keys():
                return col, variable, labels
    return None


def _num(x) -> float | None:
    try:
        v = float(str(x).replace(",", "."))
    except ValueError:
        return None
    return None if v != v else v


def _empty(x) -> bool:
    return str(x).strip() in ("", "nan", "None", "<NA>")


def _count(kind: str, value, base, rounded: bool) -> int | float | None:
    """The count a cell fixes exactly, or None (several counts possible, or not a count); for a
    mean at full precision, the sum of the scores (mean times base, to 6 decimals)."""
    v, n = _num(value), _num(base)
    if v is None:
        return None
    if kind == "mean":
        return None if rounded or n is None or n <= 0 else round(v * n, 6)
    if kind == "count":
        return int(v) if float(v).is_integer() and v >= 0 else None
    if n is None or n <= 0 or not float(n).is_integer() or n > 100_000:
        return None
    n = int(n)
    if not rounded and not float(v).is_integer():
        c = round(v * n / 100.0)
        return c if abs(100.0 * c / n - v) < 1e-6 and 0 <= c <= n else None
    fits = [c for c in (int(v * n / 100.0) + d for d in range(-2, 3))
            if 0 <= c <= n and round_half_up(100.0 * c / n, 0) == round_half_up(v, 0)]
    return fits[0] if len(fits) == 1 else None


def _kind(stem: str) -> str | None:
    s = stem.lower()
    if s.startswith("aantal"):
        return "count"
    if s.startswith("percentage") or s.startswith("aandeel"):
        return "pct"
    if s.startswith("gemiddelde"):
        return "mean"
    return None


def vectors(frame: pd.DataFrame, meta: dict, file: str, threshold: int) -> list[Vector]:
    """The count vectors one download shows (see the module's description).

    Parameters
    ----------
    frame : DataFrame
        The download as a reader reads it (every cell a string).
    meta : dict
        Its sidecar (which columns are bases and values, the report's exhibit, the edition).
    file : str
        The file's name in findings.
    threshold : int
    """
    cols = [str(c) for c in frame.columns]
    values = _value_columns(meta, cols)
    bases = sorted(set(values.values()) | {c for c in cols if c in (meta.get("kolommen") or {}).get("basis", [])},
                   key=cols.index)
    if not bases:
        return []
    others = [c for c in cols if c not in values and c not in bases and c not in _NOT_KEYS]
    group = next((c for c in others if frame[c].astype(str).eq(_TOTAL).any()), None)
    if group is None:  # groups without a total row: their counts may complete another exhibit's total
        found = _grouping(frame, [c for c in others if c != _YEAR])
        if found is None:
            return []
        group = found[0]
    labels_of = [c for c in others if c != group and c != _YEAR
                 and frame.groupby(group, sort=False)[c].nunique().max() == 1 and frame[c].nunique() > 1]
    found = _grouping(frame, [group, *labels_of])
    if found is None:
        return []
    label_col, variable, labels = found
    codes = tuple(sorted(set(labels.values())))
    keys = [c for c in others if c != group and c not in labels_of and c != label_col]
    report = str(meta.get("bron_in_rapport") or "")
    edition = str(meta.get("editie") or "")
    # a printed form counts only in a table of the report kept as printed (policy published_as_is)
    table_of_report = (report.startswith("Tabel") and edition.isdigit()
                       and disclosure.published_as_is(report.split(" ")[-1], int(edition), threshold)
                       and bool(meta.get("gelijk_aan_druk", True)))  # the data give the printed figures
    exhibit = str(meta.get("naam", ""))
    out: list[Vector] = []
    blocks = [(k, sub) for k, sub in frame.groupby(keys, sort=False)] if keys else [((), frame)]
    for key, sub in blocks:
        key = key if isinstance(key, tuple) else (key,)
        block = ", ".join(f"{k} {v}" for k, v in zip(keys, key))
        year_of_block = str(dict(zip(keys, key)).get(_YEAR, edition)).removesuffix(".0")
        is_total = sub[group].astype(str).eq(_TOTAL)
        if is_total.sum() > 1:
            continue
        total_row = sub[is_total].iloc[0] if is_total.any() else None
        rows = sub[~is_total]
        row_codes = {}
        for i, r in rows.iterrows():
            code = labels.get(str(r[label_col]).strip().lower())
            if code is not None:
                row_codes[i] = code
        if len(row_codes) != len(rows):
            continue
        # one vector per base column (the respondents, or e.g. the innovators of Tabel B1-9)
        # and one per count-like value column
        columns = [(b, "base", b) for b in bases] + [(v, _kind(_stem(v)), b) for v, b in values.items()
                                                       if _kind(_stem(v))]
        for col, kind, bcol in columns:
            m = _WIDE.match(col)
            year = m.group("year") if m else year_of_block
            rounded = col.endswith(_ROUNDED) or (bool(meta.get("zoals_gedrukt")) and not col.endswith(_FULL))
            printed = table_of_report and (kind == "base" or (kind == "pct" and rounded))
            vec = Vector(variable, year, exhibit, file, f"kolom '{col}'" + (f", blok {block}" if block else ""),
                         codes, kind)
            listed_bases = []
            for i, code in row_codes.items():
                b = _num(rows.at[i, bcol])
                if b is not None:
                    vec.bases[code] = b
                    listed_bases.append(b)
                cell = f"rij {int(i) + 2}, kolom '{col}'"
                if kind == "base":
                    c = _count("count", rows.at[i, col], None, False)
                else:
                    c = _count(kind, rows.at[i, col], rows.at[i, bcol], rounded)
                    if _empty(rows.at[i, col]):
                        vec.hidden.add(code)
                vec.listed[code] = None if c is None else Known(c, file, exhibit, cell, printed)
            if total_row is not None:
                tcell = f"rij {int(total_row.name) + 2}, kolom '{col}'"
                t = (_count("count", total_row[col], None, False) if kind == "base"
                     else _count(kind, total_row[col], total_row[bcol], rounded))
                vec.total = None if t is None else Known(t, file, exhibit, tcell, printed)
                tb = _num(total_row[bcol])
                if tb is not None and len(listed_bases) == len(row_codes):
                    vec.rest_base = tb - sum(listed_bases)
            out.append(vec)
    return out


def _stem(column: str) -> str:
    for s in (_FULL, _ROUNDED):
        if column.endswith(s):
            return column[: -len(s)]
    return column


def _value_columns(meta: dict, columns: list[str]) -> dict[str, str]:
    """Value column -> its base column (the sidecar's description)."""
    described = (meta.get("kolommen") or {}).get("waarden") or {}
    out = {}
    for c in columns:
        stem = _stem(c)
        if stem in described and described[stem] in columns:
            out[c] = described[stem]
    return out


# --------------------------------------------------------------------------- pooling and deriving
def _agree(a: dict, b: dict) -> bool:
    shared = a.keys() & b.keys()
    if any(a[k].value != b[k].value for k in shared):
        return False
    return sum(1 for k in shared if a[k].value != 0) >= 2


def _join(items) -> list[tuple[dict, list[Vector]]]:
    """Greedy pooling: each (known counts, members) joins the first pool it agrees with."""
    out: list[tuple[dict, list[Vector]]] = []
    for known, members in items:
        for pool_known, pool in out:
            if _agree(pool_known, known):
                for k, x in known.items():
                    pool_known.setdefault(k, x)
                pool.extend(members)
                break
        else:
            out.append((dict(known), list(members)))
    return out


def _pool(vecs: list[Vector]) -> list[list[Vector]]:
    """Vectors of one grouping and year, pooled into quantities (greedy; a pool stays consistent)."""
    pools = _join((v.known(), [v]) for v in sorted(vecs, key=lambda v: -len(v.known())))
    # a later member may have made two pools agree: join them (once is enough in practice)
    return [members for _, members in _join(pools)]


def _derive(members: list[Vector], threshold: int, suppressed: set[tuple], label: dict) -> list[Derivation]:
    """The protected parts that follow in one pooled quantity.

    A pool of base columns only counts respondents, which the policy keeps public: nothing to
    protect. A base column pooled with a share or count of another exhibit (the innovators per
    sector of Tabel B1-9 beside Tabel B1-8) counts answers, and its parts are protected as the
    share's are; the respondents behind each part come from the share's or count's rows.
    """
    counting = [v for v in members if v.kind != "base"]
    if not counting:
        return []
    known: dict = {}
    for v in members:
        for k, x in v.known().items():
            known.setdefault(k, x)
    respondents: dict[int, float] = {}
    rests: dict[frozenset, float] = {}
    for v in counting:
        for c, b in v.bases.items():
            respondents.setdefault(c, b)
        if v.rest_base is not None:
            rests.setdefault(frozenset(v.listed), v.rest_base)
    total = known.get(_TOTAL)
    out: list[Derivation] = []
    if total is None:
        return out
    seen = set()
    for v in members:
        unknown = [c for c in v.listed if c not in known]
        unlisted = [c for c in v.codes if c not in v.listed]
        rest_base = rests.get(frozenset(v.listed))
        # respondents in the total but in no listed group: an unknown part when a group that is not
        # listed is unknown, or, with every code listed, when some have no code (a missing answer)
        rest_open = ((any(c not in known for c in unlisted) and (rest_base is None or rest_base > 0))
                     or (not unlisted and rest_base is not None and rest_base > 0))
        if len(unknown) + (1 if rest_open else 0) != 1:
            continue
        used = [known[c] for c in v.listed if c in known] + [known[c] for c in unlisted if c in known]
        value = total.value - sum(k.value for k in used)
        if v.kind == "mean":
            value = round(value, 6)
        if value < 0:
            continue  # the groups overlap or the vectors do not count the same thing
        why = None
        if unknown:
            code = unknown[0]
            part, base = label.get(code, str(code)), respondents.get(code)
            if base is not None and base < threshold:
                why = f"berust op {int(base)} organisaties (minder dan {threshold})"
            elif (v.grouping, v.year, code) in suppressed:
                why = "is in een exhibit van deze editie verborgen"
        else:
            part = REST
            if rest_base is not None and 0 < rest_base < threshold:
                why = f"berust op {int(rest_base)} organisaties (minder dan {threshold})"
        if why is None:
            continue
        d = Derivation(v.grouping, v.year, part, value, total, tuple(used), why, f"{v.exhibit}, {v.what}",
                       "mean" if v.kind == "mean" else "count")
        if d.key() not in seen:
            seen.add(d.key())
            out.append(d)
    return out


def derivations(tables: list[tuple[pd.DataFrame, dict, str]], threshold: int) -> Result:
    """Run the check on the downloads of one edition.

    Parameters
    ----------
    tables : list of (frame, sidecar, file)
        Every download table of the edition (one entry per file and sheet; a byte-for-byte copy
        may be left out).
    threshold : int
        The threshold of the build.

    Returns
    -------
    Result
        ``derived``: the protected parts that follow; ``shown_elsewhere``: hidden counts shown
        exactly by another exhibit; ``printed``: derivations that, in the report's edition at its
        threshold (``published_as_is``), already follow from the printed forms of the report's
        tables alone (no finding of the book; the audit says so).
    """
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    vecs: list[Vector] = []
    suppressed: set[tuple] = set()
    for frame, meta, file in tables:
        vecs += vectors(frame, meta, file, threshold)
    for v in vecs:
        for c in v.hidden:
            suppressed.add((v.grouping, v.year, c))
    result = Result()

    def run(selection: list[Vector]) -> tuple[list[Derivation], list]:
        by: dict[tuple, list[Vector]] = {}
        for v in selection:  # sums of scores (means) pool only with each other
            by.setdefault((v.grouping, v.year, v.kind == "mean"), []).append(v)
        derived, elsewhere = [], []
        reported: set[tuple] = set()
        for (grouping, _, _), group in by.items():
            labels = cb.labels(grouping)
            for members in _pool(group):
                derived += _derive(members, threshold, suppressed, labels)
                known = {}
                for v in members:
                    for k, x in v.known().items():
                        known.setdefault(k, x)
                for v in members:
                    for c in sorted(v.hidden):
                        key = (v.exhibit, v.grouping, v.year, c)
                        if c in known and known[c].exhibit != v.exhibit and key not in reported:
                            reported.add(key)
                            elsewhere.append((v, c, known[c]))
        return derived, elsewhere

    derived, result.shown_elsewhere = run(vecs)
    if any(k is not None and k.printed for v in vecs for k in (*v.listed.values(), v.total)):
        printed_vecs = []
        for v in vecs:
            p = Vector(v.grouping, v.year, v.exhibit, v.file, v.what, v.codes, v.kind,
                       {c: (k if k is not None and k.printed else None) for c, k in v.listed.items()},
                       set(v.hidden), v.total if v.total is not None and v.total.printed else None,
                       dict(v.bases), v.rest_base)
            printed_vecs.append(p)
        by_print = {d.key(): d for d in run(printed_vecs)[0]}
        for d in derived:
            (result.printed if d.key() in by_print else result.derived).append(
                by_print.get(d.key(), d) if d.key() in by_print else d)
    else:
        result.derived = derived
    return result
