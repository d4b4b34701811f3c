"""Direction words that follow an interval (phrasing.tested_direction) and a change sentence of a
test in a family (phrasing.change_sentence with ``adjusted``)."""

from __future__ import annotations

import math

from barometer.presentation import phrasing


def test_the_word_follows_the_interval_not_the_point_estimate():
    words = ("hoger", "lager", "niet aantoonbaar anders")
    assert phrasing.tested_direction(0.1, 8.0, *words) == "hoger"
    assert phrasing.tested_direction(-8.0, -0.1, *words) == "lager"
    assert phrasing.tested_direction(-0.1, 8.0, *words) == "niet aantoonbaar anders"  # mostly above zero: no word
    assert phrasing.tested_direction(0.0, 8.0, *words) == "niet aantoonbaar anders"   # zero included
    assert phrasing.tested_direction(math.nan, 8.0, *words) == "niet aantoonbaar anders"


def test_a_change_in_a_family_is_significant_on_its_adjusted_p():
    raw = phrasing.change_sentence("x", 30.0, 40.0, 2021, 2025, 1.0, 19.0, 0.02, adjusted=0.08, family="Holm, 4 typen")
    assert raw.endswith("p = 0,020, gecorrigeerd (Holm, 4 typen) p = 0,080: niet significant)")
    alone = phrasing.change_sentence("x", 30.0, 40.0, 2021, 2025, 1.0, 19.0, 0.02)
    assert alone.endswith("p = 0,020: significant)") and "gecorrigeerd" not in alone
