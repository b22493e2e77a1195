"""Several SMTP connections side by side, against a real aiosmtpd server."""

from __future__ import annotations

import asyncio
import time
from email.message import EmailMessage

import pytest

from tender_notifier.delivery.email import SmtpPool, SmtpTransport, email_transport
from tender_notifier.errors import DeliveryError
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


def test_warming_up_opens_every_connection_before_the_first_message() -> None:
    server = SmtpServer().start()
    try:
        pool = SmtpPool(
            SmtpSettings(host="127.0.0.1", port=server.port, starttls=False, connections=3)
        )

        async def run() -> tuple[int, int]:
            await pool.warm_up()
            before = server.greetings
            await asyncio.gather(*(pool.send(message(i)) for i in range(6)))
            await pool.close()
            return before, server.greetings

        assert asyncio.run(run()) == (3, 3)  # the sends found their connections open
        assert len(server.wait_for(6)) == 6
    finally:
        server.stop()


def test_warming_up_with_no_server_listening_leaves_the_error_to_the_send() -> None:
    server = SmtpServer()  # never started: nothing listens on its port
    pool = SmtpPool(SmtpSettings(host="127.0.0.1", port=server.port, starttls=False, timeout=2))

    async def run() -> None:
        await pool.warm_up()  # says nothing
        with pytest.raises(DeliveryError) as caught:
            await pool.send(message(1))
        assert not caught.value.permanent

    asyncio.run(run())
