"""Walkthrough U (independent reviewer): Kim, 45, finished chemotherapy two months ago, a temperature of 38.2 C today.

Both faces headed her result "CALL YOUR CANCER HELPLINE NOW", and the only buttons under it were "Call 911 / Call
999 / Call 112": a frightened person taps 999 though the headline says the helpline. A rule's act now says how its
call buttons are introduced (`call_intro`) and where its own number is (`call_where`): the helpline line leads, the
intro stands right above the emergency buttons, and the buttons stay (never a way to call for help taken away).
Other emergency results (a stroke) keep their buttons as they were, with no intro.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan
from tests.test_walk_r_banner import KIM

ACT = next(r.act for r in load().triage.rules if r.id == "em_chemo_fever")
assert ACT is not None
INTRO = " ".join((ACT.call_intro or "").split())
WHERE = " ".join((ACT.call_where or "").split())
# Walter-like stroke: sudden one-sided weakness with numbness
STROKE: dict[str, Any] = {
    "age": 70, "sex": "male", "unsure": [],
    "findings": {"one_hand": True, "onset_sudden": True, "arm_or_leg_weakness_sudden": True, "face_drooping": True}}


def test_the_act_says_how_its_call_buttons_are_introduced() -> None:
    """The words are data, on the rule's act, with sources that say helpline first, then 999 or A&E."""
    assert INTRO and WHERE
    assert "helpline" in INTRO.lower() and "emergency number" in INTRO.lower()
    assert "helpline" in WHERE.lower()
    assert {"macmillan_sepsis", "enherts_acute_oncology"} <= set(ACT.sources)


def test_kims_helpline_line_and_intro_come_before_the_emergency_buttons(tmp_path: Path) -> None:
    """Kim: the helpline line, then the intro, then ">> Call 999": never the buttons alone under the helpline."""
    out = assess_cli(KIM, tmp_path)
    assert out.startswith("URGENCY: CALL YOUR CANCER HELPLINE NOW")
    assert WHERE in out and INTRO in out and ">> Call 999 (UK)" in out
    assert out.index("By when:") < out.index(WHERE) < out.index(INTRO) < out.index(">> Call 911") < out.index(">> Call 999")
    plan = assess_plan(KIM, tmp_path)
    assert plan["call_intro"] == INTRO and plan["call_where"] == WHERE
    assert [n for n, _ in plan["numbers"]] == ["911", "999", "112"]


def test_a_stroke_result_keeps_its_buttons_and_has_no_intro(tmp_path: Path) -> None:
    """Near miss: an emergency of the level's own (a stroke) keeps the buttons right under its banner, no intro."""
    plan = assess_plan(STROKE, tmp_path)
    assert plan["level"] == "emergency" and plan["numbers"] and plan["call_intro"] == "" and plan["call_where"] == ""
    out = assess_cli(STROKE, tmp_path)
    assert INTRO not in out and WHERE not in out and ">> Call 999 (UK)" in out
    assert out.index("By when:") < out.index(">> Call 911")


def test_a_fever_not_sure_never_loses_the_emergency_buttons(tmp_path: Path) -> None:
    """Unknown: a fever not sure during or after chemotherapy leads with the helpline, and the emergency buttons are
    there too, introduced the same way (its own action says to call the emergency number if the helpline is out of
    reach)."""
    case = {**KIM, "findings": {k: v for k, v in KIM["findings"].items() if k != "fever"}, "unsure": ["fever"]}
    plan = assess_plan(case, tmp_path)
    assert plan["heading"] == "Call your cancer helpline now"
    assert [n for n, _ in plan["numbers"]] == ["911", "999", "112"]
    out = assess_cli(case, tmp_path)
    assert ">> Call 999 (UK)" in out
    assert out.index("Call your 24-hour cancer or chemotherapy helpline now") < out.index(INTRO) < out.index(">> Call 911")


def test_kim_beside_a_stroke_keeps_the_emergency_banner_without_the_intro(tmp_path: Path) -> None:
    """A fever during chemotherapy beside a stroke sign: the level's own call-now banner stands, so the buttons are
    the first thing to do and no intro says "if you cannot reach your helpline"."""
    case = {**KIM, "findings": {**KIM["findings"], "face_drooping": True, "onset_sudden": True, "onset_gradual": False}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency" and plan["numbers"] and plan["call_intro"] == ""
