"""The big run of the "not knowing never lowers the level" property (the suite runs a small sample).

Usage: python bench/unknown_never_lowers.py [--cases 10000] [--whole 1000] [--seed 20261203]

For each generated case (random findings the rules read, or a fixture case with a few answers
changed, and an age that may be unknown) it checks every finding the rules read three ways: not
known, no and yes (tests/triage_cases.py `lowers`). `--cases` runs that over the rules' level;
`--whole` over the level of the whole assessment, where only the coherence rule may move with an
answer (docs/triage.md). Prints the counts and every problem found; exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from numbwise.assess.triage import triage  # noqa: E402
from tests.triage_cases import AGES, RULE_FINDINGS, dev_and_probe, level_of, lowers  # noqa: E402


def generate(rng: random.Random, fixtures: list[dict[str, object]]) -> tuple[dict[str, bool], int | None]:
    """One answer set, drawn the way the suite's hypothesis strategy draws it."""
    age = rng.choice(AGES)
    if rng.random() < 0.5:
        base = rng.choice(fixtures)
        findings = dict(base["findings"])  # type: ignore[call-overload]
        for fid in rng.sample(RULE_FINDINGS, rng.randint(0, 3)):
            findings[fid] = rng.random() < 0.5
        age = rng.choice([base.get("age"), age])  # type: ignore[list-item]
    else:
        keys = rng.sample(RULE_FINDINGS, rng.randint(0, 10))
        findings = {k: rng.random() < 0.5 for k in keys}
    return findings, age


def _progress(label: str, i: int, n: int) -> None:
    if sys.stderr.isatty() and (i % 50 == 0 or i == n):
        done = int(30 * i / n)
        print(f"\r  {label:<22} [{'#' * done}{'.' * (30 - done)}] {i}/{n}", end="" if i < n else "\n", file=sys.stderr, flush=True)


def run(n: int, whole: bool, seed: int) -> list[str]:
    rng = random.Random(seed)
    fixtures = dev_and_probe()
    problems: list[str] = []
    level = level_of if whole else triage
    label = "whole assessment" if whole else "rules"
    for i in range(1, n + 1):
        findings, age = generate(rng, fixtures)
        problems += lowers(findings, age, level, allow_coherence=whole)
        _progress(label, i, n)
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10_000, help="cases for the rules' level (default 10000)")
    ap.add_argument("--whole", type=int, default=1_000, help="cases for the whole assessment (default 1000)")
    ap.add_argument("--seed", type=int, default=20261203)
    args = ap.parse_args()
    bad = 0
    for n, whole in ((args.cases, False), (args.whole, True)):
        start = time.perf_counter()
        problems = run(n, whole, args.seed)
        took = time.perf_counter() - start
        checks = n * (3 * len(RULE_FINDINGS))
        print(f"{'whole assessment' if whole else 'rules'}: {n} cases, {checks} single-finding checks, "
              f"{len(problems)} problems, {took:.1f} s")
        for p in problems[:20]:
            print("  ", p)
        bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
