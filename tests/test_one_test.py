"""One test per question: the chapters and the claims table use the same test of every
model term (likelihood ratio), and state the interval beside a difference between years."""

from __future__ import annotations

import pytest

from barometer import models, paths
from barometer.claims import evaluate_claims, p_text
from barometer.derive import add_derived
from barometer.edition import Edition
from barometer.exhibits import effecten, openbaar_bestuur
from barometer.respondents import load_respondents


@pytest.fixture(scope="module")
def frames():
    return {y: add_derived(load_respondents(paths.DATA / f"respondents-{y}-synthetic.csv")) for y in (2021, 2025)}


def _models(df):
    yield models.innovation_model(df, 2025)
    for effect in models.EFFECT_OUTCOMES:
        yield models.effect_model(df, effect, 2025)


def test_joint_tests_of_every_model_are_likelihood_ratio_tests(frames):
    for res in _models(frames[2025]):
        assert set(res.joint["test"]) == {"LR"}
        assert list(res.wald["variable"]) == list(res.joint["variable"])
        for _, j in res.joint.iterrows():
            lr = models.lr_test(res, j["variable"])
            assert j["p"] == pytest.approx(lr["p"], rel=1e-9, abs=1e-12), (res.formula, j["variable"])
            assert j["df"] == lr["df"]


def test_chapter_and_claims_table_agree_on_every_model_term_test(frames, glued):
    """§2.1 (chapter) and CL03 (claims) judge the sector effect by the same LR test; the
    effect models of §2.5 and CL34/CL35 by the same joint tests."""
    ed = Edition(2025, (2021,), paths.DATA / "respondents-2025-synthetic.csv", 5,
                 {y: f for y, f in frames.items()})
    openbaar_bestuur.tabel_logit_innoveren(ed)
    claims = evaluate_claims(frames, only=["CL03", "CL34", "CL35"]).set_index("claim_id")
    res = models.innovation_model(frames[2025], 2025)
    p_sector = float(res.joint.set_index("variable").loc["sector", "p"])
    assert glued["p_sector"] == p_text(p_sector)
    assert p_text(models.lr_test(res, "sector")["p"]) in claims.loc["CL03", "statistic"]
    for cid, effect, others in (("CL34", "effect_quality", ["tech_content", "strategy", "sector", "size_class"]),
                                ("CL35", "effect_efficiency", ["sector", "size_class", "spectrum"])):
        m = models.effect_model(frames[2025], effect, 2025).joint.set_index("variable")
        for v in others:
            if v in m.index:
                assert "LR = " in claims.loc[cid, "statistic"]
                assert p_text(float(m.loc[v, "p"])) in claims.loc[cid, "statistic"], (cid, v)


def test_year_differences_carry_their_newcombe_interval(frames):
    both = __import__("pandas").concat([frames[2021], frames[2025]], ignore_index=True)
    r = models.compare_years(both, "innovated", 1, (2021, 2025))
    assert r["diff_low"] < r["diff"] < r["diff_high"]
    claims = evaluate_claims(frames, only=["CL08", "CL09"]).set_index("claim_id")
    assert "95%-BI" in claims.loc["CL08", "statistic"]
    assert claims.loc["CL09", "statistic"].count("95%-BI") == 2
