"""Walkthrough S (independent reviewer): Olivia, 35, ascending tingling and weak legs after a stomach bug.

Her words: "Two weeks after a stomach bug, my feet then my hands started tingling 3 days ago; it is creeping up, and
today my legs feel weak on the stairs." The check read "creeping up" as a spread over minutes (an aura's), and she
did not tick "Weakness that started in your legs and is moving up over days" (her legs are weak; she could not tell
if it is "moving up"): "See a doctor today" beside Guillain-Barre "more than 9 in 10", "If this were the cause, it
would need emergency care", and "No weakness is spreading up from your legs" next to "Your legs are weak". Mayo
Clinic: tingling that began in the feet and is moving up the body needs emergency help.
"""

from __future__ import annotations

from pathlib import Path

from numbwise.parse import parse
from tests.conftest import assess_cli, check_cli, run_cli

OLIVIA = ("I am 35, a woman. Two weeks after a stomach bug, my feet then my hands started tingling 3 days ago; it is "
          "creeping up, and today my legs feel weak on the stairs.")
# Olivia's answers on the urgent path as she gave them, one fact at a time (no to the rising weakness)
OLIVIA_NO = {"age": 35, "sex": "female", "findings": {
    "vomiting_or_diarrhea": True, "recent_infection": True, "numb_feet": True, "both_hands": True,
    "lasting_over_6_weeks": False, "onset_gradual": False, "onset_over_days": True, "leg_weakness": True,
    "getting_worse": True, "spreading_to_other_limbs": True, "weakness_rising_from_legs": False,
    "spreading_within_hours": False, "trouble_breathing_or_swallowing": False}}
# Walkthrough Z (Sam): weak legs getting worse with numb feet over days is call now whatever the answer on the rising
# weakness (em_weak_legs_worsening), so the pages below emergency are read with the legs weak but not getting worse.
STEADY = {**OLIVIA_NO, "findings": {**OLIVIA_NO["findings"], "getting_worse": False}}


def _check(words: str, typed: str) -> str:
    """`numbwise --plain check --describe WORDS` with these keys typed: the printed text, one space between words."""
    return check_cli(typed, "--describe", words, codes=(0, 130))


def test_creeping_up_over_days_is_a_spread_to_other_limbs_not_an_aura() -> None:
    p = parse(OLIVIA)
    assert p.understood.get("spreads_over_minutes") is None, p.understood
    assert p.understood.get("spreading_to_other_limbs") is True, p.understood


def test_near_miss_an_aura_spreading_over_minutes_is_still_a_spread_over_minutes() -> None:
    nadia = ("tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine "
             "headache, it is gone now, same as my usual aura")
    assert parse(nadia).understood.get("spreads_over_minutes") is True
    aura = "I get migraines. 3 days ago the tingling spread slowly up my arm like my usual aura"
    assert parse(aura).understood.get("spreads_over_minutes") is True


def test_her_own_words_are_asked_back_as_weakness_rising_from_her_legs() -> None:
    """Legs weak with tingling creeping up from the feet over days: the emergency reading is shown for her to confirm
    (never set silently), and a yes is an emergency."""
    shown = _check(OLIVIA, "q\n")
    assert "your words point to an emergency" in shown, shown
    assert "creeping up from your feet" in shown, shown
    assert "Did we read you right?" in shown
    sure = _check(OLIVIA, "y\n")
    assert "CALL YOUR EMERGENCY NUMBER NOW" in sure.upper(), sure[-3000:]


def test_the_rising_question_says_what_counts() -> None:
    """The checklist line she reads names legs weak with weakness or tingling creeping up from the feet over days."""
    shown = _check(OLIVIA, "n\n\nq\n")
    line = shown[shown.index("Question 1"):]
    assert "legs are weak" in line and "creeping up from your feet" in line, line[:2500]


def test_a_not_sure_beside_weak_legs_and_a_spread_is_call_now(tmp_path: Path) -> None:
    """Walkthrough AH (Olivia again): weak legs, numb feet and a spread over days with the rising weakness not sure is
    that weakness itself, so call now (em_weak_legs_worsening), the doubt listed for the call handler. Was the not-sure
    caution over "see a doctor today"; a no asked on its own still stands (below)."""
    case = {**STEADY, "findings": {k: v for k, v in STEADY["findings"].items() if k != "weakness_rising_from_legs"},
            "unsure": ["weakness_rising_from_legs"]}
    shown = assess_cli(case, tmp_path)
    assert shown.startswith("URGENCY: CALL EMERGENCY SERVICES NOW"), shown[:300]
    assert "creeping up your body" in shown
    worse = assess_cli({**case, "findings": {**case["findings"], "getting_worse": True}}, tmp_path)
    assert worse.startswith("URGENCY: CALL EMERGENCY SERVICES NOW"), worse[:300]  # weak legs getting worse: call now


def test_below_emergency_the_cause_note_never_says_it_needs_emergency_care(tmp_path: Path) -> None:
    shown = assess_cli(STEADY, tmp_path)
    assert "SEE A DOCTOR TODAY" in shown
    assert "would need emergency care" not in shown, shown
    assert "can get worse quickly" in shown and "trouble breathing or swallowing), call your emergency number now" in shown


def test_a_no_to_the_rising_weakness_beside_weak_legs_says_what_was_answered(tmp_path: Path) -> None:
    shown = assess_cli(STEADY, tmp_path)
    assert "No weakness is spreading up from your legs" not in shown
    assert "You did not say" in shown and "moving up" in shown


def test_near_miss_tingling_feet_for_months_without_weakness_is_no_emergency(tmp_path: Path) -> None:
    words = "I am 60. Both my feet have been tingling for months, it is creeping up to my ankles. My legs are fine."
    p = parse(words)
    assert not p.findings.get("weakness_rising_from_legs"), p.findings
    shown = _check(words, "\n" * 3 + "q\n")
    assert "your words point to an emergency" not in shown


# Step by step, as she answers: nothing in the first list, over hours or days, both whole hands, feet too, spreading
# and weak legs (not getting worse: that is call now at once, walkthrough Z); then the single question that asks the
# rising weakness again on its own.
def _step(alone: str, picked: str = "8 12") -> str:
    keys = ["", "35", "f", "2", "R0 L0", "3", "", picked, "", alone, "1", "", "", "", ""] + ["n"] * 15
    return _check_plain("\n".join(keys) + "\n")


def _check_plain(typed: str) -> str:
    """`numbwise --plain check` (no description) with these keys typed, one space between words."""
    run = run_cli("--plain", "check", "--no-diary", input=typed)
    assert run.code in (0, 130), run.err + run.out
    return " ".join(run.out.split())


def test_step_by_step_a_none_in_the_first_list_is_asked_again_on_its_own_when_her_answers_tell_its_story() -> None:
    shown = _step("y")
    assert shown.count("creeping up over days?") == 1, shown
    assert "URGENCY: CALL EMERGENCY SERVICES NOW" in shown


def test_step_by_step_a_not_sure_to_it_on_its_own_leads_with_the_emergency_caution() -> None:
    shown = _step("?")
    result = shown[shown.index("URGENCY:"):]
    assert result.startswith("URGENCY: NOT SURE ABOUT SOME EMERGENCY SIGNS"), result[:300]
    assert "You did not say that weakness" not in result


def test_step_by_step_a_no_to_it_on_its_own_stands() -> None:
    shown = _step("n")
    assert shown.count("creeping up over days?") == 1
    assert "URGENCY: SEE A DOCTOR TODAY" in shown


def test_step_by_step_weak_legs_getting_worse_call_now_without_asking_again() -> None:
    shown = _step("1", "7 8 12")
    assert "URGENCY: CALL EMERGENCY SERVICES NOW" in shown, shown[-1500:]
    assert "creeping up over days?" not in shown


def test_the_sign_asked_again_alone_says_why_it_comes_again() -> None:
    """A list's no to rising weakness, then weak legs, numb feet and a spread: asked once more on its own, with the
    reason above it (never a bare repeat), and the one allowed repeat is known to the path checks."""
    from numbwise.assess.interview import (ASKED_ALONE, answer, asked_again, asked_back, finding_question,
                                           next_question, start)
    from numbwise.kb import load

    screen = load().interview.steps[0]
    iv = start(35, "female")
    q = next_question(iv)
    assert q is not None and q.id == screen.id
    iv = answer(iv, q, {f: False for f in q.findings})
    for f in ("leg_weakness", "numb_feet", "spreading_to_other_limbs"):
        iv = answer(iv, finding_question(f), {f: True})
    iv = answer(iv, finding_question("onset_gradual"), {"onset_gradual": False})
    alone = next_question(iv)
    assert alone is not None and alone.findings == ("weakness_rising_from_legs",)
    assert asked_back(iv, alone) == ASKED_ALONE
    assert asked_again(answer(iv, alone, {"weakness_rising_from_legs": True})) == {"weakness_rising_from_legs"}
    # near miss: a sign asked only once has no such line
    assert asked_back(iv, finding_question("leg_weakness")) != ASKED_ALONE
