"""``/docs``: Swagger UI from the daemon's own files, under the site's CSP, working in Chromium."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import SEED_TENDER
from tests.support.daemon import Daemon, free_port, write_config


def test_docs_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "cdn" not in csp
    html = response.text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), html
    assert not re.search(r"<script>[^<]", html), "no inline script"
    for src in re.findall(r'(?:src|href)="(/[^"]+)"', html):
        assert client.get(src).status_code == 200, src


def test_only_the_assets_the_page_uses_are_served(client: TestClient) -> None:
    assert client.get("/docs/assets/index.html").status_code == 404
    assert client.get("/docs/assets/..%2f..%2fsettings.py").status_code == 404


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    tmp = tmp_path_factory.mktemp("docs")
    config = write_config(tmp, port=free_port(), database_url=f"sqlite:///{tmp / 'tn.db'}")
    shutil.copy(SEED_TENDER, tmp / "tenders" / SEED_TENDER.name)
    with Daemon(config) as daemon:
        yield daemon


@pytest.mark.e2e
def test_swagger_ui_runs_under_the_csp(browser: Any, site: Daemon) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(site.base_url) else None,
    )
    page.goto(f"{site.base_url}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/subscriptions" in p for p in paths), paths
    page.close()
    assert outside == []
    assert [p for p in problems if "Content Security Policy" in p or "failed" in p] == []
