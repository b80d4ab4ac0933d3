"""`numbwise remind` settings, status and the background process, through the real entry points."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from numbwise.care import remind_process as rp
from numbwise.care import remind_settings as rs
from tests.conftest import run_cli, run_process


def test_defaults_without_a_file() -> None:
    run = run_cli("remind", "--settings", "--json")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["interval_minutes"] == 60 and data["break_seconds"] == 90 and data["snooze_minutes"] == 10
    assert data["quiet_hours"] == "22:00-07:00" and data["notify"] == "auto" and len(data["days"]) == 7


def test_set_saves_a_valid_file_that_reads_back(numbwise_home: Path) -> None:
    run = run_cli("remind", "--set", "interval=45", "--set", "quiet=22:00-08:00", "--set", "days=mon-fri",
                  "--set", "break=120", "--set", "notify=bell")
    assert run.code == 0, run.err
    path = numbwise_home / "config" / "remind.toml"
    assert path.exists()
    s = rs.load(path)
    assert (s.interval_minutes, s.quiet_hours, s.days, s.break_seconds, s.notify) == (
        45, "22:00-08:00", ("mon", "tue", "wed", "thu", "fri"), 120, "bell")
    run_cli("remind", "--set", "quiet=off")
    assert rs.load(path).quiet_hours is None and rs.load(path).interval_minutes == 45


@pytest.mark.parametrize("assignment, words", [
    ("interval=abc", ["--set interval:", "whole number of minutes from 5 to 480", "'abc'"]),
    ("interval=2", ["--set interval: interval must be 5 to 480 minutes"]),
    ("interval=-5", ["--set interval: interval must be 5 to 480 minutes"]),
    ("interval=100000", ["--set interval: interval must be 5 to 480 minutes"]),
    ("interval_minutes=481", ["--set interval: interval must be 5 to 480 minutes"]),
    ("break=30", ["--set break: break must be 60 to 120 seconds"]),
    ("break=121", ["--set break: break must be 60 to 120 seconds"]),
    ("snooze=0", ["--set snooze: snooze must be 1 to 120 minutes"]),
    ("quiet=25:00-07:00", ["--set quiet:", "HH:MM-HH:MM"]),
    ("quiet=07:00-07:00", ["--set quiet:", "same time"]),
    ("days=monday", ["--set days:", "not a day"]),
    ("notify=email", ["--set notify:", "auto"]),
    ("colour=red", ["NAME=VALUE", "interval, break, snooze, quiet, days, notify"]),
    ("interval", ["NAME=VALUE"]),
    ("quiet=07:30-07:00", ["--set quiet: the quiet hours", "no break would ever come"]),
    ("quiet=00:50-00:00", ["no break would ever come"]),  # exactly one 50-minute interval free: still no room
])
def test_bad_values_name_the_key_exit_2_and_change_nothing(numbwise_home: Path, assignment: str, words: list[str]) -> None:
    assert run_cli("remind", "--set", "interval=50").code == 0
    path = numbwise_home / "config" / "remind.toml"
    before = path.read_bytes()
    run = run_cli("remind", "--set", assignment)
    assert run.code == 2
    for word in words:
        assert word in run.err
    assert "(file)" not in run.err and "is not a whole number" not in run.err
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name != "remind.toml"]  # no temp file left


@pytest.mark.parametrize("text, words", [
    ("interval_minutes = 'sixty'\n", ["remind.toml", "interval_minutes"]),
    ("interval_minutes = 60.0\n", ["interval_minutes"]),
    ("interval_minutes = true\n", ["interval_minutes"]),
    ("intervall = 30\n", ["intervall", "unknown setting"]),
    ("days = ['mon', 'xyz']\n", ["days", "xyz"]),
    ("days = 'weekdays'\nquiet_hours = 'off'\n", []),
    ("interval_minutes = 2\n", ["interval_minutes: must be 5 to 480 minutes"]),
    ("quiet_hours = '07:30-07:00'\n", ["remind.toml: the quiet hours", "no break would ever come"]),
    ("interval_minutes = \n", ["not valid TOML"]),
])
def test_a_bad_file_is_reported_with_the_key_and_never_overwritten(numbwise_home: Path, text: str, words: list[str]) -> None:
    path = numbwise_home / "config" / "remind.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    run = run_cli("remind", "--settings")
    if not words:
        assert run.code == 0 and "days = mon,tue,wed,thu,fri" in run.out and "quiet_hours = off" in run.out
        return
    assert run.code == 2
    for word in words:
        assert word in run.err
    assert "(file)" not in run.err
    assert run_cli("remind", "--set", "interval=30").code == 2
    assert path.read_text() == text


def test_set_names_in_the_error_are_exactly_those_documented() -> None:
    import re

    docs = (Path(__file__).parents[1] / "docs" / "reminders.md").read_text()
    documented = re.findall(r"^\| `\w+` \| `(\w+)` \|", docs, re.M)
    run = run_cli("remind", "--set", "bogus=1")
    assert run.code == 2
    listed = run.err.split("NAME one of ")[1].split("\n")[0].split(", ")
    assert len(documented) == 6 and listed == documented
    for name in documented:  # and each of them is accepted
        assert "NAME=VALUE" not in run_cli("remind", "--set", f"{name}=x").err


def test_status_when_not_running_and_a_stale_pid_file_is_handled(numbwise_home: Path) -> None:
    run = run_cli("remind", "--status")
    assert run.code == 0 and "not running" in run.out and "Today: 0 taken, 0 cut short, 0 snoozed, 0 skipped." in run.out
    rp.pid_path().parent.mkdir(parents=True, exist_ok=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    rp.pid_path().write_text(f"{dead.pid}\n")
    assert "old pid file" in run_cli("remind", "--status").out
    run = run_cli("remind", "--stop")
    assert run.code == 0 and "removed its old pid file" in run.out
    assert not rp.pid_path().exists()
    assert "not running" in run_cli("remind", "--stop").out


def test_a_pid_file_of_another_program_is_stale() -> None:
    rp.pid_path().parent.mkdir(parents=True, exist_ok=True)
    rp.pid_path().write_text("1\n")  # pid 1 is never numbwise
    assert rp.read_pid().stale


def test_one_action_at_a_time() -> None:
    run = run_cli("remind", "--status", "--stop")
    assert run.code == 2 and "one of" in run.err


def test_background_start_status_and_clean_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    started = run_process("remind", "--background")
    assert started.code == 0, started.err + started.out
    try:
        info = rp.read_pid()
        assert info.running and info.pid is not None
        again = run_process("remind", "--background")
        assert again.code == 1 and "already running" in again.err
        for _ in range(100):  # the status file is written as soon as the loop plans its first break
            if rp.read_status():
                break
            time.sleep(0.05)
        status = json.loads(run_cli("remind", "--status", "--json").out)
        assert status["running"] is True and status["pid"] == info.pid
        assert status["next_break"] and status["notify"] == "bell"
        assert "Next break:" in run_cli("remind", "--status").out
    finally:
        stopped = run_cli("remind", "--stop")
    assert stopped.code == 0 and f"Stopped the reminder (pid {info.pid})" in stopped.out
    assert not rp.pid_path().exists() and not rp.status_path().exists()
    assert "Reminder stopped." in rp.log_path().read_text()
    assert not rp.alive(info.pid)  # gone (at most a zombie waiting for init to reap it)


def test_help_has_examples() -> None:
    run = run_cli("remind", "--help")
    assert run.code == 0 and "numbwise remind --background" in run.out and "quiet" in run.out
