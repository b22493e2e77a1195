"""The List-Unsubscribe header, folded but never encoded.

Its own module because the standard library's header classes (``email.headerregistry``, with
``email.policy``: about 0.6 MiB) load with the first email composed, not when the daemon starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.headerregistry import BaseHeader, HeaderRegistry, UnstructuredHeader
from email.policy import Policy


class UrlListHeader(UnstructuredHeader, BaseHeader):
    """``<https://...>`` headers (List-Unsubscribe, RFC 2369): folded, never RFC 2047-encoded.

    The standard library folds an unstructured header it cannot break by encoding it as
    ``=?utf-8?q?=3Chttps...?=``, and mail providers then find no one-click URL (RFC 8058). URLs
    are ASCII, so the value goes out as it is: on the header's line when it fits, otherwise on a
    folded line of its own (RFC 5322 allows up to 998 characters; a URL is never broken).
    """

    def fold(self, *, policy: Policy) -> str:
        linesep = policy.linesep
        line = f"{self.name}: {self}"
        limit = policy.max_line_length or 998
        if len(line) <= limit:
            return line + linesep
        return f"{self.name}:{linesep} {self}{linesep}"


_url_headers = HeaderRegistry()
_url_headers.map_to_type("list-unsubscribe", UrlListHeader)


def url_list(urls: Sequence[str]) -> UrlListHeader:
    """A List-Unsubscribe header of ``urls``; ``ValueError`` for anything but a plain URL."""
    for url in urls:
        if not url.isascii() or any(c in url for c in "<>, \r\n\t"):
            raise ValueError(f"not a plain URL for a header: {url!r}")
    header = _url_headers("List-Unsubscribe", ", ".join(f"<{u}>" for u in urls))
    assert isinstance(header, UrlListHeader)
    return header
