"""The diary commands through the real `numbwise` entry point, on a real SQLite file (and PostgreSQL via --db)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli, run_process
from tests.test_interview import CTS_ANSWERS


def history(*args: str) -> list[dict[str, Any]]:
    run = run_cli("history", "--json", *args)
    assert run.code == 0, run.err
    result: list[dict[str, Any]] = json.loads(run.out)
    return result


def test_one_line_symptom_and_treatment_entries(store_url: str) -> None:
    run = run_cli("--db", store_url, "log", "--severity", "6", "--hand", "right", "--fingers", "r1,r2,r3", "--woke",
                  "--trigger", "typing", "--minutes", "20", "--at", "2026-03-01T08:00+00:00", "-n", "at my desk")
    assert run.code == 0, run.err
    assert run.out.startswith("Saved S1: numbness 6/10, right hand, fingers R1 R2 R3, 20 min, after typing, woke me")
    run = run_cli("--db", store_url, "log", "--treatment", "splint_night", "--at", "2026-03-01T22:00+00:00")
    assert run.code == 0 and "Saved T1: splint worn at night" in run.out
    run = run_cli("--db", store_url, "history", "--json")
    s, t = json.loads(run.out)
    assert (s["ref"], s["severity"], s["fingers"], s["woke"], s["at"]) == ("S1", 6, ["r1", "r2", "r3"], True, "2026-03-01T08:00:00Z")
    assert (t["ref"], t["type"], t["kind"], t["detail"]) == ("T1", "treatment", "splint_night", "")


def test_the_hand_is_worked_out_from_the_fingers() -> None:
    assert run_cli("log", "-s", "2", "--fingers", "L1 l2").code == 0
    assert run_cli("log", "-s", "2", "--fingers", "r5,l5").code == 0
    assert [e["hand"] for e in history()] == ["left", "both"]


@pytest.mark.parametrize("args, message", [
    (["--severity", "11"], "severity must be a whole number from 0 to 10 (you gave 11)"),
    (["--severity", "3", "--fingers", "r7"], "'r7' is not a finger code"),
    (["--severity", "3", "--hand", "right", "--fingers", "l1"], "not all on the right hand"),
    (["--severity", "3", "--treatment", "exercise"], "one at a time"),
    (["--severity", "3", "--at", "teatime"], "cannot read the time 'teatime'"),
    (["--severity", "3", "--detail", "x"], "--detail goes with --treatment"),
    ([], "say what to log"),
    (["--fingers", "r1", "--woke"], "say how bad it is: add --severity 0-10"),  # no severity is made up
    (["--treatment", "massage"], "'massage' is not one of"),
])
def test_bad_entries_are_refused_and_nothing_is_saved(args: list[str], message: str, numbwise_home: Path) -> None:
    run = run_cli("log", *args)
    assert run.code == 2
    assert message in run.err
    assert history() == []


def test_interactive_symptom_and_treatment() -> None:
    answers = "\n".join(["1", "2026-03-01T08:00+00:00", "12", "7", "r1 r2", "soon", "15", "1", "y", "at desk"]) + "\n"
    run = run_cli("--plain", "log", "-i", input=answers)
    assert run.code == 0, run.err
    assert "Type a whole number from 0 (none) to 10" in run.out  # 12 was refused and asked again
    assert "Type the minutes as a whole number" in run.out
    assert "Saved S1: numbness 7/10, right hand, fingers R1 R2, 15 min, after typing, woke me, \"at desk\"" in run.out
    run = run_cli("--plain", "log", "-i", input="2\n\n4\n1000 mcg\n\n")
    assert run.code == 0 and "Saved T1: vitamin B12 dose, 1000 mcg" in run.out
    assert run_cli("log", "-i", input="1\n").code == 130  # input ended: stopped, nothing saved
    assert len(history()) == 2


def test_interactive_log_goes_back_with_b_and_stops_with_q() -> None:
    run = run_cli("--plain", "log", "-i", input="b\n1\n\n5\nb\n\n6\n\n\n\n\n\n")
    assert run.code == 0, run.err
    assert "This is the first question." in run.out
    assert "Saved S1: numbness 6/10" in run.out  # 5 was taken back with b and changed to 6
    stopped = run_cli("--plain", "log", "-i", input="1\n\nq\n")
    assert stopped.code == 130 and "Stopped. Nothing was saved." in stopped.out
    assert len(history()) == 1


def test_history_filters_by_kind_and_dates() -> None:
    for at, sev in (("2026-02-27T12:00+00:00", 1), ("2026-03-01T12:00+00:00", 2), ("2026-03-03T12:00+00:00", 3)):
        assert run_cli("log", "-s", str(sev), "--at", at).code == 0
    assert run_cli("log", "--treatment", "b12_meal", "--at", "2026-03-01T13:00+00:00").code == 0
    assert [e["severity"] for e in history("--kind", "symptom")] == [1, 2, 3]
    assert [e["ref"] for e in history("--since", "2026-02-28", "--until", "2026-03-02")] == ["S2", "T1"]
    assert [e["ref"] for e in history("--kind", "treatment")] == ["T1"]
    assert [e["ref"] for e in history("--last", "2")] == ["T1", "S3"]
    run = run_cli("--plain", "history")
    assert run.code == 0 and "S2  " in run.out and "meal rich in vitamin B12" in run.out and "4 entries." in run.out
    bad = run_cli("history", "--since", "2026-03-05", "--until", "2026-03-01")
    assert bad.code == 2 and "--since is after --until" in bad.err


def test_entries_can_be_corrected() -> None:
    assert run_cli("log", "-s", "6", "--fingers", "r1,r2", "--woke", "--at", "2026-03-01T08:00+00:00").code == 0
    assert run_cli("log", "--treatment", "splint_night").code == 0
    run = run_cli("--plain", "history", "edit", "s1", "--severity", "4", "--fingers", "l2", "--no-woke", "-n", "fixed")
    assert run.code == 0, run.err
    assert "Was: " in run.out and "numbness 6/10" in run.out and "Now: " in run.out
    s1 = history("--kind", "symptom")[0]
    assert (s1["severity"], s1["fingers"], s1["hand"], s1["woke"], s1["notes"]) == (4, ["l2"], "left", False, "fixed")
    assert s1["at"] == "2026-03-01T08:00:00Z"
    assert run_cli("history", "edit", "T1", "--treatment", "splint_day", "--detail", "soft brace").code == 0
    assert history("--kind", "treatment")[0]["detail"] == "soft brace"
    for args, message in ((["S9", "-s", "1"], "no symptom entry with id 9"), (["S1"], "nothing to change"),
                          (["S1", "-s", "12"], "severity must be a whole number from 0 to 10 (you gave 12)"), (["T1", "-s", "2"], "do not apply to a treatment"),
                          (["X1", "-s", "2"], "is not an entry id")):
        run = run_cli("history", "edit", *args)
        assert run.code == 2 and message in run.err, (args, run.err)
    assert history("--kind", "symptom")[0]["severity"] == 4


def test_delete_asks_first() -> None:
    assert run_cli("log", "-s", "6").code == 0
    run = run_cli("history", "delete", "S1", input="n\n")
    assert run.code == 0 and "Nothing was deleted" in run.out and len(history()) == 1
    run = run_cli("history", "delete", "S1", input="y\n")
    assert run.code == 0 and "Deleted S1" in run.out and history() == []
    assert run_cli("log", "-s", "6").code == 0
    assert run_cli("history", "delete", "S2", "--yes").code == 0
    run = run_cli("history", "delete", "S2", "--yes")
    assert run.code == 2 and "no symptom entry with id 2" in run.err


def test_a_finished_check_is_kept_in_the_diary() -> None:
    run = run_cli("--plain", "check", input=CTS_ANSWERS)
    assert run.code == 0, run.err
    assert "Kept in your diary as C1" in run.out
    (check,) = history("--kind", "check")
    assert check["result"]["causes"][0]["id"] == "carpal_tunnel" and check["case"]["findings"]
    run = run_cli("--plain", "check", "--no-diary", input=CTS_ANSWERS)
    assert run.code == 0 and "Kept in your diary" not in run.out
    assert len(history("--kind", "check")) == 1
    run = run_cli("--plain", "check", input="q\n")  # stopped checks are not kept
    assert len(history("--kind", "check")) == 1


def test_a_check_is_shown_even_when_the_diary_cannot_be_opened(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = run_cli("--plain", "--db", f"sqlite:///{blocker}/diary.sqlite3", "check", input=CTS_ANSWERS)
    assert run.code == 1
    assert "carpal" in run.out.lower() and "the check was not kept in your diary" in run.err


def test_export_import_round_trip_through_the_cli(tmp_path: Path, store_url: str) -> None:
    assert run_cli("log", "-s", "6", "--fingers", "r1", "--at", "2026-03-01T08:00+00:00", "-n", "Ünïcode").code == 0
    assert run_cli("log", "--treatment", "injection", "--detail", "steroid, right wrist").code == 0
    out = tmp_path / "diary.json"
    run = run_cli("export", "--out", str(out))
    assert run.code == 0 and "Wrote 2 entries" in run.err
    assert run_cli("export", "--out", str(out)).code == 2  # no overwrite without --force
    run = run_cli("--db", store_url, "import", str(out))
    assert run.code == 0 and "Imported 2 entries" in run.out
    run = run_cli("--db", store_url, "import", str(out), "--json")
    assert json.loads(run.out) == {"added": 0, "skipped": 2}
    again = run_cli("--db", store_url, "export")
    assert again.out == out.read_text(encoding="utf-8")
    csv_run = run_cli("export", "--format", "csv")
    assert csv_run.out.splitlines()[0].startswith("kind,uid,at,severity") and len(csv_run.out.splitlines()) == 3
    fhir = json.loads(run_cli("export", "--format", "fhir").out)
    assert fhir["resourceType"] == "Bundle" and len(fhir["entry"]) == 1


@pytest.mark.parametrize("content, message", [
    ("{not json", "is not valid JSON (line 1"),
    ('{"symptoms": []}', "is not a numbwise diary export"),
    ('{"format": "numbwise-diary", "version": 7}', "version 7 of the diary format"),
    (None, "2 problems; nothing was imported"),
])
def test_a_bad_import_file_is_refused_whole(tmp_path: Path, content: str | None, message: str) -> None:
    assert run_cli("log", "-s", "1").code == 0
    good = json.loads(run_cli("export").out)
    if content is None:  # a long file, good but for two entries near the end
        base = good["symptoms"][0]
        good["symptoms"] = [base | {"uid": f"u{i}"} for i in range(300)]
        good["symptoms"][298]["severity"] = 99
        good["symptoms"][299]["at"] = "2026-03-01T08:00:00"  # no time zone
        content = json.dumps(good)
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    run = run_cli("import", str(bad))
    assert run.code == 2 and message in run.err, run.err
    if "problems" in message:
        assert "symptoms.298.severity" in run.err and "symptoms.299.at" in run.err
    assert len(history()) == 1
    missing = run_cli("import", str(tmp_path / "nope.json"))
    assert missing.code == 2 and "does not exist" in missing.err


def test_backup_writes_a_checked_sqlite_copy(tmp_path: Path, numbwise_home: Path) -> None:
    assert run_cli("log", "-s", "5").code == 0
    target = tmp_path / "copy.sqlite3"
    run = run_cli("backup", str(target))
    assert run.code == 0 and "Backed up 1 entries" in run.out
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("SELECT severity FROM symptoms").fetchall() == [(5,)]
    run = run_cli("backup", str(target))
    assert run.code == 2 and "--force" in run.err
    assert run_cli("backup", str(target), "--force").code == 0
    assert run_cli("backup").code == 0
    assert len(list((numbwise_home / "data" / "backups").glob("numbwise-*.sqlite3"))) == 1


def test_help_does_not_load_the_database_libraries() -> None:
    code = ("import sys; from numbwise.cli.main import main; main(['--help']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'psycopg', 'fhir')))")
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and p.stdout.strip().endswith("[]"), p.stdout[-300:] + p.stderr
    assert run_process("log", "--help").code == 0


def test_a_locked_diary_gives_a_clear_message_and_saves_nothing(numbwise_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli("log", "-s", "1").code == 0
    path = numbwise_home / "data" / "numbwise.sqlite3"
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        import numbwise.diary.store as store_module

        monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.05)  # wait 50 ms for the lock, not 15 s
        run = run_cli("log", "-s", "2")
    finally:
        holder.rollback()
        holder.close()
    assert run.code == 1 and "database is locked" in run.err, run.err
    assert [e["severity"] for e in history()] == [1]
