"""Dates and times as announcements write them."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.importer import extract
from tender_notifier.importer.dates import find_dates, month_names
from tender_notifier.importer.times import find_times
from tender_notifier.importer.years import Years
from tender_notifier.timeline import Kind

from .corpus import ZONE
from .reading import at


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("woensdag 15 juli 2026", date(2026, 7, 15)),
        ("16 mrt 2026", date(2026, 3, 16)),
        ("1 okt. 2026", date(2026, 10, 1)),
        ("1 sept. 2026", date(2026, 9, 1)),
        ("15-07-2026", date(2026, 7, 15)),
        ("15/07/2026", date(2026, 7, 15)),
        ("2026-07-15", date(2026, 7, 15)),
        ("July 15, 2026", date(2026, 7, 15)),
        ("1 Oct. 2026", date(2026, 10, 1)),
        ("1st of October 2026", date(2026, 10, 1)),
        ("Wednesday 7 October 2026", date(2026, 10, 7)),
        ("15-07-26", date(2026, 7, 15)),
        ("15/07/26", date(2026, 7, 15)),
        ("15 juli '26", date(2026, 7, 15)),
    ],
)
def test_a_written_date_is_read(text: str, day: date) -> None:
    [hit] = find_dates(f"tot {text}, zegt de tekst")
    assert (hit.day, hit.problem, hit.text) == (day, None, text)


def test_month_names_come_from_babel_in_dutch_and_english() -> None:
    names = month_names()
    assert names["mrt"] == names["maart"] == names["march"] == 3
    assert names["okt"] == names["oct"] == 10


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("15 juli", "no year given"),
        ("31 juni 2026", "not a real date"),
        # "di 9-3" is a date only because of its weekday: when that does not fit, it is none
        ("vr 9-12 uur", "vr does not fall on that date"),
    ],
)
def test_a_date_that_cannot_be_used_says_why(text: str, problem: str) -> None:
    years = Years(date(2027, 7, 1), ()) if text.startswith("vr") else None
    [hit] = find_dates(text, years)
    assert (hit.day, hit.problem) == (None, problem)


@pytest.mark.parametrize(
    ("text", "years", "day"),
    [
        ("maandag 21 juli 2026", None, date(2026, 7, 21)),
        ("vrijdag 16 februari", Years(date(2027, 2, 1), ()), date(2027, 2, 16)),
    ],
)
def test_a_date_whose_weekday_does_not_fall_on_it_is_read_with_the_weekday_noted(
    text: str, years: Years | None, day: date
) -> None:
    [hit] = find_dates(text, years)
    assert (hit.day, hit.problem, hit.other_weekday) == (day, None, text.split()[0])


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Uw offerte ontvangen wij uiterlijk 5/1 om 10:00 uur.", [date(2027, 1, 5)]),
        ("Vragen tot 14/12, 12:00 uur.", [date(2026, 12, 14)]),
        ("Questions by 5-1.", [date(2027, 1, 5)]),
        ("De gesprekken zijn op 12/1 en 13/1.", [date(2027, 1, 12), date(2027, 1, 13)]),
        ("Start per 1-2-2027.", [date(2027, 2, 1)]),
    ],
)
def test_a_day_and_month_of_one_digit_after_a_word_for_a_date_are_a_day(
    text: str, days: list[date]
) -> None:
    assert [h.day for h in find_dates(text, Years(date(2026, 12, 1), ()))] == days


@pytest.mark.parametrize(
    "text",
    ["voor 1/2 dag per week", "op 3/4 van de tijd", "tot 1-2 dagen", "op 2-3 locaties"],
)
def test_fractions_and_ranges_of_numbers_after_such_a_word_are_not_days(text: str) -> None:
    assert find_dates(text, Years(date(2026, 12, 1), ())) == []


@pytest.mark.parametrize(
    "text",
    [
        "Duur 3 maanden",
        "sinds 2019",
        "in 2025 is besloten",
        "z.s.m.",
        "sluit morgen",
        "binnen 2 weken",
        "€ 2,25 per uur",
        "75.000 inwoners",
        "tel. 035-7510777",
        "24/7 bereikbaar",
        "1-2 dagen per week",
        "10-12 uur per week",
        "score 3/5",
        "versie 1.2.27",
    ],
)
def test_vague_text_and_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [("di 13-7", date(2027, 7, 13)), ("Thu 9/9", date(2027, 9, 9)), ("14/07", date(2027, 7, 14))],
)
def test_day_and_month_in_numbers_are_a_day_after_a_weekday_or_with_two_digit_month(
    text: str, day: date
) -> None:
    [hit] = find_dates(f"tot {text}, 12:00 uur", Years(date(2027, 7, 1), ()))
    assert (hit.day, hit.guessed_year, hit.text) == (day, True, text)


def test_a_bare_day_before_a_date_shares_its_month_and_year() -> None:
    hits = find_dates("op 20 en/of 21 juli 2026")
    assert [h.day for h in hits] == [date(2026, 7, 20), date(2026, 7, 21)]


@pytest.mark.parametrize(
    ("text", "begin"),
    [
        ("09:00 uur", time(9)),
        ("12.00 uur", time(12)),
        ("9.00u", time(9)),
        ("12u00", time(12)),
        ("12 midday", time(12)),
        ("12:00pm", time(12)),
        ("2.00 pm", time(14)),
        ("5pm", time(17)),
        ("12 noon", time(12)),
        ("10:00 CET", time(10)),
        ("om 9 uur", time(9)),
    ],
)
def test_a_written_time_is_read(text: str, begin: time) -> None:
    [hit] = find_times(text, [])
    assert (hit.begin, hit.finish, hit.weak) == (begin, None, False)


@pytest.mark.parametrize(
    ("text", "begin", "zone"),
    [
        ("12:00 UK time", time(12), ZoneInfo("Europe/London")),
        ("17:00 (UK local time)", time(17), ZoneInfo("Europe/London")),
        ("09:00 BST", time(9), ZoneInfo("Europe/London")),
        ("10:00 GMT", time(10), UTC),
        ("12:00:00 (UTC+01:00)", time(12), timezone(timedelta(hours=1))),
        ("14:00 Brussels time", time(14), None),
        ("12.00 CET", time(12), None),
        ("12:00 CET/CEST", time(12), None),
    ],
)
def test_a_time_keeps_the_zone_it_is_written_in_when_it_is_not_the_tenders(
    text: str, begin: time, zone: tzinfo | None
) -> None:
    [hit] = find_times(f"uiterlijk {text} op de dag", [])
    assert (hit.begin, hit.zone, hit.weak, hit.text) == (begin, zone, False, text)


@pytest.mark.parametrize(
    "text",
    [
        "van 09:30 uur tot 15:30 uur",
        "09:30-15:30",
        "between 09:30 and 15:30",
        "tussen 9.30 en 15.30 uur",
    ],
)
def test_two_times_joined_by_tot_or_and_are_a_span(text: str) -> None:
    [hit] = find_times(text, [])
    assert (hit.begin, hit.finish) == (time(9, 30), time(15, 30))


def test_a_dotted_time_without_uur_is_weak() -> None:
    [hit] = find_times("om 12.00", [])
    assert hit.weak


def test_a_bare_hour_is_a_weak_time_and_hours_of_work_are_none() -> None:
    [hit] = find_times("14 juli 2026, 12 uur", [])
    assert (hit.begin, hit.weak) == (time(12), True)
    assert find_times("16 uur per week, 2 uur per kandidaat", []) == []
    assert find_times("van 16 tot 20 uur per week", []) == []


def test_a_span_of_bare_hours_is_read() -> None:
    [hit] = find_times("21 juli 2027 van 9 tot 12 uur", [])
    assert (hit.begin, hit.finish) == (time(9), time(12))


def test_hours_per_week_are_not_times() -> None:
    assert find_times("24 tot 27 uur per week", []) == []


def test_a_month_first_range_takes_the_year_of_its_second_day() -> None:
    hits = find_dates("Supplier presentations October 26 \u2013 27, 2026")
    assert [h.day for h in hits] == [date(2026, 10, 26), date(2026, 10, 27)]
    assert not any(h.guessed_year for h in hits)


def test_a_month_first_range_without_a_year_takes_the_year_read_for_its_first_day() -> None:
    hits = find_dates("Interviews: August 26-27.", Years(date(2027, 8, 16), ()))
    assert [h.day for h in hits] == [date(2027, 8, 26), date(2027, 8, 27)]
    assert [h.day for h in find_dates("September 13 - 17:00", Years(date(2027, 8, 16), ()))] == [
        date(2027, 9, 13)
    ]


def test_a_second_day_after_an_iso_date_takes_its_month_and_year() -> None:
    assert [h.day for h in find_dates("2026-09-15/16  Demonstrations")] == [
        date(2026, 9, 15),
        date(2026, 9, 16),
    ]


def test_a_date_years_before_the_reading_day_gives_no_year_to_the_others() -> None:
    text = (
        "Ref: MRTP/PIS/0926        Issued: Thu 3 Dec\n\n"
        "Stage\tActivity\tDate / time\n"
        "3\tDeadline for clarification questions\tFri 18 Dec, 1500hrs\n"
        "7\tTender deadline\tFri 5 Mar, 1500hrs\n\n"
        "The incumbent contract was awarded on 2 April 2019 and expires on 30 June.\n"
    )
    draft = extract(text, zone=ZONE, today=date(2026, 12, 4))
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-18", "15:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-05", "15:00")),
    ]
