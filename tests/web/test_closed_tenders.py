"""A tender whose dates are all past: listed apart on /, closed on its page, no sign-up for it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from tender_notifier.settings import Settings
from tender_notifier.store import Store
from tender_notifier.subscription_types import Channel, Status
from tender_notifier.timelines import Timelines
from tender_notifier.web.app import create_app
from tender_notifier.web.context import AppContext
from tests.conftest import SEED_TENDER
from tests.support.daemon import tender_toml
from tests.web.conftest import csrf_token

AMS = ZoneInfo("Europe/Amsterdam")
AFTER = datetime(2026, 8, 20, 12, 0, tzinfo=AMS)  # the seed's last date was 4 August
SEED = "flextender-30988"


@pytest.fixture
def closed(tmp_path: Path) -> Iterator[tuple[AppContext, TestClient]]:
    tenders = tmp_path / "tenders"
    tenders.mkdir()
    shutil.copy(SEED_TENDER, tenders / SEED_TENDER.name)
    (tenders / "tn-later.toml").write_text(
        tender_toml(
            "tn-later",
            [("offers", "submission_deadline", AFTER + timedelta(days=3))],
            title="Beleidsadviseur",
        )
    )
    settings = Settings(tenders_dir=tenders, state_dir=tmp_path / "var")
    store = Store.open(f"sqlite:///{tmp_path / 'tn.db'}")
    timelines = Timelines(tenders, store, lambda: AFTER)
    timelines.reload()
    ctx = AppContext(settings=settings, store=store, timelines=timelines, clock=lambda: AFTER)
    yield ctx, TestClient(create_app(ctx), base_url="http://127.0.0.1:8080")
    store.close()


def test_index_lists_past_tenders_under_their_own_heading(closed) -> None:
    _, client = closed
    html = client.get("/").text
    current, _, past = html.partition("Afgelopen aanbestedingen")
    assert past, "no heading for past tenders"
    assert "Beleidsadviseur" in current and "Beleidsadviseur" not in past
    assert f"/tenders/{SEED}" in past and f"/tenders/{SEED}" not in current
    assert "4 augustus 2026" in past
    assert "Past tenders" in client.get("/?lang=en").text


def test_tender_page_says_it_is_closed_and_offers_no_calendar_or_sign_up(closed) -> None:
    _, client = closed
    html = client.get(f"/tenders/{SEED}").text
    assert "Deze aanbesteding is gesloten" in html
    assert f"/feeds/{SEED}.ics" not in html
    assert "webcal://" not in html
    assert f"/tenders/{SEED}/signup" not in html
    open_page = client.get("/tenders/tn-later").text
    assert "/feeds/tn-later.ics" in open_page and "/tenders/tn-later/signup" in open_page


def test_api_refuses_a_sign_up_for_a_closed_tender_naming_it(closed) -> None:
    ctx, client = closed
    response = client.post(
        "/api/v1/subscriptions",
        json={"channel": "email", "address": "inkoop@bureau.example", "tenders": [SEED]},
    )
    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str)
    assert SEED in body["errors"]["tenders"] and "closed" in body["errors"]["tenders"]
    assert ctx.store.subscriptions.list() == []
    assert ctx.store.ledger.list() == []  # no confirmation email queued
    fine = client.post(
        "/api/v1/subscriptions",
        json={"channel": "email", "address": "inkoop@bureau.example", "tenders": ["tn-later"]},
    )
    assert fine.status_code == 201


def test_web_form_refuses_a_sign_up_for_a_closed_tender(closed) -> None:
    ctx, client = closed
    token = csrf_token(client.get("/tenders/tn-later").text)
    response = client.post(
        f"/tenders/{SEED}/signup",
        data={
            "csrf_token": token,
            "channel": "email",
            "address": "inkoop@bureau.example",
            "offsets": ["P1D"],
            "language": "nl",
        },
    )
    assert response.status_code == 422
    assert "deze aanbesteding is gesloten" in response.text
    assert ctx.store.subscriptions.list() == []


@pytest.mark.parametrize("channel", ["email", "webhook"])
def test_patch_cannot_switch_a_subscription_to_a_closed_tender(closed, channel: str) -> None:
    ctx, client = closed
    created = ctx.store.subscriptions.create(
        channel=Channel(channel),
        target="inkoop@bureau.example" if channel == "email" else "https://hooks.example.nl/x",
        tenders=["tn-later"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=AFTER,
        status=Status.PENDING if channel == "email" else Status.ACTIVE,
    )
    url = f"/api/v1/subscriptions/{created.subscription.id}"
    auth = {"Authorization": f"Bearer {created.manage_token}"}
    for tenders in ([SEED], ["tn-later", SEED]):
        refused = client.patch(url, headers=auth, json={"tenders": tenders})
        assert refused.status_code == 422, refused.text
        assert SEED in refused.json()["errors"]["tenders"]
        assert "closed" in refused.json()["errors"]["tenders"]
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.tenders == ("tn-later",)
    fine = client.patch(url, headers=auth, json={"tenders": ["tn-later"], "language": "en"})
    assert fine.status_code == 200 and fine.json()["language"] == "en"


def test_patch_may_keep_a_tender_followed_before_it_closed(closed) -> None:
    ctx, client = closed
    created = ctx.store.subscriptions.create(
        channel=Channel.WEBHOOK,
        target="https://hooks.example.nl/x",
        tenders=[SEED],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=AFTER,
        status=Status.ACTIVE,
    )
    url = f"/api/v1/subscriptions/{created.subscription.id}"
    auth = {"Authorization": f"Bearer {created.manage_token}"}
    kept = client.patch(url, headers=auth, json={"tenders": [SEED, "tn-later"]})
    assert kept.status_code == 200 and kept.json()["tenders"] == [SEED, "tn-later"]
