"""``serve``, ``check`` and ``reload``: the commands ops run on the daemon itself."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

from ..errors import ConfigError, NotifierError
from ..settings import load_settings
from ..tender_file import load_directory


def serve(args: argparse.Namespace) -> int:
    from ..daemon import run_daemon
    from ..logs import configure_logging

    settings = load_settings(args.config)
    configure_logging(settings.logging.format, settings.logging.level)
    return asyncio.run(run_daemon(settings))


def check(args: argparse.Namespace) -> int:
    """Validate settings and every tender file; list every problem in every file at once."""
    problems: list[str] = []
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"settings: {exc}", file=sys.stderr)
        return 1
    result = load_directory(settings.tenders_dir)
    problems.extend(str(p) for p in result.problems)
    problems.extend(_check_state(settings))
    if getattr(args, "smtp", False):
        problems.extend(_check_smtp(settings))
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"ok: settings and {len(result.tenders)} tender file(s) in {settings.tenders_dir}")
    return 0


def _check_state(settings: object) -> list[str]:
    """What a unit start needs: a reachable, writable store."""
    from ..store import Store

    try:
        store = Store.open(settings.database_url)  # type: ignore[attr-defined]
    except NotifierError as exc:
        return [f"database: {exc}"]
    try:
        if not store.ping():
            return [f"database: {store.describe()} does not answer"]
    finally:
        store.close()
    return []


def _check_smtp(settings: object) -> list[str]:
    smtp = settings.smtp  # type: ignore[attr-defined]
    if not smtp.enabled:
        return []
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
