"""Walkthrough AD (independent reviewer, Bob, 80, AF on apixaban): "+ You have AF, an irregular heartbeat" sat next to
"- You have no high blood pressure, high cholesterol or heart disease" under stroke and narrowed arteries. AF is a heart
problem and already counts: a no to the other heart risks is no reason against a cause beside it
(findings.yaml vascular_risk `no_is_no_reason_with`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import assess_plan

NO_RISK = "You have no high blood pressure, high cholesterol or heart disease."
BOB = {"age": 80, "sex": "male", "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_whole_hand": True, "blood_thinners": True, "atrial_fibrillation": True,
    "vascular_risk": False, "face_drooping": False, "speech_difficulty": False}}


def _said(case: dict[str, object], tmp_path: Path) -> str:
    return json.dumps(assess_plan(case, tmp_path)["causes"])


def test_with_af_a_no_to_the_other_heart_risks_is_not_a_point_away(tmp_path: Path) -> None:
    said = _said(BOB, tmp_path)
    assert "You have AF" in said and NO_RISK not in said


def test_near_miss_without_af_the_no_still_counts_where_it_did(tmp_path: Path) -> None:
    case = {**BOB, "findings": {**BOB["findings"], "atrial_fibrillation": False}}  # type: ignore[dict-item]
    assert NO_RISK in _said(case, tmp_path)


def test_unknown_af_not_sure_keeps_the_no(tmp_path: Path) -> None:
    findings = {k: v for k, v in BOB["findings"].items() if k != "atrial_fibrillation"}  # type: ignore[union-attr]
    assert NO_RISK in _said({**BOB, "findings": findings, "unsure": ["onset_sudden", "atrial_fibrillation"]}, tmp_path)
