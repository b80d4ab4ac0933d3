"""Walkthrough Q (Priya, low blood sugar): the sugar first aid comes at once, not after 7 to 11 questions.

Priya, 35, type 1 diabetes on insulin: "feel shaky and sweaty, my fingers and lips are tingling, I skipped lunch",
not sure whether she is confused. The result (treat low blood sugar now) was right but came only after 7 questions
(own words), 8 (step by step) or 11 web screens, and the 'not sure' advice for confusion gave only stroke checks.
Now, as soon as the answers hold signs of low blood sugar and confusion is not answered no, whether she might be
confused is asked next, and once it is (yes or not sure) every face shows the first aid at once (the rule's own
act: something sugary, check with a meter, when to call), with the choice to see the result or go on; a short line
stays above the later questions. Near misses: confusion answered no (no early step: the routine low-sugar advice in
the result, decided in docs/interview.md), and no signs of low blood sugar (unchanged: the stroke checks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.interview import answer, describe, finding_question, next_question, start, still_line, sugar_first
from numbwise.kb import load
from tests.conftest import result_groups, run_cli
from tests.test_walk_o_sugar import NO_SUGAR, PRIYA, PRIYA_NO

WORDS = "35 f, feel shaky and sweaty, my fingers and lips are tingling, I skipped lunch"
SCREEN = load().interview.steps[0]  # the emergency screen
CONFUSED_ITEM = list(SCREEN.items).index("confusion") + 1  # the terminal's number for "You feel confused"
SUGAR_ITEM = list(load().interview.steps[4].items).index("low_sugar_symptoms") + 1  # on "Do you have any of these?"
CONFUSED_Q = load().findings["confusion"].question
FIRST = load().interview.sugar_first
assert FIRST is not None and FIRST.still_onset_unknown and FIRST.action_onset_unknown
# how it started is not known yet on these screens: the lines that also call for a sudden start (walkthrough Z)
STILL = " ".join(FIRST.still_onset_unknown.split())
STROKE_FACE = SCREEN.if_unsure.check[0] if SCREEN.if_unsure else ""  # "Face: smile in a mirror ..."


def _act() -> Any:
    return next(r.act for r in load().triage.rules if r.id == "em_low_sugar_confused")


def _terminal(typed: str, *more: str) -> str:
    return " ".join(run_cli("--plain", "check", "--no-diary", *more, input=typed).out.split())


def _words(typed: str) -> str:
    return _terminal(typed, "--describe", WORDS)


def test_the_core_asks_confusion_first_then_shows_the_sugar_step() -> None:
    """After her words: confusion next (the first aid already on the line above it); a 'not sure' makes the step due."""
    iv = describe(start(35, "female"), {"low_sugar_symptoms": True, "numb_around_mouth": True})
    q = next_question(iv)
    assert q is not None and q.findings == ("confusion",)
    assert still_line(iv) == STILL
    assert sugar_first(iv) is None  # confusion not asked yet: asked first, so "see what to do now" has an answer
    unsure = answer(iv, q, {})
    step = sugar_first(unsure)
    assert step is not None and step.title == _act().title_if_unsure and " ".join(FIRST.action_onset_unknown.split()) in step.lines
    assert any("meter" in line for line in step.lines) and step.go_on == FIRST.go_on
    after = next_question(unsure)
    assert after is not None and after.id == SCREEN.id and "confusion" not in after.findings  # asked once
    no = answer(iv, q, {"confusion": False})
    assert sugar_first(no) is None and still_line(no) is None  # near miss: a no, no early step


def test_the_core_asks_diabetes_and_insulin_after_the_emergency_screen() -> None:
    """With signs of low blood sugar, diabetes and insulin come straight after the emergency screen, before the rest."""
    iv = describe(start(35, "female"), {"low_sugar_symptoms": True})
    iv = answer(iv, finding_question("confusion"), {})
    q = next_question(iv)
    assert q is not None and q.id == SCREEN.id
    iv = answer(iv, q, {f: False for f in q.findings})
    q = next_question(iv)
    assert q is not None and q.findings == ("diabetes",)
    iv = answer(iv, q, {"diabetes": True})
    q = next_question(iv)
    assert q is not None and q.findings == ("insulin_or_sulfonylurea",)


def test_priyas_words_show_the_sugar_step_before_the_second_question() -> None:
    """Her own words, kept; not sure whether she is confused: the first aid at once, then her choice."""
    act = _act()
    out = _words("\n?\n1\n")
    assert f"Question 1: {CONFUSED_Q}" in out
    assert out.index(STILL) < out.index("Question 1:")  # the first aid above the first question
    step = out.index(act.title_if_unsure)
    assert step > out.index("Question 1:") and act.action.split()[0] in out[step:]
    assert "meter" in out[step:] and "Call 911" in out[step:]
    assert "Question 2" not in out
    assert act.title_if_unsure.upper() in out and "You answered 1 question" in out
    assert STROKE_FACE not in out  # beside low-sugar signs, not only stroke checks
    on = _words("\n?\n2\nq\n")
    assert on.index(act.title_if_unsure) < on.index("Question 2:")
    assert on.index(STILL, on.index(act.title_if_unsure)) < on.index("Question 2:")  # the line stays


def test_step_by_step_shows_the_sugar_step_right_after_the_sugar_answer() -> None:
    """Step by step: not sure of confusion on the first screen, then signs of low blood sugar: the step at once."""
    act = _act()
    # the screen, how long, how it started and the fingers (the call-now step waits for the hands, two questions at
    # most: walkthrough X), its call-now step (a stroke sign not sure of: walkthrough S), About you, one hand, where
    # else, then "Do you have any of these?"
    # then diabetes and insulin, asked before the step under its sugar line, so that "see what to do now" leads
    # with low blood sugar beside a chance that counts them (walkthrough AB, Priya: "fewer than 1 in 20")
    out = _terminal(f"?{CONFUSED_ITEM}\n\n?\n?\n?\n2\n35\nf\n?\n?\n{SUGAR_ITEM}\n\ny\ny\n1\n")
    sugar = out.index("as can happen when blood sugar is low")
    assert "Question 7: Do you have any of these?" in out
    insulin = out.index("Question 9: Do you take insulin")
    assert sugar < out.index("Question 8: Do you have diabetes?") < insulin
    assert out.index(STILL, sugar) < insulin  # the first aid above the questions it waits for
    assert out.index(act.title_if_unsure, insulin) < out.index(act.title_if_unsure.upper())
    assert "Question 10" not in out
    assert "Low blood sugar (hypoglycaemia) (fewer than" not in out and "+ You take insulin" in out


def test_near_miss_a_no_to_confusion_gets_no_early_step() -> None:
    out = _words("\nn\nq\n")
    assert "Question 2:" in out and _act().title_if_unsure not in out


def test_near_miss_no_low_sugar_signs_keeps_the_stroke_checks() -> None:
    out = _terminal(f"?{CONFUSED_ITEM}\n\nq\n")
    assert STROKE_FACE in out and _act().title_if_unsure not in out


def test_words_doubting_confusion_beside_low_sugar_get_the_sugar_check_then_the_step() -> None:
    """Words that doubt confusion beside signs of low blood sugar: its check is the low-sugar rule's, and the first
    aid with its choice follows at once; the same doubt alone keeps the stroke checks (near miss)."""
    act = _act()
    out = _terminal("\n1\n", "--describe", "35 f, shaky and sweaty, I missed a meal, maybe a bit confused")
    assert " ".join(act.unsure_check.split()) in out and STROKE_FACE not in out
    assert out.index(act.title_if_unsure) < out.index(act.title_if_unsure.upper()) and "Question 1" not in out
    alone = _terminal("q\n", "--describe", "35 f, maybe a bit confused")
    assert STROKE_FACE in alone and act.title_if_unsure not in alone


def test_the_call_now_list_keeps_confused_or_drowsy_beside_low_sugar_signs(tmp_path: Path) -> None:
    """Result medium: her 'not sure' to confusion took "you get confused" off the watch list, the key sign."""
    line = "You get confused or drowsy, or you are not better 10 to 15 minutes after something sugary."
    for case in (PRIYA, PRIYA_NO):
        assert line in result_groups(case, tmp_path)["Call your emergency number now if"], case
    assert line not in sum(result_groups(NO_SUGAR, tmp_path).values(), [])  # near miss: no low-sugar signs


def test_her_words_are_not_said_back_as_sugar_helps(tmp_path: Path) -> None:
    """Result medium: "... and sugar helps" was shown as what she said (what we understood, and her result's
    evidence), though her words never said sugar helps: the line says only the signs."""
    out = _words("\n?\n1\n")
    assert "From what you wrote, we understood:" in out and "low blood sugar" in out.split("Question 1")[0]
    assert "sugar helps" not in out
    assert "sugar helps" not in " ".join(sum(result_groups(PRIYA, tmp_path).values(), []))
