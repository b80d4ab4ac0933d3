"""A reading from the person's words asked back shows the words, on both faces (review iv3 item 2).

"Has it been going on for more than six weeks?" after the person wrote "for ages" read as the same question asked
twice; the line above it now says why it is asked: "You wrote "for ages". This answer decides whether this could be an emergency" (walkthrough J: only a reading that would lower an emergency is ever asked back).
"""

from __future__ import annotations

import re
import urllib.parse

from numbwise.assess.interview import Interview, Question, answer, asked_back, describe, from_data, next_question, start, to_data
from tests.conftest import run_cli
from tests.web.conftest import Live, fetch
from tests.web.test_check_faces_agree import WebCheck, _flat

WORDS = "my thumb and index finger on my right hand have been numb for ages"
SIX_WEEKS = "Has it been going on for more than six weeks?"
LINE = 'You wrote "for ages". This answer decides whether this could be an emergency, so please check it:'


def _to_six_weeks(iv: Interview) -> tuple[Interview, Question]:
    """Answer as in the walkthrough: no warning signs, sudden start, no injury or pressure, numb all the time."""
    while (q := next_question(iv)) is not None and q.id != "lasting_over_6_weeks":
        if q.id == "onset":
            iv = answer(iv, q, {f: f == "onset_sudden" for f in q.findings})
        elif q.kind in ("screen", "sweep"):
            iv = answer(iv, q, {f: False for f in q.findings})
        elif q.kind == "finding":
            iv = answer(iv, q, {q.findings[0]: q.id == "constant"})
        else:
            iv = answer(iv, q, {})
    assert q is not None
    return iv, q


def test_the_core_marks_a_question_that_asks_the_words_back() -> None:
    from numbwise.parse import chips, parse

    words = parse(WORDS)
    iv = describe(start(60, "male"), dict(words.findings), {c.finding: c.words for c in chips(words)})
    iv, q = _to_six_weeks(iv)
    assert asked_back(iv, q) == LINE
    assert asked_back(from_data(to_data(iv)), q) == LINE  # the web keeps it between steps
    first = next_question(describe(start(60, "male"), dict(words.findings)))
    assert first is not None and asked_back(iv, first) is None  # an ordinary question: no line


def test_terminal_shows_the_words_above_the_question_asked_back() -> None:
    # keep the chips; no warning signs; 60, male; sudden; no injury, no pressure; numb all the time ("only one hand"
    # kept is never asked as "both hands?", walkthrough J)
    run = run_cli("--plain", "check", "--no-diary", "--describe", WORDS, input="\n\n60\nm\n1\nn\nn\ny\nq\n")
    out = " ".join(run.out.split())
    assert SIX_WEEKS in out, out[-1500:]
    assert out.index(LINE) < out.index(SIX_WEEKS)
    assert out.count(LINE) == 1  # only above the question that asks the words back


def test_web_shows_the_words_above_the_question_asked_back(live: Live) -> None:
    page = fetch(live.url + "/check/describe")
    cookie = page.headers["set-cookie"].split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.body.decode())
    assert csrf is not None
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    chips = fetch(live.url + "/check/describe", urllib.parse.urlencode(
        [("csrf", csrf.group(1)), ("text", WORDS)]).encode(), headers).body.decode()
    token = re.search(r'name="token" value="([^"]*)"', chips)
    assert token is not None
    keep = re.findall(r'name="keep" value="([^"]+)"', chips)
    web = WebCheck.__new__(WebCheck)
    web.live, web.cookie = live, cookie
    web.body = fetch(live.url + "/check/describe/confirm", urllib.parse.urlencode(
        [("csrf", csrf.group(1)), ("token", token.group(1).replace("&#34;", '"').replace("&amp;", "&"))]
        + [("keep", k) for k in keep]).encode(), headers).body.decode()
    for _ in range(25):
        if web.heading == SIX_WEEKS:
            break
        if web.heading == "About you":
            web.post(answer="about", age="60", sex="male")
        elif web.heading == "How did the numbness start?":
            web.post(answer="1")
        elif 'name="item0"' in web.body or "None of these" in web.buttons():
            web.post(answer="none")
        else:
            web.post(answer="yes" if "Is the numbness there all the time" in web.heading else "no")  # after "You did not pick ..."
    assert web.heading == SIX_WEEKS, web.text[:300]
    text = _flat(web.body)
    assert LINE in text and text.index(LINE) < text.index(SIX_WEEKS)
