"""The web face's one path to the diary store: a finished check is kept like `numbwise check` keeps it."""

from __future__ import annotations

from typing import Any

from numbwise.web.settings import WebSettings


def save_check(settings: WebSettings, case: dict[str, Any], result: dict[str, Any]) -> bool:
    """Keep a finished check in the diary (the store module does all SQL); True once it is saved."""
    from numbwise.diary.store import open_store

    with open_store(settings.store_url) as store:
        store.add_check(settings.clock(), case, result)
    return True
