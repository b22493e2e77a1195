"""``/healthz`` (the process runs), ``/readyz`` (store reachable, schedule loaded), ``/metrics``.

``/healthz`` answers as long as the event loop does, so a supervisor restarts only a hung process.
``/readyz`` answers 503 while the daemon cannot do its work: a load balancer stops sending it
traffic, a monitor raises an alarm, but nobody restarts it (the store coming back fixes it). It
also says where email goes, ``"smtp": "smtp"`` or ``"smtp": "outbox"`` (files, no SMTP host):
not a reason to be unready, but something a monitor can alert on in production.

``/metrics`` needs ``Authorization: Bearer <admin.token>`` when ``admin.token`` is set: it shows
how many subscribers there are.
"""

from __future__ import annotations

import hmac
from pathlib import Path

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response

from ..store import Store
from ..subscription_types import Status
from .context import context

router = APIRouter(tags=["operations"])
log = structlog.get_logger(__name__)


@router.head("/healthz", include_in_schema=False)
@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.head("/readyz", include_in_schema=False)
@router.get("/readyz", summary="Ready to serve and send")
def readyz(request: Request) -> JSONResponse:
    ctx = context(request)
    checks = {
        "store": store_reachable(ctx.store),
        "tenders": ctx.timelines.loaded,
        "schedule": ctx.schedule_loaded(),
    }
    ready = all(checks.values())
    if not ready:
        log.warning("not_ready", **{name: ok for name, ok in checks.items()})
    return JSONResponse(
        {
            "status": "ready" if ready else "not ready",
            "checks": checks,
            "smtp": "smtp" if ctx.settings.smtp.enabled else "outbox",
        },
        status_code=200 if ready else 503,
    )


def store_reachable(store: Store) -> bool:
    """The store answers, and (SQLite) its file is still the one in the state directory.

    A pooled SQLite connection answers ``SELECT 1`` even after its file was deleted or moved
    away (a wiped state directory, a botched restore); everything written from then on would be
    lost when the process ends, so that counts as unreachable too.
    """
    if not store.ping():
        return False
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).is_file()
    return True


def bearer_matches(request: Request, token: str) -> bool:
    """The request carries ``Authorization: Bearer <token>`` (compared in constant time)."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    ctx = context(request)
    token = ctx.settings.admin.token.get_secret_value()
    if token and not bearer_matches(request, token):
        return Response(
            "send the admin token as 'Authorization: Bearer <token>'\n",
            status_code=401,
            media_type="text/plain",
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    m = ctx.metrics
    m.tenders.set(len(ctx.timelines.tenders()))
    try:
        counts = ctx.store.subscriptions.count_by_status()
        dead = ctx.store.ledger.counts().get("dead", 0)
    except SQLAlchemyError as exc:  # the store being down must not hide the other metrics
        log.warning("metrics_store_unavailable", error=type(exc).__name__)
    else:
        # Every status, so one that drops to nobody shows 0 rather than its last count.
        for status in Status:
            m.subscriptions.labels(status=status.value).set(counts.get(status.value, 0))
        m.dead_letters.set(dead)
    return Response(generate_latest(m.registry), media_type=CONTENT_TYPE_LATEST)
