"""Walkthrough U on the web (Ben, 70, diabetes, numb feet, a sore on his sole he had not felt): "What we understood"
shows the sore as its own line, from the same core as the terminal (parse.foot_chips); kept, the check knows it and
never asks; unticked, it is not known and the foot-sore question asks it."""

from __future__ import annotations

import html
import re

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import from_data
from numbwise.kb import load
from tests.test_walk_u_foot import NO_SORE, WORDS
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session


def _chips(live: Live, words: str) -> tuple[str, str, str]:
    """The 'What we understood' page for these words: (page, cookie, csrf)."""
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", words)], cookie)
    assert page.status == 200
    return page.body.decode(), cookie, csrf


def _kept_state(live: Live, page: str, cookie: str, csrf: str, drop: str = "") -> dict[str, object]:
    """Continue with every checked line kept but `drop`: the check's signed state."""
    kept = [(n, v) for n, v in re.findall(r'name="(keep|keep_about|keep_unsure)" value="([^"]+)" checked', page)
            if v != drop]
    after = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    state: dict[str, object] = URLSafeSerializer("test-secret", salt="numbwise-check").loads(_hidden(after, "state"))
    return state


def test_his_words_show_the_sore_on_the_list_and_kept_it_is_known(live: Live) -> None:
    q = load().interview.foot_sore
    assert q is not None
    page, cookie, csrf = _chips(live, WORDS)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert re.search(rf"{re.escape(q.said_yes)}\s+\(you wrote “a sore on the sole”\)", text), text
    assert 'name="keep" value="foot_sore" checked' in page
    assert 'name="flip" value="foot_sore"' not in page  # never turned round to "no" here
    iv = from_data(_kept_state(live, page, cookie, csrf)["iv"])
    assert iv.foot_sore is True


def test_the_sore_unticked_is_not_known_and_is_asked(live: Live) -> None:
    page, cookie, csrf = _chips(live, WORDS)
    iv = from_data(_kept_state(live, page, cookie, csrf, drop="foot_sore")["iv"])
    assert iv.foot_sore is None and iv.said_foot is None


def test_no_sore_in_the_words_no_foot_line(live: Live) -> None:
    q = load().interview.foot_sore
    assert q is not None
    page, _, _ = _chips(live, NO_SORE)
    assert q.said_yes not in page and q.said_no not in page and 'value="foot_sore"' not in page
