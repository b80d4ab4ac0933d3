"""Walkthrough Q on the web: a 'not sure' answer that is no warning sign is said back on the result page, once."""

from __future__ import annotations

import html
import re
from pathlib import Path

from numbwise.assess.interview import outcome, to_data
from numbwise.assess.result import NOTED, result_plan
from tests.web.test_result_faces import _unsure_of

RUTH = {"both_hands": True, "worse_at_night": True, "cold_intolerance_weight_gain": True, "onset_gradual": True,
        "constant": True}


def _page(tmp_path: Path, unsure: set[str]) -> tuple[str, object]:
    """The result page the web check shows for Ruth's answers, leaving `unsure` not sure, and the plan behind it."""
    from itsdangerous import URLSafeSerializer

    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    iv = _unsure_of(RUTH, unsure, 52, "female")
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    return call(app, "GET", "/check?at=" + state).body.decode(), result_plan(outcome(iv), iv.unsure)


def test_the_web_result_names_a_not_sure_answer_that_is_no_warning_sign(tmp_path: Path) -> None:
    page, plan = _page(tmp_path, {"fatigue_pallor"})
    section = re.search(rf'<section class="unsure unsure-{NOTED}".*?</section>', page, re.S)
    assert section is not None
    flat = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section.group(0))).split())
    # its note speaks of the sign, not of vitamin B12, which is not on Ruth's list (walkthrough Y: a note names only
    # causes the result shows)
    assert "You feel very tired and your skin looks pale" in flat and "blood test" in flat and "B12" not in flat
    assert "a doctor can check it" in flat
    # once on the page, outside "Your answers" (which lists every answer as given)
    main = page.split('<details class="your-answers">')[0]
    assert main.count("You feel very tired and your skin looks pale") == 1
    # near miss: nothing left not sure, no such section
    calm, _ = _page(tmp_path, set())
    assert f"unsure-{NOTED}" not in calm
