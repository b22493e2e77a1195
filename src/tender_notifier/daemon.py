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
from typing import TYPE_CHECKING

import structlog
import uvicorn

from . import malloc
from .clock import utc_now
from .settings import Settings
from .store import Store, open_store
from .store.files import make_private_dir, write_private
from .store.lock import lock_sqlite_store
from .timelines import Timelines
from .web.app import create_app
from .web.context import AppContext

if TYPE_CHECKING:
    from .metrics import Metrics
    from .store.work_notifications import WorkListener

log = structlog.get_logger(__name__)

# How often the memory malloc holds free goes back to the system (``malloc.release``, well under
# a millisecond): soon after the start-up pass over every subscription, and after later passes.
RELEASE_MEMORY_EVERY = 15.0


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


def _start_feed_export(
    settings: Settings, ctx: AppContext, clock: Callable[[], datetime]
) -> asyncio.Task[None] | None:
    if settings.feeds.export_dir is None or ctx.feed_builder is None:
        return None
    from .feed_export import FeedExport, keep_exported

    export = FeedExport(
        settings.feeds.export_dir, settings, ctx.feed_builder, ctx.timelines.entries
    )
    return asyncio.get_running_loop().create_task(keep_exported(export, clock))


def proxy_options(trusted_proxies: list[str]) -> tuple[bool, str]:
    """uvicorn's (proxy_headers, forwarded_allow_ips): trust only the proxies named.

    uvicorn reads ``forwarded_allow_ips=None`` as "the default", which trusts 127.0.0.1 (or
    ``$FORWARDED_ALLOW_IPS``): any local process could then pick the client address the sign-up
    rate limit counts. With no proxy named, the headers are not read at all.
    """
    if not trusted_proxies:
        return False, ""
    return True, ",".join(trusted_proxies)


async def _listen_for_work(
    settings: Settings, store: Store, poke: Callable[[bool], None], metrics: Metrics
) -> WorkListener | None:
    """On PostgreSQL, wake the engine when another daemon announces work
    (``store.work_notifications``); started before the first plan, so nothing announced after it
    is missed."""
    if store.dialect != "postgresql":
        return None
    from .store.work_notifications import WorkListener, own_backends

    listener = WorkListener(
        settings.database_url,
        poke,
        ignore=own_backends(store.engine),
        on_state=lambda up: metrics.work_listener_up.set(1 if up else 0),
        on_notice=lambda kind: metrics.work_notifications.labels(kind=kind).inc(),
        horizon=settings.delivery.poll_interval.total_seconds(),
    )
    await listener.start()
    return listener


async def _release_memory(every: float = RELEASE_MEMORY_EVERY) -> None:
    while True:
        await asyncio.sleep(every)
        malloc.release()


async def run_daemon(settings: Settings, clock: Callable[[], datetime] = utc_now) -> int:
    malloc.limit_arenas()  # before the first worker thread allocates
    make_private_dir(settings.state_dir)
    lock = lock_sqlite_store(settings.database_url)  # before anything is touched
    try:
        return await _run(settings, clock)
    finally:
        if lock is not None:
            lock.release()


async def _run(settings: Settings, clock: Callable[[], datetime]) -> int:
    store = await asyncio.to_thread(open_store, settings)
    timelines = Timelines(
        settings.tenders_dir, store, clock, missing_grace=settings.tenders.missing_grace
    )
    initial = await asyncio.to_thread(timelines.reload)
    ctx = AppContext(settings=settings, store=store, timelines=timelines, clock=clock)

    from .engine import Engine

    engine = Engine(settings, store, timelines, ctx.metrics, clock)
    # A sign-up or a change materialises the subscriptions changed, not every one.
    ctx.on_subscriptions_changed = ctx.on_outbox_work = lambda: engine.poke(everyone=False)
    ctx.schedule_loaded = lambda: engine.scheduled

    if not settings.smtp.enabled:
        log.warning(
            "smtp_outbox",
            message="no smtp.host is set: emails are written as files, not sent",
            outbox_dir=str(settings.outbox_dir),
        )
    app = create_app(ctx)
    proxy_headers, forwarded_allow_ips = proxy_options(settings.http.trusted_proxies)
    config = uvicorn.Config(
        app,
        host=settings.http.host,
        port=settings.http.port,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=10,
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips,
    )

    pid_file = settings.state_dir / "tender-notifier.pid"
    pid_text = f"{os.getpid()}\n"

    def started() -> None:
        # Written only once this daemon listens: a second ``serve`` that fails to start (port
        # taken, store locked) never touches the running daemon's pid file.
        write_private(pid_file, pid_text.encode())
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
    listener = await _listen_for_work(
        settings, store, lambda replan: engine.poke(replan, everyone=False), ctx.metrics
    )
    await engine.start(initial)
    export_task = _start_feed_export(settings, ctx, clock)
    release_task = loop.create_task(_release_memory())
    try:
        await server.serve()
    finally:
        log.info("daemon_stopping")
        release_task.cancel()
        if export_task is not None:
            export_task.cancel()
        if listener is not None:
            await listener.stop()
        await engine.stop()
        await asyncio.to_thread(store.close)
        with contextlib.suppress(OSError):
            if pid_file.read_text() == pid_text:  # ours, not another daemon's
                pid_file.unlink()
        log.info("daemon_stopped")
    return 0
