"""Walkthrough AG (independent reviewer, Dev, 45): asleep with his arm over the sofa's armrest, his hand came back ten
minutes after he moved it, but he was not sure whether his arm had suddenly felt weak. Under "Get medical help today"
"Why this level" said "Numbness that is not explained by a short, harmless pattern should be checked by a doctor",
beside "you told us: It started after pressure on your arm and eased within minutes" and pressure first at more than 9
in 10. When a home-care pattern fitted and only a doubt holds it back, that doubt's line is the reason
(explain.triage_reasons), never the default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan

DEFAULT = "not explained by a short, harmless pattern"
DEV: dict[str, Any] = {"age": 45, "sex": "male", "unsure": ["arm_or_leg_weakness_sudden", "onset_sudden"],
                       "days_so_far": 0, "findings": {
    "one_hand": True, "numb_whole_hand": True, "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
    "hand_weakness": False, "face_drooping": False, "speech_difficulty": False, "numb_face_same_side": False,
    "numb_leg_same_side": False, "vision_loss_sudden": False, "confusion": False}}


def test_dev_not_sure_of_arm_weakness_reads_why_not_the_default(tmp_path: Path) -> None:
    plan = assess_plan(DEV, tmp_path)
    assert plan["level"] != "self_care"
    why = " ".join(plan["why"])
    assert DEFAULT not in why and "not sure" in why, plan["why"]


def test_near_miss_numbness_with_no_pattern_keeps_the_default(tmp_path: Path) -> None:
    case = {"age": 45, "sex": "male", "findings": {"one_hand": True, "numb_whole_hand": True, "onset_gradual": True,
                                                    "hand_weakness": False}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "routine" and DEFAULT in " ".join(plan["why"]), plan["why"]
