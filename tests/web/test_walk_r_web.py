"""Walkthrough R on the web: Priya's low-sugar first aid shows once (not again after "About you"); after "Not sure" on
the first list, and on the list that asks back a person's own words, the page's instructions say one thing that fits
its Yes / No / Not sure controls."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from numbwise.kb import load
from tests.web.conftest import Live
from tests.web.test_describe_http import _form, _hidden, _session
from tests.web.test_result_answers_http import SECRET, Check

PRIYA = "feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _hints(page: str) -> list[str]:
    return [_text(h) for h in re.findall(r'<p class="hint"[^>]*>(.*?)</p>', page, re.S)]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = tmp_path_factory.mktemp("walkr") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def test_priyas_sugar_step_shows_once_not_again_after_about_you(live: Live) -> None:
    act = next(r.act for r in load().triage.rules if r.id == "em_low_sugar_confused")
    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", PRIYA)], cookie).body.decode()
    kept = re.findall(r'name="(keep|keep_about)" value="([^"]+)" checked', page)
    page = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", _hidden(page, "token")), ("answer", "keep"),
                                                  *kept], cookie).body.decode()
    page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "unsure")],
                 cookie).body.decode()
    assert act.title_if_unsure in _text(page) and 'value="emergency_go_on"' in page  # the first aid, once
    page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "emergency_go_on")],
                 cookie).body.decode()
    seen = 1
    for _ in range(4):  # answer a few questions: About you, then on; the first aid is not shown again
        if 'name="age"' in page:
            page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "about"),
                                          ("age", "35"), ("sex", "female")], cookie).body.decode()
        elif 'value="emergency_go_on"' in page:
            seen += 1
            page = _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")),
                                          ("answer", "emergency_go_on")], cookie).body.decode()
        else:
            break
    assert seen == 1 and 'id="q"' in page, _text(page)[:600]


def test_not_sure_on_the_first_list_gets_one_instruction(app: Any) -> None:
    """Walkthrough R: "Continue with none chosen ... counts as Not sure for all" and, in a second paragraph, "No to all
    I left blank" read as two rules for the same empty list. One paragraph now says what each button does."""
    c = Check(app)
    c.post([("answer", "unsure")])
    hints = _hints(c.page)
    assert len(hints) == 1, hints
    hint = hints[0]
    assert "Continue with none chosen" in hint and "Not sure for all of them" in hint and "No to all I left blank" in hint
    assert "Nothing is filled in for you" in hint


def test_the_list_asking_back_words_names_no_control_it_lacks(app: Any) -> None:
    """The asking-back list's help once said "leave it" beside Yes / No / Not sure buttons; its hint said a blank is
    asked again, but this list is shown once."""
    s = load().interview.confirm_emergency
    assert s is not None
    assert "leave it" not in s.help.lower() and "pick" not in s.help.lower()
    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import describe, start, sweep_question, to_data
    from tests.web.asgi_call import call

    iv = describe(start(24, "female"), {"both_hands": True, "numb_around_mouth": True})
    c = Check(app)
    token = URLSafeSerializer(SECRET, salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None,
         "pending": [s.id, "sweep", ["both_hands", "numb_around_mouth"]]})
    r = call(c.app, "GET", "/check?at=" + token, None, {"Cookie": c.cookie})
    page = r.body.decode()
    assert sweep_question(s, ()).text in html.unescape(page)
    hint = " ".join(_hints(page))
    assert "ask again" not in hint and "counts as Not sure" in hint, hint
