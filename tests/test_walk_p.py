"""Walkthrough P (independent reviewers, round P): what a person reads about a diagnosis they have not had.

Ruth, 52: both hands tingle at night, always cold, weight gain, no thyroid diagnosis. The top cause was "Underactive
thyroid" with "- You do not have an underactive thyroid" against it: a no to "Do you have an underactive thyroid?"
means not diagnosed, which is what the cause is about.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import assess_cli

RUTH = {"age": 52, "sex": "female", "findings": {
    "both_hands": True, "one_hand": False, "worse_at_night": True, "cold_intolerance_weight_gain": True,
    "hypothyroidism_known": False, "diabetes": False, "onset_gradual": True, "onset_sudden": False}}


def test_a_no_to_a_known_diagnosis_reads_as_not_diagnosed_under_its_own_cause(tmp_path: Path) -> None:
    plan = json.loads(assess_cli(RUTH, tmp_path, "plan"))
    thyroid = next(c for c in plan["causes"] if c["id"] == "hypothyroidism")
    away = " ".join(r["text"] for r in thyroid["away"])
    assert "You do not have an underactive thyroid" not in away
    text = assess_cli(RUTH, tmp_path)
    assert "You do not have an underactive thyroid" not in text and "You do not have diabetes" not in text
    assert "not been told you have an underactive thyroid" in text  # said as what it is, not dropped
