"""Break outcomes in the diary: the one seam between the reminder and the diary store."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta, timezone, tzinfo

from numbwise.care.remind_loop import Outcome

OUTCOME_NAMES = ("done", "partial", "snoozed", "skipped")


def record_break(db_url: str | None, at: datetime, exercise_id: str, outcome: Outcome, seconds: int) -> None:
    """Save one break answer (opening the store each time, so a reminder never holds the database for hours)."""
    from numbwise.diary.store import open_store

    with open_store(db_url) as store:
        store.add_activity(at, "break", exercise_id, outcome, seconds)


def day_start(now: datetime, tz: tzinfo) -> datetime:
    """Local midnight of `now`'s day, as UTC."""
    local = now.astimezone(tz)
    return datetime.combine(local.date(), time(0), tzinfo=tz).astimezone(timezone.utc)


def today_counts(db_url: str | None, now: datetime, tz: tzinfo) -> dict[str, int]:
    """Today's breaks taken in full, cut short, snoozed and skipped."""
    from numbwise.diary.store import open_store

    since = day_start(now, tz)
    with open_store(db_url) as store:
        rows = store.activities(since=since, until=since + timedelta(days=1), kind="break")
    end = since + timedelta(days=1)  # `until` is inclusive: leave out a break at exactly next midnight
    counts: Counter[str] = Counter(str(a.outcome) for a in rows if a.at < end)
    return {name: counts.get(name, 0) for name in OUTCOME_NAMES}


def breaks_so_far(db_url: str | None) -> int:
    """How many breaks were prompted and answered (not snoozed): where the exercise rotation goes on."""
    from numbwise.diary.store import open_store

    with open_store(db_url) as store:
        return sum(1 for a in store.activities(kind="break") if a.outcome != "snoozed")
