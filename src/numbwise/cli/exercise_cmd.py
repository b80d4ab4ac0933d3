"""`numbwise exercise [ROUTINE]`: a guided exercise session in the terminal, recorded in the diary."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Literal

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from numbwise.care.routines import Choice
    from numbwise.kb import Knowledge

EPILOG = """\b
Examples:
  numbwise exercise                 the routine for the likely cause in your last check
  numbwise exercise desk_break      a routine by name
  numbwise exercise --list          the routines there are
  numbwise exercise --speak         spoken cues too (needs espeak-ng)
  numbwise --plain exercise         one line per step, for screen readers

\b
Keys during a session:
  space   pause, or carry on
  s       skip this step
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


def _latest_cause(db: str | None, read: bool = True) -> tuple[str | None, dt.datetime | None]:
    """The top cause of the latest saved check and its time ((None, None) when there is none); opening checks the diary."""
    from numbwise.diary.store import open_store

    with open_store(db) as store:
        check = store.latest_check() if read else None
    if check is None:
        return None, None
    causes = check.result.get("causes") or []
    top = causes[0].get("id") if causes and isinstance(causes[0], dict) else None
    return (str(top) if top else None), check.at


def choose(kb: Knowledge, name: str | None, db: str | None) -> tuple[Choice, str]:
    """The routine to run, and a sentence saying why it was picked."""
    from numbwise.care.routines import UnknownRoutine, named_routine, routine_for

    if name is not None:
        try:
            choice = named_routine(kb, name)
        except UnknownRoutine as exc:
            raise UnknownRoutineFailure(str(exc)) from None
        _latest_cause(db, read=False)
        return choice, f"{choice.routine.name}: the routine you asked for."
    cause_id, when = _latest_cause(db)
    choice = routine_for(kb, cause_id)
    if cause_id is None:
        return choice, f"{choice.routine.name}: the default routine (no saved symptom check yet)."
    cause = kb.causes[cause_id].name if cause_id in kb.causes else cause_id
    on = f" of {when.date().isoformat()}" if when else ""
    if choice.why == "cause":
        return choice, f"{choice.routine.name}: suggested for {cause}, the most likely cause in your last check{on}."
    return choice, f"{choice.routine.name}: the default routine (none is suggested for {cause}, the most likely cause in your last check{on})."


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

    Without ROUTINE it picks the routine for the most likely cause in your last saved check, or the
    default routine, and says which and why. At the end it asks whether you did it and saves the
    answer in your diary (see numbwise stats).
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
    except Exception as exc:  # checked before the session, so nobody exercises and then loses the record
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
                console.print("Keys: space pause, s skip, q stop.", markup=False, soft_wrap=True)
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
