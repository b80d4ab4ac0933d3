"""The reminder loop: wait for the next break, prompt, record the answer; clock, sleep and notifier injected.

What an answer means (docs/reminders.md says the same to people):
- "start"  -> the break's timer runs (on the injected clock); recorded when it ends: done when it ran the
  whole break length, partial with the seconds it ran when stopped early, so a break counts as taken
  only when its timer ran; the next break counts from the break's end.
- "snooze" -> recorded as snoozed; the same exercise comes back after the snooze minutes.
- "skip", closing the notification, or no answer within the break window -> recorded as skipped;
  the next break counts from the prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Literal, Protocol

from numbwise.care import schedule
from numbwise.care.remind_settings import RemindSettings
from numbwise.kb.models import Exercise

Answer = Literal["start", "snooze", "skip"] | None
Outcome = Literal["done", "partial", "snoozed", "skipped"]
OUTCOMES: dict[str | None, Outcome] = {"start": "done", "snooze": "snoozed", "skip": "skipped", None: "skipped"}
CHUNK_SECONDS = 60.0  # wake at least once a minute, so a suspended laptop's clock jump is noticed
ACTIONS = {"start": "Start break", "snooze": "Snooze", "skip": "Skip"}


@dataclass(frozen=True)
class Prompt:
    """What a notifier shows: one exercise, how long to wait for an answer."""

    exercise_id: str
    title: str
    body: str
    timeout_seconds: int


class NotifyFailed(Exception):
    """This way of notifying did not reach the person (no bus, no notification server...)."""


class Notifier(Protocol):
    """Shows a prompt and waits (up to its timeout) for the person's answer."""

    name: str

    def prompt(self, prompt: Prompt) -> Answer: ...


class Recorder(Protocol):
    """Saves one break outcome (the diary store in real runs)."""

    def __call__(self, at: datetime, exercise_id: str, outcome: Outcome, seconds: int) -> None: ...


def break_exercises(exercises: Mapping[str, Exercise]) -> dict[str, Exercise]:
    """The exercises fit for an hourly break (short, nothing needed)."""
    return {eid: ex for eid, ex in exercises.items() if ex.break_friendly}


def prompt_for(exercise_id: str, exercise: Exercise, settings: RemindSettings) -> Prompt:
    """The notification text: the exercise name and a one-line start, all from the knowledge base."""
    first = exercise.steps[0].say.rstrip(".")
    return Prompt(
        exercise_id=exercise_id,
        title=f"Hand break: {exercise.name}",
        body=f"{exercise.summary} Start: {first}.",
        timeout_seconds=settings.break_seconds,
    )


@dataclass
class LoopState:
    """Where the schedule stands (kept in memory; the diary keeps the history)."""

    last: datetime
    snoozed_until: datetime | None = None
    snoozed_exercise: str | None = None
    prompts: int = 0


@dataclass
class ReminderLoop:
    """Runs the break schedule with everything from the outside world passed in."""

    settings: RemindSettings
    exercises: Mapping[str, Exercise]  # the break-friendly ones
    notifier: Notifier
    record: Recorder
    clock: Callable[[], datetime]
    sleep: Callable[[float], None]
    tz: tzinfo
    on_next: Callable[[datetime, str], None] = lambda when, exercise_id: None  # status file writer
    on_break: Callable[[str], None] | None = None  # shows the exercise when "Start break" is chosen
    on_tick: Callable[[int], bool] | None = None  # each second of a break, with the seconds left; True ends it early
    rotation_start: int = 0  # prompts already recorded, so the rotation goes on across restarts
    state: LoopState | None = field(default=None)

    def next_due(self) -> tuple[datetime, str]:
        """The next prompt time and its exercise."""
        state = self._state()
        when = schedule.next_break(self.clock(), state.last, self.settings, self.tz, state.snoozed_until)
        exercise_id = state.snoozed_exercise or schedule.suggest(list(self.exercises), self.rotation_start + state.prompts)
        return when, exercise_id

    def _state(self) -> LoopState:
        if self.state is None:
            self.state = LoopState(last=self.clock())
        return self.state

    def wait(self) -> tuple[datetime, str]:
        """Sleep until the next break is due; re-plan after each chunk (clock jumps, quiet hours)."""
        while True:
            when, exercise_id = self.next_due()
            self.on_next(when, exercise_id)
            remaining = (when - self.clock()).total_seconds()
            if remaining <= 0:
                return when, exercise_id
            self.sleep(min(remaining, CHUNK_SECONDS))

    def one(self) -> Outcome:
        """Wait for one break, then prompt it."""
        _, exercise_id = self.wait()
        return self.prompt(exercise_id)

    def prompt(self, exercise_id: str) -> Outcome:
        """Prompt one break now, run its timer when it is started, record the outcome, and move the schedule on."""
        state = self._state()
        at = self.clock()
        answer = self.notifier.prompt(prompt_for(exercise_id, self.exercises[exercise_id], self.settings))
        outcome = OUTCOMES[answer]
        seconds = 0
        if outcome == "done":
            try:
                seconds = self._take_break(exercise_id)
            except BaseException:  # Ctrl+C or SIGTERM in the middle of a break: keep what the timer saw, then stop
                ran = int((self.clock() - at).total_seconds())
                self.record(at, exercise_id, "partial" if ran > 0 else "skipped", ran)
                raise
            outcome = "done" if seconds >= self.settings.break_seconds else "partial" if seconds > 0 else "skipped"
        self.record(at, exercise_id, outcome, seconds)
        if outcome == "snoozed":
            state.snoozed_until = schedule.snooze_until(self.clock(), self.settings)
            state.snoozed_exercise = exercise_id
            return outcome
        state.prompts += 1
        state.snoozed_until = None
        state.snoozed_exercise = None
        state.last = self.clock()
        return outcome

    def _take_break(self, exercise_id: str) -> int:
        """Run the break's timer: whole seconds it ran, up to the break length (the face may end it early)."""
        if self.on_break is not None:
            self.on_break(exercise_id)
        began = self.clock()
        total = self.settings.break_seconds
        while True:
            ran = (self.clock() - began).total_seconds()
            if ran >= total:
                return total
            if self.on_tick is not None and self.on_tick(max(1, round(total - ran))):
                return int(ran)
            self.sleep(min(1.0, total - ran))

    def run(self, max_prompts: int | None = None) -> int:
        """Prompt break after break until stopped (Ctrl+C, SIGTERM) or `max_prompts` is reached."""
        count = 0
        while max_prompts is None or count < max_prompts:
            self.one()
            count += 1
        return count
