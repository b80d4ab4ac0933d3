"""Walkthrough U on the web (Priya): after "sweaty" in her words, the emergency list asks about a sweat the way the
banner says to call for it (sick or light-headed, or still a cold sweat 10 to 15 minutes after something sugary),
on the list and on its "which ones" page, never "You have a cold sweat" again. Near miss: words without signs of low
blood sugar keep the original item."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlencode

import pytest

from numbwise.kb import load
from tests.web.asgi_call import call
from tests.web.test_result_answers_http import SECRET

PRIYA = "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"
NO_SUGAR = "my fingers and lips are tingling"
SWEAT = load().findings["cold_sweat_nausea"]
SUGAR_ITEM = " ".join(SWEAT.checklist_with["low_sugar_symptoms"].split())
ORIGINAL = SWEAT.checklist or ""
SCREEN_TEXT = load().interview.steps[0].text


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = tmp_path_factory.mktemp("walku") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _hidden(page: str, name: str) -> str:
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert m is not None, name
    return html.unescape(m.group(1))


class Words:
    """One person's check from their own words, through the ASGI app: cookie, form token and the page now shown."""

    def __init__(self, app: Any, words: str) -> None:
        r = call(app, "GET", "/check/describe")
        assert r.status == 200
        self.app, self.cookie = app, r.headers["set-cookie"].split("\n")[0].split(";")[0]
        m = re.search(r'name="csrf" value="([^"]+)"', r.body.decode())
        assert m is not None
        self.csrf = m.group(1)
        self.page = self.post("/check/describe", [("text", words)])
        kept = re.findall(r'name="(keep|keep_about)" value="([^"]+)" checked', self.page)
        self.post("/check/describe/confirm", [("token", _hidden(self.page, "token")), ("answer", "keep"), *kept])

    def post(self, path: str, fields: list[tuple[str, str]]) -> str:
        """Send a form with the CSRF token and keep the next page."""
        r = call(self.app, "POST", path, urlencode([("csrf", self.csrf), *fields]).encode(),
                 {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 200, r.body[:300]
        self.page = r.body.decode()
        return self.page

    def step(self, fields: list[tuple[str, str]]) -> str:
        """Answer the check's page now shown (its signed state included)."""
        return self.post("/check", [("state", _hidden(self.page, "state")), *fields])

    def to_the_screen(self) -> str:
        """Not sure to whether she is confused, go on with the questions, About you: until the emergency list."""
        for _ in range(6):
            if SCREEN_TEXT in _text(self.page):
                return _text(self.page)
            if 'value="emergency_go_on"' in self.page:
                self.step([("answer", "emergency_go_on")])
            elif 'name="age"' in self.page:
                self.step([("answer", "about"), ("age", "35"), ("sex", "female")])
            else:
                self.step([("answer", "unsure")])
        raise AssertionError(_text(self.page)[:800])


def test_priyas_list_asks_what_the_banner_says_to_call_for(app: Any) -> None:
    c = Words(app, PRIYA)
    shown = c.to_the_screen()
    assert SUGAR_ITEM in shown and ORIGINAL not in shown
    which = _text(c.step([("answer", "yes")]))  # "Yes, one or more": the page asking which ones, rebuilt by the face
    assert SUGAR_ITEM in which and ORIGINAL not in which


def test_near_miss_words_without_low_sugar_signs_keep_the_original_item(app: Any) -> None:
    shown = Words(app, NO_SUGAR).to_the_screen()
    assert ORIGINAL in shown and SUGAR_ITEM not in shown
