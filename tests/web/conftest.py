"""Fixtures for the web face: the real app under uvicorn on a free loopback port, and Debian's Chromium."""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def free_port() -> int:
    """A port nobody is listening on (loopback only)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Live:
    """A running app: its base URL and the SQLite file it uses."""

    url: str
    db: str


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """The app served by uvicorn in a background thread, with its own SQLite store; stopped at the end."""
    import uvicorn

    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    home = tmp_path_factory.mktemp("web-home")
    db = f"sqlite:///{home / 'numbwise.sqlite3'}"
    app = create_app(settings=WebSettings(store_url=db, secret_key="test-secret", allow_test_speed=True))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.02)
    yield Live(f"http://127.0.0.1:{port}", db)
    server.should_exit = True
    thread.join(timeout=10)


@dataclass
class Reply:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        import json

        return json.loads(self.body)


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None) -> Reply:
    """A plain HTTP request (no redirects followed for 3xx is not needed here); errors come back as replies."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return Reply(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read())
    except urllib.error.HTTPError as e:
        return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())


def api_token(live: Live) -> str:
    """The X-CSRF-Token value state-changing API calls need (GET /api/token, readable only by this origin)."""
    token: str = fetch(live.url + "/api/token").json()["csrf"]
    return token


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session (Debian's package; Playwright cannot download one here)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: scripts/bootstrap test installs it")
        pytest.skip("/usr/bin/chromium is missing (scripts/bootstrap test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, live: Live) -> Iterator[Any]:
    """A fresh phone-sized page (375 px wide) that refuses every request leaving 127.0.0.1."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=live.url)
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(live.url + "/") or route.request.url == live.url:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    # A 404 page visited on purpose logs "Failed to load resource ... 404"; anything else is a real error.
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 404" not in m.text else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.outside = outside
    pg.errors = errors
    yield pg
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"browser console errors (CSP or script): {errors}"
