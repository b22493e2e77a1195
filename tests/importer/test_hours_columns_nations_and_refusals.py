"""Hours in columns of their own, a country's time, and what a refusal says: a table's "Tijd van"
and "Tijd tot" columns make a span, a numbered row without a date stays a row of its table, a
schedule's "Closed" ends a step and "-" is no label, a date-first row that opens on a weekday
in lower case is a row of its own, a footnote mark parts no date from its time, "all times are
Finnish time" puts the times in Helsinki's zone, the buyer that "will reply no later than" a
date publishes its answers, "should you be invited" names no invitation, a label that hangs
under its first line carries on to the date beside it, "waren <date>, nu <date>" moves a step,
"Nouvelle date" gets the step of its numbered heading, "Update:" brings news, "bericht over de
beslissing" is the award, "questions received after <date> will not be answered" is the
questions deadline, "door naar de tweede ronde" the shortlist, an allowed absence no term, a
"Duration: to <date> initially" the end, and a chat copied from Slack names its sender and the
time on a line of their own."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_hours_in_columns_of_their_own_make_a_span() -> None:
    text = (
        "Nr\tActiviteit\tDatum\tTijd van\tTijd tot\tOpmerking\n"
        "1\tInformatiebijeenkomst\t12-01-2027\t10:00\t11:30\tvia Teams\n"
        "2\tSluiting vragen\t18-01-2027\t12:00\t\t\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2027-01-12", "10:00", "11:30")),
        (Kind.QUESTIONS_DEADLINE, at("2027-01-18", "12:00")),
    ]


def test_start_and_end_time_columns_in_english_make_a_span() -> None:
    text = (
        "Step | Date | Start time | End time\n"
        "Site visit | 14/01/2027 | 09:30 | 12:00\n"
        "Tender deadline | 02/02/2027 | 12:00 |\n"
    )
    assert (Kind.OTHER, span("2027-01-14", "09:30", "12:00")) in timeline(text)


def test_a_numbered_row_without_a_date_stays_a_row_of_its_table() -> None:
    text = (
        "Nr\tFase\tActiviteit\tDatum\tTijd van\tTijd tot\n"
        "1\tVoorbereiding\tMarktconsultatie\t-\t\t\n"
        "2\tVoorbereiding\tSchouw locatie Noord\t13-01-2027\t13:30\t15:00\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2027-01-13", "13:30", "15:00"))]


def test_a_countrys_time_puts_the_times_in_its_zone() -> None:
    text = (
        "Timetable\n"
        "Please note: all times in this notice are Finnish time (EET).\n\n"
        "Deadline for receipt of tenders: 25.1.2027 at 12.00.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-25", "12:00", HELSINKI))]


def test_a_time_in_a_countrys_time_is_in_its_zone() -> None:
    text = "Tenders must be received by 1 February 2027, 13:00 (Swedish time).\n"
    stockholm = ZoneInfo("Europe/Stockholm")
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-01", "13:00", stockholm))]


def test_the_buyer_that_will_reply_by_a_date_publishes_its_answers_then() -> None:
    text = (
        "Requests for additional information\n"
        "The Agency will reply no later than 21 January 2027.\n"
    )
    assert timeline(text) == [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 21)))]


def test_a_condition_of_being_invited_names_no_invitation() -> None:
    text = (
        "If invited, the deadline for best and final offers will be 12:00 on Friday 29 January"
        " 2027.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-29", "12:00"))]


def test_a_label_hanging_under_its_first_line_goes_on_to_the_date_beside_it() -> None:
    text = (
        "Key dates\n"
        "Deadline for receipt of clarification        Monday 11th January 2027, 17:00\n"
        "Latest date for issue of clarification\n"
        "   responses                                  Friday 15th January 2027\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-11", "17:00")),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 15))),
    ]


def test_a_field_under_a_heading_is_no_hanging_label() -> None:
    text = (
        "The following time limit is amended:\n"
        "  Time limit for receipt of tenders\n"
        "    was:    08/02/2027 12:00\n"
        "    now:    22/02/2027 12:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-22", "12:00"))]


def test_what_the_steps_were_gives_way_to_what_they_are_now() -> None:
    text = "De pitches waren 19 januari 2027, nu donderdag 28 januari 2027.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 1, 28)))]


def test_word_of_the_decision_is_the_award() -> None:
    text = "Iedere kandidaat krijgt uiterlijk vrijdag 5 februari 2027 bericht over het besluit.\n"
    assert timeline(text) == [(Kind.AWARD, Day(date(2027, 2, 5)))]


def test_questions_received_after_a_date_that_are_not_answered_close_on_it() -> None:
    text = "Clarification questions received after Friday 15 January 2027 will not be answered.\n"
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, Day(date(2027, 1, 15)))]


def test_tenders_received_after_a_time_that_are_refused_are_due_then() -> None:
    text = "Offertes die na 3 februari 2027 om 10:00 uur zijn ingediend, worden niet beoordeeld.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-03", "10:00"))]


def test_questions_received_after_a_date_that_are_answered_later_close_nothing() -> None:
    text = "Questions received after 15 January 2027 will be answered in the next bulletin.\n"
    assert timeline(text) == []


def test_who_goes_on_to_the_second_round_is_the_shortlist() -> None:
    text = (
        "Selectie\n"
        "Kandidaten die door zijn naar de tweede ronde horen dat uiterlijk dinsdag 12 januari"
        " 2027.\n"
    )
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 12)))]


def test_a_slack_sender_and_time_part_messages_so_a_later_one_moves_a_date() -> None:
    text = (
        "#bids\n\n"
        "Anna de Wit  9:02 AM\n"
        "timetable from the ITT:\n"
        "• tender return: 12:00, Monday 18 January 2027\n\n"
        "Ravi Patel  3:47 PM\n"
        "update: addendum 2 is out, tender return moved to 12:00 on Mon 25 Jan 2027 (was 18th)\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-25", "12:00"))]


def test_a_french_new_date_under_a_numbered_heading_gets_its_step() -> None:
    text = (
        "AVIS RECTIFICATIF\n\n"
        "3. Date limite de dépôt des offres\n"
        "   Ancienne date : 18/01/2027 à 10h00\n"
        "   Nouvelle date : lundi 01/02/2027 à 10h00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-01", "10:00"))]


def test_an_update_label_brings_news_and_is_no_date_of_its_own() -> None:
    text = "Update: de presentaties zijn verplaatst naar woensdag 3 februari 2027.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 2, 3)))]


def test_the_day_of_an_update_is_no_step() -> None:
    assert timeline("Update: 03-02-2027\n") == []


def test_a_schedules_status_tells_a_step_gone_by_from_one_ahead() -> None:
    text = (
        "Step                          Date          Time    Status\n"
        "----------------------------  ------------  ------  ---------\n"
        "Deadline questions round 1    2027-01-11    12:00   Closed\n"
        "Publication of the answers    2027-01-14    -       Completed\n"
        "Deadline questions round 2    2027-01-25    12:00   Open\n"
        "Tender deadline               2027-02-08    10:00   Planned\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-25", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-08", "10:00")),
    ]


def test_a_note_of_information_and_the_next_qa_are_answers() -> None:
    text = (
        "Publication Note of Information 2: 2027-01-18\n\n"
        "The next Q&A (no. 4) will be published on 25 January 2027.\n"
    )
    assert timeline(text) == [
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 18))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 25))),
    ]


def test_responses_accepted_up_to_a_day_are_due_then() -> None:
    text = "Responses are accepted up to and including Friday 15 January 2027.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 15)))]


def test_a_candidates_allowed_absence_is_no_term() -> None:
    text = (
        "Start opdracht: 1 februari 2027.\n"
        "De kandidaat is in de periode van 1 april t/m 31 juli 2027 niet langer dan drie weken"
        " aaneengesloten afwezig.\n"
    )
    assert timeline(text) == [(Kind.START, Day(date(2027, 2, 1)))]


def test_a_duration_to_a_day_initially_ends_then() -> None:
    text = "Duration:   to 30 September 2027 initially (possible extension, max to 31 March 2028)\n"
    assert timeline(text) == [(Kind.END, Day(date(2027, 9, 30)))]


def test_the_day_extensions_may_reach_is_no_end() -> None:
    text = (
        "Contract end (initial term): 2030-07-31\n"
        "The contract may be extended twice by two years, to 31 July 2034 at the latest.\n"
    )
    assert timeline(text) == [(Kind.END, Day(date(2030, 7, 31)))]


def test_rows_of_a_date_first_table_that_open_on_a_weekday_stay_apart() -> None:
    text = (
        "Datum          Tijd            Activiteit\n"
        "-------------  --------------  --------------------------------------\n"
        "di 12-01-2027  -               Uitnodiging gesprekken aan de drie beste\n"
        "                               inschrijvers\n"
        "vr 15-01-2027  09.00-12.30     Gesprekken deel 1\n"
        "ma 01-03-2027  -               Start opdracht\n"
    )
    assert timeline(text) == [
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 12))),
        (Kind.INTERVIEWS, span("2027-01-15", "09:00", "12:30")),
        (Kind.START, Day(date(2027, 3, 1))),
    ]


def test_a_footnote_mark_after_a_date_leaves_its_time_under_it() -> None:
    text = (
        "                          Perceel A          Perceel B\n"
        "Inschrijving              09-02-2027         16-02-2027 \u00b9\n"
        "                          14:00 uur          14:00 uur\n\n"
        "\u00b9 De termijn voor perceel B is later vanwege de peilingen.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-09", "14:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-16", "14:00")),
    ]
