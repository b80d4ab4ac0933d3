"""`numbwise exercise` and `numbwise stats` end to end: a real pseudo-terminal, a real SQLite diary, a fake clock."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from numbwise.care.routines import Choice, routine_for
from numbwise.care.session import Phase, timeline
from numbwise.cli import exercise_player as xp
from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE
from numbwise.diary.store import open_store
from numbwise.kb import load
from tests.conftest import check_naming, dev_check, run_cli

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


def plan(cause: str | None = None) -> tuple[Choice, list[Phase]]:
    """The routine the command should pick, and its phases: expectations follow the library, whatever it holds."""
    kb = load()
    choice = routine_for(kb, cause)
    return choice, timeline(kb.exercises, choice.routine)


def test_a_whole_session_in_a_terminal() -> None:
    choice, phases = plan()
    kb = load()
    first = kb.exercises.exercises[phases[0].exercise_id]
    kinds = {p.kind for p in phases}
    total, work = sum(p.seconds for p in phases), sum(1 for p in phases if p.is_work)
    child = spawn("exercise")
    child.send(" ")  # typed ahead: the first key the session reads pauses it in the get-ready countdown
    child.expect_exact(f"Routine: {choice.routine.name}: the default routine (no saved symptom check yet).")
    child.expect_exact("\x1b[?1049h")  # the alternate screen
    for text in (f"Exercise 1 of {len(choice.routine.exercises)}: {first.name}", first.steps[0].say, "GET READY",
                 f"{phases[0].seconds} s", "PAUSED. Press space to carry on."):
        child.expect_exact(text)
    child.send(" ")
    seen = [xp.headline(p).upper() for p in phases[1:4]]
    assert {"LEFT hand", "RIGHT hand"} <= {xp.side_label(p) for p in phases}, "the default routine has a per-side exercise"
    for text in [*seen, "LEFT hand", "SWITCH HANDS", "RIGHT hand", "\x1b[?1049l",
                 f"Session over: {work} of {work} holds and moves done.", "Did you do it? [y/n/partly] (Enter: y)"]:
        child.expect_exact(text)
    child.sendline("y")
    child.expect_exact(f"Saved: {choice.routine.name}, done")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert kinds & {"hold", "timed", "move"}
    assert sessions() == [("session", choice.routine_id, "done", total)]


def test_quit_and_skip_keys_in_a_terminal() -> None:
    choice, phases = plan()
    work = sum(1 for p in phases if p.is_work)
    child = spawn("exercise", choice.routine_id)
    child.send("ss")  # skip the get-ready and the first step
    child.send("q")
    child.expect_exact(f"Routine: {choice.routine.name}: the routine you asked for.")
    child.expect_exact(f"Session over: 0 of {work} holds and moves done, some skipped, stopped early.")
    child.expect_exact("(Enter: n)")
    child.sendline("")  # keep what the timer saw
    child.expect_exact(f"Saved: {choice.routine.name}, skipped")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sessions() == [("session", choice.routine_id, "skipped", 0)]


def test_the_routine_follows_the_last_check(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = load()
    cause = next(c for r in kb.exercises.routines.values() for c in r.for_causes)
    choice, phases = plan(cause)
    with open_store() as store:
        store.add_check(dt.datetime(2026, 11, 20, 9, tzinfo=UTC), *check_naming(cause))
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("exercise", input="partly\n")  # not a terminal: plain mode, no keys
    assert run.code == 0, run.err
    assert f"Routine: {choice.routine.name}: suggested for {kb.causes[cause].name}" in run.out
    assert "of 20 Nov 2026" in run.out
    assert xp.plain_line(phases[-1], kb.exercises) in run.out
    assert "\x1b" not in run.out
    assert sessions() == [("session", choice.routine_id, "partial", sum(p.seconds for p in phases))]


@pytest.mark.parametrize("cause", ["cervical_radiculopathy", "raynaud"])
def test_a_cause_with_no_routine_starts_nothing(monkeypatch: pytest.MonkeyPatch, cause: str) -> None:
    kb = load()
    assert cause not in {c for r in kb.exercises.routines.values() for c in r.for_causes} | set(kb.care.doctor_first)
    with open_store() as store:
        store.add_check(dt.datetime(2026, 11, 20, 9, tzinfo=UTC), *check_naming(cause))
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("exercise", input="y\n")
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert f"put {kb.causes[cause].name} first, and no routine is made for it" in out
    assert "medical help first" not in out  # a self-care result (Raynaud's) did not say that
    assert "Routine:" not in run.out and sessions() == []


@pytest.mark.parametrize("cid", ["dev-011", "dev-028", "dev-035"])  # urgent, emergency, urgent
def test_medical_help_first_starts_no_session_unless_named(monkeypatch: pytest.MonkeyPatch, cid: str) -> None:
    with open_store() as store:
        store.add_check(dt.datetime(2026, 11, 24, 9, tzinfo=UTC), *dev_check(cid))
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("exercise", input="y\n")
    assert run.code == 0, run.err
    assert "Your last check said to get medical help first" in run.out and "Routine:" not in run.out
    assert sessions() == []
    named = run_cli("exercise", "desk_break", input="y\n")
    assert named.code == 0, named.err
    assert "Routine: Desk break: the routine you asked for." in named.out and len(sessions()) == 1


def test_end_of_input_keeps_what_the_timer_saw(monkeypatch: pytest.MonkeyPatch) -> None:
    choice, phases = plan()
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("--plain", "exercise", choice.routine.name.upper(), input="")
    assert run.code == 0, run.err
    assert sessions() == [("session", choice.routine_id, "done", sum(p.seconds for p in phases))]


def test_unknown_routine_is_bad_input_and_nothing_is_saved() -> None:
    run = run_cli("exercise", "nope")
    assert run.code == 2
    assert f"no routine or exercise called 'nope'. Known routines: {', '.join(sorted(load().exercises.routines))}" in run.err
    assert sessions() == []


def test_list_routines() -> None:
    choice, phases = plan()
    run = run_cli("exercise", "--list", "--json")
    assert run.code == 0
    rows = {row["id"]: row for row in json.loads(run.out)}
    assert rows.keys() == load().exercises.routines.keys()
    assert rows[choice.routine_id]["default"] is True and rows[choice.routine_id]["seconds"] == sum(p.seconds for p in phases)
    plain = run_cli("--plain", "exercise", "--list")
    assert f"{choice.routine_id} (default): {choice.routine.name}." in plain.out
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
    for text in ("Days active", "Current streak", "3 days", "Longest streak", "Sessions", "3 done, 1 partly, 1 skipped",
                 "Breaks", "0 taken, 1 snoozed, 0 skipped", "2026-W46", "2026-W47", "2026-W48", "██", "2/1/0", "1/0/1", "0/1/0",
                 "done/partly/skipped", "taken/snoozed/skipped"):
        assert text in run.out, text
    plain = run_cli("--plain", "stats", "--weeks", "2", "--today", "2026-11-25")
    assert "2026-W48: 3 active days; sessions 2 done, 1 partly, 0 skipped; breaks 0 taken, 1 snoozed, 0 skipped" in plain.out
    assert "█" not in plain.out
    data = json.loads(run_cli("stats", "--json", "--weeks", "1", "--today", "2026-11-25").out)
    assert (data["current_streak"], data["longest_streak"], data["total_active_days"]) == (3, 3, 4)
    assert data["weeks"][0]["sessions"] == {"done": 2, "partly": 1, "skipped": 0, "seconds": 240}


def test_stats_on_an_empty_diary_and_bad_weeks() -> None:
    run = run_cli("stats")
    assert run.code == 0 and "No sessions or breaks recorded yet" in run.out and "Days active" in run.out
    assert run_cli("stats", "--weeks", "0").code == 2


def test_sessions_show_up_in_stats(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    db = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert run_cli("--db", db, "exercise", input="y\n").code == 0
    data = json.loads(run_cli("--db", db, "stats", "--json", "--weeks", "1").out)
    assert data["sessions"]["done"] == 1 and data["current_streak"] == 1
    assert sessions() == []  # the default diary was not touched


def test_a_diary_that_cannot_open_fails_before_the_session(tmp_path: Path) -> None:
    run = run_cli("--db", "nonsense://nowhere", "exercise", "desk_break")  # an unknown database type is bad input
    assert run.code == 2 and "not a database numbwise can use" in run.err and "Get ready" not in run.out
    assert run_cli("--db", "nonsense://nowhere", "stats").code == 2
    folder = tmp_path / "not-a-folder"
    folder.write_text("a file where the diary's folder should be")
    broken = run_cli("--db", f"sqlite:///{folder / 'x.sqlite3'}", "exercise", "desk_break")
    assert broken.code == 2 and "is a file, not a folder" in broken.err and "Get ready" not in broken.out


def test_medical_help_first_names_the_checks_own_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    from numbwise.assess.result import saved_act

    case = {"age": 30, "sex": "female", "findings": {"pregnant": True, "pregnancy_warning_signs": True}}
    words = saved_act("urgent", case)
    assert words is not None and words[0] != load().triage.levels["urgent"].title
    with open_store() as store:
        store.add_check(dt.datetime(2026, 11, 24, 9, tzinfo=UTC), case, {"triage": "urgent", "causes": []})
    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    run = run_cli("exercise", input="y\n")
    assert f"it said: {words[0].rstrip('.')}" in " ".join(run.out.split()) and sessions() == []
