"""Walkthrough T on the web (Ben, 70, diabetes, numb feet, a sore on his sole he never felt): the foot-sore question
answered yes leads the result page with a foot check today, in the urgent colour, as the terminal and the API do."""

from __future__ import annotations

import json
from pathlib import Path

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import answer, choice_answer, next_question, outcome, to_data
from numbwise.assess.result import result_plan
from tests.conftest import run_cli
from tests.test_walk_s_foot import BEN, FOOT_LINE
from tests.test_walk_t_foot_sore import _before_foot
from tests.web.conftest import Live, fetch
from tests.web.test_result_faces import _flat, _post, _texts


def test_the_web_result_leads_with_the_foot_after_a_yes(live: Live) -> None:
    iv = _before_foot()
    q = next_question(iv)
    assert q is not None and q.id == "foot_sore"
    done = answer(iv, q, choice_answer(q, 0))
    plan = result_plan(outcome(done), done.unsure)
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(done), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    body = page.body.decode()
    assert 'class="banner level-urgent"' in body and '<h1 id="level-title">Get your foot checked today</h1>' in body
    shown = _flat(body)
    assert [t for t in _texts(plan) if " ".join(t.split()).lower() not in shown] == []
    assert FOOT_LINE.lower() not in shown and "for the numbness itself: book a doctor's visit" in shown


def test_api_result_takes_foot_sore_as_the_terminal_does(live: Live, tmp_path: Path) -> None:
    case = {**BEN, "foot_sore": True}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    cli = json.loads(run_cli("assess", "--case", str(path), "--format", "plan").out)
    api = _post(live, "/api/result", case)
    assert cli == api and api["heading"] == "Get your foot checked today" and api["banner_level"] == "urgent"
    bad = fetch(live.url + "/api/result", json.dumps({**case, "foot_sore": 1}).encode(), {"Content-Type": "application/json"})
    assert bad.status == 422 and bad.json()["detail"][0]["loc"] == ["body", "foot_sore"]


def test_bens_words_on_the_web_keep_the_foot_sore_in_the_check(live: Live) -> None:
    """His words, readings kept: the check's kept state says the foot sore (so it is not asked, and leads)."""
    from numbwise.assess.interview import from_data
    from tests.test_walk_s_foot import BEN_WORDS
    from tests.web.test_describe_http import _hidden
    from tests.web.test_walk_s_sam_web import _after_words

    page, _, _ = _after_words(live, BEN_WORDS)
    state = URLSafeSerializer("test-secret", salt="numbwise-check").loads(_hidden(page, "state"))
    assert from_data(state["iv"]).foot_sore is True
