"""Walkthrough U (independent reviewer, HIGH): Priya, step by step, a sudden start in both hands and no sugar question.

Priya, 35, type 1 diabetes on insulin, shaky and sweaty after skipping lunch, fingers of both hands and lips tingling,
used the step-by-step check (no words): the first list none, 35 f, "Suddenly", no injury, both whole hands, no
pressure, no anxiety, not over six weeks, then "CALL EMERGENCY SERVICES NOW" (em_sudden_both_hands) after 7 questions.
Diabetes, insulin and low blood sugar were never asked, so the result had no sugar first aid while she waited for an
ambulance during a hypo. Low blood sugar is the commonest stroke mimic and causes sudden tingling of both hands and
lips. Now a call-now result resting on a sudden start in both hands asks one question first, when it is still open and
diabetes is not answered no (interview.yaml `before_call_now`): signs of low blood sugar now. Its yes puts the sugar
first aid first in what to do (em_low_sugar_confused `first_with`). Near misses: diabetes answered no, one hand (not
asked); "not sure" keeps the emergency with no sugar first aid said as if her signs were known.
"""

from __future__ import annotations

from collections.abc import Mapping

from numbwise.assess.interview import Interview, answer, finding_question, next_question, outcome, start
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import check_cli

# the first list none; 35 f; "Suddenly"; no injury; both whole hands; then the low-sugar question (asked first of the
# emergency's questions since walkthrough W), then REST: no pressure, no anxiety, not over six weeks
KEYS = "\n35\nf\n1\nn\nR0 L0\n"
REST = "n\nn\nn\n"
ONE_HAND = "\n35\nf\n1\nn\nR1 R2 R3\n" + "n\n" * 12
CALL_NOW = "CALL EMERGENCY SERVICES NOW"
CALL = "Call your emergency number now, or ask someone near you to call."
WHAT_TO_DO = "What to do"


def _text() -> str:
    entry = load().interview.before_call_now[0]
    return " ".join(entry.text.split())


def _sugar_line() -> str:
    """The sugar rule's first-aid line, as a call-now result with signs of low blood sugar leads its to-do list."""
    act = next(r for r in load().triage.rules if r.id == "em_low_sugar_confused").act
    assert act is not None and act.also is not None
    return " ".join(act.also.split())


def _todo(out: str) -> str:
    return out.split(CALL_NOW, 1)[1].split(WHAT_TO_DO, 1)[1].split("Why this level")[0]


def test_priyas_keys_get_the_sugar_question_then_the_sugar_first_on_the_call_now_result() -> None:
    """The hit, in the terminal as she used it: the one question comes before the result; yes leads with sugar."""
    out = check_cli(KEYS + "y\n" + REST)
    assert "Question 5: " + _text() in out and out.count(_text()) == 1
    assert out.index(_text()) < out.index(CALL_NOW)
    todo = _todo(out)
    assert todo.index(_sugar_line()) < todo.index(CALL)
    assert "Do not give food or drink to someone who is drowsy or cannot swallow safely." in todo
    assert "You answered 8 questions." in out


def test_a_no_keeps_the_stroke_result_without_sugar() -> None:
    out = check_cli(KEYS + "n\n" + REST)
    assert _text() in out and CALL_NOW in out
    todo = _todo(out)
    assert todo.strip().startswith("- " + CALL) and "sugary" not in todo


def test_not_sure_keeps_the_emergency_and_claims_no_sugar_signs() -> None:
    """Unknown: "not sure" never lowers the call-now result, and nothing says she has signs of low blood sugar."""
    out = check_cli(KEYS + "?\n" + REST)
    assert _text() in out and CALL_NOW in out
    said_yes = " ".join(load().findings["low_sugar_symptoms"].said_yes.split())
    result = out.split(CALL_NOW, 1)[1]
    assert said_yes not in out and "sugary drink" not in result
    assert result.index("You were not sure about these answers") < result.index("You feel shaky, sweaty, very hungry")
    assert _todo(out).strip().startswith("- " + CALL)


def test_near_miss_one_hand_sudden_is_not_asked() -> None:
    out = check_cli(ONE_HAND, codes=(0, 1))
    assert CALL_NOW in out and _text() not in out


def _walk(first: Mapping[str, bool], yes: Mapping[str, bool], stop_at: str | None = None) -> tuple[Interview, list[str]]:
    """The core as both faces drive it: `first` answered on its own before anything else, then each question
    answered from `yes` (a finding not in it: no; the onset choice: Suddenly; the fingers: both whole hands), up to
    the question `stop_at` (not answered) if given."""
    from numbwise.assess.interview import choice_answer, fingers_answer

    iv = start(35, "female")
    for fid, value in first.items():
        iv = answer(iv, finding_question(fid), {fid: value})
    asked: list[str] = []
    while (q := next_question(iv)) is not None and len(asked) < 40 and q.id != stop_at:
        asked.append(q.id)
        if q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, {0}))
        else:
            iv = answer(iv, q, {f: yes.get(f, False) for f in q.findings})
    return iv, asked


def test_the_core_asks_it_once_on_the_both_hands_path() -> None:
    iv, asked = _walk({}, {"low_sugar_symptoms": True})
    # first of the emergency's questions, right after the hands that set it (walkthrough W)
    assert asked.count("low_sugar_symptoms") == 1 and asked[asked.index("low_sugar_symptoms") - 1] == "fingers"
    result = outcome(iv)
    assert result.triage == "emergency" and "em_sudden_both_hands" in result.rules
    assert result_plan(result, iv.unsure).do[0] == _sugar_line()


def test_near_miss_diabetes_answered_no_is_not_asked() -> None:
    iv, asked = _walk({"diabetes": False}, {"low_sugar_symptoms": True})
    assert "low_sugar_symptoms" not in asked
    assert outcome(iv).triage == "emergency" and "em_sudden_both_hands" in outcome(iv).rules


def test_the_knowledge_names_the_rule_the_finding_and_the_diabetes_check() -> None:
    entry = load().interview.before_call_now[0]
    assert entry.rules == ["em_sudden_both_hands"] and entry.ask == "low_sugar_symptoms"
    assert "diabetes" in entry.skip_if_no and entry.sources



def before_the_question(first: Mapping[str, bool] | None = None) -> Interview:
    """Priya's answers up to the one question (the web test starts there), with `first` answered before them."""
    iv, _ = _walk(first or {}, {}, stop_at="low_sugar_symptoms")
    q = next_question(iv)
    assert q is not None and q.id == "low_sugar_symptoms"
    return iv
