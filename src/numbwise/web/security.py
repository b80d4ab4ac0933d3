"""Security for a local app holding a private diary (threat model: docs/security.md).

Pure ASGI middleware, outermost first:
- `SecurityHeaders`: strict headers on every response, and a plain 500 page (with those headers) for any fault;
- Starlette's `TrustedHostMiddleware`: only this server's own names, so DNS rebinding gets 400;
- `RemoteLogin`: with `--allow-remote`, a session cookie from the access key (or a one-time pairing link) for every
  client that is not this computer; failed attempts are rate-limited;
- `RequestGuard`: for every state-changing request, the Origin / Sec-Fetch-Site check, a body size limit per route
  (413 before the body is read or spooled), and a CSRF token signed with the server's secret (form field, header,
  or query for uploads) bound to the visitor's cookie;
- `CsrfCookie`: the visitor's random cookie and the signed token pages put in their forms.
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import secrets
import time
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from itsdangerous import BadSignature, Signer, TimestampSigner
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
    (b"cache-control", b"no-store"),
]
CSRF_COOKIE = "numbwise_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = b"x-csrf-token"
SESSION_COOKIE = "numbwise_session"
SESSION_SECONDS = 12 * 3600
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STATELESS = frozenset({"/api/assess", "/api/parse"})  # compute an answer, store nothing: no token needed
DEFAULT_LIMIT = 64 * 1024
LIMITS = {"/report/import": 16 * 1024 * 1024}  # a diary export; everything else is a form or a small JSON body
log = logging.getLogger("numbwise.web")


def body_limit(path: str) -> int:
    """The largest request body a route takes, in bytes."""
    return LIMITS.get(path, DEFAULT_LIMIT)


def _signer(secret: str) -> Signer:
    return Signer(secret, salt="numbwise-csrf")


def csrf_token(secret: str, nonce: str) -> str:
    """The form token for a visitor's cookie nonce: unforgeable without the server's secret."""
    return _signer(secret).sign(nonce).decode()


def csrf_ok(expected: str | None, form_token: object) -> bool:
    """True when the form carries the token the middleware expects for this visitor's cookie."""
    return (isinstance(expected, str) and isinstance(form_token, str)
            and hmac.compare_digest(expected.encode(), form_token.encode("utf-8", "replace")))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if raw is None:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is treated as no cookie
        return None
    return jar[name].value if name in jar else None


def _is_api(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/") or scope.get("path") == "/openapi.json"


def plain_page(status: int, title: str, message: str) -> bytes:
    """A small HTML page for refusals and faults (no template, so it cannot fail itself)."""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} - numbwise'
            f'</title><link rel="stylesheet" href="/static/style.css"></head><body><main><h1>{html.escape(title)}</h1>'
            f'<p>{html.escape(message)}</p><p><a href="/">Back to the start</a></p></main></body></html>').encode()


async def refuse(scope: Scope, send: Send, status: int, title: str, message: str,
                 extra: list[tuple[bytes, bytes]] | None = None) -> None:
    """Answer with a plain refusal: JSON for the API, a small page otherwise."""
    if _is_api(scope):
        body = json.dumps({"detail": [{"loc": ["request"], "msg": message, "type": title.lower().replace(" ", "_")}]})
        payload, kind = body.encode(), b"application/json"
    else:
        payload, kind = plain_page(status, title, message), b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(payload)).encode())] + (extra or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


class SecurityHeaders:
    """Add the security headers to every response, and turn any fault into a plain 500 page that has them too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("fault while answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await refuse(scope, send_with_headers, 500, "Something went wrong",
                         "numbwise could not answer this request. Nothing was changed by it. Please try again.")


class CsrfCookie:
    """Give every page visitor a random nonce cookie (HttpOnly, SameSite=Strict) and pages the signed token for it.

    Pages read the token from `request.state.csrf`; routes compare a form's copy with `request.state.csrf_cookie`
    (the token the visitor's cookie should have, None without a cookie) through `csrf_ok`. API and static answers
    set no cookie: a page's parallel requests must not replace the cookie its form token was made for.
    """

    def __init__(self, app: ASGIApp, secret: str) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(("/api/", "/static/")) or path == "/openapi.json":
            await self.app(scope, receive, send)
            return
        nonce = _cookie(scope, CSRF_COOKIE)
        fresh = nonce is None or not (20 <= len(nonce) <= 100)
        if fresh:
            nonce = secrets.token_urlsafe(32)
        assert nonce is not None
        state: dict[str, Any] = scope.setdefault("state", {})
        state["csrf"] = csrf_token(self.secret, nonce)
        state["csrf_cookie"] = None if fresh else state["csrf"]

        async def send_with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict"
                message["headers"] = list(message.get("headers", [])) + [(b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


class _TooLarge(Exception):
    """The body went over the route's limit while it was being read."""


class RequestGuard:
    """Refuse cross-site, oversized and token-less state-changing requests before the app reads their bodies."""

    def __init__(self, app: ASGIApp, secret: str) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(str(scope.get("path", "")))
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await refuse(scope, send, 413, "Too large",
                         f"This request is larger than {limit // 1024} KB, the most this address takes; nothing was done.")
            return
        if scope.get("method") in UNSAFE:
            problem = self._cross_site(scope)
            if problem is not None:
                await refuse(scope, send, 403, "Refused", problem)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge()
            return message

        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            if scope.get("method") in UNSAFE and scope.get("path") not in STATELESS:
                replay = await self._token_checked(scope, limited, tracking)
                if replay is None:
                    return
                await self.app(scope, replay, tracking)
            else:
                await self.app(scope, limited, tracking)
        except _TooLarge:
            if started:
                raise
            await refuse(scope, send, 413, "Too large",
                         f"This request is larger than {limit // 1024} KB, the most this address takes; nothing was done.")

    def _cross_site(self, scope: Scope) -> str | None:
        """Why a state-changing request looks like it came from another site, or None."""
        site = _header(scope, b"sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return "This request came from another site, so it was refused; nothing was done."
        origin = _header(scope, b"origin")
        host = _header(scope, b"host")
        # "null" tells nothing: browsers send it for every form post under Referrer-Policy: no-referrer
        if origin not in (None, "null") and (host is None or origin not in (f"http://{host}", f"https://{host}")):
            return "This request came from another site, so it was refused; nothing was done."
        kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if str(scope.get("path", "")).startswith("/api/") and scope.get("method") in ("POST", "PUT", "PATCH") \
                and kind != "application/json":
            return "The API takes JSON bodies only (Content-Type: application/json); nothing was done."
        return None

    def _valid(self, token: str | None, nonce: str | None, *, bound: bool) -> bool:
        """A token this server signed; `bound`: for this visitor's cookie nonce (forms and uploads)."""
        if not token:
            return False
        try:
            value = _signer(self.secret).unsign(token.encode("utf-8", "replace")).decode()
        except BadSignature:
            return False
        return not bound or (nonce is not None and hmac.compare_digest(value.encode(), nonce.encode()))

    async def _token_checked(self, scope: Scope, receive: Receive, send: Send) -> Receive | None:
        """Check the CSRF token; the receive to hand on (the body replayed), or None after refusing."""
        nonce = _cookie(scope, CSRF_COOKIE)
        header = _header(scope, CSRF_HEADER)
        kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        expired = "This form has expired or came from another site. Please go back, reload the page and try again."
        if kind == "application/x-www-form-urlencoded":
            chunks: list[bytes] = []
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return None
                chunks.append(message.get("body", b""))
                more = bool(message.get("more_body", False))
            body = b"".join(chunks)
            try:
                fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=1000)
            except (UnicodeDecodeError, ValueError):
                fields = {}
            given = fields.get(CSRF_FIELD)
            token = given[0] if given else header
            if not self._valid(token, nonce, bound=True):
                await refuse(scope, send, 403, "Refused", expired)
                return None
            sent = False

            async def replay() -> Message:
                nonlocal sent
                if sent:
                    return await receive()
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}

            return replay
        if kind == "multipart/form-data":  # uploads: the token comes in the address, checked before the file is read
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            given = query.get(CSRF_FIELD)
            token = given[0] if given else header
            if not self._valid(token, nonce, bound=True):
                await refuse(scope, send, 403, "Refused", expired)
                return None
            return receive
        if not self._valid(header, nonce, bound=False):  # JSON API calls and bodiless DELETEs: the header
            await refuse(scope, send, 403, "Refused",
                         "A state-changing API call needs the X-CSRF-Token header (GET /api/token gives one); "
                         "nothing was done.")
            return None
        return receive


class Attempts:
    """Failed logins per client address in a sliding window, and for everyone together (rate limiting)."""

    def __init__(self, clock: Callable[[], float], per_client: int = 5, overall: int = 30, window: float = 600.0) -> None:
        self.clock = clock
        self.per_client = per_client
        self.overall = overall
        self.window = window
        self.failures: list[tuple[float, str]] = []

    def _recent(self) -> list[tuple[float, str]]:
        now = self.clock()
        self.failures = [(t, c) for t, c in self.failures if now - t < self.window]
        return self.failures

    def blocked(self, client: str) -> bool:
        """True while this client (or everyone, under a spray) has used up its attempts."""
        recent = self._recent()
        return len(recent) >= self.overall or sum(1 for _, c in recent if c == client) >= self.per_client

    def failed(self, client: str) -> None:
        """Count one failed attempt."""
        self.failures.append((self.clock(), client))


LOGIN_FORM = """<form method="post" action="/login"><input type="hidden" name="csrf" value="{csrf}">
<p><label for="key">Access key (shown where numbwise was started)</label><br>
<input id="key" name="key" type="password" autocomplete="off" required autofocus></p>
<p><button type="submit">Open my diary</button></p></form>
<p>Traffic between this device and the computer running numbwise is not encrypted: use it only on a network you
trust.</p>"""


class RemoteLogin:
    """With remote access on, every client other than this computer needs a session from the access key."""

    def __init__(self, app: ASGIApp, secret: str, access_key: str, pairing: str | None,
                 clock: Callable[[], float] = time.time) -> None:
        self.app = app
        self.sessions = TimestampSigner(secret, salt="numbwise-session")
        self.access_key = access_key
        self.pairing = pairing  # one-time: used up by the first phone that opens the link
        self.clock = clock
        self.attempts = Attempts(clock)

    def _signed_in(self, scope: Scope) -> bool:
        token = _cookie(scope, SESSION_COOKIE)
        if not token:
            return False
        try:
            self.sessions.unsign(token, max_age=SESSION_SECONDS)
        except BadSignature:
            return False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("", 0))[0]
        if _is_loopback(client) or self._signed_in(scope):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        if path != "/login":
            if _is_api(scope):
                await refuse(scope, send, 401, "Sign in", "Sign in first: open /login and type the access key.")
            else:
                await send({"type": "http.response.start", "status": 303, "headers": [(b"location", b"/login")]})
                await send({"type": "http.response.body", "body": b""})
            return
        if self.attempts.blocked(client):
            await refuse(scope, send, 429, "Too many attempts",
                         "Too many wrong keys were tried. Wait ten minutes, then try again.",
                         [(b"retry-after", b"600")])
            return
        if scope.get("method") == "GET":
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            pair = (query.get("pair") or [None])[0]
            if pair is not None:
                if self.pairing is not None and hmac.compare_digest(pair.encode(), self.pairing.encode()):
                    self.pairing = None
                    await self._sign_in(send)
                    return
                self.attempts.failed(client)
                await refuse(scope, send, 403, "Link used",
                             "This pairing link was already used or is wrong. Type the access key instead.")
                return
            await self._form(scope, receive, send, 200, "")
            return
        if scope.get("method") == "POST":
            body = b""
            more = True
            while more and len(body) <= 4096:
                message = await receive()
                body += message.get("body", b"")
                more = bool(message.get("more_body", False))
            fields = parse_qs(body[:4096].decode("utf-8", "replace"))
            key = (fields.get("key") or [""])[0].strip()
            if hmac.compare_digest(key.encode(), self.access_key.encode()):
                await self._sign_in(send)
                return
            self.attempts.failed(client)
            await self._form(scope, receive, send, 403, "That is not the access key.")
            return
        await refuse(scope, send, 405, "Not allowed", "This page cannot be used that way.")

    async def _sign_in(self, send: Send) -> None:
        token = self.sessions.sign(secrets.token_urlsafe(16)).decode()
        cookie = f"{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={SESSION_SECONDS}"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", b"/"), (b"set-cookie", cookie.encode())]})
        await send({"type": "http.response.body", "body": b""})

    async def _form(self, scope: Scope, receive: Receive, send: Send, status: int, error: str) -> None:
        """The sign-in page, through CsrfCookie so the form carries a token (RequestGuard checks it on POST)."""
        state: dict[str, Any] = scope.get("state", {})
        message = f'<p role="alert">{html.escape(error)}</p>' if error else ""
        page = plain_page(status, "Sign in to numbwise", "").replace(
            b"<p></p>", (message + LOGIN_FORM.format(csrf=html.escape(str(state.get("csrf", ""))))).encode())
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/html; charset=utf-8")]})
        await send({"type": "http.response.body", "body": page})


def _is_loopback(address: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False
