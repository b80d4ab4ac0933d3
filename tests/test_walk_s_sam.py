"""Walkthrough S (Sam, 45): "call now" comes at once, not after 9 more screens.

His own words: "woke up this morning with my left hand tingling, still there. i think my left leg felt weak for a few
minutes when i got up but not sure. my grip feels weak too". Both faces ended with "CALL YOUR EMERGENCY NUMBER NOW /
Not sure about some emergency signs" (the call-now path for a stroke sign not sure of, one hand, start not known to be
old), but only after age, onset, fingers, four long lists and how long. Now, as soon as the answers would give that
banner (the result's own test, result.now_banner), every face shows the emergency-first screen in the banner's words,
with its two choices; how long comes first among the few questions after it ("more than a week" takes the path away),
and the screen is never shown twice. Near misses: Tariq ("for 3 weeks", start not sure: no call-now, no screen), Hana
(panic, both hands: no screen), a yes to a warning sign (the usual emergency screen), a start known to be old.
"""

from __future__ import annotations

from numbwise.assess.interview import (Interview, answer, call_advice, describe, emergency_first, length_question,
                                       next_question, now_first, outcome, start)
from numbwise.assess.result import now_banner, result_plan
from numbwise.kb import load
from tests.conftest import run_cli

SAM = ("45 m, woke up this morning with my left hand tingling, still there. i think my left leg felt weak for a few "
       "minutes when i got up but not sure. my grip feels weak too")
# the same words with no time said (walkthrough Y, Helen: "this morning" now answers how long): how long is asked
SAM_NO_TIME = SAM.replace("woke up this morning with my left hand tingling", "my left hand is tingling")
assert SAM_NO_TIME != SAM
TARIQ = ("41 m, Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes. "
         "Worse when I turn my head.")
HANA = ("24 f, When I panic I breathe fast and get tingling around my mouth and in both hands, it passes within 20 "
        "minutes when I calm down. It has happened several times over the last year.")
LEAD = load().triage.unsure_lead["emergency"]
NOW_TITLE = LEAD.now_title or ""
# Sam: one hand, not sure his leg went weak (a stroke sign): the action in those words (walkthrough W: {said}, {where})
# how long is known in each (under a week): "New numbness" ({new}: walkthrough AD, Uma)
NOW_ACTION = " ".join((LEAD.now_action or "").format(said=LEAD.now_said_sign or "", where=LEAD.now_where,
                                                     new=LEAD.now_new.format(where=LEAD.now_where)).split())
FIRST = load().interview.emergency_first
assert FIRST is not None and NOW_TITLE and NOW_ACTION
HOW_LONG = load().interview.how_long
assert HOW_LONG is not None
CHOICE = "Type 1 to see what to do now, or 2 to answer a few questions"
SCREEN = load().interview.steps[0]  # the emergency screen (Question 1 step by step)
LEG_WEAK = list(SCREEN.items).index("arm_or_leg_weakness_sudden") + 1  # the terminal's number for it


def _check(typed: str, words: str | None = SAM) -> str:
    """`numbwise --plain check` (with --describe WORDS) and these keys: the printed text, one space between words."""
    args = ("--describe", words) if words else ()
    run = run_cli("--plain", "check", "--no-diary", *args, input=typed)
    assert run.code in (0, 130), run.err + run.out  # 130: stopped with q
    return " ".join(run.out.split())


def _sam() -> Interview:
    """Sam's words as the core reads them, kept."""
    from numbwise.parse import parse

    p = parse(SAM)
    return describe(start(p.age, p.sex), dict(p.understood), {}, p.unsure)


def test_the_core_asks_how_long_then_gives_the_call_now_screen_in_the_results_own_words() -> None:
    """How long decides the call-now path ("more than a week" takes it away), so it is the one question before the
    screen: never "call now" on a screen and then "a GP within a few days" on the result (Tariq, step by step)."""
    iv = _sam()
    assert not now_first(iv)
    q = next_question(iv)
    assert q is not None and q.id == HOW_LONG.id
    less = answer(iv, q, {"lasting_over_6_weeks": False, "days_so_far=0": True})
    old = answer(iv, q, {"lasting_over_6_weeks": False, "days_so_far=8": True})
    assert now_first(less) and emergency_first(less)
    plan = result_plan(outcome(less), less.unsure)
    assert plan.caution_now  # the same test as the result's banner
    own = call_advice(less)
    assert own is not None and (own.title, own.action) == now_banner(outcome(less), less.unsure) == (plan.title, plan.action)
    assert plan.title == NOW_TITLE and " ".join(plan.action.split()) == NOW_ACTION
    assert now_banner(outcome(old), old.unsure) is None and not now_first(old) and not emergency_first(old)
    q2 = next_question(less)
    assert q2 is not None and not now_first(answer(less, q2, {f: False for f in q2.findings}))  # never twice


def test_sams_words_this_morning_show_call_now_at_once_with_no_question() -> None:
    """"Woke up this morning with it" says less than a day so far (walkthrough Y, Helen): how long is not asked again,
    the call-now screen comes first."""
    out = _check("\n1\n")
    assert HOW_LONG.text not in out and "Question 1" not in out and "About you" not in out
    screen = out.index(NOW_TITLE)
    assert NOW_ACTION in out[screen:] and "Call 911" in out[screen:] and CHOICE in out[screen:]
    assert NOW_TITLE.upper() in out[screen:]


def test_sams_words_with_no_time_ask_how_long_then_show_call_now_at_once() -> None:
    out = _check("\n1\n1\n", words=SAM_NO_TIME)
    assert f"Question 1: {HOW_LONG.text}" in out and "Question 2" not in out and "About you" not in out
    screen = out.index(NOW_TITLE)
    assert out.index("Question 1:") < screen
    assert NOW_ACTION in out[screen:] and "Call 911" in out[screen:] and CHOICE in out[screen:]
    assert NOW_TITLE.upper() in out[screen:]  # "see what to do now": the result leads with the same call


def test_answer_a_few_questions_never_shows_the_screen_twice() -> None:
    out = _check("\n1\n2\n\nq\n", words=SAM_NO_TIME)
    assert out.count(CHOICE) == 1 and out.index(CHOICE) < out.index("Question 2:")
    assert " ".join(FIRST.still.split()) in out[out.index("Question 2:") - 120:]  # the calm line stays above


def test_more_than_a_week_takes_the_call_now_path_away() -> None:
    out = _check("\n3\n" + "\n" * 30, words=SAM_NO_TIME)
    assert CHOICE not in out and NOW_TITLE.upper() not in out


def test_step_by_step_the_screen_follows_a_not_sure_stroke_sign_how_long_and_the_hands() -> None:
    """Step by step: not sure of a stroke sign on the first list; the check-now box, how long, how it started and
    the hands (both hands would take the call-now away: walkthrough X, Priya), then the call-now screen, before About
    you. Each question before it keeps the call line above it."""
    out = _check(f"?{LEG_WEAK}\n\n1\n?\nR1 R2 R3\n2\n", words=None)
    assert out.index("Check now") < out.index(HOW_LONG.text) < out.index("How did the numbness start?") \
        < out.index("Which fingers") < out.index(NOW_TITLE) < out.index(CHOICE) < out.index("About you")
    assert "Question 4: Which fingers" in out and "Question 5" not in out.split(CHOICE)[0]
    waiting = out.split("Question 3:")[0].split("You said: Less than a day.")[1]
    assert " ".join(FIRST.still.split()) in waiting  # the call line stays reachable while it waits


def test_near_miss_tariq_three_weeks_gets_no_screen() -> None:
    out = _check("\n\n?\n" + "\n" * 5 + "y\n" + "n\n\n" * 3, words=TARIQ)
    assert CHOICE not in out and NOW_TITLE.upper() not in out


def test_near_miss_hana_both_hands_gets_no_screen() -> None:
    out = _check("\n" * 30, words=HANA)
    assert CHOICE not in out and NOW_ACTION not in out


def test_near_miss_a_start_known_to_be_old_gets_no_screen() -> None:
    iv = _sam()
    iv = describe(start(45, "male"), {**iv.answers, "lasting_over_6_weeks": True}, {}, tuple(iv.unsure))
    assert not now_first(iv) and not emergency_first(iv)


def test_near_miss_a_yes_emergency_keeps_its_own_screen() -> None:
    """A yes to a stroke sign: the usual emergency screen (its own words), not the call-now path's."""
    q = next_question(start())
    assert q is not None and q.id == SCREEN.id
    iv = answer(start(), q, {f: f == "face_drooping" for f in q.findings})
    if emergency_first(iv):
        assert call_advice(iv) is None  # the screen's own emergency_first words
    assert not now_first(iv)
    assert length_question() is not None


def test_never_after_an_emergency_screen_already_shown() -> None:
    """Nadia (walkthrough R): her words made an emergency (its screen, then her usual aura explained it); 'not sure'
    of every stroke sign later would give the call-now path, but its advice was on screen already: not shown again."""
    nadia = ("tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine "
             "headache, it is gone now, same as my usual aura")
    keys = ["y", "", "2", "4", "n", "29", "f", "y", "n", "n", "n", "n", "1 2 3"] + ["?"] * 30
    out = _check("\n".join(keys) + "\n", words=nadia)
    assert out.count(CHOICE) == 1 and "Please type 1 or 2" not in out
