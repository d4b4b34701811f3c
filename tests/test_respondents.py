"""Tests of barometer.data.respondents: reading CSV/Parquet/SPSS and rejecting bad files.

Every bad-input test builds its own small file in ``tmp_path`` from a valid frame
(``conftest.make_valid_frame``) with one mistake, and checks the kind of problem, the
column, the rows (as the user sees them) and that the error message names them.
"""

from __future__ import annotations


import numpy as np
import pandas as pd
import pytest

from barometer.data.respondents import RespondentFileError, load_respondents
from conftest import make_valid_frame, write_respondent_file

N = 16


@pytest.fixture
def frame() -> pd.DataFrame:
    return make_valid_frame(N, 2025)


def first(df: pd.DataFrame, mask) -> int:
    return int(np.flatnonzero(np.asarray(mask, dtype=bool))[0])


def load_error(tmp_path, df, name="resp.csv", **kwargs) -> RespondentFileError:
    path = write_respondent_file(df, tmp_path / name)
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path, **kwargs)
    return info.value


def only(err: RespondentFileError, kind: str):
    found = [p for p in err.problems if p.kind == kind]
    assert found, f"no {kind} in:\n{err}"
    return found


# ------------------------------------------------------------------ valid files
def test_valid_minimal_file_loads(tmp_path, frame):
    path = write_respondent_file(frame, tmp_path / "resp.csv")
    df = load_respondents(path, year=2025)
    pd.testing.assert_frame_equal(df, frame)
    assert df["sector"].dtype == "Int64"
    assert df["resp_id"].tolist()[0] == "SYN0001"


@pytest.mark.parametrize("name,sep", [("a.csv", ","), ("b.csv", ";"), ("c.parquet", None),
                                      ("d.sav", None)])
def test_round_trip_gives_equal_frames(tmp_path, frame, name, sep):
    kwargs = {"sep": sep} if sep else {}
    path = write_respondent_file(frame, tmp_path / name, **kwargs)
    pd.testing.assert_frame_equal(load_respondents(path), frame)


def test_2021_file_loads(tmp_path):
    frame = make_valid_frame(N, 2021)
    path = write_respondent_file(frame, tmp_path / "r.sav")
    pd.testing.assert_frame_equal(load_respondents(path, year=2021), frame)


def test_csv_with_bom_and_padding_loads(tmp_path, frame):
    path = tmp_path / "r.csv"
    text = frame.to_csv(index=False, sep=";").replace(";", " ; ")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    pd.testing.assert_frame_equal(load_respondents(path), frame)


def test_ignore_columns_allows_extra_columns(tmp_path, frame):
    frame = frame.assign(gewicht=1.5)
    path = write_respondent_file(frame, tmp_path / "r.parquet")
    df = load_respondents(path, ignore_columns=["gewicht"])
    assert df["gewicht"].eq(1.5).all()


def test_twenty_thousand_rows_validate():
    """A large valid file passes (its speed is measured by benchmarks/validation.py)."""
    from barometer.data.codebook import load_codebook
    from barometer.data.validation import validate

    frame = make_valid_frame(20_000, 2025).astype(str).replace("<NA>", "")  # as read from CSV
    assert validate(frame, load_codebook(), "big.csv") == []


# ------------------------------------------------------------------ reading problems
def test_empty_file(tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    assert info.value.kinds == {"empty_file"}
    assert "leeg.csv" in str(info.value)


def test_header_without_rows(tmp_path, frame):
    err = load_error(tmp_path, frame.iloc[:0])
    assert err.kinds == {"no_rows"}


def test_wrong_encoding_is_reported_not_guessed(tmp_path, frame):
    frame = frame.copy()
    frame.loc[2, "resp_id"] = "Hoge Colleges é"
    path = tmp_path / "cp1252.csv"
    path.write_bytes(frame.to_csv(index=False).encode("cp1252"))
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    (problem,) = info.value.problems
    assert problem.kind == "encoding"
    assert problem.rows == (4,)  # line 4 of the file: header + rows 0, 1, 2
    assert "0xE9" in problem.value
    assert "UTF-8" in str(info.value) and "regel 4" in str(info.value)


def test_unknown_extension(tmp_path, frame):
    path = tmp_path / "resp.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    assert info.value.kinds == {"unknown_extension"}
    assert ".xlsx" in str(info.value)


def test_file_not_found(tmp_path):
    with pytest.raises(RespondentFileError) as info:
        load_respondents(tmp_path / "bestaat-niet.csv")
    assert info.value.kinds == {"file_not_found"}


def test_damaged_parquet(tmp_path):
    path = tmp_path / "kapot.parquet"
    path.write_bytes(b"dit is geen parquet")
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    assert info.value.kinds == {"unreadable"}


def test_duplicate_column_name(tmp_path, frame):
    path = tmp_path / "r.csv"
    text = frame.to_csv(index=False)
    header, rest = text.split("\n", 1)
    path.write_text(header.replace("size_class", "sector", 1) + "\n" + rest, encoding="utf-8")
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    assert info.value.kinds == {"duplicate_column"}
    assert info.value.problems[0].column == "sector"


# ------------------------------------------------------------------ columns
def test_extra_unknown_column(tmp_path, frame):
    err = load_error(tmp_path, frame.assign(sectr=1, opmerking="x"))
    problems = only(err, "unknown_column")
    assert [p.column for p in problems] == ["sectr", "opmerking"]
    assert "bedoelde u 'sector'" in str(err)
    assert err.kinds == {"unknown_column"}


def test_missing_required_column(tmp_path, frame):
    err = load_error(tmp_path, frame.drop(columns=["work_change", "goal_cost"]))
    cols = {p.column for p in only(err, "missing_column")}
    assert cols == {"work_change", "goal_cost"}


def test_derived_variable_in_file(tmp_path, frame):
    err = load_error(tmp_path, frame.assign(climate_scale=3.5))
    assert only(err, "derived_column")[0].column == "climate_scale"


# ------------------------------------------------------------------ values
def test_non_numeric_value(tmp_path, frame):
    df = frame.astype({"size_class": object})
    df.loc[3, "size_class"] = "groot"
    err = load_error(tmp_path, df)
    (p,) = only(err, "non_numeric")
    assert (p.column, p.rows, p.value) == ("size_class", (5,), "'groot'")
    assert "regel 5" in str(err) and "'groot'" in str(err)


def test_non_integer_value(tmp_path, frame):
    df = frame.astype({"size_class": "Float64"})
    df.loc[0, "size_class"] = 2.5
    (p,) = only(load_error(tmp_path, df), "non_integer")
    assert (p.column, p.rows, p.value) == ("size_class", (2,), "2.5")


def test_code_not_allowed(tmp_path, frame):
    df = frame.copy()
    df.loc[[1, 4], "sector"] = 12
    err = load_error(tmp_path, df, name="r.parquet")
    (p,) = only(err, "invalid_code")
    assert (p.column, p.rows, p.value) == ("sector", (2, 5), "12")
    assert "7 (Rijksoverheid)" in p.expected
    assert "rij 1 is de eerste respondent" in str(err)


def test_likert_out_of_range(tmp_path, frame):
    df = frame.copy()
    df.loc[5, "climate_share"] = 7
    (p,) = only(load_error(tmp_path, df), "likert_out_of_range")
    assert (p.column, p.rows, p.value) == ("climate_share", (7,), "7")
    assert "1 t/m 5" in p.expected


def test_multiple_response_not_0_1(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["innovated"].eq(1))
    df.loc[row, "goal_cost"] = 2
    (p,) = only(load_error(tmp_path, df), "mention_not_0_1")
    assert (p.column, p.rows) == ("goal_cost", (row + 2,))


def test_duplicate_resp_id(tmp_path, frame):
    df = frame.copy()
    df.loc[5, "resp_id"] = df.loc[2, "resp_id"]
    (p,) = only(load_error(tmp_path, df), "duplicate_id")
    assert p.rows == (4, 7) and p.value == "'SYN0003'"


def test_missing_resp_id(tmp_path, frame):
    df = frame.copy()
    df.loc[6, "resp_id"] = None
    (p,) = only(load_error(tmp_path, df), "missing_id")
    assert p.rows == (8,)


# ------------------------------------------------------------------ years
def test_unknown_year(tmp_path, frame):
    err = load_error(tmp_path, frame.assign(year=2023))
    (p,) = only(err, "unknown_year")
    assert p.value == "2023" and len(p.rows) == N
    assert f"{N} regels (2, 3," in str(err)  # long row lists are capped


def test_mixed_years(tmp_path, frame):
    df = frame.copy()
    df.loc[[0, 1], "year"] = 2021
    (p,) = only(load_error(tmp_path, df), "mixed_years")
    assert p.rows == (2, 3)


def test_year_not_the_requested_year(tmp_path, frame):
    err = load_error(tmp_path, frame, year=2021)
    (p,) = only(err, "year_mismatch")
    assert p.value == "2025"
    # and the 2025-only questions are then values for questions not asked in 2021
    assert "not_asked_in_year" in err.kinds


def test_question_not_asked_that_year(tmp_path):
    df = make_valid_frame(N, 2021)
    df["goal_cost"] = pd.array([1] + [pd.NA] * (N - 1), dtype="Int64")
    (p,) = only(load_error(tmp_path, df), "not_asked_in_year")
    assert (p.column, p.rows) == ("goal_cost", (2,))


def test_empty_column_of_question_not_asked_that_year_is_allowed(tmp_path):
    df = make_valid_frame(N, 2021)
    df["goal_cost"] = pd.array([pd.NA] * N, dtype="Int64")
    path = write_respondent_file(df, tmp_path / "r.csv")
    assert "goal_cost" in load_respondents(path).columns


# ------------------------------------------------------------------ routing
def test_non_innovator_with_innovation_answers(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["innovated"].eq(0))
    df.loc[row, ["work_change", "factor_staff"]] = [2, 4]
    err = load_error(tmp_path, df)
    problems = only(err, "answer_not_routed")
    assert {p.column for p in problems} == {"work_change", "factor_staff"}
    assert all(p.rows == (row + 2,) for p in problems)
    assert "innovated == 1" in str(err)


def test_innovator_missing_required_answer(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["innovated"].eq(1))
    df.loc[row, "work_change"] = pd.NA
    (p,) = only(load_error(tmp_path, df), "missing_answer")
    assert (p.column, p.rows) == ("work_change", (row + 2,))


def test_missing_answer_allowed_for_likert_items(tmp_path, frame):
    df = frame.copy()
    df.loc[0, "climate_share"] = pd.NA
    path = write_respondent_file(df, tmp_path / "r.csv")
    assert load_respondents(path)["climate_share"].isna().sum() == 1


def test_exclusive_option_combined_with_others(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["innovated"].eq(1) & df["fund_own"].eq(1))
    df.loc[row, "fund_dk"] = 1
    (p,) = only(load_error(tmp_path, df), "exclusive_combined")
    assert (p.column, p.rows) == ("fund_dk", (row + 2,))
    assert "fund_own = 1" in p.value


def test_no_option_mentioned(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["innovated"].eq(1))
    df.loc[row, ["type_product", "type_service", "type_process", "type_interaction"]] = 0
    (p,) = only(load_error(tmp_path, df), "too_few_mentions")
    assert p.rows == (row + 2,) and p.value == "alle opties 0"


def test_failure_reasons_without_failed_attempt(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["failed_attempt"].eq(0))
    df.loc[row, "fail_budget"] = 1
    (p,) = only(load_error(tmp_path, df), "answer_not_routed")
    assert (p.column, p.rows) == ("fail_budget", (row + 2,))
    assert "failed_attempt == 1" in p.expected


def test_rijk_subtype_outside_rijk(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["sector"].eq(1))
    df.loc[row, "rijk_subtype"] = 1
    (p,) = only(load_error(tmp_path, df), "answer_not_routed")
    assert (p.column, p.rows) == ("rijk_subtype", (row + 2,))


def test_invalid_routing_column_is_reported_once(tmp_path, frame):
    df = frame.copy()
    row = first(df, df["innovated"].eq(1))
    df.loc[row, "innovated"] = 7
    err = load_error(tmp_path, df)
    assert err.kinds == {"invalid_code"}  # not also every innovation answer


# ------------------------------------------------------------------ one error, all problems
def test_one_bad_file_lists_all_problems(tmp_path, frame):
    df = frame.astype({"size_class": object}).assign(extra=1)
    df.loc[0, "size_class"] = "groot"
    df.loc[1, "sector"] = 12
    df.loc[2, "climate_share"] = 6
    df.loc[3, "resp_id"] = df.loc[4, "resp_id"]
    non = first(df, df["innovated"].eq(0))
    df.loc[non, "work_change"] = 1
    df = df.drop(columns=["cond_time"])
    err = load_error(tmp_path, df)
    assert err.kinds == {
        "unknown_column", "missing_column", "non_numeric", "invalid_code",
        "likert_out_of_range", "duplicate_id", "answer_not_routed",
    }
    message = str(err)
    assert message.count("\n") >= len(err.problems)
    for p in err.problems:
        assert p.column in message
    assert "7 problemen" in message
    assert "regel 1 is de kopregel" in message


# ------------------------------------------------------------------ paths, ids, headers (issue 11)
def _sav_with_numeric_ids(tmp_path, frame, ids) -> "Path":
    import pyreadstat

    out = frame.copy()
    for c in out.columns:
        out[c] = out[c].astype("Float64").astype(float) if c != "resp_id" else ids
    path = tmp_path / "numeriek.sav"
    pyreadstat.write_sav(out, str(path))
    return path


def test_numeric_spss_ids_that_do_not_fit_are_reported(tmp_path, frame):
    ids = [float(i) for i in range(1, N + 1)]
    ids[2], ids[5] = 1.2345678901234567e20, 4.5  # beyond 64 bits (and beyond 2**53); not whole
    path = _sav_with_numeric_ids(tmp_path, frame, ids)
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    (p,) = info.value.problems
    assert (p.kind, p.column, p.rows) == ("invalid_id", "resp_id", (3, 6))
    assert p.value == "1.2345678901234567e+20, 4.5"
    assert "hoogstens 15 cijfers" in p.expected and "rijen 3, 6" in str(info.value)


def test_numeric_spss_ids_that_fit_load_as_text(tmp_path, frame):
    ids = [float(10**14 + i) for i in range(N)]
    df = load_respondents(_sav_with_numeric_ids(tmp_path, frame, ids))
    assert df["resp_id"].tolist()[:2] == ["100000000000000", "100000000000001"]


def test_a_folder_instead_of_a_file(tmp_path):
    folder = tmp_path / "respondents-2025.csv"
    folder.mkdir()
    with pytest.raises(RespondentFileError) as info:
        load_respondents(folder)
    (p,) = info.value.problems
    assert p.kind == "not_a_file"
    message = str(info.value)
    assert "Map in plaats van een bestand" in message and "geen map" in message
    assert "niet gevonden" not in message


def test_a_path_that_does_not_exist_says_so_in_dutch(tmp_path):
    with pytest.raises(RespondentFileError) as info:
        load_respondents(tmp_path / "nergens" / "resp.csv")
    (p,) = info.value.problems
    assert p.kind == "file_not_found"
    assert "dit pad bestaat niet" in p.expected and "ook de map" in p.expected
    assert str(info.value).startswith(f"Het respondentbestand {tmp_path / 'nergens' / 'resp.csv'}")


@pytest.mark.parametrize("name", ["r.csv", "r.parquet"])
def test_header_with_spaces_is_normalised_the_same_for_every_format(tmp_path, frame, name):
    padded = frame.rename(columns={"sector": "sector ", "year": " year"})
    path = write_respondent_file(padded, tmp_path / name)
    pd.testing.assert_frame_equal(load_respondents(path), frame)


def test_header_that_is_the_same_after_normalising_is_a_duplicate(tmp_path, frame):
    df = frame.copy()
    df.insert(3, "sector ", df["sector"])
    path = write_respondent_file(df, tmp_path / "r.parquet")
    with pytest.raises(RespondentFileError) as info:
        load_respondents(path)
    assert info.value.kinds == {"duplicate_column"}
    assert info.value.problems[0].column == "sector"
