"""Tests of barometer.exhibit: the notice shown instead of an exhibit."""
from __future__ import annotations

from barometer.exhibit import Notice


def test_notice_renders_plain_or_as_admonition():
    plain = Notice("Deze vraag is niet gesteld.")
    assert plain._repr_markdown_() == "Deze vraag is niet gesteld."
    note = Notice("Deze vraag is niet gesteld.", "note")
    assert note._repr_markdown_() == "```{note}\nDeze vraag is niet gesteld.\n```"
    # nbval compares the plain text: the same words in both renderings
    assert repr(plain) == repr(note) == "Deze vraag is niet gesteld."


def test_markdown_table_aligns_text_columns_left_and_numbers_right():
    import pandas as pd
    from barometer.exhibit import markdown_table
    f = pd.DataFrame({"Schaal": ["A", "B"], "Item": ["Wij evalueren onze vernieuwingen", "Wij delen kennis"],
                      "Lading": ["0,74", "0,69"], "Interval": ["-0,20 tot 0,05", "0,01 tot 0,17"]})
    rule = markdown_table(f).splitlines()[1]
    assert rule == "|:--|:--|--:|--:|"
