"""Walkthrough V (independent review, Fatima): a confusion not sure of never takes the balance line with it.

Fatima, 66, vegetarian for 40 years, omeprazole for years: over 6 months tingling in both feet then both hands,
unsteady walking in the dark, her memory worse, tired and pale (low vitamin B12). Step by step she answered "not sure"
to "You feel confused, and this is new". Her "Call your emergency number now if" list then said nothing about balance:
the confusion line's parts were split, but the balance part was dropped because the not-sure box shows the stroke
checks, which include "is walking suddenly hard?". Those checks are for now only ("These checks only show what is
happening now"); a sudden loss of balance later is still what to call for. So the balance part stays whenever the
confusion is in doubt.

Near miss: confusion answered no keeps the whole line as usual. Unknown: confusion and balance both not sure of are
both said as doubts (in the box), never lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan, result_groups

FATIMA: dict[str, Any] = {"age": 66, "sex": "female", "findings": {
    "both_hands": True, "numb_feet": True, "onset_gradual": True, "vegan_or_vegetarian": True,
    "takes_acid_reducer": True, "fatigue_pallor": True, "memory_or_mood_change": True, "unsteady_walking": True},
    "unsure": ["confusion"]}
CALL = "Call your emergency number now if"
BALANCE = "You suddenly lose your balance."
WHOLE = "You suddenly get confused, much more than your usual memory trouble, or suddenly lose your balance."


def test_fatima_confusion_not_sure_keeps_the_balance_line(tmp_path: Path) -> None:
    groups = result_groups(FATIMA, tmp_path)
    assert BALANCE in groups[CALL]
    assert WHOLE not in groups[CALL]  # the confusion she was not sure of is in the box, not watched for as new
    plan = assess_plan(FATIMA, tmp_path)
    box = [u["text"] for g in plan["unsure"] for u in g["items"]]
    assert any("confused" in t for t in box)


def test_near_miss_confusion_no_keeps_the_whole_line(tmp_path: Path) -> None:
    case = {**FATIMA, "findings": {**FATIMA["findings"], "confusion": False}, "unsure": []}
    groups = result_groups(case, tmp_path)
    assert WHOLE in groups[CALL]
    assert BALANCE not in groups[CALL]


def test_unknown_both_not_sure_are_both_said_as_doubts(tmp_path: Path) -> None:
    case = {**FATIMA, "unsure": ["confusion", "balance_loss_sudden"]}
    plan = assess_plan(case, tmp_path)
    box = " ".join(u["text"] for g in plan["unsure"] for u in g["items"])
    assert "confused" in box and "balance" in box.lower()
