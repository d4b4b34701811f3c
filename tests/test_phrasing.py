"""Tests of barometer.presentation.phrasing: the Dutch words and sentence parts of every chapter."""
from __future__ import annotations

from barometer.presentation.exhibit import Notice
from barometer.presentation import phrasing as t


def test_join_nl():
    assert t.join_nl([]) == ""
    assert t.join_nl(["a"]) == "a"
    assert t.join_nl(["a", "b"]) == "a en b"
    assert t.join_nl(["a", "b", "c"]) == "a, b en c"
    assert t.join_nl([2021, 2025]) == "2021 en 2025"
    assert t.join_nl(["a", "", "c"]) == "a en c"          # empty parts are left out


def test_lower_first_leaves_acronyms():
    assert t.lower_first("Kostenbesparing") == "kostenbesparing"
    assert t.lower_first("Nieuwe technologie") == "nieuwe technologie"
    assert t.lower_first("GR") == "GR"
    assert t.lower_first("ICT-afdeling") == "ICT-afdeling"
    assert t.lower_first("") == ""


def test_years_text_sorts():
    assert t.years_text([2025]) == "2025"
    assert t.years_text([2025, 2021]) == "2021 en 2025"
    assert t.years_text([2025, 2017, 2021]) == "2017, 2021 en 2025"


def test_significance_word():
    assert t.ALPHA == 0.05
    assert t.significance_word(0.049) == "wel"
    assert t.significance_word(0.05) == "niet"
    assert t.significance_word(0.2) == "niet"
    assert t.significance_word(float("nan")) == "niet"
    assert t.significance_word(None) == "niet"
    assert t.significance_word(0.02, alpha=0.01) == "niet"


def test_p_value_texts_are_dutch():
    assert t.p_text(0.04912) == "p = 0,049"
    assert t.p_text(0.0000123) == "p < 0,001"
    assert t.p_text(float("nan")) == "-"
    assert t.p_value(0.5) == "0,500"
    assert t.p_value(0.0004) == "< 0,001"
    assert t.p_value(None) == "-"


def test_trend_phrases_follow_the_data():
    assert t.trend(62.0, 37.0, 2021, 2025) == "gedaald van 62% in 2021 naar 37% in 2025"
    assert t.trend(28.0, 37.0, 2021, 2025).startswith("gestegen van 28%")
    assert t.trend(87.2, 86.8, 2021, 2025) == "gelijk gebleven: 87% in 2021 en in 2025"
    assert "geen eerdere meting" not in t.trend(1.0, 2.0, 2021, 2025)
    assert t.trend(None, 76.0, None, 2025) == "76% in 2025; een eerdere meting is er niet"
    assert t.trend(float("nan"), 76.0, 2021, 2025) == "76% in 2025; een eerdere meting is er niet"


def test_not_asked_names_the_years_it_was_asked():
    # goals were asked in 2025 only (codebook)
    assert t.not_asked_sentence("goal", 2021, "er is dus geen figuur") == (
        "In de meting van 2021 is deze vraag niet gesteld (wel in 2025); er is dus geen figuur.")
    assert t.not_asked_sentence("geen_vraag", 2021, "x") == "In de meting van 2021 is deze vraag niet gesteld; x."
    n = t.not_asked("goal", 2021)
    assert isinstance(n, Notice) and n.admonition is None
    assert n._repr_markdown_() == repr(n) == n.text


def test_compare_word_says_not_comparable_for_a_missing_value() -> None:
    assert t.compare_word(40.0, float("nan"), up="hoger", down="lager") == "niet te vergelijken"
    assert t.compare_word(None, 3.0, missing="niet te vergelijken met") == "niet te vergelijken met"
    assert t.compare_word(40.0, 44.0, up="hoger", down="lager") == "hoger"


def test_trend_without_a_current_value() -> None:
    assert t.trend(62.0, float("nan"), 2021, 2025) == "in 2025 niet te bepalen (te weinig waarnemingen)"


def test_asked_when_comes_from_the_codebook_years() -> None:
    assert t.asked_when("effect", 2025) == "alleen in de meting van 2025"
    assert t.asked_when("effect", 2027) == "sinds de meting van 2025"
    assert t.asked_when("effect", 2021) == "niet in de meting van 2021 (wel in 2025)"
    assert t.asked_when("climate", 2025) == "sinds de meting van 2021"


def test_model_reason_is_dutch() -> None:
    from barometer.analysis.models import ModelError

    assert "geen variatie" in t.model_reason(ModelError("logit of 'innovated': 57 complete cases with 0 positive: cannot fit"))
    assert "referentiegroep" in t.model_reason(ModelError("reference 1 of 'sector' does not occur in the data"))
    assert t.model_reason(ValueError("x")) == "te weinig waarnemingen"
    notice = t.not_estimable("het model van innoveren", 2025, ModelError("57 positive: cannot fit"))
    assert notice.text.startswith("Het model van innoveren is met de gegevens van 2025 niet te schatten (geen variatie")


def test_years_are_joined_the_dutch_way() -> None:
    assert t.years_text([2027, 2021, 2025]) == "2021, 2025 en 2027"


def test_trend_carries_the_interval_of_the_difference() -> None:
    text = t.trend(62.0, 37.0, 2021, 2025, interval=(-31.46, -18.04))
    assert text == "gedaald van 62% in 2021 naar 37% in 2025 (verschil -25,0 procentpunt, 95%-interval -31,5 tot -18,0)"
    # no change: the interval says which differences the data leave open
    same = t.trend(87.2, 86.8, 2021, 2025, interval=(-5.1, 4.3))
    assert same == "gelijk gebleven: 87% in 2021 en in 2025 (verschil -0,4 procentpunt, 95%-interval -5,1 tot +4,3)"
    # nothing to compare: no interval either
    assert t.trend(None, 76.0, None, 2025, interval=(-1.0, 1.0)) == "76% in 2025; een eerdere meting is er niet"
    assert t.difference_interval(float("nan"), 3.0, 1.0) == "(verschil +1,0 procentpunt, 95%-interval niet te bepalen)"
    assert t.difference_interval(-1.0, 3.0, None) == ""


def test_whisker_notes_name_the_method_once() -> None:
    assert t.whisker_note().count(t.INTERVAL_METHOD) == 1
    assert "Denemarken" in t.whisker_note("Denemarken") and "microdata" in t.whisker_note("Denemarken")
    assert "download" in t.interval_download_note()
    assert t.INTERVAL_METHOD == "95%-betrouwbaarheidsinterval (Wilson, met eindige-populatiecorrectie)"


def test_a_register_is_read_once_per_version_of_its_file_and_given_as_a_copy(tmp_path, monkeypatch) -> None:
    import os

    from barometer.data import paths

    (tmp_path / "registers").mkdir()
    f = tmp_path / "registers" / "conflicts.yaml"
    f.write_text("- id: C1\n  resolution: eerst\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA", tmp_path)
    parsed = []
    real = t.yaml.safe_load
    monkeypatch.setattr(t.yaml, "safe_load", lambda text: parsed.append(text) or real(text))
    first = t.register("conflicts")
    first[0]["resolution"] = "door de aanroeper veranderd"
    assert t.register("conflicts") == [{"id": "C1", "resolution": "eerst"}]
    assert len(parsed) == 1, "the unchanged file was parsed again"
    f.write_text("- id: C1\n  resolution: tweede versie\n- id: C2\n", encoding="utf-8")
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a later modification time
    assert [c["id"] for c in t.register("conflicts")] == ["C1", "C2"] and len(parsed) == 2
