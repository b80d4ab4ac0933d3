"""The diary, the report and the diary/scores API over real HTTP against the live app and its SQLite file."""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from markupsafe import escape

from numbwise.diary.store import open_store
from numbwise.web.diary import NOTE_SHOWN, describe_short
from tests.web.conftest import Live, Reply, api_token, fetch


def api(live: Live, method: str, path: str, body: Any = None) -> Reply:
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    return fetch(live.url + path, data, {"Content-Type": "application/json", "X-CSRF-Token": api_token(live)},
                 method=method)


def counts(live: Live) -> dict[str, int]:
    with open_store(live.db) as store:
        return store.count()


def import_url(live: Live, csrf: str) -> str:
    """Uploads carry the form token in the address, so it is checked before the file is read."""
    return f"{live.url}/report/import?csrf={quote(csrf)}"


def token(live: Live, path: str = "/diary") -> tuple[str, str]:
    r = fetch(live.url + path)
    cookie = r.headers["set-cookie"].split(";")[0]
    m = re.search(r'name="csrf" value="([^"]+)"', r.body.decode())
    assert m
    return cookie, m.group(1)


def post_form(live: Live, path: str, fields: list[tuple[str, str]], cookie: str) -> Reply:
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a: Any, **k: Any) -> None:
            return None

    req = urllib.request.Request(live.url + path, urlencode(fields).encode(), {"Cookie": cookie})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=30) as r:
            return Reply(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read())
    except urllib.error.HTTPError as e:
        return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())


def test_diary_form_saves_a_symptom_and_the_treatments_taken_together(live: Live) -> None:
    cookie, csrf = token(live)
    before = counts(live)
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("severity", "7"), ("pick", "R1"), ("pick", "R2"),
                                   ("woke", "yes"), ("trigger", "typing"), ("minutes", "15"), ("took", "splint_night"),
                                   ("took", "b12_dose"), ("notes", "form test"), ("when", "")], cookie)
    assert r.status == 303 and r.headers["location"].startswith("/diary?saved=")
    after = counts(live)
    assert after["symptom"] == before["symptom"] + 1 and after["treatment"] == before["treatment"] + 2
    with open_store(live.db) as store:
        s = store.symptoms()[-1]
    assert (s.severity, s.hand, s.fingers, s.woke, s.trigger, s.minutes) == (7, "right", ("r1", "r2"), True, "typing", 15)
    page = fetch(live.url + r.headers["location"]).body.decode()
    with open_store(live.db) as store:
        s = store.symptoms()[-1]
    assert f"Saved: {escape(describe_short(s))};" in page and "form test" in page
    assert not re.search(r"Saved:? [STCQA]\d", page)  # no internal ids shown


def test_the_diary_form_presets_no_severity(live: Live) -> None:
    """The form once started its slider at 5, and an entry saved without touching it read 'Numbness 5/10'."""
    cookie, csrf = token(live)
    html = fetch(live.url + "/diary").body.decode()
    form = html[html.index('id="severity"'):html.index("Where is it?")]
    assert 'name="severity"' in form and "checked" not in form and 'type="range"' not in form
    before = counts(live)
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("pick", "R1"), ("woke", "yes"), ("when", "")],
                  cookie)
    assert r.status == 422 and counts(live) == before
    page = r.body.decode()
    assert "choose how bad it is now" in page and "Saved:" not in page
    shown = page[page.index('id="severity"'):page.index("Where is it?")]
    assert "checked" not in shown  # shown again with nothing chosen, not a 5


@pytest.mark.parametrize("fields, field", [
    ([("severity", "11")], "severity"),
    ([("severity", "")], "severity"),
    ([("severity", "3"), ("pick", "X9")], "pick"),
    ([("severity", "3"), ("when", "next blue moon")], "when"),
    ([("severity", "3"), ("minutes", "-4")], "minutes"),
    ([("severity", "3"), ("took", "magic")], "took"),
])
def test_a_bad_diary_form_is_refused_whole_and_shown_again(live: Live, fields: list[tuple[str, str]], field: str) -> None:
    cookie, csrf = token(live)
    before = counts(live)
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("took", "exercise"), ("notes", "keep me")] + fields,
                  cookie)
    assert r.status == 422
    html = r.body.decode()
    assert 'role="alert"' in html and "keep me" in html  # what was typed is kept
    assert counts(live) == before  # the treatment taken was not saved either


def test_diary_posts_need_the_form_token(live: Live) -> None:
    cookie, csrf = token(live)
    before = counts(live)
    for path in ("/diary", "/diary/S1/edit", "/diary/S1/delete"):
        for headers, tok in ((None, csrf), (cookie, "x" * 43)):
            r = post_form(live, path, [("csrf", tok), ("severity", "3")], headers or "")
            assert r.status == 403, path
    assert counts(live) == before


def test_edit_and_delete_an_entry_through_the_forms(live: Live) -> None:
    made = api(live, "POST", "/api/symptoms", {"severity": 4, "fingers": ["l3"], "notes": "to edit"}).json()
    ref = made["ref"]
    edit_page = fetch(f"{live.url}/diary/{ref}/edit").body.decode()
    assert 'value="L3" checked' in edit_page and "to edit" in edit_page
    cookie, csrf = token(live, f"/diary/{ref}/edit")
    bad = post_form(live, f"/diary/{ref}/edit", [("csrf", csrf), ("severity", "12"), ("notes", "edited")], cookie)
    assert bad.status == 422 and api(live, "GET", f"/api/entries/{ref}").json()["severity"] == 4
    ok = post_form(live, f"/diary/{ref}/edit", [("csrf", csrf), ("severity", "2"), ("pick", "L4"), ("notes", "edited"),
                                                ("when", "2026-01-05T08:30")], cookie)
    assert ok.status == 303
    got = api(live, "GET", f"/api/entries/{ref}").json()
    assert (got["severity"], got["fingers"], got["notes"], got["uid"]) == (2, ["l4"], "edited", made["uid"])
    confirm = fetch(f"{live.url}/diary/{ref}/delete")
    assert confirm.status == 200 and "cannot be undone" in confirm.body.decode()
    gone = post_form(live, f"/diary/{ref}/delete", [("csrf", csrf)], cookie)
    assert gone.status == 303 and api(live, "GET", f"/api/entries/{ref}").status == 404
    assert post_form(live, f"/diary/{ref}/delete", [("csrf", csrf)], cookie).status == 404
    assert fetch(f"{live.url}/diary/{ref}/edit").status == 404


def test_history_filters_by_kind_newest_first(live: Live) -> None:
    api(live, "POST", "/api/treatments", {"kind": "injection", "at": "2026-01-02T10:00:00+00:00"})
    api(live, "POST", "/api/treatments", {"kind": "surgery", "at": "2026-01-03T10:00:00+00:00"})
    html = fetch(live.url + "/diary?kind=treatment").body.decode()
    history = html[html.index('id="history"'):]
    assert "Numbness" not in history.split("</select>", 1)[1]
    assert history.index("Surgery") < history.index("Injection")


def test_api_entries_round_trip_and_422s_name_the_field(live: Live) -> None:
    made = api(live, "POST", "/api/symptoms", {"severity": 5, "fingers": ["R1", "r2"], "at": "2026-02-01T07:00:00+01:00"})
    assert made.status == 201
    body = made.json()
    assert body["hand"] == "right" and body["fingers"] == ["r1", "r2"] and body["at"] == "2026-02-01T06:00:00Z"
    patched = api(live, "PATCH", f"/api/symptoms/{body['id']}", {"woke": True})
    assert patched.status == 200 and patched.json()["woke"] is True and patched.json()["fingers"] == ["r1", "r2"]
    listed = api(live, "GET", "/api/entries?kind=symptom").json()
    assert any(e["ref"] == body["ref"] for e in listed)
    before = counts(live)
    cases = [
        ("POST", "/api/symptoms", {"severity": True}, ["body", "severity"]),
        ("POST", "/api/symptoms", {"severity": 11}, ["body", "severity"]),
        ("POST", "/api/symptoms", {"severity": 3, "woke": 1}, ["body", "woke"]),
        ("POST", "/api/symptoms", {"severity": 3, "hand": "left", "fingers": ["r1"]}, ["body", "fingers"]),
        ("POST", "/api/symptoms", {"severity": 3, "at": "2026-02-01T07:00:00"}, ["body", "at"]),
        ("POST", "/api/symptoms", {"severity": 3, "colour": "red"}, ["body", "colour"]),
        ("POST", "/api/treatments", {"kind": "magic"}, ["body", "kind"]),
        ("POST", "/api/symptoms", {"severity": 3, "at": "2099-01-01T07:00:00+00:00"}, ["body", "at"]),  # future
        ("POST", "/api/treatments", {"kind": "surgery", "at": "2099-01-01T07:00:00+00:00"}, ["body", "at"]),
        ("PATCH", f"/api/symptoms/{body['id']}", {"at": "2099-01-01T07:00:00+00:00"}, ["body", "at"]),
        ("PATCH", f"/api/symptoms/{body['id']}", {"severity": None}, ["body", "severity"]),
        ("PATCH", f"/api/symptoms/{body['id']}", {"hand": "left"}, ["body", "fingers"]),
        ("POST", "/api/scores/bctq", {"answers": {"nope": 1}}, ["body", "answers", "nope"]),
        ("POST", "/api/scores/katz", {"answers": {}}, ["body", "answers"]),
    ]
    for method, path, data, loc in cases:
        r = api(live, method, path, data)
        assert r.status == 422, (path, data, r.body)
        assert r.json()["detail"][0]["loc"] == loc, (path, data, r.json())
    assert counts(live) == before
    assert api(live, "GET", f"/api/entries/{body['ref']}").json()["woke"] is True  # the bad PATCHes changed nothing


def test_api_missing_entries_are_404(live: Live) -> None:
    for method, path, data in (("GET", "/api/entries/S999999", None), ("DELETE", "/api/entries/T999999", None),
                               ("PATCH", "/api/symptoms/999999", {"severity": 1}),
                               ("PATCH", "/api/treatments/999999", {"notes": "x"}),
                               ("DELETE", "/api/entries/S999999999999999999", None),
                               ("POST", "/api/scores/nosuch", {"answers": {}})):
        assert api(live, method, path, data).status == 404, path


def test_api_scores_are_scored_like_the_cli_and_kept(live: Live) -> None:
    from numbwise.scores import instrument, score

    ins = instrument("bctq")
    answers = {item.id: item.options[0].value for item in ins.items}
    r = api(live, "POST", "/api/scores/bctq", {"answers": answers})
    assert r.status == 201
    assert r.json()["values"] == score("bctq", answers).values()
    kept = api(live, "GET", "/api/scores?instrument=bctq").json()
    assert kept[-1]["ref"] == r.json()["ref"] and kept[-1]["values"] == r.json()["values"]
    katz = api(live, "POST", "/api/scores/katz", {"marks": ["r1", "r2", "r3"]})
    assert katz.status == 201 and katz.json()["ref"].startswith("Q")


def test_openapi_documents_the_diary_api(live: Live) -> None:
    paths = fetch(live.url + "/openapi.json").json()["paths"]
    for p in ("/api/entries", "/api/entries/{ref}", "/api/symptoms", "/api/symptoms/{entry_id}", "/api/treatments",
              "/api/treatments/{entry_id}", "/api/scores/{instrument}", "/api/scores"):
        assert p in paths, p
    assert not any(p.startswith(("/diary", "/report")) for p in paths)


def test_report_pdf_downloads_with_its_pages(live: Live, tmp_path: Any) -> None:
    api(live, "POST", "/api/symptoms", {"severity": 6, "fingers": ["r2"], "woke": True})
    r = fetch(live.url + "/report/pdf")
    assert r.status == 200 and r.body.startswith(b"%PDF")
    assert r.headers["content-disposition"].startswith('attachment; filename="numbwise-report-')
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(r.body)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 2  # type: ignore[union-attr]


def test_report_says_so_when_the_period_is_empty_or_the_dates_are_wrong(live: Live) -> None:
    empty = fetch(live.url + "/report/pdf?from=1990-01-01&to=1990-02-01")
    assert empty.status == 404 and "Nothing was logged between 1 Jan 1990 and 1 Feb 1990" in empty.body.decode()
    for q in ("from=2026-05-01&to=2026-04-01", "from=yesterday", "from=1900-01-01&to=2026-01-01", "to=2999-01-01"):
        r = fetch(live.url + "/report/pdf?" + q)
        assert r.status == 422 and 'role="alert"' in r.body.decode(), q


@pytest.mark.parametrize("fmt, start", [("json", b"{"), ("csv", b"kind,uid,at"), ("fhir", b"{")])
def test_export_downloads(live: Live, fmt: str, start: bytes) -> None:
    r = fetch(f"{live.url}/report/export?format={fmt}")
    assert r.status == 200 and r.body.startswith(start) and "attachment" in r.headers["content-disposition"]


def _multipart(cookie: str, csrf: str, name: str, content: bytes) -> tuple[bytes, dict[str, str]]:
    boundary = "----numbwise-test-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/json\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, {"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_import_takes_a_good_file_and_refuses_a_bad_one_whole(live: Live) -> None:
    from numbwise.diary.portable import to_json
    from numbwise.diary.entries import Batch

    cookie, csrf = token(live, "/report")
    good = {"format": "numbwise-diary", "version": 1, "symptoms": [
        {"uid": "imp-1", "at": "2026-01-01T08:00:00Z", "severity": 3},
        {"uid": "imp-2", "at": "2026-01-02T08:00:00Z", "severity": 4}]}
    bad = json.loads(to_json(Batch.model_validate(good, strict=False)))
    bad["symptoms"][0]["uid"] = "imp-3"
    bad["symptoms"][1]["severity"] = 12
    before = counts(live)
    data, headers = _multipart(cookie, csrf, "bad.json", json.dumps(bad).encode())
    r = fetch(import_url(live, csrf), data, headers)
    html = r.body.decode()
    assert r.status == 422 and "nothing was imported" in html and "symptoms.1.severity" in html
    assert counts(live) == before
    data, headers = _multipart(cookie, csrf, "good.json", json.dumps(good).encode())
    r = fetch(import_url(live, csrf), data, headers)
    assert r.status == 200 and "Imported 2 entries from good.json" in r.body.decode()
    assert counts(live)["symptom"] == before["symptom"] + 2
    again = fetch(import_url(live, csrf), data, headers)
    assert "2 were already in your diary" in again.body.decode()
    no_token = fetch(import_url(live, "x" * 43), *_multipart(cookie, "x" * 43, "good.json", b"{}"))
    assert no_token.status == 403


def test_new_pages_have_no_inline_script_or_style(live: Live) -> None:
    api(live, "POST", "/api/symptoms", {"severity": 2})
    for path in ("/diary", "/report"):
        html = fetch(live.url + path).body.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert "<style" not in html and " style=" not in html, path


def test_flash_message_is_made_from_ids_not_text_in_the_address(live: Live) -> None:
    cookie, csrf = token(live)
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("severity", "6"), ("pick", "L2"),
                                   ("notes", "flash test")], cookie)
    location = r.headers["location"]
    assert re.fullmatch(r"/diary\?saved=S\d+", location), location
    page = fetch(live.url + location).body.decode()
    assert "Saved: " in page and "flash test" in page and not re.search(r"Saved:? S\d", page)
    forged = fetch(live.url + "/diary?saved=" + quote("Saved your bank details")).body.decode()
    assert "bank details" not in forged
    ref = location.split("=")[1]
    r = post_form(live, f"/diary/{ref}/delete", [("csrf", csrf)], cookie)
    assert r.headers["location"] == "/diary?deleted=1"
    assert "Deleted the entry." in fetch(live.url + r.headers["location"]).body.decode()


def test_notes_over_the_limit_are_refused_and_long_notes_are_shortened(live: Live) -> None:
    cookie, csrf = token(live)
    before = counts(live)
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("severity", "4"), ("notes", "x" * 12000)], cookie)
    body = r.body.decode()
    assert r.status == 422 and "12,000 characters" in body and "5,000" in body and counts(live) == before
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "treatment"), ("kind", "splint_night"), ("notes", "y" * 5001)],
                  cookie)
    assert r.status == 422 and "5,000" in r.body.decode() and counts(live) == before
    long = "z" * 4000
    r = post_form(live, "/diary", [("csrf", csrf), ("what", "symptom"), ("severity", "4"), ("notes", long)], cookie)
    assert r.status == 303
    page = fetch(live.url + r.headers["location"]).body.decode()
    assert long not in page and "z" * NOTE_SHOWN + "\u2026" in page

