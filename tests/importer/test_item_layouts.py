"""How the items of a timetable are laid out: a date on a line of its own over the words of its
step, a time in the cell of the words, a month in the column of dates, a time wrapped under its
date, dates "respectievelijk" of two things, the new days of a step called off."""

from __future__ import annotations

from datetime import date

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline, timeline_on


def test_a_date_alone_over_the_indented_words_of_its_step_is_read_with_them() -> None:
    text = (
        "KEY DATES\n"
        "\n"
        "  Wednesday 9th December 2026, 11:00 - 12:00\n"
        "      Optional online briefing for Framework Members (MS Teams).\n"
        "\n"
        "  Friday 18th December 2026, 17:00\n"
        "      Latest time for receipt of clarification questions.\n"
        "\n"
        "  Thursday 14th January 2027 at noon\n"
        "      Closing date and time for receipt of tenders.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2026-12-09", "11:00", "12:00")),
        (Kind.QUESTIONS_DEADLINE, at("2026-12-18", "17:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-14", "12:00")),
    ]


def test_a_date_alone_over_words_that_are_not_indented_under_it_is_not_joined_to_them() -> None:
    text = "Leiden, 14 januari 2027\nSluiting van de inschrijving is in de leidraad genoemd.\n"
    assert timeline(text) == []


def test_the_time_in_the_cell_of_the_words_is_the_time_of_the_date_beside_it() -> None:
    text = (
        "14.12.2026   uiterste datum inschrijving infosessie\n"
        "17.12.2026   infosessie, 14u00-16u00, kantoor Hasselt\n"
        "09.02.2027   11u00 - uiterste datum indienen offertes\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date_of("2026-12-14"))),
        (Kind.OTHER, span("2026-12-17", "14:00", "16:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-09", "11:00")),
    ]


def test_a_paragraph_number_in_the_cell_of_the_words_is_no_time() -> None:
    text = (
        "  #    Stap                          Wanneer\n"
        "  3.11 Sluiting inschrijving         maandag 5 juli 2027, 14.00 uur\n"
        "  3.12 Voornemen tot gunning         vrijdag 3 september 2027\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-07-05", "14:00")),
        (Kind.AWARD, Day(date_of("2027-09-03"))),
    ]


def test_a_deadline_and_the_opening_named_together_are_both_read_at_their_moment() -> None:
    text = "09.02.2027   11u00 - uiterste datum indienen offertes + opening van de offertes\n"
    assert sorted(timeline(text)) == sorted(
        [
            (Kind.SUBMISSION_DEADLINE, at("2027-02-09", "11:00")),
            (Kind.OPENING, at("2027-02-09", "11:00")),
        ]
    )


def test_a_month_in_the_column_of_dates_starts_the_next_item() -> None:
    text = (
        "09.02.2027   uiterste datum indienen offertes\n"
        "maart 2027   gunning (indicatief)\n"
        "03.05.2027   start van de werken\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, Day(date_of("2027-02-09"))),
        (Kind.START, Day(date_of("2027-05-03"))),
    ]


def test_a_row_of_words_within_a_table_is_no_head_row_for_the_rows_below_it() -> None:
    text = (
        "vr 15 jan 2027        Deadline vragen, 12u\n"
        "wk 4                  Beantwoording vragen (aan alle bureaus)\n"
        "do 4 feb 2027         Offerte inleveren, uiterlijk 12u\n"
        "wo 3 mrt 2027         Kick-off gekozen bureau met wethouder (stadhuis)\n"
    )
    kinds = [kind for kind, _ in timeline(text)]
    assert Kind.ANSWERS_PUBLISHED not in kinds
    assert (Kind.QUESTIONS_DEADLINE, at("2027-01-15", "12:00")) in timeline(text)


def test_a_time_wrapped_under_its_date_in_a_table_aligned_with_spaces_is_its_time() -> None:
    text = (
        "  Activity                                          Date\n"
        "  Latest date for receipt of clarification          Tuesday 5 January 2027\n"
        "  requests (Stage 1)                                at 12:00 noon\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-01-05", "12:00"))]


def test_dates_respectively_of_two_things_are_one_for_each() -> None:
    text = (
        "De Nota's van Inlichtingen worden uiterlijk op 14 januari 2027 respectievelijk"
        " 2 februari 2027 gepubliceerd."
    )
    assert timeline(text) == [
        (Kind.ANSWERS_PUBLISHED, Day(date_of("2027-01-14"))),
        (Kind.ANSWERS_PUBLISHED, Day(date_of("2027-02-02"))),
    ]


def test_the_new_days_listed_under_a_step_called_off_are_that_steps() -> None:
    text = (
        "De intakegesprekken op 10 en 11 december 2026 komen te vervallen. Nieuwe momenten:\n"
        "  - dinsdag 15 december 2026, 13:00 - 17:00 uur (Utrecht)\n"
        "  - woensdag 16 december 2026, 9.00 - 12.30 uur (online)\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2026-12-15", "13:00", "17:00")),
        (Kind.INTERVIEWS, span("2026-12-16", "09:00", "12:30")),
    ]


def test_the_time_of_each_day_may_stand_on_the_line_the_sentence_wraps_onto() -> None:
    text = (
        "De drie inschrijvers worden uitgenodigd voor een demonstratie op maandag 22 of dinsdag\n"
        "  23 februari 2027,\n"
        "  steeds tussen 9.00 en 16.00 uur.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-02-22", "09:00", "16:00")),
        (Kind.INTERVIEWS, span("2027-02-23", "09:00", "16:00")),
    ]


def date_of(day: str) -> date:
    return date.fromisoformat(day)


def test_the_time_in_a_column_of_comments_is_the_time_of_the_date_beside_it() -> None:
    text = (
        "  Activity                                 Date          Comments\n"
        "  Online information session               15/12/2026    11:00-12:30 (Brussels time),"
        " via MS Teams\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2026-12-15", "11:00", "12:30"))]


def test_registering_in_a_later_sentence_of_the_same_cell_is_for_the_event_it_follows() -> None:
    text = (
        "30-11-2026 15:02\tJ. de Wit\tBericht verzonden\tEr wordt een schouw georganiseerd op"
        " donderdag 10 december 2026 van 09:30 tot 12:00 uur. Deelname is niet verplicht."
        " Aanmelden via de berichtenmodule uiterlijk maandag 7 december 2026 12:00 uur.\n"
    )
    found = timeline(text)
    assert (Kind.OTHER, at("2026-12-07", "12:00")) in found
    assert (Kind.PARTICIPATION_DEADLINE, at("2026-12-07", "12:00")) not in found


def test_when_an_entry_of_a_log_was_made_is_no_step() -> None:
    text = (
        "Datum/tijd         | Type                      | Omschrijving\n"
        "-------------------+---------------------------+------------------------------\n"
        "03-12-2026 10:21   | Bericht ontvangen         | Uitnodiging informatiesessie\n"
        "01-12-2026 14:02   | Nota van Inlichtingen     | NvI 1 gepubliceerd\n"
        "24-11-2026 12:00   | Termijn verstreken        | Sluitingsdatum vragen ronde 1\n"
    )
    assert timeline(text) == []


def test_a_weekday_that_fits_no_year_near_an_old_date_takes_the_year_it_fits_after_reading() -> (
    None
):
    text = (
        "Our Social Value Strategy was approved on 18 March 2025.\n"
        "\n"
        "Tender return deadline: Thu 21 Jan, 12:00\n"
    )
    assert timeline_on(text, date(2026, 12, 4)) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-21", "12:00"))
    ]


def test_the_words_beside_a_dates_cell_say_what_is_said_of_the_step_the_first_cell_names() -> None:
    text = (
        "Fase                       Wanneer                       Praktisch\n"
        "-------------------------  ----------------------------  ---------------------------\n"
        "Kandidaatstelling          tot en met zondag             online via jobs.antwerpen.be;\n"
        "                           3 januari 2027                cv + motivatiebrief\n"
        "Uitslag schriftelijke      uiterlijk vrijdag             per e-mail; geslaagde\n"
        "proef                      29 januari 2027               kandidaten krijgen hun uur\n"
        "Indiensttreding            donderdag 1 april 2027        in overleg bespreekbaar\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 3))),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 29))),
        (Kind.START, Day(date(2027, 4, 1))),
    ]


def test_the_columns_of_lots_under_a_head_row_with_no_head_over_the_steps_are_each_lots() -> None:
    text = (
        "|                                 | Perceel 1               | Perceel 3               |\n"
        "|---------------------------------|-------------------------|-------------------------|\n"
        "| Sluiting inschrijving           | do 4 feb 2027, 10:00    | do 11 feb 2027, 10:00   |\n"
        "| Voorlopige gunning (verwacht)   | do 11 mrt 2027          | do 18 mrt 2027          |\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-04", "10:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-11", "10:00")),
        (Kind.AWARD, Day(date(2027, 3, 11))),
        (Kind.AWARD, Day(date(2027, 3, 18))),
    ]


def test_when_an_entry_of_a_log_was_posted_is_no_step_in_whichever_column_it_stands() -> None:
    text = (
        "Ref   Posted              Type            Subject\n"
        "----------------------------------------------------------------\n"
        "C-09  03/12/2026 16:12    Buyer Notice    Extension of deadlines\n"
        "C-08  03/12/2026 11:40    Clarification   Contract start date\n"
    )
    assert timeline(text) == []
