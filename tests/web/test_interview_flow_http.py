"""Walkthrough F's interview flow through the ASGI app (and the terminal beside it): a finding asked once, a blank
after "Not sure" taken as the terminal takes "?", no 63-item list asked again, and the result's two counts agreeing."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import Interview, from_data
from tests.web.test_result_answers_http import SECRET, Check

PALM = "numb_thenar_palm"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("flow") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _state(page: str) -> dict[str, Any]:
    m = re.search(r'name="state" value="([^"]+)"', page)
    assert m, page[:300]
    return dict(URLSafeSerializer(SECRET, salt="numbwise-check").loads(html.unescape(m.group(1))))


def _iv(page: str) -> Interview:
    return from_data(_state(page)["iv"])


def _to_the_result(c: Check, picks: list[str], age: str = "50", sex: str = "female",
                   blank: bool = True) -> tuple[list[list[Any]], Interview]:
    """From the first screen to the result: None of these, About you, Slowly, the picks on the hands, then every
    checklist left blank (Continue) or answered No to all, every single question Not sure. The questions shown and
    the answers as the last question had them."""
    shown: list[list[Any]] = []
    c.post([("answer", "none")])
    last = _iv(c.page)
    for _ in range(50):
        if 'id="level-title"' in c.page:
            return shown, last
        last = _iv(c.page)
        if 'value="go_on"' in c.page:
            c.post([("answer", "go_on")])
            continue
        if 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", age), ("sex", sex)])
            continue
        step = _state(c.page)["pending"]
        shown.append(step)
        if step[1] == "fingers":
            c.post([("answer", "done"), *[("pick", p) for p in picks]])
        elif step[1] == "choice" and step[0] == "onset":
            c.post([("answer", "3")])
        elif 'name="item0"' in c.page:
            c.post([("answer", "done" if blank else "none")])
        else:
            c.post([("answer", "unsure")])
    raise AssertionError("no result after 50 steps")


def test_the_palm_picked_on_the_hands_is_not_asked_again(app: Any) -> None:
    """Walkthrough F (web only): "Right palm at the base of the thumb" on the hands, then "Where else do you feel it?"
    asked the palm again. The picker answers it, marked (yes) or not (no), as the terminal's RP does."""
    for picks, palm in ((["R1", "R2", "RP"], True), (["R1", "R2"], False)):
        c = Check(app)
        shown, iv = _to_the_result(c, picks)
        assert [s for s in shown if PALM in s[2] and s[1] != "fingers"] == [], "the palm was asked again"
        assert any(s[0] == "screen_where" for s in shown)  # the rest of "Where else" is still asked
        assert iv.answers[PALM] is palm
        fingers = [step for step in iv.history if step[0].kind == "fingers"][0]
        assert dict(fingers[1])[PALM] is palm  # the picker's own answer, not a later screen's
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", c.page)).split())
    assert "Which fingers are numb or tingling? Right thumb; right index finger." in text  # the last run: no palm


def test_the_terminal_picker_answers_the_palm_too() -> None:
    """The terminal takes RP at the finger picker, and its "Where else" list then leaves the palm out, as the web's."""
    from tests.conftest import run_cli

    answers = "\n".join(["", "47", "f", "3", "r1 r2 rp", ""]) + "\n" + "?\n" * 40
    run = run_cli("--plain", "check", "--no-diary", input=answers)
    assert run.code == 0, run.err
    assert "RP or LP the palm at the base of the thumb" in run.out
    where = run.out.split("Where else do you feel it?", 1)[1].split("Question", 1)[0]
    assert "Numbness in your forearm" in where or "forearm" in where
    assert "palm at the base of your thumb" not in where


def test_continue_with_every_sign_blank_after_not_sure_is_not_sure_to_all(app: Any) -> None:
    """Walkthrough F (web only): after "Not sure" on the emergency screen, Continue with every sign blank was refused
    ("Choose Not sure for each one you cannot rule out"), 20 taps where the terminal takes one "?". A blank there is
    not ruled out: Not sure, as the page now says, and the same answers the terminal's "?" gives."""
    from numbwise.assess.interview import answer, next_question, start

    c = Check(app)
    c.post([("answer", "unsure")])
    assert "press Continue with none chosen, that counts as Not sure for all of them" in c.page
    c.post([("answer", "done")])
    assert 'id="err"' not in c.page
    assert 'value="go_on"' in c.page  # "Not sure about a warning sign? Check now", as after the terminal's "?"
    iv = _iv(c.page)
    first = next_question(start())
    assert first is not None
    terminal = answer(start(), first, {})  # the terminal's "?": not sure about any of these
    assert iv.unsure == terminal.unsure == frozenset(first.findings) and not iv.answers
    # one answered: the rest left blank stay not known, as on every list (the terminal asks "And the others?")
    c = Check(app)
    c.post([("answer", "unsure")])
    c.post([("answer", "done"), ("item0", "unsure")])
    iv = _iv(c.page)
    assert not iv.answers and iv.unsure == frozenset(first.findings[:1])


def test_a_person_who_cannot_say_is_not_asked_every_blank_again(app: Any) -> None:
    """Walkthrough F (P9): not sure to nearly everything, every list left blank; "You left 63 of these blank ... Do you
    have any of them?" asked them all again. Now only the signs whose yes would make the advice more urgent come
    back, and a list left wholly blank is not repeated one question at a time either."""
    from numbwise.assess.interview import outcome
    from numbwise.assess.triage import LEVELS, triage

    c = Check(app)
    c.post([("answer", "unsure")])
    c.post([("answer", "done")])  # every emergency sign not sure
    shown: list[list[Any]] = []
    last = _iv(c.page)
    for _ in range(50):
        if 'id="level-title"' in c.page:
            break
        last = _iv(c.page)
        if 'value="go_on"' in c.page:
            c.post([("answer", "go_on")])
        elif 'value="emergency_go_on"' in c.page:  # the call-now screen those doubts give at once (walkthrough S)
            c.post([("answer", "emergency_go_on")])
        elif 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "50"), ("sex", "female")])
        else:
            step = _state(c.page)["pending"]
            shown.append(step)
            if step[0] == "left_blank":
                before = _iv(c.page)
                current = LEVELS.index(triage(before.answers, before.age).level)
                assert len(step[2]) <= 15, len(step[2])
                assert all(LEVELS.index(triage({**before.answers, f: True}, before.age).level) < current for f in step[2])
            c.post([("answer", "done"), ("pick", "R0")] if step[1] == "fingers" else
                   [("answer", "done")] if 'name="item0"' in c.page else [("answer", "unsure")])
    else:
        raise AssertionError("no result")
    assert any(s[0] == "left_blank" for s in shown)
    iv = last
    # plus, once, how long it has been there (walkthrough R): the answers would say call now for signs not sure of;
    # asked first after the call-now screen (walkthrough S), its 'not sure' leaves one more single question worth asking
    assert iv.count - [s[0] for s in shown].count("how_long") <= 14 and [s[0] for s in shown].count("how_long") <= 1, \
        [s[0] for s in shown]
    assert outcome(iv).triage in ("urgent", "routine")  # never lowered to home care by what was left unknown


def test_the_result_counts_the_questions_once(app: Any) -> None:
    """Walkthrough F: "Your answers (5 questions)" above "You answered 4 questions": a description was counted as a
    question in one and not the other. Both come from the core's count now."""

    def counts(page: str) -> tuple[str, int]:
        head = re.search(r"<summary>(Your answers[^<]*)</summary>", page)
        said = re.search(r"You answered (\d+) questions?", page)
        assert head and said, page[:300]
        return head.group(1), int(said.group(1))

    c = Check(app)
    _to_the_result(c, ["R1", "R2", "R3"], blank=False)
    head, n = counts(c.page)
    assert head == f"Your answers ({n} questions)"
    # from a description: its words are listed, but they are not a question
    from tests.web.asgi_call import call
    from urllib.parse import urlencode

    page = call(app, "GET", "/check/describe")
    cookie = page.headers["set-cookie"].split("\n")[0].split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.body.decode())
    assert csrf
    text = "38 f, my right thumb index and middle finger tingle at night for 3 weeks, shaking my hand helps"
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    chips = call(app, "POST", "/check/describe", urlencode([("csrf", csrf.group(1)), ("text", text)]).encode(), headers)
    body = chips.body.decode()
    token = re.search(r'name="token" value="([^"]+)"', body)
    assert token
    keep = [("keep", v) for v in re.findall(r'name="keep" value="([^"]+)" checked', body)]
    keep += [("keep_about", v) for v in re.findall(r'name="keep_about" value="([^"]+)" checked', body)]
    first = call(app, "POST", "/check/describe/confirm", urlencode(
        [("csrf", csrf.group(1)), ("token", html.unescape(token.group(1))), ("answer", "keep"), *keep]).encode(), headers)
    c.cookie, c.csrf, c.page = cookie, csrf.group(1), first.body.decode()
    described = False
    for _ in range(40):
        if 'id="level-title"' in c.page:
            break
        described = described or _iv(c.page).described
        if 'value="go_on"' in c.page:
            c.post([("answer", "go_on")])
        elif 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "38"), ("sex", "female")])
        elif 'name="item0"' in c.page:
            c.post([("answer", "none")])
        elif 'name="pick"' in c.page:
            c.post([("answer", "done"), ("pick", "R1")])
        else:
            c.post([("answer", "no" if 'value="no"' in c.page else "unsure")])
    head, n = counts(c.page)
    assert described and head == f"Your answers (your own words and {n} question{'' if n == 1 else 's'})"
    rows = re.findall(r"<dt>", re.search(r'<dl class="answers-given">(.*?)</dl>', c.page, re.S).group(1))  # type: ignore[union-attr]
    assert len(rows) == n + 1 + ("About you" in c.page.split('class="answers-given"')[1].split("</dl>")[0])


def test_saved_state_from_before_the_palm_change_still_loads() -> None:
    """A page kept from before the picker answered the palm (its fingers step had no palm) still loads."""
    from numbwise.assess.interview import OLD_PICKER

    data = {"age": 50, "sex": None, "steps": [["fingers", "fingers", list(OLD_PICKER), {"numb_thumb": True}, []]]}
    iv = from_data(json.loads(json.dumps(data)))
    assert iv.answers == {"numb_thumb": True} and PALM not in iv.asked
