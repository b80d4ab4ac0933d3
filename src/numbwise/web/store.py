"""The seam to the diary store: the web face saves and reads through numbwise.diary.store once it exists."""

from __future__ import annotations

import importlib
from typing import Any

from numbwise.web.settings import WebSettings


def _store_module() -> Any:
    """The diary store module, or None while it is not part of this build."""
    try:
        return importlib.import_module("numbwise.diary.store")
    except ModuleNotFoundError:
        return None


def save_check(settings: WebSettings, case: dict[str, Any], result: dict[str, Any]) -> bool:
    """Keep a finished check in the diary; False when there is no store to keep it in."""
    module = _store_module()
    if module is None:
        return False
    with module.open_store(settings.store_url) as store:
        store.add_check(settings.clock(), case, result)
    return True
