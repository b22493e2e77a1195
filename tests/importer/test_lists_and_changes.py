"""Shapes of the fifth set of training texts: date-first items, periods in From/To columns,
dotted leaders, lots, change notices, sections that are not binding, mail heads."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment, Span

from .corpus import ZONE
from .test_shapes import at, span_of, timeline


def test_a_date_first_item_gives_each_step_the_time_in_its_own_clause() -> None:
    text = (
        "2026-08-24  Sluiting vragen, 12:00 uur\n"
        "2026-09-15  Aanbesteding: inschrijving sluit om 11:00 uur, openbare opening om 11:15 uur\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-08-24", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2026-09-15", "11:00")),
        (Kind.OPENING, at("2026-09-15", "11:15")),
    ]


def test_a_table_with_from_and_to_columns_gives_each_row_a_period() -> None:
    text = (
        "Stage                        From          To\n"
        "Pre-qualification (SQ)       10.08.2026    07.09.2026 12:00\n"
        "Negotiation meetings         23.11.2026    27.11.2026\n"
        "Best and final offers        07.12.2026    18.12.2026 12:00\n"
    )
    assert timeline(text) == [
        (Kind.PARTICIPATION_DEADLINE, at("2026-09-07", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2026-12-18", "12:00")),
    ]


def test_dotted_leaders_part_a_label_from_its_date() -> None:
    text = (
        "Clarification deadline ............ Fri 18 Sep 2026, 12:00\n"
        "Quotation deadline ................ Mon 5 Oct 2026, 10:00\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-09-18", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2026-10-05", "10:00")),
    ]


def test_numbers_of_lots_before_a_date_are_not_days() -> None:
    text = "Award decision (estimated): Lots 1 and 2 – 7 August 2026; Lot 3 – 14 August 2026\n"
    assert timeline(text) == [
        (Kind.AWARD, Day(date(2026, 8, 7))),
        (Kind.AWARD, Day(date(2026, 8, 14))),
    ]


def test_a_line_that_changes_the_planning_replaces_the_earlier_dates_of_its_steps() -> None:
    text = (
        "[02-06-2026] Publicatie. Sluitingsdatum inschrijving: 30-06-2026 12:00. De Nota van "
        "Inlichtingen verschijnt op 19-06-2026.\n\n"
        "[09-06-2026] De sluitingsdatum verschuift naar 07-07-2026 12:00. De Nota van "
        "Inlichtingen volgt op 23-06-2026.\n"
    )
    draft = extract("Titel\n" + text, zone=ZONE)
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.ANSWERS_PUBLISHED, Day(date(2026, 6, 23))),
        (Kind.SUBMISSION_DEADLINE, at("2026-07-07", "12:00")),
    ]
    assert any(u.reason.startswith("replaced by 2026-07-07") for u in draft.unplaced)


def test_dates_under_a_heading_that_says_they_are_not_binding_are_not_used() -> None:
    text = (
        "Deadline for proposals: 19 June 2026, 12:00 CEST.\n\n"
        "Indicative timetable (for information only; these dates are not binding)\n"
        "- Vendor demonstrations: 29 and 30 June 2026\n"
        "- Contract start: 1 September 2026\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-06-19", "12:00"))]


def test_dates_of_a_section_the_text_says_is_not_binding_are_not_used() -> None:
    text = (
        "3.1 Selectiefase\n"
        "Uiterste datum indienen verzoek tot deelneming\t07-04-2026\t10:00\n\n"
        "3.2 Gunningsfase (indicatief)\n"
        "Uiterste datum indienen inschrijving\t29-09-2026\t10:00\n\n"
        "De planning van de gunningsfase in paragraaf 3.2 is niet bindend.\n"
    )
    assert timeline(text) == [(Kind.PARTICIPATION_DEADLINE, at("2026-04-07", "10:00"))]


def test_the_date_at_the_head_of_a_mail_is_the_day_it_was_published() -> None:
    text = (
        "Onderwerp: Uitnodiging offerte onderhoud liften\n"
        "Datum: 24 november 2026\n\n"
        "Uw vragen ontvangen wij graag uiterlijk vrijdag 4 december a.s.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, Day(date(2026, 12, 4)))]


def test_without_a_publication_date_the_weekday_picks_the_year_next_to_the_one_read() -> None:
    text = "Vragen: uiterlijk vrijdag 4 december.\nHet contract gaat in op 1 maart 2027.\n"
    assert timeline(text)[0] == (Kind.QUESTIONS_DEADLINE, Day(date(2026, 12, 4)))


def test_a_day_without_a_year_is_not_put_more_than_a_year_after_the_day_it_is_read() -> None:
    # the only year written is the end of the initial term, years ahead
    text = (
        "Titel\nOpdrachtgever: Gemeente X\n"
        "Vragen stellen tot: ma 11 jan, 12:00 uur\n"
        "Start raamovereenkomst: za 1 mei\n"
        "Einde eerste looptijd: ma 30 apr 2029\n"
    )
    draft = extract(text, zone=ZONE, today=date(2026, 12, 4))
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-11", "12:00")),
        (Kind.START, Day(date(2027, 5, 1))),
        (Kind.END, Day(date(2029, 4, 30))),
    ]


def test_a_bare_hour_with_u_next_to_a_date_and_a_day_joined_by_of() -> None:
    text = (
        "Offerte indienen     uiterlijk 05-11-2026, 10u\n"
        "Toelichting offerte  10 of 11-11-2026 (u krijgt een tijdslot toegewezen)\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-11-05", "10:00")),
        (Kind.INTERVIEWS, Day(date(2026, 11, 10))),
        (Kind.INTERVIEWS, Day(date(2026, 11, 11))),
    ]


def test_the_framework_agreements_own_term_is_no_end_of_the_call_off() -> None:
    text = "Start werkzaamheden: 01-12-2026\nDe raamovereenkomst zelf loopt tot 31-03-2028.\n"
    assert timeline(text) == [(Kind.START, Day(date(2026, 12, 1)))]


def test_a_new_date_under_the_old_one_takes_the_step_of_the_heading_above_them() -> None:
    draft = extract(
        "Rectificatie\nOpdrachtgever: Gemeente X\n"
        "Wijziging 1\n"
        "Paragraaf 3.1, uiterste datum voor het stellen van vragen\n"
        "In plaats van: 14 september 2027, 12:00 uur\n"
        "Te lezen: 21 september 2027, 12:00 uur\n",
        zone=ZONE,
    )
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.QUESTIONS_DEADLINE, Moment(datetime(2027, 9, 21, 12, 0, tzinfo=ZONE)))
    ]


def test_in_a_text_of_question_rounds_a_round_that_closes_is_the_questions() -> None:
    draft = extract(
        "Inkoop Wmo\nOpdrachtgever: Gemeente X\n"
        "Er zijn drie vragenrondes voorzien. Vragen voor de eerste ronde kunnen tot 5 oktober"
        " 2027 12:00 uur worden ingediend. Voor de tweede ronde is de sluitingstermijn"
        " 19 oktober 2027 12:00 uur, met de Nota van Inlichtingen op 22 oktober 2027; de"
        " laatste Nota verschijnt op 4 november 2027.\n"
        "Inschrijvingen ontvangen wij graag uiterlijk op 16 november 2027 voor 10:00 uur.\n",
        zone=ZONE,
    )
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.QUESTIONS_DEADLINE, Moment(datetime(2027, 10, 5, 12, 0, tzinfo=ZONE))),
        (Kind.QUESTIONS_DEADLINE, Moment(datetime(2027, 10, 19, 12, 0, tzinfo=ZONE))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 10, 22))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 11, 4))),
        (Kind.SUBMISSION_DEADLINE, Moment(datetime(2027, 11, 16, 10, 0, tzinfo=ZONE))),
    ]


def test_the_new_text_of_a_changed_part_gives_its_dates_to_the_step_the_part_names() -> None:
    text = (
        "Nummer van de afdeling: IV.2.2\n"
        "Plaats van de te wijzigen tekst: Termijn voor ontvangst van inschrijvingen\n"
        "In plaats van:\n"
        "Datum: 14/10/2027\n"
        "Plaatselijke tijd: 12:00\n"
        "Lezen:\n"
        "Datum: 28/10/2027\n"
        "Plaatselijke tijd: 12:00\n"
        "Nummer van de afdeling: IV.2.7\n"
        "Plaats van de te wijzigen tekst: Voorwaarden voor opening van de inschrijvingen\n"
        "In plaats van:\n"
        "Datum: 14/10/2027\n"
        "Plaatselijke tijd: 12:30\n"
        "Lezen:\n"
        "Datum: 28/10/2027\n"
        "Plaatselijke tijd: 12:30\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-10-28", "12:00")),
        (Kind.OPENING, at("2027-10-28", "12:30")),
    ]


def test_a_section_named_in_words_gives_its_step_to_the_new_text_under_it() -> None:
    text = (
        "Changes made\n\n"
        "Section: Clarification deadline\n"
        "Old text: 4 January 2027, 5:00pm\n"
        "New text: 15 January 2027, 5:00pm\n\n"
        "Section: Additional information\n"
        "Old text: The outcome will be notified on 5 February 2027.\n"
        "New text: The outcome will be notified on 19 February 2027.\n"
    )
    assert timeline(text)[0] == (Kind.QUESTIONS_DEADLINE, at("2027-01-15", "17:00"))
    assert (Kind.QUESTIONS_DEADLINE, at("2027-01-04", "17:00")) not in timeline(text)


def test_a_changed_time_limit_for_tenders_or_requests_is_the_open_procedures_deadline() -> None:
    text = (
        "Plaats van de te wijzigen tekst: Termijn voor ontvangst van inschrijvingen of "
        "deelnemingsaanvragen\n"
        "In plaats van:\nDatum: 17-12-2026\nPlaatselijke tijd: 12:00\n"
        "Te lezen:\nDatum: 14-01-2027\nPlaatselijke tijd: 12:00\n\n"
        "De informatiebijeenkomst op 9 december 2026 gaat door; aanmelden via de berichtenmodule.\n"
    )
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-14", "12:00")) in timeline(text)


def test_a_numbered_change_names_the_step_of_its_old_and_new_dates() -> None:
    text = (
        "Wijziging 1 - Termijn voor ontvangst van inschrijvingen\n"
        "In plaats van: 17-12-2026, 12:00 uur\n"
        "Te lezen: 12-01-2027, 12:00 uur\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-12", "12:00"))]


def test_indented_previous_and_now_fields_are_two_dates_not_one_old_line() -> None:
    text = (
        "Description of changes:\n"
        "- Deadline for receipt of tenders:\n"
        "  previously: 11/01/2027 17:00\n"
        "  now: 25/01/2027 17:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-25", "17:00"))]


def test_was_and_wordt_under_a_step_wrapped_onto_its_line() -> None:
    text = (
        "- Uiterste datum en tijdstip van inschrijving\n"
        "  was: 19 januari 2027, 10:00 uur\n"
        "  wordt: 2 februari 2027, 10:00 uur\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-02", "10:00"))]


def test_the_new_text_of_a_changed_part_ends_at_a_blank_line() -> None:
    text = (
        "Section to change: Time limit for receipt of tenders\n"
        "Instead of:\nDate: 14/10/2027\nRead:\nDate: 28/10/2027\n\n"
        "Date: 2/11/2027\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 10, 28)))]


def test_a_row_of_the_original_text_is_old_in_every_clause() -> None:
    text = (
        "Wijziging rubrieken IV.2.2 en IV.2.7\n"
        "Oorspronkelijk:   uiterste datum voor ontvangst van de offertes 18/03/2027 om 11u00;\n"
        "                  opening van de offertes op dezelfde dag om 11u00.\n"
        "Te lezen:         uiterste datum voor ontvangst van de offertes: donderdag 01/04/2027 om\n"
        "                  11u00. De offertes worden geopend op 01/04/2027 om 11u30.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-04-01", "11:00")),
        (Kind.OPENING, at("2027-04-01", "11:30")),
    ]


def test_a_day_a_list_item_moves_away_from_is_not_its_steps_in_the_quoted_mail() -> None:
    text = (
        "Verzonden: dinsdag 5 januari 2027 16:42\n\n"
        "- de gesprekken schuiven van dinsdag 12 januari naar donderdag 14 januari, tussen 13:00"
        " en 17:00 uur, in het Provinciehuis;\n\n"
        "-----Oorspronkelijk bericht-----\n"
        "Gesprekken:        dinsdag 12 januari (ochtend)\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, Span(at("2027-01-14", "13:00").at, at("2027-01-14", "17:00").at))
    ]


QA_LOG = """No. | Date received | Question                          | Response
----+---------------+-----------------------------------+--------------------------------
14  | 18/03/2027    | Given the Easter holidays, will   | Yes. The closing date has been
    |               | the Authority consider extending  | extended. Tenders must now be
    |               | the closing date of 12 noon on    | received via the platform
    |               | Friday 9 April 2027?              | Post-box by 12:00 noon on Friday
    |               |                                   | 23 April 2027.
----+---------------+-----------------------------------+--------------------------------
15  | 22/03/2027    | Will there be a site visit?       | An optional site visit will take
    |               |                                   | place on Tuesday 13 April 2027,
    |               |                                   | starting at 11:00 at Tullamore.
"""


def test_a_log_of_questions_whose_cells_wrap_reads_each_answer_whole() -> None:
    assert timeline(QA_LOG) == [
        (Kind.OTHER, at("2027-04-13", "11:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-23", "12:00")),
    ]


def test_a_row_with_an_empty_first_cell_and_no_other_is_still_another_date_of_the_row_above() -> (
    None
):
    text = "| Schouw | di 16 juni 2026, 09.00 - 12.00 uur |\n|   | di 23 juni 2026, 13.00 uur |\n"
    assert [kind for kind, _ in timeline(text)] == [Kind.OTHER, Kind.OTHER]


def test_the_days_a_log_of_questions_was_asked_and_answered_are_no_steps() -> None:
    text = (
        "Questions and Answers\n"
        "Last updated: 03/12/2026\n"
        "\n"
        "Q7 - Asked 02/12/2026 - Answered 03/12/2026\n"
        "Q: Will the return date take account of the Christmas shutdown?\n"
        "A: Yes. Site visits will take place on Tuesday 12 January 2027 from 10:00 to 14:00.\n"
        "\n"
        "Q6 - Asked 30/11/2026 - Answered 01/12/2026\n"
        "Q: When will the contract be awarded?\n"
        "A: The award decision is expected on 12 March 2027.\n"
    )
    assert timeline(text) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 12, 10, 0, tzinfo=ZONE), datetime(2027, 1, 12, 14, 0, tzinfo=ZONE)
            ),
        ),
        (Kind.AWARD, Day(date(2027, 3, 12))),
    ]


def test_an_answer_speaks_of_the_step_it_names_not_of_the_answers() -> None:
    text = (
        "Vraag: Is de schouw verplicht?\n"
        "Antwoord: De schouw op donderdag 10 december 2026 (13:00-15:00 uur) is niet verplicht.\n"
    )
    assert timeline(text) == [
        (
            Kind.OTHER,
            Span(
                datetime(2026, 12, 10, 13, 0, tzinfo=ZONE),
                datetime(2026, 12, 10, 15, 0, tzinfo=ZONE),
            ),
        )
    ]


def test_the_date_of_a_nota_van_inlichtingen_at_its_head_is_no_step() -> None:
    text = (
        "Gemeente Deventer\n"
        "NOTA VAN INLICHTINGEN 1\n"
        "Datum: 12 februari 2027\n"
        "\n"
        "De inschrijving sluit op 4 maart 2027 om 10:00 uur.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-04", "10:00"))]


def test_a_notice_published_on_a_day_counts_its_steps_from_that_day() -> None:
    text = (
        "Find a Tender\n"
        "Published 2 February 2027, 3:14pm\n"
        "\n"
        "Enquiry deadline\n"
        "3 March 2027, 5:00pm\n"
        "\n"
        "Recurring procurement\n"
        "Publication date of next tender notice (estimated): 1 October 2029\n"
    )
    uk_time = datetime(2027, 3, 3, 17, 0, tzinfo=ZoneInfo("Europe/London"))
    assert (Kind.QUESTIONS_DEADLINE, Moment(uk_time)) in timeline(text)


def test_the_day_a_log_was_exported_is_the_day_it_was_published() -> None:
    text = (
        "Public Contracts Scotland - Questions and Answers\n"
        "Q&A log exported 15/01/2026 17:02\n"
        "\n"
        "Question 1 - posted 09/01/2026 08:51\n"
        "Will the slides be shared?\n"
        "Answer - 09/01/2026 14:10\n"
        "Yes. They have been uploaded.\n"
        "\n"
        "Question 2 - posted 12/01/2026 09:14\n"
        "Is the deadline extended?\n"
        "Answer - 13/01/2026 15:20\n"
        "Yes. Tenders are now due by 12:00 on Friday 6 February 2026.\n"
    )
    uk_noon = datetime(2026, 2, 6, 12, 0, tzinfo=ZoneInfo("Europe/London"))
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Moment(uk_noon))]


def test_a_change_notice_gives_the_new_text_in_fields_on_the_line_of_its_label() -> None:
    text = (
        "VII.1.2 Te verbeteren tekst in de oorspronkelijke aankondiging\n"
        "\n"
        "  Afdeling nummer: IV.2.2\n"
        "  Plaats van de te wijzigen tekst: Termijn voor ontvangst van inschrijvingen\n"
        "  In plaats van:  Datum: 18/01/2027   Plaatselijke tijd: 10:00\n"
        "  Te lezen:       Datum: 01/02/2027   Plaatselijke tijd: 10:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-01", "10:00"))]


def test_a_change_of_one_lot_keeps_the_old_dates_of_the_others() -> None:
    text = (
        "Indicative Timetable\n"
        "Deadline for clarification requests: Tuesday 5 January 2027, 17:00\n"
        "SAQ return deadline: Thursday 14 January 2027, 12:00\n"
        "\n"
        "ADDENDUM No. 1 - the timetable for Lot 3 is amended as follows. The timetable for "
        "Lots 1 and 2 in paragraph 1.6 is NOT changed.\n"
        "\n"
        "  Step (Lot 3 only)                     Was                      Now\n"
        "  Deadline for clarification requests   5 January 2027, 17:00    19 January 2027, 17:00\n"
        "  SAQ return deadline                   14 January 2027, 12:00   28 January 2027, 15:00\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-05", "17:00")),
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-14", "12:00")),
        (Kind.QUESTIONS_DEADLINE, at("2027-01-19", "17:00")),
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-28", "15:00")),
    ]


def test_an_approximate_date_keeps_the_step_of_its_label() -> None:
    text = (
        "Notification of SAQ outcome / issue of ITT: (was c. 10 February 2027) on or about "
        "24 February 2027\n"
    )
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 24)))]


def test_each_lot_of_a_table_keeps_its_own_order_and_hours_wrapped_below() -> None:
    text = (
        "| Stap                        | Perceel 1           | Percelen 2 en 3          |\n"
        "|-----------------------------|---------------------|--------------------------|\n"
        "| Sluiting inschrijving       | ma 11-01-2027 10:00 | ma 25-01-2027 10:00      |\n"
        "| Presentatie plan van aanpak | di 19-01-2027       | di 02-02-2027            |\n"
        "|                             | 09:00 – 12:30       | 13:00 – 17:00            |\n"
        "| Voornemen tot gunning       | vr 29-01-2027       | vr 12-02-2027            |\n"
    )
    found = timeline(text)
    morning = Span(
        datetime(2027, 1, 19, 9, 0, tzinfo=ZONE), datetime(2027, 1, 19, 12, 30, tzinfo=ZONE)
    )
    afternoon = Span(
        datetime(2027, 2, 2, 13, 0, tzinfo=ZONE), datetime(2027, 2, 2, 17, 0, tzinfo=ZONE)
    )
    assert (Kind.INTERVIEWS, morning) in found
    assert (Kind.INTERVIEWS, afternoon) in found  # after the award of lot 1
    assert (Kind.AWARD, Day(date(2027, 1, 29))) in found


def test_a_row_of_moved_dates_with_its_new_cell_empty_keeps_its_date() -> None:
    text = (
        "Waar de kolom 'Nieuw' leeg is, blijft de oorspronkelijke datum van kracht.\n"
        "\n"
        "Activiteit\tOorspronkelijk\tNieuw\n"
        "Sluiting vragenronde 1\t20-01-2027 10:00\t27-01-2027 10:00\n"
        "Sluiting vragenronde 2\t17-02-2027 10:00\t\n"
        "Mededeling voornemen tot gunning\tuiterlijk 27-04-2027\tuiterlijk 04-05-2027\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-27", "10:00")),
        (Kind.QUESTIONS_DEADLINE, at("2027-02-17", "10:00")),
        (Kind.AWARD, Day(date(2027, 5, 4))),
    ]


def test_the_times_entries_of_a_log_were_written_are_no_steps() -> None:
    text = (
        "Vragen en antwoorden (laatst bijgewerkt woensdag 22-09-2027, 15:40)\n"
        "\n"
        "Question 7 - posted 22/09/2027 09:14\n"
        "Answer - 22/09/2027 12:05\n"
        "The presentations will take place on 5 October 2027.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 10, 5)))]


def test_not_on_one_day_but_on_another() -> None:
    text = (
        "Vraag: Komt er een tweede vragenronde?\n"
        "Antwoord: Ja. De tweede ronde sluit echter niet op vrijdag 20 februari 2026, maar op "
        "dinsdag 24 februari 2026 om 12:00 uur.\n"
        "\n"
        "De presentaties worden verplaatst naar dinsdag 24 maart 2026 en vinden plaats tussen "
        "09:00 en 16:00 uur in het Provinciehuis.\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-02-24", "12:00")),
        (
            Kind.INTERVIEWS,
            Span(
                datetime(2026, 3, 24, 9, 0, tzinfo=ZONE), datetime(2026, 3, 24, 16, 0, tzinfo=ZONE)
            ),
        ),
    ]


def test_a_sentence_pointing_back_over_a_voided_date_takes_its_step_and_place() -> None:
    text = (
        "- Presentations: no longer on 15 January. They will now take place on Tuesday\n"
        "  19 January 2027 at our Town Hall, Market Square, between 10:00 and 12:30.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span_of("2027-01-19", "10:00", "12:30"))]
