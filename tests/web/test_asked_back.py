"""A reading from the person's words that they kept on the "we understood" list is never asked back, on both faces.

Review iv3 item 2: "Has it been going on for more than six weeks?" after the person wrote "for ages" read as the same
question asked twice; a line above it then said why ("You wrote "for ages". To be sure:"). Walkthrough J: people still
read it as asked twice, so a reading kept on the list is now the person's answer and is not asked at all.
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
LINE = 'You wrote "for ages". To be sure:'


def _to_six_weeks(iv: Interview) -> tuple[Interview, Question | None]:
    """Answer as in the walkthrough: no warning signs, sudden start, no injury or pressure, numb all the time."""
    while (q := next_question(iv)) is not None and q.id != "lasting_over_6_weeks":
        assert asked_back(iv, q) is None, q.id
        if q.id == "onset":
            iv = answer(iv, q, {f: f == "onset_sudden" for f in q.findings})
        elif q.kind in ("screen", "sweep"):
            iv = answer(iv, q, {f: False for f in q.findings})
        elif q.kind == "finding":
            iv = answer(iv, q, {q.findings[0]: q.id == "constant"})
        else:
            iv = answer(iv, q, {})
    return iv, q


def test_the_core_never_asks_a_kept_reading_back() -> None:
    from numbwise.parse import chips, parse

    words = parse(WORDS)
    assert words.findings.get("lasting_over_6_weeks") is True
    iv = describe(start(60, "male"), dict(words.findings), {c.finding: c.words for c in chips(words)})
    iv, q = _to_six_weeks(iv)
    assert q is None  # the interview ended without asking it
    assert from_data(to_data(iv)).answers["lasting_over_6_weeks"] is True  # the web keeps it between steps


def test_terminal_never_asks_a_kept_reading_back() -> None:
    # keep the chips; no warning signs; 60, male; sudden; no to the single questions; none to the lists
    run = run_cli("--plain", "check", "--no-diary", "--describe", WORDS, input="\n\n60\nm\n1\n" + "n\n" * 8 + "\n" * 10)
    out = " ".join(run.out.split())
    assert "URGENCY:" in out, out[-1500:]
    assert SIX_WEEKS not in out and "To be sure" not in out


def test_web_never_asks_a_kept_reading_back(live: Live) -> None:
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
        assert web.heading != SIX_WEEKS and LINE not in _flat(web.body)
        if 'id="level-title"' in web.body:
            break
        if web.heading == "About you":
            web.post(answer="about", age="60", sex="male")
        elif web.heading == "How did the numbness start?":
            web.post(answer="1")
        elif 'name="item0"' in web.body or "None of these" in web.buttons():
            web.post(answer="none")
        else:
            web.post(answer="yes" if web.heading.startswith("Is the numbness there all the time") else "no")
    assert 'id="level-title"' in web.body, web.text[:300]
