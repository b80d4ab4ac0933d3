"""Walkthrough AG (independent reviewer, Tom, 38, neck pain shooting into the thumb): step by step he was not sure about
a numb forearm on the thumb side and left "arm above the wrist" as a no, and read "- The numbness stays in your hand"
as a point away beside "? Numbness or tingling in your forearm, on the thumb side". A no to the arm above the wrist is
not said as a point away while either side of the forearm is not sure (findings.yaml `no_is_no_reason_unsure`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import assess_plan

STAYS = "The numbness stays in your hand."
TOM: dict[str, Any] = {"age": 38, "sex": "male", "unsure": ["numb_forearm_thumb_side"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "neck_pain": True, "pain_shooting_down_arm": True,
    "worse_neck_movement": True, "onset_over_days": True, "numb_arm": False, "numb_forearm_little_side": False,
    "hand_weakness": False, "numb_feet": False}}


def _away(plan: dict[str, Any]) -> str:
    return json.dumps([r["text"] for c in plan["causes"] for r in c["away"]])


def test_tom_not_sure_of_his_forearm_reads_no_stays_in_your_hand(tmp_path: Path) -> None:
    assert STAYS not in _away(assess_plan(TOM, tmp_path))


def test_near_miss_a_no_to_the_forearm_too_keeps_the_point(tmp_path: Path) -> None:
    case = {**TOM, "unsure": [], "findings": {**TOM["findings"], "numb_forearm_thumb_side": False}}
    assert STAYS in _away(assess_plan(case, tmp_path))
