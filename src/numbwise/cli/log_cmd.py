"""`numbwise log`: one-line (or interactive) diary entries for numbness and for treatments."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from numbwise.cli.console import BACK, QUIT, command_of, make_console, plain_from
from numbwise.cli.diary_cli import DiaryBadInput, describe, entry_json, entry_ref, now_local, open_diary
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from numbwise.diary.entries import SymptomIn, TreatmentIn
    from numbwise.diary.when import When

TREATMENTS = ("splint_night", "splint_day", "exercise", "b12_dose", "b12_meal", "medicine", "injection", "surgery")

EPILOG = """\b
Examples:
  numbwise log --severity 6 --hand right --fingers r1,r2,r3 --woke --trigger typing
  numbwise log -s 3 --minutes 20 --at 07:30 --notes "better after shaking my hand"
  numbwise log --treatment splint_night
  numbwise log --treatment b12_dose --detail "1000 mcg tablet"
  numbwise log --treatment surgery --at 2026-02-10
  numbwise log -i                      asks one question at a time

\b
Fingers: R or L and a number, 1 = thumb ... 5 = little finger, 0 = the whole hand.
Times (--at): now, 08:30, yesterday 22:00, -2h, -30m, 2026-03-01T08:30.
Treatments: splint_night, splint_day, exercise, b12_dose, b12_meal, medicine, injection, surgery.
"""


def _when(text: str | None, now: datetime) -> When:
    """An entry's time (the rule for times later than now lives in numbwise.diary.when); bad ones exit 2."""
    from numbwise.diary.when import WhenError, read_when

    try:
        return read_when(text or "now", now)
    except WhenError as exc:
        raise DiaryBadInput(f"--at: {exc}") from None


def build_symptom(fields: dict[str, Any], now: datetime) -> SymptomIn:
    """A checked SymptomIn from typed fields (the rules live in numbwise.diary.fields); a bad field becomes a clear message."""
    from numbwise.diary.fields import EntryProblem, symptom_from

    try:
        return symptom_from(fields, now=now)
    except EntryProblem as exc:
        raise DiaryBadInput(str(exc)) from None


def build_treatment(fields: dict[str, Any], now: datetime) -> TreatmentIn:
    """A checked TreatmentIn from typed fields."""
    from numbwise.diary.fields import EntryProblem, treatment_from

    try:
        return treatment_from(fields, now=now)
    except EntryProblem as exc:
        raise DiaryBadInput(str(exc)) from None


class _Back(Exception):
    """b at a question of `log -i`: go back one question."""


class _Stop(Exception):
    """q at a question of `log -i`: save nothing, exit 130 like Ctrl+C."""


def _ask(console: Console, prompt: str) -> str:
    console.print(prompt, end="", markup=False)
    line = sys.stdin.readline()
    if line == "":
        raise click.exceptions.Abort()
    command = command_of(line)
    if command == QUIT:
        raise _Stop
    if command == BACK:
        raise _Back
    return line.strip()


def _ask_until(console: Console, prompt: str, read: Any) -> Any:
    """Ask again until `read` accepts the answer (it raises ValueError with the reason)."""
    while True:
        try:
            return read(_ask(console, prompt))
        except (ValueError, click.ClickException) as exc:
            console.print(f"  {exc.message if isinstance(exc, click.ClickException) else exc}", markup=False)


def _interactive(console: Console, now: datetime) -> tuple[str, dict[str, Any], When]:
    """Ask for each field in turn (b = back one question, q = stop); returns ('symptom' | 'treatment', fields, when)."""
    from numbwise.cli.answers import show_hands as draw_hands
    from numbwise.diary.entries import TREATMENT_LABELS, TRIGGERS, normalise_fingers

    console.print("b = back one question, q = stop (nothing is saved).", markup=False)
    names = list(TREATMENT_LABELS)

    def pick_kind(t: str) -> str:
        if t in ("", "1", "n", "numbness"):
            return "symptom"
        if t in ("2", "t", "treatment"):
            return "treatment"
        raise ValueError("Type 1 for numbness or tingling, or 2 for a treatment.")

    def pick_treatment(t: str) -> str:
        if t.isdigit() and 1 <= int(t) <= len(names):
            return names[int(t) - 1]
        if t in names:
            return t
        raise ValueError(f"Type a number from 1 to {len(names)}.")

    def severity(t: str) -> int:
        if t.isdigit() and 0 <= int(t) <= 10:
            return int(t)
        raise ValueError("Type a whole number from 0 (none) to 10 (worst).")

    def minutes(t: str) -> int | None:
        if not t:
            return None
        if t.isdigit():
            return int(t)
        raise ValueError("Type the minutes as a whole number, like 20, or press Enter to skip.")

    def trigger(t: str) -> str | None:
        return TRIGGERS[int(t) - 1] if t.isdigit() and 1 <= int(t) <= len(TRIGGERS) else (t or None)

    def yes_no(t: str) -> bool:
        if t.lower() in ("y", "yes"):
            return True
        if t.lower() in ("", "n", "no"):
            return False
        raise ValueError("Type y or n.")

    def show_treatments() -> None:
        for i, name in enumerate(names, 1):
            console.print(f"  {i}. {TREATMENT_LABELS[name]}", markup=False)

    def show_hands() -> None:
        draw_hands(console)

    def show_triggers() -> None:
        console.print("What brought it on? " + ", ".join(f"{i}. {t}" for i, t in enumerate(TRIGGERS, 1)), markup=False)

    Step = tuple[str, str, Any, Any]  # field, prompt, reader, what to show first
    common: list[Step] = [
        ("kind", "Log 1 = numbness or tingling, 2 = a treatment [1]: ", pick_kind, None),
        ("when", "When? (Enter = now; or 08:30, yesterday 22:00, -2h): ", lambda t: _when(t, now), None),
    ]
    treatment_steps: list[Step] = [
        ("kind_of", "Which one? ", pick_treatment, show_treatments),
        ("detail", "Details, like the dose or the name (Enter to skip): ", str, None),
        ("notes", "Notes (Enter to skip): ", str, None),
    ]
    symptom_steps: list[Step] = [
        ("severity", "How bad is it, 0 (none) to 10 (worst)? ", severity, None),
        ("fingers", "Which fingers? Like R1 R2 R3; R0 = whole right hand (Enter to skip): ", normalise_fingers, show_hands),
        ("minutes", "How many minutes did it last? (Enter to skip): ", minutes, None),
        ("trigger", "Type a number or your own words (Enter to skip): ", trigger, show_triggers),
        ("woke", "Did it wake you from sleep? y/n [n]: ", yes_no, None),
        ("notes", "Notes (Enter to skip): ", str, None),
    ]
    got: dict[str, Any] = {}
    i = 0
    while True:
        steps = common + (treatment_steps if got.get("kind") == "treatment" else symptom_steps)
        if i >= len(steps):
            break
        field, prompt, read, show = steps[i]
        if show is not None:
            show()
        try:
            got[field] = _ask_until(console, prompt, read)
        except _Back:
            if i == 0:
                console.print("This is the first question.", markup=False)
            i = max(0, i - 1)
            continue
        i += 1
    when: When = got["when"]
    if got["kind"] == "treatment":
        return "treatment", {"at": when.at, "kind": got["kind_of"], "detail": got["detail"], "notes": got["notes"]}, when
    return "symptom", {"at": when.at, "severity": got["severity"], "fingers": got["fingers"], "minutes": got["minutes"],
                       "trigger": got["trigger"], "woke": got["woke"], "notes": got["notes"]}, when


@click.command("log", epilog=EPILOG)
@click.option("-s", "--severity", type=int, metavar="0-10", help="How bad the numbness or tingling is: 0 none, 10 worst.")
@click.option("--hand", type=click.Choice(["left", "right", "both"]), help="Which hand (worked out from --fingers if left out).")
@click.option("--fingers", metavar="CODES", help="Numb fingers, like r1,r2,r3 (1 = thumb, 5 = little, 0 = whole hand).")
@click.option("-m", "--minutes", type=click.IntRange(min=0), help="How long it lasted, in minutes.")
@click.option("--trigger", metavar="TEXT", help="What brought it on, like typing, phone, driving, sleep.")
@click.option("--woke", is_flag=True, help="It woke you from sleep.")
@click.option("--treatment", type=click.Choice(TREATMENTS), help="Log a treatment instead of a symptom.")
@click.option("--detail", default="", metavar="TEXT", help="For a treatment: the dose, the medicine's name, which splint...")
@click.option("-n", "--notes", default="", metavar="TEXT", help="Anything else worth remembering.")
@click.option("--at", "at_text", metavar="WHEN", help="When it happened (default: now).")
@click.option("-i", "--interactive", is_flag=True, help="Ask one question at a time.")
@click.option("--json", "as_json", is_flag=True, help="Print the saved entry as JSON.")
@click.pass_context
def log_command(ctx: click.Context, severity: int | None, hand: str | None, fingers: str | None, minutes: int | None,
                trigger: str | None, woke: bool, treatment: str | None, detail: str, notes: str, at_text: str | None,
                interactive: bool, as_json: bool) -> None:
    """Add a diary entry: how the numbness is now, or a treatment you had."""
    now = now_local()
    symptom_flags = severity is not None or hand or fingers or minutes is not None or trigger or woke
    if interactive:
        if symptom_flags or treatment:
            raise DiaryBadInput("use either -i (questions) or the one-line options, not both")
        # rich is imported only to ask questions: a one-line entry prints with click (start-up time, bench/cli_speed.py)
        asking = make_console(plain_from(ctx), stderr=as_json)
        try:
            kind, fields, when = _interactive(asking, now)
        except _Stop:
            asking.print("Stopped. Nothing was saved.", markup=False)
            ctx.exit(ExitCode.INTERRUPTED)
    elif treatment is not None:
        if symptom_flags:
            raise DiaryBadInput("log a symptom or a treatment, one at a time (--treatment cannot go with --severity, --hand ...)")
        when = _when(at_text, now)
        kind, fields = "treatment", {"at": when.at, "kind": treatment, "detail": detail, "notes": notes}
    elif severity is not None:
        if detail:
            raise DiaryBadInput("--detail goes with --treatment; use --notes for a symptom")
        when = _when(at_text, now)
        kind, fields = "symptom", {"at": when.at, "severity": severity, "hand": hand, "fingers": fingers,
                                   "minutes": minutes, "trigger": trigger, "woke": woke, "notes": notes}
    elif symptom_flags:  # fingers or 'woke' without a number: never saved with a severity the person did not give
        raise DiaryBadInput("say how bad it is: add --severity 0-10 (0 none, 10 worst); nothing is assumed")
    else:
        raise DiaryBadInput("say what to log: --severity 0-10 for numbness, --treatment KIND, or -i to be asked "
                            "(see numbwise log --help)")
    with open_diary(ctx) as store:
        saved = (store.add_symptom(build_symptom(fields, now)) if kind == "symptom"
                 else store.add_treatment(build_treatment(fields, now)))
    if as_json:
        click.echo(json.dumps(entry_json(saved), indent=2))
    else:
        click.echo(f"Saved {entry_ref(saved)}: {describe(saved)}.")
    if when.note:
        click.echo(f"Note: {when.note}.", err=as_json)  # --json keeps stdout for the JSON alone
