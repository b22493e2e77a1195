"""The manage page in-process: change offsets and language, opt out per tender, leave, delete."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tender_notifier.store.subscriptions import Created
from tender_notifier.subscription_types import Channel, OptOut, Status
from tender_notifier.web.context import AppContext
from tests.web.conftest import NOW, csrf_token


@pytest.fixture
def created(ctx: AppContext) -> Created:
    return ctx.store.subscriptions.create(
        channel=Channel.EMAIL,
        target="inkoop@bureau.example",
        tenders=["*"],
        offsets=[timedelta(days=1), timedelta(minutes=45)],
        language_code="nl",
        now=NOW,
        status=Status.ACTIVE,
    )


def _page(client: TestClient, created: Created) -> tuple[str, str]:
    response = client.get(f"/manage/{created.link_token}")
    assert response.status_code == 200
    return response.text, csrf_token(response.text)


def test_manage_page_shows_the_subscription_in_its_language(
    client: TestClient, created: Created
) -> None:
    html, _ = _page(client, created)
    assert 'lang="nl"' in html and "Uw herinneringen beheren" in html
    assert "inkoop@bureau.example" in html
    assert 'id="offset-P1D" name="offsets" value="P1D" checked' in html
    assert 'value="45 minuten"' in html  # a non-preset offset in words
    assert f"/feeds/s/{created.feed_token}.ics" in html
    assert html.count('action="/manage/') == 5  # settings, 2 tenders, unsubscribe, delete


def test_manage_page_is_private(client: TestClient, created: Created) -> None:
    headers = client.get(f"/manage/{created.link_token}").headers
    assert headers["cache-control"] == "no-store"
    assert headers["referrer-policy"] == "no-referrer"


def test_unknown_manage_link_is_a_404(client: TestClient) -> None:
    assert client.get("/manage/nope").status_code == 404


def test_change_offsets_and_language(client: TestClient, ctx: AppContext, created: Created) -> None:
    _, token = _page(client, created)
    response = client.post(
        f"/manage/{created.link_token}/settings",
        data={
            "csrf_token": token,
            "offsets": ["P7D"],
            "other_offset": "3 uur, PT10M",
            "language": "en",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/manage/{created.link_token}?done=settings"
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.language == "en"
    assert sub.offsets == (timedelta(days=7), timedelta(hours=3), timedelta(minutes=10))
    html = client.get(response.headers["location"]).text
    assert 'lang="en"' in html and "Your choices have been saved." in html


def test_bad_offset_keeps_the_old_settings(
    client: TestClient, ctx: AppContext, created: Created
) -> None:
    _, token = _page(client, created)
    response = client.post(
        f"/manage/{created.link_token}/settings",
        data={"csrf_token": token, "other_offset": "400 dagen", "language": "nl"},
    )
    assert response.status_code == 422
    assert 'id="other_offset-error"' in response.text
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.offsets == created.subscription.offsets


def test_submitted_and_resume_per_tender(
    client: TestClient, ctx: AppContext, created: Created
) -> None:
    _, token = _page(client, created)
    url = f"/manage/{created.link_token}/tenders/tn-later"
    client.post(url, data={"csrf_token": token, "action": "submitted"})
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.opt_outs == {"tn-later": OptOut.SUBMITTED}
    assert "U heeft ingeschreven." in client.get(f"/manage/{created.link_token}").text
    client.post(url, data={"csrf_token": token, "action": "resume"})
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.opt_outs == {}


def test_unsubscribe_from_the_manage_page(
    client: TestClient, ctx: AppContext, created: Created
) -> None:
    _, token = _page(client, created)
    response = client.post(f"/manage/{created.link_token}/unsubscribe", data={"csrf_token": token})
    assert "U bent afgemeld" in response.text
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.status is Status.UNSUBSCRIBED


def test_delete_needs_the_box_ticked(client: TestClient, ctx: AppContext, created: Created) -> None:
    _, token = _page(client, created)
    url = f"/manage/{created.link_token}/delete"
    refused = client.post(url, data={"csrf_token": token})
    assert refused.status_code == 422 and 'id="confirm-error"' in refused.text
    assert ctx.store.subscriptions.get(created.subscription.id) is not None
    done = client.post(url, data={"csrf_token": token, "confirm": "yes"})
    assert done.status_code == 200 and "Alles verwijderd" in done.text
    assert ctx.store.subscriptions.get(created.subscription.id) is None
    assert client.get(f"/manage/{created.link_token}").status_code == 404


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("settings", {"offsets": ["P7D"], "language": "en"}),
        ("tenders/tn-later", {"action": "not_bidding"}),
        ("unsubscribe", {}),
        ("delete", {"confirm": "yes"}),
    ],
)
def test_every_manage_form_refuses_a_missing_or_wrong_csrf_token(
    client: TestClient, ctx: AppContext, created: Created, path: str, fields: dict[str, object]
) -> None:
    _page(client, created)  # the browser has its cookie
    url = f"/manage/{created.link_token}/{path}"
    assert client.post(url, data=fields).status_code == 403
    assert client.post(url, data={"csrf_token": "f" * 64, **fields}).status_code == 403
    assert ctx.store.subscriptions.get(created.subscription.id) == created.subscription


def test_one_click_unsubscribe_needs_no_csrf_token(
    client: TestClient, ctx: AppContext, created: Created
) -> None:
    """RFC 8058: mail providers POST List-Unsubscribe=One-Click with no cookie and no token."""
    response = client.post(
        f"/unsubscribe/{created.link_token}", data={"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.status is Status.UNSUBSCRIBED
