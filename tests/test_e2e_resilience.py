"""Keeping promises through crashes, restarts, outages and changed dates, with the real daemon,
a real SMTP server and real webhook receivers. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.e2e
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def ahead(seconds: float) -> datetime:
    at = datetime.now(AMSTERDAM) + timedelta(seconds=seconds)
    return at.replace(microsecond=0) + timedelta(seconds=1)


def sleep_until(moment: datetime) -> None:
    time.sleep(max(moment.timestamp() - time.time(), 0))


def make_daemon(
    tmp_path: Path,
    database_url: str,
    smtp_port: int,
    deadline: datetime | None = None,
    **options: object,
) -> Daemon:
    tenders = (
        {"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])}
        if deadline
        else {}
    )
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=database_url,
        smtp_port=smtp_port,
        tenders=tenders,
        **options,  # type: ignore[arg-type]
    )
    return Daemon(config)


def add_email(daemon: Daemon, address: str, *offsets: str) -> None:
    result = daemon.cli("subscriptions", "add", "email", address, "--offsets", *offsets)
    assert result.returncode == 0, result.stderr


def ledger(daemon: Daemon) -> list[list[str]]:
    return [
        line.split("\t")
        for line in daemon.cli("deliveries", "list", "--limit", "5000").stdout.splitlines()
        if "\t" in line
    ]


def test_sigkill_during_a_fan_out_to_1000_loses_nobody(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    daemon = make_daemon(tmp_path, database_url, smtp.port)
    rows = "\n".join(f"email,supplier{i}@bureau.example,,PT60S,nl" for i in range(1000))
    csv = tmp_path / "suppliers.csv"
    csv.write_text("channel,address,tenders,offsets,language\n" + rows + "\n")
    imported = daemon.cli("subscriptions", "import", str(csv))
    assert imported.returncode == 0, imported.stderr
    deadline = ahead(72)  # the reminders fall due 12 s from now
    (tmp_path / "tenders" / "soon.toml").write_text(
        tender_toml("soon", [("offers", "submission_deadline", deadline)])
    )
    smtp.delay = 0.004
    daemon.start()
    smtp.wait_for(300, timeout=60)
    daemon.kill()  # SIGKILL in the middle of the fan-out
    received_before = len(smtp.messages)
    assert received_before < 1000
    daemon.start()
    smtp.wait_for(1000, timeout=90)
    time.sleep(2)
    by_recipient: dict[str, list[str]] = defaultdict(list)
    for message in smtp.messages:
        by_recipient[str(message["To"])].append(str(message["Message-ID"]))
    assert len(by_recipient) == 1000
    repeats = {to: ids for to, ids in by_recipient.items() if len(ids) > 1}
    for ids in repeats.values():
        assert len(set(ids)) == 1  # a repeat carries the same Message-ID
    assert len(repeats) <= 20  # only what was in flight at the kill
    print(f"received before kill: {received_before}, repeats after restart: {len(repeats)}")
    assert daemon.stop() == 0


def test_sigterm_during_a_fan_out_finishes_what_is_in_flight_and_repeats_nothing(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    daemon = make_daemon(tmp_path, database_url, smtp.port)
    rows = "\n".join(f"email,supplier{i}@bureau.example,,PT60S,nl" for i in range(300))
    csv = tmp_path / "suppliers.csv"
    csv.write_text("channel,address,tenders,offsets,language\n" + rows + "\n")
    assert daemon.cli("subscriptions", "import", str(csv)).returncode == 0
    deadline = ahead(70)
    (tmp_path / "tenders" / "soon.toml").write_text(
        tender_toml("soon", [("offers", "submission_deadline", deadline)])
    )
    smtp.delay = 0.01
    daemon.start()
    smtp.wait_for(50, timeout=60)
    started = time.monotonic()
    assert daemon.stop() == 0  # SIGTERM: in-flight work finishes or is handed back
    assert time.monotonic() - started < 25
    assert len(smtp.messages) < 300
    daemon.start()  # the lease of handed-back rows is released: no wait
    smtp.wait_for(300, timeout=60)
    time.sleep(1)
    recipients = [str(m["To"]) for m in smtp.messages]
    assert len(recipients) == len(set(recipients)) == 300  # none lost, none repeated
    assert daemon.stop() == 0


def test_reminders_missed_while_down_are_sent_once_late_and_coalesced(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    # Due 30 s and 36 s ahead: the sign-up and the first start and stop must be over by then,
    # also on a loaded machine (at 10 s ahead the first run once sent the first one).
    deadline = ahead(60)
    daemon = make_daemon(tmp_path, database_url, smtp.port, deadline)
    add_email(daemon, "laat@bureau.example", "PT30S", "PT24S")  # due at +30 s and +36 s
    daemon.start()
    assert daemon.stop() == 0
    sleep_until(deadline - timedelta(seconds=21))  # both fell due while it was down
    daemon.start()
    [reminder] = smtp.wait_for(1, timeout=10)
    time.sleep(2)
    assert len(smtp.messages) == 1
    assert "Uiterste inschrijfdatum" in reminder["Subject"]
    text = reminder.get_body(("plain",)).get_content()
    assert "nog minder dan een minuut" in text  # what is really left, not the 30 s planned
    statuses = sorted(row[2] for row in ledger(daemon) if row[1] == "reminder")
    assert statuses == ["sent", "skipped"]
    assert daemon.stop() == 0


def test_reminders_whose_milestone_passed_while_down_are_skipped_with_a_log_line(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    # Due 12 s ahead: the sign-up and the first start and stop must be over by then, also on a
    # loaded machine (at 6 s ahead the first run sometimes sent it).
    deadline = ahead(20)
    daemon = make_daemon(tmp_path, database_url, smtp.port, deadline)
    add_email(daemon, "te-laat@bureau.example", "PT8S")
    daemon.start()
    assert daemon.stop() == 0
    sleep_until(deadline + timedelta(seconds=1))
    daemon.start()
    time.sleep(2)
    assert smtp.messages == []
    assert [row[2] for row in ledger(daemon) if row[1] == "reminder"] == ["skipped"]
    skipped = [json.loads(line) for line in daemon.lines if '"reminder_skipped"' in line]
    assert skipped and skipped[0]["reason"] == "milestone passed"
    assert daemon.stop() == 0


def test_smtp_down_then_up_delivers_once_it_recovers(tmp_path: Path, database_url: str) -> None:
    port = free_port()
    deadline = ahead(40)
    daemon = make_daemon(
        tmp_path,
        database_url,
        port,
        deadline,
        retry_schedule='["PT1S", "PT2S", "PT4S", "PT6S", "PT8S", "PT10S", "PT12S"]',
    )
    add_email(daemon, "geduld@bureau.example", "PT32S")  # due at +8 s
    with daemon:
        sleep_until(deadline - timedelta(seconds=32 - 5))  # a few failed attempts first
        server = SmtpServer(port).start()
        try:
            server.wait_for(1, timeout=20)
            time.sleep(1)
            assert len(server.messages) == 1
            [row] = [r for r in ledger(daemon) if r[1] == "reminder"]
            assert row[2] == "sent" and int(row[3]) >= 2
        finally:
            server.stop()


def test_a_hanging_webhook_does_not_delay_an_email(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    receiver = Receiver().start()
    receiver.delay = 8.0  # longer than the webhook timeout of 3 s
    try:
        deadline = ahead(30)
        daemon = make_daemon(tmp_path, database_url, smtp.port, deadline)
        added = daemon.cli("subscriptions", "add", "webhook", receiver.url, "--offsets", "PT20S")
        assert added.returncode == 0, added.stderr
        add_email(daemon, "op-tijd@bureau.example", "PT20S")
        with daemon:
            smtp.wait_for(1, timeout=20)
            due = (deadline - timedelta(seconds=20)).timestamp()
            assert smtp.received_at[0] - due < 1.0
    finally:
        receiver.stop()


def test_a_moved_deadline_sends_one_change_notice_and_reminds_at_the_new_time(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    old = ahead(40)
    settle = '[changes]\nsettle = "PT1S"\n'  # the notice goes once the file is still for 1 s
    daemon = make_daemon(tmp_path, database_url, smtp.port, old, extra=settle)
    add_email(daemon, "wijziging@bureau.example", "PT20S")
    with daemon:
        feed = f"{daemon.base_url}/feeds/soon.ics"
        assert "SEQUENCE:0" in httpx.get(feed).text
        new = old + timedelta(seconds=12)
        (tmp_path / "tenders" / "soon.toml").write_text(
            tender_toml("soon", [("offers", "submission_deadline", new)])
        )
        [notice] = smtp.wait_for(1, timeout=10)
        assert "wijzig" in notice["Subject"].lower()
        for _ in range(50):
            if "SEQUENCE:1" in httpx.get(feed).text:
                break
            time.sleep(0.1)
        assert "SEQUENCE:1" in httpx.get(feed).text
        reminders = smtp.wait_for(2, timeout=40)
        time.sleep(1.5)
        assert len(smtp.messages) == 2  # not one for the old time too
        assert abs(smtp.received_at[1] - (new - timedelta(seconds=20)).timestamp()) < 1.0
        assert "Uiterste inschrijfdatum" in reminders[1]["Subject"]


def test_a_bad_edit_is_rejected_and_the_old_timeline_stays(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    daemon = make_daemon(tmp_path, database_url, smtp.port, ahead(3600))
    with daemon:
        feed = f"{daemon.base_url}/feeds/soon.ics"
        before = httpx.get(feed).content
        (tmp_path / "tenders" / "soon.toml").write_text('id = "soon"\n[[milestones]\n')
        for _ in range(50):
            if any('"tender_file_rejected"' in line for line in daemon.lines):
                break
            time.sleep(0.1)
        assert any('"tender_file_rejected"' in line for line in daemon.lines)
        assert httpx.get(feed).content == before
        assert httpx.get(f"{daemon.base_url}/readyz").status_code == 200
        reload = daemon.cli("reload")
        assert reload.returncode == 0, reload.stderr
        time.sleep(0.5)
        assert httpx.get(feed).content == before
