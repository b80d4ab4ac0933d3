"""Walkthrough U (independent review, Priya): beside signs of low blood sugar, no line asks or warns about what she has.

Priya, 35, type 1 diabetes on insulin: "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch", not
sure whether she is confused, no chest pain. Two HIGH contradictions with the banner ("have something sugary now, and
call for help": sugar first, call if confused or not better 10 to 15 minutes after):

1. Her result listed under "Call your emergency number now if": "Numbness that is new for you starts suddenly ...".
   Her tingling had just started: she read it as "call now" for what she already has. Beside low-sugar signs the line
   names only what is new beyond her tingling (triage_rules.yaml watch_for, `only_with` / `not_with`).
2. She had written "sweaty" (read as signs of low blood sugar), then the emergency list asked "You have a cold sweat,
   feel sick, or feel light-headed", and a yes gave the heart-attack emergency: her own answer asked again and
   overruled. Beside low-sugar signs the item asks what the banner says to call for: sick or light-headed, or still a
   cold sweat 10 to 15 minutes after something sugary (findings.yaml `checklist_with`, the single question
   `question_after_yes`), in every face (the core's `worded`).

Near misses: no signs of low blood sugar (the original line and item); not sure about them (the original wording,
never a less urgent one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.interview import answer, describe, finding_question, next_question, question, start, worded
from numbwise.kb import load
from tests.conftest import check_cli, result_groups

WORDS = "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"
FINDINGS: dict[str, bool] = {"low_sugar_symptoms": True, "numb_around_mouth": True, "diabetes": True,
                             "insulin_or_sulfonylurea": True, "chest_pain": False, "both_hands": True}
PRIYA: dict[str, Any] = {"age": 35, "sex": "female", "findings": FINDINGS, "unsure": ["confusion"]}
NO_SUGAR: dict[str, Any] = {**PRIYA, "findings": {**FINDINGS, "low_sugar_symptoms": False}}
SUGAR_UNSURE: dict[str, Any] = {**PRIYA, "unsure": ["confusion", "low_sugar_symptoms"],
                                "findings": {k: v for k, v in FINDINGS.items() if k != "low_sugar_symptoms"}}
CALL_NOW = "Call your emergency number now if"
SCREEN = load().interview.steps[0]  # the emergency screen
SWEAT = load().findings["cold_sweat_nausea"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _watch(rule: str, only_with: str | None) -> str:
    """The em_sudden_one_side watch line for a person with (only_with) or without low-sugar signs."""
    return next(_flat(w.text) for w in load().triage.watch_for
                if w.rule == rule and w.findings == ["onset_sudden"] and (only_with in w.only_with if only_with else not w.only_with))


def _original_item() -> str:
    assert SWEAT.checklist is not None
    return SWEAT.checklist


def _sugar_item() -> str:
    return _flat(SWEAT.checklist_with["low_sugar_symptoms"])


def _screen_labels(iv: Any) -> dict[str, str]:
    """The emergency screen as every face shows it for these answers (the core's `worded`): finding -> item."""
    q = worded(question(SCREEN.id, "screen", tuple(SCREEN.items)), iv)
    return dict(zip(q.findings, q.labels, strict=True))


# --- 1. the watch line -----------------------------------------------------------------------------------------------

def test_priyas_result_names_only_new_numbness_beyond_her_tingling(tmp_path: Path) -> None:
    """Finding 1 (HIGH): no "numbness that is new for you starts suddenly" beside her just-started tingling; the line
    says what is new beyond it, still under call now."""
    watch = result_groups(PRIYA, tmp_path)[CALL_NOW]
    variant = _watch("em_sudden_one_side", "low_sugar_symptoms")
    assert variant in watch and "not just the tingling you have now" in variant
    assert not any("Numbness that is new for you starts suddenly" in w for w in watch)
    assert _watch("em_sudden_one_side", None) not in watch


def test_near_miss_no_low_sugar_signs_keep_the_original_line(tmp_path: Path) -> None:
    watch = result_groups(NO_SUGAR, tmp_path)[CALL_NOW]
    assert _watch("em_sudden_one_side", None) in watch
    assert _watch("em_sudden_one_side", "low_sugar_symptoms") not in watch


def test_unknown_low_sugar_signs_keep_the_original_line(tmp_path: Path) -> None:
    """Not sure about signs of low blood sugar: the original, wider line (an unknown never narrows a warning)."""
    watch = result_groups(SUGAR_UNSURE, tmp_path)[CALL_NOW]
    assert _watch("em_sudden_one_side", None) in watch
    assert _watch("em_sudden_one_side", "low_sugar_symptoms") not in watch


# --- 2. the emergency list and the single question -------------------------------------------------------------------

def test_priyas_words_then_the_list_asks_what_the_banner_says_to_call_for() -> None:
    """Finding 2 (HIGH), the terminal as she used it: her words kept, not sure of confusion, go on, About you, then the
    emergency list: the sweat item is the sugar-aware one, never "You have a cold sweat" asked again."""
    out = check_cli("\n?\n2\n35\nf\nq\n", "--describe", WORDS, codes=(0, 130))
    assert "With the numbness, do you have any of these now" in out
    listed = out.split("With the numbness, do you have any of these now", 1)[1]
    assert _sugar_item() in listed and _original_item() not in listed
    assert "something sugary 10 to 15 minutes ago" in _sugar_item() and "sick or light-headed" in _sugar_item()


def test_the_core_worded_screen_and_single_question_beside_low_sugar_signs() -> None:
    """Every face takes the list and the single question through `worded`: both reworded after a yes to the signs."""
    iv = answer(describe(start(35, "female"), {"low_sugar_symptoms": True, "numb_around_mouth": True}),
                finding_question("confusion"), {})
    q = next_question(iv)
    assert q is not None and q.id == SCREEN.id
    labels = dict(zip(q.findings, q.labels, strict=True))
    assert labels["cold_sweat_nausea"] == _sugar_item()
    assert _screen_labels(iv)["cold_sweat_nausea"] == _sugar_item()
    single = worded(finding_question("cold_sweat_nausea"), iv)
    assert single.text == _flat(SWEAT.question_after_yes["low_sugar_symptoms"])
    assert "something sugary 10 to 15 minutes ago" in single.text and "sick or light-headed" in single.text
    # the rules stay: a yes is still the emergency, with the sugar line first
    done = answer(iv, q, {f: f == "cold_sweat_nausea" for f in q.findings})
    from numbwise.assess.triage import triage
    assert triage(done.answers, 35).level == "emergency"


def test_near_miss_no_low_sugar_signs_keep_the_original_item() -> None:
    iv = describe(start(35, "female"), {"low_sugar_symptoms": False, "numb_around_mouth": True})
    assert _screen_labels(iv)["cold_sweat_nausea"] == _original_item()
    assert worded(finding_question("cold_sweat_nausea"), iv).text == SWEAT.question
    out = check_cli("q\n", codes=(0, 130))  # the first list with no words at all
    assert _original_item() in out and _sugar_item() not in out


def test_unknown_low_sugar_signs_keep_the_original_item() -> None:
    """Not sure about signs of low blood sugar: the original item and question (a 'not sure' never rewords a sign
    into a narrower one)."""
    iv = answer(start(35, "female"), finding_question("low_sugar_symptoms"), {})
    assert "low_sugar_symptoms" in iv.asked and "low_sugar_symptoms" not in iv.answers
    assert _screen_labels(iv)["cold_sweat_nausea"] == _original_item()
    assert worded(finding_question("cold_sweat_nausea"), iv).text == SWEAT.question


def test_a_not_sure_sweat_is_named_as_it_was_asked(tmp_path: Path) -> None:
    """A 'not sure' to the reworded item is named in its words on the result, not as "You have a cold sweat"."""
    from tests.conftest import assess_cli

    case = {**PRIYA, "unsure": ["confusion", "cold_sweat_nausea"]}
    text = assess_cli(case, tmp_path)
    assert _flat(SWEAT.unsure_with["low_sugar_symptoms"]) in text
    assert _original_item() not in text
    plain = assess_cli({**NO_SUGAR, "unsure": ["confusion", "cold_sweat_nausea"]}, tmp_path)
    assert _original_item() in plain  # near miss


SCREEN_CALL = " ".join(SCREEN.if_unsure.act.split()) if SCREEN.if_unsure else ""


def test_a_not_sure_sweat_beside_low_sugar_signs_gets_no_do_not_wait_line() -> None:
    """The sweat's check beside signs of low blood sugar says sugar now, call if not eased 10 to 15 minutes later; the
    screen's "call now ... Do not wait to see if it goes away" after it told her the opposite (helper note, walkthrough U).
    Near miss: a 'not sure' face droop on the same list keeps the screen's call-now line."""
    keys = "\n?\n2\n?11\n\nq\n"
    out = check_cli(keys, "--describe", f"35 f, {WORDS}", codes=(0, 130))
    assert "Not sure about a warning sign? Check now" in out and "10 to 15 minutes after the sugar" in out
    assert SCREEN_CALL and SCREEN_CALL not in out
    droop = check_cli("\n?\n2\n?1\n\nq\n", "--describe", f"35 f, {WORDS}", codes=(0, 130))
    assert SCREEN_CALL in droop
