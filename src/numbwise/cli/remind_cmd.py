"""`numbwise remind`: hourly hand-break reminders (thin shell over numbwise.care)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

import click

from numbwise.exitcodes import ExitCode


class SettingsFailure(click.ClickException):
    """A bad settings file or --set value: exit 2, nothing written."""

    exit_code = ExitCode.BAD_INPUT


class ReminderProblem(click.ClickException):
    """Already running, could not start or stop: exit 1."""

    exit_code = ExitCode.PROBLEM


class _Terminated(Exception):
    """SIGTERM arrived: stop the loop cleanly."""


EPILOG = """\b
Examples:
  numbwise remind                         run in this terminal (Ctrl+C stops)
  numbwise remind --background            run in the background
  numbwise remind --status                running? next break? today's breaks
  numbwise remind --stop                  stop the background reminder
  numbwise remind --set interval=45 --set quiet=22:00-08:00 --set days=mon-fri
  numbwise remind --settings              show the settings and the file they live in
  numbwise remind --now                   show one break prompt now (check notifications work)

\b
Settings (--set NAME=VALUE): interval (minutes, 60), break (seconds, 60-120, 90),
snooze (minutes, 10), quiet (HH:MM-HH:MM or off, 22:00-07:00), days (mon-fri, sat,sun,
all), notify (auto, desktop or bell).
"""


@click.command("remind", epilog=EPILOG)
@click.option("--background", is_flag=True, help="Start the reminder detached from this terminal.")
@click.option("--status", "show_status", is_flag=True, help="Say whether it runs, when the next break is, and today's breaks.")
@click.option("--stop", "do_stop", is_flag=True, help="Stop the running reminder.")
@click.option("--set", "assignments", metavar="NAME=VALUE", multiple=True, help="Change a setting and save it (repeatable).")
@click.option("--settings", "show_settings", is_flag=True, help="Show the settings and where they are saved.")
@click.option("--json", "as_json", is_flag=True, help="With --status or --settings: print JSON.")
@click.option("--now", is_flag=True, help="Prompt one break right now, record the answer, and exit (try it out).")
@click.pass_context
def remind_command(ctx: click.Context, background: bool, show_status: bool, do_stop: bool,
                   assignments: tuple[str, ...], show_settings: bool, as_json: bool, now: bool) -> int:
    """Remind you to take a 1-2 minute hand break every hour, with one exercise."""
    from numbwise.care import remind_settings as rs

    chosen = [name for name, on in (("--background", background), ("--status", show_status), ("--stop", do_stop),
                                    ("--set", bool(assignments)), ("--settings", show_settings),
                                    ("--now", now)) if on]
    if len(chosen) > 1:
        raise click.UsageError(f"use one of {', '.join(chosen)} at a time")
    try:
        settings = rs.load()
    except rs.SettingsError as exc:
        if not assignments:
            raise SettingsFailure(f"{exc}\nFix the file, or reset it by deleting it.") from None
        raise SettingsFailure(f"{exc}\nThe file was not changed; fix or delete it first.") from None
    if assignments:
        try:
            updated = rs.apply(settings, assignments)
        except rs.SettingsError as exc:
            raise SettingsFailure(f"{exc}\nNothing was saved.") from None
        path = rs.save(updated)
        click.echo(f"Saved {path}.")
        _print_settings(updated, as_json=False)
        from numbwise.care import remind_process as rp

        if rp.read_pid().running:
            click.echo("Restart the reminder to use them: numbwise remind --stop, then start it again.")
        return ExitCode.OK
    if show_settings:
        if as_json:
            click.echo(json.dumps({"file": str(rs.settings_path()), **settings.model_dump()}, indent=2))
        else:
            click.echo(f"Settings file: {rs.settings_path()}"
                       + ("" if rs.settings_path().exists() else " (not saved yet: these are the defaults)"))
            _print_settings(settings, as_json=False)
        return ExitCode.OK
    if show_status:
        return _status(ctx, as_json)
    if do_stop:
        return _stop()
    if background:
        return _background(ctx, settings)
    return _foreground(ctx, settings, now)


def _print_settings(settings: Any, as_json: bool) -> None:
    """One line per setting."""
    data = settings.model_dump()
    data["days"] = ",".join(data["days"])
    data["quiet_hours"] = data["quiet_hours"] or "off"
    for key, value in data.items():
        click.echo(f"  {key} = {value}")


def _db(ctx: click.Context) -> str | None:
    root = ctx.find_root()
    return root.obj.get("db") if root.obj else None


def _status(ctx: click.Context, as_json: bool) -> int:
    from numbwise.care import adherence
    from numbwise.care import remind_process as rp
    from numbwise.care.clock import local_zone, utc_now

    tz = local_zone()
    info = rp.read_pid()
    status = rp.read_status() if info.running else None
    counts = adherence.today_counts(_db(ctx), utc_now(), tz)
    data: dict[str, Any] = {
        "running": info.running,
        "pid": info.pid if info.running else None,
        "next_break": status.get("next_break") if status else None,
        "exercise": status.get("exercise") if status else None,
        "notify": status.get("notify") if status else None,
        "today": counts,
    }
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return ExitCode.OK
    if info.running:
        click.echo(f"The reminder is running (pid {info.pid}).")
        if data["next_break"]:
            when = datetime.fromisoformat(data["next_break"]).astimezone(tz)
            name = exercise_name(data["exercise"])
            click.echo(f"Next break: {when:%a %H:%M}{f' ({name})' if name else ''}, by {data['notify']}.")
    else:
        click.echo("The reminder is not running. Start it with: numbwise remind --background")
        if info.stale:
            click.echo("(An old pid file was left behind; it will be cleaned up at the next start.)")
    click.echo(f"Today: {counts['done']} taken, {counts['partial']} cut short, {counts['snoozed']} snoozed, "
               f"{counts['skipped']} skipped.")
    return ExitCode.OK


def _world(utc_now: Callable[[], datetime]) -> tuple[Callable[[], datetime], Callable[[float], None]]:
    """The real clock and sleep; in tests (NUMBWISE_TEST_FAKE_CLOCK=1) a clock that moves on each sleep, so a break's timer takes no time."""
    from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE

    if os.environ.get(FAKE_CLOCK_VARIABLE) != "1":
        return utc_now, time.sleep
    now = [utc_now()]

    def sleep(seconds: float) -> None:
        now[0] += timedelta(seconds=seconds)

    return lambda: now[0], sleep


def exercise_name(exercise_id: object) -> str | None:
    """An exercise's name for people (the status file keeps its id)."""
    from numbwise.kb import load

    ex = load().exercises.exercises.get(exercise_id) if isinstance(exercise_id, str) else None
    return ex.name if ex else None


def _stop() -> int:
    from numbwise.care import remind_process as rp

    info = rp.read_pid()
    if info.stale:
        rp.clear_stale()
        click.echo("The reminder was not running; removed its old pid file.")
        return ExitCode.OK
    if info.pid is None:
        click.echo("The reminder is not running.")
        return ExitCode.OK
    if not rp.stop(info.pid):
        raise ReminderProblem(f"the reminder (pid {info.pid}) did not stop within 10 seconds")
    if rp.read_pid().stale:  # it was killed before it could tidy up
        rp.clear_stale()
    click.echo(f"Stopped the reminder (pid {info.pid}).")
    return ExitCode.OK


def _refuse_if_running() -> None:
    from numbwise.care import remind_process as rp

    info = rp.read_pid()
    if info.running:
        raise ReminderProblem(f"a reminder is already running (pid {info.pid}); stop it with: numbwise remind --stop")
    if info.stale:
        rp.clear_stale()


def _background(ctx: click.Context, settings: Any) -> int:
    from numbwise.care import notifiers
    from numbwise.care import remind_process as rp

    _refuse_if_running()
    if settings.notify == "bell" or (settings.notify == "auto" and not notifiers.has_session_bus()):
        click.echo("Note: no desktop notifications here, so a background reminder can only ring in its log. "
                   "Run `numbwise remind` in a terminal to hear the bell.", err=True)
    root = ctx.find_root().obj or {}
    args = [sys.executable, "-m", "numbwise"]
    if root.get("db"):
        args += ["--db", root["db"]]
    args.append("remind")
    log = rp.log_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        child = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                 start_new_session=True, close_fds=True)
    for _ in range(200):  # up to 10 s for it to write its pid file
        info = rp.read_pid()
        if info.pid == child.pid and info.running:
            click.echo(f"The reminder runs in the background (pid {child.pid}). Output: {log}")
            click.echo("See it with: numbwise remind --status   Stop it with: numbwise remind --stop")
            return ExitCode.OK
        if child.poll() is not None:
            break
        time.sleep(0.05)
    tail = log.read_text(errors="replace").strip().splitlines()[-5:] if log.exists() else []
    raise ReminderProblem("the background reminder did not start" + ("".join(f"\n  {t}" for t in tail)))


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


def _foreground(ctx: click.Context, settings: Any, now: bool) -> int:
    from numbwise.care import adherence, notifiers
    from numbwise.care import remind_process as rp
    from numbwise.care.clock import local_zone, utc_now
    from numbwise.care.remind_loop import Outcome, ReminderLoop, break_exercises
    from numbwise.kb import load

    exercises = break_exercises(load().exercises.exercises)
    if not exercises:
        raise ReminderProblem("the knowledge base has no break-friendly exercise")
    if not now:
        _refuse_if_running()
    db = _db(ctx)
    tz = local_zone()
    out = click.get_text_stream("stdout")
    interactive = sys.stdin.isatty() and out.isatty()
    notifier = notifiers.choose_notifier(settings.notify, out, lambda m: click.echo(m, err=True),
                                         notifiers.ask_terminal() if interactive else None)
    pid = os.getpid()
    started = utc_now()

    words = {"done": "break taken", "partial": "break cut short", "snoozed": "snoozed", "skipped": "skipped"}

    def record(at: datetime, exercise_id: str, outcome: Outcome, seconds: int) -> None:
        adherence.record_break(db, at, exercise_id, outcome, seconds)
        timed = f" ({seconds} s)" if outcome in ("done", "partial") else ""
        click.echo(f"{at.astimezone(tz):%H:%M} {exercises[exercise_id].name}: {words[outcome]}{timed}")

    announced: list[datetime] = []

    def on_next(when: datetime, exercise_id: str) -> None:
        rp.write_status(pid, started, when, exercise_id, notifier.name)
        if not announced or announced[-1] != when:
            announced.append(when)
            click.echo(f"Next break at {when.astimezone(tz):%a %H:%M}: {exercises[exercise_id].name}.")

    def on_break(exercise_id: str) -> None:
        ex = exercises[exercise_id]
        click.echo(f"Break: {ex.name}, {settings.break_seconds} seconds." + (" Press Enter to end it early." if interactive else ""))
        for step in ex.steps:
            click.echo(f"  {step.say}: {step.text}")

    def on_tick(left: int) -> bool:
        """The countdown on one line; Enter (in a terminal) ends the break early."""
        if interactive:
            out.write(f"\r  {left:3d} s left ")
            out.flush()
            if notifiers.enter_pressed(sys.stdin):
                out.write("\n")
                return True
            if left <= 1:
                out.write("\n")
        return False

    clock, sleep = _world(utc_now)
    loop = ReminderLoop(settings=settings, exercises=exercises, notifier=notifier, record=record,
                        clock=clock, sleep=sleep, tz=tz, on_next=on_next, on_break=on_break, on_tick=on_tick,
                        rotation_start=adherence.breaks_so_far(db))
    if now:
        try:
            loop.prompt(loop.next_due()[1])
        except KeyboardInterrupt:
            click.echo("\nStopped.")
            return ExitCode.INTERRUPTED
        return ExitCode.OK
    rp.claim(pid)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    click.echo(f"Break reminder started (every {settings.interval_minutes} minutes, by {notifier.name}). "
               "Ctrl+C stops it.")
    try:
        loop.run()
    except _Terminated:
        click.echo("Reminder stopped.")
        return ExitCode.OK
    except KeyboardInterrupt:
        click.echo("\nReminder stopped.")
        return ExitCode.INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
        rp.release(pid)
    return ExitCode.OK
