"""Walkthrough W (reviewer W1): the call-now banner says what was not known, and "one side" only when it is known.

Jon picked "I first noticed it on waking" and ticked no sign, yet read "You were not sure about a stroke sign"; Priya
was not sure only whether she was confused, with her hands never asked (both tingled), and read "New numbness on one
side of the body". Now {said} names the doubt (a sign, or only the start) and {where} is said only with one hand known.
Also the stroke page (reviewer W3, Anne): "How it starts" said only "Sudden" beside a result that said a stroke can
build up over hours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan, run_cli

JON: dict[str, Any] = {"age": 50, "sex": "male", "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "face_drooping": False, "speech_difficulty": False,
    "arm_or_leg_weakness_sudden": False}}
PRIYA_EARLY: dict[str, Any] = {"age": 35, "sex": "female", "unsure": ["confusion"], "findings": {"face_drooping": False}}
SIGN = "You were not sure about a stroke sign."
ONE_SIDE = "Numbness on one side of the body that may be new"  # how long not known (walkthrough AD, Uma)


def test_only_the_start_not_known_is_said_as_such(tmp_path: Path) -> None:
    plan = assess_plan(JON, tmp_path)
    assert plan["title"].startswith("Call your emergency number now")
    assert SIGN not in plan["action"] and "how fast the numbness started" in plan["action"]
    assert ONE_SIDE in plan["action"]  # one hand is known
    assert not any(SIGN in w for w in plan["why"])


def test_a_sign_not_sure_of_with_the_sides_not_known_says_no_side(tmp_path: Path) -> None:
    plan = assess_plan(PRIYA_EARLY, tmp_path)
    assert plan["title"].startswith("Call your emergency number now")
    assert SIGN in plan["action"] and "on one side" not in plan["action"]
    assert "Numbness that may be new can itself be a sign of a stroke" in plan["action"]


def test_near_miss_a_sign_not_sure_of_in_one_hand_keeps_both(tmp_path: Path) -> None:
    case = {**JON, "unsure": ["arm_or_leg_weakness_sudden"],
            "findings": {k: v for k, v in JON["findings"].items() if k != "arm_or_leg_weakness_sudden"}}
    plan = assess_plan(case, tmp_path)
    assert SIGN in plan["action"] and ONE_SIDE in plan["action"]


def test_the_stroke_page_says_it_can_build_up_over_hours() -> None:
    out = " ".join(run_cli("--plain", "learn", "stroke_tia").out.split())
    assert "How it starts: Most often sudden" in out and "build up over hours" in out
