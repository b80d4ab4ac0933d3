"""The running reminder's pid file and status file in the state folder, and a clean stop."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from numbwise import files
from numbwise.paths import state_dir

PID_FILE = "remind.pid"
STATUS_FILE = "remind.json"
LOG_FILE = "remind.log"


def pid_path() -> Path:
    """The reminder's pid file."""
    return state_dir() / PID_FILE


def status_path() -> Path:
    """What the running reminder says about itself (next break, way of notifying)."""
    return state_dir() / STATUS_FILE


def log_path() -> Path:
    """Where a background reminder's output goes."""
    return state_dir() / LOG_FILE


def write_atomic(path: Path, text: str) -> None:
    """Temp file then rename (in a folder made if missing), so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_atomic(path, text)


def alive(pid: int) -> bool:
    """Whether `pid` is a running numbwise process (a reused pid of another program does not count)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # someone else's process: not our reminder
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.parent.exists():
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ")
        except OSError:
            return False
        if b"numbwise" not in text:
            return False
        stat = Path(f"/proc/{pid}/stat")
        try:
            if stat.read_text().rpartition(")")[2].split()[0] == "Z":  # exited, not yet reaped
                return False
        except (OSError, IndexError):
            pass
    return True


@dataclass(frozen=True)
class PidInfo:
    """What the pid file says, and whether it is stale."""

    pid: int | None
    running: bool
    stale: bool  # a file was there but its process is gone (or the file is garbage)


def read_pid() -> PidInfo:
    """Read the pid file; never raises for a missing or broken file."""
    path = pid_path()
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        return PidInfo(None, False, False)
    if not text.isdigit():
        return PidInfo(None, False, True)
    pid = int(text)
    running = alive(pid)
    return PidInfo(pid, running, not running)


def claim(pid: int) -> None:
    """Write our pid (after checking no other reminder runs)."""
    write_atomic(pid_path(), f"{pid}\n")


def release(pid: int) -> None:
    """Remove the pid and status files, but only if they are still ours."""
    info_path = pid_path()
    try:
        if info_path.read_text().strip() == str(pid):
            info_path.unlink(missing_ok=True)
            status_path().unlink(missing_ok=True)
    except FileNotFoundError:
        pass


def clear_stale() -> None:
    """Remove a pid file (and status) whose process is gone."""
    pid_path().unlink(missing_ok=True)
    status_path().unlink(missing_ok=True)


def write_status(pid: int, started: datetime, next_break: datetime, exercise_id: str, notifier: str) -> None:
    """Tell `--status` when the next break is."""
    write_atomic(status_path(), json.dumps({
        "pid": pid,
        "started": started.isoformat(),
        "next_break": next_break.isoformat(),
        "exercise": exercise_id,
        "notify": notifier,
    }) + "\n")


def read_status() -> dict[str, Any] | None:
    """The running reminder's status file, if it is readable."""
    try:
        data = json.loads(status_path().read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def stop(pid: int, wait_seconds: float = 10.0, sleep: Callable[[float], None] = time.sleep,
         monotonic: Callable[[], float] = time.monotonic) -> bool:
    """SIGTERM the reminder and wait for it to go; True when it stopped."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = monotonic() + wait_seconds
    while monotonic() < deadline:
        if not alive(pid):
            return True
        sleep(0.05)
    return not alive(pid)
