"""The supplier's pages in-process: what they show, their headers, and the sign-up checks."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tender_notifier.web.context import AppContext
from tests.web.conftest import csrf_token


def test_index_lists_tenders_with_their_next_milestone_and_time_left(client: TestClient) -> None:
    html = client.get("/").text
    assert 'lang="nl"' in html
    assert "Administratief Medewerker Sociaal Domein" in html
    assert "Publicatie antwoorden (Nota van Inlichtingen)" in html
    assert "nog 2 dagen en 12 uur" in html
    assert html.index("Administratief") < html.index("Beleidsadviseur")  # soonest first


def test_index_in_english_on_request(client: TestClient) -> None:
    html = client.get("/?lang=en").text
    assert 'lang="en"' in html
    assert "Tenders with dates ahead" in html
    assert "2 days and 12 hours left" in html
    assert 'href="/tenders/tn-later?lang=en"' in html


def test_tender_page_shows_facts_timeline_and_calendar_buttons(client: TestClient) -> None:
    html = client.get("/tenders/flextender-30988").text
    assert "Gemeente Leidschendam-Voorburg" in html and "30988" in html and "Flextender" in html
    assert html.count("milestone-past") == 1
    assert html.count('aria-current="step"') == 1
    feed = "127.0.0.1%3A8080%2Ffeeds%2Fflextender-30988.ics"
    assert 'href="webcal://127.0.0.1:8080/feeds/flextender-30988.ics"' in html
    assert f"https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F{feed}" in html
    assert f"https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2F{feed}" in html
    assert f"https://outlook.office.com/calendar/0/addfromweb?url=http%3A%2F%2F{feed}" in html
    assert 'href="http://127.0.0.1:8080/feeds/flextender-30988.ics" download' in html


def test_english_calendar_buttons_subscribe_to_the_english_feed(client: TestClient) -> None:
    html = client.get("/tenders/flextender-30988?lang=en").text
    assert 'href="webcal://127.0.0.1:8080/feeds/flextender-30988.ics?lang=en"' in html
    assert "Submission deadline" in html


def test_unknown_tender_is_a_404_page(client: TestClient) -> None:
    response = client.get("/tenders/nope")
    assert response.status_code == 404
    assert "Niet gevonden" in response.text


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/tenders/flextender-30988"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "style-src 'self'" in csp and "form-action 'self'" in csp
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    html = client.get("/tenders/flextender-30988").text
    for tag in ('<script src="', '<link rel="stylesheet" href="'):
        for part in html.split(tag)[1:]:
            assert part.startswith("/static/")
    assert client.get("/static/site.css").status_code == 200
    assert client.get("/static/countdown.js").status_code == 200


def _form(client: TestClient, **fields: object) -> dict[str, object]:
    token = csrf_token(client.get("/tenders/tn-later").text)
    return {"csrf_token": token, "channel": "email", "offsets": ["P1D"], "language": "nl", **fields}


def test_signup_through_the_form_queues_a_confirmation(client: TestClient, ctx: AppContext) -> None:
    data = _form(
        client, address="inkoop@bureau.example", offsets=["P1D", "PT2H"], other_offset="30 minuten"
    )
    response = client.post("/tenders/tn-later/signup", data=data)
    assert response.status_code == 200
    assert "Bevestig uw e-mailadres" in response.text
    assert "inkoop@bureau.example" in response.text
    assert response.headers["cache-control"] == "no-store"
    [sub] = ctx.store.subscriptions.list()
    assert sub.target == "inkoop@bureau.example" and sub.status.value == "pending"
    assert sub.tenders == ("tn-later",)
    assert [int(o.total_seconds()) for o in sub.offsets] == [86400, 7200, 1800]
    assert [d.kind for d in ctx.store.ledger.list()] == ["confirm"]


def test_webhook_signup_shows_the_secret_once(client: TestClient, ctx: AppContext) -> None:
    data = _form(client, channel="webhook", url="https://8.8.8.8/t")  # a literal: no DNS here
    response = client.post("/tenders/tn-later/signup?lang=en", data=data)
    [sub] = ctx.store.subscriptions.list()
    assert sub.secret is not None and sub.secret in response.text
    assert "Your signing secret" in response.text
    assert [d.kind for d in ctx.store.ledger.list()] == ["ping"]


def test_bad_fields_get_messages_next_to_them(client: TestClient, ctx: AppContext) -> None:
    data = _form(client, address="not-an-address", offsets=[], other_offset="soon")
    response = client.post("/tenders/tn-later/signup", data=data)
    assert response.status_code == 422
    html = response.text
    assert 'id="address-error"' in html and 'id="other_offset-error"' in html
    assert 'aria-describedby="address-hint address-error" aria-invalid="true"' in html
    assert 'aria-describedby="other_offset-hint other_offset-error" aria-invalid="true"' in html
    assert "Vul een geldig e-mailadres in" in html
    assert 'href="#field-address"' in html  # the error summary links to the field
    assert 'value="not-an-address"' in html and 'value="soon"' in html  # kept
    assert html.startswith("<!doctype html>") and "<title>Fout: " in html
    assert ctx.store.subscriptions.list() == []


def test_no_reminder_chosen_is_an_error(client: TestClient) -> None:
    data = _form(client, address="a@bureau.example", offsets=[])
    response = client.post("/tenders/tn-later/signup", data=data)
    assert response.status_code == 422
    assert 'id="offsets-error"' in response.text


def test_webhook_to_a_private_address_is_refused_as_the_api_does(client: TestClient) -> None:
    data = _form(client, channel="webhook", url="http://127.0.0.1:9/hook")
    response = client.post("/tenders/tn-later/signup?lang=en", data=data)
    assert response.status_code == 422
    assert 'id="url-error"' in response.text


def test_signup_is_rate_limited(client: TestClient, ctx: AppContext) -> None:
    assert ctx.rate_limiter is not None
    ctx.rate_limiter.limit = 1
    first = client.post("/tenders/tn-later/signup", data=_form(client, address="a@b.example"))
    second = client.post("/tenders/tn-later/signup", data=_form(client, address="c@b.example"))
    assert first.status_code == 200
    assert second.status_code == 429


def test_signup_without_csrf_token_is_refused(client: TestClient, ctx: AppContext) -> None:
    data = _form(client, address="a@bureau.example")
    del data["csrf_token"]
    assert client.post("/tenders/tn-later/signup", data=data).status_code == 403
    data["csrf_token"] = "0" * 64
    assert client.post("/tenders/tn-later/signup", data=data).status_code == 403
    assert ctx.store.subscriptions.list() == []


def test_csrf_token_must_match_the_browsers_cookie(client: TestClient, ctx: AppContext) -> None:
    data = _form(client, address="a@bureau.example")
    other = TestClient(client.app, base_url="http://127.0.0.1:8080")
    other.get("/")  # a cookie of its own: the first browser's token is no good here
    assert other.post("/tenders/tn-later/signup", data=data).status_code == 403
    client.cookies.clear()
    assert client.post("/tenders/tn-later/signup", data=data).status_code == 403
    assert ctx.store.subscriptions.list() == []


def test_csrf_cookie_is_httponly_and_samesite_strict(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert cookie.startswith("tn_csrf=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie


def test_the_api_still_takes_json_without_csrf(client: TestClient) -> None:
    response = client.post(
        "/api/v1/subscriptions",
        json={"channel": "email", "address": "api@bureau.example", "tenders": ["tn-later"]},
    )
    assert response.status_code == 201


def test_a_refused_form_says_so_in_a_page(client: TestClient) -> None:
    response = client.post("/tenders/tn-later/signup?lang=en", data={"address": "a@b.example"})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "Nothing was changed" in response.text
