"""Walkthrough N (an independent reviewer using `numbwise check`): a more worrying answer never gives a less urgent
banner (Sam's weak grip turned "call now" into "see a doctor today"), numbness that built up over hours beside a
not-sure stroke sign is a possible stroke now, and each not-sure answer is said once, never twice with opposite
advice and never dropped (Kofi's weak grip), through `numbwise assess --case FILE` (plan, json and text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan, with_findings
from tests.test_result_unsure import SPEECH_MAYBE_YESTERDAY



def _level(case: dict[str, Any], tmp_path: Path) -> str:
    """The level `numbwise assess --case FILE --format json` gives these answers."""
    return str(json.loads(assess_cli(case, tmp_path, "json"))["triage"])


def _now_title() -> str:
    """The call-now banner's title (triage_rules.yaml unsure_lead.emergency.now_title)."""
    from numbwise.kb import load

    title = load().triage.unsure_lead["emergency"].now_title
    assert title
    return title



def _items(plan: dict[str, Any]) -> list[str]:
    """Every not-sure answer the result names in its groups, once per group it is in."""
    return [u["finding"] for g in plan["unsure"] for u in g["items"]]


# Sam, 45: his left hand has tingled since he woke up (one hand, still there); "not sure" how it started and "not
# sure" his arm or leg went suddenly weak; and his grip is weak.
SAM = {"age": 45, "sex": "male", "unsure": ["arm_or_leg_weakness_sudden", "onset_sudden"], "findings": {
    "one_hand": True, "constant": True, "face_drooping": False, "speech_difficulty": False}}
SAM_GRIP = with_findings(SAM, hand_weakness=True)
# The same Sam who chose "Over hours or a few days" (the one-answer choice says no to the other two starts).
SAM_HOURS = {**SAM, "unsure": ["arm_or_leg_weakness_sudden"],
             "findings": {**SAM["findings"], "onset_over_days": True, "onset_sudden": False, "onset_gradual": False}}
# Kofi, 34: fell on his hand, the wrist is swollen and his fingers tingle; "not sure" how it started, "not sure" his
# grip is weak.
KOFI = {"age": 34, "sex": "male", "unsure": ["onset_sudden", "hand_weakness"], "findings": {
    "one_hand": True, "recent_arm_injury_or_cast": True, "face_drooping": False, "speech_difficulty": False,
    "arm_or_leg_weakness_sudden": False}}
KOFI_HOURS = {**KOFI, "unsure": ["hand_weakness"],
              "findings": {**KOFI["findings"], "onset_over_days": True, "onset_sudden": False, "onset_gradual": False}}


def test_a_weak_grip_never_turns_sams_call_now_into_see_a_doctor_today(tmp_path: Path) -> None:
    """Finding 1: the weak grip sets an urgent rule, and the banner fell to 'unless you call: see a doctor today'
    beside its own 'numbness whose start you do not know can be a stroke ... call now'."""
    assert assess_plan(SAM, tmp_path)["caution_now"]  # without the weak grip: call now
    assert _level(SAM_GRIP, tmp_path) == "urgent"
    plan = assess_plan(SAM_GRIP, tmp_path)
    assert plan["level"] == "urgent" and plan["title"] == _now_title() and plan["by_when"] == "Now."
    assert plan["caution_now"] and not plan["caution_today"] and plan["numbers"]
    assert plan["next_steps"] == [] and plan["watch_for"] == []
    # the emergency level's own to-do list, never the urgent level's (walkthrough U, Jon: tests/test_walk_u_nowdo.py)
    from numbwise.kb import load

    assert not set(plan["do"]) & set(load().triage.levels["urgent"].do) and "Do not drive yourself to the hospital." \
        in plan["do_not"]
    text = assess_cli(SAM_GRIP, tmp_path)
    banner = text.split("By when: ")[0]
    assert "CALL YOUR EMERGENCY NUMBER NOW" in banner and "UNLESS YOU CALL" not in text
    assert "Even if none of the signs" not in text and "in your diary" not in text
    assert "Your hands have been weak or clumsy" in text  # the sign that set the urgent rule is still shown
    # and no reason under it reads as the slower path ("needs a doctor today"); nor under Kofi's "Go to A&E now",
    # which covers his urgent injury rule (walkthrough O: tests/test_walk_o_lead.py)
    assert "doctor today" not in text.split("Why this level")[1].split("What may be causing it")[0]
    assert "today" not in " ".join(assess_plan(KOFI, tmp_path)["why"]) and "now" in assess_plan(KOFI, tmp_path)["why"][0]


def test_a_known_start_after_a_fall_both_hands_or_a_slow_start_keep_see_a_doctor_today(tmp_path: Path) -> None:
    """The near misses of finding 1: the injury explains the start (Kofi fell on his hand: the injury's own A&E act),
    numbness in both hands (the urgent level's own 'see a doctor today'), a start known to be slow and old (a routine
    weak grip): no stroke's call now."""
    kofi = with_findings(KOFI, hand_weakness=True)
    kofi["unsure"] = ["onset_sudden"]
    for case in (KOFI, kofi, with_findings(SAM_GRIP, one_hand=False, both_hands=True),
                 {**SAM_GRIP, "unsure": ["arm_or_leg_weakness_sudden"],
                  "findings": {**SAM_GRIP["findings"], "onset_gradual": True, "onset_sudden": False,
                               "lasting_over_6_weeks": True}}):
        plan = assess_plan(case, tmp_path)
        assert plan["level"] == ("routine" if "lasting_over_6_weeks" in case["findings"] else "urgent"), case
        assert not plan["caution_now"] and plan["title"] != _now_title() and plan["by_when"] != "Now.", case
    # a start not known after the fall leads with the injury's own act, as a sure "Suddenly" does (walkthrough N,
    # reviewer N3: test_walk_n_injury.py), never the stroke's "unless you call your emergency number"
    assert assess_plan(kofi, tmp_path)["title"] == "Go to A&E (the emergency department) now"


def test_numbness_that_built_up_over_hours_beside_a_not_sure_stroke_sign_means_call_now(tmp_path: Path) -> None:
    """Finding 2: 'Over hours or a few days' gave 'get medical help today ... may have happened and then gone away'
    though the numbness is still there: a stroke can build up over hours, so one path, call now."""
    plan = assess_plan(SAM_HOURS, tmp_path)
    assert plan["title"] == _now_title() and plan["caution_now"] and not plan["caution_today"]
    assert "over hours" in plan["action"] and "whose start you do not know" not in plan["action"]
    text = assess_cli(SAM_HOURS, tmp_path)
    assert "GET MEDICAL HELP TODAY" not in text and "may have happened and then gone away" not in text
    assert "CALL YOUR EMERGENCY NUMBER NOW" in text.split("By when: ")[0]


def test_slow_coming_and_going_or_pressure_numbness_keeps_help_today(tmp_path: Path) -> None:
    """The near misses of finding 2: slow over weeks (Walter), attacks that come and go, a start after pressure on
    the arm, or numbness there for more than six weeks, keep help today (a sign that may have come and gone)."""
    walter = assess_plan(SPEECH_MAYBE_YESTERDAY, tmp_path)
    assert walter["caution_today"] and not walter["caution_now"]
    for case in (with_findings(SAM_HOURS, constant=False, comes_and_goes=True), with_findings(SAM_HOURS, after_pressure_on_arm=True),
                 with_findings(SAM_HOURS, lasting_over_6_weeks=True)):
        plan = assess_plan(case, tmp_path)
        assert not plan["caution_now"] and plan["title"] != _now_title(), case


def test_kofis_not_sure_grip_is_said_once_not_twice_with_opposite_advice(tmp_path: Path) -> None:
    """Finding 3: the weak grip was under the emergency signs ('call now') and again under 'you were also not sure
    about these signs ... tell the doctor about them too'."""
    plan = assess_plan(KOFI, tmp_path)
    items = _items(plan)
    assert items.count("hand_weakness") == 1 and items.count("onset_sudden") == 1
    # after his fall the grip's doubt is the injury's, not the stroke's sudden weak hand (reviewer N3,
    # test_walk_n_injury.py): said back once, for the doctor, never also under the emergency signs
    assert plan["unsure"][0]["level"] == "emergency" and [u["finding"] for u in plan["unsure"][0]["items"]] == ["onset_sudden"]
    text = assess_cli(KOFI, tmp_path)
    assert text.count("? Your grip is weak") == 1 and text.count("? How fast it started") == 1


def test_kofis_not_sure_grip_after_a_start_over_hours_is_still_said(tmp_path: Path) -> None:
    """Finding 3, the other half: with 'Over hours or a few days' the not-sure grip changes no level, and it vanished
    from the result; a yes would still add a reason a doctor should hear (a nerve may be damaged): said back once."""
    plan = assess_plan(KOFI_HOURS, tmp_path)
    assert plan["level"] == "urgent" and _items(plan) == ["hand_weakness"]
    text = assess_cli(KOFI_HOURS, tmp_path)
    assert text.count("? Your grip is weak") == 1 and "Tell the doctor about them too." in text
    # near miss: a 'not sure' whose yes would change nothing the rules say is not said back for the doctor as a sign
    # (one hand, already known); it is only named among the other answers not sure of (walkthrough Q)
    from numbwise.assess.result import NOTED

    calm = assess_plan({**KOFI_HOURS, "unsure": ["worse_at_night"]}, tmp_path)
    assert [(g["level"], [u["finding"] for u in g["items"]]) for g in calm["unsure"]] == [(NOTED, ["worse_at_night"])]
