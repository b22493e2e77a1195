"""The subscription API, on SQLite and PostgreSQL: sign-up, opt-in, management, refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tender_notifier.subscription_types import Status
from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
API = "/api/v1/subscriptions"


@pytest.fixture
def app(tmp_path: Path, database_url: str) -> App:
    return make_app(tmp_path, database_url, NOW)


def sign_up(app: App, **body: object) -> dict[str, object]:
    payload = {"channel": "email", "address": "inkoop@bureau.example", **body}
    response = app.client.post(API, json=payload)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def test_email_sign_up_starts_pending_and_queues_a_confirmation(app: App) -> None:
    created = sign_up(app, tenders=["flextender-30988"])
    assert created["status"] == "pending"
    assert created["offsets"] == ["P7D", "P1D", "PT2H"]
    assert created["language"] == "nl"
    assert str(created["feed_url"]).startswith("https://tenders.example.nl/feeds/s/")
    assert len(str(created["manage_token"])) >= 40
    assert created["secret"] is None
    [row] = app.ctx.store.ledger.list()
    assert row.kind == "confirm" and row.status == "pending"
    assert "outbox" in app.pokes


def test_confirmation_link_activates_once(app: App) -> None:
    created = sign_up(app)
    [row] = app.ctx.store.ledger.list()
    token = row.payload["confirm_token"]  # type: ignore[index]
    assert app.client.get(f"/confirm/{token}").status_code == 200  # a page with a button
    sub = app.ctx.store.subscriptions.get(str(created["id"]))
    assert sub is not None and sub.status is Status.PENDING
    assert app.client.post(f"/confirm/{token}").status_code == 200
    sub = app.ctx.store.subscriptions.get(str(created["id"]))
    assert sub is not None and sub.status is Status.ACTIVE
    assert app.client.post(f"/confirm/{token}").status_code == 404
    assert app.client.get(f"/confirm/{token}").status_code == 404


def test_unconfirmed_sign_ups_expire(app: App) -> None:
    sign_up(app)
    [row] = app.ctx.store.ledger.list()
    token = row.payload["confirm_token"]  # type: ignore[index]
    app.clock.now = NOW + timedelta(days=3)
    assert app.client.get(f"/confirm/{token}").status_code == 404
    assert app.client.post(f"/confirm/{token}").status_code == 404
    assert app.ctx.store.subscriptions.expire_pending(app.clock.now - timedelta(days=2)) == 1
    assert app.ctx.store.subscriptions.list() == []


def test_webhook_sign_up_gets_a_signing_secret_and_a_ping(
    tmp_path: Path, database_url: str
) -> None:
    app = make_app(tmp_path, database_url, NOW, "[delivery]\nallow_private_targets = true\n")
    created = sign_up(app, channel="webhook", url="http://127.0.0.1:9/hook", address=None)
    assert str(created["secret"]).startswith("whsec_")
    assert created["status"] == "pending"
    [row] = app.ctx.store.ledger.list()
    assert row.kind == "ping"


@pytest.mark.parametrize(
    ("body", "field", "text"),
    [
        ({"address": "not-an-address"}, "address", "not a valid email address"),
        ({"tenders": ["nope"]}, "tenders", "unknown tender(s): nope"),
        ({"offsets": ["P1M"]}, "offsets", "ISO 8601 duration"),
        ({"offsets": ["one day"]}, "offsets", "ISO 8601 duration"),
        ({"language": "de"}, "language", "unknown language"),
        ({"kinds": ["party"]}, "kinds", "unknown kind"),
        ({"channel": "fax"}, "channel", "email"),
        ({"colour": "red"}, "colour", "unknown field"),
    ],
)
def test_bad_input_answers_422_with_a_message_per_field(
    app: App, body: dict[str, object], field: str, text: str
) -> None:
    response = app.client.post(API, json={"channel": "email", "address": "a@b.example", **body})
    assert response.status_code == 422
    assert text in response.json()["errors"][field]


def test_several_bad_fields_are_reported_together(app: App) -> None:
    response = app.client.post(
        API, json={"channel": "email", "address": "x", "tenders": ["nope"], "language": "fr"}
    )
    assert set(response.json()["errors"]) == {"address", "tenders", "language"}


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost/hook",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://10.1.2.3/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/",
        "ftp://example.com/",
    ],
)
def test_webhook_targets_that_are_not_public_are_refused(app: App, url: str) -> None:
    response = app.client.post(API, json={"channel": "webhook", "url": url})
    assert response.status_code == 422
    assert "url" in response.json()["errors"]


def test_sign_ups_are_rate_limited_per_client(tmp_path: Path, database_url: str) -> None:
    app = make_app(tmp_path, database_url, NOW, '[signup]\nrate_limit = 2\nrate_window = "PT10M"\n')
    for _ in range(2):
        sign_up(app)
    response = app.client.post(API, json={"channel": "email", "address": "c@d.example"})
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 600
    app.clock.now = NOW + timedelta(minutes=11)
    sign_up(app)


def test_manage_token_reads_changes_and_deletes(app: App) -> None:
    created = sign_up(app)
    url = f"{API}/{created['id']}"
    auth = {"Authorization": f"Bearer {created['manage_token']}"}
    assert app.client.get(url).status_code == 401
    assert app.client.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 404
    got = app.client.get(url, headers=auth).json()
    assert got["id"] == created["id"] and "manage_token" not in got
    patched = app.client.patch(
        url, headers=auth, json={"offsets": ["PT30S", "P2D"], "language": "en"}
    )
    assert patched.status_code == 200
    assert patched.json()["offsets"] == ["P2D", "PT30S"]
    assert patched.json()["language"] == "en"
    bad = app.client.patch(url, headers=auth, json={"offsets": ["soon"]})
    assert bad.status_code == 422 and "offsets" in bad.json()["errors"]
    assert app.client.delete(url, headers=auth).status_code == 204
    assert app.client.get(url, headers=auth).status_code == 404
    assert app.ctx.store.ledger.list() == []  # everything about the subscriber is gone


def test_unsubscribe_is_one_click_post_and_get_only_asks(app: App) -> None:
    created = sign_up(app)
    link_token, _ = app.ctx.store.subscriptions.tokens(str(created["id"]))
    page = app.client.get(f"/unsubscribe/{link_token}")
    assert page.status_code == 200 and "<form" in page.text
    sub = app.ctx.store.subscriptions.get(str(created["id"]))
    assert sub is not None and sub.status is Status.PENDING
    done = app.client.post(
        f"/unsubscribe/{link_token}",
        content=b"List-Unsubscribe=One-Click",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert done.status_code == 200
    sub = app.ctx.store.subscriptions.get(str(created["id"]))
    assert sub is not None and sub.status is Status.UNSUBSCRIBED


def test_submitted_link_stops_reminders_for_that_tender(app: App) -> None:
    created = sign_up(app)
    link_token, _ = app.ctx.store.subscriptions.tokens(str(created["id"]))
    app.ctx.store.subscriptions.set_status(str(created["id"]), Status.ACTIVE, NOW)
    response = app.client.post(f"/optout/{link_token}/flextender-30988/submitted")
    assert response.status_code == 200
    sub = app.ctx.store.subscriptions.get(str(created["id"]))
    assert sub is not None
    assert not sub.wants_reminders("flextender-30988")
    assert sub.wants_changes("flextender-30988")


def test_personal_feed_has_alarms_at_the_subscribers_offsets(app: App) -> None:
    created = sign_up(app, offsets=["PT30M"])
    feed = app.client.get(str(created["feed_url"]).replace("https://tenders.example.nl", ""))
    assert feed.status_code == 200
    assert "TRIGGER:-PT30M" in feed.text
    assert app.client.get("/feeds/s/unknown-token.ics").status_code == 404


def test_openapi_documents_the_api(app: App) -> None:
    spec = app.client.get("/openapi.json").json()
    assert "/api/v1/subscriptions" in spec["paths"]
    body = spec["paths"]["/api/v1/subscriptions"]["post"]["requestBody"]
    assert "channel" in body["content"]["application/json"]["schema"]["properties"]
