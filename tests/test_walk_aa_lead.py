"""Walkthrough AA (independent review, Marcus): a start not known in numbness a week or more old does not lead.

Marcus, 58, smoker: for 2 weeks his left arm feels heavy and tingly when he walks uphill or climbs stairs, with an ache
in his jaw; it eases within minutes of rest; nothing now; not sure how the very first one started. His result (terminal
and web) was headed "NOT SURE HOW FAST IT STARTED", with a red box and three Call buttons about how his first episode
began, which the same box called "not an emergency now"; possible angina (about 7 in 10) came about 1400 px lower on a
phone. When the only emergency doubt is the start and it is not an emergency now (`onset_long`), the level's own
headline leads, with the leading cause that needs prompt care named and why today; the onset note goes below, and the
call buttons sit under "Call your emergency number now if". The level never changes.

Near misses: the same answers 2 days in keep today's call-now-if-sudden lead; how long not known keeps it too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan

MARCUS: dict[str, Any] = {"age": 58, "sex": "male", "days_so_far": 14, "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_arm": True, "arm_discomfort_on_exertion": True, "comes_and_goes": True, "smoker": True,
    "chest_pain": False, "cold_sweat_nausea": False, "shortness_of_breath": False, "face_drooping": False,
    "speech_difficulty": False, "arm_or_leg_weakness_sudden": False, "confusion": False, "vision_loss_sudden": False,
    "severe_sudden_headache": False, "balance_loss_sudden": False}}
LEAD = load().triage.unsure_lead["emergency"]
CALL_IF = load().triage.levels["emergency"].watch_heading  # "Call your emergency number now if"
NOT_NOW = "how it first began is not an emergency now"


def _banner(shown: str) -> str:
    """The terminal banner: from "URGENCY:" to the first section after it."""
    return shown[shown.index("URGENCY:"):shown.index("Warning signs in your answers")]


def test_marcus_two_weeks_in_leads_with_the_level_and_names_angina(tmp_path: Path) -> None:
    shown = assess_cli(MARCUS, tmp_path)
    banner = _banner(shown)
    assert banner.startswith("URGENCY: SEE A DOCTOR TODAY"), banner
    assert LEAD.onset_heading.upper() not in shown and "UNLESS YOU CALL" not in shown
    assert "angina" in banner.lower() and "today" in banner.lower()  # the heart warning near the top, and why today
    assert "Call 999" not in banner and NOT_NOW not in banner  # no call buttons for a doubt that is not an emergency now
    # the onset note below, as a caution, and the buttons under the call-now-if lines
    assert shown.index("Warning signs in your answers") < shown.index(NOT_NOW)
    assert shown.index(CALL_IF) < shown.index("Call 999 (UK)") < shown.index("What next")
    assert "comes on at rest" in shown[shown.index(CALL_IF):shown.index("Call 999 (UK)")]


def test_marcus_plan_keeps_the_level_and_moves_the_calls_under_the_watch_lines(tmp_path: Path) -> None:
    plan = assess_plan(MARCUS, tmp_path)
    assert plan["level"] == "urgent" and plan["banner_level"] == "urgent"
    assert plan["heading"] == load().triage.levels["urgent"].title and not plan["caution_title"]
    assert not plan["caution"] and plan["numbers"] and plan["calls_with_watch"]
    assert "angina" in plan["action"].lower() and "7 in 10" in plan["action"]
    box = next(g for g in plan["unsure"] if g["level"] == "emergency")
    assert box["heading"] == LEAD.onset_heading and any(NOT_NOW in line for line in box["advice"])
    assert any(g["level"] == "emergency" for g in plan["watch_for"])


def test_marcus_two_days_in_keeps_the_call_now_if_sudden_lead(tmp_path: Path) -> None:
    plan = assess_plan({**MARCUS, "days_so_far": 2}, tmp_path)
    assert plan["level"] == "urgent" and plan["caution_title"] == LEAD.onset_heading
    assert plan["caution"] and plan["numbers"] and not plan["calls_with_watch"]
    assert "even if it has gone" in plan["caution"] and NOT_NOW not in plan["caution"]
    shown = assess_cli({**MARCUS, "days_so_far": 2}, tmp_path)
    assert shown.startswith(f"URGENCY: {LEAD.onset_heading.upper()}")
    assert shown.index("Call 999 (UK)") < shown.index("Warning signs in your answers")


def test_marcus_how_long_not_known_keeps_todays_lead(tmp_path: Path) -> None:
    case = {k: v for k, v in MARCUS.items() if k != "days_so_far"}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "urgent" and plan["caution_title"] == LEAD.onset_heading and not plan["calls_with_watch"]
    assert re.search(r"even if it has gone", plan["caution"])


def test_the_web_page_leads_with_the_level_and_puts_the_buttons_under_the_watch_lines(tmp_path: Path) -> None:
    """The web template reads the same plan: h1 the level's, angina in the banner, the call links under the list."""
    import html
    from dataclasses import replace

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import to_data
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call
    from tests.web.test_result_faces import _unsure_of

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    iv = replace(_unsure_of(MARCUS["findings"], {"onset_sudden"}, 58, "male"), said_days=14.0)
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state).body.decode()
    banner = page[page.index('<section class="banner'):page.index("</section>")]
    h1 = re.search(r'<h1 id="level-title">(.*?)</h1>', banner)
    assert h1 is not None and html.unescape(h1.group(1)) == load().triage.levels["urgent"].title, banner
    assert "angina" in banner.lower() and "call-link" not in banner and NOT_NOW not in banner
    watch = page.index('<h2 class="watch-emergency">')
    assert watch < page.index('class="call-link"')
