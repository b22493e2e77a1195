"""Feeds over HTTP: content type, validators, 304s, HEAD, and what all.ics leaves out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.app import App, make_app
from tests.support.daemon import tender_toml

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
FEED = "/feeds/flextender-30988.ics"


@pytest.fixture
def app(tmp_path: Path) -> App:
    return make_app(tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW)


def test_feed_is_served_as_utf8_calendar_with_validators(app: App) -> None:
    response = app.client.get(FEED)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["etag"].startswith('"')  # strong
    assert response.headers["last-modified"] == "Mon, 01 Jun 2026 12:00:00 GMT"
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")


def test_if_none_match_gives_304(app: App) -> None:
    etag = app.client.get(FEED).headers["etag"]
    response = app.client.get(FEED, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag


def test_if_modified_since_gives_304_when_nothing_changed_since(app: App) -> None:
    modified = app.client.get(FEED).headers["last-modified"]
    assert app.client.get(FEED, headers={"If-Modified-Since": modified}).status_code == 304
    earlier = "Sun, 31 May 2026 12:00:00 GMT"
    assert app.client.get(FEED, headers={"If-Modified-Since": earlier}).status_code == 200


@pytest.mark.parametrize(
    "future",
    [
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Mon, 01 Jun 2026 12:00:01 GMT",
        "Tue, 02 Jun 2026 00:00:00 GMT",
    ],
)
def test_an_if_modified_since_later_than_the_clock_is_ignored(app: App, future: str) -> None:
    """RFC 9110 13.1.3: a date later than the server's current time is invalid."""
    for path in (FEED, "/feeds/all.ics"):
        response = app.client.get(path, headers={"If-Modified-Since": future})
        assert response.status_code == 200 and response.content.startswith(b"BEGIN:VCALENDAR")
    # The same date is valid once the clock has passed it (it then means "nothing changed").
    app.clock.now = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert app.client.get(FEED, headers={"If-Modified-Since": future}).status_code == 304


def test_if_none_match_wins_over_if_modified_since(app: App) -> None:
    modified = app.client.get(FEED).headers["last-modified"]
    response = app.client.get(
        FEED, headers={"If-None-Match": '"something-else"', "If-Modified-Since": modified}
    )
    assert response.status_code == 200


def test_validators_stay_put_as_time_passes(app: App) -> None:
    first = app.client.get(FEED)
    app.clock.now = NOW + timedelta(days=2)
    second = app.client.get(FEED)
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]


def test_head_answers_headers_without_a_body(app: App) -> None:
    get = app.client.get(FEED)
    head = app.client.head(FEED)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-length"] == str(len(get.content))


def test_unknown_tender_is_404(app: App) -> None:
    assert app.client.get("/feeds/nope.ics").status_code == 404


def test_english_on_request(app: App) -> None:
    assert b"SUMMARY:Submission deadline" in app.client.get(FEED + "?lang=en").content


def test_all_ics_leaves_out_tenders_long_past(app: App) -> None:
    soon = NOW + timedelta(days=10)
    (app.tenders_dir / "future.toml").write_text(
        tender_toml("future", [("offers", "submission_deadline", soon)])
    )
    app.ctx.timelines.reload()
    app.clock.now = datetime(2026, 8, 20, tzinfo=UTC)  # the seed ended 4 Aug: within 30 days
    text = app.client.get("/feeds/all.ics").text
    assert "flextender-30988" in text
    app.clock.now = datetime(2026, 9, 10, tzinfo=UTC)  # more than 30 days after 4 Aug
    text = app.client.get("/feeds/all.ics").text
    assert "flextender-30988" not in text


def test_healthz(app: App) -> None:
    assert app.client.get("/healthz").json() == {"status": "ok"}
