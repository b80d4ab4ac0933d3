"""Benchmark (not a test): POST /api/assess under load, side by side with a bare Starlette endpoint.

Each server runs in its own uvicorn process on a free loopback port; the load comes from a third process
(a small asyncio HTTP/1.1 keep-alive client). The bare endpoint does the same core work (parse the case,
assess it, dump JSON) with no FastAPI, no middleware: the gap between the two is what the web face costs.
Reported: requests per second at full load (N connections), p50 / p99 latency, and p99 at a fixed 200
requests per second. Traffic goes to 127.0.0.1 only; every loop is bounded in time.

Run: .venv/bin/python bench/web_bench.py [--seconds 5] [--connections 16]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import socket
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASE = {"age": 52, "sex": "female",
        "findings": {"numb_thumb": True, "numb_index": True, "numb_middle": True, "worse_at_night": True,
                     "wakes_from_sleep": True, "shaking_relieves": True, "neck_pain": False}}


def bare_app() -> Any:
    """A bare Starlette app with one route doing the same core work as /api/assess."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from numbwise.assess.case import CaseError, parse_case
    from numbwise.assess.engine import assess_case

    async def assess(request: Request) -> Response:
        try:
            case = parse_case(json.loads(await request.body()), "body")
        except (CaseError, ValueError) as exc:
            return Response(json.dumps({"detail": str(exc)}), 422, media_type="application/json")
        return Response(json.dumps(assess_case(case).to_dict()), media_type="application/json")

    return Starlette(routes=[Route("/api/assess", assess, methods=["POST"])])


def serve(kind: str, port: int) -> None:
    """Run one server process (kind: 'app' or 'bare')."""
    import uvicorn

    from numbwise.kb import load

    load()
    if kind == "app":
        from numbwise.web.app import create_app

        app = create_app()
    else:
        app = bare_app()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not start")


def request_bytes(port: int) -> bytes:
    body = json.dumps(CASE).encode()
    return (f"POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, req: bytes) -> float:
    """Send one request on a kept-alive connection and read the whole reply; return seconds taken."""
    t0 = time.perf_counter()
    writer.write(req)
    head = await reader.readuntil(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(head[:80].decode(errors="replace"))
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return time.perf_counter() - t0


async def closed_loop(port: int, seconds: float, connections: int) -> tuple[float, list[float]]:
    """As fast as possible on N connections: (requests per second, latencies)."""
    req = request_bytes(port)
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.perf_counter() < stop:
            latencies.append(await one(reader, writer, req))
        writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    return len(latencies) / (time.perf_counter() - t0), latencies


async def open_loop(port: int, seconds: float, rate: float, connections: int = 16) -> list[float]:
    """A fixed arrival rate (requests per second) spread over a pool of connections: latencies."""
    req = request_bytes(port)
    pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection("127.0.0.1", port))
    latencies: list[float] = []
    tasks = []

    async def fire(scheduled: float) -> None:
        conn = await pool.get()
        await one(*conn, req)
        latencies.append(time.perf_counter() - scheduled)  # measured from when it was due (no coordinated omission)
        pool.put_nowait(conn)

    start = time.perf_counter()
    for i in range(int(seconds * rate)):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(fire(due)))
    await asyncio.gather(*tasks)
    while not pool.empty():
        pool.get_nowait()[1].close()
    return latencies


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000)[int(q * 1000) - 1] * 1000 if len(values) > 10 else float("nan")


def load(port: int, seconds: float, connections: int, out: Any) -> None:
    """The load generator process: warm up, full load, then 200 requests per second."""

    async def run() -> dict[str, float]:
        await closed_loop(port, 1.0, connections)  # warm-up
        rps, lat = await closed_loop(port, seconds, connections)
        fixed = await open_loop(port, seconds, 200.0)
        return {"rps": rps, "p50": pct(lat, 0.5), "p99": pct(lat, 0.99), "fixed_p50": pct(fixed, 0.5),
                "fixed_p99": pct(fixed, 0.99), "n": len(lat)}

    out.put(asyncio.run(run()))


def measure(kind: str, seconds: float, connections: int) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    port = free_port()
    server = ctx.Process(target=serve, args=(kind, port), daemon=True)
    server.start()
    try:
        wait_up(port)
        queue = ctx.Queue()
        client = ctx.Process(target=load, args=(port, seconds, connections, queue))
        client.start()
        result: dict[str, float] = queue.get(timeout=seconds * 4 + 60)
        client.join(timeout=10)
        return result
    finally:
        server.terminate()
        server.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="alternate bare/app this many times; medians are shown")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
    for i in range(args.rounds):  # alternate the order so a busy moment on a shared machine hits both alike
        for kind in (("bare", "app") if i % 2 == 0 else ("app", "bare")):
            runs[kind].append(measure(kind, args.seconds, args.connections))
    rows = {kind: {key: statistics.median(r[key] for r in rs) for key in rs[0]} for kind, rs in runs.items()}
    print(f"POST /api/assess, {args.connections} connections, {args.seconds:g} s per phase, loopback, "
          f"median of {args.rounds} alternating rounds")
    print(f"{'server':<32}{'rps':>8}{'p50 ms':>9}{'p99 ms':>9}{'p50@200/s':>11}{'p99@200/s':>11}")
    names = {"bare": "bare Starlette (same core work)", "app": "numbwise app (FastAPI + mw)"}
    for kind, r in rows.items():
        print(f"{names[kind]:<32}{r['rps']:>8.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['fixed_p50']:>11.2f}{r['fixed_p99']:>11.2f}")
    ratio = rows["app"]["rps"] / rows["bare"]["rps"]
    print(f"throughput ratio app / bare: {ratio:.2f} (target >= 0.70); p99 at 200/s: {rows['app']['fixed_p99']:.2f} ms (target <= 20)")


if __name__ == "__main__":
    main()
