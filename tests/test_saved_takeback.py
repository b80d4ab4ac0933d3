"""A saved check reads as the result the person saw: its taken-back line travels with it.

When later answers take back an early call-now screen, the result says why once (`ResultPlan.taken_back`, walkthrough
X). That line comes from the interview (the order it asked in), not from the answers, so a check kept in the diary,
saved with --save, shown by the report for the doctor or by the JSON API, lost it and read differently. The check now
saves it beside its answers (assess.case.TOLD_KEYS), only when there is one; a case without it (older saves) still
loads. Hit: an arm injury after the screen (tests/test_walk_y_takeback.py). Near miss: no injury, still calls now,
nothing added. Old row: a check saved without the key makes the same report and API answer as before.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from numbwise.assess.case import CaseError, parse_told, read_saved
from numbwise.diary.store import open_store
from numbwise.kb import load
from tests.conftest import run_cli
from tests.test_walk_y_takeback import STEPS, _walk
from tests.web.asgi_call import call

WORDS = load().interview.taken_back
assert WORDS is not None


def _check(tmp_path: Path, injury: bool) -> tuple[str, str, Path]:
    """The terminal check kept in a real SQLite diary and saved with --save: the diary's URL, the text printed (one
    space between words) and the saved case file."""
    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    save = tmp_path / "hands.json"
    run = run_cli("--plain", "--db", url, "check", "--save", str(save), input=STEPS.format(pattern="9\n" if injury else "\n"))
    assert run.code in (0, 1), run.err + run.out
    return url, " ".join(run.out.split()), save


def _line() -> str:
    """The taken-back line the core words for the walk with the arm injury."""
    from numbwise.assess.takeback import taken_back_line

    line = taken_back_line(_walk(True)[0])
    assert line.startswith(WORDS.earlier)
    return line


def _pdf_text(url: str, out: Path) -> str:
    run = run_cli("--db", url, "report", "--out", str(out))
    assert run.code == 0, run.err
    return " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split())


def _app(url: str) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    return create_app(settings=WebSettings(store_url=url, secret_key="test-secret"))


def test_hit_the_terminal_check_saves_its_taken_back_line_and_every_face_reopens_it(tmp_path: Path) -> None:
    """The diary's case, the --save file, `assess --case` on it (text and plan) and POST /api/result all carry the line
    the terminal showed."""
    line = _line()
    url, shown, save = _check(tmp_path, injury=True)
    assert line in shown
    with open_store(url) as store:
        (kept,) = store.checks()
    assert kept.case["taken_back"] == line
    saved = json.loads(save.read_text())
    assert saved["taken_back"] == line
    assert read_saved(save)[2].taken_back == line
    again = run_cli("--plain", "assess", "--case", str(save), "--format", "text")
    assert again.code == 0, again.err
    assert " ".join(again.out.split()).count(line) == 1
    plan = json.loads(run_cli("assess", "--case", str(save), "--format", "plan").out)
    assert plan["taken_back"] == line
    # the whole plan, not only the line: the one the check built from its interview (the fingers typed R1 R2 R3)
    from numbwise.assess.case import told_by
    from numbwise.assess.interview import outcome
    from numbwise.assess.result import result_plan

    iv = _walk(True)[0]
    told = told_by(iv, ("r1", "r2", "r3"))
    assert saved.get("marks") == ["r1", "r2", "r3"]
    shown = result_plan(outcome(iv), iv.unsure, told.marks, told.taken_back, told.listed_none)
    assert plan == json.loads(json.dumps(shown.to_dict()))
    api = call(_app(url), "POST", "/api/result", json.dumps(saved).encode(), {"content-type": "application/json"})
    assert api.status == 200 and json.loads(api.body)["taken_back"] == line


def test_hit_the_diary_api_and_history_show_the_saved_line(tmp_path: Path) -> None:
    """GET /api/entries/C1 and `history --json` hand the saved case back with the line."""
    url, _, _ = _check(tmp_path, injury=True)
    got = call(_app(url), "GET", "/api/entries/C1")
    assert got.status == 200, got.body
    assert json.loads(got.body)["case"]["taken_back"] == _line()
    listed = json.loads(run_cli("--db", url, "history", "--json", "--kind", "check").out)
    assert listed[0]["case"]["taken_back"] == _line()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_hit_the_report_for_the_doctor_says_the_call_now_was_taken_back(tmp_path: Path) -> None:
    """The report's latest check repeats the line under its title, as the result said it."""
    url, _, _ = _check(tmp_path, injury=True)
    text = _pdf_text(url, tmp_path / "r.pdf")
    assert re.search(r"Latest check \([^)]*\): [^.]*\. " + re.escape(_line()), text), text[:2500]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_near_miss_no_screen_taken_back_nothing_is_added(tmp_path: Path) -> None:
    """Without the injury the result still calls now: no line shown, none saved, none in the report."""
    url, shown, save = _check(tmp_path, injury=False)
    assert WORDS.earlier not in shown
    with open_store(url) as store:
        (kept,) = store.checks()
    assert "taken_back" not in kept.case and "taken_back" not in json.loads(save.read_text())
    assert WORDS.earlier not in _pdf_text(url, tmp_path / "r.pdf")


def test_the_web_check_keeps_the_line_it_showed(tmp_path: Path) -> None:
    """The web result page keeps its check with the same line (the face test in test_walk_y_takeback)."""
    from tests.test_walk_y_takeback import _web_to_result

    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    page = _web_to_result(_app(url), True)
    assert _line() in page
    with open_store(url) as store:
        (kept,) = store.checks()
    assert kept.case["taken_back"] == _line()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_an_old_row_without_the_line_still_loads(tmp_path: Path) -> None:
    """A check saved before checks kept the line: the diary, the API, `assess --case` and the report read it as
    before, with no line."""
    import datetime as dt

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    case = {"age": 35, "sex": "female", "findings": {"one_hand": True, "constant": True}, "unsure": []}
    with open_store(url) as store:
        store.add_check(dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5), case,
                        {"triage": "routine", "causes": [], "red_flags": []})
    got = call(_app(url), "GET", "/api/entries/C1")
    assert got.status == 200 and "taken_back" not in json.loads(got.body)["case"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(case))
    plan = json.loads(run_cli("assess", "--case", str(path), "--format", "plan").out)
    assert plan["taken_back"] == ""
    text = _pdf_text(url, tmp_path / "r.pdf")
    assert "Latest check" in text and WORDS.earlier not in text


@pytest.mark.parametrize("key, value", [("taken_back", 3), ("listed_none", ["no_such_finding"]), ("marks", ["x9"])])
def test_a_bad_saved_value_is_refused_and_names_its_key(key: str, value: Any) -> None:
    """A saved case is read, never guessed: a wrong type names the key."""
    with pytest.raises(CaseError) as err:
        parse_told({"findings": {}, key: value})
    assert err.value.key == key


def test_an_import_with_a_bad_taken_back_is_refused_whole(tmp_path: Path) -> None:
    """The diary import checks the saved line as it checks the answers."""
    export = {"format": "numbwise-diary", "version": 1, "checks": [{
        "uid": "0" * 32, "at": "2026-03-01T08:00:00+00:00",
        "case": {"age": 35, "findings": {}, "taken_back": ["not", "text"]},
        "result": {"triage": "routine", "causes": [], "red_flags": []}}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(export))
    run = run_cli("import", str(path))
    assert run.code != 0 and "case.taken_back" in run.err + run.out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_reports_question_names_the_title_the_check_showed(tmp_path: Path) -> None:
    """The report's question for an urgent check said "My last check said I should be seen today" under a latest
    check titled "Go to A&E (the emergency department) now": it now quotes the title the check showed."""
    url, out, _ = _check(tmp_path, injury=True)
    text = _pdf_text(url, tmp_path / "r.pdf")
    assert "I should be seen today" not in text
    assert 'My last check said: "Go to A&E (the emergency department) now". What should happen next?' in text, text[:3000]
