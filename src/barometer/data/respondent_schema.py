"""The pandera schema of a respondent file, generated from the codebook.

:func:`respondent_schema` turns the codebook (for the file's year) into a
:class:`pandera.api.pandas.container.DataFrameSchema`: which columns must be there and which
may not (``strict``), the respondent id (not empty, unique), the year (known, one per file,
the requested one), and for every coded column its type (a number, an integer), its allowed
codes (single choice, yes/no, Likert range, 0/1 of a multiple-response option) and the
routing rules (who was asked: an answer from somebody who was not asked, an empty cell of
somebody who was; exclusive options; minimum number of options mentioned).

Every check carries the *kind* of problem as its name (a key of
:data:`barometer.data.validation.KIND_TITLES`), and the Dutch expectation is registered with it,
so that :mod:`barometer.data.validation` can turn pandera's failure cases into the project's
problem list. The checks receive the frame with text stripped (values as the user typed
them) and read the numbers, valid codes and routing masks from a shared
:class:`barometer.data.validation.Context`, which computes each of them once.

Routing rules read other columns than the one they constrain (the condition columns); they
are registered on the column they constrain, so that a failure case names that column and
its value, as the messages need.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

__all__ = ["respondent_schema", "structure_schema", "Expectations"]

#: (column or None, kind) -> the Dutch expectation of that check.
Expectations = dict[tuple[str | None, str], str]


def _check(ctx, name: str, kind: str, fn, expected: Expectations, text: str
           ) -> pa.Check:
    """A vectorised check ``fn(ctx) -> bool Series`` (True = fine) on column ``name``."""
    expected[(name, kind)] = text
    return pa.Check(lambda _s, fn=fn: fn(), name=kind, ignore_na=False)


def structure_schema(ctx, *, required: bool) -> tuple[pa.DataFrameSchema,
                                                               Expectations]:
    """Columns only: unique names, no unknown or derived columns, the required columns."""
    cb = ctx.codebook
    expected: Expectations = {}
    required_cols = set()
    if required:
        required_cols = set(cb.columns(ctx.ref_year) if ctx.ref_year is not None
                            else [cb.id_column, cb.year_column])
    columns = {c: pa.Column(required=c in required_cols, nullable=True)
               for c in cb.columns()}
    columns.update({c: pa.Column(required=False, nullable=True)
                    for c in ctx.ignore_columns if c not in columns})
    return pa.DataFrameSchema(columns, strict=True, unique_column_names=True), expected


def respondent_schema(ctx) -> tuple[pa.DataFrameSchema, Expectations]:
    """The full schema of a file of ``ctx.year`` (structure, values and routing).

    Returns
    -------
    schema : DataFrameSchema
        Validate ``ctx.raw`` with it (``lazy=True``).
    expected : dict
        ``(column, kind) -> Dutch expectation`` of every check.
    """
    from barometer.data.expectations import describe_codes, routing_text

    cb = ctx.codebook
    schema, expected = structure_schema(ctx, required=True)
    columns = dict(schema.columns)
    idc, ycol = cb.id_column, cb.year_column
    if idc in ctx.df.columns:
        columns[idc] = pa.Column(nullable=True, required=idc in columns and columns[idc].required,
                                 checks=[
            _check(ctx, idc, "missing_id", lambda: ctx.ids.notna(), expected,
                   "een respondentnummer in elke rij"),
            _check(ctx, idc, "duplicate_id",
                   lambda: ~(ctx.ids.notna() & ctx.ids.duplicated(keep=False)), expected,
                   "elk respondentnummer één keer"),
            _check(ctx, idc, "invalid_id", lambda: ctx.id_fits, expected,
                   "een respondentnummer als tekst, of als geheel getal van hoogstens 15 "
                   "cijfers (een langer nummer als tekst leveren; in SPSS als String-variabele)"),
        ])
    for col in ctx.coded:
        name = col.name
        checks = [
            _check(ctx, name, "non_numeric",
                   lambda n=name: ~(ctx.present[n] & ctx.numeric[n].isna()), expected,
                   f"een getal ({describe_codes(col)})" if not col.open_codes
                   else "een jaartal"),
            _check(ctx, name, "non_integer", lambda n=name: ~ctx.fraction[n], expected,
                   "een geheel getal (code zonder decimalen)"),
        ]
        if name == ycol:
            checks += _year_checks(ctx, expected)
        elif not col.open_codes:
            kind = {"likert": "likert_out_of_range", "multiple": "mention_not_0_1"}.get(
                col.type, "invalid_code")
            checks.append(_check(ctx, name, kind, lambda n=name: ~ctx.bad_code[n], expected,
                                 describe_codes(col)))
        if ctx.ref_year is not None and name not in ctx.asked:
            years = ", ".join(map(str, col.years))
            checks.append(_check(
                ctx, name, "not_asked_in_year", lambda n=name: ~ctx.present[n], expected,
                f"leeg: deze vraag is in {ctx.year} niet gesteld (alleen in {years})"))
        elif name in ctx.asked:
            checks += _routing_checks(ctx, col, expected, routing_text)
        columns[name] = pa.Column(nullable=True, required=columns[name].required,
                                  checks=checks)
    return pa.DataFrameSchema(columns, strict=True, unique_column_names=True), expected


def _year_checks(ctx, expected: Expectations) -> list[pa.Check]:
    from barometer.data.expectations import known_years

    ycol = ctx.codebook.year_column
    years = known_years(ctx.codebook)
    known = ", ".join(map(str, years))
    num = ctx.numeric[ycol]
    whole = num.notna() & ~ctx.fraction[ycol]
    out = [
        _check(ctx, ycol, "missing_year", lambda: ctx.present[ycol], expected,
               f"een meetjaar ({known}) in elke rij"),
        _check(ctx, ycol, "unknown_year", lambda: ~(whole & ~num.isin(years)), expected,
               f"een bekend meetjaar ({known}); voeg een nieuw jaar eerst toe aan "
               "data/editions.yaml"),
    ]
    req = ctx.requested_year
    if req is not None:
        out.append(_check(ctx, ycol, "year_mismatch", lambda: ~(whole & num.ne(req)), expected,
                          f"{req} in elke rij (het bestand is geladen als meetjaar {req})"))
    else:
        counts = num[whole].value_counts()
        main = int(counts.index[0]) if len(counts) else None
        out.append(_check(ctx, ycol, "mixed_years", lambda: ~(whole & num.ne(main))
                          if main is not None else whole | True, expected,
                          f"één meetjaar per bestand (de meeste rijen hebben {main}); "
                          "lever elk jaar als apart bestand"))
    return out


def _routing_checks(ctx, col, expected: Expectations, routing_text) -> list[pa.Check]:
    """Who was asked: the routing rules of the codebook for one column."""
    cb, name = ctx.codebook, col.name
    asked = ctx.mask(name)
    if asked is None:  # a condition column is missing: reported as a missing column
        return []
    certain = ~ctx.uncertain(name)
    out = []
    if col.routing != "all":
        out.append(_check(
            ctx, name, "answer_not_routed",
            lambda: ~(ctx.present[name] & ~asked & certain), expected,
            f"leeg: vraag '{col.question}' is alleen gesteld aan "
            f"{routing_text(cb, col.question)}"))
    if not (col.missing_allowed or col.open_codes):
        def missing():
            empty = ~ctx.present[name] & asked & certain
            if col.type == "multiple":  # all options empty: see too_few_mentions
                empty &= ~ctx.all_options_empty(col.question)
            return ~empty
        out.append(_check(
            ctx, name, "missing_answer", missing, expected,
            f"een antwoord: deze vraag is gesteld aan {routing_text(cb, name)}"
            + (" (0 = niet genoemd, 1 = genoemd)" if col.type == "multiple" else "")))
    if col.type == "multiple":
        var = cb.variable(col.question)
        items = [c for c in cb.items(col.question, ctx.ref_year) if c in ctx.clean]
        if col.exclusive and len(items) > 1:
            others = [c for c in items if c != name]
            out.append(_check(
                ctx, name, "exclusive_combined",
                lambda: ~(ctx.mentioned[name] & ctx.mentioned[others].any(axis=1)), expected,
                f"'{cb.label(name)}' ({name} = 1) sluit alle andere opties van vraag "
                f"'{col.question}' uit: de andere opties 0"))
        if var.min_mentions and items and name == items[0]:
            def too_few():
                invalid = pd.concat([ctx.invalid[c] for c in items], axis=1).any(axis=1)
                count = ctx.mentioned[items].sum(axis=1)
                return ~(asked & certain & ~invalid & (count < var.min_mentions))
            out.append(_check(
                ctx, name, "too_few_mentions", too_few, expected,
                f"minstens {var.min_mentions} genoemde optie (1) bij vraag '{col.question}': "
                f"deze is gesteld aan {routing_text(cb, col.question)}"))
    return out
