"""``tender-notifier subscriptions add|list|remove|import``: what ops add is active at once."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from .. import signup_registration
from ..clock import utc_now
from ..durations import format_duration
from ..errors import NotifierError
from ..logs import short_hash
from ..settings import Settings, load_settings
from ..signup_checks import Invalid, SignupRequest
from ..store import Store, open_store
from ..store.work_notifications import announce_plan
from ..subscription_types import Status
from ..tender_file import load_directory
from .output import row, say

CSV_HEADER = ["channel", "address", "tenders", "offsets", "language"]
IMPORT_HELP = """\
Import suppliers from a CSV file: every row is checked first, and a bad row is
reported with its line number and nothing is imported. Imported subscriptions
are active at once (no confirmation email).

The first line must be exactly this header, the columns in this order:

  channel,address,tenders,offsets,language

  channel   email or webhook
  address   the email address, or the webhook URL (https://...)
  tenders   tender ids separated by spaces; empty: every tender (*)
  offsets   ISO 8601 durations before each milestone, separated by spaces,
            e.g. "P7D P1D PT2H"; empty: reminders.default_offsets
  language  nl or en; empty: nl

Example:

  channel,address,tenders,offsets,language
  email,inkoop@bureau.example,,,nl
  webhook,https://hooks.bureau.example/tenders,flextender-30988,P1D PT2H,en
"""


def add_parser(commands: Any) -> None:
    p = commands.add_parser("subscriptions", help="manage subscriptions (ops)")
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True

    a = sub.add_parser("add", help="add an active subscription")
    a.add_argument("channel", choices=["email", "webhook"])
    a.add_argument("address", help="email address or webhook URL")
    a.add_argument("--tenders", nargs="+", default=["*"])
    a.add_argument("--offsets", nargs="+", default=None, help="ISO 8601 durations, e.g. P1D PT2H")
    a.add_argument("--kinds", nargs="+", default=None)
    a.add_argument("--language", choices=["nl", "en"], default="nl")
    a.set_defaults(handler=add)

    ls = sub.add_parser("list", help="list subscriptions (addresses shown as short hashes)")
    ls.add_argument("--status", choices=[s.value for s in Status])
    ls.add_argument("--show-targets", action="store_true", help="show addresses in clear")
    ls.set_defaults(handler=list_)

    rm = sub.add_parser("remove", help="delete a subscription and everything about it")
    rm.add_argument("id")
    rm.set_defaults(handler=remove)

    im = sub.add_parser(
        "import",
        help="import suppliers from a CSV file (all or nothing)",
        description=IMPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    im.add_argument("file", type=Path, help="the CSV file (UTF-8, comma-separated)")
    im.set_defaults(handler=import_csv)


def _context(args: argparse.Namespace) -> tuple[Settings, Store, list[str]]:
    settings = load_settings(args.config)
    store = open_store(settings)
    tenders = [t.id for t in load_directory(settings.tenders_dir).tenders]
    return settings, store, tenders


def _check(settings: Settings, tenders: list[str], data: dict[str, Any]) -> SignupRequest:
    return signup_registration.check(settings, tenders, data)


def _create(store: Store, req: SignupRequest, *, quiet: bool = False) -> str:
    created = signup_registration.register(store, req, utc_now(), status=Status.ACTIVE, quiet=quiet)
    return created.subscription.id


def add(args: argparse.Namespace) -> int:
    settings, store, tenders = _context(args)
    key = "address" if args.channel == "email" else "url"
    data: dict[str, Any] = {
        "channel": args.channel,
        key: args.address,
        "tenders": args.tenders,
        "language": args.language,
    }
    if args.offsets:
        data["offsets"] = args.offsets
    if args.kinds:
        data["kinds"] = args.kinds
    try:
        req = _check(settings, tenders, data)
    except Invalid as exc:
        raise NotifierError(f"cannot add the subscription: {exc}") from None
    sub_id = _create(store, req)
    sub = store.subscriptions.get(sub_id)
    print(sub_id)
    if sub and sub.secret:
        print(f"signing secret: {sub.secret}", file=sys.stderr)
    return 0


def list_(args: argparse.Namespace) -> int:
    _, store, _ = _context(args)
    status = Status(args.status) if args.status else None
    subs = store.subscriptions.list(status)
    if not subs:
        print(f"no subscriptions with status {status.value}" if status else "no subscriptions")
        return 0
    print("id\tchannel\tstatus\ttarget\ttenders\toffsets\tlanguage")
    for sub in subs:
        target = sub.target if args.show_targets else short_hash(sub.target)
        offsets = " ".join(format_duration(o) for o in sub.offsets)
        print(
            row(
                sub.id,
                sub.channel.value,
                sub.status.value,
                target,
                " ".join(sub.tenders),
                offsets,
                sub.language,
            )
        )
    return 0


def remove(args: argparse.Namespace) -> int:
    _, store, _ = _context(args)
    if not store.subscriptions.delete(args.id):
        raise NotifierError(f"no subscription {args.id!r}")
    print(f"removed {args.id}")
    return 0


def import_csv(args: argparse.Namespace) -> int:
    """Check every row first; a bad row is reported with its line and nothing is imported."""
    settings, store, tenders = _context(args)
    try:
        handle = args.file.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise NotifierError(f"cannot read {args.file}: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != CSV_HEADER:
            raise NotifierError(
                f"{args.file}:1: the header must be {','.join(CSV_HEADER)}, "
                f"got {','.join(reader.fieldnames or [])}"
            )
        requests: list[SignupRequest] = []
        problems: list[str] = []
        for row in reader:
            line = reader.line_num
            channel = (row.get("channel") or "").strip()
            data: dict[str, Any] = {
                "channel": channel,
                "address" if channel != "webhook" else "url": (row.get("address") or "").strip(),
                "language": (row.get("language") or "").strip() or "nl",
            }
            if (row.get("tenders") or "").strip():
                data["tenders"] = row["tenders"].split()
            if (row.get("offsets") or "").strip():
                data["offsets"] = row["offsets"].split()
            try:
                requests.append(_check(settings, tenders, data))
            except Invalid as exc:
                problems.extend(f"{args.file}:{line}: {k}: {v}" for k, v in exc.errors.items())
    if problems:
        print("nothing imported:", file=sys.stderr)
        for problem in problems:
            say(f"  {problem}", file=sys.stderr)
        return 1
    for req in requests:
        _create(store, req, quiet=True)
    announce_plan(store.engine)  # one word to the running daemons, not one per row
    print(f"imported {len(requests)} subscription(s)")
    return 0
