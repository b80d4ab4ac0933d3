"""The knowledge cache is keyed by content, so two copies of the same files share it: the loaded knowledge must read
its files (exercise pictures) from its own folder, never from the copy that built the pickle (found when a second
checkout was removed and the pictures of the first went missing)."""

from __future__ import annotations

import shutil
from pathlib import Path

from numbwise.kb.loader import KNOWLEDGE_DIR, load_cached


def test_a_copy_with_the_same_files_reads_its_own_pictures(tmp_path: Path) -> None:
    first, second, cache = tmp_path / "a" / "knowledge", tmp_path / "b" / "knowledge", tmp_path / "cache"
    shutil.copytree(KNOWLEDGE_DIR, first)
    shutil.copytree(KNOWLEDGE_DIR, second)
    built = load_cached(first, cache)
    assert built.folder == first and list(cache.glob("knowledge-*.pickle"))  # the pickle exists now
    shutil.rmtree(first)  # the checkout that built it is gone
    kb = load_cached(second, cache)
    assert kb.folder == second
    assert (kb.folder / "pictures").is_dir() and any((kb.folder / "pictures").glob("*.svg"))
