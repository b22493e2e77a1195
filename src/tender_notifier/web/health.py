"""``/healthz`` (the process runs), ``/readyz`` (store reachable, schedule loaded), ``/metrics``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.responses import Response

from .context import context

router = APIRouter(tags=["operations"])


@router.api_route("/healthz", methods=["GET", "HEAD"], summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.api_route("/readyz", methods=["GET", "HEAD"], summary="Ready to serve and send")
def readyz(request: Request) -> JSONResponse:
    ctx = context(request)
    checks = {
        "store": ctx.store.ping(),
        "tenders": ctx.timelines.loaded,
        "schedule": ctx.schedule_loaded(),
    }
    ready = all(checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status_code=200 if ready else 503,
    )


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    ctx = context(request)
    m = ctx.metrics
    m.tenders.set(len(ctx.timelines.tenders()))
    try:
        for status, count in ctx.store.subscriptions.count_by_status().items():
            m.subscriptions.labels(status=status).set(count)
        m.dead_letters.set(ctx.store.ledger.counts().get("dead", 0))
    except Exception:  # the store being down must not hide the other metrics
        pass
    return Response(generate_latest(m.registry), media_type=CONTENT_TYPE_LATEST)
