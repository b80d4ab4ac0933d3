"""Safe storage: a writer killed with SIGKILL mid-import loses nothing it committed; JSON round-trips exactly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from numbwise.diary.entries import ActivityData, Batch, SymptomData
from numbwise.diary.portable import read_json, to_csv, to_fhir, to_json, validate_fhir
from numbwise.diary.store import Store, open_store
from tests.conftest import ROOT

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
ENTRIES = 20_000
CHUNK = 250
KILL_AFTER = 8  # chunks


def big_batch(n: int) -> Batch:
    """n symptom entries with distinct uids and times."""
    return Batch(symptoms=tuple(
        SymptomData(uid=f"kill{i:06d}", at=T0 + timedelta(minutes=i), severity=i % 11, hand="right",
                    fingers=("r1", "r2"), minutes=i % 90, trigger="typing", woke=i % 3 == 0, notes=f"entry {i}")
        for i in range(n)
    ))


def test_a_writer_killed_mid_import_keeps_every_committed_chunk(store_url: str, tmp_path: Path) -> None:
    source = tmp_path / "big.json"
    source.write_text(to_json(big_batch(ENTRIES)), encoding="utf-8")
    open_store(store_url).close()  # the schema exists before the writer starts
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tests.diary_writer", store_url, str(source), str(CHUNK)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed: list[str] = []
    chunks = 0
    try:
        for line in proc.stdout:
            if line.startswith("committed "):
                _, number, *uids = line.split()
                chunks = int(number)
                committed += uids
                if chunks == KILL_AFTER:
                    os.kill(proc.pid, signal.SIGKILL)  # mid-way: the next chunk is being written
                    break
            assert line.strip() != "finished", "the writer finished before it could be killed"
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
        assert proc.stderr is not None
        err = proc.stderr.read()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, err
    killed_after = time.perf_counter() - started
    assert chunks == KILL_AFTER and len(committed) == KILL_AFTER * CHUNK
    path = store_url.removeprefix("sqlite:///") if store_url.startswith("sqlite:") else None
    if path is not None:
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with open_store(store_url) as store:
        assert store.integrity_check() == []
        present = {s.uid for s in store.symptoms()}
        count = store.count()["symptom"]
    missing = [uid for uid in committed if uid not in present]
    assert missing == []
    assert count % CHUNK == 0 and KILL_AFTER * CHUNK <= count < ENTRIES  # whole chunks only, never half of one
    print(f"\nKILL-TEST {store_url.split(':')[0]}: {ENTRIES} entries in the file, chunks of {CHUNK}; "
          f"killed after {chunks} chunks reported ({len(committed)} entries, {killed_after:.2f} s after start); "
          f"after reopening: {count} entries present ({count // CHUNK} whole chunks), 0 committed entries missing, "
          f"integrity ok")


def rich_store(store: Store) -> None:
    """Every kind of entry, with awkward values (zones, unicode, empty and missing fields) that an import accepts:
    scores as the core scores them, checks and activities naming what the knowledge base knows."""
    from numbwise.diary.entries import SymptomIn, TreatmentIn
    from numbwise.scores import score

    store.add_symptom(SymptomIn(at=T0, severity=6, hand="right", fingers=("r1", "r2", "r3"), minutes=20,
                                trigger="typing", woke=True, notes="pins and needles"))
    store.add_symptom(SymptomIn(at=datetime(2026, 3, 2, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-5))),
                                severity=0, hand="both", fingers=("l0", "r0"), notes='Ünïcode "quotes", commas\nnew line'))
    store.add_treatment(TreatmentIn(at=T0, kind="surgery", detail="carpal tunnel release, right", notes="🙂"))
    bctq = score("bctq", [3, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 1, 2, 2, 1, 2, 2, None, 1], hand="right")
    store.add_score(T0, "bctq", dict(bctq.answers), bctq.values())
    store.add_score(T0 + timedelta(days=30), "bctq", dict(bctq.answers), bctq.values())
    store.add_symptom(SymptomIn(at=T0 + timedelta(hours=1), severity=2, hand="left", fingers=("l5",)))
    store.add_check(T0, {"findings": {}}, {"triage": "self_care", "causes": [], "red_flags": [],
                                           "nested": {"list": [1, 2.5, None, "x"]}})
    store.add_check(T0 + timedelta(minutes=5), {"id": "c1", "age": 50, "sex": None, "findings": {"numb_thumb": True}},
                    {"triage": "routine", "causes": [{"id": "carpal_tunnel", "probability": 0.7}],
                     "red_flags": ["lasting_over_6_weeks"]})
    store.add_activity(T0 + timedelta(minutes=15), "session", "carpal_tunnel_daily", "done", 240)


def test_json_export_import_export_is_identical(store_url: str, tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'first.sqlite3'}") as first:
        rich_store(first)
        first.import_batch(Batch(activities=tuple(
            ActivityData(uid=f"act{i}", at=T0 + timedelta(hours=i), kind="break", name="wrist_flexor_stretch",
                         outcome="snoozed" if i % 4 else "done", seconds=i) for i in range(500))))
        text1 = to_json(first.export_batch())
    started = time.perf_counter()
    with open_store(store_url) as second:
        assert sum(second.count().values()) == 0
        result = second.import_batch(read_json(text1))
        batch2 = second.export_batch()
    elapsed = time.perf_counter() - started
    text2 = to_json(batch2)
    assert text2 == text1
    now = datetime(2026, 4, 1, tzinfo=timezone.utc)
    batch1 = read_json(text1)
    assert to_csv(batch2) == to_csv(batch1) and to_fhir(batch2, now) == to_fhir(batch1, now)
    print(f"\nROUND-TRIP {store_url.split(':')[0]}: {result.added} entries, {len(text1.encode())} bytes of JSON, "
          f"export -> import -> export identical; import + export took {elapsed:.2f} s")


def test_fhir_bundle_is_valid_r4(tmp_path: Path) -> None:
    import json

    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    with open_store(f"sqlite:///{tmp_path / 'd.sqlite3'}") as store:
        rich_store(store)
        batch = store.export_batch()
    doc = json.loads(to_fhir(batch, datetime(2026, 4, 1, tzinfo=timezone.utc)))
    bundle = Bundle.model_validate(doc)
    assert bundle.type == "collection" and bundle.entry is not None
    resources = [e.resource for e in bundle.entry]
    observations = [r for r in resources if isinstance(r, Observation)]
    responses = [r for r in resources if isinstance(r, QuestionnaireResponse)]
    assert len(observations) == len(batch.symptoms) == 3 and len(responses) == len(batch.scores) == 2
    assert all(o.status == "final" and o.subject is None for o in observations)
    assert all(r.status == "completed" and r.subject is None for r in responses)
    codes = {c.system + "|" + c.code for o in observations for c in o.code.coding}
    assert codes == {"urn:numbwise:fhir:diary|numbness-severity"}  # not LOINC 72514-3 (pain)
    first = next(o for o in observations if o.valueInteger == 6)
    assert first.bodySite is not None and first.bodySite.text == "right hand"
    parts = {c.code.coding[0].code: c for c in first.component}
    assert parts["woke-from-sleep"].valueBoolean is True and parts["episode-duration"].valueQuantity.value == 20
    bctq = next(r for r in responses if r.item and r.item[0].linkId == "answers")
    answers = {i.linkId: i for i in bctq.item[0].item}
    assert answers["sss_1"].answer[0].valueInteger == 3 and answers["fss_7"].answer is None  # fss_7 was skipped
    assert len({e.fullUrl for e in bundle.entry}) == len(bundle.entry)


def test_fhir_statuses_are_enforced_even_though_the_library_does_not() -> None:
    import pytest

    doc = {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000000",
           "resource": {"resourceType": "Observation", "status": "bogus", "code": {"text": "x"}}}]}
    with pytest.raises(ValueError, match="Observation.status must be final"):
        validate_fhir(doc)
