"""Secret URLs (personal feeds, link pages) are never kept by shared caches."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tender_notifier.subscription_types import Channel, Status
from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def app(tmp_path: Path) -> App:
    return make_app(tmp_path, f"sqlite:///{tmp_path / 'tn.db'}", NOW)


def _active(app: App) -> tuple[str, str]:
    created = app.ctx.store.subscriptions.create(
        channel=Channel.EMAIL,
        target="inkoop@bureau.example",
        tenders=["*"],
        offsets=[],
        language_code="nl",
        now=NOW,
        status=Status.ACTIVE,
    )
    return created.link_token, created.feed_token


def test_personal_feed_is_private(app: App) -> None:
    _, feed_token = _active(app)
    response = app.client.get(f"/feeds/s/{feed_token}.ics")
    assert response.status_code == 200
    assert response.headers["cache-control"].startswith("private")
    again = app.client.get(
        f"/feeds/s/{feed_token}.ics", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.headers["cache-control"].startswith("private")


def test_public_feeds_stay_public(app: App) -> None:
    response = app.client.get("/feeds/all.ics")
    assert response.headers["cache-control"].startswith("public")


@pytest.mark.parametrize("path", ["/manage/{t}", "/unsubscribe/{t}", "/confirm/{t}"])
def test_secret_link_pages_are_not_stored(app: App, path: str) -> None:
    link_token, _ = _active(app)
    response = app.client.get(path.format(t=link_token))
    assert response.headers["cache-control"] == "no-store"
