"""Walkthrough Q (Hana, Nadia, Ella's father): the emergency reminder is loud once and calm after, the web's result box
takes the colour of the level its headline names, and a check saved in the web diary can be taken out again.

Hana (a panic attack, breathing fast, answered "Suddenly") and Nadia (a known migraine aura) read "! So far, your
answers could mean an emergency ..." with big Call 999 / Call 911 buttons on 6 to 10 screens in a row before being
told home care. Now the full warning with its buttons comes once (the emergency-first screen, or the first question
after an answer that made the emergency on its own); later questions keep a short reminder with small call links, and
say why the questions go on. Through `numbwise --plain check --no-diary` and the web app."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from numbwise.assess.interview import answer, finding_question, next_question, start, still_line
from numbwise.kb import load
from tests.conftest import run_cli
from tests.web.asgi_call import call
from tests.web.conftest import Live
from tests.web.test_check_faces_agree import WebCheck, _item
from tests.web.test_saved_check import Web, _state, checks, finish, web  # noqa: F401  (web: the fixture)

FIRST = load().interview.emergency_first
assert FIRST is not None
FACE = "numb_face_same_side"
LOUD = "! "  # the terminal's loud line starts so; the calm reminder does not


def _terminal(typed: str) -> str:
    return run_cli("--plain", "check", "--no-diary", input=typed).out


def _questions(out: str) -> list[str]:
    """Each question's screen as printed: what stands above "Question N:" back to the screen before."""
    return re.split(r"\n(?=Question \d+:)", out)[1:]


def test_after_the_emergency_first_screen_the_reminder_is_calm_and_says_why_on_the_terminal() -> None:
    out = _terminal(f"{_item(FACE) + 1}\n\n2\n1\nn\nq\n")
    assert out.count(FIRST.title) == 1 and out.count(">> Call 999") == 1  # the full warning with its numbers, once
    before = re.split(r"\nQuestion \d+:", out)
    later = before[1:-1]  # the text above questions 2 and 3: after the emergency-first screen
    assert len(later) >= 2
    for screen in later:
        above = screen.rsplit("\n\n", 1)[-1] if "\n\n" in screen else screen
        flat = " ".join(above.split())
        assert FIRST.still in flat and "999" in flat  # the call advice stays reachable on every question
        assert "A few more answers" in flat  # ... and says why the questions go on
    assert "\n" + LOUD + "So far" not in out and not re.search(r"\n! .*emergency", out)


def test_an_answer_that_alone_makes_the_emergency_warns_loudly_once_then_calmly() -> None:
    """Hana: no warning sign on the list, then "Suddenly": no emergency-first screen, so the first question after it
    carries the full warning (loud), the next ones the calm reminder."""
    onset = load().interview.steps[1]
    sudden = [o.finding for o in onset.options].index("onset_sudden") + 1
    out = _terminal(f"\n30\nf\n{sudden}\nn\nR1\nq\n")  # none on the list, About you, Suddenly, no injury
    loud = re.findall(r"\n! [^\n]*", out)
    assert len(loud) == 1, loud  # once
    assert " ".join(out.split()).count(FIRST.still) >= 2  # said again, calm, on the next question


def test_the_reason_names_the_usual_pattern_being_checked() -> None:
    """Nadia said she has migraines: the reminder says the questions check for her usual aura."""
    iv = start(29, "female")
    screen = next_question(iv)
    assert screen is not None
    iv = answer(iv, screen, {f: f == FACE for f in screen.findings})
    generic = still_line(iv)
    # examples, none chosen: only those that can explain numbness of the face (walkthrough Z, Omar: not pressure on the
    # arm nor fast breathing)
    assert generic is not None and "migraine aura" in generic and "pressure on the arm" not in generic
    iv = answer(iv, finding_question("migraine_history"), {"migraine_history": True})
    line = still_line(iv)
    assert line is not None and "your usual migraine aura" in line and "breathing" not in line
    assert FIRST.still in line  # the call advice stays in it


def test_web_later_questions_have_a_small_call_link_not_the_big_red_block(live: Live) -> None:
    check = WebCheck(live)
    check.post(answer="yes")
    check.post(answer="none", **{f"item{_item(FACE)}": "yes"})
    assert check.heading == FIRST.title and check.body.count('class="call-link"') >= 2  # the full warning once
    check.post(answer="emergency_go_on")
    onset = load().interview.steps[1]
    for _ in range(2):
        assert 'class="call-link"' not in check.body and 'class="unsure emergency"' not in check.body
        assert 'class="still"' in check.body and FIRST.still in check.text and "A few more answers" in check.text
        assert re.search(r'<a [^>]*class="call-small"[^>]*href="tel:999"|<a [^>]*href="tel:999"[^>]*class="call-small"',
                         check.body), check.body[:2000]
        if check.heading == onset.text:
            check.post(answer=str([o.finding for o in onset.options].index("onset_sudden") + 1))
        else:
            check.post(answer="no")


# ---- 2. Ella: the box takes the colour of the level its headline names --------------------------------------------

def _ella() -> tuple[dict[str, Any], Any, Any]:
    """Ella's check answered through the interview (the rest not sure, as her father left it): data, result, unsure."""
    from numbwise.assess.interview import outcome, simulate, to_data
    from tests.test_walk_o_lead import ELLA

    iv = simulate(ELLA["findings"], ELLA["age"], ELLA["sex"])
    return to_data(iv), outcome(iv), iv.unsure


def test_ellas_headline_names_the_level_first_on_both_faces(live: Live, tmp_path: Any) -> None:
    from itsdangerous import URLSafeSerializer

    from numbwise.assess.result import result_plan
    from tests.conftest import assess_cli, assess_plan
    from tests.test_walk_o_lead import ELLA
    from tests.web.conftest import fetch

    plan = assess_plan(ELLA, tmp_path)
    assert plan["caution_today"] and plan["heading"] == "Get medical help today"
    assert plan["doubt_heading"] == "Not sure how fast it started" and plan["banner_level"] == "urgent"
    text = assess_cli(ELLA, tmp_path)
    assert text.startswith("URGENCY: GET MEDICAL HELP TODAY Not sure how fast it started"), text[:200]
    data, result, unsure = _ella()
    assert result_plan(result, unsure).heading == "Get medical help today"
    at = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": data, "about": True, "prefill": {}, "mode": None, "pending": None, "done": True})
    body = fetch(live.url + "/check?" + urlencode({"at": at})).body.decode()
    assert re.search(r'<section class="banner level-urgent"', body), body[:1500]
    h1 = re.search(r'<h1 id="level-title"[^>]*>(.*?)</h1>', body, re.S)
    assert h1 is not None and h1.group(1).strip() == "Get medical help today"
    assert body.index("Not sure how fast it started") > body.index("Get medical help today")


# ---- 3. the web diary: a saved check can be removed, only by this site's own form --------------------------------

def test_a_saved_check_can_be_removed_from_the_diary_and_the_result_stays(web: Web) -> None:  # noqa: F811
    result = finish(web, "carpal_tunnel")
    assert len(checks(web)) == 1
    form = re.search(r'<form[^>]*action="/check/forget"[^>]*>(.*?)</form>', result, re.S)
    assert form is not None and "Remove this check from my diary" in form.group(1)
    after = web.post("/check/forget", [("state", _state(form.group(0)))])
    assert checks(web) == []  # the row is gone from the SQLite diary
    assert 'class="banner' in after and "This check is saved in your diary." not in after
    assert "removed from your diary" in after
    # posting again changes nothing and says so calmly
    again = web.post("/check/forget", [("state", _state(form.group(0)))])
    assert checks(web) == [] and "removed from your diary" in again


def test_a_cross_site_post_cannot_remove_a_check(web: Web) -> None:  # noqa: F811
    result = finish(web, "carpal_tunnel")
    state = _state(re.search(r'<form[^>]*action="/check/forget"[^>]*>.*?</form>', result, re.S).group(0))  # type: ignore[union-attr]
    for fields, cookie in (([("state", state)], web.cookie), ([("state", state), ("csrf", "forged")], web.cookie),
                           ([("state", state), ("csrf", web.csrf)], "")):
        for origin in ({}, {"Origin": "https://evil.example"}):  # the token alone stops it, and the origin check
            r = call(web.app, "POST", "/check/forget", urlencode(fields).encode(),
                     {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", **origin})
            assert r.status == 403, (fields, origin, r.status)
    assert len(checks(web)) == 1  # still there
    forged = call(web.app, "POST", "/check/forget", urlencode([("csrf", web.csrf), ("state", "not-signed")]).encode(),
                  {"Cookie": web.cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert forged.status == 400 and len(checks(web)) == 1
