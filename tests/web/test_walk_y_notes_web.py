"""Walkthrough Y on the web (George, Helen): the JSON API gives the terminal's very plan, and the web result page
shows George's elbow steps for the wait and his examination note, with no carpal tunnel note and no "do not wait for
home care"; Helen's page says nothing of attacks or an injury."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from numbwise.assess.interview import simulate, to_data
from tests.conftest import assess_plan, with_findings
from tests.test_walk_y_notes import ATTACKS, GEORGE, HELEN, INJURY
from tests.web.conftest import Live, fetch


def _api(live: Live, case: dict[str, Any]) -> Any:
    reply = fetch(live.url + "/api/result", json.dumps(case).encode(), {"Content-Type": "application/json"})
    assert reply.status == 200, reply.body
    return reply.json()


def _page(live: Live, case: dict[str, Any]) -> str:
    """The web check's result page for a person answering from these findings."""
    from itsdangerous import URLSafeSerializer

    iv = simulate(case["findings"], case["age"], case["sex"])  # what the case leaves out: not sure
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.body.decode())).split())


def test_the_api_gives_the_terminals_plan_for_george_and_helen(live: Live, tmp_path: Path) -> None:
    for case in (GEORGE, HELEN):
        assert _api(live, case) == assess_plan(case, tmp_path)


def test_georges_web_result_has_the_wait_steps_and_no_carpal_tunnel(live: Live) -> None:
    text = _page(live, with_findings(GEORGE, onset_sudden=False, onset_over_days=False))  # he picked "slowly"
    assert "While you wait for the visit" in text and "Do not lean on your elbow" in text, text
    assert "Do not wait for home care" not in text and "carpal tunnel" not in text.lower()
    assert "sometimes a nerve test" in text


def test_helens_web_result_says_nothing_of_attacks_or_an_injury(live: Live) -> None:
    text = _page(live, HELEN)
    assert ATTACKS not in text and INJURY not in text
