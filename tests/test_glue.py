"""Unit tests of barometer.glue (myst_nb.glue replaced by a recorder)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from barometer import glue as g


@pytest.fixture
def glued(monkeypatch):
    record = {}
    monkeypatch.setattr(g, "_glue", lambda name, value, display=False: record.__setitem__(name, value))
    return record


def test_glue_text_accepts_strings_only(glued):
    assert g.glue_text("innovatie_2025", "76%") == "76%"
    assert glued == {"innovatie_2025": "76%"}
    with pytest.raises(TypeError, match="formatting"):
        g.glue_text("x", np.float64(75.8))
    with pytest.raises(TypeError):
        g.glue_text("x", 76)
    with pytest.raises(ValueError):
        g.glue_text("bad name", "1")


def test_glue_texts_prefix(glued):
    g.glue_texts({"a": "1", "b": "2"}, prefix="h2_")
    assert glued == {"h2_a": "1", "h2_b": "2"}


def test_direction():
    assert g.direction(86, 76) == "gedaald"
    assert g.direction(76, 86) == "gestegen"
    assert g.direction(76, 76) == "gelijk gebleven"
    assert g.direction(75.6, 76.4, decimals=0) == "gelijk gebleven"
    assert g.direction(75.4, 76.4, decimals=0) == "gestegen"
    assert g.direction(50, 51, tolerance=1) == "gelijk gebleven"
    assert g.direction(40, 30, up="vaker", down="minder vaak") == "minder vaak"
    with pytest.raises(ValueError):
        g.direction(np.nan, 1)


def test_glue_table_and_figure(glued):
    df = pd.DataFrame({"a": ["1"]})
    assert g.glue_table("tbl", df) is df
    fig, _ = plt.subplots()
    g.glue_figure("fig", fig)
    assert glued["fig"] is fig
    assert not plt.fignum_exists(fig.number)  # closed after gluing


def test_nothing_is_glued_outside_a_kernel(monkeypatch):
    # no IPython kernel under pytest: the text is checked and returned, myst_nb is not called
    import myst_nb

    monkeypatch.setattr(myst_nb, "glue", lambda *a, **k: pytest.fail("glued outside a kernel"))
    assert g.glue_text("buiten_kernel", "76%") == "76%"
    assert g.glue_texts({"a": "1"}, prefix="p_") == {"p_a": "1"}
    with pytest.raises(TypeError):
        g.glue_text("x", 76)
