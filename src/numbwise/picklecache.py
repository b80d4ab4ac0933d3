"""One pickle cache for compiled knowledge (the validated knowledge base, the parser's lexicon).

Plain standard library, so the fast paths (`numbwise parse`) can use it without importing pydantic.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where compiled knowledge is cached: $NUMBWISE_CACHE_DIR, else the XDG cache folder."""
    env = os.environ if environ is None else environ
    if env.get("NUMBWISE_CACHE_DIR"):
        return Path(env["NUMBWISE_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "numbwise"


def load_or_build(target: Path, kind: type[T], build: Callable[[], T]) -> T:
    """The object pickled at target when it is readable and of this kind, else built and stored there.

    A cache that cannot be read or written is ignored; the file is replaced atomically, never half-written.
    """
    try:
        with target.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, kind):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    built = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass
    return built
