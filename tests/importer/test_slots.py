"""The slots of a day: the times a buyer offers for interviews or presentations, listed after
their day or under a line that offers them, are one period from the first slot's start to the
last one's end."""

from __future__ import annotations

from tender_notifier.timeline import Kind

from .reading import span, timeline


def test_slots_after_their_day_are_one_period() -> None:
    text = (
        "Gesprekken:\n  Donderdag 14 januari 2027   09:00 - 10:00 | 10:30 - 11:30 | 13:00 - 14:00\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-01-14", "09:00", "14:00"))]


def test_two_blocks_of_one_day_joined_by_and_are_one_period() -> None:
    text = "Interviews: Monday 18 January 2027 from 09:00 - 11:00 and 14:00 - 16:00.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-01-18", "09:00", "16:00"))]


def test_named_slots_in_the_columns_of_a_table_are_one_period_per_day() -> None:
    text = (
        "Presentaties vinden plaats in de volgende tijdslots:\n"
        "\n"
        "  ma 18-01-2027   slot 1 09:00-10:00   slot 2 10:15-11:15   slot 3 13:00-14:00\n"
        "  di 19-01-2027   slot 4 13:00-14:00   slot 5 14:15-15:15\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-01-18", "09:00", "14:00")),
        (Kind.INTERVIEWS, span("2027-01-19", "13:00", "15:15")),
    ]


def test_a_line_offering_slots_lends_the_step_the_sentence_before_names() -> None:
    text = (
        "De presentaties vinden plaats in het gemeentehuis. Er zijn de volgende tijdvakken "
        "beschikbaar:\n"
        "\n"
        "- dinsdag 19 januari 2027, 13:00 - 16:00 uur\n"
        "- woensdag 20 januari 2027, 09:00 - 12:00 uur\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-01-19", "13:00", "16:00")),
        (Kind.INTERVIEWS, span("2027-01-20", "09:00", "12:00")),
    ]


def test_the_slots_of_an_invitation_are_the_interviews_not_the_invitation() -> None:
    text = (
        "The two highest scoring bidders will be invited to a clarification interview. "
        "The following slots are reserved:\n"
        "\n"
        "  Tuesday 26 January 2027     10:00 - 12:00\n"
        "  Thursday 28 January 2027    14:00 - 16:00\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-01-26", "10:00", "12:00")),
        (Kind.INTERVIEWS, span("2027-01-28", "14:00", "16:00")),
    ]


def test_a_span_after_a_step_of_its_own_is_no_slot_of_the_one_before() -> None:
    text = "Schouw: 12 januari 2027 09:00 - 10:00 uur; aansluitend vragenuur 10:30 - 11:00 uur.\n"
    assert timeline(text)[0] == (Kind.OTHER, span("2027-01-12", "09:00", "10:00"))


def test_an_afternoon_until_a_whole_hour_in_words() -> None:
    text = "Gesprekken: vrijdag 15 januari 2027, van kwart over één tot vier uur 's middags.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-01-15", "13:15", "16:00"))]
