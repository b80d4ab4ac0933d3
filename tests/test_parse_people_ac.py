"""Own words read in walkthrough AC: a grip said to be fine is a no to hand weakness (Tariq), tingling lips beside
unplaced fingers (Priya), and a fall "yesterday" before tingling fingers says it has not lasted six weeks (Mia)."""

from __future__ import annotations

import pytest

from tests.conftest import parse_findings, parse_json

TARIQ = ("Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes; worse when I turn my "
         "head or look up. Grip feels fine.")
PRIYA = "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"
MIA = ("She fell on her outstretched hand at gymnastics yesterday; her wrist is swollen and sore, and her thumb and "
       "index finger tingle.")


# Tariq: a grip stated normal is a no in the case, so the check does not ask it again.

def test_tariq_grip_feels_fine_is_a_no_to_hand_weakness() -> None:
    found = parse_findings(TARIQ)
    assert found.get("hand_weakness") is False
    assert found.get("neck_pain") is True and found.get("numb_thumb") is True


@pytest.mark.parametrize("text", [
    "my thumb tingles. grip feels fine",
    "my thumb tingles. my grip is fine",
    "my thumb tingles, grip is normal",
    "my thumb tingles, grip is ok",
    "my thumb tingles, no weakness",
    "my thumb tingles, strength is fine",
    "my thumb tingles but I can still grip things",
])
def test_a_stated_normal_grip_is_a_no(text: str) -> None:
    found = parse_findings(text)
    assert found.get("hand_weakness") is False
    assert "worse_with_gripping" not in found  # "can still grip things" is no trigger
    assert "arm_or_leg_weakness_sudden" not in found  # an emergency sign is cleared only by its question


@pytest.mark.parametrize("text, value", [
    ("my thumb tingles, grip feels weak", True),
    ("my thumb tingles, grip feels fine but I drop things", True),
    ("my thumb tingles, not sure my grip is fine", None),
    ("my thumb tingles, my grip was fine until today", None),
    ("my thumb tingles, no weakness in my legs", None),
])
def test_near_misses_are_not_a_no(text: str, value: bool | None) -> None:
    assert parse_findings(text).get("hand_weakness") is value


def test_a_stated_normal_never_completes_home_care_from_words_alone() -> None:
    text = ("Slept on my arm funny last night and woke up with a totally dead arm, pins and needles, came back after I "
            "shook it for a couple of minutes. 27F. No weakness now, face and speech normal.")
    assert "hand_weakness" not in parse_findings(text)


# Priya: the lips are read; "my fingers" with no side and no finger named has no finding of its own.

def test_priya_lips_are_read_and_no_finger_is_invented() -> None:
    found = parse_findings(PRIYA)
    assert found.get("numb_around_mouth") is True and found.get("low_sugar_symptoms") is True
    assert not {f for f in found if f.startswith("numb_") and f != "numb_around_mouth"}


# Mia: the fall was yesterday and the tingling came with it, so it has not lasted six weeks.

def test_mia_a_fall_yesterday_says_under_six_weeks() -> None:
    found = parse_findings(MIA)
    assert found.get("lasting_over_6_weeks") is False
    assert found.get("numb_thumb") is True and found.get("numb_index") is True
    assert found.get("recent_arm_injury_or_cast") is True
    spans = [s for s in parse_json(MIA)["spans"] if isinstance(s, dict) and s.get("finding") == "lasting_over_6_weeks"]
    assert [s["text"] for s in spans] == ["yesterday"]


@pytest.mark.parametrize("text", [
    "She fell on her hand at gymnastics yesterday.",  # no numbness said: nothing to time
    "I broke my wrist yesterday, my thumb has tingled for 3 months",  # the length said wins
])
def test_a_fall_yesterday_near_misses(text: str) -> None:
    assert parse_findings(text).get("lasting_over_6_weeks") is not False


def test_a_fall_years_ago_is_not_a_recent_start() -> None:
    assert "lasting_over_6_weeks" not in parse_findings("I fell on my hand years ago and my thumb tingles")


def test_gripping_that_does_not_bring_it_on_is_no_grip_said_normal() -> None:
    found = parse_findings("My right thumb and index finger tingle. Gripping doesn't bring it on, it's there all the time.")
    assert "hand_weakness" not in found and found.get("worse_with_gripping") is False
