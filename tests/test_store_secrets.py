"""Secrets shared through the store: one CSRF key for every daemon on the same database."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from tender_notifier.store import Store
from tender_notifier.web.security import COOKIE
from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TENDER = "/tenders/flextender-30988"


def test_a_secret_is_made_once_and_then_read(store: Store) -> None:
    first = store.secrets.get_or_create("csrf")
    assert len(first) >= 40
    assert store.secrets.get_or_create("csrf") == first
    assert store.secrets.get_or_create("other") != first


def test_daemons_starting_together_get_the_same_secret(database_url: str) -> None:
    stores = [Store.open(database_url) for _ in range(4)]
    try:
        with ThreadPoolExecutor(8) as pool:
            values = set(pool.map(lambda i: stores[i % 4].secrets.get_or_create("csrf"), range(16)))
    finally:
        for s in stores:
            s.close()
    assert len(values) == 1


def test_a_fresh_database_gets_a_new_random_secret(tmp_path: Path) -> None:
    values = []
    for name in ("a.db", "b.db"):
        s = Store.open(f"sqlite:///{tmp_path / name}")
        values.append(s.secrets.get_or_create("csrf"))
        s.close()
    assert values[0] != values[1]


def _form(app: App) -> tuple[str, str]:
    """(cookie nonce, form token) from a page of ``app``, as a new browser gets them."""
    app.client.cookies.clear()
    page = app.client.get(TENDER)
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
    assert match
    return page.cookies[COOKIE], match.group(1)


def _sign_up(app: App, nonce: str, token: str) -> int:
    app.client.cookies.clear()
    app.client.cookies.set(COOKIE, nonce)
    response = app.client.post(
        f"{TENDER}/signup",
        data={
            "csrf_token": token,
            "channel": "email",
            "address": "inkoop@bureau.example",
            "offsets": ["P1D"],
        },
    )
    return response.status_code


def test_two_daemons_on_one_database_accept_each_others_forms(
    tmp_path: Path, database_url: str
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = make_app(tmp_path / "a", database_url, NOW)
    b = make_app(tmp_path / "b", database_url, NOW)
    try:
        nonce, token = _form(a)
        assert _sign_up(b, nonce, token) == 200
        nonce, token = _form(b)
        assert _sign_up(a, nonce, token) == 200
    finally:
        a.ctx.store.close()
        b.ctx.store.close()


def test_a_daemon_on_another_database_refuses_the_form(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = make_app(tmp_path / "a", f"sqlite:///{tmp_path / 'a.db'}", NOW)
    b = make_app(tmp_path / "b", f"sqlite:///{tmp_path / 'b.db'}", NOW)
    try:
        nonce, token = _form(a)
        assert _sign_up(b, nonce, token) == 403
        assert _sign_up(a, nonce, token) == 200
    finally:
        a.ctx.store.close()
        b.ctx.store.close()
