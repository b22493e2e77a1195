"""Dates that are no step of the procedure although a step's words stand near them: a buyer
that is closed or hard to reach, a candidate who is away, a page's creation and an export, an
offer's time of submission, a presentation that did not take place or was cancelled, what a
document says quoted by a question or a correction, the end the options reach; the steps of a
preliminary market engagement, which asks for views and not for tenders; and the words of steps
that were read as other steps: a deadline extended "van ... naar", an old date after "niet", a
selection of a few candidates, "wij vragen u", a buyer presenting its own documents, a
clarification memorandum, a zone in Dutch words."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment

from .corpus import ZONE
from .reading import HEAD, at, span, timeline


@pytest.mark.parametrize(
    "sentence",
    [
        "Houd er rekening mee dat de gemeente gesloten is van 24 december 2026 t/m 1 januari "
        "2027; in die periode vindt geen screening plaats.",
        "Let op: tussen maandag 21 december 2026 en vrijdag 1 januari 2027 is de Inhuurdesk "
        "beperkt bereikbaar.",
        "Between 21 December 2026 and 4 January 2027 the helpdesk offers a reduced service.",
        "Mevrouw El Idrissi gaf in het gesprek aan dat zij op 4 en 5 januari 2027 nog niet "
        "beschikbaar is.",
        "The candidate told us in the interview that she is on leave on 4 January 2027.",
        "Aangemaakt:        01-12-2026 11:05",
        "Tabblad: Vragen (export 03-12-2026 17:05)",
        "Aanbieding ingediend door Kempenaar Interim B.V.: Maandag 30 november 2026, 11:03",
        "A presentation originally envisaged for 2 December 2026 did not take place.",
        "De presentatie van 2 december 2026 is niet doorgegaan.",
        "Site visit No. 2: 17/12/2026 14:00 (CANCELLED)",
        "2 Informatiebijeenkomst vervalt: 10-12-2026, 14:00 - 16:00",
        "Daarin stond abusievelijk dat de opschortende termijn eindigt op maandag 14 december "
        "2026.",
        "The reply to Question 3 erroneously mentioned 14/01/2027 as the time limit for receipt "
        "of tenders.",
        "V: In de aanvraag staat als startdatum 4 januari 2027.",
        "The ITT states a contract start date of 1 March 2027 in section 2 but 1 April 2027 in "
        "Appendix C.",
        "The RFP refers to a deadline of January 29, 2027 in Section II.",
        "Instead of:\n   Start: 01/03/2027\n   End:   28/02/2031\n",
        "- Completion date: see 3.2 (the school closes to pupils on 30 June 2027).",
        "A: De presentaties waren gepland op 9 februari 2027.",
        "- presentaties: volgen later (i.p.v. 12 januari 2027)",
        "Description of renewals: the contracting authority may extend the framework agreement "
        "twice by 12 months each (maximum end date 31/03/2031).",
    ],
)
def test_a_date_the_sentence_says_is_no_step_gives_no_milestone(sentence: str) -> None:
    assert timeline(sentence) == []


def test_sessions_asked_for_within_a_period_do_not_make_it_the_assignment() -> None:
    text = (
        "Optional 1:1 sessions (30 minutes) may be requested for the period 25 to 27 January "
        "2027.\n"
    )
    assert timeline(text) == []


def test_a_preliminary_market_engagement_has_no_tender_or_participation_deadline() -> None:
    text = (
        "Find a Tender\n"
        "UK2: Preliminary market engagement notice - Procurement Act 2023\n"
        "\n"
        "Engagement deadline\n"
        "22 January 2027\n"
        "\n"
        "Suppliers should register their interest and complete the market engagement "
        "questionnaire. Completed questionnaires and expressions of interest are requested by "
        "17:00 on Friday 22 January 2027.\n"
    )
    london = ZoneInfo("Europe/London")
    assert timeline(text) == [(Kind.OTHER, at("2027-01-22", "17:00", london))]


def test_a_tender_notice_that_names_an_earlier_market_engagement_keeps_its_deadlines() -> None:
    text = (
        "Tender notice\n"
        "Preliminary market engagement notice 2026/S 000-041920, published 4 December 2026\n"
        "Tender submission deadline: 17 February 2027, 12:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-17", "12:00"))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "- De uiterste termijn voor inschrijving wordt verlengd van dinsdag 12-01-2027 "
            "13:00 uur naar dinsdag 19-01-2027 13:00 uur.",
            [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "13:00"))],
        ),
        (
            "De opdrachtgever maakt uiterlijk woensdag 16 december 2026 een selectie van "
            "maximaal drie kandidaten.",
            [(Kind.SHORTLIST_NOTICE, Day(date(2026, 12, 16)))],
        ),
        (
            "Wij vragen u de kandidaat op 15 december 2026 beschikbaar te houden voor een gesprek.",
            [(Kind.INTERVIEWS, Day(date(2026, 12, 15)))],
        ),
        (
            "ECIF will give an online presentation of the RfEI and of the eProcurement Portal "
            "on Wednesday 16 December 2026, 15:00 - 16:00.",
            [(Kind.OTHER, span("2026-12-16", "15:00", "16:00"))],
        ),
        (
            "Een correctie: de selectiegesprekken vinden NIET plaats op woensdag 9 december "
            "2026, maar op woensdag 16 december 2026, tussen 10.00 en 12.30 uur.",
            [(Kind.INTERVIEWS, span("2026-12-16", "10:00", "12:30"))],
        ),
        (
            "Daarnaast is de gewenste startdatum verschoven: niet 4 januari 2027, maar maandag "
            "11 januari 2027.",
            [(Kind.START, Day(date(2027, 1, 11)))],
        ),
        (
            "De tweede Nota van Inlichtingen verschijnt daardoor niet op 18 december 2026 maar "
            "uiterlijk woensdag 13 januari 2027.",
            [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 13)))],
        ),
        (
            "The deadline for questions moves to 5 January 2027 at 10:00 and the second "
            "clarification memorandum will be published by 13 January 2027.",
            [
                (Kind.QUESTIONS_DEADLINE, at("2027-01-05", "10:00")),
                (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 13))),
            ],
        ),
        (
            "05 | Tue | 2 Feb 2027 | - | Notification which tenderers proceed to round 2",
            [(Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 2)))],
        ),
        (
            "The contract will run from 1 April 2027 to 31 March 2029 and the Council may "
            "extend it by 12 months.",
            [(Kind.START, Day(date(2027, 4, 1))), (Kind.END, Day(date(2029, 3, 31)))],
        ),
        (
            "De uitslag van de gesprekken ontvangt u uiterlijk vrijdag 18 december 2026.",
            [(Kind.AWARD, Day(date(2026, 12, 18)))],
        ),
        (
            "Bidders will give a presentation of their approach on 16 December 2026.",
            [(Kind.INTERVIEWS, Day(date(2026, 12, 16)))],
        ),
    ],
)
def test_the_words_of_a_step_name_it(sentence: str, expected: list[object]) -> None:
    assert timeline(sentence) == expected


def test_times_in_the_local_time_of_bonaire_are_read_there() -> None:
    text = (
        "Openbaar Lichaam Bonaire\n"
        "Alle tijden in dit document zijn lokale tijd Bonaire (AST, UTC-4).\n"
        "Uiterste termijn inschrijving: dinsdag 9 februari 2027, 10:00 uur\n"
    )
    bonaire = ZoneInfo("America/Kralendijk")
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-09", "10:00", bonaire))]


def test_a_word_that_ends_a_zone_s_name_names_no_zone() -> None:
    # "Australia/West" is a zone; "West" in a Dutch notice with "Plaatselijke tijd" is a region
    text = (
        "Provincie Utrecht, regio West\n"
        "Termijn voor de ontvangst van inschrijvingen\n"
        "Datum: 28/01/2027   Plaatselijke tijd: 12:00\n"
        "Het project ligt in de regio West; local time is used throughout.\n"
    )
    draft = extract(HEAD + text, zone=ZONE)
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.SUBMISSION_DEADLINE, Moment(datetime(2027, 1, 28, 12, 0, tzinfo=ZONE)))
    ]


def test_a_mail_from_a_uk_school_is_read_in_uk_time() -> None:
    text = (
        "From: Gareth Pryce <g.pryce@riverbendtrust.sch.uk>\n"
        "Quotations must be returned by 5pm on Friday 22 January 2027.\n"
    )
    london = ZoneInfo("Europe/London")
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-22", "17:00", london))]
