"""Alembic environment: runs on the connection the store hands over (or on the URL, for developers)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from numbwise.diary.schema import metadata

config = context.config


def run() -> None:
    """Migrate inside the caller's transaction, so a failed migration leaves the database as it was."""
    connection = config.attributes.get("connection")
    if connection is None:
        from numbwise.paths import default_db_url

        engine = create_engine(config.get_main_option("sqlalchemy.url") or default_db_url())
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
