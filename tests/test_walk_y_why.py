"""Walkthrough Y (reviewers Y1 and Y3: Derek, Eleanor, Frank): the reasons agree with the answers and the cause list.

Derek (heavy drinking, burning numb feet, tingling fingertips, unsteady in the dark) read "- You do not have clumsy
hands with an unsteady walk" under spinal cord compression, and a "Why this level" that spoke only of the spinal cord
and B12, each "fewer than 1 in 20", beside alcohol-related nerve damage at 9 in 10. Eleanor (metformin for 10 years,
tingling hands and feet, a sore red tongue) ticked every finger of both hands, was never asked about her tongue and
read B12 "fewer than 1 in 20"; in her own words, newly short of breath, the B12 blood-test note was gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess import interview as iv_
from tests.conftest import assess_plan, with_findings

DEREK: dict[str, Any] = {"age": 55, "sex": "male", "unsure": [], "findings": {
    "both_hands": True, "numb_feet": True, "heavy_alcohol": True, "burning_pain": True, "onset_gradual": True,
    "lasting_over_6_weeks": True, "unsteady_walking": True, "clumsy_hands_and_unsteady_walk": False,
    "hand_weakness": False, "getting_worse": False, "diabetes": False}}
FINGERS = ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little")
ELEANOR_YES = frozenset({"both_hands", "numb_feet", "takes_metformin", "diabetes", "onset_gradual",
                         "lasting_over_6_weeks", "sore_red_tongue", *FINGERS})
ELEANOR_WORDS: dict[str, Any] = {"age": 74, "sex": "female", "unsure": [], "findings": {
    "both_hands": True, "numb_feet": True, "takes_metformin": True, "diabetes": True, "fatigue_pallor": True,
    "sore_red_tongue": True, "shortness_of_breath": True, "onset_gradual": True, "lasting_over_6_weeks": True}}
B12_NOTE = "These answers can go with low vitamin B12"


def _away(plan: dict[str, Any], cause: str) -> list[str]:
    return [r["finding"] for c in plan["causes"] if c["id"] == cause for r in c["away"]]


# 1a: a combined finding's "no" is not said beside a yes to one of its parts ------------------------------------------

def test_derek_hears_no_clumsy_hands_with_unsteady_walk_beside_his_unsteady_walk(tmp_path: Path) -> None:
    plan = assess_plan(DEREK, tmp_path)
    assert "clumsy_hands_and_unsteady_walk" not in _away(plan, "cervical_myelopathy"), plan["causes"]
    assert plan["level"] == "urgent"


def test_near_miss_a_steady_walk_keeps_the_combined_no_as_a_reason(tmp_path: Path) -> None:
    frank = {"age": 68, "sex": "male", "unsure": [], "findings": {
        "both_hands": True, "onset_gradual": True, "lasting_over_6_weeks": True, "neck_pain": True, "leg_weakness": True,
        "unsteady_walking": False, "hand_weakness": False, "clumsy_hands_and_unsteady_walk": False}}
    plan = assess_plan(frank, tmp_path)
    assert "clumsy_hands_and_unsteady_walk" in _away(plan, "cervical_myelopathy"), plan["causes"]


def test_unknown_combined_question_not_answered_still_urgent_and_never_denied(tmp_path: Path) -> None:
    case = {**DEREK, "findings": {k: v for k, v in DEREK["findings"].items() if k != "clumsy_hands_and_unsteady_walk"}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "urgent"
    assert "clumsy_hands_and_unsteady_walk" not in _away(plan, "cervical_myelopathy")


# 1b: a reason that names other causes says the leading one can do the same ---------------------------------------------

def test_derek_reason_says_the_leading_cause_can_give_the_same_picture(tmp_path: Path) -> None:
    plan = assess_plan(DEREK, tmp_path)
    assert plan["causes"][0]["id"] == "alcohol_neuropathy"
    why = " ".join(plan["why"])
    assert "spinal cord" in why and "alcohol" in why.lower(), plan["why"]
    assert "today" in why.split("vitamin B12")[-1], plan["why"]


def test_near_miss_the_named_cause_leads_and_nothing_is_added(tmp_path: Path) -> None:
    frank = {"age": 68, "sex": "male", "unsure": [], "findings": {
        "both_hands": True, "onset_gradual": True, "lasting_over_6_weeks": True, "neck_pain": True,
        "unsteady_walking": True, "hand_weakness": True, "clumsy_hands_and_unsteady_walk": True}}
    plan = assess_plan(frank, tmp_path)
    assert plan["causes"][0]["id"] == "cervical_myelopathy"
    assert not any("most likely cause" in w for w in plan["why"]), plan["why"]


def test_unknown_drinking_not_known_names_no_leader_it_cannot_show(tmp_path: Path) -> None:
    case = {**DEREK, "findings": {k: v for k, v in DEREK["findings"].items() if k != "heavy_alcohol"}}
    plan = assess_plan(case, tmp_path)
    lead = plan["causes"][0]
    extra = [w for w in plan["why"] if "most likely cause" in w]
    assert plan["level"] == "urgent"
    assert all(lead["name"] in w for w in extra), (lead, extra)


# 2a: with metformin and numb hands and feet, the B12 sign that tells it apart is asked ---------------------------------

def _walk(yes: frozenset[str], unsure: frozenset[str] = frozenset()) -> iv_.Interview:
    """Eleanor step by step: yes to her story, 'not sure' to `unsure`, no to everything else."""
    iv = iv_.start(74, "female")
    while (q := iv_.next_question(iv)) is not None:
        q = iv_.worded(q, iv)
        if q.kind == "choice":
            pick = next((i for i, p in enumerate(q.picks) if any(f in yes for f, v in dict(p).items() if v)), None)
            iv = iv_.answer(iv, q, iv_.choice_answer(q, pick) if pick is not None else {})
        else:
            iv = iv_.answer(iv, q, {f: f in yes for f in q.findings if f not in unsure})
    return iv


def test_eleanor_ticking_every_finger_is_asked_about_her_tongue() -> None:
    iv = _walk(ELEANOR_YES, frozenset({"fatigue_pallor"}))
    assert "sore_red_tongue" in iv.asked
    result = iv_.outcome(iv)
    assert dict(result.causes).get("b12_deficiency", 0.0) >= 0.2, result.causes


def test_near_miss_no_b12_risk_no_tongue_question_forced() -> None:
    yes = ELEANOR_YES - {"takes_metformin", "sore_red_tongue"}
    iv = _walk(yes, frozenset({"fatigue_pallor"}))
    result = iv_.outcome(iv)
    assert "ro_b12" not in result.rules and "sore_red_tongue" not in iv.asked


def test_unknown_tired_and_pale_not_known_with_metformin_still_asks_the_tongue() -> None:
    iv = _walk(ELEANOR_YES - {"sore_red_tongue"}, frozenset({"fatigue_pallor", "constant", "getting_worse"}))
    assert "sore_red_tongue" in iv.asked


# 2b: the B12 blood-test note is said on a result above routine too ------------------------------------------------------

def test_eleanor_own_words_keeps_the_b12_blood_test_note(tmp_path: Path) -> None:
    plan = assess_plan(ELEANOR_WORDS, tmp_path)
    assert plan["level"] == "urgent"
    assert any(B12_NOTE in w and "blood test" in w for w in plan["why"]), plan["why"]


def test_near_miss_no_b12_risk_no_b12_note_above_routine(tmp_path: Path) -> None:
    case = with_findings(ELEANOR_WORDS, takes_metformin=False, sore_red_tongue=False)
    case["findings"].pop("fatigue_pallor")
    case["findings"]["numb_feet"] = False
    plan = assess_plan(case, tmp_path)
    assert not any(B12_NOTE in w for w in plan["why"]), plan["why"]


def test_unknown_tongue_not_known_the_metformin_note_still_shows(tmp_path: Path) -> None:
    case = {**ELEANOR_WORDS, "findings": {k: v for k, v in ELEANOR_WORDS["findings"].items() if k != "sore_red_tongue"}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "urgent"
    assert any(B12_NOTE in w and "metformin" in w for w in plan["why"]), plan["why"]


# 1c: numb feet from drinking get a foot check, and an unsteady walk a falls line --------------------------------------

def test_derek_gets_a_daily_foot_check_and_a_light_at_night(tmp_path: Path) -> None:
    safety = " ".join(assess_plan(DEREK, tmp_path)["safety"])
    assert "Check your feet every day" in safety, safety
    assert "light on at night" in safety, safety


def test_near_miss_a_steady_walk_gets_no_falls_line_and_diabetes_one_foot_line(tmp_path: Path) -> None:
    case = with_findings(DEREK, unsteady_walking=False, diabetes=True)
    safety = assess_plan(case, tmp_path)["safety"]
    assert not any("light on at night" in s for s in safety), safety
    assert not any(s.startswith("Numb feet may not feel") for s in safety), safety  # the diabetes words say it


def test_unknown_walk_not_known_says_no_falls_line_it_cannot_stand_on(tmp_path: Path) -> None:
    case = {**DEREK, "findings": {k: v for k, v in DEREK["findings"].items() if k != "unsteady_walking"}}
    safety = assess_plan(case, tmp_path)["safety"]
    assert not any("light on at night" in s for s in safety), safety
    assert any("Check your feet every day" in s for s in safety), safety


# 3: where the numbness is, is not a warning sign ----------------------------------------------------------------------

FRANK: dict[str, Any] = {"age": 68, "sex": "male", "unsure": [], "findings": {
    "both_hands": True, "onset_gradual": True, "neck_pain": True, "unsteady_walking": True, "hand_weakness": True,
    "clumsy_hands_and_unsteady_walk": True, "getting_worse": True}}


def test_frank_both_hands_is_not_listed_as_a_warning_sign(tmp_path: Path) -> None:
    signs = [s["finding"] for s in assess_plan(FRANK, tmp_path)["signs"]]
    assert signs and "both_hands" not in signs, signs


def test_near_miss_derek_keeps_his_unsteady_walk_as_the_sign(tmp_path: Path) -> None:
    signs = [s["finding"] for s in assess_plan(DEREK, tmp_path)["signs"]]
    assert signs == ["unsteady_walking"], signs


def test_unknown_walk_not_known_with_weak_legs_lists_the_weak_legs(tmp_path: Path) -> None:
    case = {**DEREK, "findings": {**{k: v for k, v in DEREK["findings"].items() if k != "unsteady_walking"},
                                  "leg_weakness": True}}
    plan = assess_plan(case, tmp_path)
    signs = [s["finding"] for s in plan["signs"]]
    assert plan["level"] == "urgent" and "both_hands" not in signs and "leg_weakness" in signs, signs
