"""Walkthrough V (reviewer V3, Walt): on a call-now result every not-sure answer is told to the call handler.

Two emergency results said two things of an answer not sure of: "Tell the call handler about them too" for signs, and
"Not knowing does not change what to do now. Tell the doctor about it later" for other answers, read as a second,
later step. Now both name the call handler. Near miss: below an emergency the doctor is named, not a call handler.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan

STROKE: dict[str, Any] = {"age": 70, "sex": "male", "unsure": ["vegan_or_vegetarian"],
                          "findings": {"one_hand": True, "onset_sudden": True, "face_drooping": True}}
SLOW: dict[str, Any] = {"age": 50, "sex": "male", "unsure": ["vegan_or_vegetarian"],
                        "findings": {"both_hands": True, "onset_gradual": True, "numb_feet": True}}


def _noted(plan: dict[str, Any]) -> list[str]:
    return [a for g in plan["unsure"] if g["level"] == "noted" for a in g["advice"]]


def test_an_answer_not_sure_of_on_a_call_now_result_goes_to_the_call_handler(tmp_path: Path) -> None:
    plan = assess_plan(STROKE, tmp_path)
    assert plan["level"] == "emergency"
    said = _noted(plan)
    assert said and all("call handler" in a and "later" not in a for a in said), said


def test_near_miss_below_an_emergency_the_doctor_is_named(tmp_path: Path) -> None:
    plan = assess_plan(SLOW, tmp_path)
    assert plan["level"] != "emergency"
    said = _noted(plan)
    assert said and not any("call handler" in a for a in said), said
