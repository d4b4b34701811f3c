"""Tests of barometer.chapters.innovatie_in_het_openbaar_bestuur (report §2.1).

Small hand-built frames with known answers, and the shipped data for the regression.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import edition_of as _edition
from conftest import make_valid_frame

from barometer.data import denmark
from barometer.presentation import glue
from barometer.analysis import models
from barometer.presentation import formatting as fmt
from barometer.data.derive import add_derived
from barometer.book.edition import Edition
from barometer.presentation.exhibit import FigureExhibit, Notice, TableExhibit
from barometer.presentation import phrasing as _text
from barometer.chapters import innovatie_in_het_openbaar_bestuur as ex
from barometer.data.paths import CHAPTERS


@pytest.fixture
def no_denmark(monkeypatch, tmp_path):
    monkeypatch.setattr(denmark, "PATH", tmp_path / "geen-denmark.csv")


def _frame(year: int, n: int = 60) -> pd.DataFrame:
    return make_valid_frame(n, year)


def _set_innovated(df: pd.DataFrame, mask: pd.Series, value: int) -> None:
    """Set ``innovated`` for the rows in ``mask``; empty the innovator questions of non-innovators."""
    df.loc[mask, "innovated"] = value


def _sizes_frame(year: int, shares: dict[int, tuple[int, int]]) -> pd.DataFrame:
    """A frame in which size class k has ``shares[k] = (innovators, n)``."""
    parts = []
    for size, (k, n) in shares.items():
        f = make_valid_frame(n, year)
        f["size_class"] = size
        f["innovated"] = [1] * k + [0] * (n - k)
        parts.append(f)
    df = pd.concat(parts, ignore_index=True)
    df["resp_id"] = [f"SYN{i:04d}" for i in range(len(df))]
    return add_derived(df)


# ----------------------------------------------------------------------------- Denmark
DK_HEADER = "ref_id,measure,wave,period,value,comparison,unit,source_url,reliability,note\n"


def write_dk(path: Path, rows: list[tuple[str, str, str, float]]) -> Path:
    """A Danish file in the shipped format: (ref_id, measure, period, value) per row."""
    lines = [f"{r},{m},4th,{p},{v},eq,percent,https://example.org,primary,\n" for r, m, p, v in rows]
    path.write_text(DK_HEADER + "".join(lines), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- key figures
def test_kerncijfers_glue_shares_and_direction(glued, no_denmark):
    old = _sizes_frame(2021, {1: (9, 10), 2: (9, 10), 3: (10, 10)})    # 28 of 30
    new = _sizes_frame(2025, {1: (5, 10), 2: (8, 10), 3: (10, 10)})    # 23 of 30
    out = ex.kerncijfers(_edition({2021: old, 2025: new}))
    assert out["pct_innovatie"] == "77%" and glued["pct_innovatie"] == "77%"
    assert glued["pct_innovatie_vorig"] == "93%"
    assert glued["richting_innovatie"] == "gedaald"
    assert glued["verschil_innovatie"] == "17 procentpunt"
    # the change with its Newcombe interval (all 30 respondents of a year: the whole invited population of
    # the year's file scaled to 30, so the FPC uses the invited totals)
    from barometer.data.population import read_population
    from barometer.analysis.uncertainty import difference_ci

    lo, hi = difference_ci(28, 30, 23, 30, read_population(2021).total, read_population(2025).total)
    assert glued["verloop_innovatie"] == (f"gedaald van 93% in 2021 naar 77% in 2025 (verschil -16,7 procentpunt, "
                                          f"95%-interval {fmt.pp(lo, 1, signed=True).removesuffix(' procentpunt')} "
                                          f"tot {fmt.pp(hi, 1, signed=True).removesuffix(' procentpunt')})")
    assert lo < -16.7 < hi < 16.7
    assert glued["n_organisaties"] == "30"
    assert "geen Deens cijfer" in glued["zin_dk"]


def test_kerncijfers_without_comparison_year_say_so(glued, no_denmark):
    new = _sizes_frame(2025, {1: (5, 10), 2: (8, 10), 3: (10, 10)})
    ex.kerncijfers(_edition({2025: new}))
    assert glued["jaar_vorig"] == "-"
    assert "eerdere meting" in glued["zin_innovatie_vergelijking"]
    assert "eerdere meting" in glued["verloop_innovatie"]


def test_kerncijfers_compare_with_denmark(glued, tmp_path, monkeypatch):
    path = write_dk(tmp_path / "denmark.csv", [("DK4-01", "x", "2021-2023", 83),
                                               ("DK-W4", "responding workplaces", "2021-2023", 1611)])
    monkeypatch.setattr(denmark, "PATH", path)
    new = _sizes_frame(2025, {1: (5, 10), 2: (8, 10), 3: (10, 10)})
    ex.kerncijfers(_edition({2025: new}))
    assert glued["pct_innovatie_dk"] == "83%"
    assert glued["n_dk"] == "1.611"
    assert "lager" in glued["zin_nl_dk"]
    # the Dutch share (23 of 30) with its interval; the Danish figure has no margin, and the text says so
    from barometer.analysis.uncertainty import domain_population, share_ci

    lo, hi = share_ci(23, 30, domain_population(2025, 30)(30))
    assert glued["zin_nl_dk"] == f"Het Nederlandse aandeel van 77% {_text.without_margin(lo, hi)} ligt daarmee lager dan het Deense."
    assert "zonder foutmarge" in glued["zin_dk"] and glued["zin_dk"].endswith(glued["zin_nl_dk"])


# ----------------------------------------------------------------------------- Figuur 2-1
def test_figure_by_size_has_the_right_shares_and_words(glued):
    old = _sizes_frame(2021, {1: (9, 10), 2: (9, 10), 3: (10, 10)})
    new = _sizes_frame(2025, {1: (5, 10), 2: (9, 10), 3: (10, 10)})
    fig = ex.figuur_innovatie_naar_grootte(_edition({2021: old, 2025: new}))
    assert isinstance(fig, FigureExhibit)
    assert fig.name == "fig-innovatie-in-het-openbaar-bestuur-grootte"
    assert "Figuur 2-1" in fig.caption
    d = fig.data.set_index(["jaar", "organisatiegrootte"])["percentage"]
    assert d[(2025, "Klein")] == pytest.approx(50.0)
    assert d[(2021, "Groot")] == pytest.approx(100.0)
    assert d[(2025, "Totaal")] == pytest.approx(80.0)
    assert glued["pct_innovatie_klein"] == "50%"
    assert glued["grootte_hoogst"] == "groot" and glued["grootte_laagst"] == "klein"
    # klein went down, middelgroot stayed equal, groot stayed equal
    assert "klein gedaald" in glued["zin_grootte_vergelijking"]
    assert "middelgroot gelijk gebleven" in glued["zin_grootte_vergelijking"]
    assert "Groot (100%)" in fig.alt
    # large above small in both years, but not every class went down: the report's picture fails
    assert glued["claim_grootte_patroon"] == "houdt geen stand"


def test_size_pattern_claim_holds_when_every_class_falls(glued):
    old = _sizes_frame(2021, {1: (8, 10), 2: (9, 10), 3: (10, 10)})
    new = _sizes_frame(2025, {1: (5, 10), 2: (7, 10), 3: (9, 10)})
    ex.figuur_innovatie_naar_grootte(_edition({2021: old, 2025: new}))
    assert glued["claim_grootte_patroon"] == "houdt stand"
    # every class fell: one word for all, each class with the Newcombe interval of its change
    # (every respondent of a year is in the frame: the FPC of the year's invited population)
    from barometer.analysis.uncertainty import difference_ci, domain_population

    def beside(k_old, k_new):
        lo, hi = difference_ci(k_old, 10, k_new, 10, domain_population(2021, 30)(10), domain_population(2025, 30)(10))
        return _text.difference_interval(lo, hi, 10.0 * (k_new - k_old))

    assert glued["zin_grootte_vergelijking"] == (
        f"Ten opzichte van 2021 is het aandeel in alle grootteklassen gedaald: klein {beside(8, 5)}, "
        f"middelgroot {beside(9, 7)} en groot {beside(10, 9)}.")
    assert "verschil -30,0 procentpunt" in glued["zin_grootte_vergelijking"]
    # highest against lowest class in the edition year, with the interval of that difference
    lo, hi = difference_ci(5, 10, 9, 10, domain_population(2025, 30)(10), domain_population(2025, 30)(10))
    assert glued["zin_grootte_verschil"] == ("Het aandeel in de klasse groot ligt daarmee hoger dan in de klasse klein "
                                             f"{_text.difference_interval(lo, hi, 40.0)}.")


def test_small_groups_are_suppressed(glued):
    new = _sizes_frame(2025, {1: (2, 3), 2: (9, 10), 3: (10, 10)})
    ex.figuur_innovatie_naar_grootte(_edition({2025: new}))
    assert glued["pct_innovatie_klein"] == "#"
    assert glued["pct_innovatie_groot"] == "100%"


# ----------------------------------------------------------------------------- Rijk
def test_national_government_compares_core_departments_with_execution(glued):
    f = make_valid_frame(30, 2025)
    f["sector"] = [7] * 10 + [7] * 10 + [9] * 10
    f["rijk_subtype"] = [1] * 10 + [2] * 10 + [None] * 10
    f["innovated"] = [1] * 5 + [0] * 5 + [1] * 10 + [1] * 8 + [0] * 2
    df = add_derived(f)
    fig = ex.figuur_innovatie_rijk(_edition({2025: df}))
    assert glued["pct_innovatie_kerndep"] == "50%"
    assert glued["pct_innovatie_uitvoering"] == "90%"   # 18 of 20
    assert glued["n_uitvoering"] == "20"
    assert glued["richting_kerndep"] == "minder vaak"
    assert glued["claim_rijk"] == "houdt stand"
    assert list(fig.data["onderdeel"]) == ["Kerndepartement", "Diensten en agentschappen", "Zbo"]


@pytest.mark.parametrize("keep_sectors, missing", [([1, 2, 9], "kerndepartementen"), ([1, 2], "nationale overheid")])
def test_national_government_without_respondents_says_so(glued, keep_sectors, missing):
    # a file without core departments (or without any national government) gives a sentence
    # saying there are none, no comparison and no verdict on the report's claim
    f = make_valid_frame(30, 2025)
    f["sector"] = [keep_sectors[i % len(keep_sectors)] for i in range(30)]
    f["rijk_subtype"] = None
    df = add_derived(f)
    out = ex.figuur_innovatie_rijk(_edition({2025: df}))
    assert isinstance(out, (FigureExhibit, Notice))
    assert glued["n_kerndep"] == "0" and glued["pct_innovatie_kerndep"] == fmt.NOT_ASKED
    assert "geen" in glued["zin_rijk"] and missing in glued["zin_rijk"]
    assert glued["claim_rijk"] == "is met deze gegevens niet te toetsen"
    assert "geen" in glued["richting_kerndep"]


def test_national_government_sentence(glued):
    f = make_valid_frame(30, 2025)
    f["sector"] = [7] * 20 + [9] * 10
    f["rijk_subtype"] = [1] * 10 + [2] * 10 + [None] * 10
    f["innovated"] = [1] * 5 + [0] * 5 + [1] * 18 + [0] * 2
    ex.figuur_innovatie_rijk(_edition({2025: add_derived(f)}))
    # the difference with its Newcombe interval inside the sentence (the one phrase, difference_interval)
    from barometer.analysis.uncertainty import difference_ci, domain_population

    pop = domain_population(2025, 30)
    lo, hi = difference_ci(18, 20, 5, 10, pop(20), pop(10))
    phrase = _text.difference_interval(lo, hi, 50.0 - 90.0)
    assert phrase.startswith("(verschil -40,0 procentpunt, 95%-interval -")
    assert glued["zin_rijk"] == ("Kerndepartementen (n = 10) voerden minder vaak een innovatie in (50%) dan "
                                 f"diensten, agentschappen en zbo's samen (n = 20; 90%; {phrase[1:-1]}).")


# ----------------------------------------------------------------------------- types and tests
def _types_frame(year: int, n: int, interaction: int) -> pd.DataFrame:
    f = make_valid_frame(n, year)
    f["innovated"] = 1
    for col in ("type_product", "type_service", "type_process", "type_interaction"):
        f[col] = 0
    f["type_process"] = 1
    f["type_interaction"] = [1] * interaction + [0] * (n - interaction)
    return add_derived(f)


def test_type_differences_are_tested_between_years(glued):
    ed = _edition({2021: _types_frame(2021, 100, 62), 2025: _types_frame(2025, 100, 37)})
    fig = ex.figuur_typen_naar_jaar(ed)
    assert re.fullmatch(r"gedaald van 62% in 2021 naar 37% in 2025 \(verschil -25,0 procentpunt, "
                        r"95%-interval -\d+,\d tot -\d+,\d\)", glued["verloop_interactie"])
    assert glued["verloop_proces"].startswith("gelijk gebleven")
    assert "Figuur 2-3" in fig.caption
    tbl = ex.tabel_typen_toets(ed)
    assert isinstance(tbl, TableExhibit)
    expected = models.proportion_test(62, 100, 37, 100)["p"]
    assert glued["p_interactie"] == _text.p_text(expected)
    assert glued["sig_interactie"] == "wel"
    assert glued["sig_proces"] == "niet"
    # every innovation a process innovation in both years: the interval of the change (Newcombe)
    # lies inside the margin, so the claim of no change holds under the claims table's rule
    assert glued["claim_proces"] == "houdt stand"
    row = tbl.frame.set_index("Type").loc["Innovatie van de interactie"]
    assert row["Verschil"] == "-25 procentpunt" and row["Significant (5%, Holm)"] == "ja"
    # one family of four tests: Holm-adjusted p (statsmodels) beside the raw p, verdicts on the adjusted
    from statsmodels.stats.multitest import multipletests

    raw = [models.proportion_test(0, 100, 0, 100)["p"]] * 2 + [models.proportion_test(100, 100, 100, 100)["p"], expected]
    adjusted = multipletests(raw, method="holm")[1]
    assert glued["ph_interactie"] == _text.p_text(adjusted[3]) and glued["n_toetsen_typen"] == "4"
    header = Path(tbl.downloads[0]).read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "p-waarde" in header and "p-waarde (gecorrigeerd volgens Holm)" in header  # raw and adjusted
    assert tbl.data.set_index("item").loc["type_interaction", "p_gecorrigeerd"] == pytest.approx(adjusted[3])
    assert row["p (Holm)"] == _text.p_value(adjusted[3])


def test_type_tests_without_comparison_year_give_a_notice(glued):
    out = ex.tabel_typen_toets(_edition({2025: _types_frame(2025, 20, 5)}))
    assert isinstance(out, Notice)
    assert "geen eerdere meting" in repr(out)
    assert glued["claim_proces"] == "is niet te toetsen"


def test_types_against_denmark_only_where_a_danish_value_exists(glued, tmp_path, monkeypatch):
    path = write_dk(tmp_path / "denmark.csv", [("DK4-10", "x", "2021-2023", 79),
                                               ("DK4-11", "y", "2021-2023", 37)])
    monkeypatch.setattr(denmark, "PATH", path)
    ed = _edition({2021: _types_frame(2021, 50, 31), 2025: _types_frame(2025, 50, 10)})
    fig = ex.figuur_typen_nl_dk(ed)
    assert isinstance(fig, FigureExhibit)
    dk = fig.data[fig.data["reeks"].str.startswith("Denemarken")].set_index("type")["dk_gepubliceerd"]
    assert dk["Innovatie van processen"] == 79.0
    assert "Innovatie van producten" not in dk.index        # no Danish value: no bar, no row, not invented
    # the download: the Danish rows are published figures without microdata, not hidden small groups
    from barometer.presentation import disclosure
    from barometer.presentation.vocabulary import dutch_header

    csv = pd.read_csv(next(Path.cwd().glob("_downloads/fig-*-typen-dk.csv")))
    danish = csv[csv["Reeks"].str.startswith("Denemarken")].set_index("Type")
    status = disclosure.policy().status_text("external")
    assert (danish.loc[["Innovatie van processen", "Innovatie van de interactie"], "Geheimhouding"] == status).all()
    assert not csv["Geheimhouding"].fillna("").str.contains("minder dan").any()
    assert danish.loc["Innovatie van processen", dutch_header("dk_gepubliceerd")] == 79.0
    assert danish["Basis (n)"].isna().all() and danish["Percentage (volle precisie)"].isna().all()
    assert "geen Deens cijfer" in fig.alt
    assert "minder vaak" in glued["zin_interactie_dk"]     # NL 20% against DK 37%
    row = fig.data[(fig.data["reeks"] == "Nederland 2025") & (fig.data["type"] == "Innovatie van de interactie")].iloc[0]
    assert glued["zin_interactie_dk"] == ("Innovaties van de interactie komen in Nederland minder vaak voor dan in "
                                          f"Denemarken: 20% {_text.without_margin(row['ondergrens'], row['bovengrens'])} "
                                          "tegen 37%.")


def test_types_against_denmark_without_file_is_a_notice(glued, no_denmark):
    out = ex.figuur_typen_nl_dk(_edition({2025: _types_frame(2025, 20, 5)}))
    assert isinstance(out, Notice)


def test_work_change_shares_and_test(glued):
    frames = {}
    for year, big in ((2021, 30), (2025, 10)):
        f = make_valid_frame(100, year)
        f["innovated"] = 1
        f["work_change"] = [3] * big + [2] * (100 - big)
        frames[year] = add_derived(f)
    fig = ex.figuur_werkwijze(_edition(frames))
    assert glued["pct_ingrijpend"] == "10%"
    assert glued["pct_werkwijze_beperkt"] == "90%"
    assert glued["richting_ingrijpend"] == "gedaald"
    assert glued["sig_ingrijpend"] == "wel"
    assert "Figuur 2-4" in fig.caption


# ----------------------------------------------------------------------------- regression (shipped data)
@pytest.fixture(scope="module")
def shipped():
    return Edition.open(2025, [2021], None, 5)


def test_logit_table_shows_odds_ratios_and_judges_the_claims(glued, shipped):
    tbl = ex.tabel_logit_innoveren(shipped)
    assert isinstance(tbl, TableExhibit)
    assert list(tbl.frame.columns) == ["Voorspeller", "Odds ratio", "95%-betrouwbaarheidsinterval", "p"]
    res = models.innovation_model(shipped.df, year=2025)
    assert len(tbl.frame) == len(res.table)
    sector_p = res.joint.set_index("variable").loc["sector", "p"]
    # a claim of no difference: the claims table's rule (CL03), never p >= 0,05 alone
    from barometer.presentation.claims import claim_outcome
    from barometer.presentation.phrasing import claim_phrase

    outcome = claim_outcome(shipped, "CL03")
    assert glued["claim_sector"] == claim_phrase(outcome)
    assert (outcome == "fails") == (sector_p < 0.05)
    mgmt = res.term("cond_management")
    assert glued["or_management"] == fmt.dec(mgmt["odds_ratio"], 2)
    assert glued["sig_management"] == _text.significance_word(mgmt["p"])
    for key in ("claim_grootte", "claim_unit", "claim_management", "claim_tijd"):
        assert glued[key] in {"houdt stand", "houdt geen stand"}
    assert re.fullmatch(r"\d+", glued["n_logit"].replace(".", ""))


# ----------------------------------------------------------------------------- chapter
def test_every_exhibit_called_in_the_chapter_exists():
    text = (CHAPTERS / f"{ex.SLUG}.ipynb").read_text(encoding="utf-8")
    calls = set(re.findall(r"ex\.(\w+)\(ed\)", text))
    assert calls, "the chapter calls no exhibit"
    assert calls <= set(ex.__all__), calls - set(ex.__all__)


# ----------------------------------------------------------------------------- disclosure (issue 10)
def _csv_rows(exhibit) -> list[dict]:
    import csv

    with open(exhibit.downloads[0], encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_a_small_size_class_is_hidden_everywhere_with_its_complement(glued, monkeypatch):
    """Klein has 3 organisations, below the threshold 4: hidden (primary). Middelgroot, the smallest
    other class, is hidden as well (secondary), else the total minus the shown classes would give
    Klein back. Neither is drawn, described in the alt text, glued or downloaded."""
    drawn = {}
    real = ex.fig.grouped_bars

    def spy(data, **kw):
        drawn["frame"] = data.copy()
        return real(data, **kw)

    monkeypatch.setattr(ex.fig, "grouped_bars", spy)
    new = _sizes_frame(2025, {1: (2, 3), 2: (7, 10), 3: (9, 12)})
    out = ex.figuur_innovatie_naar_grootte(_edition({2025: new}, min_base=4))
    shown = drawn["frame"].set_index("klasse")["pct"]
    assert pd.isna(shown["Klein"]) and pd.isna(shown["Middelgroot"]) and shown["Groot"] == pytest.approx(75.0)
    assert shown["Totaal"] == pytest.approx(72.0)                      # 18 of 25
    assert "Klein" not in out.alt and "Middelgroot" not in out.alt and "Groot (75%)" in out.alt
    assert glued["pct_innovatie_klein"] == "#" and glued["pct_innovatie_middelgroot"] == "#"
    assert glued["pct_innovatie_groot"] == "75%"
    assert glued["grootte_hoogst"] == glued["grootte_laagst"] == "groot"   # the hidden classes are not ranked
    assert glued["zin_grootte_verschil"] == ""
    assert "67%" not in str(glued) and "70%" not in str(glued)          # Klein (2 of 3), Middelgroot (7 of 10)
    rows = {r["Organisatiegrootte"]: r for r in _csv_rows(out)}
    for hidden, reason in (("Klein", "minder dan 4"), ("Middelgroot", "af te leiden")):
        assert rows[hidden]["Percentage (afgerond)"] == "" and rows[hidden]["Aantal"] == "", hidden
        assert rows[hidden]["Ondergrens (95%-betrouwbaarheidsinterval)"] == "", hidden
        assert reason in rows[hidden]["Geheimhouding"], hidden
    assert rows["Groot"]["Percentage (afgerond)"] == "75" and rows["Klein"]["Basis (n)"] == "3"  # bases public


def test_a_small_part_of_the_national_government_hides_the_combined_share(glued):
    """Diensten en agentschappen (n = 3) are hidden; the share of diensten, agentschappen and zbo's
    together would give them back next to the zbo's, so it is hidden too, and there is no comparison.
    The kerndepartementen are hidden as well: Tabel B1-8 and the profiles of the same edition show
    the sector Rijksoverheid (kerndepartementen with diensten and agentschappen), from which the
    kerndepartementen's share would give the hidden one back (the edition-wide rule,
    barometer.presentation.linked)."""
    f = make_valid_frame(33, 2025)
    f["sector"] = [7] * 13 + [9] * 20
    f["rijk_subtype"] = [1] * 10 + [2] * 3 + [None] * 20
    f["innovated"] = [1] * 5 + [0] * 5 + [1] * 3 + [1] * 18 + [0] * 2
    out = ex.figuur_innovatie_rijk(_edition({2025: add_derived(f)}))
    assert glued["pct_innovatie_kerndep"] == "#"                      # Rijksoverheid minus 5 of 10: 3 of 3
    assert glued["pct_innovatie_uitvoering"] == "#"                   # 21 of 23 would give 3 of 3 back
    assert glued["n_uitvoering"] == "23"                              # respondent counts are public
    assert glued["richting_kerndep"] == "niet te vergelijken"
    assert "91%" not in glued["zin_rijk"] and "niet te vergelijken" in glued["zin_rijk"]
    assert glued["claim_rijk"] == "is met deze gegevens niet te toetsen"
    assert "Diensten en agentschappen" not in out.alt
    rows = {r["Onderdeel"]: r for r in _csv_rows(out)}
    assert rows["Diensten en agentschappen"]["Percentage (afgerond)"] == ""
    assert rows["Zbo"]["Percentage (afgerond)"] == "90"


def test_type_tests_of_a_year_with_too_few_innovators_are_not_published(glued):
    out = ex.tabel_typen_toets(_edition({2021: _types_frame(2021, 40, 20), 2025: _types_frame(2025, 4, 1)}))
    assert isinstance(out, Notice) and "te weinig" in repr(out)
    assert glued["p_interactie"] == "niet te toetsen" and glued["sig_interactie"] == "niet"


def test_the_type_family_is_the_claims_tables(shipped):
    """CL09 judges the fall of the interaction share on the same family and correction as the table."""
    from barometer.presentation.claims import evaluate_claims

    tbl = ex.tabel_typen_toets(shipped)
    adj = tbl.data.set_index("item")["p_gecorrigeerd"]
    cl09 = evaluate_claims(shipped.frames, only=["CL09"]).set_index("claim_id").loc["CL09", "statistic"]
    assert f"gecorrigeerd (Holm, {len(adj)} typen) {_text.p_text(adj['type_interaction'])}" in cl09


def test_glue_of_this_module_is_checked():
    """The module is converted to released glue: it carries no GLUE_UNCHECKED flag (issue 10)."""
    assert getattr(ex, "GLUE_UNCHECKED", False) is False
