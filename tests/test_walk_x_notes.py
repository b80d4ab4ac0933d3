"""Walkthrough X (reviewer X1, Marcus): an emergency-type cause's note for a start not known says what can be done.

The top said "how it first began is not an emergency now" (two weeks of attacks on the stairs), and the note under an
emergency-type cause said "You were not sure about: How fast it started. If that might be true, call your emergency
number now". A start is a past fact: the note now speaks of new numbness for numbness a week or more old, and in the
past tense otherwise. Near miss: a stroke sign not sure of keeps "if that might be true".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan

MARCUS: dict[str, Any] = {"age": 58, "sex": "male", "days_so_far": 14, "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_arm": True, "smoker": True, "vascular_risk": True, "arm_discomfort_on_exertion": True,
    "comes_and_goes": True, "episode_resolved_within_hour": True, "numb_whole_hand": True}}


def _notes(plan: dict[str, Any]) -> list[str]:
    return [c["note"] for c in plan["causes"] if c.get("note")]


def test_a_start_weeks_ago_is_never_if_that_might_be_true(tmp_path: Path) -> None:
    notes = _notes(assess_plan(MARCUS, tmp_path))
    assert notes and not any("If that might be true" in n for n in notes), notes
    by = {c["id"]: c.get("note", "") for c in assess_plan(MARCUS, tmp_path)["causes"]}
    # how it started is a stroke's sign: a heart attack's note says its own signs (walkthrough AW, Omar)
    assert all("If new numbness starts suddenly" in n for cid, n in by.items() if n and cid != "heart_attack"), by
    assert "If new numbness starts suddenly" not in by.get("heart_attack", ""), by


def test_a_fresh_start_not_known_is_said_in_the_past_tense(tmp_path: Path) -> None:
    notes = _notes(assess_plan({**MARCUS, "days_so_far": 2}, tmp_path))
    assert not any("If that might be true" in n for n in notes), notes


def test_near_miss_a_stroke_sign_not_sure_of_keeps_if_that_might_be_true(tmp_path: Path) -> None:
    case = {**MARCUS, "unsure": ["onset_sudden", "speech_difficulty"]}
    notes = _notes(assess_plan(case, tmp_path))
    assert any("If that might be true" in n for n in notes), notes
