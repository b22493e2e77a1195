"""A time given after its date: in the next sentence, the hours of an event ("It will run from
10:30 until approximately 12:30, and ..."), the cut-off of a deadline ("Questions received after
17:00 on that date ..."), a deadline's new time "on that day" with its old one in brackets; in
the line a ruled table wraps a date's cell into."""

from __future__ import annotations

from datetime import date

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline


def test_the_hours_of_a_briefing_in_the_next_sentence_whatever_its_next_clause_names() -> None:
    text = (
        "A market briefing will be held on Thursday 14 January 2027 at the Town Hall. It will "
        "run from 13:30 until approximately 15:00, and attending online is available.\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2027-01-14", "13:30", "15:00"))]


def test_questions_received_after_a_time_on_that_date_close_at_that_time() -> None:
    text = (
        "Clarification questions must be raised no later than Friday 8 January 2027. "
        "Questions received after 16:00 on that date will not be answered.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-01-08", "16:00"))]


def test_a_moved_deadline_s_new_time_on_that_day_not_its_old_one() -> None:
    text = (
        "- Tender deadline: moved from Friday 15 January to Tuesday 19 January 2027.\n"
        "  The portal will now close at 14:00 on that day (previously 12:00).\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "14:00"))]


def test_a_time_on_the_day_of_interviews_that_names_no_step_is_not_theirs() -> None:
    text = (
        "De gesprekken vinden plaats op 20 januari 2027. Op die dag krijg je om 16:00 uur een "
        "bericht.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 1, 20)))]


def test_a_time_in_the_line_a_ruled_table_wraps_its_date_cell_into() -> None:
    text = (
        "| Activity                                | Date                |\n"
        "| Bidders' information webinar (MS Teams) | 9 December 2026,    |\n"
        "|                                         | 14:00 - 15:00       |\n"
        "| Deadline for receipt of clarification   | 6 January 2027,     |\n"
        "|   questions                             | 12:00 noon          |\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2026-12-09", "14:00", "15:00")),
        (Kind.QUESTIONS_DEADLINE, at("2027-01-06", "12:00")),
    ]
