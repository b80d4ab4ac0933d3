"""Walkthrough BN, Maya (44, type 1 diabetes on insulin, feet numb for a year, fingertips tingling now): asked "Do you
have a sore, cut, blister or wound on your foot ... right now?", she answered "not sure". The answer was kept
nowhere (the question asks about no finding), so the result neither said it back nor told her to look at her feet;
only a watch line far below said "see a doctor today if you have or find a sore".

Now the not-sure answer is kept in its step like yes and no (`Interview.foot_unsure`, the case's `foot_unsure`, saved
as "foot_sore": "unsure"); the result keeps its level (a sore she cannot rule out is one she can look for now), says
it back atop the banner with "look at both feet today", and a not-sure group says what to do if she finds one
(triage_rules.yaml foot_sore_lead `unsure_*`; NICE NG19, Diabetes UK). A hit, a near miss and an unknown each.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from numbwise.assess.case import Case
from numbwise.assess.engine import assess_case
from numbwise.assess.interview import answer, choice_answer, from_data, next_question, outcome, to_data, undo
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import run_cli
from tests.test_walk_t_foot_sore import _before_foot

FL = load().triage.foot_sore_lead
assert FL is not None and FL.unsure_caution and FL.unsure_heading and FL.unsure_advice
LOOK = " ".join(FL.unsure_caution.split())
MAYA = {"age": 44, "sex": "female", "findings": {"diabetes": True, "insulin_or_sulfonylurea": True, "numb_feet": True,
                                                 "lasting_over_6_weeks": True, "both_hands": True, "constant": True,
                                                 "onset_sudden": False}}


def _plan(case: dict[str, object]) -> object:
    from numbwise.assess.case import parse_unsure

    parsed, unsure = parse_unsure(case)
    return result_plan(assess_case(parsed), unsure)


def _foot_q_not_sure() -> object:
    iv = _before_foot()
    q = next_question(iv)
    assert q is not None and q.id == "foot_sore"
    return iv, q, answer(iv, q, {})


# --- hit: not sure is said back, look today, the level kept -----------------------------------------------------------

def test_hit_not_sure_is_kept_said_back_and_survives_back_and_replay() -> None:
    iv, q, done = _foot_q_not_sure()
    assert done.foot_unsure and done.foot_sore is None and done.case().foot_unsure
    assert next_question(done) is None  # asked once: not sure is an answer
    again = from_data(json.loads(json.dumps(to_data(done))))
    assert again.foot_unsure and next_question(again) is None
    assert not undo(done).foot_unsure and next_question(undo(done)) == q  # Back takes it away
    level = outcome(iv).triage
    plan = result_plan(outcome(done), done.unsure)
    assert plan.level == level == "routine" and plan.title == "Book a doctor's visit"  # the level is kept
    assert plan.caution.endswith(LOOK) and not plan.foot_today
    group = next(g for g in plan.unsure if g.heading == FL.unsure_heading)
    assert [u.finding for u in group.items] == ["foot_sore"] and group.advice == (" ".join(FL.unsure_advice.split()),)
    assert not any("have or find a sore" in w.text for g in plan.watch_for for w in g.items)  # said once, in the group


def test_hit_the_saved_case_says_unsure_and_assess_and_the_api_schema_take_it(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    path.write_text(json.dumps({**MAYA, "foot_sore": "unsure"}))
    run = run_cli("--plain", "assess", "--case", str(path), "--format", "plan")
    assert run.code == 0, run.err
    plan = json.loads(run.out)
    assert LOOK in plan["caution"] and any(g["heading"] == FL.unsure_heading for g in plan["unsure"])
    from numbwise.web.api import result_schema

    assert "unsure" in result_schema()["properties"]["foot_sore"]["enum"]


def test_hit_a_not_sure_beside_another_doubt_joins_its_doctor_today_group() -> None:
    """A not-sure fever already gives a doctor-today group: the foot item joins it (one heading per level)."""
    plan = _plan({**MAYA, "foot_sore": "unsure", "unsure": ["fever"]})
    urgent = [g for g in plan.unsure if g.level == "urgent"]  # type: ignore[attr-defined]
    assert len(urgent) == 1 and {u.finding for u in urgent[0].items} == {"fever", "foot_sore"}
    assert LOOK in plan.caution  # type: ignore[attr-defined]


# --- near miss: yes and no say nothing of it ---------------------------------------------------------------------------

def test_near_miss_no_and_yes_are_not_not_sure() -> None:
    iv = _before_foot()
    q = next_question(iv)
    assert q is not None
    for pick in (0, 1):
        done = answer(iv, q, choice_answer(q, pick))
        assert not done.foot_unsure
        plan = result_plan(outcome(done), done.unsure)
        assert LOOK not in plan.caution and not any(g.heading == FL.unsure_heading for g in plan.unsure)


def test_near_miss_the_words_said_a_sore_so_nothing_is_not_sure() -> None:
    said = replace(_before_foot(), said_foot=True)
    assert not said.foot_unsure and said.case().foot_sore is True


# --- unknown: without diabetes, or on a call-now page, no foot line ---------------------------------------------------

def test_unknown_without_diabetes_or_numb_feet_the_not_sure_says_nothing() -> None:
    no_diabetes = {**MAYA, "findings": {**MAYA["findings"], "diabetes": False, "insulin_or_sulfonylurea": False},  # type: ignore[dict-item]
                   "foot_sore": "unsure"}
    plan = _plan(no_diabetes)
    assert plan.causes[0].id != "diabetic_neuropathy"  # type: ignore[attr-defined]  # (that cause alone would count)
    assert LOOK not in plan.caution and not any(  # type: ignore[attr-defined]
        g.heading == FL.unsure_heading for g in plan.unsure)  # type: ignore[attr-defined]


def test_unknown_an_emergency_page_has_no_foot_line() -> None:
    case = Case(findings={**MAYA["findings"], "face_drooping": True}, age=44, foot_unsure=True)  # type: ignore[dict-item]
    plan = result_plan(assess_case(case))
    assert plan.level == "emergency" and LOOK not in plan.caution
    assert not any(g.heading == FL.unsure_heading for g in plan.unsure)


def test_a_bad_foot_sore_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**MAYA, "foot_sore": "maybe"}))
    run = run_cli("--plain", "assess", "--case", str(path))
    assert run.code != 0 and "foot_sore" in run.err and '"unsure"' in run.err
