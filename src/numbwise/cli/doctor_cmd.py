"""`numbwise doctor`: a full check of the diary file, so damage is found before it is written over."""

from __future__ import annotations

import click

from numbwise.cli.diary_cli import DiaryBadInput, DiaryProblem, db_url
from numbwise.exitcodes import ExitCode


@click.command("doctor", epilog="""\b
Examples:
  numbwise doctor
  numbwise --db ~/hands.sqlite3 doctor

Exit 0 when the diary is healthy, 1 when it is damaged (it then tells you how to rescue it).
""")
@click.pass_context
def doctor_command(ctx: click.Context) -> None:
    """Check the whole diary (SQLite's full integrity check, schema and permissions) without changing it."""
    from numbwise.diary.store import BadRequest, StoreError, open_store

    try:
        with open_store(db_url(ctx), create=False) as store:
            if store.missing:
                click.echo(f"There is no diary yet at {store.safe_url}; nothing to check.")
                return
            problems = store.integrity_check()
            counts = store.count() if not problems else None
            lines = [f"Diary: {store.safe_url} ({store.backend}, schema {store.revision()})"]
            lines += store.file_notes()
    except BadRequest as exc:  # not a diary, a missing --db file: what was named is wrong (exit 2)
        raise DiaryBadInput(str(exc)) from None
    except StoreError as exc:
        raise DiaryProblem(str(exc)) from None
    for line in lines:
        click.echo(line)
    if problems:
        click.echo("DAMAGED: SQLite's integrity check found:", err=True)
        for line in problems[:20]:
            click.echo(f"  {line}", err=True)
        click.echo("numbwise will not write to this diary. To rescue it:\n"
                   "  1. numbwise export --out rescue.json      (everything that can still be read)\n"
                   "  2. restore a backup, or move the damaged file away and run:\n"
                   "     numbwise import rescue.json", err=True)
        ctx.exit(ExitCode.PROBLEM)
    assert counts is not None
    click.echo("Integrity: ok (full check)")
    click.echo("Entries: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
