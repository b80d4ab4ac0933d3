"""Walkthrough Z on the web (tests/test_walk_z_calls.py): Omar's own words, "Answer a few questions", name no usual
cause beside a numb face and slurred speech; Kim's own-words result says where the helpline's number is once."""

from __future__ import annotations

import re

from numbwise.kb import load
from tests.test_walk_z_calls import NUMBER_WHERE, OMAR_WORDS
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session
from tests.web.test_walk_r_words_web import _text

FIRST = load().interview.emergency_first
assert FIRST is not None
KIM_WORDS = ("I finished chemotherapy (oxaliplatin) for bowel cancer 2 months ago. My fingers and feet still tingle. "
             "Today I have a temperature of 38.2 and feel shivery.")


def _confirmed(live: Live, words: str) -> tuple[str, str, str]:
    """The page after the words' emergency is confirmed and the rest kept, with the cookie and form token."""
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", words)], cookie).body.decode()
    assert "Your words point to an emergency" in page
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")),
                                                  ("answer", "emergency")], cookie).body.decode()
    kept = re.findall(r'name="(keep|keep_about|keep_unsure)" value="([^"]+)" checked', page)
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    return page, cookie, csrf


def test_web_omar_answer_a_few_questions_names_no_usual_cause(live: Live) -> None:
    page, cookie, csrf = _confirmed(live, OMAR_WORDS)
    assert "Answer a few questions" in _text(page)
    asked = _text(_form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")),
                                         ("answer", "emergency_go_on")], cookie).body.decode())
    assert " ".join(FIRST.still_why_settled.split()) in asked, asked[:2000]
    assert "usual cause" not in asked and "pressure on the arm" not in asked, asked[:2000]


def test_web_kim_result_says_where_the_number_is_once_and_her_tingling(live: Live) -> None:
    page, cookie, csrf = _confirmed(live, KIM_WORDS)
    if "See what to do now" in _text(page):
        page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")),
                                      ("answer", "emergency_now")], cookie).body.decode()
    result = _text(page)
    assert "Call your cancer helpline now" in result, result[:2000]
    assert result.count(NUMBER_WHERE) == 1 and "tingling in your hands and feet too" in result, result[:3000]
