"""Security for a local app: strict headers on every response and a double-submit token on every form."""

from __future__ import annotations

import hmac
import secrets
from http.cookies import SimpleCookie
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
]
CSRF_COOKIE = "numbwise_csrf"
CSRF_FIELD = "csrf"


class SecurityHeaders:
    """Pure ASGI middleware (cheap on the fast API path) adding the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is treated as no cookie
                return None
            if name in jar:
                return jar[name].value
    return None


class CsrfCookie:
    """Give every page visitor a random token cookie (HttpOnly, SameSite=Strict) that forms echo back.

    Pages read the token from `request.state.csrf`; `check_csrf` compares the form's copy with the cookie.
    The JSON API is left out: it takes only application/json, which a cross-site form cannot send.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(("/api/", "/static/")) or path == "/openapi.json":
            await self.app(scope, receive, send)
            return
        token = _cookie(scope, CSRF_COOKIE)
        fresh = token is None or not (20 <= len(token) <= 100)
        if fresh:
            token = secrets.token_urlsafe(32)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["csrf"] = token
        state["csrf_cookie"] = None if fresh else token

        async def send_with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                message["headers"] = list(message.get("headers", [])) + [(b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def csrf_ok(cookie_token: str | None, form_token: object) -> bool:
    """True when the form carries the same token as the cookie the browser sent."""
    return (isinstance(cookie_token, str) and isinstance(form_token, str)
            and hmac.compare_digest(cookie_token.encode(), form_token.encode()))
