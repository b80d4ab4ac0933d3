"""Dates and times as people read them, one style for the terminal, the web pages and the PDF ("Thu 3 Dec 2026, 03:45")."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NBSP = "\u00a0"


def _local(at: dt.datetime) -> dt.datetime:
    """Aware times in the person's own zone; naive times as given."""
    return at.astimezone() if at.tzinfo else at


def short_day(d: dt.date) -> str:
    """'3 Dec': inside a table or chart whose period already names the year (English month names, any locale)."""
    return f"{d.day} {_MONTHS[d.month - 1]}"


def day(d: dt.date) -> str:
    """'3 Dec 2026'."""
    return f"{short_day(d)} {d.year}"


def weekday_day(d: dt.date, *, year: bool = True) -> str:
    """'Thu 3 Dec 2026' (or 'Thu 3 Dec'): a diary day."""
    return f"{_WEEKDAYS[d.weekday()]} {day(d) if year else short_day(d)}"


def clock(at: dt.datetime | dt.time) -> str:
    """'03:45', 24-hour, in the person's zone."""
    t = _local(at).time() if isinstance(at, dt.datetime) else at
    return f"{t.hour:02d}:{t.minute:02d}"


def moment(at: dt.datetime, *, year: bool = True) -> str:
    """'Thu 3 Dec 2026, 03:45': when something was logged, in the person's zone."""
    local = _local(at)
    return f"{weekday_day(local.date(), year=year)}, {clock(local)}"


def day_of(at: dt.datetime) -> str:
    """'3 Dec 2026': the day something was logged, in the person's zone."""
    return day(_local(at).date())


def unbroken(words: str) -> str:
    """The same words joined by no-break spaces, so a date never wraps as '3 / Dec'."""
    return words.replace(" ", NBSP)
