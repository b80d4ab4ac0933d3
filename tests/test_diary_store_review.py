"""Fixes from the diary review in the store and the file commands: read-only commands never make a diary,
private files, FHIR says what it leaves out, exit codes for bad paths and URLs, duplicate uids say where."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbwise.diary.entries import TreatmentIn
from numbwise.diary.store import NoDiary, open_store
from tests.conftest import run_cli

NOW = datetime(2026, 3, 2, 2, 36, tzinfo=timezone(timedelta(hours=1)))


# 3. read-only commands never make a diary ----------------------------------------------------------------------

@pytest.mark.parametrize("command", [["history"], ["export"], ["backup"], ["stats"], ["report"], ["care"],
                                     ["history", "edit", "S1", "-s", "2"]])
def test_read_only_commands_refuse_a_named_diary_that_is_not_there(command: list[str], tmp_path: Path) -> None:
    target = tmp_path / "nonexist" / "x.sqlite3"
    run = run_cli("--db", f"sqlite:///{target}", *command)
    assert run.code == 2 and f"there is no diary at {target}" in run.err
    assert not target.parent.exists()


@pytest.mark.parametrize("command", [["history"], ["export"], ["backup"], ["stats"]])
def test_reading_the_default_diary_before_it_exists_means_nothing_yet(command: list[str], numbwise_home: Path) -> None:
    run = run_cli(*command)
    assert run.code == 0, run.err
    assert not numbwise_home.exists()


def test_the_store_refuses_a_missing_named_file_but_writers_still_make_the_default(numbwise_home: Path,
                                                                                    tmp_path: Path) -> None:
    with pytest.raises(NoDiary):
        open_store(f"sqlite:///{tmp_path / 'x.sqlite3'}", create=False)
    with open_store(create=False) as store:
        assert store.missing and store.entries() == []
    assert not numbwise_home.exists()
    assert run_cli("log", "-s", "2").code == 0
    assert (numbwise_home / "data" / "numbwise.sqlite3").is_file()


# 4. private files ----------------------------------------------------------------------------------------------

def test_the_diary_folder_and_files_are_private(numbwise_home: Path) -> None:
    old = os.umask(0o022)
    try:
        with open_store() as store:
            store.add_treatment(TreatmentIn(at=NOW, kind="b12_dose"))
            folder = numbwise_home / "data"
            files = sorted(folder.glob("numbwise.sqlite3*"))
            assert {f.name for f in files} >= {"numbwise.sqlite3", "numbwise.sqlite3-wal"}
            for f in files:
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        for d in (numbwise_home, folder):
            assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    finally:
        os.umask(old)


# 6. FHIR says what it leaves out -------------------------------------------------------------------------------

def test_the_fhir_export_names_what_it_leaves_out(tmp_path: Path) -> None:
    assert run_cli("log", "-s", "4").code == 0
    assert run_cli("log", "--treatment", "splint_night").code == 0
    out = tmp_path / "d.fhir.json"
    run = run_cli("export", "--format", "fhir", "--out", str(out))
    assert run.code == 0
    assert ("Wrote 1 of 2 entries as FHIR" in run.err and "treatments are not part of the FHIR export (use --format json)"
            in run.err)
    assert len(json.loads(out.read_text())["entry"]) == 1


# 7. exit codes -------------------------------------------------------------------------------------------------

def test_a_missing_output_folder_and_an_unknown_database_are_bad_input(tmp_path: Path) -> None:
    assert run_cli("log", "-s", "4").code == 0
    run = run_cli("backup", str(tmp_path / "nodir" / "b.sqlite3"))
    assert run.code == 2 and "does not exist" in run.err
    assert run_cli("export", "--out", str(tmp_path / "nodir" / "d.json")).code == 2
    run = run_cli("--db", "foo://bar", "history")
    assert run.code == 2 and "'foo'" in run.err and "sqlite:///PATH" in run.err and "postgresql+psycopg" in run.err


# 21. duplicate uids say where --------------------------------------------------------------------------------

def test_an_import_with_a_repeated_uid_names_both_places(tmp_path: Path) -> None:
    uid = "c" * 32
    symptoms = [{"uid": f"u{i}", "at": "2026-01-01T08:00:00Z", "severity": 3} for i in range(15)]
    symptoms += [{"uid": uid, "at": "2026-01-01T08:00:00Z", "severity": 3}] * 2
    f = tmp_path / "dup.json"
    f.write_text(json.dumps({"format": "numbwise-diary", "version": 1, "symptoms": symptoms}))
    run = run_cli("import", str(f))
    assert run.code == 2
    assert f"symptoms[15] and symptoms[16] share uid {uid}" in run.err
