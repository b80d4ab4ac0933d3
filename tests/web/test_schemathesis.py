"""schemathesis against the OpenAPI schema: no generated request makes the server fail."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from numbwise.web.app import create_app
from numbwise.web.settings import WebSettings

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(settings=WebSettings(secret_key="t")))


@schema.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_on_generated_requests(case: Any) -> None:
    case.call_and_validate(checks=[not_a_server_error])
