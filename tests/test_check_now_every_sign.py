"""Walkthroughs AA/AB: every warning sign a person can be 'not sure' of has its own check, and a check never only
tests now for a sign that has gone (the terminal's step-by-step check and the result, through their real entry points)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assess_plan, check_cli

# The signs the screen's stroke checks name by themselves ("Face: ... droop?", "Arms: ...", "Speech: ...",
# "Balance and eyes: ..."): every other emergency-screen sign needs a check of its own (findings.yaml how_to_check).
NAMED_BY_STROKE_CHECKS = {"face_drooping", "speech_difficulty", "arm_or_leg_weakness_sudden", "vision_loss_sudden",
                          "balance_loss_sudden"}
CONFUSION_CHECK = "today's date"
FACE_CHECK = "both cheeks"
LEG_CHECK = "both legs"


def _check_now(typed: str) -> str:
    """The step-by-step "Check now" box after the first screen, as the terminal prints it."""
    shown = check_cli(typed, codes=(0, 130))
    start = shown.index("Check now")
    ends = [i for i in (shown.find("About you", start), shown.find("Question 2", start)) if i > 0]
    return shown[start:min(ends)]


def test_every_emergency_screen_sign_has_its_own_check_or_is_named_by_the_stroke_checks() -> None:
    from numbwise.kb import load

    screen = next(s for s in load().interview.steps if s.id == "screen_emergency")
    missing = [f for f in screen.items if f not in NAMED_BY_STROKE_CHECKS and not load().findings[f].how_to_check]
    assert missing == [], missing


# Priya: not sure whether she is confused (item 7); Helen: not sure whether her face feels different (item 4).
@pytest.mark.parametrize(("typed", "own", "others"), [
    ("?7\n\nq\n", CONFUSION_CHECK, (FACE_CHECK, LEG_CHECK)),  # hit: confusion
    ("?4\n\nq\n", FACE_CHECK, (CONFUSION_CHECK, LEG_CHECK)),  # hit: face numbness
    ("?5\n\nq\n", LEG_CHECK, (CONFUSION_CHECK, FACE_CHECK)),  # hit: leg numbness
])
def test_check_now_box_has_a_check_for_the_sign_not_sure_of(typed: str, own: str, others: tuple[str, ...]) -> None:
    box = _check_now(typed)
    assert own in box, box
    assert "smile in a mirror" in box and "call your emergency number now" in box, box  # the stroke checks stay
    assert not any(o in box for o in others), box  # and no check for a sign they did not doubt


def test_near_miss_a_face_droop_not_sure_of_gets_only_the_stroke_checks() -> None:
    box = _check_now("?1\n\nq\n")
    assert "smile in a mirror" in box and not any(c in box for c in (CONFUSION_CHECK, FACE_CHECK, LEG_CHECK)), box


def test_unknown_a_confusion_left_out_gets_no_check_box() -> None:
    shown = check_cli("\nq\n", codes=(0, 130))  # none picked: nothing was doubted
    assert "Check now" not in shown and CONFUSION_CHECK not in shown


def test_the_breathing_sign_has_its_own_check_not_the_stroke_checks() -> None:
    from numbwise.assess.interview import check_text

    box = _check_now("?15\n\nq\n")
    own = check_text("trouble_breathing_or_swallowing")
    assert own and own in box and "smile in a mirror" not in box, box
    assert "call your emergency number now" in box


# The result: Helen, 70, one hand, not sure whether her face feels different.
HELEN: dict[str, Any] = {"age": 70, "sex": "female", "unsure": ["numb_face_same_side"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True, "onset_sudden": False}}


def _emergency_advice(case: dict[str, Any], tmp_path: Path) -> str:
    plan = assess_plan(case, tmp_path)
    return " ".join(a for g in plan["unsure"] if g["level"] == "emergency" for a in g["advice"])


@pytest.mark.parametrize(("unsure", "own"), [(["numb_face_same_side"], FACE_CHECK), (["confusion"], CONFUSION_CHECK),
                                             (["numb_leg_same_side"], LEG_CHECK)])
def test_the_result_checks_the_sign_not_sure_of(unsure: list[str], own: str, tmp_path: Path) -> None:
    advice = _emergency_advice({**HELEN, "unsure": unsure}, tmp_path)
    assert own in advice and "Does one side droop?" in advice, advice


def test_near_miss_the_result_for_a_speech_doubt_has_no_face_or_confusion_check(tmp_path: Path) -> None:
    advice = _emergency_advice({**HELEN, "unsure": ["speech_difficulty"]}, tmp_path)
    assert "Speech:" in advice and FACE_CHECK not in advice and CONFUSION_CHECK not in advice, advice


def test_unknown_a_sign_never_answered_is_not_checked_in_the_result(tmp_path: Path) -> None:
    advice = _emergency_advice({**HELEN, "unsure": []}, tmp_path)
    assert FACE_CHECK not in advice and CONFUSION_CHECK not in advice


@pytest.mark.parametrize("unsure", [["trouble_breathing_or_swallowing"], ["spreading_within_hours"],
                                    ["cast_tight_or_severe_pain"]])
def test_the_result_checks_the_other_emergency_signs_too(unsure: list[str], tmp_path: Path) -> None:
    from numbwise.assess.interview import check_text

    advice = _emergency_advice({**HELEN, "unsure": unsure}, tmp_path)
    assert check_text(unsure[0]) and check_text(unsure[0]) in advice, advice


# Nadia (AB4): her usual aura, gone now. Q7 asked her to raise both arms, a check for now of a sign that had gone.
NADIA = ("tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine headache,"
         " it is gone now, same as my usual aura. I am 29, female")


def test_the_arm_question_says_what_a_sign_that_has_gone_means() -> None:
    """Hit: she said it went away within an hour (Q1 yes: her spread answers how it started, walkthrough AC), then the
    arm question came (Q5)."""
    shown = check_cli("y\n\n2\ny\nn\nn\nn\nq\n", "--describe", NADIA, codes=(0, 130))
    start = shown.index("Did an arm or leg suddenly become weak?")
    text = shown[start:shown.index("y = yes", start)]
    assert "raise both arms" in text.lower(), text  # a check for now, if it is still there ...
    assert "has gone" in text and "Answer yes too" in text, text  # ... and a yes also for one that came and went


@pytest.mark.parametrize("fid", ["arm_or_leg_weakness_sudden", "face_drooping", "numb_face_same_side"])
def test_a_question_that_checks_now_also_says_what_to_answer_for_a_sign_that_has_gone(fid: str) -> None:
    """Near miss and unknown alike (numbness still there, or not known whether it went): the same help serves both,
    the check for now first, then the yes for a sign that came and went."""
    from numbwise.assess.interview import finding_question

    help_text = finding_question(fid).help
    assert help_text.startswith("If it is still there") and "has gone" in help_text, help_text
