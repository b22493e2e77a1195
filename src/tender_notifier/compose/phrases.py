"""The words shared by emails and webhook events: subjects, time left, the tender's label."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from .. import i18n
from ..i18n import Language
from ..timeline import Milestone, Tender

DASH = "\u2013"  # an en dash between milestone and tender, as Dutch typography has it

SUBJECTS = {
    "confirm": {"nl": "Bevestig uw aanmelding", "en": "Confirm your sign-up"},
    "changed": {"nl": "Planning gewijzigd", "en": "Timeline changed"},
    "disabled": {"nl": "Uw webhook is uitgeschakeld", "en": "Your webhook has been disabled"},
}


def time_left(milestone: Milestone, tender: Tender, now: datetime, day_hour: int) -> timedelta:
    return milestone.begins(tender.timezone, time(day_hour)) - now


def _rounded(delta: timedelta) -> timedelta:
    """Time left rounded for a subject: a reminder sent a few seconds late still says '1 dag'."""
    unit = timedelta(days=1) if delta >= timedelta(days=2) else timedelta(hours=1)
    if delta < timedelta(hours=1):
        unit = timedelta(minutes=1)
    return unit * round(delta / unit)


def _left_phrase(
    delta: timedelta, lang: Language, milestone: Milestone, tender: Tender, now: datetime
) -> str:
    """'Nog 1 dag' / '1 day left', or 'Nu bezig' once the milestone has begun."""
    if delta <= timedelta(0):
        over = milestone.ends(tender.timezone) <= now
        phrase = i18n.word("past" if over else "now", lang)
    else:
        phrase = i18n.word("left", lang).format(i18n.format_left(_rounded(delta), lang))
    return phrase[:1].upper() + phrase[1:]


def tender_label(tender: Tender) -> str:
    return f"{tender.title} ({tender.reference})" if tender.reference else tender.title


def reminder_subject(
    *, tender: Tender, milestone: Milestone, now: datetime, language: Language, day_hour: int = 9
) -> str:
    """'Nog 1 dag: Uiterste inschrijfdatum - Administratief Medewerker (30988)' (an en dash)."""
    left = _left_phrase(
        time_left(milestone, tender, now, day_hour), language, milestone, tender, now
    )
    title = i18n.milestone_title(milestone, language)
    return f"{left}: {title} {DASH} {tender_label(tender)}"
