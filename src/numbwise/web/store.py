"""The web face's one path to the diary store: opened once per app (opening migrates, ~0.5 s), closed at shutdown."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from numbwise.web.settings import WebSettings

if TYPE_CHECKING:
    from numbwise.diary.store import Store

_LOCK = threading.Lock()


def store_of(app: Any) -> Store:
    """The app's open store, opened on first use and kept in `app.state` (the store module does all SQL)."""
    from numbwise.diary.store import open_store

    with _LOCK:
        store: Store | None = getattr(app.state, "store", None)
        if store is None:
            store = open_store(app.state.settings.store_url)
            app.state.store = store
        return store


def close_store(app: Any) -> None:
    """Close the app's store if it was opened (at shutdown)."""
    with _LOCK:
        store: Store | None = getattr(app.state, "store", None)
        if store is not None:
            store.close()
            app.state.store = None


def save_check(settings: WebSettings, case: dict[str, Any], result: dict[str, Any]) -> bool:
    """Keep a finished check in the diary (the store module does all SQL); True once it is saved."""
    from numbwise.diary.store import open_store

    with open_store(settings.store_url) as store:
        store.add_check(settings.clock(), case, result)
    return True
