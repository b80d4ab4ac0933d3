"""An exercise session as plain data: a routine expanded into timed phases, and a player driven by a clock.

No terminal code lives here: faces (terminal, web) feed `now` in and draw what the player says.
Every dose number (holds, reps, sets, rests, timed activities) comes from the knowledge base; the
only numbers here are pacing for the face (the get-ready and switch-sides pauses, and the pace of a
movement step that has no hold), which are parameters.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from numbwise.kb.models import Exercise, ExercisesFile, Routine

PhaseKind = Literal["ready", "hold", "move", "timed", "rest", "switch"]
Side = Literal["left", "right"]
Outcome = Literal["done", "partial", "skipped"]
WORK_KINDS: frozenset[str] = frozenset({"hold", "move", "timed"})

READY_SECONDS = 5  # pacing: time to read the step and get in position
SWITCH_SECONDS = 5  # pacing: time to change hands
MOVE_SECONDS = 3  # pacing: one movement step when neither step nor exercise gives a time


@dataclass(frozen=True)
class Phase:
    """One stretch of time in a session: what to do, with which hand, for how long."""

    kind: PhaseKind
    seconds: int
    exercise_id: str
    exercise_index: int  # 0-based position in the routine
    step_index: int  # the step shown (0 for rests and the first step for ready phases)
    side: Side | None = None
    rep: int = 1
    reps: int = 1
    set: int = 1
    sets: int = 1

    @property
    def is_work(self) -> bool:
        """Holds, movements and timed activities are the exercise itself; the rest is pacing."""
        return self.kind in WORK_KINDS


@dataclass(frozen=True)
class Pacing:
    """Timings of the face, not of the dose."""

    ready_seconds: int = READY_SECONDS
    switch_seconds: int = SWITCH_SECONDS
    move_seconds: int = MOVE_SECONDS


def step_seconds(ex: Exercise, step_index: int, pacing: Pacing = Pacing()) -> tuple[PhaseKind, int]:
    """How long one step lasts and what kind of phase it is: the step's hold, the timed activity, the hold, or a movement."""
    step = ex.steps[step_index]
    if step.hold_seconds is not None:
        return "hold", step.hold_seconds
    if ex.duration_seconds is not None:
        return "timed", ex.duration_seconds
    if ex.hold_seconds > 0:
        return "hold", ex.hold_seconds
    return "move", pacing.move_seconds


def exercise_phases(eid: str, ex: Exercise, index: int, pacing: Pacing = Pacing()) -> list[Phase]:
    """Get ready, then per side: sets x reps x steps, with rests between reps and sets, and a switch between sides."""
    out: list[Phase] = []
    sides: tuple[Side | None, ...] = ("left", "right") if ex.per_side else (None,)
    for side_no, side in enumerate(sides):
        if side_no == 0:
            if pacing.ready_seconds > 0:
                out.append(Phase("ready", pacing.ready_seconds, eid, index, 0, side, 1, ex.reps, 1, ex.sets))
        elif pacing.switch_seconds > 0:
            out.append(Phase("switch", pacing.switch_seconds, eid, index, 0, side, 1, ex.reps, 1, ex.sets))
        for set_no in range(1, ex.sets + 1):
            for rep in range(1, ex.reps + 1):
                if (set_no, rep) != (1, 1) and ex.rest_seconds > 0:
                    out.append(Phase("rest", ex.rest_seconds, eid, index, 0, side, rep, ex.reps, set_no, ex.sets))
                for si in range(len(ex.steps)):
                    kind, secs = step_seconds(ex, si, pacing)
                    out.append(Phase(kind, secs, eid, index, si, side, rep, ex.reps, set_no, ex.sets))
    return out


def timeline(exercises: ExercisesFile, routine: Routine, pacing: Pacing = Pacing()) -> list[Phase]:
    """The whole routine as phases, in order."""
    out: list[Phase] = []
    for i, eid in enumerate(routine.exercises):
        out.extend(exercise_phases(eid, exercises.exercises[eid], i, pacing))
    return out


@dataclass
class Counters:
    """What happened so far: work phases completed and skipped, seconds of active (unpaused) time."""

    work_done: int = 0
    work_skipped: int = 0
    phases_skipped: int = 0
    active_seconds: float = 0.0


@dataclass
class Player:
    """A session's state machine. Every method takes the current time, so a fake clock drives it exactly."""

    phases: Sequence[Phase]
    started_at: float
    index: int = 0
    elapsed: float = 0.0  # seconds spent in the current phase, pauses excluded
    paused: bool = False
    quit_early: bool = False
    counters: Counters = field(default_factory=Counters)
    _last: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self._last = self.started_at

    # --- reading the state -----------------------------------------------------------------

    @property
    def finished(self) -> bool:
        """True once the last phase ran out, or the person quit."""
        return self.quit_early or self.index >= len(self.phases)

    @property
    def phase(self) -> Phase | None:
        """The current phase (None once finished)."""
        return None if self.finished else self.phases[self.index]

    @property
    def seconds_left(self) -> int:
        """Whole seconds left in this phase, rounded up, as a countdown shows them."""
        p = self.phase
        return 0 if p is None else max(0, math.ceil(p.seconds - self.elapsed - 1e-9))

    @property
    def progress(self) -> float:
        """How far through the current phase, 0.0 to 1.0."""
        p = self.phase
        return 1.0 if p is None else min(1.0, self.elapsed / p.seconds)

    @property
    def total_seconds(self) -> int:
        """The planned length of the whole session."""
        return sum(p.seconds for p in self.phases)

    @property
    def overall_progress(self) -> float:
        """How far through the whole session, 0.0 to 1.0 (skipped phases count as passed)."""
        if self.finished:
            return 1.0
        before = sum(p.seconds for p in self.phases[: self.index])
        return min(1.0, (before + self.elapsed) / max(1, self.total_seconds))

    @property
    def work_total(self) -> int:
        """How many work phases the session has."""
        return sum(1 for p in self.phases if p.is_work)

    @property
    def outcome(self) -> Outcome:
        """Done when every work phase ran its full time; skipped when none did; else partial."""
        c = self.counters
        if c.work_done == 0:
            return "skipped"
        if c.work_done == self.work_total and not self.quit_early:
            return "done"
        return "partial"

    # --- driving it ------------------------------------------------------------------------

    def tick(self, now: float) -> list[Phase]:
        """Advance to `now`; return the phases entered on the way (the face speaks or prints them)."""
        entered: list[Phase] = []
        delta = max(0.0, now - self._last)
        self._last = now
        if self.paused or self.finished:
            return entered
        self.counters.active_seconds += delta
        self.elapsed += delta
        while not self.finished and self.elapsed >= self.phases[self.index].seconds - 1e-9:
            done = self.phases[self.index]
            self.elapsed = max(0.0, self.elapsed - done.seconds)
            if done.is_work:
                self.counters.work_done += 1
            self.index += 1
            if not self.finished:
                entered.append(self.phases[self.index])
        if self.finished:
            self.elapsed = 0.0
        return entered

    def pause(self, now: float) -> None:
        """Freeze the countdown; time spent paused does not count."""
        self.tick(now)
        self.paused = True

    def resume(self, now: float) -> None:
        """Carry on from where the pause froze it."""
        self._last = now
        self.paused = False

    def toggle_pause(self, now: float) -> None:
        """The space bar: pause when running, resume when paused."""
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def skip(self, now: float) -> Phase | None:
        """Leave the current step at once (a skipped hold does not count as done); return the next phase."""
        self.tick(now)
        if self.finished:
            return None
        current = self.phases[self.index]
        self.counters.phases_skipped += 1
        if current.is_work:
            self.counters.work_skipped += 1
        self.index += 1
        self.elapsed = 0.0
        return self.phase

    def skip_exercise(self, now: float) -> Phase | None:
        """Leave the whole current exercise (every phase left of it, none counted as done); return the first phase of the next."""
        self.tick(now)
        if self.finished:
            return None
        current = self.phases[self.index].exercise_index
        while not self.finished and self.phases[self.index].exercise_index == current:
            self.counters.phases_skipped += 1
            if self.phases[self.index].is_work:
                self.counters.work_skipped += 1
            self.index += 1
        self.elapsed = 0.0
        return self.phase

    def quit(self, now: float) -> Outcome:
        """Stop the session now; the outcome says how much was done."""
        self.tick(now)
        self.quit_early = not self.finished
        return self.outcome


def start(phases: Sequence[Phase], now: float) -> Player:
    """A player at the first phase."""
    return Player(list(phases), now)
