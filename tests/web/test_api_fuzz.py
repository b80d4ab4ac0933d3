"""A small API fuzz in the suite: every JSON route, awkward bodies (deep nesting, huge integers, lone surrogates,
odd dates), no server error. The full 10,000 bodies per route is bench/api_fuzz.py (docs/benchmarks.md)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.api_fuzz import fuzz


@pytest.mark.parametrize("seed", [1, 2])
def test_no_generated_body_makes_a_server_error(tmp_path: Path, seed: int) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:  # its own event loop: browser tests may leave one running here
        results = pool.submit(fuzz, 60, seed, f"sqlite:///{tmp_path / 'fuzz.sqlite3'}").result(timeout=300)
    errors = {route: {s: n for s, n in counts.items() if s >= 500} for route, counts in results.items()}
    assert all(not e for e in errors.values()), errors
    assert sum(sum(c.values()) for c in results.values()) == 60 * len(results)
    assert any(201 in c for c in results.values())  # some bodies were valid and saved: the fuzz reaches handlers
