"""Times written the way other countries and trades write them: "1500hrs", "kl. 12.00", "12u
per mail", a time in the zone of an EU body's seat or of any city ("Nairobi time"), an
abbreviation of one zone ("EST"), "local time" in a notice about a place abroad, a text that
writes one time in UK time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tender_notifier.importer.dates import find_dates
from tender_notifier.timeline import Day, Kind, Span

from .corpus import ZONE
from .reading import at, timeline

LONDON = ZoneInfo("Europe/London")


def test_a_time_in_hours_and_minutes_without_a_colon_is_read_next_to_a_date() -> None:
    assert timeline("Tenders must be returned by 1400hrs on Friday 12th March 2027.\n") == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-12", "14:00"))
    ]


def test_hours_of_work_in_that_form_are_no_time() -> None:
    assert timeline("Start: 1 June 2027. The estimate is 1200 hrs over the first year.\n") == [
        (Kind.START, Day(date(2027, 6, 1)))
    ]


def test_an_hour_sent_by_mail_is_a_time_hours_per_week_are_not() -> None:
    assert timeline("Graag je cv uiterlijk dinsdag 9 maart 2027 17u per mail naar mij.\n") == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-09", "17:00"))
    ]


def test_a_time_in_the_zone_of_an_eu_body_seat_is_that_moment() -> None:
    assert timeline(
        "Time limit for receipt of tenders: 3 March 2027 at 16:00 (Lisbon time)\n"
        "Opening of tenders: 5 March 2027 at 11:00 (Helsinki time)\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-03", "16:00", ZoneInfo("Europe/Lisbon"))),
        (Kind.OPENING, at("2027-03-05", "11:00", ZoneInfo("Europe/Helsinki"))),
    ]


def test_the_nordic_word_before_a_time_ties_it_to_its_date() -> None:
    assert timeline("Deadline for submission of tenders: 22 April 2027 kl. 12.00\n") == [
        (Kind.SUBMISSION_DEADLINE, at("2027-04-22", "12:00"))
    ]


def test_one_time_written_in_uk_time_puts_the_bare_ones_in_it_too() -> None:
    assert timeline(
        "Tender deadline: 4 March 2027, 12:00 PM GMT\n"
        "Clarification questions close at 17:00 on 22 February 2027.\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-02-22", "17:00", LONDON)),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-04", "12:00", LONDON)),
    ]


def test_an_offset_from_gmt_is_no_sign_of_uk_time() -> None:
    assert timeline(
        "Webinar: 10 February 2027, 10:00 (GMT+1)\nSluiting inschrijving: 3 maart 2027 12:00 uur\n"
    )[-1] == (Kind.SUBMISSION_DEADLINE, at("2027-03-03", "12:00"))


def test_a_time_field_keeps_its_own_time_not_the_one_in_its_aside() -> None:
    assert timeline(
        "Supplier information session\n"
        "\n"
        "Date:   Tuesday 16 March 2027\n"
        "Time:   1:30pm until 4pm (doors open at 1pm)\n"
        "Venue:  Town Hall\n"
    ) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 3, 16, 13, 30, tzinfo=ZONE),
                datetime(2027, 3, 16, 16, 0, tzinfo=ZONE),
            ),
        )
    ]


def test_the_verb_may_after_a_number_is_no_date() -> None:
    assert find_dates("Bidders for Lot 2 may ask questions until 1 May 2027.")[0].text == (
        "1 May 2027"
    )
    assert [h.text for h in find_dates("Lot 3 may be awarded separately.")] == []


def test_hours_told_as_a_start_and_how_long_it_runs_are_a_period() -> None:
    assert timeline(
        "De presentaties vinden plaats op dinsdag 2 februari 2027. De presentaties beginnen om"
        " half tien en duren tot uiterlijk 12.30 uur.\n"
    ) == [
        (
            Kind.INTERVIEWS,
            Span(
                datetime(2027, 2, 2, 9, 30, tzinfo=ZONE), datetime(2027, 2, 2, 12, 30, tzinfo=ZONE)
            ),
        )
    ]


def test_a_time_in_the_zone_of_a_city_anywhere_is_that_moment() -> None:
    assert timeline(
        "Deadline for submission of bids: 14 January 2027 at 1600 hrs Nairobi time.\n"
        "Pre-bid meeting: 5 January 2027 at 10:00 (Geneva time)\n"
        "Bid opening: 15 January 2027 at 10:00 Kathmandu time\n"
    ) == [
        (Kind.OTHER, at("2027-01-05", "10:00", ZoneInfo("Europe/Zurich"))),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-14", "16:00", ZoneInfo("Africa/Nairobi"))),
        (Kind.OPENING, at("2027-01-15", "10:00", ZoneInfo("Asia/Kathmandu"))),
    ]


def test_an_abbreviation_of_one_zone_only_names_it_a_word_does_not() -> None:
    assert timeline(
        "Expressions of interest must be received by 12:00 noon EST on 20 January 2027.\n"
        "Questions may be sent until 8 January 2027 at 10:00 eat.\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-08", "10:00")),
        (Kind.PARTICIPATION_DEADLINE, at("2027-01-20", "12:00", ZoneInfo("America/New_York"))),
    ]


def test_local_time_is_the_time_of_the_place_the_notice_is_about() -> None:
    assert timeline(
        "Kutaisi Municipality, Georgia - Electric Buses\n"
        "Bids must be delivered to the address below on or before 9 March 2027 at 14:00 hours"
        " (local time). Bids will be opened in Kutaisi, Georgia on 9 March 2027 at 15:00 hours"
        " (local time).\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-09", "14:00", ZoneInfo("Asia/Tbilisi"))),
        (Kind.OPENING, at("2027-03-09", "15:00", ZoneInfo("Asia/Tbilisi"))),
    ]


def test_one_time_in_a_city_s_time_puts_the_others_in_it_too() -> None:
    assert timeline(
        "Closing date for bids: Thursday 28 January 2027, 14:00 hrs Amman time\n"
        "Site visit: Monday 11 January 2027 at 09:30 hrs\n"
    ) == [
        (Kind.OTHER, at("2027-01-11", "09:30", ZoneInfo("Asia/Amman"))),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-28", "14:00", ZoneInfo("Asia/Amman"))),
    ]


def test_a_time_om_klokke_is_the_dates_time() -> None:
    text = "Sluiting inschrijving:   dinsdag 2 februari 2027, om klokke 11.00 uur\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-02", "11:00"))]
