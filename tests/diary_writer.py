"""A writer process for the kill test: imports a JSON export in chunks and says after each commit what it committed."""

from __future__ import annotations

import sys
from pathlib import Path

from numbwise.diary.portable import read_json
from numbwise.diary.store import open_store


def main(url: str, source: str, chunk: int) -> None:
    """Print 'ready', then one 'committed N UID...' line per committed chunk (flushed at once)."""
    batch = read_json(Path(source).read_text(encoding="utf-8"))
    with open_store(url) as store:
        print("ready", flush=True)

        def said(number: int, uids: list[str]) -> None:
            sys.stdout.write(f"committed {number} {' '.join(uids)}\n")
            sys.stdout.flush()

        store.import_batch(batch, chunk_size=chunk, on_commit=said)
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
