"""schemathesis against the OpenAPI schema: no generated request makes the server fail.

The calls carry a valid X-CSRF-Token so generated diary writes reach the handlers (without it they stop at 403).
The full 10,000-bodies-per-route fuzz is bench/api_fuzz.py (docs/benchmarks.md has its last result).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from numbwise.web.app import create_app
from numbwise.web.security import csrf_token
from numbwise.web.settings import LOOPBACK_NAMES, WebSettings

SECRET = "t"
TOKEN = csrf_token(SECRET, "schemathesis-visitor-nonce")
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(settings=WebSettings(secret_key=SECRET, allowed_hosts=(*LOOPBACK_NAMES, "testserver"))))


@schema.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_on_generated_requests(case: Any) -> None:
    case.call_and_validate(headers={"X-CSRF-Token": TOKEN}, checks=[not_a_server_error])
