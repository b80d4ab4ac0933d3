"""Several processes writing at once, and SIGKILL in the middle of the real `numbwise import`, on SQLite and PostgreSQL.

No entry may be lost or half-written: every committed entry is there afterwards, the database passes its integrity
check, and an import killed mid-way left nothing of itself (it is one transaction) and can simply be run again.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from numbwise.diary.store import open_store
from tests.conftest import ROOT, run_cli

WRITERS = 4
EACH = 15
IMPORT_ENTRIES = 30_000


def test_several_processes_logging_at_once_lose_nothing(store_url: str) -> None:
    open_store(store_url).close()  # the schema exists before the writers start
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    procs = [subprocess.Popen([sys.executable, "-m", "tests.diary_logger", store_url, f"w{n}", str(EACH)], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for n in range(WRITERS)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * WRITERS, errors
    with open_store(store_url) as store:
        assert store.integrity_check() == []
        symptoms = store.symptoms()
    notes = sorted(s.notes for s in symptoms)
    assert notes == sorted(f"w{n}-{i}" for n in range(WRITERS) for i in range(EACH))
    assert len({s.id for s in symptoms}) == len(symptoms) == WRITERS * EACH
    print(f"\nCONCURRENCY {store_url.split(':')[0]}: {WRITERS} processes x {EACH} `numbwise log` at once: "
          f"{len(symptoms)} entries, none lost, ids unique, integrity ok")


def _import_running(store_url: str, path: Path | None, pid: int) -> bool:
    """True once the import's transaction is writing rows (SQLite: its WAL grows; PostgreSQL: it holds a row lock)."""
    if path is not None:
        wal = Path(f"{path}-wal")
        return wal.exists() and wal.stat().st_size > 512 * 1024
    import psycopg

    with psycopg.connect(store_url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                           "WHERE c.relname = 'symptoms' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()"
                           ).fetchone()
    return bool(row and row[0])


def test_sigkill_in_the_middle_of_numbwise_import_keeps_the_diary_whole(store_url: str, tmp_path: Path) -> None:
    before = run_cli("--db", store_url, "log", "-s", "7", "--notes", "logged before the import")
    assert before.code == 0, before.err
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    source = tmp_path / "big.json"
    source.write_text(json.dumps({"format": "numbwise-diary", "version": 1, "symptoms": [
        {"uid": f"big{i:06d}", "at": (t0 + timedelta(minutes=i)).isoformat(), "severity": i % 11, "notes": f"e{i}"}
        for i in range(IMPORT_ENTRIES)]}), encoding="utf-8")
    path = Path(store_url.removeprefix("sqlite:///")) if store_url.startswith("sqlite:") else None
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "numbwise", "--db", store_url, "--plain", "import", str(source)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    try:
        while not _import_running(store_url, path, proc.pid):
            assert proc.poll() is None, f"the import ended before it could be killed: {proc.communicate()}"
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with open_store(store_url) as store:
        assert store.integrity_check() == []
        notes = [s.notes for s in store.symptoms()]
    assert notes == ["logged before the import"]  # nothing of the killed transaction, nothing earlier lost
    again = run_cli("--db", store_url, "--plain", "import", str(source))
    assert again.code == 0 and f"Imported {IMPORT_ENTRIES} entries" in again.out, again.err
    print(f"\nKILL-IMPORT {store_url.split(':')[0]}: `numbwise import` of {IMPORT_ENTRIES} entries killed with SIGKILL "
          "mid-transaction: 0 of them kept, the earlier entry kept, integrity ok, the import ran again whole")
