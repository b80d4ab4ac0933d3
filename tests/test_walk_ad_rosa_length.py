"""Walkthrough AD (independent reviewer, D10 Rosa and D11 Uma): how long the numbness has been there is asked whenever
its answer changes which path the result takes for a start not known, on both routes.

Rosa, 60, rheumatoid arthritis, white-then-blue fingers in the cold this winter, "not sure" how it first started. Step
by step she was asked how long ("8 days to 6 weeks") and read "BOOK A DOCTOR'S VISIT" with the start noted below it as
not an emergency now. In her own words how long was never asked (her words say the attacks come and go, so no call-now
path hinged on it), and she read "NOT SURE HOW FAST IT STARTED / If it did not start suddenly: book a doctor's visit"
with "call your emergency number now, even if it has gone": one person, two headlines by route. Now how long is asked
once, before the result, whenever an answer to it would change the headline (the start-not-known `onset_*` lines, the
old-numbness `onset_long` / "within a few days" paths, call now); a "not sure" keeps the cautious path.

Uma, 55, not sure of almost everything: the call-now screen said "New numbness on one side of the body can itself be a
sign of a stroke" though she did not know how long she had had it; it now says the numbness may be new.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.conftest import assess_plan, check_cli

ROSA_WORDS = ("I'm 60 with rheumatoid arthritis. This winter my fingers go white then blue in the cold and go numb, "
              "then red and tingly when warmed, attacks last about 20 minutes")
ROSA_YES = frozenset({"both_hands", "comes_and_goes", "triggered_by_cold_or_stress", "skin_white_then_blue",
                      "autoimmune_disease", "episode_resolved_within_hour"})
ROSA_FINGERS = "L2 L3 L4 L5 R2 R3 R4 R5"
NOT_SURE = "?"
SLOWLY = "3"  # "Slowly, over weeks or months"
WEEK = "8 days to 6 weeks"
BOOK = "URGENCY: BOOK A DOCTOR'S VISIT"


def _length_text() -> str:
    from numbwise.kb import load

    q = load().interview.how_long
    assert q is not None
    return q.text


def _start(words: str | None) -> Any:
    """The interview as the terminal starts it: from the parser's reading of the words, or empty."""
    from numbwise.assess.interview import describe, start
    from numbwise.parse import parse

    if words is None:
        return start()
    told = parse(words)
    return describe(start(told.age, told.sex), told.findings, None, told.unsure, told.partial, told.days_so_far)


def _keys(words: str | None, yes: Collection[str], onset: str, fingers: str, length: str | None,
          age: int = 60, sex: str = "f") -> tuple[str, list[str]]:
    """The keys Rosa types at `check` (step by step, or after `--describe WORDS` with every reading kept): the
    numbers of the signs in `yes` on each list, Enter for no to the rest, `onset` at how it started, `fingers` at the
    picker, the option labelled `length` at how long (? for not sure), n at any single question. Worked out from the
    core's own questions in the terminal's order; also the ids of the questions asked."""
    from numbwise.assess.interview import about_due, answer, choice_answer, emergency_first, fingers_answer, next_question

    iv = _start(words)
    typed, ids, about = ([""] if words else []), [], False
    warned: tuple[object, ...] = ()
    while True:
        if iv.history != warned and emergency_first(iv):
            typed.append("2")
            warned = iv.history
        if not about and about_due(iv):
            typed += ([] if iv.age is not None else [str(age)]) + ([] if iv.sex is not None else [sex])
            iv, about = replace(iv, age=iv.age or age, sex=iv.sex or ("female" if sex == "f" else "male")), True
        q = next_question(iv)
        if q is None:
            return "\n".join(typed) + "\n", ids
        ids.append(q.id)
        updates: dict[str, bool] = {}
        if q.kind in ("screen", "sweep"):
            picked = [str(i) for i, f in enumerate(q.findings, 1) if f in yes]
            typed.append(" ".join(picked))
            updates = {f: f in yes for f in q.findings}
            if picked and len(picked) < len(q.findings):
                typed.append("")
        elif q.kind == "choice" and q.id == "onset":
            typed.append(onset)
            updates = {} if onset == NOT_SURE else choice_answer(q, int(onset) - 1)
        elif q.kind == "choice":
            assert length is not None, f"asked: {q.text}"
            if length == NOT_SURE:
                typed.append(NOT_SURE)
            else:
                pick = q.labels.index(length)
                typed.append(str(pick + 1))
                updates = choice_answer(q, pick)
        elif q.kind == "fingers":
            typed.append(fingers)
            left = {int(d[1:]) for d in fingers.split() if d.startswith("L")}
            right = {int(d[1:]) for d in fingers.split() if d.startswith("R")}
            updates = fingers_answer(left, right)
        else:
            typed.append("n")
            updates = {q.findings[0]: False}
        iv = answer(iv, q, updates)


def _result(text: str) -> str:
    return text[text.index("URGENCY:"):]


def test_rosa_in_her_own_words_is_asked_how_long_and_reads_what_step_by_step_reads() -> None:
    typed, ids = _keys(ROSA_WORDS, ROSA_YES, NOT_SURE, ROSA_FINGERS, WEEK)
    assert ids.count("how_long") == 1
    words = check_cli(typed, "--describe", ROSA_WORDS)
    assert words.count(_length_text()) == 1
    step_typed, step_ids = _keys(None, ROSA_YES, NOT_SURE, ROSA_FINGERS, WEEK)
    assert step_ids.count("how_long") == 1
    step = check_cli(step_typed)
    for shown in (_result(words), _result(step)):  # one headline, whichever route
        assert shown.startswith(BOOK), shown[:200]
        assert "NOT SURE HOW FAST IT STARTED" not in shown and "not an emergency now" in shown
        assert "even if it has gone" not in shown.split("What to do")[0]


def test_near_miss_a_sure_slow_start_is_not_asked_how_long() -> None:
    """She knew it began slowly, over weeks: no start in doubt, so how long decides nothing and is not asked."""
    typed, ids = _keys(ROSA_WORDS, ROSA_YES, SLOWLY, ROSA_FINGERS, None)
    assert "how_long" not in ids
    assert _length_text() not in check_cli(typed, "--describe", ROSA_WORDS)


def test_unknown_length_not_sure_keeps_the_cautious_start_path() -> None:
    """Not sure how long either: asked once, and the start not known keeps its own cautious lines (never lowered)."""
    typed, ids = _keys(ROSA_WORDS, ROSA_YES, NOT_SURE, ROSA_FINGERS, NOT_SURE)
    assert ids.count("how_long") == 1
    shown = _result(check_cli(typed, "--describe", ROSA_WORDS))
    assert shown.startswith("URGENCY: NOT SURE HOW FAST IT STARTED"), shown[:200]
    assert "call your emergency number now" in shown.lower()


def test_the_core_asks_it_once_and_undo_takes_it_back() -> None:
    """In the core every face shares: asked once in her words' route, after the start, and never again after an
    answer or a not sure; the answer is kept as plain data (days_so_far)."""
    from numbwise.assess.interview import answer, choice_answer, next_question, undo

    typed, ids = _keys(ROSA_WORDS, ROSA_YES, NOT_SURE, ROSA_FINGERS, WEEK)
    assert ids.index("how_long") > ids.index("onset")
    iv = _start(ROSA_WORDS)
    while (q := next_question(iv)) is not None and q.id != "how_long":
        from numbwise.assess.interview import fingers_answer

        if iv.sex is None:
            iv = replace(iv, sex="female")
        if q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({2, 3, 4, 5}, {2, 3, 4, 5}))
        elif q.kind == "choice":
            iv = answer(iv, q, {})
        else:
            iv = answer(iv, q, {f: f in ROSA_YES for f in q.findings})
    assert q is not None and q.id == "how_long"
    done = answer(iv, q, choice_answer(q, q.labels.index(WEEK)))
    assert done.days_so_far == 8
    after = next_question(done)
    assert after is None or after.id != "how_long"
    unsure = answer(iv, q, {})
    after = next_question(unsure)
    assert unsure.days_so_far is None and (after is None or after.id != "how_long")
    assert next_question(undo(done)) == q


UMA: dict[str, Any] = {"age": 55, "sex": "female", "unsure": ["onset_sudden", "arm_or_leg_weakness_sudden"],
                       "findings": {"one_hand": True, "comes_and_goes": False, "face_drooping": False}}
NEW_ONE_SIDE = "New numbness on one side of the body"


def test_uma_how_long_not_known_the_call_now_words_never_say_new(tmp_path: Path) -> None:
    plan = assess_plan(UMA, tmp_path)
    assert plan["title"].startswith("Call your emergency number now")
    said = " ".join([plan["action"], *plan["why"]])
    assert "New numbness" not in said and "may be new" in plan["action"]


def test_near_miss_numbness_said_to_be_under_a_week_old_is_new(tmp_path: Path) -> None:
    plan = assess_plan({**UMA, "days_so_far": 1}, tmp_path)
    assert plan["title"].startswith("Call your emergency number now")
    assert NEW_ONE_SIDE in plan["action"] and "may be new" not in plan["action"]
