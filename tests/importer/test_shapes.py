"""Shapes of announcements the first corpus did not have: TED notices, restricted procedures,
moved dates, years left out, lots and rounds listed in one sentence, tables with a time column."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment, Span, When

from .corpus import ZONE


def at(day: str, clock: str) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), ZONE))


def timeline(text: str) -> list[tuple[Kind, When]]:
    return [(m.kind, m.when) for m in extract("Titel\n" + text, zone=ZONE).tender.milestones]


TED_DEADLINE = """IV.2.2) Time limit for receipt of tenders or requests to participate
Date: 10/05/2027
Local time: 14:00
IV.2.7) Conditions for opening of tenders
Date: 10/05/2027
Local time: 14:30
"""


def test_a_bare_date_under_a_ted_heading_takes_the_headings_meaning() -> None:
    assert timeline(TED_DEADLINE) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-05-10", "14:00")),
        (Kind.OPENING, at("2027-05-10", "14:30")),
    ]


def test_in_a_restricted_procedure_the_ted_deadline_is_for_requests_to_participate() -> None:
    text = "IV.1.1) Type of procedure\nRestricted procedure\n" + TED_DEADLINE
    assert timeline(text)[0] == (Kind.PARTICIPATION_DEADLINE, at("2027-05-10", "14:00"))


def test_a_restricted_procedure_keeps_its_invitations_before_the_tenders() -> None:
    text = (
        "Uiterste datum aanmelding: 1 februari 2027, 12:00 uur.\n"
        "Verzending uitnodiging tot inschrijving: 15 februari 2027.\n"
        "Sluitingsdatum inschrijving: 15 maart 2027, 12:00 uur.\n"
    )
    assert timeline(text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2027-02-01", "12:00")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 15))),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-15", "12:00")),
    ]


def test_a_moved_date_gives_the_new_date_only() -> None:
    text = (
        "UPDATE 22-02-2027: de sluitingsdatum is verplaatst van vrijdag 26 februari 2027 naar "
        "woensdag 3 maart 2027, 12:00 uur.\n"
        "Nieuwe datum gesprekken: 9 maart 2027 (was: 4 maart 2027).\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-03", "12:00")),
        (Kind.INTERVIEWS, Day(date(2027, 3, 9))),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # after the publication date: the year turns
        ("Geplaatst op 17-12-2026\nReageren vóór: 5 januari 12:00", "2027-01-05"),
        ("Geplaatst op 17-12-2026\nVragen kun je t/m 22 december stellen.", "2026-12-22"),
        # without one, the year that puts the day nearest the written dates
        ("Startdatum: 01-04-2027\nVragen kunnen tot 9 maart worden gesteld.", "2027-03-09"),
    ],
)
def test_a_year_left_out_is_read_from_the_announcement(text: str, day: str) -> None:
    draft = extract("Titel\n" + text, zone=ZONE)
    [found] = [m for m in draft.tender.milestones if m.kind is not Kind.START]
    assert found.begins(ZONE).date() == date.fromisoformat(day)


def test_a_year_left_out_stays_unplaced_without_dates_to_read_it_from() -> None:
    draft = extract("Titel\nVragen kunnen tot 9 maart worden gesteld.", zone=ZONE)
    assert draft.tender.milestones == ()
    assert any(u.reason.startswith("no year given") for u in draft.unplaced)


def test_a_year_read_from_the_announcement_is_listed_for_ops_to_check() -> None:
    draft = extract("Titel\nGeplaatst op 17-12-2026\nReageren vóór: 5 januari", zone=ZONE)
    assert any("read as 2027" in u.reason for u in draft.unplaced)


def test_lots_listed_in_one_sentence_share_the_words_at_its_end() -> None:
    text = "Perceel 1: 1 maart 2027, 12:00 uur; perceel 2: 8 maart 2027, 12:00 uur (sluiting)."
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-01", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-08", "12:00")),
    ]


def test_rounds_listed_in_one_sentence_share_the_words_at_its_start() -> None:
    text = "Indienen vragen 1e ronde: t/m 2 februari 2027; 2e ronde: t/m 16 februari 2027."
    assert [kind for kind, _ in timeline(text)] == [Kind.QUESTIONS_DEADLINE] * 2


def test_interview_rounds_named_between_dates_share_the_label() -> None:
    text = "Interviews: 20 April 2027 (first round, online) and 23 April 2027 (second round)"
    assert [kind for kind, _ in timeline(text)] == [Kind.INTERVIEWS] * 2


@pytest.mark.parametrize(
    "text",
    [
        "| 11 maart 2027 | 10:00 uur | Sluiting inschrijving |",
        "Datum en tijd sluiting: 11-03-2027 / 10:00 uur",
        "Deadline: 11 March 2027 @ 10:00",
        "Submission deadline\t11/03/2027 10h00",
        "Inschrijven kan tot 11 maart 2027 tot 10 uur.",
        "The deadline for receipt of tenders is 10:00 (Dutch time) on Thursday 11 March 2027.",
    ],
)
def test_the_time_of_a_deadline_is_read_in_more_shapes(text: str) -> None:
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-11", "10:00"))]


def test_hours_of_work_are_not_a_time() -> None:
    text = "Inschrijven kan tot 11 maart 2027. Je werkt 8 uur per dag."
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 11)))]


def test_one_misread_date_is_dropped_alone_not_with_everything_it_clashes_with() -> None:
    text = (
        "Het contract loopt van 1 januari 2025 tot 31 december 2025.\n"
        "Vragen: 8 februari 2027. Nota van inlichtingen: 10 februari 2027.\n"
        "Sluitingsdatum: 15 februari 2027. Gesprekken: 23 februari 2027.\n"
    )
    kinds = [kind for kind, _ in timeline(text)]
    assert kinds == [
        Kind.QUESTIONS_DEADLINE,
        Kind.ANSWERS_PUBLISHED,
        Kind.SUBMISSION_DEADLINE,
        Kind.INTERVIEWS,
    ]


def test_a_table_whose_head_row_names_the_dates_gives_them_that_meaning() -> None:
    text = (
        "| Lot | Description | Deadline for tenders |\n"
        "|---|---|---|\n"
        "| 1 | Arabic | 12 April 2027, 12:00 |\n"
        "| 2 | Turkish | 19 April 2027, 12:00 |\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-04-12", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-19", "12:00")),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Datum\tActiviteit\tTijd\n11-03-2027\tSluiting inschrijving\t10:00",
        "| Nr. | Activiteit | Datum | Tijd |\n| 4 | Sluiting inschrijving | 11-03-2027 | 10:00 |",
    ],
)
def test_a_table_row_is_read_whatever_the_order_of_its_columns(text: str) -> None:
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-11", "10:00"))]


def test_english_key_dates_with_q_and_a_shortlist_and_a_short_range_of_presentations() -> None:
    text = (
        "Deadline for questions (Q&A round 1): 1 February 2027, 12:00 hrs\n"
        "Q&A published: 5 February 2027\n"
        "Shortlist notification: 21 April 2027\n"
        "Supplier presentations: 28–29 April 2027\n"
        "Demonstration of the instrument: week of 3 May 2027\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-02-01", "12:00")),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 2, 5))),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 4, 21))),
        (Kind.INTERVIEWS, Day(date(2027, 4, 28))),
        (Kind.INTERVIEWS, Day(date(2027, 4, 29))),
    ]


def test_a_table_of_moved_dates_gives_the_new_column_only() -> None:
    text = (
        "Activiteit\tOorspronkelijke datum\tNieuwe datum\n"
        "Uiterste datum vragen\t5 oktober 2026\t12 oktober 2026 12:00 uur\n"
        "Sluiting inschrijving\t20 oktober 2026 10:00 uur\t3 november 2026 10:00 uur\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-10-12", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2026-11-03", "10:00")),
    ]


def test_a_row_with_the_date_first_and_the_time_in_the_activity_reads_both() -> None:
    text = "08-09-2026   Deadline vragen (12:00 uur)\n15-09-2026   Sluiting aanbiedingen\n"
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-09-08", "12:00")),
        (Kind.SUBMISSION_DEADLINE, Day(date(2026, 9, 15))),
    ]


def test_the_term_of_a_background_subject_is_background_too() -> None:
    text = (
        "Het DAS is ingesteld op 1 juli 2023 en loopt tot 1 juli 2027.\n"
        "The present contract, signed on 1 July 2019, will end on 30 June 2027.\n"
        "Sluitingsdatum: 1 december 2026 10:00 uur\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-01", "10:00"))]


def test_what_has_happened_already_is_no_milestone() -> None:
    text = (
        "De eerste vragenronde is gesloten op 25 september 2026; de eerste nota van inlichtingen "
        "is op 29 september 2026 gepubliceerd. De gesprekken zijn gepland op 8 oktober 2026.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2026, 10, 8)))]


def test_an_end_just_before_the_start_is_the_old_contracts_not_the_new_ones() -> None:
    text = (
        "Deze overeenkomst eindigt op 31 december 2026 en kan niet meer worden verlengd.\n"
        "Ingangsdatum overeenkomst: 1 februari 2027\n"
    )
    assert timeline(text) == [(Kind.START, Day(date(2027, 2, 1)))]


def test_questions_about_the_first_answers_are_a_second_questions_round() -> None:
    text = (
        "Vragen naar aanleiding van de eerste nota van inlichtingen kunnen worden gesteld tot "
        "7 sept. 2026 12.00 uur.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2026-09-07", "12:00"))]


def test_a_table_with_a_column_per_lot_gives_each_lot_its_dates() -> None:
    text = (
        "| Activiteit | Perceel 1 | Perceel 2 |\n"
        "|------------|-----------|-----------|\n"
        "| Sluiting inschrijving (10:00) | 6 april 2027 | 13 april 2027 |\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-04-06", "10:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-13", "10:00")),
    ]


def test_under_a_selection_phase_heading_the_deadline_is_for_requests_to_participate() -> None:
    text = (
        "Stage 1 - Selection\nDeadline: 12 March 2027, 12:00\n"
        "Stage 2 - Tender\nDeadline: 14 June 2027, 12:00\n"
    )
    assert timeline(text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2027-03-12", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-06-14", "12:00")),
    ]


def test_an_end_in_a_sentence_not_about_the_assignment_is_not_used() -> None:
    text = "Support for that system ends on 31 December 2028.\nStartdatum: 1 september 2027\n"
    assert timeline(text) == [(Kind.START, Day(date(2027, 9, 1)))]


def test_a_deadline_extended_from_one_date_to_another_gives_the_new_one() -> None:
    text = "The deadline has been extended from 15 March 2027 to 22 March 2027.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 22)))]


def test_tenders_opened_on_a_day_is_the_opening_not_the_deadline() -> None:
    text = "Inschrijvingen worden op 15 maart 2027 om 12:30 uur geopend.\n"
    assert timeline(text) == [(Kind.OPENING, at("2027-03-15", "12:30"))]


def test_a_sentence_that_gives_the_time_of_the_step_before_completes_it() -> None:
    text = "Reageren kan tot en met 14 juli 2027. Het tijdstip van sluiting is 12:00 uur.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-07-14", "12:00"))]


def test_a_time_for_another_step_does_not_complete_the_date_before() -> None:
    text = "De gesprekken zijn op 21 juli 2027. De vragen kunnen tot 12:00 uur worden gesteld.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 7, 21)))]


def test_lines_that_open_with_a_date_are_items_of_a_list() -> None:
    text = "7 juli 2027 – vragen\n14 juli 2027 12:00 – sluiting\n21 juli 2027 – gesprekken\n"
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 7, 7))),
        (Kind.SUBMISSION_DEADLINE, at("2027-07-14", "12:00")),
        (Kind.INTERVIEWS, Day(date(2027, 7, 21))),
    ]


def test_interviews_between_two_days_far_apart_are_a_period_not_two_days() -> None:
    assert timeline("Presentaties vinden plaats tussen 19 en 23 juli 2027.\n") == []


def test_a_step_on_the_same_day_as_the_one_before_takes_its_day() -> None:
    text = (
        "Inschrijven kan tot 1 september 2027 om 12:00 uur. "
        "Op diezelfde dag om 14:00 uur vindt de opening plaats.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-09-01", "12:00")),
        (Kind.OPENING, at("2027-09-01", "14:00")),
    ]


def test_a_step_the_day_after_the_one_before_takes_the_next_day() -> None:
    text = "De sluiting is op 1 september 2027 om 12:00 uur. De gesprekken volgen de dag erna.\n"
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-09-01", "12:00")),
        (Kind.INTERVIEWS, Day(date(2027, 9, 2))),
    ]


def test_a_time_field_without_uur_completes_the_date_above() -> None:
    text = "Sluitingsdatum: 14 juli 2027\nTijdstip: 12.00\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-07-14", "12:00"))]


def test_a_time_in_uk_time_is_the_same_moment_in_the_tenders_zone() -> None:
    text = (
        "Tender return deadline: 12:00 UK time on 22 March 2027.\n"
        "Notification of award decision: 20 April 2027 at 09:00 BST.\n"
        "Opening of tenders: 22 March 2027, 14:00 Brussels time.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-22", "13:00")),
        (Kind.OPENING, at("2027-03-22", "14:00")),
        (Kind.AWARD, at("2027-04-20", "10:00")),
    ]


def test_times_without_a_zone_are_read_in_the_zone_the_text_declares() -> None:
    text = (
        "All deadlines below are given in UK time, as displayed on the platform.\n"
        "Tenders must be uploaded by 11:00 on 17 March 2026.\n"
        "Opening of tenders: 17 March 2026, 14:00 CET.\n"
        "The standstill period ends on 5 May 2026 at 23:59.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-03-17", "12:00")),
        (Kind.OPENING, at("2026-03-17", "14:00")),
        (Kind.OTHER, at("2026-05-06", "00:59")),
    ]


def test_a_text_that_declares_the_tenders_own_zone_keeps_its_times() -> None:
    for line in ("All times are Dutch local time.", "Response times are measured in UTC."):
        text = f"{line}\nTenders must be uploaded by 11:00 on 17 March 2026.\n"
        assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-03-17", "11:00"))], line


def test_a_date_with_a_weekday_that_does_not_fall_on_it_is_used_and_listed_for_ops() -> None:
    draft = extract("Titel\nReageren kan tot vrijdag 22 februari 2027, 12:00 uur.\n", zone=ZONE)
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-22", "12:00"))
    ]
    assert any("vrijdag does not fall on 2027-02-22" in u.reason for u in draft.unplaced)


def test_without_any_date_written_out_the_month_a_step_names_gives_the_year() -> None:
    text = (
        "Wij zoeken iemand die per april 2027 kan beginnen.\n"
        "Sluiting: 9 maart, 12:00 uur\nGesprekken: 15 maart\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-09", "12:00")),
        (Kind.INTERVIEWS, Day(date(2027, 3, 15))),
    ]


def test_the_month_the_assignment_ends_gives_no_year() -> None:
    assert timeline("De opdracht loopt tot december 2028.\nSluiting: 9 maart, 12:00 uur\n") == []


def test_a_clause_that_opens_with_the_noun_of_the_verb_before_speaks_of_it() -> None:
    assert timeline(
        "Suppliers that are not yet admitted may still apply to join the DPS; applications must"
        " be received by 14 September 2027, 17:00 to be assessed in time for this call-off.\n"
    ) == [(Kind.PARTICIPATION_DEADLINE, at("2027-09-14", "17:00"))]


def test_a_row_that_holds_only_a_time_completes_the_date_of_the_row_above() -> None:
    text = (
        "Informatiebijeenkomst geselecteerde gegadigden            10 november 2026,\n"
        "(kantoor Apeldoorn, Kanaal Zuid)                          13:30 – 16:00 uur\n"
        "Sluiting vragenronde gunningsfase                         19 november 2026, 10:00 uur\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Span(at("2026-11-10", "13:30").at, at("2026-11-10", "16:00").at)),
        (Kind.QUESTIONS_DEADLINE, at("2026-11-19", "10:00")),
    ]


def test_a_row_of_values_only_reads_each_under_its_head() -> None:
    text = (
        "Opdrachtgever        Kadaster\n"
        "Uren per week        36\n\n"
        "Sluitingsdatum       Sluitingstijd\n"
        "03-06-2027           17:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-06-03", "17:00"))]


def test_a_date_first_row_keeps_its_activity_as_the_label() -> None:
    text = "Datum        Activiteit           Tijd\n03-06-2027   Sluiting inschrijving   17:00\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-06-03", "17:00"))]


def test_one_moment_written_in_two_zones_is_one_milestone() -> None:
    text = (
        "Latest time and date for receipt of tenders: 12 noon (Irish time), 22 September 2027.\n"
        "Note: the TED notice shows the time-limit for receipt of tenders as 22/09/2027 13:00 "
        "(Brussels time).\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-09-22", "13:00"))]


def test_one_clock_time_written_with_and_without_its_zone_is_one_milestone() -> None:
    text = (
        "Tender deadline: Dec 14, 2026 12:00 PM GMT (unchanged)\n"
        "The deadline remains 12:00 on 14 December 2026.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-14", "13:00"))]


def test_a_cell_wrapped_onto_the_next_line_of_a_space_aligned_table_is_read_whole() -> None:
    text = (
        "Event                                                 Date / Time\n"
        "Latest time and date for receipt of tenders           12 noon (Irish time), Wednesday\n"
        "                                                      22nd September 2027\n"
        "Contract commencement                                 1st December 2027\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-09-22", "13:00")),
        (Kind.START, Day(date(2027, 12, 1))),
    ]


@pytest.mark.parametrize(
    "sign",
    [
        "Public Contracts Scotland",
        "Sell2Wales",
        "UK4: Tender notice - Procurement Act 2023",
        "NHS Greater Manchester Integrated Care Board",
        "Estimated value: £250,000 excluding VAT",
        "NORTH RIDING COMMUNITY HEALTHCARE NHS TRUST",
        "Portal: Atamis",
        "Portal: In-Tend",
        "Buyer: Kildare County Council",
        "Buyer: Stockport Metropolitan Borough Council",
    ],
)
def test_a_text_of_the_uk_has_its_times_in_uk_time(sign: str) -> None:
    text = f"{sign}\n\nTender submission deadline: 12 March 2027, 12:00\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-12", "13:00"))]


def test_the_procurement_act_named_alone_says_nothing_of_the_zone() -> None:
    text = (
        "Contracting authority: Port of Rotterdam Authority\n"
        "Procurement Act 2023 references are for information only.\n\n"
        "Tender submission deadline: 12 April 2027, 12:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-04-12", "12:00"))]


def test_a_row_of_a_time_alone_does_not_complete_a_date_of_another_step() -> None:
    text = "Sluitingsdatum inschrijving:   3 juni 2027\nOpening:                       10:00 uur\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 6, 3)))]


def test_a_question_in_a_row_of_prose_cells_sets_no_date() -> None:
    text = (
        "| Nr | Vraag | Antwoord |\n"
        "| 14 | Kunt u bevestigen dat de sluitingsdatum voor inschrijvingen 9 april 2027 om 12:00"
        " uur is? | Ja, dat klopt; er verandert niets aan de planning van de aanbesteding. |\n"
    )
    assert timeline(text) == []


def test_an_nhs_supplier_named_in_a_dutch_text_says_nothing_of_the_zone() -> None:
    text = "Contact: NHS Supply Chain\n\nSluitingsdatum inschrijving: 3 juni 2027, 12:00 uur\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-06-03", "12:00"))]


def test_fields_that_end_on_a_comma_stay_fields() -> None:
    text = "Vragen: 3 juni 2027,\nAntwoorden: 10 juni 2027\n"
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 6, 3))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 6, 10))),
    ]


def span_of(day: str, begin: str, end: str) -> Span:
    return Span(
        datetime.combine(date.fromisoformat(day), time.fromisoformat(begin), ZONE),
        datetime.combine(date.fromisoformat(day), time.fromisoformat(end), ZONE),
    )


def test_cells_of_a_space_aligned_table_wrap_into_the_line_below_in_every_column() -> None:
    text = (
        "Activiteit                        Perceel A                      Perceel C\n"
        "--------------------------------  -----------------------------  ----------------\n"
        "Schouw (facultatief)              dinsdag 15 december 2026,      13 januari 2027,\n"
        "                                  9:00 - 12:00 uur               13:00 - 15:30 uur\n"
        "Sluitingstermijn inschrijving     4 februari 2027, 11:00 uur     18 februari 2027\n"
    )
    found = timeline(text)
    assert (Kind.OTHER, span_of("2026-12-15", "09:00", "12:00")) in found
    assert (Kind.OTHER, span_of("2027-01-13", "13:00", "15:30")) in found
    assert (Kind.SUBMISSION_DEADLINE, at("2027-02-04", "11:00")) in found


def test_a_label_broken_over_two_lines_of_an_aligned_table_keeps_its_row_whole() -> None:
    text = (
        "  Stap                                            Datum en tijdstip\n"
        "  2. Informatiebijeenkomst (Sluis Eefde, Ka-      dinsdag 12 januari 2027,\n"
        "     nalweg 1, Eefde)                             13.30 - 16.00 uur\n"
        "  3. Uiterste termijn indienen vragen             woensdag 20 januari 2027, 12.00 uur\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span_of("2027-01-12", "13:30", "16:00")),
        (Kind.QUESTIONS_DEADLINE, at("2027-01-20", "12:00")),
    ]


def test_hours_of_a_day_written_with_one_unit_after_both() -> None:
    assert timeline("Schouw: 10 december 2026, 13-15 uur.\n") == [
        (Kind.OTHER, span_of("2026-12-10", "13:00", "15:00"))
    ]
    # hours of work are no time of day
    assert timeline("Inzet 16-20 uur per week vanaf 1 maart 2027.\n") == [
        (Kind.START, Day(date(2027, 3, 1)))
    ]


def test_a_step_without_its_date_in_a_row_of_lots_is_no_label_of_the_others() -> None:
    text = (
        "| Perceel | Inschrijving uiterlijk | Presentatie inschrijver | Gunningsvoornemen |\n"
        "|---------|------------------------|-------------------------|-------------------|\n"
        "| 1       | 10-05-2027, 10:00 uur  | 24-05-2027, 09:00-12:00 | 07-06-2027        |\n"
        "| 3       | 18-05-2027, 10:00 uur  | geen presentatie        | 09-06-2027        |\n"
    )
    found = timeline(text)
    assert (Kind.SUBMISSION_DEADLINE, at("2027-05-18", "10:00")) in found
    assert (Kind.AWARD, Day(date(2027, 6, 9))) in found
    assert (Kind.INTERVIEWS, at("2027-05-18", "10:00")) not in found


def test_the_sentence_after_a_dated_step_may_give_its_hours() -> None:
    text = (
        "The three highest-scoring tenderers will be asked to present to the panel at Heol y "
        "Bont, Llandeilo, on Wednesday 24 February 2027. Sessions will run between 09:30 and "
        "16:00 and each tenderer will be allocated a 75-minute slot.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span_of("2027-02-24", "09:30", "16:00"))]
    text = (
        "Reageren kan tot en met maandag 12 april 2027. Na 23:59 uur die dag sluit de opdracht.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-04-12", "23:59"))]
    # the next row of a table is another subject
    text = (
        "7 | Komt er een tweede ronde? | Ja. De nota van inlichtingen verschijnt op 2 juni 2027.\n"
        "8 | Wat zijn de openingstijden? | 08:00 - 19:30 uur tijdens collegeweken.\n"
    )
    assert timeline(text) == [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 6, 2)))]


def test_a_notice_that_gives_its_times_in_a_capitals_time_is_read_in_it() -> None:
    text = (
        "All times are Lisbon local time (WET).\n"
        "Time limit for receipt of tenders: 19/01/2027 17:00\n"
    )
    lisbon = datetime(2027, 1, 19, 17, 0, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Moment(lisbon))]


def test_a_notices_section_of_additional_information_names_no_step() -> None:
    text = (
        "VI.3) Aanvullende inlichtingen\n"
        "Plaatsbezoek: er zijn twee vaste momenten, telkens aan de hoofdingang van de sporthal:\n"
        "- woensdag 16 december 2026 om 9.30 uur;\n"
        "- donderdag 7 januari 2027 om 14.00 uur.\n"
    )
    assert not any(kind is Kind.QUESTIONS_DEADLINE for kind, _ in timeline(text))


def test_day_and_month_of_two_digits_after_a_date_word_are_a_day_in_a_clause() -> None:
    text = (
        "Gesprekken: 2 maart 2027. Kandidaten die worden uitgenodigd, krijgen uiterlijk 26-02 "
        "een tijdslot.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 26))) in timeline(text)
    # the numbers of a unit are no day
    assert timeline("Gesprekken: 2 maart 2027. Reken op 10-12 dagen doorlooptijd.\n") == [
        (Kind.INTERVIEWS, Day(date(2027, 3, 2)))
    ]


def test_a_line_that_ends_on_a_colon_names_the_step_of_the_dates_listed_under_it() -> None:
    text = (
        "Planning 2026\n"
        "- Gesprekken (on site, locatie Venlo, Tegelseweg 210):\n"
        "    * maandag 9 maart, 09:00 - 12:00 uur\n"
        "    * woensdag 11 maart, 13:00 - 17:00 uur\n"
        "- Gunning: vrijdag 20 maart\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span_of("2026-03-09", "09:00", "12:00")),
        (Kind.INTERVIEWS, span_of("2026-03-11", "13:00", "17:00")),
        (Kind.AWARD, Day(date(2026, 3, 20))),
    ]


def test_the_hours_of_each_day_may_follow_the_days() -> None:
    text = (
        "Presentations will take place on Tuesday 24 February 2026 and Wednesday 25 February "
        "2026, morning sessions only, between 09:30 and 12:30 each day, at Fife House.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span_of("2026-02-24", "09:30", "12:30")),
        (Kind.INTERVIEWS, span_of("2026-02-25", "09:30", "12:30")),
    ]
    text = "Presentaties: dinsdag 16 en woensdag 17 juni 2026, steeds tussen 09:00 en 17:00 uur.\n"
    assert timeline(text) == [
        (Kind.INTERVIEWS, span_of("2026-06-16", "09:00", "17:00")),
        (Kind.INTERVIEWS, span_of("2026-06-17", "09:00", "17:00")),
    ]


def test_a_mail_from_a_uk_address_gives_its_times_in_uk_time() -> None:
    text = (
        "From: Tom Hadley <tom.hadley@carrickpublicsector.co.uk>\n"
        "\n"
        "Please send me your CV by 5pm on Thursday 7 January 2027.\n"
    )
    uk = datetime(2027, 1, 7, 17, 0, tzinfo=ZoneInfo("Europe/London"))
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Moment(uk))]


def test_labels_wrapped_in_the_first_column_of_an_aligned_timetable() -> None:
    text = (
        "  Activity                                    Date                 Comments\n"
        "  Deadline for requests for additional        08/01/2027           Via the Q&A tab of\n"
        "  information from tenderers                                       the call\n"
        "  Last date on which clarifications are       13/01/2027\n"
        "  issued by EMSA\n"
        "  Opening session                             21/01/2027 10:30     See section 1.6\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 1, 8))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 13))),
        (Kind.OPENING, at("2027-01-21", "10:30")),
    ]
    # a row of its own without a date is no wrapped label
    text = (
        "  tender_deadline       2027-02-15T12:00:00Z\n"
        "  opening               immediately after the deadline (not public)\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, Moment(datetime(2027, 2, 15, 12, 0, tzinfo=UTC)))
    ]


def test_days_joined_by_and_on_share_the_hours_written_after_the_last() -> None:
    text = (
        "Accompanied site visits will run on Tuesday 8 December 2026 and on Wednesday "
        "9 December 2026, between 9:30am and 3pm.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span_of("2026-12-08", "09:30", "15:00")),
        (Kind.OTHER, span_of("2026-12-09", "09:30", "15:00")),
    ]


def test_a_letter_dated_under_both_addresses_gives_the_year_of_its_days() -> None:
    text = (
        "AZ Sint-Jan Brugge AV\n"
        "Dienst Aankoop\n"
        "Ruddershove 10, 8000 Brugge\n"
        "\n"
        "                                              Aangetekend en per e-mail\n"
        "                                              MedTrace Benelux NV\n"
        "                                              t.a.v. de heer Koen Maes\n"
        "                                              Industrieweg 44\n"
        "                                              9032 Wondelgem\n"
        "\n"
        "Brugge, 8 maart 2027\n"
        "\n"
        "Betreft: uitnodiging tot het indienen van een initiële offerte\n"
        "\n"
        "Uw initiële offerte moet ons bereiken uiterlijk op maandag 19 april om 10.00 uur.\n"
        "Het ziekenhuis behoudt zich het recht voor om de opdracht te gunnen op basis van de\n"
        "initiële offertes (art. 38, §5 van de wet van 17 juni 2016).\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-04-19", "10:00"))]
