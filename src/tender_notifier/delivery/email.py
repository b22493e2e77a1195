"""Email delivery over SMTP, over connections kept open and reused by every send.

A message comes composed (an ``EmailMessage``) or ready for the wire (a ``PreparedEmail``, the
bytes of a reminder filled in from a fan-out's template): those go out as they are, with the
envelope they carry, unless the server cannot take 8-bit bodies.

Errors say whether to try again: connection failures, timeouts and 4xx replies are temporary
(``DeliveryError(permanent=False)``), 5xx replies are permanent. Without an SMTP host the
factory returns the outbox (``.eml`` files) instead.

aiosmtplib is imported when the first message goes out, not at start-up: a daemon with nothing
due holds no connection and needs none of it.
"""

from __future__ import annotations

import asyncio
import time
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..compose.fill import PreparedEmail
from ..errors import DeliveryError
from ..settings import SmtpSettings
from .outbox import OutboxTransport

if TYPE_CHECKING:
    import aiosmtplib

# A connection idle longer than this is probed with NOOP before use: servers drop idle
# clients (Postfix after 300 s), and finding out during MAIL FROM would fail a send.
IDLE_PROBE_AFTER = 10.0


class EmailTransport(Protocol):
    """Something that can send an email: SMTP, or the outbox folder."""

    async def send(self, message: EmailMessage | PreparedEmail) -> None:
        """Deliver ``message`` or raise ``DeliveryError`` saying whether to try again."""
        ...

    async def warm_up(self) -> None:
        """Get ready to send soon (connect), so the first message of a due moment does not wait."""
        ...

    async def close(self) -> None:
        """Release connections; ``send`` may still be called afterwards and reconnects."""
        ...


def email_transport(settings: SmtpSettings, outbox_dir: Path) -> EmailTransport:
    """SMTP when ``smtp.host`` is set, the outbox folder otherwise."""
    if settings.enabled:
        if settings.connections == 1:
            return SmtpTransport(settings)
        return SmtpPool(settings)
    return OutboxTransport(settings.outbox_dir or outbox_dir)


class SmtpPool:
    """Several SMTP connections used side by side, so one due moment's many emails are not
    sent strictly one after another. Each connection is an ``SmtpTransport`` (reused, probed
    when idle); a send borrows whichever is free."""

    def __init__(self, settings: SmtpSettings) -> None:
        self._free: asyncio.Queue[SmtpTransport] = asyncio.Queue()
        self._all = [SmtpTransport(settings) for _ in range(settings.connections)]
        for transport in self._all:
            self._free.put_nowait(transport)

    async def send(self, message: EmailMessage | PreparedEmail) -> None:
        transport = await self._free.get()
        try:
            await transport.send(message)
        finally:
            self._free.put_nowait(transport)

    async def warm_up(self) -> None:
        await asyncio.gather(*(t.warm_up() for t in self._all))

    async def close(self) -> None:
        await asyncio.gather(*(t.close() for t in self._all))


def _by_code(code: int, what: str) -> DeliveryError:
    if 500 <= code < 600:
        return DeliveryError(f"{what} (permanent failure {code})", permanent=True)
    return DeliveryError(f"{what} (temporary failure {code}; will retry)")


async def _send(
    smtp: aiosmtplib.SMTP, message: EmailMessage | PreparedEmail
) -> tuple[dict[str, aiosmtplib.SMTPResponse], str]:
    from aiosmtplib.email import parse_address

    if isinstance(message, PreparedEmail):
        if smtp.is_ehlo_or_helo_needed:
            await smtp.ehlo()
        sender = parse_address(message.sender)
        if smtp.supports_extension("8BITMIME") and (sender + message.to).isascii():
            return await smtp.sendmail(
                sender, [message.to], message.data, mail_options=["BODY=8BITMIME"]
            )
        message = message.whole()  # to be encoded for a 7-bit server, or SMTPUTF8
    return await smtp.send_message(message)


class SmtpTransport:
    """Sends through the configured SMTP server, reusing one connection."""

    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings
        self._smtp: aiosmtplib.SMTP | None = None
        self._lock = asyncio.Lock()
        self._last_used = 0.0

    def _client(self) -> aiosmtplib.SMTP:
        import aiosmtplib

        s = self._settings
        password = s.password.get_secret_value()
        return aiosmtplib.SMTP(
            hostname=s.host,
            port=s.port,
            # Implicit TLS wins when both are set: STARTTLS on a TLS connection cannot work.
            use_tls=s.use_tls,
            start_tls=s.starttls and not s.use_tls,
            username=s.username or None,
            password=password if s.username else None,
            timeout=s.timeout,
        )

    async def _connection(self) -> aiosmtplib.SMTP:
        import aiosmtplib

        smtp = self._smtp
        if smtp is not None and smtp.is_connected:
            if time.monotonic() - self._last_used < IDLE_PROBE_AFTER:
                return smtp
            try:
                await smtp.noop()
                return smtp
            except (aiosmtplib.SMTPException, OSError):
                smtp.close()
        smtp = self._client()
        await smtp.connect()
        self._smtp = smtp
        return smtp

    def _drop(self) -> None:
        if self._smtp is not None:
            self._smtp.close()
            self._smtp = None

    async def send(self, message: EmailMessage | PreparedEmail) -> None:
        """Send ``message`` to its To/Cc/Bcc recipients (adding a Date header if it has none)."""
        if isinstance(message, EmailMessage) and "Date" not in message:
            message["Date"] = formatdate(usegmt=True)  # compose leaves it out without ``now``
        import aiosmtplib

        async with self._lock:
            try:
                smtp = await self._connection()
                refused, _ = await _send(smtp, message)
            except aiosmtplib.SMTPRecipientsRefused as exc:
                codes = [r.code for r in exc.recipients]
                what = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
                # One temporary refusal makes the whole message worth another try.
                raise _by_code(min(codes, default=550), f"recipients refused: {what}") from None
            except aiosmtplib.SMTPResponseException as exc:
                if exc.code == 421 or not 400 <= exc.code < 600:
                    self._drop()  # 421: the server is closing this connection
                raise _by_code(exc.code, f"the mail server said {exc.code} {exc.message}") from None
            except ValueError as exc:  # no From or To, or an address that cannot be sent to
                raise DeliveryError(f"the message cannot be sent: {exc}", permanent=True) from None
            except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
                self._drop()
                host = f"{self._settings.host}:{self._settings.port}"
                raise DeliveryError(
                    f"cannot send through the mail server {host}: {exc or type(exc).__name__}"
                ) from None
            finally:
                self._last_used = time.monotonic()
            if refused:
                # The others got it, so sending again would duplicate: report, do not retry.
                what = "; ".join(f"{addr}: {r.code} {r.message}" for addr, r in refused.items())
                raise DeliveryError(f"sent, but some recipients refused: {what}", permanent=True)

    async def warm_up(self) -> None:
        """Open the connection (or check an idle one) now; a server that cannot be reached is
        left for the send to report."""
        import aiosmtplib

        async with self._lock:
            try:
                smtp = await self._connection()
                if smtp.is_ehlo_or_helo_needed:
                    await smtp.ehlo()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                self._drop()

    async def close(self) -> None:
        """Say QUIT and close the connection, if one is open."""
        async with self._lock:
            smtp, self._smtp = self._smtp, None
            if smtp is not None and smtp.is_connected:
                import aiosmtplib  # loaded already: there is a connection

                try:
                    await smtp.quit()
                except (aiosmtplib.SMTPException, OSError):
                    smtp.close()
