"""Walkthrough J: emergency results beside 'not sure' answers, what a call-now result tells the call handler, and
the watch list after thyroid surgery, through `numbwise assess --case FILE` as a person's answers reach it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import assess_cli

# Grace, 80: her left hand went numb suddenly 30 minutes ago; face drooping answered "not sure".
GRACE = {"age": 80, "sex": "female", "unsure": ["face_drooping"], "findings": {"one_hand": True, "onset_sudden": True}}
# Tom, 40: known panic attacks; hands and lips tingle when he breathes fast; his chest felt tight.
TOM = {"age": 40, "sex": "male", "unsure": [],
       "findings": {"both_hands": True, "anxiety_history": True, "rapid_breathing_anxiety": True,
                    "numb_around_mouth": True, "chest_pain": True}}
# Beth, 58: thyroid operation 5 days ago, tingling around the mouth and in the fingers, cramps "not sure".
BETH = {"age": 58, "sex": "female", "unsure": ["muscle_cramps_spasms"],
        "findings": {"both_hands": True, "numb_around_mouth": True, "neck_surgery_thyroid_parathyroid": True,
                     "onset_sudden": False}}
# Alex, 50: "not sure" to nearly everything on the first screen.
ALEX = {"age": 50, "sex": "female", "findings": {"one_hand": True},
        "unsure": ["chest_pain", "cold_sweat_nausea", "shortness_of_breath", "episode_resolved_within_hour",
                   "onset_sudden", "face_drooping"]}


def _plan(case: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The result plan `numbwise assess --case FILE --format plan` prints for these answers."""
    plan: dict[str, Any] = json.loads(assess_cli(case, tmp_path, "plan"))
    return plan


def _text(case: dict[str, Any], tmp_path: Path) -> str:
    """The terminal result for these answers, one line per wrapped item."""
    return assess_cli(case, tmp_path)


def test_an_emergency_result_says_back_the_signs_the_person_was_not_sure_of(tmp_path: Path) -> None:
    plan = _plan(GRACE, tmp_path)
    assert plan["level"] == "emergency" and plan["title"] == "Call emergency services now"
    items = [u["finding"] for g in plan["unsure"] for u in g["items"]]
    assert items == ["face_drooping"]  # her answer is not dropped ...
    assert plan["caution"] == "" and plan["caution_title"] == ""  # ... and no caution: the level is call-now already
    text = _text(GRACE, tmp_path)
    assert "You were also not sure about these signs" in text and "One side of your face droops" in text


def test_a_sudden_start_tells_the_call_handler_about_a_blood_thinner_and_when_it_started(tmp_path: Path) -> None:
    plan = _plan(GRACE, tmp_path)
    assert any("blood thinner" in d for d in plan["do"])  # asked or not: the check ended before warfarin came up
    assert any("time your symptoms started" in d for d in plan["do"])
    assert any("trouble swallowing" in d for d in plan["do_not"])  # a possible stroke: nothing to swallow


def test_a_heart_reason_fits_tingling_hands_and_no_stroke_line_is_given_to_a_chest(tmp_path: Path) -> None:
    plan = _plan(TOM, tmp_path)
    assert plan["level"] == "emergency"
    why = " ".join(plan["why"])
    assert "Arm numbness" not in why and "tingling" in why.lower()
    assert not any("swallowing" in d for d in plan["do_not"])  # his story has no swallowing trouble
    assert not any(d.startswith("Tell the call handler") for d in plan["do"])  # a stroke's blood thinner line, not a chest's


def test_known_panic_attacks_are_named_but_a_tight_chest_still_needs_checking_now(tmp_path: Path) -> None:
    why = " ".join(_plan(TOM, tmp_path)["why"])
    assert "panic attack" in why and "still needs checking now" in why
    without = _plan(TOM | {"findings": {**TOM["findings"], "anxiety_history": False}}, tmp_path)
    assert "panic attack" not in " ".join(without["why"])


def test_after_thyroid_surgery_the_watch_list_names_the_low_calcium_danger_signs(tmp_path: Path) -> None:
    plan = _plan(BETH, tmp_path)
    lines = [w["text"] for g in plan["watch_for"] if g["level"] == "emergency" for w in g["items"]]
    assert any("throat" in t and "seizure" in t for t in lines), lines
    other = _plan(GRACE | {"unsure": [], "findings": {"one_hand": True, "onset_sudden": False}}, tmp_path)
    assert not any("seizure" in w["text"] for g in other["watch_for"] for w in g["items"])  # only after that surgery


def test_a_not_sure_sign_that_with_the_other_not_sure_signs_means_call_now_is_filed_with_the_emergency_signs(
        tmp_path: Path) -> None:
    plan = _plan(ALEX, tmp_path)
    levels = {u["finding"]: g["level"] for g in plan["unsure"] for u in g["items"]}
    assert levels["shortness_of_breath"] == "emergency"  # with chest pain and a cold sweat also not sure
    alone = _plan(ALEX | {"unsure": ["shortness_of_breath", "episode_resolved_within_hour"]}, tmp_path)
    levels = {u["finding"]: g["level"] for g in alone["unsure"] for u in g["items"]}
    assert levels["shortness_of_breath"] == "urgent"  # on its own, new breathlessness is a doctor today


def test_a_not_sure_answer_about_the_story_is_not_called_a_warning_sign(tmp_path: Path) -> None:
    plan = _plan(ALEX, tmp_path)
    group = next(g for g in plan["unsure"] if g["level"] == "urgent")
    assert [u["finding"] for u in group["items"]] == ["episode_resolved_within_hour"]
    assert "signs" not in group["heading"] and "answers" in group["heading"]
    # under the call-now banner it is told to the doctor or crew, never "see a doctor today" (walkthrough Z, Helen)
    assert plan["caution_now"] and "see a doctor today" not in group["advice"][-1]
    assert "Tell the doctor or the ambulance crew" in group["advice"][-1]
