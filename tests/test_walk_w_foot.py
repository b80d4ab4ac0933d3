"""Walkthrough W (reviewer W2, Ben): under "Get your foot checked today" one path for a hot, red or swollen foot.

The banner says "Go to A&E or urgent care now if your foot is red, hot or swollen, or you feel unwell"; the home step
worded for his sore said "gets hot, red or swollen, tell your GP or foot team about it too", and the watch list said
"See a doctor today if: You get a fever". Now the step sends a hot, red or swollen foot to A&E now as the banner does,
and the fever line gives way to the banner beside a sore. Near miss: no sore, the fever line stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan

BEN: dict[str, Any] = {"age": 70, "sex": "male", "unsure": [], "foot_sore": True, "findings": {
    "diabetes": True, "numb_feet": True, "both_hands": True, "numb_thumb": True, "numb_index": True, "numb_middle": True,
    "numb_ring": True, "numb_little": True, "onset_gradual": True, "lasting_over_6_weeks": True}}


def _watch(plan: dict[str, Any]) -> list[str]:
    return [w["text"] for g in plan["watch_for"] for w in g["items"]]


def test_a_hot_red_or_swollen_foot_is_a_and_e_now_everywhere_under_the_foot_banner(tmp_path: Path) -> None:
    text = assess_cli(BEN, tmp_path)
    assert text.startswith("URGENCY: GET YOUR FOOT CHECKED TODAY"), text[:80]
    assert "hot, red or swollen, tell your GP or foot team" not in text
    assert "If redness spreads up your foot or leg, or you get a fever or feel unwell, go to A&E or urgent care now" in text
    assert "You get a fever." not in _watch(assess_plan(BEN, tmp_path))


def test_near_miss_no_sore_keeps_the_fever_line(tmp_path: Path) -> None:
    plan = assess_plan({**BEN, "foot_sore": False}, tmp_path)
    assert "foot" not in plan["title"].lower() and "You get a fever." in _watch(plan)


def test_a_warning_signs_why_is_not_said_beside_would_not_make_this_more_urgent(tmp_path: Path) -> None:
    """Walkthrough X (Ben): both feet numb for years, not sure of "the leg on the same side as the numb hand". The
    noted item said "Numbness of the arm and leg on one side of the body is a warning sign of stroke" beside "A yes
    would not make this more urgent". A sign an emergency rule rests on keeps its label there, never that why. Near
    miss: an answer no emergency rule rests on keeps the why that says what its yes would mean."""
    plan = assess_plan({**BEN, "unsure": ["numb_leg_same_side", "takes_metformin"]}, tmp_path)
    noted = {i["finding"]: i for g in plan["unsure"] if g["level"] == "noted" for i in g["items"]}
    assert "numb_leg_same_side" in noted and noted["numb_leg_same_side"]["means"] == ""
    assert "vitamin B12" in noted["takes_metformin"]["means"]  # the near miss keeps what its yes would mean
