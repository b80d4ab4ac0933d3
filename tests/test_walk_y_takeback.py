"""Walkthrough X (Priya: "The advice got less urgent with no reason given"): an early call screen taken back, said.

Step by step, the call-now screen ("To be safe, call your emergency number now") comes as soon as the answers would
call now (one hand, how it started not sure, less than a day); later answers can take that away. Then the result says
so once, near the top, from interview.yaml `taken_back`: what the screen did not know yet and the later answers that
changed it (the smallest set whose taking away brings the call-now back). Hit: an arm injury. Near miss: no injury,
the result still calls now: no such line. Unknown: the injury 'not sure': still calls now, no line.

Walkthrough Z (Zoe): the screen now waits for the list with pressure on the arm, which comes right after the hands
(`interview._now_step`), so pressure on the arm no longer takes a screen back: it comes before any. The hit here was
that pressure; it is now an arm injury, on the list "Do you have any of these?", which comes after the screen (the
screen waits two questions at most).
"""

from __future__ import annotations

from typing import Any

from numbwise.assess.explain import statement
from numbwise.assess.interview import (Interview, answer, choice_answer, emergency_first, fingers_answer, next_question,
                                       outcome, start)
from numbwise.assess.result import result_plan
from numbwise.assess.takeback import taken_back, taken_back_line
from numbwise.kb import load
from tests.conftest import check_cli

WORDS = load().interview.taken_back
assert WORDS is not None
PRESSURE = "recent_arm_injury_or_cast"  # the later answer that takes the screen back (was pressure on the arm)
PRESSURE_SAID = statement(PRESSURE, True)
NOW_TITLE = load().triage.unsure_lead["emergency"].now_title or ""
# the terminal as the person types it: list none, 35 f, how it started not sure, less than a day, right thumb, index
# and middle, the pattern list "there all the time" (1), then on the screen answer the questions; "where else" none,
# "Do you have any of these?" the arm injury (9) as `pattern` (blank: none), every later list and question no
STEPS = "\n35\nf\n?\n1\nR1 R2 R3\n1\n\n2\n\n{pattern}\n" + "\n" * 4 + "n\n" * 4


def _walk(pressure: bool | None) -> tuple[Interview, list[int]]:
    """The core as both faces drive it: the first list no, how it started not sure, less than a day, three fingers of
    the right hand, there all the time, an arm injury as `pressure` (None: not sure), the rest no. Returns the
    interview and after which question numbers an early call screen came."""
    iv, screens = start(35, "female"), []
    while (q := next_question(iv)) is not None and iv.count < 40:
        if q.id == "onset":
            iv = answer(iv, q, {})
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer(set(), {1, 2, 3}))
        else:
            ups = {f: f == "constant" or (f == PRESSURE and pressure is True) for f in q.findings}
            if pressure is None:
                ups.pop(PRESSURE, None)
            iv = answer(iv, q, ups)
        if emergency_first(iv):
            screens.append(iv.count)
    return iv, screens


def test_hit_pressure_on_the_arm_takes_the_call_now_away_and_the_result_says_so() -> None:
    iv, screens = _walk(True)
    assert screens == [5]  # after the fingers and the pattern list
    plan = result_plan(outcome(iv), iv.unsure, taken_back=taken_back_line(iv))
    assert plan.level != "emergency" and not plan.caution_now
    back = taken_back(iv)
    assert back is not None and back.changed == ((PRESSURE, True),) and back.at == 5
    assert plan.taken_back.startswith(WORDS.earlier) and PRESSURE_SAID in plan.taken_back
    assert "an arm injury" in WORDS.before.format(what=next(t.text for t in WORDS.topics if PRESSURE in t.findings))
    assert plan.taken_back.endswith(WORDS.after) and plan.to_dict()["taken_back"] == plan.taken_back


def test_hit_in_the_terminal_the_line_follows_the_banner_once() -> None:
    out = check_cli(STEPS.format(pattern="9\n"), codes=(0, 1))
    assert NOW_TITLE in out  # the screen came
    result = out.split("URGENCY:")[1]
    line = " ".join(WORDS.earlier.split())
    assert result.count(line) == 1 and PRESSURE_SAID in result
    assert result.index("By when:") < result.index(line) < result.index("Why this level")


def test_near_miss_no_pressure_the_result_still_calls_now_and_says_no_such_line() -> None:
    iv, screens = _walk(False)
    assert screens == [5]
    plan = result_plan(outcome(iv), iv.unsure, taken_back=taken_back_line(iv))
    assert plan.caution_now and taken_back(iv) is None and plan.taken_back == ""
    out = check_cli(STEPS.format(pattern=""), codes=(0, 1))
    assert NOW_TITLE in out.split("URGENCY:")[1] and WORDS.earlier not in out


def test_unknown_pressure_not_sure_still_calls_now_so_no_line() -> None:
    """A later 'not sure' never takes the call-now away, so there is nothing to explain."""
    iv, screens = _walk(None)
    plan = result_plan(outcome(iv), iv.unsure, taken_back=taken_back_line(iv))
    assert screens == [5] and plan.caution_now and plan.taken_back == "" and PRESSURE in iv.unsure


def test_no_screen_no_line() -> None:
    """A slow start in both hands: no early call screen ever came, so the result says nothing about one."""
    iv = start(50, "female")
    while (q := next_question(iv)) is not None and iv.count < 40:
        if q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, len(q.labels) - 1 if q.id == "onset" else 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({1, 2}, {1, 2}))
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
        assert not emergency_first(iv)
    assert taken_back_line(iv) == ""


def test_a_result_that_calls_now_drops_a_line_passed_to_it() -> None:
    """The plan itself never shows the line beside a call-now banner, whatever a face passes."""
    iv, _ = _walk(False)
    assert result_plan(outcome(iv), iv.unsure, taken_back="x").taken_back == ""


def _web_to_result(app: Any, pressure: bool) -> str:
    """The web check, step by step as `_walk`: the result page's text."""
    import html
    import re

    from itsdangerous import URLSafeSerializer

    from tests.web.test_result_answers_http import SECRET, Check

    c = Check(app)
    c.post([("answer", "none")])
    for _ in range(40):
        if 'id="level-title"' in c.page:
            return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", c.page)).split())
        if 'value="emergency_go_on"' in c.page:
            c.post([("answer", "emergency_go_on")])
            continue
        if 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "35"), ("sex", "female")])
            continue
        m = re.search(r'name="state" value="([^"]+)"', c.page)
        assert m
        qid, kind, findings = URLSafeSerializer(SECRET, salt="numbwise-check").loads(html.unescape(m.group(1)))["pending"][:3]
        if qid == "onset":
            c.post([("answer", "unsure")])
        elif kind == "choice":
            c.post([("answer", "1")])
        elif kind == "fingers":
            c.post([("answer", "done"), ("pick", "R1"), ("pick", "R2"), ("pick", "R3")])
        elif 'name="item0"' in c.page:
            said = [("yes" if f == "constant" or (f == PRESSURE and pressure) else "no") for f in findings]
            c.post([*[(f"item{i}", v) for i, v in enumerate(said)], ("answer", "done")])
        else:
            c.post([("answer", "no")])
    raise AssertionError("no result")


def test_web_result_page_shows_the_same_line_in_the_banner(tmp_path: Any) -> None:
    """The face test: the web result page says the plan's line, once, inside the banner, as the core words it."""
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.test_result_answers_http import SECRET

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key=SECRET))
    iv, _ = _walk(True)
    line = taken_back_line(iv)
    page = _web_to_result(app, True)
    assert line and page.count(line) == 1 and page.index("By when:") < page.index(line)
    terminal = check_cli(STEPS.format(pattern="9\n"), codes=(0, 1))
    assert line in terminal  # the terminal says the same words
    assert WORDS.earlier not in _web_to_result(app, False)  # near miss on the web: no line


def _words_then_questions() -> dict[str, object]:
    """A usual migraine aura read from the words (32, woman), then numbness of the face on the same side on the first
    list (an early call screen: the words' readings do not lower an emergency until a question confirms them), then
    the readings confirmed and the start answered 'not suddenly' (bench/result_paths.py, seed 1, path 809)."""
    from numbwise.kb import load

    screen = next(s for s in load().interview.steps if s.id == "screen_emergency")
    said = {"migraine_history": True, "one_hand": True, "spreads_over_minutes": True, "onset_sudden": False,
            "aura_like_usual": True, "blood_thinners": False, "previous_stroke_or_tia": False}
    aura = ["migraine_history", "spreads_over_minutes", "aura_like_usual"]
    return {"age": 32, "sex": "female", "steps": [
        ["describe", "text", list(said), said, []],
        ["screen_emergency", "screen", list(screen.items), {f: f == "numb_face_same_side" for f in screen.items}, []],
        ["confirm_emergency", "sweep", aura, {f: True for f in aura}, []],
        ["onset", "choice", ["onset_sudden", "onset_over_days", "onset_gradual"], {"onset_sudden": False}, []]]}


def test_a_reading_of_the_words_confirmed_later_is_named_as_what_took_the_call_back() -> None:
    """Hit: the answers that changed are the same values the words gave, confirmed by questions after the screen; the
    line names one of them, never only "we did not yet know all of your answers"."""
    from numbwise.assess.interview import from_data
    from numbwise.assess.takeback import calls_now, taken_back_line

    iv = from_data(_words_then_questions())
    assert not calls_now(iv)
    line = taken_back_line(iv)
    # the words said it from the start: "you had told us ... and have now confirmed it", never "then you told us"
    # (walkthrough AC, Nadia)
    words = load().interview.taken_back
    assert words is not None and words.said_words is not None
    assert line and words.said_words in line and words.said not in line, line
    # near miss: stopped at the screen's own answers, the result still calls now and says nothing of the kind
    data = _words_then_questions()
    data["steps"] = data["steps"][:2]  # type: ignore[index]
    assert calls_now(from_data(data)) and taken_back_line(from_data(data)) == ""
