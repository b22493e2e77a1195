"""``plan`` (what will be sent, sending nothing) and ``simulate`` (the real pipeline on a
virtual clock, into an outbox)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..clock import utc_now
from ..durations import format_duration
from ..errors import NotifierError
from ..i18n import format_moment
from ..planner import reminders_for, wake_times
from ..settings import Settings, load_settings
from ..store import Store, open_store
from ..subscription_types import Channel, Status
from ..tender_file import load_directory
from ..timeline import Tender
from .output import row


def add_parsers(commands: Any) -> None:
    p = commands.add_parser("plan", help="list the reminders to come, without sending anything")
    p.add_argument("--at", help="plan as seen at this ISO date-time (default: now)")
    p.add_argument("--until", help="up to this ISO date-time (default: everything)")
    p.set_defaults(handler=plan)

    s = commands.add_parser(
        "simulate", help="run the real pipeline on a virtual clock, writing to an outbox"
    )
    s.add_argument("--from", dest="start", required=True, help="ISO date-time to start at")
    s.add_argument("--until", required=True, help="ISO date-time to stop at")
    s.add_argument("--outbox", type=Path, help="folder for the messages (default: a new one)")
    s.set_defaults(handler=simulate)


def _moment(text: str | None, default: datetime | None = None) -> datetime | None:
    if text is None:
        return default
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise NotifierError(f"{text!r} is not an ISO date-time: {exc}") from None
    if value.tzinfo is None:
        raise NotifierError(f"{text!r} needs a time zone, e.g. 2026-07-01T00:00:00+02:00")
    return value


def plan(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    at = _moment(args.at, utc_now())
    until = _moment(args.until)
    assert at is not None
    store = open_store(settings)
    tenders = load_directory(settings.tenders_dir).tenders
    subscriptions = store.subscriptions.active()
    every = [
        (tender, r, sub.channel)
        for tender in tenders
        for sub in subscriptions
        for r in reminders_for(
            tender,
            sub,
            day_hour=settings.reminders.day_hour,
            weekend_to_friday=settings.reminders.weekend_to_friday,
        )
    ]
    planned = [p for p in every if p[1].due > at and (until is None or p[1].due <= until)]
    done = store.ledger.existing_keys([r.key for _, r, _ in planned])
    counts: Counter[tuple[datetime, str, str, timedelta, Channel]] = Counter()
    zones = {}
    for tender, r, channel in planned:
        if r.key not in done:
            counts[(r.due, tender.id, r.milestone_id, r.offset, channel)] += 1
            zones[tender.id] = tender.timezone
    if not counts:
        why = _why_nothing(tenders, bool(subscriptions), [r.due for _, r, _ in every], at, until)
        print(f"nothing planned: {why}")
        return 0
    print("due\ttender\tmilestone\toffset\tchannel\tsubscribers")
    for (due, tender_id, milestone_id, offset, channel), n in sorted(counts.items()):
        local = due.astimezone(zones[tender_id]).isoformat(timespec="seconds")
        print(row(local, tender_id, milestone_id, format_duration(offset), channel.value, n))
    return 0


def _why_nothing(
    tenders: Sequence[Tender],
    has_subscribers: bool,
    dues: list[datetime],
    at: datetime,
    until: datetime | None,
) -> str:
    """Why ``plan`` found nothing to send, in the order an operator would look."""
    if not tenders:
        return "there are no tender files"
    reasons = []
    if not has_subscribers:
        reasons.append("there are no active subscriptions")
    if not any(t.upcoming(at) for t in tenders):
        reasons.append(f"every milestone date is past (as of {at.isoformat(timespec='seconds')})")
    if reasons:
        return "; ".join(reasons)
    if not any(due > at for due in dues):
        return (
            "no active subscription wants a reminder still to come "
            "(their tenders, kinds and offsets, or dates before they signed up)"
        )
    if until is not None and not any(at < due <= until for due in dues):
        return f"nothing falls due before {until.isoformat(timespec='seconds')}"
    return "every coming reminder is already in the ledger (sent or queued)"


@dataclass
class _VirtualClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


class _RecordingWebhooks:
    """Webhook 'transport' for simulations: writes each event as a JSON file, calls no one."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    async def send(
        self,
        *,
        url: str,
        secret: str,
        webhook_id: str,
        event: dict[str, Any] | bytes,
        now: datetime,
    ) -> None:
        # a reminder event comes serialised already (one body per fan-out, filled in)
        data = json.loads(event) if isinstance(event, bytes) else event
        (self.directory / f"{webhook_id}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2)
        )

    def warm_up(self) -> None:
        return None

    async def aclose(self) -> None:
        return None


def simulate(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    start, until = _moment(args.start), _moment(args.until)
    assert start is not None and until is not None
    if until <= start:
        raise NotifierError("--until must lie after --from")
    outbox = args.outbox or Path(tempfile.mkdtemp(prefix="tender-notifier-simulation-"))
    return asyncio.run(_simulate(settings, start, until, outbox))


async def _simulate(settings: Settings, start: datetime, until: datetime, outbox: Path) -> int:
    from ..delivery.outbox import OutboxTransport
    from ..engine import Engine
    from ..metrics import Metrics
    from ..sending import Sender
    from ..timelines import Timelines

    outbox.mkdir(parents=True, exist_ok=True)
    clock = _VirtualClock(start)
    sim_store = Store.open(f"sqlite:///{outbox / 'simulation.db'}")
    real = open_store(settings).subscriptions.active()
    if real:
        for sub in real:
            sim_store.subscriptions.create(
                channel=sub.channel,
                target=sub.target,
                tenders=sub.tenders,
                offsets=sub.offsets,
                language_code=sub.language,
                kinds=sub.kinds,
                now=start,
                status=Status.ACTIVE,
                secret=sub.secret,
            )
    else:  # no subscribers yet: one of each kind, with the default offsets
        for channel, target, lang in (
            (Channel.EMAIL, "leverancier@example.nl", "nl"),
            (Channel.EMAIL, "supplier@example.com", "en"),
            (Channel.WEBHOOK, "https://hooks.example.com/tenders", "nl"),
        ):
            sim_store.subscriptions.create(
                channel=channel,
                target=target,
                tenders=["*"],
                offsets=settings.reminders.default_offsets,
                language_code=lang,
                now=start,
                status=Status.ACTIVE,
                secret="whsec_c2ltdWxhdGlvbg==",
            )
    timelines = Timelines(settings.tenders_dir, sim_store, clock)
    timelines.reload()
    sender = Sender(
        settings,
        sim_store,
        timelines,
        clock,
        email=OutboxTransport(outbox / "emails"),
        webhook=_RecordingWebhooks(outbox / "webhooks"),  # type: ignore[arg-type]
    )
    engine = Engine(settings, sim_store, timelines, Metrics(), clock, sender)
    offsets = {o for s in sim_store.subscriptions.active() for o in s.offsets}
    moments = [
        start,
        *wake_times(
            timelines.tenders(),
            offsets,
            day_hour=settings.reminders.day_hour,
            after=start,
            weekend_to_friday=settings.reminders.weekend_to_friday,
        ),
    ]
    for moment in [m for m in moments if m <= until]:
        clock.now = moment
        await engine.run_until_idle()
    await sender.close()
    sent = sim_store.ledger.list("sent", limit=100_000)
    subs = {s.id: s for s in sim_store.subscriptions.list()}
    for d in sorted(sent, key=lambda d: (d.sent_at or d.due_at, d.id)):
        sub = subs[d.subscription_id]
        when = format_moment((d.sent_at or d.due_at).astimezone(settings_zone(timelines)), "nl")
        offset = format_duration(timedelta(seconds=d.offset_seconds or 0))
        print(row(when, sub.channel.value, sub.language, d.tender_id, d.milestone_id, offset))
    skipped = len(sim_store.ledger.list("skipped", limit=100_000))
    # Failed (to be tried again) and dead (given up): said on stderr, with what went wrong.
    unsent = [
        d for status in ("failed", "dead") for d in sim_store.ledger.list(status, limit=100_000)
    ]
    for d in sorted(unsent, key=lambda d: (d.due_at, d.id)):
        sub = subs[d.subscription_id]
        when = format_moment(d.due_at.astimezone(settings_zone(timelines)), "nl")
        reason = f"not sent ({d.status}): {d.last_error or 'no error recorded'}"
        offset = format_duration(timedelta(seconds=d.offset_seconds or 0))
        line = row(when, sub.channel.value, sub.language, d.tender_id, d.milestone_id, offset)
        print(f"{line}\t{reason}", file=sys.stderr)
    print(
        f"{len(sent)} message(s) sent, {skipped} skipped, {len(unsent)} not sent; "
        f"written to {outbox}"
    )
    sim_store.close()
    return 1 if unsent else 0


def settings_zone(timelines: Any) -> Any:
    tenders = timelines.tenders()
    from zoneinfo import ZoneInfo

    return tenders[0].timezone if tenders else ZoneInfo("Europe/Amsterdam")
