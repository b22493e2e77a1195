"""Dates that are real but no step ahead of this procedure: the importer lists them for the
operator and never turns them into milestones (a missed date is listed; an invented one sends
false reminders)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tender_notifier.importer import extract, learned
from tender_notifier.timeline import Day, Kind, Moment, Span, When

from .corpus import ZONE
from .reading import span, timeline


def at(day: str, clock: str) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), ZONE))


def read(text: str) -> tuple[list[tuple[Kind, When]], list[str]]:
    draft = extract("Titel\nOpdrachtgever: Gemeente X\n" + text, zone=ZONE)
    return [(m.kind, m.when) for m in draft.tender.milestones], [u.reason for u in draft.unplaced]


def test_a_date_before_the_publication_date_is_listed_not_used() -> None:
    found, reasons = read("Publicatiedatum: 1 maart 2027\nSluiting: 28 februari 2027\n")
    assert found == []
    assert any("before the announcement was published" in r for r in reasons)


def test_a_step_named_publication_is_no_publication_date() -> None:
    found, _ = read(
        "Publicatie van de nota van inlichtingen: 8 maart 2027\nSluitingsdatum: 1 maart 2027\n"
    )
    assert (Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 1))) in found


def test_a_previous_procedure_s_dates_do_not_push_out_this_one_s() -> None:
    found, _ = read(
        "Date of issue: 8 March 2027\n"
        "The first tender had a submission deadline of 14 September 2026 and was cancelled.\n"
        "Deadline for clarification questions: 26 March 2027, 17:00\n"
        "Tender submission deadline: 12 April 2027, 12:00\n"
    )
    assert found == [
        (Kind.QUESTIONS_DEADLINE, at("2027-03-26", "17:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-12", "12:00")),
    ]


def test_a_date_with_a_question_mark_is_not_sure() -> None:
    found, reasons = read("Startdatum: z.s.m., uiterlijk 1 december 2027? (in overleg)\n")
    assert found == []
    assert any("could not tell" in r for r in reasons)


def test_a_period_of_the_procedure_is_not_the_assignment() -> None:
    for label in ("Tender period", "Evaluation period", "Mobilisation period"):
        found, _ = read(f"{label}: 1 March 2027 – 31 March 2027\n")
        assert found == [], label


def test_a_time_later_in_the_clause_is_its_date_s_and_not_the_next_clause_s() -> None:
    found, _ = read(
        "Op 10 mei 2027 sluit de reactietermijn om 09:00 uur, op 14 mei 2027 ontvangen de "
        "geselecteerde kandidaten een uitnodiging voor een gesprek op 18 mei 2027.\n"
        "Op 19 mei 2027 is er een informatiebijeenkomst van 10:00 tot 11:30 uur.\n"
    )
    assert found == [
        (Kind.SUBMISSION_DEADLINE, at("2027-05-10", "09:00")),
        (Kind.INTERVIEWS, Day(date(2027, 5, 18))),
        (Kind.OTHER, Span(at("2027-05-19", "10:00").at, at("2027-05-19", "11:30").at)),
    ]


def test_a_time_of_another_subject_is_not_the_date_s() -> None:
    found, _ = read("Vragen tot 1 maart 2027 en de informatiebijeenkomst is om 10:00 uur.\n")
    assert found == [(Kind.QUESTIONS_DEADLINE, Day(date(2027, 3, 1)))]


def test_words_that_lead_on_to_the_next_date_are_that_date_s() -> None:
    found, _ = read(
        "We aim to appoint a supplier by 31 July 2027 with the contract starting on "
        "1 September 2027 and ending on 31 August 2029.\n"
    )
    assert found == [
        (Kind.AWARD, Day(date(2027, 7, 31))),
        (Kind.START, Day(date(2027, 9, 1))),
        (Kind.END, Day(date(2029, 8, 31))),
    ]


def test_a_date_moved_from_its_original_gives_the_new_one() -> None:
    found, _ = read("The original closing date of 4 June 2027 has been moved to 11 June 2027.\n")
    assert found == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 6, 11)))]


def test_a_start_in_a_sentence_that_does_not_speak_of_the_assignment_is_listed() -> None:
    found, reasons = read(
        "The platform has to be available to researchers from the start of the academic year"
        " on 1 September 2027.\n"
    )
    assert found == []
    assert any("not a step" in r for r in reasons)  # the academic year's start
    found, _ = read(
        "De opdracht start bij aanvang van het schooljaar, op 1 september 2027, voor 24 uur"
        " per week.\n"
    )
    assert found == [(Kind.START, Day(date(2027, 9, 1)))]
    found, _ = read("2027-09-01  Start uitvoering\n")
    assert found == [(Kind.START, Day(date(2027, 9, 1)))]


def test_notified_alone_does_not_say_of_what(monkeypatch: pytest.MonkeyPatch) -> None:
    # to the rules; the learned reader, trained on 1210 texts, reads it as the shortlist
    monkeypatch.setattr(learned, "FILL", 1.01)
    found, reasons = read("Bidders will be notified on 12 May 2027.\n")
    assert found == []
    assert any("could not tell" in r for r in reasons)
    found, _ = read("Shortlisted candidates will be notified on 12 May 2027.\n")
    assert found == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 5, 12)))]


def test_a_step_next_to_a_time_it_does_not_read_is_listed_not_made_a_day() -> None:
    found, reasons = read("Sluiting inschrijving: 26 mei 2027 (uiterlijk rond 12:00 uur)\n")
    assert found == []
    assert any("may be its own" in r for r in reasons)
    found, _ = read("Informatiebijeenkomst: 3 mei 2027 (inloop rond 14:00 uur)\n")
    assert found == []


def test_registering_in_the_sentence_of_an_event_is_registering_for_it() -> None:
    found, _ = read(
        "Suppliers wishing to attend the supplier day on 14 September 2027 should register via"
        " Mercell by 10 September 2027.\n"
    )
    assert found == [(Kind.OTHER, Day(date(2027, 9, 10))), (Kind.OTHER, Day(date(2027, 9, 14)))]
    found, reasons = read(
        "Tenders must be received by 1 October 2027; suppliers should register on the portal by"
        " 20 September 2027.\n"
    )
    assert found == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 10, 1)))]
    assert any("could not tell" in r for r in reasons)
    found, _ = read(
        "Digitale informatiebijeenkomst op 2 maart 2027; aanmelden kan tot 28 februari 2027.\n"
    )
    assert found == [(Kind.OTHER, Day(date(2027, 2, 28))), (Kind.OTHER, Day(date(2027, 3, 2)))]
    found, _ = read(
        "Informatiebijeenkomst op 2 maart 2027; aanmelden voor toelating kan tot 1 april 2027.\n"
    )
    assert found == [
        (Kind.OTHER, Day(date(2027, 3, 2))),
        (Kind.PARTICIPATION_DEADLINE, Day(date(2027, 4, 1))),
    ]


def test_registering_in_the_sentence_after_an_event_is_registering_for_it() -> None:
    found, _ = read(
        "We will hold an information session on 3 March 2027. "
        "Please register via the portal by 1 March 2027.\n"
    )
    assert found == [(Kind.OTHER, Day(date(2027, 3, 1))), (Kind.OTHER, Day(date(2027, 3, 3)))]
    found, _ = read(
        "Tenders must be submitted by 3 March 2027. "
        "Please register via the portal by 1 March 2027.\n"
    )
    # no event to register for: the rules cannot tell what 1 March is for; the learned reader
    # reads registering as a step of its own, not as the tenders' deadline
    assert found == [
        (Kind.OTHER, Day(date(2027, 3, 1))),
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 3))),
    ]


def test_a_registration_after_the_event_or_named_a_deadline_is_no_registration_for_it() -> None:
    for text in (
        "Informatiebijeenkomst op 3 maart 2027. Aanmelden kan tot 1 april 2027.\n",
        "Informatiebijeenkomst op 10 maart 2027; sluitingsdatum aanmelding 24 februari 2027.\n",
    ):
        found, _ = read(text)
        assert [kind for kind, _ in found].count(Kind.PARTICIPATION_DEADLINE) == 1, text


def test_a_step_whose_date_was_moved_to_another_gets_the_new_one() -> None:
    found, reasons = read(
        "De informatiebijeenkomst van 12 januari 2027 is verplaatst naar 19 januari 2027.\n"
        "The closing date of 4 June 2027 at 12:00 has been extended to 11 June 2027 at 12:00.\n"
    )
    assert found == [
        (Kind.OTHER, Day(date(2027, 1, 19))),
        (Kind.SUBMISSION_DEADLINE, at("2027-06-11", "12:00")),
    ]
    assert sum("old date" in r for r in reasons) == 2


def test_an_event_that_does_not_go_ahead_is_no_step() -> None:
    found, _ = read(
        "De schouw op 3 maart 2027 gaat niet door.\nThe site visit on 3 March 2027 is cancelled.\n"
    )
    assert found == []


def test_a_standstill_period_is_a_step_on_its_last_day() -> None:
    found, _ = read("Standstill period: 1 June 2027 – 11 June 2027\n")
    assert found == [(Kind.OTHER, Day(date(2027, 6, 11)))]
    found, reasons = read("Informatiebijeenkomsten: 3 t/m 7 maart 2027\n")
    assert found == []
    assert any("a range of days" in r for r in reasons)


def test_a_tender_deadline_field_at_the_moment_requests_to_participate_close_is_that_deadline() -> (
    None
):
    text = (
        "Tender Submission Deadline: 15/01/2027 12:00\n"
        "Procedure: Restricted\n\n"
        "Candidates must complete the Suitability Assessment Questionnaire and upload it, "
        "together with the ESPD, no later than 12:00 on Friday 15th January 2027.\n"
        "Candidates will be notified of the outcome of Stage 1 on or around 12th February 2027.\n"
    )
    assert timeline(text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-15", "12:00")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 12))),
    ]


def test_final_tenders_may_be_due_after_the_negotiation_meetings() -> None:
    text = (
        "Your negotiation meeting is scheduled for Tuesday 12 January 2027, 10:00 - 11:30.\n\n"
        "The remaining timetable is unchanged:\n"
        "    - Final tenders (BAFO) due: 12:00 on Friday 29 January 2027\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-01-12", "10:00", "11:30")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-29", "12:00")),
    ]
