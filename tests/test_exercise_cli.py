"""`numbwise exercise` and `numbwise stats` end to end: a real pseudo-terminal, a real SQLite diary, a fake clock."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE
from numbwise.diary.store import open_store
from tests.conftest import run_cli

UTC = dt.timezone.utc


def spawn(*args: str) -> pexpect.spawn:
    """The real command in a pseudo-terminal; time runs on the fake clock, so a session takes a moment."""
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="45")
    env[FAKE_CLOCK_VARIABLE] = "1"
    env.pop("NUMBWISE_PLAIN", None)
    return pexpect.spawn(sys.executable, ["-m", "numbwise", *args], env=env, dimensions=(45, 100),
                         encoding="utf-8", timeout=30)


def sessions() -> list[tuple[str, str, str, int]]:
    with open_store() as store:
        return [(a.kind, a.name, a.outcome, a.seconds) for a in store.activities()]


def test_a_whole_session_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    child = spawn("exercise")
    child.send(" ")  # typed ahead: the first key the session reads pauses it in the get-ready countdown
    child.expect_exact("Routine: Desk break: the default routine (no saved symptom check yet).")
    child.expect_exact("\x1b[?1049h")  # the alternate screen
    for text in ("Exercise 1 of 1: Wrist flexor stretch", "LEFT hand", "Arm out, palm away", "GET READY",
                 "5 s", "PAUSED. Press space to carry on."):
        child.expect_exact(text)
    child.send(" ")
    for text in ("HOLD", "15 s", "REST", "Rep 2 of 2", "SWITCH HANDS", "RIGHT hand", "HOLD", "\x1b[?1049l",
                 "Session over: 4 of 4 holds and moves done.", "Did you do it? [y/n/partly] (Enter: y)"):
        child.expect_exact(text)
    child.sendline("y")
    child.expect_exact("Saved: Desk break, done, 1 min 20 s.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sessions() == [("session", "desk_break", "done", 80)]


def test_quit_and_skip_keys_in_a_terminal() -> None:
    child = spawn("exercise", "desk_break")
    child.send("ss")  # skip the get-ready and the first hold
    child.send("q")
    child.expect_exact("Routine: Desk break: the routine you asked for.")
    child.expect_exact("Session over: 0 of 4 holds and moves done, some skipped, stopped early.")
    child.expect_exact("(Enter: n)")
    child.sendline("")  # keep what the timer saw
    child.expect_exact("Saved: Desk break, skipped")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sessions() == [("session", "desk_break", "skipped", 0)]


def test_the_routine_follows_the_last_check(monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store() as store:
        store.add_check(dt.datetime(2026, 11, 20, 9, tzinfo=UTC), {"findings": {}},
                        {"causes": [{"id": "carpal_tunnel", "probability": 0.6}]})
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("exercise", input="partly\n")  # not a terminal: plain mode, no keys
    assert run.code == 0, run.err
    assert "Routine: Desk break: suggested for Carpal tunnel syndrome" in run.out
    assert "of 2026-11-20" in run.out
    assert "Hold (15 s). Wrist flexor stretch, right hand, set 1 of 1, rep 2 of 2." in run.out
    assert "\x1b" not in run.out
    assert sessions() == [("session", "desk_break", "partial", 80)]


def test_end_of_input_keeps_what_the_timer_saw(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("--plain", "exercise", "Desk break", input="")
    assert run.code == 0, run.err
    assert sessions() == [("session", "desk_break", "done", 80)]


def test_unknown_routine_is_bad_input_and_nothing_is_saved() -> None:
    run = run_cli("exercise", "nope")
    assert run.code == 2
    assert "no routine called 'nope'. Known routines: desk_break" in run.err
    assert sessions() == []


def test_list_routines() -> None:
    run = run_cli("exercise", "--list", "--json")
    assert run.code == 0
    rows = json.loads(run.out)
    assert rows[0]["id"] == "desk_break" and rows[0]["default"] is True and rows[0]["seconds"] == 80
    plain = run_cli("--plain", "exercise", "--list")
    assert "desk_break (default): Desk break." in plain.out and "About 1 min 20 s." in plain.out
    assert run_cli("exercise", "--json").code == 2


def seed_diary() -> None:
    with open_store() as store:
        # today is Wednesday 25 November 2026 (ISO week 48); the 21st is a Saturday, the 16th a Monday (week 47)
        for back, outcome in [(0, "done"), (1, "partial"), (2, "done"), (4, "skipped"), (9, "done")]:
            store.add_activity(dt.datetime(2026, 11, 25, 12, tzinfo=UTC) - dt.timedelta(days=back), "session",
                               "desk_break", outcome, 80)
        store.add_activity(dt.datetime(2026, 11, 25, 15, tzinfo=UTC), "break", "hourly", "snoozed", 0)


def test_stats_output(monkeypatch: pytest.MonkeyPatch) -> None:
    seed_diary()
    run = run_cli("stats", "--weeks", "3", "--today", "2026-11-25")
    assert run.code == 0, run.err
    for text in ("Days active", "Current streak", "3 days", "Longest streak", "Sessions", "4 taken, 0 snoozed, 1 skipped",
                 "Breaks", "0 taken, 1 snoozed, 0 skipped", "2026-W46", "2026-W47", "2026-W48", "███", "3/0/0", "1/0/1", "0/1/0",
                 "taken/snoozed/skipped"):
        assert text in run.out, text
    plain = run_cli("--plain", "stats", "--weeks", "2", "--today", "2026-11-25")
    assert "2026-W48: 3 active days; sessions 3 taken, 0 snoozed, 0 skipped; breaks 0 taken, 1 snoozed, 0 skipped" in plain.out
    assert "█" not in plain.out
    data = json.loads(run_cli("stats", "--json", "--weeks", "1", "--today", "2026-11-25").out)
    assert (data["current_streak"], data["longest_streak"], data["total_active_days"]) == (3, 3, 4)
    assert data["weeks"][0]["sessions"] == {"taken": 3, "snoozed": 0, "skipped": 0, "seconds": 240}


def test_stats_on_an_empty_diary_and_bad_weeks() -> None:
    run = run_cli("stats")
    assert run.code == 0 and "No sessions or breaks recorded yet" in run.out and "Days active" in run.out
    assert run_cli("stats", "--weeks", "0").code == 2


def test_sessions_show_up_in_stats(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    db = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert run_cli("--db", db, "exercise", input="y\n").code == 0
    data = json.loads(run_cli("--db", db, "stats", "--json", "--weeks", "1").out)
    assert data["sessions"]["taken"] == 1 and data["current_streak"] == 1
    assert sessions() == []  # the default diary was not touched


def test_a_diary_that_cannot_open_fails_before_the_session(tmp_path: Path) -> None:
    run = run_cli("--db", "nonsense://nowhere", "exercise", "desk_break")
    assert run.code == 1 and "could not open the diary" in run.err and "Get ready" not in run.out
    assert run_cli("--db", "nonsense://nowhere", "stats").code == 1
