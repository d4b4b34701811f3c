"""The contract of ``data/codebook.yaml`` and ``data/editions.yaml``: strict pydantic models.

The survey team edits both files for a new measurement year; a silent mistake there becomes a
wrong number in a published book. This module therefore

- reads YAML with PyYAML's node API, so that every value keeps its line number and duplicate
  keys (which ``yaml.safe_load`` silently resolves to the last one) are found;
- validates the structure with pydantic v2 models (:class:`CodebookSpec`,
  :class:`EditionEntry`): unknown keys (``rotuing:``) are rejected, types are strict (a code is
  an integer, a label is text, a year is an integer);
- checks the cross-references pydantic cannot see: a routing rule that names an unknown
  column or a code that column does not have, a derived variable over unknown items, an
  unknown scale or routing group, exclusive options or item years that are not items, years
  of a question that the codebook does not list, a codebook year missing from the editions
  file, duplicate names and codes;
- reports **every** problem at once as a :class:`SpecProblem` (file, YAML path, line, Dutch
  message).

PyYAML is used rather than ruamel.yaml: it is already a dependency, and its composed nodes
carry the line marks the messages need.

The JSON Schemas in ``data/codebook.schema.json`` and ``data/editions.schema.json`` are
generated from these models (:func:`write_json_schemas`, ``python -m barometer.data.schema``), so
that editors can validate while they type; ``tests/test_schema.py`` checks that they are up to
date.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

__all__ = [
    "SpecProblem",
    "format_spec_problems",
    "YamlDocument",
    "read_yaml",
    "CodebookSpec",
    "MetaSpec",
    "RoutingSpec",
    "VariableSpec",
    "DisplaySpec",
    "DerivedSpec",
    "EditionEntry",
    "CLAUSE",
    "split_and",
    "check_codebook_document",
    "check_editions_document",
    "codebook_json_schema",
    "editions_json_schema",
    "write_json_schemas",
    "SCHEMA_FILES",
]

# --------------------------------------------------------------------------- YAML with lines


@dataclass(frozen=True)
class SpecProblem:
    """One problem in the codebook or the editions file.

    Attributes
    ----------
    file : str
        The YAML file.
    path : str
        YAML path of the value, e.g. ``variables[12].rotuing`` (empty: the whole file).
    line : int or None
        Line number (1-based) of that value in the file.
    message : str
        What is wrong and what was expected (Dutch).
    """

    file: str
    path: str
    line: int | None
    message: str

    def describe(self) -> str:
        """One Dutch line: ``regel 212, variables[12].rotuing: ...``."""
        where = [f"regel {self.line}"] if self.line else []
        if self.path:
            where.append(self.path)
        return (", ".join(where) + ": " if where else "") + self.message


def format_spec_problems(file: str | Path, what: str, problems: list[SpecProblem]) -> str:
    """The multi-line Dutch message listing every problem of a codebook or editions file."""
    n = len(problems)
    lines = [f"{what} {file} is niet bruikbaar: {n} {'probleem' if n == 1 else 'problemen'} "
             "gevonden."]
    width = len(str(n))
    lines += [f"{i:>{width}}. {p.describe()}" for i, p in enumerate(problems, 1)]
    return "\n".join(lines)


class _Loader(yaml.SafeLoader):
    """SafeLoader that composes nodes (constructing happens in :class:`YamlDocument`)."""


@dataclass
class YamlDocument:
    """A YAML file read as data plus its node tree (for line numbers).

    Use :func:`read_yaml`.
    """

    file: str
    node: yaml.Node | None
    data: Any
    problems: list[SpecProblem]

    def line(self, loc: tuple) -> int | None:
        """Line of the value at ``loc`` (keys and list indices, as pydantic gives them).

        A path that ends in ``"[key]"`` gives the line of that key; a path that goes deeper
        than the document (a missing key) gives the line of the deepest existing value.
        """
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            if part == "[key]":
                break
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if str(_scalar(k)) == str(part):
                        node = v
                        line = k.start_mark.line + 1
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line


def _scalar(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _Loader("").construct_object(node)
    return None


def _construct(node: yaml.Node, file: str, path: str, problems: list[SpecProblem]) -> Any:
    """Build Python data from a node; record duplicate keys as problems."""
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        seen: dict[str, int] = {}
        for k_node, v_node in node.value:
            key = _construct(k_node, file, path, problems)
            try:
                hash(key)
            except TypeError:
                problems.append(SpecProblem(file, path, k_node.start_mark.line + 1,
                                            "een sleutel moet een enkele waarde zijn"))
                continue
            here = _join(path, key)
            text = str(key)
            if text in seen:
                problems.append(SpecProblem(
                    file, here, k_node.start_mark.line + 1,
                    f"sleutel {key!r} komt twee keer voor (eerder op regel {seen[text]}); "
                    "verwacht: elke sleutel (naam, code, jaar) één keer"))
                continue
            seen[text] = k_node.start_mark.line + 1
            out[key] = _construct(v_node, file, here, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, file, f"{path}[{i}]", problems) for i, v in enumerate(node.value)]
    return _Loader("").construct_object(node)


def _join(path: str, key: Any) -> str:
    if not path:
        return str(key)
    if isinstance(key, int) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", str(key)):
        return f"{path}[{key}]"
    return f"{path}.{key}"


def read_yaml(path: str | Path) -> YamlDocument:
    """Read a YAML file keeping line numbers; reading problems are listed, not raised."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return YamlDocument(file, None, None, [SpecProblem(file, "", None,
                            "het bestand bestaat niet")])
    except IsADirectoryError:
        return YamlDocument(file, None, None, [SpecProblem(file, "", None,
                            "dit is een map, geen bestand")])
    except UnicodeDecodeError as exc:
        return YamlDocument(file, None, None, [SpecProblem(file, "", None,
                            f"het bestand is geen UTF-8 (positie {exc.start})")])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        return YamlDocument(file, None, None, [SpecProblem(
            file, "", mark.line + 1 if mark else None, f"geen geldige YAML ({what})")])
    problems: list[SpecProblem] = []
    data = _construct(node, file, "", problems) if node is not None else None
    return YamlDocument(file, node, data, problems)


# --------------------------------------------------------------------------- pydantic models
_STRICT = ConfigDict(extra="forbid", frozen=True)

Code = Annotated[int, Strict()]
Year = Annotated[int, Strict(), Field(ge=1900, le=2200)]
Text = Annotated[str, Strict(), Field(min_length=1)]
Name = Annotated[str, Strict(), Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Labels = dict[Code, Text]
_INT_KEYS = {"propertyNames": {"pattern": r"^-?[0-9]+$"}}
CodeLabels = Annotated[Labels, Field(json_schema_extra=_INT_KEYS)]
Ref = Annotated[str | int | float, Field(union_mode="left_to_right")]  # "2.1" or 2.1

QuestionType = Literal["id", "single", "yesno", "multiple", "likert"]


class MetaSpec(BaseModel):
    """The ``meta:`` block."""

    model_config = _STRICT
    title: Text
    version: Text
    years: Annotated[list[Year], Field(min_length=1)]
    id_column: Name = "resp_id"
    year_column: Name = "year"
    rounding: Text | None = None
    min_base: Annotated[int, Strict(), Field(ge=1)] = 5
    small_cell_symbol: Text = "#"


class RoutingSpec(BaseModel):
    """A named respondent group (``routing: <name>:``)."""

    model_config = _STRICT
    label: Text
    condition: Annotated[str, Strict()] | None = Field(
        None, description="Clauses joined by 'and': 'column == n', 'column != n', "
        "'column in [n, ...]', 'column not in [n, ...]'; null = everybody.")


class DisplaySpec(BaseModel):
    """Display rules of a question."""

    model_config = _STRICT
    table_rows_exclude: list[Code] | None = None
    note_total: Text | None = None
    summary_codes: list[Code] | None = None
    summary_label: Text | None = None


class VariableSpec(BaseModel):
    """One question (``variables: - name: ...``)."""

    model_config = _STRICT
    name: Name
    type: QuestionType
    question: Text
    codes: CodeLabels | None = None
    labels_short: CodeLabels | None = None
    labels_long: CodeLabels | None = None
    scale: Name | None = None
    items: dict[Name, Text] | None = None
    item_years: dict[Name, Annotated[list[Year], Field(min_length=1)]] | None = None
    exclusive: list[Name] | None = None
    min_mentions: Annotated[int, Strict(), Field(ge=1)] | None = None
    routing: Name = "all"
    basis: Literal["published", "partly", "assumed"] | None = None
    years: Annotated[list[Year], Field(min_length=1)]
    missing_allowed: Annotated[bool, Strict()] = False
    recode: Annotated[dict[Code, Code], Field(json_schema_extra=_INT_KEYS)] | None = None
    open_codes: Annotated[bool, Strict()] = False
    display: DisplaySpec | None = None
    assumptions: list[Name] | None = None
    published_in: list[Ref] | None = None


class DerivedSpec(BaseModel):
    """A derived variable (``derived: - name: ...``)."""

    model_config = _STRICT
    name: Name
    type: Literal["derived"] = "derived"
    label: Text
    definition: Text
    codes: CodeLabels | None = None
    items: list[Name] | None = None
    min_items: Annotated[int, Strict(), Field(ge=1)] | None = None
    thresholds: dict[Name, float] | None = None
    routing: Name = "all"
    years: Annotated[list[Year], Field(min_length=1)]
    assumptions: list[Name] | None = None
    published_in: list[Ref] | None = None


class CodebookSpec(BaseModel):
    """The whole codebook file."""

    model_config = ConfigDict(extra="forbid", frozen=True,
                              title="Codeboek Innovatie Barometer Overheid")
    meta: MetaSpec
    routing: Annotated[dict[Name, RoutingSpec], Field(min_length=1)]
    scales: dict[Name, CodeLabels]
    variables: Annotated[list[VariableSpec], Field(min_length=1)]
    derived: list[DerivedSpec] = []


class EditionEntry(BaseModel):
    """One edition (measurement year) in ``data/editions.yaml``."""

    model_config = _STRICT
    label: Text
    period: Text
    period_start: Year
    period_end: Year
    fieldwork: Text
    published: Text
    invited: Annotated[int, Strict(), Field(ge=1)] | None = None
    response_rate: Annotated[float, Field(ge=0, le=100)] | None = Field(
        None, description="Percent, as published; null = unknown.")
    source: Text


# --------------------------------------------------------------------------- messages
_TYPE_WORDS = {
    "int": "een geheel getal", "str": "tekst", "bool": "true of false", "float": "een getal",
    "list": "een lijst ([a, b] of regels met '- ')", "dict": "een mapping (sleutel: waarde)",
}


def _value(v: Any) -> str:
    text = repr(v) if isinstance(v, str) else str(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _dutch(err: dict, allowed_keys: list[str]) -> str:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "extra_forbidden":
        key = err["loc"][-1]
        close = difflib.get_close_matches(str(key), allowed_keys, n=1, cutoff=0.6)
        if close:
            return f"onbekende sleutel '{key}'; bedoelde u '{close[0]}'?"
        return (f"onbekende sleutel '{key}'; toegestaan: {', '.join(allowed_keys)}"
                if allowed_keys else f"onbekende sleutel '{key}'")
    if kind == "missing":
        return f"verplichte sleutel '{err['loc'][-1]}' ontbreekt"
    if kind == "literal_error":
        return f"waarde {_value(value)}; verwacht een van: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return (f"waarde {_value(value)}; verwacht een naam van letters, cijfers en '_' "
                "(beginnend met een letter)")
    if kind == "string_too_short":
        return "lege tekst; verwacht een tekst"
    if kind == "too_short":
        return "lege lijst; verwacht minstens één waarde"
    for op, word in (("greater_than_equal", "≥"), ("less_than_equal", "≤"),
                     ("greater_than", ">"), ("less_than", "<")):
        if kind == op:
            bound = next(iter(ctx.values()), "")
            return f"waarde {_value(value)}; verwacht een getal {word} {bound}"
    for prefix, word in _TYPE_WORDS.items():
        if kind.startswith(prefix):
            where = "sleutel" if err["loc"] and err["loc"][-1] == "[key]" else "waarde"
            return f"{where} {_value(value)}; verwacht {word}"
    if kind == "model_type" or kind == "model_attributes_type":
        return f"waarde {_value(value)}; verwacht een mapping (sleutel: waarde)"
    return f"ongeldige waarde {_value(value)} ({kind})"


def _path(loc: tuple) -> str:
    """``('variables', 12, 'rotuing')`` -> ``variables[12].rotuing``."""
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        out = _join(out, part)
    return out


def _find_model(annotation: Any) -> type[BaseModel] | None:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def _model_for(loc: tuple, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model whose keys the last element of ``loc`` belongs to (for allowed keys)."""
    model: type[BaseModel] | None = root
    for part in loc[:-1]:
        if model is None:
            return None
        if part in model.model_fields:
            model = _find_model(model.model_fields[part].annotation)
        # else: a list index or mapping key inside a container of models: same model
    return model


def _problems(doc: YamlDocument, exc: ValidationError, prefix: tuple,
              root: type[BaseModel]) -> list[SpecProblem]:
    out = []
    errors, missing = [], {}
    for err in exc.errors():  # missing keys of one mapping: one problem
        if err["type"] == "missing":
            missing.setdefault(tuple(err["loc"][:-1]), []).append(str(err["loc"][-1]))
        else:
            errors.append(err)
    for err in errors:  # a misspelt required key: 'bedoelde u ...?' says it all
        if err["type"] == "extra_forbidden":
            parent = tuple(err["loc"][:-1])
            close = difflib.get_close_matches(str(err["loc"][-1]), missing.get(parent, []),
                                              n=1, cutoff=0.6)
            if close:
                missing[parent].remove(close[0])
    for parent, keys in missing.items():
        if not keys:
            continue
        loc = prefix + parent
        word = "verplichte sleutel" if len(keys) == 1 else "verplichte sleutels"
        verb = "ontbreekt" if len(keys) == 1 else "ontbreken"
        out.append(SpecProblem(doc.file, _path(loc), doc.line(loc),
                               f"{word} {', '.join(keys)} {verb}"))
    for err in errors:
        loc = prefix + tuple(err["loc"])
        model = _model_for(tuple(err["loc"]), root)
        allowed = list(model.model_fields) if model is not None else []
        out.append(SpecProblem(doc.file, _path(loc), doc.line(loc), _dutch(err, allowed)))
    return out


def _validate(doc: YamlDocument, model: type[BaseModel], data: Any, prefix: tuple,
              problems: list[SpecProblem], what: str = "", partial: bool = False
              ) -> BaseModel | None:
    """Validate ``data``; add its problems. With ``partial``, a model that failed is still
    returned with its valid keys (the others left out or as placeholders), so that its
    references can be checked too: every problem is reported in one go."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        found = _problems(doc, exc, prefix, model)
        if what:
            found = [SpecProblem(p.file, p.path, p.line, f"{what}: {p.message}") for p in found]
        problems.extend(found)
        if not partial or not isinstance(data, dict):
            return None
        bad = {e["loc"][0] for e in exc.errors() if e["loc"]}
        clean = {k: v for k, v in data.items() if k not in bad and k in model.model_fields}
        for name, field in model.model_fields.items():
            if name not in clean and field.is_required():
                clean[name] = _PLACEHOLDERS.get(name)
        try:
            return model.model_validate(clean)
        except ValidationError:
            return model.model_construct(**clean)


#: Stand-ins for required keys that are missing or wrong in a partially valid entry.
_PLACEHOLDERS: dict[str, Any] = {"years": [], "question": "?", "label": "?",
                                 "definition": "?", "title": "?", "version": "?"}


def _named(kind: str, raw: Any) -> str:
    name = raw.get("name") if isinstance(raw, dict) else None
    return f"{kind} '{name}'" if isinstance(name, str) else ""


# --------------------------------------------------------------------------- routing rules
#: One clause of a routing condition.
CLAUSE = re.compile(
    r"^\s*(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?P<op>==|!=|not\s+in|in)\s*"
    r"(?P<value>-?\d+|\[\s*-?\d+(?:\s*,\s*-?\d+)*\s*\])\s*$"
)


def split_and(condition: str) -> list[str]:
    """The clauses of a routing condition (joined with ``and``)."""
    return [c for c in re.split(r"\s+and\s+", condition.strip()) if c]


# --------------------------------------------------------------------------- codebook checks
class _Section(BaseModel):
    """Top level of the codebook, sections not yet validated (they are checked one by one)."""

    model_config = ConfigDict(extra="forbid")
    meta: Any
    routing: Any
    scales: Any
    variables: Annotated[list[Any], Field(min_length=1)]
    derived: list[Any] = []


def check_codebook_document(
    doc: YamlDocument, editions_years: tuple[int, ...] | None = None,
    editions_file: str | None = None,
) -> tuple[CodebookSpec | None, list[SpecProblem]]:
    """Validate a codebook document; return the model (``None`` if any problem) and problems.

    Parameters
    ----------
    doc : YamlDocument
        From :func:`read_yaml`.
    editions_years : tuple of int, optional
        Years of the editions file; every ``meta.years`` entry must be among them.
    editions_file : str, optional
        Name of the editions file, for the message.
    """
    problems = list(doc.problems)
    if doc.node is None:
        return None, problems
    if not isinstance(doc.data, dict):
        problems.append(SpecProblem(doc.file, "", doc.line(()),
                                    "verwacht een mapping met meta, routing, scales, variables"))
        return None, problems
    top = _validate(doc, _Section, doc.data, (), problems)
    if top is None:  # still check the sections that are there
        top = _Section.model_construct(**{k: doc.data.get(k) for k in _Section.model_fields
                                          if isinstance(doc.data.get(k), (dict, list))})
    meta = _validate(doc, MetaSpec, getattr(top, "meta", None), ("meta",), problems,
                     partial=True) \
        if isinstance(getattr(top, "meta", None), dict) else None
    routing: dict[str, RoutingSpec] = {}
    for name, r in _items(getattr(top, "routing", None), doc, ("routing",), problems):
        spec = _validate(doc, RoutingSpec, r, ("routing", name), problems)
        if spec is not None:
            routing[str(name)] = spec
    scales: dict[str, dict[int, str]] = {}
    for name, s in _items(getattr(top, "scales", None), doc, ("scales",), problems):
        spec = _validate(doc, _ScaleAdapter, {"codes": s}, ("scales", name), problems)
        if spec is not None:
            scales[str(name)] = dict(spec.codes)
    variables: list[tuple[int, VariableSpec, dict]] = []
    for i, v in enumerate(getattr(top, "variables", None) or []):
        spec = _validate(doc, VariableSpec, v, ("variables", i), problems, _named("vraag", v),
                         partial=True)
        if spec is not None:
            variables.append((i, spec, v))
    derived: list[tuple[int, DerivedSpec]] = []
    for i, d in enumerate(getattr(top, "derived", None) or []):
        spec = _validate(doc, DerivedSpec, d, ("derived", i), problems,
                         _named("afgeleide variabele", d), partial=True)
        if spec is not None:
            derived.append((i, spec))
    # Problems of _ScaleAdapter carry a 'codes' step that is not in the file.
    problems = [SpecProblem(p.file, p.path.replace(".codes", "", 1) if p.path.startswith(
        "scales.") else p.path, p.line, p.message) for p in problems]
    # Names that are in the file but failed validation are reported already: a reference
    # to them is not also an 'unknown' name.
    present = {
        "routing": set(map(str, _keys(getattr(top, "routing", None)))),
        "scales": set(map(str, _keys(getattr(top, "scales", None)))),
        "columns": {str(c) for v in getattr(top, "variables", None) or [] if isinstance(v, dict)
                    for c in ([*v["items"]] if isinstance(v.get("items"), dict)
                              else [v.get("name")])},
    }
    problems += _cross_check(doc, meta, routing, scales, variables, derived,
                             editions_years, editions_file, present)
    problems.sort(key=lambda p: p.line or 0)
    if problems:
        return None, problems
    return CodebookSpec.model_validate(doc.data), []


class _ScaleAdapter(BaseModel):
    model_config = ConfigDict(extra="forbid")
    codes: CodeLabels


def _items(section: Any, doc: YamlDocument, loc: tuple, problems: list[SpecProblem]
           ) -> Iterator[tuple[Any, Any]]:
    if section is None:
        return iter(())
    if not isinstance(section, dict):
        problems.append(SpecProblem(doc.file, _path(loc), doc.line(loc),
                                    f"waarde {_value(section)}; verwacht een mapping (naam: ...)"))
        return iter(())
    return iter(section.items())


def _keys(section: Any) -> list:
    return list(section) if isinstance(section, dict) else []


def _cross_check(doc, meta, routing, scales, variables, derived, editions_years,
                 editions_file, present) -> list[SpecProblem]:
    out: list[SpecProblem] = []

    def add(loc: tuple, message: str) -> None:
        out.append(SpecProblem(doc.file, _path(loc), doc.line(loc), message))

    def unknown(kind: str, name: str) -> bool:  # not in the file at all (not just invalid)
        return name not in present[kind]

    years = set(meta.years) if meta is not None else None

    def check_years(where: tuple, spec) -> None:
        """Every year of a question or derived variable is a measurement year of meta.years."""
        if years is None:
            return
        for k, y in enumerate(spec.years):
            if y not in years:
                add(where + ("years", k), f"jaar {y} staat niet in meta.years "
                    f"({', '.join(map(str, sorted(years)))})")

    def check_routing(where: tuple, spec) -> None:
        """The routing of a question or derived variable is one the file defines."""
        if unknown("routing", spec.routing):
            add(where + ("routing",), f"onbekende routering '{spec.routing}'; verwacht een van: "
                f"{', '.join(routing)}")
    if meta is not None and editions_years is not None:
        for k, y in enumerate(meta.years):
            if y not in editions_years:
                add(("meta", "years", k),
                    f"meetjaar {y} staat niet in het edities-bestand {editions_file}; voeg daar "
                    f"eerst een item '{y}:' toe (bekende jaren: "
                    f"{', '.join(map(str, sorted(editions_years)))})")
    columns: dict[str, tuple[VariableSpec, tuple[int, ...]]] = {}  # column -> (question, years)
    names: dict[str, int] = {}
    for i, v, raw in variables:
        where = ("variables", i)
        if v.name in names:
            add(where + ("name",), f"vraag '{v.name}' komt twee keer voor (ook variables"
                f"[{names[v.name]}]); verwacht: elke naam één keer")
        names.setdefault(v.name, i)
        if v.scale is not None and unknown("scales", v.scale):
            add(where + ("scale",), f"onbekende schaal '{v.scale}'; verwacht een van: "
                f"{', '.join(scales)}")
        check_routing(where, v)
        check_years(where, v)
        codes = _codes(v, scales)
        if v.type in ("single", "likert") and not {"codes", "scale"} & set(raw):
            add(where, f"vraag '{v.name}' van type {v.type} heeft geen 'codes' en geen 'scale'")
        if v.type in ("multiple", "likert") and not v.items:
            add(where, f"vraag '{v.name}' van type {v.type} heeft geen 'items'")
        if v.type != "multiple":
            for key in ("exclusive", "min_mentions"):
                if getattr(v, key) is not None:
                    add(where + (key,), f"'{key}' hoort alleen bij vragen van type multiple")
        items = v.items or {}
        for k, ex in enumerate(v.exclusive or ()):
            if ex not in items:
                add(where + ("exclusive", k), f"'{ex}' is geen item van vraag '{v.name}'")
        for item, iy in (v.item_years or {}).items():
            if item not in items:
                add(where + ("item_years", item), f"'{item}' is geen item van vraag '{v.name}'")
            for k, y in enumerate(iy):
                if y not in v.years:
                    add(where + ("item_years", item, k), f"jaar {y} is geen jaar van vraag "
                        f"'{v.name}' ({', '.join(map(str, v.years))})")
        for key in ("labels_short", "labels_long"):
            for c in getattr(v, key) or {}:
                if codes is not None and c not in codes:
                    add(where + (key, c), f"code {c} is geen code van vraag '{v.name}' "
                        f"({_codes_text(codes)})")
        for a, b in (v.recode or {}).items():
            for c in (a, b):
                if codes is not None and c not in codes:
                    add(where + ("recode", a), f"hercodering {a} → {b}: code {c} is geen code "
                        f"van vraag '{v.name}' ({_codes_text(codes)})")
        if v.display is not None:
            for key in ("summary_codes", "table_rows_exclude"):
                for k, c in enumerate(getattr(v.display, key) or ()):
                    if codes is not None and c not in codes:
                        add(where + ("display", key, k), f"code {c} is geen code van vraag "
                            f"'{v.name}' ({_codes_text(codes)})")
        for col in (list(items) or [v.name]):
            if col in columns:
                add(where, f"kolom '{col}' komt twee keer voor (ook bij vraag "
                    f"'{columns[col][0].name}'); verwacht: elke kolomnaam één keer")
                continue
            columns[col] = (v, tuple((v.item_years or {}).get(col, v.years)))
    if meta is not None:
        for key, want in (("id_column", ("id",)), ("year_column", ("single",))):
            col = getattr(meta, key)
            if col not in columns:
                if unknown("columns", col):
                    add(("meta", key), f"kolom '{col}' is geen vraag van het codeboek")
            elif columns[col][0].type not in want:
                add(("meta", key), f"vraag '{col}' heeft type {columns[col][0].type}; "
                    f"verwacht: {' of '.join(want)}")
    for name, r in routing.items():
        if not r.condition:
            continue
        loc = ("routing", name, "condition")
        for clause in split_and(r.condition):
            m = CLAUSE.match(clause)
            if m is None:
                add(loc, f"deel '{clause}' van de voorwaarde is niet van de vorm 'kolom == n', "
                    "'kolom != n', 'kolom in [n, ...]' of 'kolom not in [n, ...]'")
                continue
            col = m["col"]
            if col not in columns:
                if not unknown("columns", col):
                    continue
                close = difflib.get_close_matches(col, list(columns), n=1, cutoff=0.75)
                hint = f"; bedoelde u '{close[0]}'?" if close else ""
                add(loc, f"de voorwaarde noemt kolom '{col}', die niet in het codeboek staat"
                    f"{hint}")
                continue
            codes = _codes(columns[col][0], scales)
            for value in map(int, re.findall(r"-?\d+", m["value"])):
                if codes is not None and value not in codes:
                    add(loc, f"de voorwaarde vergelijkt kolom '{col}' met {value}, geen code "
                        f"van die kolom ({_codes_text(codes)})")
    dnames: set[str] = set()
    for i, d in derived:
        where = ("derived", i)
        if d.name in columns or d.name in dnames:
            add(where + ("name",), f"afgeleide variabele '{d.name}' heeft de naam van een "
                "kolom of van een andere afgeleide variabele; verwacht: een eigen naam")
        dnames.add(d.name)
        check_routing(where, d)
        for k, item in enumerate(d.items or ()):
            if unknown("columns", item):
                close = difflib.get_close_matches(item, list(columns), n=1, cutoff=0.75)
                hint = f"; bedoelde u '{close[0]}'?" if close else ""
                add(where + ("items", k), f"item '{item}' is geen kolom van het codeboek{hint}")
        if d.min_items is not None and d.items is not None and d.min_items > len(d.items):
            add(where + ("min_items",), f"min_items {d.min_items} is meer dan het aantal items "
                f"({len(d.items)})")
        check_years(where, d)
    return out


def _codes(v: VariableSpec, scales: dict[str, dict[int, str]]) -> set[int] | None:
    """The codes of a question; None when they cannot be known (unknown scale, id, open)."""
    if v.open_codes or v.type == "id":
        return None
    if v.codes is not None:
        return set(v.codes)
    if v.scale is not None:
        return set(scales[v.scale]) if v.scale in scales else None
    if v.type in ("multiple", "yesno"):
        return {0, 1}
    return None


def _codes_text(codes: set[int]) -> str:
    return "codes " + ", ".join(map(str, sorted(codes)))


# --------------------------------------------------------------------------- editions checks
def check_editions_document(doc: YamlDocument) -> tuple[dict[int, EditionEntry] | None,
                                                        list[SpecProblem]]:
    """Validate an editions document; return the entries (``None`` if any problem)."""
    problems = list(doc.problems)
    if doc.node is None:
        return None, problems
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        problems.append(SpecProblem(doc.file, "", doc.line(()),
                                    "verwacht een mapping van meetjaren (2025: ...) naar items"))
        return None, problems
    entries: dict[int, EditionEntry] = {}
    for year, entry in data.items():
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
            problems.append(SpecProblem(doc.file, str(year), doc.line((year,)),
                                        f"sleutel {_value(year)}; verwacht een meetjaar "
                                        "(een geheel getal, bijvoorbeeld 2027)"))
            continue
        if entry is None:
            entry = {}
        spec = _validate(doc, EditionEntry, entry, (year,), problems)
        if spec is None:
            continue
        if spec.period_start > spec.period_end:
            problems.append(SpecProblem(doc.file, f"{year}.period_end",
                                        doc.line((year, "period_end")),
                                        f"period_end {spec.period_end} ligt vóór period_start "
                                        f"{spec.period_start}"))
        entries[int(year)] = spec
    if problems:
        return None, problems
    return entries, []


# --------------------------------------------------------------------------- JSON Schemas
def codebook_json_schema() -> dict:
    """JSON Schema of ``data/codebook.yaml`` (draft 2020-12, from :class:`CodebookSpec`)."""
    schema = CodebookSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = ("Codeboek van de Innovatie Barometer Overheid: gegenereerd uit "
                             "barometer.data.schema.CodebookSpec (python -m barometer.data.schema); "
                             "niet met de hand bewerken.")
    return schema


def editions_json_schema() -> dict:
    """JSON Schema of ``data/editions.yaml``: a mapping of years to :class:`EditionEntry`."""
    entry = EditionEntry.model_json_schema()
    defs = entry.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Edities Innovatie Barometer Overheid",
        "description": "Eén item per meetjaar; gegenereerd uit barometer.data.schema.EditionEntry "
                       "(python -m barometer.data.schema); niet met de hand bewerken.",
        "type": "object",
        "propertyNames": {"pattern": r"^(19|20|21|22)[0-9]{2}$"},
        "additionalProperties": {"$ref": "#/$defs/EditionEntry"},
        "$defs": {**defs, "EditionEntry": entry},
    }


def _schema_files() -> dict[Path, dict]:
    from barometer.data import paths

    return {paths.DATA / "codebook.schema.json": codebook_json_schema(),
            paths.DATA / "editions.schema.json": editions_json_schema()}


#: The generated schema files (paths relative to the project).
SCHEMA_FILES = ("data/codebook.schema.json", "data/editions.schema.json")


def schema_text(schema: dict) -> str:
    """The text a schema file has (stable order, trailing newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_json_schemas() -> list[Path]:
    """(Re)write ``data/codebook.schema.json`` and ``data/editions.schema.json``."""
    written = []
    for path, schema in _schema_files().items():
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m barometer.data.schema
    for p in write_json_schemas():
        print(f"geschreven: {p}")
