"""Walkthrough N (reviewer N3, Kofi): a hurt wrist whose numbness started at a time he cannot name is the injury's
story, not a stroke's. Kofi, 33, fell on his outstretched hand playing football yesterday; the wrist is swollen and
sore, his fingers tingle, no cast. He picked "I woke up with it, or I don't know how fast it came" and was "not sure"
his grip is weak (it hurts to grip). The result turned that into the stroke sign "? It started suddenly" under "call
your emergency number now", while a sure "Suddenly" gives the injury's own "Go to A&E now". Through `numbwise assess
--case FILE` (plan, json and text), with near misses: Sam (no injury) keeps the stroke framing, and so does a
not-sure drooping face beside the injury."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.triage import triage
from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan

KOFI: dict[str, Any] = {"age": 33, "sex": "male", "unsure": ["onset_sudden", "hand_weakness"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "recent_arm_injury_or_cast": True,
    "constant": True, "cast_tight_or_severe_pain": False, "face_drooping": False, "speech_difficulty": False,
    "arm_or_leg_weakness_sudden": False, "onset_gradual": False, "onset_over_days": False}}
# The same Kofi who knew it came on over hours: the urgent injury rule's own banner
KOFI_HOURS: dict[str, Any] = {**KOFI, "unsure": ["hand_weakness"],
                              "findings": {**KOFI["findings"], "onset_sudden": False, "onset_over_days": True}}
# Sam, 45: woke with one hand tingling, still there, no injury; not sure how it started
SAM: dict[str, Any] = {"age": 45, "sex": "male", "unsure": ["onset_sudden", "hand_weakness"], "findings": {
    "one_hand": True, "constant": True, "face_drooping": False, "speech_difficulty": False,
    "arm_or_leg_weakness_sudden": False}}
STROKE_CHECK = "Does one side droop?"
CALL_NOW = "If you think any of these might be happening, call your emergency number now."



def _act(rule_id: str) -> Any:
    return next(r.act for r in load().triage.rules if r.id == rule_id)


def _groups(plan: dict[str, Any]) -> dict[str, list[str]]:
    """Each not-sure group's level -> the findings in it."""
    return {g["level"]: [u["finding"] for u in g["items"]] for g in plan["unsure"]}


def test_what_a_yes_gives_kofi_is_the_injurys_a_and_e_act_not_a_stroke_rule() -> None:
    """The premise of finding 1: a sure 'Suddenly' (and a weak grip beside it) sets the injury's emergency only."""
    assert triage({**KOFI["findings"], "onset_sudden": True}, 33).rules == ("em_sudden_after_arm_injury",)
    both = triage({**KOFI["findings"], "onset_sudden": True, "hand_weakness": True}, 33)
    assert both.level == "emergency" and both.rules == ("em_sudden_after_arm_injury",)  # not the stroke's weak hand
    # near miss: without the injury a sudden weak hand is still the stroke rule
    sam = triage({**SAM["findings"], "onset_sudden": True, "hand_weakness": True}, 45)
    assert "em_sudden_weakness" in sam.rules and "em_sudden_after_arm_injury" not in sam.rules


def test_kofis_not_sure_start_gets_the_injurys_own_words_and_a_and_e_now_not_the_stroke_signs(tmp_path: Path) -> None:
    """Finding 1: the caution is the injury rule's `if_unsure`, the banner is what a yes gives (A&E now), and no stroke
    checks, no 'call your emergency number now' caution, no 'unless you call your emergency number'."""
    act = _act("em_sudden_after_arm_injury")
    assert act.if_unsure and "A&E" in act.if_unsure and "now" in act.if_unsure
    plan = assess_plan(KOFI, tmp_path)
    assert plan["caution"] == " ".join(act.if_unsure.split())
    assert (plan["title"], plan["action"]) == (act.title, act.action)  # never below what a yes gives
    assert plan["leads"] == "emergency" and plan["next_steps"] == []  # no diary beside "go now"
    text = assess_cli(KOFI, tmp_path)
    assert "GO TO A&E (THE EMERGENCY DEPARTMENT) NOW" in text.split("By when: ")[0]
    for said in (STROKE_CHECK, CALL_NOW, "UNLESS YOU CALL YOUR EMERGENCY NUMBER", "NOT SURE ABOUT SOME EMERGENCY SIGNS",
                 "sign of a stroke", "mini-stroke", "in your diary"):
        assert said not in text, said
    assert text.count("? How fast it started") == 1  # the doubt is still said back, once


def test_kofis_not_sure_grip_is_not_an_emergency_sign_beside_the_injury(tmp_path: Path) -> None:
    """Finding 2: the grip's doubt, with the start not known, set the stroke's 'sudden weak hand'; the injury explains
    it (a yes to both gives the injury's A&E, not a stroke rule), so it is said back for the doctor, not as 'call now'."""
    plan = assess_plan(KOFI, tmp_path)
    groups = _groups(plan)
    assert "hand_weakness" not in groups.get("emergency", []) and "hand_weakness" in groups.get("urgent", [])
    assert groups.get("emergency") == ["onset_sudden"]
    text = assess_cli(KOFI, tmp_path)
    assert text.count("? Your grip is weak") == 1
    assert "You were not sure about these emergency signs" not in text.split("? Your grip is weak")[0].split(
        "? How fast it started")[-1]


def test_a_grip_that_only_hurts_is_explained_in_the_questions_help() -> None:
    """Finding 2: the question's help says pain can make a grip weak after an injury, and how to answer."""
    help_text = " ".join(load().findings["hand_weakness"].help.split())
    assert "injur" in help_text and "pain" in help_text and "not sure" in help_text, help_text


def test_near_misses_keep_the_stroke_framing(tmp_path: Path) -> None:
    """Sam (no injury) and Kofi not sure about a drooping face too: a stroke's signs are in doubt, so the stroke
    checks and 'call your emergency number now' stay."""
    sam = assess_plan(SAM, tmp_path)
    assert sam["caution_now"] and sam["numbers"] and "hand_weakness" in _groups(sam)["emergency"]
    face = {**KOFI, "unsure": [*KOFI["unsure"], "face_drooping"],
            "findings": {k: v for k, v in KOFI["findings"].items() if k != "face_drooping"}}
    plan = assess_plan(face, tmp_path)
    assert plan["caution"] != " ".join((_act("em_sudden_after_arm_injury").if_unsure or "").split())
    assert plan["numbers"] and "face_drooping" in _groups(plan)["emergency"]
    text = assess_cli(face, tmp_path)
    assert STROKE_CHECK in text and CALL_NOW in text


def test_the_cast_route_reads_as_a_question_for_someone_without_a_cast(tmp_path: Path) -> None:
    """Finding 3: 'Do you already have a cast ...? Then call the team' and 'If the cast is too tight' read as if he had
    one; both read as a condition: 'If you have a cast ...'."""
    text = assess_cli(KOFI_HOURS, tmp_path)
    assert "Do you already have a cast" not in text and "If the cast is too tight" not in text
    assert "If you already have a cast" in text
    assert "X-ray" in text.split("By when: ")[0]  # his own route, a new injury, still comes first


def test_wrist_drop_is_explained_where_the_cause_is_named() -> None:
    """Finding 4: 'Radial nerve palsy (wrist drop)' named bare; the name says what a wrist drop is."""
    name = load().causes["radial_nerve_palsy"].name
    assert "wrist drop" in name and "hangs" in name, name


def test_the_not_sure_start_after_a_fall_is_checked_in_the_injurys_words(tmp_path: Path) -> None:
    """Finding 1: under the not-sure start, the injury's own check (`unsure_check`), not the start's own check
    ('a sign of a stroke', attacks in the cold); Sam keeps the start's own check."""
    check = _act("em_sudden_after_arm_injury").unsure_check
    assert check and "injury" in check  # a fall, a blow or a cut (walkthrough BC, Pete)
    own = " ".join((load().findings["onset_sudden"].how_to_check or "").split())
    kofi = next(g for g in assess_plan(KOFI, tmp_path)["unsure"] if g["level"] == "emergency")
    assert kofi["advice"] == [" ".join(check.split())]
    sam = next(g for g in assess_plan(SAM, tmp_path)["unsure"] if g["level"] == "emergency")
    assert own in sam["advice"] and " ".join(check.split()) not in sam["advice"]


def test_an_unsure_check_needs_the_rules_own_words_for_a_doubt(kb_copy: Path) -> None:
    """The loader refuses an `unsure_check` on an act with no `if_unsure` (the check would stand under a call-now
    caution that is not the rule's)."""
    from numbwise.kb import KnowledgeError, load_from

    text = (kb_copy / "triage_rules.yaml").read_text()
    start = text.index("      if_unsure: >-\n        You were not sure how fast")
    end = text.index("      lead_if_unsure: true\n      why_if_unsure: >-\n        Numbness that may")
    (kb_copy / "triage_rules.yaml").write_text(text[:start] + text[end:])
    try:
        load_from(kb_copy)
    except KnowledgeError as exc:
        assert any("em_sudden_after_arm_injury" in p and "unsure_check needs if_unsure" in p for p in exc.problems)
    else:
        raise AssertionError("an unsure_check without if_unsure was accepted")
