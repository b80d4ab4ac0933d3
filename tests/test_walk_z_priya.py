"""Walkthrough Z (independent reviewer, Z1 Priya): a hypo read as a heart attack, and two sugar screens that disagree.

Priya, 35, type 1 diabetes on insulin, shaky and sweaty after a skipped lunch, fingers and lips tingling, not sure
whether she is confused, no chest pain, no sugar yet.

1. (HIGH) Step by step, her sweat made her tick "You have a cold sweat, feel sick, or feel light-headed" on the first
   list: "CALL EMERGENCY SERVICES NOW, can be a heart attack" at once, never a word of diabetes or sugar. Now a
   heart-attack call resting on that sign alone (no chest pain, no breathlessness) asks one question first
   (interview.yaml `before_call_now`, `only_without`): do you have diabetes? A yes leads what to do with the sugar
   first aid (em_low_sugar_signs). With chest pain the call never waits for it.
2. (HIGH) After "Suddenly", the low-sugar screen said "call if you might be confused, or are not better 10 to 15
   minutes after the sugar", and the result then said "Do not wait to see if the sugar helps before you call". Now
   beside another emergency the screen says call now and have the sugar while waiting (`sugar_first.action_beside`),
   and while how it started is not known its call line adds a sudden start (`sugar_first.action_onset_unknown`).
3. (MEDIUM) "It did not go away fully within an hour" counted against a hypo that is still going on; and "none of
   these" to "Which of these fit" came back as "? Is the numbness there all the time? ? Does the numbness come and go?"
   under "What would tell the causes apart".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from numbwise.assess.explain import cause_reasons, statement
from numbwise.assess.interview import (Interview, act_first, answer, choice_answer, describe, emergency_first,
                                       fingers_answer, listed_none, next_question, outcome, start, still_line)
from numbwise.assess.lists import list_answer
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import check_cli

HEART = next(b for b in load().interview.before_call_now if b.ask == "diabetes")
SUGAR = load().interview.sugar_first
assert SUGAR is not None and SUGAR.action_beside and SUGAR.action_onset_unknown and SUGAR.still_onset_unknown
WAIT = "10 to 15 minutes after the sugar"
CALL_NOW = "CALL EMERGENCY SERVICES NOW"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _first_list(yes: Collection[str], unsure: Collection[str] = ()) -> Interview:
    """Step by step, 35 f: the first list with these ticked, these 'not sure', the rest no."""
    iv = start(35, "female")
    q = next_question(iv)
    assert q is not None and q.id == "screen_emergency"
    return answer(iv, q, {f: f in yes for f in q.findings if f not in unsure})


def _sugar_todo(iv: Interview) -> str:
    """The first line of what to do on the result."""
    plan = result_plan(outcome(iv), iv.unsure)
    return plan.do[0] if plan.do else ""


# 1. A cold sweat alone: ask about diabetes before the heart-attack call


def test_cold_sweat_alone_asks_diabetes_first_in_its_own_words_under_the_call_line() -> None:
    iv = _first_list({"cold_sweat_nausea"}, {"confusion"})
    assert outcome(iv).triage == "emergency" and "em_heart" in outcome(iv).rules
    q = next_question(iv)
    assert q is not None and q.findings == ("diabetes",) and q.text == _flat(HEART.text)
    assert not emergency_first(iv)  # no 1-or-2 screen that lets the result come before it
    assert still_line(iv) == _flat(HEART.still)


def test_a_yes_to_diabetes_leads_what_to_do_with_the_sugar() -> None:
    iv = _first_list({"cold_sweat_nausea"}, {"confusion"})
    q = next_question(iv)
    assert q is not None
    iv = answer(iv, q, {"diabetes": True})
    assert next_question(iv) is None  # one question only: the result follows at once
    assert outcome(iv).triage == "emergency"
    assert "sugary drink" in _sugar_todo(iv)


def test_in_the_terminal_priya_is_asked_about_diabetes_and_told_sugar_first() -> None:
    """The first list: 12 (the cold sweat), Enter for no to the others, then yes to diabetes."""
    out = check_cli("12\n\ny\n35\nf\n", codes=(0, 1))
    assert _flat(HEART.text) in out and CALL_NOW in out
    todo = out.split("What to do", 1)[1]
    assert todo.index("sugary drink") < todo.index("Call your emergency number now")


def test_near_miss_with_chest_pain_no_question_is_asked() -> None:
    iv = _first_list({"cold_sweat_nausea", "chest_pain"})
    assert next_question(iv) is None and outcome(iv).triage == "emergency"
    out = check_cli("10 12\n\n35\nf\n", codes=(0, 1))
    assert _flat(HEART.text) not in out and CALL_NOW in out


def test_near_miss_beside_another_emergency_no_question_is_asked() -> None:
    """Sick with a sudden, very bad headache (walkthrough Y, Peter): a stroke's call, never a diabetes question first;
    and signs of low blood sugar said already: the sugar first aid leads without it."""
    peter = _first_list({"cold_sweat_nausea", "severe_sudden_headache"})
    assert next_question(peter) is None and outcome(peter).triage == "emergency"
    signs = describe(start(35, "female"), {"low_sugar_symptoms": True, "cold_sweat_nausea": True, "confusion": False,
                                           "chest_pain": False, "shortness_of_breath": False})
    q = next_question(signs)
    assert q is None or q.findings != ("diabetes",) or q.text != _flat(HEART.text)


def test_near_miss_chest_pain_not_sure_never_waits_either() -> None:
    iv = _first_list({"cold_sweat_nausea"}, {"chest_pain"})
    assert next_question(iv) is None


def test_unknown_diabetes_not_sure_gives_the_heart_result_as_the_rules_say() -> None:
    iv = _first_list({"cold_sweat_nausea"})
    q = next_question(iv)
    assert q is not None and q.findings == ("diabetes",)
    iv = answer(iv, q, {})
    assert next_question(iv) is None
    assert set(outcome(iv).rules) == {"em_heart"} and "sugary" not in _sugar_todo(iv)
    no = answer(_first_list({"cold_sweat_nausea"}), q, {"diabetes": False})
    assert set(outcome(no).rules) == {"em_heart"}


# 2. The sugar screen's call line agrees with the start


def _step_by_step(onset: int | None) -> tuple[Interview, list[str]]:
    """Step by step: confusion not sure on the first list, how it started (`onset`: option index, None not sure),
    both whole hands, the signs of low blood sugar, diabetes and insulin yes, the rest no; the sugar step's lines."""
    yes = {"low_sugar_symptoms", "diabetes", "insulin_or_sulfonylurea"}
    iv = start(35, "female")
    shown: list[str] = []
    for _ in range(30):
        q = next_question(iv)
        if q is None:
            break
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, onset) if onset is not None else {})
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, {0}))
        else:
            doubt = {"confusion"} if q.id == "screen_emergency" else set()
            iv = answer(iv, q, {f: f in yes for f in q.findings if f not in doubt})
        step = act_first(iv)
        if step is not None:
            shown = [step.title, *step.lines]
    return iv, shown


def test_suddenly_then_the_sugar_screen_says_call_now_and_sugar_while_waiting() -> None:
    iv, shown = _step_by_step(0)
    assert outcome(iv).triage == "emergency" and shown
    assert shown[1] == _flat(SUGAR.action_beside or "") and WAIT not in shown[1]
    plan = result_plan(outcome(iv), iv.unsure)
    assert "call" in shown[0].lower() and any("Do not wait to see if the sugar helps" in t for t in plan.do_not)


def test_near_miss_over_hours_keeps_the_plain_sugar_line() -> None:
    _, shown = _step_by_step(1)
    assert shown and WAIT in shown[1] and "suddenly" not in shown[1]


def test_unknown_start_the_words_screen_adds_a_sudden_start_to_its_call_line() -> None:
    """Own words (the start not said): the sugar screen and the line above "How did the numbness start?"."""
    found = {"diabetes": True, "insulin_or_sulfonylurea": True, "low_sugar_symptoms": True, "numb_around_mouth": True}
    iv = describe(start(35, "female"), found, {}, ("confusion",))
    step = act_first(iv)
    assert step is not None and step.lines[0] == _flat(SUGAR.action_onset_unknown or "")
    assert still_line(iv) == _flat(SUGAR.still_onset_unknown or "")
    words = ("35 f, type 1 diabetes on insulin. feel shaky and sweaty, my fingers and lips are tingling, skipped "
             "lunch. not sure if i am confused, no chest pain")
    out = check_cli("\n2\n\n1\nq\n", "--describe", words, codes=(0, 130))
    before_onset = out.split("How did the numbness start?")[0]
    assert _flat(SUGAR.action_onset_unknown or "") in before_onset
    assert _flat(SUGAR.still_onset_unknown or "") in before_onset.rsplit("Question 2:", 1)[0]
    after = out.split("You said: Suddenly", 1)[1]
    assert WAIT not in after.split("Question 3:")[0]


# 3. A hypo going on now, and a list answered "none of these"


def test_not_gone_within_an_hour_is_no_point_against_a_hypo_going_on() -> None:
    said = statement("episode_resolved_within_hour", False)
    with_signs = {"low_sugar_symptoms": True, "insulin_or_sulfonylurea": True, "episode_resolved_within_hour": False}
    away = cause_reasons(with_signs, "low_blood_sugar", 0.9).away
    assert ("episode_resolved_within_hour", False) not in away
    near = {"low_sugar_symptoms": False, "insulin_or_sulfonylurea": True, "episode_resolved_within_hour": False}
    assert ("episode_resolved_within_hour", False) in cause_reasons(near, "low_blood_sugar", 0.5).away
    assert said  # the words it would have said


def _words_walk(pattern: Mapping[str, bool | None] | None = None) -> Interview:
    """Priya's own words, then the questions: how it started not sure, both whole hands, every list none (or the
    pattern list marked as `pattern`), the rest no."""
    found = {"diabetes": True, "insulin_or_sulfonylurea": True, "low_sugar_symptoms": True, "numb_around_mouth": True}
    iv = describe(start(35, "female"), found, {}, ("confusion",))
    for _ in range(30):
        q = next_question(iv)
        if q is None:
            break
        if q.id == "onset":
            iv = answer(iv, q, {})
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, {0}))
        elif q.kind in ("screen", "sweep"):
            marks = pattern if q.id == "screen_pattern" and pattern is not None else {}
            iv = answer(iv, q, *list_answer(q, marks, "no"))
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
    return iv


def test_none_of_these_is_not_listed_again_as_questions_that_tell_causes_apart() -> None:
    iv = _words_walk()
    assert {"constant", "comes_and_goes"} <= listed_none(iv)
    plan = result_plan(outcome(iv), iv.unsure, listed_none=listed_none(iv))
    asked = [_flat(load().findings[f].question) for f in ("constant", "comes_and_goes")]
    assert not set(asked) & set(plan.questions)


def test_near_miss_the_same_answers_with_no_list_shown_may_still_ask_them() -> None:
    """The same answers as a case (no list was shown): the result may still list those questions."""
    iv = _words_walk()
    assert listed_none(start(35, "female")) == frozenset()
    plan = result_plan(outcome(iv), iv.unsure)
    asked = [_flat(load().findings[f].question) for f in ("constant", "comes_and_goes")]
    assert set(asked) & set(plan.questions)


def test_unknown_the_list_not_sure_is_no_none_of_these() -> None:
    iv = _words_walk({"constant": None, "comes_and_goes": None})
    assert not {"constant", "comes_and_goes"} & listed_none(iv)


def test_in_the_terminal_the_result_does_not_ask_them_again() -> None:
    words = ("35 f, type 1 diabetes on insulin. feel shaky and sweaty, my fingers and lips are tingling, skipped "
             "lunch. not sure if i am confused, no chest pain")
    # keep the words, answer the questions, the first list none, not sure how it started, both whole hands, then
    # none (Enter) to every list and no to the rest
    out = check_cli("\n2\n\n?\nR0 L0\n" + "\n" * 6 + "n\n" * 12, "--describe", words, codes=(0, 1))
    assert "What would tell the causes apart" not in out or "Is the numbness there all the time?" not in \
        out.split("What would tell the causes apart", 1)[1]
    assert "It did not go away fully within an hour" not in out
