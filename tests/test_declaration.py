"""Declared exhibits (barometer.presentation.declaration): screen, alt text, glue and download pass one policy call."""
from __future__ import annotations

import json
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from barometer.presentation import declaration, exhibit
from barometer.presentation import formatting as fmt
from barometer.book.edition import Edition
from barometer.chapters import bijlage_tabellen as bijlagen


def _sector():
    """Shares by sector with a total; sector 3 (n = 2) hidden, sector 5 (n = 9) its complement."""
    return pd.DataFrame({"year": [2021] * 5, "group": [1, 3, 5, 7, "Totaal"],
                         "group_label": ["Gemeente", "Hoge Colleges van Staat", "Provincie", "Rijksoverheid", "Totaal"],
                         "count": [40, 2, 6, 30, 78], "base": [50, 2, 9, 40, 101],
                         "pct": [80.0, 100.0, 66.6667, 75.0, 77.2277]})


def test_a_declared_figure_draws_describes_and_glues_only_the_disclosed_frame(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(exhibit, "_CONTEXT", exhibit._Context(2021, 5, False))
    drawn = {}

    def draw(frame):
        drawn["frame"] = frame
        fig, ax = plt.subplots()
        ax.barh(frame["group_label"], frame["pct"].fillna(0))
        return fig

    fig = declaration.Figure(
        name="fig-proef-sector", compute=lambda ed: _sector(), draw=draw,
        alt=lambda ed, d: "; ".join(f"{r.group_label} {fmt.pct(r.pct)}" for r in d.frame.itertuples()
                                    if not pd.isna(r.pct)),
        caption=lambda ed, d: f"Innovatie naar sector, n = {d.text('base', group='Totaal')}",
        glue=[declaration.Glued("pct_hcvs", where={"group": 3}), declaration.Glued("pct_provincie", where={"group": 5}),
              declaration.Glued("pct_gemeente", where={"group": 1})])
    ed = SimpleNamespace(year=2021, min_base=5)
    f = fig(ed)
    # drawn: the primary (3) and the complementary (5) cell are NaN, the others as computed
    assert drawn["frame"]["pct"].isna().tolist() == [False, True, True, False, False]
    assert "100%" not in f.alt and "67%" not in f.alt and "Gemeente 80%" in f.alt
    assert f.caption == "Innovatie naar sector, n = 101"
    assert fig.glued(ed) == {"pct_hcvs": "#", "pct_provincie": "#", "pct_gemeente": "80%"}
    side = json.loads((tmp_path / "_downloads" / "fig-proef-sector.json").read_text(encoding="utf-8"))
    hidden = {(c["sleutel"]["group"], c["reden"]) for c in side["onderdrukt"] if c["kolom"] == "Percentage"}
    assert hidden == {(3, "primary"), (5, "secondary")}


@pytest.mark.parametrize("min_base, printed", [(5, True), (6, False)])
def test_tabel_b1_8_screen_and_download_hide_the_same_cells(min_base, printed, tmp_path, monkeypatch):
    """Tabel B1-8, 2025: sector 3 (Hoge Colleges van Staat, n = 2) is counted in the total only, so
    the smallest shown sector of 2025 (Provincie, n = 6) is its complementary cell. At the report's
    threshold the report's cells stay (as printed: shown on screen and, rounded only, in the download);
    at another threshold the cell is hidden on screen and in the download alike."""
    monkeypatch.chdir(tmp_path)
    ed = Edition.open(2025, [2021], None, min_base)
    t = bijlagen.tabel_b1_8(ed)
    side = json.loads((tmp_path / "_downloads" / "tbl-bijlage-b1-8.json").read_text(encoding="utf-8"))
    assert side["zoals_gedrukt"] is printed
    csv = pd.read_csv(t.downloads[0])
    col = "Percentage (afgerond)"
    provincie = t.frame.loc[t.frame["Sector"] == "Provincie", "Innovatie 2025"].iloc[0]
    dl = csv[(csv["Jaar"] == 2025) & (csv["Groep (code)"].astype(str) == "5")][col].iloc[0]
    if printed:
        assert provincie == "67%" and dl == 67
    else:
        assert provincie == "#" and pd.isna(dl)
        assert {(c["sleutel"]["year"], c["sleutel"]["group"], c["reden"]) for c in side["onderdrukt"]
                if c["kolom"] == "Percentage"} == {(2021, 5, "primary"), (2025, 5, "secondary")}
    # vice versa: every cell the download hides is '#' on screen, every shown one is shown
    label = dict(zip(csv["Groep (code)"].astype(str), csv["Groep"]))
    for row in csv.itertuples(index=False):
        code, year, value = str(row[csv.columns.get_loc("Groep (code)")]), row[0], row[csv.columns.get_loc(col)]
        name = "Totaal*" if code == "Totaal" else label[code]
        screen = t.frame.loc[t.frame["Sector"] == name, f"Innovatie {year}"].iloc[0]
        assert (screen == "#") == pd.isna(value), (name, year, screen, value)
