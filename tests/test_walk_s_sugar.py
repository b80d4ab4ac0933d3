"""Walkthrough S (reviewer S3, Priya): low blood sugar stays on every result that has its signs.

Priya, 35, type 1 diabetes on insulin: "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch", not
sure whether she is confused. Every question showed "Signs of low blood sugar: ... have something sugary now", but
when she answered the start question "Suddenly" the call-now result (the stroke rules) dropped low blood sugar: no
sugar step, stroke advice only. Now the low-sugar rule's first-aid line leads the to-do list of any call-now result
with signs of low blood sugar, as it does when that rule fires beside another emergency (`also_first`). Also: the
cold-sweat check said "goes within about 15 minutes of a sugary drink" and "if you are not sure, call now" in one
paragraph (one order now: sugar, then call if it has not eased 10 to 15 minutes later, or at once with chest pain);
a 'not sure' confusion's banner says both steps and its reason never states the confusion as a fact; the "we don't
know your age ... home care" line is not said under a banner of first aid to do now. Near misses: no signs of low
blood sugar (no sugar line on a stroke result), confusion yes (the line once, first).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.triage import triage
from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, result_groups, run_cli
from tests.test_walk_o_sugar import FINDINGS, PRIYA

WORDS = "35 f, feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"
# her words kept; confusion not sure; go on with the questions; the emergency screen none; diabetes yes; insulin yes;
# "Suddenly"; no injury; both whole hands; then not sure of the rest
KEYS_SUDDEN = "\n?\n2\n\ny\ny\n1\nn\nR0 L0\n?\n?\n?\n?\n?\n"
SUDDEN: dict[str, Any] = {**PRIYA, "findings": {**FINDINGS, "onset_sudden": True}}
WHAT_TO_DO = "What to do"
CALL = "Call your emergency number now, or ask someone near you to call."


def _rule(rule_id: str) -> Any:
    return next(r for r in load().triage.rules if r.id == rule_id)


def _also() -> str:
    """The sugar rule's first-aid line as said to someone who said they have diabetes (`reworded` drops the 'if')."""
    act = _rule("em_low_sugar_confused").act
    return " ".join(act.also.split())


def _todo(text: str) -> str:
    """The what-to-do part of a flattened result."""
    return text.split(WHAT_TO_DO, 1)[1].split("Why this level")[0]


def test_her_words_and_a_sudden_start_keep_the_sugar_first_on_the_call_now_result() -> None:
    """Finding 1 (HIGH), the terminal as she used it: "Suddenly" gives the call-now result, and its to-do list still
    starts with the sugar (before "call now"), with the rule's do-not for a helper."""
    out = " ".join(run_cli("--plain", "check", "--no-diary", "--describe", WORDS, input=KEYS_SUDDEN).out.split())
    assert "Question 5: How did the numbness start?" in out and "CALL EMERGENCY SERVICES NOW" in out
    todo = _todo(out.split("CALL EMERGENCY SERVICES NOW", 1)[1])
    assert todo.index(_also()) < todo.index(CALL)
    assert "Do not give food or drink to someone who is drowsy or cannot swallow safely." in todo


def test_the_plan_puts_the_sugar_line_first_on_any_call_now_result_with_its_signs(tmp_path: Path) -> None:
    """The core (one plan for every face): not sure of confusion, or a no, on a sudden start: the line first, once."""
    for case in (SUDDEN, {**SUDDEN, "unsure": [], "findings": {**SUDDEN["findings"], "confusion": False}}):
        plan = assess_plan(case, tmp_path)
        assert plan["level"] == "emergency" and plan["title"] != _rule("em_low_sugar_confused").act.title
        assert plan["do"][0] == _also() and plan["do"].count(_also()) == 1, case
        assert CALL in plan["do"]  # the stroke's own steps stay


def test_near_miss_a_yes_to_confusion_says_the_line_once_first(tmp_path: Path) -> None:
    plan = assess_plan({**SUDDEN, "unsure": [], "findings": {**SUDDEN["findings"], "confusion": True}}, tmp_path)
    assert plan["level"] == "emergency" and plan["do"][0] == _also() and plan["do"].count(_also()) == 1


def test_near_miss_no_low_sugar_signs_no_sugar_line_on_a_stroke_result(tmp_path: Path) -> None:
    case = {**SUDDEN, "findings": {**SUDDEN["findings"], "low_sugar_symptoms": False, "diabetes": False,
                                   "insulin_or_sulfonylurea": False}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency" and plan["do"][0] == CALL
    assert not any("sugary" in d for d in plan["do"])


def test_the_cold_sweat_check_says_one_order_of_steps(tmp_path: Path) -> None:
    """Finding 2 (HIGH): the check for a cold sweat not sure of, under "treat low blood sugar now", said "goes within
    about 15 minutes of a sugary drink" and "if you are not sure, call now" together; and "you still sweat after
    something sugary" (call now) beside "not better 10 to 15 minutes after"."""
    case = {**PRIYA, "unsure": ["confusion", "cold_sweat_nausea"],
            "findings": {k: v for k, v in FINDINGS.items() if k != "cold_sweat_nausea"}}
    text = assess_cli(case, tmp_path)
    entry = load().findings["cold_sweat_nausea"]
    sweat = " ".join(entry.how_to_check_with["low_sugar_symptoms"].split())
    assert sweat in text and " ".join((entry.how_to_check or "").split()) not in text  # the one worded for her
    assert "within about 15 minutes" not in text and "If you are not sure, call your emergency number now" not in sweat
    assert "10 to 15 minutes" in sweat and "chest pain" in sweat
    assert sweat.index("sugary") < sweat.index("10 to 15 minutes")  # sugar first, then when to call
    watch = " ".join(result_groups({**PRIYA, "findings": FINDINGS}, tmp_path)["Call your emergency number now if"])
    assert "still sweat after something sugary" not in watch and "still sweat 10 to 15 minutes after" in watch
    help_ = " ".join(load().findings["cold_sweat_nausea"].help.split())
    assert "about 15 minutes" not in help_ and "10 to 15 minutes" in help_


def test_a_not_sure_confusion_banner_says_both_steps_and_no_confusion_as_fact(tmp_path: Path) -> None:
    """Finding 3: the banner's title says sugar and the call; "Why this level" never says "with confusion" as a fact."""
    act = _rule("em_low_sugar_confused").act
    plan = assess_plan(PRIYA, tmp_path)
    assert plan["title"] == act.title_if_unsure and "sugary" in plan["title"] and "call" in plan["title"]
    text = assess_cli(PRIYA, tmp_path)
    why = text.split("Why this level", 1)[1]
    assert "with confusion" not in why and "not sure" in why
    # a yes is no doubt: no not-sure title (near miss)
    yes = assess_plan({**PRIYA, "unsure": [], "findings": {**FINDINGS, "confusion": True}}, tmp_path)
    assert yes["level"] == "emergency" and yes["title"] != act.title_if_unsure


def test_the_early_sugar_step_takes_the_same_title_as_the_result() -> None:
    """The first aid shown at once (her 'not sure') and the result's banner share the one title."""
    out = " ".join(run_cli("--plain", "check", "--no-diary", "--describe", WORDS, input="\n?\n1\n").out.split())
    title = _rule("em_low_sugar_confused").act.title_if_unsure
    assert title in out and title.upper() in out


def test_no_age_home_care_line_under_first_aid_now(tmp_path: Path) -> None:
    """Finding 4: "we don't know your age ... home care" does not sit under a banner of first aid to do now; a
    routine result without an age still says it (near miss)."""
    line = _rule("ro_age_not_known").why
    no_age = {k: v for k, v in PRIYA.items() if k not in ("age", "sex")}
    assert line not in assess_cli(no_age, tmp_path)
    plain = {"findings": {"both_hands": True, "onset_sudden": False}, "unsure": []}
    assert line in assess_cli(plain, tmp_path)


def test_near_miss_very_low_sugar_signs_one_sugar_line_first(tmp_path: Path) -> None:
    """A cold sweat with signs of low blood sugar sets the very-low-sugar rule, whose own sugar line (the same words
    once diabetes is said) now leads too: said once, first, never two sugar lines."""
    case = {**SUDDEN, "unsure": [], "findings": {**SUDDEN["findings"], "cold_sweat_nausea": True, "confusion": False}}
    plan = assess_plan(case, tmp_path)
    assert "em_low_sugar_signs" in triage(case["findings"], 35).rules  # the premise
    sugar = [d for d in plan["do"] if "sugary" in d]
    assert len(sugar) == 1 and plan["do"][0] == sugar[0], plan["do"]
    unknown = {**case, "findings": {k: v for k, v in case["findings"].items() if k not in ("diabetes", "insulin_or_sulfonylurea")}}
    sugar = [d for d in assess_plan(unknown, tmp_path)["do"] if "sugary" in d]
    assert len(sugar) == 1, sugar


def test_a_sudden_start_emergency_keeps_no_wait_ten_minutes_line_above_the_questions() -> None:
    """Walkthrough T (Priya, sudden start): every question said "call ... if not better 10 to 15 minutes after the
    sugar", then the emergency result said "do not wait". Once the answers are another emergency, the line above the
    questions is the emergency's own; near miss: low-sugar signs alone keep the sugar line."""
    from numbwise.assess.interview import describe, outcome, start, still_line
    from numbwise.kb import load

    sugar = load().interview.sugar_first
    assert sugar is not None
    told = {"low_sugar_symptoms": True, "diabetes": True, "insulin_or_sulfonylurea": True, "numb_around_mouth": True,
            "both_hands": True}
    calm = describe(start(35, "female"), told, {}, ("confusion",))
    assert still_line(calm) == " ".join((sugar.still_onset_unknown or sugar.still).split())  # start not known yet
    sudden = describe(start(35, "female"), {**told, "onset_sudden": True}, {}, ("confusion",))
    assert outcome(sudden).triage == "emergency" and not set(outcome(sudden).rules) <= {sugar.rule}
    line = still_line(sudden)
    assert line is not None and "10 to 15 minutes" not in line and "call your emergency number" in line.lower()
