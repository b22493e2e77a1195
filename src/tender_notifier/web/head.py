"""HEAD answered as GET without a body (RFC 9110 §9.3.2), on every route that answers GET.

FastAPI's routes answer only the methods they name, so a page declared for GET answered HEAD
with 405. This ASGI middleware runs a HEAD request as the GET it mirrors (same status, same
headers, ``Content-Length`` included) and sends none of the body.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # a part of the body: dropped
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
