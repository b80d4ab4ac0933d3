"""A small org.freedesktop.Notifications server for tests (dbus-fast), answering each Notify with a scripted click.

No `from __future__ import annotations` here: dbus-fast reads the D-Bus signatures from the annotations.
"""

import asyncio
import os
import shutil
import signal
import subprocess
import threading
from dataclasses import dataclass
from typing import Any

from dbus_fast import BusType, Variant
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method, signal as dbus_signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


@dataclass
class NotifyCall:
    """One Notify call as the server received it."""

    app_name: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, Any]
    expire_timeout: int
    id: int


class FakeNotifications(ServiceInterface):
    """Records Notify calls; after each, emits ActionInvoked with the next scripted key (None: stay silent)."""

    def __init__(self, replies: list[str | None]) -> None:
        super().__init__(NAME)
        self.calls: list[NotifyCall] = []
        self.replies = list(replies)
        self.closed: list[int] = []

    @method()
    def GetCapabilities(self) -> "as":  # noqa: F821
        return ["actions", "body"]

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: F821
        return ["numbwise-fake", "numbwise tests", "1.0", "1.2"]

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s", body: "s",  # noqa: F821
               actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":  # noqa: F821
        nid = len(self.calls) + 1
        plain_hints = {k: (v.value if isinstance(v, Variant) else v) for k, v in hints.items()}
        self.calls.append(NotifyCall(app_name, summary, body, list(actions), plain_hints, expire_timeout, nid))
        reply = self.replies.pop(0) if self.replies else None
        if reply == "dismiss":  # the person closed the notification
            asyncio.get_running_loop().call_later(0.05, self.NotificationClosed, nid, 2)
        elif reply is not None:
            # after the reply to Notify has gone out, as a real server does when a person clicks
            asyncio.get_running_loop().call_later(0.05, self.ActionInvoked, nid, reply)
        return nid

    @method()
    def CloseNotification(self, id: "u") -> None:  # noqa: F821
        self.closed.append(id)
        self.NotificationClosed(id, 3)

    @dbus_signal()
    def ActionInvoked(self, id: "u", action_key: "s") -> "us":  # noqa: F821
        return [id, action_key]

    @dbus_signal()
    def NotificationClosed(self, id: "u", reason: "u") -> "uu":  # noqa: F821
        return [id, reason]


class ServerThread:
    """Runs FakeNotifications on the given bus in a background thread with its own event loop."""

    def __init__(self, address: str, replies: list[str | None]) -> None:
        self.address = address
        self.service = FakeNotifications(replies)
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._start())
        except BaseException as exc:  # surface start-up failures to the test
            self.error = exc
            self.ready.set()
            return
        self.ready.set()
        self.loop.run_forever()

    async def _start(self) -> None:
        self.bus = await MessageBus(bus_address=self.address, bus_type=BusType.SESSION).connect()
        self.bus.export(PATH, self.service)
        await self.bus.request_name(NAME)

    def __enter__(self) -> "ServerThread":
        self.thread.start()
        if not self.ready.wait(10) or self.error is not None:
            raise RuntimeError(f"fake notification server did not start: {self.error!r}")
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.bus.disconnect)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class PrivateSessionBus:
    """A throwaway session bus: `dbus-run-session` around a sleeper; the bus ends when we stop the sleeper."""

    def __enter__(self) -> str:
        exe = shutil.which("dbus-run-session")
        assert exe is not None
        self.proc = subprocess.Popen(
            [exe, "--", "sh", "-c", 'echo "$DBUS_SESSION_BUS_ADDRESS"; exec sleep 300'],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        assert self.proc.stdout is not None
        address = self.proc.stdout.readline().strip()
        if not address:
            self.__exit__()
            raise RuntimeError("dbus-run-session printed no bus address")
        return address

    def __exit__(self, *exc: object) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.proc.wait(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


