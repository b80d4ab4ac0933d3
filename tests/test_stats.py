"""Adherence statistics: active days, streaks, per-week tallies, with a fixed 'today' and time zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from numbwise.care.stats import compute, streaks

UTC = dt.timezone.utc
TODAY = dt.date(2026, 11, 25)  # a Wednesday, ISO week 2026-W48


@dataclass(frozen=True)
class A:
    at: dt.datetime
    kind: str
    outcome: str
    seconds: int = 60
    name: str = "desk_break"


def on(day: dt.date, kind: str = "session", outcome: str = "done", hour: int = 12) -> A:
    return A(dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC), kind, outcome)


def d(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def test_streaks_current_and_longest() -> None:
    days = {d(0), d(1), d(2), d(5), d(6), d(7), d(8)}
    assert streaks(days, TODAY) == (3, 4)
    assert streaks({d(1), d(2)}, TODAY) == (2, 2)  # yesterday still counts as the current run
    assert streaks({d(2), d(3)}, TODAY) == (0, 2)
    assert streaks(set(), TODAY) == (0, 0)


def test_only_taken_counts_as_active_and_weeks_are_iso() -> None:
    acts = [on(d(0)), on(d(0), "break", "skipped"), on(d(1), "break", "snoozed"), on(d(2), "break", "partial"),
            on(d(9), "session", "skipped"), on(d(9), "break", "done"), on(d(60)), on(TODAY + dt.timedelta(days=1))]
    s = compute(acts, TODAY, weeks=3, tz=UTC)
    assert s.total_active_days == 4  # d0, d2, d9, d60 (the future one is left out)
    assert (s.current_streak, s.longest_streak, s.last_active) == (1, 1, TODAY)
    assert [w.label for w in s.weeks] == ["2026-W46", "2026-W47", "2026-W48"]
    w46, w47, w48 = s.weeks
    # W48 runs Mon 23rd to Sun 29th: a partial break (23rd), a snoozed one (24th), a done session and a skipped break (25th)
    assert (w48.sessions.done, w48.breaks.taken, w48.breaks.snoozed, w48.breaks.skipped, w48.active_days) == (1, 1, 1, 1, 2)
    assert (w47.sessions.skipped, w47.breaks.taken, w47.active_days) == (1, 1, 1)  # Mon 16th
    assert (w46.sessions, w46.breaks, w46.active_days) == (w46.sessions.__class__(), w46.breaks.__class__(), 0)
    assert s.sessions.done == 2 and s.sessions.skipped == 1 and s.breaks.skipped == 1


def test_local_time_zone_decides_the_day() -> None:
    late = A(dt.datetime(2026, 11, 24, 23, 30, tzinfo=UTC), "session", "done")
    assert compute([late], TODAY, tz=UTC).last_active == d(1)
    assert compute([late], TODAY, tz=dt.timezone(dt.timedelta(hours=2))).last_active == TODAY


def test_json_shape() -> None:
    s = compute([on(d(0))], TODAY, weeks=1, tz=UTC).as_dict()
    assert s["today"] == "2026-11-25" and s["current_streak"] == 1
    assert s["weeks"] == [{"label": "2026-W48", "monday": "2026-11-23", "active_days": 1,
                           "sessions": {"done": 1, "partly": 0, "skipped": 0, "seconds": 60},
                           "breaks": {"taken": 0, "snoozed": 0, "skipped": 0, "seconds": 0}}]


def test_a_partial_session_is_partly_not_taken_and_sessions_have_no_snoozed() -> None:
    s = compute([on(d(0), "session", "partial"), on(d(0)), on(d(1), "break", "snoozed")], TODAY, weeks=1, tz=UTC)
    assert (s.sessions.done, s.sessions.partly, s.sessions.skipped) == (1, 1, 0)
    assert not hasattr(s.sessions, "snoozed") and not hasattr(s.sessions, "taken")
    assert (s.breaks.taken, s.breaks.snoozed) == (0, 1)
    assert set(s.as_dict()["sessions"]) == {"done", "partly", "skipped", "seconds"}  # type: ignore[arg-type]


def test_stats_command_names_session_and_break_outcomes(tmp_path: object) -> None:
    from numbwise.diary.store import open_store
    from tests.conftest import run_cli

    with open_store() as store:
        store.add_activity(dt.datetime(2026, 11, 24, 9, tzinfo=UTC), "session", "glides", "partial", 30)
        store.add_activity(dt.datetime(2026, 11, 24, 10, tzinfo=UTC), "break", "stretch", "snoozed", 0)
    r = run_cli("--plain", "stats", "--today", "2026-11-25", "--weeks", "1")
    assert r.code == 0, r.err
    assert "Sessions: 0 done, 1 partly, 0 skipped" in r.out and "Breaks: 0 taken, 1 snoozed, 0 skipped" in r.out
    r = run_cli("stats", "--today", "2026-11-25", "--weeks", "1")
    assert "done" in r.out and "partly" in r.out and "snoozed" in r.out
