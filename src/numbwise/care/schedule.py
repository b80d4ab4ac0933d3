"""When the next hand break is due and which exercise to suggest: pure functions of time and settings.

Rules (docs/reminders.md explains them to people):
- A break is due `interval` minutes after the last break, skip or start; a snooze makes it due
  `snooze` minutes after the snooze instead.
- Quiet hours and days off are rest: no prompt falls inside them, and the count starts again
  when they end (a night away from the desk is a long break), so the first prompt of the day comes
  one interval after the quiet hours end.
- All arithmetic is done in UTC and only the quiet-hour and day checks use local wall time, so a
  daylight-saving change never shifts the interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from numbwise.care.remind_settings import RemindSettings

UTC = timezone.utc
_LOOKAHEAD_DAYS = 9  # covers six days off in a row plus a quiet window


@dataclass(frozen=True)
class Rest:
    """A stretch of time with no prompts (UTC, start inclusive, end exclusive)."""

    start: datetime
    end: datetime


def _utc(moment: datetime) -> datetime:
    """Refuse naive times (they hide time-zone bugs) and work in UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC)


def rests(around: datetime, settings: RemindSettings, tz: tzinfo) -> list[Rest]:
    """The merged quiet windows and days off from the day before `around` to a week and more after."""
    local_day = _utc(around).astimezone(tz).date()
    weekdays = settings.weekdays()
    quiet = settings.quiet()
    raw: list[tuple[datetime, datetime]] = []
    for offset in range(-1, _LOOKAHEAD_DAYS):
        day = local_day + timedelta(days=offset)
        if day.weekday() not in weekdays:
            raw.append((_wall(day, 0, 0, tz), _wall(day + timedelta(days=1), 0, 0, tz)))
        if quiet is not None:
            start, end = quiet
            end_day = day + timedelta(days=1) if end <= start else day
            raw.append((_wall(day, start.hour, start.minute, tz), _wall(end_day, end.hour, end.minute, tz)))
    raw.sort()
    merged: list[Rest] = []
    for begin, finish in raw:
        if merged and begin <= merged[-1].end:
            if finish > merged[-1].end:
                merged[-1] = Rest(merged[-1].start, finish)
        else:
            merged.append(Rest(begin, finish))
    return merged


def _wall(day: date, hour: int, minute: int, tz: tzinfo) -> datetime:
    """A local wall-clock time on a day, as UTC."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(UTC)


def resting(moment: datetime, settings: RemindSettings, tz: tzinfo) -> Rest | None:
    """The quiet window or day off `moment` falls in, if any."""
    now = _utc(moment)
    for rest in rests(now, settings, tz):
        if rest.start <= now < rest.end:
            return rest
    return None


def next_break(
    now: datetime,
    last: datetime,
    settings: RemindSettings,
    tz: tzinfo,
    snoozed_until: datetime | None = None,
) -> datetime:
    """The next prompt time (UTC), at or after `now`.

    `last` is when the count started (the last break, skip, or the reminder's start);
    `snoozed_until`, when set, replaces `last + interval`.
    """
    now_u, start = _utc(now), _utc(last)
    interval = timedelta(minutes=settings.interval_minutes)
    due = _utc(snoozed_until) if snoozed_until is not None else start + interval
    for _ in range(1000):  # each pass jumps past one rest, so this always ends far sooner
        due = max(due, now_u)
        hit = _first_rest_touching(start, due, settings, tz)
        if hit is None:
            return due
        start = hit.end  # rest resets the count
        due = start + interval
    raise RuntimeError("no time for a break found")  # pragma: no cover - settings forbid this


def _first_rest_touching(start: datetime, due: datetime, settings: RemindSettings, tz: tzinfo) -> Rest | None:
    """The first rest that overlaps (start, due], i.e. one the count would run into."""
    for rest in rests(start, settings, tz):
        if rest.start <= due and rest.end > start:
            return rest
    # the lookahead window ends before due: look again from further on
    if due - start > timedelta(days=_LOOKAHEAD_DAYS - 2):
        return _first_rest_touching(start + timedelta(days=_LOOKAHEAD_DAYS - 2), due, settings, tz)
    return None


def snooze_until(at: datetime, settings: RemindSettings) -> datetime:
    """When a snoozed break comes back."""
    return _utc(at) + timedelta(minutes=settings.snooze_minutes)


def suggest(exercise_ids: Sequence[str], prompts_so_far: int) -> str:
    """Rotate through the break-friendly exercises in a fixed (sorted) order, one per prompt."""
    if not exercise_ids:
        raise ValueError("no break-friendly exercise in the knowledge base")
    ordered = sorted(exercise_ids)
    return ordered[prompts_so_far % len(ordered)]
