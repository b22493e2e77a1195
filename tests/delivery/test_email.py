"""Email delivery: SMTP against a real aiosmtpd server on 127.0.0.1, and the outbox folder."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tender_notifier.delivery import email as smtp_module
from tender_notifier.delivery.email import SmtpTransport, email_transport
from tender_notifier.delivery.outbox import OutboxTransport, file_name
from tender_notifier.errors import DeliveryError
from tender_notifier.settings import SmtpSettings


def message(message_id: str = "r-1@tn.example", to: str = "jan@example.nl") -> EmailMessage:
    m = EmailMessage()
    m["From"] = "tender-notifier <noreply@tn.example>"
    m["To"] = to
    m["Subject"] = "Nog 1 dag: Uiterste inschrijfdatum"
    m["Message-ID"] = f"<{message_id}>"
    m.set_content("Uiterste inschrijfdatum: nog 1 dag.\n")
    return m


class Recorder:
    """An aiosmtpd handler that keeps what it receives, or answers as told."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.peers: list[Any] = []
        self.rcpt_reply: str | None = None
        self.data_reply: str | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_reply:
            return self.data_reply
        self.peers.append(session.peer)
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server() -> Iterator[tuple[Recorder, Controller]]:
    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller
    controller.stop()


def settings_for(controller: Controller, **kw: Any) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=controller.port, starttls=False, timeout=2, **kw)


@pytest.mark.anyio
async def test_message_is_delivered_and_reads_back_the_same(server):
    handler, controller = server
    transport = SmtpTransport(settings_for(controller))
    await transport.send(message())
    await transport.close()
    (received,) = handler.messages
    assert received["Message-ID"] == "<r-1@tn.example>"
    assert received["Subject"] == "Nog 1 dag: Uiterste inschrijfdatum"
    assert received.get_content().rstrip() == "Uiterste inschrijfdatum: nog 1 dag."


@pytest.mark.anyio
async def test_one_connection_carries_many_messages(server):
    handler, controller = server
    transport = SmtpTransport(settings_for(controller))
    for i in range(5):
        await transport.send(message(f"r-{i}@tn.example"))
    await transport.close()
    assert len(handler.messages) == 5
    assert len(set(handler.peers)) == 1


@pytest.mark.anyio
async def test_a_dropped_connection_is_replaced(monkeypatch):
    monkeypatch.setattr(smtp_module, "IDLE_PROBE_AFTER", 0.0)  # probe before every reuse
    handler, port = Recorder(), free_port()
    first = Controller(handler, hostname="127.0.0.1", port=port)
    first.start()
    transport = SmtpTransport(settings_for(first))
    await transport.send(message("r-1@tn.example"))
    first.stop()  # the server restarts, closing our connection
    second = Controller(handler, hostname="127.0.0.1", port=port)
    second.start()
    try:
        await transport.send(message("r-2@tn.example"))
        await transport.close()
    finally:
        second.stop()
    assert [m["Message-ID"] for m in handler.messages] == ["<r-1@tn.example>", "<r-2@tn.example>"]
    assert len(set(handler.peers)) == 2


@pytest.mark.anyio
async def test_451_is_a_temporary_failure(server):
    handler, controller = server
    handler.data_reply = "451 4.3.0 Try again later"
    transport = SmtpTransport(settings_for(controller))
    with pytest.raises(DeliveryError) as caught:
        await transport.send(message())
    assert not caught.value.permanent
    assert "451" in str(caught.value)
    handler.data_reply = None  # and the connection is still good for the retry
    await transport.send(message())
    await transport.close()
    assert len(handler.messages) == 1


@pytest.mark.anyio
async def test_550_for_the_recipient_is_permanent(server):
    handler, controller = server
    handler.rcpt_reply = "550 5.1.1 No such user"
    transport = SmtpTransport(settings_for(controller))
    with pytest.raises(DeliveryError) as caught:
        await transport.send(message())
    await transport.close()
    assert caught.value.permanent
    assert "550" in str(caught.value)


@pytest.mark.anyio
async def test_greylisted_recipient_is_temporary(server):
    handler, controller = server
    handler.rcpt_reply = "450 4.2.0 Greylisted, come back later"
    transport = SmtpTransport(settings_for(controller))
    with pytest.raises(DeliveryError) as caught:
        await transport.send(message())
    await transport.close()
    assert not caught.value.permanent


@pytest.mark.anyio
async def test_554_at_data_is_permanent(server):
    handler, controller = server
    handler.data_reply = "554 5.7.1 Rejected as spam"
    transport = SmtpTransport(settings_for(controller))
    with pytest.raises(DeliveryError) as caught:
        await transport.send(message())
    await transport.close()
    assert caught.value.permanent


@pytest.mark.anyio
async def test_server_down_is_temporary():
    transport = SmtpTransport(
        SmtpSettings(host="127.0.0.1", port=free_port(), starttls=False, timeout=1)
    )
    with pytest.raises(DeliveryError) as caught:
        await transport.send(message())
    await transport.close()
    assert not caught.value.permanent


@pytest.mark.anyio
async def test_required_starttls_the_server_lacks_is_an_error_not_plain_text(server):
    _, controller = server
    transport = SmtpTransport(
        SmtpSettings(host="127.0.0.1", port=controller.port, starttls=True, timeout=2)
    )
    with pytest.raises(DeliveryError):
        await transport.send(message())
    await transport.close()


# --- the outbox ----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_outbox_writes_one_eml_file_per_message(tmp_path: Path):
    outbox = OutboxTransport(tmp_path / "outbox")
    await outbox.send(message("r-1@tn.example"))
    await outbox.send(message("r-2@tn.example"))
    assert sorted(p.name for p in (tmp_path / "outbox").iterdir()) == [
        "r-1@tn.example.eml",
        "r-2@tn.example.eml",
    ]
    back = email.message_from_bytes(
        (tmp_path / "outbox" / "r-1@tn.example.eml").read_bytes(), policy=email.policy.default
    )
    assert back["Subject"] == "Nog 1 dag: Uiterste inschrijfdatum"


@pytest.mark.anyio
async def test_outbox_overwrites_a_repeated_message_id(tmp_path: Path):
    outbox = OutboxTransport(tmp_path)
    first = message("r-1@tn.example")
    await outbox.send(first)
    second = message("r-1@tn.example")
    second.replace_header("Subject", "second try")
    await outbox.send(second)
    (only,) = tmp_path.iterdir()
    assert b"second try" in only.read_bytes()


def test_outbox_file_names_cannot_leave_the_folder():
    name = file_name(message("../../etc/passwd"))
    assert "/" not in name and not name.startswith(".")
    assert file_name(message("a/b")) != file_name(message("a_b"))


@pytest.mark.anyio
async def test_unwritable_outbox_is_a_temporary_failure(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DeliveryError) as caught:
        await OutboxTransport(blocker / "outbox").send(message())
    assert not caught.value.permanent


def test_factory_picks_smtp_when_a_host_is_set_and_the_outbox_otherwise(tmp_path: Path):
    assert isinstance(
        email_transport(SmtpSettings(host="mail.example", connections=1), tmp_path), SmtpTransport
    )
    outbox = email_transport(SmtpSettings(), tmp_path)
    assert isinstance(outbox, OutboxTransport) and outbox.directory == tmp_path
