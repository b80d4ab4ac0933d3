"""Walkthrough J (issue 11): self-care and routine results that left out what the person needed (care, safety, why a sudden start is fine), as tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from numbwise.assess import assess
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import run_cli

AHMED: dict[str, Any] = {"age": 26, "sex": "male", "findings": {
    "one_hand": True, "both_hands": False, "numb_ring": True, "numb_little": True, "numb_thumb": False,
    "numb_index": False, "numb_middle": False, "onset_sudden": True, "after_pressure_on_arm": True,
    "episode_resolved_within_hour": True, "comes_and_goes": True, "lasting_over_6_weeks": False, "hand_weakness": False,
    "arm_or_leg_weakness_sudden": False, "numb_face_same_side": False, "numb_leg_same_side": False,
    "speech_difficulty": False, "face_drooping": False, "constant": False}}
# Ruth: diabetes, metformin, feet then hands; a sore red tongue. The causes cannot be told apart.
RUTH: dict[str, Any] = {"age": 62, "sex": "female", "findings": {
    "both_hands": True, "numb_feet": True, "onset_gradual": True, "lasting_over_6_weeks": True, "constant": True,
    "diabetes": True, "takes_metformin": True, "sore_red_tongue": True}}
GEORGE: dict[str, Any] = {"age": 66, "sex": "male", "findings": {
    "both_hands": True, "clumsy_hands_and_unsteady_walk": True, "unsteady_walking": True, "hand_weakness": True,
    "neck_pain": True, "onset_gradual": True, "lasting_over_6_weeks": True, "bowel_bladder_loss": False}}


def _text(tmp_path: Path, case: dict[str, Any]) -> str:
    """The terminal result of `numbwise assess --case`, the way a person reads it."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    r = run_cli("--plain", "assess", "--case", str(path), "--format", "text")
    assert r.code == 0, r.err
    return " ".join(r.out.split())


def _section(text: str, heading: str, nxt: str) -> str:
    return text.split(heading, 1)[1].split(nxt, 1)[0]


def test_ahmed_is_told_why_a_sudden_start_is_fine_after_pressure_on_his_elbow(tmp_path: Path) -> None:
    """Four screens said 'could mean an emergency' after his honest 'suddenly', then self-care with no word on why."""
    out = _text(tmp_path, AHMED)
    assert "CARE FOR IT AT HOME" in out
    why = _section(out, "Why this level", "What may be causing it")
    assert "came on suddenly, but" in why and "pressure on a nerve, not from a stroke" in why
    slow = _text(tmp_path, {**AHMED, "findings": {**AHMED["findings"], "onset_sudden": False, "onset_gradual": True}})
    assert "came on suddenly, but" not in slow  # nothing to explain when it did not start suddenly


def test_ahmeds_plan_holds_after_two_weeks_on_and_off_and_says_when_to_see_a_doctor() -> None:
    """'Keep this up for 2 weeks and see' read as new advice to someone who had had it two weeks already."""
    plan = result_plan(assess(AHMED))
    assert plan.advice is not None and plan.advice.cause == "positional_compression"
    how_long = " ".join(s.how_long or "" for s in plan.advice.steps)
    assert "Keep this up for 2 weeks and see whether it still happens." not in how_long
    assert "6 weeks" in how_long and "nerve at the elbow" in how_long and "see a doctor" in how_long


def test_ruth_with_diabetes_and_numb_feet_gets_the_foot_check_when_the_causes_cannot_be_told_apart(
        tmp_path: Path) -> None:
    """'What next' offered only the diary and the report: the daily foot check holds whatever the cause."""
    plan = result_plan(assess(RUTH))
    assert not plan.told_apart and plan.advice is None  # no cause's home plan when no cause is named
    assert plan.safety and any("feet every day" in s for s in plan.safety)
    out = _text(tmp_path, RUTH)
    assert "We can't tell yet" in out and "Check your feet every day" in out
    assert "What you can do at home for" not in out
    no_feet = result_plan(assess({**RUTH, "findings": {**RUTH["findings"], "numb_feet": False}}))
    assert not no_feet.safety
    no_diabetes = result_plan(assess({**RUTH, "findings": {**RUTH["findings"], "diabetes": False}}))
    assert not any("feet every day" in s for s in no_diabetes.safety)


def test_the_foot_check_is_said_once_beside_the_diabetic_plan_that_already_has_it() -> None:
    sure = {**RUTH, "findings": {**RUTH["findings"], "sore_red_tongue": False, "takes_metformin": False,
                                 "burning_pain": True, "fatigue_pallor": False}}
    plan = result_plan(assess(sure))
    assert plan.advice is not None and plan.advice.cause == "diabetic_neuropathy" and plan.advice.steps
    assert any("feet every day" in st.do for st in plan.advice.steps) and not plan.safety
    assert not result_plan(assess({"age": 70, "findings": {"face_drooping": True, "diabetes": True,
                                                           "numb_feet": True}})).safety  # never on an emergency


def test_the_weight_question_is_neutral() -> None:
    q = load().findings["obesity"].question
    assert "very overweight" not in q.lower() and "weight" in q.lower()


def test_george_sees_each_warning_sign_once_and_can_say_his_neck_is_stiff() -> None:
    plan = result_plan(assess(GEORGE))
    shown = [s.finding for s in plan.signs]
    assert "clumsy_hands_and_unsteady_walk" in shown and "unsteady_walking" not in shown
    neck = load().findings["neck_pain"]
    assert "stiff" in neck.question.lower() and "stiff" in (neck.checklist or "").lower()


def test_george_is_told_that_any_bladder_change_with_his_clumsy_hands_is_a_999_call(tmp_path: Path) -> None:
    """Only 'new loss of control' was ever asked; in myelopathy any change (urgency, going more often) matters."""
    out = _text(tmp_path, GEORGE)
    assert "SEE A DOCTOR TODAY" in out
    now = _section(out, "Call your emergency number now if", "See a doctor today if" if "See a doctor today if"
                   in out.split("Call your emergency number now if", 1)[1] else "What next")
    assert "more often" in now and "urgent" in now
    assert "more often" in _section(out, "Why this level", "What may be causing it")
    plain = _text(tmp_path, {"age": 40, "sex": "female", "findings": {"one_hand": True, "numb_thumb": True,
                                                                       "numb_index": True, "onset_gradual": True}})
    assert "more often" not in plain.split("Call your emergency number now if", 1)[1]  # a UTI is no 999 call


def test_an_explains_line_or_a_safety_step_that_names_the_wrong_thing_is_refused(kb_copy: Path) -> None:
    """`explains` is only a self-care pattern's, for a more urgent rule with an exception; a safety step's answers and
    plans are checked like every other ID."""
    import pytest

    from numbwise.kb import KnowledgeError, load_from
    from tests.conftest import edit_file

    edit_file(kb_copy / "triage_rules.yaml", "      - rule: em_sudden_one_side\n        text: &pressure_explains",
              "      - rule: ro_long_lasting\n        text: &pressure_explains")
    edit_file(kb_copy / "care.yaml", "  - when: [diabetes, numb_feet]", "  - when: [diabetes, feet_numb]")
    edit_file(kb_copy / "care.yaml", "    not_with: [diabetic_neuropathy]", "    not_with: [diabetes_plan]")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    said = str(exc.value)
    assert "not 'ro_long_lasting'" in said and "unknown finding 'feet_numb'" in said and "'diabetes_plan'" in said
