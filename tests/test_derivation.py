"""The audit's check across exhibits (barometer.publishing.derivation): a count that follows from a
total in one exhibit and the other groups in others is caught; what the print itself allows is
a note in the report's edition only; and Tabel B1-9 hides the innovators of the sectors Tabel
B1-8 hides, so that the two tables together give nothing away."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from barometer.presentation import exhibit
from barometer.presentation.exhibit import TableExhibit
from barometer.publishing import audit as au


def _share_by_sector(year: int = 2027) -> pd.DataFrame:
    """Innovators by sector (B1-8-like): sector 3 is counted in the total only (n = 2)."""
    return pd.DataFrame({"year": [year] * 4, "group": [1, 5, 7, "Totaal"],
                         "count": [40, 6, 30, 78], "base": [50, 9, 40, 101],
                         "pct": [80.0, 600 / 9, 75.0, 7800 / 101]})


def _innovators_as_base(year: int = 2027) -> pd.DataFrame:
    """A B1-9-like table: one answer of the innovators per sector; its base is the count above."""
    return pd.DataFrame({"year": [year] * 4, "group": [1, 5, 7, "Totaal"], "item": ["type_product"] * 4,
                         "count": [20, 3, 15, 39], "base": [40, 6, 30, 78],
                         "pct": [50.0, 50.0, 50.0, 50.0]})


@pytest.fixture()
def stage(tmp_path: Path, monkeypatch) -> Path:
    stage = tmp_path / "_build" / "stage" / "2027"
    chapters = stage / "chapters"
    chapters.mkdir(parents=True)
    monkeypatch.chdir(chapters)
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2027, 5, False))
    return stage


def _table(name: str, data: pd.DataFrame, caption: str = "Proef") -> None:
    TableExhibit(name, caption, pd.DataFrame({"Sector": ["x"]}), [], data, codes={"group": "sector"})


def test_one_exhibit_with_its_own_total_is_protected_and_passes(stage):
    # within one exhibit the complementary rule hides the smallest other sector: nothing follows
    _table("tbl-proef-innovatie", _share_by_sector())
    assert au.audit(stage, min_base=5) == []


def test_a_base_column_that_counts_the_hidden_answers_is_caught(stage):
    # the planted leak: B1-8 hides sector 5 (complementary to the untabulated sector 3), but a
    # second table prints every sector's innovators as its base, and its total
    _table("tbl-proef-innovatie", _share_by_sector())
    _table("tbl-proef-typen", _innovators_as_base())
    found = au.audit(stage, min_base=5)
    derived = [f for f in found if "over exhibits heen af te leiden" in f.problem]
    assert derived and all("niet afzonderlijk getoonde groepen" in f.cell for f in derived), found
    assert any("tbl-proef-typen" in f.problem and "berust op 2 organisaties" in f.problem for f in derived), found
    shown = [f for f in found if "verborgen" in f.problem and "staat hier precies" in f.problem]
    assert any(f.exhibit == "tbl-proef-typen" and "tbl-proef-innovatie" in f.problem and "Provincie" in f.problem
               for f in shown), found


def test_a_total_in_one_exhibit_and_the_groups_in_another_are_caught(stage):
    # one download lists the sectors without a total (nothing to protect on its own), another
    # gives the total count and leaves one sector out (two unknowns there: safe on its own);
    # the sectors both show tell that they count the same thing, and together they give the rest.
    # (A total that shares no cell with the groups cannot be tied to them by the numbers: see
    # the module's notes.)
    groups = _share_by_sector().iloc[:3]
    total = _share_by_sector().assign(count=[40, float("nan"), 30, 78], pct=[80.0, float("nan"), 75.0, 7800 / 101])
    _table("tbl-proef-groepen", groups)
    _table("tbl-proef-totaal", total)
    found = au.audit(stage, min_base=5)
    assert any("over exhibits heen af te leiden" in f.problem and "tbl-proef-groepen" in f.problem
               and "tbl-proef-totaal" in f.problem and "berust op 2 organisaties" in f.problem for f in found), found


def test_rounded_shares_on_small_bases_count_as_exact(stage):
    # 67% of 9 leaves one count (6): a rounded share on a small base is as good as the count
    from barometer.publishing.derivation import _count

    assert _count("pct", "67", "9", rounded=True) == 6
    assert _count("pct", "76", "347", rounded=True) is None  # 262 to 265 all round to 76
    assert _count("pct", "76.0806916426513", "347", rounded=False) == 264


def test_what_the_print_allows_is_a_note_in_the_reports_edition_only(tmp_path, monkeypatch):
    # the same two tables, named as report tables, in the report's edition at its threshold:
    # with the printed forms only (bases, rounded shares) the rest follows: a note, no finding
    stage = tmp_path / "_build" / "stage" / "2025"
    chapters = stage / "chapters"
    chapters.mkdir(parents=True)
    monkeypatch.chdir(chapters)
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2025, 5, False))
    _table("tbl-proef-typen", _innovators_as_base(2025), "Typen (Tabel B1-9 in het rapport)")
    notes: list[str] = []
    assert au.audit(stage, min_base=5, notes=notes) == []
    assert any("Geen bevinding" in n and "gedrukte cijfers" in n and "tbl-proef-typen" in n for n in notes), notes
    # at another threshold the table is not kept as printed: the whole rule hides a second
    # sector, nothing follows, and there is nothing to note
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2025, 4, False))
    _table("tbl-proef-typen", _innovators_as_base(2025), "Typen (Tabel B1-9 in het rapport)")
    notes = []
    assert au.audit(stage, min_base=4, notes=notes) == [] and notes == []
    # and a printed table whose download the book gave full precision and counts (as if the
    # exhibit were not kept as printed) is a finding even in the report's edition: the note
    # covers only what the printed forms allow
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2025, 5, False))
    _table("tbl-proef-typen", _innovators_as_base(2025), "Typen (Tabel B1-9 in het rapport)")
    csv = stage / "chapters" / "_downloads" / "tbl-proef-typen.csv"
    frame = pd.read_csv(csv)
    frame["Aantal"] = [20, 3, 15, 39]
    frame.to_csv(csv, index=False)
    meta = json.loads(csv.with_suffix(".json").read_text(encoding="utf-8"))
    meta["kolommen"]["waarden"]["Aantal"] = "Basis (n)"
    meta["bron_in_rapport"] = ""  # now a table of the book's own: its cells are no print
    csv.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    found = au.audit(stage, min_base=5)
    assert any("over exhibits heen af te leiden" in f.problem and "berust op 2" in f.problem for f in found), found


def test_public_respondent_counts_alone_are_no_leak(stage):
    # bases only (respondents per sector, and a rest in the total): public, nothing to derive
    for name in ("tbl-proef-respons", "tbl-proef-respons-kopie"):
        TableExhibit(name, "Respons", pd.DataFrame({"x": [1]}), [],
                     pd.DataFrame({"year": [2027] * 4, "group": [1, 5, 7, "Totaal"], "base": [50, 9, 40, 101]}),
                     codes={"group": "sector"})
    assert au.audit(stage, min_base=5) == []


# --------------------------------------------------------------------------- the fix: B1-9 beside B1-8
def test_b1_9_hides_the_innovators_b1_8_hides_outside_the_printed_edition(shipped):
    from barometer.presentation import tables as tb

    df = shipped.all_years
    printed = tb.tabel_b1_9(df, 2025, 5)
    assert "#" not in list(printed.frame["Totaal"])  # as printed: every sector's innovators
    other = tb.tabel_b1_9(df, 2025, 6)
    b18 = tb.tabel_b1_8(df, [2021, 2025], 6)
    d = exhibit.disclose(b18.data, 6, "Tabel B1-8", 2025)
    hidden = {c.key["group"] for c in d.protected.cells if c.key["year"] == 2025 and c.key["group"] != "Totaal"}
    assert hidden, "at --min-base 6 Tabel B1-8 hides a sector of 2025"
    labels = dict(zip(other.frame.index, other.frame["Sector"]))
    from barometer.data.codebook import load_codebook

    names = {load_codebook().labels("sector")[int(g)] for g in hidden}
    shown_as_symbol = {labels[i] for i, v in other.frame["Totaal"].items() if v == "#"}
    assert shown_as_symbol == names
    assert other.data[other.data["group"].isin(list(hidden))]["base"].isna().all()


def test_respondents_without_an_answer_are_an_unknown_part(stage):
    # every code of the grouping is listed, one group (n = 3) is hidden, and 6 respondents are in
    # the total without a code (a missing answer): the total minus the shown groups is the hidden
    # group plus those 6, two unknowns, so nothing follows (the property build "one national
    # government respondent" raised a false alarm here)
    from barometer.data.codebook import load_codebook

    codes = sorted(load_codebook().labels("work_change"))
    assert len(codes) == 3
    data = pd.DataFrame({"year": [2027] * 4, "group": [*codes, "Totaal"], "count": [10, 2, 8, 24],
                         "base": [20, 3, 12, 41], "pct": [50.0, 200 / 3, 200 / 3, 2400 / 41]})
    TableExhibit("tbl-proef-verandering", "Proef", pd.DataFrame({"x": ["x"]}), [], data, codes={"group": "work_change"})
    assert [f for f in au.audit(stage, min_base=5) if "over exhibits heen" in f.problem] == []
    # without the 6 the hidden group would follow, and the within-exhibit rule hides a second one
    TableExhibit("tbl-proef-verandering", "Proef", pd.DataFrame({"x": ["x"]}), [],
                 data.assign(base=[20, 3, 12, 35], count=[10, 2, 8, 20], pct=[50.0, 200 / 3, 200 / 3, 2000 / 35]),
                 codes={"group": "work_change"})
    assert au.audit(stage, min_base=5) == []


def _means_by_sector(year: int = 2027) -> pd.DataFrame:
    """Climate scores by sector (B1-10-like, means of 1–5 scores): sector 3 counted in the total
    only (n = 2); every sector listed, so the table alone hides nothing beyond sector 3."""
    n = {1: 50, 5: 9, 7: 40}
    mean = {1: 3.5, 5: 3.2, 7: 3.8}
    total_n, total_sum = 101, 50 * 3.5 + 9 * 3.2 + 40 * 3.8 + 2 * 4.0
    return pd.DataFrame({"year": [year] * 4, "group": [1, 5, 7, "Totaal"],
                         "mean": [mean[1], mean[5], mean[7], total_sum / total_n],
                         "n": [n[1], n[5], n[7], total_n]})


def test_a_hidden_mean_that_follows_from_another_exhibits_means_is_caught(stage):
    """Means are sums over their base: the planted leak is a second download that lists the
    sectors' means without a total (nothing to protect on its own) beside the first one's
    total, which hides sector 5 as its complementary cell; the total's mean times n minus the
    listed sums gives the two organisations of sector 3 (and the second download sector 5)."""
    total = _means_by_sector().assign(mean=lambda f: f["mean"].where(f["group"].astype(str) != "5"))
    _table("tbl-proef-klimaat-totaal", total)
    _table("tbl-proef-klimaat-groepen", _means_by_sector().iloc[:3])
    found = au.audit(stage, min_base=5)
    derived = [f for f in found if "over exhibits heen af te leiden" in f.problem]
    assert any(f.problem.startswith("het gemiddelde van niet afzonderlijk getoonde groepen")
               and "berust op 2 organisaties" in f.problem for f in derived), found
    # with the total alone (its own table protects it) nothing follows
    for p in stage.rglob("*klimaat-groepen*"):
        p.unlink()
    assert not [f for f in au.audit(stage, min_base=5) if "over exhibits heen" in f.problem]


def test_an_audit_with_the_memo_of_an_earlier_one_finds_what_changed_since(stage):
    """The build audits the staged edition while it renders and then the whole edition with
    the same memo: a table added after the first pass (here: the one that gives the hidden
    sector away across exhibits) is read and checked, and the findings are those of an audit
    without memo."""
    _table("tbl-proef-innovatie", _share_by_sector())
    memo: dict = {}
    assert au.audit(stage, min_base=5, memo=memo) == []
    assert memo["tables"] and memo["checked"]
    _table("tbl-proef-typen", _innovators_as_base())
    again = au.audit(stage, min_base=5, memo=memo)
    fresh = au.audit(stage, min_base=5)
    assert again == fresh and any("over exhibits heen af te leiden" in f.problem for f in again), again
    assert au.audit(stage, min_base=5, memo=memo) == fresh  # all from the memo: the same findings
