"""What a thread of mails, the lots of a tender and a list of slots say of their dates: the old
date "(eerder gemeld: ...)" or "rather than on ..." of a moved step, a newer mail that moves the
date of one lot and not the others', a mailbox's name that names no step, the reason a date moves
("Following clarification requests ..."), a correction that heads the sentence it corrects; the
time slots listed under the day of a site visit, the hours of an event and not the time to arrive
by; an evaluation period, a row given for information, a council that decides nothing of the
procedure; the final tenders of a negotiation after the negotiations, and the day "wij bekend
maken welke partijen mogen inschrijven"."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline


def test_the_date_a_moved_deadline_was_first_given_is_old() -> None:
    text = (
        "- Indienen offerte: woensdag 13 januari 2027, 11.00 uur (eerder gemeld: woensdag "
        "6 januari 2027, 11.00 uur)\n"
        "- Submission of offers: Wednesday 13 January 2027, 11:00 (previously announced: "
        "Wednesday 6 January 2027, 11:00)\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-13", "11:00"))]


def test_a_step_now_held_on_another_day_rather_than_on_its_old_one() -> None:
    text = (
        "* Bidder interviews will now take place on 2 March 2027 rather than on 23 February "
        "2027.\n"
        "* The award decision is accordingly expected on 23 March 2027 rather than on 16 March.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, Day(date(2027, 3, 2))),
        (Kind.AWARD, Day(date(2027, 3, 23))),
    ]


def test_a_newer_mail_that_moves_one_lots_deadline_keeps_the_other_lots_date() -> None:
    text = (
        "Van: Inkoop\nVerzonden: woensdag 2 december 2026 09:15\nOnderwerp: WIJZIGING\n\n"
        "De sluitingstermijn voor perceel 3 wordt verschoven naar maandag 18 januari 2027, "
        "10.00 uur. Voor perceel 1 en 2 verandert de sluitingstermijn niet.\n\n"
        "-----Oorspronkelijk bericht-----\n"
        "Van: Inkoop\nVerzonden: maandag 30 november 2026 16:42\nOnderwerp: Uitnodiging\n\n"
        "Planning:\n"
        "- Vragen stellen: uiterlijk maandag 14 december 2026, 12.00 uur\n"
        "- Sluiting inschrijving: maandag 11 januari 2027, 10.00 uur\n"
    )
    assert sorted(timeline(text), key=str) == sorted(
        [
            (Kind.QUESTIONS_DEADLINE, at("2026-12-14", "12:00")),
            (Kind.SUBMISSION_DEADLINE, at("2027-01-11", "10:00")),
            (Kind.SUBMISSION_DEADLINE, at("2027-01-18", "10:00")),
        ],
        key=str,
    )


def test_a_mail_address_in_a_header_names_no_step() -> None:
    text = (
        "Van: Inkoop Gemeente Deventer <inkoop@deventer.nl>\n"
        "Aan: offertes@schoonbedrijf-ijsselland.nl\n"
        "Datum: donderdag 3 december 2026 16:42\n"
        "Onderwerp: aangepaste planning\n\n"
        "De nota van inlichtingen verschijnt op dinsdag 22 december 2026.\n"
    )
    assert timeline(text) == [(Kind.ANSWERS_PUBLISHED, Day(date(2026, 12, 22)))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Following a number of clarification requests we have extended the tender return "
            "date to 12 noon on Friday 29th January 2027.",
            [(Kind.SUBMISSION_DEADLINE, at("2027-01-29", "12:00"))],
        ),
        (
            "Naar aanleiding van vragen van meerdere partijen verschuiven we de sluitingsdatum "
            "naar donderdag 21 januari 2027.",
            [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 21)))],
        ),
    ],
)
def test_the_questions_that_made_a_deadline_move_are_not_the_step(
    sentence: str, expected: list[object]
) -> None:
    assert timeline(sentence + "\n") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Rectificatie: de sluitingsdatum is dinsdag 12 januari 2027.",
        "Hi Priya, quick correction to yesterday's mail: quotes are due Tuesday 12 January 2027.",
    ],
)
def test_a_correction_that_heads_its_sentence_leaves_the_step_it_dates(sentence: str) -> None:
    assert timeline(sentence + "\n") == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 12)))]


def test_the_day_of_a_correction_is_no_step() -> None:
    assert timeline("Rectificatie 2 van 3 december 2026\n") == []


def test_each_slot_listed_under_the_day_of_a_site_visit_is_a_visit() -> None:
    text = (
        "Op dinsdag 5 januari 2027 vindt de schouw plaats. Per perceel is er een eigen tijdvak:\n"
        "- Perceel 1: 08.30 - 10.00 uur, start bij het stadskantoor\n"
        "- Perceel 2: 10.30 - 12.00 uur, start bij dorpshuis De Hoeksteen\n"
        "- Perceel 3: 13.00 - 14.30 uur, start bij het sportpark\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2027-01-05", "08:30", "10:00")),
        (Kind.OTHER, span("2027-01-05", "10:30", "12:00")),
        (Kind.OTHER, span("2027-01-05", "13:00", "14:30")),
    ]


@pytest.mark.parametrize(
    "hours",
    ["Time: 14:00-15:30, please arrive by 13:40", "Tijd: 14.00 - 15.30 uur, inloop vanaf 13.45"],
)
def test_the_hours_of_an_event_not_the_time_to_arrive_by(hours: str) -> None:
    text = f"Site visit\nDate: Tuesday 15 December 2026\n{hours}\n"
    assert timeline(text) == [(Kind.OTHER, span("2026-12-15", "14:00", "15:30"))]


@pytest.mark.parametrize(
    "row",
    [
        "| Beoordeling verzoeken tot deelneming | 11-01 t/m 22-01-2027 |",
        "| Beoordeling CV's en motivatie | 15 t/m 17 december 2026 |",
        "| Oplevering gezamenlijke meldkamer (info) | 1 oktober 2027 |",
    ],
)
def test_an_evaluation_and_a_row_for_information_are_no_steps(row: str) -> None:
    assert timeline(row + "\n") == []


def test_the_termination_of_a_standstill_with_an_aside_before_its_day() -> None:
    text = (
        "De opschortende termijn van 20 kalenderdagen eindigt dan (met toepassing van de "
        "Algemene termijnenwet) op maandag 12 april 2027.\n"
    )
    assert timeline(text) == [(Kind.OTHER, Day(date(2027, 4, 12)))]


def test_final_tenders_of_a_negotiation_named_so_come_after_the_negotiations() -> None:
    text = (
        "Mededingingsprocedure met onderhandeling\n\n"
        "Uw onderhandelingsgesprek staat gepland op dinsdag 12 januari 2027, van 13.30 tot "
        "15.30 uur.\n\n"
        "Na afloop van de onderhandelingen ontvangt u de uitnodiging tot het indienen van een "
        "BAFO. Deze moet uiterlijk maandag 1 maart 2027 om 10.00 uur in Mercell zijn "
        "ingediend.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-01-12", "13:30", "15:30")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-01", "10:00")),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 26-01-2027 maken wij bekend welke (max. 5) partijen mogen inschrijven.",
        "On 26 January 2027 we will announce which bidders will proceed to the tender stage.",
    ],
)
def test_announcing_who_may_tender_is_the_shortlist(sentence: str) -> None:
    assert timeline(sentence + "\n") == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 26)))]


def test_the_admission_to_a_pool_is_its_award() -> None:
    text = "Bekendmaking voorlopige toelating ... dinsdag 30 maart 2027\n"
    assert timeline(text) == [(Kind.AWARD, Day(date(2027, 3, 30)))]


def test_what_a_submission_holds_about_a_day_is_not_due_that_day() -> None:
    text = (
        "Interviews (MS Teams) are planned on Thursday 21st January 2027. Please confirm in "
        "your submission that the candidate can attend on that day.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 1, 21)))]


def test_a_step_before_a_notice_published_so_is_over() -> None:
    text = (
        "Find a Tender notice published: Friday 4th December 2026\n\n"
        "Early market engagement day (held, Worcester HQ)   Tuesday 22nd September 2026\n"
        "Tender submission deadline                         Monday 1st February 2027  14:00\n"
    )
    # (Find a Tender's times are UK time)
    london = ZoneInfo("Europe/London")
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-01", "14:00", london))]


def test_the_end_the_extensions_reach_is_no_end() -> None:
    text = "Estimated contract dates: 1 June 2027 to 31 May 2030, extendable to 31 May 2032\n"
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 6, 1))),
        (Kind.END, Day(date(2030, 5, 31))),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mandatory standstill period of 8 working days is expected to end on Tuesday 16 "
        "March 2027, after which the contract award notice will be published.",
        "| 3 | Standstill period ends (8 working days) | 16 March 2027 | Indicative |",
    ],
)
def test_the_end_of_a_standstill_counted_in_days_is_its_end_not_the_contracts(
    sentence: str,
) -> None:
    assert timeline(sentence + "\n") == [(Kind.OTHER, Day(date(2027, 3, 16)))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Works can be called off from 1 April 2027; the framework agreement ends 31-03-2029.",
        "Afroepen mogelijk vanaf 1 april 2027; de raamovereenkomst eindigt op 31-03-2029.",
    ],
)
def test_the_first_day_of_call_offs_is_the_start(sentence: str) -> None:
    assert timeline(sentence + "\n") == [
        (Kind.START, Day(date(2027, 4, 1))),
        (Kind.END, Day(date(2029, 3, 31))),
    ]


def test_the_hours_of_an_event_after_an_aside_in_brackets() -> None:
    text = (
        "Die partijen krijgen op woensdag 17 februari 2027 een rondleiding langs de "
        "parkeergarages (schouw), van 9.00 tot 13.00 uur.\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2027-02-17", "09:00", "13:00"))]


def test_interviews_of_one_day_moved_to_another_day_are_held_on_that_one() -> None:
    text = (
        "| Selectiegesprekken | 21 december 2026 | 09:00 - 12:00 |\n"
        "| Start opdracht | 11 januari 2027 | |\n\n"
        "MEDEDELING: de selectiegesprekken zijn verplaatst naar dinsdag 22 december 2026, "
        "13:00 - 16:00 uur.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2026-12-22", "13:00", "16:00")),
        (Kind.START, Day(date(2027, 1, 11))),
    ]
