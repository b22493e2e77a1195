"""HTTP validators (RFC 9110 §13): strong ETags from the bytes, Last-Modified from the revision."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def http_date(value: datetime) -> str:
    return format_datetime(value.astimezone(UTC).replace(microsecond=0), usegmt=True)


def not_modified(
    request: Request, etag: str, last_modified: datetime | None, now: datetime
) -> bool:
    """True when the client's copy is current. If-None-Match wins over If-Modified-Since.

    An If-Modified-Since later than ``now`` (the server's clock) is invalid and ignored
    (RFC 9110 §13.1.3): else a client, or a cache, holding a far-future date would never see
    a change again.
    """
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        candidates = [tag.strip() for tag in if_none_match.split(",")]
        # Weak comparison is what GET/HEAD use for If-None-Match.
        bare = etag.removeprefix("W/")
        return "*" in candidates or any(c.removeprefix("W/") == bare for c in candidates)
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since and last_modified is not None:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None or since > now:
            return False
        return last_modified.replace(microsecond=0) <= since
    return False


def calendar_response(
    request: Request,
    body: bytes,
    last_modified: datetime | None,
    filename: str,
    *,
    now: datetime,
    private: bool = False,
) -> Response:
    """A feed response with validators, 304 when the client is current, and HEAD support.

    ``private`` feeds (a secret URL) may be kept by the calendar client, never by a shared cache.
    """
    etag = strong_etag(body)
    headers = {
        "ETag": etag,
        "Cache-Control": f"{'private' if private else 'public'}, max-age=300",
        "Content-Disposition": f'inline; filename="{filename}"',
    }
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    if not_modified(request, etag, last_modified, now):
        return Response(status_code=304, headers=headers)
    if private:
        headers["Referrer-Policy"] = "no-referrer"
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(status_code=200, headers=headers, media_type="text/calendar; charset=utf-8")
    return Response(body, headers=headers, media_type="text/calendar; charset=utf-8")
