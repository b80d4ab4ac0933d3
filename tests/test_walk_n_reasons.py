"""Walkthrough N (an independent reviewer using `numbwise check` as real people): reasons on a cause card that read as
contradictions or as odd, a person with diabetes and numb feet never told what a sore on the foot means, UK-only
"DVLA", and "should be checked by a doctor" said three times on one result.

Joe (50s, vibrating tools, fingers go white in the cold, fingertips numb all the time) read "+ Cold or stress brings
it on" beside "- It does not come and go"; Omar (38, type 2 diabetes, feet numb for a year, now his fingertips) read
"+ Your little finger is numb or tingling" as a reason for diabetic nerve damage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import run_cli
from tests.test_walk_j import _plan, _text

FINGERS = {f: True for f in ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little")}
JOE: dict[str, Any] = {"age": 55, "sex": "male", "unsure": [], "findings": {
    "both_hands": True, "one_hand": False, **FINGERS, "vibrating_tools": True, "skin_white_then_blue": True,
    "triggered_by_cold_or_stress": True, "constant": True, "comes_and_goes": False, "onset_gradual": True}}
OMAR: dict[str, Any] = {"age": 38, "sex": "male", "unsure": [], "findings": {
    "both_hands": True, "one_hand": False, **FINGERS, "diabetes": True, "numb_feet": True, "constant": True,
    "comes_and_goes": False, "onset_gradual": True, "lasting_over_6_weeks": True}}


def _card(text: str, name: str) -> str:
    """The reasons under one cause on the terminal result."""
    return text.split(f"* {name}")[1].split("Learn more")[0]


def test_a_card_does_not_argue_that_cold_attacks_do_not_come_and_go(tmp_path: Path) -> None:
    card = _card(_text(JOE, tmp_path), "Hand-arm vibration syndrome")
    assert "+ Cold or stress brings it on." in card
    assert "It does not come and go" not in card
    # near miss: without the cold attacks or colour change, a 'no' to coming and going is still a reason
    # (no diabetes and no heavy drinking: every fingertip alike fits those as well as carpal tunnel, walkthrough Y)
    plain = {**JOE, "findings": {**JOE["findings"], "triggered_by_cold_or_stress": False, "skin_white_then_blue": False,
                                 "diabetes": False, "heavy_alcohol": False}}
    plan = _plan(plain, tmp_path)
    away = [r for c in plan["causes"] for r in c.get("away", [])]
    # ("there all the time" says it: since walkthrough BG it implies the no, so that no is not a reason of its own)
    assert any("come and go" in str(r) or "all the time" in str(r) for r in away) or "come and go" in _text(plain, tmp_path)


def test_white_alone_fits_the_colour_change_reason(tmp_path: Path) -> None:
    card = _card(_text(JOE, tmp_path), "Hand-arm vibration syndrome")
    assert "+ Your fingers turn white, blue or red." in card
    assert "white, then blue" not in _text(JOE, tmp_path)


def test_the_raynaud_check_reason_reads_as_separate_cases(tmp_path: Path) -> None:
    why = " ".join(_plan(JOE, tmp_path)["why"])
    assert "if any of these is true: you are 30 or over; only one hand is affected; you have joint pain or an autoimmune disease" in why


def test_a_finger_with_no_pattern_for_the_cause_is_no_reason(tmp_path: Path) -> None:
    card = _card(_text(OMAR, tmp_path), "Diabetic peripheral neuropathy")
    assert "+ You have diabetes." in card and "+ Your feet or toes are numb or tingling." in card
    assert "little finger" not in card
    # near miss: for ulnar nerve trouble the little finger is the pattern, and stays a reason
    ulnar = {"age": 40, "sex": "male", "unsure": [], "findings": {
        "one_hand": True, "both_hands": False, "numb_little": True, "numb_ring": True, "numb_thumb": False,
        "worse_elbow_bent": True}}
    assert "+ Your little finger is numb or tingling." in _text(ulnar, tmp_path)


FOOT_LINE = "You have or find a sore, cut, blister or a change of colour on your foot, even if it does not hurt."


def _under_today(text: str) -> bool:
    """Is the foot sore line listed under "See a doctor today if"? How fast is the watch line's (walkthrough S, Ben)."""
    return "See a doctor today if" in text and FOOT_LINE in text.split("See a doctor today if", 1)[1].split("What next")[0]


def test_diabetes_and_numb_feet_are_told_what_a_sore_on_the_foot_means(tmp_path: Path) -> None:
    text = _text(OMAR, tmp_path)
    assert "sore, cut or blister on your foot" in text and _under_today(text) and "same day" not in text
    # the safety step (causes not told apart) says it too
    unsure = {**OMAR, "findings": {**OMAR["findings"], "diabetes": True, "heavy_alcohol": True}}
    assert "sore, cut or blister on your foot" in _text(unsure, tmp_path)
    # near miss: feet not numb, no home foot check (the today line stays: a diabetic foot sore is seen within a day)
    feet_fine = _text({**OMAR, "findings": {**OMAR["findings"], "numb_feet": False}}, tmp_path)
    assert "sore, cut or blister on your foot" not in feet_fine and _under_today(feet_fine)


def test_driving_advice_names_no_uk_only_office(tmp_path: Path) -> None:
    text = _text(OMAR, tmp_path)
    assert "Tell the DVLA" not in text and "the DVLA about" not in text
    assert "driving licence authority (the DVLA in the UK)" in text


def test_should_be_checked_by_a_doctor_is_said_once(tmp_path: Path) -> None:
    why = _plan(OMAR, tmp_path)["why"]
    joined = " ".join(why)
    assert joined.count("should be checked by a doctor") + joined.count("should check") <= 1, why
    assert ("A doctor should check numbness like yours, because it has gone on for more than about six weeks, it is in "
            "both hands and it is there all the time.") in joined
    # a single such reason keeps its own sentence
    one = {**OMAR, "findings": {**OMAR["findings"], "constant": False, "lasting_over_6_weeks": False}}
    assert "Numbness in both hands should be checked by a doctor." in " ".join(_plan(one, tmp_path)["why"])


def test_omar_in_check_hears_about_sores_on_his_feet() -> None:
    """Through `numbwise check` with piped answers: diabetes and numb feet lead to the foot sore line."""
    run = run_cli("--plain", "check", "--no-diary", input=OMAR_ANSWERS + "n\n" * 40)
    out = " ".join(run.out.split())
    assert "URGENCY:" in out, run.out[-3000:]
    assert "sore, cut or blister on your foot" in out and _under_today(out)


# emergency screen: none; 38, male; slowly; all ten fingers; feet too (and no to the other places); other signs: none;
# there all the time and more than six weeks (no to the others); other symptoms: none; history: diabetes (no others)
OMAR_ANSWERS = "\n38\nm\n3\nR1 R2 R3 R4 R5 L1 L2 L3 L4 L5\n3\n\n\n1 3\n\n\n1\n\n"
