"""The folders numbwise writes to follow the platform, and one variable moves them all."""

from __future__ import annotations

from pathlib import Path

from numbwise import paths


def test_home_variable_moves_every_folder(tmp_path: Path) -> None:
    env = {"NUMBWISE_HOME": str(tmp_path)}
    assert paths.data_dir(env) == tmp_path / "data"
    assert paths.config_dir(env) == tmp_path / "config"
    assert paths.state_dir(env) == tmp_path / "state"
    assert paths.default_db_url(env) == f"sqlite:///{tmp_path / 'data' / 'numbwise.sqlite3'}"


def test_xdg_folders_without_the_override(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert paths.data_dir({}) == tmp_path / "xdg-data" / "numbwise"
    assert paths.config_dir({}) == tmp_path / "xdg-config" / "numbwise"


def test_db_variable_wins() -> None:
    url = "postgresql+psycopg://u@localhost/db"
    assert paths.default_db_url({"NUMBWISE_DB": url, "NUMBWISE_HOME": "/x"}) == url
