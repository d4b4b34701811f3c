"""Secondary suppression across the exhibits of one edition that break a statistic down by a
grouping variable of the profiles (``sector``, ``national_type``).

Several exhibits show the same statistic for overlapping groups: Tabel B1-8 the share of
innovating organisations for every sector on its own, the sector profiles the same share for
every profile (a sector, or the pool "Overige sectoren"), chapter 2 and the profiles of the
national government for its parts, of which the zbo's are also a sector. Each exhibit is
computed in its own kernel; were each to choose its complementary cells on its own, one
exhibit could show what another hides (the pool minus a sector shown in B1-8 is the hidden
rest). This module solves the policy's secondary rule once for all of them together
(:func:`barometer.presentation.disclosure.linked_suppression`), on the bases of the finest
groups of respondents (one per combination of the grouping variables' codes, the *atoms*):

* every grouping variable is shown in two shapes (:data:`SHAPES`): as the profiles group it
  (:func:`barometer.presentation.disclosure.profile_groups`) and with every code on its own
  (the tables; codes the codebook keeps out of tables, ``display.table_rows_exclude``, are in
  the total only);
* the result depends only on the bases, so every exhibit of an edition, each computing it
  again, hides the same cells;
* in the report's edition at the report's threshold the tables of the report keep their
  printed cells (:func:`barometer.presentation.disclosure.published_as_is`): the codes on their
  own are then fixed (shown where their base reaches the threshold), and what follows from the
  printed cells alone is no finding the book could prevent (the audit names it as such).

An exhibit takes part by declaring the statistic it shows as a function
``compute(frame, years, by)`` that returns rows with ``year``, ``group`` (a code of the column
``by``, or the total), ``base`` and optionally ``item`` (``linked=`` of
:class:`barometer.presentation.declaration.Figure`); :func:`flags` marks its rows to hide.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import pandas as pd

from barometer.presentation import disclosure

__all__ = ["SHAPES", "PROFILES", "ALONE", "Statistic", "INNOVATED", "TYPES", "CLIMATE", "CONDITIONS", "CLUSTERS", "statistic",
           "STATISTICS", "variables", "atoms", "atom_rows", "blocks", "hidden", "flags", "ROUTED_BY", "hidden_bases",
           "printed_cells"]

#: The shape of the profiles (groups pooled by the policy) and of the tables (every code alone).
PROFILES = "profielen"
ALONE = "afzonderlijk"
SHAPES = (PROFILES, ALONE)

@dataclass(frozen=True)
class Statistic:
    """A statistic some exhibits break down by a grouping variable of the profiles.

    Attributes
    ----------
    name : str
        Unique name (the solution is computed once per edition and statistic).
    compute : callable ``(frame, years, by) -> DataFrame or None``
        The statistic by any grouping column: rows ``year``, ``group``, ``base`` and
        optionally ``item``; only the bases count.
    printed : mapping variable -> tuple of str
        The report's exhibits that show it with every code of the variable on its own
        (``{"sector": ("Tabel B1-8",)}``): in the report's edition at the report's threshold
        they keep their printed cells.
    question : str
        The codebook question or scale it is about (a list of cells names its rows by it, or
        by one of the question's items).
    """

    name: str
    compute: Callable[..., Any]
    printed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    question: str = ""

    def __call__(self, frame, years, by):
        return self.compute(frame, years, by)


def _share(question: str):
    def compute(frame, years, by):
        from barometer.analysis.statistics import share

        return share(frame, question, 1, by=by, years=years)
    return compute


def _frequencies(question: str):
    def compute(frame, years, by):
        from barometer.analysis.statistics import frequencies

        return frequencies(frame, question, by=by, years=years)
    return compute


def _means(scale: str):
    def compute(frame, years, by):
        from barometer.analysis.statistics import means

        return means(frame, scale, by=by, years=years).rename(columns={"n": "base"})
    return compute


#: The statistics that exhibits of the report show for every group on its own (Bijlage I,
#: Figuur 2-2) and the profiles show for theirs: one definition each, so that every exhibit
#: solves the rule on the same bases.
INNOVATED = Statistic("innovated", _share("innovated"),
                      {"sector": ("Tabel B1-8",), "national_type": ("Figuur 2-2",)}, "innovated")
TYPES = Statistic("innovation_type", _frequencies("innovation_type"), {"sector": ("Tabel B1-9",)}, "innovation_type")
CLIMATE = Statistic("climate_scale", _means("climate_scale"),
                    {"sector": ("Tabel B1-10",), "national_type": ("Tabel B1-11",)}, "climate_scale")
CONDITIONS = Statistic("conditions_scale", _means("conditions_scale"), {"sector": ("Tabel B1-12",)}, "conditions_scale")
#: Figuur B2-4 (not the report's figure: its print shows other numbers) and the profiles.
CLUSTERS = Statistic("climate_cluster", _frequencies("climate_cluster"), {}, "climate_cluster")


#: Every statistic above (for exhibits that list the report's cells, such as the methods
#: chapter's check of the published figures).
STATISTICS = (INNOVATED, TYPES, CLIMATE, CONDITIONS, CLUSTERS)


def statistic(compute: Callable | Statistic) -> Statistic:
    """``compute`` as a :class:`Statistic` (a plain function: shown by no printed exhibit)."""
    if isinstance(compute, Statistic):
        return compute
    return Statistic(f"{getattr(compute, '__module__', '')}.{getattr(compute, '__qualname__', repr(compute))}"
                     f"#{id(compute)}", compute)


#: Results per edition object (emptied between chapters by a warm kernel, see barometer.book.warm).
_CACHE: dict[tuple, tuple] = {}


def _once(key: tuple, ed, make: Callable[[], Any], keep: Any = None) -> Any:
    """``make()`` once per edition object and ``key``. The entry holds the edition and ``keep``
    (the statistic, whose name may carry the ``id`` of a plain function) alive, so that their
    ids are not reused while cached; a build's warm kernel keeps the entries of the edition it
    reuses from chapter to chapter (barometer.book.warm)."""
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not ed:  # the id of an edition no longer alive may be reused
        hit = _CACHE[key] = (ed, make(), keep)
    return hit[1]


def variables(ed) -> tuple[str, ...]:
    """The grouping variables of the policy's profiles that the edition's data have."""
    return tuple(g["variable"] for g in disclosure.profile_groupings() if g["variable"] in ed.all_years)


def atoms(ed) -> tuple[pd.Series, dict[int, dict[str, int]]]:
    """Every respondent's finest group (one per combination of the grouping variables' codes,
    -1 for none) and each atom's codes."""
    vs = variables(ed)

    def make():
        codes = ed.all_years[list(vs)].fillna(-1).astype(int)
        atom = codes.groupby(list(vs), sort=True).ngroup()
        first = codes.assign(_atom=atom).drop_duplicates("_atom")
        return atom, {int(a): {v: int(first.at[i, v]) for v in vs} for i, a in first["_atom"].items()}

    return _once(("atoms", id(ed), vs), ed, make)


def atom_rows(ed, compute: Callable | Statistic) -> pd.DataFrame | None:
    """``compute`` by the atoms (:func:`atoms`; column ``group`` the atom), every year of the
    edition; once per edition object and statistic. None without grouping variables."""
    if not variables(ed):
        return None

    def make():
        years = sorted(int(y) for y in ed.all_years["year"].dropna().unique())
        return compute(ed.all_years.assign(_atom=atoms(ed)[0]), years, "_atom")

    stat = statistic(compute)
    return _once(("atom_rows", id(ed), stat.name), ed, make, stat)


def blocks(ed, variable: str) -> dict[str, list[tuple[int, ...]]]:
    """The groups of ``variable`` in each shape (:data:`SHAPES`), in the edition's order."""
    from barometer.data.codebook import load_codebook

    def make():
        bases = ed.df[variable].dropna().astype(int).value_counts().to_dict()
        profiles = [g.codes for g in disclosure.profile_groups(bases, ed.min_base)[0]]
        cb = load_codebook()
        display = getattr(_meta(variable), "display", None) or {}
        exclude = {int(c) for c in display.get("table_rows_exclude", [])}
        alone = [(int(c),) for c in cb.labels(variable) if int(c) not in exclude]
        return {PROFILES: profiles, ALONE: alone}

    return _once(("blocks", id(ed), variable), ed, make)


def _meta(variable: str):
    """The codebook entry of a grouping variable (a question, or a derived variable)."""
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    return cb.variables[variable] if variable in cb.variables else cb.derived(variable)


def _printed(ed, variable: str, stat: Statistic) -> bool:
    """Whether the report's exhibits that show ``stat`` for every code of ``variable`` keep
    their printed cells in this edition: kept as printed by the policy, and the edition's files
    give the printed figures (:meth:`barometer.book.edition.Edition.reproduces_print`), as for
    the exhibits themselves."""
    def kept(rid: str) -> bool:
        check = getattr(ed, "reproduces_print", None)
        return (disclosure.published_as_is(rid.split(" ")[-1], ed.year, ed.min_base)
                and (check is None or bool(check(rid))))

    return any(kept(rid) for rid in stat.printed.get(variable, ()))


def hidden(ed, compute: Callable | Statistic) -> dict[tuple[int, str], dict[tuple[str, str, tuple[int, ...]], str]]:
    """The cells the policy hides for one statistic, every exhibit of the edition together.

    Parameters
    ----------
    ed : Edition
    compute : Statistic, or callable ``(frame, years, by) -> DataFrame or None``
        The statistic by any grouping column (rows ``year``, ``group``, ``base``, optionally
        ``item``); called once per edition with the atoms.

    Returns
    -------
    dict (year, item) -> {(variable, shape, codes): reason}
        For every year and item (``""`` without an item column) the hidden groups of every
        shape of every grouping variable: ``"primary"`` or ``"secondary"``.
    """
    vs = variables(ed)
    stat = statistic(compute)

    def make():
        out: dict = {}
        if not vs:
            return out
        codes_of = atoms(ed)[1]
        rows = atom_rows(ed, stat)
        if rows is None or not len(rows):
            return out
        from barometer.analysis.statistics import TOTAL

        rows = rows[rows["group"].astype(str) != TOTAL]
        items = rows["item"].astype(str) if "item" in rows else pd.Series("", index=rows.index)
        for (year, item), sub in rows.groupby([rows["year"].astype(int), items], sort=False):
            bases = {int(a): float(n) for a, n in zip(sub["group"], sub["base"])}
            spec = [(None, list(bases), [])]  # the whole public sector
            for v in vs:
                member = {a: codes_of[a][v] for a in bases}
                inside = [a for a, c in member.items() if c >= 0]
                fixed = _printed(ed, v, stat)
                for shape, groups in blocks(ed, v).items():
                    spec.append(((v, shape, "totaal"), inside,
                                 [((v, shape, g), [a for a, c in member.items() if c in g]) for g in groups],
                                 fixed and shape == ALONE))
            why = disclosure.linked_suppression(bases, spec, ed.min_base)
            out[(int(year), str(item))] = why
        return out

    return _once(("hidden", id(ed), stat.name), ed, make, stat)


def flags(ed, compute: Callable | Statistic, rows: pd.DataFrame, variable: str, shape: str,
          group: str = "group", year: str = "year", codes: Callable[[Any], Any] | None = None,
          item: str = "item", reasons: tuple[str, ...] = ("secondary",)) -> pd.Series:
    """Which rows of an exhibit the edition-wide rule hides as secondary cells.

    Parameters
    ----------
    ed : Edition
    compute : callable
        The exhibit's statistic by any grouping (as for :func:`hidden`).
    rows : DataFrame
        The exhibit's full-precision frame.
    variable : str
        The grouping variable whose codes the column ``group`` holds.
    shape : {"profielen", "afzonderlijk"}
        How the exhibit groups them.
    group, year, item : str
        Columns of the group, the year and (for a statistic of several items) the item.
    codes : callable, optional
        Group value -> tuple of codes (default: one code; the total and other values: none).
    reasons : tuple of str
        Which verdicts to mark (default ``("secondary",)``: primary cells are hidden by
        :func:`barometer.presentation.disclosure.protect` anyway).

    Returns
    -------
    Series of bool
        True for a row of a group the rule hides for one of ``reasons``; for the column
        :data:`barometer.presentation.disclosure.LINKED`.
    """
    out = pd.Series(False, index=rows.index)
    if variable not in variables(ed) or not len(rows):
        return out
    table = hidden(ed, compute)
    if not table:
        return out
    items = {i for _, i in table}
    single = next(iter(items)) if len(items) == 1 else None

    def as_codes(value):
        if codes is not None:
            return codes(value)
        try:
            return (int(value),)
        except (TypeError, ValueError):
            return None

    for i in rows.index:
        g = as_codes(rows.at[i, group])
        if g is None:
            continue
        key = str(rows.at[i, item]) if item in rows and single is None else single
        why = table.get((int(rows.at[i, year]), key), {})
        out.at[i] = why.get((variable, shape, tuple(sorted(g)))) in reasons
    return out


#: The statistic that counts the organisations a routed question is asked of, by the column its
#: routing condition names (the codebook's ``innovated == 1``: innovating organisations).
ROUTED_BY: dict[str, Statistic] = {"innovated": INNOVATED}


def hidden_bases(ed, rows: pd.DataFrame, variable: str, shape: str, group: str = "group",
                 year: str = "year", item: str = "item", codes: Callable[[Any], Any] | None = None,
                 total: str = "Totaal") -> pd.Series:
    """Which rows of an exhibit publish a base that is itself a count the policy hides.

    The base of a question the codebook routes (asked of the innovating organisations only)
    is the number of the group's organisations that got it: nearly the count of the routing
    question's answer. Where the edition-wide rule hides that count (:data:`ROUTED_BY`, every
    verdict), or where the group numbers fewer respondents than the threshold in that year (a
    routing question without an edition-wide statistic), the row's base is hidden with its
    values (the column :data:`barometer.presentation.disclosure.BASE_HIDDEN`). Rows of an
    unrouted question, and rows whose item is no codebook column, are never marked.

    Parameters are those of :func:`flags`; ``total`` is the label of a block's total row (its
    codes: every code of ``variable`` in the data).
    """
    from barometer.data.codebook import CodebookError, load_codebook

    cb = load_codebook()
    out = pd.Series(False, index=rows.index)
    if not len(rows) or item not in rows or variable not in ed.all_years:
        return out
    everyone = ed.all_years
    years = pd.to_numeric(everyone["year"], errors="coerce")
    known = tuple(sorted(int(c) for c in everyone[variable].dropna().unique()))

    def conditions(name: str) -> list[str]:
        try:
            routing = cb.routing_of(name)
        except CodebookError:
            return []
        return cb.condition_columns(routing.name) if routing.condition else []

    routed = {name: conditions(name) for name in rows[item].astype(str).unique()}
    marked = rows[item].astype(str).map(lambda n: bool(routed[n]))
    if not marked.any():
        return out
    as_codes = codes or (lambda value: (int(value),) if str(value).isdigit() else None)
    for column in sorted({c for cs in routed.values() for c in cs}):
        pick = marked & rows[item].astype(str).map(lambda n: column in routed[n])
        stat = ROUTED_BY.get(column)
        if stat is not None:
            sub = rows[pick]
            out.loc[sub.index] |= flags(ed, stat, sub.drop(columns=[item]), variable, shape, group=group,
                                        year=year, codes=as_codes, reasons=("primary", "secondary")).to_numpy()
    counts: dict[tuple[int, tuple], int] = {}  # respondents per (year, codes): rows share them
    for i in rows.index[marked]:
        label = rows.at[i, group]
        g = known if str(label) == total else as_codes(label)
        if g is None:
            continue
        key = (int(rows.at[i, year]), tuple(g))
        if key not in counts:
            counts[key] = int(((years == key[0]) & everyone[variable].isin(g)).sum())
        out.at[i] = bool(out.at[i]) or counts[key] < ed.min_base
    return out


def printed_cells(ed, rows: pd.DataFrame, variable: str = "group_var", group: str = "group",
                  year: str = "year", item: str = "variable",
                  skip: Callable[[pd.Series], bool] | None = None) -> pd.Series:
    """Which rows of a list of cells (one per row, naming its question or item, grouping
    variable, group and year; the methods chapter's check of the published figures) the
    edition-wide rule hides as secondary cells: a recomputed figure of a cell that an exhibit
    hides is hidden in the list too, whichever part of the report printed it. ``skip(row)``
    leaves rows out (public counts)."""
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    out = pd.Series(False, index=rows.index)
    for stat in STATISTICS:
        names = {stat.question}
        if stat.question in cb.variables:
            names |= set(cb.items(stat.question))
        for var in variables(ed):
            pick = rows[item].astype(str).isin(names) & (rows[variable].astype(str) == var)
            if skip is not None:
                pick &= ~rows.apply(skip, axis=1)
            sub = rows[pick]
            if len(sub):
                out.loc[sub.index] = flags(ed, stat, sub, var, ALONE, group=group, year=year, item=item).to_numpy()
    return out
