"""Walkthrough AE (independent reviewer, Uma, 55: her right hand tingles, she cannot say which fingers): the terminal
takes R? (that hand, fingers not sure) and never asks the hand again; the web's finger page had only "Not sure", so
the web asked "Is only one of your hands numb or tingling?" and the two faces differed. The web now has "Right hand /
Left hand / Both hands, not sure which fingers", read by the same core mapping as the terminal's R? / L? / R? L?."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from numbwise.assess.interview import Interview, hand_only_answer
from numbwise.cli.answers import _parse_fingers
from numbwise.kb import load
from tests.web.asgi_call import call
from tests.web.test_interview_flow_http import _iv
from tests.web.test_result_answers_http import SECRET, Check

HAND_QUESTION = load().findings["one_hand"].question  # "Is only one of your hands numb or tingling?"
FINGERS = ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("uma") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _to_the_fingers(app: Any) -> Check:
    """Uma's web check up to the finger page: none of the first list, 55 female, then Not sure (as her terminal walk)."""
    c = Check(app)
    c.post([("answer", "none")])
    for _ in range(20):
        if 'name="pick"' in c.page:
            return c
        if 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "55"), ("sex", "female")])
        elif 'value="emergency_go_on"' in c.page:
            c.post([("answer", "emergency_go_on")])
        elif 'value="go_on"' in c.page:
            c.post([("answer", "go_on")])
        else:
            c.post([("answer", "unsure")])
    raise AssertionError("no finger page in 20 steps")


def _fingers_step(iv: Interview) -> dict[str, bool]:
    steps = [dict(given) for q, given, *_ in iv.history if q.kind == "fingers"]
    assert len(steps) == 1
    return steps[0]


def test_the_finger_page_offers_each_hand_not_sure_which_fingers_as_real_buttons(app: Any) -> None:
    page = _to_the_fingers(app).page
    for value, words in (("hand:R", "Right hand, not sure which fingers"), ("hand:L", "Left hand, not sure which fingers"),
                         ("hand:LR", "Both hands, not sure which fingers")):
        assert re.search(rf'<button type="submit" name="answer" value="{value}"[^>]*>{words}</button>', page), value


@pytest.mark.parametrize(("value", "typed"), [("hand:R", "r?"), ("hand:L", "l?"), ("hand:LR", "r? l?")])
def test_each_hand_button_answers_as_the_terminal_does(app: Any, value: str, typed: str) -> None:
    c = _to_the_fingers(app)
    c.post([("answer", value)])
    assert _fingers_step(_iv(c.page)) == _parse_fingers(typed).updates


def test_uma_on_the_web_right_hand_not_sure_is_never_asked_the_hand_question(app: Any) -> None:
    c = _to_the_fingers(app)
    c.post([("answer", "hand:R")])
    iv = _iv(c.page)
    assert _fingers_step(iv) == {"one_hand": True, "both_hands": False} == _parse_fingers("r?").updates
    asked = c.not_sure_to_the_end()
    assert HAND_QUESTION not in asked and 'id="level-title"' in c.page
    assert iv.answers["one_hand"] is True and not any(f in iv.answers for f in FINGERS)


def test_near_miss_plain_not_sure_still_asks_the_hand_question(app: Any) -> None:
    c = _to_the_fingers(app)
    c.post([("answer", "unsure")])
    assert _fingers_step(_iv(c.page)) == {}
    assert HAND_QUESTION in c.not_sure_to_the_end()


@pytest.mark.parametrize("value", ["hand:X", "hand:", "hand:RR", "hand:LRL"])
def test_a_bad_hand_value_is_refused_with_400(app: Any, value: str) -> None:
    c = _to_the_fingers(app)
    m = re.search(r'name="state" value="([^"]+)"', c.page)
    assert m
    body = urlencode([("csrf", c.csrf), ("state", html.unescape(m.group(1))), ("answer", value)]).encode()
    r = call(app, "POST", "/check", body, {"Cookie": c.cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 400
    assert 'name="pick"' in r.body.decode()  # the same finger page again, with what to do


def test_the_core_mapping_is_the_terminals() -> None:
    assert hand_only_answer({"R"}) == _parse_fingers("r?").updates == {"one_hand": True, "both_hands": False}
    assert hand_only_answer({"L", "R"}) == _parse_fingers("l? r?").updates
    mixed = hand_only_answer({"L"}, right={1})
    assert mixed == _parse_fingers("r1 l?").updates and mixed["numb_thumb"] is True
    assert not any(mixed.get(f) is False for f in FINGERS)
    with pytest.raises(ValueError):
        hand_only_answer(set())
    with pytest.raises(ValueError):
        hand_only_answer({"X"})
