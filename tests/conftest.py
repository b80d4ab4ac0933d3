"""Shared test helpers: the dev cases, the shared spec when it is beside the repo, and CLI runners."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NUMBWISE_CACHE_DIR", str(ROOT / ".pytest_cache" / "numbwise-knowledge"))
FIXTURES = ROOT / "tests" / "fixtures"
DEV_CASES = FIXTURES / "cases" / "dev"
SHARED = ROOT.parent / "shared"
LEVELS = ["self_care", "routine", "urgent", "emergency"]  # least to most urgent


def dev_cases() -> list[dict[str, Any]]:
    """The development cases with expected answers (copied from ../shared/cases/dev)."""
    return [json.loads(p.read_text()) for p in sorted(DEV_CASES.glob("*.json"))]


def case_input(case: dict[str, Any]) -> dict[str, Any]:
    """Only what the benchmark passes to the engine."""
    return {k: case.get(k) for k in ("id", "age", "sex", "findings")}


def kept_check(findings: dict[str, bool], age: int | None = None, sex: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """A finished check as the faces keep it in the diary, (case, result): the interview answered from these findings."""
    from numbwise.assess.interview import outcome, simulate

    iv = simulate(findings, age, sex)
    return {"age": iv.age, "sex": iv.sex, "findings": dict(iv.answers)}, json.loads(json.dumps(outcome(iv).to_dict()))


def dev_check(cid: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The kept check (case, result) of one development case."""
    case = next(c for c in dev_cases() if c["id"] == cid)
    return kept_check(case["findings"], case.get("age"), case.get("sex"))


def check_naming(cause: str, level: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The kept check of a development case whose result named this cause as the leading one (at this level)."""
    from numbwise.assess.result import named_cause

    for c in dev_cases():
        case, result = kept_check(c["findings"], c.get("age"), c.get("sex"))
        if named_cause(result, case) == cause and level in (None, result["triage"]):
            return case, result
    raise LookupError(f"no development case names {cause}")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, input: str | None = None) -> Run:
    """Run `numbwise` in-process through its real main(), capturing output and the exit code."""
    from numbwise.cli.main import main

    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        code = main(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        return Run(int(code), out.getvalue().decode(), err.getvalue().decode())


def check_cli(typed: str, *args: str, codes: tuple[int, ...] = (0,)) -> str:
    """`numbwise --plain check --no-diary ARGS` with these keys typed: the printed text, one space between words."""
    run = run_cli("--plain", "check", "--no-diary", *args, input=typed)
    assert run.code in codes, run.err + run.out
    return " ".join(run.out.split())


def care_command(text: str) -> list[str]:
    """The care command a printed result names, as words to run."""
    import re

    m = re.search(r"Your care plan for [^:]+: numbwise (care [a-z_]+(?: --[a-z]+ [a-z0-9_,.]+)*)", text)
    assert m is not None, text
    return m.group(1).split()


def run_without_diary(tmp_path: Path, *args: str) -> str:
    """A command (a care plan, a topic) printed with a diary that holds no check (as after `--no-diary`), one space between
    words."""
    run = run_cli("--plain", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}", *args)
    assert run.code == 0, run.err + run.out
    return " ".join(run.out.split())


def assess_cli(case: dict[str, Any], tmp_path: Path, fmt: str = "text") -> str:
    """`numbwise --plain assess --case FILE --format FMT` on these answers: text flattened to one line per wrapped
    item (words joined by single spaces), any other format as printed."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("--plain", "assess", "--case", str(path), "--format", fmt)
    assert run.code == 0, run.err
    return " ".join(run.out.split()) if fmt == "text" else run.out


def parse_json(text: str) -> dict[str, object]:
    """`numbwise parse --text TEXT --format json`, the real command: the findings, age, sex and spans it read."""
    run = run_cli("parse", "--text", text, "--format", "json")
    assert run.code == 0, run.err
    out: dict[str, object] = json.loads(run.out)
    return out


def assess_plan(case: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The result plan `numbwise assess --case FILE --format plan` prints for these answers."""
    plan: dict[str, Any] = json.loads(assess_cli(case, tmp_path, "plan"))
    return plan


def with_findings(case: dict[str, Any], unsure: Sequence[str] | None = None, **findings: bool) -> dict[str, Any]:
    """The same person with some answers changed (a near miss), and with `unsure` the answers they were not sure of."""
    changed = {**case, "findings": {**case["findings"], **findings}}
    return changed if unsure is None else {**changed, "unsure": list(unsure)}


def parse_findings(text: str) -> dict[str, Any]:
    """The findings `numbwise parse` reads from these words (`parse_json`), the partial case every face starts from."""
    found = parse_json(text)["findings"]
    assert isinstance(found, dict)
    return found


def result_groups(case: dict[str, Any], tmp_path: Path) -> dict[str, list[str]]:
    """The result's lists as printed: each heading (a line that starts at the margin) -> its "  - " items, joined."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("--plain", "assess", "--case", str(path), "--format", "text")
    assert run.code == 0, run.err
    out: dict[str, list[str]] = {}
    heading = ""
    for line in run.out.splitlines():
        if line and not line.startswith(" "):
            heading = line.strip()
            out.setdefault(heading, [])
        elif line.startswith("  - "):
            out[heading].append(line[4:].strip())
        elif line.startswith("    ") and out.get(heading):
            out[heading][-1] += " " + line.strip()
    return out


def run_process(*args: str, input: str | None = None) -> Run:
    """Run `python -m numbwise` as a separate process (the real entry point, start-up included)."""
    p = subprocess.run([sys.executable, "-m", "numbwise", *args], input=input, capture_output=True, text=True, timeout=60)
    return Run(p.returncode, p.stdout, p.stderr)


def need_shared(*parts: str) -> Path:
    """A path in the shared folder (../shared, $NUMBWISE_SHARED, or ../../shared for a worktree under wt/).

    Without it the test is skipped on a developer's clone, but fails under CI=1: CI must not pass by skipping.
    """
    named = os.environ.get("NUMBWISE_SHARED", "").strip()
    for base in ([Path(named)] if named else []) + [SHARED, ROOT.parent.parent / "shared"]:
        if base.joinpath(*parts).exists():
            return base.joinpath(*parts)
    message = f"../shared/{'/'.join(parts)} is not beside this clone (set NUMBWISE_SHARED to its folder)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def shared_spec() -> Iterator[Path]:
    """The shared spec folder: skipped on a clone without it, a failure under CI=1."""
    yield need_shared("spec")


@pytest.fixture(autouse=True)
def numbwise_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, config and state folders; none touches the real home."""
    home = tmp_path / "numbwise-home"
    monkeypatch.setenv("NUMBWISE_HOME", str(home))
    monkeypatch.delenv("NUMBWISE_DB", raising=False)
    return home


PG_REQUIRED = "NUMBWISE_REQUIRE_PG"


def _pg_available() -> bool:
    """A PostgreSQL server is reachable through the libpq variables pg_virtualenv exports."""
    return bool(os.environ.get("PGHOST") and os.environ.get("PGPORT"))


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped after); skipped outside `make test`."""
    if not _pg_available():
        if os.environ.get(PG_REQUIRED):
            pytest.fail(f"{PG_REQUIRED} is set but no PostgreSQL server is reachable (PGHOST/PGPORT unset)")
        pytest.skip("no PostgreSQL server: `make test` runs these under pg_virtualenv")
    import uuid

    import psycopg

    name = f"numbwise_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg:///{name}"
    finally:
        with psycopg.connect(autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The diary store's URL, once on a real SQLite file and once on a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A copy of the knowledge folder to break on purpose (load it with numbwise.kb.load_from)."""
    import shutil

    from numbwise.kb.loader import KNOWLEDGE_DIR

    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, folder)
    return folder


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file, failing if it is not there (so a test never edits nothing)."""
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
