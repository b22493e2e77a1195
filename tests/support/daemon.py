"""Running the real daemon process in tests, with a config written for the test."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import httpx

from tender_notifier.settings import load_settings
from tender_notifier.store import Store
from tender_notifier.store.keyring import key_file_path, read_key


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def local(dt: datetime) -> str:
    """A TOML local date-time for a tender file (seconds precision)."""
    return dt.replace(tzinfo=None, microsecond=0).isoformat()


def tender_toml(
    tender_id: str,
    milestones: list[tuple[str, str, datetime]],
    *,
    timezone: str = "Europe/Amsterdam",
    title: str = "Testopdracht",
) -> str:
    """A tender file whose milestones are moments (``at``) in the tender's zone."""
    lines = [
        f'id = "{tender_id}"',
        f'title = "{title}"',
        'buyer = "Gemeente Testdorp"',
        'platform = "Flextender"',
        'reference = "T-1"',
        f'timezone = "{timezone}"',
    ]
    for mid, kind, at in milestones:
        lines += ["", "[[milestones]]", f'id = "{mid}"', f'kind = "{kind}"', f"at = {local(at)}"]
    return "\n".join(lines) + "\n"


def write_config(
    directory: Path,
    *,
    port: int,
    database_url: str,
    tenders: dict[str, str] | None = None,
    smtp_port: int | None = None,
    extra: str = "",
    retry_schedule: str = '["PT1S", "PT1S", "PT1S", "PT1S"]',
    allow_private_targets: bool = True,
) -> Path:
    """Write notifier.toml (and tender files) into ``directory``; return the settings path."""
    tenders_dir = directory / "tenders"
    tenders_dir.mkdir(parents=True, exist_ok=True)
    for name, text in (tenders or {}).items():
        (tenders_dir / f"{name}.toml").write_text(text)
    smtp = (
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nstarttls = false\n'
        'sender = "tender-notifier <noreply@test.invalid>"\ntimeout = 5.0\n'
        if smtp_port
        else ""
    )
    # Daemons sharing one database share its key file, as on real machines (deploy/README.md,
    # "The store key"); a SQLite file has one daemon, whose key lies in its state directory.
    key = ""
    if not database_url.startswith("sqlite") and "[secrets]" not in extra:
        name = hashlib.sha256(database_url.encode()).hexdigest()[:16]
        key = f'[secrets]\nkey_file = "{Path(tempfile.gettempdir()) / "tn-test-keys" / name}"\n\n'
    config = directory / "notifier.toml"
    config.write_text(
        f'tenders_dir = "tenders"\npublic_url = "http://127.0.0.1:{port}"\n'
        f'state_dir = "{directory / "var"}"\n\n'
        f'[http]\nhost = "127.0.0.1"\nport = {port}\n\n'
        f'[database]\nurl = "{database_url}"\n\n'
        f"{key}"
        f"{smtp}\n"
        f"[delivery]\nallow_private_targets = {str(allow_private_targets).lower()}\n"
        f"retry_schedule = {retry_schedule}\n"
        "webhook_timeout = 3.0\n\n"
        '[logging]\nformat = "json"\nlevel = "info"\n\n'
        f"{extra}\n"
    )
    return config


def open_daemon_store(config: Path, database_url: str) -> Store:
    """The store of the daemon set up by ``write_config``, opened with the daemon's key file."""
    settings = load_settings(config)
    key = read_key(key_file_path(settings.secrets.key_file, settings.state_dir))
    return Store.open(database_url, migrate_schema=False, key=key)


class Daemon:
    """``tender-notifier serve`` as a child process; its output is kept in ``lines``."""

    def __init__(self, config: Path, env: dict[str, str] | None = None) -> None:
        self.config = config
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[str] | None = None
        self.lines: list[str] = []
        text = config.read_text()
        self.port = int(text.split("port = ", 1)[1].split("\n", 1)[0])
        self.base_url = f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Daemon:
        self.lines = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tender_notifier.cli", "--config", str(self.config), "serve"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self.env,
        )
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("daemon exited:\n" + "\n".join(self.lines))
            try:
                if httpx.get(f"{self.base_url}/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("daemon did not become ready:\n" + "\n".join(self.lines))

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def signal(self, sig: int) -> None:
        assert self.process is not None
        self.process.send_signal(sig)

    def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM and wait; returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tender_notifier.cli", "--config", str(self.config), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
        )

    def __enter__(self) -> Daemon:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.kill()
