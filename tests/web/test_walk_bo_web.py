"""Walkthrough BN on the web (Maya, diabetes, numb feet, "not sure" of a sore): the Not sure button on the foot-sore
question gives the page the terminal gives: the level kept, "look at both feet today" atop, the not-sure group."""

from __future__ import annotations

import re

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import to_data
from numbwise.kb import load
from tests.test_walk_t_foot_sore import _before_foot
from tests.web.conftest import Live, fetch
from tests.web.test_check_faces_agree import WebCheck, _flat

FL = load().triage.foot_sore_lead
assert FL is not None and FL.unsure_caution and FL.unsure_heading


def test_not_sure_on_the_web_says_look_today_and_keeps_the_level(live: Live) -> None:
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(_before_foot()), "about": True, "prefill": {}, "mode": None, "pending": None})
    web = WebCheck(live)
    reply = fetch(live.url + "/check?at=" + state, headers={"Cookie": web.cookie})
    assert reply.status == 200
    web.body = reply.body.decode()
    q = load().interview.foot_sore
    assert q is not None and " ".join(q.text.split()) in web.text
    web.post(answer="unsure")
    assert 'class="banner level-routine"' in web.body, web.text[:300]
    check = re.search(r'<p class="caution foot-check" id="foot-check">(.*?)</p>', web.body, re.S)
    assert check and " ".join(FL.unsure_caution.split()) == _flat(check.group(1))
    assert 'id="caution"' not in web.body and '<section class="unsure unsure-foot"' in web.body
    assert FL.unsure_heading in web.text


def test_every_line_read_from_words_can_be_turned_round_and_a_warning_yes_is_asked_instead(live: Live) -> None:
    """Walkthrough BQ, Jon and Alma: "Your grip is not weak or clumsy" and "You are having chemotherapy" had no "It is the
    other way round" box on the web, while the terminal's "!" turns any line round. Now every line has it: a no turned
    round is a yes; a warning sign read yes and turned round is asked (never a no), and its box says so."""
    from itsdangerous import URLSafeSerializer as Signer

    from numbwise.assess.interview import from_data
    from tests.web.test_describe_http import _form, _hidden, _session

    _, cookie, csrf = _session(live)
    page = _form(live, "/check/describe", [("csrf", csrf), ("text", "my left thumb tingles, no weakness. I am having "
                                                                     "chemotherapy")], cookie).body.decode()
    assert 'name="flip" value="hand_weakness"' in page and 'name="flip" value="chemotherapy"' in page
    chemo = re.search(r'name="flip" value="chemotherapy"[^>]*>\s*<span>([^<]*)</span>', page)
    assert chemo and "we will ask about it" in chemo.group(1)
    token = _hidden(page, "token")
    r = _form(live, "/check/describe/confirm", [("csrf", csrf), ("token", token), ("answer", "keep"),
                                               ("keep", "numb_thumb"), ("keep", "one_hand"), ("keep", "hand_weakness"),
                                               ("keep", "chemotherapy"), ("flip", "hand_weakness"),
                                               ("flip", "chemotherapy")], cookie)
    assert r.status == 200
    state = Signer("test-secret", salt="numbwise-check").loads(_hidden(r.body.decode(), "state"))
    iv = from_data(state["iv"])
    assert iv.answers.get("hand_weakness") is True  # turned round: a yes
    assert "chemotherapy" not in iv.answers  # a warning sign read yes and turned round: asked, never a no
