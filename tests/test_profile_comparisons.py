"""The comparisons of a sector profile (chapters/sectorprofiel.py, ``_comparisons``): beside the
whole public sector and beside the previous measurement, each difference carries its 95%
interval, the comparison with the whole is that with the rest of it (the profile is part of the
whole), and the direction word follows the interval, not the point estimate."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer.analysis.uncertainty import difference_ci, domain_population, mean_difference
from barometer.book.edition import Edition
from barometer.chapters import sectorprofiel as sp
from barometer.data import paths
from barometer.presentation.phrasing import difference_interval
from barometer.presentation.phrasing import tested_direction as direction_of


@pytest.fixture(scope="module")
def ed():
    return Edition.open(2025, [2021], paths.DATA / "respondents-2025-synthetic.csv", 5)


def _share(frame: pd.DataFrame, mask) -> tuple[int, int]:
    v = pd.to_numeric(frame.loc[mask, "innovated"], errors="coerce").dropna()
    return int((v == 1).sum()), len(v)


@pytest.mark.parametrize("profile", ["sector:1", "sector:7", "national_type:1"])
def test_a_profile_is_compared_with_the_rest_and_its_word_follows_the_interval(ed, glued, profile):
    spec = sp.parse_spec(profile)
    text = str(sp.kerncijfers(ed, spec)["zin_innovatie"])
    df = ed.df
    inside = df[spec.variable].isin(spec.codes)
    (c1, n1), (cr, nr) = _share(df, inside), _share(df, ~inside)
    pop = domain_population(2025, len(df))
    lo, hi = difference_ci(cr, nr, c1, n1, pop(nr), pop(n1))
    diff = 100 * c1 / n1 - 100 * cr / nr
    iv = difference_interval(lo, hi, diff, 1, label="verschil met de overige organisaties", brackets=False)
    word = direction_of(lo, hi, "hoger dan", "lager dan", "niet aantoonbaar anders dan")
    assert f"{word} in het hele openbaar bestuur (" in text and iv in text, text
    # the previous measurement: the profile's own change, Newcombe with the FPC of each year
    prev = ed.frames[2021]
    (p1, m1) = _share(prev, prev[spec.variable].isin(spec.codes))
    lo2, hi2 = difference_ci(p1, m1, c1, n1, domain_population(2021, len(prev))(m1), pop(n1))
    change = difference_interval(lo2, hi2, 100 * c1 / n1 - 100 * p1 / m1, 1, brackets=False)
    assert f"{direction_of(lo2, hi2, 'gestegen', 'gedaald', 'niet aantoonbaar veranderd')} ({change})" in text


def test_a_difference_the_interval_does_not_bear_out_gets_no_direction(ed, glued):
    """Sector 1 innovates a little less often than the rest (point estimate), but the interval
    includes no difference: the profile says 'niet aantoonbaar anders', not 'lager'."""
    spec = sp.parse_spec("sector:1")
    df = ed.df
    inside = df["sector"].isin(spec.codes)
    (c1, n1), (cr, nr) = _share(df, inside), _share(df, ~inside)
    assert c1 / n1 < cr / nr  # lower on the point estimate
    text = str(sp.kerncijfers(ed, spec)["zin_innovatie"])
    assert text.startswith("Dat is niet aantoonbaar anders dan in het hele openbaar bestuur"), text
    assert "lager dan" not in text


def test_the_climate_score_is_compared_with_welch_intervals_with_the_fpc(ed, glued):
    spec = sp.parse_spec("sector:7")
    text = str(sp.kerncijfers(ed, spec)["zin_klimaat"])
    df = ed.df
    inside = df["sector"] == 7
    score = pd.to_numeric(df["climate_scale"], errors="coerce")
    a, b = score[~inside].dropna(), score[inside].dropna()
    pop = domain_population(2025, len(df))
    r = mean_difference(a, b, pop(len(a)), pop(len(b)))
    iv = difference_interval(r["low"], r["high"], r["diff"], 2, "points",
                             label="verschil met de overige organisaties", brackets=False)
    assert iv in text, text
    assert f"{direction_of(r['low'], r['high'], 'hoger dan', 'lager dan', 'niet aantoonbaar anders dan')} " \
           "in het hele openbaar bestuur" in text
