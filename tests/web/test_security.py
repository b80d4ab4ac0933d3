"""Each attack from the security review, against the real server on 127.0.0.1 (or the ASGI app for other clients).

Every test here failed on the code before issue 12: the server answered any Host, took any cookie/token pair,
read any body size, echoed big input, gave plain-text 500s, and served remote clients with no sign-in.
"""

from __future__ import annotations

import http.client
import json
import re
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from numbwise.diary.store import open_store
from tests.web.asgi_call import call
from tests.web.conftest import Live, Reply, api_token, fetch

CSP_START = "default-src 'self'"


def counts(live: Live) -> dict[str, int]:
    with open_store(live.db) as store:
        return store.count()


def page_token(live: Live, path: str = "/diary") -> tuple[str, str]:
    r = fetch(live.url + path)
    cookie = r.headers["set-cookie"].split(";")[0]
    m = re.search(r'name="csrf" value="([^"]+)"', r.body.decode())
    assert m
    return cookie, m.group(1)


def raw(live: Live, method: str, path: str, headers: dict[str, str], body: bytes = b"",
        length: int | None = None) -> tuple[int, dict[str, str], bytes]:
    """A request by hand (http.client): any Host, any Content-Length, and the body only partly sent."""
    where = urlsplit(live.url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        conn.putrequest(method, path, skip_host="host" in {k.lower() for k in headers}, skip_accept_encoding=True)
        for k, v in headers.items():
            conn.putheader(k, v)
        conn.putheader("Content-Length", str(len(body) if length is None else length))
        conn.endheaders()
        if body:
            try:
                conn.send(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered and closed before taking it all: what a limit should do
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


# ---- DNS rebinding --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "0.0.0.0"])
def test_a_foreign_host_header_is_refused_with_the_security_headers(live: Live, host: str) -> None:
    status, headers, body = raw(live, "GET", "/api/entries", {"Host": host})
    assert status == 400, body[:200]
    assert headers["content-security-policy"].startswith(CSP_START)
    assert b'"ref"' not in body


def test_the_servers_own_names_are_answered(live: Live) -> None:
    port = urlsplit(live.url).port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
        assert raw(live, "GET", "/api/entries", {"Host": host})[0] == 200


# ---- cross-site forms, JSON and cookie tossing ------------------------------------------------------------------


def post_form(live: Live, path: str, fields: list[tuple[str, str]], headers: dict[str, str]) -> int:
    status, _, _ = raw(live, "POST", path, {"Host": urlsplit(live.url).netloc,
                                            "Content-Type": "application/x-www-form-urlencoded", **headers},
                       urlencode(fields).encode())
    return status


def test_a_form_posted_from_another_site_is_refused(live: Live) -> None:
    cookie, csrf = page_token(live)
    before = counts(live)
    fields = [("csrf", csrf), ("what", "symptom"), ("severity", "5")]
    assert post_form(live, "/diary", fields, {"Cookie": cookie, "Origin": "http://evil.example"}) == 403
    assert post_form(live, "/diary", fields, {"Cookie": cookie, "Sec-Fetch-Site": "cross-site"}) == 403
    assert post_form(live, "/diary", fields, {"Cookie": cookie, "Origin": "http://127.0.0.1:1"}) == 403  # another port
    assert counts(live) == before
    assert post_form(live, "/diary", fields, {"Cookie": cookie, "Origin": live.url, "Sec-Fetch-Site": "same-origin"}) == 303


def test_cookie_tossing_cannot_choose_its_own_token(live: Live) -> None:
    made = fetch(live.url + "/api/symptoms", json.dumps({"severity": 2}).encode(),
                 {"Content-Type": "application/json", "X-CSRF-Token": api_token(live)}).json()
    tossed = "A" * 43  # a page on another localhost port can set this cookie for 127.0.0.1
    for token in (tossed, f"{tossed}.forged-signature"):
        status = post_form(live, f"/diary/{made['ref']}/delete", [("csrf", token)], {"Cookie": f"numbwise_csrf={tossed}"})
        assert status == 403
    assert fetch(f"{live.url}/api/entries/{made['ref']}").status == 200  # still there


def test_a_token_from_one_visitor_does_not_fit_another_visitors_cookie(live: Live) -> None:
    _, csrf = page_token(live)
    other_cookie, _ = page_token(live)
    assert post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("severity", "5")], {"Cookie": other_cookie}) == 403


@pytest.mark.parametrize("kind, token", [("text/plain", True), ("application/json", False),
                                         ("application/x-www-form-urlencoded", False)])
def test_state_changing_api_calls_need_json_and_the_header_token(live: Live, kind: str, token: bool) -> None:
    before = counts(live)
    headers = {"Host": urlsplit(live.url).netloc, "Content-Type": kind}
    if token:
        headers["X-CSRF-Token"] = api_token(live)
    assert raw(live, "POST", "/api/symptoms", headers, json.dumps({"severity": 3}).encode())[0] == 403
    entry = fetch(live.url + "/api/symptoms", b'{"severity": 1}',
                  {"Content-Type": "application/json", "X-CSRF-Token": api_token(live)}).json()
    assert raw(live, "DELETE", f"/api/entries/{entry['ref']}", {"Host": urlsplit(live.url).netloc})[0] == 403
    assert counts(live)["symptom"] == before["symptom"] + 1


def test_api_calls_from_another_site_are_refused_even_with_a_token(live: Live) -> None:
    headers = {"Host": urlsplit(live.url).netloc, "Content-Type": "application/json", "X-CSRF-Token": api_token(live),
               "Origin": "http://evil.example"}
    assert raw(live, "POST", "/api/symptoms", headers, b'{"severity": 3}')[0] == 403
    assert raw(live, "POST", "/api/assess", headers, b'{"findings": {}}')[0] == 403


# ---- sizes ------------------------------------------------------------------------------------------------------


def test_a_200_mb_body_is_refused_before_it_is_read(live: Live) -> None:
    start = time.monotonic()
    status, headers, body = raw(live, "POST", "/api/assess",
                                {"Host": urlsplit(live.url).netloc, "Content-Type": "text/plain"},
                                b"x" * 65536, length=200_000_000)
    assert status == 413 and time.monotonic() - start < 5
    assert headers["content-security-policy"].startswith(CSP_START)


def test_a_body_that_lies_about_its_size_is_cut_off(live: Live) -> None:
    where = urlsplit(live.url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        conn.putrequest("POST", "/api/assess")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        chunk = b"[" * 16384
        try:
            for _ in range(32):  # 512 KB, sent in chunks with no length given up front
                conn.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            conn.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert conn.getresponse().status == 413
    finally:
        conn.close()


def test_an_import_without_the_token_is_refused_before_the_upload_is_read(live: Live) -> None:
    cookie, _ = page_token(live, "/report")
    start = time.monotonic()
    status, _, _ = raw(live, "POST", "/report/import",
                       {"Host": urlsplit(live.url).netloc, "Cookie": cookie,
                        "Content-Type": "multipart/form-data; boundary=x"}, b"--x\r\n", length=10_000_000)
    assert status == 403 and time.monotonic() - start < 5


def test_a_400_mb_import_is_refused_before_anything_is_written(live: Live) -> None:
    cookie, csrf = page_token(live, "/report")
    status, _, _ = raw(live, "POST", f"/report/import?csrf={csrf}",
                       {"Host": urlsplit(live.url).netloc, "Cookie": cookie,
                        "Content-Type": "multipart/form-data; boundary=x"}, b"--x\r\n", length=400_000_000)
    assert status == 413


def test_a_bad_field_is_not_echoed_back(live: Live) -> None:
    note = "n" * 60_000
    r = fetch(live.url + "/api/symptoms", json.dumps({"severity": 3, "notes": note}).encode(),
              {"Content-Type": "application/json", "X-CSRF-Token": api_token(live)})
    assert r.status == 422 and len(r.body) < 2000 and r.json()["detail"][0]["loc"] == ["body", "notes"]
    status, _, body = raw(live, "POST", "/api/symptoms",
                          {"Host": urlsplit(live.url).netloc, "Content-Type": "application/json",
                           "X-CSRF-Token": api_token(live)},
                          json.dumps({"severity": 3, "notes": "n" * 10_000_000}).encode())
    assert status == 413 and len(body) < 2000


# ---- faults -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method, path, body", [
    ("POST", "/api/assess", b"[" * 50_000 + b"]" * 50_000),
    ("POST", "/api/parse", b"[" * 8_000 + b"]" * 8_000),
    ("POST", "/api/symptoms", b"[" * 20_000 + b"]" * 20_000),
    ("POST", "/api/symptoms", b'{"severity": 3, "at": "0001-01-01T00:00:00+14:00"}'),
    ("POST", "/api/symptoms", b'{"severity": 3, "notes": "\\ud800"}'),
    ("POST", "/api/treatments", b'{"kind": "exercise", "detail": "\\udfff"}'),
    ("GET", "/api/entries/S99999999999999999999", b""),
    ("PATCH", "/api/symptoms/99999999999999999999", b'{"severity": 2}'),
    ("GET", "/api/entries?since=0001-01-01T00:00:00%2B14:00", b""),
    ("GET", "/report/pdf?from=0001-01-01", b""),
    ("GET", "/report/pdf?from=0001-01-01&to=0001-01-02", b""),
], ids=["deep-json-assess", "deep-json-parse", "deep-json-diary", "year-1-plus-14h", "lone-surrogate-notes", "lone-surrogate-detail",
        "20-digit-ref", "20-digit-id", "year-1-query", "report-from-year-1", "report-year-1-period"])
def test_odd_input_gets_a_clear_4xx_not_a_500(live: Live, method: str, path: str, body: bytes) -> None:
    r = fetch(live.url + path, body or None, {"Content-Type": "application/json", "X-CSRF-Token": api_token(live)},
              method=method)
    assert 400 <= r.status < 500, (r.status, r.body[:300])
    assert r.headers["content-security-policy"].startswith(CSP_START)


def test_a_browser_year_26_is_refused_not_saved_as_0026(live: Live) -> None:
    r = fetch(live.url + "/api/symptoms", json.dumps({"severity": 3, "at": "0026-11-30T08:00:00+00:00"}).encode(),
              {"Content-Type": "application/json", "X-CSRF-Token": api_token(live)})
    assert r.status == 422 and "1900" in r.json()["detail"][0]["msg"]


def test_a_fault_is_a_plain_500_page_with_the_security_headers(tmp_path: Any) -> None:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}"))

    def broken() -> None:
        raise RuntimeError("secret detail /home/me/diary")

    app.add_api_route("/broken", broken)
    app.add_api_route("/api/broken", broken)
    for path in ("/broken", "/api/broken"):
        r = call(app, "GET", path)
        assert r.status == 500 and r.headers["content-security-policy"].startswith(CSP_START)
        assert b"secret detail" not in r.body and b"Nothing was changed" in r.body


# ---- remote access ------------------------------------------------------------------------------------------------


def remote_app(tmp_path: Any, clock: list[float] | None = None) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import LOOPBACK_NAMES, WebSettings

    settings = WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", allowed_hosts=(*LOOPBACK_NAMES, "192.168.1.20"),
                           access_key="abcd-efgh-jkmn-pqrs", pairing_code="pair-once-123")
    return create_app(settings=settings)


PHONE = "192.168.1.30"
LAN = {"Host": "192.168.1.20:8765"}


def sign_in(app: Any, key: str, client: str = PHONE) -> Any:
    page = call(app, "GET", "/login", headers=LAN, client=client)
    cookie = page.headers["set-cookie"].split(";")[0]
    csrf = re.search(rb'name="csrf" value="([^"]+)"', page.body)
    assert csrf
    return call(app, "POST", "/login", urlencode({"csrf": csrf.group(1).decode(), "key": key}).encode(),
                {**LAN, "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}, client=client)


def test_remote_clients_must_sign_in(tmp_path: Any) -> None:
    app = remote_app(tmp_path)
    assert call(app, "GET", "/api/entries", headers=LAN, client=PHONE).status == 401
    page = call(app, "GET", "/diary", headers=LAN, client=PHONE)
    assert page.status == 303 and page.headers["location"] == "/login"
    assert call(app, "GET", "/api/entries", client="127.0.0.1").status == 200  # this computer, as before
    ok = sign_in(app, "abcd-efgh-jkmn-pqrs")
    assert ok.status == 303 and "HttpOnly" in ok.headers["set-cookie"]
    session = [c.split(";")[0] for c in ok.headers["set-cookie"].split("\n") if c.startswith("numbwise_session=")][0]
    assert call(app, "GET", "/api/entries", headers={**LAN, "Cookie": session}, client=PHONE).status == 200
    forged = session[:-4] + "AAAA"
    assert call(app, "GET", "/api/entries", headers={**LAN, "Cookie": forged}, client=PHONE).status == 401


def test_the_login_page_warns_that_plain_http_is_visible(tmp_path: Any) -> None:
    page = call(remote_app(tmp_path), "GET", "/login", headers=LAN, client=PHONE)
    assert page.status == 200 and b"not encrypted" in page.body


def test_guessing_the_key_is_rate_limited(tmp_path: Any) -> None:
    app = remote_app(tmp_path)
    for guess in range(5):
        assert sign_in(app, f"wrong-{guess}").status == 403
    assert call(app, "GET", "/login", headers=LAN, client=PHONE).status == 429
    assert sign_in_status(app, "abcd-efgh-jkmn-pqrs") == 429  # even the right key, until the wait is over
    assert call(app, "GET", "/login", headers=LAN, client="192.168.1.31").status == 200  # others are not locked out


def sign_in_status(app: Any, key: str) -> int:
    page = call(app, "GET", "/login", headers=LAN, client=PHONE)
    return page.status if page.status != 200 else sign_in(app, key).status


def test_the_pairing_link_works_once(tmp_path: Any) -> None:
    app = remote_app(tmp_path)
    first = call(app, "GET", "/login?pair=pair-once-123", headers=LAN, client=PHONE)
    assert first.status == 303 and "numbwise_session=" in first.headers["set-cookie"]
    again = call(app, "GET", "/login?pair=pair-once-123", headers=LAN, client="192.168.1.31")
    assert again.status == 403


def test_serve_prints_the_lan_address_key_and_warning_not_0_0_0_0() -> None:
    from numbwise.cli.serve_cmd import new_access_key, remote_banner, shown_host

    assert shown_host("0.0.0.0", "192.168.1.20") == "192.168.1.20"
    key = new_access_key()
    assert re.fullmatch(r"([a-z2-9]{4}-){3}[a-z2-9]{4}", key)
    text = remote_banner("http://192.168.1.20:8765/", key, "http://192.168.1.20:8765/login?pair=x", "QR")
    assert "0.0.0.0" not in text and key in text and "plain HTTP" in text and "QR" in text


def reply_json(r: Reply) -> Any:
    return json.loads(r.body)


def test_a_damaged_diary_gets_a_plain_refusal_not_a_500(tmp_path: Any) -> None:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.test_diary_integrity import corrupt, make_diary

    db = tmp_path / "d.sqlite3"
    make_diary(db, 3000)
    corrupt(db)
    app = create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key="s"))
    token = reply_json(Reply(200, {}, call(app, "GET", "/api/token").body))["csrf"]
    r = call(app, "POST", "/api/symptoms", b'{"severity": 3}', {"Content-Type": "application/json", "X-CSRF-Token": token})
    assert r.status == 503 and b"damaged" in r.body and r.headers["content-security-policy"].startswith(CSP_START)
    assert call(app, "GET", "/api/entries").status == 200  # what can be read still is


def test_a_browser_year_26_in_the_diary_form_is_refused(live: Live) -> None:
    cookie, csrf = page_token(live)
    before = counts(live)
    status, _, body = raw(live, "POST", "/diary", {"Host": urlsplit(live.url).netloc, "Cookie": cookie,
                                                   "Content-Type": "application/x-www-form-urlencoded"},
                          urlencode([("csrf", csrf), ("what", "symptom"), ("severity", "5"),
                                     ("when", "0026-11-30T08:00")]).encode())
    assert status == 422 and b"1900" in body
    assert counts(live) == before
