"""``serve``, ``check`` and ``reload``: the commands ops run on the daemon itself."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
from pathlib import Path

from ..environment import unknown_variables
from ..errors import ConfigError, NotifierError
from ..logs import daemon_urls
from ..settings import Settings, load_settings
from ..tender_file import load_directory
from .output import say


def serve(args: argparse.Namespace) -> int:
    from ..daemon import run_daemon
    from ..logs import configure_logging

    unknown = unknown_variables()
    if unknown:
        raise ConfigError("\n".join(unknown))
    settings = load_settings(args.config)
    configure_logging(settings.logging.format, settings.logging.level, daemon_urls(settings))
    return asyncio.run(run_daemon(settings))


def check(args: argparse.Namespace) -> int:
    """Validate settings and every tender file; list every problem in every file at once."""
    problems = unknown_variables()
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        problems.append(f"settings: {exc}")
        _report(problems)
        return 1
    result = load_directory(settings.tenders_dir)
    problems.extend(str(p) for p in result.problems)
    if not result.tenders and not result.problems:
        print(
            f"warning: no tender files in {settings.tenders_dir}: no feeds, nothing to remind of",
            file=sys.stderr,
        )
    problems.extend(_check_state(settings))
    problems.extend(_check_key(settings))
    if getattr(args, "smtp", False):
        problems.extend(_check_smtp(settings))
    if problems:
        _report(problems)
        return 1
    print(f"ok: settings and {len(result.tenders)} tender file(s) in {settings.tenders_dir}")
    return 0


def _report(problems: list[str]) -> None:
    print(f"{len(problems)} problem(s):", file=sys.stderr)
    for problem in problems:
        say(f"  {problem}", file=sys.stderr)


def _check_state(settings: Settings) -> list[str]:
    """What a unit start needs: a writable state directory and a reachable, writable store.

    Nothing is left behind: ``check`` runs as root before the first start, and files it created
    would belong to the wrong user. So no migration, and every write is rolled back or removed.
    """
    problems = _check_writable_dir(settings.state_dir, "state_dir")
    if problems:
        return problems
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from ..store.engine import connect

    try:
        url = make_url(settings.database_url)
    except ArgumentError as exc:
        return [f"database: not a valid SQLAlchemy URL: {exc}"]
    database = url.database
    if url.get_backend_name() == "sqlite" and database and not Path(database).exists():
        # The daemon creates it at its first start, as the service's user.
        return _check_writable_dir(Path(database).parent, "database")
    try:
        engine = connect(settings.database_url)
    except (NotifierError, OSError) as exc:
        return [f"database: {exc}"]
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                # Takes the write lock: fails on a read-only file or a locked database.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                conn.exec_driver_sql("ROLLBACK")
            else:
                # DDL is transactional in PostgreSQL: proves the right to migrate, then undone.
                with conn.begin() as tx:
                    conn.execute(text("CREATE TABLE tn_check_probe (id integer)"))
                    tx.rollback()
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc  # the driver's own words, without SQL and URL
        first_line = str(cause).splitlines()[0]
        return [f"database: cannot write to {where}: {first_line}"]
    finally:
        engine.dispose()
    return []


def _check_key(settings: Settings) -> list[str]:
    """The store key: readable, private, and the one the store was set up with.

    A missing key file is fine for a store that has none recorded: the first start makes it.
    """
    from ..errors import StoreError
    from ..store.keyring import key_file_path, read_key

    path = key_file_path(settings.secrets.key_file, settings.state_dir)
    recorded = _recorded_key_check(settings)
    if not path.exists():
        if recorded is None:
            return []
        return [
            f"secrets: store key file {path} is missing, but the store was set up with a key: "
            "copy the key file from a machine that runs on this store (see deploy/README.md)"
        ]
    try:
        key = read_key(path)
    except StoreError as exc:
        return [f"secrets: {exc}"]
    problems = []
    if path.stat().st_mode & 0o077:
        problems.append(f"secrets: store key file {path} can be read by others: chmod 600 it")
    if recorded is not None and not key.matches(recorded):
        problems.append(
            f"secrets: store key file {path} is not the key this store was set up with: every "
            "daemon on one store needs a copy of the same key file"
        )
    return problems


def _recorded_key_check(settings: Settings) -> str | None:
    """The check value of the key the store was set up with; None for a store without one."""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from ..store.engine import connect
    from ..store.keyring import CHECK_NAME
    from ..store.schema import app_secrets

    try:
        url = make_url(settings.database_url)
    except ArgumentError:
        return None
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        return None  # connecting would make the file; check leaves nothing behind
    try:
        engine = connect(settings.database_url)
    except (NotifierError, OSError):
        return None
    try:
        with engine.connect() as conn:
            value = conn.execute(
                select(app_secrets.c.value).where(app_secrets.c.name == CHECK_NAME)
            ).scalar_one_or_none()
    except SQLAlchemyError:
        return None  # no such table yet: a store from before 0003, or a new one
    finally:
        engine.dispose()
    return None if value is None else str(value)


def _check_writable_dir(directory: Path, name: str) -> list[str]:
    """``directory`` exists or can be made, and a file can be created in it."""
    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".tn-check-"):
            pass
    except OSError as exc:
        return [f"{name}: {directory} is not a writable directory: {exc.strerror or exc}"]
    finally:
        if created and directory.is_dir():
            with contextlib.suppress(OSError):
                directory.rmdir()
    return []


def _check_smtp(settings: Settings) -> list[str]:
    smtp = settings.smtp
    if not smtp.enabled:
        # Without a host every email goes to files: fine on a laptop, silent loss in production.
        return [
            "smtp: no smtp.host is set (TN_SMTP__HOST): emails would be written to "
            f"{settings.outbox_dir} instead of sent"
        ]
    import aiosmtplib

    async def probe() -> None:
        client = aiosmtplib.SMTP(
            hostname=smtp.host,
            port=smtp.port,
            use_tls=smtp.use_tls,
            start_tls=smtp.starttls and not smtp.use_tls,
            timeout=smtp.timeout,
        )
        await client.connect()
        if smtp.username:
            await client.login(smtp.username, smtp.password.get_secret_value())
        await client.quit()

    try:
        asyncio.run(probe())
    except Exception as exc:
        return [f"smtp: cannot use {smtp.host}:{smtp.port}: {exc}"]
    return []


def reload(args: argparse.Namespace) -> int:
    """Send SIGHUP to the running daemon, which re-reads the tender files."""
    settings = load_settings(args.config)
    pid = args.pid
    if pid is None:
        pid_file = settings.state_dir / "tender-notifier.pid"
        try:
            pid = int(pid_file.read_text().strip())
        except (OSError, ValueError) as exc:
            raise NotifierError(
                f"cannot find the daemon's pid in {pid_file} ({exc}); pass --pid"
            ) from exc
    try:
        os.kill(pid, signal.SIGHUP)
    except ProcessLookupError as exc:
        raise NotifierError(f"no daemon runs with pid {pid}") from exc
    print(f"asked the daemon (pid {pid}) to reload the tender files")
    return 0
