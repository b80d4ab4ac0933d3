"""Walkthrough U (independent review, Marcus): a start not known is a past fact, said in the past tense.

Marcus, 58, smoker: for 2 weeks his left arm feels heavy and tingly when he walks uphill or climbs stairs, with an ache
in his jaw; it eases within a few minutes of rest; nothing now. He is not sure how the very first one started. His
result led with "You were not sure about: how fast it started. ... If you think a sign you were not sure about might
be true now, call your emergency number now", and the box said "If you think any of these might be happening, call".
How fast it started cannot be "true now" or "happening": he could not act on it. When the only emergency sign not sure
of is the start, each line that asks him to act says it in the past tense ("If it started suddenly ... call your
emergency number now, even if it has gone"), with what to do next time for attacks that come and go. The level and
its "unless you call: see a doctor today" path stay (an unknown never lowers).

Near misses: a face droop not sure of is present-tense ("might be true now"); start and speech both not sure of keep
the general wording. Tariq's old path (numbness for weeks, start not known) heads the box in its own words and says
"not an emergency now" once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan, check_cli

MARCUS: dict[str, Any] = json.loads("""{"age":58,"sex":"male","findings":{"one_hand":true,"numb_arm":true,
"arm_discomfort_on_exertion":true,"comes_and_goes":true,"smoker":true,"chest_pain":false,"cold_sweat_nausea":false,
"shortness_of_breath":false,"face_drooping":false,"speech_difficulty":false,"arm_or_leg_weakness_sudden":false,
"confusion":false,"vision_loss_sudden":false,"severe_sudden_headache":false,"balance_loss_sudden":false},
"unsure":["onset_sudden"]}""")
WORDS = ("58 m, smoker. For 2 weeks my left arm feels heavy and tingly when I walk uphill or climb stairs, with an "
         "ache in my jaw; it eases within a few minutes of rest. Nothing now, at rest.")
TYPED = "\n\n5\n?\n" + "\n" * 30  # keep the readings, none of the emergency signs, not sure how it started, Enter on
PRESENT = ("might be true now", "might be happening", "none of the signs you were not sure about is happening")
PAST = "If it started suddenly"
NEXT_TIME = "next time"
TARIQ: dict[str, Any] = {"age": 41, "sex": "male", "days_so_far": 21, "unsure": ["onset_sudden"], "findings": {
    "neck_pain": True, "numb_arm": True, "one_hand": True, "both_hands": False, "numb_thumb": True,
    "lasting_over_6_weeks": False, "worse_neck_movement": True, "hand_weakness": False,
    "pain_shooting_down_arm": False}}


def _result(text: str) -> str:
    """The result part of a check's output (after the last question)."""
    return text[text.index("URGENCY:"):]


def test_marcus_start_not_known_is_said_in_the_past_tense(tmp_path: Path) -> None:
    shown = assess_cli(MARCUS, tmp_path)
    for words in PRESENT:
        assert words not in shown, words
    assert f"{PAST}, within seconds or minutes, call your emergency number now, even if it has gone" in shown
    assert NEXT_TIME in shown  # his attacks come and go: what to do when the next one starts
    assert "SEE A DOCTOR TODAY" in shown and "Call 999 (UK)" in shown  # the level and the call path stay


def test_marcus_plan_says_it_in_the_past_tense_in_the_banner_and_the_box(tmp_path: Path) -> None:
    plan = assess_plan(MARCUS, tmp_path)
    assert plan["level"] == "urgent" and plan["caution_level"] == "emergency" and plan["numbers"]
    assert PAST in plan["caution"] and NEXT_TIME in plan["caution"]
    box = next(g for g in plan["unsure"] if g["level"] == "emergency")
    said = " ".join(box["advice"])
    assert PAST in said and "might be happening" not in said
    everything = json.dumps(plan)
    for words in PRESENT:
        assert words not in everything, words


def test_marcus_own_words_through_the_check_say_it_in_the_past_tense() -> None:
    shown = _result(check_cli(TYPED, "--describe", WORDS))
    assert "SEE A DOCTOR TODAY" in shown
    for words in PRESENT:
        assert words not in shown, words
    # his words give 2 weeks: a start that long ago is spoken of as the next attack (walkthrough V, Mei and Liam)
    assert "It has gone on for about 2 weeks" in shown  # said below the level's headline (walkthrough AA)
    assert shown.startswith("URGENCY: SEE A DOCTOR TODAY")
    assert "if numbness that comes on at rest, not with effort, starts suddenly" in shown  # his attacks come on effort


def test_near_miss_a_face_droop_not_sure_of_is_still_present_tense(tmp_path: Path) -> None:
    case = {**MARCUS, "findings": {**MARCUS["findings"], "onset_sudden": False, "face_drooping": None},
            "unsure": ["face_drooping"]}
    case["findings"] = {k: v for k, v in case["findings"].items() if v is not None}
    shown = assess_cli(case, tmp_path)
    assert "might be true now" in shown and "might be happening" in shown
    assert PAST not in shown


def test_start_and_speech_both_not_sure_keep_the_general_wording(tmp_path: Path) -> None:
    case = {**MARCUS, "findings": {k: v for k, v in MARCUS["findings"].items() if k != "speech_difficulty"},
            "unsure": ["onset_sudden", "speech_difficulty"]}
    plan = assess_plan(case, tmp_path)
    assert "might be true now" in plan["caution"] and PAST not in plan["caution"]
    box = next(g for g in plan["unsure"] if g["level"] == "emergency")
    assert "If you think any of these might be happening" in " ".join(box["advice"])


def test_tariq_old_path_heads_the_box_in_its_own_words_and_says_not_an_emergency_once(tmp_path: Path) -> None:
    plan = assess_plan(TARIQ, tmp_path)
    assert plan["caution_soon"]
    box = next(g for g in plan["unsure"] if any(u["finding"] == "onset_sudden" for u in g["items"]))
    assert box["heading"] == "Not sure how fast it started"
    shown = assess_cli(TARIQ, tmp_path)
    assert "You were not sure about these emergency signs" not in shown
    assert shown.count("not an emergency now") == 1
    assert "within a few days" in shown.lower() and "CALL YOUR EMERGENCY NUMBER NOW" not in shown


def test_marcus_answering_suddenly_keeps_his_effort_sign_for_the_crew(tmp_path: Path) -> None:
    """He answers "Suddenly": a stroke emergency, whose warning signs still list his arm and jaw discomfort on effort
    (an urgent rule's sign), after the emergency's own, so he can tell the crew."""
    sudden = {**MARCUS, "findings": {**MARCUS["findings"], "onset_sudden": True}, "unsure": []}
    plan = assess_plan(sudden, tmp_path)
    assert plan["level"] == "emergency"
    signs = [s["finding"] for s in plan["signs"]]
    assert signs[0] == "onset_sudden" and "arm_discomfort_on_exertion" in signs
    assert "smoker" not in signs  # a fact about him, not a warning sign
    shown = assess_cli(sudden, tmp_path)
    assert "Effort brings on discomfort in your arm, jaw or chest" in shown.split("What to do")[0]


def test_near_miss_an_emergency_with_no_urgent_sign_lists_only_its_own(tmp_path: Path) -> None:
    calm = {**MARCUS, "findings": {**MARCUS["findings"], "onset_sudden": True, "arm_discomfort_on_exertion": False,
                                   "comes_and_goes": False}, "unsure": []}
    plan = assess_plan(calm, tmp_path)
    assert plan["level"] == "emergency" and [s["finding"] for s in plan["signs"]] == ["onset_sudden"]
