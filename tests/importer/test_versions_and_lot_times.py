"""Tables with a column per version, the times of one day given lot by lot, and a few words
that name no step: "Origineel | Rectificatie 1 | Rectificatie 2" where the last dated column
stands; "perceel 1 om 10u00, perceel 2 om 10u45" or "om 9u30 voor de percelen 1 en 2", a
milestone for each time, and no second opening to delete; a mail from an Irish address writes
Irish time; a title ("Mgr.") ends no sentence; the delivery of a first part or phase is no end;
a pay award is no award."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment

from .corpus import ZONE
from .reading import HEAD, at, span, timeline


def test_the_last_column_of_versions_stands_and_unchanged_keeps_the_one_before() -> None:
    text = (
        "| Activiteit                | Origineel        | Rectificatie 1   | Rectificatie 2   |\n"
        "|---------------------------|------------------|------------------|------------------|\n"
        "| Uiterste datum vragen     | 09-12-2026 12:00 | 16-12-2026 12:00 | ongewijzigd      |\n"
        "| Uiterste datum inschrijving | 12-01-2027 14:00 | 19-01-2027 14:00 | 02-02-2027 14:00 |\n"
        "| Voornemen tot gunning     | 01-03-2027       | 08-03-2027       | 15-03-2027       |\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-16", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-02-02", "14:00")),
        (Kind.AWARD, Day(date(2027, 3, 15))),
    ]


def test_versions_dated_in_the_head_row_over_two_lines() -> None:
    text = (
        "| Step               | Original   | Amendment 1  | Amendment 2  |\n"
        "|                    |            | (2/11/2026)  | (30/11/2026) |\n"
        "|--------------------|------------|--------------|--------------|\n"
        "| Tender deadline    | 14/12/2026 | 11/01/2027   | 25/01/2027   |\n"
        "| Contract start     | 01/03/2027 | unchanged    | unchanged    |\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 25))),
        (Kind.START, Day(date(2027, 3, 1))),
    ]


def test_an_original_column_beside_a_changed_one_is_old() -> None:
    text = (
        "  Veld              Origineel (19-11-2026)     Gewijzigd (26-11-2026)\n"
        "  ----------------  -------------------------  -------------------------\n"
        "  Sluitingsdatum    01-12-2026 12:00           08-12-2026 12:00\n"
        "  Gesprekken        03-12-2026                 10-12-2026, 09:30 - 12:30 uur\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-08", "12:00")),
        (Kind.INTERVIEWS, span("2026-12-10", "09:30", "12:30")),
    ]


def test_each_lots_time_before_the_day_is_a_milestone() -> None:
    text = (
        "Het plaatsbezoek vindt plaats om 9u30 voor de percelen 1 en 2 en om 11u00 voor perceel 3"
        " op vrijdag 8 januari 2027.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2027-01-08", "09:30")),
        (Kind.OTHER, at("2027-01-08", "11:00")),
    ]


def test_each_lots_time_after_the_day_is_a_milestone() -> None:
    text = (
        "De opening van de offertes gebeurt per perceel in openbare zitting op donderdag\n"
        "14 januari 2027: perceel 1 om 10u00, perceel 2 om 10u30 en perceel 3 om 11u00.\n"
    )
    assert timeline(text) == [
        (Kind.OPENING, at("2027-01-14", "10:00")),
        (Kind.OPENING, at("2027-01-14", "10:30")),
        (Kind.OPENING, at("2027-01-14", "11:00")),
    ]


def test_the_lots_times_on_the_line_under_their_day() -> None:
    text = (
        "De opening van de offertes vindt plaats in openbare zitting in de raadzaal,\n"
        "Mgr. Vandenbergstraat 2, Aarschot, op dinsdag 26 januari 2027:\n\n"
        "   perceel 1 om 10u00, perceel 2 om 10u45 en perceel 3 om 11u30.\n"
    )
    assert timeline(text) == [
        (Kind.OPENING, at("2027-01-26", "10:00")),
        (Kind.OPENING, at("2027-01-26", "10:45")),
        (Kind.OPENING, at("2027-01-26", "11:30")),
    ]


def test_each_lots_opening_is_no_second_opening_to_delete() -> None:
    text = (
        "De opening van de offertes gebeurt per perceel in openbare zitting op donderdag\n"
        "14 januari 2027: perceel 1 om 10u00, perceel 2 om 10u30 en perceel 3 om 11u00.\n"
    )
    draft = extract(HEAD + text, zone=ZONE)
    assert len(draft.tender.milestones) == 3
    assert not [u.reason for u in draft.unplaced if "delete the wrong one" in u.reason]


def test_two_days_of_one_opening_still_ask_to_delete_the_wrong_one() -> None:
    text = "Opening: 14 januari 2027 om 10u00.\nDe opening is op 15 januari 2027 om 10u00.\n"
    draft = extract(HEAD + text, zone=ZONE)
    assert [u.found for u in draft.unplaced if "delete the wrong one" in u.reason] == ["2027-01-15"]


def test_one_time_for_all_lots_is_one_milestone() -> None:
    text = "De opening vindt plaats op 26 januari 2027 om 10u00 voor perceel 1 en perceel 2.\n"
    assert timeline(text) == [(Kind.OPENING, at("2027-01-26", "10:00"))]


def test_a_mail_from_an_irish_address_writes_irish_time() -> None:
    text = (
        "From: Procurement Office <procurement@university-example.ie>\n\n"
        "A chara,\n\n"
        "Tenders must be received by 12:00 on Thursday 7 January 2027.\n"
    )
    dublin = datetime(2027, 1, 7, 12, 0, tzinfo=ZoneInfo("Europe/Dublin"))
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, Moment(dublin))]


def test_the_delivery_of_a_first_part_or_phase_is_no_end() -> None:
    text = (
        "Levering van de eerste zes machines uiterlijk 1 september 2027.\n"
        "Gunningscriterium planning (punten voor oplevering fase 1 vóór 1 juli 2027).\n"
        "Levering en installatie van alle machines uiterlijk 1 december 2027.\n"
    )
    assert timeline(text) == [(Kind.END, Day(date(2027, 12, 1)))]


def test_invited_to_give_a_presentation_on_is_the_interviews() -> None:
    text = (
        "Up to three bidders will be invited to give a presentation on Tuesday 2 February 2027"
        " between 09:30 and 16:30.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-02-02", "09:30", "16:30"))]


def test_samples_explained_orally_are_the_interviews() -> None:
    text = (
        "Elke inschrijver licht zijn stalen mondeling toe aan de beoordelingscommissie op"
        " woensdag 10 februari 2027.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 2, 10)))]


def test_a_pay_award_is_no_award() -> None:
    text = (
        "Prices must allow for the pay award effective from 1 April 2026; a further pay award\n"
        "is expected from 1 April 2027.\n"
    )
    assert timeline(text) == []


def test_each_lots_time_is_in_the_zone_the_text_writes_its_times_in() -> None:
    text = (
        "KEY DATES (all times UK time)\n\n"
        "Site visits will take place on Tuesday 3 August 2027: Lot 1 (Corrib Village) at 10:00,"
        " and Lot 2 (Goldcrest Village) at 14:00.\n"
    )
    london = ZoneInfo("Europe/London")
    assert timeline(text) == [
        (Kind.OTHER, Moment(datetime(2027, 8, 3, 10, 0, tzinfo=london))),
        (Kind.OTHER, Moment(datetime(2027, 8, 3, 14, 0, tzinfo=london))),
    ]


def test_each_lots_time_under_its_day_is_in_the_zone_the_text_writes_its_times_in() -> None:
    text = (
        "KEY DATES (all times UK time)\n\n"
        "The public opening of tenders takes place on Tuesday 26 January 2027:\n\n"
        "   Lot 1 at 10:00, Lot 2 at 10:45.\n"
    )
    london = ZoneInfo("Europe/London")
    assert timeline(text) == [
        (Kind.OPENING, Moment(datetime(2027, 1, 26, 10, 0, tzinfo=london))),
        (Kind.OPENING, Moment(datetime(2027, 1, 26, 10, 45, tzinfo=london))),
    ]
