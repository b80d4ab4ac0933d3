"""Write the screenshots in docs/img/ of an exercise session and of `numbwise stats` (run after UI changes).

Usage: .venv/bin/python scripts/capture_exercise.py
The session runs on a fake clock, so this takes a second; the frames are the real screens.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from numbwise.care.session import Player

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
WIDTH = 80


def session_captures() -> None:
    from numbwise.care.routines import routine_for
    from numbwise.care.session import timeline
    from numbwise.cli import exercise_player as xp
    from numbwise.kb import load

    kb = load()
    choice = routine_for(kb, None)
    phases = timeline(kb.exercises, choice.routine)
    clock = xp.FakeClock(now=0.0)
    # pause 6 s into the first left-hand hold, carry on 30 s later
    starts = [sum(p.seconds for p in phases[:i]) for i in range(len(phases))]
    first_left = next(i for i, p in enumerate(phases) if p.kind == "hold" and p.side == "left")
    keys = xp.ScriptedKeys(clock, [(starts[first_left] + 6.0, " "), (starts[first_left] + 36.0, " ")])

    def at(kind: str, left: int, side: str | None = None, rep: int | None = None) -> Callable[[Player], bool]:
        def test(p: Player) -> bool:
            ph = p.phase
            return (ph is not None and ph.kind == kind and p.seconds_left == left and not p.paused
                    and (side is None or ph.side == side) and (rep is None or ph.rep == rep))
        return test

    wanted: dict[str, Callable[[Player], bool]] = {  # file name -> when to take it
        "exercise-ready": at("ready", 3),
        "exercise-hold-left": at("hold", 12, "left"),
        "exercise-paused": lambda p: p.paused,
        "exercise-switch": at("switch", 4),
        "exercise-hold-right": at("hold", 5, "right", 2),
    }
    if any(p.kind == "timed" for p in phases):
        wanted["exercise-timed"] = at("timed", 30)
    frames: list[str] = []
    seen_phase = -1

    def draw(player: Player) -> None:
        nonlocal seen_phase
        frame = xp.screen(player, kb.exercises, choice.routine, kb.folder / "pictures", WIDTH)
        for name, test in list(wanted.items()):
            if test(player):
                rec = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
                rec.print(frame)
                rec.save_svg(str(OUT / f"{name}.svg"), title=f"numbwise exercise ({name.split('-', 1)[1]})")
                del wanted[name]
        if player.index != seen_phase:  # the first frame of every phase, as text
            seen_phase = player.index
            rec = Console(record=True, width=WIDTH, file=io.StringIO())
            rec.print(frame)
            frames.append(rec.export_text())

    said: list[str] = []
    xp.run_loop(phases, kb.exercises, lambda ph: said.append(xp.plain_line(ph, kb.exercises)), draw,
                clock=clock, sleep=clock.sleep, keys=keys)
    if wanted:
        sys.exit(f"frames never seen: {', '.join(wanted)}")
    (OUT / "exercise-frames.txt").write_text(
        "# numbwise exercise (the default routine): the first frame of every phase (fake clock)\n\n" + "\n".join(frames))
    (OUT / "exercise-plain.txt").write_text(
        "# numbwise --plain exercise (the default routine): what plain mode prints, one line per phase\n\n" + "\n".join(said) + "\n")


def stats_capture() -> None:
    from numbwise.care.stats import compute
    from numbwise.cli.stats_cmd import _plain, _rich
    from numbwise.diary.store import open_store

    today = dt.date(2026, 11, 25)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(f"sqlite:///{tmp}/demo.sqlite3") as store:
            for back in range(0, 40):
                day = today - dt.timedelta(days=back)
                at = dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.timezone.utc)
                if back % 7 in (5, 6) and back > 3:
                    continue  # weekends off, except lately
                store.add_activity(at, "session", "desk_break", "done" if back % 5 else "partial", 75)
                for hour, outcome in ((11, "done"), (14, "snoozed" if back % 3 else "done"), (16, "skipped" if back % 4 == 1 else "done")):
                    store.add_activity(at.replace(hour=hour), "break", "hourly", outcome, 30)
            if True:
                store.add_activity(dt.datetime(2026, 11, 25, 17, tzinfo=dt.timezone.utc), "session", "desk_break", "skipped", 0)
            acts = store.activities()
    s = compute(acts, today, weeks=8, tz=dt.timezone.utc)
    rec = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    _rich(rec, s)
    rec.save_svg(str(OUT / "stats.svg"), title="numbwise stats")
    text = Console(record=True, width=WIDTH, file=io.StringIO())
    _rich(text, s)
    plain = Console(record=True, width=WIDTH, file=io.StringIO(), no_color=True)
    _plain(plain, s)
    (OUT / "stats.txt").write_text("# numbwise stats (demo diary, today = 2026-11-25)\n\n" + text.export_text()
                                   + "\n# numbwise --plain stats\n\n" + plain.export_text())


if __name__ == "__main__":
    os.environ.setdefault("NUMBWISE_HOME", tempfile.mkdtemp())
    OUT.mkdir(parents=True, exist_ok=True)
    session_captures()
    if "--no-stats" not in sys.argv:
        stats_capture()
    print(f"wrote {', '.join(sorted(p.name for p in OUT.iterdir()))}")
