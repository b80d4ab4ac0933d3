"""What a one-line diary command loads: the guard behind bench/cli_speed.py's numbers (not a timing test).

`numbwise log` and `numbwise history` on a current SQLite diary must not import SQLAlchemy, Alembic or rich
(together ~0.3 s of start-up); making or migrating a diary, and PostgreSQL, still use SQLAlchemy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HEAVY = ("sqlalchemy", "alembic", "rich", "psycopg")


def loaded_after(args: list[str], home: Path) -> list[str]:
    code = ("import sys, json\nfrom numbwise.cli.main import main\ncode = main(%r)\n"
            "print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules} & set(%r))]))" % (args, HEAVY))
    env = {"NUMBWISE_HOME": str(home), "PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    code_and_modules = json.loads(p.stdout.strip().splitlines()[-1])
    assert code_and_modules[0] == 0, p.stderr
    return list(code_and_modules[1])


def test_the_first_entry_makes_the_diary_with_sqlalchemy(tmp_path: Path) -> None:
    assert "sqlalchemy" in loaded_after(["log", "-s", "3"], tmp_path)


@pytest.mark.parametrize("args", [["log", "-s", "5", "--fingers", "r1,r2"], ["log", "--treatment", "splint_night"],
                                  ["history"], ["--plain", "history", "--last", "1"], ["history", "--json"]])
def test_one_line_commands_on_a_current_diary_load_no_heavy_modules(tmp_path: Path, args: list[str]) -> None:
    loaded_after(["log", "-s", "3"], tmp_path)
    assert loaded_after(args, tmp_path) == []
