"""Walkthrough Z (Z4 Tariq) on the web: the result's "Your care plan ..." link opened the cause's Learn page, not the
care plan `numbwise care` prints, and neither knew his not-sure start. Now /care/CAUSE renders the same core plan
(care.plan.care_plan), the result links there with the answers its filing needs, and it says what the result says:
today for Tariq (hit), book a visit after a slow start (near miss), both conditions for anyone (unknown)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import Interview, answer, question, to_data
from tests.test_walk_z_care import BOTH, SLOW, SLOW_WEAKER, TARIQ
from tests.web.asgi_call import call
from tests.web.test_security import CSP_START, LAN, PHONE, remote_app

SECRET = "test-secret"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("zcare") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _flat(body: bytes) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body.decode())).split())


def _result(app: Any, case: dict[str, Any]) -> str:
    """The result page for these answers, opened from its address (the signed state the browser's Back keeps)."""
    iv = Interview(age=case["age"], sex=case["sex"], said_days=case["days_so_far"])
    for f, v in [*case["findings"].items(), *((u, None) for u in case["unsure"])]:
        iv = answer(iv, question(f, "finding", [f]), {} if v is None else {f: v})  # no update: 'not sure'
    state = URLSafeSerializer(SECRET, salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "run": "zcare", "pending": None, "done": True})
    r = call(app, "GET", f"/check?at={state}")
    assert r.status == 200, r.body[:300]
    return r.body.decode()


def _care_link(page: str) -> str:
    m = re.search(r'<a href="([^"]+)">Your care plan for', page)
    assert m is not None, page
    return html.unescape(m.group(1))


def _weakness_line(text: str) -> str:
    m = re.search(r"If your arm or hand slowly gets weaker, or stays weak\. (.+?) They will check", text)
    assert m is not None, text
    return m.group(1)


def test_hit_tariqs_result_links_to_the_care_plan_that_says_today(app: Any) -> None:
    """Hit: his result files the slow weakness under "See a doctor today if" and its care link opens the care plan
    (not the Learn page) with his not-sure start, which says "See a doctor today" too, as the terminal does."""
    page = _result(app, TARIQ)
    today = _flat(page.encode()).split("See a doctor today if", 1)
    assert len(today) == 2 and SLOW_WEAKER in today[1], _flat(page.encode())
    link = _care_link(page)
    assert link.startswith("/care/cervical_radiculopathy?") and "unsure=onset_sudden" in link, link
    r = call(app, "GET", link)
    assert r.status == 200
    text = _flat(r.body)
    assert "Care plan: Pinched nerve in the neck" in text and "Do not wear a neck collar" in text
    assert _weakness_line(text) == "See a doctor today.", text
    assert "Sources" in text and "cks.nice.org.uk" in text


def test_the_web_plan_says_what_the_terminal_plan_says(app: Any) -> None:
    """One core: every step, speed and warning line of `numbwise care` is on the page."""
    from numbwise.care.plan import care_plan

    plan = care_plan(None, "cervical_radiculopathy")
    text = _flat(call(app, "GET", "/care/cervical_radiculopathy").body)
    for line in [s.do for s in plan.steps] + [e.then for e in plan.escalation] + [
            w for g in plan.warnings for w in g.lines] + [g.heading for g in plan.warnings]:
        assert " ".join(line.split()) in text, line


def test_near_miss_a_slow_start_links_to_book_a_visit(app: Any) -> None:
    """Near miss: after a slow start neither the result nor the plan it links to says today for the slow weakness."""
    page = _result(app, SLOW)
    assert SLOW_WEAKER not in _flat(page.encode()).split("See a doctor today if", 1)[-1].split("Book a doctor")[0]
    text = _flat(call(app, "GET", _care_link(page)).body)
    assert _weakness_line(text) == "Book a doctor's visit.", text


def test_unknown_the_plan_and_learn_page_opened_with_nothing_say_both(app: Any) -> None:
    """Unknown: opened with no answers, the care plan and the Learn page name both speeds with their conditions."""
    assert _weakness_line(_flat(call(app, "GET", "/care/cervical_radiculopathy").body)) == BOTH
    learn = _flat(call(app, "GET", "/learn/cervical_radiculopathy").body)
    assert "Your arm or hand slowly gets weaker. If this happens, the numbness began less than six weeks ago and you are " \
           "not sure whether it started suddenly, see a doctor today." in learn
    assert 'href="/care/cervical_radiculopathy"' in call(app, "GET", "/learn/cervical_radiculopathy").body.decode()


def test_an_unknown_cause_is_a_clear_404_with_the_usual_headers(app: Any) -> None:
    """Security basics as on the other pages: a clear 404 (with suggestions that open care plans), the same
    headers, bad answers a 400 that does not echo markup, and a remote client must sign in."""
    r = call(app, "GET", "/care/cervical_radiculopath")
    assert r.status == 404 and "There is no care plan called" in _flat(r.body)
    assert 'href="/care/cervical_radiculopathy"' in r.body.decode()
    good = call(app, "GET", "/care/carpal_tunnel")
    for reply in (r, good):
        assert reply.headers["content-security-policy"].startswith(CSP_START)
    assert {k for k in call(app, "GET", "/learn/carpal_tunnel").headers if k.startswith("x-")} <= set(good.headers)
    bad = call(app, "GET", "/care/carpal_tunnel?unsure=%3Cscript%3Ealert(1)%3C/script%3E")
    assert bad.status == 400 and b"alert(1)" not in bad.body and b"could not read the answers" in bad.body
    assert call(app, "GET", "/care/carpal_tunnel?age=old").status == 400


def test_a_remote_client_must_sign_in_to_read_a_care_plan(tmp_path: Any) -> None:
    page = call(remote_app(tmp_path), "GET", "/care/cervical_radiculopathy?unsure=onset_sudden", headers=LAN,
                client=PHONE)
    assert page.status == 303 and page.headers["location"] == "/login"
