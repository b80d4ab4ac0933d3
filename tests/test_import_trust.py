"""Imports are checked against the knowledge base and the calendar; CSV exports never carry live formulas.

Through the real `numbwise import` / `numbwise export` commands on a real SQLite diary. Before issue 12 a file could
bring made-up warning signs, causes and hands into the doctor's report, and "=HYPERLINK(...)" reached spreadsheets.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

GOOD_CHECK = {"uid": "chk-1", "at": "2026-03-01T08:00:00Z",
              "case": {"age": 50, "findings": {"numb_thumb": True}},
              "result": {"triage": "routine", "causes": [{"id": "carpal_tunnel", "probability": 0.8}],
                         "red_flags": ["lasting_over_6_weeks"]}}


def export_file(tmp_path: Path, **parts: Any) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "numbwise-diary", "version": 1, **parts}), encoding="utf-8")
    return path


def history() -> list[dict[str, Any]]:
    run = run_cli("history", "--json")
    return json.loads(run.out) if run.code == 0 else []


def test_a_file_with_made_up_content_is_refused_whole_and_every_problem_is_named(tmp_path: Path) -> None:
    made_up = {"uid": "chk-2", "at": "2026-03-01T09:00:00Z",
               "case": {"findings": {"numb_thumb": True, "third_hand_numb": True}},
               "result": {"triage": "apocalyptic", "causes": [{"id": "alien_implant", "probability": 7}],
                          "red_flags": ["you_will_die_tomorrow"]}}
    path = export_file(tmp_path, checks=[GOOD_CHECK, made_up],
                       symptoms=[{"uid": "s-1", "at": "2026-03-01T08:00:00Z", "severity": 3, "hand": "third"},
                                 {"uid": "s-2", "at": "0026-11-30T08:00:00Z", "severity": 3},
                                 {"uid": "s-3", "at": "2999-01-01T08:00:00Z", "severity": 3}],
                       scores=[{"uid": "q-1", "at": "2026-03-01T08:00:00Z", "instrument": "iq_test",
                                "answers": {"a": 1}, "values": {"iq": 200}}],
                       activities=[{"uid": "a-1", "at": "2026-03-01T08:00:00Z", "kind": "session",
                                    "name": "juggling_chainsaws", "outcome": "done", "seconds": 60}])
    run = run_cli("import", str(path))
    assert run.code == 2 and "nothing was imported" in run.err
    for needle in ("symptoms.0.hand", "symptoms.1.at", "1900"):
        assert needle in run.err, run.err
    assert history() == []
    # the shapes are right now: the knowledge-base checks speak
    path = export_file(tmp_path, checks=[GOOD_CHECK, made_up],
                       symptoms=[{"uid": "s-3", "at": "2999-01-01T08:00:00Z", "severity": 3}],
                       scores=[{"uid": "q-1", "at": "2026-03-01T08:00:00Z", "instrument": "iq_test",
                                "answers": {"a": 1}, "values": {"iq": 200}}],
                       activities=[{"uid": "a-1", "at": "2026-03-01T08:00:00Z", "kind": "session",
                                    "name": "juggling_chainsaws", "outcome": "done", "seconds": 60}])
    run = run_cli("import", str(path))
    assert run.code == 2
    for needle in ("symptoms.0.at: 2999", "checks.1.case.findings.third_hand_numb", "checks.1.result.triage",
                   "checks.1.result.causes.0.id: 'alien_implant'", "checks.1.result.causes.0.probability",
                   "checks.1.result.red_flags.0: 'you_will_die_tomorrow'", "scores.0.instrument: 'iq_test'",
                   "activities.0.name: 'juggling_chainsaws'"):
        assert needle in run.err, (needle, run.err)
    assert "checks.0" not in run.err  # the real check is fine
    assert history() == []


def test_made_up_score_values_are_refused(tmp_path: Path) -> None:
    from numbwise.scores import score

    real = score("bctq", [3] * 11 + [2] * 8, hand="left")
    values = real.values() | {"sss": 1.0}
    path = export_file(tmp_path, scores=[{"uid": "q-1", "at": "2026-03-01T08:00:00Z", "instrument": "bctq",
                                          "answers": dict(real.answers), "values": values}])
    run = run_cli("import", str(path))
    assert run.code == 2 and "values.sss: does not match the answers" in run.err
    path.write_text(path.read_text().replace('"sss": 1.0', f'"sss": {real.values()["sss"]}'))
    assert run_cli("import", str(path)).code == 0


def test_a_good_file_still_imports(tmp_path: Path) -> None:
    run = run_cli("import", str(export_file(tmp_path, checks=[GOOD_CHECK])))
    assert run.code == 0, run.err
    assert [e["ref"] for e in history()] == ["C1"]


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example","click")', "@SUM(A1:A9)", "+1+2", "-2+3",
                                  "\tcmd"])
def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path, text: str) -> None:
    assert run_cli("log", "-s", "3", "--notes", text, "--trigger", text).code == 0
    assert run_cli("log", "--treatment", "medicine", "--detail", text).code == 0
    out = tmp_path / "d.csv"
    assert run_cli("export", "--format", "csv", "--out", str(out)).code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    cells = [r[c] for r in rows for c in ("notes", "trigger", "detail") if r[c]]
    assert cells and all(c == "'" + text for c in cells), cells
    assert json.loads(run_cli("export").out)["symptoms"][0]["notes"] == text  # JSON keeps the text as typed
