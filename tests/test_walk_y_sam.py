"""Walkthrough Y (reviewer Y3, Sam, 19): tingling in toes and fingers a week after a stomach bug, legs weak on stairs.

He answered 'not sure' to "Your legs are weak, and weakness or tingling is creeping up from your feet" (his toes and
fingers began together) and yes to weak legs and to getting worse. The result said "You were not sure about: your legs
are weak ..." beside "! Your legs are weak", dropped "or your legs quickly get weak" from the call-now list, said "See a
doctor today, even if it is not getting worse", showed only stroke checks under "Check now", and said "You do not have
clumsy hands with an unsteady walk" though he was not sure of an unsteady walk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan, check_cli, result_groups, with_findings

RISING = "weakness_rising_from_legs"
SAM: dict[str, Any] = {"age": 19, "sex": "male", "unsure": [RISING], "findings": {
    "both_hands": True, "numb_feet": True, "leg_weakness": True, "getting_worse": True, "onset_over_days": True,
    "recent_infection": True, "vomiting_or_diarrhea": True}}
# Walkthrough Z: weak legs getting worse with numb feet over days is now call now (em_weak_legs_worsening), so the
# not-sure page these tests read is the same person with weak legs that are not getting worse.
SAM_WORSE = SAM
SAM = with_findings(SAM_WORSE, getting_worse=False)
CALL = "Call your emergency number now if"
EVEN_IF = "even if it is not getting worse"


def _without(case: dict[str, Any], fid: str) -> dict[str, Any]:
    """The same person with one answer left not known."""
    return {**case, "findings": {k: v for k, v in case["findings"].items() if k != fid}}


def _doubt_texts(plan: dict[str, Any]) -> list[str]:
    return [u["text"] for g in plan["unsure"] for u in g["items"] if u["finding"] == RISING]


# 1. The doubt names what is not known, never the weak legs he said yes to


def test_the_doubt_names_the_weakness_creeping_up_not_the_weak_legs(tmp_path: Path) -> None:
    shown = assess_cli(SAM, tmp_path)
    head = shown[:shown.index("Warning signs in your answers")]
    assert "NOT SURE ABOUT SOME EMERGENCY SIGNS" in head and "SEE A DOCTOR TODAY" in head  # the level is kept
    assert "not sure about: whether the weakness in your legs is creeping up your body" in head, head
    assert "not sure about: your legs are weak" not in shown.lower(), shown
    texts = _doubt_texts(assess_plan(SAM, tmp_path))
    assert texts and all(not t.lower().startswith("your legs are weak") for t in texts), texts


def test_near_miss_legs_not_weak_names_weakness_that_started_in_the_legs(tmp_path: Path) -> None:
    texts = _doubt_texts(assess_plan(with_findings(SAM, leg_weakness=False), tmp_path))
    assert texts and all("started in your legs" in t for t in texts), texts


def test_unknown_legs_never_reads_as_a_yes_to_weak_legs(tmp_path: Path) -> None:
    shown = assess_cli(_without(SAM, "leg_weakness"), tmp_path)
    assert "not sure about: your legs are weak" not in shown.lower(), shown
    assert "weakness that started in your legs is creeping up your body" in shown, shown


# 2. "Call your emergency number now if" keeps the legs getting weaker quickly


def test_weak_legs_keep_the_call_now_line_for_legs_getting_weaker(tmp_path: Path) -> None:
    lines = result_groups(SAM, tmp_path)[CALL]
    legs = [t for t in lines if "weak legs get weaker quickly" in t]
    assert legs and "spreads up to your arms, your face" in legs[0], lines
    assert any("breathing gets hard" in t for t in lines), lines


def test_near_miss_sure_of_no_rising_weakness_keeps_the_whole_line(tmp_path: Path) -> None:
    case = {**with_findings(SAM, **{RISING: False}), "unsure": []}
    lines = result_groups(case, tmp_path)[CALL]
    assert any("your weak legs quickly get weaker" in t for t in lines), lines


def test_unknown_legs_keep_legs_quickly_getting_weak(tmp_path: Path) -> None:
    lines = result_groups(_without(SAM, "leg_weakness"), tmp_path)[CALL]
    assert any("your legs quickly get weak" in t for t in lines), lines


# 3. "even if it is not getting worse" is never said to a person who said it is


def test_getting_worse_is_never_told_even_if_it_is_not_getting_worse(tmp_path: Path) -> None:
    shown = assess_cli(with_findings(SAM_WORSE, leg_weakness=False), tmp_path)  # weak legs too: call now (walk Z)
    assert "can be the start of Guillain-Barre syndrome" in shown and EVEN_IF not in shown, shown


def test_near_miss_not_getting_worse_keeps_even_if(tmp_path: Path) -> None:
    assert EVEN_IF in assess_cli(with_findings(SAM, getting_worse=False), tmp_path)


def test_unknown_getting_worse_keeps_even_if(tmp_path: Path) -> None:
    assert EVEN_IF in assess_cli(_without(SAM, "getting_worse"), tmp_path)


# 4. "Check now" gives checks for the sign he was not sure of, the stroke checks only for a stroke sign


def _check_now(typed: str) -> str:
    shown = check_cli(typed, codes=(0, 130))
    start = shown.index("Check now")
    ends = [i for i in (shown.find("About you", start), shown.find("Question 2", start)) if i > 0]
    return shown[start:min(ends)]


def test_check_now_for_rising_weakness_has_its_own_check_not_the_stroke_checks() -> None:
    box = _check_now("?14\n\nq\n")
    assert "Weakness creeping up" in box and "smile in a mirror" not in box, box
    assert "call your emergency number now" in box


def test_near_miss_a_stroke_sign_not_sure_of_keeps_the_stroke_checks() -> None:
    box = _check_now("?1 ?14\n\nq\n")
    assert "smile in a mirror" in box and "Weakness creeping up" in box, box


def test_a_sign_the_stroke_checks_do_not_cover_gets_its_own_check_not_the_stroke_checks() -> None:
    """Trouble breathing was asked again in its own words; it now has a check of its own (walkthroughs AA/AB)."""
    from numbwise.assess.interview import check_text

    box = _check_now("?15\n\nq\n")
    own = check_text("trouble_breathing_or_swallowing")
    assert own and own in box and "smile in a mirror" not in box, box
    assert "call your emergency number now" in box


# 5. A combined "no" is not said beside a part of it he was not sure of


def test_no_combined_no_beside_an_unsteady_walk_not_sure_of(tmp_path: Path) -> None:
    case = {**with_findings(SAM, clumsy_hands_and_unsteady_walk=False, hand_weakness=False),
            "unsure": [RISING, "unsteady_walking"]}
    shown = assess_cli(case, tmp_path)
    assert "You do not have clumsy hands with an unsteady walk" not in shown, shown


def test_near_miss_unsteady_walk_answered_no_keeps_the_combined_no(tmp_path: Path) -> None:
    case = with_findings(SAM, clumsy_hands_and_unsteady_walk=False, hand_weakness=False, unsteady_walking=False)
    plan = assess_plan(case, tmp_path)
    away = [r["text"] for c in plan["causes"] for r in c["away"]]
    assert "You do not have clumsy hands with an unsteady walk." in away, away
