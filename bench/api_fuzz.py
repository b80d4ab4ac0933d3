"""Benchmark (not a test): fuzz every JSON API route with 10,000 bodies each and count server errors (must be 0).

The bodies come from a seeded generator: valid requests with one field mutated, wrong types, deep nesting, huge
and negative integers, lone surrogates, odd dates (year 1, +14:00, 2999), huge strings, random bytes and broken
JSON. Each goes through the whole app in-process (every middleware, a real SQLite file), with a valid
X-CSRF-Token so it reaches the handler. tests/web/test_api_fuzz.py runs the same generator with a few bodies.

Run: .venv/bin/python bench/api_fuzz.py [--bodies 10000] [--seed 12]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ODD_STRINGS = ["", " ", "\ud800", "a\udfffb", "\x00", "=HYPERLINK(\"x\")", "😀" * 50, "x" * 6000, "r1,r9", "R0",
               "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-13-01", "26-11-30", "NaN", "-0",
               "<script>", "' OR 1=1 --", "S99999999999999999999", "..", "%00", "\u202e", "true", "null"]
ODD_NUMBERS: list[Any] = [0, -1, 1, 10, 11, 2**31, 2**63, 2**64, -(2**63) - 1, 10**30, 1.5, -0.0, 1e308, True, False]
DEEP = 5000


def odd_value(rng: random.Random, depth: int = 0) -> Any:
    """One value of a random awkward kind."""
    kind = rng.randrange(9 if depth < 3 else 5)
    if kind == 0:
        return rng.choice(ODD_STRINGS)
    if kind == 1:
        return rng.choice(ODD_NUMBERS)
    if kind == 2:
        return None
    if kind == 3:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(0, 30)))
    if kind == 4:
        return rng.randrange(-10**6, 10**6)
    if kind == 5:
        return [odd_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if kind == 6:
        return {rng.choice(["severity", "notes", "at", "x", "kind", ""]): odd_value(rng, depth + 1)
                for _ in range(rng.randrange(0, 4))}
    if kind == 7:
        return rng.choice(["2026-03-01T08:00:00+00:00", "2026-03-01T08:00:00", "2999-01-01T00:00:00Z",
                           "1899-12-31T23:59:59Z", "0026-11-30T08:00:00Z"])
    return rng.choice([["r1", "r2"], ["l0"], ["z9"], [1, 2], "r1"])


VALID: dict[str, dict[str, Any]] = {
    "assess": {"age": 52, "sex": "female", "findings": {"numb_thumb": True, "wakes_from_sleep": True}},
    "symptom": {"severity": 5, "fingers": ["r1", "r2"], "hand": "right", "minutes": 10, "trigger": "typing",
                "woke": True, "notes": "ok", "at": "2026-03-01T08:00:00+00:00"},
    "treatment": {"kind": "splint_night", "detail": "wrist", "notes": "", "at": "2026-03-01T08:00:00+00:00"},
    "parse": {"text": "my thumb and index finger tingle at night and shaking my hand helps"},
    "score": {"answers": {**{f"sss_{i}": 3 for i in range(1, 12)}, **{f"fss_{i}": 2 for i in range(1, 9)}},
              "hand": "right"},
}


def body(rng: random.Random, shape: str) -> bytes:
    """One request body for a route whose valid body looks like VALID[shape]."""
    roll = rng.random()
    if roll < 0.05:
        return b"[" * DEEP + b"]" * DEEP
    if roll < 0.08:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    if roll < 0.11:
        return json.dumps(VALID[shape])[: rng.randrange(1, 40)].encode()
    if roll < 0.14:
        return json.dumps(odd_value(rng)).encode("utf-8", "surrogatepass")
    doc = json.loads(json.dumps(VALID[shape]))
    for _ in range(rng.randrange(1, 4)):
        keys = list(doc) + ["unknown_field"]
        doc[rng.choice(keys)] = odd_value(rng)
    if rng.random() < 0.3 and doc:
        doc.pop(rng.choice(list(doc)))
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def query(rng: random.Random) -> str:
    """A query string for the list routes."""
    from urllib.parse import quote

    parts = []
    for name in rng.sample(["kind", "since", "until", "instrument", "x"], rng.randrange(0, 4)):
        value = odd_value(rng)
        parts.append(f"{name}={quote(str(value).encode('utf-8', 'surrogatepass'), safe='')}")
    return "&".join(parts)


ROUTES: list[tuple[str, str, str | None]] = [
    ("POST", "/api/assess", "assess"),
    ("POST", "/api/result", "assess"),
    ("POST", "/api/parse", "parse"),
    ("POST", "/api/symptoms", "symptom"),
    ("PATCH", "/api/symptoms/{id}", "symptom"),
    ("POST", "/api/treatments", "treatment"),
    ("PATCH", "/api/treatments/{id}", "treatment"),
    ("POST", "/api/scores/{instrument}", "score"),
    ("GET", "/api/entries", None),
    ("GET", "/api/scores", None),
    ("GET", "/api/entries/{ref}", None),
    ("DELETE", "/api/entries/{ref}", None),
]


def target(rng: random.Random, path: str) -> str:
    """The path with its placeholders filled with awkward or real values, plus a query for list routes."""
    from urllib.parse import quote

    filled = (path.replace("{id}", quote(str(rng.choice([1, 2, 0, -1, 2**63, "abc", "1e3", 10**20])), safe=""))
              .replace("{instrument}", rng.choice(["bctq", "katz", "mnsi", "cts6", "nope", "%00", "x" * 60]))
              .replace("{ref}", rng.choice(["S1", "T1", "C1", "Q1", "A1", "S0", "X1", "S99999999999999999999",
                                            "s-1", "S1.5"])))
    return filled + ("?" + query(rng) if path in ("/api/entries", "/api/scores") else "")


async def call(app: Any, method: str, path: str, data: bytes, token: str) -> int:
    """One request through the whole middleware stack; the status code."""
    from tests.web.asgi_call import call_async

    headers = {"content-type": "application/json", "x-csrf-token": token, "content-length": str(len(data))}
    return (await call_async(app, method, path, data, headers)).status


def fuzz(bodies: int, seed: int, store_url: str) -> dict[str, Counter[int]]:
    """Status counts per route for `bodies` generated requests each."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]  # numbwise, and tests.web.asgi_call for the requests
    from numbwise.web.app import create_app
    from numbwise.web.security import csrf_token
    from numbwise.web.settings import WebSettings

    app = create_app(settings=WebSettings(store_url=store_url, secret_key="fuzz"))
    token = csrf_token("fuzz", "fuzz-visitor")
    rng = random.Random(seed)
    out: dict[str, Counter[int]] = {}

    async def run() -> None:
        for method, path, shape in ROUTES:
            counts: Counter[int] = Counter()
            for _ in range(bodies):
                data = body(rng, shape) if shape else b""
                counts[await call(app, method, target(rng, path), data, token)] += 1
            out[f"{method} {path}"] = counts

    asyncio.run(run())
    return out


def main() -> None:
    """Fuzz every route and print the status counts; exit 1 on any server error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=12)
    opts = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="numbwise-fuzz-") as folder:
        results = fuzz(opts.bodies, opts.seed, f"sqlite:///{folder}/fuzz.sqlite3")
    errors = 0
    for route, counts in results.items():
        errors += sum(n for status, n in counts.items() if status >= 500)
        shown = ", ".join(f"{s}: {n}" for s, n in sorted(counts.items()))
        print(f"{route:32} {sum(counts.values()):6} bodies  {shown}")
    print(f"{sum(sum(c.values()) for c in results.values())} requests in {time.perf_counter() - started:.0f} s; "
          f"server errors (5xx): {errors}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
