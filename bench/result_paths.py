"""The big run of the result-plan invariants (not part of the test run): thousands of generated answer paths.

Usage: python bench/result_paths.py [--paths 5000] [--seed 1]

Each path is one made-up person answering every question of the interview at random (yes, no,
not sure, or leaving a checklist item blank; ages 3 to 95 or not given). The composed result must
hold every invariant in tests/result_paths.py. Prints the counts by level, the questions asked, the early
call screens the result takes back (each must say why: `taken_back_problems`) and any broken invariant with
the seed that reproduces it.
"""

from __future__ import annotations

import argparse
import collections
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import dev_cases  # noqa: E402
from tests.result_paths import problems, taken_back_problems, walk  # noqa: E402


def main() -> int:
    """Run the paths and report; exit 1 when any invariant breaks."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    levels: collections.Counter[str] = collections.Counter()
    counts, told, broken = [], 0, []
    taken = collections.Counter[str]()  # early call screens the result takes back: with a reason said, or without
    stories = [c for c in dev_cases()]
    start = time.perf_counter()
    for i in range(args.paths):
        rng = random.Random(args.seed * 1_000_003 + i)
        if i % 2:  # half the paths follow a dev case's story with noise, half answer at random
            case = rng.choice(stories)
            age = case.get("age") if rng.random() < 0.8 else rng.choice([None, 12, 70])
            # one story path in three is a sure person (no noise, no to the rest): the paths that reach home care
            iv = walk(rng.choice, age, case.get("sex"), story=case["findings"], sure=rng.random() < 1 / 3)
        else:
            age = None if rng.random() < 0.15 else rng.randint(3, 95)
            iv = walk(rng.choice, age, rng.choice([None, "female", "male"]))
        plan, bad = problems(iv)
        back, more = taken_back_problems(iv)
        bad += more
        if back:
            taken["with a reason" if not more else "without a reason"] += 1
        levels[plan.level] += 1
        counts.append(iv.count)
        told += plan.told_apart
        if bad:
            broken.append((i, bad))
    took = time.perf_counter() - start
    print(f"paths: {args.paths}  broken: {len(broken)}  seconds: {took:.0f}")
    print("levels: " + ", ".join(f"{k} {v}" for k, v in sorted(levels.items())))
    print(f"questions: median {statistics.median(counts)}, worst {max(counts)}; causes told apart on {told} paths")
    print(f"early call screens the result takes back: {sum(taken.values())}, with a reason "
          f"{taken['with a reason']}, without {taken['without a reason']}")
    for i, bad in broken[:20]:
        print(f"  path {i}: {'; '.join(bad)}")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
