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
