"""Generic readings that keep a date with the words and the time that belong to it, and leave a
date whose meaning rests on weak evidence for ops to check instead of guessing."""

from __future__ import annotations

from datetime import date, datetime, time

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment, When

from .corpus import ZONE


def at(day: str, clock: str) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), ZONE))


def timeline(text: str) -> list[tuple[Kind, When]]:
    return [(m.kind, m.when) for m in extract("Titel\n" + text, zone=ZONE).tender.milestones]


def test_a_line_ending_on_a_preposition_goes_on_over_a_capital() -> None:
    text = (
        "Please note that the tender deadline remains 12:00 noon on\n"
        "Tuesday 4 May 2027. Late tenders cannot be accepted.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-05-04", "12:00"))]


def test_a_heading_gives_its_step_to_a_bare_date_not_to_a_label_of_its_own() -> None:
    text = "Sluitingsdatum inschrijving\nDatum: 12 maart 2027\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 12)))]
    text = "Sluitingsdatum inschrijving\nVerzonden aan toegelaten ondernemers: 12 maart 2027\n"
    assert timeline(text) == []


def test_a_line_wrapped_at_the_width_of_the_page_goes_on_over_a_capital() -> None:
    text = (
        "Clarification questions about the procurement should be sent via the\n"
        "portal and will be answered within five working days of receipt by us.\n"
        "Clarification questions in respect of the Suitability Assessment\n"
        "Questionnaire (SAQ) should be submitted through the portal by 12:00 on\n"
        "Thursday 8 October 2026.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2026-10-08", "12:00"))]


def test_the_day_until_which_a_tender_must_remain_valid_is_no_step() -> None:
    assert timeline("Deadline until which the tender must remain valid: 30/09/2027\n") == []


def test_the_old_text_of_a_change_notice_gives_no_date_whatever_it_stands_under() -> None:
    text = (
        "Instead of: A supplier engagement event will take place on 20 May 2027.\n"
        "Read: The supplier engagement event has been rescheduled to 27 May 2027.\n"
    )
    assert timeline(text) == [(Kind.OTHER, Day(date(2027, 5, 27)))]


def test_a_change_notices_place_of_text_names_the_step_of_its_new_date() -> None:
    text = (
        "Place of text to be modified: Time limit for receipt of tenders\n"
        "Instead of: Date: 14/06/2027 Local time: 12:00\n"
        "Read: Date: 28/06/2027 Local time: 12:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-06-28", "12:00"))]


def test_half_an_hour_before_the_hour_in_dutch_words() -> None:
    text = "Op dinsdag 15 september 2026 om half tien houden wij een bezichtiging.\n"
    assert timeline(text) == [(Kind.OTHER, at("2026-09-15", "09:30"))]
    text = "De schouw is op 3 maart 2027 om half 2.\n"
    assert timeline(text) == [(Kind.OTHER, at("2027-03-03", "13:30"))]


def test_the_name_of_a_channel_is_no_step() -> None:
    text = (
        "Requests for additional information must be submitted via the Questions and Answers"
        " functionality no later than 06/05/2027.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, Day(date(2027, 5, 6)))]


def test_no_sentence_ends_inside_short_brackets() -> None:
    text = "* Indienen verzoek tot deelneming (incl. UEA): 6 oktober 2026 om 14:00 uur\n"
    assert timeline("Niet-openbare procedure\n" + text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2026-10-06", "14:00"))
    ]


def test_the_day_of_the_interview_one_is_invited_to_is_the_interviews() -> None:
    text = (
        "De twee hoogst scorende inschrijvers worden uitgenodigd voor een interview met de"
        " projectgroep, op maandag 10 mei 2027.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 5, 10)))]
    text = "De drie beste kandidaten worden uitgenodigd voor een intakegesprek op 15 juni 2027.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 6, 15)))]


def test_in_a_table_of_moved_dates_an_unchanged_row_keeps_its_date() -> None:
    text = (
        "Onderdeel                     Oorspronkelijk            Nieuw\n"
        "Uiterste datum vragen         1 maart 2027, 12:00 uur   ongewijzigd\n"
        "Sluitingsdatum inschrijving   15 maart 2027, 10:00 uur   29 maart 2027, 10:00 uur\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-03-01", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-29", "10:00")),
    ]


def test_a_time_that_says_when_the_step_begins_is_its_time() -> None:
    text = "Er wordt een schouw georganiseerd op donderdag 7 januari 2027, aanvang 10.00 uur.\n"
    assert timeline(text) == [(Kind.OTHER, at("2027-01-07", "10:00"))]


def test_in_a_procedure_with_a_selection_the_presentations_may_come_before_the_bafo() -> None:
    text = (
        "Deadline for receipt of requests to participate: 18 January 2027, 10:00\n"
        "Presentation of the plan of approach by each candidate: 8 March 2027\n"
        "Deadline for final tenders (BAFO): 3 May 2027, 12:00\n"
    )
    assert timeline(text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-18", "10:00")),
        (Kind.INTERVIEWS, Day(date(2027, 3, 8))),
        (Kind.SUBMISSION_DEADLINE, at("2027-05-03", "12:00")),
    ]


def test_a_table_row_with_an_empty_first_cell_gives_another_date_of_the_row_above() -> None:
    text = (
        "| Wat                     | Wanneer                            |\n"
        "| Kennismakingsgesprekken | ma 22 juni 2026, 9.00 - 12.00 uur  |\n"
        "|                         | di 23 juni 2026, 13.00 - 17.00 uur |\n"
    )
    found = timeline(text)
    assert [kind for kind, _ in found] == [Kind.INTERVIEWS, Kind.INTERVIEWS]


def test_an_option_to_extend_after_the_end_of_the_assignment_leaves_its_end() -> None:
    text = (
        "De overeenkomst gaat in per 1 mei 2027 en loopt tot en met 30 april 2031, met de"
        " mogelijkheid tot verlenging met tweemaal een jaar.\n"
    )
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 5, 1))),
        (Kind.END, Day(date(2031, 4, 30))),
    ]


def test_completed_questionnaires_are_requests_to_participate() -> None:
    text = "Completed SAQs must be received no later than 12:00 on Thursday 22 October 2026.\n"
    assert timeline(text) == [(Kind.PARTICIPATION_DEADLINE, at("2026-10-22", "12:00"))]
