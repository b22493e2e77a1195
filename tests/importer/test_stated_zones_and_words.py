"""A UK notice that says all its times are Central European Time, a time after "kl." on the
next line, French words for the end of a contract, registering for a session and the time of a
change notice's row, and UK words for who was invited, ITT responses and their assessment."""

from __future__ import annotations

from datetime import date

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline


def test_a_uk_notice_that_states_its_times_are_cet_is_read_in_cet() -> None:
    text = (
        "Contracting authority: Aberdeen Harbour Board, contact tenders@example.co.uk\n"
        "All times given in this notice and on the portal are Central European Time (CET).\n"
        "Deadline for tenders: Friday 5 February 2027 at 14:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-05", "14:00"))]


def test_a_column_headed_time_cet_reads_its_rows_in_cet() -> None:
    text = (
        "Procurement via Proactis.\n"
        "\n"
        "Step                        Date                Time (CET)\n"
        "Clarification deadline      Monday 18 Jan 2027  17:00\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-01-18", "17:00"))]


def test_times_of_one_step_in_cet_leave_the_others_in_uk_time() -> None:
    text = (
        "Procurement via Proactis.\n"
        "Tenders are due on 22 January 2027 at 12:00 noon.\n"
        "The demonstrations are run on Texel, so their times are given in Central European "
        "Time.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-22", "13:00")),
    ]


def test_a_time_after_kl_on_the_next_line_belongs_to_its_date() -> None:
    text = (
        "The deadline for questions is moved to 13.01.2027 kl.\n"
        "12:00. The tender deadline is 01.02.2027 kl. 12:00.\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-13", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-01", "12:00")),
    ]


def test_the_french_end_of_a_contract_is_its_end() -> None:
    text = "Durée du marché : début le 01/04/2027, fin le 31/03/2029, sans reconduction.\n"
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 4, 1))),
        (Kind.END, Day(date(2029, 3, 31))),
    ]


def test_registering_in_french_for_a_session_is_an_other_step() -> None:
    text = (
        "Une séance d'information aura lieu le mercredi 13 janvier 2027 de 14h00 à 15h30. "
        "L'inscription est obligatoire au plus tard le lundi 11 janvier 2027 à 12h00.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2027-01-11", "12:00")),
        (Kind.OTHER, span("2027-01-13", "14:00", "15:30")),
    ]


def test_a_french_local_time_field_beside_its_date_gives_the_time() -> None:
    text = "Date limite de réception des offres\nDate : 19/02/2027   Heure locale : 10:00\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-19", "10:00"))]


def test_who_was_invited_submitting_tenders_is_the_submission() -> None:
    text = "Invited bidders must submit their initial tenders by 12:00 on 22 March 2027.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-22", "12:00"))]


def test_the_deadline_for_itt_responses_is_the_tenders_not_the_answers() -> None:
    text = "Deadline for ITT responses: 17 December 2026, 12:00\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-17", "12:00"))]


def test_the_assessment_of_responses_is_no_step() -> None:
    text = (
        "Deadline for SQ responses         01.03.2027\n"
        "Assessment of SQ responses        08.03.2027\n"
    )
    assert timeline(text) == [(Kind.PARTICIPATION_DEADLINE, Day(date(2027, 3, 1)))]


def test_a_step_attended_by_invitation_is_that_step_not_the_invitation() -> None:
    text = (
        "Demonstraties (alleen de drie hoogst gerangschikte inschrijvers)   16-02-2027   "
        "volgens uitnodiging\n"
        "Site presentations (by invitation only): 3 March 2027\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, Day(date(2027, 2, 16))),
        (Kind.INTERVIEWS, Day(date(2027, 3, 3))),
    ]


def test_a_mail_dated_by_date_sent_puts_the_tender_it_thanks_for_in_the_past() -> None:
    text = (
        "Date sent: 03/12/2026 14:52\n"
        "\n"
        "Thank you for your tender submitted on 6 November 2026. A mobilisation meeting has "
        "been arranged for Thursday 7 January 2027, 10:00 to 11:30, at Council Headquarters.\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2027-01-07", "10:00", "11:30"))]


def test_the_end_of_a_standstill_period_the_sentence_names_is_an_other_step() -> None:
    text = (
        "The standstill period begins on the day after this notice is sent and, because the "
        "tenth day falls on a Sunday, it ends at 23:59 on Monday 14 December 2026.\n"
    )
    assert timeline(text) == [(Kind.OTHER, at("2026-12-14", "23:59"))]


def test_questions_sent_through_a_tab_named_questions_and_answers_are_questions() -> None:
    text = (
        'Questions must be submitted via the "Questions and answers" tab of this call until '
        "29/01/2027 at 12:00. Vragen stelt u in de Vragen en antwoorden-module tot "
        "1 februari 2027.\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-29", "12:00")),
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 2, 1))),
    ]
