"""The same result reads the same on every face: terminal, web page, JSON API (and the plan behind them)."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest

from numbwise.assess.interview import outcome, simulate, to_data
from numbwise.assess.result import ResultPlan, result_plan
from tests.conftest import dev_cases, run_cli
from tests.web.conftest import Live, fetch

CASES = ("dev-003", "dev-018", "dev-024", "dev-028", "dev-035")  # self-care, can't tell, pressure, emergency, urgent


def _case(cid: str) -> dict[str, Any]:
    return next(c for c in dev_cases() if c["id"] == cid)


def _texts(plan: ResultPlan) -> list[str]:
    """Every sentence the plan gives a person."""
    out = [plan.caution_title, plan.caution, plan.title, plan.action, plan.by_when, plan.headline if plan.causes else "",
           plan.others_heading, *plan.why, *plan.do, *plan.do_not]
    out += [s.text for s in plan.signs]
    out += [u.text for g in plan.unsure for u in g.items] + [line for g in plan.unsure for line in g.advice]
    for c in plan.causes:
        out += [c.name, c.short] + [r.text for r in c.towards + c.away]
    out += list(plan.questions)
    if plan.advice is not None:
        out += [plan.advice_heading, plan.advice.summary] + [s.do for s in plan.advice.steps]
        out += [s.how_long for s in plan.advice.steps if s.how_long]
    for g in plan.watch_for:
        out += [g.heading] + [w.text for w in g.items]
    out += [n.label for n in plan.next_steps]
    out += [plan.safety_heading, *plan.safety]
    out += [plan.call_where, plan.call_intro] if plan.numbers else []  # a helpline's lines over its call buttons
    return [t for t in out if t]


def _flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split()).lower()  # the terminal's banner is in capitals


def _post(live: Live, path: str, body: Any) -> Any:
    reply = fetch(live.url + path, json.dumps(body).encode(), {"Content-Type": "application/json"})
    assert reply.status == 200, reply.body
    return reply.json()


@pytest.mark.parametrize("cid", CASES)
def test_cli_and_api_give_the_same_plan_and_the_terminal_shows_all_of_it(live: Live, cid: str, tmp_path: Any) -> None:
    case = _case(cid)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    cli = json.loads(run_cli("assess", "--case", str(path), "--format", "plan").out)
    api = _post(live, "/api/result", {k: case[k] for k in ("age", "sex", "findings") if k in case})
    assert cli == api
    text = _flat(run_cli("--plain", "assess", "--case", str(path), "--format", "text").out)
    from numbwise.assess import assess

    plan = result_plan(assess({k: case[k] for k in ("age", "sex", "findings") if k in case}))
    missing = [t for t in _texts(plan) if " ".join(t.split()).lower() not in text]
    assert missing == []
    assert "%" not in text


@pytest.mark.parametrize("cid", CASES)
def test_the_web_result_shows_the_same_plan_as_the_api_for_the_same_answers(live: Live, cid: str) -> None:
    from itsdangerous import URLSafeSerializer

    case = _case(cid)
    iv = simulate(case["findings"], case.get("age"), case.get("sex"))
    plan = result_plan(outcome(iv), iv.unsure)
    api = _post(live, "/api/result", {"age": iv.age, "sex": iv.sex, "findings": dict(iv.answers),
                                      "unsure": sorted(iv.unsure)})
    assert api == json.loads(json.dumps(plan.to_dict()))
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    shown = _flat(page.body.decode())
    missing = [t for t in _texts(plan) if " ".join(t.split()).lower() not in shown]
    assert missing == []
    assert "%" not in shown.split("your answers")[0]


def test_api_result_refuses_unknown_unsure_findings(live: Live) -> None:
    reply = fetch(live.url + "/api/result", json.dumps({"findings": {}, "unsure": ["nope"]}).encode(),
                  {"Content-Type": "application/json"})
    assert reply.status == 422 and reply.json()["detail"][0]["loc"] == ["body", "unsure"]


@pytest.mark.parametrize("cid,shown", [("dev-003", True), ("dev-028", False), ("dev-024", False)])
def test_the_hand_diagram_rating_shows_only_beside_a_carpal_tunnel_result(live: Live, cid: str, shown: bool) -> None:
    """The walkthrough found 'Classic ... carpal tunnel' on a stroke emergency and a pressure result."""
    from itsdangerous import URLSafeSerializer

    case = _case(cid)
    iv = simulate(case["findings"], case.get("age"), case.get("sex"))
    picks = {"pick:R1": True, "pick:R2": True, "pick:R3": True}
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": picks, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    assert ("Katz and Stirrat hand diagram" in page.body.decode()) is shown


def test_a_child_is_shown_the_likely_causes_in_order_but_no_chance_from_adult_studies(live: Live, tmp_path: Any) -> None:
    from numbwise.assess.result import CHILD_CHANCE

    story = {"one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "wakes_from_sleep": True,
             "shaking_relieves": True, "worse_at_night": True, "comes_and_goes": True}
    shown = {}
    for age in (10, 30):
        path = tmp_path / f"case{age}.json"
        path.write_text(json.dumps({"age": age, "findings": story}))
        shown[age] = (_flat(run_cli("--plain", "assess", "--case", str(path), "--format", "text").out),
                      _post(live, "/api/result", {"age": age, "findings": story}))
    child_text, child_api = shown[10]
    adult_text, adult_api = shown[30]
    assert "in 10" not in child_text and "in 100" not in child_text
    assert " ".join(CHILD_CHANCE.lower().split()) in child_text
    assert child_api["causes"] and all(c["short"] == "" for c in child_api["causes"])
    assert "in 10" in adult_text and " ".join(CHILD_CHANCE.lower().split()) not in adult_text


def _unsure_of(findings: dict[str, bool], unsure: set[str], age: int, sex: str) -> Any:
    """An interview answered from `findings`, leaving `unsure` out (the check counts a sign left out as not sure)."""
    from numbwise.assess.interview import answer, next_question, start

    iv = start(age, sex)
    while (q := next_question(iv)) is not None:
        iv = answer(iv, q, {f: findings.get(f, False) for f in q.findings if f not in unsure})
    return iv


def test_the_web_result_leads_with_a_not_sure_caution_and_the_level_only_if_none(tmp_path: Any) -> None:
    """Walkthrough F on the web: 'Book a doctor's visit' headed the banner under 'get medical help today'."""
    from itsdangerous import URLSafeSerializer

    from numbwise.kb import load
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    story = {"one_hand": True, "numb_thumb": True, "numb_index": True, "worse_at_night": True, "onset_gradual": True}
    iv = _unsure_of(story, {"speech_difficulty"}, 70, "male")
    plan = result_plan(outcome(iv), iv.unsure)
    assert "speech_difficulty" in iv.unsure and plan.caution_title and plan.level == "routine"
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state).body.decode()
    banner = page[page.index('<section class="banner'):page.index("</section>")]
    # walkthrough Q: one path, help today, named first in its own (urgent) colour, the doubt under it
    assert 'class="banner level-urgent"' in banner
    h1 = re.search(r'<h1 id="level-title">(.*?)</h1>', banner)
    lead = load().triage.unsure_lead["emergency"]
    assert h1 is not None and html.unescape(h1.group(1)) == lead.past_title
    flat = _flat(banner)
    caution = " ".join(plan.caution.split()).lower()
    # walkthrough J: a stroke sign that may have come and gone yesterday takes one path, today; never "if none: weeks"
    assert flat.index("get medical help today") < flat.index(lead.heading.lower()) < flat.index(caution) < flat.index(
        "call 911") < flat.index("tell them about the numbness too")
    assert "if none of the signs" not in _flat(page) and "by when: today" in flat
    assert 'class="action if-none"' not in banner
    assert flat.count("this could be an emergency") == 1
    assert flat.count("call your doctor or an urgent-care line") == 1
    assert "if none of the signs you were not sure about" not in _flat(page)
    assert "these checks only show what is happening now" in _flat(page)
    # walkthrough K: "How to check them (6 checks)" over five checks: the now-only line is no check, it goes with the
    # act line that ends the group (never folded away)
    folds = re.findall(r"How to check them \((\d+) checks\)</summary>(.*?)</details>", page, re.S)
    assert folds and all(int(n) == body.count("<p>") and "only show what is happening now" not in body for n, body in folds)
    assert re.search(r'<p class="act">These checks only show what is happening now', page)
    assert "these chances are about the hand numbness" in _flat(page)
    api = json.loads(call(app, "POST", "/api/result", json.dumps(
        {"age": 70, "sex": "male", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)}).encode(),
        {"Content-Type": "application/json"}).body)
    assert api["caution_title"] == plan.caution_title and api["title"] == plan.title  # the same plan


def test_the_web_result_says_call_now_for_new_one_sided_numbness_beside_a_not_sure_stroke_sign(tmp_path: Any) -> None:
    """Walkthrough K (Sam, 45): woke with his left hand tingling, still there, not sure his leg went weak or how it
    started. The page read 'get medical help today' and 'two weeks'; it says one thing: call now, with the buttons."""
    from itsdangerous import URLSafeSerializer

    from numbwise.kb import load
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    iv = _unsure_of({"one_hand": True, "constant": True, "numb_little": True, "numb_ring": True},
                    {"arm_or_leg_weakness_sudden", "onset_sudden"}, 45, "male")
    plan = result_plan(outcome(iv), iv.unsure)
    assert {"arm_or_leg_weakness_sudden", "onset_sudden"} <= set(iv.unsure) and plan.level in ("routine", "self_care")
    assert plan.caution_now and not plan.caution_today
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state).body.decode()
    banner = page[page.index('<section class="banner'):page.index("</section>")]
    assert 'class="banner level-emergency"' in banner and 'href="tel:999"' in banner  # the call buttons show
    flat = _flat(banner)
    now = load().triage.unsure_lead["emergency"].now_title
    # one path, call now: named first (walkthrough Q), the doubt under it, then its call buttons
    h1 = re.search(r'<h1 id="level-title">(.*?)</h1>', banner)
    assert now is not None and h1 is not None and html.unescape(h1.group(1)) == now
    assert banner.index('id="doubt-title"') < banner.index("tel:999") and "by when: now." in flat
    assert 'id="otherwise-title"' not in banner
    assert "when you last felt normal" in flat and 'class="action if-none"' not in banner
    assert "two weeks" not in flat and "today" not in flat
    assert "get medical help today" not in _flat(page) and "if none of the signs" not in _flat(page)
    # the stroke first as what must be ruled out, then the other causes under their own heading, no chance (AC, Frank)
    causes = page[page.index('<p class="headline">'):]
    others = " ".join((load().triage.unsure_lead["emergency"].now_others_heading or "").split())
    assert others and plan.others_heading == others and '<h3 class="others-heading">' in causes
    assert causes.index('id="c-stroke_tia"') < causes.index('class="others-heading"') < causes.index(
        f'id="c-{plan.causes[1].id}"')
    assert "a stroke must be ruled out first" in _flat(causes) and '<meter' not in causes.split("</ol>")[0]
    assert not re.search(r"\b\d+ in \d+\b", _flat(causes.split('class="others-heading"')[1].split("</ol>")[0]))
    api = json.loads(call(app, "POST", "/api/result", json.dumps(
        {"age": 45, "sex": "male", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)}).encode(),
        {"Content-Type": "application/json"}).body)
    # the emergency level's own to-do list, never the routine one's (walkthrough U, Jon: tests/test_walk_u_nowdo.py)
    assert api["caution_now"] and api["title"] == plan.title and api["do"] == list(plan.do)
    assert api["do"][0] == load().triage.levels["emergency"].do[0] and "do not drive yourself" in _flat(page)


def test_ruths_foot_check_is_on_the_web_page_the_terminal_and_the_api(live: Live, tmp_path: Any) -> None:
    """Walkthrough J: diabetes with numb feet and causes it cannot tell apart; the safety step shows on every face."""
    from itsdangerous import URLSafeSerializer

    from tests.test_walk_j_care import RUTH

    iv = simulate(RUTH["findings"], RUTH["age"], RUTH["sex"])
    plan = result_plan(outcome(iv), iv.unsure)
    assert plan.safety
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    shown = _flat(page.body.decode())
    assert all(" ".join(t.split()).lower() in shown for t in (plan.safety_heading, *plan.safety))
    api = _post(live, "/api/result", {"age": iv.age, "sex": iv.sex, "findings": dict(iv.answers),
                                      "unsure": sorted(iv.unsure)})
    assert api["safety"] == list(plan.safety)
