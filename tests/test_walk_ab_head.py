"""Walkthrough AB, Bob, 80, on apixaban, hit his head and his right hand went numb: the head-injury result's own to-do
list never said to tell the crew about the blood thinner (NICE NG232: a scan within 8 hours for anyone on one)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import assess_plan

BOB = {"age": 80, "sex": "male", "findings": {"head_or_neck_injury": True, "one_hand": True, "blood_thinners": True,
                                              "hand_weakness": True}}


def _said(plan: dict[str, object]) -> str:
    return " ".join(json.dumps(plan).split())


def test_a_head_injury_result_says_to_tell_the_crew_about_a_blood_thinner(tmp_path: Path) -> None:
    said = _said(assess_plan(BOB, tmp_path))
    assert "Keep still" in said and "blood thinner (such as warfarin or apixaban)" in said
    assert "raises the risk of bleeding" in said


def test_near_miss_no_blood_thinner_still_names_it_for_whoever_takes_one(tmp_path: Path) -> None:
    """The check can end before it asks about one, so the line is said on every head-injury result."""
    case = {**BOB, "findings": {**BOB["findings"], "blood_thinners": False}}  # type: ignore[dict-item]
    assert "blood thinner (such as warfarin or apixaban)" in _said(assess_plan(case, tmp_path))


def test_the_onset_help_no_longer_promises_a_question_about_any_injury() -> None:
    """Q2's help said "a later question asks about the injury", and only an arm or hand injury is asked later."""
    from numbwise.kb import load

    onset = next(s for s in load().interview.steps if s.id == "onset")
    help_text = " ".join(onset.help.split())
    assert "a later question asks about the injury." not in help_text
    # "one of the emergency signs we ask about", never "the first list": after words it can come later (walkthrough AC)
    assert "head, neck or back is one of the emergency signs we ask about" in help_text and "injury to the arm or hand" \
        in help_text and "first list" not in help_text
