"""Free-text parser benchmark (issue 13): finding precision and recall, age and sex, triage from text alone
and from text plus the interview, questions saved, and speed. Not part of the test run.

Usage: python bench/parse_bench.py [--set tests/fixtures/parse/dev.yaml] [--json] [--misses]

Each description in the set has gold findings (what its words say). Those written from a full case
(`case:`) are compared with that case: the interview answers its remaining questions from it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "cases"
DEV = ROOT / "tests" / "fixtures" / "parse" / "dev.yaml"
LEVELS = ["emergency", "urgent", "routine", "self_care"]


def _pr(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "tp": tp, "fp": fp, "fn": fn}


def run(path: Path, show_misses: bool = False) -> dict[str, Any]:
    """Score the parser on one labelled set."""
    import yaml

    from numbwise.assess import assess
    from numbwise.assess.interview import describe, outcome, simulate, start
    from numbwise.kb import load
    from numbwise.parse import EMERGENCY_GROUP, assessed, parse

    kb = load()
    groups = kb.vocabulary.finding_groups
    entries = yaml.safe_load(path.read_text())
    parse("warm up: tingeling")  # the lexicon and the spelling corrector load once per process; time after it
    counts = {k: [0, 0, 0] for k in ("all", "emergency", "case_all")}
    skipped: set[str] = set()
    age_ok = sex_ok = age_n = sex_n = 0
    same_text = same_text_iv = under_text = under_text_iv = 0
    q_base, q_text, items_base, items_text = [], [], [], []
    times = []
    for e in entries:
        gold = {f: v for f, v in e["findings"].items() if f in groups}
        skipped |= {f for f in e["findings"] if f not in groups}
        t0 = time.perf_counter()
        got = parse(e["text"])
        times.append(time.perf_counter() - t0)
        for kind, mine in (("all", got.understood), ("case_all", got.findings)):
            tp = sum(1 for f, v in mine.items() if gold.get(f) == v)
            fp = sum(1 for f, v in mine.items() if gold.get(f) != v)
            fn = sum(1 for f, v in gold.items() if mine.get(f) != v)
            c = counts[kind]
            c[0] += tp; c[1] += fp; c[2] += fn  # noqa: E702
        em_mine = {f: v for f, v in got.understood.items() if groups[f] == EMERGENCY_GROUP}
        em_gold = {f: v for f, v in gold.items() if groups[f] == EMERGENCY_GROUP}
        c = counts["emergency"]
        c[0] += sum(1 for f, v in em_mine.items() if em_gold.get(f) == v)
        c[1] += sum(1 for f, v in em_mine.items() if em_gold.get(f) != v)
        c[2] += sum(1 for f, v in em_gold.items() if em_mine.get(f) != v)
        if show_misses:
            extra = {f: v for f, v in got.understood.items() if gold.get(f) != v}
            missed = {f: v for f, v in gold.items() if got.understood.get(f) != v}
            if extra or missed:
                print(f"{e['id']}: wrong {extra}  missed {missed}", file=sys.stderr)
        if e.get("age") is not None or got.age is not None:
            age_n += 1
            age_ok += got.age == e.get("age")
        if e.get("sex") is not None or got.sex is not None:
            sex_n += 1
            sex_ok += got.sex == e.get("sex")
        if e.get("case"):
            full = json.loads((CASES / f"{e['case']}.json").read_text())
            fcase = {f: v for f, v in full["findings"].items() if f in groups}
            age, sex = full.get("age"), full.get("sex")
        else:
            fcase, age, sex = gold, e.get("age"), e.get("sex")
        full_level = assess({"age": age, "sex": sex, "findings": fcase}).triage
        text_level = assessed(got).triage  # as `numbwise assess --text`: never self-care from words alone
        same_text += text_level == full_level
        under_text += LEVELS.index(text_level) > LEVELS.index(full_level)
        base = simulate(fcase, age, sex)
        iv = describe(start(age, sex), got.findings)
        iv = _continue(iv, fcase)
        iv_level = outcome(iv).triage
        same_text_iv += iv_level == full_level
        under_text_iv += LEVELS.index(iv_level) > LEVELS.index(full_level)
        if show_misses and iv_level != full_level:
            print(f"{e['id']}: text+interview {iv_level} vs full {full_level}", file=sys.stderr)
        q_base.append(base.count)
        q_text.append(iv.count)
        items_base.append(sum(len(q.findings) for q, *_ in base.history))
        items_text.append(sum(len(q.findings) for q, *_ in iv.history if q.kind != "text"))
    n = len(entries)
    return {
        "descriptions": n,
        "findings_all": _pr(*counts["all"]),
        "findings_emergency": _pr(*counts["emergency"]),
        "findings_in_case": _pr(*counts["case_all"]),
        "age_correct_pct": round(100 * age_ok / age_n, 1) if age_n else None,
        "sex_correct_pct": round(100 * sex_ok / sex_n, 1) if sex_n else None,
        "triage_text_alone_same_pct": round(100 * same_text / n, 1),
        "triage_text_alone_under_pct": round(100 * under_text / n, 1),
        "triage_text_plus_interview_same_pct": round(100 * same_text_iv / n, 1),
        "triage_text_plus_interview_under_pct": round(100 * under_text_iv / n, 1),
        "questions_mean_without_text": round(statistics.mean(q_base), 2),
        "questions_mean_with_text": round(statistics.mean(q_text), 2),
        "questions_saved_pct": round(100 * (1 - sum(q_text) / sum(q_base)), 1),
        "items_mean_without_text": round(statistics.mean(items_base), 1),
        "items_mean_with_text": round(statistics.mean(items_text), 1),
        "items_saved_pct": round(100 * (1 - sum(items_text) / sum(items_base)), 1),
        "parse_ms_median": round(1000 * statistics.median(times), 2),
        "parse_ms_worst": round(1000 * max(times), 2),
        "gold_findings_not_in_vocabulary": sorted(skipped),
    }


def _continue(iv: Any, findings: dict[str, bool]) -> Any:
    """Answer the rest of the interview from the full case (left-out findings 'not sure')."""
    from numbwise.assess.interview import answer, next_question

    while (q := next_question(iv)) is not None:
        iv = answer(iv, q, {f: findings[f] for f in q.findings if f in findings})
    return iv


def startup(runs: int) -> dict[str, Any]:
    """Whole-process time of `numbwise parse --text ...` (median and worst)."""
    import subprocess

    times, helps = [], []
    for _ in range(runs):  # alternate with `numbwise --help`, so a busy moment on a shared machine hits both
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "numbwise", "parse", "--text", "my pinky and ring finger go dead at night"],
                       capture_output=True, check=True)
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "numbwise", "--help"], capture_output=True, check=True)
        helps.append(time.perf_counter() - t)
    return {"runs": runs, "median_s": round(statistics.median(times), 3), "worst_s": round(max(times), 3),
            "help_median_s": round(statistics.median(helps), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=DEV, help="a labelled set (YAML)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", action="store_true", help="print each description's wrong and missed findings")
    ap.add_argument("--startup-runs", type=int, default=10)
    args = ap.parse_args()
    report = run(args.set, args.misses)
    if args.startup_runs:
        report["startup"] = startup(args.startup_runs)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
