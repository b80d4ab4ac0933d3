"""A writer process for the concurrency test: N `numbwise log` entries through the real command, in-process."""

from __future__ import annotations

import sys

from numbwise.cli.main import main


def run(url: str, tag: str, count: int) -> int:
    """Log `count` symptoms noted TAG-i; exit non-zero at the first failed command."""
    for i in range(count):
        code = main(["--db", url, "log", "-s", str(i % 11), "--notes", f"{tag}-{i}"])
        if code != 0:
            return int(code)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2], int(sys.argv[3])))
