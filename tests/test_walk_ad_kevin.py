"""Walkthrough AD (independent reviewer, Kevin, 45, drinks most days, both hands and feet numb and burning, "never been
tested for diabetes"): the result said "Most likely: Alcohol-related neuropathy (8 in 10)" with diabetic nerve damage
2 in 10, and never that it cannot tell the two apart, nor that a blood sugar test can. An answer the person does not
know that a blood test settles (findings.yaml `if_unsure`) and whose yes or no would put another listed cause first
keeps the result from naming one: it says "We can't tell yet" and lists the test among what would tell them apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan, check_cli, with_findings

BLOOD = "You were not sure whether you have diabetes. A simple blood sugar test can tell."
KEVIN: dict[str, Any] = {"age": 45, "sex": "male", "unsure": ["diabetes"], "findings": {
    "both_hands": True, "one_hand": False, "numb_feet": True, "burning_pain": True, "worse_at_night": True,
    "lasting_over_6_weeks": True, "heavy_alcohol": True, "onset_gradual": True, "onset_sudden": False,
    "onset_over_days": False, "numb_whole_hand": True, "constant": True, "comes_and_goes": False, "chemotherapy": False,
    "neuropathy_drug": False, "face_drooping": False, "speech_difficulty": False, "fever": False, "getting_worse": False,
    "vegan_or_vegetarian": False, "takes_metformin": False, "stomach_surgery": False, "kidney_disease": False,
    "hypothyroidism_known": False, "clumsy_hands_and_unsteady_walk": False, "unsteady_walking": False}}


def _apart(case: dict[str, Any], tmp_path: Path) -> str:
    text = assess_cli(case, tmp_path)
    return text.split("What would tell the causes apart")[1].split("Call your emergency number now if")[0] \
        if "What would tell the causes apart" in text else ""


def test_not_sure_of_diabetes_beside_alcohol_it_says_it_cannot_tell_and_names_the_blood_sugar_test(tmp_path: Path) -> None:
    plan = assess_plan(KEVIN, tmp_path)
    shown = [c["id"] for c in plan["causes"]]
    assert {"alcohol_neuropathy", "diabetic_neuropathy"} <= set(shown)
    assert not plan["told_apart"] and plan["headline"].startswith("We can't tell yet")
    assert BLOOD in _apart(KEVIN, tmp_path)


def test_his_step_by_step_not_sure_of_diabetes_gets_the_blood_sugar_test() -> None:
    """Terminal, step by step: slowly, both whole hands and the feet, all the time for months, worse at night, burning
    pain, heavy drinking, diabetes not sure."""
    keys = "\n45\nm\n3\nR0 L0\n3\n\n\n1 3 4\n\n5\n\n2 ?1\n\n" + "n\n" * 10
    text = check_cli(keys)
    assert "Most likely: Alcohol-related neuropathy" not in text
    assert BLOOD in text


def test_near_miss_a_no_to_diabetes_names_alcohol_and_asks_for_no_test(tmp_path: Path) -> None:
    sure = {**with_findings(KEVIN, diabetes=False), "unsure": []}
    plan = assess_plan(sure, tmp_path)
    assert plan["told_apart"] and plan["causes"][0]["id"] == "alcohol_neuropathy"
    assert "blood sugar test" not in assess_cli(sure, tmp_path)


def test_unknown_diabetes_never_asked_cannot_tell_either_and_asks_it(tmp_path: Path) -> None:
    unasked = {**KEVIN, "unsure": []}
    plan = assess_plan(unasked, tmp_path)
    assert not plan["told_apart"]
    assert "? Do you have diabetes?" in _apart(unasked, tmp_path)


def test_a_yes_to_diabetes_that_cannot_flip_the_lead_keeps_most_likely(tmp_path: Path) -> None:
    """Diabetes already said: nothing a blood test settles is open, so the lead stands where it did."""
    known = {**with_findings(KEVIN, diabetes=True, heavy_alcohol=False), "unsure": []}
    plan = assess_plan(known, tmp_path)
    assert plan["told_apart"] and plan["causes"][0]["id"] == "diabetic_neuropathy"
