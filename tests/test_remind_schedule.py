"""The break schedule with a fake clock: intervals, quiet hours across midnight, days off, snooze, rotation."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings as hsettings, strategies as st

from numbwise.care import schedule
from numbwise.care.remind_settings import RemindSettings

BERLIN = ZoneInfo("Europe/Berlin")  # a real zone; June dates below are far from any DST change
UTC = timezone.utc


def at(day: int, hour: int, minute: int = 0, tz: ZoneInfo = BERLIN) -> datetime:
    """A local time in June 2026 (1 June 2026 is a Monday)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=tz)


def local(moment: datetime) -> tuple[int, int, int]:
    m = moment.astimezone(BERLIN)
    return m.day, m.hour, m.minute


def test_first_break_one_interval_after_start() -> None:
    s = RemindSettings()
    assert schedule.next_break(at(1, 9), at(1, 9), s, BERLIN) == at(1, 10).astimezone(UTC)


def test_interval_setting_is_used() -> None:
    s = RemindSettings(interval_minutes=45)
    assert local(schedule.next_break(at(1, 9), at(1, 9), s, BERLIN)) == (1, 9, 45)


def test_result_is_utc_and_never_before_now() -> None:
    s = RemindSettings()
    got = schedule.next_break(at(1, 12), at(1, 9), s, BERLIN)  # overdue (laptop was asleep)
    assert got == at(1, 12) and got.tzinfo == UTC


def test_break_that_would_fall_in_quiet_hours_moves_to_one_interval_after_they_end() -> None:
    s = RemindSettings(quiet_hours="22:00-07:00")
    # last break 21:30 -> due 22:30, inside quiet hours that wrap midnight -> 07:00 + 60 min next day
    assert local(schedule.next_break(at(1, 21, 30), at(1, 21, 30), s, BERLIN)) == (2, 8, 0)


def test_due_exactly_at_quiet_start_counts_as_quiet() -> None:
    s = RemindSettings(quiet_hours="22:00-07:00")
    assert local(schedule.next_break(at(1, 21), at(1, 21), s, BERLIN)) == (2, 8, 0)


def test_started_inside_quiet_hours_after_midnight() -> None:
    s = RemindSettings(quiet_hours="22:00-07:00")
    assert local(schedule.next_break(at(2, 2, 15), at(2, 2, 15), s, BERLIN)) == (2, 8, 0)


def test_quiet_window_within_one_day() -> None:
    s = RemindSettings(quiet_hours="12:00-13:00")
    assert local(schedule.next_break(at(1, 11, 30), at(1, 11, 30), s, BERLIN)) == (1, 14, 0)
    assert local(schedule.next_break(at(1, 10), at(1, 10), s, BERLIN)) == (1, 11, 0)


def test_quiet_off_means_breaks_all_night() -> None:
    s = RemindSettings(quiet_hours=None)
    assert local(schedule.next_break(at(1, 23, 30), at(1, 23, 30), s, BERLIN)) == (2, 0, 30)


def test_days_off_are_skipped() -> None:
    s = RemindSettings(days=("mon", "tue", "wed", "thu", "fri"), quiet_hours="18:00-08:00")
    # Friday 5 June 17:30 -> due 18:30 is quiet; Sat and Sun are off; Monday 8 June 08:00 + 60 min
    assert local(schedule.next_break(at(5, 17, 30), at(5, 17, 30), s, BERLIN)) == (8, 9, 0)


def test_a_single_active_day_a_week_later() -> None:
    s = RemindSettings(days=("wed",), quiet_hours=None)
    # Wednesday 3 June 23:30 -> midnight starts Thursday (off) ... next Wednesday 10 June 00:00 + 60 min
    assert local(schedule.next_break(at(3, 23, 30), at(3, 23, 30), s, BERLIN)) == (10, 1, 0)


def test_snooze_replaces_the_interval() -> None:
    s = RemindSettings(snooze_minutes=10)
    prompt = at(1, 10)
    until = schedule.snooze_until(prompt, s)
    assert local(schedule.next_break(prompt, at(1, 9), s, BERLIN, snoozed_until=until)) == (1, 10, 10)


def test_snooze_into_quiet_hours_waits_for_the_morning() -> None:
    s = RemindSettings(snooze_minutes=10, quiet_hours="22:00-07:00")
    prompt = at(1, 21, 55)
    until = schedule.snooze_until(prompt, s)
    assert local(schedule.next_break(prompt, at(1, 20, 55), s, BERLIN, snoozed_until=until)) == (2, 8, 0)


def test_resting_reports_the_window() -> None:
    s = RemindSettings(quiet_hours="22:00-07:00")
    rest = schedule.resting(at(1, 23), s, BERLIN)
    assert rest is not None and local(rest.start) == (1, 22, 0) and local(rest.end) == (2, 7, 0)
    assert schedule.resting(at(1, 12), s, BERLIN) is None


def test_interval_is_real_time_across_a_dst_change() -> None:
    """On 29 March 2026 Berlin clocks jump from 02:00 to 03:00: 60 minutes stay 60 real minutes."""
    s = RemindSettings(quiet_hours=None)
    start = datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN)
    got = schedule.next_break(start, start, s, BERLIN)
    assert got - start.astimezone(UTC) == timedelta(minutes=60)
    assert got.astimezone(BERLIN).hour == 3  # 01:30 + 1 real hour = 03:30 local


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        schedule.next_break(datetime(2026, 6, 1, 9), datetime(2026, 6, 1, 9), RemindSettings(), BERLIN)


def test_rotation_is_deterministic_and_covers_all() -> None:
    ids = ["shake", "fist", "stretch"]
    picks = [schedule.suggest(ids, n) for n in range(6)]
    assert picks == ["fist", "shake", "stretch", "fist", "shake", "stretch"]
    assert schedule.suggest(list(reversed(ids)), 1) == "shake"
    with pytest.raises(ValueError):
        schedule.suggest([], 0)


def test_rest_free_stretch_of_exactly_one_interval_is_refused() -> None:
    """Found by the property under CI=1: 00:00-00:05 free once a week, interval 5 -> due 00:05 is quiet."""
    with pytest.raises(ValueError, match="no break would ever come"):
        RemindSettings(quiet_hours="00:05-00:00", days=("mon",), interval_minutes=5)


def test_one_minute_more_than_an_interval_holds_the_break() -> None:
    s = RemindSettings(quiet_hours="00:06-00:00", days=("mon",), interval_minutes=5)
    now = datetime(2026, 1, 5, tzinfo=UTC)  # Monday 01:00 in Berlin, already quiet
    got = schedule.next_break(now, now, s, BERLIN)
    assert got == datetime(2026, 1, 12, 0, 5, tzinfo=BERLIN)  # next Monday, 5 minutes after the rest ends
    assert schedule.resting(got, s, BERLIN) is None


quiet_text = st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23), st.integers(0, 59)).filter(
    lambda t: (t[0], t[1]) != (t[2], t[3])).map(lambda t: f"{t[0]:02d}:{t[1]:02d}-{t[2]:02d}:{t[3]:02d}")
days = st.sets(st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), min_size=1).map(tuple)


@hsettings(max_examples=150, deadline=None)
@given(quiet=st.none() | quiet_text, days=days, interval=st.integers(5, 480),
       offset=st.integers(0, 14 * 24 * 60), zone=st.sampled_from(["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"]))
def test_next_break_is_never_in_a_rest_and_never_early(quiet: str | None, days: tuple[str, ...], interval: int,
                                                       offset: int, zone: str) -> None:
    tz = ZoneInfo(zone)
    try:
        s = RemindSettings(quiet_hours=quiet, days=days, interval_minutes=interval)
    except ValueError:  # no room for a break: the settings model refuses it (tested in test_remind_settings)
        assume(False)
        return
    now = datetime(2026, 1, 5, tzinfo=UTC) + timedelta(minutes=offset)
    got = schedule.next_break(now, now, s, tz)
    assert got >= now + timedelta(minutes=interval)
    assert schedule.resting(got, s, tz) is None
    local_day = got.astimezone(tz).weekday()
    assert ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][local_day] in days


def test_default_interval_and_break_follow_the_sourced_hourly_hand_shake() -> None:
    """The reminder's defaults are the knowledge base's hourly shake-out (seed article), not numbers of its own."""
    from numbwise.care.remind_settings import RemindSettings
    from numbwise.kb import load

    timed = [e for e in load().exercises.exercises.values() if e.break_friendly and e.every_minutes]
    assert timed, "the library should hold a sourced hourly break exercise"
    defaults = RemindSettings()
    assert defaults.interval_minutes in {e.every_minutes for e in timed}
    assert all(defaults.break_seconds >= (e.duration_seconds or 0) for e in timed)
