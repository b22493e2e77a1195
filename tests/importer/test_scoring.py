"""How the corpus is scored: what counts as missed and invented, and why (``corpus.causes``)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment

from .corpus import ZONE, Fact, causes, facts

TEXT = """Inhuuraanvraag Adviseur Wonen
Opdrachtgever: Gemeente Delft
Vragen stellen kan tot maandag 1 maart 2027 12:00 uur.
Offertes uiterlijk dinsdag 9 maart 2027 om 10:00 uur.
Noteer 3 maart 2027 in uw agenda.
De opdracht begint op 1 april 2027.
"""


def _at(day: date, hour: int) -> Moment:
    return Moment(datetime(day.year, day.month, day.day, hour, tzinfo=ZONE))


def test_each_mistake_is_put_down_to_its_cause() -> None:
    draft = extract(TEXT, zone=ZONE)
    assert facts(draft.tender.milestones) == Counter(
        {
            (Kind.QUESTIONS_DEADLINE, _at(date(2027, 3, 1), 12)): 1,
            (Kind.SUBMISSION_DEADLINE, _at(date(2027, 3, 9), 10)): 1,
            (Kind.START, Day(date(2027, 4, 1))): 1,
        }
    )
    wanted: Counter[Fact] = Counter(
        {
            (Kind.QUESTIONS_DEADLINE, _at(date(2027, 3, 1), 12)): 1,  # found
            (Kind.SUBMISSION_DEADLINE, _at(date(2027, 3, 9), 12)): 1,  # found at 10:00
            (Kind.OTHER, Day(date(2027, 3, 3))): 1,  # its meaning is not read
            (Kind.END, Day(date(2027, 4, 1))): 1,  # found as the start
            (Kind.AWARD, Day(date(2027, 3, 20))): 1,  # not in the text
        }
    )
    missed_by, invented_by = causes(wanted, facts(draft.tender.milestones), draft, TEXT, ZONE)
    assert missed_by == Counter(
        {"another time": 1, "listed as unclear": 1, "another step": 1, "not read": 1}
    )
    assert invented_by == Counter({"another time": 1, "another step": 1})
