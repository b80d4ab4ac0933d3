"""Walkthrough Y (reviewer Y4, Peter, 58, high blood pressure): a sudden "worst ever" headache, then a numb left hand,
and he feels sick. The result called emergency services, as it should, but:

1. its first line of what to do was "If you have diabetes ... have a sugary drink" and "Why this level" added "In
   someone with diabetes ..." and "can be a heart attack": he was never asked about diabetes, has no sign of low
   blood sugar, and has no chest pain or breathlessness. A sugar line keyed on diabetes says nothing when diabetes is
   not a yes and there is no sign of low sugar (confusion still counts: a confused person may not be able to say);
   a heart-attack reason beside another emergency's reason needs its own core signs. The level never drops.
2. the sudden severe headache was never linked to bleeding in or around the brain.
3. in his own words, after "Yes, that is right" on the emergency warning, the next page ("Is this right?") had no
   call buttons (the web's page: tests/web/test_walk_y_peter_web.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_plan, check_cli, with_findings

PETER: dict[str, Any] = {"age": 58, "sex": "male", "unsure": [], "findings": {
    "vascular_risk": True, "severe_sudden_headache": True, "cold_sweat_nausea": True, "onset_sudden": True,
    "one_hand": True}}
WORDS = ("I am 58, a man, with high blood pressure. An hour ago I had a sudden, very severe headache, the worst ever, "
         "and soon after my left hand went numb. I feel sick.")
SUGAR = "have a sugary drink"
LOW_SUGAR_WHY = "can be very low blood sugar"
HEART = "heart attack"


def _sugar(plan: dict[str, Any]) -> list[str]:
    return [d for d in plan["do"] if SUGAR in d]


def test_peter_gets_no_sugar_line_and_no_diabetes_or_heart_attack_reason(tmp_path: Path) -> None:
    plan = assess_plan(PETER, tmp_path)
    assert plan["level"] == "emergency"
    assert plan["do"][0].startswith("Call your emergency number now"), plan["do"]
    assert not _sugar(plan), plan["do"]
    assert not any("diabetes" in w or HEART in w for w in plan["why"]), plan["why"]
    assert any("stroke" in w for w in plan["why"]), plan["why"]


def test_near_miss_with_diabetes_the_sugar_line_stays(tmp_path: Path) -> None:
    plan = assess_plan(with_findings(PETER, diabetes=True), tmp_path)
    assert plan["level"] == "emergency"
    assert plan["do"][0].startswith("If you can swallow safely and have not had something sugary yet"), plan["do"]
    assert any(LOW_SUGAR_WHY in w for w in plan["why"]), plan["why"]


def test_near_miss_diabetes_and_a_sudden_one_sided_start_alone_is_as_before(tmp_path: Path) -> None:
    plan = assess_plan({"age": 58, "sex": "male", "unsure": [], "findings": {
        "onset_sudden": True, "one_hand": True, "diabetes": True}}, tmp_path)
    assert plan["level"] == "emergency" and not _sugar(plan), plan["do"]


def test_near_miss_chest_pain_keeps_the_heart_attack_reason(tmp_path: Path) -> None:
    plan = assess_plan(with_findings(PETER, chest_pain=True), tmp_path)
    assert any(HEART in w for w in plan["why"]), plan["why"]


def test_near_miss_breathless_with_the_sickness_keeps_the_heart_attack_reason(tmp_path: Path) -> None:
    plan = assess_plan(with_findings(PETER, shortness_of_breath=True), tmp_path)
    assert any(HEART in w for w in plan["why"]), plan["why"]


def test_near_miss_with_diabetes_and_feeling_sick_alone_both_reasons_stay(tmp_path: Path) -> None:
    """The low-sugar rule fired on the same sign: the heart-attack rule still rests on it, so its reason stays."""
    plan = assess_plan({"age": 35, "sex": "female", "unsure": [], "findings": {
        "cold_sweat_nausea": True, "diabetes": True}}, tmp_path)
    assert any(HEART in w for w in plan["why"]) and any(LOW_SUGAR_WHY in w for w in plan["why"]), plan["why"]


def test_feeling_sick_alone_still_calls_and_says_why(tmp_path: Path) -> None:
    """No other emergency reason: the level rests on the heart-attack rule alone, so its reason stays."""
    plan = assess_plan({"age": 58, "sex": "male", "unsure": [], "findings": {
        "cold_sweat_nausea": True, "one_hand": True}}, tmp_path)
    assert plan["level"] == "emergency"
    assert any(HEART in w for w in plan["why"]), plan["why"]


def test_unknown_diabetes_not_sure_and_confused_keeps_the_sugar_line(tmp_path: Path) -> None:
    plan = assess_plan({"age": 58, "sex": "male", "unsure": ["diabetes"], "findings": {
        "confusion": True, "one_hand": True}}, tmp_path)
    assert plan["level"] == "emergency"
    assert plan["do"][0].startswith("If you have diabetes, can swallow safely"), plan["do"]
    assert any(LOW_SUGAR_WHY in w for w in plan["why"]), plan["why"]


def test_unknown_diabetes_not_sure_and_only_feeling_sick_has_no_sugar_line(tmp_path: Path) -> None:
    plan = assess_plan(with_findings({**PETER, "unsure": ["diabetes"]}), tmp_path)
    assert plan["level"] == "emergency" and not _sugar(plan), plan["do"]


def test_the_sudden_severe_headache_is_linked_to_a_bleed(tmp_path: Path) -> None:
    plan = assess_plan(PETER, tmp_path)
    assert any("bleeding in or around the brain" in w for w in plan["why"]), plan["why"]


def test_near_miss_no_headache_no_bleed_line(tmp_path: Path) -> None:
    plan = assess_plan(with_findings(PETER, severe_sudden_headache=False), tmp_path)
    assert not any("bleeding in or around the brain" in w for w in plan["why"]), plan["why"]


def test_own_words_terminal_keeps_the_call_buttons_on_the_list_after_yes() -> None:
    out = check_cli("y\nq\n", "--describe", WORDS, codes=(0, 130))
    after = out.split("Did we read you right?", 1)[1]
    listed = after.split("Type the numbers", 1)[0]
    assert "We also understood" in listed
    assert "Call 999 (UK)" in listed, listed


def test_own_words_terminal_not_meant_has_no_call_buttons_on_the_list() -> None:
    out = check_cli("n\nq\n", "--describe", WORDS, codes=(0, 130))
    after = out.split("Did we read you right?", 1)[1]
    assert "Call 999" not in after.split("Type the numbers", 1)[0], after
