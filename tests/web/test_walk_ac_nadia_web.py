"""Walkthrough AC on the web (Nadia, her usual aura in her own words): the readings kept beside her confirmed sign are
headed "the warning signs you just confirmed" (no sign is shown above them on that page), and after "Answer a few
questions" and About you the check never asks "How did the numbness start?": her kept spread over minutes answers it.
Near miss: the same words with no known migraine still ask it."""

from __future__ import annotations

import html
import re

from numbwise.assess.interview import ALSO_UNDERSTOOD
from tests.test_walk_ac_nadia import USUAL
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session

ONSET = "How did the numbness start?"


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _to_questions(live: Live, words: str) -> tuple[str, str]:
    """Her words, the emergency confirmed, every reading kept: the page after that and the one after the keep page."""
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", words)], cookie).body.decode()
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")),
                                                  ("answer", "emergency")], cookie).body.decode()
    kept_page = page
    kept = re.findall(r'name="(keep|keep_about|keep_unsure)" value="([^"]+)" checked', page)
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    if "Answer a few questions" in _text(page):
        page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")),
                                      ("answer", "emergency_go_on")], cookie).body.decode()
    if 'name="age"' in page:
        page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "about"),
                                      ("age", "29"), ("sex", "female")], cookie).body.decode()
    return kept_page, page


def test_web_her_words_keep_page_and_first_question(live: Live) -> None:
    kept_page, page = _to_questions(live, USUAL)
    shown = _text(kept_page)
    assert ALSO_UNDERSTOOD in shown and "above" not in ALSO_UNDERSTOOD, shown[:1500]
    assert ONSET not in _text(page) and "If that is how it began" not in _text(page), _text(page)[:1500]
    assert "Did the numbness go away completely within an hour?" in _text(page), _text(page)[:1500]


def test_web_near_miss_no_known_migraine_still_asks_how_it_started(live: Live) -> None:
    _, page = _to_questions(live, "tingling spread slowly over 20 minutes from my fingers up my arm to my face")
    assert ONSET in _text(page), _text(page)[:1500]
