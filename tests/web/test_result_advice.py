"""The web result page and the JSON API show the composed advice (a rule's own act), through the ASGI app."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest

from numbwise.assess.interview import Interview, simulate, to_data
from numbwise.kb import load
from tests.test_rule_acts import CAST, MIXED, PREGNANCY, STROKE, SWALLOWING
from tests.web.asgi_call import call

SECRET = "test-secret"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = tmp_path_factory.mktemp("advice") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _page(app: Any, iv: Interview) -> str:
    """The result page for a finished interview, as a person reads it (tags out, spaces folded)."""
    from itsdangerous import URLSafeSerializer

    state = URLSafeSerializer(SECRET, salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    r = call(app, "GET", "/check?at=" + state)
    assert r.status == 200, r.body[:300]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", r.body.decode())).split())


def _story(case: dict[str, Any]) -> Interview:
    return simulate(case["findings"], case["age"], case["sex"])


def _api(app: Any, case: dict[str, Any]) -> Any:
    r = call(app, "POST", "/api/result", json.dumps(case).encode(), {"Content-Type": "application/json"})
    assert r.status == 200, r.body
    return json.loads(r.body)


def _act(rule_id: str) -> Any:
    return next(r.act for r in load().triage.rules if r.id == rule_id)


# The pregnancy story with a known start (slowly, over weeks): the interview's simulation answers a start the case
# leaves out 'not sure', and one hand numb with a start not known is a possible stroke now (walkthrough N: call now).
PREGNANCY_SLOW = {**PREGNANCY, "findings": {**PREGNANCY["findings"], "onset_gradual": True}}


def test_the_pregnancy_result_page_and_api_send_to_the_maternity_team(app: Any) -> None:
    urgent = load().triage.levels["urgent"]
    page = _page(app, _story(PREGNANCY_SLOW))
    assert "contact your maternity team now" in page.lower() and "call your maternity unit or midwife now." in page.lower()
    assert urgent.action not in page
    # a 'not sure' about how it started, one hand: the call-now path leads (a more worrying answer never gives a
    # less urgent banner, walkthrough N), and the pre-eclampsia reason is still said under it
    unsure = _page(app, _story(PREGNANCY))
    assert "Call your emergency number now" in unsure and "contact your maternity unit now" in unsure.lower()
    api = _api(app, PREGNANCY)
    assert api["action"] == _act("ur_pregnancy_signs").action and api["action"] != urgent.action


def test_the_tight_cast_result_page_has_no_swallowing_line(app: Any) -> None:
    page = _page(app, _story(CAST))
    assert SWALLOWING not in page and "Go to A&E (the emergency department) now" in page
    assert "If you have a cast or bandage, do not cut, loosen or take it off yourself." in page
    assert SWALLOWING not in _api(app, CAST)["do_not"]


def test_the_stroke_result_page_keeps_the_generic_emergency_advice(app: Any) -> None:
    emergency = load().triage.levels["emergency"]
    page = _page(app, _story(STROKE))
    assert emergency.action in page and SWALLOWING in page


def test_stroke_and_cast_together_keep_the_stroke_advice_and_the_cast_line(app: Any) -> None:
    emergency, cast = load().triage.levels["emergency"], _act("em_tight_cast")
    page = _page(app, _story(MIXED))
    assert emergency.action in page and SWALLOWING in page and cast.also in page
    api = _api(app, MIXED)
    assert api["action"] == emergency.action and cast.also in api["do"] and set(cast.do_not) <= set(api["do_not"])


def test_the_result_page_reads_like_the_plan_for_every_story(app: Any) -> None:
    """The page's banner is the plan's own (title, action, by when), never the level's when a rule has an act."""
    from numbwise.assess.interview import outcome
    from numbwise.assess.result import result_plan

    for case in (PREGNANCY, CAST, STROKE, MIXED):
        iv = _story(case)
        plan = result_plan(outcome(iv), iv.unsure)
        page = _page(app, iv)
        for text in (plan.title, plan.action, plan.by_when, *plan.do, *plan.do_not):
            assert text in page, (case, text)


def test_the_api_leaves_the_pregnancy_line_out_for_a_man_and_shows_only_the_home_summary(app: Any) -> None:
    from tests.test_result_home_care import CTS, NSAID

    man = _api(app, {"age": 34, "sex": "male", "findings": CTS})
    woman = _api(app, {"age": 34, "sex": "female", "findings": CTS})
    assert not any(NSAID in s["do"] for s in man["advice"]["steps"])
    assert any(NSAID in " ".join(s["do"].split()) for s in woman["advice"]["steps"])
    assert man["advice"]["summary"] == load().care.plans["carpal_tunnel"].home_summary
    assert "surgery" not in man["advice"]["summary"]


def test_the_result_page_never_says_zero_questions(app: Any) -> None:
    """An emergency found straight from a description says where it came from; answered questions are counted."""
    from numbwise.assess.interview import describe, next_question, start

    iv = describe(start(), {"recent_arm_injury_or_cast": True, "cast_tight_or_severe_pain": True})
    assert next_question(iv) is None and iv.count == 0
    page = _page(app, iv)
    assert "Go to A&E (the emergency department) now" in page and "0 questions" not in page and "This result comes from what you wrote." in page
    stroke = _story(STROKE)
    assert stroke.count >= 1
    assert f"You answered {stroke.count} question{'' if stroke.count == 1 else 's'}." in _page(app, stroke)


def test_not_sure_about_emergency_signs_is_said_at_the_top_with_call_buttons(app: Any) -> None:
    """The walkthrough's unsafe result: unsure of every stroke sign, headed only 'Book a doctor's visit'."""
    caution = load().triage.unsure_caution["emergency"]
    iv = simulate({}, 50, "female")  # every question answered 'not sure'
    from itsdangerous import URLSafeSerializer

    r = call(app, "GET", "/check?at=" + URLSafeSerializer(SECRET, salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None}))
    body = html.unescape(r.body.decode())
    banner = body[body.index('<section class="banner'):body.index("</section>")]
    # not sure of everything: the caution names the signs and the banner's one path is call now (walkthrough K)
    assert "You were not sure about:" in banner and 'href="tel:911"' in banner
    assert load().triage.unsure_lead["emergency"].now_title in banner and "If none" not in banner
    api = _api(app, {"age": 50, "sex": "female", "findings": {}, "unsure": []})
    assert api["caution"] == ""  # nothing answered 'not sure' through the API: nothing to caution about
    calm = _page(app, simulate({f: False for f in load().vocabulary.findings} | {"onset_gradual": True}, 50, "female"))
    assert caution not in calm and load().triage.unsure_caution["urgent"] not in calm  # everything answered: no caution


def test_an_urgent_result_says_its_causes_never_soften_the_advice_at_the_top(app: Any) -> None:
    """Pre-eclampsia banner, carpal tunnel first among the causes: the page says how the two fit together."""
    from numbwise.assess.result import CAUSES_NOTE

    page = _page(app, _story(PREGNANCY_SLOW))
    assert "contact your maternity team now" in page.lower() and CAUSES_NOTE in page
    assert page.lower().index("contact your maternity team now") < page.index(CAUSES_NOTE)
    assert _api(app, PREGNANCY)["causes_note"] == CAUSES_NOTE
    calm = _page(app, simulate({f: False for f in load().vocabulary.findings} | {"onset_gradual": True}, 50, "female"))
    assert CAUSES_NOTE not in calm


def test_not_sure_about_a_weak_grip_shows_on_the_result_page_and_in_the_api_beside_the_home_steps(app: Any) -> None:
    """Finding 2 on the web: the ulnar nerve result keeps its home steps and says the weak grip was not answered."""
    from numbwise.assess.interview import answer, next_question, outcome, start
    from numbwise.assess.result import result_plan
    from tests.test_escalation import UNSURE_PLAN, WEAK_GRIP

    story = {"numb_ring": True, "numb_little": True, "one_hand": True, "both_hands": False, "onset_over_days": True,
             "comes_and_goes": True, "after_pressure_on_arm": True}
    iv = start(38, "male")
    while (q := next_question(iv)) is not None:
        iv = answer(iv, q, {f: story.get(f, False) for f in q.findings if f != "hand_weakness"})
    assert "hand_weakness" in iv.unsure
    plan = result_plan(outcome(iv), iv.unsure)
    then = next(e.then for e in load().care.plans["ulnar_neuropathy"].escalate if "hand_weakness" in e.said)
    api = _api(app, {"age": 38, "sex": "male", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)})
    group = next(g for g in api["unsure"] if g["heading"] == UNSURE_PLAN)
    assert [u["text"] for u in group["items"]] == [WEAK_GRIP] and " ".join(then.split()) in " ".join(group["advice"])
    assert api["advice"]["cause"] == "ulnar_neuropathy" and api["advice"]["steps"]
    assert api == json.loads(json.dumps(plan.to_dict()))
    page = _page(app, iv)
    assert UNSURE_PLAN in page and WEAK_GRIP in page and " ".join(then.split()) in page
    assert "Do not lean on your elbow." in page


def test_aishas_maternity_team_leads_the_api_result_and_her_old_start_is_no_emergency_sign(app: Any) -> None:
    """Walkthrough AC (Aisha): the JSON API gives the plan every face renders: her rule's own act heads it, the doubts
    say their line under it, and a start not known in numbness over a week old has its own box, not the emergency one."""
    from tests.test_walk_ac_aisha_preg import AISHA

    api = _api(app, AISHA)
    assert api["heading"] == api["title"] == _act("ur_pregnancy_signs").title and api["rule_leads"]
    assert "This could be an emergency" not in api["caution"] and api["numbers"]
    emergency = [u["finding"] for g in api["unsure"] if g["level"] == "emergency" for u in g["items"]]
    assert "vision_loss_sudden" in emergency and "onset_sudden" not in emergency
    near = _api(app, {**AISHA, "days_so_far": 3})  # near miss: under a week, the start stays an emergency sign
    assert "onset_sudden" in [u["finding"] for g in near["unsure"] if g["level"] == "emergency" for u in g["items"]]
