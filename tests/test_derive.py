"""Tests of barometer.data.derive on small hand-built frames."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer.data.codebook import load_codebook
from barometer.data.derive import (
    DerivationError,
    add_derived,
    climate_cluster,
    national_type,
    scale_score,
    spectrum,
    spectrum_group,
)
from conftest import make_valid_frame

CB = load_codebook()
TYPES = CB.items("innovation_type")
CLIMATE = CB.items("climate_scale")
FACTORS = CB.items("human_capital")


def test_cluster_thresholds_are_inclusive_as_defined():
    s = pd.Series([4.1, 4.0999999999999, 3.1, 3.0833, 5.0, 1.0, None])
    assert climate_cluster(s).tolist() == [1, 1, 2, 3, 1, 3, pd.NA]
    assert str(climate_cluster(s).dtype) == "Int64"


def test_spectrum_counts_types_and_is_zero_without_innovation():
    df = pd.DataFrame(
        {"year": [2025] * 4, "innovated": [1, 1, 0, None],
         "type_product": [1, 1, None, None], "type_service": [0, 1, None, None],
         "type_process": [0, 1, None, None], "type_interaction": [0, 1, None, None]}
    )
    spec = spectrum(df, CB)
    assert spec.tolist() == [1, 4, 0, pd.NA]
    assert spectrum_group(spec, CB).tolist() == [1, 2, 0, pd.NA]


def test_national_type():
    df = pd.DataFrame({"sector": [7, 7, 9, 1, 7], "rijk_subtype": [1, 2, None, None, None]})
    assert national_type(df, CB).tolist() == [1, 2, 3, pd.NA, pd.NA]


def test_scale_needs_all_items():
    df = pd.DataFrame({c: [4, 4] for c in CLIMATE})
    df.loc[1, CLIMATE[0]] = None
    out = scale_score(df, "climate_scale", CB)
    assert out.tolist() == [4.0, pd.NA]
    assert str(out.dtype) == "Float64"


def test_climate_scale_ignores_the_first_statement():
    df = pd.DataFrame({c: [5] for c in CLIMATE}).assign(climate_adopt=1)
    assert scale_score(df, "climate_scale", CB).tolist() == [5.0]


def test_human_capital_recodes_dont_know_and_is_for_innovators_only():
    df = pd.DataFrame(
        {"innovated": [1, 0, 1], FACTORS[0]: [9, None, 5], FACTORS[1]: [9, None, 5],
         FACTORS[2]: [3, None, None]}
    )
    assert scale_score(df, "human_capital", CB).tolist() == [3.0, pd.NA, pd.NA]


def test_scale_score_of_a_cluster_boundary():
    # six items 4,4,4,4,5,5 -> 26/6 = 4.333 krachtig; 3,3,3,3,3,4 -> 3.1667 gemiddeld;
    # 3,3,3,3,3,3 -> 3.0 beperkt
    rows = [[4, 4, 4, 4, 5, 5], [3, 3, 3, 3, 3, 4], [3] * 6]
    df = pd.DataFrame(rows, columns=CLIMATE)
    assert climate_cluster(scale_score(df, "climate_scale", CB), CB).tolist() == [1, 2, 3]


def test_add_derived_returns_new_frame_with_all_derived():
    df = make_valid_frame(16, 2025)
    before = df.copy()
    out = add_derived(df)
    pd.testing.assert_frame_equal(df, before)
    assert set(CB.derived_variables) <= set(out.columns)
    assert out["spectrum"].notna().all()
    assert set(out["climate_cluster"].dropna()) == {1, 2, 3}


def test_add_derived_names_missing_column():
    with pytest.raises(DerivationError, match="innovated"):
        add_derived(make_valid_frame(4, 2025).drop(columns=["innovated"]))
