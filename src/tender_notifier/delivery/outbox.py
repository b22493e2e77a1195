"""The outbox: emails written as ``.eml`` files instead of sent, when no SMTP server is set.

Each message lands in ``<directory>/<message-id>.eml``, written to a temporary file first and
renamed into place (mode 0600, in a folder made 0700: they hold subscribers' links), so a
reader never sees half a message and sending the same Message-ID again
(a retried reminder) replaces the file instead of adding a second one.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import tempfile
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from ..compose.fill import PreparedEmail, flatten
from ..errors import DeliveryError
from ..store.files import make_private_dir

_UNSAFE = re.compile(r"[^A-Za-z0-9._@+=-]")


def file_name(message: EmailMessage | PreparedEmail) -> str:
    """``<safe message-id>.eml``; a message without a Message-ID is named by its content."""
    if isinstance(message, PreparedEmail):
        raw = message.message_id
    else:
        raw = str(message.get("Message-ID", "")).strip().strip("<>")
    if not raw:
        return hashlib.sha256(_bytes(message)).hexdigest()[:32] + ".eml"
    safe = _UNSAFE.sub("_", raw).lstrip(".")[:150]
    if safe != raw:  # keep distinct ids distinct after replacing characters
        safe += "-" + hashlib.sha256(raw.encode()).hexdigest()[:8]
    return safe + ".eml"


def _bytes(message: EmailMessage | PreparedEmail) -> bytes:
    if isinstance(message, PreparedEmail):
        return message.data  # already the SMTP policy's bytes
    return flatten(message)


class OutboxTransport:
    """Writes each message into ``directory`` as an ``.eml`` file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _write(self, message: EmailMessage | PreparedEmail) -> Path:
        make_private_dir(self.directory)
        target = self.directory / file_name(message)
        data = _bytes(message)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".eml")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    async def send(self, message: EmailMessage | PreparedEmail) -> None:
        """Write ``message``; a full disk or a read-only folder is worth retrying."""
        if isinstance(message, EmailMessage) and "Date" not in message:  # as a server would
            message["Date"] = formatdate(usegmt=True)
        try:
            await asyncio.to_thread(self._write, message)
        except OSError as exc:
            raise DeliveryError(f"cannot write to the outbox {self.directory}: {exc}") from exc

    async def warm_up(self) -> None:
        """Nothing to open; here so the outbox is an ``EmailTransport``."""

    async def close(self) -> None:
        """Nothing to close; here so the outbox is an ``EmailTransport``."""
