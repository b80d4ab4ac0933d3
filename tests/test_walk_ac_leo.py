"""Walkthrough AC (independent reviewer, Leo, 9: knocked his funny bone on a table 20 minutes ago, little and ring
fingers tingling, nearly gone; his dad answers).

HIGH: whether a bump counts as an "injury" decided between the injury's advice (A&E to check the arm) and a stroke's
(an ambulance, "above all a blood thinner"): the help said only "in the days or weeks after the injury or operation".
It now says any fall, blow or knock counts, even hitting the funny bone, so the dad can answer as the rule means.
"""

from __future__ import annotations

from pathlib import Path

from numbwise.assess.interview import finding_question
from tests.conftest import assess_plan

LEO = {"age": 9, "sex": "male", "findings": {"onset_sudden": True, "one_hand": True, "numb_little": True,
                                              "numb_ring": True}}


def test_the_injury_question_says_a_knock_on_the_funny_bone_counts() -> None:
    help_text = " ".join(finding_question("recent_arm_injury_or_cast").help.split())
    assert "knock" in help_text and "funny bone" in help_text


def test_a_yes_gives_the_injurys_advice_not_a_strokes(tmp_path: Path) -> None:
    plan = assess_plan({**LEO, "findings": {**LEO["findings"], "recent_arm_injury_or_cast": True}}, tmp_path)
    assert plan["level"] == "emergency" and "A&E" in plan["title"]
    assert not any("blood thinner" in d for d in plan["do"])


def test_near_miss_a_no_keeps_the_sudden_start_emergency(tmp_path: Path) -> None:
    plan = assess_plan({**LEO, "findings": {**LEO["findings"], "recent_arm_injury_or_cast": False}}, tmp_path)
    assert plan["level"] == "emergency" and "A&E" not in plan["title"]  # below 16 a sudden start is an emergency


def test_the_injurys_why_claims_no_length_it_never_asked(tmp_path: Path) -> None:
    """Walkthrough AD, Leo: "... and lasts more than a few minutes" judged a length the check never asked (his
    tingling was nearly gone); the why now says the questions cannot tell a knock from a break."""
    plan = assess_plan({**LEO, "findings": {**LEO["findings"], "recent_arm_injury_or_cast": True}}, tmp_path)
    why = " ".join(plan["why"])
    assert "more than a few minutes" not in why and "cannot tell a knock from a break" in why
