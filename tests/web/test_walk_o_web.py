"""Walkthrough O on the web (Priya): the question asked because neither 'there all the time' nor 'comes and goes' was
ticked says why it is asked, also when Back shows it again (the web rebuilds it from the saved state)."""

from __future__ import annotations

import html
import re

from tests.web.test_describe_http import _form, _hidden, _session
from tests.web.conftest import Live

LEAD = "You did not pick 'there all the time' or 'comes and goes'"
QUESTION = "Is the numbness there all the time?"


def _back_state(page: str) -> str:
    """The saved state of the page's Back form."""
    form = re.search(r'<form[^>]*class="back"[^>]*>(.*?)</form>', page, re.S)
    assert form is not None
    return _hidden(form.group(1), "state")


def test_the_follow_up_says_why_it_is_asked_and_back_shows_it_the_same(live: Live) -> None:
    text = "38 f, my right thumb index and middle finger tingle"
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", text)], cookie).body.decode()
    kept = [(name, value) for name, value in re.findall(r'name="(keep|keep_about)" value="([^"]+)" checked', page)]
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    seen = False
    for _ in range(20):
        shown = html.unescape(page)
        if 'id="level-title"' in page:
            break
        if QUESTION in shown:
            assert f"{LEAD} in the list. {QUESTION}" in " ".join(shown.split())
            answered = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "no")],
                             cookie).body.decode()
            assert "Does the numbness come and go?" not in html.unescape(answered)  # her no answered it
            if 'id="level-title"' not in answered:  # Back from the next question: the same words
                again = _form(live, "/check", [("csrf", csrf), ("state", _back_state(answered)), ("back", "1")],
                              cookie).body.decode()
                assert LEAD in html.unescape(again) and QUESTION in html.unescape(again)
            seen, page = True, answered
            continue
        reply = "3" if "How did the numbness start?" in page else "none"  # 3: slowly, over weeks or months
        page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", reply)],
                     cookie).body.decode()
    assert seen and 'id="level-title"' in page
