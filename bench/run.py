"""Benchmarks (not part of the test run): accuracy, interview simulation and speed.

Usage: python bench/run.py [--cases DIR ...] [--batch 1000] [--runs 20] [--json]

- accuracy: the shared scorer (../shared/bench/score.py) drives the installed `numbwise assess`
  on each case folder (the repository's dev and held-out fixtures by default);
- interview: every case is run through the interview, answered from the case (left-out findings
  answered 'not sure'); reports median and worst question count and agreement with the full case;
- speed: cases per second for an in-process batch, and whole-process time for one case.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT / "tests" / "fixtures" / "cases" / name for name in ("dev", "holdout", "holdout2", "probe")]
SCORER = ROOT.parent / "shared" / "bench" / "score.py"


def _progress(label: str, i: int, n: int) -> None:
    if not sys.stderr.isatty():
        return
    width = 30
    done = int(width * i / n)
    print(f"\r  {label:<28} [{'#' * done}{'.' * (width - done)}] {i}/{n}", end="", file=sys.stderr, flush=True)
    if i == n:
        print(file=sys.stderr)


def _cases(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))]


def accuracy(folder: Path) -> dict[str, Any]:
    """The shared scorer's summary for one folder (or the built-in equivalent when shared/ is absent)."""
    exe = shutil.which("numbwise") or str(Path(sys.executable).parent / "numbwise")
    if SCORER.exists():
        run = subprocess.run([sys.executable, str(SCORER), str(folder), "--cmd", f"{exe} assess", "--json"],
                             capture_output=True, text=True, check=True)
        return dict(json.loads(run.stdout.strip().splitlines()[-1]))
    from numbwise.assess import assess

    cases = _cases(folder)
    levels = ["self_care", "routine", "urgent", "emergency"]
    tri = top1 = top3 = 0
    for c in cases:
        a = assess({k: c.get(k) for k in ("id", "age", "sex", "findings")})
        ok = {c["expect"]["cause"], *c["expect"].get("also_acceptable", [])}
        ids = [x for x, _ in a.causes]
        tri += a.triage == c["expect"]["triage"]
        top1 += ids[0] in ok
        top3 += bool(ok & set(ids[:3]))
    n = len(cases)
    return {"cases": n, "triage_accuracy": round(100 * tri / n, 1), "top1_cause": round(100 * top1 / n, 1),
            "top3_cause": round(100 * top3 / n, 1), "levels": levels}


def calibration(folder: Path) -> dict[str, Any]:
    """How sure the model is against how often it is right: mean top probability, accuracy, Brier score."""
    from numbwise.assess import assess

    cases = _cases(folder)
    tops, hits, brier = [], [], 0.0
    for c in cases:
        a = assess({k: c.get(k) for k in ("id", "age", "sex", "findings")})
        ok = {c["expect"]["cause"], *c["expect"].get("also_acceptable", [])}
        p_ok = sum(p for cid, p in a.causes if cid in ok)
        brier += (1.0 - p_ok) ** 2
        tops.append(a.causes[0][1])
        hits.append(a.causes[0][0] in ok)
    n = len(cases)
    return {"mean_top_probability": round(statistics.mean(tops), 3), "top1_accuracy": round(sum(hits) / n, 3),
            "brier_right_cause": round(brier / n, 3)}


def interview(folder: Path) -> dict[str, Any]:
    """Run the interview on every case and compare it with the full-case assessment."""
    from numbwise.assess import assess
    from numbwise.assess.interview import outcome, simulate

    cases = _cases(folder)
    counts, items, same_triage, same_top, expected_top1 = [], [], 0, 0, 0
    for i, c in enumerate(cases, 1):
        full = assess({k: c.get(k) for k in ("id", "age", "sex", "findings")})
        iv = simulate(c["findings"], c.get("age"), c.get("sex"))
        got = outcome(iv)
        counts.append(iv.count)
        items.append(sum(len(q.findings) for q, _ in iv.history))
        same_triage += got.triage == full.triage
        same_top += got.causes[0][0] == full.causes[0][0]
        expected_top1 += got.causes[0][0] in {c["expect"]["cause"], *c["expect"].get("also_acceptable", [])}
        _progress(f"interview {folder.name}", i, len(cases))
    n = len(cases)
    return {"cases": n, "median_questions": statistics.median(counts), "worst_questions": max(counts),
            "median_items_shown": statistics.median(items),
            "same_triage_pct": round(100 * same_triage / n, 1), "same_top_cause_pct": round(100 * same_top / n, 1),
            "interview_top1_vs_expected_pct": round(100 * expected_top1 / n, 1)}


def speed(batch: int, runs: int) -> dict[str, Any]:
    """In-process cases per second on a batch built from the fixtures, and one-case process time."""
    from numbwise.assess import assess_case, parse_case

    pool = [parse_case({k: c.get(k) for k in ("id", "age", "sex", "findings")})
            for folder in DEFAULT_FOLDERS for c in _cases(folder)]
    cases = [pool[i % len(pool)] for i in range(batch)]
    assess_case(cases[0])  # load the knowledge base outside the timing
    start = time.perf_counter()
    for c in cases:
        assess_case(c)
    per_second = batch / (time.perf_counter() - start)
    exe = shutil.which("numbwise") or str(Path(sys.executable).parent / "numbwise")
    one = DEFAULT_FOLDERS[0] / "dev-001.json"
    times = []
    for i in range(runs):
        t = time.perf_counter()
        subprocess.run([exe, "assess", "--case", str(one)], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
        _progress("one case, whole process", i + 1, runs)
    return {"batch": batch, "cases_per_second": round(per_second), "one_case_seconds_median": round(statistics.median(times), 3),
            "one_case_seconds_worst": round(max(times), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=Path, action="append", help="a case folder (repeatable)")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    folders = args.cases or [f for f in DEFAULT_FOLDERS if f.is_dir()]
    report: dict[str, Any] = {"accuracy": {}, "calibration": {}, "interview": {}}
    for folder in folders:
        report["accuracy"][folder.name] = accuracy(folder)
        report["calibration"][folder.name] = calibration(folder)
        report["interview"][folder.name] = interview(folder)
    report["speed"] = speed(args.batch, args.runs)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for folder, acc in report["accuracy"].items():
        print(f"accuracy {folder}: " + " ".join(f"{k}={v}" for k, v in acc.items() if k != "levels"))
    for folder, cal in report["calibration"].items():
        print(f"calibration {folder}: " + " ".join(f"{k}={v}" for k, v in cal.items()))
    for folder, iv in report["interview"].items():
        print(f"interview {folder}: " + " ".join(f"{k}={v}" for k, v in iv.items()))
    print("speed: " + " ".join(f"{k}={v}" for k, v in report["speed"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
