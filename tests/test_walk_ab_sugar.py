"""Walkthrough AB, Priya: the low-sugar step between questions said to call "if the numbness came on suddenly", while
how it started was not known; the result's headline action then left that out."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import assess_plan

PRIYA = {"age": 35, "sex": "female", "findings": {"low_sugar_symptoms": True, "both_hands": True},
         "unsure": ["confusion", "onset_sudden"]}


def _action(case: dict[str, object], tmp_path: Path) -> str:
    return " ".join(assess_plan(case, tmp_path)["action"].split())


def test_a_start_not_known_keeps_the_sudden_start_in_the_sugar_call_line(tmp_path: Path) -> None:
    action = _action(PRIYA, tmp_path)
    assert "sugary" in action and "if the numbness came on suddenly" in action


def test_near_miss_a_start_answered_not_sudden_leaves_it_out(tmp_path: Path) -> None:
    case = {**PRIYA, "findings": {**PRIYA["findings"], "onset_sudden": False, "onset_gradual": True},  # type: ignore[dict-item]
            "unsure": ["confusion"]}
    action = _action(case, tmp_path)
    assert "sugary" in action and "came on suddenly" not in action


# Walkthrough AB (HIGH): step by step, she ticked the low-sugar signs on "Do you have any of these?" and the sugar step
# came at once, before diabetes was asked; "see the result" there led with low blood sugar beside "fewer than 1 in 20".
# The step now waits for diabetes and insulin (asked under its sugar line), so the result it leads to counts them.

from numbwise.assess.interview import Interview, act_first, answer, next_question, outcome, start, still_line  # noqa: E402
from numbwise.assess.result import result_plan  # noqa: E402

UNSURE = {"confusion", "onset_sudden", "onset_gradual", "onset_over_days"}


def _walk(yes: set[str], unsure: set[str] = frozenset()) -> tuple[Interview, list[str]]:  # type: ignore[assignment]
    """Step by step, 35 f, until the sugar step shows: the questions asked (ids), and the interview there."""
    iv, asked = start(35, "female"), []
    for _ in range(30):
        q = next_question(iv)
        assert q is not None, asked
        asked.append(q.id)
        iv = answer(iv, q, {f: f in yes for f in q.findings if f not in UNSURE | unsure})
        if act_first(iv) is not None:
            return iv, asked
    raise AssertionError(asked)


def _sugar_chance(iv: Interview) -> str:
    plan = result_plan(outcome(iv), iv.unsure)
    return next(c.chance for c in plan.causes if "blood sugar" in c.name)


def test_the_sugar_step_waits_for_diabetes_and_insulin_so_its_result_counts_them() -> None:
    iv, asked = _walk({"low_sugar_symptoms", "both_hands", "diabetes", "insulin_or_sulfonylurea"})
    assert asked[-3:] == ["screen_soon", "diabetes", "insulin_or_sulfonylurea"]
    assert "fewer than" not in _sugar_chance(iv) and "in 10" in _sugar_chance(iv)


def test_the_sugar_line_is_above_the_questions_it_waits_for() -> None:
    iv = start(35, "female")
    while (q := next_question(iv)) is not None and q.id != "diabetes":
        iv = answer(iv, q, {f: f in {"low_sugar_symptoms", "both_hands"} for f in q.findings if f not in UNSURE})
    assert q is not None and "have something sugary now" in (still_line(iv) or "")


def test_near_miss_no_diabetes_the_step_still_comes_after_one_question() -> None:
    iv, asked = _walk({"low_sugar_symptoms", "both_hands"})
    assert asked[-2:] == ["screen_soon", "diabetes"]


def test_unknown_diabetes_not_sure_the_step_still_comes() -> None:
    iv, asked = _walk({"low_sugar_symptoms", "both_hands"}, {"diabetes"})
    assert "diabetes" in asked and asked.index("diabetes") >= len(asked) - 2
