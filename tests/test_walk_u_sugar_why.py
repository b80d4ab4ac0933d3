"""Walkthrough U (reviewer U4, Priya): a call-now result that puts the sugar line first also says why.

Priya, type 1 diabetes on insulin, shaky and sweaty after a missed lunch, fingers and lips tingling, picked "Suddenly":
the result's first step was "have a sugary drink now while you wait", but "Why this level" named only the spinal cord
or the brain, so low blood sugar read as dropped. Now the sugar rule's `first_with_why` is said after the banner's own
reason whenever its first aid leads a result it did not set. Near misses: no signs of low blood sugar (not said), and
the sugar rule's own emergency (confused: its own reason, the line not added twice).
"""

from __future__ import annotations

from pathlib import Path

from numbwise.kb import load
from tests.conftest import assess_plan
from tests.test_walk_s_sugar import SUDDEN


def _why_line() -> str:
    act = next(r for r in load().triage.rules if r.id == "em_low_sugar_confused").act
    assert act is not None and act.first_with_why
    return " ".join(act.first_with_why.split())


def test_a_sudden_start_with_low_sugar_signs_says_why_the_sugar_comes_first(tmp_path: Path) -> None:
    plan = assess_plan(SUDDEN, tmp_path)
    assert plan["level"] == "emergency" and "sugary" in plan["do"][0]
    assert plan["why"][0].startswith("Numbness that starts suddenly in both hands")
    assert plan["why"].count(_why_line()) == 1


def test_near_miss_no_low_sugar_signs_no_sugar_reason(tmp_path: Path) -> None:
    case = {**SUDDEN, "findings": {**SUDDEN["findings"], "low_sugar_symptoms": False, "diabetes": False,
                                   "insulin_or_sulfonylurea": False}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency" and _why_line() not in plan["why"]


def test_near_miss_the_sugar_rule_itself_gives_its_own_reason_once(tmp_path: Path) -> None:
    case = {**SUDDEN, "unsure": [], "findings": {**SUDDEN["findings"], "confusion": True}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency" and _why_line() not in plan["why"]
    assert any("low blood sugar" in w for w in plan["why"])


def test_unknown_low_sugar_signs_not_sure_no_reason_claimed(tmp_path: Path) -> None:
    findings = {k: v for k, v in SUDDEN["findings"].items() if k != "low_sugar_symptoms"}
    plan = assess_plan({**SUDDEN, "findings": findings, "unsure": ["low_sugar_symptoms"]}, tmp_path)
    assert plan["level"] == "emergency" and _why_line() not in plan["why"]


def test_after_suddenly_the_questions_keep_the_sugar_beside_the_emergency_line() -> None:
    """Her words, then "Suddenly": every later question's line says the emergency may stand, and the sugar while she
    waits (it had gone, above 5 more questions). Near miss: no signs of low blood sugar, no sugar beside it."""
    from tests.conftest import check_cli
    from tests.test_walk_s_sugar import KEYS_SUDDEN, WORDS

    beside = load().interview.sugar_first
    assert beside is not None and beside.still_beside
    out = check_cli(KEYS_SUDDEN, "--describe", WORDS, codes=(0, 130))
    after = out.split("Question 5: How did the numbness start?", 1)[1].split("URGENCY", 1)[0]
    assert "This could still be an emergency" in after and " ".join(beside.still_beside.split()) in after
    plain = check_cli("\n35\nf\n1\nn\nR0 L0\nq\n", codes=(0, 130))
    assert "This could still be an emergency" in plain and " ".join(beside.still_beside.split()) not in plain


def test_the_sudden_start_result_says_not_to_wait_for_the_sugar_before_calling(tmp_path: Path) -> None:
    """Walkthrough X (Priya): every question had said "call if not better 10 to 15 minutes after the sugar", and the
    "Suddenly" result said "Do not wait to see if it goes away, even if it gets better". Its own line is now said for
    her: do not wait for the sugar to help before calling. Near miss: no signs of low blood sugar, the plain line."""
    act = next(r for r in load().triage.rules if r.id == "em_low_sugar_confused").act
    assert act is not None
    (old, new), = act.first_with_says.items()
    plan = assess_plan(SUDDEN, tmp_path)
    assert " ".join(new.split()) in plan["do_not"] and old not in plan["do_not"]
    plain = {**SUDDEN, "findings": {**SUDDEN["findings"], "low_sugar_symptoms": False, "diabetes": False,
                                    "insulin_or_sulfonylurea": False}}
    assert old in assess_plan(plain, tmp_path)["do_not"]
