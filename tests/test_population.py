"""Invited population per sector (data/external/population-*.csv) and its reader."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer.data.population import (PopulationError, invited_point, invited_range, population_path,
                                  read_population)
from barometer.presentation.published import read_figures
from barometer.presentation.tables import tabel_b1_1


def test_invited_range_by_hand():
    # 89 of N rounds to 26% for N = 336 (26.49%) .. 349 (25.50%), not for 335 (26.57%) or 350 (25.43%)
    assert invited_range(89, 26) == (336, 349)
    assert invited_range(6, 50) == (12, 12)
    assert invited_point(89, 26) == 342  # 89 / 0.26 = 342.3
    with pytest.raises(PopulationError):
        invited_range(0, 26)


def test_2025_file_is_the_derivation_from_the_published_table():
    """Every sector row re-derived from Tabel B1-1 (figures.csv); total = sum of the sectors."""
    f = read_figures()
    b = f[(f["source"] == "Tabel B1-1") & (f["year"] == 2025)]
    pop = read_population(2025)
    t = pop.table
    for _, r in t[t["sector"].notna()].iterrows():
        g = b[b["group"].astype(str) == str(int(r["sector"]))]
        n = int(g[g["statistic"] == "n"]["value"].iloc[0])
        rate = int(g[g["statistic"] == "response_rate"]["value"].iloc[0])
        assert (r["respondents"], r["response_rate_published"]) == (n, rate)
        assert (r["invited_min"], r["invited_max"]) == invited_range(n, rate)
        assert r["invited"] == invited_point(n, rate)
    assert pop.total == sum(pop.by_sector.values()) == 1383
    lo, hi = invited_range(347, 25)
    assert lo <= pop.total <= hi
    # authorities whose number is known: 342 gemeenten, 12 provincies, 21 waterschappen (2024)
    assert (pop.by_sector[1], pop.by_sector[5], pop.by_sector[8]) == (342, 12, 21)


def test_2021_file_has_only_the_total():
    pop = read_population(2021)
    assert pop.by_sector == {} and pop.total == invited_point(366, 27)
    assert pop.total < 1400  # "bijna 1.400" (external-figures NL21-02)


def test_missing_year_is_none(tmp_path):
    assert read_population(1999) is None
    assert not population_path(1999).exists()


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.assign(invited=t["invited"].where(t.index != 0, 400)), "rij 2"),
    (lambda t: t.drop(columns=["invited_min"]), "invited_min"),
    (lambda t: t.assign(respondents=t["respondents"].where(t.index != 9, 346)), "tellen op"),
])
def test_malformed_file_names_row_and_column(tmp_path, edit, message):
    t = pd.read_csv(population_path(2025))
    p = tmp_path / "population-2025.csv"
    edit(t).to_csv(p, index=False)
    with pytest.raises(PopulationError, match=message):
        read_population(2025, p)


def test_b1_1_response_column_reproduces_the_report():
    from barometer.data.respondents import load_respondents
    from barometer.data import paths
    df = load_respondents(paths.DATA / "respondents-2025-synthetic.csv")
    t = tabel_b1_1(df, 2025)
    assert list(t.frame["Respons (percentage)"]) == ["26%", "27%", "33%", "23%", "50%", "28%", "17%",
                                                     "52%", "38%", "25%"]
    assert t.data["population"].iloc[-1] == 1383
