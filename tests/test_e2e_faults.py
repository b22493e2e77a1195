"""The faults of issue 10, each with the real daemon process, a real SMTP server, loopback
receivers and (where several daemons or an outage are needed) PostgreSQL.

Every test checks the same promises: nothing lost, nothing repeated except a message in flight
at a hard crash (with the same id), reminders before their deadline. Settle, grace, lease and
heartbeat are set short so the suite stays fast.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.proxy import Proxy
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer
from tests.test_e2e_resilience import ahead, sleep_until

pytestmark = pytest.mark.e2e

FAST = {
    "TN_DELIVERY__HEARTBEAT": "PT1S",
    "TN_DELIVERY__HEARTBEAT_TIMEOUT": "PT3S",
    "TN_DELIVERY__LEASE": "PT4S",
}
SHORT_RETRIES = '["PT2S", "PT2S", "PT2S", "PT2S", "PT2S", "PT2S", "PT2S", "PT2S", "PT2S"]'
SETTLE = '[changes]\nsettle = "PT2S"\n'


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


SHARED_KEY = Path(tempfile.gettempdir()) / f"tn-test-store-{os.getpid()}.key"


def setup(
    directory: Path,
    database_url: str,
    smtp_port: int,
    deadline: datetime | None = None,
    *,
    env: dict[str, str] | None = None,
    port: int | None = None,
    **options: object,
) -> Daemon:
    tenders = (
        {"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])}
        if deadline
        else {}
    )
    config = write_config(
        directory,
        port=port or free_port(),
        database_url=database_url,
        smtp_port=smtp_port,
        tenders=tenders,
        **options,  # type: ignore[arg-type]
    )
    shared: dict[str, str] = {}
    if database_url.startswith("postgresql"):
        # Every daemon on one store needs the same store key: one file for this test run.
        shared["TN_SECRETS__KEY_FILE"] = str(SHARED_KEY)
    return Daemon(config, env={**FAST, **shared, **(env or {})})


def import_emails(
    daemon: Daemon, count: int, offset: str, prefix: str = "s", webhooks: tuple[str, ...] = ()
) -> None:
    """Sign up ``count`` email addresses (and webhook URLs) in one command: the deadline is set
    after this, so a slow machine cannot make the reminders fall due before the sign-ups."""
    rows = "\n".join(
        [f"email,{prefix}{i}@bureau.example,,{offset},nl" for i in range(count)]
        + [f"webhook,{url},,{offset},nl" for url in webhooks]
    )
    csv = daemon.config.parent / "suppliers.csv"
    csv.write_text("channel,address,tenders,offsets,language\n" + rows + "\n")
    result = daemon.cli("subscriptions", "import", str(csv))
    assert result.returncode == 0, result.stderr


def write_tender(daemon: Daemon, deadline: datetime) -> None:
    path = daemon.config.parent / "tenders" / "soon.toml"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tender_toml("soon", [("offers", "submission_deadline", deadline)]))
    os.replace(tmp, path)  # a save by rename, as editors do


def events(daemon: Daemon, name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in daemon.lines if f'"{name}"' in line]


def assert_once_each(smtp: SmtpServer, count: int, deadline: datetime) -> None:
    """``count`` reminders, one per recipient, all before the deadline, and nothing else."""
    recipients = Counter(str(m["To"]) for m in smtp.messages)
    assert len(recipients) == count
    assert max(recipients.values()) == 1, recipients.most_common(3)
    assert all("wijzig" not in str(m["Subject"]).lower() for m in smtp.messages)
    assert max(smtp.received_at) < deadline.timestamp()


def test_a_deadline_moved_and_moved_back_while_reminders_wait_for_a_retry_loses_none(
    tmp_path: Path, sqlite_url: str
) -> None:
    smtp_port = free_port()  # nothing listens yet: every attempt fails
    daemon = setup(
        tmp_path, sqlite_url, smtp_port, None, retry_schedule=SHORT_RETRIES, extra=SETTLE
    )
    import_emails(daemon, 30, "PT30S")  # due at +4 s
    deadline = ahead(34)
    write_tender(daemon, deadline)
    with daemon:
        sleep_until(deadline - timedelta(seconds=26))  # a few failed attempts
        write_tender(daemon, deadline + timedelta(seconds=30))
        time.sleep(3)  # retries of the old time come due and find it moved
        write_tender(daemon, deadline)  # the edit undone
        time.sleep(2)
        smtp = SmtpServer(smtp_port).start()
        try:
            smtp.wait_for(30, timeout=20)
            time.sleep(3)  # longer than the settle time: no change notice comes after
            assert_once_each(smtp, 30, deadline)
        finally:
            smtp.stop()


def test_a_tender_file_gone_for_3_s_mid_fan_out_loses_none(
    tmp_path: Path, sqlite_url: str, smtp: SmtpServer
) -> None:
    daemon = setup(tmp_path, sqlite_url, smtp.port, None, extra=SETTLE)
    import_emails(daemon, 200, "PT20S")
    deadline = ahead(30)
    write_tender(daemon, deadline)
    smtp.delay = 0.1  # 4 connections: about 40 a second
    path = tmp_path / "tenders" / "soon.toml"
    with daemon:
        smtp.wait_for(40, timeout=30)
        path.rename(tmp_path / "soon.toml.moved-away")
        time.sleep(3)
        (tmp_path / "soon.toml.moved-away").rename(path)
        smtp.wait_for(200, timeout=20)
        time.sleep(1)
        assert_once_each(smtp, 200, deadline)
        assert events(daemon, "tender_file_missing")


@pytest.mark.postgres
def test_a_database_outage_mid_fan_out_repeats_nothing_and_is_logged_once(
    tmp_path: Path, shared_postgres_url: str, smtp: SmtpServer
) -> None:
    url = make_url(shared_postgres_url)
    proxy = Proxy(url.host or "127.0.0.1", url.port or 5432).start()
    through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        daemon = setup(tmp_path, through, smtp.port)
        import_emails(daemon, 150, "PT30S")
        deadline = ahead(40)
        write_tender(daemon, deadline)
        smtp.delay = 0.1
        with daemon:
            smtp.wait_for(30, timeout=30)
            proxy.cut()
            time.sleep(8)
            proxy.restore()
            smtp.wait_for(150, timeout=25)
            time.sleep(2)
            assert_once_each(smtp, 150, deadline)
            outage = [
                (e["event"], e.get("doing"), e["timestamp"])
                for e in events(daemon, "store_unavailable") + events(daemon, "store_available")
            ]
            assert len(events(daemon, "store_unavailable")) == 1, outage
            assert len(events(daemon, "store_available")) == 1
            assert not events(daemon, "engine_step_failed")
    finally:
        proxy.stop()


@pytest.mark.postgres
def test_two_daemons_and_a_slow_smtp_server_repeat_nothing(
    tmp_path: Path, shared_postgres_url: str, smtp: SmtpServer
) -> None:
    a = setup(tmp_path / "a", shared_postgres_url, smtp.port)
    b = setup(tmp_path / "b", shared_postgres_url, smtp.port)
    import_emails(a, 60, "PT30S")
    deadline = ahead(40)
    write_tender(a, deadline)
    write_tender(b, deadline)
    smtp.delay = 1.0  # each daemon claims 20 but sends 4 at a time: most wait past the lease
    with a, b:
        smtp.wait_for(60, timeout=30)
        time.sleep(2)
        assert_once_each(smtp, 60, deadline)


def test_a_second_daemon_on_one_sqlite_file_is_refused_and_the_pid_file_kept(
    tmp_path: Path, sqlite_url: str, smtp: SmtpServer
) -> None:
    daemon = setup(tmp_path, sqlite_url, smtp.port, ahead(3600))
    other = setup(tmp_path / "other", sqlite_url, smtp.port, ahead(3600))
    pid_file = tmp_path / "var" / "tender-notifier.pid"
    with daemon:
        assert pid_file.read_text().strip() == str(daemon.process.pid)  # type: ignore[union-attr]
        with pytest.raises(RuntimeError, match="only one daemon may run per SQLite file"):
            other.start(timeout=20)
        again = daemon.cli("serve")  # the same config: the same pid file
        assert again.returncode != 0
        assert "only one daemon may run per SQLite file" in again.stdout + again.stderr
        assert pid_file.read_text().strip() == str(daemon.process.pid)  # type: ignore[union-attr]
        assert daemon.cli("reload").returncode == 0


@pytest.mark.postgres
def test_a_second_serve_that_cannot_listen_keeps_the_pid_file(
    tmp_path: Path, postgres_url: str, smtp: SmtpServer
) -> None:
    daemon = setup(tmp_path, postgres_url, smtp.port, ahead(3600))
    pid_file = tmp_path / "var" / "tender-notifier.pid"
    with daemon:
        again = daemon.cli("serve")  # the same config: the port is taken
        assert again.returncode != 0
        assert pid_file.read_text().strip() == str(daemon.process.pid)  # type: ignore[union-attr]
        reload = daemon.cli("reload")
        assert reload.returncode == 0, reload.stderr


def test_saves_ending_where_they_began_send_no_change_notice_and_reminders_on_time(
    tmp_path: Path, sqlite_url: str, smtp: SmtpServer
) -> None:
    daemon = setup(tmp_path, sqlite_url, smtp.port, None, extra=SETTLE)
    import_emails(daemon, 100, "PT20S")  # due at +12 s
    deadline = ahead(32)
    write_tender(daemon, deadline)
    with daemon:
        for i in range(12):  # 12 saves in 6 s, the last one back where it began
            moved = deadline + timedelta(hours=1 + i) if i % 2 == 0 else deadline
            write_tender(daemon, moved)
            time.sleep(0.5)
        smtp.wait_for(100, timeout=25)
        time.sleep(4)  # past the settle time
        assert_once_each(smtp, 100, deadline)
        assert max(smtp.received_at) - (deadline - timedelta(seconds=20)).timestamp() < 5


def test_a_change_that_holds_is_told_once_with_the_net_change(
    tmp_path: Path, sqlite_url: str, smtp: SmtpServer
) -> None:
    deadline = ahead(3600)
    daemon = setup(tmp_path, sqlite_url, smtp.port, deadline, extra=SETTLE)
    import_emails(daemon, 3, "P1D")
    with daemon:
        for hours in (1, 2, 3):  # three moves in a row: one notice with the net move
            write_tender(daemon, deadline + timedelta(hours=hours))
            time.sleep(0.6)
        notices = smtp.wait_for(3, timeout=15)
        time.sleep(3)
        assert len(smtp.messages) == 3
        assert all("wijzig" in str(n["Subject"]).lower() for n in notices)


def test_sigkill_then_restart_at_once_resends_within_seconds(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    daemon = setup(tmp_path, database_url, smtp.port)
    import_emails(daemon, 200, "PT30S")
    deadline = ahead(40)
    write_tender(daemon, deadline)
    smtp.delay = 0.1
    with daemon:
        smtp.wait_for(40, timeout=30)
        daemon.kill()
        restarted = time.monotonic()
        daemon.start()
        smtp.wait_for(200, timeout=25)
        took = time.monotonic() - restarted
        time.sleep(1)
    by_recipient: dict[str, set[str]] = {}
    counts = Counter(str(m["To"]) for m in smtp.messages)
    for m in smtp.messages:
        by_recipient.setdefault(str(m["To"]), set()).add(str(m["Message-ID"]))
    assert len(by_recipient) == 200
    assert all(len(ids) == 1 for ids in by_recipient.values())  # a repeat has the same id
    assert sum(c - 1 for c in counts.values()) <= 20  # only what was in flight
    print(f"all sent {took:.1f} s after the restart")
    assert took < 15, took  # not the old 65 s lease


@pytest.mark.postgres
def test_a_daemon_killed_mid_fan_out_has_its_rows_taken_over_within_10_s(
    tmp_path: Path, shared_postgres_url: str, smtp: SmtpServer
) -> None:
    a = setup(tmp_path / "a", shared_postgres_url, smtp.port, env={"TN_DELIVERY__LEASE": "PT60S"})
    b = setup(tmp_path / "b", shared_postgres_url, smtp.port, env={"TN_DELIVERY__LEASE": "PT60S"})
    import_emails(a, 200, "PT30S")
    deadline = ahead(40)
    write_tender(a, deadline)
    write_tender(b, deadline)
    smtp.delay = 0.1
    with b:
        a.start()
        smtp.wait_for(40, timeout=30)
        a.kill()
        killed = time.monotonic()
        smtp.wait_for_recipients(200, timeout=20)
        assert time.monotonic() - killed < 12
    # A message the server took while its sender died is sent again by the taker-over
    # (SMTP cannot tell the two apart): at most one per delivery slot, 20 by default, and
    # with the same Message-ID, so a mail client shows it once.
    assert len(smtp.messages) - 200 <= 20
    ids: dict[str, set[str]] = {}
    for message in smtp.messages:
        ids.setdefault(str(message["To"]), set()).add(str(message["Message-ID"]))
    assert all(len(one) == 1 for one in ids.values())


def test_smtp_down_near_the_deadline_costs_seconds_not_the_reminder(
    tmp_path: Path, sqlite_url: str
) -> None:
    smtp_port = free_port()
    daemon = setup(
        tmp_path,
        sqlite_url,
        smtp_port,
        retry_schedule='["PT5S", "PT5M", "PT30M", "PT2H"]',  # the default's start
    )
    import_emails(daemon, 3, "PT25S")  # due at +5 s, in the milestone's last 5 minutes
    deadline = ahead(30)
    write_tender(daemon, deadline)
    with daemon:
        sleep_until(deadline - timedelta(seconds=14))  # 11 s of failures: past "5 s, 5 min"
        smtp = SmtpServer(smtp_port).start()
        try:
            up = time.time()
            smtp.wait_for(3, timeout=15)
            assert max(smtp.received_at) - up < 7
            assert_once_each(smtp, 3, deadline)
        finally:
            smtp.stop()


def test_a_hanging_webhook_host_holds_up_neither_email_nor_another_host(
    tmp_path: Path, sqlite_url: str, smtp: SmtpServer
) -> None:
    hanging, other = Receiver().start(), Receiver().start()
    hanging.delay = 8.0  # longer than the webhook timeout of 3 s
    try:
        daemon = setup(
            tmp_path,
            sqlite_url,
            smtp.port,
            env={"TN_DELIVERY__CONCURRENCY": "4", "TN_DELIVERY__WEBHOOK_HOST_SLOTS": "2"},
        )
        elsewhere = other.url.replace("127.0.0.1", "localhost")  # another host name
        hooks = (*(f"{hanging.url}?n={i}" for i in range(12)), elsewhere)
        import_emails(daemon, 1, "PT20S", webhooks=hooks)
        deadline = ahead(30)
        write_tender(daemon, deadline)
        with daemon:
            due = (deadline - timedelta(seconds=20)).timestamp()
            smtp.wait_for(1, timeout=20)
            assert smtp.received_at[0] - due < 1.5
            other.wait_for(1, timeout=10)
            assert time.time() - due < 3.0
    finally:
        hanging.stop()
        other.stop()
