"""Walkthrough J (issue 11): a reading kept on the "we understood" list is an answer, never asked again in any form;
the terminal's "the others" says back the picks and what Enter means; a not-sure fever asks about chemotherapy next."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlencode

import pytest

from numbwise.assess.interview import answer, describe, next_question, outcome, start
from numbwise.parse import chips, parse
from tests.conftest import run_cli
from tests.web.asgi_call import call

AHMED = ("ring and little finger of my left hand tingle after leaning on my elbow at my desk, comes on quickly and "
         "eases within a few minutes of moving, no weakness, two weeks on and off")
JO = "38 f, my right thumb index and middle finger tingle at night for 3 weeks, shaking my hand helps"
ASKED_AGAIN = ("You wrote", "please check what we understood", "Are both of your hands", "more than six weeks",
               "Did it start after leaning", "Did the numbness go away completely")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _questions(out: str) -> list[str]:
    return re.findall(r"Question \d+: (.*?\?)", _flat(out))


def _never_asked_again(out: str) -> None:
    """No question, line or list that asks a kept reading again (a list item kept is left off its list)."""
    questions = _questions(out)
    for line in ASKED_AGAIN:
        assert not any(line in q for q in questions) and line not in _flat(out).split("URGENCY:")[0], (line, questions)


def test_ahmed_is_not_asked_again_what_he_kept() -> None:
    """He kept "only one hand", the pressure story and "few minutes"; then said it started suddenly. Only the readings
    that would lower that emergency are asked back, once, together in one list (walkthrough L: one question each read
    as asked twice); nothing else he kept is."""
    from numbwise.kb import load

    run = run_cli("--plain", "check", "--no-diary", "--describe", AHMED, input="\n\n26\nm\n1\n1 2\nn\n" + "\n" * 12)
    out = _flat(run.out)
    assert "URGENCY:" in out, out[-1500:]
    questions = _questions(run.out)
    text = " ".join(load().interview.confirm_emergency.text.split())  # type: ignore[union-attr]
    assert out.count(text) == 1 and "You wrote" not in out
    assert not any("leaning" in q or "within an hour" in q for q in questions if text not in q), questions
    for line in ("Are both of your hands", "more than six weeks", "please check what we understood"):
        assert not any(line in q for q in questions), (line, questions)
    assert "URGENCY: CARE FOR IT AT HOME" in out, out[-2000:]


def test_a_kept_reading_that_would_lower_an_emergency_answered_no_keeps_it() -> None:
    """Safety: the words alone never undo a call-now level the questions set; none ticked on the list keeps it."""
    run = run_cli("--plain", "check", "--no-diary", "--describe", AHMED, input="\n\n26\nm\n1\n\n" + "n\n" * 6 + "\n" * 12)
    assert "URGENCY: CALL EMERGENCY SERVICES NOW" in _flat(run.out), _flat(run.out)[-2000:]


def test_one_hand_kept_is_never_asked_as_both_hands() -> None:
    """A sudden start with only one hand kept: the emergency's clarifying questions never ask the opposite."""
    words = parse("ring and little finger of my left hand tingle, two weeks on and off")
    assert words.findings.get("one_hand") is True
    iv = describe(start(26, "male"), dict(words.findings), {c.finding: c.words for c in chips(words)})
    seen = []
    while (q := next_question(iv)) is not None and len(seen) < 30:
        seen.append(q.id)
        assert "both_hands" not in q.findings or q.kind == "fingers", seen
        if q.kind == "choice":
            iv = answer(iv, q, {f: f == "onset_sudden" for f in q.findings})
        elif q.kind in ("screen", "sweep"):
            iv = answer(iv, q, {f: False for f in q.findings})
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
    assert outcome(iv).triage == "emergency"  # the sudden one-sided start still stands


def test_jo_terminal_is_not_asked_the_six_weeks_or_her_fingers_again() -> None:
    # "at night" does not say whether it is there all the time: that is asked once, before home care rests on it
    run = run_cli("--plain", "check", "--no-diary", "--describe", JO, input="\n\n3\n" + "\n" * 5 + "n\n" + "\n" * 12)
    out = _flat(run.out)
    assert "URGENCY:" in out, out[-1500:]
    _never_asked_again(run.out)
    assert "URGENCY: CARE FOR IT AT HOME" in out, out[-2000:]  # her kept readings complete the carpal tunnel pattern


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = tmp_path_factory.mktemp("walkj") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key="walk-j-secret-0123456789abcdef"))


def _post(app: Any, path: str, cookie: str, fields: list[tuple[str, str]]) -> str:
    r = call(app, "POST", path, urlencode(fields).encode(),
             {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 200, r.body[:300]
    return r.body.decode()


def _hidden(page: str, name: str) -> str:
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert m is not None, (name, page[:500])
    return html.unescape(m.group(1))


def test_jo_web_is_not_asked_again_what_she_kept(app: Any) -> None:
    """The web's describe flow through the ASGI app: keep every chip, then no to every list, slowly, no otherwise."""
    r = call(app, "GET", "/check/describe")
    cookie = r.headers["set-cookie"].split("\n")[0].split(";")[0]
    page = r.body.decode()
    csrf = _hidden(page, "csrf")
    page = _post(app, "/check/describe", cookie, [("csrf", csrf), ("text", JO)])
    keep = re.findall(r'name="keep" value="([^"]+)"', page)
    assert "lasting_over_6_weeks" in keep and "numb_thumb" in keep
    page = _post(app, "/check/describe/confirm", cookie,
                 [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"), *[("keep", k) for k in keep]])
    headings: list[str] = []
    for _ in range(30):
        if 'id="level-title"' in page:
            break
        m = re.search(r'<h1 id="q">(.*?)</h1>', page, re.S)
        heading = _flat(html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))) if m else ""
        headings.append(heading)
        state = [("csrf", csrf), ("state", _hidden(page, "state"))]
        if 'name="age"' in page:
            page = _post(app, "/check", cookie, [*state, ("answer", "about"), ("age", "38"), ("sex", "female")])
        elif 'value="none"' in page:
            page = _post(app, "/check", cookie, [*state, ("answer", "none")])
        elif heading == "How did the numbness start?":
            page = _post(app, "/check", cookie, [*state, ("answer", "3")])
        else:
            page = _post(app, "/check", cookie, [*state, ("answer", "no")])
    assert 'id="level-title"' in page, headings
    text = _flat(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    for line in ASKED_AGAIN:
        assert not any(line in h for h in headings), (line, headings)
    assert "You wrote" not in text


def test_the_others_says_back_the_picks_and_that_enter_is_no() -> None:
    """Step by step: 2 and 3 picked on the pattern list; the line before the prompt names them and asks about the rest."""
    run = run_cli("--plain", "check", "--no-diary", input="\n52\nf\n3\nR1 R2 R3\n\n\n2 3\n\nq\n")
    out = _flat(run.out)
    assert "You picked 2 and 3. Is every other item on the list a no for you?" in out, out[-2500:]
    assert "Press Enter for no to all the others, or type ? if you are not sure about them" in out
    assert "And the others?" not in out
    assert "No to all the others." in out  # the echo says the noes Enter gave


def test_a_not_sure_fever_asks_about_chemotherapy_next() -> None:
    """Maria: not sure about a fever on the 'see a doctor soon' list; chemotherapy (which settles em_chemo_fever) is next,
    not after two more long lists."""
    iv = start(55, "female")
    order: list[str] = []
    while (q := next_question(iv)) is not None and "chemotherapy" not in q.findings and len(order) < 20:
        order.append(q.id)
        if q.kind == "choice":
            iv = answer(iv, q, {f: f == "onset_gradual" for f in q.findings})
        elif q.kind == "fingers":
            iv = answer(iv, q, {"numb_thumb": True, "numb_index": True, "one_hand": True, "both_hands": False})
        else:
            iv = answer(iv, q, {f: False for f in q.findings if f != "fever"})
    assert q is not None and q.id == "chemotherapy" and order[-1] == "screen_soon", order
    # the terminal: ? before fever at the same list, Enter for the others, then the chemotherapy question
    run = run_cli("--plain", "check", "--no-diary", input="\n55\nf\n3\nR1 R2\n\n?3\n\n" + "\n" * 3 + "q\n")
    qs = _questions(run.out)
    i = next(n for n, t in enumerate(qs) if t.startswith("Do you have any of these?"))
    assert "chemotherapy" in qs[i + 1].lower(), qs


def test_the_emergency_confirm_list_survives_the_faces_round_trip() -> None:
    """The web keeps a question as plain data (id, kind, findings) between pages: the new list must rebuild."""
    from numbwise.assess.interview import question

    words = parse(AHMED)
    iv = describe(start(26, "male"), dict(words.findings), {c.finding: c.words for c in chips(words)})
    while (q := next_question(iv)) is not None and q.id != "confirm_emergency":
        iv = answer(iv, q, {f: f == "onset_sudden" for f in q.findings} if q.kind == "choice"
                    else {f: False for f in q.findings})
    assert q is not None and set(q.findings) == {"after_pressure_on_arm", "episode_resolved_within_hour"}
    assert question(q.id, q.kind, list(q.findings)) == q
    assert outcome(iv).triage == "emergency"  # not yet confirmed: the questions' emergency stands
    iv = answer(iv, q, {f: True for f in q.findings})
    assert outcome(iv).triage != "emergency"
