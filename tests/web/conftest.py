"""The web app in-process (TestClient) on a SQLite store, with the seed tender and one ahead."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from tender_notifier.settings import Settings
from tender_notifier.store import Store
from tender_notifier.timelines import Timelines
from tender_notifier.web.app import create_app
from tender_notifier.web.context import AppContext
from tests.conftest import SEED_TENDER
from tests.support.daemon import tender_toml
from tests.web.browser import ARGS, chromium_path

AMS = ZoneInfo("Europe/Amsterdam")
# Between the seed tender's questions deadline (9 July, 09:00) and its submission deadline.
NOW = datetime(2026, 7, 10, 12, 0, tzinfo=AMS)


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    tenders = tmp_path / "tenders"
    tenders.mkdir()
    shutil.copy(SEED_TENDER, tenders / SEED_TENDER.name)
    (tenders / "tn-later.toml").write_text(
        tender_toml(
            "tn-later",
            [("offers", "submission_deadline", NOW + timedelta(days=3))],
            title="Beleidsadviseur",
        )
    )
    settings = Settings(tenders_dir=tenders, state_dir=tmp_path / "var")
    store = Store.open(f"sqlite:///{tmp_path / 'tn.db'}")
    timelines = Timelines(tenders, store, lambda: NOW)
    timelines.reload()
    context = AppContext(settings=settings, store=store, timelines=timelines, clock=lambda: NOW)
    yield context
    store.close()


@pytest.fixture
def client(ctx: AppContext) -> TestClient:
    return TestClient(create_app(ctx), base_url="http://127.0.0.1:8080")


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, "no CSRF field on the page"
    return match.group(1)


# Headless Debian Chromium, one per test module that drives pages.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        from tests.conftest import missing

        missing("playwright is not installed (pip install -e '.[test]')")
        raise
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()
