"""Tests of barometer.presentation.exhibit: the notice shown instead of an exhibit."""
from __future__ import annotations

from barometer.presentation.exhibit import Notice


def test_notice_renders_plain_or_as_admonition():
    plain = Notice("Deze vraag is niet gesteld.")
    assert plain._repr_markdown_() == "Deze vraag is niet gesteld."
    note = Notice("Deze vraag is niet gesteld.", "note")
    assert note._repr_markdown_() == "```{note}\nDeze vraag is niet gesteld.\n```"
    # nbval compares the plain text: the same words in both renderings
    assert repr(plain) == repr(note) == "Deze vraag is niet gesteld."


def test_markdown_table_aligns_text_columns_left_and_numbers_right():
    import pandas as pd
    from barometer.presentation.exhibit import markdown_table
    f = pd.DataFrame({"Schaal": ["A", "B"], "Item": ["Wij evalueren onze vernieuwingen", "Wij delen kennis"],
                      "Lading": ["0,74", "0,69"], "Interval": ["-0,20 tot 0,05", "0,01 tot 0,17"]})
    rule = markdown_table(f).splitlines()[1]
    assert rule == "|:--|:--|--:|--:|"


def _sector_data():
    import pandas as pd
    return pd.DataFrame({"year": [2025] * 5, "group": [1, 3, 5, 7, "Totaal"],
                         "count": [40, 2, 5, 30, 77], "base": [50, 2, 9, 40, 101],
                         "pct": [80.0, 100.0, 55.55555, 75.0, 76.2376]})


def test_downloads_pass_the_policy_and_write_a_sidecar(tmp_path, monkeypatch):
    """The download of a table with a group of 2 blanks it (primary), the smallest other group
    too (secondary: the total would give it away), says why in Dutch, labels the codes, and the
    sidecar lists every suppressed cell."""
    import json

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from barometer.presentation import exhibit
    from barometer.presentation.exhibit import FigureExhibit, TableExhibit

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2025, 5, True))
    t = TableExhibit("tbl-proef-sector", "Innovatie naar sector (eigen tabel van het boek)",
                     pd.DataFrame({"Sector": ["x"]}), ["# n kleiner dan 5."], _sector_data(),
                     codes={"group": "sector"})
    csv = pd.read_csv(t.downloads[0])
    assert list(csv.columns) == ["Jaar", "Groep (code)", "Groep", "Aantal", "Basis (n)",
                                 "Percentage (volle precisie)", "Percentage (afgerond)",
                                 "Geheimhouding", "Bron", "Let op"]
    assert csv["Groep"].tolist()[0] == "Gemeente"
    assert csv["Percentage (volle precisie)"].isna().tolist() == [False, True, True, False, False]
    assert csv["Aantal"].isna().tolist() == [False, True, True, False, False]
    assert csv["Basis (n)"].tolist() == [50, 2, 9, 40, 101]
    assert csv["Percentage (afgerond)"].tolist()[0] == 80
    assert csv["Geheimhouding"].fillna("").str.startswith("niet getoond").tolist() == [False, True, True, False, False]
    assert csv["Let op"].str.contains("synthetische").all()
    xlsx = pd.read_excel(t.downloads[1])
    assert xlsx["Percentage (volle precisie)"].isna().tolist() == [False, True, True, False, False]
    side = json.loads((tmp_path / "_downloads" / "tbl-proef-sector.json").read_text(encoding="utf-8"))
    assert side["bron_in_rapport"] == "" and side["drempel"] == 5 and side["soort"] == "table"
    assert side["zoals_gedrukt"] is False
    assert side["basis"] == {"van": 2, "tot": 101} and side["eenheid"] == ["procent"]
    assert {(c["sleutel"]["group"], c["kolom"], c["reden"]) for c in side["onderdrukt"]} == {
        (3, "Aantal", "primary"), (3, "Percentage", "primary"),
        (5, "Aantal", "secondary"), (5, "Percentage", "secondary")}
    assert side["kolommen"]["waarden"] == {"Aantal": "Basis (n)", "Percentage": "Basis (n)"}

    fig, _ = plt.subplots()
    f = FigureExhibit("fig-proef-sector", "Innovatie naar sector", "Gemeenten het vaakst.", fig,
                      data=_sector_data())
    assert pd.read_csv(f.downloads[0])["Percentage (volle precisie)"].isna().sum() == 2


def test_download_threshold_follows_the_edition(tmp_path, monkeypatch):
    import pandas as pd

    from barometer.presentation import exhibit

    frame, prot = exhibit.download_frame(_sector_data(), min_base=10, year=2025)
    # groups 3 (n=2) and 5 (n=9) are below 10: two hidden, nothing else needed
    assert frame["Percentage (volle precisie)"].isna().tolist() == [False, True, True, False, False]
    assert {c.reason for c in prot.cells} == {"primary"}
    assert "Let op" not in frame.columns and frame["Bron"].str.contains("2025").all()


def test_a_table_the_report_printed_keeps_its_cells_and_downloads_only_the_printed_rounding(tmp_path, monkeypatch):
    """Tabel B1-8 in the report's edition at the report's threshold: primary suppression only (as
    printed), and no full precision or answer counts, which with the printed cells would give the
    hidden group away; in another edition the whole rule holds."""
    import json

    import pandas as pd

    from barometer.presentation import exhibit
    from barometer.presentation.exhibit import TableExhibit

    monkeypatch.chdir(tmp_path)
    for year, printed in ((2025, True), (2021, False)):
        monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(year, 5, False))
        t = TableExhibit("tbl-proef-b1-8", "Innovatie naar sector (Tabel B1-8 in het rapport)",
                         pd.DataFrame({"Sector": ["x"]}), [], _sector_data())
        csv = pd.read_csv(t.downloads[0])
        side = json.loads((tmp_path / "_downloads" / "tbl-proef-b1-8.json").read_text(encoding="utf-8"))
        assert side["zoals_gedrukt"] is printed
        if printed:
            assert "Percentage (volle precisie)" not in csv.columns and "Aantal" not in csv.columns
            assert csv["Percentage (afgerond)"].isna().tolist() == [False, True, False, False, False]
        else:
            assert csv["Percentage (volle precisie)"].isna().tolist() == [False, True, True, False, False]


def test_a_figure_gives_the_same_svg_in_every_build(tmp_path, monkeypatch):
    """matplotlib hashes the SVG's clip-path ids with a random salt unless one is set: the
    exhibit salts with the figure's name, so the same figure is the same file every time (a
    rebuild changes nothing, and staged outputs can be compared before and after a change)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from barometer.presentation import exhibit
    from barometer.presentation.exhibit import FigureExhibit

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2025, 5, True))

    def draw(name: str) -> bytes:
        fig, ax = plt.subplots()
        ax.bar(["a", "b"], [1, 2])
        f = FigureExhibit(name, "Proef", "Twee staven.", fig, data=_sector_data())
        return f.path.read_bytes()

    import re

    def ids(svg: bytes) -> set[bytes]:
        return set(re.findall(rb'clip-path="url\(#(\w+)\)"', svg))

    first = draw("fig-proef-svg")
    assert ids(first)
    assert draw("fig-proef-svg") == first
    assert ids(draw("fig-proef-svg-twee")).isdisjoint(ids(first))  # unique per figure on a page
