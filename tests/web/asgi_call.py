"""Call the ASGI app in-process with a chosen client address and headers (for what a loopback server cannot show)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Answer:
    """One response: status, headers (lower-case names; set-cookie values joined by newlines) and body."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def call(app: Any, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None,
         client: str = "127.0.0.1") -> Answer:
    """One HTTP request through the whole middleware stack; Host defaults to 127.0.0.1:8765."""
    # a thread of its own: the browser tests leave an event loop running in this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, call_async(app, method, target, body, headers, client)).result(timeout=60)


async def call_async(app: Any, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None,
                     client: str = "127.0.0.1") -> Answer:
    """The same request from inside a running event loop (the API fuzz sends many)."""
    pairs = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    if not any(k == b"host" for k, _ in pairs):
        pairs.append((b"host", b"127.0.0.1:8765"))
    path, _, query = target.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "path": path,
             "raw_path": path.encode(), "query_string": query.encode(), "headers": pairs, "client": (client, 50000),
             "server": ("127.0.0.1", 8765), "scheme": "http", "root_path": ""}
    answer = Answer(0)
    given = False

    async def receive() -> dict[str, Any]:
        nonlocal given
        if given:
            await asyncio.sleep(3600)
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            for k, v in message.get("headers", []):
                name = k.decode().lower()
                answer.headers[name] = (answer.headers[name] + "\n" if name in answer.headers else "") + v.decode()
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")

    await app(scope, receive, send)
    return answer
