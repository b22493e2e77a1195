"""Running the real daemon process in tests, with a config written for the test."""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


def _dying_with_the_parent() -> Callable[[], None] | None:
    """On Linux, what makes a child get SIGKILL when the test process dies (PR_SET_PDEATHSIG),
    run in the child between fork and exec: a pytest that is killed runs no teardown, and its
    daemons would go on working on the shared database. None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here, not in the forked child
    pr_set_pdeathsig = 1

    def set_pdeathsig() -> None:
        prctl(pr_set_pdeathsig, int(signal.SIGKILL))

    return set_pdeathsig


_DIE_WITH_THE_PARENT = _dying_with_the_parent()

# Every daemon whose process was started and has not been reaped by stop(), kill() or
# shut_down(): what daemons_shut_down_at_exit() looks at.
_running: set[Daemon] = set()


@contextmanager
def daemons_shut_down_at_exit(grace: float = 10.0) -> Iterator[None]:
    """However the block is left, shut down every daemon started in it that has not been
    stopped (tests/conftest.py wraps each test in this). A daemon running before the block
    (a fixture of wider scope's) is left alone, even if the block restarted it."""
    before = set(_running)
    try:
        yield
    finally:
        for daemon in _running - before:
            daemon.shut_down(grace)


class Daemon:
    """``tender-notifier serve`` as a child process; its output is kept in ``lines``. The process
    ends with the test that started it (``daemons_shut_down_at_exit``) and, on Linux, with pytest.
    """

    def __init__(self, config: Path, env: dict[str, str] | None = None) -> None:
        self.config = config
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[str] | None = None
        self.lines: list[str] = []
        text = config.read_text()
        self.port = int(text.split("port = ", 1)[1].split("\n", 1)[0])
        self.base_url = f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Daemon:
        """Start the process and wait until it is ready."""
        return self.launch().wait_until_ready(timeout)

    def launch(self) -> Daemon:
        """Start the process without waiting for it."""
        # PR_SET_PDEATHSIG fires when the thread that forked the child ends, not only the
        # process: a daemon launched from a pool thread would be killed when the pool closes.
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("launch daemons from the main thread; wait for them in others")
        self.lines = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tender_notifier.cli", "--config", str(self.config), "serve"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self.env,
            preexec_fn=_DIE_WITH_THE_PARENT,
        )
        _running.add(self)
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def wait_until_ready(self, timeout: float = 30.0) -> Daemon:
        """Wait until /readyz answers 200; raise if the process exits or the time runs out."""
        assert self.process is not None
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
            _running.discard(self)
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout)
        _running.discard(self)
        return code

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        _running.discard(self)

    def shut_down(self, grace: float = 10.0) -> None:
        """End the process, whatever state it is in: SIGTERM, then SIGKILL if it has not exited
        within ``grace`` seconds; either way it is reaped."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        _running.discard(self)

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

    def __exit__(self, kind: object, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.kill()
            if kind is not None:  # the test failed: its report shows what the daemon logged
                print("\n".join(self.lines[-300:]))
