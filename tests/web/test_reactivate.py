"""A webhook disabled after a 410 is switched back on by its owner, after a new signed ping."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import standardwebhooks
from fastapi.testclient import TestClient

from tender_notifier.settings import DeliverySettings, Settings
from tender_notifier.store import Store
from tender_notifier.store.subscriptions import Created
from tender_notifier.subscription_types import Channel, Status
from tender_notifier.timelines import Timelines
from tender_notifier.web.app import create_app
from tender_notifier.web.context import AppContext
from tests.support.receiver import Receiver
from tests.web.conftest import NOW, csrf_token


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[AppContext, TestClient]]:
    tenders = tmp_path / "tenders"
    tenders.mkdir()
    settings = Settings(
        tenders_dir=tenders,
        state_dir=tmp_path / "var",
        delivery=DeliverySettings(allow_private_targets=True, webhook_timeout=5),
    )
    store = Store.open(f"sqlite:///{tmp_path / 'tn.db'}")
    timelines = Timelines(tenders, store, lambda: NOW)
    timelines.reload()
    # The real clock: the ping's signature carries the time, and receivers check it.
    ctx = AppContext(
        settings=settings, store=store, timelines=timelines, clock=lambda: datetime.now(UTC)
    )
    yield ctx, TestClient(create_app(ctx), base_url="http://127.0.0.1:8080")
    store.close()


def disabled_webhook(ctx: AppContext, url: str) -> Created:
    created = ctx.store.subscriptions.create(
        channel=Channel.WEBHOOK,
        target=url,
        tenders=["*"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=NOW - timedelta(days=3),
        status=Status.ACTIVE,
        secret="whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY",
    )
    ctx.store.subscriptions.set_status(
        created.subscription.id, Status.DISABLED, NOW, "the receiver answered 410 Gone"
    )
    return created


def status_of(ctx: AppContext, sub_id: str) -> Status:
    return ctx.store.subscriptions.get_many([sub_id])[sub_id][0].status


def test_patch_status_active_pings_and_switches_back_on(app, receiver: Receiver) -> None:
    ctx, client = app
    created = disabled_webhook(ctx, receiver.url)
    sub_id = created.subscription.id
    auth = {"Authorization": f"Bearer {created.manage_token}"}
    response = client.patch(
        f"/api/v1/subscriptions/{sub_id}", json={"status": "active"}, headers=auth
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "active"
    assert status_of(ctx, sub_id) is Status.ACTIVE
    (ping,) = receiver.requests
    event = standardwebhooks.Webhook(created.subscription.secret).verify(ping.body, ping.headers)
    assert event["type"] == "ping"


def test_patch_keeps_it_disabled_when_the_ping_fails(app, receiver: Receiver) -> None:
    ctx, client = app
    created = disabled_webhook(ctx, receiver.url)
    sub_id = created.subscription.id
    auth = {"Authorization": f"Bearer {created.manage_token}"}
    receiver.statuses = [410]
    response = client.patch(
        f"/api/v1/subscriptions/{sub_id}", json={"status": "active"}, headers=auth
    )
    assert response.status_code == 409
    body = response.json()
    assert "stays disabled" in body["detail"] and "410" in body["detail"]
    assert "status" in body["errors"]
    assert status_of(ctx, sub_id) is Status.DISABLED
    bad = client.patch(f"/api/v1/subscriptions/{sub_id}", json={"status": "paused"}, headers=auth)
    assert bad.status_code == 422 and "status" in bad.json()["errors"]
    assert status_of(ctx, sub_id) is Status.DISABLED


def test_patch_without_the_manage_token_changes_nothing(app, receiver: Receiver) -> None:
    ctx, client = app
    created = disabled_webhook(ctx, receiver.url)
    sub_id = created.subscription.id
    response = client.patch(f"/api/v1/subscriptions/{sub_id}", json={"status": "active"})
    assert response.status_code in (401, 403, 404)
    assert receiver.attempts == 0
    assert status_of(ctx, sub_id) is Status.DISABLED


def test_manage_page_button_reactivates_after_a_ping(app, receiver: Receiver) -> None:
    ctx, client = app
    created = disabled_webhook(ctx, receiver.url)
    page = client.get(f"/manage/{created.link_token}").text
    assert f"/manage/{created.link_token}/reactivate" in page
    receiver.statuses = [500]
    failed = client.post(
        f"/manage/{created.link_token}/reactivate", data={"csrf_token": csrf_token(page)}
    )
    assert failed.status_code == 409
    assert "De webhook blijft uit" in failed.text
    assert status_of(ctx, created.subscription.id) is Status.DISABLED
    ok = client.post(
        f"/manage/{created.link_token}/reactivate",
        data={"csrf_token": csrf_token(failed.text)},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    assert status_of(ctx, created.subscription.id) is Status.ACTIVE
    after = client.get(ok.headers["location"]).text
    assert "staat weer aan" in after
    assert f"/manage/{created.link_token}/reactivate" not in after
