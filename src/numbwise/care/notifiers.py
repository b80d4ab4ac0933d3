"""Ways to reach the person: a desktop notification over D-Bus, or the terminal bell; with a fallback."""

from __future__ import annotations

import asyncio
import logging
import os
import select
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

from numbwise.care.remind_loop import ACTIONS, Answer, Notifier, NotifyFailed, Prompt

APP_NAME = "numbwise"
CONNECT_TIMEOUT = 10.0  # seconds to reach the session bus and the notification server


class _Capture(logging.Handler):
    """Keeps desktop-notifier's 'Notification failed' warning, which it logs instead of raising."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        reason = f": {record.exc_info[1]!r}" if record.exc_info and record.exc_info[1] else ""
        self.messages.append(record.getMessage() + reason)


class DesktopNotifier:
    """A freedesktop notification with Start break / Snooze / Skip buttons (desktop-notifier library)."""

    name = "desktop"

    def __init__(self, app_name: str = APP_NAME) -> None:
        self.app_name = app_name

    def prompt(self, prompt: Prompt) -> Answer:
        """Send the notification and wait for a button, a dismissal, or the timeout."""
        return asyncio.run(self._prompt(prompt))

    async def _prompt(self, prompt: Prompt) -> Answer:
        from desktop_notifier import Button
        from desktop_notifier import DesktopNotifier as Library

        answers: list[Answer] = []
        chosen = asyncio.Event()
        dispatched = asyncio.Event()

        def choose(answer: Answer) -> Callable[[], None]:
            def pressed() -> None:
                if not answers:
                    answers.append(answer)
                chosen.set()
            return pressed

        library = Library(app_name=self.app_name)
        logger = logging.getLogger("desktop_notifier")
        capture = _Capture()
        logger.addHandler(capture)
        propagate, logger.propagate = logger.propagate, False  # its traceback would scare people; we report it
        try:
            try:
                await asyncio.wait_for(library.send(
                    title=prompt.title,
                    message=prompt.body,
                    buttons=[Button(title=ACTIONS[a], identifier=a, on_pressed=choose(a))
                             for a in ("start", "snooze", "skip")],
                    on_clicked=choose("start"),
                    on_dismissed=choose("skip"),
                    on_dispatched=dispatched.set,
                    timeout=prompt.timeout_seconds,
                ), CONNECT_TIMEOUT)
            except (asyncio.TimeoutError, OSError) as exc:
                raise NotifyFailed(f"the notification service did not answer ({exc!r})") from None
            if not dispatched.is_set():  # the library only logs a failure and returns normally
                raise NotifyFailed("; ".join(capture.messages) or "the notification was not delivered")
            try:
                await asyncio.wait_for(chosen.wait(), prompt.timeout_seconds)
            except asyncio.TimeoutError:
                return None
            return answers[0]
        finally:
            logger.removeHandler(capture)
            logger.propagate = propagate
            bus = getattr(getattr(library, "_backend", None), "bus", None)
            if bus is not None:
                bus.disconnect()


def ask_terminal(stream: TextIO = sys.stdin) -> Callable[[str, float], str | None] | None:
    """A reader for one typed answer with a timeout, or None when there is no terminal to type in."""
    if not stream.isatty():
        return None

    def ask(question: str, timeout: float) -> str | None:
        sys.stdout.write(question)
        sys.stdout.flush()
        ready, _, _ = select.select([stream], [], [], timeout)
        return stream.readline() if ready else None

    return ask


def enter_pressed(stream: TextIO) -> bool:
    """True when a line was typed (Enter) on a terminal, read at once without waiting."""
    if not stream.isatty():
        return False
    ready, _, _ = select.select([stream], [], [], 0)
    if ready:
        stream.readline()
        return True
    return False


class BellNotifier:
    """Rings the terminal bell and prints the prompt; reads an answer when a terminal is attached."""

    name = "bell"

    def __init__(self, out: TextIO, ask: Callable[[str, float], str | None] | None = None) -> None:
        self.out = out
        self.ask = ask

    def prompt(self, prompt: Prompt) -> Answer:
        """Bell, text, then an optional typed answer: Enter starts, s snoozes, k skips."""
        self.out.write(f"\a\n{prompt.title}\n{prompt.body}\n")
        self.out.flush()
        if self.ask is None:
            return None
        reply = self.ask("[Enter] start break  [s] snooze  [k] skip: ", float(prompt.timeout_seconds))
        if reply is None:
            self.out.write("\n(no answer: counted as skipped)\n")
            return None
        text = reply.strip().lower()
        if text in ("s", "snooze"):
            return "snooze"
        if text in ("k", "skip", "n", "no"):
            return "skip"
        return "start"


class FallbackNotifier:
    """Tries the first way; when it cannot reach the person, says so once and uses the second."""

    def __init__(self, first: Notifier, second: Notifier, warn: Callable[[str], None]) -> None:
        self.first, self.second, self.warn = first, second, warn
        self.failed = False
        self.name = first.name


    def prompt(self, prompt: Prompt) -> Answer:
        """Desktop first; on failure the bell (and keep trying the desktop next time)."""
        try:
            answer = self.first.prompt(prompt)
            self.failed, self.name = False, self.first.name
            return answer
        except NotifyFailed as exc:
            if not self.failed:
                self.warn(f"No desktop notification ({exc}); using the terminal bell.")
            self.failed, self.name = True, self.second.name
            return self.second.prompt(prompt)


def has_session_bus(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a D-Bus session bus address is known (the desktop notification service lives there)."""
    env = os.environ if environ is None else environ
    if env.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, "bus"))


def choose_notifier(mode: str, out: TextIO, warn: Callable[[str], None],
                    ask: Callable[[str, float], str | None] | None,
                    environ: Mapping[str, str] | None = None) -> Notifier:
    """auto: desktop when a session bus is known, bell otherwise; desktop: always try it; bell: bell."""
    bell = BellNotifier(out, ask)
    if mode == "bell" or (mode == "auto" and not has_session_bus(environ)):
        return bell
    return FallbackNotifier(DesktopNotifier(), bell, warn)
