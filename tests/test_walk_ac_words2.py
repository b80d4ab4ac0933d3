"""Walkthrough AC, reviewers AC2 and AC4: Joan, Kevin and Rosa.

Joan (67, oxaliplatin): the fever question said "Answer yes if a thermometer shows 38 °C" while her result said "a
temperature of 37.5 °C ... Call your 24-hour cancer helpline": two cut-offs for one person. Now the question is worded
for someone having or who had chemotherapy (findings.yaml `help_with`), with the result's cut-off.
Kevin (45, a heavy drinker, never tested for diabetes): "Don't know my blood sugar, never been tested for diabetes" was
read as "You have diabetes"; "I drink most days" was missed; "for years", said of his drinking, was read as how long
the numbness had lasted.
Rosa (60, rheumatoid arthritis, new colour attacks): "Book a doctor's visit ... a doctor should check" beside the home
step's "there is no rush, but mention them at your next routine doctor's visit"; and "See a doctor today if" did not
name sores or ulcers on the fingertips.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from numbwise.assess.interview import (Interview, Question, answer, choice_answer, finding_question, fingers_answer,
                                       describe, next_question, start, worded)
from numbwise.parse import parse
from tests.conftest import assess_cli, parse_json, result_groups, with_findings

# --- Joan: one fever cut-off for a person having chemotherapy -----------------------------------------------------

JOAN = {"chemotherapy": True, "cancer_history": True, "numb_feet": True, "both_hands": True,
        "triggered_by_cold_or_stress": True}
JOAN_WORDS = ("I'm 67, a woman on chemotherapy (oxaliplatin) for bowel cancer. Since my third cycle, 5 weeks ago, my "
              "fingers and toes tingle, worse when I touch something cold. No fever that I know of. Not sure if my "
              "hands are weaker, buttons are a bit harder.")


def _fever_question() -> Question:
    """Joan's own words, then the check: lists answered no, choices the first option, until the fever question comes
    (the words' "no fever" is a warning sign's no, left to its question); it is returned as the check shows it."""
    p = parse(JOAN_WORDS)
    iv: Interview = describe(start(p.age, p.sex), p.findings, unsure=p.unsure)
    for _ in range(40):
        q = next_question(iv)
        assert q is not None, "the check ended without asking about a fever"
        if "fever" in q.findings and q.kind == "finding":
            return q
        updates = fingers_answer({0}, {0}) if q.kind == "fingers" else (
            choice_answer(q, 2) if q.kind == "choice" else dict.fromkeys(q.findings, False))
        iv = answer(iv, q, updates)
    raise AssertionError("no fever question in 40 questions")


def test_joan_on_chemotherapy_is_asked_about_fever_with_the_results_cut_off(tmp_path: Path) -> None:
    q = _fever_question()
    assert "37.5 °C" in q.help and "38 °C" not in q.help, q.help
    assert "36 °C" in q.help and "unwell" in q.help, q.help  # below 36 °C, or feeling unwell, counts too
    # ... and her result, unsure of a fever, says the same cut-off
    text = assess_cli({"age": 67, "sex": "female", "findings": JOAN, "unsure": ["fever"]}, tmp_path)
    assert "37.5 °C" in text and "36 °C" in text and "38 °C" not in text, text


def _fever_help(chemotherapy: bool | None) -> str:
    """The fever question as the check words it after the chemotherapy question was answered (None: not sure)."""
    iv = start(67, "female")
    iv = answer(iv, finding_question("chemotherapy"), {} if chemotherapy is None else {"chemotherapy": chemotherapy})
    return worded(finding_question("fever"), iv).help


def test_near_miss_no_chemotherapy_keeps_the_38_degree_question() -> None:
    help_ = _fever_help(False)
    assert help_.startswith("Answer yes if a thermometer shows 38 °C"), help_


def test_unknown_chemotherapy_question_still_names_its_cut_off() -> None:
    """Chemotherapy not sure: the plain help, which says the chemotherapy cut-off beside the 38 °C one."""
    help_ = _fever_help(None)
    assert "38 °C" in help_ and "37.5 °C" in help_ and "chemotherapy" in help_, help_
    assert _fever_help(True) == _fever_question().help  # the walk's words are the worded question's


@pytest.mark.parametrize("text", ["No fever that I know of", "no fever that I know of, fingers tingle"])
def test_no_fever_that_i_know_of_is_a_no_left_to_its_question(text: str) -> None:
    """A hedged no to a warning sign is read as a no, kept as understood but not in the case: its question asks it."""
    parsed = parse_json(text)
    spans = [s for s in parsed["spans"] if isinstance(s, dict) and s.get("finding") == "fever"]  # type: ignore[union-attr]
    assert spans and all(s["status"] == "denied" for s in spans), spans
    assert "fever" not in parsed["findings"] and "fever" not in parsed["unsure"]  # type: ignore[operator]


# --- Kevin: never tested for diabetes is not diabetes; his drinking and its years ----------------------------------

KEVIN = ("I'm a 45 year old man, a lorry driver. I drink heavily, most days, for years. Both my hands and my feet "
         "have been numb and burning for some months, worse at night. Don't know my blood sugar, never been tested "
         "for diabetes.")


def _read(text: str) -> tuple[dict[str, bool], list[str]]:
    parsed = parse_json(text)
    found, unsure = parsed["findings"], parsed["unsure"]
    assert isinstance(found, dict) and isinstance(unsure, list)
    return found, unsure


def test_kevin_never_tested_is_not_a_yes_to_diabetes() -> None:
    found, unsure = _read(KEVIN)
    assert "diabetes" not in found and "diabetes" in unsure, (found, unsure)
    assert found.get("heavy_alcohol") is True and found.get("numb_feet") is True


@pytest.mark.parametrize("text", [
    "never been tested for diabetes",
    "don't know my blood sugar",
    "Don't know my blood sugar levels",
    "not sure if I have diabetes",
    "no idea what my blood sugar is",
])
def test_unknown_diabetes_is_not_sure_never_a_yes(text: str) -> None:
    found, unsure = _read(text)
    assert found.get("diabetes") is not True and "diabetes" in unsure, (text, found, unsure)


def test_blood_sugar_never_checked_is_a_no_its_question_asks() -> None:
    """'Never had my blood sugar checked' denies it: not a yes, and not in the case (its question asks)."""
    found, unsure = _read("I've never had my blood sugar checked")
    assert "diabetes" not in found and "diabetes" not in unsure, (found, unsure)


@pytest.mark.parametrize("text", ["I have diabetes", "my blood sugar is high", "type 2 diabetic on metformin"])
def test_near_miss_diabetes_said_is_still_a_yes(text: str) -> None:
    assert _read(text)[0].get("diabetes") is True


@pytest.mark.parametrize("text", ["I drink most days", "he drinks most days", "drinking most nights",
                                  "he drinks heavily", "I drink heavily"])
def test_drinking_most_days_is_heavy_alcohol(text: str) -> None:
    assert _read(text)[0].get("heavy_alcohol") is True


def test_near_miss_one_night_of_drinking_is_not_heavy_alcohol() -> None:
    assert _read("after a heavy night's drinking my hand went numb")[0].get("heavy_alcohol") is not True


@pytest.mark.parametrize("text", [
    "I drink heavily, most days, for years. Both hands numb.",
    "heavy drinker, for years, both hands numb",
    "I drink most days, have done for years. My feet tingle.",
])
def test_years_of_drinking_are_not_how_long_the_numbness_lasted(text: str) -> None:
    found, _ = _read(text)
    assert "lasting_over_6_weeks" not in found, (text, found)


def test_near_miss_years_said_of_the_numbness_still_count() -> None:
    found, _ = _read("heavy drinker, numb feet for years")
    assert found.get("lasting_over_6_weeks") is True
    found, _ = _read("I drink heavily, my hands have been numb for years")
    assert found.get("lasting_over_6_weeks") is True


def test_kevins_length_comes_from_his_months_of_numbness() -> None:
    parsed = parse_json(KEVIN)
    words = [s["text"] for s in parsed["spans"] if isinstance(s, dict) and s.get("finding") == "lasting_over_6_weeks"]  # type: ignore[union-attr]
    assert words and "for years" not in words and parsed["findings"].get("lasting_over_6_weeks") is True, words  # type: ignore[union-attr]


# --- Rosa: no "no rush" beside a visit the level asks for; fingertip sores on the watch list ----------------------

ROSA: dict[str, Any] = {"age": 60, "sex": "female", "unsure": ["onset_sudden"], "days_so_far": 8, "findings": {
    "skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "both_hands": True, "comes_and_goes": True,
    "autoimmune_disease": True, "lasting_over_6_weeks": False, "onset_gradual": False}}
# the common, harmless kind: under 30, both hands, no sores, joints or autoimmune disease
YOUNG: dict[str, Any] = {"age": 22, "sex": "female", "unsure": [], "findings": {
    "skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "both_hands": True, "comes_and_goes": True,
    "fingertip_sores": False, "joint_pain_swelling": False, "autoimmune_disease": False}}
NO_RUSH = "there is no rush"
SORES = "sores or ulcers on your fingertips"


def test_rosa_routine_visit_has_no_no_rush_line(tmp_path: Path) -> None:
    text = assess_cli(ROSA, tmp_path)
    assert "BOOK A DOCTOR'S VISIT" in text and "Raynaud" in text, text
    assert NO_RUSH not in text and "next routine doctor's visit" not in text, text


def test_near_miss_primary_raynaud_keeps_no_rush(tmp_path: Path) -> None:
    text = assess_cli(YOUNG, tmp_path)
    assert "CARE FOR IT AT HOME" in text and NO_RUSH in text, text


def test_unknown_autoimmune_not_known_in_the_young_gives_no_no_rush(tmp_path: Path) -> None:
    """Under 30 but an autoimmune disease not known: not the complete harmless pattern, so no 'no rush'."""
    case = {**YOUNG, "findings": {k: v for k, v in YOUNG["findings"].items() if k != "autoimmune_disease"}}
    assert NO_RUSH not in assess_cli(case, tmp_path)


def test_rosa_see_a_doctor_today_names_fingertip_sores(tmp_path: Path) -> None:
    groups = result_groups(ROSA, tmp_path)
    today = next(v for k, v in groups.items() if k.startswith("See a doctor today"))
    assert any(SORES in line for line in today), today


def test_near_miss_sores_already_said_are_not_a_watch_line(tmp_path: Path) -> None:
    groups = result_groups(with_findings(ROSA, fingertip_sores=True), tmp_path)
    assert not any(SORES in line and line.startswith("You get") for v in groups.values() for line in v), groups


def test_unknown_no_colour_change_gives_no_fingertip_line(tmp_path: Path) -> None:
    """Numb fingers with no colour changes: no fingertip-sore line (it is a Raynaud's sign)."""
    case = {"age": 60, "sex": "female", "findings": {"both_hands": True, "comes_and_goes": True}, "unsure": []}
    assert SORES not in assess_cli(case, tmp_path)


def test_primary_raynaud_names_fingertip_sores_once(tmp_path: Path) -> None:
    assert assess_cli(YOUNG, tmp_path).count(SORES) == 1
