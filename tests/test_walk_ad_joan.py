"""Walkthrough AD (independent reviewer, Joan, 67, on oxaliplatin: fingers and toes tingling since her third cycle,
worse with cold, no fever): the routine result said only "book an appointment with your doctor ... within days to two
weeks", with nothing about her cancer team, who may change the next dose (lifespan_chemo_nerves). The routine level's
lines are now worded for chemotherapy (triage_rules.yaml `levels.routine.reworded`)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import assess_plan

JOAN = {"age": 67, "sex": "female", "unsure": ["hand_weakness"], "findings": {
    "chemotherapy": True, "both_hands": True, "numb_feet": True, "fever": False, "onset_gradual": True,
    "triggered_by_cold_or_stress": True}}
TWO_WEEKS = "two weeks"


def test_during_chemotherapy_the_routine_result_says_tell_the_cancer_team_before_more(tmp_path: Path) -> None:
    plan = assess_plan(JOAN, tmp_path)
    assert plan["level"] == "routine"
    assert "cancer team" in plan["action"] and "before any more chemotherapy" in plan["action"]
    assert TWO_WEEKS not in plan["action"] and TWO_WEEKS not in plan["by_when"]
    assert any("cancer team" in d for d in plan["do"])


def test_near_miss_no_chemotherapy_keeps_the_levels_own_words(tmp_path: Path) -> None:
    case = {**JOAN, "findings": {**JOAN["findings"], "chemotherapy": False, "diabetes": True}}  # type: ignore[dict-item]
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "routine" and "cancer team" not in plan["action"] and TWO_WEEKS in plan["action"]


def test_unknown_chemotherapy_not_sure_says_nothing_of_a_cancer_team(tmp_path: Path) -> None:
    findings = {k: v for k, v in JOAN["findings"].items() if k != "chemotherapy"}  # type: ignore[union-attr]
    plan = assess_plan({**JOAN, "findings": {**findings, "diabetes": True}, "unsure": ["chemotherapy"]}, tmp_path)
    assert "cancer team" not in plan["action"]


# Walkthrough AE (Joan again, "no fever", the tingling came on over days): the urgent hands-and-feet line said only
# "Guillain-Barre ... often follows an infection" and "call your doctor's office or an urgent care clinic". During or
# after chemotherapy the reason names the medicine first, and the urgent level's call is the cancer team.

DAYS = {**JOAN, "findings": {**JOAN["findings"], "onset_gradual": False, "onset_over_days": True}}  # type: ignore[dict-item]


def test_urgent_over_days_during_chemotherapy_calls_the_cancer_team_and_names_the_medicine(tmp_path: Path) -> None:
    plan = assess_plan(DAYS, tmp_path)
    assert plan["level"] == "urgent" and "cancer team" in plan["action"]
    assert any("cancer team" in d for d in plan["do"]) and not any("urgent care clinic today" in d for d in plan["do"])
    why = " ".join(plan["why"])
    assert "chemotherapy" in why and "Guillain-Barre" in why and "often follows an infection" not in why


def test_near_miss_urgent_over_days_without_chemotherapy_keeps_the_plain_words(tmp_path: Path) -> None:
    case = {**DAYS, "findings": {**DAYS["findings"], "chemotherapy": False}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "urgent" and "cancer team" not in plan["action"]
    assert "often follows an infection" in " ".join(plan["why"])
