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


def test_frank_went_away_within_an_hour_is_said_as_a_warning_sign(tmp_path: Path) -> None:
    """Walkthrough AD, Frank, 70: "! It went away completely within an hour" under "Warning signs in your answers" read
    as good news. As a sign it now says why it is one (findings.yaml `said_as_sign`). Near miss: the reasons under a
    cause keep the plain words."""
    frank = {"age": 70, "sex": "male", "unsure": ["onset_sudden"], "findings": {
        "one_hand": True, "episode_resolved_within_hour": True, "vascular_risk": True, "speech_difficulty": False,
        "face_drooping": False}}
    plan = assess_plan(frank, tmp_path)
    sign = next(s["text"] for s in plan["signs"] if s["finding"] == "episode_resolved_within_hour")
    assert "mini-stroke" in sign and sign.startswith("It went away completely within an hour.")
    assert "mini-stroke" not in json.dumps([r for c in plan["causes"] for r in c["towards"]
                                            if r["finding"] == "episode_resolved_within_hour"])


def test_the_blood_thinner_line_names_apixaban_too(tmp_path: Path) -> None:
    """Walkthrough AE, Bob on apixaban: the call-handler line named only warfarin as a blood thinner."""
    case = {**BOB, "findings": {**BOB["findings"], "onset_sudden": True}, "unsure": []}  # type: ignore[dict-item]
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency"
    assert any("blood thinner" in d and "apixaban" in d for d in plan["do"]), plan["do"]


def test_frank_one_question_call_now_says_a_sign_that_has_gone_still_needs_help(tmp_path: Path) -> None:
    """Walkthroughs AC to AE, Frank: ticking slurred speech gives call now after one question, before anything asks
    whether it has gone; "Do not wait to see if it goes away, even if it gets better" did not fit a man whose signs
    had gone and who thought he slept on it. The line now says it holds even if it has already gone. Near miss: when
    he said it went away within an hour, the rule's own "It has gone, but you still need to call now" stays."""
    frank = {"age": 70, "sex": "male", "unsure": [], "findings": {"speech_difficulty": True, "one_hand": True}}
    plan = assess_plan(frank, tmp_path)
    assert plan["level"] == "emergency"
    assert any("has already gone, you still need help now" in d for d in plan["do_not"]), plan["do_not"]
    gone = {**frank, "findings": {**frank["findings"], "episode_resolved_within_hour": True}}  # type: ignore[dict-item]
    assert any("It has gone, but you still need to call now" in d for d in assess_plan(gone, tmp_path)["do_not"])
