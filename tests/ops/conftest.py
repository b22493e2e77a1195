"""Fixtures for the ops tests: a real SMTP server, a real webhook receiver, an sd_notify socket."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


class NotifySocket:
    """The service manager's end of sd_notify: a unix datagram socket that keeps what arrives."""

    def __init__(self) -> None:
        # tmp_path is often longer than the 107 bytes a socket path may have: a short folder.
        self._dir = tempfile.mkdtemp(prefix="tn-notify-", dir="/tmp")
        self.path = os.path.join(self._dir, "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.2)
        self.messages: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self._closed = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while not self._closed.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                self.messages.append((time.monotonic(), data.decode()))

    def lines(self) -> list[str]:
        """Every assignment received, in order (a datagram may hold several, one per line)."""
        with self.lock:
            return [line for _, text in self.messages for line in text.splitlines()]

    def wait_for(self, line: str, count: int = 1, timeout: float = 20.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.lines()
            if lines.count(line) >= count:
                return lines
            time.sleep(0.02)
        raise AssertionError(f"{count} x {line!r} did not arrive; got {self.lines()}")

    def close(self) -> None:
        self._closed.set()
        self.sock.close()
        Path(self.path).unlink(missing_ok=True)
        os.rmdir(self._dir)


@pytest.fixture
def notify_socket() -> Iterator[NotifySocket]:
    s = NotifySocket()
    yield s
    s.close()
