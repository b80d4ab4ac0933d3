"""Walkthrough S on the web (Sam, 45): after his words, how long he has had it (it decides the call-now path), then the
call-now advice at once (the result's own words, with the choice to see what to do now or answer a few questions)."""

from __future__ import annotations

import html
import re

from numbwise.kb import load
from tests.test_walk_s_sam import NOW_ACTION, SAM_NO_TIME
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session

SAM = ("45 m, woke up this morning with my left hand tingling, still there. i think my left leg felt weak for a few "
       "minutes when i got up but not sure. my grip feels weak too")
HANA = ("24 f, When I panic I breathe fast and get tingling around my mouth and in both hands, it passes within 20 "
        "minutes when I calm down. It has happened several times over the last year.")
LEAD = load().triage.unsure_lead["emergency"]


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _after_words(live: Live, words: str) -> tuple[str, str, str]:
    """The page after these words, kept as read: (page, cookie, csrf)."""
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", words)], cookie).body.decode()
    kept = re.findall(r'name="(keep|keep_about|keep_unsure)" value="([^"]+)" checked', page)
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    return page, cookie, csrf


def test_sams_words_this_morning_get_the_call_now_page_at_once(live: Live) -> None:
    """"Woke up this morning with it" answers how long (walkthrough Y, Helen): the call-now page comes first."""
    how_long = load().interview.how_long
    assert how_long is not None and LEAD.now_title
    page, _, _ = _after_words(live, SAM)
    shown = _text(page)
    assert how_long.text not in shown and LEAD.now_title in shown and NOW_ACTION in shown


def test_sams_words_with_no_time_get_how_long_then_the_call_now_page(live: Live) -> None:
    how_long = load().interview.how_long
    assert how_long is not None and LEAD.now_title and LEAD.now_action
    first, cookie, csrf = _after_words(live, SAM_NO_TIME)
    assert how_long.text in _text(first) and LEAD.now_title not in _text(first)
    page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(first, "state")), ("answer", "1")],
                 cookie).body.decode()  # less than a day
    shown = _text(page)
    assert LEAD.now_title in shown and NOW_ACTION in shown
    assert "See what to do now" in shown and "Answer a few questions" in shown
    result = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "emergency_now")],
                   cookie).body.decode()
    assert 'id="level-title"' in result and LEAD.now_title in _text(result)
    on = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "emergency_go_on")],
               cookie).body.decode()
    assert "See what to do now" not in _text(on) and how_long.text not in _text(on)  # never asked or shown twice


def test_near_miss_hanas_words_get_no_call_now_page(live: Live) -> None:
    page, _, _ = _after_words(live, HANA)
    assert "Answer a few questions" not in _text(page) and NOW_ACTION not in _text(page)
