"""The reminder loop over many hours of fake time: what is prompted when, what is recorded."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from numbwise.care.remind_loop import Answer, Prompt, ReminderLoop, break_exercises
from numbwise.care.remind_settings import RemindSettings
from numbwise.kb import load
from numbwise.kb.models import Exercise

BERLIN = ZoneInfo("Europe/Berlin")


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start.astimezone(timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.now += timedelta(seconds=seconds)


class ScriptedNotifier:
    """Answers prompts from a script and notes when each came (local time)."""

    name = "scripted"

    def __init__(self, clock: FakeClock, answers: list[Answer], think_seconds: float = 0) -> None:
        self.clock, self.answers, self.think = clock, list(answers), think_seconds
        self.seen: list[tuple[str, str]] = []

    def prompt(self, prompt: Prompt) -> Answer:
        self.seen.append((self.clock().astimezone(BERLIN).strftime("%a %H:%M"), prompt.exercise_id))
        self.clock.now += timedelta(seconds=self.think)
        return self.answers.pop(0) if self.answers else "skip"


def exercises(n: int) -> dict[str, Exercise]:
    base = next(iter(break_exercises(load().exercises.exercises).values()))
    return {f"ex{i}": base for i in range(n)}


def make(start: datetime, answers: list[Answer], settings: RemindSettings | None = None, n: int = 3,
         think: float = 0) -> tuple[ReminderLoop, ScriptedNotifier, list[tuple[str, str, str, int]]]:
    clock = FakeClock(start)
    notifier = ScriptedNotifier(clock, answers, think)
    records: list[tuple[str, str, str, int]] = []
    loop = ReminderLoop(
        settings=settings or RemindSettings(), exercises=exercises(n), notifier=notifier,
        record=lambda at, eid, outcome, secs: records.append((at.astimezone(BERLIN).strftime("%a %H:%M"), eid, outcome, secs)),
        clock=clock, sleep=clock.sleep, tz=BERLIN)
    return loop, notifier, records


def test_a_working_day_of_breaks_in_fake_time() -> None:
    # Monday 1 June 2026, 08:00; every answer is "start": breaks at 09:00, then 60 min after each 90 s break
    loop, notifier, records = make(datetime(2026, 6, 1, 8, 0, tzinfo=BERLIN), ["start"] * 20)
    loop.run(max_prompts=14)
    times = [t for t, _ in notifier.seen]
    assert times[:3] == ["Mon 09:00", "Mon 10:01", "Mon 11:03"]
    assert "Mon 21:00" not in times and all(not t.startswith("Mon 22") for t in times)
    # the quiet hours (22:00-07:00) end the day; Tuesday starts one interval after 07:00
    assert times[13] == "Tue 08:00"
    assert [r[1] for r in records[:4]] == ["ex0", "ex1", "ex2", "ex0"]  # rotation
    assert all(r[2] == "done" and r[3] == 90 for r in records)


def test_snooze_then_skip() -> None:
    loop, notifier, records = make(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN), ["snooze", "snooze", "skip", "start"])
    loop.run(max_prompts=4)
    assert notifier.seen == [("Mon 10:00", "ex0"), ("Mon 10:10", "ex0"), ("Mon 10:20", "ex0"), ("Mon 11:20", "ex1")]
    assert [r[2] for r in records] == ["snoozed", "snoozed", "skipped", "done"]
    assert [r[3] for r in records] == [0, 0, 0, 90]


def test_no_answer_is_recorded_as_skipped_and_counts_from_the_prompt() -> None:
    loop, notifier, records = make(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN), [None, None], think=90)
    loop.run(max_prompts=2)
    assert [r[2] for r in records] == ["skipped", "skipped"]
    assert [t for t, _ in notifier.seen] == ["Mon 10:00", "Mon 11:01"]  # the 90 s wait, then 60 min


def test_days_off_and_settings() -> None:
    s = RemindSettings(interval_minutes=45, days=("mon", "tue", "wed", "thu", "fri"), quiet_hours="18:00-08:00")
    loop, notifier, _ = make(datetime(2026, 6, 5, 17, 0, tzinfo=BERLIN), ["start"] * 3, settings=s)  # Friday
    loop.run(max_prompts=2)
    assert [t for t, _ in notifier.seen] == ["Fri 17:45", "Mon 08:45"]


def test_a_clock_jump_after_suspend_prompts_at_once() -> None:
    loop, notifier, _ = make(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN), ["start"])
    clock = loop.clock
    assert isinstance(clock, FakeClock)
    original = clock.sleep

    def suspend(seconds: float) -> None:  # the laptop sleeps 3 hours during the first wait
        loop.sleep = original
        clock.now += timedelta(hours=3)

    loop.sleep = suspend
    loop.run(max_prompts=1)
    assert notifier.seen == [("Mon 12:00", "ex0")]


def test_status_callback_gets_each_planned_time_and_stop_is_clean() -> None:
    loop, _, records = make(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN), ["start"] * 5)
    planned: list[datetime] = []
    loop.on_next = lambda when, eid: planned.append(when)
    clock = loop.clock
    assert isinstance(clock, FakeClock)

    def sleep(seconds: float) -> None:
        clock.sleep(seconds)
        if clock.now >= datetime(2026, 6, 1, 10, 30, tzinfo=BERLIN):
            raise KeyboardInterrupt  # Ctrl+C in the middle of a wait

    loop.sleep = sleep
    with pytest.raises(KeyboardInterrupt):
        loop.run()
    assert len(records) == 1  # nothing half-recorded
    assert planned[0] == datetime(2026, 6, 1, 10, 0, tzinfo=BERLIN)


def test_only_break_friendly_exercises_are_used() -> None:
    kb = load()
    chosen = break_exercises(kb.exercises.exercises)
    assert chosen and all(ex.break_friendly for ex in chosen.values())
    assert set(chosen) <= set(kb.exercises.exercises)


def test_a_break_counts_only_when_its_timer_ran() -> None:
    loop, _, records = make(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN), ["start", "start"])
    ticks: list[int] = []

    def stop_after_30(left: int) -> bool:  # the person ends the first break after 30 s
        ticks.append(left)
        return len(records) == 0 and left <= 60

    loop.on_tick = stop_after_30
    loop.run(max_prompts=2)
    assert records[0][2:] == ("partial", 30) and records[1][2:] == ("done", 90)
    assert ticks[0] == 90 and 1 in ticks  # a countdown, second by second


def test_stopping_in_the_middle_of_a_break_keeps_what_the_timer_saw() -> None:
    loop, _, records = make(datetime(2026, 6, 1, 9, 0, tzinfo=BERLIN), ["start"])
    clock = loop.clock
    assert isinstance(clock, FakeClock)
    began: list[datetime] = []

    def tick(left: int) -> bool:
        began.append(clock.now) if not began else None
        if (clock.now - began[0]).total_seconds() >= 40:
            raise KeyboardInterrupt
        return False

    loop.on_tick = tick
    with pytest.raises(KeyboardInterrupt):
        loop.run(max_prompts=1)
    assert records == [("Mon 10:00", "ex0", "partial", 40)]
