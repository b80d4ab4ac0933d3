"""Walkthrough X (independent reviewer, HIGH): Priya, step by step, read "call now" and then a gentler result.

Priya, 35, type 1 diabetes on insulin, shaky and sweaty after a skipped lunch, fingers of both hands and lips tingling,
not sure whether she is confused, no chest pain. Step by step she answered how it started "not sure", then "Less than a
day": the early call-now screen came at once ("To be safe, call your emergency number now"), as the result at that
moment called now for a start not sure of, in one hand (the hands not yet answered). Then she ticked both whole hands
and the signs of low blood sugar, and the result was gentler, with no reason given. Now the screen waits for the one or
two questions, asked next anyway, whose answer could take the call-now away (`interview._now_waits`): how it started
with the hands still to come, the hands, and, with diabetes or insulin, signs of low blood sugar. Near miss: one hand,
no diabetes: the screen still comes, one question later. Unknown: hands not sure: the screen still comes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from numbwise.assess.interview import (Interview, answer, choice_answer, describe, emergency_first, fingers_answer,
                                       next_question, now_first, outcome, start)
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import check_cli

LEAD = load().interview.emergency_first
NOW_TITLE = load().triage.unsure_lead["emergency"].now_title or ""
CHOICE = "Type 1 to see what to do now, or 2 to answer a few questions"
SUGAR_TEXT = " ".join(load().interview.before_call_now[0].text.split())
assert NOW_TITLE


def _walk(hands: str, first_unsure: Collection[str] = (), yes: Mapping[str, bool] | None = None,
          unsure: Collection[str] = ()) -> tuple[Interview, list[str], list[int]]:
    """The core as both faces drive it, step by step: the first list no (or 'not sure' of `first_unsure`), how it
    started not sure, less than a day, the hands as `hands` ("both", "one", "unsure"), later items yes from `yes`,
    'not sure' in `unsure`, the rest no. Returns the interview, the questions asked, and after which question numbers
    (1-based) the call-now screen (`now_first`) came."""
    yes = yes or {}
    iv = start(35, "female")
    asked: list[str] = []
    screens: list[int] = []
    while (q := next_question(iv)) is not None and len(asked) < 40:
        asked.append(q.id)
        if q.id == "onset":
            iv = answer(iv, q, {})  # not sure
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            picks = {"both": ({0}, {0}), "one": (set(), {1, 2, 3})}.get(hands)
            iv = answer(iv, q, fingers_answer(*picks) if picks else {})
        elif hands == "unsure" and q.findings == ("one_hand",):
            iv = answer(iv, q, {})  # "Only one hand?" after the picker: not sure either
        else:
            doubt = first_unsure if q.id == "screen_emergency" else unsure
            iv = answer(iv, q, {f: yes.get(f, False) for f in q.findings if f not in doubt})
        if now_first(iv):
            screens.append(len(asked))
    return iv, asked, screens


PRIYA_YES = {"low_sugar_symptoms": True, "diabetes": True, "insulin_or_sulfonylurea": True}


def test_priya_step_by_step_no_call_now_screen_the_result_takes_back() -> None:
    """The hit: the hands come before the screen; both hands take the call-now away, so no screen says it."""
    iv, asked, screens = _walk("both", yes=PRIYA_YES)
    assert asked[:3] == ["screen_emergency", "onset", "how_long"] and asked[3] == "fingers"
    assert screens == []
    assert not result_plan(outcome(iv), iv.unsure).caution_now


def test_priya_not_sure_of_confusion_the_screen_and_the_result_agree() -> None:
    """Her confusion not sure on the first list: the result ends with the sugar lead, so no call-now screen before."""
    iv, asked, screens = _walk("both", first_unsure=("confusion",), yes=PRIYA_YES)
    plan = result_plan(outcome(iv), iv.unsure)
    assert screens == [] and not plan.caution_now
    assert "sugary" in plan.title.lower()


def test_priya_in_the_terminal_sees_no_call_now_screen_then_a_gentler_result() -> None:
    """The terminal as she used it: list none, 35 f, not sure, less than a day, both whole hands, no more places,
    the low-sugar sign, diabetes, insulin, then no to the rest."""
    out = check_cli("\n35\nf\n?\n1\nR0 L0\n\n14\n\ny\ny\n" + "\n" * 3 + "n\n" * 12, codes=(0, 1))
    assert CHOICE not in out and NOW_TITLE not in out.split("URGENCY")[0]
    assert "You answered" in out


def test_near_miss_one_hand_no_diabetes_the_screen_still_comes_at_most_two_later() -> None:
    """Before: the screen right after how long (question 3); then after the hands (question 4); now after the hands
    and the list with pressure on the arm, whose answers could take the call-now away too (question 5, walkthrough Z,
    Zoe), once: two questions after how long, the cap."""
    iv, asked, screens = _walk("one")
    assert screens == [5] and screens[0] <= 3 + 2
    assert asked[:5] == ["screen_emergency", "onset", "how_long", "fingers", "screen_pattern"]


def test_near_miss_in_the_terminal_the_screen_follows_the_hands() -> None:
    out = check_cli("\n35\nf\n?\n1\nR1 R2 R3\n\n", codes=(0, 1, 130))
    assert CHOICE in out and NOW_TITLE in out
    assert out.index("Which fingers") < out.index("Which of these fit your numbness?") < out.index(NOW_TITLE)


def test_unknown_hands_not_sure_the_screen_still_comes() -> None:
    """Not sure at the fingers and at "only one hand?" never holds the call-now back: the screen comes right after,
    two questions later than before (question 3, how long), never more."""
    iv, asked, screens = _walk("unsure")
    assert screens == [5] and asked[3:5] == ["fingers", "one_hand"]


def test_the_screen_waits_two_questions_at_most() -> None:
    """A stroke sign not sure of on the first list, then how long: how it started, the fingers not sure; the
    "only one hand?" would be a third question, so the screen comes before it."""
    _, asked, screens = _walk("unsure", first_unsure=("arm_or_leg_weakness_sudden",))
    assert asked[:4] == ["screen_emergency", "how_long", "onset", "fingers"] and screens == [4]


def test_words_with_diabetes_ask_the_sugar_signs_before_the_screen() -> None:
    """From words: one hand, start not sure, today, type 1 diabetes on insulin: the low-sugar question (in its
    call-now words) comes first, then the screen; its yes with a confusion not sure gives the sugar lead instead."""
    found = {"one_hand": True, "diabetes": True, "insulin_or_sulfonylurea": True, "face_drooping": False,
             "lasting_over_6_weeks": False}
    iv = describe(start(35, "female"), found, {}, ("onset_sudden", "confusion"), days_so_far=0.5)
    assert not now_first(iv) and not emergency_first(iv)
    q = next_question(iv)
    assert q is not None and q.findings == ("low_sugar_symptoms",) and q.text == SUGAR_TEXT
    no = answer(iv, q, {"low_sugar_symptoms": False})
    assert now_first(no)
    sure = answer(iv, q, {"low_sugar_symptoms": True})
    assert not now_first(sure) and not result_plan(outcome(sure), sure.unsure).caution_now


def test_words_with_diabetes_ask_how_long_first_under_the_call_line_then_the_sugar_signs() -> None:
    """In the terminal, from words: how long comes first, under the usual call line (not the low-sugar question's,
    which says "this question can change what to do"), then the low-sugar question under its own line."""
    # (no time of day: "this afternoon" is read as its length so far, and how long is then not asked: walkthrough Y)
    words = ("35 f, type 1 diabetic on insulin. my right thumb and index finger started tingling, i dont "
             "know how fast it came on. not sure if i am confused")
    out = check_cli("\n1\nq\n", "--describe", words, codes=(0, 130))
    how_long = load().interview.how_long
    assert how_long is not None and LEAD is not None
    before_length = out.split(how_long.text)[0].rsplit("Question 1:", 1)[0]
    still = " ".join(load().interview.before_call_now[0].still.split())
    assert still not in before_length and " ".join(LEAD.still.split()) in before_length
    assert "Question 2: " + SUGAR_TEXT in out and out.index(still) < out.index("Question 2: ")
    assert CHOICE not in out  # the screen waits for that answer

