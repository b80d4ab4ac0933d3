"""The web face's one path to the diary store: opened once per app (opening migrates, ~0.5 s), closed at shutdown."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Literal

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


def save_check(settings: WebSettings, case: dict[str, Any], result: dict[str, Any],
               uid: str | None = None) -> Literal["added", "replaced", "unchanged"]:
    """Keep a finished check in the diary (the store module does all SQL).

    With `uid` (the id of the check in progress, carried in its signed state) finishing the same check again
    after the browser's Back replaces the check it kept ("replaced"), or writes nothing when the answers and the
    result are the same ("unchanged"); a check started afresh gets a new id, so it is "added" beside it.
    """
    from numbwise.diary.store import open_store

    with open_store(settings.store_url) as store:
        if uid is None:
            store.add_check(settings.clock(), case, result)
            return "added"
        return store.keep_check(uid, settings.clock(), case, result)[1]


def forget_check(settings: WebSettings, uid: str) -> bool:
    """Take the check kept under `uid` out of the diary (the person chose not to keep it): True when it was there."""
    from numbwise.diary.store import open_store

    with open_store(settings.store_url) as store:
        return store.forget_check(uid)
