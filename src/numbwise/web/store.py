"""The web face's one path to the diary store: one shared open store per app, and finished checks kept like `numbwise check` keeps them."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from numbwise.web.settings import WebSettings

if TYPE_CHECKING:
    from numbwise.diary.store import Store


def save_check(settings: WebSettings, case: dict[str, Any], result: dict[str, Any]) -> bool:
    """Keep a finished check in the diary (the store module does all SQL); True once it is saved."""
    from numbwise.diary.store import open_store

    with open_store(settings.store_url) as store:
        store.add_check(settings.clock(), case, result)
    return True


_OPEN_LOCK = threading.Lock()


def shared_store(app: Any) -> Store:
    """The app's one open diary (opening and migrating takes ~0.4 s, so it is done once, on first use)."""
    from numbwise.diary.store import open_store

    with _OPEN_LOCK:
        store: Store | None = getattr(app.state, "diary", None)
        if store is None:
            store = open_store(app.state.settings.store_url)
            app.state.diary = store
    return store


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Close the shared diary when the server stops."""
    yield
    store = getattr(app.state, "diary", None)
    if store is not None:
        store.close()
        app.state.diary = None
