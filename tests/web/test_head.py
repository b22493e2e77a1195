"""HEAD is answered like GET without a body (RFC 9110 9.3.2) on the pages too, not 405."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tender_notifier.subscription_types import Channel, Status
from tender_notifier.web.context import AppContext
from tests.web.conftest import NOW

SEED = "flextender-30988"


def _paths(ctx: AppContext) -> list[str]:
    def create(status: Status) -> tuple[str, str | None]:
        created = ctx.store.subscriptions.create(
            channel=Channel.EMAIL,
            target=f"{status.value}@bureau.example",
            tenders=[SEED],
            offsets=[timedelta(days=1)],
            language_code="nl",
            now=NOW,
            status=status,
        )
        return created.link_token, created.confirm_token

    link, _ = create(Status.ACTIVE)
    _, confirm = create(Status.PENDING)
    return [
        "/",
        "/?lang=en",
        f"/tenders/{SEED}",
        f"/manage/{link}",
        f"/confirm/{confirm}",
        f"/unsubscribe/{link}",
        f"/optout/{link}/{SEED}/submitted",
        "/docs",
        "/feeds/all.ics",
        "/openapi.json",
        "/tenders/no-such-tender",  # a 404 page: HEAD says 404 too
    ]


def test_head_answers_like_get_without_a_body(client: TestClient, ctx: AppContext) -> None:
    for path in _paths(ctx):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code != 405, path
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert int(head.headers["content-length"]) == len(get.content), path
        for name in ("content-security-policy", "cache-control", "etag"):
            assert head.headers.get(name) == get.headers.get(name), (path, name)


@pytest.mark.parametrize("path", [f"/tenders/{SEED}/signup", "/api/v1/subscriptions"])
def test_head_on_a_post_only_route_is_still_405(client: TestClient, path: str) -> None:
    assert client.head(path).status_code == 405
