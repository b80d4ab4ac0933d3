"""Own words and one result line from walkthrough AA read wrongly: Ahmed's weak, drooping side of the face read as a
weak arm or leg and a numb face, his ring-shaped rash after a tick bite as the shingles band; Sunita's "no B12
supplement" as no B6; Carla's "just now" (of a cramp) as a sudden start; Ines's hand diagram rating carpal tunnel only
"possible" beside its "more than 9 in 10" with nothing against it. Each with a hit, a near miss that keeps its old
reading, and a case that stays unknown."""

from __future__ import annotations


import pytest

from numbwise.assess import assess
from numbwise.assess.result import result_plan
from numbwise.parse import parse
from tests.conftest import parse_json

AHMED = ("I'm 45, a man. Three weeks ago I went hiking and had a tick bite, then a ring-shaped red rash on my thigh. "
         "For 2 days my right hand tingles, and today the right side of my face feels weak and droops a little.")


# 1. Ahmed: a weak side of the face is face drooping; a ring-shaped rash is the tick's.

def test_ahmeds_weak_face_is_face_drooping_not_a_weak_limb_or_numb_face() -> None:
    findings = parse_json(AHMED)["findings"]
    assert isinstance(findings, dict)
    assert findings["face_drooping"] is True
    assert findings["tick_bite_or_bullseye_rash"] is True
    for wrong in ("arm_or_leg_weakness_sudden", "numb_face_same_side", "rash_blisters_band"):
        assert wrong not in findings, wrong


@pytest.mark.parametrize("text", [
    "The left side of his face is weak and his left hand is numb.",
    "Her face feels weak on the right.",
    "There is some weakness in my face and my fingers tingle.",
])
def test_a_weak_face_is_drooping(text: str) -> None:
    got = parse(text).understood
    assert got.get("face_drooping") is True and "arm_or_leg_weakness_sudden" not in got, (text, got)


@pytest.mark.parametrize("text, fid", [
    # near misses: a numb side of the face and a weak arm are still those
    ("The right side of my face is numb and my arm is weak.", "numb_face_same_side"),
    ("The right side of my face is numb and my arm is weak.", "arm_or_leg_weakness_sudden"),
    ("My left side is weak and my hand is numb.", "arm_or_leg_weakness_sudden"),
    ("A painful rash in a band on my side and my hand tingles.", "rash_blisters_band"),
    ("I had a tick bite and now a bullseye rash.", "tick_bite_or_bullseye_rash"),
])
def test_near_misses_keep_their_reading(text: str, fid: str) -> None:
    assert parse(text).understood.get(fid) is True, (text, parse(text).understood)


def test_a_doubted_weak_face_stays_open() -> None:
    got = parse("My hand tingles. I'm not sure if my face feels weak.").understood
    assert "face_drooping" not in got and "arm_or_leg_weakness_sudden" not in got, got


def test_a_ring_shaped_rash_is_not_the_shingles_band() -> None:
    got = parse("a ring-shaped red rash on my thigh and my hand tingles").understood
    assert got.get("tick_bite_or_bullseye_rash") is True and "rash_blisters_band" not in got, got


# 2. Sunita: a supplement named as another vitamin is not B6.

def test_no_b12_supplement_says_nothing_of_b6() -> None:
    findings = parse_json("I'm vegan. I don't take a B12 supplement. My feet and fingers tingle.")["findings"]
    assert isinstance(findings, dict)
    assert "b6_supplements" not in findings


@pytest.mark.parametrize("text, value", [
    ("I don't take any supplements. My hands tingle.", False),  # near miss: no supplements at all is no B6 either
    ("I take a vitamin D supplement and B6 tablets. My hands tingle.", True),
    ("No B6 supplements. My hands tingle.", False),
])
def test_b6_words_still_read(text: str, value: bool) -> None:
    assert parse(text).understood.get("b6_supplements") is value, (text, parse(text).understood)


def test_another_named_supplement_taken_stays_unknown() -> None:
    assert "b6_supplements" not in parse("I take iron supplements and my fingers tingle.").understood


# 3. Carla: "just now" is when something happened, not how fast the numbness came.

def test_just_now_of_a_cramp_is_no_sudden_start() -> None:
    text = ("I had thyroid surgery 2 days ago. Today I have tingling around my mouth and in my fingers, and just now "
            "my hands cramped up for a minute.")
    findings = parse_json(text)["findings"]
    assert isinstance(findings, dict)
    assert "onset_sudden" not in findings and findings["muscle_cramps_spasms"] is True


def test_suddenly_beside_just_now_is_still_sudden() -> None:
    assert parse("Just now my right hand suddenly went numb.").understood.get("onset_sudden") is True


def test_numb_just_now_leaves_the_start_to_its_question() -> None:
    got = parse("My hand went numb just now.").understood
    assert "onset_sudden" not in got and "onset_gradual" not in got, got


# 4. Ines: a hand diagram that rates carpal tunnel only possible or unlikely is a point against it.

INES = {"age": 52, "sex": "female", "findings": {
    "both_hands": True, "one_hand": False, "diabetes": True, "worse_at_night": True, "wakes_from_sleep": True,
    "shaking_relieves": True, "numb_feet": False, "numb_whole_hand": True, "lasting_over_6_weeks": True,
    "onset_gradual": True}}


def test_a_possible_pattern_is_said_against_the_leading_carpal_tunnel() -> None:
    plan = result_plan(assess(INES), marks=("r0", "l0"))
    assert plan.hand_diagram is not None and {h.label for h in plan.hand_diagram.hands} == {"Possible"}
    lead = plan.causes[0]
    assert lead.id == "carpal_tunnel"
    assert "The spots you marked are not the usual carpal tunnel pattern" in " ".join(r.text for r in lead.away)


def test_an_unlikely_pattern_is_said_against_it_in_its_own_words() -> None:
    plan = result_plan(assess(INES), marks=("r5", "l5"))
    assert plan.causes[0].id == "carpal_tunnel"
    assert any("leave out the thumb" in r.text for r in plan.causes[0].away)


def test_a_classic_hand_beside_a_possible_one_adds_nothing_against() -> None:
    plan = result_plan(assess(INES), marks=("r1", "r2", "r3", "l0"))
    assert plan.hand_diagram is not None and "Classic" in {h.label for h in plan.hand_diagram.hands}
    assert not any("spots you marked" in r.text for r in plan.causes[0].away)


def test_no_marks_no_diagram_point() -> None:
    plan = result_plan(assess(INES))
    assert not any("spots you marked" in r.text for c in plan.causes for r in c.away)
