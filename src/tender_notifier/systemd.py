"""The sd_notify protocol (READY=1, RELOADING=1, STOPPING=1, WATCHDOG=1), hand-written.

It is one datagram to the socket in ``$NOTIFY_SOCKET``; no library is needed for that, and
outside systemd (no variable) every call is a no-op.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time


class Notifier:
    def __init__(self, address: str | None, watchdog_usec: int | None = None) -> None:
        self.address = address
        self.watchdog_usec = watchdog_usec

    @classmethod
    def from_environment(cls) -> Notifier:
        address = os.environ.get("NOTIFY_SOCKET") or None
        usec = os.environ.get("WATCHDOG_USEC")
        pid = os.environ.get("WATCHDOG_PID")
        watchdog = int(usec) if usec and usec.isdigit() else None
        if pid and pid.isdigit() and int(pid) != os.getpid():
            watchdog = None
        return cls(address, watchdog)

    def watchdog_interval(self) -> float | None:
        """Seconds between WATCHDOG=1 pings systemd expects, or None without a watchdog."""
        return self.watchdog_usec / 1_000_000 if self.watchdog_usec else None

    async def feed_watchdog(self) -> None:
        """Send WATCHDOG=1 twice per interval systemd expects, until cancelled (returns at once
        without a watchdog)."""
        interval = self.watchdog_interval()
        if interval is None:
            return
        while True:
            self.notify("WATCHDOG=1")
            await asyncio.sleep(interval / 2)

    def notify(self, message: str) -> bool:
        if not self.address:
            return False
        if message.startswith("RELOADING=1"):
            # systemd (Type=notify-reload) wants the monotonic time with RELOADING=1.
            message += f"\nMONOTONIC_USEC={time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000}"
        address = self.address
        if address.startswith("@"):
            address = "\0" + address[1:]
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(address)
                sock.sendall(message.encode())
        except OSError:
            return False
        return True
