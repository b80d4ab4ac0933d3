"""Read the times people type for diary entries ("now", "08:30", "yesterday 22:00", "-2h", ISO dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

EXAMPLES = "now, 08:30, yesterday 22:00, -2h, -30m, 2026-03-01 or 2026-03-01T08:30"
FUTURE_MARGIN = timedelta(minutes=5)  # clocks disagree a little; later than this past now is a mistake
BARE_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class WhenError(ValueError):
    """The time cannot be read; the message gives examples that work."""


def _zone(now: datetime) -> tzinfo:
    zone = now.tzinfo
    if zone is None:
        raise ValueError("now must be timezone-aware")
    return zone


def parse_when(text: str, now: datetime) -> datetime:
    """A typed time as an aware datetime; times without a zone are in now's zone (the person's local time)."""
    t = text.strip().lower()
    zone = _zone(now)
    if t in ("", "now"):
        return now
    m = re.fullmatch(r"-\s*(\d+)\s*(m|min|h|d)", t)
    if m:
        n = int(m.group(1))
        unit = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days"}[m.group(2)]
        return now - timedelta(**{unit: n})
    m = re.fullmatch(r"(?:(today|yesterday)\s*)?(\d{1,2}):(\d{2})", t)
    if m:
        day = now.date() - timedelta(days=1 if m.group(1) == "yesterday" else 0)
        hour, minute = int(m.group(2)), int(m.group(3))
        if hour > 23 or minute > 59:
            raise WhenError(f"'{text}' is not a time of day; try {EXAMPLES}")
        return datetime.combine(day, time(hour, minute), zone)
    if t in ("today", "yesterday"):
        return datetime.combine(now.date() - timedelta(days=1 if t == "yesterday" else 0), time(0), zone)
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise WhenError(f"cannot read the time '{text}'; try {EXAMPLES}") from None
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def parse_day(text: str, now: datetime, *, end: bool = False) -> datetime:
    """A date for filters: a bare date means the start of that day (or its end, for an upper limit)."""
    t = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t) or t.lower() in ("today", "yesterday"):
        if t.lower() in ("today", "yesterday"):
            d = now.date() - timedelta(days=1 if t.lower() == "yesterday" else 0)
        else:
            try:
                d = date.fromisoformat(t)
            except ValueError:
                raise WhenError(f"'{text}' is not a date; use YYYY-MM-DD") from None
        start = datetime.combine(d, time(0), _zone(now))
        return start + timedelta(days=1, microseconds=-1) if end else start
    return parse_when(text, now)


@dataclass(frozen=True)
class When:
    """A diary entry's time; `note` says how a bare time of day was read when that was not today (else '')."""

    at: datetime
    note: str = ""


def read_when(text: str, now: datetime) -> When:
    """The time of a diary entry: a bare HH:MM later than now is yesterday's; any other time later than now is refused."""
    at = parse_when(text, now)
    if BARE_TIME.fullmatch(text.strip()) and at > now + FUTURE_MARGIN:
        at -= timedelta(days=1)
        return When(at, f"{text.strip()} is later than now, so it was taken as yesterday, {at.strftime('%Y-%m-%d %H:%M')}")
    if at > now + FUTURE_MARGIN:
        raise WhenError(f"'{text.strip()}' ({at.astimezone(now.tzinfo).strftime('%Y-%m-%d %H:%M')}) is in the future; "
                        f"a diary entry is for something that has happened (it is now {now.strftime('%Y-%m-%d %H:%M')})")
    return When(at)
