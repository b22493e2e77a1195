"""A tender the buyer cancelled by an eForms change notice is closed: no sign-up by the API or
the form, and its page and the index say it was cancelled, with the buyer's reason as text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tender_notifier.settings import Settings
from tender_notifier.store import Store
from tender_notifier.timeline import Tender
from tender_notifier.timelines import Timelines
from tender_notifier.web.app import create_app
from tender_notifier.web.context import AppContext
from tests.eforms.conftest import NOTICES
from tests.support.daemon import tender_toml
from tests.web.conftest import csrf_token

CANCELLED = "4805c409-5939-4be9-8abd-837f7a5fee23"
NOW = datetime(2020, 1, 2, tzinfo=UTC)  # the cancelled tender's dates are ahead (February 2020)
REASON = "Budget <b>cut</b> & <script>alert(1)</script>"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    tenders = tmp_path / "tenders"
    tenders.mkdir()
    (tenders / "cn.xml").write_bytes((NOTICES / "cn_24_minimal.xml").read_bytes())
    void = (NOTICES / "change-cn_24_void.xml").read_text()
    escaped = REASON.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    (tenders / "void.xml").write_text(void.replace("We cancel because...", escaped))
    ahead = [("offers", "submission_deadline", NOW + timedelta(days=3))]
    (tenders / "tn-open.toml").write_text(tender_toml("tn-open", ahead))
    settings = Settings(tenders_dir=tenders, state_dir=tmp_path / "var")
    store = Store.open(f"sqlite:///{tmp_path / 'tn.db'}")
    timelines = Timelines(tenders, store, lambda: NOW)
    timelines.reload()
    tender = timelines.get(CANCELLED)
    assert tender is not None and tender.cancelled and tender.change_reason == REASON
    ctx = AppContext(settings=settings, store=store, timelines=timelines, clock=lambda: NOW)
    yield TestClient(create_app(ctx), base_url="http://127.0.0.1:8080")
    store.close()


def test_the_api_refuses_a_sign_up_naming_the_cancelled_tender(client: TestClient) -> None:
    for channel, field in (("email", "address"), ("webhook", "url")):
        target = "a@bureau.example" if channel == "email" else "https://hooks.example.nl/x"
        body = {"channel": channel, field: target, "tenders": [CANCELLED]}
        answer = client.post("/api/v1/subscriptions", json=body)
        assert answer.status_code == 422, answer.text
        message = answer.json()["errors"]["tenders"]
        assert CANCELLED in message and "cancelled by the buyer" in message


@pytest.mark.parametrize(
    ("lang", "says"),
    [("nl", "ingetrokken"), ("en", "cancelled")],
)
def test_the_page_says_cancelled_with_the_reason_and_offers_nothing(
    client: TestClient, lang: str, says: str
) -> None:
    page = client.get(f"/tenders/{CANCELLED}?lang={lang}")
    assert page.status_code == 200
    main = page.text.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert says in main
    assert "Budget &lt;b&gt;cut&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in main
    assert "<script>alert" not in page.text and "<b>cut" not in page.text
    assert "webcal://" not in main and "<form" not in main and 'data-until="' not in main
    assert "gesloten" not in main and "has passed" not in main


def test_the_form_refuses_a_sign_up_for_the_cancelled_tender(client: TestClient) -> None:
    answer = client.post(
        f"/tenders/{CANCELLED}/signup",
        data={
            "csrf_token": csrf_token(client.get("/tenders/tn-open").text),
            "channel": "email",
            "address": "a@bureau.example",
            "offsets": ["P1D"],
            "language": "nl",
        },
    )
    assert answer.status_code == 422
    assert "deze aanbesteding is ingetrokken" in answer.text
    assert "<form" not in answer.text.split('<main id="main"', 1)[1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_index_lists_it_as_cancelled_by_the_buyer(client: TestClient, lang: str) -> None:
    page = client.get(f"/?lang={lang}")
    main = page.text.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    cancelled = "Ingetrokken aanbestedingen" if lang == "nl" else "Cancelled tenders"
    section = main.split(cancelled, 1)[1].split("</section>", 1)[0]
    assert f'href="/tenders/{CANCELLED}' in section
    assert "&lt;script&gt;" in section and "<script>" not in page.text
    before = main.split(cancelled, 1)[0]  # not among the open or the past tenders
    assert CANCELLED not in before and 'href="/tenders/tn-open' in before


def test_a_cancelled_tender_without_dates_is_closed_too() -> None:
    assert Tender(id="x", title="t", buyer="b", cancelled=True).is_closed(NOW)
    assert not Tender(id="x", title="t", buyer="b").is_closed(NOW)
