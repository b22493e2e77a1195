"""Invitations pasted as iCalendar text, a sheet's row, a slot one hears of, scanned letters, and
what the words on both sides of a date say: "laat uiterlijk <date> weten welke ..." and
"ontvangen uiterlijk <date> een uitnodiging" name what is told, "replies to clarification
requests" are the answers, requests "received after" a date that "will not be processed" close
on it, a time past the bracket of an old date is the new one's, a time in UK time beside one in
Brussels time leaves the others in the tender's zone, "took place" is over, a chat's stamps of
WhatsApp and Teams, "door naar de gespreksronde", intro calls and a case presented to the team,
"Communication of the outcome", the clock's change, "the same date" in a sentence of two steps,
an arrow from a date with its time, "Shortlist communicated", a Q&A call, a construction
holiday, "twee momenten:" over a list, tenders due at the opening, a section "not part of the
procedure timetable", offers "binding until", a funding period, an inspection of the room, a
slot's length, a contract's term "until", "niet in de week van ..., maar op", each old date's
own step, lots whose dates "blijven alle ongewijzigd", and a candidate free afterwards."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.importer import extract
from tender_notifier.importer.characters import lines
from tender_notifier.importer.text import segments
from tender_notifier.timeline import Day, Kind, When

from .corpus import ZONE
from .reading import HEAD, at, span, timeline, timeline_on

LONDON = ZoneInfo("Europe/London")


def test_laat_weten_names_what_is_told_after_the_date() -> None:
    text = (
        "Sluitingsdatum: maandag 11 januari 2027 om 12:00 uur\n\n"
        "Wij beoordelen de aangeboden profielen en laten uiterlijk vrijdag 15 januari 2027 weten "
        "welke kandidaten worden uitgenodigd.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 15))) in timeline(text)
    assert (Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 15))) not in timeline(text)


def test_receiving_an_invitation_by_a_date_is_the_shortlist() -> None:
    text = (
        "Sluiting inschrijving: 1 februari 2027, 10:00 uur.\n\n"
        "De inschrijvers met een geldige offerte ontvangen uiterlijk woensdag 10 februari 2027 een "
        "uitnodiging voor de presentatie.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 10))) in timeline(text)


def test_replies_to_clarification_requests_are_the_answers() -> None:
    text = (
        "Deadline for tenders: 8 January 2027 at 12:00\n"
        "Replies to clarification requests sent to all candidates: by 22 December 2026\n"
    )
    assert (Kind.ANSWERS_PUBLISHED, Day(date(2026, 12, 22))) in timeline(text)


def test_requests_received_after_a_date_that_will_not_be_processed_close_on_it() -> None:
    text = (
        "Requests for further information received after 11 January 2027, 15:00, will not be "
        "processed.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-01-11", "15:00"))]


def test_a_time_past_the_bracket_of_an_old_date_is_the_new_dates() -> None:
    text = "Tender return deadline: (was 12:00, Mon 14 December 2026) 12:00, Fri 15 January 2027\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00"))]


def test_a_date_in_brackets_keeps_the_time_after_them_when_no_date_follows() -> None:
    text = "Stuur je CV uiterlijk morgen (di 19-01-2027) vóór 17:00 uur naar mij.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "17:00"))]


def test_one_time_in_uk_time_beside_one_in_brussels_time_leaves_the_rest_in_the_own_zone() -> None:
    text = (
        "Tenders must be uploaded no later than Thursday 28 January 2027 at 11:00 "
        "(Brussels time).\n"
        "The online information session takes place on Tuesday 15 December 2026 from 09:00 to "
        "10:30 UK time.\n"
        "A site visit will be organised on Monday 14 December 2026 at 13:00 at Gate 3.\n"
    )
    found = timeline(text)
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-28", "11:00")) in found
    assert (Kind.OTHER, at("2026-12-14", "13:00")) in found
    assert (Kind.OTHER, span("2026-12-15", "09:00", "10:30", LONDON)) in found


def test_a_step_that_took_place_is_over() -> None:
    text = (
        "The mandatory site visit of 10 December 2026 took place as planned.\n"
        "Tenders are due on 20 January 2027 at 12:00.\n"
    )
    assert timeline_on(text, date(2026, 12, 15)) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-20", "12:00"))
    ]


def test_the_stamps_of_a_whatsapp_export_without_a_comma_are_no_steps() -> None:
    text = (
        "27-11-26 08:57 - Marieke Inkoop: Schouw is di 8-12-2026 om 9u.\n"
        "27-11-26 09:04 - Henk van Dam: De offerte moet uiterlijk ma 4-1-2027 binnen zijn.\n"
    )
    stamps = [s.text for s in segments(text) if s.stamp]
    assert stamps == ["27-11-26 08:57 -", "27-11-26 09:04 -"]
    assert (Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 4))) in timeline(text)


def test_a_line_of_a_schedule_that_looks_like_a_stamp_is_a_step() -> None:
    text = "09-12-2026 10:00 - Gemeentehuis Zeist: informatiebijeenkomst voor inschrijvers\n"
    assert timeline(text) == [(Kind.OTHER, at("2026-12-09", "10:00"))]


def test_a_bracketed_stamp_with_its_weekday_and_a_teams_guest_are_no_steps() -> None:
    text = (
        "[vrijdag 27-11-2026 10:15] Bram Heijnen\n"
        "De vragen kunnen tot 9 december 2026 12:00 uur via TenderNed.\n\n"
        "Priya Natarajan (External)   27/11/2026 09:14\n"
        "Return is now 14:00 on Thursday 7 January 2027.\n"
    )
    stamps = [s.text for s in segments(text) if s.stamp]
    assert stamps == ["[vrijdag 27-11-2026 10:15]", "Priya Natarajan (External)   27/11/2026 09:14"]
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-07", "14:00")) in timeline(text)


def test_going_on_to_the_round_of_interviews_is_the_shortlist() -> None:
    text = (
        "Reactietermijn: ma 14-12-2026, 09:00 uur. Kandidaten die door zijn naar de gespreksronde "
        "horen dat uiterlijk vr 18-12-2026 van mij.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, Day(date(2026, 12, 18))) in timeline(text)


def test_a_case_presented_to_the_team_is_an_interview() -> None:
    text = (
        "Applications close Tue 8 Dec 2026, 17:00.\n"
        "Tech case: a short take-home, presented to the team on Wed 16 Dec 2026, 14:00-15:30.\n"
    )
    assert (Kind.INTERVIEWS, span("2026-12-16", "14:00", "15:30")) in timeline(text)


def test_the_communication_of_the_outcome_is_the_award() -> None:
    text = (
        "Final offers ......... Friday 26 March 2027, 12:00\n"
        "Communication of the outcome ......... Wednesday 31 March 2027\n"
    )
    assert (Kind.AWARD, Day(date(2027, 3, 31))) in timeline(text)


def test_the_clocks_change_is_no_step() -> None:
    text = (
        "All times are Luxembourg time (CET until 27 March 2027, CEST from 28 March 2027).\n"
        "Final offers: Friday 26 March 2027, 12:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-26", "12:00"))]


def test_the_same_date_in_a_sentence_of_two_steps_names_neither() -> None:
    text = (
        "Final offers: Friday 26 March 2027, 12:00\n"
        "Start of the engagement: Monday 3 May 2027\n\n"
        "In that case the final offers step is skipped and the outcome is communicated on the "
        "same date.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-26", "12:00")),
        (Kind.START, Day(date(2027, 5, 3))),
    ]


def test_an_arrow_from_a_date_with_its_time_to_the_new_one() -> None:
    text = "• Proposals due: Fri 15 Jan 2027, 17:00 → Tue 19 Jan 2027, 12:00 (updated 2 Dec 2026)\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "12:00"))]


def test_a_shortlist_communicated_and_a_qa_call() -> None:
    text = (
        "• Q&A call (Google Meet): Wed 16 Dec 2026, 15:00–16:00\n"
        "• Proposals due: Tue 19 Jan 2027, 12:00\n"
        "• Shortlist communicated: Fri 22 Jan 2027\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2026-12-16", "15:00", "16:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-19", "12:00")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 22))),
    ]


ICS = (
    "Hieronder de inhoud van de uitnodiging (invite.ics):\n\n"
    "BEGIN:VCALENDAR\n"
    "VERSION:2.0\n"
    "BEGIN:VEVENT\n"
    "DTSTART:20261209T130000Z\n"
    "DTEND:20261209T150000Z\n"
    "SUMMARY:Informatiebijeenkomst Maaiwerkzaamheden 2027-2031\n"
    "DESCRIPTION:Planning:\\n- Indienen vragen: tot ma 14 december 2026\\, 10:00 uur\\n- Slu\n"
    " iting inschrijving: do 28 januari 2027\\, 12:00 uur\\n\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n"
    "Groet, Team Inkoop\n"
)


def test_an_invitation_pasted_as_icalendar_text_gives_its_event_and_its_description() -> None:
    assert timeline(ICS) == [
        (Kind.OTHER, span("2026-12-09", "14:00", "16:00")),
        (Kind.QUESTIONS_DEADLINE, at("2026-12-14", "10:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-28", "12:00")),
    ]


def test_the_lines_after_an_icalendar_text_keep_their_numbers() -> None:
    many = "\\n".join(f"- punt {n}" for n in range(12))
    text = (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261209T130000Z\nSUMMARY:Schouw\n"
        f"DESCRIPTION:{many}\nEND:VEVENT\nEND:VCALENDAR\n"
        "Zie ook 4 februari 2027.\n"
    )
    draft = extract(HEAD + text, zone=ZONE)
    line = next(u.line for u in draft.unplaced if u.found.startswith("4 februari 2027"))
    assert line == (HEAD + text).splitlines().index("Zie ook 4 februari 2027.") + 1


def test_an_icalendar_text_in_a_text_of_uk_times_is_read_at_its_own_moment() -> None:
    text = (
        "All times in this notice are UK time.\n\n"
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261209T130000Z\nSUMMARY:Site visit\n"
        "END:VEVENT\nEND:VCALENDAR\n"
    )
    assert timeline(text) == [(Kind.OTHER, at("2026-12-09", "14:00"))]


def test_a_broken_icalendar_text_is_read_as_it_stands() -> None:
    text = "BEGIN:VCALENDAR\nnot a content line\nSluiting: 14 januari 2027\nEND:VCALENDAR\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 14)))]


def test_a_sheets_row_with_columns_of_times_and_a_remark() -> None:
    text = (
        "Nr\tKlant\tVragen\ttijd\tNvI\tSluiting\ttijd\tGunning\tStart\tEinde\tOpmerkingen\n"
        "2026-118\tProvincie X\t08-12-26\t10:00\t18-12-26\t21-01-27\t13:00\t01-03-27\t01-04-27"
        "\t31-03-29\tSchouw do 10-12-2026 om 9:00 bij de brug, aanmelden via de berichtenbox, "
        "max twee personen per bureau\n"
    )
    found = timeline(text)
    assert (Kind.QUESTIONS_DEADLINE, at("2026-12-08", "10:00")) in found
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-21", "13:00")) in found
    assert (Kind.AWARD, Day(date(2027, 3, 1))) in found
    assert (Kind.END, Day(date(2029, 3, 31))) in found
    assert (Kind.OTHER, at("2026-12-10", "09:00")) in found


def test_the_day_one_hears_ones_slot_is_the_shortlist() -> None:
    text = (
        "De presentaties vinden plaats op vrijdag 15 januari 2027 tussen 13:00 en 16:30 uur.\n\n"
        "Uw exacte tijdslot (20 min. presentatie, 25 min. vragen) ontvangt u uiterlijk dinsdag "
        "12 januari 2027 per mail.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 12))) in timeline(text)


def test_receiving_a_slot_by_a_date_is_the_shortlist() -> None:
    text = (
        "De presentaties vinden plaats op dinsdag 5 januari 2027 in het IKC. U ontvangt uiterlijk "
        "vrijdag 18 december 2026 een tijdslot.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, Day(date(2026, 12, 18))) in timeline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Iedere inschrijver krijgt een tijdslot van 2 uur op woensdag 17 februari 2027.\n",
        "Iedere inschrijver krijgt op woensdag 17 februari 2027 een tijdslot voor zijn pitch.\n",
        "Uw tijdslot voor het interview: woensdag 17 februari 2027.\n",
    ],
)
def test_a_slot_on_a_day_is_the_interviews_day(text: str) -> None:
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 2, 17)))]


def test_a_construction_holiday_is_no_term() -> None:
    text = (
        "Aanvang der werken omstreeks 1 april 2027.\n"
        "Ter informatie: de zomer-bouwverlofperiode 2027 loopt van maandag 19 juli 2027 tot en "
        "met vrijdag 6 augustus 2027.\n"
    )
    assert all(kind is not Kind.END for kind, _ in timeline(text))


def test_a_paragraph_that_offers_dates_lends_its_step_to_the_list_after_a_blank_line() -> None:
    text = (
        "I.2 Verplicht plaatsbezoek\n\n"
        "Een plaatsbezoek is verplicht. Er worden twee momenten voorzien:\n\n"
        "  - woensdag 9 december 2026 om 9u00, of\n"
        "  - vrijdag 11 december 2026 om 13u30.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2026-12-09", "09:00")),
        (Kind.OTHER, at("2026-12-11", "13:30")),
    ]


def test_tenders_due_before_the_opening_are_due_at_its_moment() -> None:
    text = (
        "De offertes worden elektronisch ingediend. De offerte moet toekomen vóór de opening van "
        "de offertes.\n\n"
        "De opening van de offertes vindt plaats in openbare zitting op dinsdag 12 januari 2027 "
        "om 10u00.\n"
    )
    assert set(timeline(text)) == {
        (Kind.SUBMISSION_DEADLINE, at("2027-01-12", "10:00")),
        (Kind.OPENING, at("2027-01-12", "10:00")),
    }


def test_questions_due_before_the_opening_leave_the_opening_alone() -> None:
    text = (
        "Questions must be submitted at least two working days before the opening.\n"
        "Public opening of the tenders: 12 January 2027 at 10:00.\n"
    )
    assert timeline(text) == [(Kind.OPENING, at("2027-01-12", "10:00"))]


def test_a_section_not_part_of_the_timetable_dates_no_steps() -> None:
    text = (
        "Award decision: Friday 26 February 2027.\n\n"
        "3. Delivery and installation (not part of the procedure timetable)\n"
        "    Delivery: between 01.07.2027 and 31.08.2027\n"
        "    Installation and commissioning: completed by 30.09.2027\n"
    )
    assert timeline(text) == [(Kind.AWARD, Day(date(2027, 2, 26)))]


def test_offers_binding_until_a_date_and_a_funding_period_are_no_steps() -> None:
    text = (
        "The funding period runs from 01.01.2026 to 31.12.2028.\n"
        "Deadline for offers: Wednesday, 20.01.2027, 10:00.\n"
        "Offers are binding until 31.05.2027.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-20", "10:00"))]


def test_an_inspection_of_the_room_is_an_event() -> None:
    text = "(a) Inspection of the installation room (optional): Tuesday, 15.12.2026, 10:00\n"
    assert timeline(text) == [(Kind.OTHER, at("2026-12-15", "10:00"))]


def test_a_slots_length_is_no_time_of_day() -> None:
    text = (
        "The tenderers will be invited to a negotiation meeting, foreseen on Wednesday 20 January "
        "2027 (one slot of 1h30 per tenderer).\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 1, 20)))]


def test_a_contracts_term_until_a_day_in_brackets_is_its_end() -> None:
    text = (
        "- Duration: the contract is concluded for 4 years from the start date (until 14 March "
        "2031), renewable once.\n"
    )
    assert timeline(text) == [(Kind.END, Day(date(2031, 3, 14)))]


def test_not_in_the_week_of_but_on_a_day_gives_the_step_that_day() -> None:
    text = (
        "In afwijking van het bestek vindt de proeverij niet plaats in de week van 1 februari "
        "2027, maar op donderdag 18 februari 2027 tussen 10u00 en 15u00.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-02-18", "10:00", "15:00"))]


def test_each_old_date_of_a_sentence_is_the_old_date_of_its_own_step() -> None:
    text = (
        "Clarification deadline: 12 noon, Wednesday 6th January 2027\n"
        "Tender return date: 12 noon, Wednesday 20th January 2027\n\n"
        "Previously the clarification deadline was 12 noon on Friday 18th December 2026 and the "
        "tender return date was 12 noon on Wednesday 6th January 2027; these dates no longer "
        "apply.\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-06", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-20", "12:00")),
    ]


def test_the_dates_of_a_lot_that_all_stay_unchanged_stay() -> None:
    text = (
        "Uiterste datum verzoeken tot deelneming: 12-01-2027 12:00\n\n"
        "Voor perceel 2 wordt de termijn voor ontvangst van verzoeken tot deelneming verplaatst "
        "van 12-01-2027 12:00 naar 19-01-2027 12:00. Voor perceel 1 blijven alle data "
        "ongewijzigd.\n"
    )
    found = timeline(text)
    assert (Kind.PARTICIPATION_DEADLINE, at("2027-01-12", "12:00")) in found
    assert (Kind.PARTICIPATION_DEADLINE, at("2027-01-19", "12:00")) in found


def test_a_scanned_letters_letters_for_digits_are_read_as_digits() -> None:
    text = (
        "   Schouw (verplicht)             dinsdag 8 december 2026, 1O.00 uur\n"
        "   Uiterste datum vragen          vrijdag 1l decernber 2026, 12.00 uur\n"
        "   Uiterste datum inschrijving    dinsdag 12 januari 2O27, 11.OO uur\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2026-12-08", "10:00")),
        (Kind.QUESTIONS_DEADLINE, at("2026-12-11", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-12", "11:00")),
    ]


def test_words_and_quantities_that_look_scanned_stay_as_written() -> None:
    assert lines("O2, A4, Bijlage O.1, l.1, 240l en 1000l") == [
        "O2, A4, Bijlage O.1, l.1, 240l en 1000l"
    ]
    draft = extract("Contract notice\nI.1) Name and addresses: UMC Utrecht, Utrecht\n", zone=ZONE)
    assert draft.tender.buyer == "UMC Utrecht"


def test_a_day_one_is_free_afterwards_is_no_step() -> None:
    text = (
        "Ik ben woensdag 17-03-2027 de hele dag bij de tandarts en daarna vrij, dus vragen graag "
        "uiterlijk donderdag naar Fatima sturen.\n"
    )
    assert timeline(text) == []


def test_an_event_with_a_broken_end_keeps_its_start() -> None:
    text = (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261209T130000Z\nDTEND:2026xx\n"
        "SUMMARY:Schouw op locatie\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    assert timeline(text) == [(Kind.OTHER, at("2026-12-09", "14:00"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gesprekken op 14 januari 2027 om 9u00 of 13u30.\n", at("2027-01-14", "09:00")),
        (
            "Presentaties op 14 januari 2027 van 10u00 tot 11u30 per inschrijver.\n",
            span("2027-01-14", "10:00", "11:30"),
        ),
    ],
)
def test_times_of_day_beside_words_of_length_stay_times(text: str, expected: When) -> None:
    assert timeline(text)[0] == (Kind.INTERVIEWS, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Sluiting: 14 januari 2027.\nDe inschrijvingen en bijlagen moeten om 09:00 uur op "
        "dezelfde dag binnen zijn.\n",
        "Closing date: 14 January 2027.\nTenders must be received in full and in the portal on "
        "the same day at 09:00.\n",
    ],
)
def test_the_same_day_after_two_nouns_joined_by_and_is_the_steps(text: str) -> None:
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-14", "09:00"))]


def test_tenders_due_days_before_the_opening_are_not_due_at_it() -> None:
    text = (
        "Tenders must arrive two days before the opening.\n"
        "Public opening of the tenders: 12 January 2027 at 10:00.\n"
    )
    assert timeline(text) == [(Kind.OPENING, at("2027-01-12", "10:00"))]


def test_the_decision_on_the_selection_is_no_award() -> None:
    text = (
        "Requests to participate: 8 January 2027, 17:00\n"
        "Communication of the decision on selection: 22 January 2027\n"
    )
    assert (Kind.AWARD, Day(date(2027, 1, 22))) not in timeline(text)


def test_suppliers_replying_to_questions_give_no_answers() -> None:
    text = "Suppliers must reply to the tender questions in the portal by 12 January 2027.\n"
    assert (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 12))) not in timeline(text)
