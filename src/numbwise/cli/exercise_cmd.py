"""`numbwise exercise [ROUTINE]`: a guided exercise session in the terminal, recorded in the diary."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Literal

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from numbwise.care.routines import Choice
    from numbwise.kb import Knowledge

EPILOG = """\b
Examples:
  numbwise exercise                 the routine for the cause your last check named
                                    (none when it said to get medical help first or named no cause)
  numbwise exercise desk_break      a routine by name
  numbwise exercise --list          the routines there are
  numbwise exercise --speak         spoken cues too (needs espeak-ng)
  numbwise --plain exercise         one line per step, for screen readers

\b
Keys during a session:
  space   pause, or carry on
  s       skip this exercise and go to the next one
  n       next step (skip only the step you are on)
  q       stop the session (what you did is still saved)
"""

ANSWERS: dict[str, Literal["done", "partial", "skipped"]] = {"y": "done", "partly": "partial", "n": "skipped"}
DEFAULT_ANSWER = {"done": "y", "partial": "partly", "skipped": "n"}


class UnknownRoutineFailure(click.ClickException):
    """A routine name that does not exist: exit 2 with the known names."""

    exit_code = ExitCode.BAD_INPUT


class StoreFailure(click.ClickException):
    """The diary could not be opened or written."""

    exit_code = ExitCode.PROBLEM


def _latest_check(db: str | None, read: bool = True) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dt.datetime | None]:
    """The latest saved check's result, answers and time (all None when there is none); opening checks the diary."""
    from numbwise.diary.store import open_store

    with open_store(db) as store:
        check = store.latest_check() if read else None
    if check is None:
        return None, None, None
    return check.result, check.case, check.at


class MedicalHelpFirst(Exception):
    """No routine is suggested after the latest check (medical help first, or no cause named), so none is started
    unless one is named."""


def choose(kb: Knowledge, name: str | None, db: str | None) -> tuple[Choice, str]:
    """The routine to run, and a sentence saying why it was picked; MedicalHelpFirst when none should be suggested."""
    from numbwise.care.routines import NoSuggestion, UnknownRoutine, named_routine, suggestion_for

    if name is not None:
        try:
            choice = named_routine(kb, name)
        except UnknownRoutine as exc:
            raise UnknownRoutineFailure(str(exc)) from None
        _latest_check(db, read=False)
        return choice, f"{choice.routine.name}: the routine you asked for."
    result, case, when = _latest_check(db)
    picked = suggestion_for(kb, result, case)
    from numbwise.dates import day_of

    on = f" of {day_of(when)}" if when else ""
    cause_id = picked.cause_id
    cause = (kb.causes[cause_id].name if cause_id in kb.causes else cause_id) if cause_id else None
    if isinstance(picked, NoSuggestion):
        said = (picked.level_title or "get medical help").rstrip(".")
        if picked.reason == "cant_tell":
            raise MedicalHelpFirst(
                f"Your last check{on} could not tell yet what is causing the numbness (it said: {said}). No routine "
                f"is made for that, so no session was started. If a doctor has said exercises are fine, name one: "
                f"numbwise exercise --list.")
        if picked.reason == "no_routine":
            raise MedicalHelpFirst(
                f"Your last check{on} put {cause} first, and no routine is made for it, so no session was started. "
                f"If a doctor has said exercises are fine, name one: numbwise exercise --list.")
        if picked.reason == "level":
            why = f"it said: {said}"
        else:
            why = f"it put {cause} first, and exercises are not the first step for it"
        raise MedicalHelpFirst(
            f"Your last check said to get medical help first ({why}). No routine is suggested, so no session "
            f"was started. If a doctor has said exercises are fine, name one: numbwise exercise --list.")
    if result is None:
        return picked, f"{picked.routine.name}: the default routine (no saved symptom check yet)."
    return picked, f"{picked.routine.name}: suggested for {cause}, the most likely cause in your last check{on}."


def _list(console: Console, kb: Knowledge, plain: bool, as_json: bool) -> None:
    from numbwise.care.session import timeline

    ex = kb.exercises

    def cause_names(ids: list[str]) -> str:
        return ", ".join(kb.causes[c].name if c in kb.causes else c for c in ids)

    rows = [(rid, r, sum(p.seconds for p in timeline(ex, r))) for rid, r in ex.routines.items()]
    if as_json:
        click.echo(json.dumps([{"id": rid, "name": r.name, "summary": r.summary, "exercises": list(r.exercises),
                                "for_causes": list(r.for_causes), "seconds": secs, "default": rid == ex.default_routine}
                               for rid, r, secs in rows], indent=2))
        return
    if plain:
        for rid, r, secs in rows:
            default = " (default)" if rid == ex.default_routine else ""
            console.print(f"{rid}{default}: {r.name}. {r.summary} About {_minutes(secs)}. "
                          f"Suggested for: {cause_names(r.for_causes) or 'anyone'}.", markup=False, soft_wrap=True)
        return
    from rich.table import Table

    table = Table(title="Routines (numbwise exercise ID)", title_justify="left")
    table.add_column("ID", style="bold", no_wrap=True)
    table.add_column("Name")
    table.add_column("Exercises")
    table.add_column("Time", justify="right")
    table.add_column("Suggested for")
    for rid, r, secs in rows:
        table.add_row(rid + (" (default)" if rid == ex.default_routine else ""), r.name,
                      ", ".join(ex.exercises[e].name for e in r.exercises), _minutes(secs), cause_names(r.for_causes) or "-")
    console.print(table)


def _minutes(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    m, s = divmod(seconds, 60)
    return f"{m} min {s} s" if s else f"{m} min"


def _confirm(console: Console, suggested: str) -> Literal["done", "partial", "skipped"]:
    """Ask "Did you do it?"; with no answer to read (end of input), keep what the timer saw."""
    try:
        answer = click.prompt(f"Did you do it? [y/n/partly] (Enter: {suggested})",
                              type=click.Choice(list(ANSWERS), case_sensitive=False), default=suggested,
                              show_choices=False, show_default=False)
    except click.exceptions.Abort:
        console.print()
        answer = suggested
    return ANSWERS[str(answer).lower()]


def _record(db: str | None, at: dt.datetime, routine_id: str, outcome: Literal["done", "partial", "skipped"],
            seconds: int) -> None:
    from numbwise.diary.store import open_store

    with open_store(db) as store:
        store.add_activity(at, "session", routine_id, outcome, seconds)


@click.command("exercise", epilog=EPILOG)
@click.argument("routine", required=False)
@click.option("--list", "list_", is_flag=True, help="List the routines and stop.")
@click.option("--json", "as_json", is_flag=True, help="With --list: the routines as JSON.")
@click.option("--speak", is_flag=True, help="Say each step out loud (needs espeak-ng).")
@click.pass_context
def exercise_command(ctx: click.Context, routine: str | None, list_: bool, as_json: bool, speak: bool) -> None:
    """A guided hand-exercise session: each step with its picture, hold timers, and left and right hand prompts.

    Without ROUTINE it picks the routine made for the cause your last saved check named as the most
    likely (the default routine when there is no check yet), and says which and why. When that check
    said to get medical help first (an emergency or urgent level, or a cause that needs a doctor
    first), or could not tell the cause yet, it starts nothing unless you name a routine. At the end
    it asks whether you did it and saves the answer in your diary (see numbwise stats).
    """
    import sys

    from numbwise.care.session import timeline
    from numbwise.cli import exercise_player as xp
    from numbwise.kb import load

    plain = plain_from(ctx)
    db = ctx.find_root().obj.get("db") if ctx.find_root().obj else None
    console = make_console(plain)
    kb = load()
    if list_:
        _list(console, kb, plain, as_json)
        return
    if as_json:
        raise UnknownRoutineFailure("--json only works with --list")
    try:
        choice, why = choose(kb, routine, db)
    except UnknownRoutineFailure:
        raise
    except MedicalHelpFirst as exc:
        console.print(str(exc), markup=False, soft_wrap=True)
        return
    except Exception as exc:  # checked before the session, so nobody exercises and then loses the record
        from numbwise.diary.store import BadRequest

        if isinstance(exc, BadRequest):  # a wrong --db is bad input (exit 2), like in every diary command
            raise
        raise StoreFailure(f"could not open the diary ({exc}). Choose another with --db URL.") from None
    phases = timeline(kb.exercises, choice.routine)
    console.print(f"Routine: {why}", markup=False, soft_wrap=True)
    speaker = None
    if speak:
        speaker = xp.Speaker.find()
        if speaker is None:
            console.print("No spoken cues: espeak-ng is not installed.", markup=False, soft_wrap=True)
    clock, sleep = xp.world_clock()
    interactive = sys.stdin.isatty() and console.is_terminal
    pictures = kb.folder / "pictures"
    started = dt.datetime.now(dt.timezone.utc)
    with xp.terminal_keys(interactive) as keys:
        if plain or not interactive:
            if interactive:
                console.print("Keys: space pause, s skip exercise, n next step, q stop.", markup=False, soft_wrap=True)
            run = xp.run_plain(console, phases, kb.exercises, clock=clock, sleep=sleep, keys=keys, speaker=speaker)
        else:
            run = xp.run_fullscreen(console, phases, kb.exercises, choice.routine, pictures, clock=clock,
                                    sleep=sleep, keys=keys, speaker=speaker)
    player = run.player
    c = player.counters
    console.print(f"Session over: {c.work_done} of {player.work_total} holds and moves done"
                  f"{', some skipped' if c.work_skipped else ''}{', stopped early' if player.quit_early else ''}.",
                  markup=False, soft_wrap=True)
    if speaker is not None:
        speaker.say("Session over. Did you do it?")
    outcome = _confirm(console, DEFAULT_ANSWER[player.outcome])
    seconds = int(round(c.active_seconds))
    try:
        _record(db, started, choice.routine_id, outcome, seconds)
    except Exception as exc:
        raise StoreFailure(f"could not save the session in the diary: {exc}") from None
    console.print(f"Saved: {choice.routine.name}, {outcome}, {_minutes(seconds)}. See your days and streaks with: numbwise stats",
                  markup=False, soft_wrap=True)
    if run.interrupted:
        ctx.exit(ExitCode.INTERRUPTED)
