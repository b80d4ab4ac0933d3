"""Shared pieces of the diary commands: opening the store from --db, clear errors, and how entries read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import click

from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from numbwise.diary.entries import Entry
    from numbwise.diary.store import Store

PREFIX = {"symptom": "S", "treatment": "T", "check": "C", "score": "Q", "activity": "A"}
KIND_OF_PREFIX = {v: k for k, v in PREFIX.items()}


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
def open_diary(ctx: click.Context) -> Iterator[Store]:
    """The diary store for this command; store errors become clear messages with the right exit code."""
    from numbwise.diary.store import ImportRefused, NotFound, StoreError, open_store

    try:
        with open_store(db_url(ctx)) as store:
            try:
                yield store
            except click.ClickException:
                raise
            except Exception as exc:  # a database error mid-command (locked, disk full, connection lost)
                from sqlalchemy.exc import SQLAlchemyError

                if not isinstance(exc, SQLAlchemyError):
                    raise
                text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
                raise DiaryProblem(f"the diary at {store.safe_url} failed: {text[0] if text else type(exc).__name__}; "
                                   "nothing from this command was saved") from None
    except (NotFound, ImportRefused) as exc:
        raise DiaryBadInput(str(exc)) from None
    except StoreError as exc:
        raise DiaryProblem(str(exc)) from None


def entry_ref(entry: Entry) -> str:
    """The short id people type: S12 for symptom 12, T3 for treatment 3, and so on."""
    from numbwise.diary.store import kind_of

    return f"{PREFIX[kind_of(entry)]}{entry.id}"


def parse_ref(text: str) -> tuple[str, int]:
    """'S12' -> ('symptom', 12); raise DiaryBadInput for anything else."""
    t = text.strip().upper()
    if len(t) >= 2 and t[0] in KIND_OF_PREFIX and t[1:].isdigit():
        return KIND_OF_PREFIX[t[0]], int(t[1:])
    raise DiaryBadInput(f"'{text}' is not an entry id; ids look like S12 (symptom), T3 (treatment), C1 (check), Q2 (score), A5 (activity)")


def local_time(at: datetime) -> str:
    """A stored time shown in the person's own zone, to the minute."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def describe(entry: Entry) -> str:
    """One plain line saying what an entry holds."""
    from numbwise.diary.entries import TREATMENT_LABELS, CheckRecord, ScoreRecord, Symptom, TreatmentEntry

    if isinstance(entry, Symptom):
        parts = [f"numbness {entry.severity}/10"]
        if entry.hand:
            parts.append(f"{entry.hand} hand" if entry.hand != "both" else "both hands")
        if entry.fingers:
            parts.append("fingers " + " ".join(f.upper() for f in entry.fingers))
        if entry.minutes is not None:
            parts.append(f"{entry.minutes} min")
        if entry.trigger:
            parts.append(f"after {entry.trigger}")
        if entry.woke:
            parts.append("woke me")
    elif isinstance(entry, TreatmentEntry):
        parts = [TREATMENT_LABELS.get(entry.kind, entry.kind)]
        if entry.detail:
            parts.append(entry.detail)
    elif isinstance(entry, CheckRecord):
        causes = entry.result.get("causes") or []
        top = causes[0]["id"] if causes else "no clear cause"
        parts = [f"symptom check: {entry.result.get('triage', '?')}", f"top cause {top}"]
    elif isinstance(entry, ScoreRecord):
        shown = ", ".join(f"{k} {v}" for k, v in entry.values.items() if v is not None)
        parts = [f"{entry.instrument} score", shown or "no values"]
    else:
        parts = [f"{entry.kind} {entry.name}", entry.outcome, f"{entry.seconds} s"]
    notes = getattr(entry, "notes", "")
    if notes:
        parts.append(f'"{notes}"')
    return ", ".join(parts)


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry for --json output: its short id, its type (symptom, treatment ...) and its fields."""
    from numbwise.diary.store import kind_of

    return {"ref": entry_ref(entry), "type": kind_of(entry)} | entry.model_dump(mode="json")
