"""``tender-notifier deliveries list|retry``: the delivery ledger, for ops."""

from __future__ import annotations

import argparse
from typing import Any

from ..clock import utc_now
from ..errors import NotifierError
from ..settings import load_settings
from ..store import Store, open_store
from ..store.ledger import STATUSES
from .output import row


def add_parser(commands: Any) -> None:
    p = commands.add_parser("deliveries", help="inspect and retry deliveries (ops)")
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    ls = sub.add_parser("list", help="list deliveries")
    ls.add_argument("--status", choices=STATUSES)
    ls.add_argument("--limit", type=int, default=100)
    ls.set_defaults(handler=list_)
    rt = sub.add_parser("retry", help="send a dead or failed delivery again, now")
    rt.add_argument("id", type=int)
    rt.set_defaults(handler=retry)


def _store(args: argparse.Namespace) -> Store:
    return open_store(load_settings(args.config))


def list_(args: argparse.Namespace) -> int:
    store = _store(args)
    rows = store.ledger.list(args.status, limit=args.limit)
    if not rows:
        print(f"no deliveries with status {args.status}" if args.status else "no deliveries")
        return 0
    print("id\tkind\tstatus\tattempts\tdue\ttender\tmilestone\tsubscription\tlast_error")
    for d in rows:
        due = d.due_at.isoformat(timespec="seconds")
        error = (d.last_error or "").replace("\n", " ")[:120]
        print(
            row(
                d.id,
                d.kind,
                d.status,
                d.attempts,
                due,
                d.tender_id or "-",
                d.milestone_id or "-",
                d.subscription_id,
                error,
            )
        )
    return 0


def retry(args: argparse.Namespace) -> int:
    store = _store(args)
    if not store.ledger.retry(args.id, utc_now()):
        raise NotifierError(f"delivery {args.id} does not exist or is not dead or failed")
    print(f"delivery {args.id} will be sent again by the running daemon")
    return 0
