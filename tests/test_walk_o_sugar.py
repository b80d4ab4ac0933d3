"""Walkthrough O (reviewer O1, Priya): low blood sugar now, maybe confused, is treated now, never "get help today".

Priya, 35, has type 1 diabetes and takes insulin. In her own words: "feel shaky and sweaty, my fingers and lips are
tingling, skipped lunch". She was not sure whether she is confused, and did not tick "cold sweat" (she read it as a
heart sign). The result said "Get medical help today ... it may have been a mini-stroke ... if a drooping face ...
comes back", listed "You have no cold sweat" as a reason against low blood sugar, watched for "a cold sweat", and
said "If you have diabetes" to someone who had said she has it. New confusion is an emergency whatever the start
(policy clarification 7), and beside signs of low blood sugar the first thing to do is treat it (NHS: something
sugary at once, check again after 10 to 15 minutes, call 999 if confused or not better). Through the real entry
points (`numbwise assess --case FILE`, the parser), with near misses: a yes to confusion (emergency, first aid first),
a no (its own routine level), and a not-sure confusion without signs of low blood sugar (the stroke caution).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.triage import triage
from numbwise.kb import load
from numbwise.parse import parse
from tests.conftest import assess_cli, assess_plan

FINDINGS: dict[str, Any] = {"numb_around_mouth": True, "both_hands": True, "low_sugar_symptoms": True, "diabetes": True,
                            "insulin_or_sulfonylurea": True, "cold_sweat_nausea": False}
PRIYA: dict[str, Any] = {"age": 35, "sex": "female", "findings": FINDINGS, "unsure": ["confusion"]}
# the walkthrough's own path: not sure how fast it came on either
PRIYA_WALK: dict[str, Any] = {**PRIYA, "unsure": ["confusion", "onset_sudden"],
                              "findings": {**FINDINGS, "episode_resolved_within_hour": False}}
PRIYA_YES: dict[str, Any] = {**PRIYA, "unsure": [], "findings": {**FINDINGS, "confusion": True}}
PRIYA_NO: dict[str, Any] = {**PRIYA, "unsure": [], "findings": {**FINDINGS, "confusion": False}}
# near miss: not sure of confusion, no signs of low blood sugar
NO_SUGAR: dict[str, Any] = {**PRIYA, "findings": {**FINDINGS, "low_sugar_symptoms": False}}
WORDS = "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"
STROKE_STORY = ("mini-stroke", "GET MEDICAL HELP TODAY", "comes back, call your emergency number now", "By when: Today")



def _act(rule_id: str) -> Any:
    return next(r.act for r in load().triage.rules if r.id == rule_id)


def test_a_yes_to_confusion_with_low_sugar_signs_is_the_low_sugar_emergency() -> None:
    """The premise: a yes sets an emergency whose own act is the low-sugar first aid, with its not-sure words."""
    rules = triage(PRIYA_YES["findings"], 35).rules
    assert "em_low_sugar_confused" in rules and "em_low_sugar_signs" not in rules  # said once
    act = _act("em_low_sugar_confused")
    assert act.lead_if_unsure and act.if_unsure and act.why_if_unsure and act.unsure_check


def test_priyas_not_sure_confusion_leads_with_sugar_now_and_when_to_call(tmp_path: Path) -> None:
    """Finding 1: the banner is the low-sugar first aid now and "call if you might be confused or are not better",
    not a mini-stroke story and not "today"."""
    act = _act("em_low_sugar_confused")
    for case in (PRIYA, PRIYA_WALK):
        plan = assess_plan(case, tmp_path)
        # the step's call line: how it started is not known, so a sudden start calls now too (walkthrough AB)
        assert plan["leads"] == "emergency" and (plan["title"], plan["action"]) == (act.title_if_unsure, _onset_line())
        assert "sugary" in plan["action"] and "confused" in plan["action"] and "not better" in plan["action"]
        assert plan["next_steps"] == [] and plan["caution_today"] is False
        assert plan["numbers"]  # the banner says when to call: the call links go with it
        text = assess_cli(case, tmp_path)
        top = text.split("Why this level")[0]
        assert top.index(act.title_if_unsure.upper()) < top.index("sugary drink")
        for said in STROKE_STORY:
            assert said not in text, said
        assert text.count("? You feel confused, and this is new") == 1  # the doubt is said back once
    assert assess_plan(PRIYA, tmp_path)["caution"] == " ".join(act.if_unsure.split())
    # the other doubt (a sudden start) stays under the call-now line
    assert "If you think any of these might be happening, call your emergency number now." in assess_cli(PRIYA_WALK, tmp_path)


def test_a_yes_to_confusion_puts_first_aid_first_and_knows_she_has_diabetes(tmp_path: Path) -> None:
    """Near miss (yes) and finding 3: call now, the sugar line first in what to do, no "if you have diabetes"."""
    plan = assess_plan(PRIYA_YES, tmp_path)
    assert plan["level"] == "emergency" and plan["numbers"]
    assert "sugary drink" in plan["do"][0]
    text = assess_cli(PRIYA_YES, tmp_path)
    assert "If you have diabetes" not in text and "sugary drink" in text


def test_diabetes_known_drops_if_you_have_diabetes_from_the_cold_sweat_sugar_line(tmp_path: Path) -> None:
    """Finding 3 on the cold-sweat path (walkthrough O, Priya A): diabetes said yes, the line does not ask it."""
    case = {"age": 35, "sex": "female", "findings": {"cold_sweat_nausea": True, "diabetes": True}}
    text = assess_cli(case, tmp_path)
    assert "sugary drink" in text and "If you have diabetes" not in text
    unknown = {"age": 35, "sex": "female", "findings": {"confusion": True}}
    assert "If you have diabetes" in assess_cli(unknown, tmp_path)  # not known, and confused: still asked in the line
    # a cold sweat alone with diabetes not known: no sugar line at all (walkthrough Y, Peter: tests/test_walk_y_peter.py)
    assert "sugary drink" not in assess_cli({**unknown, "findings": {"cold_sweat_nausea": True}}, tmp_path)


def test_a_no_to_confusion_keeps_its_own_level(tmp_path: Path) -> None:
    """Near miss (no): low sugar signs, not confused: the routine low-sugar rule, no emergency lead."""
    plan = assess_plan(PRIYA_NO, tmp_path)
    assert plan["level"] == "routine" and plan["leads"] == "" and not plan["caution"]


def test_not_sure_confusion_without_low_sugar_signs_keeps_the_stroke_caution(tmp_path: Path) -> None:
    """Near miss: without signs of low blood sugar the low-sugar act does not lead."""
    plan = assess_plan(NO_SUGAR, tmp_path)
    assert plan["title"] != _act("em_low_sugar_confused").title and plan["leads"] == ""


def test_sweating_from_low_sugar_is_not_a_reason_against_it_nor_a_watch_line(tmp_path: Path) -> None:
    """Finding 2: with low-sugar signs a "no" to cold sweat is not listed against low blood sugar, and the watch
    list does not ask her to call for a cold sweat beside her sweating without saying what is different."""
    for case in (PRIYA, PRIYA_NO):
        text = assess_cli(case, tmp_path)
        assert "You have no cold sweat" not in text
        assert "or a cold sweat, sickness or light-headedness with the numbness" not in text
    assert "You have no cold sweat" in assess_cli(NO_SUGAR, tmp_path)  # near miss: said without low-sugar signs


def test_priyas_own_words_read_low_blood_sugar_not_a_cold_sweat() -> None:
    """Finding 2: shaky and sweaty with a missed meal says the spell; a low sugar said outright does too; either part
    alone is still only part of it (asked), and her sweating is not a cold sweat."""
    p = parse(WORDS)
    assert p.findings.get("low_sugar_symptoms") is True and p.findings.get("cold_sweat_nausea") is not True
    for words in ("my sugar is low", "I think I'm having a hypo", "shaky and sweaty, I missed a meal",
                  "I skipped breakfast and now I'm shaky"):
        assert parse(words).findings.get("low_sugar_symptoms") is True, words
    for words in ("I skipped lunch", "I feel shaky and sweaty"):
        q = parse(words)
        assert "low_sugar_symptoms" not in q.findings and "low_sugar_symptoms" in q.partial, words


def test_a_saved_check_repeats_the_low_sugar_banner() -> None:
    """Pages that repeat a saved check (exercises) show the banner the result showed, not a mini-stroke's."""
    from numbwise.assess.result import saved_act

    act = _act("em_low_sugar_confused")
    assert saved_act("routine", PRIYA) == (act.title_if_unsure, _onset_line())
    assert saved_act("routine", PRIYA_WALK) == (act.title_if_unsure, _onset_line())


def _onset_line() -> str:
    """The low-sugar call line while how it started is not known (interview.yaml `sugar_first.action_onset_unknown`)."""
    first = load().interview.sugar_first
    assert first is not None and first.action_onset_unknown is not None
    return " ".join(first.action_onset_unknown.split())
