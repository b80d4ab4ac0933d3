"""The terminal face in-process: frames, keys, speech and plain mode, all on a fake clock."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from numbwise.care.picture import PictureError, as_text, decode_png_rgba, render_cells
from numbwise.care.session import start, timeline
from numbwise.cli import exercise_player as xp
from numbwise.kb import load
from numbwise.kb.models import ExercisesFile, Routine

import pytest

from tests.test_session import exercise, kb_file, step

PICTURES = load().folder / "pictures"
PICTURE = sorted(PICTURES.glob("*.svg"))[0].name  # any real picture: the words and doses come from the fixture


def fixture() -> tuple[ExercisesFile, Routine]:
    """One stretch per hand, 15 s held twice with a 5 s rest: small, and the same whatever the library holds."""
    s = step("palm_out") | {"say": "Arm out, palm away", "picture": PICTURE}
    xf = kb_file({"wrist_flexor_stretch": exercise([s], hold_seconds=15, reps=2, rest_seconds=5, per_side=True)
                  | {"name": "Wrist flexor stretch"}})
    return xf, xf.routines["r"]


def test_svg_renders_to_half_blocks(tmp_path: Path) -> None:
    svg = tmp_path / "box.svg"
    # a filled square in the left half of a 40 x 20 picture, a green bar along the bottom on the right
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
                   '<rect x="0" y="0" width="20" height="10" fill="#000"/>'
                   '<rect x="20" y="16" width="20" height="4" fill="#00aa00"/></svg>')
    grid = render_cells(svg, 20)
    assert len(grid) == 5 and len(grid[0]) == 20  # 20 x 10 pixels -> 5 rows of half blocks
    text = as_text(grid).splitlines()
    assert text[0] == "█" * 10 and text[1] == "█" * 10 and text[2] == "▀" * 10
    assert text[4] == " " * 10 + "█" * 10
    assert grid[4][15] == ((0, 170, 0), (0, 170, 0))
    assert render_cells(svg, 20) is grid  # cached


def test_white_fills_are_paper_and_blank_rows_are_trimmed(tmp_path: Path) -> None:
    svg = tmp_path / "outline.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
                   '<rect x="0" y="0" width="40" height="40" fill="#ffffff"/>'
                   '<rect x="10" y="10" width="20" height="20" fill="#fff" stroke="#222" stroke-width="2"/></svg>')
    text = as_text(render_cells(svg, 40)).splitlines()
    assert 10 <= len(text) <= 12  # 40 x 40 pixels are 20 rows; the blank ones above and below the box are gone
    middle = text[len(text) // 2].strip()
    assert middle[:2] == "██" and middle[-2:] == "██" and middle[2:-2].strip() == "" and len(middle) >= 18  # the box's sides, nothing inside


def test_bad_pictures_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(PictureError, match="missing"):
        render_cells(tmp_path / "none.svg", 10)
    bad = tmp_path / "bad.svg"
    bad.write_text("<not svg")
    with pytest.raises(PictureError, match="bad.svg"):
        render_cells(bad, 10)
    with pytest.raises(PictureError, match="not a PNG"):
        decode_png_rgba(b"GIF89a")


def run_face(script: list[tuple[float, str]], plain: bool = False) -> tuple[xp.SessionRun, list[str], xp.Speaker, str]:
    xf, routine = fixture()
    clock = xp.FakeClock(now=0.0)
    keys = xp.ScriptedKeys(clock, script)
    said: list[list[str]] = []
    speaker = xp.Speaker(runner=said.append, program="espeak-ng")
    out = io.StringIO()
    console = Console(file=out, force_terminal=not plain, width=80, height=40, color_system=None)
    frames: list[str] = []

    def grab(frame: object) -> None:
        rec = Console(record=True, width=80, file=io.StringIO())
        rec.print(frame)
        frames.append(rec.export_text())

    phases = timeline(xf, routine)
    if plain:
        run = xp.run_plain(console, phases, xf, clock=clock, sleep=clock.sleep, keys=keys, speaker=speaker)
    else:
        run = xp.run_fullscreen(console, phases, xf, routine, PICTURES, clock=clock,
                                sleep=clock.sleep, keys=keys, speaker=speaker, on_frame=grab)
    assert all(cmd[0] == "espeak-ng" for cmd in said)
    return run, frames, speaker, out.getvalue()


def test_full_session_frames_show_step_countdown_sides_and_bar() -> None:
    run, frames, speaker, raw = run_face([])
    assert run.player.outcome == "done" and not run.interrupted
    joined = "\n".join(frames)
    assert "GET READY   5 s" in frames[0] and "Arm out, palm away" in frames[0] and "Take care:" in frames[0]
    for text in ("HOLD   15 s", "HOLD   1 s", "REST   5 s", "SWITCH HANDS", "LEFT hand", "RIGHT hand", "Rep 2 of 2",
                 "Set 1 of 1", "Whole session", "█░"):
        assert text in joined, text
    assert "\x1b[?1049h" in raw and "\x1b[?1049l" in raw  # the alternate screen, left again at the end
    assert speaker.said[0].startswith("Get ready: Wrist flexor stretch. LEFT hand.")
    assert "Switch hands. Now the RIGHT hand. Arm out, palm away." in speaker.said
    assert speaker.said.count("Arm out, palm away. Hold for 15 seconds.") == 4


def test_keys_pause_skip_quit() -> None:
    # pause at 2 s (in get ready), carry on at 50 s, next step ends get ready, quit during the rest after the first hold (50 + 15 s hold, then rest)
    run, frames, _, _ = run_face([(2.0, " "), (50.0, " "), (50.0, "n"), (68.0, "q")])
    p = run.player
    assert any("PAUSED" in f and "GET READY   3 s" in f for f in frames)
    assert p.quit_early and p.outcome == "partial"
    assert p.counters.work_done == 1 and p.counters.phases_skipped == 1
    assert round(p.counters.active_seconds) == 20  # 2 s, then 18 s after carrying on at 50 s; the pause does not count


def test_plain_mode_prints_one_line_per_phase() -> None:
    run, _, _, out = run_face([(1.0, " "), (3.0, " ")], plain=True)
    lines = out.splitlines()
    assert lines[0].startswith("Get ready (5 s). Wrist flexor stretch, left hand, set 1 of 1, rep 1 of 2.")
    assert "Paused. Press space to carry on." in lines and "Carrying on." in lines
    assert sum(1 for line in lines if line.startswith("Hold (15 s)")) == 4
    assert any(line.startswith("Switch hands (5 s)") and "right hand" in line for line in lines)
    assert "\x1b" not in out and run.player.outcome == "done"


def test_ctrl_c_quits_the_session() -> None:
    class Interrupting:
        def poll(self) -> str | None:
            raise KeyboardInterrupt

    clock = xp.FakeClock()
    xf, r = fixture()
    run = xp.run_loop(timeline(xf, r), xf, lambda ph: None, None, clock=clock, sleep=clock.sleep,
                      keys=Interrupting())
    assert run.interrupted and run.player.finished and run.player.outcome == "skipped"


def test_speaker_found_only_when_installed() -> None:
    assert xp.Speaker.find(which=lambda name: None) is None
    sp = xp.Speaker.find(runner=lambda a: None, which=lambda name: "/usr/bin/espeak-ng" if name == "espeak-ng" else None)
    assert sp is not None and sp.program == "/usr/bin/espeak-ng"


def test_real_espeak_ng_accepts_the_cue_command(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (scripts/bootstrap installs it when run as root)")
    wav = tmp_path / "cue.wav"

    def to_file(args: list[str]) -> object:
        return subprocess.run([args[0], "-w", str(wav), *args[1:]], check=True, capture_output=True, timeout=30)

    speaker = xp.Speaker.find(runner=to_file)
    assert speaker is not None
    speaker.say("Switch hands. Now the RIGHT hand.")
    assert wav.read_bytes()[:4] == b"RIFF" and wav.stat().st_size > 10_000


def test_speak_without_espeak_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from numbwise.cli.exercise_player import FAKE_CLOCK_VARIABLE
    from tests.conftest import run_cli

    monkeypatch.setenv(FAKE_CLOCK_VARIABLE, "1")
    monkeypatch.setenv("PATH", "/nonexistent")
    run = run_cli("exercise", "--speak", input="y\n")
    assert run.code == 0 and "No spoken cues: espeak-ng is not installed." in run.out


@pytest.mark.parametrize("height", [18, 24, 30, 60])
def test_the_countdown_fits_small_terminals(height: int) -> None:
    xf, r = fixture()
    player = xp.start(timeline(xf, r), 0.0)
    player.tick(7.0)
    player.pause(7.0)
    rec = Console(record=True, width=80, height=height, file=io.StringIO())
    rec.print(xp.screen(player, xf, r, PICTURES, 80, height))
    lines = rec.export_text().splitlines()
    assert len(lines) <= height
    text = "\n".join(lines)
    assert "HOLD   13 s" in text and "PAUSED" in text and "LEFT hand" in text
    assert ("▀" in text or "▄" in text) == (height >= 24)


def test_s_skips_the_exercise_and_n_only_the_step() -> None:
    from numbwise.kb import load

    kb = load()
    phases = timeline(kb.exercises, kb.exercises.routines["carpal_tunnel_daily"])
    p = start(phases, 0.0)
    xp.handle_key(p, "n", 1.0)
    assert p.phase is not None and p.phase.exercise_index == 0 and p.index == 1  # one step on
    xp.handle_key(p, "s", 2.0)
    assert p.phase is not None and p.phase.exercise_index == 1 and p.phase.kind == "ready"  # the next exercise
