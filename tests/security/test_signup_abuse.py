"""The public sign-up cannot flood a mailbox, confirm itself, duplicate a subscriber, or keep
control of a mailbox's subscription, on one daemon or several on one store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tender_notifier.subscription_types import Status
from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
API = "/api/v1/subscriptions"
ADDRESS = "inkoop@bureau.example"
SEED = "flextender-30988"
SETTINGS = "[signup]\nrate_limit = 1000\n"


@pytest.fixture
def app(tmp_path: Path, database_url: str) -> App:
    return make_app(tmp_path, database_url, NOW, SETTINGS)


def sign_up(app: App, **body: Any) -> Any:
    response = app.client.post(API, json={"channel": "email", "address": ADDRESS, **body})
    assert response.status_code == 201, response.text
    return response


def confirmations(app: App) -> list[Any]:
    return [d for d in app.ctx.store.ledger.list() if d.kind == "confirm"]


def confirm(app: App, token: str) -> None:
    assert app.client.post(f"/confirm/{token}").status_code == 200


def _shape(response: Any) -> tuple[int, list[str], dict[str, Any]]:
    body = response.json()
    values = {k: v for k, v in body.items() if k not in ("id", "manage_token", "feed_url")}
    return response.status_code, sorted(body), values


# --- per-recipient throttle and reuse ----------------------------------------------------------


def test_ten_sign_ups_of_one_address_send_three_mails_and_keep_one_pending(app: App) -> None:
    answers = [sign_up(app, tenders=[SEED]) for _ in range(10)]
    assert len(confirmations(app)) == 3
    assert len({_shape(a)[1] == _shape(answers[0])[1] for a in answers}) == 1
    assert {a.status_code for a in answers} == {201}
    assert len(app.ctx.store.subscriptions.list()) == 1
    app.clock.now = NOW + timedelta(minutes=61)
    sign_up(app, tenders=[SEED])
    assert len(confirmations(app)) == 4


def confirm_token(app: App, row: Any) -> str:
    """The confirmation token a confirm row's email carries (kept sealed with the subscription)."""
    token = app.ctx.store.subscriptions.confirm_token(row.subscription_id)
    assert token is not None
    return token


def test_the_quota_ignores_the_case_of_the_address(app: App) -> None:
    for address in ("Inkoop@Bureau.example", "inkoop@bureau.EXAMPLE", "INKOOP@bureau.example"):
        sign_up(app, address=address)
    sign_up(app)
    assert len(confirmations(app)) == 3
    assert len(app.ctx.store.subscriptions.list()) == 1


def test_a_new_sign_up_takes_over_the_pending_one(app: App) -> None:
    first = sign_up(app, tenders=[SEED], offsets=["P2D"]).json()
    second = sign_up(app, tenders=["*"], language="en").json()
    assert second["tenders"] == ["*"] and second["language"] == "en"
    assert second["offsets"] == ["P7D", "P1D", "PT2H"]
    # Only the newest confirmation link works; the older mail listed other choices.
    older, newer = [d for d in confirmations(app)]
    assert older.status == "skipped" or older.payload is None
    token = confirm_token(app, newer)
    assert app.client.get(f"/confirm/{token}").status_code == 200
    first_auth = {"Authorization": f"Bearer {first['manage_token']}"}
    assert app.client.get(f"{API}/{first['id']}", headers=first_auth).status_code == 404


def test_sign_ups_over_the_quota_leave_the_mailed_link_working(app: App) -> None:
    """Nothing is mailed over the quota, so nothing the owner holds may change: the pending
    sign-up keeps the choices and the confirmation token of the last mail that went."""
    usual = [sign_up(app, tenders=[SEED], offsets=["P2D"]) for _ in range(3)]
    [mailed] = [d for d in confirmations(app) if d.status != "skipped"]
    token = confirm_token(app, mailed)
    flood = [sign_up(app, tenders=["*"], language="en") for _ in range(7)]
    assert len(confirmations(app)) == 3
    # Answered as usual, from the request, with tokens that control nothing.
    assert {(a.status_code, tuple(_shape(a)[1])) for a in usual + flood} == {
        (201, tuple(_shape(usual[0])[1]))
    }
    assert {a.json()["id"] for a in usual + flood} == {usual[0].json()["id"]}
    assert flood[-1].json()["tenders"] == ["*"] and flood[-1].json()["language"] == "en"
    auth = {"Authorization": f"Bearer {flood[-1].json()['manage_token']}"}
    assert app.client.get(f"{API}/{flood[-1].json()['id']}", headers=auth).status_code == 404
    # The link the owner was mailed still confirms the choices that mail listed.
    assert app.client.get(f"/confirm/{token}").status_code == 200
    confirm(app, token)
    [sub] = app.ctx.store.subscriptions.list()
    assert sub.status is Status.ACTIVE and sub.tenders == (SEED,) and sub.language == "nl"
    assert sub.offsets == (timedelta(days=2),)


def test_the_quota_holds_across_daemons_on_one_store(tmp_path: Path, database_url: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = make_app(tmp_path / "a", database_url, NOW, SETTINGS)
    two = make_app(tmp_path / "b", database_url, NOW, SETTINGS)
    for i in range(6):
        sign_up(one if i % 2 else two)
    assert len(confirmations(one)) == 3
    assert len(one.ctx.store.subscriptions.list()) == 1


# --- merging into what the address already follows ---------------------------------------------


def test_a_sign_up_for_a_followed_tender_merges_and_says_nothing(app: App) -> None:
    first = sign_up(app, tenders=[SEED], offsets=["P1D"])
    confirm(app, confirm_token(app, confirmations(app)[0]))
    [active] = app.ctx.store.subscriptions.list()
    again = sign_up(app, tenders=[SEED], offsets=["PT2H"], language="en")
    # The answer is that of a first sign-up with these choices (another, new address here).
    baseline = sign_up(
        app, address="nieuw@elders.example", tenders=[SEED], offsets=["PT2H"], language="en"
    )
    assert _shape(again) == _shape(baseline)
    assert again.json()["status"] == "pending" and first.json()["status"] == "pending"
    mine = [d for d in confirmations(app) if d.subscription_id == again.json()["id"]]
    confirm(app, confirm_token(app, mine[-1]))
    [merged] = [s for s in app.ctx.store.subscriptions.list() if s.target == ADDRESS]
    assert merged.id == active.id and merged.status is Status.ACTIVE
    assert merged.tenders == (SEED,)
    assert {o.total_seconds() for o in merged.offsets} == {86400, 7200}
    assert merged.language == "nl"  # the owner's own choice stays


# --- confirmation needs a POST -----------------------------------------------------------------


def test_opening_the_confirmation_link_confirms_nothing(app: App) -> None:
    created = sign_up(app).json()
    token = confirm_token(app, confirmations(app)[0])
    for _ in range(3):  # a mail scanner opening the link, twice, with HEAD too
        page = app.client.get(f"/confirm/{token}")
        assert page.status_code == 200 and 'method="post"' in page.text
        app.client.head(f"/confirm/{token}")
    sub = app.ctx.store.subscriptions.get(created["id"])
    assert sub is not None and sub.status is Status.PENDING
    confirm(app, token)
    sub = app.ctx.store.subscriptions.get(created["id"])
    assert sub is not None and sub.status is Status.ACTIVE


# --- the manage token of an email sign-up ------------------------------------------------------


def test_the_manage_token_works_until_confirmation_then_403(app: App) -> None:
    created = sign_up(app, tenders=[SEED]).json()
    url = f"{API}/{created['id']}"
    auth = {"Authorization": f"Bearer {created['manage_token']}"}
    assert app.client.get(url, headers=auth).status_code == 200
    confirm(app, confirm_token(app, confirmations(app)[0]))
    for response in (
        app.client.get(url, headers=auth),
        app.client.patch(url, headers=auth, json={"tenders": ["*"]}),
        app.client.delete(url, headers=auth),
    ):
        assert response.status_code == 403
        body = response.json()
        assert set(body) == {"detail", "errors"} and body["errors"] == {}
        assert "links in their email" in body["detail"]
    sub = app.ctx.store.subscriptions.get(created["id"])
    assert sub is not None and sub.tenders == (SEED,) and sub.status is Status.ACTIVE


def test_a_merged_sign_ups_token_answers_403_too(app: App) -> None:
    sign_up(app, tenders=[SEED])
    confirm(app, confirm_token(app, confirmations(app)[0]))
    second = sign_up(app, tenders=["*"]).json()
    confirm(app, confirm_token(app, confirmations(app)[-1]))
    auth = {"Authorization": f"Bearer {second['manage_token']}"}
    response = app.client.patch(f"{API}/{second['id']}", headers=auth, json={"offsets": ["P1D"]})
    assert response.status_code == 403


def test_a_webhook_keeps_its_token(tmp_path: Path, database_url: str) -> None:
    app = make_app(
        tmp_path, database_url, NOW, SETTINGS + "[delivery]\nallow_private_targets = true\n"
    )
    created = app.client.post(
        API, json={"channel": "webhook", "url": "http://127.0.0.1:9/hook"}
    ).json()
    app.ctx.store.subscriptions.set_status(created["id"], Status.ACTIVE, NOW)
    auth = {"Authorization": f"Bearer {created['manage_token']}"}
    assert app.client.get(f"{API}/{created['id']}", headers=auth).status_code == 200


def test_ops_adding_a_followed_address_merges_too(app: App) -> None:
    from tender_notifier.signup_checks import SignupRequest
    from tender_notifier.signup_registration import register
    from tender_notifier.subscription_types import Channel

    def add(tenders: tuple[str, ...]) -> str:
        req = SignupRequest(Channel.EMAIL, ADDRESS, tenders, (timedelta(days=1),), "nl", None)
        return register(app.ctx.store, req, NOW, status=Status.ACTIVE).subscription.id

    first = add((SEED,))
    assert add(("*",)) == first
    [only] = app.ctx.store.subscriptions.list()
    assert only.tenders == ("*",)


@pytest.mark.postgres
def test_racing_daemons_keep_one_pending_sign_up_and_three_mails(postgres_url: str) -> None:
    """Eight sign-ups of one address at once, through four stores (daemons) on one PostgreSQL."""
    from concurrent.futures import ThreadPoolExecutor

    from tender_notifier.signup_checks import SignupRequest
    from tender_notifier.signup_registration import register
    from tender_notifier.store import Store
    from tender_notifier.subscription_types import Channel

    stores = [Store.open(postgres_url) for _ in range(4)]
    try:
        stores[0].engine.dispose()
        from tests.conftest import _clean_postgres

        _clean_postgres(postgres_url)
        req = SignupRequest(Channel.EMAIL, ADDRESS, ("*",), (timedelta(days=1),), "nl", None)
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: register(stores[i % 4], req, NOW), range(8)))
        assert len(stores[0].subscriptions.list()) == 1
        mails = [d for d in stores[0].ledger.list() if d.kind == "confirm"]
        assert len(mails) == 3
    finally:
        for store in stores:
            store.close()


def test_plus_tags_share_one_mailbox_quota(app: App) -> None:
    for i in range(6):
        sign_up(app, address=f"inkoop+{i}@bureau.example")
    assert len(confirmations(app)) == 3


def test_the_requesters_feed_url_ends_at_confirmation(app: App) -> None:
    created = sign_up(app, tenders=[SEED]).json()
    path = created["feed_url"].removeprefix("https://tenders.example.nl")
    assert app.client.get(path).status_code == 200
    confirm(app, confirm_token(app, confirmations(app)[0]))
    assert app.client.get(path).status_code == 404
    _, feed_token = app.ctx.store.subscriptions.tokens(created["id"])
    assert app.client.get(f"/feeds/s/{feed_token}.ics").status_code == 200
