"""`numbwise history`: list diary entries, correct them and delete them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.cli.diary_cli import (
    DiaryBadInput,
    describe,
    entry_json,
    entry_ref,
    local_time,
    now_local,
    open_diary,
    parse_ref,
)
from numbwise.cli.log_cmd import TREATMENTS, build_symptom, build_treatment

if TYPE_CHECKING:
    from numbwise.diary.entries import Symptom, TreatmentEntry

KIND_CHOICES = ("symptom", "treatment", "check", "score", "activity")

EPILOG = """\b
Examples:
  numbwise history                          everything, oldest first
  numbwise history --kind symptom --since 2026-03-01
  numbwise history --last 10 --json
  numbwise history edit S12 --severity 5 --notes "after gardening"
  numbwise history delete T3                asks first; add --yes to skip the question

Ids: S = symptom, T = treatment, C = check, Q = score, A = activity.
"""


def _day(text: str | None, end: bool = False) -> Any:
    from numbwise.diary.when import WhenError, parse_day

    if text is None:
        return None
    try:
        return parse_day(text, now_local(), end=end)
    except WhenError as exc:
        raise DiaryBadInput(str(exc)) from None


@click.group("history", invoke_without_command=True, epilog=EPILOG)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KIND_CHOICES), help="Only these kinds (repeat for more).")
@click.option("--since", metavar="DATE", help="From this day or time on (like 2026-03-01, yesterday, -7d).")
@click.option("--until", metavar="DATE", help="Up to the end of this day, or this time.")
@click.option("--last", type=click.IntRange(min=1), metavar="N", help="Only the newest N entries.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.pass_context
def history_group(ctx: click.Context, kinds: tuple[str, ...], since: str | None, until: str | None, last: int | None,
                  as_json: bool) -> None:
    """List your diary entries; correct (edit) or delete them."""
    if ctx.invoked_subcommand is not None:
        return
    since_at, until_at = _day(since), _day(until, end=True)
    if since_at is not None and until_at is not None and since_at > until_at:
        raise DiaryBadInput("--since is after --until")
    with open_diary(ctx, create=False) as store:
        entries = store.entries(list(kinds) or None, since_at, until_at)
    if last is not None:
        entries = entries[-last:]
    if as_json:
        click.echo(json.dumps([entry_json(e) for e in entries], indent=2))
        return
    if not entries:
        click.echo("No diary entries yet. Add one with: numbwise log --severity 5")
        return
    for line in history_lines(entries, _width()):
        click.echo(line)
    click.echo(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}.")


def _width() -> int | None:
    """The terminal's width when printing to one (long entries wrap under their column); None for a pipe."""
    import shutil
    import sys

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def history_lines(entries: list[Any], width: int | None) -> list[str]:
    """One aligned line per entry (id, local time, words), as the README shows; no box drawing, so rich is not needed."""
    refs = [entry_ref(e) for e in entries]
    pad = max(len(r) for r in refs)
    out: list[str] = []
    for ref, e in zip(refs, entries):
        head = f"{ref.ljust(pad)}  {local_time(e.at)}  "
        text = describe(e)
        if width is None or len(head) + len(text) <= width or width - len(head) < 20:
            out.append(head + text)
            continue
        import textwrap

        lines = textwrap.wrap(text, width - len(head)) or [""]
        out.append(head + lines[0])
        out += [" " * len(head) + more for more in lines[1:]]
    return out


@history_group.command("edit", epilog="""\b
Examples:
  numbwise history edit S12 --severity 5
  numbwise history edit S12 --fingers r1,r2 --no-woke
  numbwise history edit T3 --treatment splint_day --at "yesterday 21:00"
""")
@click.argument("ref", metavar="ID")
@click.option("-s", "--severity", type=int, metavar="0-10")
@click.option("--hand", type=click.Choice(["left", "right", "both"]))
@click.option("--fingers", metavar="CODES", help="Replaces the fingers; '' clears them.")
@click.option("-m", "--minutes", type=click.IntRange(min=0))
@click.option("--trigger", metavar="TEXT")
@click.option("--woke/--no-woke", default=None)
@click.option("--treatment", type=click.Choice(TREATMENTS))
@click.option("--detail", metavar="TEXT")
@click.option("-n", "--notes", metavar="TEXT")
@click.option("--at", "at_text", metavar="WHEN")
@click.option("--json", "as_json", is_flag=True, help="Print the corrected entry as JSON.")
@click.pass_context
def edit_command(ctx: click.Context, ref: str, severity: int | None, hand: str | None, fingers: str | None,
                 minutes: int | None, trigger: str | None, woke: bool | None, treatment: str | None, detail: str | None,
                 notes: str | None, at_text: str | None, as_json: bool) -> None:
    """Correct a symptom or treatment entry: give only what changes."""
    from numbwise.cli.log_cmd import _when

    kind, entry_id = parse_ref(ref)
    if kind not in ("symptom", "treatment"):
        raise DiaryBadInput(f"{ref.upper()} is a {kind}; only symptoms and treatments can be edited (delete it and add it again)")
    now = now_local()
    when = None if at_text is None else _when(at_text, now)
    given: dict[str, Any] = {"at": None if when is None else when.at, "notes": notes}
    if kind == "symptom":
        if treatment is not None or detail is not None:
            raise DiaryBadInput("--treatment and --detail belong to treatments; this is a symptom")
        given |= {"severity": severity, "hand": hand, "fingers": fingers, "minutes": minutes, "trigger": trigger, "woke": woke}
    else:
        if any(v is not None for v in (severity, hand, fingers, minutes, trigger, woke)):
            raise DiaryBadInput("symptom options (--severity, --hand, --fingers ...) do not apply to a treatment")
        given |= {"kind": treatment, "detail": detail}
    changes = {k: v for k, v in given.items() if v is not None}
    if not changes:
        raise DiaryBadInput("nothing to change: give the new values, like --severity 5")
    with open_diary(ctx, create=False, write=True) as store:
        old = store.get(kind, entry_id)
        fields = old.model_dump(exclude={"id", "uid"}) | changes
        if kind == "symptom":
            if "fingers" in changes and "hand" not in changes and changes["fingers"].strip():
                fields["hand"] = None  # worked out again from the new fingers (clearing them keeps the hand)
            new: Symptom | TreatmentEntry = store.update_symptom(entry_id, build_symptom(fields, now))
        else:
            new = store.update_treatment(entry_id, build_treatment(fields, now))
    if as_json:
        click.echo(json.dumps(entry_json(new), indent=2))
        return
    console = make_console(plain_from(ctx))
    console.print(f"Was: {local_time(old.at)}  {describe(old)}", markup=False)
    console.print(f"Now: {local_time(new.at)}  {describe(new)}", markup=False)
    if when is not None and when.note:
        console.print(f"Note: {when.note}.", markup=False)


@history_group.command("delete", epilog="""\b
Examples:
  numbwise history delete S12
  numbwise history delete C2 --yes
""")
@click.argument("ref", metavar="ID")
@click.option("-y", "--yes", is_flag=True, help="Do not ask first.")
@click.pass_context
def delete_command(ctx: click.Context, ref: str, yes: bool) -> None:
    """Delete one diary entry (asks first)."""
    kind, entry_id = parse_ref(ref)
    console = make_console(plain_from(ctx))
    with open_diary(ctx, create=False, write=True) as store:
        entry = store.get(kind, entry_id)
        line = f"{entry_ref(entry)}  {local_time(entry.at)}  {describe(entry)}"
        if not yes and not click.confirm(f"Delete {line}?", default=False):
            console.print("Nothing was deleted.", markup=False)
            return
        store.delete(kind, entry_id)
    console.print(f"Deleted {line}", markup=False)
