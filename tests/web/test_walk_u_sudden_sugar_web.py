"""Walkthrough U on the web (Priya, step by step: a sudden start in both hands): the check asks the one low-sugar
question before the call-now result, in its own words (also when the page is rebuilt from its kept state), and a yes
leads the result's to-do list with the sugar first aid, as in the terminal."""

from __future__ import annotations

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import to_data
from numbwise.kb import load
from tests.test_walk_u_sudden_sugar import CALL, _sugar_line, before_the_question
from tests.web.conftest import Live, fetch
from tests.web.test_describe_http import _form, _hidden, _session
from tests.web.test_result_faces import _flat


# the emergency's other questions answered already, so a yes gives the result at once (the low-sugar question is
# asked first of them since walkthrough W)
ANSWERED = {"after_pressure_on_arm": False, "anxiety_history": False, "lasting_over_6_weeks": False}


def test_the_web_check_asks_it_and_a_yes_puts_the_sugar_first(live: Live) -> None:
    entry = load().interview.before_call_now[0]
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(before_the_question(ANSWERED)), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    body = page.body.decode()
    shown = _flat(body)
    assert " ".join(entry.text.split()).lower() in shown and " ".join(entry.still.split()).lower() in shown
    kept = _hidden(body, "state")
    again = _flat(fetch(live.url + "/check?at=" + kept).body.decode())  # rebuilt from the kept state: same words
    assert " ".join(entry.text.split()).lower() in again
    _, cookie, csrf = _session(live)
    result = _flat(_form(live, "/check", [("csrf", csrf), ("state", kept), ("answer", "yes")], cookie).body.decode())
    assert 'call your emergency number now' in result
    assert result.index(_sugar_line().lower()) < result.index(CALL.lower())
