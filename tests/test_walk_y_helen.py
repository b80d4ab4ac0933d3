"""Walkthrough Y (reviewer Y4, Helen, 40): anxious and unsure, her left hand tingles since this morning.

1. In her own words, "I don't know if it came on suddenly or slowly" was read as "It came on slowly, over weeks or
   months. ('slowly')", and "Since this morning" was dropped: kept as understood, the result was "today" with
   carpal tunnel backed by "+ It came on slowly"; step by step the same answers gave the emergency. A doubt that spans
   alternatives ("don't know if X or Y") now leaves every one of them not sure, and "since this morning" is read as
   less than a day so far, as the how-long question's "Less than a day" is.
2. Step by step, "Carpal tunnel syndrome (about 5 in 10)" was listed last, after causes at about 1 in 10, and said
   "your answers point away from it": the cause she reads as the most likely was called pointed away from. Now the
   causes are listed by chance, and one with only answers against it says its chance comes from how common it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from numbwise.parse import parse
from tests.conftest import assess_cli, assess_plan, check_cli, run_cli

HELEN_WORDS = ("I'm 40, a woman. Since this morning my left hand tingles. I don't know if it came on suddenly or "
               "slowly. I don't know my blood pressure. Not sure whether my face feels different.")
ONSET = {"onset_sudden", "onset_gradual"}


def _read(text: str) -> str:
    """`numbwise --plain parse --format text --text TEXT`, as printed."""
    run = run_cli("--plain", "parse", "--format", "text", "--text", text)
    assert run.code == 0, run.err
    return run.out


# --- 1a: a doubt spanning alternatives ---------------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "I don't know if it came on suddenly or slowly.",
    "Not sure whether it was sudden or gradual.",
    "I can't tell if it came on suddenly or slowly over weeks.",
    "My left hand tingles, no idea if it came on suddenly or gradually.",
])
def test_a_doubt_between_a_sudden_and_a_slow_start_leaves_both_not_sure(words: str) -> None:
    p = parse(words)
    assert not ONSET & set(p.findings), p.findings  # never a yes (or a no) to one of them
    assert "onset_sudden" in p.unsure


def test_helens_words_read_no_slow_start_and_less_than_a_day() -> None:
    p = parse(HELEN_WORDS)
    assert "onset_gradual" not in p.findings or p.findings["onset_gradual"] is False
    assert p.findings.get("onset_sudden") is None and "onset_sudden" in p.unsure
    assert p.findings.get("lasting_over_6_weeks") is False
    assert p.days_so_far is not None and p.days_so_far < 1
    shown = _read(HELEN_WORDS)
    assert "It came on slowly" not in shown and "('slowly')" not in shown


@pytest.mark.parametrize(("words", "finding"), [
    ("It came on slowly over weeks.", "onset_gradual"),
    ("It came on suddenly.", "onset_sudden"),
    ("My left hand went numb suddenly, I don't know why.", "onset_sudden"),
])
def test_near_miss_a_start_said_without_a_doubt_still_reads(words: str, finding: str) -> None:
    assert parse(words).findings.get(finding) is True


def test_near_miss_a_doubt_of_yes_or_no_stops_at_its_alternative() -> None:
    """'if X or not' doubts X only: a sign said after it still stands."""
    p = parse("I don't know if it came on suddenly or not, my face went numb.")
    assert "onset_sudden" in p.unsure and p.findings.get("numb_face_same_side") is True


# --- 1b: a start said as a time of today --------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "most"), [
    ("Since this morning my left hand tingles.", 1),
    ("My left hand has been tingling since this morning.", 1),
    ("This morning my left hand started tingling.", 1),
    ("My left hand started tingling an hour ago.", 1),
    ("Since last night my left hand tingles.", 2),
    ("My left hand tingles since yesterday.", 2),
])
def test_a_start_today_or_last_night_gives_how_long_so_far(words: str, most: float) -> None:
    p = parse(words)
    assert p.findings.get("lasting_over_6_weeks") is False and p.findings.get("onset_gradual") is not True
    assert p.days_so_far is not None and p.days_so_far < most, p.days_so_far


def test_near_miss_a_length_of_weeks_is_still_read_as_weeks() -> None:
    assert parse("My left hand has been tingling for 3 weeks.").days_so_far == 21


def test_unknown_no_time_said_leaves_how_long_open() -> None:
    p = parse("My left hand tingles.")
    assert p.days_so_far is None and "lasting_over_6_weeks" not in p.findings


def test_a_flare_this_morning_of_something_older_gives_no_length() -> None:
    """'worse again this morning' is a flare of something older: no length, so how long is still asked."""
    assert parse("My left hand tingles, worse again this morning.").days_so_far is None


# --- 1: the check from her own words -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["\n1\n", "\n2\n" + "?\n" * 40])  # see what to do now, or a few questions
def test_helens_own_words_kept_as_understood_give_the_emergency(typed: str) -> None:
    """Kept as understood (Enter), then what to do now or every question 'not sure': the call-now result her step by
    step gave, never "It came on slowly"; "since this morning" answered how long, so it is not asked."""
    shown = check_cli(typed, "--describe", HELEN_WORDS)
    understood = shown[:shown.index("Type the numbers")]
    # Walkthrough Z: her doubt between the two starts is her answer, not overruled by the length's "not over weeks or
    # months": both starts are listed as not sure, neither as a yes or a no.
    said, unsure = understood.split("You were not sure about")
    assert "It did not come on slowly" not in understood and "It came on slowly" not in said
    assert "It started suddenly" in unsure and "It came on slowly" in unsure
    result = shown[shown.index("URGENCY:"):]
    assert result.startswith("URGENCY: CALL YOUR EMERGENCY NUMBER NOW"), result[:300]
    assert "It came on slowly" not in result
    assert "How long have you had this numbness" not in shown


# --- 2: causes in order of chance ----------------------------------------------------------------------------------

HELEN_STEP: dict[str, Any] = {
    "age": 40, "sex": "female",
    "findings": {"one_hand": True, "wakes_from_sleep": False},
    "unsure": ["onset_sudden", "numb_face_same_side", "vascular_risk"], "days_so_far": 0,
}

# a near miss: the same answers with the start said to be not sudden (no call-now path, chances shown)
HELEN_CALM: dict[str, Any] = {**HELEN_STEP, "findings": {**HELEN_STEP["findings"], "onset_sudden": False},
                              "unsure": ["numb_face_same_side", "vascular_risk"]}


def _meters(plan: dict[str, Any]) -> list[int]:
    return [c["value"] for c in plan["causes"]]


def test_a_cause_with_a_higher_chance_is_never_listed_after_lower_ones(tmp_path: Path) -> None:
    from numbwise.assess.result import COMMON_AWAY_NOTE

    # Helen's not-sure start in one hand takes the call-now path: since walkthrough AC (Frank) the stroke the call is
    # for is listed first, as what must be ruled out, and the others after it with no chance (a number would read as
    # reassurance); the others keep the ranking's order, the highest chance first
    plan = assess_plan(HELEN_STEP, tmp_path)
    assert plan["caution_now"] and plan["headline"].startswith("A stroke must be ruled out first")
    assert plan["causes"][0]["id"] == "stroke_tia" and set(_meters(plan)) == {0}
    ranked = [c["id"] for c in json.loads(assess_cli(HELEN_STEP, tmp_path, "json"))["causes"]]
    others = [c["id"] for c in plan["causes"][1:]]
    assert others == [c for c in ranked if c in others], (others, ranked)
    cts = plan["causes"][1]
    assert cts["id"] == "carpal_tunnel" and not cts["towards"] and cts["away"]
    # its place is explained, never only "your answers point away from it"
    assert cts["note"] == COMMON_AWAY_NOTE and "common" in COMMON_AWAY_NOTE and "rule it out" in COMMON_AWAY_NOTE
    # where chances are shown (a near miss: the start said to be slow), the page says it cannot tell and lists the
    # causes by chance, the highest first, with the same explained first cause
    plan = assess_plan(HELEN_CALM, tmp_path)
    assert plan["headline"].startswith("We can't tell yet") and not plan["caution_now"], plan["headline"]
    assert _meters(plan) == sorted(_meters(plan), reverse=True) and _meters(plan)[0] > 0, \
        [(c["id"], c["value"]) for c in plan["causes"]]
    cts = plan["causes"][0]
    assert cts["id"] == "carpal_tunnel" and not cts["towards"] and cts["away"] and cts["note"] == COMMON_AWAY_NOTE


def test_sam_step_by_step_lists_by_chance_too(tmp_path: Path) -> None:
    from tests.test_walk_o_words import _sam_step

    plan = assess_plan(_sam_step(), tmp_path)
    assert _meters(plan) == sorted(_meters(plan), reverse=True)


def test_near_miss_a_cause_the_answers_point_to_has_no_such_note(tmp_path: Path) -> None:
    from numbwise.assess.result import COMMON_AWAY_NOTE, COMMON_NOTE

    plan = assess_plan(HELEN_STEP, tmp_path)
    for c in plan["causes"]:
        if c["towards"]:
            assert c["note"] not in (COMMON_NOTE, COMMON_AWAY_NOTE)


def test_unknown_nothing_said_first_cause_is_listed_as_common(tmp_path: Path) -> None:
    from numbwise.assess.result import COMMON_NOTE

    plan = assess_plan({"age": 40, "sex": "female", "findings": {}}, tmp_path)
    assert plan["causes"][0]["note"] == COMMON_NOTE


def test_the_report_lists_the_causes_in_the_pages_order(tmp_path: Path) -> None:
    """The report takes a saved check's causes from the plan its answers give (`saved_causes`), so its order is the
    page's: under call now the stroke first (walkthrough AC, Frank), by chance otherwise (the near miss)."""
    from numbwise.assess.result import saved_causes

    for case in (HELEN_STEP, HELEN_CALM):
        plan = assess_plan(case, tmp_path)
        ranked = [(c["id"], c["probability"]) for c in json.loads(assess_cli(case, tmp_path, "json"))["causes"]]
        listed, others, _ = saved_causes(plan["level"], case, ranked)
        assert [c for c, _ in listed] == [c["id"] for c in plan["causes"]], json.dumps(plan["causes"])[:400]
        assert others == plan["others_heading"]
