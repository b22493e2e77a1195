"""The FastAPI application: one factory, routers per concern."""

from __future__ import annotations

from fastapi import FastAPI

from .. import __version__
from . import api, docs, feeds, health, links, manage, pages, problems
from .bodylimit import BodyLimit
from .context import AppContext
from .head import HeadAsGet


def create_app(ctx: AppContext) -> FastAPI:
    app = FastAPI(
        title="tender-notifier",
        version=__version__,
        description=(
            "Public-tender timelines as iCalendar feeds, and reminders by email or signed "
            "webhook before every milestone."
        ),
        docs_url=None,  # served by ``docs`` from local assets, under the site's CSP
        redoc_url=None,
    )
    app.state.ctx = ctx
    problems.install(app)
    app.include_router(health.router)
    app.include_router(feeds.router)
    app.include_router(api.router)
    app.include_router(links.router)
    app.include_router(pages.router)
    app.include_router(manage.router)
    app.include_router(docs.router)
    app.mount("/static", pages.static_files(), name="static")
    app.add_middleware(BodyLimit)
    app.add_middleware(HeadAsGet)
    return app
