"""In CI every outside tool the tests use is present, so no test skips there without failing loudly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


@pytest.mark.skipif(not os.environ.get("CI"), reason="only CI (.ci/run sets CI=1) insists on every tool")
def test_ci_has_every_tool_the_tests_need() -> None:
    missing = [tool for tool in ("pdftoppm", "pdftotext", "dbus-run-session", "pg_virtualenv") if shutil.which(tool) is None]
    if not Path("/usr/bin/chromium").exists():
        missing.append("/usr/bin/chromium")
    if not os.environ.get("PGHOST"):
        missing.append("a PostgreSQL server (make test runs pytest under pg_virtualenv)")
    assert missing == [], f"scripts/bootstrap test should have installed: {missing}"
