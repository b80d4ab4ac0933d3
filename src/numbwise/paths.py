"""Where numbwise keeps a person's files: the platform's folders (XDG on Linux), or one override."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

HOME_VARIABLE = "NUMBWISE_HOME"
DB_VARIABLE = "NUMBWISE_DB"
APP = "numbwise"


def _home(environ: Mapping[str, str]) -> Path | None:
    """The single override folder, when set: tests and portable installs keep everything in it."""
    value = environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def _folder(kind: str, environ: Mapping[str, str] | None) -> Path:
    """One of the person's folders: under $NUMBWISE_HOME when set, else where the platform keeps it."""
    env = os.environ if environ is None else environ
    home = _home(env)
    if home is not None:
        return home / kind
    import platformdirs

    where = {"data": platformdirs.user_data_dir, "config": platformdirs.user_config_dir, "state": platformdirs.user_state_dir}
    return Path(where[kind](APP, appauthor=False))


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The diary database and saved checks live here (for example ~/.local/share/numbwise)."""
    return _folder("data", environ)


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Settings files live here (for example ~/.config/numbwise)."""
    return _folder("config", environ)


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Run-time state such as the reminder's process file (for example ~/.local/state/numbwise)."""
    return _folder("state", environ)


def default_db_url(environ: Mapping[str, str] | None = None) -> str:
    """$NUMBWISE_DB when set, else a SQLite file in the data folder."""
    env = os.environ if environ is None else environ
    url = env.get(DB_VARIABLE, "").strip()
    if url:
        return url
    return f"sqlite:///{data_dir(env) / 'numbwise.sqlite3'}"
