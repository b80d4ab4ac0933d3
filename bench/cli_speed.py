"""Benchmark (not a test): whole-process time of `numbwise log` and `numbwise history` beside `python -c pass`.

A throwaway NUMBWISE_HOME gets a diary with --entries entries first (made once, not timed). Each command then
runs --runs times as a fresh process with output to a pipe; reported: the fastest and the median wall time, and
the fastest CPU time (user + system, which a busy machine disturbs less than wall time). The goal is 0.2 s.

Run: .venv/bin/python bench/cli_speed.py [--runs 30] [--entries 200] [--src PATH]
(--src times another source tree, for example an older commit unpacked with `git archive`.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """(fastest wall, median wall, fastest CPU) over `runs` fresh processes."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-500:]}")
    return min(walls), statistics.median(walls), min(cpus)


def main() -> None:
    """Make the diary, time the commands, print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the source tree to time")
    opts = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="numbwise-bench-") as home:
        env = dict(os.environ, NUMBWISE_HOME=home, PYTHONPATH=str(opts.src.resolve()))
        env.pop("NUMBWISE_DB", None)
        log = [python, "-m", "numbwise", "log", "-s", "5", "--hand", "right", "--fingers", "r1,r2"]
        subprocess.run(log, env=env, check=True, stdout=subprocess.DEVNULL)  # makes the diary (migrations run once)
        for i in range(opts.entries - 1):
            if i % 50 == 0:
                subprocess.run([python, "-m", "numbwise", "log", "--treatment", "splint_night"], env=env, check=True,
                               stdout=subprocess.DEVNULL)
            else:
                subprocess.run(log, env=env, check=True, stdout=subprocess.DEVNULL)
        rows = [
            ("python -c pass (the floor)", [python, "-c", "pass"]),
            ("numbwise log -s 5 ...", log),
            ("numbwise history", [python, "-m", "numbwise", "history"]),
            ("numbwise --plain history --last 10", [python, "-m", "numbwise", "--plain", "history", "--last", "10"]),
        ]
        print(f"{opts.runs} runs each, diary of about {opts.entries} entries, source {opts.src}")
        for name, args in rows:
            fastest, median, cpu = timed(args, env, opts.runs)
            print(f"  {name:38} fastest {fastest:.3f} s  median {median:.3f} s  CPU {cpu:.3f} s")


if __name__ == "__main__":
    main()
