"""The daemon: HTTP server, scheduler and dispatcher on one asyncio loop.

Start: migrate the store, load the tender files, plan the schedule from the files and the
ledger, then listen. SIGINT/SIGTERM: stop taking new work, let in-flight deliveries finish or hand
them back within a bounded time, exit 0. SIGHUP: re-read the tender files.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from datetime import datetime
from types import FrameType

import structlog
import uvicorn

from .clock import utc_now
from .settings import Settings
from .store import Store
from .store.lock import lock_sqlite_store
from .timelines import Timelines
from .web.app import create_app
from .web.context import AppContext

log = structlog.get_logger(__name__)


class _Server(uvicorn.Server):
    """uvicorn, told when it listens (so READY=1 means the port is open)."""

    def __init__(
        self,
        config: uvicorn.Config,
        on_started: Callable[[], None],
        on_exit: Callable[[], None],
    ) -> None:
        super().__init__(config)
        self._on_started = on_started
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # uvicorn re-raises a captured signal after shutting down, which would end the process
        # with "killed by SIGTERM"; a clean stop exits 0, so the signal is not recorded.
        log.info("signal_received", signal=signal.Signals(sig).name)
        if self.should_exit and sig == signal.SIGINT:
            self.force_exit = True
        self.should_exit = True
        self._on_exit()

    async def startup(self, sockets: list[object] | None = None) -> None:  # type: ignore[override]
        await super().startup(sockets=sockets)  # type: ignore[arg-type]
        if self.started:
            self._on_started()


async def run_daemon(settings: Settings, clock: Callable[[], datetime] = utc_now) -> int:
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    lock = lock_sqlite_store(settings.database_url)  # before anything is touched
    try:
        return await _run(settings, clock)
    finally:
        if lock is not None:
            lock.release()


async def _run(settings: Settings, clock: Callable[[], datetime]) -> int:
    store = await asyncio.to_thread(Store.open, settings.database_url)
    timelines = Timelines(
        settings.tenders_dir, store, clock, missing_grace=settings.tenders.missing_grace
    )
    initial = await asyncio.to_thread(timelines.reload)
    ctx = AppContext(settings=settings, store=store, timelines=timelines, clock=clock)

    from .engine import Engine

    engine = Engine(settings, store, timelines, ctx.metrics, clock)
    ctx.on_subscriptions_changed = engine.poke
    ctx.on_outbox_work = engine.poke
    ctx.schedule_loaded = lambda: engine.scheduled

    app = create_app(ctx)
    config = uvicorn.Config(
        app,
        host=settings.http.host,
        port=settings.http.port,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=10,
        forwarded_allow_ips=",".join(settings.http.trusted_proxies) or None,
    )

    pid_file = settings.state_dir / "tender-notifier.pid"
    pid_text = f"{os.getpid()}\n"

    def started() -> None:
        # Written only once this daemon listens: a second ``serve`` that fails to start (port
        # taken, store locked) never touches the running daemon's pid file.
        pid_file.write_text(pid_text)
        log.info(
            "daemon_started",
            listen=f"{settings.http.host}:{settings.http.port}",
            tenders=len(timelines.tenders()),
            store=store.dialect,
            smtp="smtp" if settings.smtp.enabled else "outbox",
            pid=os.getpid(),
        )
        engine.notify_ready()

    server = _Server(config, started, engine.begin_stop)
    loop = asyncio.get_running_loop()

    reloads: set[asyncio.Task[None]] = set()

    def reload() -> None:
        task = loop.create_task(engine.reload())
        reloads.add(task)  # keep a reference until it is done
        task.add_done_callback(reloads.discard)

    with contextlib.suppress(NotImplementedError):
        loop.add_signal_handler(signal.SIGHUP, reload)
    await engine.start(initial)
    try:
        await server.serve()
    finally:
        log.info("daemon_stopping")
        await engine.stop()
        await asyncio.to_thread(store.close)
        with contextlib.suppress(OSError):
            if pid_file.read_text() == pid_text:  # ours, not another daemon's
                pid_file.unlink()
        log.info("daemon_stopped")
    return 0
