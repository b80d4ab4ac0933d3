"""Shared pieces of the diary commands: opening the store from --db, clear errors, and how entries read."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import click

from numbwise.diary.fields import KIND_OF_PREFIX as KIND_OF_PREFIX  # the rules are shared with the web face
from numbwise.diary.fields import PREFIX as PREFIX
from numbwise.diary.fields import describe as describe
from numbwise.diary.fields import entry_json as entry_json
from numbwise.diary.fields import entry_ref as entry_ref
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from numbwise.diary.store import Store


class DiaryProblem(click.ClickException):
    """The diary could not be opened or written (exit 1)."""

    exit_code = ExitCode.PROBLEM


class DiaryBadInput(click.ClickException):
    """What was typed cannot be used; nothing was written (exit 2)."""

    exit_code = ExitCode.BAD_INPUT


def now_local() -> datetime:
    """The current time in the person's own zone."""
    return datetime.now(timezone.utc).astimezone()


def db_url(ctx: click.Context) -> str | None:
    """The --db URL given to `numbwise` (or NUMBWISE_DB), if any."""
    root = ctx.find_root()
    value = root.obj.get("db") if root.obj else None
    return str(value) if value else None


@contextmanager
def open_diary(ctx: click.Context, *, create: bool = True, write: bool | None = None) -> Iterator[Store]:
    """The diary store for this command; store errors become clear messages with the right exit code.

    Commands that only read pass create=False: a --db file that is not there is refused rather than made, and
    nothing is written; corrections pass create=False, write=True.
    """
    from numbwise.diary.store import BadRequest, StoreError, open_store

    try:
        with open_store(db_url(ctx), create=create, write=write) as store:
            if store.damaged:  # readable for rescue, never written (the store refuses writes)
                click.echo(f"Warning: the diary at {store.safe_url} is damaged; what it shows may be incomplete. "
                           "Save it with `numbwise export --out rescue.json` and see `numbwise doctor`.", err=True)
            try:
                yield store
            except click.ClickException:
                raise
            except Exception as exc:  # a database error mid-command (locked, disk full, connection lost)
                import sqlite3

                sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")  # not loaded means it cannot be its error
                if not (isinstance(exc, sqlite3.Error)
                        or (sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.SQLAlchemyError))):
                    raise
                text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
                raise DiaryProblem(f"the diary at {store.safe_url} failed: {text[0] if text else type(exc).__name__}; "
                                   "nothing from this command was saved") from None
    except BadRequest as exc:  # an import refused whole lists every problem with where it is
        raise DiaryBadInput("\n".join([str(exc)] + [f"  {p}" for p in getattr(exc, "problems", [])])) from None
    except StoreError as exc:
        raise DiaryProblem(str(exc)) from None


def parse_ref(text: str) -> tuple[str, int]:
    """'S12' -> ('symptom', 12); raise DiaryBadInput for anything else."""
    from numbwise.diary.fields import EntryProblem, parse_ref as parse

    try:
        return parse(text)
    except EntryProblem as exc:
        raise DiaryBadInput(str(exc)) from None


def local_time(at: datetime) -> str:
    """A stored time shown in the person's own zone, to the minute, in the one date style (numbwise.dates)."""
    from numbwise.dates import moment

    return moment(at)
