"""Several SMTP connections side by side, against a real aiosmtpd server."""

from __future__ import annotations

import asyncio
import time
from email.message import EmailMessage

from tender_notifier.delivery.email import SmtpPool, SmtpTransport, email_transport
from tender_notifier.settings import SmtpSettings
from tests.support.smtp import SmtpServer


def message(i: int) -> EmailMessage:
    m = EmailMessage()
    m["From"] = "noreply@test.invalid"
    m["To"] = f"s{i}@bureau.example"
    m["Subject"] = f"bericht {i}"
    m["Message-ID"] = f"<m{i}@test.invalid>"
    m.set_content("hallo")
    return m


def test_factory_picks_a_pool_for_several_connections(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pooled = SmtpSettings(host="127.0.0.1", connections=3)
    single = SmtpSettings(host="127.0.0.1", connections=1)
    assert isinstance(email_transport(pooled, tmp_path), SmtpPool)
    assert isinstance(email_transport(single, tmp_path), SmtpTransport)


def test_a_pool_sends_side_by_side_and_delivers_everything() -> None:
    server = SmtpServer().start()
    server.delay = 0.05  # a slow server: 40 sends one after another would take 2 s
    try:
        pool = SmtpPool(
            SmtpSettings(host="127.0.0.1", port=server.port, starttls=False, connections=4)
        )

        async def run() -> float:
            start = time.monotonic()
            await asyncio.gather(*(pool.send(message(i)) for i in range(40)))
            elapsed = time.monotonic() - start
            await pool.close()
            return elapsed

        elapsed = asyncio.run(run())
        received = server.wait_for(40)
        assert sorted(str(m["To"]) for m in received) == sorted(
            f"s{i}@bureau.example" for i in range(40)
        )
        assert elapsed < 1.5  # four connections at once, not one after another
    finally:
        server.stop()
