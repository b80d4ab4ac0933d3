"""A check finished in the web app and saved in the diary is repeated elsewhere (diary page, `numbwise history`,
the exercises page, `numbwise exercise`, `numbwise care`, the report) with what its result said, never more.

Each check is finished through the real app (its last answer posted to /check, which saves it), on a diary of its own.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from numbwise.assess.interview import Interview, Question, next_question, start, to_data
from numbwise.assess.interview import answer as give
from numbwise.diary.store import open_store
from numbwise.kb import load
from tests.conftest import dev_cases, run_cli
from tests.web.asgi_call import call

SECRET = "test-secret"
T, F = True, False

CASES: dict[str, tuple[dict[str, bool], int | None, str | None]] = {
    # a broken arm's emergency: "Go to A&E now" (a rule's own act), no causes shown
    "a_and_e": (dict(onset_sudden=T, recent_arm_injury_or_cast=T, one_hand=T, numb_thumb=T, numb_index=T,
                     face_drooping=F, speech_difficulty=F), 9, "female"),
    # the same for an adult, whose arm injury is still the last question (under 16 it is asked before the call-now
    # screen: walkthrough AA, Mia)
    "a_and_e_adult": (dict(onset_sudden=T, recent_arm_injury_or_cast=T, one_hand=T, numb_thumb=T, numb_index=T,
                           face_drooping=F, speech_difficulty=F), 30, "female"),
    # pre-eclampsia signs: urgent, "Contact your maternity team now"; carpal tunnel is named as the leading cause
    "maternity": (dict(pregnant=T, pregnancy_warning_signs=T, both_hands=T, numb_thumb=T, numb_index=T, numb_middle=T,
                       worse_at_night=T, onset_gradual=T), 31, "female"),
    # a fever during chemotherapy: "Call your cancer helpline now", no causes shown
    "chemo": (dict(chemotherapy=T, fever=T, both_hands=T, numb_feet=T, onset_over_days=T), 55, "male"),
    # a possible-stroke emergency whose top-ranked cause is migraine with aura (not shown on the emergency)
    "stroke_migraine": (dict(numb_face_same_side=T, visual_aura=T, headache_follows=T, migraine_history=T,
                             spreads_over_minutes=T, one_hand=T), 30, "female"),
}


def _dev(cid: str) -> tuple[dict[str, bool], int | None, str | None]:
    case = next(c for c in dev_cases() if c["id"] == cid)
    return dict(case["findings"]), case.get("age"), case.get("sex")


CASES["cant_tell"] = _dev("dev-018")  # routine; "We can't tell yet what is causing it" (carpal tunnel ranked first)
CASES["carpal_tunnel"] = _dev("dev-003")  # carpal tunnel named; some warning signs left not sure
# The same story told by someone sure of it: slow onset, and no to every warning sign it leaves out (home care,
# which a 'not sure' warning sign rules out, with carpal tunnel's own routine).
CASES["carpal_sure"] = ({**{f: False for f in load().triage.warning_signs()}, **CASES["carpal_tunnel"][0], "onset_gradual": T,
                         "onset_sudden": False, "onset_over_days": False}, *CASES["carpal_tunnel"][1:])


@dataclass
class Web:
    """The app on a diary of its own, and a form cookie with its token."""

    app: Any
    db: str
    cookie: str
    csrf: str

    def get(self, target: str) -> str:
        r = call(self.app, "GET", target, headers={"Cookie": self.cookie})
        assert r.status == 200, (target, r.status, r.body[:300])
        return r.body.decode()

    def post(self, target: str, fields: list[tuple[str, str]]) -> str:
        r = call(self.app, "POST", target, urlencode([("csrf", self.csrf), *fields]).encode(),
                 {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 200, (target, r.status, r.body[:300])
        return r.body.decode()


@pytest.fixture
def web(tmp_path: Path) -> Web:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = f"sqlite:///{tmp_path / 'numbwise.sqlite3'}"
    app = create_app(settings=WebSettings(store_url=db, secret_key=SECRET))
    r = call(app, "GET", "/check")
    cookie = r.headers["set-cookie"].split("\n")[0].split(";")[0]
    m = re.search(r'name="csrf" value="([^"]+)"', r.body.decode())
    assert m
    return Web(app, db, cookie, m.group(1))


def last_step(findings: Mapping[str, bool], age: int | None, sex: str | None) -> tuple[Interview, Question]:
    """The interview answered from these findings (as `simulate` does) up to its last question, and that question."""
    iv = start(age, sex)
    q = next_question(iv)
    assert q is not None
    while True:
        after = give(iv, q, {f: findings[f] for f in q.findings if f in findings})
        nq = next_question(after)
        if nq is None:
            return iv, q
        iv, q = after, nq


def answer_fields(q: Question, findings: Mapping[str, bool]) -> list[tuple[str, str]]:
    """The form a person sends for this question, answering from the findings (the rest: not sure)."""
    if q.kind == "finding":
        v = findings.get(q.findings[0])
        return [("answer", "unsure" if v is None else "yes" if v else "no")]
    if q.kind == "choice":
        picked = [i for i, f in enumerate(q.findings) if findings.get(f) is True]
        return [("answer", str(picked[0] + 1) if picked else "unsure")]
    assert q.kind in ("screen", "sweep") and not q.any_first, q
    items = [(f"item{i}", "unsure" if findings.get(f) is None else "yes" if findings[f] else "no")
             for i, f in enumerate(q.findings)]
    return [*items, ("answer", "done")]


def _state(page: str) -> str:
    m = re.search(r'name="state" value="([^"]+)"', page)
    assert m
    return html.unescape(m.group(1))


def last_page(web: Web, name: str) -> tuple[str, Question]:
    """The page of a check's last question, opened at its address (as the browser's Back shows it), and the question."""
    from itsdangerous import URLSafeSerializer

    findings, age, sex = CASES[name]
    iv, q = last_step(findings, age, sex)
    at = URLSafeSerializer(SECRET, salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": [q.id, q.kind, list(q.findings)]})
    return web.get("/check?at=" + at), q


def finish(web: Web, name: str, findings: Mapping[str, bool] | None = None) -> str:
    """Answer a check's last question through the app (which saves the check); the result page."""
    page, q = last_page(web, name)
    result = web.post("/check", [("state", _state(page)), *answer_fields(q, findings or CASES[name][0])])
    assert 'class="banner' in result and "This check is saved in your diary." in result
    return result


def _to_result(web: Web, page: str) -> str:
    """Go on to the result from a question page, answering 'not sure' (a checklist: left blank, then not sure)."""
    for _ in range(25):
        if 'id="level-title"' in page:
            return page
        answer = "done" if 'name="item0"' in page else "unsure"
        page = web.post("/check", [("state", _state(page)), ("answer", answer)])
    raise AssertionError("no result after 25 steps")


def banner_title(result_page: str) -> str:
    m = re.search(r'<h1 id="level-title"[^>]*>(.*?)</h1>', result_page, re.S)
    assert m, result_page[:2000]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())


def plan_of(name: str) -> Any:
    from numbwise.assess.interview import outcome
    from numbwise.assess.result import result_plan

    findings, age, sex = CASES[name]
    iv, q = last_step(findings, age, sex)  # answered as the web flow below answers it (the rest: not sure)
    iv = give(iv, q, {f: findings[f] for f in q.findings if f in findings})
    return result_plan(outcome(iv), iv.unsure)


def flat(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def checks(web: Web) -> list[Any]:
    with open_store(web.db) as store:
        return store.checks()


# ---- 1. the diary line of a saved check -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_the_diary_line_says_what_the_result_said(web: Web, name: str) -> None:
    plan = plan_of(name)
    result = finish(web, name)
    title = banner_title(result)
    assert title == plan.heading  # a not-sure caution that leads heads the banner, or a one path's level (walkthrough Q)
    (check,) = checks(web)
    history = run_cli("--db", web.db, "--plain", "history", "--kind", "check")
    assert history.code == 0, history.err
    line = " ".join(history.out.split())
    diary = flat(web.get("/diary"))
    kb = load()
    for shown in (line, diary):
        assert title.lower() in shown.lower(), (title, shown[-600:])
        others = {lv.title.lower() for lid, lv in kb.triage.levels.items() if lv.title != title}
        assert not [o for o in others if f"symptom check: {o}" in shown.lower()], shown
    named = plan.top.name if plan.top is not None and plan.told_apart else None
    for shown in (line, diary):
        low = shown.lower()
        if named is not None:
            assert f"most likely {named.lower()}" in low
        else:
            assert "most likely" not in low, (name, shown)
            for c in check.result["causes"][:3]:
                assert kb.causes[c["id"]].name.lower() not in low, (name, c["id"], shown)
        if name == "cant_tell":
            assert "cause not clear yet" in low


# ---- 2. the exercises suggestion after a saved check ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["a_and_e", "chemo", "stroke_migraine"])
def test_after_an_emergency_the_exercises_name_no_cause_and_suggest_nothing(web: Web, name: str,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE

    title = banner_title(finish(web, name))
    (check,) = checks(web)
    kb = load()
    ranked = [kb.causes[c["id"]].name.lower() for c in check.result["causes"][:5] if c["id"] in kb.causes]
    page = web.get("/exercises")
    why = flat(page.split('id="medical-first"')[1].split("</section>")[0]) if 'id="medical-first"' in page else ""
    assert title.rstrip(".").lower() in why.lower(), why
    assert "Suggested for you" not in page
    assert not [n for n in ranked if n in why.lower()], why
    assert 'href="/learn/' not in page.split('id="medical-first"')[1].split("</section>")[0]
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("--db", web.db, "--plain", "exercise", input="y\n")
    out = " ".join(run.out.split())
    assert run.code == 0, run.err
    assert title.rstrip(".") in out and "Routine:" not in out
    assert not [n for n in ranked if n in out.lower()], out
    with open_store(web.db) as store:
        assert store.activities() == []


def test_after_a_cant_tell_result_no_cause_routine_is_suggested(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE

    plan = plan_of("cant_tell")
    assert not plan.told_apart and plan.top is not None  # the result listed causes but named none as the answer
    finish(web, "cant_tell")
    page = web.get("/exercises")
    text = flat(page)
    assert f"put {plan.top.name.lower()} first" not in text.lower() and "made for it" not in text
    assert "Suggested for you" not in page and 'href="/learn/' not in page.split("<h2>Routines</h2>")[0]
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("--db", web.db, "--plain", "exercise", input="y\n")
    out = " ".join(run.out.split())
    assert run.code == 0, run.err
    assert "Routine:" not in out and plan.top.name not in out, out
    with open_store(web.db) as store:
        assert store.activities() == []


def test_a_named_cause_still_gets_its_own_routine(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE

    plan = plan_of("carpal_sure")
    assert plan.told_apart and plan.advice is not None and plan.advice.routine is not None
    finish(web, "carpal_sure")
    routine = load().exercises.routines[plan.advice.routine]
    page = web.get("/exercises")
    assert "Suggested for you" in page and f"put {plan.top.name.lower()} first" in flat(page).lower()
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("--db", web.db, "--plain", "exercise", input="y\n")
    assert run.code == 0, run.err
    assert f"Routine: {routine.name}: suggested for {plan.top.name}" in " ".join(run.out.split())


# ---- the doctor's report ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_the_report_repeats_the_latest_check_as_its_result_said_it(web: Web, name: str, tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    plan = plan_of(name)
    title = banner_title(finish(web, name))
    (check,) = checks(web)
    out = tmp_path / "report.pdf"
    run = run_cli("--db", web.db, "report", "--out", str(out))
    assert run.code == 0, run.err
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split())
    day_line = re.search(r"Latest check \([^)]*\): (.*?)\.", text)
    assert day_line and day_line.group(1) == title.rstrip("."), text[:1500]
    assert f"Symptom check: {title.rstrip('.')}" in text  # the diary day's line too
    kb = load()
    ranked = [kb.causes[c["id"]].name for c in check.result["causes"][:5] if c["id"] in kb.causes]
    if plan.level == "emergency":
        assert "causes it listed" not in text.lower() and not [n for n in ranked if n in text], text[:2000]
    elif plan.named is not None:
        assert f"Likely causes it listed: {plan.named.name}" in text
    else:
        assert "could not tell yet what is causing it" in text and "Likely causes" not in text
    shown = {c.name for c in plan.causes}
    assert not [n for n in ranked if n in text and n not in shown], text[:2000]  # never a cause the result did not list


@pytest.mark.parametrize("name", ["cant_tell", "carpal_tunnel"])
def test_the_report_lists_the_signs_a_web_check_was_not_sure_about_as_its_result_did(web: Web, name: str,
                                                                                      tmp_path: Path) -> None:
    """The walkthrough: the result's 'You were not sure about these emergency signs' was missing from the report."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    plan = plan_of(name)
    assert plan.unsure  # the answers leave some signs 'not sure' (simulate answers what the case does not say so)
    result = flat(finish(web, name))
    (check,) = checks(web)
    assert set(check.case["unsure"]) >= {u.finding for g in plan.unsure for u in g.items}  # kept with the check
    out = tmp_path / "report.pdf"
    run = run_cli("--db", web.db, "report", "--out", str(out))
    assert run.code == 0, run.err
    left = ["-x", "0", "-y", "0", "-W", "300", "-H", "842"]  # each page's left column, where the check section is
    footer = "Not a diagnosis. In an emergency, call your local emergency number."
    text = " ".join(subprocess.run(["pdftotext", *left, str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.replace(footer, " ").split())
    for g in plan.unsure:
        assert g.heading in result
        said = re.search(re.escape(g.heading) + r" \(check on [^)]*\): (.*?)\.(?: |$)", text)
        assert said, text[:3000]
        assert [u.text for u in g.items] == said.group(1).split("; "), said.group(1)


# ---- numbwise care without a cause -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["stroke_migraine", "a_and_e", "cant_tell", "carpal_tunnel"])
def test_care_without_a_cause_shows_only_the_plan_of_a_cause_the_result_named(web: Web, name: str) -> None:
    plan = plan_of(name)
    title = banner_title(finish(web, name))
    (check,) = checks(web)
    run = run_cli("--db", web.db, "--plain", "care")
    said = " ".join((run.out + run.err).split())
    kb = load()
    if plan.named is not None:
        assert run.code == 0, run.err
        assert json.loads(run_cli("--db", web.db, "care", "--json").out)["cause"] == plan.named.id
        return
    assert run.code == 1 and run.out == "", run.out
    assert title.rstrip(".") in said
    ranked = [kb.causes[c["id"]].name for c in check.result["causes"][:5] if c["id"] in kb.causes]
    assert not [n for n in ranked if n in said], said


# ---- 3. finishing the same check again after the browser's Back -------------------------------------------------------


def test_changing_an_answer_after_back_replaces_the_saved_check_and_a_new_check_is_kept_beside_it(web: Web) -> None:
    """The reviewer pressed Back on the result, changed the last answer and finished again: the diary held both."""
    page, q = last_page(web, "a_and_e_adult")
    assert q.findings == ("recent_arm_injury_or_cast",)
    state = _state(page)  # what the browser's Back shows again: the last question's page and its form
    first = web.post("/check", [("state", state), ("answer", "yes")])
    assert banner_title(first) == "Go to A&E (the emergency department) now"
    (kept,) = checks(web)
    assert kept.case["findings"]["recent_arm_injury_or_cast"] is True
    changed = _to_result(web, web.post("/check", [("state", state), ("answer", "no")]))  # Back, then another answer
    assert banner_title(changed) != "Go to A&E (the emergency department) now" and "This check is saved in your diary." in changed
    (replaced,) = checks(web)  # one check: the one finished last, in the place of the first
    assert replaced.case["findings"]["recent_arm_injury_or_cast"] is False
    assert replaced.result["triage"] == "emergency" and replaced.uid == kept.uid
    history = run_cli("--db", web.db, "--plain", "history", "--kind", "check")
    assert history.out.count("symptom check:") == 1 and "go to a&e" not in history.out.lower()
    again = _to_result(web, web.post("/check", [("state", state), ("answer", "no")]))  # the same answers: nothing new
    assert "This check is saved in your diary." in again
    (same,) = checks(web)
    assert same == replaced
    finish(web, "carpal_tunnel")  # a check started afresh is a new check, kept beside the first
    assert len(checks(web)) == 2
