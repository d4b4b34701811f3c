"""Unit tests of barometer.claims: registry, texts, and checks that can fail."""

import numpy as np
import pandas as pd
import pytest

from barometer import claims as cl


def test_registry_covers_the_issue_claims():
    expected = {
        "CL01", "CL02", "CL03", "CL04", "CL05", "CL13", "CL15", "CL22", "CL23", "CL24", "CL25",
        "quality_climate", "efficiency_tech", "efficiency_strategy", "efficiency_cost_goal",
        "efficiency_climate", "efficiency_human_capital", "procedures_rijk",
    }
    assert expected <= set(cl.REGISTRY)


def test_texts():
    assert cl.p_text(0.0004) == "p < 0,001"
    assert cl.p_text(0.0456) == "p = 0,046"
    row = pd.Series({"odds_ratio": 2.639, "ci_low": 0.815, "ci_high": 8.571, "p": 0.105})
    assert cl.or_text(row) == "OR = 2,64 (95%-BI 0,82–8,57; p = 0,105)"


def _conditions_frame(correlated: bool) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 200
    latent = rng.integers(1, 6, n)
    noise = lambda: np.clip(latent + rng.integers(-1, 2, n), 1, 5)  # noqa: E731
    if correlated:
        m, p, t = noise(), noise(), noise()
    else:
        m, p, t = (rng.integers(1, 6, n) for _ in range(3))
    return pd.DataFrame({"year": 2025, "cond_management": m, "cond_political": p, "cond_time": t})


@pytest.mark.parametrize("correlated, holds", [(True, True), (False, False)])
def test_alpha_claim_can_hold_and_fail(correlated, holds):
    ctx = cl.ClaimContext({2025: _conditions_frame(correlated)})
    result, text = cl.REGISTRY["CL24"][1](ctx)
    assert result is holds
    assert text.startswith("2025: alfa = ")


def test_evaluate_claims_lists_unknown_and_failed(monkeypatch):
    monkeypatch.setattr(cl, "REGISTRY", {})
    cl.claim("toy_true", "altijd waar")(lambda ctx: (True, "ok"))
    cl.claim("toy_error", "kan niet")(lambda ctx: (_ for _ in ()).throw(cl.ModelError("te weinig")))
    table = pd.DataFrame({"claim_id": ["toy_true", "not_coded"], "source": "s", "claim": ["A", "B"],
                          "test": "t", "kind": "k", "years": "2025"})
    df = pd.DataFrame({"year": [2025], "x": [1]})
    out = cl.evaluate_claims({2025: df.assign(**{c: np.nan for c in (
        "spectrum", "spectrum_group", "national_type", "climate_scale", "conditions_scale",
        "human_capital", "climate_cluster")})}, claims=table)
    assert out["claim_id"].tolist() == ["toy_true", "not_coded", "toy_error"]
    assert out.loc[0, "holds"] == True  # noqa: E712
    assert out.loc[0, "claim"] == "A"
    assert pd.isna(out.loc[1, "holds"]) and "REGISTRY" in out.loc[1, "error"]
    assert pd.isna(out.loc[2, "holds"]) and "te weinig" in out.loc[2, "error"]
