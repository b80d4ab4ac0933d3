"""Walkthrough AC (independent reviewer, Uma, 55, unsure of nearly everything, right hand tingling on and off).

HIGH: the call-now screen came early (one hand, how it started not sure); "It comes and goes" then took it back with
"Then you told us: It comes and goes. So this advice fits you better", beside Question 1's "A sign that comes and goes
can be a mini-stroke" and the result's "it may have been a mini-stroke": the same answer read as a reason to worry less
and more. The line now says why (interview.yaml `taken_back` topic `why_yes`): numbness that comes and goes is most
often not a stroke happening now, an attack may still have been a mini-stroke, and a sudden attack means call at once.
"""

from __future__ import annotations

from numbwise.assess.interview import Interview, answer, next_question, start
from numbwise.assess.takeback import taken_back, taken_back_line
from numbwise.kb import load

WORDS = load().interview.taken_back
assert WORDS is not None
WHY = " ".join(next(t.why_yes for t in WORDS.topics if "comes_and_goes" in t.findings and t.why_yes).split())


def _uma(pattern: bool | None) -> Interview:
    """Step by step, 55 f: every list and choice not sure, the right hand only; "It comes and goes" as `pattern`
    (None: not sure) on "Which of these fit your numbness?"."""
    iv = start(55, "female")
    for _ in range(30):
        q = next_question(iv)
        if q is None:
            return iv
        if q.kind == "fingers":
            ups = {"one_hand": True}
        elif q.id == "screen_pattern" and pattern is not None:
            ups = {"comes_and_goes": pattern}
        else:
            ups = {}
        iv = answer(iv, q, ups)
    raise AssertionError("no result after 30 questions")


def test_comes_and_goes_takes_the_screen_back_and_says_why() -> None:
    iv = _uma(True)
    back = taken_back(iv)
    assert back is not None and ("comes_and_goes", True) in back.changed
    line = taken_back_line(iv)
    assert WHY in line and line.index(WHY) > line.index(WORDS.said)
    assert "mini-stroke" in WHY and "call your emergency number at once" in WHY


def test_near_miss_there_all_the_time_takes_nothing_back() -> None:
    iv = _uma(False)
    assert taken_back(iv) is None and WHY not in taken_back_line(iv)


def test_unknown_not_sure_whether_it_comes_and_goes_still_calls_now() -> None:
    iv = _uma(None)
    assert taken_back(iv) is None and taken_back_line(iv) == ""
