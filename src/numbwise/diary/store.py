"""The diary store: the only module that talks SQL (SQLAlchemy 2 + Alembic; SQLite by default, PostgreSQL by URL).

Every write is one transaction. A SQLite diary whose schema is already current is served by the standard
library's sqlite3 for adding and reading entries (SQLAlchemy's import alone costs ~0.2 s, more than a one-line
`numbwise log` may take); SQLAlchemy and Alembic are imported only to make or migrate a diary, for PostgreSQL,
and for corrections, deletes and imports. Both paths store the same values (a test checks it).
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
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


class NotADiary(BadRequest):
    """The file named is not a numbwise diary (empty, another kind of file, or another program's database)."""


class DamagedDiary(StoreError):
    """The diary file fails SQLite's integrity check: it may be read (to rescue it) but never written."""


class ReadOnly(StoreError):
    """The diary was opened by a command that only reads, so it refuses to write."""


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


SQLITE_MAGIC = b"SQLite format 3\x00"
_UID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # as entries.UID
BUSY_TIMEOUT = 15.0  # seconds a write waits for another writer's lock (tests make it short)
_TABLE_NAMES = {"symptom": "symptoms", "treatment": "treatments", "check": "checks", "score": "scores",
                "activity": "activities"}
_JSON_COLUMNS = {"check": ("case", "result"), "score": ("answers", "values")}  # schema.json_type() columns
_BOOL_COLUMNS = {"symptom": ("woke",)}  # schema Boolean columns, 0/1 in SQLite


def plain_sqlite_path(url: str) -> Path | None:
    """The file behind a plain sqlite:///PATH URL, or a bare file path; None when SQLAlchemy must read the URL.

    Parsed without SQLAlchemy so a current SQLite diary opens without importing it.
    """
    if "://" not in url:
        return Path(url).expanduser() if url.strip() else None
    if not url.startswith("sqlite:///") or "?" in url or "#" in url:
        return None
    rest = url[len("sqlite:///"):]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def as_url(text: str) -> str:
    """A --db value as a database URL: a plain file path becomes sqlite:///ABSOLUTE_PATH."""
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().absolute()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite:/// URL (None for other databases or an in-memory one)."""
    plain = plain_sqlite_path(url)
    if plain is not None or "://" not in url:
        return plain
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def open_store(url: str | None = None, *, create: bool = True, write: bool | None = None,
               new_uid: Callable[[], str] = _new_uid) -> Store:
    """Open (creating and migrating to the newest schema) the diary at url, or the default one.

    With create=False (commands that only read) nothing is made or written: a SQLite file that was named (url, or
    $NUMBWISE_DB) and is not there raises NoDiary, since a mistyped path must not pass as an empty diary; the
    default diary, not made yet, opens as an empty one (`store.missing` is True). write=True with create=False
    (corrections, deletes) needs an existing diary but may write to it. A named file in a folder that does
    not exist is refused too, rather than the folder being made for a typo; only the default data folder is made.
    """
    from numbwise.paths import default_db_url

    named = bool(url or os.environ.get(DB_VARIABLE, "").strip())
    full = as_url(url or default_db_url())
    path = plain_sqlite_path(full) if "://" in full else None
    if path is None:
        path = sqlite_path(_checked_url(full))
    if path is not None and not path.exists():
        if not create:
            if named:
                raise NoDiary(f"there is no diary at {path}; check the --db path (numbwise log or numbwise import "
                              "make a new diary)")
            return Store(full, new_uid=new_uid, missing=True)
        if named and path.parent.exists() and not path.parent.is_dir():
            raise BadRequest(f"{path.parent} is a file, not a folder; check the --db path")
        if named and not path.parent.is_dir():
            raise BadRequest(f"the folder {path.parent} does not exist; check the --db path, or make the folder "
                             "first if a new diary should go there")
    return Store(full, new_uid=new_uid, readonly=not (create if write is None else write))


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


def _make_folders(folder: Path) -> None:
    """Make the diary's folders readable by this user alone (0700)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        for each in reversed(missing):
            each.mkdir(mode=0o700)
            os.chmod(each, 0o700)  # mkdir's mode is narrowed by the umask, never widened; be exact
    except FileExistsError:
        pass  # made by another process at the same moment
    except OSError as exc:
        raise StoreError(f"cannot make the folder {folder}: {exc.strerror}") from None


def _new_diary(path: Path) -> None:
    """Make a new diary file, complete with its schema, under a temporary name, then link it into place.

    So `path` is either absent or a whole diary: a 0-byte file is never a diary being born, and two processes
    making the first diary at once end with one of them (the other's copy is dropped).
    """
    import tempfile

    _make_folders(path.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    except OSError as exc:
        raise StoreError(f"cannot make the diary {path}: {exc.strerror}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o600)  # SQLite gives its -wal and -shm files the database file's permissions
    try:
        engine = _engine(f"sqlite:///{tmp}")
        try:
            _migrate_engine(engine, f"sqlite:///{path}")
        finally:
            engine.dispose()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError as exc:
            raise StoreError(f"cannot make the diary {path}: {exc.strerror}") from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


def _file_problem(path: Path) -> str | None:
    """Why this file is not a SQLite database (empty, unreadable, another format), or None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        return f"{path} is a folder, not a diary file"
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror}"
    if not head:
        return (f"{path} is an empty file (0 bytes), not a diary; if it should hold your diary, restore it from a "
                "backup, or remove it to start a new one")
    if head != SQLITE_MAGIC:
        return f"{path} is not a numbwise diary (it is not a SQLite database)"
    return None


def _connect_file(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode (transactions are begun explicitly).

    Read-only connections open the file with mode=ro, and if the folder cannot take SQLite's shared-memory file
    (a read-only folder or a full disk) with immutable=1, so a diary can always be read to rescue it.
    """
    from urllib.parse import quote

    uri = f"file:{quote(str(path.absolute()))}"
    if not readonly:
        conn = sqlite3.connect(f"{uri}?mode=rw", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA foreign_keys=ON")
        return conn
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None,
                               check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


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
        engine = create_engine(u, connect_args={"timeout": BUSY_TIMEOUT})

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


def _migrate_engine(engine: Engine, shown: str) -> None:
    """Bring the schema to HEAD inside one write transaction (a second opener waits, then sees HEAD)."""
    from sqlalchemy import inspect, text

    with engine.begin() as conn:
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
                raise StoreError(f"the diary at {shown} was made by a newer numbwise (schema {current}); update numbwise"
                                 ) from None
        elif set(inspect(conn).get_table_names()) - {"alembic_version"}:
            raise NotADiary(f"{shown} is another program's database, not a numbwise diary; nothing was changed")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _hint(path: Path, readonly: bool) -> str:
    """Why a SQLite file may not open for writing: a read-only folder or a full disk (reading still works then)."""
    if readonly:
        return ""
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return (f" (the folder {path.parent} is read-only: commands that only read, like history and export, "
                "still work)")
    try:
        free = os.statvfs(path.parent).f_bavail
    except OSError:
        return ""
    return " (the disk is full: commands that only read, like history and export, still work)" if free == 0 else ""


def _threading_lock() -> Any:
    import threading

    return threading.Lock()


def _safe(url: str) -> str:
    """A URL for messages, without any password (no SQLAlchemy needed for a plain SQLite file)."""
    path = plain_sqlite_path(url)
    if path is not None:
        return f"sqlite:///{path}"
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


class Store:
    """A diary database. Use `with open_store(url) as store:`; it closes on exit.

    `missing`: the default diary is not made yet and reads as empty. `readonly`: opened by a command that only
    reads (no write transaction, works on a read-only folder or a full disk). `damaged`: the problems SQLite's
    quick check found; a damaged diary can be read and exported but never written.
    """

    def __init__(self, url: str, *, new_uid: Callable[[], str] = _new_uid, missing: bool = False,
                 readonly: bool = False) -> None:
        self.url = url
        self.missing = missing
        self.readonly = readonly or missing
        self.damaged: list[str] = []
        self._new_uid = new_uid
        self._engine_made: Engine | None = None
        self._file: Path | None = None  # a SQLite file served by sqlite3 (its schema is current)
        self._conns: dict[int, sqlite3.Connection] = {}
        self._lock = _threading_lock()
        if missing:
            return
        path = plain_sqlite_path(url)
        if path is not None and self._open_file(path):
            return
        self._open_engine()
        if path is not None:
            self._file = path  # migrated now: sqlite3 serves it from here on

    def _open_file(self, path: Path) -> bool:
        """Check a SQLite diary file cheaply; True when it is current and sqlite3 can serve it."""
        if not path.exists():
            _new_diary(path)
        problem = _file_problem(path)
        if problem is not None:
            raise NotADiary(problem)
        try:
            conn = _connect_file(path, readonly=self.readonly)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the diary at {self.safe_url}: {exc}{_hint(path, self.readonly)}") from None
        try:
            try:
                checked = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
                tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                version = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                           if "alembic_version" in tables else None)
            except sqlite3.OperationalError as exc:  # locked, disk full, I/O: the file may be fine
                raise StoreError(f"cannot open the diary at {self.safe_url}: {exc}{_hint(path, self.readonly)}"
                                 "; nothing was written") from None
            except sqlite3.DatabaseError as exc:  # "malformed", "not a database": the file itself is bad
                raise DamagedDiary(self._damage_message([str(exc)])) from None
        finally:
            conn.close()
        self.damaged = [] if checked == ["ok"] else [line for c in checked for line in c.splitlines() if line.strip()]
        if version is None and tables - {"sqlite_sequence"}:
            raise NotADiary(f"{path} is another program's database, not a numbwise diary; nothing was changed")
        if version is not None and version[0] == HEAD:
            self._file = path
            return True
        if self.damaged:
            raise DamagedDiary(self._damage_message(self.damaged))
        if self.readonly and version is None:  # a valid but empty SQLite file: reads as an empty diary
            self.missing = True
            return True
        return False

    def _damage_message(self, problems: Sequence[str]) -> str:
        return (f"the diary at {self.safe_url} is damaged ({'; '.join(problems[:3])}); nothing was written to it. "
                "Save what can still be read with `numbwise export --out rescue.json`, then restore a backup or "
                "import the rescued file into a new diary (see `numbwise doctor`)")

    def _open_engine(self) -> None:
        """Open through SQLAlchemy and bring the schema to HEAD (new, older or PostgreSQL diaries)."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self._migrate()
        except SQLAlchemyError as exc:
            self.close()
            raise StoreError(f"cannot open the diary at {self.safe_url}: {_first_line(exc)}") from None
        except BaseException:
            self.close()
            raise

    # ---- life cycle -------------------------------------------------------------------------------

    @property
    def _engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (a current SQLite diary may never need it)."""
        if self._engine_made is None:
            self._engine_made = _engine(self.url)
        return self._engine_made

    @property
    def _t(self) -> dict[str, Any]:
        from numbwise.diary import schema

        return schema.TABLES

    @property
    def safe_url(self) -> str:
        """The URL without any password, for messages."""
        return _safe(self.url)

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        if self._file is not None or self.missing:
            return "sqlite"
        return self._engine.dialect.name

    def close(self) -> None:
        """Release every connection."""
        with self._lock:
            conns, self._conns = list(self._conns.values()), {}
        for conn in conns:
            conn.close()
        if self._engine_made is not None:
            self._engine_made.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writable(self) -> None:
        if self.readonly:
            raise ReadOnly(f"the diary at {self.safe_url} was opened for reading only; nothing was written")
        if self.damaged:
            raise DamagedDiary(self._damage_message(self.damaged))

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: all of it is saved, or none of it."""
        self._writable()
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

    @contextmanager
    def _raw(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction on the SQLite file through sqlite3 (BEGIN IMMEDIATE for writes, a snapshot for reads)."""
        if write:
            self._writable()
        conn = self._thread_connection()
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _thread_connection(self) -> sqlite3.Connection:
        """This thread's sqlite3 connection to the file, kept until close() (sqlite3 connections are per thread)."""
        import threading

        assert self._file is not None
        key = threading.get_ident()
        with self._lock:
            conn = self._conns.get(key)
            if conn is None:
                conn = self._conns[key] = _connect_file(self._file, readonly=self.readonly)
            return conn

    @contextmanager
    def _snapshot(self) -> Iterator[Connection | sqlite3.Connection | None]:
        """One read transaction for several reads, on whichever path serves this diary."""
        if self.missing:
            yield None
        elif self._file is not None:
            with self._raw(write=False) as raw:
                yield raw
        else:
            with self._read() as conn:
                yield conn

    def revision(self) -> str | None:
        """The schema revision the database is at."""
        if self._file is not None:
            return HEAD
        if self.missing:
            return None
        from sqlalchemy import inspect, text

        with self._read() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def _migrate(self) -> None:
        """Bring the schema to HEAD inside one write transaction (a second opener waits, then sees HEAD)."""
        if self.readonly and self._engine.dialect.name == "sqlite":
            raise ReadOnly(f"the diary at {self.safe_url} needs its schema brought up to date; run a command "
                           "that writes (for example numbwise log) first")
        _migrate_engine(self._engine, self.safe_url)

    # ---- adding -------------------------------------------------------------------------------------

    def _insert(self, kind: str, values: Mapping[str, Any]) -> int:
        if self._file is not None:
            with self._raw(write=True) as raw:
                return _raw_insert(raw, kind, values)
        with self._write() as conn:
            result = conn.execute(self._t[kind].insert().values(**values))
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def _stamped(self, entry: SymptomIn | TreatmentIn) -> dict[str, Any]:
        """A validated entry's values with a fresh, checked uid.

        The stored entry is then made with model_construct: its values were validated as the entry, and building a
        second pydantic model costs a one-line `numbwise log` tens of milliseconds (bench/cli_speed.py).
        """
        uid = self._new_uid()
        if not isinstance(uid, str) or not _UID.fullmatch(uid):
            raise StoreError(f"not saved: the new entry's uid {uid!r} is not 1-64 letters, digits, - or _")
        return entry.model_dump() | {"uid": uid}

    def add_symptom(self, entry: SymptomIn) -> Symptom:
        """Save one symptom entry."""
        values = self._stamped(entry)
        return Symptom.model_construct(**values, id=self._insert("symptom", _row_values("symptom", values)))

    def add_treatment(self, entry: TreatmentIn) -> TreatmentEntry:
        """Save one treatment entry."""
        values = self._stamped(entry)
        return TreatmentEntry.model_construct(**values, id=self._insert("treatment", _row_values("treatment", values)))

    def add_entries(self, items: Sequence[SymptomIn | TreatmentIn]) -> list[Symptom | TreatmentEntry]:
        """Save several symptom and treatment entries in one transaction: all of them, or none."""
        made: list[tuple[str, dict[str, Any]]] = [
            ("symptom" if isinstance(item, SymptomIn) else "treatment", self._stamped(item)) for item in items]
        ids: list[int] = []
        if self._file is not None:
            with self._raw(write=True) as raw:
                ids = [_raw_insert(raw, kind, _row_values(kind, values)) for kind, values in made]
        else:
            with self._write() as conn:
                for kind, values in made:
                    key = conn.execute(self._t[kind].insert().values(**_row_values(kind, values))).inserted_primary_key
                    assert key is not None
                    ids.append(int(key[0]))
        return [(Symptom if kind == "symptom" else TreatmentEntry).model_construct(**values, id=i)
                for (kind, values), i in zip(made, ids)]

    def add_check(self, at: datetime, case: dict[str, Any], result: dict[str, Any]) -> CheckRecord:
        """Save a finished `numbwise check`: the answers and the result."""
        data = _validated(CheckData, {"uid": self._new_uid(), "at": at, "case": case, "result": result})
        return CheckRecord(**data.model_dump(), id=self._insert("check", _row("check", data)))

    def keep_check(self, uid: str, at: datetime, case: dict[str, Any],
                   result: dict[str, Any]) -> tuple[CheckRecord, Literal["added", "replaced", "unchanged"]]:
        """Save a finished check under `uid`, the id of the check it was finished in: the first time it is added;
        finished again (the web's Back, then new answers) it replaces the check kept under that uid, time included;
        with the same answers and result nothing is written. One transaction, so two finishes never keep two."""
        from sqlalchemy import select

        data = _validated(CheckData, {"uid": uid, "at": at, "case": case, "result": result})
        table = self._t["check"]
        with self._write() as conn:
            old = conn.execute(select(table).where(table.c.uid == uid)).mappings().first()
            if old is None:
                key = conn.execute(table.insert().values(**_row("check", data))).inserted_primary_key
                assert key is not None
                return CheckRecord(**data.model_dump(), id=int(key[0])), "added"
            if old["case"] == data.case and old["result"] == data.result:
                return _from_row("check", old), "unchanged"
            conn.execute(table.update().where(table.c.id == old["id"]).values(**_row("check", data)))
            return CheckRecord(**data.model_dump(), id=int(old["id"])), "replaced"

    def forget_check(self, uid: str) -> bool:
        """Delete the check kept under `uid` (the web's "Remove this check from my diary"): True when one was there."""
        table = self._t["check"]
        with self._write() as conn:
            return bool(conn.execute(table.delete().where(table.c.uid == uid)).rowcount)

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
        conn: Connection | sqlite3.Connection | None = None,
    ) -> list[Any]:
        if since is not None:
            _need_aware(since, "since")
        if until is not None:
            _need_aware(until, "until")
        if self.missing:
            return []
        if self._file is not None:
            read = _salvage_list if self.damaged else _raw_list  # a damaged file: every row that can still be read
            if isinstance(conn, sqlite3.Connection):
                return read(conn, kind, since, until, where)
            with self._raw(write=False) as raw:
                return read(raw, kind, since, until, where)
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
            assert not isinstance(conn, sqlite3.Connection)
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
        if self.missing:
            return None
        if self._file is not None:
            with self._raw(write=False) as raw:
                found = raw.execute('SELECT * FROM checks ORDER BY "at" DESC, id DESC LIMIT 1')
                rows = _raw_rows(found)
            return None if not rows else _trusted("check", _raw_values("check", rows[0]))
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
        with self._snapshot() as conn:
            for kind in wanted:
                out += self._list(kind, since, until, conn=conn)
        order = {k: i for i, k in enumerate(KINDS)}
        out.sort(key=lambda e: (e.at, order[kind_of(e)], e.id))
        return out

    def get(self, kind: str, entry_id: int) -> Entry:
        """One entry by kind and id; raises NotFound."""
        _check_kind(kind)
        if self._file is not None or self.missing:
            rows = []
            if not self.missing:
                with self._raw(write=False) as raw:
                    rows = _raw_rows(raw.execute(f"SELECT * FROM {_TABLE_NAMES[kind]} WHERE id = ?", (entry_id,)))
            if not rows:
                raise NotFound(f"there is no {kind} entry with id {entry_id}")
            found: Entry = _trusted(kind, _raw_values(kind, rows[0]))
            return found
        from sqlalchemy import select

        table = self._t[kind]
        with self._read() as conn:
            row = conn.execute(select(table).where(table.c.id == entry_id)).mappings().first()
        if row is None:
            raise NotFound(f"there is no {kind} entry with id {entry_id}")
        result: Entry = _from_row(kind, row)
        return result

    def count(self) -> dict[str, int]:
        """How many entries of each kind."""
        if self.missing:
            return {k: 0 for k in KINDS}
        if self._file is not None:
            with self._raw(write=False) as raw:
                return {k: int(raw.execute(f"SELECT count(*) FROM {_TABLE_NAMES[k]}").fetchone()[0]) for k in KINDS}
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
        with self._snapshot() as conn:
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
        if self.missing:
            return []
        if self._file is not None:
            try:
                with self._raw(write=False) as raw:
                    lines = [str(r[0]) for r in raw.execute("PRAGMA integrity_check")]
            except sqlite3.DatabaseError as exc:
                return [str(exc)]
            return [] if lines == ["ok"] else lines
        from sqlalchemy import text

        if self.backend != "sqlite":
            with self._read() as conn:
                conn.execute(text("SELECT 1"))
            return []
        with self._read() as conn:
            lines = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
        return [] if lines == ["ok"] else lines

    def file_notes(self) -> list[str]:
        """Plain facts about a SQLite diary file for `numbwise doctor`: size, and who may read it."""
        if self._file is None:
            return []
        import stat

        info = self._file.stat()
        notes = [f"File: {self._file} ({info.st_size:,} bytes)"]
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            notes.append(f"Permissions: {mode:o}: other users on this computer may read it (numbwise makes it 600)")
        else:
            notes.append(f"Permissions: {mode:o} (only you)")
        return notes

    def backup(self, target: Path, *, overwrite: bool = False) -> BackupResult:
        """A consistent copy: SQLite's online backup to a file, or a JSON export for PostgreSQL.

        Written to a temporary file first and renamed, so a failed backup never leaves half a file.
        """
        import json
        import tempfile

        target = Path(target)
        if target.exists() and not overwrite:
            raise BadRequest(f"{target} already exists; choose another name or allow overwriting")
        if not target.parent.is_dir():
            raise BadRequest(f"cannot write {target}: the folder {target.parent} does not exist")
        source = sqlite_path(self.url)
        if source is not None and target.resolve() == source.resolve():
            raise BadRequest("the backup cannot be the diary file itself")
        try:
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        except OSError as exc:
            raise StoreError(f"cannot write the backup {target}: {exc.strerror}; nothing was written") from None
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if self.backend == "sqlite":
                if self._file is not None:
                    source_conn = _connect_file(self._file, readonly=True)
                    close = source_conn.close
                else:
                    raw = self._engine.raw_connection()
                    source_conn = raw.driver_connection  # type: ignore[assignment]
                    close = raw.close
                try:
                    dest = sqlite3.connect(tmp)
                    try:
                        source_conn.backup(dest)
                        dest.execute("PRAGMA journal_mode=DELETE")
                        check = dest.execute("PRAGMA integrity_check").fetchall()
                    finally:
                        dest.close()
                finally:
                    close()
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
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StoreError(f"cannot write the backup {target}: {reason}; no backup file was left behind") from None
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
    return _row_values(kind, data.model_dump(exclude={"id"}))


def _row_values(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """An entry's values as column values."""
    row = {k: v for k, v in values.items() if k != "id"}
    if kind == "symptom":
        row["fingers"] = ",".join(row["fingers"])
    return row


def _trusted(kind: str, values: dict[str, Any]) -> Any:
    """A row of a healthy diary as its entry without validating again: it was validated when it was written, and
    a first validation costs a one-line `numbwise history` tens of milliseconds. Damaged files use _from_row."""
    if kind == "symptom":
        values["fingers"] = tuple(f for f in (values["fingers"] or "").split(",") if f)
        values["woke"] = bool(values["woke"])
    return _MODELS[kind].model_construct(**values)


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


def _sqlite_time(value: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it: naive UTC, always with microseconds, a 4-digit year."""
    u = _need_aware(value, "at").astimezone(timezone.utc)
    return (f"{u.year:04d}-{u.month:02d}-{u.day:02d} {u.hour:02d}:{u.minute:02d}:{u.second:02d}."
            f"{u.microsecond:06d}")


def _raw_insert(conn: sqlite3.Connection, kind: str, values: Mapping[str, Any]) -> int:
    """Insert one row as SQLAlchemy would store it; the new id."""
    import json

    stored: dict[str, Any] = {}
    for column, value in values.items():
        if column == "at":
            value = _sqlite_time(value)
        elif column in _JSON_COLUMNS.get(kind, ()):
            value = json.dumps(value)
        elif column in _BOOL_COLUMNS.get(kind, ()):
            value = 1 if value else 0
        stored[column] = value
    names = ", ".join(f'"{c}"' for c in stored)
    marks = ", ".join("?" for _ in stored)
    cursor = conn.execute(f"INSERT INTO {_TABLE_NAMES[kind]} ({names}) VALUES ({marks})", tuple(stored.values()))
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def _raw_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _raw_values(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row's values as SQLAlchemy would return them."""
    import json

    values = dict(row)
    values["at"] = datetime.fromisoformat(values["at"]).replace(tzinfo=timezone.utc)
    for column in _JSON_COLUMNS.get(kind, ()):
        values[column] = json.loads(values[column])
    return values


def _raw_list(conn: sqlite3.Connection, kind: str, since: datetime | None, until: datetime | None,
              where: Mapping[str, Any] | None) -> list[Any]:
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append('"at" >= ?')
        params.append(_sqlite_time(since))
    if until is not None:
        clauses.append('"at" <= ?')
        params.append(_sqlite_time(until))
    for column, value in (where or {}).items():
        if value is not None:
            clauses.append(f'"{column}" = ?')
            params.append(value)
    sql = f"SELECT * FROM {_TABLE_NAMES[kind]}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    rows = _raw_rows(conn.execute(sql + ' ORDER BY "at", id', params))
    return [_trusted(kind, _raw_values(kind, row)) for row in rows]


def _salvage_list(conn: sqlite3.Connection, kind: str, since: datetime | None, until: datetime | None,
                  where: Mapping[str, Any] | None) -> list[Any]:
    """Every row of a damaged table that can still be read and makes a valid entry (by id ranges, then one by one)."""
    table = _TABLE_NAMES[kind]
    try:
        top = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        highest = int(top[0]) if top else 0
    except sqlite3.DatabaseError:
        highest = 0
    if not highest:
        try:
            highest = int(conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0)
        except sqlite3.DatabaseError:
            highest = 100_000
    rows: list[dict[str, Any]] = []
    step = 200
    for start in range(1, highest + 1, step):
        try:
            rows += _raw_rows(conn.execute(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ?", (start, start + step - 1)))
        except sqlite3.DatabaseError:
            for one in range(start, start + step):
                try:
                    rows += _raw_rows(conn.execute(f"SELECT * FROM {table} WHERE id = ?", (one,)))
                except sqlite3.DatabaseError:
                    continue
    out: list[Any] = []
    for row in rows:
        try:
            entry = _from_row(kind, _raw_values(kind, row))
        except (ValueError, TypeError, KeyError):  # a garbled row (pydantic's ValidationError is a ValueError)
            continue
        if since is not None and entry.at < since or until is not None and entry.at > until:
            continue
        if any(value is not None and getattr(entry, column) != value for column, value in (where or {}).items()):
            continue
        out.append(entry)
    out.sort(key=lambda e: (e.at, e.id))
    return out
