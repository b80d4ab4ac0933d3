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
    assert SUGAR in _todo(text), text
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
