"""Exercises over real HTTP: the routines, the player page without JavaScript, the timeline JSON, the session form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

import pytest
from markupsafe import escape

from numbwise.care.session import timeline
from numbwise.kb import load
from tests.conftest import dev_check
from tests.web.conftest import Live, fetch


def token(live: Live, path: str) -> tuple[str, str]:
    """A fresh form cookie and the page's copy of the token."""
    r = fetch(live.url + path)
    assert r.status == 200, path
    cookie = r.headers["set-cookie"].split(";")[0]
    m = re.search(r'name="csrf" value="([^"]+)"', r.body.decode())
    assert m, path
    return cookie, m.group(1)


def sessions(live: Live) -> list[Any]:
    from numbwise.diary.store import open_store

    with open_store(live.db) as store:
        return store.activities(kind="session")


def post(live: Live, path: str, fields: dict[str, str], cookie: str | None) -> Any:
    return fetch(live.url + path, urlencode(fields).encode(), {"Cookie": cookie} if cookie else {})


@contextmanager
def latest_check(live: Live, result: dict[str, Any], case: dict[str, Any] | None = None) -> Iterator[None]:
    """A check dated far in the future is the diary's latest while the block runs (other tests share the diary)."""
    import datetime as dt

    from numbwise.diary.store import open_store

    with open_store(live.db) as store:
        check = store.add_check(dt.datetime(2999, 1, 1, tzinfo=dt.timezone.utc), case or {}, result)
    try:
        yield
    finally:
        with open_store(live.db) as store:
            store.delete("check", check.id)


def test_exercises_page_lists_every_routine_and_exercise(live: Live) -> None:
    ex = load().exercises
    case, result = dev_check("dev-003")  # carpal tunnel named, whatever ran before
    with latest_check(live, result, case):
        html = fetch(live.url + "/exercises").body.decode()
    for rid, r in ex.routines.items():
        assert f'href="/exercises/{rid}"' in html and escape(r.name) in html
    for e in ex.exercises.values():
        assert escape(e.name) in html
    assert "Suggested for you" in html and 'id="remind-interval"' in html
    assert 'value="60"' in html  # the reminder interval's default comes from RemindSettings


def test_player_page_reads_without_javascript(live: Live) -> None:
    ex = load().exercises
    for rid, r in ex.routines.items():
        html = fetch(live.url + f"/exercises/{rid}").body.decode()
        for eid in r.exercises:
            e = ex.exercises[eid]
            assert escape(e.name) in html and escape(e.cautions[0]) in html
            for st in e.steps:
                assert f'src="/exercises/pictures/{st.picture}"' in html
        assert 'name="outcome" value="done"' in html and 'name="outcome" value="skipped"' in html
        assert not re.search(r"<script(?![^>]*\bsrc=)", html) and " style=" not in html


def test_pictures_are_served_only_for_known_files(live: Live) -> None:
    name = next(iter(load().exercises.exercises.values())).steps[0].picture
    r = fetch(live.url + f"/exercises/pictures/{name}")
    assert r.status == 200 and r.headers["content-type"].startswith("image/svg+xml") and b"<svg" in r.body
    assert fetch(live.url + "/exercises/pictures/..%2F..%2Fmeta.yaml").status == 404
    assert fetch(live.url + "/exercises/pictures/nothing.svg").status == 404


def test_timeline_json_is_the_session_core(live: Live) -> None:
    ex = load().exercises
    data = fetch(live.url + "/exercises/carpal_tunnel_daily/timeline.json").json()
    phases = timeline(ex, ex.routines["carpal_tunnel_daily"])
    assert [(p["kind"], p["seconds"], p["side"]) for p in data["phases"]] == [(p.kind, p.seconds, p.side) for p in phases]
    assert data["total_seconds"] == sum(p.seconds for p in phases)
    assert {p["hand"] for p in data["phases"]} >= {"LEFT hand", "RIGHT hand"}
    assert fetch(live.url + "/exercises/nope/timeline.json").status == 404


def test_unknown_routine_is_a_404_page_naming_the_routines(live: Live) -> None:
    r = fetch(live.url + "/exercises/desk_brake")
    assert r.status == 404 and "Desk break" in r.body.decode() and "desk_break" not in r.body.decode().split("<main")[1]


def test_session_form_needs_the_token_and_saves_once(live: Live) -> None:
    before = len(sessions(live))
    cookie, csrf = token(live, "/exercises/desk_break")
    assert post(live, "/exercises/desk_break", {"outcome": "done", "seconds": "90"}, cookie).status == 403
    assert post(live, "/exercises/desk_break", {"csrf": csrf, "outcome": "done"}, None).status == 403
    assert post(live, "/exercises/desk_break", {"csrf": "x" * 43, "outcome": "done"}, cookie).status == 403
    assert len(sessions(live)) == before
    r = post(live, "/exercises/desk_break", {"csrf": csrf, "outcome": "partial", "seconds": "75"}, cookie)
    assert r.status == 200 and "Session saved" in r.body.decode() and "Partly" in r.body.decode()
    got = sessions(live)
    assert len(got) == before + 1
    assert (got[-1].name, got[-1].outcome, got[-1].seconds) == ("desk_break", "partial", 75)


def test_done_without_javascript_counts_the_planned_time(live: Live) -> None:
    ex = load().exercises
    cookie, csrf = token(live, "/exercises/ulnar_daily")
    post(live, "/exercises/ulnar_daily", {"csrf": csrf, "outcome": "done"}, cookie)
    last = sessions(live)[-1]
    assert (last.name, last.outcome) == ("ulnar_daily", "done")
    assert last.seconds == sum(p.seconds for p in timeline(ex, ex.routines["ulnar_daily"]))


@pytest.mark.parametrize("fields, message", [
    ({"outcome": "maybe"}, "Choose Done, Partly or Not done"),
    ({}, "Choose Done, Partly or Not done"),
    ({"outcome": "done", "seconds": "-5"}, "not a number of seconds"),
    ({"outcome": "done", "seconds": "lots"}, "not a number of seconds"),
    ({"outcome": "done", "seconds": "999999999"}, "not a number of seconds"),
    ({"outcome": "done", "timer": "1"}, "The seconds the timer ran were not sent"),  # a timer ran: never the planned time
])
def test_bad_session_form_is_422_and_saves_nothing(live: Live, fields: dict[str, str], message: str) -> None:
    before = len(sessions(live))
    cookie, csrf = token(live, "/exercises/desk_break")
    r = post(live, "/exercises/desk_break", {"csrf": csrf, **fields}, cookie)
    assert r.status == 422 and message in r.body.decode() and "Nothing was saved" in r.body.decode()
    assert len(sessions(live)) == before


def test_test_speed_is_honoured_only_when_the_app_allows_it(live: Live) -> None:
    from starlette.requests import Request

    from numbwise.web.app import create_app
    from numbwise.web.exercises import test_speed
    from numbwise.web.settings import WebSettings

    assert 'data-speed="50.0"' in fetch(live.url + "/exercises/desk_break?test_speed=50").body.decode()
    assert 'data-speed="1.0"' in fetch(live.url + "/exercises/desk_break?test_speed=abc").body.decode()
    plain = create_app(settings=WebSettings(store_url=live.db))  # what `numbwise serve` builds
    req = Request({"type": "http", "app": plain, "query_string": b"test_speed=50", "headers": []})
    assert test_speed(req) == 1.0


@pytest.mark.parametrize("cid, named", [("dev-011", "cervical_myelopathy"), ("dev-035", "multiple_sclerosis"),
                                        ("dev-028", None)])  # urgent, urgent, emergency (which names no cause)
def test_no_exercise_is_suggested_when_the_last_check_said_medical_help_first(live: Live, cid: str,
                                                                               named: str | None) -> None:
    case, result = dev_check(cid)
    with latest_check(live, result, case):
        html = fetch(live.url + "/exercises").body.decode()
    assert "Your last check said to get medical help first" in html
    assert "Suggested for you" not in html and "so this is the everyday" not in html
    box = html.split('id="medical-first"')[1].split("</section>")[0]
    assert (f'href="/learn/{named}"' in box) if named else ('href="/learn/' not in box)
    assert 'href="/check"' in box
    case, result = dev_check("dev-003")
    with latest_check(live, result, case):
        after = fetch(live.url + "/exercises").body.decode()
    assert "Your last check said to get medical help first" not in after and "Suggested for you" in after


def test_after_a_check_with_its_own_advice_the_exercises_page_repeats_that_advice(live: Live) -> None:
    """A pre-eclampsia check said 'contact your maternity team'; the exercises page must not turn it into 'see a GP'."""
    from numbwise.assess.result import saved_act

    kb = load()
    case = {"age": 30, "sex": "female", "findings": {"pregnant": True, "pregnancy_warning_signs": True}}
    words = saved_act("urgent", case)
    assert words is not None and words != (kb.triage.levels["urgent"].title, kb.triage.levels["urgent"].action)
    with latest_check(live, {"triage": "urgent", "causes": [{"id": "carpal_tunnel"}]}, case):
        html = fetch(live.url + "/exercises").body.decode()
    assert escape(words[1]) in html and escape(kb.triage.levels["urgent"].action) not in html
    with latest_check(live, {"triage": "urgent", "causes": [{"id": "carpal_tunnel"}]}, {"findings": {"rash_blisters_band": True}}):
        html = fetch(live.url + "/exercises").body.decode()  # a rule with no advice of its own: the level's words
    assert escape(kb.triage.levels["urgent"].action) in html
