"""Walkthrough BD, each finding with a hit, a near miss and an unknown case.

Carol: "I don't know if it came on all at once" was warned as "It started suddenly (you wrote: 'all at once')".
Jonas: his eye blurred "for ten days" last month, his hands tingle "for two weeks", and his result said "It has gone on
for 10 days" (and "last month my eye went blurry" was warned as sudden loss of sight now). Fatima, on gliclazide,
shaky and sweaty now, not sure how it started: a routine result with no "have something sugary now". Kenji: thumb and
index only, read "Tingling in the thumb, index and middle fingers" beside "- Your middle finger is not numb".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.parse import parse
from tests.conftest import assess_cli, parse_json

CAROL = ("Since yesterday evening my right hand has been numb. I don't know if it came on all at once, I just noticed "
         "it. I had a small stroke last year.")


def test_hit_not_knowing_if_it_came_on_all_at_once_is_not_sure() -> None:
    out = parse_json(CAROL)
    assert "onset_sudden" in out["unsure"] and "onset_sudden" not in out["findings"]  # type: ignore[operator]


def test_near_miss_it_came_on_all_at_once_is_sudden() -> None:
    assert parse_json("It came on all at once this morning.")["findings"]["onset_sudden"] is True  # type: ignore[index]


def test_unknown_not_sure_if_it_started_all_of_a_sudden_is_not_sure() -> None:
    assert "onset_sudden" in parse_json("I'm not sure if it started all of a sudden.")["unsure"]  # type: ignore[operator]


JONAS = ("I'm 23. Last month my left eye went blurry for ten days and then came back. For two weeks, when I bend my "
         "neck forward I get an electric feeling down my back into my hands.")


def test_hit_two_different_lengths_leave_how_long_to_its_question() -> None:
    read = parse(JONAS)
    assert read.days_so_far is None and "vision_loss_sudden" not in read.findings, read.findings


def test_near_miss_one_length_is_kept() -> None:
    assert parse("For two weeks my hands tingle.").days_so_far == 14


def test_unknown_the_same_length_said_twice_is_kept() -> None:
    assert parse("For two weeks my hands tingle, yes two weeks now.").days_so_far == 14


FATIMA: dict[str, Any] = {"age": 60, "sex": "female", "days_so_far": 0.02, "findings": {
    "low_sugar_symptoms": True, "insulin_or_sulfonylurea": True, "diabetes": True, "confusion": False,
    "both_hands": True, "numb_around_mouth": True, "constant": True, "lasting_over_6_weeks": False,
    "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False, "cold_sweat_nausea": False}}
SUGAR = "have a sugary drink (not a diet one) or some sweets now"


def _todo(text: str) -> str:
    start = text.index("What to do")
    return text[start:text.index("Why this level", start)] if "Why this level" in text else text[start:]


def test_hit_low_sugar_signs_not_sure_of_the_start_lead_with_sugar(tmp_path: Path) -> None:
    text = assess_cli({**FATIMA, "unsure": ["onset_sudden"]}, tmp_path)
    # atop, beside the call for a sudden start, never only under "if it did not start suddenly" (walkthrough BF)
    assert SUGAR in text[:text.index("What to do")] and SUGAR not in _todo(text), text
    assert "eases after something sugary" not in text


def test_near_miss_no_low_sugar_signs_no_sugar(tmp_path: Path) -> None:
    case = {**FATIMA, "findings": {**FATIMA["findings"], "low_sugar_symptoms": False}, "unsure": ["onset_sudden"]}
    assert SUGAR not in assess_cli(case, tmp_path)


def test_unknown_a_slow_start_keeps_the_sugar_first(tmp_path: Path) -> None:
    case = {**FATIMA, "findings": {**FATIMA["findings"], "onset_over_days": True, "onset_sudden": False}}
    assert SUGAR in _todo(assess_cli(case, tmp_path))


KENJI: dict[str, Any] = {"age": 45, "sex": "male", "days_so_far": 21, "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": False, "comes_and_goes": True,
    "worse_with_gripping": True, "onset_gradual": True, "lasting_over_6_weeks": False, "hand_weakness": False,
    "thumb_muscle_wasting": False, "diabetes": False, "constant": False}}


def test_hit_thumb_and_index_read_two_or_more_of_the_fingers(tmp_path: Path) -> None:
    text = assess_cli(KENJI, tmp_path)
    assert "Tingling in two or more of the thumb, index and middle fingers" in text, text


def test_near_miss_all_three_read_the_same_words(tmp_path: Path) -> None:
    text = assess_cli({**KENJI, "findings": {**KENJI["findings"], "numb_middle": True}}, tmp_path)
    assert "Tingling in two or more of the thumb, index and middle fingers" in text


def test_unknown_middle_not_known_never_says_all_three(tmp_path: Path) -> None:
    text = assess_cli({**KENJI, "findings": {k: v for k, v in KENJI["findings"].items() if k != "numb_middle"}}, tmp_path)
    assert "thumb, index and middle fingers that is not" not in text.replace("two or more of the thumb", "")


# Fatima again (walkthrough BE): all ten fingers, "there all the time" as the list's help suggests for a first low still
# going on: "Diabetic peripheral neuropathy, about 8 in 10", with her low-sugar signs listed as pointing to it.
FATIMA_ALL: dict[str, Any] = {**FATIMA, "findings": {**FATIMA["findings"], "comes_and_goes": False, **{
    f"numb_{x}": True for x in ("thumb", "index", "middle", "ring", "little")}}, "unsure": ["onset_sudden"]}


def _card(text: str, name: str) -> str:
    start = text.index(f"* {name}")
    return text[start:text.index("Learn more", start)]


def test_hit_low_sugar_signs_are_no_reason_for_nerve_damage_and_low_sugar_is_shown(tmp_path: Path) -> None:
    text = assess_cli(FATIMA_ALL, tmp_path)
    assert "shaky, sweaty" not in _card(text, "Diabetic peripheral neuropathy"), text
    assert "* Low blood sugar (hypoglycaemia)" in text, text


def test_near_miss_no_low_sugar_signs_leave_nerve_damage_first(tmp_path: Path) -> None:
    case = {**FATIMA_ALL, "findings": {**FATIMA_ALL["findings"], "low_sugar_symptoms": False}}
    text = assess_cli(case, tmp_path)
    assert "Most likely: Diabetic peripheral neuropathy" in text or "fits your answers best" in text, text


def test_unknown_constant_not_known_still_shows_low_sugar(tmp_path: Path) -> None:
    case = {**FATIMA_ALL, "findings": {k: v for k, v in FATIMA_ALL["findings"].items() if k not in ("constant", "comes_and_goes")}}
    assert "* Low blood sugar (hypoglycaemia)" in assess_cli(case, tmp_path)


# Sam, 40, type 1 diabetes (walkthrough BE): numb feet for years, a red, hot, swollen foot since yesterday that does not
# hurt. With no fever he got a two-week visit, and his words read "Redness ... spreading in your hand or a finger".
SAM = ("I'm 40 and have had type 1 diabetes for 25 years. My feet have been numb for years. Since yesterday my right "
       "foot is red, hot and swollen, but it does not hurt.")


def test_hit_a_red_hot_swollen_foot_is_a_foot_problem_not_a_hand_infection(tmp_path: Path) -> None:
    read = parse(SAM)
    assert read.foot_sore is True and "spreading_redness_swelling" not in read.findings, read.findings
    text = assess_cli({"age": 40, "sex": "male", "days_so_far": 3000, "foot_sore": True, "findings": {
        "diabetes": True, "insulin_or_sulfonylurea": True, "numb_feet": True, "one_hand": False, "both_hands": False,
        "onset_gradual": True, "lasting_over_6_weeks": True, "constant": True, "fever": False}}, tmp_path)
    assert text.startswith("URGENCY: GET YOUR FOOT CHECKED TODAY"), text[:300]
    assert "Go to A&E or urgent care now if your foot is red, hot or swollen" not in text


def test_near_miss_swollen_feet_alone_are_no_foot_problem() -> None:
    assert parse("I am 30 weeks pregnant and my feet are swollen.").foot_sore is None


def test_unknown_not_sure_if_the_foot_is_red_and_warm_is_not_said() -> None:
    assert parse("Not sure if my foot is red and warm.").foot_sore is None
    assert parse("My finger is red, hot and swollen.").findings.get("spreading_redness_swelling") is True


# Beth, 45 (walkthrough BE): an elbow operation six days ago, ring and little fingers numb since; the reason spoke of "a
# fall, a blow or a cut" and an injury she never had.
BETH: dict[str, Any] = {"age": 45, "sex": "female", "days_so_far": 6, "findings": {
    "recent_arm_injury_or_cast": True, "one_hand": True, "numb_ring": True, "numb_little": True, "constant": True},
    "unsure": ["onset_sudden"]}


def test_hit_an_operation_is_named_beside_an_injury(tmp_path: Path) -> None:
    text = assess_cli(BETH, tmp_path)
    assert "after the injury or operation" in text and "or after an operation on it" in text, text


def test_near_miss_a_sudden_start_after_it_names_the_operation_too(tmp_path: Path) -> None:
    case = {**BETH, "findings": {**BETH["findings"], "onset_sudden": True}, "unsure": []}
    assert "or after an operation on it" in assess_cli(case, tmp_path)


def test_unknown_the_start_not_known_keeps_go_now(tmp_path: Path) -> None:
    assert assess_cli(BETH, tmp_path).startswith("URGENCY: GO TO A&E")


def test_red_swollen_hands_beside_numb_feet_are_no_foot_problem() -> None:
    assert parse("My hands are red and swollen and my feet are numb.").foot_sore is None


def test_near_miss_a_caution_with_its_own_sugar_line_is_not_told_twice(tmp_path: Path) -> None:
    # not sure whether confused, beside low-sugar signs: the low-sugar rule's own caution says the sugar, once
    case = {**FATIMA, "findings": {k: v for k, v in FATIMA["findings"].items() if k != "confusion"},
            "unsure": ["confusion"]}
    text = assess_cli(case, tmp_path)
    assert "If you feel shaky, sweaty, very hungry or muddled now" not in text[:text.index("What to do")], text


# Zara, 27, lupus (walkthrough BF): a year of cold-brought attacks, each starting suddenly; the call-now reason read as
# if it ignored that the attacks come and go. Policy clarification 12: each sudden attack is a new sudden start.
ZARA: dict[str, Any] = {"age": 27, "sex": "female", "days_so_far": 365, "findings": {
    "autoimmune_disease": True, "skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "both_hands": True,
    "onset_sudden": True, "comes_and_goes": True, "constant": False, "lasting_over_6_weeks": True,
    "fingertip_sores": False}}
ATTACKS = "each sudden attack counts as a new sudden start"


def test_hit_sudden_attacks_that_come_and_go_say_why_each_counts(tmp_path: Path) -> None:
    text = assess_cli(ZARA, tmp_path)
    assert text.startswith("URGENCY: CALL EMERGENCY SERVICES NOW") and ATTACKS in text, text[:400]


def test_near_miss_one_sudden_start_keeps_the_plain_reason(tmp_path: Path) -> None:
    case = {**ZARA, "findings": {**ZARA["findings"], "comes_and_goes": False, "constant": True}}
    assert ATTACKS not in assess_cli(case, tmp_path)


def test_unknown_course_not_known_keeps_the_plain_reason(tmp_path: Path) -> None:
    case = {**ZARA, "findings": {k: v for k, v in ZARA["findings"].items() if k not in ("comes_and_goes", "constant")}}
    assert ATTACKS not in assess_cli(case, tmp_path)
