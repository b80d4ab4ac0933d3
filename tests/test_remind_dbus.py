"""Real desktop notifications: a private session bus (dbus-run-session), a fake notification server, the
real desktop-notifier client and the real diary store. Also the fallback when there is no server or no bus."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from numbwise.care import adherence
from numbwise.care.notifiers import BellNotifier, DesktopNotifier, FallbackNotifier
from numbwise.care.remind_loop import Prompt, ReminderLoop, break_exercises
from numbwise.care.remind_settings import RemindSettings
from numbwise.kb import load
from tests.conftest import run_cli, run_process
from tests.fake_notifications import PrivateSessionBus, ServerThread

BERLIN = ZoneInfo("Europe/Berlin")
needs_dbus = pytest.mark.skipif(shutil.which("dbus-run-session") is None,
                                reason="dbus-run-session is missing (Debian package dbus; scripts/bootstrap test installs it)")


class FakeClock:
    """Time that moves only when the loop sleeps."""

    def __init__(self, start: datetime) -> None:
        self.now = start.astimezone(timezone.utc)
        self.slept = 0.0

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private session bus for this test only; DBUS_SESSION_BUS_ADDRESS points at it."""
    if shutil.which("dbus-run-session") is None:
        pytest.skip("dbus-run-session is missing (Debian package dbus)")
    with PrivateSessionBus() as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


def db_url(home: Path) -> str:
    """A named diary in the test's home folder (made first: a named diary is never put in a missing folder)."""
    home.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'diary.sqlite3'}"


@needs_dbus
def test_loop_sends_real_notifications_and_records_each_click(bus: str, numbwise_home: Path) -> None:
    kb = load()
    exercises = break_exercises(kb.exercises.exercises)
    first_id = sorted(exercises)[0]
    url = db_url(numbwise_home)
    clock = FakeClock(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN))  # a Monday
    with ServerThread(bus, ["snooze", "start", "skip"]) as server:
        loop = ReminderLoop(
            settings=RemindSettings(), exercises=exercises, notifier=DesktopNotifier(),
            record=lambda at, eid, outcome, secs: adherence.record_break(url, at, eid, outcome, secs),
            clock=clock, sleep=clock.sleep, tz=BERLIN)
        assert loop.run(max_prompts=3) == 3
    calls = server.service.calls
    assert len(calls) == 3
    ex = exercises[first_id]
    assert calls[0].app_name == "numbwise"
    assert calls[0].summary == f"Hand break: {ex.name}"
    assert ex.summary in calls[0].body and ex.steps[0].say.rstrip(".") in calls[0].body
    # the buttons, as (key, label) pairs after desktop-notifier's "default" click action
    pairs = list(zip(calls[0].actions[::2], calls[0].actions[1::2]))
    assert ("start", "Start break") in pairs and ("snooze", "Snooze") in pairs and ("skip", "Skip") in pairs
    assert calls[0].expire_timeout == 90_000  # the break length, in milliseconds
    assert calls[1].summary == calls[0].summary  # a snoozed break comes back with the same exercise

    from numbwise.diary.store import open_store

    with open_store(url) as store:
        rows = store.activities(kind="break")
    local = [(r.at.astimezone(BERLIN).strftime("%H:%M:%S"), r.outcome, r.seconds, r.name) for r in rows]
    assert local == [
        ("10:00:00", "snoozed", 0, first_id),       # one hour after the start
        ("10:10:00", "done", 90, first_id),          # after the 10-minute snooze
        ("11:11:30", "skipped", 0, sorted(exercises)[1 % len(exercises)]),  # 60 min after the 90 s break ended
    ]
    assert adherence.today_counts(url, clock(), BERLIN) == {"done": 1, "partial": 0, "snoozed": 1, "skipped": 1}


@needs_dbus
def test_closing_the_notification_counts_as_skip_and_silence_as_no_answer(bus: str) -> None:
    with ServerThread(bus, ["dismiss", None]) as server:
        notifier = DesktopNotifier()
        assert notifier.prompt(Prompt("x", "Hand break: X", "Do X.", 5)) == "skip"
        assert notifier.prompt(Prompt("x", "Hand break: X", "Do X.", 1)) is None  # nobody answered in 1 s
    assert len(server.service.calls) == 2


@needs_dbus
def test_cli_now_reaches_the_desktop_and_records_the_click_after_the_timer(bus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE

    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")  # the 90 s break timer runs on a clock that moves on each sleep
    with ServerThread(bus, ["start"]) as server:
        run = run_process("remind", "--now")
    assert run.code == 0, run.err
    assert len(server.service.calls) == 1 and server.service.calls[0].summary.startswith("Hand break: ")
    assert "Break: " in run.out and ", 90 seconds." in run.out  # the steps, then the timer
    assert ": break taken (90 s)" in run.out and "_" not in run.out.split(": break taken")[0].splitlines()[-1]
    status = run_cli("remind", "--status", "--json")
    assert status.code == 0
    data = json.loads(status.out)
    assert data["running"] is False and data["today"] == {"done": 1, "partial": 0, "snoozed": 0, "skipped": 0}


@needs_dbus
def test_bus_without_a_notification_server_falls_back_to_the_bell(bus: str) -> None:
    run = run_cli("remind", "--now")
    assert run.code == 0
    assert "No desktop notification" in run.err and "using the terminal bell" in run.err
    assert "\a" in run.out and "Hand break: " in run.out
    assert ": skipped" in run.out  # no terminal to answer in: counted as skipped
    assert json.loads(run_cli("remind", "--status", "--json").out)["today"]["skipped"] == 1


def test_no_bus_at_all_uses_the_bell_without_trying(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    run = run_cli("remind", "--now")
    assert run.code == 0
    assert run.err == ""
    assert run.out.startswith("\a") and "Hand break: " in run.out and "Start:" in run.out


def test_fallback_notifier_warns_once_and_tries_the_desktop_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/numbwise-test-bus")
    warnings: list[str] = []
    out = io.StringIO()
    notifier = FallbackNotifier(DesktopNotifier(), BellNotifier(out), warnings.append)
    prompt = Prompt("x", "Hand break: X", "Do X.", 5)
    assert notifier.prompt(prompt) is None and notifier.prompt(prompt) is None
    assert len(warnings) == 1 and notifier.name == "bell"
    assert out.getvalue().count("\a") == 2
