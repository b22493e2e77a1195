"""The pages in real headless Chromium against the real daemon: axe-core on every page in both
languages, and every page and form with JavaScript switched off. Screenshots go to
test-output/screenshots/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.conftest import SEED_TENDER
from tests.support.daemon import (
    Daemon,
    free_port,
    open_daemon_store,
    tender_toml,
    write_config,
)
from tests.web.browser import axe_source, describe, run_axe, screenshot

pytestmark = pytest.mark.e2e
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    """The seed tender (all past by now) and one with dates ahead, on the real daemon."""
    tmp = tmp_path_factory.mktemp("site")
    now = datetime.now(AMS)
    ahead = tender_toml(
        "tn-ahead",
        [
            ("questions", "questions_deadline", now - timedelta(days=2)),
            ("offers", "submission_deadline", now + timedelta(days=3, hours=4)),
            ("award", "award", now + timedelta(days=20)),
        ],
        title="Beleidsadviseur Inkoop",
    )
    config = write_config(
        tmp,
        port=free_port(),
        database_url=f"sqlite:///{tmp / 'tn.db'}",
        tenders={"tn-ahead": ahead},
    )
    shutil.copy(SEED_TENDER, tmp / "tenders" / SEED_TENDER.name)
    with Daemon(config) as daemon:
        yield daemon


def _link_token(daemon: Daemon, tmp_db: str, language: str) -> str:
    """A subscription made through the API; its manage link token read from the store."""
    response = httpx.post(
        f"{daemon.base_url}/api/v1/subscriptions",
        json={
            "channel": "email",
            "address": f"{language}@bureau.example",
            "tenders": ["tn-ahead"],
            "language": language,
        },
    )
    assert response.status_code == 201, response.text
    store = open_daemon_store(daemon.config, tmp_db)
    try:
        return store.subscriptions.tokens(response.json()["id"])[0]
    finally:
        store.close()


def _check(page: Any, axe: str, name: str) -> None:
    violations = run_axe(page, axe)
    screenshot(page, name)
    assert violations == [], f"axe on {name} ({page.url}):\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_no_violation_on_any_page(
    browser: Any, axe: str, site: Daemon, lang: str
) -> None:
    q = "?lang=en" if lang == "en" else ""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []  # a CSP violation or a script error shows up here
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, name in [
        ("/", "index"),
        ("/tenders/flextender-30988", "tender-seed"),
        ("/tenders/tn-ahead", "tender"),
    ]:
        page.goto(site.base_url + path + q)
        assert page.locator("html").get_attribute("lang") == lang
        _check(page, axe, f"{name}-{lang}")
    # The sign-up form with every error showing, then the sign-up result.
    page.goto(f"{site.base_url}/tenders/tn-ahead{q}")
    page.fill("#field-address", "no address")
    page.fill("#field-other_offset", "straks")
    page.click("#signup button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    _check(page, axe, f"signup-errors-{lang}")
    page.fill("#field-address", f"axe-{lang}@bureau.example")
    page.fill("#field-other_offset", "")
    page.click("#signup button[type=submit]")
    assert page.locator("h1").inner_text() in (
        "Bevestig uw e-mailadres",
        "Confirm your email address",
    )
    _check(page, axe, f"signup-result-{lang}")
    # The manage page, in the subscription's language.
    db = f"sqlite:///{site.config.parent / 'tn.db'}"
    page.goto(f"{site.base_url}/manage/{_link_token(site, db, lang)}")
    assert page.locator("html").get_attribute("lang") == lang
    _check(page, axe, f"manage-{lang}")
    # The form with errors is answered 422 on purpose; Chromium logs that status.
    assert [e for e in errors if "status of 422" not in e] == []
    context.close()


def test_pages_fit_a_phone(browser: Any, axe: str, site: Daemon) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site.base_url}/tenders/tn-ahead")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    _check(page, axe, "tender-phone-nl")
    context.close()


def test_every_page_works_without_javascript(browser: Any, site: Daemon) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("/", "/?lang=en", "/tenders/flextender-30988", "/tenders/tn-ahead?lang=en"):
        response = page.goto(site.base_url + path)
        assert response is not None and response.status == 200
        assert page.locator("h1").is_visible()
    page.goto(f"{site.base_url}/tenders/tn-ahead")
    page.fill("#field-address", "nojs@bureau.example")
    page.click("#signup button[type=submit]")
    assert page.locator("h1").inner_text() == "Bevestig uw e-mailadres"
    screenshot(page, "nojs-signup-result-nl")
    context.close()


def test_axe_does_find_violations_when_there_are_some(browser: Any, axe: str) -> None:
    """Guards the checks above against passing vacuously (axe not running, wrong tags)."""
    page = browser.new_page()
    page.set_content("<html><body><input type='text'><a href='#'></a></body></html>")
    ids = {v["id"] for v in run_axe(page, axe)}
    assert {"html-has-lang", "label", "link-name"} <= ids
    page.close()
