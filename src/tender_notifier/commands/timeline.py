"""``tender-notifier timeline``: the timeline as a supplier reads it, with what is left."""

from __future__ import annotations

import argparse
from datetime import datetime

from ..clock import utc_now
from ..controls import escape
from ..errors import NotifierError
from ..i18n import format_when, language, milestone_title, status_of
from ..settings import load_settings
from ..tender_file import load_directory
from ..timeline import Tender

_HEAD = {"nl": "Opdrachtgever", "en": "Buyer"}
_CANCELLED = {"nl": "Ingetrokken door de opdrachtgever", "en": "Cancelled by the buyer"}


def render(tender: Tender, now: datetime, lang: str) -> str:
    code = language(lang)
    ref = f" ({tender.platform} {tender.reference})" if tender.reference else ""
    # Escaped for the terminal: the loader refuses control characters, a tender from elsewhere
    # might still hold them.
    lines = [escape(f"{tender.title}{ref}"), escape(f"{_HEAD[code]}: {tender.buyer}"), ""]
    if tender.cancelled:
        lines.insert(2, escape(f"{_CANCELLED[code]}: {tender.change_reason or '-'}"))
    rows = [
        (format_when(m, code), escape(milestone_title(m, code)), status_of(m, tender, now, code))
        for m in tender.milestones
    ]
    width = max((len(r[0]) for r in rows), default=0)
    title_width = max((len(r[1]) for r in rows), default=0)
    for when, title, status in rows:
        lines.append(f"  {when:<{width}}  {title:<{title_width}}  {status}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    now = datetime.fromisoformat(args.at) if args.at else utc_now()
    if now.tzinfo is None:
        raise NotifierError("--at needs a time zone, e.g. 2026-07-10T09:00:00+02:00")
    result = load_directory(settings.tenders_dir)
    tenders = {t.id: t for t in result.tenders}
    if args.tender_id:
        if args.tender_id not in tenders:
            known = ", ".join(sorted(tenders)) or "none"
            raise NotifierError(f"unknown tender {args.tender_id!r} (known: {known})")
        chosen = [tenders[args.tender_id]]
    else:
        chosen = list(tenders.values())
    print("\n\n".join(render(t, now, args.lang) for t in chosen))
    return 0
