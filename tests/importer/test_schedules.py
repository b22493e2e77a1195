"""Schedules as notices and hiring requests lay them out: headings that name a step over the
rows of its lots, a column that is there for information only, invitations to a day."""

from __future__ import annotations

from datetime import date, datetime, time

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment, Span, When

from .corpus import ZONE


def at(day: str, clock: str) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), ZONE))


def span(day: str, start: str, end: str) -> Span:
    first = date.fromisoformat(day)
    return Span(
        datetime.combine(first, time.fromisoformat(start), ZONE),
        datetime.combine(first, time.fromisoformat(end), ZONE),
    )


def timeline(text: str) -> list[tuple[Kind, When]]:
    draft = extract(text, zone=ZONE)
    return [(m.kind, m.when) for m in draft.tender.milestones]


def test_a_long_heading_that_names_a_step_lends_it_to_the_rows_of_its_lots() -> None:
    assert timeline(
        "Planning\n"
        "Uiterste termijn inschrijving\n"
        "\tperceel 1 en 2\tdi 02-03-2027\t14:00\n"
        "Productdemonstratie en gebruikerstest (inschrijver presenteert; locatie Zwolle,"
        " Sophia Vakschool)\n"
        "\tperceel 1\two 17-03-2027\t09:00 - 16:00\n"
        "\tperceel 2\tdo 18-03-2027\t09:00 - 16:00\n"
        "\tperceel 3\two 24-03-2027\t09:00 - 13:00\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-02", "14:00")),
        (Kind.INTERVIEWS, span("2027-03-17", "09:00", "16:00")),
        (Kind.INTERVIEWS, span("2027-03-18", "09:00", "16:00")),
        (Kind.INTERVIEWS, span("2027-03-24", "09:00", "13:00")),
    ]


def test_a_column_given_for_information_leaves_the_new_dates_binding() -> None:
    assert timeline(
        "Nota van Inlichtingen 1\n"
        "Opdrachtgever: Waterschap Rijn en IJssel\n"
        "\n"
        'Paragraaf 2.3 wordt vervangen door onderstaande tabel. De kolom "Oorspronkelijk" is\n'
        "alleen ter informatie opgenomen.\n"
        "\n"
        "| Activiteit                         | Oorspronkelijk     | Gewijzigd          |\n"
        "|------------------------------------|--------------------|--------------------|\n"
        "| Uiterste datum vragen 2e ronde     | 17-02-2027 12:00   | 24-02-2027 12:00   |\n"
        "| Uiterste inschrijfdatum            | 04-03-2027 13:00   | 18-03-2027 13:00   |\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-02-24", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-18", "13:00")),
    ]


def test_an_invitation_to_an_online_interview_on_a_day_is_the_interview() -> None:
    assert timeline(
        "Titel\nOpdrachtgever: Gemeente X\n"
        "* De drie hoogst scorende kandidaten worden uitgenodigd voor een (online) gesprek op\n"
        "  dinsdag 9 februari 2027 tussen 13:00 en 17:00 uur.\n"
        "* Definitieve keuze en terugkoppeling aan alle leveranciers: uiterlijk dinsdag 16\n"
        "  februari 2027.\n"
    ) == [
        (Kind.INTERVIEWS, span("2027-02-09", "13:00", "17:00")),
        (Kind.AWARD, Day(date(2027, 2, 16))),
    ]
