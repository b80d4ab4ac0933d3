"""Walkthrough W (reviewer W3, Tariq): one speed on the GP-within-days path.

The headline said "See a GP within a few days", the box "book an urgent GP appointment", and "What to do" "Book an
appointment with your doctor": three speeds for one step. Now the action says "book a GP appointment for the next few
days" and the level's own booking line (`old_drops`) is not said again under it. Near miss: the same neck without the
doubt keeps the level's own booking line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan

TARIQ: dict[str, Any] = {"age": 41, "sex": "male", "days_so_far": 21, "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_thumb": True, "neck_pain": True, "worse_neck_movement": True}}
BOOK = "Book an appointment with your doctor."


def test_the_gp_within_days_path_says_one_speed(tmp_path: Path) -> None:
    plan = assess_plan(TARIQ, tmp_path)
    assert plan["title"] == "See a GP within a few days"
    assert "urgent GP appointment" not in plan["action"] and "book a GP appointment for the next few days" in plan["action"]
    assert BOOK not in plan["do"]


def test_near_miss_without_the_doubt_the_level_books_its_own_visit(tmp_path: Path) -> None:
    plan = assess_plan({**TARIQ, "unsure": [], "findings": {**TARIQ["findings"], "onset_gradual": True}}, tmp_path)
    assert plan["title"] != "See a GP within a few days" and BOOK in plan["do"]
