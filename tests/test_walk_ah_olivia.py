"""Walkthrough AH (independent reviewer, Olivia, 35): a week after a stomach bug, tingling from her feet to her hands
over three days, legs weak on the stairs, 'not sure' whether the weakness is still creeping up. The result could not
tell, though its own check ("has the weakness or tingling moved higher ... on to your arms") was answered by her yes to
spreading to her other limbs. Weak legs and numb feet that came on over days, with the numbness spreading now, is the
emergency of weak legs getting worse (triage_rules.yaml em_weak_legs_worsening; Mayo Clinic GBS)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan

TEN = {f"numb_{f}": True for f in ("thumb", "index", "middle", "ring", "little")}
OLIVIA: dict[str, Any] = {"age": 35, "sex": "female", "unsure": ["weakness_rising_from_legs", "getting_worse"],
                          "findings": {**TEN, "both_hands": True, "numb_feet": True, "leg_weakness": True,
                                       "spreading_to_other_limbs": True, "onset_over_days": True,
                                       "onset_gradual": False, "lasting_over_6_weeks": False, "recent_infection": True}}


def test_olivia_spreading_with_weak_legs_over_days_is_call_now(tmp_path: Path) -> None:
    plan = assess_plan(OLIVIA, tmp_path)
    assert plan["level"] == "emergency", (plan["level"], plan["title"])


def test_near_miss_the_same_over_weeks_is_the_not_sure_caution_over_a_doctor_today(tmp_path: Path) -> None:
    """Slowly, over weeks: the spinal cord's or nerves' slower story; the 'not sure' keeps its call-now caution."""
    case = {**OLIVIA, "findings": {**OLIVIA["findings"], "onset_over_days": False, "onset_gradual": True}}
    plan = assess_plan(case, tmp_path)
    assert (plan["level"], plan["banner_level"]) == ("urgent", "emergency")


def test_near_miss_not_spreading_keeps_the_not_sure_caution_over_a_doctor_today(tmp_path: Path) -> None:
    case = {**OLIVIA, "findings": {**OLIVIA["findings"], "spreading_to_other_limbs": False}}
    plan = assess_plan(case, tmp_path)
    assert (plan["level"], plan["banner_level"]) == ("urgent", "emergency")
