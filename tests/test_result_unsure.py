"""A result beside 'not sure' answers (walkthrough D): what the person reads through `numbwise assess --case FILE`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

# A 70-year-old unsure whether his words came out funny yesterday: speech answered "not sure".
SPEECH_UNSURE = {"age": 70, "sex": "male", "unsure": ["speech_difficulty"],
                 "findings": {"one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True,
                              "onset_sudden": False, "face_drooping": False, "arm_or_leg_weakness_sudden": False}}


def _assess(case: dict[str, Any], tmp_path: Path, fmt: str = "text") -> str:
    """`numbwise --plain assess --case FILE --format text` (one line per wrapped item), or the plan as JSON text."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("--plain", "assess", "--case", str(path), "--format", fmt)
    assert run.code == 0, run.err
    return run.out if fmt == "plan" else " ".join(run.out.split())


def test_a_case_file_takes_the_not_sure_answers_and_refuses_a_finding_also_answered(tmp_path: Path) -> None:
    plan = json.loads(_assess(SPEECH_UNSURE, tmp_path, "plan"))
    assert [u["finding"] for g in plan["unsure"] for u in g["items"]] == ["speech_difficulty"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(SPEECH_UNSURE | {"unsure": ["face_drooping"]}))
    run = run_cli("assess", "--case", str(path))
    assert run.code == 2 and "unsure" in run.err


def test_a_stroke_sign_not_sure_of_that_may_have_come_and_gone_means_help_today(tmp_path: Path) -> None:
    text = _assess(SPEECH_UNSURE, tmp_path)
    assert "Book a doctor's visit".upper() in text  # the level itself holds if none of them is there ...
    # ... but a sign that came and went in the last days can be a mini-stroke (TIA): help today, not in two weeks
    assert "happened in the last few days and then went away" in text
    assert "get medical help today" in text.lower()
    assert "if it comes back, call your emergency number now" in text.lower()


# Cramps after thyroid surgery answered "not sure": an emergency sign that no stroke check covers.
CRAMPS_UNSURE = {"age": 45, "sex": "female", "unsure": ["muscle_cramps_spasms"],
                 "findings": {"both_hands": True, "numb_thumb": True, "neck_surgery_thyroid_parathyroid": True,
                              "onset_sudden": False}}


def test_the_not_sure_group_says_not_sure_not_that_no_answer_was_given(tmp_path: Path) -> None:
    text = _assess(SPEECH_UNSURE, tmp_path)
    assert "You were not sure about these emergency signs" in text
    assert "did not say yes or no" not in text


def test_a_not_sure_sign_no_stroke_check_covers_says_what_it_looks_like(tmp_path: Path) -> None:
    from numbwise.kb import load

    text = _assess(CRAMPS_UNSURE, tmp_path)
    group = text.split("You were not sure about these emergency signs")[1].split("Why this level")[0]
    assert "Does one side droop?" not in group  # the stroke checks do not cover cramps ...
    help_text = " ".join(load().findings["muscle_cramps_spasms"].help.split())  # ... its own picture does
    assert help_text[1:].rstrip(".") in group
    assert "mini-stroke" not in text


# Chemotherapy, not sure about a fever: the helpline leads the banner (lead_if_unsure).
CHEMO_FEVER_UNSURE = {"age": 55, "sex": "female", "unsure": ["fever"],
                      "findings": {"both_hands": True, "numb_feet": True, "chemotherapy": True, "onset_sudden": False,
                                   "onset_gradual": True}}


def test_a_rule_that_leads_from_a_not_sure_gives_its_reason_and_nothing_that_waits_or_presumes_a_yes(tmp_path: Path) -> None:
    plan = json.loads(_assess(CHEMO_FEVER_UNSURE, tmp_path, "plan"))
    assert plan["title"] == "Call your cancer helpline now"
    assert plan["why"][0].startswith("If you have a fever or feel unwell during chemotherapy")  # its reason, first
    assert not any("the fever goes away" in d for d in plan["do_not"])  # she is not sure she has one
    assert plan["next_steps"] == []  # a diary and a report wait: not beside "call now"
    watched = [w for g in plan["watch_for"] for w in g["items"]]
    assert not any(w["rule_id"] == "em_chemo_fever" for w in watched)  # already in the not-sure group, with its action
    text = _assess(CHEMO_FEVER_UNSURE, tmp_path)
    assert "If you have a fever or feel unwell during chemotherapy" in text and "numbwise log" not in text


# Not sure whether it gets worse day by day (a yes would be "see a doctor today").
WORSE_UNSURE = {"age": 50, "sex": "female", "unsure": ["getting_worse"],
                "findings": {"one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True,
                             "onset_sudden": False}}


def test_a_watch_line_about_a_sign_already_in_the_not_sure_group_is_not_repeated(tmp_path: Path) -> None:
    plan = json.loads(_assess(WORSE_UNSURE, tmp_path, "plan"))
    assert [u["finding"] for g in plan["unsure"] for u in g["items"]] == ["getting_worse"]
    watched = [w["text"] for g in plan["watch_for"] for w in g["items"]]
    assert "The numbness gets worse day by day." not in watched
    assert "The numbness spreads to your other arm or your legs." in watched  # a sign she was sure of stays


def test_a_first_cause_with_nothing_pointing_to_it_says_why_it_is_listed(tmp_path: Path) -> None:
    from numbwise.assess.result import COMMON_NOTE

    plan = json.loads(_assess({"age": 45, "sex": "female", "findings": {"numb_thumb": False}}, tmp_path, "plan"))
    first = plan["causes"][0]
    assert first["towards"] == [] and first["away"]  # only "your thumb is not numb"
    assert first["note"] == COMMON_NOTE
    assert COMMON_NOTE in _assess({"age": 45, "sex": "female", "findings": {"numb_thumb": False}}, tmp_path)
    led = json.loads(_assess(WORSE_UNSURE, tmp_path, "plan"))["causes"][0]
    assert led["towards"] and led["note"] == ""  # answers point to it: no such note


OVER_BREATHING = {"age": 30, "sex": "male", "findings": {
    "both_hands": True, "anxiety_history": True, "rapid_breathing_anxiety": True, "numb_around_mouth": True,
    "episode_resolved_within_hour": True, "chest_pain": False, "onset_sudden": True}}
B12_NOT_UNSTEADY = {"age": 60, "sex": "female", "findings": {
    "both_hands": True, "numb_feet": True, "vegan_or_vegetarian": True, "unsteady_walking": False, "diabetes": False,
    "onset_gradual": True}}


def test_a_reason_claims_only_what_its_rule_checked(tmp_path: Path) -> None:
    text = _assess(OVER_BREATHING, tmp_path)
    why = text.split("Why this level")[1].split("What may be causing it")[0]
    assert "over-breathing" in why and "when breathing settles" not in why  # he said only: gone within an hour
    text = _assess(B12_NOT_UNSTEADY, tmp_path)
    why = text.split("Why this level")[1].split("What may be causing it")[0]
    assert "vitamin B12" in why and "unsteady walk" not in why  # she said no to an unsteady walk
    assert "nerve damage from diabetes" not in why  # not her cause: examples of the many causes


def test_beside_a_reported_weakness_the_stroke_watch_line_says_a_new_weakness(tmp_path: Path) -> None:
    weak = {"age": 50, "sex": "male", "findings": {"one_hand": True, "numb_thumb": True, "numb_index": True,
                                                   "hand_weakness": True, "onset_sudden": False}}
    text = _assess(weak, tmp_path)
    assert "an arm or leg suddenly goes weak" not in text and "a new weakness" in text
    assert "an arm or leg suddenly goes weak" in _assess({**weak, "findings": {**weak["findings"], "hand_weakness": False}},
                                                        tmp_path)


def test_a_not_sure_drop_must_be_one_of_the_acts_own_lines(kb_copy: Path) -> None:
    import pytest

    from numbwise.kb import KnowledgeError, load_from
    from tests.conftest import edit_file

    edit_file(kb_copy / "triage_rules.yaml", "      unsure_drops:\n        - Do not wait to see if the fever goes away.",
              "      unsure_drops:\n        - Do not wait for anything.")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("em_chemo_fever" in p and "unsure_drops" in p for p in exc.value.problems)


def test_a_question_whose_yes_would_be_more_urgent_is_not_offered_as_homework_for_the_visit() -> None:
    """Walkthrough E: a 70-year-old unsure of his speech and of how it started was given 'Is your speech slurred?'
    and 'Did it start suddenly?' to think about before a visit in two weeks, beside 'call now if that might be true'."""
    from numbwise.assess import assess
    from numbwise.assess.result import result_plan
    from numbwise.assess.triage import LEVELS, triage
    from numbwise.kb import load

    findings = {"one_hand": True, "numb_whole_hand": True, "constant": True, "comes_and_goes": False,
                "face_drooping": False, "arm_or_leg_weakness_sudden": False, "numb_face_same_side": False}
    plan = result_plan(assess({"age": 70, "sex": "male", "findings": findings}), ("speech_difficulty", "onset_sudden"))
    kb = load()
    asked = {f for f, spec in kb.findings.items() if spec.question in plan.questions}
    assert plan.level in ("routine", "urgent")
    raising = {f for f in asked if LEVELS.index(triage({**findings, f: True}, 70).level) < LEVELS.index(plan.level)}
    assert raising == set(), raising
    assert kb.findings["speech_difficulty"].question not in plan.questions
