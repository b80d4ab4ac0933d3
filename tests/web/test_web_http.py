"""The web app over real HTTP: security headers, the form token, the JSON API contract, Learn and serve."""

from __future__ import annotations

import json
from markupsafe import escape
import re
import subprocess
import sys
import time
from typing import Any

import pytest

from numbwise.assess import assess
from numbwise.pages import topics
from tests.conftest import run_cli
from tests.web.conftest import Live, fetch, free_port


def post_json(live: Live, path: str, body: Any) -> Any:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return fetch(live.url + path, data, {"Content-Type": "application/json"})


@pytest.mark.parametrize("path", ["/", "/check", "/learn", "/static/style.css", "/openapi.json", "/nowhere"])
def test_security_headers_on_every_response(live: Live, path: str) -> None:
    r = fetch(live.url + path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert "http" not in csp  # no external origin is allowed
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script_or_style_and_no_outside_urls(live: Live) -> None:
    for path in ["/", "/check", "/learn", "/learn/carpal_tunnel", "/foods"]:
        html = fetch(live.url + path).body.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert "<style" not in html and " style=" not in html, path
        assert not re.search(r"""src=["']https?://""", html), path  # nothing is fetched from outside
        # the only outside links are a page's sources, followed only when the person chooses, with no referrer
        for link in re.findall(r"""<a [^>]*href=["']https?://[^>]*>""", html):
            assert 'rel="noreferrer"' in link, (path, link)


def _form(live: Live) -> tuple[str, str, str]:
    r = fetch(live.url + "/check")
    cookie = r.headers["set-cookie"].split(";")[0]
    html = r.body.decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', html)
    state = re.search(r'name="state" value="([^"]+)"', html)
    assert csrf and state
    return cookie, csrf.group(1), state.group(1)


def test_check_form_needs_the_matching_token(live: Live) -> None:
    from urllib.parse import urlencode

    cookie, csrf, state = _form(live)
    ok = fetch(live.url + "/check", urlencode({"csrf": csrf, "state": state, "answer": "none"}).encode(), {"Cookie": cookie})
    assert ok.status == 200 and "About you" in ok.body.decode()
    for headers, token in (({}, csrf), ({"Cookie": cookie}, "x" * 43), ({"Cookie": cookie}, "")):
        bad = fetch(live.url + "/check", urlencode({"csrf": token, "state": state, "answer": "done"}).encode(), headers)
        assert bad.status == 403


def test_about_you_says_how_to_answer_for_someone_else_on_both_faces(live: Live) -> None:
    from urllib.parse import urlencode

    from numbwise.assess.interview import FOR_SOMEONE_ELSE

    assert "someone else" in FOR_SOMEONE_ELSE and "their age and sex" in FOR_SOMEONE_ELSE
    cookie, csrf, state = _form(live)
    page = fetch(live.url + "/check", urlencode({"csrf": csrf, "state": state, "answer": "none"}).encode(), {"Cookie": cookie})
    web = " ".join(page.body.decode().split())
    assert "<h1>About you</h1>" in web and str(escape(FOR_SOMEONE_ELSE)) in web
    run = run_cli("--plain", "check", "--no-diary", input="\nq\n")  # the emergency screen: none; then About you
    terminal = " ".join(run.out.split())  # the console wraps long lines
    assert "About you" in terminal and FOR_SOMEONE_ELSE in terminal
    assert terminal.index(FOR_SOMEONE_ELSE) < terminal.index("How old are you?")


def test_tampered_check_state_is_refused(live: Live) -> None:
    from urllib.parse import urlencode

    cookie, csrf, state = _form(live)
    r = fetch(live.url + "/check", urlencode({"csrf": csrf, "state": state[:-3] + "abc", "answer": "done"}).encode(), {"Cookie": cookie})
    assert r.status == 400 and "start it again" in r.body.decode()


def test_api_assess_matches_the_cli_contract(live: Live, tmp_path: Any) -> None:
    case = {"age": 52, "sex": "female", "findings": {"numb_thumb": True, "numb_index": True, "worse_at_night": True}}
    r = post_json(live, "/api/assess", case)
    assert r.status == 200 and r.headers["content-type"] == "application/json"
    assert r.json() == assess(case).to_dict()
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    cli = run_cli("assess", "--case", str(path))
    assert json.loads(cli.out) == r.json()


@pytest.mark.parametrize("body, loc", [
    ({"findings": {"numb_thumbb": True}}, ["body", "findings", "numb_thumbb"]),
    ({"age": "old", "findings": {}}, ["body", "age"]),
    ({"age": True, "findings": {}}, ["body", "age"]),
    ({"findings": {"numb_thumb": 1}}, ["body", "findings", "numb_thumb"]),
    ({"age": 40}, ["body", "findings"]),
    ({"findings": {}, "colour": "red"}, ["body", "colour"]),
    ([1, 2], ["body"]),
    (b"{not json", ["body"]),
])
def test_api_bad_body_is_422_naming_the_field(live: Live, body: Any, loc: list[str]) -> None:
    r = post_json(live, "/api/assess", body)
    assert r.status == 422
    assert r.json()["detail"][0]["loc"] == loc


def test_openapi_schema_documents_assess(live: Live) -> None:
    schema = fetch(live.url + "/openapi.json").json()
    op = schema["paths"]["/api/assess"]["post"]
    assert "numb_thumb" in op["requestBody"]["content"]["application/json"]["schema"]["properties"]["findings"]["propertyNames"]["enum"]
    assert {"200", "422"} <= set(op["responses"])
    assert all(p.startswith("/api/") for p in schema["paths"])  # pages are not part of the API


def test_every_learn_page_ends_with_numbered_sources(live: Live) -> None:
    causes, treatments = topics()
    for tid, name, _ in causes + treatments:
        html = fetch(live.url + f"/learn/{tid}").body.decode()
        assert f"<h1>{escape(name)}</h1>" in html
        assert '<ol class="sources">' in html and "<li>" in html.split('<ol class="sources">')[1]
    r = fetch(live.url + "/learn/carpal_tunel")
    body = r.body.decode()
    assert r.status == 404 and "/learn/carpal_tunnel" in body
    assert body.count("Did you mean") == 1 and body.count('href="/learn/carpal_tunnel"') == 1  # each suggestion once, by name


def test_learn_cross_references_are_links_named_as_their_pages(live: Live) -> None:
    import re

    from numbwise.kb import load

    kb = load()
    causes, treatments = topics()
    for tid, _, _ in causes + treatments:
        html = fetch(live.url + f"/learn/{tid}").body.decode()
        assert not re.search(r"\(see [a-z0-9_]+\)", html), tid  # no bare ids
        assert "numbwise learn" not in html, tid
    html = fetch(live.url + "/learn/carpal_tunnel").body.decode()
    for t in ("cortisone_shots", "splints", "exercise"):
        assert f'<a class="xref" href="/learn/{t}">{escape(kb.treatments[t].name)}</a>' in html


def test_foods_page_lists_the_b12_table(live: Live) -> None:
    from numbwise.foods import b12_table

    html = fetch(live.url + "/foods").body.decode()
    for row in b12_table().rows:
        assert row.percent_dv in html


def test_serve_refuses_a_host_others_can_reach() -> None:
    r = run_cli("serve", "--host", "0.0.0.0", "--no-browser")
    assert r.code == 2 and "--allow-remote" in r.err


def test_serve_help_has_examples() -> None:
    r = run_cli("serve", "--help")
    assert r.code == 0 and "numbwise serve --port 9000" in r.out


def test_serve_starts_the_app_on_loopback(tmp_path: Any) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "numbwise", "serve", "--port", str(port), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert f"http://127.0.0.1:{port}/" in line
        r = fetch(f"http://127.0.0.1:{port}/check")
        assert r.status == 200 and "With the numbness, do you have any of these now" in r.body.decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_reports_a_busy_port() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "numbwise", "serve", "--port", str(port), "--no-browser"],
                           capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "could not listen" in p.stderr


def test_api_assess_is_quick_enough_to_call_in_a_loop(live: Live) -> None:
    """Not a timing test: many calls in a row all succeed with the same answer (no state leaks between calls)."""
    case = {"age": 30, "findings": {"numb_little": True, "worse_elbow_bent": True}}
    first = post_json(live, "/api/assess", case).json()
    assert all(post_json(live, "/api/assess", case).json() == first for _ in range(20))
    time.sleep(0)
