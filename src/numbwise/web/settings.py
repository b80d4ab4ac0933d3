"""Settings the web app is built with, injected by `create_app` so tests and `numbwise serve` choose them."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from numbwise.assess.interview import MAX_QUESTIONS

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")  # as Starlette reads the Host header (IPv6 in brackets)


@dataclass(frozen=True)
class WebSettings:
    """Where the diary lives, the key that signs check state and form tokens, the check's length, who may connect."""

    store_url: str | None = None  # None: paths.default_db_url()
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    max_questions: int = MAX_QUESTIONS
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(timezone.utc))
    allow_test_speed: bool = False  # tests only: honour ?test_speed= so the exercise player runs fast
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES  # Host header names answered (DNS rebinding gets 400)
    access_key: str | None = None  # remote access: clients other than this computer sign in with it
    pairing_code: str | None = None  # remote access: a one-time sign-in link for a phone
