"""Tests of the codebook and editions contract (barometer.data.schema, barometer.check-codebook).

Each test plants one mistake in a copy of the shipped file and checks that it gives its own
Dutch message with the YAML path and the line of the mistake; the shipped files pass.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from barometer.book import cli
from barometer.data import schema
from barometer.data.codebook import CodebookError, check_codebook, load_codebook
from barometer.data.editions import EditionsError, load_editions
from barometer.data.paths import CODEBOOK, DATA, EDITIONS

SHIPPED = CODEBOOK.read_text(encoding="utf-8")


def _plant(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, int]:
    """Copy the codebook (and editions) to tmp_path with ``old`` replaced; return the path
    and the line of the (first) replacement."""
    assert SHIPPED.count(old) >= count, f"{old!r} is no longer in the shipped codebook"
    text = SHIPPED.replace(old, new, count)
    line = SHIPPED[: SHIPPED.index(old)].count("\n") + 1
    line += next((i for i, (a, b) in enumerate(zip(old.splitlines(), new.splitlines()))
                  if a != b), 0)
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EDITIONS, tmp_path / "editions.yaml")
    return path, line


def test_shipped_codebook_and_editions_pass():
    assert check_codebook() == []
    assert check_codebook(CODEBOOK, EDITIONS) == []
    assert set(load_editions(EDITIONS)) >= set(load_codebook().years)


PLANTED = {
    "misspelt key": (
        "    question: Welk soort onderdeel van de Rijksoverheid is uw organisatie?\n"
        "    codes:\n      1: Kerndepartement\n      2: Diensten en agentschappen\n"
        "    routing: rijk\n",
        "    question: Welk soort onderdeel van de Rijksoverheid is uw organisatie?\n"
        "    codes:\n      1: Kerndepartement\n      2: Diensten en agentschappen\n"
        "    rotuing: rijk\n",
        "variables[3].rotuing", "onbekende sleutel 'rotuing'; bedoelde u 'routing'?",
    ),
    "unknown column in a routing rule": (
        'condition: "innovated == 1 and origin in [2, 3]"',
        'condition: "innovated == 1 and orign in [2, 3]"',
        "routing.adopters.condition", "kolom 'orign', die niet in het codeboek staat",
    ),
    "code of the routing column that does not exist": (
        'condition: "sector == 7"', 'condition: "sector == 17"',
        "routing.rijk.condition", "vergelijkt kolom 'sector' met 17, geen code",
    ),
    "duplicate code": (
        "      7: Rijksoverheid\n      8: Waterschap\n",
        "      7: Rijksoverheid\n      7: Waterschap\n",
        "variables[2].codes[7]", "sleutel 7 komt twee keer voor (eerder op regel",
    ),
    "code that is not an integer": (
        "    codes:\n      1: Klein\n", "    codes:\n      één: Klein\n",
        "variables[4].codes[één]", "sleutel 'één'; verwacht een geheel getal",
    ),
    "wrong type": (
        "    missing_allowed: true\n    routing: innovators\n",
        "    missing_allowed: misschien\n    routing: innovators\n",
        "variables[18].missing_allowed", "waarde 'misschien'; verwacht true of false",
    ),
    "unknown question type": (
        "  - name: work_change\n    type: single\n", "  - name: work_change\n    type: singel\n",
        "variables[8].type", "verwacht een van: 'id', 'single'",
    ),
    "derived variable over an unknown item": (
        "items: [cond_management, cond_political, cond_time]",
        "items: [cond_management, cond_politcal, cond_time]",
        "derived[4].items[1]", "item 'cond_politcal' is geen kolom; bedoelde u 'cond_political'?",
    ),
    "unknown scale": (
        "    scale: influence5\n", "    scale: influence7\n",
        "variables[18].scale", "onbekende schaal 'influence7'",
    ),
    "exclusive option that is not an item": (
        "    exclusive: [channel_dk]\n", "    exclusive: [channel_weetniet]\n",
        "variables[10].exclusive[0]", "'channel_weetniet' is geen item van vraag 'channel'",
    ),
    "question year not in meta.years": (
        "    years: [2025]\n    published_in: [Figuur 2-18]",
        "    years: [2023]\n    published_in: [Figuur 2-18]",
        "variables[19].years[0]", "jaar 2023 staat niet in meta.years",
    ),
    "year missing from the editions file": (
        "  years: [2021, 2025]\n  id_column", "  years: [2021, 2025, 2027]\n  id_column",
        "meta.years[2]", "meetjaar 2027 staat niet in het edities-bestand",
    ),
}


@pytest.mark.parametrize("case", list(PLANTED))
def test_each_planted_codebook_mistake_has_its_own_message(tmp_path, case):
    old, new, where, text = PLANTED[case]
    path, line = _plant(tmp_path, old, new)
    problems = check_codebook(path)
    assert len(problems) == 1, "\n".join(p.describe() for p in problems)
    (p,) = problems
    assert (p.file, p.path, p.line) == (str(path), where, line), p.describe()
    assert text.replace("geen kolom;", "geen kolom van het codeboek;") in p.message
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    message = str(info.value)
    assert f"regel {line}, {where}: " in message and "1 probleem gevonden" in message
    assert info.value.problems == problems


def test_every_problem_is_reported_at_once(tmp_path):
    text = SHIPPED
    for old, new, _, _ in PLANTED.values():
        text = text.replace(old, new, 1)
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EDITIONS, tmp_path / "editions.yaml")
    problems = check_codebook(path)
    paths = [p.path for p in problems]
    for case, (_, _, where, _) in PLANTED.items():
        assert where in paths, f"{case}: {where} not among {paths}"
    assert [p.line for p in problems] == sorted(p.line for p in problems)  # in file order


def test_invalid_yaml_names_the_line(tmp_path):
    path, _ = _plant(tmp_path, "  - name: origin\n", "  - name: origin\n   type: [\n")
    (p,) = check_codebook(path)
    assert p.line is not None and "geen geldige YAML" in p.message


def test_missing_codebook(tmp_path):
    (p,) = check_codebook(tmp_path / "bestaat-niet.yaml")
    assert "bestaat niet" in p.message


# ------------------------------------------------------------------ editions file
def _editions(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    shipped = EDITIONS.read_text(encoding="utf-8")
    assert old in shipped
    path = tmp_path / "editions.yaml"
    path.write_text(shipped.replace(old, new, 1), encoding="utf-8")
    return path, shipped[: shipped.index(old)].count("\n") + 1


@pytest.mark.parametrize("old,new,where,text", [
    ("  fieldwork: \"voorjaar 2021\"", "  feldwork: \"voorjaar 2021\"", "2021.feldwork",
     "onbekende sleutel 'feldwork'; bedoelde u 'fieldwork'?"),
    ("  response_rate: 25 ", "  response_rate: vijfentwintig ", "2025.response_rate",
     "waarde 'vijfentwintig'; verwacht een getal"),
    ("  period_start: 2023\n", "  period_start: \"2023\"\n", "2025.period_start",
     "waarde '2023'; verwacht een geheel getal"),
    ("2025:\n", "twintig25:\n", "twintig25", "verwacht een meetjaar"),
])
def test_each_planted_editions_mistake_has_its_own_message(tmp_path, old, new, where, text):
    path, line = _editions(tmp_path, old, new)
    with pytest.raises(EditionsError) as info:
        load_editions(path)
    (p,) = info.value.problems
    assert (p.path, p.line) == (where, line) and text in p.message, p.describe()
    assert f"regel {line}, {where}" in str(info.value)


def test_editions_entry_without_required_keys(tmp_path):
    path = tmp_path / "editions.yaml"
    path.write_text(EDITIONS.read_text(encoding="utf-8") + "2027:\n  label: Editie 2027\n",
                    encoding="utf-8")
    with pytest.raises(EditionsError) as info:
        load_editions(path)
    (p,) = info.value.problems
    assert p.path == "2027" and "verplichte sleutels period, period_start" in p.message


def test_editions_file_that_is_a_directory(tmp_path):
    with pytest.raises(EditionsError, match="een map, geen bestand"):
        load_editions(tmp_path)


# ------------------------------------------------------------------ JSON Schema and CLI
def test_json_schemas_are_up_to_date():
    for rel, generated in ((schema.SCHEMA_FILES[0], schema.codebook_json_schema()),
                           (schema.SCHEMA_FILES[1], schema.editions_json_schema())):
        shipped = (DATA.parent / rel).read_text(encoding="utf-8")
        assert shipped == schema.schema_text(generated), \
            f"{rel} is out of date: run `python -m barometer.data.schema`"


def _as_json(data):
    """YAML data as a JSON document has it (mapping keys are strings)."""
    return json.loads(json.dumps(data))


def test_json_schema_accepts_the_shipped_files_and_rejects_a_misspelt_key():
    cb_schema = json.loads((DATA / "codebook.schema.json").read_text(encoding="utf-8"))
    ed_schema = json.loads((DATA / "editions.schema.json").read_text(encoding="utf-8"))
    data = _as_json(yaml.safe_load(SHIPPED))
    jsonschema.validate(data, cb_schema)
    jsonschema.validate(_as_json(yaml.safe_load(EDITIONS.read_text(encoding="utf-8"))),
                        ed_schema)
    data["variables"][3]["rotuing"] = data["variables"][3].pop("routing")
    with pytest.raises(jsonschema.ValidationError, match="rotuing"):
        jsonschema.validate(data, cb_schema)


def test_check_codebook_command(tmp_path, capsys):
    assert cli.main(["check-codebook"]) == 0
    assert "in orde" in capsys.readouterr().out
    old, new, where, _ = PLANTED["misspelt key"]
    path, line = _plant(tmp_path, old, new)
    assert cli.main(["check-codebook", "--codebook", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"regel {line}, {where}: vraag 'rijk_subtype': onbekende sleutel 'rotuing'" in err
