"""Logs of questions, lists under a lead-in and holidays: the day a log says it was published
in brackets under its heading; the name of a module after "via de module"; a numbered question
or a question sentence sets no date (a request put as a question does); what "had to be
rescheduled" and what was attended is over; the rows of a table under "as follows:"; a time and
the span it starts are one milestone; "09-03 en 10-03-2027" are two days of 2027; school
holidays; samples handed in on their own; an invitation sent by a day."""

from __future__ import annotations

from datetime import date

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline


def test_the_day_a_log_says_it_was_published_is_no_step_and_dates_before_it_are_past() -> None:
    text = (
        "VRAGEN EN ANTWOORDEN - bericht nr. 1 (gepubliceerd op 30 november 2026)\n\n"
        "Onderstaande vragen werden gesteld via het forum tot en met 27/11/2026.\n\n"
        "QUESTIONS AND ANSWERS (Batch 2, published 2 December 2026)\n\n"
        "De offertes moeten uiterlijk op donderdag 21 januari 2027 om 10u00 worden ingediend.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-21", "10:00"))]


def test_the_name_of_a_module_after_via_de_module_names_no_step() -> None:
    text = (
        "Vragen stellen via de module Vragen en Antwoorden op TenderNed kan tot en met donderdag"
        " 10 december 2026, 12:00 uur.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2026-12-10", "12:00"))]


def test_a_numbered_question_sets_no_date() -> None:
    text = (
        "V1 (27-11-2026): Is het mogelijk om te starten op 18 januari 2027 in plaats van"
        " 11 januari 2027?\n"
    )
    assert timeline(text) == []


def test_a_question_sentence_sets_no_date_a_request_put_as_one_does() -> None:
    asked = "Q4.\nCan we assume the contract will start on 1 March 2027?\n"
    assert timeline(asked) == []
    requested = (
        "Op dinsdag 15 december 2026 organiseren wij een informatiebijeenkomst in het"
        " gemeentehuis.\n"
        "Laat u uiterlijk maandag 14 december 2026 weten of u komt en met hoeveel personen?\n"
    )
    assert timeline(requested) == [
        (Kind.OTHER, Day(date(2026, 12, 14))),
        (Kind.OTHER, Day(date(2026, 12, 15))),
    ]


def test_what_had_to_be_rescheduled_or_was_attended_is_over() -> None:
    text = (
        "We regret that the site visits planned for 15 and 16 December 2026 have had to be"
        " rescheduled.\n"
        "Thank you to all who attended the supplier day on Tuesday 24 November 2026.\n"
    )
    assert timeline(text) == []


def test_the_rows_under_a_lead_in_that_says_a_list_follows_are_its_steps() -> None:
    text = (
        "The site visits will now take place as follows:\n\n"
        "  Wednesday 6 January 2027, 10:00 - 13:00   St James's Hospital (meet at Bexley Wing\n"
        "                                            main reception)\n"
        "  Thursday 7 January 2027, 10:00 - 13:00    Leeds General Infirmary\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2027-01-06", "10:00", "13:00")),
        (Kind.OTHER, span("2027-01-07", "10:00", "13:00")),
    ]


def test_a_time_and_the_span_it_starts_on_that_day_are_one_milestone() -> None:
    text = (
        "Schouw: woensdag 6 januari 2027, 10:00 - 13:00 uur.\n\n"
        "A1 De schouw begint op woensdag 6 januari 2027 om 10:00 uur bij de hoofdingang.\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2027-01-06", "10:00", "13:00"))]


def test_day_and_month_before_a_full_date_are_in_its_year() -> None:
    assert timeline("Demonstraties: 09-03 en 10-03-2027, beide dagen 09:00-17:00\n") == [
        (Kind.INTERVIEWS, span("2027-03-09", "09:00", "17:00")),
        (Kind.INTERVIEWS, span("2027-03-10", "09:00", "17:00")),
    ]
    # a first day later in the year than the second is of the year before
    assert timeline("Looptijd ............. ma 1-2 t/m 31-01-2028\n") == [
        (Kind.START, Day(date(2027, 2, 1))),
        (Kind.END, Day(date(2028, 1, 31))),
    ]


def test_school_holidays_are_no_steps() -> None:
    text = (
        "Half term is 15 - 19 February 2027 and the Easter holiday is 29 March - 9 April 2027;\n"
        "no service is required on those days.\n"
    )
    assert timeline(text) == []


def test_samples_or_a_test_device_handed_in_on_their_own_are_another_step() -> None:
    text = (
        "Inschrijvers dienen stalen van alle aangeboden producten af te leveren aan de centrale\n"
        "apotheek uiterlijk op 21 januari 2027.\n"
        "De inschrijvers voor perceel 1 leveren één testtoestel af op het scholengroepcentrum,\n"
        "uiterlijk op vrijdag 22 januari 2027 om 15u00.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2027, 1, 21))),
        (Kind.OTHER, at("2027-01-22", "15:00")),
    ]


def test_inviting_some_of_the_bidders_to_an_interview_on_a_day_is_the_interview() -> None:
    text = (
        "The Council may invite up to three consultants to a short online interview on Wednesday"
        " 20 January 2027.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 1, 20)))]


def test_an_invitation_sent_by_a_day_is_the_shortlist() -> None:
    text = (
        "De uitnodiging voor het gesprek, met het toegewezen slot, wordt uiterlijk op vrijdag\n"
        "22 januari 2027 aan elke inschrijver verstuurd.\n"
    )
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 22)))]


def test_when_a_question_was_received_is_no_step() -> None:
    text = "Question 5      Received: 30/11/2026\n"
    assert timeline(text) == []
