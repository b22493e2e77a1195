"""Days the buyer or the country is away: public holidays and offices closed over a period are
named in announcements next to their dates, and are no steps of the procedure."""

from __future__ import annotations

from datetime import date, datetime

from tender_notifier.timeline import Day, Kind, Moment

from .corpus import ZONE
from .reading import span, timeline


def test_a_holiday_named_in_brackets_after_the_days_of_a_step_is_no_day_of_it() -> None:
    assert timeline(
        "De gesprekken vinden plaats op dinsdag 18 mei 2027 van 09:30 tot 12:00 uur en op\n"
        "woensdag 19 mei 2027 van 13:00 tot 15:30 uur (maandag 17 mei is het Tweede\n"
        "Pinksterdag).\n"
    ) == [
        (Kind.INTERVIEWS, span("2027-05-18", "09:30", "12:00")),
        (Kind.INTERVIEWS, span("2027-05-19", "13:00", "15:30")),
    ]


def test_a_holiday_named_before_or_after_its_date_is_no_step() -> None:
    assert timeline(
        "Sluiting inschrijving: dinsdag 4 mei 2027 om 10:00 uur.\n"
        "Let op: Koningsdag (dinsdag 27 april 2027) valt in de inschrijvingstermijn.\n"
        "Interviews: please note that Monday 31 May 2027 is the spring bank holiday.\n"
    ) == [(Kind.SUBMISSION_DEADLINE, Moment(datetime(2027, 5, 4, 10, 0, tzinfo=ZONE)))]


def test_the_days_an_office_is_closed_are_no_start_and_no_end() -> None:
    assert timeline(
        "Wij zoeken per 4 januari 2027 een interim teamleider voor het team Front Office.\n"
        "\n"
        "Reageren uiterlijk vrijdag 11 december 2026 om 12:00 uur. Gesprekken op woensdag\n"
        "16 december 2026 op het Stadskantoor. Tussen 24 december en 1 januari is de afdeling\n"
        "gesloten; aanbiedingen die in die periode binnenkomen worden niet behandeld.\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, Moment(datetime(2026, 12, 11, 12, 0, tzinfo=ZONE))),
        (Kind.INTERVIEWS, Day(date(2026, 12, 16))),
        (Kind.START, Day(date(2027, 1, 4))),
    ]


def test_an_office_closed_between_two_days_written_before_the_word_is_no_start() -> None:
    assert timeline(
        "Start opdracht: maandag 4 januari 2027.\n"
        "- De gemeente is tussen 2026-12-24 en 2027-01-01 gesloten; eventuele contractstukken\n"
        "  worden daarna verstuurd.\n"
    ) == [(Kind.START, Day(date(2027, 1, 4)))]


def test_the_start_of_a_school_year_is_not_the_start_of_the_work() -> None:
    assert timeline(
        "Start werken: 05/07/2027 (aanvang schoolvakantie)\n"
        "Oplevering: uiterlijk 27/08/2027, vóór de start van het schooljaar op 1 september 2027.\n"
    ) == [(Kind.START, Day(date(2027, 7, 5))), (Kind.END, Day(date(2027, 8, 27)))]
