"""What to watch for is generated from the triage rules: headings follow levels, nothing reported is repeated."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from numbwise.assess import assess
from numbwise.assess.triage import RANK, triage
from numbwise.assess.warnings import grouped, watch_for
from numbwise.kb import load
from tests.conftest import case_input, dev_cases
from tests.triage_cases import case_strategy

TRI = load().triage
LEVEL_OF = {r.id: r.level for r in TRI.rules}


def test_every_line_sits_under_the_heading_of_its_rules_level() -> None:
    items = watch_for({}, 40, "self_care")
    assert items, "a self-care result has lines to watch for"
    for item in items:
        assert item.level == LEVEL_OF[item.rule_id]
        assert item.heading == TRI.levels[item.level].watch_heading  # type: ignore[index]
    headings = [h for h, _ in grouped(items)]
    assert headings == ["Call your emergency number now if", "See a doctor today if", "Book a doctor's visit if"]


def test_an_emergency_change_is_never_under_get_help_sooner() -> None:
    for heading, lines in grouped(watch_for({}, 40, "self_care")):
        for line in lines:
            rule = next(i.rule for i in TRI.watch_for if i.text == line)
            assert (LEVEL_OF[rule] == "emergency") == (heading == "Call your emergency number now if"), line


def test_only_changes_more_urgent_than_the_result_are_listed() -> None:
    assert watch_for({}, 40, "emergency") == ()
    assert {i.level for i in watch_for({}, 40, "urgent")} == {"emergency"}
    assert {i.level for i in watch_for({}, 40, "routine")} == {"emergency", "urgent"}


def test_a_reported_finding_is_never_listed_as_something_to_watch_for() -> None:
    texts = [i.text for i in watch_for({"onset_sudden": True, "lasting_over_6_weeks": True}, 40, "self_care")]
    assert not any("starts suddenly" in t for t in texts)
    assert not any("more than six weeks" in t for t in texts)
    assert any("starts suddenly" in i.text for i in watch_for({"onset_sudden": False}, 40, "self_care"))


@pytest.mark.parametrize("case", dev_cases(), ids=lambda c: c["id"])
def test_dev_results_never_repeat_a_reported_finding(case: dict[str, Any]) -> None:
    a = assess(case_input(case))
    for item in watch_for(a.case.findings, a.case.age, a.triage):
        assert not any(a.case.findings.get(f) is True for f in item.findings), item.text
        assert RANK[item.level] < RANK[a.triage]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_strategy())
def test_a_watch_line_would_raise_the_level_if_it_came_true(case: tuple[dict[str, bool], int | None]) -> None:
    """A line whose rule fires on any one of its findings reaches its heading's level when that finding comes true.

    (A line may be more careful than its rule: "starts suddenly" says call now even where a complete
    pressure story would explain it, because a person cannot judge that alone.)"""
    findings, age = case
    level = triage(findings, age).level
    for item in watch_for(findings, age, level):
        if item.rule_id in ANY_OF_RULES:
            for fid in item.findings:
                got = triage({**findings, fid: True}, age).level
                assert RANK[got] <= RANK[item.level], (item.text, fid, got)


ANY_OF_RULES = ("em_stroke_signs", "em_heart", "em_rapid_spread", "em_spinal_cord", "em_cold_pale_hand", "ur_fever")


def test_a_change_that_has_already_happened_is_not_listed() -> None:
    """Both hands and the feet numb already: 'spreads to your other arm or your legs' would read as if not told."""

    def texts(findings: dict[str, bool]) -> list[str]:
        return [w.text for w in watch_for(findings, 50, "routine")]

    line = "The numbness slowly spreads to your other arm or your legs, over days or weeks."
    legs = "The numbness slowly spreads to your legs or other parts of your body, over days or weeks."
    assert line in texts({"numb_feet": True}) and line in texts({})
    assert legs in texts({"both_hands": True}) and line not in texts({"both_hands": True})  # both arms already
    assert line not in texts({"both_hands": True, "numb_feet": True})
    assert legs not in texts({"both_hands": True, "numb_feet": True})


def test_a_pregnant_woman_with_a_headache_already_is_told_what_would_be_new() -> None:
    said = [w.text for w in watch_for({"pregnant": True, "pregnancy_warning_signs": True}, 30, "urgent")]
    assert "You suddenly lose your sight, or get a sudden, very bad headache." not in said
    assert any("far worse than before" in t for t in said)
    assert "You suddenly lose your sight, or get a sudden, very bad headache." in [w.text for w in watch_for({}, 30, "urgent")]


@pytest.mark.parametrize("attacks", ["skin_white_then_blue"])
def test_a_person_with_cold_attacks_is_told_how_a_blocked_artery_differs_from_an_attack(attacks: str) -> None:
    stress = [i.text for i in watch_for({"triggered_by_cold_or_stress": True}, 30, "routine") if i.rule_id == "em_cold_pale_hand"]
    assert not any("cold attack" in t for t in stress)  # a panic attack is stress, not a cold attack
    plain = [i.text for i in watch_for({}, 30, "routine") if i.rule_id == "em_cold_pale_hand"]
    theirs = [i.text for i in watch_for({attacks: True}, 30, "routine") if i.rule_id == "em_cold_pale_hand"]
    assert len(plain) == 1 and len(theirs) == 1
    assert "cold attack" not in plain[0]
    # worded for a first attack too (walkthrough O, Ella: "your usual cold attacks" after "first time")
    assert "even at rest" in theirs[0] and "a cold attack does" in theirs[0] and "usual" not in theirs[0]


def test_a_person_whose_fingers_go_red_as_they_warm_is_not_told_that_red_warm_skin_is_an_infection() -> None:
    """Raynaud's fingers turn red as they warm up: the infection line must say what is not that (spreads, stays, pus)."""

    def infection(findings: dict[str, bool]) -> list[str]:
        return [i.text for i in watch_for(findings, 15, "routine") if "spreading_redness_swelling" in i.findings]

    theirs = infection({"skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "both_hands": True})
    assert len(theirs) == 1
    assert "Your hand turns red, warm and swollen." not in theirs
    assert "spread" in theirs[0] and "pus" in theirs[0] and "warmed up" in theirs[0]
    plain = infection({})
    assert len(plain) == 1 and "spread" in plain[0] and "pus" in plain[0] and "warmed up" not in plain[0]
