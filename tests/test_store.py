"""The diary store on real databases: a SQLite file, and a PostgreSQL server under `make test`."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from numbwise.diary.entries import Batch, CheckRecord, Symptom, SymptomIn, TreatmentEntry, TreatmentIn
from numbwise.diary.store import HEAD, MIGRATIONS, ImportRefused, NotFound, Store, StoreError, open_store

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
BERLIN = timezone(timedelta(hours=1))


def fill(store: Store) -> None:
    """One entry of every kind, plus a second symptom an hour later."""
    store.add_symptom(SymptomIn(at=T0, severity=6, hand="right", fingers=("r1", "r2", "r3"), minutes=20,
                                trigger="typing", woke=True, notes="pins and needles"))
    store.add_symptom(SymptomIn(at=T0 + timedelta(hours=1), severity=2, hand="left", fingers=("l5",)))
    store.add_treatment(TreatmentIn(at=T0 + timedelta(minutes=30), kind="splint_night", detail="wrist splint"))
    store.add_check(T0 + timedelta(minutes=5), {"id": "c1", "age": 50, "sex": None, "findings": {"numb_thumb": True}},
                    {"triage": "routine", "causes": [{"id": "carpal_tunnel", "probability": 0.7}]})
    store.add_score(T0 + timedelta(minutes=10), "bctq", {"sss1": 3, "sss2": None}, {"sss": 2.5, "band": "mild", "fss": None})
    store.add_activity(T0 + timedelta(minutes=15), "session", "tendon glides", "done", 240)


def test_every_kind_is_stored_and_read_back(store_url: str) -> None:
    with open_store(store_url) as store:
        fill(store)
    with open_store(store_url) as store:  # a second open sees what the first committed
        first, second = store.symptoms()
        assert (first.severity, first.hand, first.fingers, first.minutes, first.trigger, first.woke, first.notes) == (
            6, "right", ("r1", "r2", "r3"), 20, "typing", True, "pins and needles")
        assert first.at == T0 and first.at.tzinfo is not None
        assert second.fingers == ("l5",) and second.woke is False and second.minutes is None
        (treatment,) = store.treatments()
        assert (treatment.kind, treatment.detail) == ("splint_night", "wrist splint")
        latest = store.latest_check()
        assert latest is not None and latest.result["causes"][0]["id"] == "carpal_tunnel"
        assert latest.case["findings"] == {"numb_thumb": True}
        (score,) = store.scores("bctq")
        assert score.answers == {"sss1": 3, "sss2": None} and score.values == {"sss": 2.5, "band": "mild", "fss": None}
        assert store.scores("other") == []
        (activity,) = store.activities()
        assert (activity.kind, activity.name, activity.outcome, activity.seconds) == ("session", "tendon glides", "done", 240)
        assert store.count() == {"symptom": 2, "treatment": 1, "check": 1, "score": 1, "activity": 1}
        kinds = [type(e).__name__ for e in store.entries()]
        assert kinds == ["Symptom", "CheckRecord", "ScoreRecord", "Activity", "TreatmentEntry", "Symptom"]


def test_times_are_kept_exactly_and_filters_are_inclusive(store_url: str) -> None:
    with open_store(store_url) as store:
        local = datetime(2026, 3, 1, 9, 0, 0, 123456, tzinfo=BERLIN)  # 08:00:00.123456 UTC
        store.add_symptom(SymptomIn(at=local, severity=3))
        store.add_symptom(SymptomIn(at=T0 - timedelta(days=1), severity=4))
        store.add_symptom(SymptomIn(at=T0 + timedelta(days=1), severity=5))
        (only,) = store.symptoms(since=T0, until=T0 + timedelta(seconds=1))
        assert only.at == local and only.at.utcoffset() == timedelta(0)
        assert [s.severity for s in store.symptoms(since=T0 - timedelta(days=1), until=T0 + timedelta(days=1))] == [4, 3, 5]
        assert [s.severity for s in store.symptoms(until=T0)] == [4]
        with pytest.raises(StoreError, match="since needs a time zone"):
            store.symptoms(since=datetime(2026, 1, 1))


def test_entries_can_be_corrected_and_deleted(store_url: str) -> None:
    with open_store(store_url) as store:
        fill(store)
        first = store.symptoms()[0]
        fixed = store.update_symptom(first.id, SymptomIn(**(first.model_dump(exclude={"id", "uid"}) | {"severity": 7})))
        assert fixed.uid == first.uid and fixed.id == first.id
        again = store.get("symptom", first.id)
        assert isinstance(again, Symptom) and again.severity == 7 and again.fingers == ("r1", "r2", "r3")
        treatment = store.treatments()[0]
        store.update_treatment(treatment.id, TreatmentIn(at=treatment.at, kind="splint_day"))
        assert store.treatments()[0].kind == "splint_day"
        store.delete("symptom", first.id)
        assert [s.severity for s in store.symptoms()] == [2]
        with pytest.raises(NotFound, match="no symptom entry with id"):
            store.delete("symptom", first.id)
        with pytest.raises(NotFound):
            store.update_symptom(first.id, SymptomIn(at=T0, severity=1))
        with pytest.raises(NotFound):
            store.get("check", 999)
        with pytest.raises(StoreError, match="not a kind of entry"):
            store.delete("mood", 1)
        check = store.latest_check()
        assert isinstance(check, CheckRecord)
        store.delete("check", check.id)
        assert store.latest_check() is None


@pytest.mark.parametrize(
    "fields, problem",
    [
        ({"at": datetime(2026, 3, 1, 8, 0), "severity": 3}, "time zone"),
        ({"at": T0, "severity": 11}, "less than or equal to 10"),
        ({"at": T0, "severity": -1}, "greater than or equal to 0"),
        ({"at": T0, "severity": "6"}, "valid integer"),
        ({"at": T0, "severity": True}, "valid integer"),
        ({"at": T0, "severity": 3, "fingers": ("r6",)}, "not a finger code"),
        ({"at": T0, "severity": 3, "hand": "middle"}, "'left', 'right' or 'both'"),
        ({"at": T0, "severity": 3, "minutes": -5}, "greater than or equal to 0"),
    ],
)
def test_bad_symptoms_are_refused_before_the_store(fields: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        SymptomIn(**fields)


def test_finger_codes_are_read_like_the_finger_picker() -> None:
    entry = SymptomIn(at=T0, severity=1, fingers="R3, r1 L0 r1")  # type: ignore[arg-type]
    assert entry.fingers == ("r1", "r3", "l0")


def test_bad_records_are_refused_with_a_message(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'd.sqlite3'}") as store:
        with pytest.raises(StoreError, match="time zone"):
            store.add_check(datetime(2026, 1, 1), {}, {})
        with pytest.raises(StoreError, match="outcome"):
            store.add_activity(T0, "session", "x", "finished", 3)  # type: ignore[arg-type]
        with pytest.raises(StoreError, match="answers"):
            store.add_score(T0, "bctq", {"q1": "a lot"}, {})  # type: ignore[dict-item]
        assert sum(store.count().values()) == 0


def test_an_import_is_one_transaction(store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'source.sqlite3'}") as source:
        fill(source)
        batch = source.export_batch()
    with open_store(store_url) as store:
        real = Store._insert_rows

        def fail_after_writing(self: Store, conn: Any, rows: Any) -> tuple[int, int]:
            real(self, conn, rows)  # the rows are written inside the transaction ...
            raise RuntimeError("disk on fire")  # ... and then something goes wrong

        monkeypatch.setattr(Store, "_insert_rows", fail_after_writing)
        with pytest.raises(RuntimeError):
            store.import_batch(batch)
        monkeypatch.setattr(Store, "_insert_rows", real)
        assert sum(store.count().values()) == 0
        result = store.import_batch(batch)
        assert (result.added, result.skipped, result.chunks) == (6, 0, 1)
        again = store.import_batch(batch)  # importing the same file twice adds nothing
        assert (again.added, again.skipped) == (0, 6)
        assert store.export_batch() == batch


def test_an_import_listing_an_entry_twice_is_refused(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'd.sqlite3'}") as store:
        store.add_symptom(SymptomIn(at=T0, severity=1))
        batch = store.export_batch()
        doubled = Batch(symptoms=batch.symptoms + batch.symptoms)
        with pytest.raises(ImportRefused) as info:
            store.import_batch(doubled)
        assert "symptoms[0] and symptoms[1] share uid" in info.value.problems[0]
        assert store.count()["symptom"] == 1


def test_chunked_import_reports_each_commit(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'a.sqlite3'}") as source:
        for i in range(7):
            source.add_symptom(SymptomIn(at=T0 + timedelta(minutes=i), severity=i))
        batch = source.export_batch()
    seen: list[tuple[int, int]] = []
    with open_store(f"sqlite:///{tmp_path / 'b.sqlite3'}") as store:
        result = store.import_batch(batch, chunk_size=3, on_commit=lambda n, uids: seen.append((n, len(uids))))
        assert seen == [(1, 3), (2, 3), (3, 1)] and result.chunks == 3 and result.added == 7


def test_the_migrations_build_exactly_the_tables_the_code_uses(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from numbwise.diary.schema import metadata

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_heads() == [HEAD]
    with open_store(store_url) as store:
        assert store.revision() == HEAD
    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diffs == []


def test_a_database_from_a_newer_numbwise_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer numbwise"):
        open_store(f"sqlite:///{path}")


def test_the_default_store_lives_in_the_data_folder(numbwise_home: Path) -> None:
    with open_store() as store:
        store.add_treatment(TreatmentIn(at=T0, kind="b12_meal", detail="sardines"))
    assert (numbwise_home / "data" / "numbwise.sqlite3").is_file()


@pytest.mark.parametrize("url, problem", [
    ("mysql://x@y/z", "is not a database numbwise can use"),
    ("not a url://", "not a database URL"),
    ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot open the diary"),
])
def test_unusable_databases_get_a_clear_message(url: str, problem: str) -> None:
    with pytest.raises(StoreError, match=problem):
        open_store(url)


def test_backup_is_a_consistent_copy(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url) as store:
        fill(store)
        target = tmp_path / ("copy.sqlite3" if store.backend == "sqlite" else "copy.json")
        result = store.backup(target)
        assert result.entries == 6 and target.is_file()
        with pytest.raises(StoreError, match="already exists"):
            store.backup(target)
        original = store.export_batch()
    if result.method == "sqlite":
        with sqlite3.connect(target) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        with open_store(f"sqlite:///{target}") as copy:
            assert copy.export_batch() == original
    else:
        assert Batch.model_validate_json(target.read_text()) == original
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_two_stores_on_one_file_see_each_others_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    with open_store(url) as a, open_store(url) as b:
        a.add_symptom(SymptomIn(at=T0, severity=1))
        b.add_treatment(TreatmentIn(at=T0, kind="exercise"))
        assert a.count() == b.count() == {"symptom": 1, "treatment": 1, "check": 0, "score": 0, "activity": 0}
        assert isinstance(a.treatments()[0], TreatmentEntry)


def test_ids_are_never_reused_after_a_delete(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.add_symptom(SymptomIn(at=T0, severity=1))
        store.delete("symptom", first.id)
        assert store.add_symptom(SymptomIn(at=T0, severity=2)).id == first.id + 1


def test_a_check_finished_again_replaces_the_one_kept_under_its_id(store_url: str) -> None:
    """The web keeps a finished check under the id of the check in progress: finished again after Back, it replaces."""
    case = {"age": 50, "sex": None, "findings": {"numb_thumb": True}}
    result = {"triage": "routine", "causes": [{"id": "carpal_tunnel", "probability": 0.7}]}
    with open_store(store_url) as store:
        first, how = store.keep_check("run-1", T0, case, result)
        assert how == "added" and first.uid == "run-1"
        same, how = store.keep_check("run-1", T0 + timedelta(minutes=2), case, result)
        assert how == "unchanged" and same == first  # the same answers: nothing written, the time kept
        changed = case | {"findings": {"numb_thumb": False}}
        new, how = store.keep_check("run-1", T0 + timedelta(minutes=3), changed, result | {"triage": "self_care"})
        assert how == "replaced" and new.id == first.id
        other, how = store.keep_check("run-2", T0 + timedelta(minutes=4), case, result)
        assert how == "added" and other.id != first.id
    with open_store(store_url) as store:
        kept = store.checks()
        assert [(c.uid, c.at, c.case["findings"]["numb_thumb"], c.result["triage"]) for c in kept] == [
            ("run-1", T0 + timedelta(minutes=3), False, "self_care"), ("run-2", T0 + timedelta(minutes=4), True, "routine")]
        with pytest.raises(StoreError):
            store.keep_check("not an id!", T0, case, result)
