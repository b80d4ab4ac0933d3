"""The first diary tables: symptoms, treatments, checks, scores, activities.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from numbwise.diary.schema import UTCDateTime, json_type

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _table(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{name}_uid")),
    )
    op.create_index(f"ix_{name}_at", name, ["at"])


def upgrade() -> None:
    _table(
        "symptoms",
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("hand", sa.String(10), nullable=True),
        sa.Column("fingers", sa.String(100), nullable=False, server_default=""),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("trigger", sa.String(200), nullable=True),
        sa.Column("woke", sa.Boolean(name="woke_bool"), nullable=False, server_default="0"),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
    )
    _table(
        "treatments",
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("detail", sa.String(500), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
    )
    _table(
        "checks",
        sa.Column("case", json_type(), nullable=False),
        sa.Column("result", json_type(), nullable=False),
    )
    _table(
        "scores",
        sa.Column("instrument", sa.String(100), nullable=False),
        sa.Column("answers", json_type(), nullable=False),
        sa.Column("values", json_type(), nullable=False),
    )
    op.create_index("ix_scores_instrument", "scores", ["instrument"])
    _table(
        "activities",
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for name in ("activities", "scores", "checks", "treatments", "symptoms"):
        op.drop_table(name)
