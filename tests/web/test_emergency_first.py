"""A yes to an emergency sign gets the call advice before any other question, on both faces (review, iv3 item 1).

The emergency screen promises "we tell you what to do before any other question". A 67-year-old ticking "face numb
on the same side" was asked how it started, about an injury, his age and sex first. Now the advice to call comes
at once, with a choice: see what to do now, or answer the few questions that could change it.
"""

from __future__ import annotations

import re
import urllib.parse

from numbwise.assess.interview import answer, emergency_first, finding_question, next_question, start
from numbwise.kb import load
from tests.conftest import run_cli
from tests.web.conftest import Live, fetch
from tests.web.test_check_faces_agree import SCREEN, WebCheck, _flat, _item

FIRST = load().interview.emergency_first
assert FIRST is not None
ONSET = load().interview.steps[1].text  # "How did the numbness start?"
RESULT = "CALL EMERGENCY SERVICES NOW"
FACE = "numb_face_same_side"


def _terminal(typed: str, *more: str) -> str:
    return " ".join(run_cli("--plain", "check", "--no-diary", *more, input=typed).out.split())


def test_the_core_says_when_the_advice_comes_first() -> None:
    iv = start()
    q = next_question(iv)
    assert q is not None and q.id == SCREEN.id
    face = answer(iv, q, {f: f == FACE for f in q.findings})
    assert emergency_first(face)  # an emergency a few questions could still explain: call advice first
    droop = answer(iv, q, {f: f == "face_drooping" for f in q.findings})
    assert not emergency_first(droop) and next_question(droop) is None  # settled: the result follows at once
    none = answer(iv, q, {f: False for f in q.findings})
    sudden = answer(none, finding_question("onset_sudden"), {"onset_sudden": True})
    assert not emergency_first(none) and not emergency_first(sudden)  # only a yes to a warning sign on a list


def test_terminal_face_numb_shows_the_call_advice_before_any_other_question() -> None:
    out = _terminal(f"{_item(FACE) + 1}\n\n1\n")
    assert FIRST.title in out and "Call 911" in out and FIRST.go_on in out
    assert out.index(FIRST.title) < out.index(RESULT)
    assert "Question 2" not in out and "How old are you?" not in out  # "see what to do now": nothing more asked
    on = _terminal(f"{_item(FACE) + 1}\n\n2\nq\n")
    assert on.index(FIRST.title) < on.index("Question 2: " + ONSET)
    assert on.index("Question 2: " + ONSET) > on.index(FIRST.still)  # the call advice stays above the question


def test_web_face_numb_shows_the_call_advice_before_any_other_question(live: Live) -> None:
    web = WebCheck(live)
    web.post(answer="yes")
    web.post(answer="none", **{f"item{_item(FACE)}": "yes"})
    assert web.heading == FIRST.title
    assert "Call 911" in web.text and FIRST.act in web.text and FIRST.go_on in web.text
    assert {"See what to do now", "Answer a few questions"} <= set(web.buttons())
    at_choice = web.body
    web.post(answer="emergency_now")
    assert web.heading == "Call emergency services now"
    assert ONSET not in web.text
    state = re.search(r'name="state" value="([^"]+)"', web.body)
    if state is not None:  # the result's own address (the browser's Back and Forward) shows the result again
        again = fetch(live.url + "/check?at=" + urllib.parse.quote(state.group(1)), headers={"Cookie": web.cookie})
        assert _flat(again.body.decode()).count(ONSET) == 0
    web.body = at_choice
    web.post(answer="emergency_go_on")
    assert web.heading == ONSET and "Question 2" in web.text and FIRST.still in web.text


def test_own_words_yes_to_an_emergency_reading_gets_the_advice_first_on_both_faces(live: Live) -> None:
    words = "my right hand and the right side of my face went numb 2 hours ago"
    out = _terminal("y\n\n1\n", "--describe", words)  # Enter: the rest of the words kept (walkthrough R)
    assert FIRST.title in out and out.index(FIRST.title) < out.index(RESULT)
    assert "Question 1" not in out and "How old are you?" not in out
    on = _terminal("y\n\n2\nq\n", "--describe", words)
    assert on.index(FIRST.title) < on.index("Question 1: " + ONSET)
    page = fetch(live.url + "/check/describe")
    cookie = page.headers["set-cookie"].split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.body.decode())
    assert csrf is not None
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    read = fetch(live.url + "/check/describe", urllib.parse.urlencode(
        [("csrf", csrf.group(1)), ("text", words)]).encode(), headers).body.decode()
    token = re.search(r'name="token" value="([^"]*)"', read)
    assert token is not None
    confirmed = fetch(live.url + "/check/describe/confirm", urllib.parse.urlencode(
        [("csrf", csrf.group(1)), ("token", token.group(1).replace("&#34;", '"').replace("&amp;", "&")),
         ("answer", "emergency")]).encode(), headers).body.decode()
    token = re.search(r'name="token" value="([^"]*)"', confirmed)  # the rest of the words, to check (walkthrough R)
    kept = re.findall(r'name="(keep|keep_about|keep_unsure)" value="([^"]+)" checked', confirmed)
    assert token is not None and ("keep", "one_hand") in kept and ("keep", "numb_face_same_side") not in kept
    confirmed = fetch(live.url + "/check/describe/confirm", urllib.parse.urlencode(
        [("csrf", csrf.group(1)), ("token", token.group(1).replace("&#34;", '"').replace("&amp;", "&")),
         ("answer", "keep"), *kept]).encode(), headers).body.decode()
    found = re.search(r"<h1[^>]*>(.*?)</h1>", confirmed, re.S)
    assert found is not None and _flat(found.group(1)) == FIRST.title
    assert ONSET not in _flat(confirmed)
