"""Walkthrough AB, Tariq: his care plan said "call now if your arm or hand suddenly goes numb" while his arm had
tingled for 3 weeks. A warning says what would be new for someone whose arm is already numb."""

from __future__ import annotations

from tests.conftest import run_cli


def test_the_neck_plan_warns_of_what_would_be_new() -> None:
    run = run_cli("--plain", "care", "cervical_radiculopathy")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert "suddenly goes numb or weak" not in said
    assert "suddenly becomes weak, or the numbness suddenly spreads" in said
