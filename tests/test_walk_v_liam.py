"""Walkthrough V (independent review, Liam): a start over six weeks ago is not an emergency now; an attack is.

Liam, 45, builder using a road breaker and grinders: his fingers go white and numb in the cold and tingle at night,
for about 2 years. In his own words, then "not sure" how it started, his result said "If it started suddenly, within
seconds or minutes, call your emergency number now, even if it has gone" beside "It has lasted more than six weeks".
A start 2 years ago cannot be acted on now. Sudden attacks that keep coming back are each a new sudden start (policy
clar. 12), so with the numbness over six weeks old (lasting_over_6_weeks, or his words at 42 days or more) and the
start the only emergency doubt, the lines speak only of an attack that starts suddenly, now or next time. The level
and its call buttons stay (an unknown never lowers); in both hands the reason is the spinal cord or the brain.

Near miss: Marcus (2 weeks of attacks) keeps today's past-tense words. Unknown: not sure whether it has lasted more
than six weeks keeps today's words too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan, check_cli
from tests.test_walk_u_onset import MARCUS

LIAM: dict[str, Any] = {"age": 45, "sex": "male", "findings": {
    "both_hands": True, "vibrating_tools": True, "skin_white_then_blue": True, "triggered_by_cold_or_stress": True,
    "wakes_from_sleep": True, "lasting_over_6_weeks": True, "comes_and_goes": True}, "unsure": ["onset_sudden"]}
WORDS = ("I'm 45, male, a builder. I use a road breaker and grinders all day. My fingers on both hands go white and "
         "numb in the cold and they tingle at night and wake me up. It's been about 2 years.")
TYPED = "\n\n?\n" + "\n" * 40  # keep the readings, none of the emergency signs, not sure how it started, Enter on
GONE = "even if it has gone"
# his attacks come in the cold, each within minutes: what would be new is numbness unlike them (walkthrough W, Liam)
ATTACK = ("if numbness that is not like your usual attacks in the cold starts suddenly, within seconds or minutes, call "
          "your emergency number at once")
NOT_NOW = "how it first began is not an emergency now"
# below the level's headline, in the start's own group (walkthrough AA, Marcus): the same attack, in the box's words
ATTACK_BOX = ("if numbness that is not like your usual attacks in the cold starts suddenly, call your emergency number "
              "at once")
BOTH = "spinal cord in the neck or from the brain"


def test_liam_start_two_years_ago_speaks_of_the_attacks_now(tmp_path: Path) -> None:
    shown = assess_cli(LIAM, tmp_path)
    assert GONE not in shown and "If it started suddenly" not in shown
    assert ATTACK_BOX in shown and NOT_NOW in shown and BOTH in shown
    assert "mini-stroke" not in shown  # both hands: the spinal cord or the brain
    assert "Call 999 (UK)" in shown and "BOOK A DOCTOR'S VISIT" in shown  # the level and the call path stay


def test_liam_plan_banner_box_and_why_speak_of_the_attacks(tmp_path: Path) -> None:
    plan = assess_plan(LIAM, tmp_path)
    # a start not an emergency now does not lead (walkthrough AA): the level's headline, the buttons under the lines
    assert not plan["caution_level"] and not plan["caution"] and plan["numbers"] and plan["calls_with_watch"]
    assert plan["heading"] == "Book a doctor's visit"
    box = next(g for g in plan["unsure"] if g["level"] == "emergency")
    said = " ".join(box["advice"])
    assert "if numbness that is not like your usual attacks in the cold starts suddenly" in said
    assert GONE not in said and "next time" not in said


def test_liam_own_words_through_the_check() -> None:
    shown = check_cli(TYPED, "--describe", WORDS)
    shown = shown[shown.index("URGENCY:"):]
    assert GONE not in shown and ATTACK_BOX in shown and NOT_NOW in shown


def test_liam_words_for_the_length_count_too(tmp_path: Path) -> None:
    case = {**LIAM, "days_so_far": 730, "findings": {k: v for k, v in LIAM["findings"].items()
                                                      if k != "lasting_over_6_weeks"}}
    shown = assess_cli(case, tmp_path)
    assert GONE not in shown and ATTACK_BOX in shown


def test_near_miss_marcus_with_no_length_keeps_the_past_tense(tmp_path: Path) -> None:
    shown = assess_cli(MARCUS, tmp_path)
    assert f"If it started suddenly, within seconds or minutes, call your emergency number now, {GONE}" in shown
    assert NOT_NOW not in shown


def test_an_urgent_result_from_a_week_speaks_of_the_next_attack(tmp_path: Path) -> None:
    """Marcus (a doctor today) with 2 weeks in his words, and Mei (32 weeks pregnant, her maternity team now) with 3:
    a start weeks ago cannot be acted on now, so the lines speak of the next attack or new numbness, with the length the
    words gave (walkthrough V, Mei read "call now, even if it has gone" above her maternity team's "now")."""
    shown = assess_cli({**MARCUS, "days_so_far": 14}, tmp_path)
    assert f"It has gone on for about 2 weeks, so {NOT_NOW}" in shown and GONE not in shown
    # his attacks come with effort: what would be new is numbness at rest (walkthrough W, Marcus)
    assert "if numbness that comes on at rest, not with effort, starts suddenly" in shown and "Call 999 (UK)" in shown
    mei = {"age": 31, "sex": "female", "days_so_far": 21, "unsure": ["onset_sudden"], "findings": {
        "pregnant": True, "pregnancy_warning_signs": True, "both_hands": True, "numb_thumb": True, "numb_index": True,
        "numb_middle": True, "worse_at_night": True}}
    shown = assess_cli(mei, tmp_path)
    assert f"about 3 weeks, so {NOT_NOW}" in shown and GONE not in shown
    assert "CONTACT YOUR MATERNITY TEAM NOW" in shown and "spinal cord" in shown


def test_unknown_length_not_sure_keeps_todays_words(tmp_path: Path) -> None:
    case = {**LIAM, "findings": {k: v for k, v in LIAM["findings"].items() if k != "lasting_over_6_weeks"},
            "unsure": ["onset_sudden", "lasting_over_6_weeks"]}
    shown = assess_cli(case, tmp_path)
    assert GONE in shown and NOT_NOW not in shown
    assert "Call 999 (UK)" in shown


def test_a_routine_result_from_a_week_speaks_of_new_numbness_not_the_first_start(tmp_path: Path) -> None:
    """Walkthrough X (Chris, cyclist): not sure how it started, then "8 days to 6 weeks", then "if it started suddenly
    ... call now, even if it has gone", against the how-long question's own "more than a week is not a stroke
    happening now". From a week on any level the lines speak of new numbness unlike his usual attacks when gripping.
    Near miss: under a week keeps the past tense."""
    chris = {"age": 35, "sex": "male", "days_so_far": 8, "unsure": ["onset_sudden"], "findings": {
        "both_hands": True, "numb_ring": True, "numb_little": True, "hand_weakness": True, "worse_with_gripping": True,
        "comes_and_goes": True}}
    shown = assess_cli(chris, tmp_path)
    assert GONE not in shown and NOT_NOW in shown and "not like your usual attacks when you grip" in shown
    assert "Call 999 (UK)" in shown  # the call path stays: an unknown never lowers
    fresh = assess_cli({**chris, "days_so_far": 3}, tmp_path)
    assert GONE in fresh and NOT_NOW not in fresh
