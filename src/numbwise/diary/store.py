"""The diary store: the only module that talks SQL (SQLAlchemy 2 + Alembic; SQLite by default, PostgreSQL by URL).

Every write is one transaction. SQLAlchemy and Alembic are imported when a store is opened, not when
this module is imported, so one-line commands and `numbwise --help` stay fast.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from numbwise.diary.entries import (
    KINDS,
    Activity,
    ActivityData,
    Batch,
    CheckData,
    CheckRecord,
    Entry,
    Kind,
    ScoreData,
    ScoreRecord,
    Symptom,
    SymptomData,
    SymptomIn,
    TreatmentData,
    TreatmentEntry,
    TreatmentIn,
)
from numbwise.paths import DB_VARIABLE

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

HEAD = "0001"  # the newest migration; a test checks it matches the migrations folder
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
M = TypeVar("M", bound=BaseModel)

_MODELS: dict[str, type[BaseModel]] = {
    "symptom": Symptom,
    "treatment": TreatmentEntry,
    "check": CheckRecord,
    "score": ScoreRecord,
    "activity": Activity,
}
_BATCH_FIELDS: dict[str, str] = {
    "symptom": "symptoms",
    "treatment": "treatments",
    "check": "checks",
    "score": "scores",
    "activity": "activities",
}


class StoreError(Exception):
    """The diary cannot do what was asked; the message says why in plain words."""


class BadRequest(StoreError):
    """What was asked cannot be done as given (a wrong URL, a missing file or folder, a bad id): bad input, not a fault."""


class NotFound(BadRequest):
    """No entry of that kind has that id."""


class NoDiary(BadRequest):
    """A command that only reads was pointed at a SQLite diary file that does not exist (nothing was created)."""


class ImportRefused(BadRequest):
    """An import was refused whole; nothing was written. `problems` lists what is wrong."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: entries added, and entries skipped because their uid was already there."""

    added: int
    skipped: int
    chunks: int


@dataclass(frozen=True)
class BackupResult:
    """Where a backup went and how it was made ("sqlite" file copy, or "json" export for PostgreSQL)."""

    path: Path
    method: Literal["sqlite", "json"]
    entries: int


def _new_uid() -> str:
    return uuid.uuid4().hex


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite:/// URL (None for other databases or an in-memory one)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def open_store(url: str | None = None, *, create: bool = True, new_uid: Callable[[], str] = _new_uid) -> Store:
    """Open (creating and migrating to the newest schema) the diary at url, or the default one.

    With create=False (commands that only read) a SQLite file that is not there is not made: a URL that was
    named (url, or $NUMBWISE_DB) raises NoDiary, since a mistyped path must not pass as an empty diary; the
    default diary, not made yet, opens as an empty diary in memory (`store.missing` is True).
    """
    from numbwise.paths import default_db_url

    named = url or default_db_url()
    if not create:
        path = sqlite_path(_checked_url(named))
        if path is not None and not path.exists():
            if url or os.environ.get(DB_VARIABLE, "").strip():
                raise NoDiary(f"there is no diary at {path}; check the --db path (numbwise log or numbwise import "
                              "make a new diary)")
            return Store(named, new_uid=new_uid, engine_url="sqlite://")
    return Store(named, new_uid=new_uid)


def _checked_url(url: str) -> str:
    """The URL when it names a database numbwise can use; BadRequest naming the scheme otherwise."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
    except ArgumentError:
        raise BadRequest(f"'{url}' is not a database URL; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB") from None
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise BadRequest(f"'{u.drivername}' (in {u.render_as_string(hide_password=True)}) is not a database numbwise can "
                         "use; the supported ones are sqlite:///PATH and postgresql+psycopg://USER@HOST/DB")
    return url


def _private_file(path: Path) -> None:
    """Make the folders (0700) and an empty diary file (0600) so nobody else on the machine can read them.

    SQLite gives its -wal and -shm files the database file's permissions, so they stay private too.
    """
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)  # mkdir's mode is narrowed by the umask, never widened; be exact
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.chmod(path, 0o600)
    except FileExistsError:
        pass  # made by another process at the same moment
    except OSError as exc:
        raise StoreError(f"cannot make the diary {path}: {exc.strerror}") from None


def _engine(url: str) -> Engine:
    """An engine with real transactions on SQLite (BEGIN IMMEDIATE for writes, so readers see snapshots)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    u = make_url(_checked_url(url))
    backend = u.get_backend_name()
    if backend == "postgresql" and u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we ship
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            _private_file(path)
        engine = create_engine(u, connect_args={"timeout": 15})

        @event.listens_for(engine, "connect")
        def _connect(dbapi: Any, record: Any) -> None:
            dbapi.isolation_level = None  # let SQLAlchemy's begin event below start transactions
            cur = dbapi.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if path is not None:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("numbwise_read") else "BEGIN IMMEDIATE")

        return engine
    try:
        return create_engine(u, pool_pre_ping=True)
    except ImportError as exc:
        raise StoreError(f"the PostgreSQL driver is missing ({exc}); reinstall numbwise") from None


class Store:
    """A diary database. Use `with open_store(url) as store:`; it closes on exit."""

    def __init__(self, url: str, *, new_uid: Callable[[], str] = _new_uid, engine_url: str | None = None) -> None:
        from sqlalchemy.exc import OperationalError, SQLAlchemyError

        from numbwise.diary import schema

        self.url = url
        self.missing = engine_url is not None  # the default diary is not made yet: an empty one in memory stands in
        self._new_uid = new_uid
        self._t = schema.TABLES
        self._engine = _engine(engine_url or url)
        try:
            self._migrate()
        except OperationalError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open the diary at {self.safe_url}: {_first_line(exc)}") from None
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open the diary at {self.safe_url}: {_first_line(exc)}") from None
        except BaseException:
            self._engine.dispose()
            raise

    # ---- life cycle -------------------------------------------------------------------------------

    @property
    def safe_url(self) -> str:
        """The URL without any password, for messages."""
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: all of it is saved, or none of it."""
        with self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot."""
        with self._engine.connect() as conn:
            conn.execution_options(numbwise_read=True)
            if self.backend == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def revision(self) -> str | None:
        """The schema revision the database is at."""
        from sqlalchemy import inspect, text

        with self._read() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def _migrate(self) -> None:
        """Bring the schema to HEAD inside one write transaction (a second opener waits, then sees HEAD)."""
        from sqlalchemy import inspect, text

        with self._write() as conn:
            current = None
            if inspect(conn).has_table("alembic_version"):
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if current == HEAD:
                return
            from alembic import command
            from alembic.config import Config
            from alembic.script import ScriptDirectory
            from alembic.util import CommandError

            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            if current is not None:
                try:
                    ScriptDirectory.from_config(cfg).get_revision(current)
                except CommandError:
                    raise StoreError(
                        f"the diary at {self.safe_url} was made by a newer numbwise (schema {current}); update numbwise"
                    ) from None
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    # ---- adding -------------------------------------------------------------------------------------

    def _insert(self, kind: str, values: Mapping[str, Any]) -> int:
        with self._write() as conn:
            result = conn.execute(self._t[kind].insert().values(**values))
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def add_symptom(self, entry: SymptomIn) -> Symptom:
        """Save one symptom entry."""
        data = SymptomData(**entry.model_dump(), uid=self._new_uid())
        return Symptom(**data.model_dump(), id=self._insert("symptom", _row("symptom", data)))

    def add_treatment(self, entry: TreatmentIn) -> TreatmentEntry:
        """Save one treatment entry."""
        data = TreatmentData(**entry.model_dump(), uid=self._new_uid())
        return TreatmentEntry(**data.model_dump(), id=self._insert("treatment", _row("treatment", data)))

    def add_entries(self, items: Sequence[SymptomIn | TreatmentIn]) -> list[Symptom | TreatmentEntry]:
        """Save several symptom and treatment entries in one transaction: all of them, or none."""
        out: list[Symptom | TreatmentEntry] = []
        with self._write() as conn:
            for item in items:
                kind = "symptom" if isinstance(item, SymptomIn) else "treatment"
                data: SymptomData | TreatmentData = (SymptomData(**item.model_dump(), uid=self._new_uid()) if kind == "symptom"
                                                     else TreatmentData(**item.model_dump(), uid=self._new_uid()))
                key = conn.execute(self._t[kind].insert().values(**_row(kind, data))).inserted_primary_key
                assert key is not None
                model = Symptom if kind == "symptom" else TreatmentEntry
                out.append(model(**data.model_dump(), id=int(key[0])))
        return out

    def add_check(self, at: datetime, case: dict[str, Any], result: dict[str, Any]) -> CheckRecord:
        """Save a finished `numbwise check`: the answers and the result."""
        data = _validated(CheckData, {"uid": self._new_uid(), "at": at, "case": case, "result": result})
        return CheckRecord(**data.model_dump(), id=self._insert("check", _row("check", data)))

    def add_score(
        self, at: datetime, instrument: str, answers: dict[str, int | None], values: dict[str, float | str | None]
    ) -> ScoreRecord:
        """Save one filled-in questionnaire with its computed values."""
        data = _validated(
            ScoreData, {"uid": self._new_uid(), "at": at, "instrument": instrument, "answers": answers, "values": values}
        )
        return ScoreRecord(**data.model_dump(), id=self._insert("score", _row("score", data)))

    def add_activity(
        self,
        at: datetime,
        kind: Literal["session", "break"],
        name: str,
        outcome: Literal["done", "partial", "snoozed", "skipped"],
        seconds: int,
    ) -> Activity:
        """Save an exercise session or a break."""
        data = _validated(
            ActivityData,
            {"uid": self._new_uid(), "at": at, "kind": kind, "name": name, "outcome": outcome, "seconds": seconds},
        )
        return Activity(**data.model_dump(), id=self._insert("activity", _row("activity", data)))

    # ---- reading ------------------------------------------------------------------------------------

    def _list(
        self,
        kind: str,
        since: datetime | None,
        until: datetime | None,
        where: Mapping[str, Any] | None = None,
        conn: Connection | None = None,
    ) -> list[Any]:
        from sqlalchemy import select

        table = self._t[kind]
        query = select(table).order_by(table.c.at, table.c.id)
        if since is not None:
            query = query.where(table.c.at >= _need_aware(since, "since"))
        if until is not None:
            query = query.where(table.c.at <= _need_aware(until, "until"))
        for column, value in (where or {}).items():
            if value is not None:
                query = query.where(table.c[column] == value)
        if conn is None:
            with self._read() as c:
                rows = c.execute(query).mappings().all()
        else:
            rows = conn.execute(query).mappings().all()
        return [_from_row(kind, row) for row in rows]

    def symptoms(self, since: datetime | None = None, until: datetime | None = None, hand: str | None = None) -> list[Symptom]:
        """Symptom entries, oldest first; since and until are inclusive."""
        return self._list("symptom", since, until, {"hand": hand})

    def treatments(
        self, since: datetime | None = None, until: datetime | None = None, kind: str | None = None
    ) -> list[TreatmentEntry]:
        """Treatment entries, oldest first."""
        return self._list("treatment", since, until, {"kind": kind})

    def checks(self, since: datetime | None = None, until: datetime | None = None) -> list[CheckRecord]:
        """Saved checks, oldest first."""
        return self._list("check", since, until)

    def latest_check(self) -> CheckRecord | None:
        """The newest saved check, or None."""
        from sqlalchemy import select

        table = self._t["check"]
        with self._read() as conn:
            row = conn.execute(select(table).order_by(table.c.at.desc(), table.c.id.desc()).limit(1)).mappings().first()
        return None if row is None else _from_row("check", row)

    def scores(
        self, instrument: str | None = None, since: datetime | None = None, until: datetime | None = None
    ) -> list[ScoreRecord]:
        """Questionnaire scores, oldest first, for one instrument or all."""
        return self._list("score", since, until, {"instrument": instrument})

    def activities(
        self, since: datetime | None = None, until: datetime | None = None, kind: str | None = None
    ) -> list[Activity]:
        """Exercise sessions and breaks, oldest first."""
        return self._list("activity", since, until, {"kind": kind})

    def entries(
        self, kinds: Sequence[str] | None = None, since: datetime | None = None, until: datetime | None = None
    ) -> list[Entry]:
        """Entries of several kinds merged in time order (oldest first), read in one snapshot."""
        wanted = list(kinds or KINDS)
        for kind in wanted:
            _check_kind(kind)
        out: list[Entry] = []
        with self._read() as conn:
            for kind in wanted:
                out += self._list(kind, since, until, conn=conn)
        order = {k: i for i, k in enumerate(KINDS)}
        out.sort(key=lambda e: (e.at, order[kind_of(e)], e.id))
        return out

    def get(self, kind: str, entry_id: int) -> Entry:
        """One entry by kind and id; raises NotFound."""
        from sqlalchemy import select

        _check_kind(kind)
        table = self._t[kind]
        with self._read() as conn:
            row = conn.execute(select(table).where(table.c.id == entry_id)).mappings().first()
        if row is None:
            raise NotFound(f"there is no {kind} entry with id {entry_id}")
        result: Entry = _from_row(kind, row)
        return result

    def count(self) -> dict[str, int]:
        """How many entries of each kind."""
        from sqlalchemy import func, select

        with self._read() as conn:
            return {k: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for k, t in self._t.items()}

    # ---- correcting ---------------------------------------------------------------------------------

    def _update(self, kind: str, entry_id: int, values: Mapping[str, Any]) -> None:
        table = self._t[kind]
        with self._write() as conn:
            if conn.execute(table.update().where(table.c.id == entry_id).values(**values)).rowcount != 1:
                raise NotFound(f"there is no {kind} entry with id {entry_id}")

    def update_symptom(self, entry_id: int, entry: SymptomIn) -> Symptom:
        """Replace a symptom entry's fields (its id and uid stay)."""
        old = self.get("symptom", entry_id)
        data = SymptomData(**entry.model_dump(), uid=old.uid)
        self._update("symptom", entry_id, _row("symptom", data))
        return Symptom(**data.model_dump(), id=entry_id)

    def update_treatment(self, entry_id: int, entry: TreatmentIn) -> TreatmentEntry:
        """Replace a treatment entry's fields (its id and uid stay)."""
        old = self.get("treatment", entry_id)
        data = TreatmentData(**entry.model_dump(), uid=old.uid)
        self._update("treatment", entry_id, _row("treatment", data))
        return TreatmentEntry(**data.model_dump(), id=entry_id)

    def delete(self, kind: str, entry_id: int) -> None:
        """Delete one entry; raises NotFound when it is not there."""
        _check_kind(kind)
        table = self._t[kind]
        with self._write() as conn:
            if conn.execute(table.delete().where(table.c.id == entry_id)).rowcount != 1:
                raise NotFound(f"there is no {kind} entry with id {entry_id}")

    # ---- export, import, backup ---------------------------------------------------------------------

    def export_batch(self) -> Batch:
        """Everything, without local ids, read in one consistent snapshot."""
        parts: dict[str, list[dict[str, Any]]] = {}
        with self._read() as conn:
            for kind in KINDS:
                parts[_BATCH_FIELDS[kind]] = [e.model_dump(exclude={"id"}) for e in self._list(kind, None, None, conn=conn)]
        return Batch.model_validate(parts | {"format": "numbwise-diary", "version": 1}, strict=False)

    def import_batch(
        self,
        batch: Batch,
        *,
        chunk_size: int | None = None,
        on_commit: Callable[[int, list[str]], None] | None = None,
    ) -> ImportResult:
        """Add a batch; entries whose uid is already stored are skipped.

        By default all of it is one transaction. With chunk_size, every chunk of that many entries is
        committed on its own and on_commit(chunk_number, uids) is called after each commit (used by
        long imports that should keep what they finished if they are stopped).
        """
        rows: list[tuple[str, dict[str, Any]]] = []
        seen: dict[tuple[str, str], int] = {}
        problems: list[str] = []
        for kind in KINDS:
            part = _BATCH_FIELDS[kind]
            for index, item in enumerate(getattr(batch, part)):
                first = seen.setdefault((kind, item.uid), index)
                if first != index:
                    problems.append(f"{part}[{first}] and {part}[{index}] share uid {item.uid}")
                rows.append((kind, _row(kind, item)))
        if problems:
            raise ImportRefused(f"the file lists {len(problems)} entr{'y' if len(problems) == 1 else 'ies'} twice; "
                                "nothing was imported", problems)
        if chunk_size is None or chunk_size <= 0:
            chunks = [rows] if rows else []
        else:
            chunks = [rows[i : i + chunk_size] for i in range(0, len(rows), chunk_size)]
        added = skipped = 0
        for number, chunk in enumerate(chunks, 1):
            with self._write() as conn:
                a, s = self._insert_rows(conn, chunk)
            added += a
            skipped += s
            if on_commit is not None:
                on_commit(number, [r["uid"] for _, r in chunk])
        return ImportResult(added, skipped, len(chunks))

    def _insert_rows(self, conn: Connection, rows: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]:
        from sqlalchemy import select

        added = skipped = 0
        for kind in KINDS:
            mine = [r for k, r in rows if k == kind]
            if not mine:
                continue
            table = self._t[kind]
            uids = [r["uid"] for r in mine]
            existing: set[str] = set()
            for i in range(0, len(uids), 500):
                existing |= set(conn.execute(select(table.c.uid).where(table.c.uid.in_(uids[i : i + 500]))).scalars())
            fresh = [r for r in mine if r["uid"] not in existing]
            if fresh:
                conn.execute(table.insert(), fresh)
            added += len(fresh)
            skipped += len(mine) - len(fresh)
        return added, skipped

    def integrity_check(self) -> list[str]:
        """Problems the database itself reports (SQLite's integrity_check); an empty list means healthy."""
        from sqlalchemy import text

        if self.backend != "sqlite":
            with self._read() as conn:
                conn.execute(text("SELECT 1"))
            return []
        with self._read() as conn:
            lines = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
        return [] if lines == ["ok"] else lines

    def backup(self, target: Path, *, overwrite: bool = False) -> BackupResult:
        """A consistent copy: SQLite's online backup to a file, or a JSON export for PostgreSQL.

        Written to a temporary file first and renamed, so a failed backup never leaves half a file.
        """
        import json
        import sqlite3
        import tempfile

        target = Path(target)
        if target.exists() and not overwrite:
            raise BadRequest(f"{target} already exists; choose another name or allow overwriting")
        if not target.parent.is_dir():
            raise BadRequest(f"cannot write {target}: the folder {target.parent} does not exist")
        source = sqlite_path(self.url)
        if source is not None and target.resolve() == source.resolve():
            raise BadRequest("the backup cannot be the diary file itself")
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if self.backend == "sqlite":
                raw = self._engine.raw_connection()
                try:
                    dest = sqlite3.connect(tmp)
                    try:
                        raw.driver_connection.backup(dest)  # type: ignore[union-attr]
                        dest.execute("PRAGMA journal_mode=DELETE")
                        check = dest.execute("PRAGMA integrity_check").fetchall()
                    finally:
                        dest.close()
                finally:
                    raw.close()
                if check != [("ok",)]:
                    raise StoreError(f"the backup copy failed its integrity check: {check[:3]}")
                entries = sum(self.count().values())
                method: Literal["sqlite", "json"] = "sqlite"
            else:
                batch = self.export_batch()
                tmp.write_text(json.dumps(batch.model_dump(mode="json"), indent=2, sort_keys=True) + "\n", encoding="utf-8")
                entries = batch.count()
                method = "json"
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return BackupResult(target, method, entries)


# ---- helpers ------------------------------------------------------------------------------------------


def kind_of(entry: Entry) -> Kind:
    """Which kind of entry this is."""
    if isinstance(entry, Symptom):
        return "symptom"
    if isinstance(entry, TreatmentEntry):
        return "treatment"
    if isinstance(entry, CheckRecord):
        return "check"
    if isinstance(entry, ScoreRecord):
        return "score"
    return "activity"


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise StoreError(f"'{kind}' is not a kind of entry; use one of: {', '.join(KINDS)}")


def _need_aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise StoreError(f"{name} needs a time zone")
    return value


def _validated(model: type[M], values: dict[str, Any]) -> M:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise StoreError(f"not saved: {describe(exc)}") from None


def describe(exc: ValidationError) -> str:
    """A pydantic error in plain words (the shared translation in numbwise.diary.fields)."""
    from numbwise.diary.fields import explain_errors

    return explain_errors(exc)


def _row(kind: str, data: BaseModel) -> dict[str, Any]:
    """A model as column values."""
    values = data.model_dump(exclude={"id"})
    if kind == "symptom":
        values["fingers"] = ",".join(values["fingers"])
    return values


def _from_row(kind: str, row: Any) -> Any:
    """Column values as the entry model."""
    values = dict(row)
    if kind == "symptom":
        values["fingers"] = tuple(f for f in (values["fingers"] or "").split(",") if f)
        values["woke"] = bool(values["woke"])
    return _MODELS[kind].model_validate(values)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
