"""Adherence from recorded sessions and breaks: active days, streaks, and the outcomes per week.

Sessions end done, partial or skipped (counted as done / partly / skipped); breaks end done, snoozed or
skipped (counted as taken / snoozed / skipped). Each kind keeps its own counts, so a partial session is
never shown as taken and sessions never show a snoozed count they cannot have.

Pure functions over activity records (anything with at, kind, name, outcome, seconds); "today" and
the time zone are parameters, so tests pick them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol

TAKEN = frozenset({"done", "partial"})
KINDS = ("session", "break")


class ActivityLike(Protocol):
    """The fields of a stored activity that the statistics read."""

    @property
    def at(self) -> dt.datetime: ...
    @property
    def kind(self) -> str: ...
    @property
    def outcome(self) -> str: ...
    @property
    def seconds(self) -> int: ...


@dataclass(frozen=True)
class SessionTally:
    """Exercise sessions: done in full, partly done, skipped, and the active seconds of the first two."""

    done: int = 0
    partly: int = 0
    skipped: int = 0
    seconds: int = 0


@dataclass(frozen=True)
class BreakTally:
    """Hand breaks: taken (done, or partly), snoozed, skipped, and the seconds of those taken."""

    taken: int = 0
    snoozed: int = 0
    skipped: int = 0
    seconds: int = 0


@dataclass(frozen=True)
class Week:
    """One ISO week: its Monday, its label (2026-W47), and the counts for sessions and breaks."""

    label: str
    monday: dt.date
    sessions: SessionTally
    breaks: BreakTally
    active_days: int


@dataclass(frozen=True)
class Stats:
    """Everything `numbwise stats` shows."""

    today: dt.date
    total_active_days: int
    current_streak: int
    longest_streak: int
    last_active: dt.date | None
    sessions: SessionTally
    breaks: BreakTally
    weeks: list[Week] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready data (dates as ISO strings)."""
        def fix(v: object) -> object:
            if isinstance(v, dt.date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: fix(x) for k, x in v.items()}
            if isinstance(v, list):
                return [fix(x) for x in v]
            return v

        out = fix(asdict(self))
        assert isinstance(out, dict)
        return out


def local_day(at: dt.datetime, tz: dt.tzinfo | None) -> dt.date:
    """The calendar day a moment falls on where the person is (tz None: this machine's zone)."""
    return at.astimezone(tz).date()


def active_days(activities: Iterable[ActivityLike], tz: dt.tzinfo | None = None) -> set[dt.date]:
    """Days with at least one session or break taken (done or partly done)."""
    return {local_day(a.at, tz) for a in activities if a.outcome in TAKEN}


def streaks(days: set[dt.date], today: dt.date) -> tuple[int, int]:
    """(current, longest) runs of consecutive active days; the current run may end today or yesterday."""
    longest = run = 0
    prev: dt.date | None = None
    for d in sorted(days):
        run = run + 1 if prev is not None and d - prev == dt.timedelta(days=1) else 1
        longest = max(longest, run)
        prev = d
    current = 0
    d = today if today in days else today - dt.timedelta(days=1)
    while d in days:
        current += 1
        d -= dt.timedelta(days=1)
    return current, longest


def _sessions(items: Sequence[ActivityLike]) -> SessionTally:
    mine = [a for a in items if a.kind == "session"]
    return SessionTally(
        done=sum(1 for a in mine if a.outcome == "done"),
        partly=sum(1 for a in mine if a.outcome == "partial"),
        skipped=sum(1 for a in mine if a.outcome == "skipped"),
        seconds=sum(a.seconds for a in mine if a.outcome in TAKEN),
    )


def _breaks(items: Sequence[ActivityLike]) -> BreakTally:
    mine = [a for a in items if a.kind == "break"]
    return BreakTally(
        taken=sum(1 for a in mine if a.outcome in TAKEN),
        snoozed=sum(1 for a in mine if a.outcome == "snoozed"),
        skipped=sum(1 for a in mine if a.outcome == "skipped"),
        seconds=sum(a.seconds for a in mine if a.outcome in TAKEN),
    )


def monday_of(day: dt.date) -> dt.date:
    """The Monday that starts the ISO week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def week_label(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def compute(activities: Iterable[ActivityLike], today: dt.date, weeks: int = 8, tz: dt.tzinfo | None = None) -> Stats:
    """Statistics up to and including `today`: totals over all time, and the last `weeks` ISO weeks (this one last)."""
    items = [a for a in activities if local_day(a.at, tz) <= today]
    days = active_days(items, tz)
    current, longest = streaks(days, today)
    this_monday = monday_of(today)
    out_weeks: list[Week] = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - dt.timedelta(weeks=back)
        inside = [a for a in items if monday_of(local_day(a.at, tz)) == monday]
        out_weeks.append(Week(
            label=week_label(monday),
            monday=monday,
            sessions=_sessions(inside),
            breaks=_breaks(inside),
            active_days=sum(1 for d in days if monday_of(d) == monday),
        ))
    return Stats(
        today=today,
        total_active_days=len(days),
        current_streak=current,
        longest_streak=longest,
        last_active=max(days) if days else None,
        sessions=_sessions(items),
        breaks=_breaks(items),
        weeks=out_weeks,
    )
