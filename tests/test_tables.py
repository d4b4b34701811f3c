"""Unit tests of barometer.presentation.tables on a small hand-built frame of two years."""

import numpy as np
import pandas as pd
import pytest

from barometer.presentation import tables as tb
from barometer.data.codebook import load_codebook

CB = load_codebook()


def _frame():
    """2021: 6 respondents; 2025: 8 respondents. Every codebook column present."""
    rows = []
    spec = [  # (year, sector, rijk_subtype, innovated, climate items value or None, origin)
        (2021, 1, None, 1, 4, 1), (2021, 1, None, 0, 3, None), (2021, 7, 1, 1, 4, 2),
        (2021, 7, 2, 1, 5, 2), (2021, 5, None, 1, 2, 3), (2021, 9, None, 0, None, None),
        (2025, 1, None, 1, 4, 1), (2025, 1, None, 1, 3, 2), (2025, 1, None, 0, 3, None),
        (2025, 7, 1, 1, 4, 2), (2025, 7, 2, 0, 5, None), (2025, 9, None, 1, 4, 3),
        (2025, 3, None, 1, 2, 1), (2025, 5, None, 1, 3, 2),
    ]
    for i, (year, sector, sub, inn, clim, origin) in enumerate(spec):
        r = {c: np.nan for c in CB.columns()}
        r.update(resp_id=f"T{i}", year=year, sector=sector, rijk_subtype=sub if sub else np.nan,
                 size_class=1, innovation_unit=0, innovated=inn)
        for it in CB.items("climate"):
            r[it] = clim if clim is not None else np.nan
        for it in CB.items("conditions"):
            r[it] = 3
        if inn:
            r["origin"] = origin
            r["evaluation"] = 2
            for q in ("innovation_type", "initiative", "partner", "funding"):
                for it in CB.items(q, year):
                    r[it] = 0
            r["type_process"] = 1
            r["type_product"] = 1 if i % 2 else 0
            r["init_staff"] = 1
            r["partner_private"] = 1
            r["fund_own"] = 1
            for it in CB.items("partner_phase"):
                r[it] = 0
            r["phase_development"] = 1
            for it in CB.items("factor"):
                r[it] = 4
            if origin in (2, 3):
                for it in CB.items("channel"):
                    r[it] = 0
                r["channel_network"] = 1
        rows.append(r)
    df = pd.DataFrame(rows)
    from barometer.data.derive import add_derived

    return add_derived(df)


@pytest.fixture(scope="module")
def df():
    return _frame()


def test_b1_2_multiple_response(df):
    t = tb.tabel_b1_2(df)
    assert list(t.frame.columns) == ["", "2021", "2025"]
    assert t.frame.iloc[0, 0] == CB.label("channel_network")
    assert t.frame.iloc[0].tolist()[1:] == ["#", "#"]  # 3 and 4 adopters (< 5): suppressed
    assert tb.tabel_b1_2(df, min_base=1).frame.iloc[0].tolist()[1:] == ["100%", "100%"]
    assert t.frame.iloc[-1].tolist() == ["Totaal (n)", "3", "4"]
    assert tb.MULTIPLE_NOTE in t.notes
    assert t.caption.startswith("Tabel B1-2 Via welk kanaal")
    assert set(t.data.columns) >= {"year", "item", "count", "base", "pct"}


def test_b1_4_option_not_asked_in_2021_shows_dash(df):
    t = tb.tabel_b1_4(df, min_base=1)
    last_option = t.frame.iloc[-2]
    assert last_option.iloc[0] == "Weet niet"
    assert last_option["2021"] == "-" and last_option["2025"] == "0%"
    assert t.frame.iloc[0].tolist()[1:] == ["100%", "100%"]


def test_b1_4_of_a_2021_file_without_the_2025_option(df):
    # a 2021 respondent file has no column for an option that did not exist then
    only_2021 = df[df["year"] == 2021].drop(columns=["partner_dk"])
    t = tb.tabel_b1_4(only_2021, [2021], min_base=1)
    assert list(t.frame.columns) == ["", "2021"]
    assert t.frame.iloc[-2].tolist() == ["Weet niet", "-"]
    assert t.frame.iloc[0].tolist() == tb.tabel_b1_4(df, [2021], min_base=1).frame.iloc[0].tolist()
    # an option that was asked in a shown year must be in the file
    with pytest.raises(Exception, match="partner_private"):
        tb.tabel_b1_4(only_2021.drop(columns=["partner_private"]), [2021], min_base=1)


def test_b1_7_single_choice_sums(df):
    t = tb.tabel_b1_7(df, min_base=1)
    assert len(t.frame) == len(CB.labels("evaluation")) + 1
    assert tb.MULTIPLE_NOTE not in t.notes
    d = t.data[t.data.year == 2025]
    assert d["pct"].sum() == pytest.approx(100)


def test_b1_8_rows_total_and_small_cells(df):
    t = tb.tabel_b1_8(df)
    assert "Hoge Colleges van Staat" not in t.frame["Sector"].tolist()
    assert t.frame["Sector"].iloc[-1] == "Totaal*"
    tot = t.frame.iloc[-1]
    assert tot["Innovatie 2025"] == "75%" and tot["Totaal (n) 2025"] == "8"  # 6 of 8, incl. HCvS
    assert tot["Innovatie 2021"] == "67%"
    gem = t.frame.set_index("Sector").loc["Gemeente"]
    assert gem["Innovatie 2025"] == "#"  # n = 3
    assert any(n.startswith("#") for n in t.notes)
    t1 = tb.tabel_b1_8(df, min_base=1)
    assert t1.frame.set_index("Sector").loc["Gemeente", "Innovatie 2025"] == "67%"


def test_b1_9_types(df):
    t = tb.tabel_b1_9(df, 2025, min_base=1)
    tot = t.frame.iloc[-1]
    assert tot["Innovatie van processen"] == "100%"
    assert tot["Totaal"] == "6"


def test_b1_10_means_and_partial_nonresponse(df):
    t = tb.tabel_b1_10(df, min_base=1)
    tot = t.frame.iloc[-1]
    # 2021 scale scores 4,3,4,5,2 (one missing): mean 3,6; sd 1,14
    assert tot["Gemiddelde 2021"] == "3,60"
    assert tot["st. deviatie 2021"] == "1,14"
    assert tot["Totaal (n) 2021"] == "5"
    assert any("5 van 6" in n for n in t.notes)
    small = tb.tabel_b1_10(df)
    assert small.frame.iloc[0]["Gemiddelde 2025"] == "#"


def test_b1_11_total_is_national_government(df):
    t = tb.tabel_b1_11(df, 2025, min_base=1)
    assert t.frame.iloc[:, 0].tolist() == ["Kerndepartement", "Diensten en agentschappen", "Zbo", "Totaal"]
    assert t.frame.iloc[-1]["Totaal (n)"] == "3"
    assert t.frame.iloc[-1]["Gemiddelde"] == "4,33"


def test_b1_1_counts_and_shares(df):
    t = tb.tabel_b1_1(df, 2025, population={1: 10, 3: 2, 5: 4, 7: 8, 9: 1})
    rows = t.frame.set_index("Sector")
    assert rows.loc["Gemeente"].tolist() == ["3", "30%", "38%"]
    assert rows.loc["Totaal (n)", "Respons (aantal)*"] == "8"


def test_appendix_tables_complete(df):
    tabs = tb.appendix_tables(df)
    assert list(tabs) == [f"B1-{i}" for i in range(1, 13)]
    assert all(isinstance(t.frame, pd.DataFrame) for t in tabs.values())
    assert all((t.frame.map(type) == str).all().all() for t in tabs.values())
