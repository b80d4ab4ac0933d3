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
