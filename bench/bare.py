"""The bare client loops the burst benchmark compares the daemon with.

``bare.py smtp PORT COUNT CONNECTIONS MESSAGE.eml``: COUNT copies of one message over
CONNECTIONS reused aiosmtplib connections. ``bare.py http URL COUNT CONCURRENCY BODY.json``:
COUNT POSTs with one httpx client, CONCURRENCY at a time. Nothing else: no store, no composing.
"""

from __future__ import annotations

import asyncio
import sys
from email import message_from_bytes, policy
from pathlib import Path


async def smtp(port: int, count: int, connections: int, raw: bytes) -> None:
    import aiosmtplib

    message = message_from_bytes(raw, policy=policy.SMTP)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)

    async def worker() -> None:
        client = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
        await client.connect()
        while not queue.empty():
            i = queue.get_nowait()
            del message["To"]
            message["To"] = f"bare{i}@example.nl"
            await client.send_message(message)
        await client.quit()

    await asyncio.gather(*(worker() for _ in range(connections)))


async def http(url: str, count: int, concurrency: int, body: bytes) -> None:
    import httpx

    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)
    headers = {"content-type": "application/json"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as client:

        async def worker() -> None:
            while not queue.empty():
                queue.get_nowait()
                (await client.post(url, content=body, headers=headers)).raise_for_status()

        await asyncio.gather(*(worker() for _ in range(concurrency)))


if __name__ == "__main__":
    kind, where, count, width, payload = sys.argv[1:6]
    data = Path(payload).read_bytes()
    if kind == "smtp":
        asyncio.run(smtp(int(where), int(count), int(width), data))
    else:
        asyncio.run(http(where, int(count), int(width), data))
