"""Walkthrough V (independent reviewer): Tariq, 41, not sure whether his numbness started after an injury.

His own words: "neck pain and tingling down my right arm to my thumb for 3 weeks since lifting boxes, worse when I
turn my head or look up, my grip is fine". Having lifted boxes, he answered "not sure" to "The numbness started after an
injury to your head, neck or back", and "not sure" how fast it started. The result said "GET MEDICAL HELP TODAY"
because "if it happened and went away, it may have been a mini-stroke, which a doctor should check the same day": the
wrong reason for an injury, and not true of a start three weeks ago. The injury's check said "the next questions ask
about that" on a result, after the last question; and "How fast it started" sat under "emergency signs".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assess_cli, assess_plan, check_cli

TARIQ = {"age": 41, "sex": "male",
         "findings": {"one_hand": True, "numb_thumb": True, "neck_pain": True, "worse_neck_movement": True,
                      "pain_shooting_down_arm": True},
         "unsure": ["onset_sudden", "head_or_neck_injury"], "days_so_far": 21}
TARIQ_WORDS = ("41 m, neck pain and tingling down my right arm to my thumb for 3 weeks since lifting boxes, worse when "
               "I turn my head or look up, my grip is fine")
# keep the readings; not sure of item 13 (the injury), no to the others; not sure how it started; none of the rest
INJURY_NOT_SURE = "\n?13\n\n?\n" + "\n" * 30
MINI_STROKE = "it may have been a mini-stroke, which a doctor should check the same day"
INJURY_WHY = "If the numbness did start after an injury to your head, neck or back"


def _part(text: str, start: str, end: str) -> str:
    """The text from `start` up to `end`: one part of a printed result."""
    return text[text.index(start):text.index(end, text.index(start))]


def test_the_reason_for_help_today_names_the_injury_not_a_mini_stroke(tmp_path: Path) -> None:
    shown = assess_cli(TARIQ, tmp_path)
    why = _part(shown, "Why this level", "What may be causing it")
    assert INJURY_WHY in why and "spinal cord" in why
    assert MINI_STROKE not in shown  # a start three weeks ago is not a mini-stroke to check the same day
    # the policy calls numbness after an injury to the head, neck or back an emergency: "today" says so, and the
    # call-now numbers stay
    banner = _part(shown, "URGENCY:", "By when:")
    assert "GET MEDICAL HELP TODAY" in banner and "Call 999 (UK)" in banner
    assert "head, neck or back, call your emergency number now" in banner
    assert "next questions" not in shown and "other questions ask" not in shown  # the questions are over
    assert "lifting" in shown and "pinched nerve in the neck" in shown
    # the box holds the injury and how fast it started: not called "emergency signs"
    assert "You were not sure about these emergency signs" not in shown
    assert "You were not sure about these answers, which could mean an emergency" in shown


def test_the_terminal_check_in_his_own_words_says_the_same() -> None:
    shown = check_cli(INJURY_NOT_SURE, "--describe", TARIQ_WORDS)
    result = shown[shown.index("URGENCY:"):]
    assert "GET MEDICAL HELP TODAY" in result
    assert INJURY_WHY in _part(result, "Why this level", "What may be causing it")
    assert MINI_STROKE not in result and "next questions" not in result


def test_near_miss_a_face_that_may_have_drooped_keeps_the_mini_stroke_reason(tmp_path: Path) -> None:
    case = {**TARIQ, "unsure": ["face_drooping"]}
    shown = assess_cli(case, tmp_path)
    why = _part(shown, "Why this level", "What may be causing it")
    assert "GET MEDICAL HELP TODAY" in shown
    assert MINI_STROKE in why and INJURY_WHY not in why
    assert "One of those signs may have happened and then gone away." in shown


def test_unknown_injury_and_speech_both_not_sure_give_both_reasons_once_each(tmp_path: Path) -> None:
    case = {**TARIQ, "unsure": ["head_or_neck_injury", "speech_difficulty"]}
    shown = assess_cli(case, tmp_path)
    why = _part(shown, "Why this level", "What may be causing it")
    assert "GET MEDICAL HELP TODAY" in shown
    assert why.count(MINI_STROKE) == 1 and why.count(INJURY_WHY) == 1
    banner = _part(shown, "URGENCY:", "By when:")
    assert banner.count("One of those signs may have happened and then gone away.") == 1
    assert banner.count("head, neck or back, call your emergency number now") == 1


ELLA = {"age": 8, "sex": "female",
        "findings": {"both_hands": True, "triggered_by_cold_or_stress": True, "skin_white_then_blue": True,
                     "comes_and_goes": True}, "unsure": ["onset_sudden"]}
HAND = {"age": 60, "sex": "female", "findings": {"one_hand": True, "worse_at_night": True, "numb_thumb": True},
        "unsure": ["fever"]}


@pytest.mark.parametrize("case", [ELLA, HAND], ids=["start-not-seen-child", "fever-not-sure"])
def test_an_injury_not_sure_of_never_lowers_the_help_today_path(case: dict[str, Any], tmp_path: Path) -> None:
    assert assess_plan(case, tmp_path)["caution_today"]  # the other doubt alone: medical help today
    plan = assess_plan({**case, "unsure": [*case["unsure"], "head_or_neck_injury"]}, tmp_path)
    assert plan["caution_today"] and plan["numbers"]  # still today, with the call buttons for the injury
    why = " ".join(plan["why"])
    assert INJURY_WHY in why and "mini-stroke" not in why  # a start not known in both hands is no mini-stroke
