"""Whole-process time of `numbwise report` on a year of daily entries, beside the floor `python -c pass`.

Usage: python bench/report_bench.py [--runs 5] [--keep DIR] [--profile]

A seeded year (365 symptoms, 365 treatments, 52 BCTQ results, 4 checks, 365 exercise sessions) is
written through the diary store into a real SQLite file; then the floor, `numbwise assess` on one
case and `numbwise report` for that year are each started as separate processes, alternating rounds
so a busy moment on the shared machine hits all alike. Prints the median and worst wall time, and the
median CPU time (user + system), which a busy machine changes less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
END = dt.date(2026, 6, 30)


def year_data(end: dt.date = END) -> object:
    """365 days: one symptom, one treatment and one exercise session a day, a BCTQ each week, a check each quarter."""
    from numbwise.report.data import ActivityRow, CheckRow, ReportData, ScoreRow, SymptomRow, TreatmentRow

    rng = random.Random(2026)
    start = end - dt.timedelta(days=364)
    utc = dt.timezone.utc
    sym, treat, scores, acts, checks = [], [], [], [], []
    for i in range(365):
        day = start + dt.timedelta(days=i)
        at = dt.datetime.combine(day, dt.time(3, rng.randrange(60)), tzinfo=utc)
        ease = min(1.0, max(0.0, (i - 60) / 200))
        sev = max(0, min(10, round(rng.gauss(6.5 - 3.5 * ease, 1.3))))
        sym.append(SymptomRow(at, sev, "right", ("r1", "r2", "r3"), rng.choice((5, 10, 20)), "sleep", rng.random() < 0.7 - 0.5 * ease))
        treat.append(TreatmentRow(at.replace(hour=22), "splint_night" if i >= 60 else "exercise", "wrist splint" if i >= 60 else None))
        acts.append(ActivityRow(at.replace(hour=9), "session", "carpal_tunnel_daily", rng.choice(("done", "done", "partial", "skipped")), 240))
        if i % 7 == 0:
            scores.append(ScoreRow(at.replace(hour=20), "bctq", {"sss": round(3.4 - 1.6 * ease + rng.gauss(0, 0.15), 2),
                                                                 "fss": round(2.8 - 1.1 * ease + rng.gauss(0, 0.15), 2)}))
        if i % 91 == 0:
            checks.append(CheckRow(at.replace(hour=19), "routine", (("carpal_tunnel", 0.8), ("ulnar_neuropathy", 0.06)), ()))
    return ReportData(start, end, tuple(sym), tuple(treat), tuple(checks), tuple(scores), tuple(acts), age=52, sex="female")


def make_diary(folder: Path) -> str:
    """Write the year into a fresh SQLite diary and return its URL."""
    from numbwise.diary.store import open_store
    from numbwise.report.data import fill_store

    url = f"sqlite:///{folder / 'year.sqlite3'}"
    with open_store(url) as store:
        fill_store(store, year_data())  # type: ignore[arg-type]
    return url


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all threads) of one run of a separate process."""
    began = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the diary and the PDF in this folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="numbwise-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = make_diary(folder) if not (folder / "year.sqlite3").exists() else f"sqlite:///{folder / 'year.sqlite3'}"
    case = folder / "case.json"
    case.write_text(json.dumps({"age": 52, "sex": "female", "findings": {"numb_thumb": True, "wakes_from_sleep": True}}))
    env = {**os.environ, "NUMBWISE_HOME": str(folder / "home")}
    py = sys.executable
    pdf = folder / "year.pdf"
    commands = {
        "floor (python -c pass)": [py, "-c", "pass"],
        "numbwise assess, one case": [py, "-m", "numbwise", "assess", "--case", str(case)],
        "numbwise report, a year": [py, "-m", "numbwise", "--db", url, "--plain", "report", "--from", str(END - dt.timedelta(days=364)),
                                    "--to", str(END), "--out", str(pdf), "--force"],
    }
    for cmd in commands.values():  # one warm-up round: caches, page cache
        _time(cmd, env)
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    load_before = os.getloadavg()[0]
    for _ in range(args.runs):
        for name, cmd in commands.items():
            times[name].append(_time(cmd, env))
    result = {k: {"median": statistics.median(w for w, _ in v), "worst": max(w for w, _ in v),
                  "cpu_median": statistics.median(c for _, c in v), "runs": len(v)} for k, v in times.items()}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{'command':<28} {'median s':>9} {'worst s':>8} {'CPU s':>7}  ({args.runs} alternating runs, {os.cpu_count()} cores,"
          f" load {load_before:.1f} -> {os.getloadavg()[0]:.1f})")
    for k, r in result.items():
        print(f"{k:<28} {r['median']:>9.3f} {r['worst']:>8.3f} {r['cpu_median']:>7.3f}")


if __name__ == "__main__":
    main()
