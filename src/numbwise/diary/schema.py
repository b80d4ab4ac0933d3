"""The diary's tables (SQLAlchemy Core); imported only when a store is opened, so start-up stays fast."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Dialect, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import DateTime, TypeDecorator

# Stable constraint names, so later migrations (and SQLite batch ALTERs) can name what they change.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC so SQLite and PostgreSQL agree."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the diary store; pass a time with a zone")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=timezone.utc)


def json_type() -> Any:
    """JSON on SQLite, JSONB on PostgreSQL."""
    return JSON().with_variant(JSONB(), "postgresql")


def _common(name: str, *columns: Column[Any] | Index) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("uid", String(64), nullable=False, unique=True),
        Column("at", UTCDateTime(), nullable=False),
        *columns,
        Index(f"ix_{name}_at", "at"),
    )


symptoms = _common(
    "symptoms",
    Column("severity", Integer, nullable=False),
    Column("hand", String(10), nullable=True),
    Column("fingers", String(100), nullable=False, server_default=""),
    Column("minutes", Integer, nullable=True),
    Column("trigger", String(200), nullable=True),
    Column("woke", Boolean(name="woke_bool"), nullable=False, server_default="0"),
    Column("notes", Text, nullable=False, server_default=""),
)
treatments = _common(
    "treatments",
    Column("kind", String(40), nullable=False),
    Column("detail", String(500), nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
)
checks = _common(
    "checks",
    Column("case", json_type(), nullable=False),
    Column("result", json_type(), nullable=False),
)
scores = _common(
    "scores",
    Column("instrument", String(100), nullable=False),
    Column("answers", json_type(), nullable=False),
    Column("values", json_type(), nullable=False),
    Index("ix_scores_instrument", "instrument"),
)
activities = _common(
    "activities",
    Column("kind", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("seconds", Integer, nullable=False),
)

TABLES: dict[str, Table] = {
    "symptom": symptoms,
    "treatment": treatments,
    "check": checks,
    "score": scores,
    "activity": activities,
}
