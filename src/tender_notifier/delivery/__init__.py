"""Delivery adapters: how a composed message leaves the daemon.

    email.py    SMTP (one shared connection) and the ``email_transport`` factory
    outbox.py   .eml files in a folder, when no SMTP server is configured
    webhook.py  signed HTTP POSTs (Standard Webhooks); ``TargetGone`` for 410
    ssrf.py     webhook targets must be public: URL and address checks
    guarded.py  the webhook connection pool, on a network backend that checks every address
                (with httpx and httpcore: loaded with the first webhook sent)
    asyncio_backend.py  that backend's connections, on asyncio's own transports
    retry.py    when to try a failed delivery again (the one retry policy)

Every failure is a ``DeliveryError`` whose ``permanent`` says whether trying again can help
(or an ``UnsafeTargetError`` for a webhook target that is not a public address).
"""
