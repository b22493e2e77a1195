"""What the shape of a text says of its dates: a change notice's old and new text, the day of
the document itself, a paragraph that points to the list below it, a marketplace's list of
other requests, and the cells of tables wrapped over lines (bars, tabs, spaces, dots)."""

from __future__ import annotations

from datetime import date, datetime

from tender_notifier.timeline import Day, Kind, Moment, Span

from .corpus import ZONE
from .reading import at, timeline


def test_the_old_text_under_a_label_of_its_own_is_old() -> None:
    assert timeline(
        "Corrigendum 2\n"
        "\n"
        "Where it reads:\n"
        '"Time limit for receipt of tenders: 10 March 2027 at 16:00"\n'
        "It should read:\n"
        '"Time limit for receipt of tenders: 24 March 2027 at 16:00"\n'
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-24", "16:00"))]


def test_the_new_text_may_restate_a_day_that_did_not_change() -> None:
    assert timeline(
        "Plaats van de te wijzigen tekst: Looptijd van de opdracht\n"
        "In plaats van:\n"
        "Aanvang: 01/04/2027\n"
        "Einde: 31/03/2029\n"
        "Lezen:\n"
        "Aanvang: 01/05/2027\n"
        "Einde: 31/03/2029\n"
    ) == [(Kind.START, Day(date(2027, 5, 1))), (Kind.END, Day(date(2029, 3, 31)))]


def test_the_day_a_document_was_issued_is_no_step_whatever_the_document_is() -> None:
    assert timeline(
        "Clarification Bulletin 3                        Issued: 01/12/2026\n"
        "\n"
        "Clarification responses issued: 14 January 2027\n"
    ) == [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 14)))]


def test_a_notice_already_published_is_no_step_ahead() -> None:
    assert timeline(
        "Nota:   NvI 2 (8 vragen beantwoord), gepubliceerd op 02-12-2026\n"
        "Sluitingsdatum: 12-01-2027 10:00 uur\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-12", "10:00"))]


def test_a_paragraph_that_points_below_lends_its_heading_to_the_list_under_it() -> None:
    assert timeline(
        "Inschrijven\n"
        "Uw inschrijving moet per perceel binnen zijn vóór het onderstaande tijdstip.\n"
        "\n"
        "  - Perceel A: dinsdag 9 maart 2027, 10.00 uur\n"
        "  - Perceel B: dinsdag 9 maart 2027, 14.00 uur\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-09", "10:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-09", "14:00")),
    ]


def test_other_requests_listed_on_a_marketplace_page_are_not_this_one() -> None:
    assert timeline(
        "Sluitingsdatum: vrijdag 5 maart 2027\n"
        "\n"
        "Zie ook\n"
        "- Adviseur Omgevingswet (sluit 26-02-2027)\n"
        "- Projectsecretaris (sluit 01-03-2027)\n"
    ) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 5)))]


def test_the_questions_of_the_tender_phase_may_follow_the_candidates_presentations() -> None:
    assert timeline(
        "Requests to participate: 11 January 2027\n"
        "Presentations by shortlisted candidates: 8 February 2027\n"
        "Clarification questions (tender phase): 22 February 2027\n"
        "Final tenders: 15 March 2027\n"
    ) == [
        (Kind.PARTICIPATION_DEADLINE, Day(date(2027, 1, 11))),
        (Kind.INTERVIEWS, Day(date(2027, 2, 8))),
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 2, 22))),
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 15))),
    ]


def test_a_label_wrapped_in_a_table_ruled_with_bars_is_read_whole() -> None:
    assert timeline(
        "| Activity                            | Date                          |\n"
        "|-------------------------------------|-------------------------------|\n"
        "| Latest date for issue of answers    | 3 March 2027                  |\n"
        "| to clarification questions          |                               |\n"
        "| Closing date and time for receipt   | 12:00 noon on Wednesday       |\n"
        "| of tenders                          | 17 March 2027                 |\n"
        "| week 14                             | Evaluation                    |\n"
    ) == [
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 3, 3))),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-17", "12:00")),
    ]


def test_the_cells_of_a_table_parted_by_tabs_wrap_over_lines() -> None:
    assert timeline(
        "Stage\tDate\n"
        "Supplier briefing (online –\tThursday 14th January 2027,\n"
        "book via the portal)\t14:00 – 15:00\n"
        "Tender return deadline\t12:00 noon, Friday 5th\n"
        "\tFebruary 2027\n"
        "\tperceel 2\tdi 09-03-2027\n"
    )[:2] == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 14, 14, 0, tzinfo=ZONE), datetime(2027, 1, 14, 15, 0, tzinfo=ZONE)
            ),
        ),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-05", "12:00")),
    ]


def test_a_value_goes_on_under_its_cell_beside_a_column_the_row_above_left_empty() -> None:
    assert timeline(
        " Nr.  Activiteit                              Datum                      Tijdstip\n"
        " 1    Publicatie Nota van Inlichtingen        uiterlijk vrijdag 15\n"
        "                                              januari 2027               -\n"
    ) == [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 15)))]


def test_a_date_broken_over_two_lines_of_prose_is_one_date() -> None:
    assert timeline(
        "Attendance is optional. Those wishing to attend should register by 5pm on Monday 11th\n"
        "January 2027, giving the names of two attendees.\n"
    ) == [(Kind.OTHER, at("2027-01-11", "17:00"))]


def test_the_lots_listed_under_a_lead_in_take_its_step() -> None:
    assert timeline(
        "Deadline for final tenders:\n"
        "   Lot 1 ............................ 19.04.2027 kl. 12:00\n"
        "   Lot 2 ............................ 26.04.2027 kl. 12:00\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-04-19", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-26", "12:00")),
    ]


def test_a_label_in_brackets_hanging_under_a_dotted_row_belongs_to_it() -> None:
    assert timeline(
        "  - Information session for candidates\n"
        "    (online) ............................ Tuesday 2 March 2027, 10h00 - 11h30, link sent\n"
        "                                          to each candidate by the procurement team\n"
    ) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 3, 2, 10, 0, tzinfo=ZONE), datetime(2027, 3, 2, 11, 30, tzinfo=ZONE)
            ),
        )
    ]


def test_a_sentence_with_a_time_is_no_field_and_may_point_back() -> None:
    assert timeline(
        "Additional information: a walk-round of the depot is offered to tenderers.\n"
        "It takes place on 19/01/2027 at 10:00, meeting at the gate.\n"
    ) == [(Kind.OTHER, at("2027-01-19", "10:00"))]


def test_a_paragraph_that_announces_sections_lends_its_step_to_their_dates() -> None:
    assert timeline(
        "The Council will hold site visits for each lot. Details are as follows:\n"
        "\n"
        "LOT 1 - North depot (workshops and yard)\n"
        "   Date:   Wednesday 13 January 2027\n"
        "   Time:   10:00 - 12:00\n"
        "\n"
        "LOT 2 - South depot (offices)\n"
        "   Date:   Thursday 14 January 2027\n"
        "\n"
        "Places are limited to two per organisation. Tenders are due on 5 February 2027.\n"
    ) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 13, 10, 0, tzinfo=ZONE), datetime(2027, 1, 13, 12, 0, tzinfo=ZONE)
            ),
        ),
        (Kind.OTHER, Day(date(2027, 1, 14))),
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 2, 5))),
    ]


def test_the_day_a_log_is_issued_after_a_dash_is_no_step() -> None:
    assert timeline(
        "CLARIFICATION LOG – Version 2 – issued 02/12/2026\n"
        "\n"
        "Tenders are due by 12:00 on 15/01/2027.\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00"))]


def test_tupe_is_a_sign_of_uk_time() -> None:
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    assert timeline(
        "TUPE information will be provided with the ITT.\nTender return: 12:00 on 15/01/2027\n"
    ) == [(Kind.SUBMISSION_DEADLINE, Moment(datetime(2027, 1, 15, 12, 0, tzinfo=london)))]


def test_a_head_row_over_the_old_and_new_dates_only_leaves_the_steps_column_unnamed() -> None:
    text = (
        "The timetable has been revised as shown below.\n\n"
        "                                Previous                      Revised\n"
        "                                ------------------------      ---------------------\n"
        "Enquiry deadline                30 November 2026, 5:00pm      11 December 2026, 5pm\n"
        "Tender submission deadline      14 December 2026, 12:00pm     11 January 2027, 12:00\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-11", "17:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-11", "12:00")),
    ]


def test_a_day_said_to_come_after_publication_or_to_be_published_is_no_publication_date() -> None:
    valid_until = (
        "The list will be valid for five years from the date of publication of this call, i.e.\n"
        "until 3 December 2031.\n\n"
        "Only applications received by Friday 15 January 2027 at 17:00 will be considered.\n"
    )
    assert timeline(valid_until) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-15", "17:00"))]
    next_version = (
        "Vragen kunnen nog gesteld worden tot maandag 4 januari 2027, 12u. Een volgende versie\n"
        "van dit document wordt gepubliceerd op woensdag 6 januari 2027.\n"
    )
    assert (Kind.QUESTIONS_DEADLINE, at("2027-01-04", "12:00")) in timeline(next_version)


def test_a_cell_ending_on_verzoek_tot_goes_on_in_the_cell_below() -> None:
    text = (
        "  Uiterste moment indienen vragen                 donderdag 17 december    12:00\n"
        "                                                  2026\n"
        "  Uiterste moment indienen verzoek tot            donderdag 14 januari     14:00\n"
        "  deelneming                                      2027\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-17", "12:00")),
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-14", "14:00")),
    ]
    replies = "Reageren tot\t\t14-12-2026 10:00\nGesprekken\t\t17-12-2026\n"
    assert timeline(replies) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-14", "10:00")),
        (Kind.INTERVIEWS, Day(date(2026, 12, 17))),
    ]


def test_responses_under_a_first_stage_of_conditions_of_participation_are_requests() -> None:
    text = (
        "  * Stage 1 - Conditions of participation\n"
        "      Clarification questions close: 12:00 on Monday 11 January 2027\n"
        "      Responses due:                 12:00 on Monday 18 January 2027\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-11", "12:00")),
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-18", "12:00")),
    ]
