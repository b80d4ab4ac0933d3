"""Walkthrough AF (independent reviewer, Grace, 29, panic with tingling fingers and lips, not sure about a tight chest):
under "book a doctor's visit" with over-breathing first, "Why this level" said carpal tunnel's "A night splint and less
hard gripping often help", then "they fit another cause better". A home-care pattern whose own cause does not lead no
longer gives its own reason (result.py `told`), and the line that says why names no cause."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assess_plan

FINGERS = {f"numb_{f}": True for f in ("thumb", "index", "middle", "ring", "little")}
GRACE = {"age": 29, "sex": "female", "unsure": ["chest_pain", "onset_over_days", "onset_sudden"], "days_so_far": 0.04,
         "findings": {**FINGERS, "both_hands": True, "one_hand": False, "anxiety_history": True, "numb_around_mouth": True,
                      "episode_resolved_within_hour": True, "comes_and_goes": True, "triggered_by_cold_or_stress": True,
                      "lasting_over_6_weeks": False, "onset_gradual": False, "hand_weakness": False,
                      "thumb_muscle_wasting": False, "diabetes": False, "constant": False, "numb_whole_hand": False}}
SPLINT = "night splint"
BEST = "Your answers fit more than one cause."


def test_grace_hears_no_carpal_tunnel_advice_under_over_breathing(tmp_path: Path) -> None:
    plan = assess_plan(GRACE, tmp_path)
    assert plan["causes"][0]["id"] == "hyperventilation_anxiety"
    why = " ".join(plan["why"])
    assert SPLINT not in why and BEST in why, why


def test_near_miss_the_carpal_tunnel_pattern_leading_keeps_its_own_reason(tmp_path: Path) -> None:
    """Only the thumb-side fingers, no panic: carpal tunnel leads and its home-care reason is said."""
    case = {"age": 29, "sex": "female", "findings": {
        "numb_thumb": True, "numb_index": True, "numb_middle": True, "one_hand": True, "comes_and_goes": True,
        "lasting_over_6_weeks": False, "hand_weakness": False, "thumb_muscle_wasting": False, "diabetes": False,
        "constant": False, "worse_at_night": True}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "self_care" and SPLINT in " ".join(plan["why"])


def test_ken_the_printed_answers_keep_what_his_words_left_not_sure() -> None:
    """Walkthrough AF, Ken, 58: the printed "Your answers" (the page taken to a doctor) said only "Both of your hands
    are numb or tingling" for his words, and "None of these" for the emergency signs, while the top of the page said he
    was not sure about slurred speech. What the words left in doubt is listed under them too (summary.answered)."""
    from numbwise.assess.interview import describe, start
    from numbwise.assess.summary import answered

    iv = describe(start(58, "male"), {"both_hands": True}, unsure=["speech_difficulty", "worse_at_night"])
    words = dict(answered(iv.history))["Described in your own words"]
    assert words.startswith("Both of your hands are numb or tingling.")
    assert "Not sure:" in words and "speech" in words and "night" in words, words


def test_near_miss_words_with_no_doubt_list_no_not_sure() -> None:
    from numbwise.assess.interview import describe, start
    from numbwise.assess.summary import answered

    iv = describe(start(58, "male"), {"both_hands": True, "worse_at_night": False})
    assert "Not sure" not in dict(answered(iv.history))["Described in your own words"]


def test_grace_breathless_in_every_panic_is_not_read_as_new_breathlessness() -> None:
    """Walkthrough AF, Grace: "I get short of breath" in her panics was read back as "You have been newly short of
    breath". Breathless words now need words that it is now, new or worse (findings.yaml `confirmed_by`); without
    them the emergency screen asks it."""
    from numbwise.parse.core import parse

    grace = parse("When I panic my fingers and lips go tingly, I get short of breath and my chest feels tight. It "
                  "happened again about an hour ago and it has eased off now. I have anxiety.")
    assert "shortness_of_breath" not in grace.findings and grace.findings.get("chest_pain") is True


@pytest.mark.parametrize("text", ["I'm a bit short of breath and my hands tingle",
                                  "new breathlessness since this morning plus my right hand's gone tingly",
                                  "out of breath just walking from the car, arm numb"])
def test_near_miss_breathless_now_or_new_is_still_read(text: str) -> None:
    from numbwise.parse.core import parse

    assert parse(text).findings.get("shortness_of_breath") is True
