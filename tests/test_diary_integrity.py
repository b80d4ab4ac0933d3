"""A diary that checks itself: damaged, empty and foreign files, mistyped --db paths, full and read-only disks.

Through the real `numbwise` commands on real SQLite files. A full disk is a small tmpfs when this process may mount
one (root, as in CI), else an injected ENOSPC at the same step; a read-only disk is the tmpfs remounted read-only.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_diary(path: Path, entries: int = 3) -> None:
    symptoms = [{"uid": f"u{i}", "at": f"2026-01-{1 + i % 28:02d}T08:00:00Z", "severity": i % 11, "notes": "x" * 50}
                for i in range(entries)]
    source = path.parent / f"{path.name}.in.json"
    source.write_text(json.dumps({"format": "numbwise-diary", "version": 1, "symptoms": symptoms}), encoding="utf-8")
    run = run_cli("--db", str(path), "import", str(source))
    assert run.code == 0, run.err
    source.unlink()


def corrupt(path: Path) -> None:
    """Overwrite part of a page in the middle of the file, as a failing disk or a bad copy would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(4096 * (size // 4096 // 2) + 100)
        fh.write(b"\xff" * 2000)


# ---- damaged, empty and foreign files ---------------------------------------------------------------------------


def test_a_damaged_diary_is_never_written_but_can_be_rescued(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    make_diary(db, 3000)
    corrupt(db)
    before = digest(db)
    log = run_cli("--db", str(db), "log", "-s", "3")
    assert log.code == 1 and "is damaged" in log.err and "numbwise export --out" in log.err
    assert digest(db) == before
    history = run_cli("--db", str(db), "history", "--last", "1")
    assert history.code == 0 and "damaged" in history.err
    rescue = tmp_path / "rescue.json"
    assert run_cli("--db", str(db), "export", "--out", str(rescue)).code == 0
    saved = len(json.loads(rescue.read_text())["symptoms"])
    assert 2500 < saved < 3000  # everything outside the broken page
    doctor = run_cli("--db", str(db), "doctor")
    assert doctor.code == 1 and "DAMAGED" in doctor.err and "numbwise import rescue.json" in doctor.err
    fresh = tmp_path / "new.sqlite3"
    assert run_cli("--db", str(fresh), "import", str(rescue)).code == 0
    assert run_cli("--db", str(fresh), "doctor").code == 0
    assert digest(db) == before


def test_doctor_says_a_healthy_diary_is_healthy(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    make_diary(db, 5)
    run = run_cli("--db", str(db), "doctor")
    assert run.code == 0 and "Integrity: ok" in run.out and "5 symptom" in run.out and "600" in run.out


@pytest.mark.parametrize("command", [["log", "-s", "3"], ["history"], ["export"], ["backup"], ["doctor"]])
def test_an_empty_file_is_an_error_not_a_new_diary(tmp_path: Path, numbwise_home: Path, command: list[str]) -> None:
    for db, args in ((tmp_path / "empty.sqlite3", ["--db", str(tmp_path / "empty.sqlite3")]),
                     (numbwise_home / "data" / "numbwise.sqlite3", [])):
        db.parent.mkdir(parents=True, exist_ok=True)
        db.write_bytes(b"")
        run = run_cli(*args, *command)
        assert run.code == 2 and "empty file (0 bytes)" in run.err, run.err
        assert db.stat().st_size == 0


def test_a_foreign_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("my shopping list\n" * 100)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    for path, words in ((text, "not a SQLite database"), (other, "another program's database")):
        before = digest(path)
        for command in (["log", "-s", "3"], ["history"]):
            run = run_cli("--db", str(path), *command)
            assert run.code == 2 and words in run.err, run.err
        assert digest(path) == before


def test_db_takes_a_plain_path_and_never_makes_a_mistyped_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("--db", "hands.sqlite3", "log", "-s", "4").code == 0
    assert (tmp_path / "hands.sqlite3").is_file()
    assert "numbness 4/10" in run_cli("--db", str(tmp_path / "hands.sqlite3"), "--plain", "history").out
    assert "numbness 4/10" in run_cli("--db", f"sqlite:///{tmp_path / 'hands.sqlite3'}", "--plain", "history").out
    for db in (f"sqlite:///{tmp_path}/typo/x.sqlite3", str(tmp_path / "typo" / "x.sqlite3")):
        run = run_cli("--db", db, "log", "-s", "4")
        assert run.code == 2 and "does not exist" in run.err, run.err
    assert not (tmp_path / "typo").exists()
    assert run_cli("--db", str(tmp_path / "missing.sqlite3"), "history").code == 2


def test_the_default_diary_folder_is_still_made(numbwise_home: Path) -> None:
    assert run_cli("log", "-s", "2").code == 0
    assert (numbwise_home / "data" / "numbwise.sqlite3").is_file()
    assert not [p for p in (numbwise_home / "data").iterdir() if p.name.endswith(".new")]  # no temporary file left


# ---- full and read-only disks -------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 256 KB tmpfs when mounting is allowed (root); None otherwise (tests then inject ENOSPC)."""
    where = tmp_path / "disk"
    where.mkdir()
    if os.geteuid() != 0:
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill_up(folder: Path) -> None:
    """Take every free block of the file system under folder."""
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 512)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in ("filler", "d.sqlite3"))


def test_export_and_backup_on_a_full_disk_fail_clearly_and_leave_nothing(
        tmp_path: Path, small_disk: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "d.sqlite3"
    make_diary(db, 500)
    target = small_disk or tmp_path / "out"
    target.mkdir(exist_ok=True)
    if small_disk is not None:
        fill_up(small_disk)
    else:  # no tmpfs here: the same failure at the moment the bytes reach the disk
        def full(*args: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr("numbwise.files.os.fsync", full)
        monkeypatch.setattr("numbwise.diary.store.os.replace", full)
    export = run_cli("--db", str(db), "export", "--out", str(target / "e.json"))
    assert export.code == 1 and "No space left on device" in export.err and "no file was written" in export.err
    backup = run_cli("--db", str(db), "backup", str(target / "b.sqlite3"))
    assert backup.code == 1 and ("full" in backup.err or "No space" in backup.err), backup.err
    assert "Traceback" not in export.err + backup.err
    assert leftovers(target) == []


def refuse_writable_opens(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    """Without a tmpfs: every writable open of the diary fails as SQLite fails on such a disk (reads go on)."""
    import numbwise.diary.store as store_module

    real = store_module._connect_file

    def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
        if not readonly:
            raise sqlite3.OperationalError(message)
        return real(path, readonly=readonly)

    monkeypatch.setattr(store_module, "_connect_file", connect)


def test_reading_works_on_a_full_disk_and_writing_fails_cleanly(
        tmp_path: Path, small_disk: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = small_disk or tmp_path
    db = folder / "d.sqlite3"
    assert run_cli("--db", str(db), "log", "-s", "4", "--notes", "kept").code == 0
    if small_disk is not None:
        fill_up(small_disk)
    else:
        refuse_writable_opens(monkeypatch, "database or disk is full")
    history = run_cli("--db", str(db), "--plain", "history")
    assert history.code == 0 and "numbness 4/10" in history.out, history.err
    export = run_cli("--db", str(db), "export")
    assert export.code == 0 and json.loads(export.out)["symptoms"][0]["notes"] == "kept"
    log = run_cli("--db", str(db), "log", "-s", "5")
    assert log.code == 1 and "Traceback" not in log.err, log.err
    if small_disk is not None:
        (small_disk / "filler").unlink()
    monkeypatch.undo()
    assert [e["severity"] for e in json.loads(run_cli("--db", str(db), "history", "--json").out)] == [4]
    assert run_cli("--db", str(db), "doctor").code == 0


def test_a_diary_on_a_read_only_disk_can_still_be_read(
        tmp_path: Path, small_disk: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    db = (small_disk or tmp_path) / "d.sqlite3"
    assert run_cli("--db", str(db), "log", "-s", "6").code == 0
    if small_disk is not None:
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    else:
        refuse_writable_opens(monkeypatch, "attempt to write a readonly database")
    history = run_cli("--db", str(db), "--plain", "history")
    assert history.code == 0 and "numbness 6/10" in history.out, history.err
    assert run_cli("--db", str(db), "export").code == 0
    log = run_cli("--db", str(db), "log", "-s", "5")
    assert log.code == 1 and "readonly" in log.err.replace("read-only", "readonly"), log.err
