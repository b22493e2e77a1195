"""The pages behind the links in messages (confirm, unsubscribe, opt-out): the site's layout in
the subscription's language, GET never changes anything but confirming, and the POSTs need no
cookie or CSRF token (RFC 8058 one-click from mail providers, webhook consumers). In-process
first, then in Debian's Chromium against the real daemon: axe-core in both languages, no JS."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from tender_notifier.store import Store
from tender_notifier.store.subscriptions import Created
from tender_notifier.subscription_types import Channel, OptOut, Status
from tender_notifier.web.context import AppContext
from tests.conftest import SEED_TENDER
from tests.support.daemon import (
    Daemon,
    free_port,
    open_daemon_store,
    tender_toml,
    write_config,
)
from tests.web.browser import axe_source, describe, run_axe, screenshot
from tests.web.conftest import NOW

SEED = "flextender-30988"
ONE_CLICK = {"content": b"List-Unsubscribe=One-Click"}
FORM = {"content-type": "application/x-www-form-urlencoded"}


def _create(
    store: Store,
    now: datetime,
    *,
    language: str = "nl",
    status: Status = Status.ACTIVE,
    tenders: tuple[str, ...] = (SEED,),
) -> Created:
    return store.subscriptions.create(
        channel=Channel.EMAIL,
        target=f"{language}@bureau.example",
        tenders=tenders,
        offsets=[timedelta(days=1)],
        language_code=language,
        now=now,
        status=status,
    )


def _main(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def _forms(html: str) -> list[str]:
    return re.findall(r"<form\b[^>]*>.*?</form>", _main(html), flags=re.S)


@pytest.fixture
def active(ctx: AppContext) -> Created:
    return _create(ctx.store, NOW)


# --- in-process --------------------------------------------------------------------------------


def test_confirm_activates_and_links_to_the_manage_and_tender_pages(
    client: TestClient, ctx: AppContext
) -> None:
    created = _create(ctx.store, NOW, status=Status.PENDING)
    response = client.post(f"/confirm/{created.confirm_token}")
    assert response.status_code == 200
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None and sub.status is Status.ACTIVE
    html = response.text
    assert 'lang="nl"' in html and "<h1>Aanmelding bevestigd</h1>" in html
    assert 'href="/static/site.css"' in html  # the site's layout, not bare HTML
    assert f'href="/manage/{created.link_token}"' in html
    assert f'href="/tenders/{SEED}"' in html
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_confirm_speaks_english_to_an_english_subscription_following_everything(
    client: TestClient, ctx: AppContext
) -> None:
    created = _create(ctx.store, NOW, language="en", status=Status.PENDING, tenders=("*",))
    asked = client.get(f"/confirm/{created.confirm_token}").text
    assert 'lang="en"' in asked and "<h1>Confirm your sign-up</h1>" in asked
    html = client.post(f"/confirm/{created.confirm_token}").text
    assert 'lang="en"' in html and "<h1>Sign-up confirmed</h1>" in html
    assert '<a href="/?lang=en">All tenders</a>' in html
    assert f'href="/manage/{created.link_token}"' in html


def test_unknown_link_is_dutch_with_an_english_line_or_english_on_request(
    client: TestClient,
) -> None:
    for path in ("/confirm/nope", "/unsubscribe/nope", f"/optout/nope/{SEED}/submitted"):
        response = client.get(path)
        assert response.status_code == 404
        assert 'lang="nl"' in response.text and "Link onbekend of verlopen" in response.text
        assert '<p lang="en">This link is unknown or has expired.' in response.text
        english = client.get(path + "?lang=en")
        assert english.status_code == 404
        assert '<html lang="en">' in english.text and "Link unknown or expired" in english.text
    assert client.post("/unsubscribe/nope", **ONE_CLICK, headers=FORM).status_code == 404


def test_unsubscribe_get_only_shows_one_post_button(
    client: TestClient, ctx: AppContext, active: Created
) -> None:
    response = client.get(f"/unsubscribe/{active.link_token}")
    assert response.status_code == 200
    [form] = _forms(response.text)
    assert f'method="post" action="/unsubscribe/{active.link_token}"' in form
    assert form.count("<button") == 1 and "csrf_token" not in form
    sub = ctx.store.subscriptions.get(active.subscription.id)
    assert sub is not None and sub.status is Status.ACTIVE


def test_one_click_unsubscribe_needs_no_cookie_and_no_csrf_token(
    ctx: AppContext, active: Created
) -> None:
    from tender_notifier.web.app import create_app

    provider = TestClient(create_app(ctx))  # a mail provider: no cookie, never saw a page
    response = provider.post(f"/unsubscribe/{active.link_token}", **ONE_CLICK, headers=FORM)
    assert response.status_code == 200
    assert "U bent afgemeld." in response.text
    assert f'href="/manage/{active.link_token}"' in response.text
    sub = ctx.store.subscriptions.get(active.subscription.id)
    assert sub is not None and sub.status is Status.UNSUBSCRIBED
    # The link opened again says so, and asks nothing.
    again = provider.get(f"/unsubscribe/{active.link_token}")
    assert "U bent afgemeld." in again.text and _forms(again.text) == []


def test_optout_get_asks_and_a_cookieless_post_records_it(
    client: TestClient, ctx: AppContext, active: Created
) -> None:
    url = f"/optout/{active.link_token}/{SEED}/submitted"
    page = client.get(url)
    assert page.status_code == 200 and "<h1>Ingeschreven?</h1>" in page.text
    [form] = _forms(page.text)
    assert f'method="post" action="{url}"' in form and form.count("<button") == 1
    sub = ctx.store.subscriptions.get(active.subscription.id)
    assert sub is not None and sub.wants_reminders(SEED)
    from tender_notifier.web.app import create_app

    webhook_consumer = TestClient(create_app(ctx))
    done = webhook_consumer.post(url)
    assert done.status_code == 200 and "<h1>Genoteerd</h1>" in done.text
    assert f'href="/tenders/{SEED}"' in done.text
    assert f'href="/manage/{active.link_token}"' in done.text
    sub = ctx.store.subscriptions.get(active.subscription.id)
    assert sub is not None and sub.opt_outs == {SEED: OptOut.SUBMITTED}


def test_optout_for_every_tender_followed(client: TestClient, ctx: AppContext) -> None:
    created = _create(ctx.store, NOW, language="en", tenders=("*",))
    done = client.post(f"/optout/{created.link_token}/*/not_bidding")
    assert done.status_code == 200 and 'lang="en"' in done.text
    sub = ctx.store.subscriptions.get(created.subscription.id)
    assert sub is not None
    assert sub.opt_outs == {SEED: OptOut.NOT_BIDDING, "tn-later": OptOut.NOT_BIDDING}


def test_optout_with_an_unknown_reason_or_tender_is_a_404(
    client: TestClient, active: Created
) -> None:
    assert client.get(f"/optout/{active.link_token}/{SEED}/maybe").status_code == 404
    assert client.post(f"/optout/{active.link_token}/no-such-tender/submitted").status_code == 404


# --- in Chromium, against the real daemon ------------------------------------------------------

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Daemon, Store]]:
    """The real daemon with the seed tender and one ahead, and its store opened alongside."""
    tmp = tmp_path_factory.mktemp("links")
    now = datetime.now(AMS)
    ahead = tender_toml(
        "tn-ahead",
        [("offers", "submission_deadline", now + timedelta(days=3))],
        title="Beleidsadviseur Inkoop",
    )
    db = f"sqlite:///{tmp / 'tn.db'}"
    config = write_config(tmp, port=free_port(), database_url=db, tenders={"tn-ahead": ahead})
    shutil.copy(SEED_TENDER, tmp / "tenders" / SEED_TENDER.name)
    with Daemon(config) as daemon:
        store = open_daemon_store(config, db)
        try:
            yield daemon, store
        finally:
            store.close()


def _check(page: Any, axe: str, name: str) -> None:
    violations = run_axe(page, axe)
    screenshot(page, name)
    assert violations == [], f"axe on {name} ({page.url}):\n{describe(violations)}"


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_no_violation_on_the_link_pages(
    browser: Any, site: tuple[Daemon, Store], lang: str
) -> None:
    daemon, store = site
    axe = axe_source()
    now = datetime.now(AMS)
    base = daemon.base_url
    pending = _create(store, now, language=lang, status=Status.PENDING, tenders=("tn-ahead",))
    active = _create(store, now, language=lang, tenders=("tn-ahead",))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []  # a CSP violation or a script error shows up here
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(f"{base}/confirm/{pending.confirm_token}")
    assert page.locator("html").get_attribute("lang") == lang
    _check(page, axe, f"link-confirm-{lang}")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() in ("Aanmelding bevestigd", "Sign-up confirmed")
    _check(page, axe, f"link-confirmed-{lang}")
    page.goto(f"{base}/optout/{active.link_token}/tn-ahead/submitted")
    _check(page, axe, f"link-optout-{lang}")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() in ("Genoteerd", "Noted")
    _check(page, axe, f"link-opted-out-{lang}")
    page.goto(f"{base}/unsubscribe/{active.link_token}")
    _check(page, axe, f"link-unsubscribe-{lang}")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() in ("Afgemeld", "Unsubscribed")
    _check(page, axe, f"link-unsubscribed-{lang}")
    page.goto(f"{base}/confirm/{pending.confirm_token}" + ("?lang=en" if lang == "en" else ""))
    assert page.locator("html").get_attribute("lang") == lang
    _check(page, axe, f"link-unknown-{lang}")
    # The used confirmation link answers 404 on purpose; Chromium logs that status.
    assert [e for e in errors if "status of 404" not in e] == []
    context.close()


@pytest.mark.e2e
def test_link_pages_work_without_javascript(browser: Any, site: tuple[Daemon, Store]) -> None:
    daemon, store = site
    now = datetime.now(AMS)
    pending = _create(store, now, status=Status.PENDING, tenders=("tn-ahead",))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{daemon.base_url}/confirm/{pending.confirm_token}")
    assert page.locator("h1").inner_text() == "Aanmelding bevestigen"
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Aanmelding bevestigd"
    page.click("text=Naar uw beheerpagina")
    assert page.locator("h1").inner_text() == "Uw herinneringen beheren"
    link_token = page.url.rsplit("/", 1)[1]
    page.goto(f"{daemon.base_url}/optout/{link_token}/tn-ahead/not_bidding")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Genoteerd"
    page.goto(f"{daemon.base_url}/unsubscribe/{link_token}")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Afgemeld"
    screenshot(page, "nojs-link-unsubscribed-nl")
    sub = store.subscriptions.get(pending.subscription.id)
    assert sub is not None and sub.status is Status.UNSUBSCRIBED
    assert sub.opt_outs == {"tn-ahead": OptOut.NOT_BIDDING}
    context.close()


@pytest.mark.parametrize(
    ("lang", "reason", "says", "not_said"),
    [
        ("nl", "submitted", ["vragen te stellen en in te schrijven", "gesprekken"], "niets meer"),
        ("en", "submitted", ["ask questions and to submit", "interviews"], "nothing more"),
        ("nl", "not_bidding", ["niets meer", "ingetrokken", "datum vervalt"], "gesprekken"),
        ("en", "not_bidding", ["nothing more", "cancelled", "date is dropped"], "interviews"),
    ],
)
def test_optout_confirmation_says_what_now_holds_for_that_choice(
    client: TestClient, ctx: AppContext, lang: str, reason: str, says: list[str], not_said: str
) -> None:
    created = _create(ctx.store, NOW, language=lang)
    done = client.post(f"/optout/{created.link_token}/{SEED}/{reason}")
    assert done.status_code == 200
    notice = _main(done.text).split('role="status">', 1)[1].split("</div>", 1)[0]
    for words in says:
        assert words in notice
    assert not_said not in notice
    # A date change is no longer promised to whoever is not bidding.
    if reason == "not_bidding":
        assert "date changes" not in notice and "Verandert er een datum" not in notice
