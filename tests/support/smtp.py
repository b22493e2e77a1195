"""A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from .daemon import free_port


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_EHLO(
        self, smtp: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname  # what aiosmtpd does itself when no hook is given
        with self.server.lock:
            self.server.greetings += 1  # one per connection made by a client
        return responses

    async def handle_DATA(self, smtp: Any, session: Any, envelope: Any) -> str:
        if self.server.delay:
            await asyncio.sleep(self.server.delay)
        reply = self.server.next_reply()
        if reply is not None:
            return reply
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server.lock:
            self.server.messages.append(message)  # type: ignore[arg-type]
            self.server.raw.append(bytes(envelope.content))
            self.server.received_at.append(time.time())
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.messages: list[EmailMessage] = []
        self.received_at: list[float] = []
        self.raw: list[bytes] = []  # each message as it came over the wire
        self.delay = 0.0  # seconds to wait before answering DATA
        self.greetings = 0  # EHLOs received
        self.replies: list[str] = []  # queued non-250 replies, used first
        self.lock = threading.Lock()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def next_reply(self) -> str | None:
        with self.lock:
            return self.replies.pop(0) if self.replies else None

    def start(self) -> SmtpServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[EmailMessage]:
        messages = self._wait(lambda: len(self.messages) >= count, timeout)
        if len(messages) < count:
            raise AssertionError(f"expected {count} emails, got {len(messages)}")
        return messages

    def wait_for_recipients(self, count: int, timeout: float = 20.0) -> set[str]:
        """Wait until `count` distinct addresses have mail; a resent message counts once."""
        recipients = {
            str(m["To"]) for m in self._wait(lambda: self._recipients() >= count, timeout)
        }
        if len(recipients) < count:
            raise AssertionError(f"expected mail to {count} addresses, got {len(recipients)}")
        return recipients

    def _recipients(self) -> int:
        return len({str(m["To"]) for m in self.messages})

    def _wait(self, done: Callable[[], bool], timeout: float) -> list[EmailMessage]:
        """The messages once ``done`` holds (under the lock), or when ``timeout`` has passed."""
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                if done() or time.monotonic() >= deadline:
                    return list(self.messages)
            time.sleep(0.02)

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for m in self.messages if address in str(m["To"])]
