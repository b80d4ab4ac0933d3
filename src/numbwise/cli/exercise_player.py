"""The terminal face of an exercise session: a full-screen Rich view, keys read in cbreak mode, optional speech.

Everything from the outside world (clock, sleep, keys, speech runner, console) is a parameter, so
tests run a whole session in milliseconds. The session logic itself is numbwise.care.session.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from numbwise.care.cues import cue, headline, side_label
from numbwise.care.session import Phase, Player, start
from numbwise.kb.models import ExercisesFile, Routine

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

Clock = Callable[[], float]
Sleep = Callable[[float], None]
Runner = Callable[[list[str]], object]
TICK_SECONDS = 0.1  # how often the face looks at the clock and the keyboard
FAKE_CLOCK_VARIABLE = "NUMBWISE_TEST_FAKE_CLOCK"  # tests only: time advances on each sleep, nothing waits


class KeySource(Protocol):
    """Where key presses come from: the terminal, or a test's script."""

    def poll(self) -> str | None:
        """One pending key, or None when none is waiting (never blocks)."""


class NoKeys:
    """No keyboard (output is not a terminal): the session runs to its end or to Ctrl+C."""

    def poll(self) -> str | None:
        return None


@dataclass
class ScriptedKeys:
    """Keys for tests: each entry is (time, key); a key is given once the clock reaches its time."""

    clock: Clock
    script: list[tuple[float, str]]

    def poll(self) -> str | None:
        if self.script and self.clock() >= self.script[0][0]:
            return self.script.pop(0)[1]
        return None


class TerminalKeys:
    """Single key presses from a terminal in cbreak mode (Ctrl+C still interrupts); restored on exit."""

    def __init__(self, stream: IO[str]) -> None:
        self.fd = stream.fileno()
        self._saved: list[Any] | None = None

    def __enter__(self) -> TerminalKeys:
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd, termios.TCSANOW)  # TCSANOW: keys typed ahead are kept, not flushed
        return self

    def __exit__(self, *exc: object) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def poll(self) -> str | None:
        ready, _, _ = select.select([self.fd], [], [], 0)
        if not ready:
            return None
        data = os.read(self.fd, 1)
        return data.decode("utf-8", "replace") if data else None


@dataclass
class FakeClock:
    """Tests only: a clock that moves forward exactly when something sleeps."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def world_clock(environ: dict[str, str] | None = None) -> tuple[Clock, Sleep]:
    """The real monotonic clock and sleep, or the fake pair when the test variable is set."""
    env = os.environ if environ is None else environ
    if env.get(FAKE_CLOCK_VARIABLE) == "1":
        fake = FakeClock()
        return fake, fake.sleep
    return time.monotonic, time.sleep


def spawn_quietly(args: list[str]) -> object:
    """Start a program without waiting for it or showing its output (speech must not hold up the timer)."""
    return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@dataclass
class Speaker:
    """Spoken cues through espeak-ng, when it is installed and asked for; never blocks."""

    runner: Runner = spawn_quietly
    program: str | None = None
    said: list[str] = field(default_factory=list)

    @classmethod
    def find(cls, runner: Runner = spawn_quietly, which: Callable[[str], str | None] = shutil.which) -> Speaker | None:
        """A speaker when espeak-ng (or espeak) is on the PATH, else None."""
        for name in ("espeak-ng", "espeak"):
            path = which(name)
            if path:
                return cls(runner, path)
        return None

    def say(self, text: str) -> None:
        self.said.append(text)
        try:
            self.runner([self.program or "espeak-ng", "-s", "150", text])
        except OSError:
            pass


# --- words the face shows (interface wording; the medical text comes from the knowledge base) ---


def plain_line(phase: Phase, exercises: ExercisesFile) -> str:
    """One screen-reader friendly line per phase."""
    ex = exercises.exercises[phase.exercise_id]
    where = f"{ex.name}, {side_label(phase).lower()}, set {phase.set} of {phase.sets}, rep {phase.rep} of {phase.reps}"
    return f"{headline(phase)} ({phase.seconds} s). {where}. {cue(phase, exercises)}"


# --- the full-screen view ----------------------------------------------------------------------


def picture_text(path: Path, columns: int, max_rows: int | None = None) -> Text:
    """The step's picture in half-block characters, at most max_rows high; dark ink uses the terminal's text colour."""
    from rich.style import Style
    from rich.text import Text

    from numbwise.care.picture import PictureError, render_cells

    out = Text()
    try:
        grid = render_cells(path, columns)
        if max_rows is not None and len(grid) > max_rows:
            grid = render_cells(path, max(8, columns * max_rows // len(grid)))
    except PictureError:
        return Text("(picture not available)", style="dim")

    def ink(rgb: tuple[int, int, int]) -> str | None:
        r, g, b = rgb
        return None if 0.3 * r + 0.59 * g + 0.11 * b < 110 else f"rgb({r},{g},{b})"

    for i, row in enumerate(grid):
        if i:
            out.append("\n")
        for top, bottom in row:
            if top is None and bottom is None:
                out.append(" ")
            elif top is not None and bottom is None:
                out.append("▀", Style(color=ink(top)))
            elif top is None and bottom is not None:
                out.append("▄", Style(color=ink(bottom)))
            else:
                assert top is not None
                out.append("█", Style(color=ink(top)))
    out.rstrip()
    return out


def bar(fraction: float, width: int, style: str = "green") -> Text:
    """A progress bar that stays visible without colour: filled blocks, then light shade."""
    from rich.text import Text

    filled = round(max(0.0, min(1.0, fraction)) * width)
    out = Text("█" * filled, style=style)
    out.append("░" * (width - filled), style="dim")
    return out


def screen(player: Player, exercises: ExercisesFile, routine: Routine, pictures: Path, width: int = 80,
           height: int | None = None) -> RenderableType:
    """One frame of the full-screen view; the picture shrinks (or goes) so the countdown always fits the height."""
    import io

    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    phase = player.phase
    title = f"numbwise · {routine.name}"
    keys = "space pause · s skip exercise · n next step · q quit"
    if phase is None:
        return Panel(Text("Session over.", style="bold"), title=title)
    ex = exercises.exercises[phase.exercise_id]
    step = ex.steps[phase.step_index]
    head = Table.grid(expand=True)
    head.add_column(ratio=1)
    head.add_column(justify="right")
    head.add_row(Text(f"Exercise {phase.exercise_index + 1} of {len(routine.exercises)}: {ex.name}", style="bold"),
                 Text(f" {side_label(phase)} ", style="bold reverse" if phase.side else "bold"))
    counters = (f"Set {phase.set} of {phase.sets} · Rep {phase.rep} of {phase.reps}"
                + (f" · Step {phase.step_index + 1} of {len(ex.steps)}" if len(ex.steps) > 1 else ""))
    big = Text()
    big.append(headline(phase).upper(), style="bold green" if phase.is_work else "bold yellow")
    big.append(f"   {player.seconds_left} s", style="bold")
    bar_width = max(10, min(60, width - 10))
    parts: list[RenderableType] = [
        head,
        Text(counters, style="dim"),
        Text(""),
        Text(("Next: " if phase.kind == "rest" else "") + step.say, style="bold"),
        Text(step.text),
        Text(""),
        big,
        bar(player.progress, bar_width, "green" if phase.is_work else "yellow"),
    ]
    if phase.kind in ("ready", "switch"):
        parts += [Text(""), Text("Take care: " + " ".join(ex.cautions), style="italic")]
    if player.paused:
        parts += [Text(""), Text("PAUSED. Press space to carry on.", style="bold reverse")]
    done = Text(f"Whole session {round(player.overall_progress * 100)}%", style="dim")
    parts += [Text(""), done, bar(player.overall_progress, bar_width, "blue")]
    columns = max(20, min(48, width - 8))
    rows: int | None = None
    if height is not None:
        measure = Console(file=io.StringIO(), width=max(20, width - 4), height=height)
        rows = height - 4 - len(measure.render_lines(Group(*parts), pad=False))  # borders and blank lines
    if rows is None or rows >= 3:
        parts[3:3] = [picture_text(pictures / step.picture, columns, rows), Text("")]
    return Panel(Group(*parts), title=title, subtitle=keys, padding=(0, 1))


def view_key(player: Player, width: int = 20) -> tuple[object, ...]:
    """What the screen depends on, so it is redrawn only when something visible changed."""
    return (player.index, player.seconds_left, player.paused, player.finished, int(player.progress * width))


@dataclass
class SessionRun:
    """How the loop ended."""

    player: Player
    interrupted: bool = False
    frames: int = 0


def handle_key(player: Player, key: str, now: float) -> None:
    """space: pause or carry on; s: skip this exercise; n: next step (skip only this one); q: quit."""
    k = key.lower()
    if k == " ":
        player.toggle_pause(now)
    elif k == "s" and not player.paused:
        player.skip_exercise(now)
    elif k == "n" and not player.paused:
        player.skip(now)
    elif k == "q":
        player.quit(now)


def run_loop(phases: Sequence[Phase], exercises: ExercisesFile, on_enter: Callable[[Phase], None],
             draw: Callable[[Player], None] | None, *, clock: Clock, sleep: Sleep, keys: KeySource,
             interval: float = TICK_SECONDS) -> SessionRun:
    """Tick the player until it finishes: read keys, advance the clock, announce new phases, redraw on change."""
    player = start(phases, clock())
    run = SessionRun(player)
    if player.phase is not None:
        on_enter(player.phase)
    last: tuple[object, ...] | None = None
    try:
        while not player.finished:
            key = keys.poll()
            now = clock()
            before = player.index
            if key:
                handle_key(player, key, now)
            entered = player.tick(now)
            if player.index != before and not entered and player.phase is not None:
                entered = [player.phase]  # a skip lands on a new phase
            for ph in entered:
                on_enter(ph)
            if draw is not None and view_key(player) != last:
                last = view_key(player)
                draw(player)
                run.frames += 1
            if not player.finished and key is None:
                sleep(interval)
    except KeyboardInterrupt:
        player.quit(clock())
        run.interrupted = True
    return run


def run_fullscreen(console: Console, phases: Sequence[Phase], exercises: ExercisesFile, routine: Routine,
                   pictures: Path, *, clock: Clock, sleep: Sleep, keys: KeySource, speaker: Speaker | None,
                   on_frame: Callable[[RenderableType], None] | None = None) -> SessionRun:
    """The session on the alternate screen (Rich Live), restored when it ends."""
    from rich.live import Live

    def enter(ph: Phase) -> None:
        if speaker is not None:
            speaker.say(cue(ph, exercises))

    with Live(console=console, screen=True, auto_refresh=False, transient=True) as live:
        def draw(player: Player) -> None:
            frame = screen(player, exercises, routine, pictures, console.width, console.height)
            live.update(frame, refresh=True)
            if on_frame is not None:
                on_frame(frame)

        return run_loop(phases, exercises, enter, draw, clock=clock, sleep=sleep, keys=keys)


def run_plain(console: Console, phases: Sequence[Phase], exercises: ExercisesFile, *, clock: Clock, sleep: Sleep,
              keys: KeySource, speaker: Speaker | None) -> SessionRun:
    """One line per phase, no drawing: for screen readers and for output that is not a terminal."""
    def enter(ph: Phase) -> None:
        console.print(plain_line(ph, exercises), markup=False, highlight=False, soft_wrap=True)
        if speaker is not None:
            speaker.say(cue(ph, exercises))

    paused = {"now": False}

    def draw(player: Player) -> None:
        if player.paused != paused["now"]:
            paused["now"] = player.paused
            console.print("Paused. Press space to carry on." if player.paused else "Carrying on.", markup=False)

    run = run_loop(phases, exercises, enter, draw, clock=clock, sleep=sleep, keys=keys)
    run.frames = 0
    return run


@contextmanager
def terminal_keys(interactive: bool, stream: IO[str] | None = None) -> Iterator[KeySource]:
    """Keys from the terminal when interactive, else none."""
    if not interactive:
        yield NoKeys()
        return
    with TerminalKeys(stream or sys.stdin) as keys:
        yield keys
