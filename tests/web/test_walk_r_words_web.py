"""Walkthrough R on the web, words (Anne, 81, on warfarin): confirming the emergency her words point to shows the rest of what
her words said for a check (her blood thinner among them), and "See what to do now" has the same stroke lines as the
terminal and the step-by-step check ("tell them about a blood thinner", "do not eat or drink")."""

from __future__ import annotations

import html
import re

from numbwise.assess.interview import ALSO_UNDERSTOOD
from tests.test_walk_r_words import ANNE, SWALLOW, WARFARIN, _flat
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session


def _text(page: str) -> str:
    return _flat(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_web_anne_confirming_the_emergency_shows_the_rest_then_see_what_to_do_now_has_both_lines(live: Live) -> None:
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", ANNE)], cookie).body.decode()
    assert "Your words point to an emergency" in page
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")),
                                                  ("answer", "emergency")], cookie).body.decode()
    shown = _text(page)
    assert ALSO_UNDERSTOOD in shown and "You take a blood thinner" in shown, shown[:2000]
    assert 'value="numb_face_same_side"' not in page  # the confirmed sign is not offered to untick
    kept = re.findall(r'name="(keep|keep_about|keep_unsure)" value="([^"]+)" checked', page)
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    assert "See what to do now" in _text(page)
    result = _text(_form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")),
                                          ("answer", "emergency_now")], cookie).body.decode())
    assert WARFARIN in result and SWALLOW in result, result[:2000]
