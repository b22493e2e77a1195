"""Receivers for the burst benchmark, each its own process: ``sinks.py smtp|http PORT [SAMPLE]``.

Each prints ``ready`` once listening, then one line per message received: the arrival time
(``time.time()``) and the message's id (the ``webhook-id`` header, or the email's recipient), so
a repeat can be told from a new message. They accept everything and do nothing else, so what is
measured is the sender.
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

SAMPLE: str | None = None  # where the first message received is kept, for the bare loop


def _arrived(content: bytes, ident: str) -> None:
    global SAMPLE
    if SAMPLE is not None:
        with open(SAMPLE, "wb") as handle:
            handle.write(content)
        SAMPLE = None
    sys.stdout.write(f"{time.time():.6f} {ident or '-'}\n")
    sys.stdout.flush()


async def smtp(port: int) -> None:
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            _arrived(envelope.original_content or envelope.content, ",".join(envelope.rcpt_tos))
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    await asyncio.Event().wait()


async def http(port: int) -> None:
    import uvicorn

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        headers = dict(scope["headers"])
        _arrived(body, headers.get(b"webhook-id", b"").decode("latin-1"))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.05)
    print("ready", flush=True)
    await task


if __name__ == "__main__":
    kind, port = sys.argv[1], int(sys.argv[2])
    SAMPLE = sys.argv[3] if len(sys.argv) > 3 else None
    asyncio.run(smtp(port) if kind == "smtp" else http(port))
