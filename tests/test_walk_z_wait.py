"""Walkthrough Z (independent reviewers): Zoe, Grace and Helen, the call-now screen and its words.

1. HIGH (Zoe, 16): pins and needles in her whole left hand on waking after sleeping on her arm, gone within 5 minutes
   of shaking it. Step by step, the call-now screen came right after the fingers, before the list with "It started
   after ... sleeping on your arm, and eased within minutes": "Answer a few questions" gave home care, "See what to do
   now" gave call now. The screen now waits (two questions at most) for a question some answer to which takes the
   call-now away, and while it waits that list comes first (`interview._now_waits`, `_now_step`).
2. MEDIUM (Zoe, Grace): "even if you feel fine otherwise" and "Do not wait to see if it goes away" said to someone
   whose numbness has gone: said in the words of a spell that has gone.
3. MEDIUM (Helen): under a call-now banner, the not-sure group of a lower level said "see a doctor today".
"""

from __future__ import annotations

from collections.abc import Collection

from numbwise.assess.interview import (Interview, answer, choice_answer, fingers_answer, next_question, now_first,
                                       outcome, start, still_line)
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import check_cli

NOW_TITLE = load().triage.unsure_lead["emergency"].now_title or ""
CHOICE = "Type 1 to see what to do now, or 2 to answer a few questions"
WOKE = 4  # "I first noticed it on waking, or I don't know how fast it came"
PRESSURE = "after_pressure_on_arm"
ZOE_YES = {PRESSURE, "episode_resolved_within_hour", "shaking_relieves"}
CALM = " ".join((load().interview.emergency_first.still if load().interview.emergency_first else "").split())
assert NOW_TITLE and CALM


def _walk(yes: Collection[str] = (), unsure: Collection[str] = ()) -> tuple[Interview, list[str], list[int], list[str]]:
    """Zoe's step by step as both faces drive it: 16, female (About you first), the first list none, woke with it,
    less than a day, the whole left hand, then yes to `yes`, not sure of `unsure`, no to the rest. Returns the
    interview, the question ids, after which question numbers (1-based) the call-now screen came, and the findings
    each question asked."""
    iv = start(16, "female")
    asked: list[str] = []
    screens: list[int] = []
    items: list[str] = []
    while (q := next_question(iv)) is not None and len(asked) < 40:
        asked.append(q.id)
        items.append(",".join(q.findings))
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, WOKE))
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, set()))
        else:
            iv = answer(iv, q, {f: f in yes for f in q.findings if f not in unsure})
        if now_first(iv):
            screens.append(len(asked))
    return iv, asked, screens, items


def _pressure_at(asked: list[str], items: list[str]) -> int:
    """The question number (1-based) that asked about pressure on the arm."""
    return next(i + 1 for i, found in enumerate(items) if PRESSURE in found.split(","))


def test_zoe_step_by_step_no_call_now_screen_before_the_pressure_question() -> None:
    """The hit: the list with the pressure story comes right after the fingers (question 5, not 7), while the screen
    waits; her yes takes the call-now away, so no screen says it, and the result is home care."""
    iv, asked, screens, items = _walk(ZOE_YES)
    assert asked[:4] == ["screen_emergency", "onset", "how_long", "fingers"]
    assert _pressure_at(asked, items) == 5 and asked[4] == "screen_pattern"
    assert screens == []
    plan = result_plan(outcome(iv), iv.unsure)
    assert outcome(iv).triage == "self_care" and not plan.caution_now


def test_zoe_keeps_the_calm_call_line_above_each_question_while_the_screen_waits() -> None:
    """The fingers and the pressure list, asked while the result would call now, carry the calm call line."""
    iv = start(16, "female")
    lines = []
    for _ in range(5):
        q = next_question(iv)
        assert q is not None
        lines.append(still_line(iv))
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, WOKE))
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, set()))
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
    assert lines[2:5] == [CALM, CALM, CALM]  # how long, the fingers, the pattern list


def test_zoe_in_the_terminal_no_choice_screen_and_home_care() -> None:
    """The terminal as she used it: none, 16 f, woke with it, less than a day, whole left hand, then shaking helps,
    the pressure story and gone within an hour, no to the rest."""
    out = check_cli("\n16\nf\n5\n1\nL0\n5 6 7\n" + "\n" * 6 + "n\n" * 12, codes=(0, 1))
    assert CHOICE not in out and NOW_TITLE not in out.split("URGENCY")[0]
    assert out.index("sleeping on your arm") < out.index("Where else do you feel it?")
    assert "CARE FOR IT AT HOME" in out


def test_near_miss_no_pressure_the_screen_still_comes_within_the_cap() -> None:
    """Woke with it in one hand, still there, no pressure story: the screen comes once, after the pattern list (question 5):
    at most two questions after how long (question 3), the cap."""
    iv, asked, screens, _ = _walk({"constant"})  # still there
    assert screens == [5] and asked[4] == "screen_pattern"
    assert result_plan(outcome(iv), iv.unsure).caution_now


def test_near_miss_in_the_terminal_the_screen_follows_the_pattern_list() -> None:
    out = check_cli("\n16\nf\n5\n1\nL0\n\n", codes=(0, 1, 130))
    assert CHOICE in out and NOW_TITLE in out
    assert out.index("Which of these fit your numbness?") < out.index(CHOICE)


def test_unknown_pressure_not_sure_keeps_the_call_now() -> None:
    """Not sure about the pressure story never takes the call-now away: the screen still comes, within the cap."""
    iv, asked, screens, _ = _walk({"constant"}, unsure=(PRESSURE,))
    assert screens == [5]
    assert result_plan(outcome(iv), iv.unsure).caution_now
