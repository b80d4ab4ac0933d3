"""Walkthrough Y (Peter, own words) on the web: after "Yes, that is right" on the emergency warning, the next page
("Is this right?") keeps the call buttons; after "That's not what I meant" it has none (tests/test_walk_y_peter.py)."""

from __future__ import annotations

import html
import re

from tests.test_walk_y_peter import WORDS
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session


def _describe(live: Live, answer: str) -> str:
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", WORDS)], cookie).body.decode()
    assert "Your words point to an emergency" in page
    return html.unescape(_form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")),
                                                                ("answer", answer)], cookie).body.decode())


def test_own_words_web_keeps_the_call_buttons_on_is_this_right(live: Live) -> None:
    page = _describe(live, "emergency")
    assert "Is this right?" in page
    assert re.search(r'href="tel:999"', page), page


def test_own_words_web_not_meant_has_no_call_buttons(live: Live) -> None:
    page = _describe(live, "not_meant")
    assert "Is this right?" in page
    assert not re.search(r'href="tel:999"', page)
