"""Walkthrough U follow-up on the web (Kim, after chemotherapy, a temperature of 38.2 today): the result page leads with
the helpline and shows the emergency buttons outlined under their intro, but the early page before it ("Your words
point to an emergency") still had "Call your cancer helpline now" over the big primary 999 buttons. The early pages
(the describe warning, the emergency-first page) now say where the call goes and the intro, with the outlined
`call-second` buttons, as the result does; a stroke's early page keeps its primary buttons and no intro.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlencode

import pytest

from numbwise.assess.interview import EarlyCall
from tests.test_walk_u_early_calls import CHEMO_INTRO, CHEMO_WHERE, KIM, LEO_SUDDEN, AE_INTRO, AE_WHERE, STROKE
from tests.web.asgi_call import call
from tests.web.test_check_faces_agree import SCREEN, _item


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = tmp_path_factory.mktemp("walkue") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key="s"))


def _flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


class Page:
    """One visitor through the ASGI app: the session cookie, the form token and the page now shown."""

    def __init__(self, app: Any, path: str) -> None:
        r = call(app, "GET", path)
        assert r.status == 200
        self.app, self.cookie = app, r.headers["set-cookie"].split("\n")[0].split(";")[0]
        self.body = r.body.decode()
        m = re.search(r'name="csrf" value="([^"]+)"', self.body)
        assert m is not None
        self.csrf = m.group(1)

    def post(self, path: str, fields: list[tuple[str, str]]) -> str:
        """Send a form with the CSRF token (and the page's own state, if it has one) and keep the next page."""
        state = re.search(r'name="state" value="([^"]+)"', self.body)
        more = [("state", html.unescape(state.group(1)))] if state is not None and path == "/check" else []
        r = call(self.app, "POST", path, urlencode([("csrf", self.csrf), *more, *fields]).encode(),
                 {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 200, r.body[:300]
        self.body = r.body.decode()
        return self.body


def _described(app: Any, words: str) -> str:
    page = Page(app, "/check/describe")
    return page.post("/check/describe", [("text", words)])


def test_kims_early_page_says_where_and_intro_over_outlined_buttons(app: Any) -> None:
    body = _described(app, KIM)
    assert "Your words point to an emergency" in body and "Call your cancer helpline now" in body
    flat = _flat(body)
    assert flat.index("Call your cancer helpline now") < flat.index(CHEMO_WHERE) < flat.index(CHEMO_INTRO) \
        < flat.index("Call 911") < flat.index("Call 999")
    assert body.index('id="helpline"') < body.index('id="call-intro"') < body.index('<ul class="call call-second">') \
        < body.index('href="tel:999"')
    assert body.count('href="tel:') == 3  # every emergency button stays


def test_an_a_and_e_early_page_says_where_and_intro(app: Any) -> None:
    body = _described(app, LEO_SUDDEN)
    flat = _flat(body)
    assert flat.index("Go to A&E (the emergency department) now") < flat.index(AE_WHERE) < flat.index(AE_INTRO) \
        < flat.index("Call 999")
    assert '<ul class="call call-second">' in body and body.count('href="tel:') == 3


def test_a_stroke_early_page_has_neither(app: Any) -> None:
    body = _described(app, STROKE)
    assert "Your words point to an emergency" in body
    assert 'id="call-intro"' not in body and 'id="helpline"' not in body and "call-second" not in body
    assert '<ul class="call">' in body and body.count('href="tel:') == 3


def _emergency_first_page(app: Any) -> str:
    """A yes to face numbness on the emergency list: the emergency-first page (see what to do now, or questions)."""
    page = Page(app, "/check")
    page.post("/check", [("answer", "yes")])
    body = page.post("/check", [("answer", "none"), (f"item{_item('numb_face_same_side')}", "yes")])
    assert 'value="emergency_go_on"' in body, _flat(body)[:300]
    return body


def test_the_emergency_first_page_words_an_own_call_the_same_way(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The emergency-first page renders the core's early call: with an act's where and intro (the helpline's), they
    come before the outlined buttons; the stroke's own (the list's face numbness) keeps the primary buttons."""
    from numbwise.assess import interview

    plain = _emergency_first_page(app)
    assert SCREEN.id and 'id="call-intro"' not in plain and "call-second" not in plain and '<ul class="call">' in plain
    own = EarlyCall("Call your cancer helpline now", "Call it now.", CHEMO_WHERE, CHEMO_INTRO)
    monkeypatch.setattr(interview, "call_advice", lambda iv: own)
    body = _emergency_first_page(app)
    flat = _flat(body)
    assert flat.index("Call it now.") < flat.index(CHEMO_WHERE) < flat.index(CHEMO_INTRO) < flat.index("Call 911")
    assert '<ul class="call call-second">' in body and body.count('href="tel:') == 3
