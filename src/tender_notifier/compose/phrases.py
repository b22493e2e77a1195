"""The words shared by emails and webhook events: subjects, time left, the tender's label."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from .. import i18n
from ..i18n import Language
from ..timeline import Day, Milestone, Tender

DASH = "\u2013"  # an en dash between milestone and tender, as Dutch typography has it

SUBJECTS = {
    "confirm": {"nl": "Bevestig uw aanmelding", "en": "Confirm your sign-up"},
    "changed": {"nl": "Planning gewijzigd", "en": "Timeline changed"},
    "cancelled": {"nl": "Aanbesteding ingetrokken", "en": "Tender cancelled"},
    "disabled": {"nl": "Uw webhook is uitgeschakeld", "en": "Your webhook has been disabled"},
    "owner": {"nl": "Bevestig uw contactadres", "en": "Confirm your contact address"},
}


def time_left(milestone: Milestone, tender: Tender, now: datetime, day_hour: int) -> timedelta:
    return milestone.begins(tender.timezone, time(day_hour)) - now


# Whole days (answers published, invitations, a start date) are counted in calendar days.
_DAYS = {
    "today": {"nl": "vandaag", "en": "today"},
    "tomorrow": {"nl": "morgen", "en": "tomorrow"},
    "in_days": {"nl": "over {} dagen", "en": "in {} days"},
}


def rounded(delta: timedelta) -> timedelta:
    """Time left as every message says it: to the nearest hour from two days out, otherwise to
    the nearest minute. A reminder sent a few seconds late still says '1 dag', not '23 uur en
    59 minuten'."""
    unit = timedelta(hours=1) if delta >= timedelta(days=2) else timedelta(minutes=1)
    return unit * round(delta / unit)


def left_phrase(
    *, tender: Tender, milestone: Milestone, now: datetime, language: Language, day_hour: int = 9
) -> str:
    """How far off the milestone is, in the one phrase the subject and the body both use:
    'nog 1 dag, 3 uur en 20 minuten' / '1 day, 3 hours and 20 minutes left', 'nu bezig',
    'voorbij'; for a whole day 'vandaag', 'morgen', 'over 3 dagen'."""
    zone = tender.timezone
    if isinstance(milestone.when, Day):
        days = (milestone.when.day - now.astimezone(zone).date()).days
        if days == 0:
            return _DAYS["today"][language]
        if days == 1:
            return _DAYS["tomorrow"][language]
        if days > 1:
            return _DAYS["in_days"][language].format(days)
        return i18n.word("past", language)
    left = time_left(milestone, tender, now, day_hour)
    if left <= timedelta(0):
        over = milestone.ends(zone) <= now
        return i18n.word("past" if over else "now", language)
    # Under half a minute rounds to nothing: format_left says "minder dan een minuut".
    return i18n.word("left", language).format(i18n.format_left(rounded(left), language))


def tender_label(tender: Tender) -> str:
    return f"{tender.title} ({tender.reference})" if tender.reference else tender.title


def reminder_subject(
    *, tender: Tender, milestone: Milestone, now: datetime, language: Language, day_hour: int = 9
) -> str:
    """'Nog 1 dag: Uiterste inschrijfdatum - Administratief Medewerker (30988)' (an en dash)."""
    left = left_phrase(
        tender=tender, milestone=milestone, now=now, language=language, day_hour=day_hour
    )
    title = i18n.milestone_title(milestone, language)
    return f"{left[:1].upper()}{left[1:]}: {title} {DASH} {tender_label(tender)}"
