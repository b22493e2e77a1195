"""What renewals, spans of days, tables of versions and threads sent oldest first say of their
dates: the end renewals reach ("hernieuwbaar ..., maximaal driemaal (uiterlijk tot ...)") and
an existing contract's end are no end; a meeting point at an entrance is no start;
"Inschrijven verplicht tot" after an information session registers for it; a session from a
time on one day to a time on another is one span; a head row whose columns name versions with
their dates, a row whose new cell says the step is void, a standstill's end ("Einde
Alcateltermijn") among moved dates; a thread exported oldest message first."""

from __future__ import annotations

from datetime import date, datetime

from tender_notifier.timeline import Day, Kind, Span

from .corpus import ZONE
from .reading import at, span, timeline


def days(first: str, start: str, last: str, end: str) -> Span:
    """A span from a time on one day to a time on a later one."""
    return Span(
        datetime.fromisoformat(f"{first}T{start}").replace(tzinfo=ZONE),
        datetime.fromisoformat(f"{last}T{end}").replace(tzinfo=ZONE),
    )


def test_the_end_that_renewals_reach_is_no_end() -> None:
    text = (
        "De opdracht loopt van 01/03/2027 tot en met 31/12/2027 en is daarna stilzwijgend\n"
        "hernieuwbaar met telkens één jaar, maximaal driemaal (uiterlijk tot 31/12/2030).\n"
    )
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 3, 1))),
        (Kind.END, Day(date(2027, 12, 31))),
    ]


def test_the_service_contract_of_an_existing_device_is_no_end() -> None:
    text = (
        "Oplevering en start van de overeenkomst: 1 april 2027.\n\n"
        "Het bestaande toestel (service-overeenkomst tot 31/08/2027) wordt niet ingeruild.\n"
    )
    assert (Kind.END, Day(date(2027, 8, 31))) not in timeline(text)


def test_a_meeting_point_at_an_entrance_is_no_start() -> None:
    text = (
        "PLAATSBEZOEK\n"
        "  - Perceel 2: donderdag 10/12/2026 om 13u30, samenkomst aan de ingang van het\n"
        "    Vrijbroekpark.\n"
    )
    assert timeline(text) == [(Kind.OTHER, at("2026-12-10", "13:30"))]


def test_registration_for_a_session_in_flemish() -> None:
    text = (
        "Informatiesessie (online)\n"
        "Dinsdag 15/12/2026 van 14u00 tot 15u30. Toelichting van het bestek en het ophaalschema.\n"
        "Inschrijven verplicht tot vrijdag 11/12/2026 via aankoop@iaw.be.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2026, 12, 11))),
        (Kind.OTHER, span("2026-12-15", "14:00", "15:30")),
    ]


def test_registering_by_mail_for_a_session_before_it() -> None:
    text = (
        "Online infosessie op donderdag 10/12/2026 van 10u00 tot 11u30. Inschrijven via\n"
        "aankoop@vlaamsewaterweg.be tot dinsdag 08/12/2026 om 17u00.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2026-12-08", "17:00")),
        (Kind.OTHER, span("2026-12-10", "10:00", "11:30")),
    ]


def test_those_responsible_for_a_kitchen_publish_no_answers() -> None:
    text = "Proeverij met de keukenverantwoordelijken: woensdag 03/02/2027 van 10u00 tot 12u00\n"
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-02-03", "10:00", "12:00"))]


def test_demonstrations_between_a_time_on_one_day_and_a_time_on_another() -> None:
    text = "De demo's vinden plaats tussen maandag 08/02/2027 9u00 en vrijdag 12/02/2027 17u00.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, days("2027-02-08", "09:00", "2027-02-12", "17:00"))]


def test_dialogue_sessions_from_a_time_on_one_day_to_a_time_on_another() -> None:
    text = "Dialoogronde 1: van maandag 22/02/2027 9u00 tot woensdag 24/02/2027 17u00.\n"
    assert timeline(text) == [(Kind.OTHER, days("2027-02-22", "09:00", "2027-02-24", "17:00"))]


def test_a_span_of_more_than_a_week_is_left_to_the_reader() -> None:
    text = "Presentaties: van maandag 1 februari 2027 9u00 tot vrijdag 12 februari 2027 17u00.\n"
    assert timeline(text) == []


def test_two_slots_on_two_days_stay_two() -> None:
    text = "Gesprekken op 8 februari 2027 om 9:00 en 9 februari 2027 om 14:00.\n"
    assert timeline(text) == [
        (Kind.INTERVIEWS, at("2027-02-08", "09:00")),
        (Kind.INTERVIEWS, at("2027-02-09", "14:00")),
    ]


def test_a_head_row_whose_columns_name_versions_with_their_dates() -> None:
    text = (
        "Activity                          | Original (v1, 19 Nov 2026) | Revised (v3)\n"
        "----------------------------------+----------------------------+-------------------\n"
        "Clarification question deadline   | 15 December 2026, 12:00    | 6 January 2027, 12:00\n"
        "Tender submission deadline        | 8 January 2027, 12:00      | 22 January 2027, 12:00\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-06", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-22", "12:00")),
    ]


def test_a_row_whose_new_cell_says_the_step_is_void() -> None:
    text = (
        "| Activiteit                 | Oorspronkelijk          | Nieuw                   |\n"
        "|----------------------------|-------------------------|-------------------------|\n"
        "| Online informatiebijeenkomst | 8 december 2026, 14:00 | vervalt                 |\n"
        "| Uiterste termijn vragen    | 10 december 2026, 12:00 | 17 december 2026, 12:00 |\n"
        "| Einde Alcateltermijn (20 kalenderdagen) | 25 februari 2027 | 25 maart 2027     |\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-17", "12:00")),
        (Kind.OTHER, Day(date(2027, 3, 25))),
    ]


def test_the_old_date_of_a_standstills_end_is_void_elsewhere() -> None:
    text = (
        "  Notification of award decision      12 February 2027\n"
        "  End of standstill period            24 February 2027\n\n"
        "The revised timetable is as follows:\n\n"
        "  Notification of award decision      19 February 2027 (previously 12 February)\n"
        "  End of standstill period            3 March 2027 (previously 24 February)\n"
    )
    assert timeline(text) == [
        (Kind.AWARD, Day(date(2027, 2, 19))),
        (Kind.OTHER, Day(date(2027, 3, 3))),
    ]


def test_a_visit_that_no_longer_takes_place_on_its_day() -> None:
    text = (
        "Due to a funeral, the Lot 2 site visit will no longer take place on 10 December 2026.\n"
        "It has been rescheduled to Monday 14 December 2026, 10:00-13:00, same meeting point.\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2026-12-14", "10:00", "13:00"))]


def test_a_thread_exported_oldest_message_first() -> None:
    text = (
        "Exported from the tender portal message board, oldest message first.\n"
        "Ref: WBC/PROC/2026/118\n\n"
        "From:    Procurement Team, Westbury Borough Council\n"
        "Sent:    Wednesday, 18 November 2026 10:26\n"
        "Subject: Tender published\n\n"
        "Site visit Lot 2: 10 December 2026, 10:00-13:00.\n"
        "Tender return deadline: 8 January 2027, 12:00.\n\n"
        "From:    Procurement Team, Westbury Borough Council\n"
        "Sent:    Wednesday, 2 December 2026 09:05\n"
        "Subject: Amendment 2 - Lot 2 site visit\n\n"
        "The Lot 2 site visit will no longer take place on 10 December. It has been rescheduled\n"
        "to Monday 14 December 2026, 10:00-13:00.\n"
    )
    # a borough council writes UK time
    assert timeline(text) == [
        (Kind.OTHER, span("2026-12-14", "11:00", "14:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-08", "13:00")),
    ]


def test_a_kick_off_with_the_carriers_awarded_is_no_award() -> None:
    text = (
        "Voorafgaand organiseert de regio op dinsdag 16 maart 2027 een kick-off voor de "
        "implementatie met de gegunde vervoerder(s).\n"
    )
    assert timeline(text) == [(Kind.OTHER, Day(date(2027, 3, 16)))]


def test_webinars_about_the_application_process() -> None:
    text = (
        "Two identical webinars explaining the application process will be held on Tuesday\n"
        "8 December 2026 at 6:30pm and on Thursday 10 December 2026 at 10:00am.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2026-12-08", "18:30")),
        (Kind.OTHER, at("2026-12-10", "10:00")),
    ]


def test_an_open_call_that_selects_teams_asks_for_candidacies_first() -> None:
    text = (
        "Open oproep – ontwerpteam nieuw gemeentehuis\n"
        "De kandidaatstelling gebeurt via e-Tendering, uiterlijk donderdag 14/01/2027 om 12u00.\n"
        "De selectiecommissie selecteert maximaal vijf teams.\n"
        "Indienen offerte door de geselecteerde teams: dinsdag 27/04/2027 om 12u00.\n"
    )
    assert timeline(text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-14", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-27", "12:00")),
    ]
