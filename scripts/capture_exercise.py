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
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
WIDTH = 80


def session_captures() -> None:
    from numbwise.care.routines import routine_for
    from numbwise.care.session import Player, timeline
    from numbwise.cli import exercise_player as xp
    from numbwise.kb import load

    kb = load()
    choice = routine_for(kb, None)
    phases = timeline(kb.exercises, choice.routine)
    clock = xp.FakeClock(now=0.0)
    # pause 12 s into the run (during the first hold), carry on 30 s later
    keys = xp.ScriptedKeys(clock, [(12.0, " "), (42.0, " ")])
    wanted = {  # file name -> test on the player state
        "exercise-ready": lambda p: p.phase is not None and p.phase.kind == "ready" and p.seconds_left == 3,
        "exercise-hold-left": lambda p: p.phase is not None and p.phase.kind == "hold" and p.phase.side == "left" and p.seconds_left == 9 and not p.paused,
        "exercise-paused": lambda p: p.paused,
        "exercise-switch": lambda p: p.phase is not None and p.phase.kind == "switch" and p.seconds_left == 4,
        "exercise-hold-right": lambda p: p.phase is not None and p.phase.kind == "hold" and p.phase.side == "right" and p.phase.rep == 2 and p.seconds_left == 5,
    }
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
        "# numbwise exercise desk_break: the first frame of every phase (fake clock)\n\n" + "\n".join(frames))
    (OUT / "exercise-plain.txt").write_text(
        "# numbwise --plain exercise desk_break: what plain mode prints, one line per phase\n\n" + "\n".join(said) + "\n")


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
