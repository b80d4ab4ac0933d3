"""Walkthrough U (reviewer U2, Leo, 14): "GO TO A&E NOW" with three big emergency-call buttons under it.

Leo knocked his funny bone in PE an hour ago; his ring and little fingers still tingle. The headline said go to A&E,
but the banner was mostly "Call 911 / 999 / 112". The A&E acts now say where to go (`call_where`) and introduce the
buttons as the call for when going is not possible (`call_intro`); the buttons stay. Near miss: a stroke result keeps
its buttons with no intro. Unknown: a not-sure tight cast keeps its buttons too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan
from tests.test_walk_u_helpline import STROKE

LEO: dict[str, Any] = {"age": 14, "sex": "male", "unsure": [], "findings": {
    "onset_sudden": True, "recent_arm_injury_or_cast": True, "one_hand": True, "numb_ring": True, "numb_little": True,
    "cast_tight_or_severe_pain": False, "head_or_neck_injury": False}}
TIGHT: dict[str, Any] = {"age": 40, "sex": "female", "unsure": [], "findings": {
    "recent_arm_injury_or_cast": True, "cast_tight_or_severe_pain": True, "one_hand": True}}


def _act(rule_id: str) -> Any:
    act = next(r.act for r in load().triage.rules if r.id == rule_id)
    assert act is not None and act.call_intro and act.call_where
    return act


@pytest.mark.parametrize(("case", "rule_id"), [(LEO, "em_sudden_after_arm_injury"), (TIGHT, "em_tight_cast")])
def test_going_to_a_and_e_leads_and_the_buttons_are_the_fallback(case: dict[str, Any], rule_id: str,
                                                                  tmp_path: Path) -> None:
    act = _act(rule_id)
    where, intro = " ".join(act.call_where.split()), " ".join(act.call_intro.split())
    out = assess_cli(case, tmp_path)
    assert out.startswith("URGENCY: GO TO A&E (THE EMERGENCY DEPARTMENT) NOW"), out[:120]
    assert out.index(where) < out.index(intro) < out.index(">> Call 911") < out.index(">> Call 999 (UK)")
    assert "A&E" in where and "emergency number" in intro
    plan = assess_plan(case, tmp_path)
    assert plan["call_where"] == where and plan["call_intro"] == intro and plan["numbers"]


def test_near_miss_a_stroke_keeps_its_buttons_with_no_intro(tmp_path: Path) -> None:
    plan = assess_plan(STROKE, tmp_path)
    assert plan["numbers"] and plan["call_intro"] == "" and plan["call_where"] == ""


def test_unknown_a_tight_cast_not_sure_keeps_the_emergency_buttons(tmp_path: Path) -> None:
    findings = {k: v for k, v in TIGHT["findings"].items() if k != "cast_tight_or_severe_pain"}
    plan = assess_plan({**TIGHT, "findings": findings, "unsure": ["cast_tight_or_severe_pain"]}, tmp_path)
    assert plan["numbers"]
