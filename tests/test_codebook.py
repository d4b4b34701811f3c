"""Tests of barometer.data.codebook: the parsed codebook and its API."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer.data.codebook import CodebookError, load_codebook


@pytest.fixture(scope="module")
def cb():
    return load_codebook()


def test_load_is_cached(cb):
    assert load_codebook() is cb


def test_every_item_is_a_column_with_its_question_attributes(cb):
    col = cb.column("factor_staff")
    assert col.question == "factor"
    assert col.type == "likert"
    assert col.scale == "influence5"
    assert col.routing == "innovators"
    assert col.years == (2021, 2025)
    assert dict(col.recode) == {9: 3}
    assert col.label == "De manier waarop onze medewerkers bijdragen"
    assert col.is_item


def test_columns_per_year_respect_question_and_item_years(cb):
    c21, c25 = cb.columns(2021), cb.columns(2025)
    assert "goal_cost" in c25 and "goal_cost" not in c21
    assert "partner_dk" in c25 and "partner_dk" not in c21
    assert "partner_none" in c21
    assert set(c21) < set(c25)
    assert c25[:2] == ["resp_id", "year"]


def test_labels_for_column_question_and_derived(cb):
    assert cb.labels("sector")[3] == "Hoge Colleges van Staat"
    assert cb.labels("type_product") == {0: "Niet genoemd", 1: "Genoemd"}
    assert cb.labels("factor_budget")[9] == "Weet niet"
    assert cb.labels("effect_quality")[1] == "Positief effect"
    assert cb.labels("climate_cluster") == {1: "Krachtig", 2: "Gemiddeld", 3: "Beperkt"}
    assert cb.labels("climate_scale") == {}
    assert cb.labels_short("origin")[1] == "Eigen ontwikkeling"
    assert cb.labels_short("sector")[2] == "GR"  # no short labels: the codes
    assert cb.labels_long("sector")[2] == "Gemeenschappelijke regeling"


def test_label_of_item_question_derived(cb):
    assert cb.label("factor_technology") == "Nieuwe technologie"
    assert cb.label("innovated").startswith("Heeft uw organisatie")
    assert cb.label("spectrum") == "Innovatiespectrum (aantal typen)"


def test_items(cb):
    assert cb.items("innovation_type") == [
        "type_product", "type_service", "type_process", "type_interaction"
    ]
    assert cb.items("sector") == ["sector"]
    assert "partner_dk" not in cb.items("partner", year=2021)
    assert cb.items("climate_scale")[0] == "climate_ideas"


def test_derived_definitions(cb):
    d = cb.derived("climate_cluster")
    assert dict(d.thresholds) == {"strong_min": 4.1, "limited_below": 3.1}
    assert cb.derived("human_capital").min_items == 3


def test_is_asked(cb):
    assert cb.is_asked("failed_attempt", 2025)
    assert not cb.is_asked("failed_attempt", 2021)
    assert cb.is_asked("climate", 2021)


def test_unknown_names_raise(cb):
    with pytest.raises(CodebookError, match="nonsense"):
        cb.column("nonsense")
    with pytest.raises(CodebookError):
        cb.labels("nonsense")
    with pytest.raises(CodebookError):
        cb.derived("sector")


def test_routing_mask_conditions(cb):
    df = pd.DataFrame(
        {
            "year": [2025, 2025, 2025, 2025, 2021],
            "sector": [7, 1, 7, None, 7],
            "innovated": [1, 1, 0, None, 1],
            "origin": [2, 1, None, None, 3],
            "partner_none": [0, 1, None, None, 0],
            "partner_dk": [0, 0, None, None, None],
            "failed_attempt": [1, 0, 1, None, None],
        }
    )
    assert cb.routing_mask(df, "rijk_subtype").tolist() == [True, False, True, False, True]
    assert cb.routing_mask(df, "work_change").tolist() == [True, True, False, False, True]
    assert cb.routing_mask(df, "channel_web").tolist() == [True, False, False, False, True]
    # partner_dk did not exist in 2021: counts as not mentioned for the 2021 respondent
    assert cb.routing_mask(df, "phase_dk").tolist() == [True, False, False, False, True]
    # goal was only asked in 2025
    assert cb.routing_mask(df, "goal_cost").tolist() == [True, True, False, False, False]
    assert cb.routing_mask(df, "fail_phase").tolist() == [True, False, True, False, False]
    assert cb.routing_mask(df, "all").all()


def test_routing_mask_needs_condition_columns(cb):
    with pytest.raises(CodebookError, match="innovated"):
        cb.routing_mask(pd.DataFrame({"year": [2025]}), "work_change")


def test_malformed_codebook(tmp_path):
    bad = tmp_path / "cb.yaml"
    bad.write_text(
        "meta: {years: [2025]}\nscales: {}\nrouting: {all: {label: x, condition: null}}\n"
        "variables:\n  - {name: q, type: single, routing: nobody, years: [2025], codes: {1: a}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError, match="nobody"):
        load_codebook(bad)
