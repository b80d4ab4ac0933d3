"""Walkthrough AB, Priya: the low-sugar step between questions said to call "if the numbness came on suddenly", while
how it started was not known; the result's headline action then left that out."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import assess_plan

PRIYA = {"age": 35, "sex": "female", "findings": {"low_sugar_symptoms": True, "both_hands": True},
         "unsure": ["confusion", "onset_sudden"]}


def _action(case: dict[str, object], tmp_path: Path) -> str:
    return " ".join(assess_plan(case, tmp_path)["action"].split())


def test_a_start_not_known_keeps_the_sudden_start_in_the_sugar_call_line(tmp_path: Path) -> None:
    action = _action(PRIYA, tmp_path)
    assert "sugary" in action and "if the numbness came on suddenly" in action


def test_near_miss_a_start_answered_not_sudden_leaves_it_out(tmp_path: Path) -> None:
    case = {**PRIYA, "findings": {**PRIYA["findings"], "onset_sudden": False, "onset_gradual": True},  # type: ignore[dict-item]
            "unsure": ["confusion"]}
    action = _action(case, tmp_path)
    assert "sugary" in action and "came on suddenly" not in action
