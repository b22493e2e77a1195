"""Reminder, confirmation and change emails, and webhook events, built from data and ``now``."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import json
from datetime import date, datetime, timedelta
from email.message import EmailMessage

import icalendar

from tender_notifier import compose
from tender_notifier.compose import Change, Links
from tender_notifier.timeline import Day, Moment, Tender

from .conftest import AMS, ANSWERS, INTERVIEWS, NOW, SUBMISSION

SENDER = "tender-notifier <noreply@tn.example>"


def reminder(tender: Tender, links: Links, **kw: object) -> EmailMessage:
    args: dict[str, object] = dict(
        tender=tender,
        milestone=SUBMISSION,
        now=NOW,
        language="nl",
        sender=SENDER,
        to="jan@example.nl",
        message_id="r-1@tn.example",
        links=links,
    )
    args.update(kw)
    return compose.reminder_email(**args)  # type: ignore[arg-type]


def parsed(message: EmailMessage) -> EmailMessage:
    """The message as a recipient's mail program reads it: bytes through the stdlib parser."""
    back = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert isinstance(back, EmailMessage)
    return back


def text_of(message: EmailMessage) -> str:
    part = parsed(message).get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def html_of(message: EmailMessage) -> str:
    part = parsed(message).get_body(("html",))
    assert part is not None
    return str(part.get_content())


def ics_of(message: EmailMessage) -> icalendar.Calendar:
    (attachment,) = parsed(message).iter_attachments()
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"
    return icalendar.Calendar.from_ical(attachment.get_content())


def test_reminder_subject_names_time_left_milestone_and_tender_in_dutch(tender, links):
    assert str(parsed(reminder(tender, links))["Subject"]) == (
        "Nog 1 dag: Uiterste inschrijfdatum \u2013 Administratief Medewerker Sociaal Domein (30988)"
    )


def test_reminder_subject_in_english(tender, links):
    assert str(parsed(reminder(tender, links, language="en"))["Subject"]) == (
        "1 day left: Submission deadline \u2013 Administratief Medewerker Sociaal Domein (30988)"
    )


def test_reminder_body_says_how_long_is_really_left_at_sending_time(tender, links):
    late = datetime(2026, 7, 14, 5, 40, tzinfo=AMS)  # 1 day, 3 hours and 20 minutes before
    text = text_of(reminder(tender, links, now=late))
    assert "Uiterste inschrijfdatum: nog 1 dag, 3 uur en 20 minuten." in text
    assert "woensdag 15 juli 2026 09:00" in text
    english = text_of(reminder(tender, links, now=late, language="en"))
    assert "Submission deadline: 1 day, 3 hours and 20 minutes left." in english
    assert "Wednesday 15 July 2026 09:00" in english


def test_reminder_body_has_meaning_tender_facts_and_every_link(tender, links):
    for body in (text_of(reminder(tender, links)), html_of(reminder(tender, links))):
        assert "moet uw inschrijving (offerte, cv) binnen zijn" in body
        assert "Inschrijven via Flextender." in body
        for fact in ("Gemeente Zaanstad", "Flextender", "30988", tender.url):
            assert fact in body
        for url in dataclasses.astuple(links):
            assert url in body
    assert "Ik heb ingeschreven" in html_of(reminder(tender, links))
    assert "Ik schrijf niet in" in html_of(reminder(tender, links))


def test_reminder_headers_allow_one_click_unsubscribe_and_mark_it_automatic(tender, links):
    message = parsed(reminder(tender, links))
    assert message["Message-ID"] == "<r-1@tn.example>"
    assert message["List-Unsubscribe"] == "<https://tn.example/unsubscribe/tok>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Content-Language"] == "nl"
    assert message["Date"].datetime == NOW
    assert message["To"] == "jan@example.nl"
    assert message.get_content_type() == "multipart/mixed"
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
    ]


def test_reminder_html_escapes_what_tender_files_say(tender, links):
    evil = dataclasses.replace(tender, title='<script>alert("x")</script>', buyer="A & B")
    html = html_of(reminder(evil, links))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "A &amp; B" in html
    assert '<script>alert("x")</script>' in text_of(reminder(evil, links))  # plain text as is


def test_reminder_attaches_the_milestone_as_an_event_in_the_tenders_zone(tender, links):
    calendar = ics_of(reminder(tender, links))
    assert str(calendar["METHOD"]) == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "inschrijving.flextender-30988@tender-notifier"  # the feed's UID
    assert "DTEND" not in event  # an instant (RFC 5545 3.8.2.2)
    assert event["SEQUENCE"] == 0
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 7, 15, 9, 0, tzinfo=AMS)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert "Uiterste inschrijfdatum" in str(event["SUMMARY"])


def test_whole_day_milestone_is_a_date_event_with_exclusive_end_counted_in_days(tender, links):
    now = datetime(2026, 7, 9, 7, 0, tzinfo=AMS)  # two hours before 09:00 on the day before
    message = reminder(tender, links, milestone=ANSWERS, now=now)
    (event,) = ics_of(message).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 7, 10)
    assert event.decoded("DTEND") == date(2026, 7, 11)
    assert ": morgen." in text_of(message)
    assert str(parsed(message)["Subject"]).startswith("Morgen: ")
    assert "vrijdag 10 juli 2026" in text_of(message)
    today = reminder(tender, links, milestone=ANSWERS, now=datetime(2026, 7, 10, 9, tzinfo=AMS))
    assert str(parsed(today)["Subject"]).startswith("Vandaag: ")
    assert ": vandaag." in text_of(today)


def test_span_milestone_event_has_start_and_end(tender, links):
    (event,) = ics_of(reminder(tender, links, milestone=INTERVIEWS)).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 7, 22, 9, 30, tzinfo=AMS)
    assert event.decoded("DTEND") == datetime(2026, 7, 22, 15, 30, tzinfo=AMS)


def test_reminder_after_the_moment_does_not_claim_time_is_left(tender, links):
    message = reminder(tender, links, now=datetime(2026, 7, 15, 9, 1, tzinfo=AMS))
    assert str(parsed(message)["Subject"]).startswith("Voorbij:")
    assert "Uiterste inschrijfdatum: voorbij." in text_of(message)


def test_subject_and_body_say_the_same_rounded_time_left(tender, links):
    # Five seconds late: both say one day, neither '23 uur en 59 minuten'.
    for lang, phrase in (("nl", "nog 1 dag"), ("en", "1 day left")):
        message = reminder(tender, links, language=lang)
        subject = str(parsed(message)["Subject"])
        assert subject.lower().startswith(phrase + ":")
        assert f": {phrase}." in text_of(message)
        assert f": {phrase}." in html_of(message)
        assert "59" not in subject + text_of(message).split("\n")[0]
    # 2 hours 29 minutes 40 seconds: both round to the same minute.
    now = datetime(2026, 7, 15, 6, 30, 20, tzinfo=AMS)
    message = reminder(tender, links, now=now)
    assert str(parsed(message)["Subject"]).startswith("Nog 2 uur en 30 minuten:")
    assert "Uiterste inschrijfdatum: nog 2 uur en 30 minuten." in text_of(message)


def test_confirmation_explains_the_link_and_says_to_ignore_it_otherwise(tender):
    message = compose.confirmation_email(
        to="jan@example.nl",
        sender=SENDER,
        language="nl",
        confirm_url="https://tn.example/confirm/abc",
        tenders=[tender],
        message_id="c-1@tn",
    )
    assert parsed(message)["Subject"] == "Bevestig uw aanmelding"
    text = text_of(message)
    assert "https://tn.example/confirm/abc" in text
    assert "Administratief Medewerker Sociaal Domein (30988)" in text
    assert "negeren" in text
    assert "List-Unsubscribe" not in parsed(message)


def test_confirmation_for_all_tenders_in_english():
    message = compose.confirmation_email(
        to="jan@example.nl",
        sender=SENDER,
        language="en",
        confirm_url="https://tn.example/confirm/abc",
        tenders=None,
        message_id="c-1@tn",
    )
    assert parsed(message)["Subject"] == "Confirm your sign-up"
    assert "for all requests" in text_of(message)
    assert "ignore this message" in html_of(message)


def test_change_email_lists_old_and_new_dates(tender, links):
    moved = dataclasses.replace(SUBMISSION, when=Moment(datetime(2026, 7, 17, 12, 0, tzinfo=AMS)))
    changes = [
        Change("inschrijving", "moved", SUBMISSION, moved),
        Change("nvi", "removed", ANSWERS, None),
        Change(
            "extra",
            "added",
            None,
            dataclasses.replace(ANSWERS, id="extra", when=Day(date(2026, 7, 13))),
        ),
    ]
    message = compose.change_email(
        tender=tender,
        changes=changes,
        now=NOW,
        language="nl",
        sender=SENDER,
        to="jan@example.nl",
        message_id="ch-1@tn",
        links=links,
    )
    assert str(parsed(message)["Subject"]) == (
        "Planning gewijzigd: Administratief Medewerker Sociaal Domein (30988)"
    )
    text = text_of(message)
    assert (
        "Uiterste inschrijfdatum: was woensdag 15 juli 2026 09:00, nu vrijdag 17 juli 2026 12:00"
        in text
    )
    assert "vervallen (was vrijdag 10 juli 2026)" in text
    assert "nieuw, maandag 13 juli 2026" in text


def test_webhook_disabled_email_says_why_in_fixed_words():
    message = compose.webhook_disabled_email(
        to="ops@example.nl",
        sender=SENDER,
        language="en",
        cause="gone",
        status_code=410,
        message_id="n-1@tn",
        manage_url="https://tn.example/manage/abc",
    )
    text = text_of(message)
    assert "HTTP 410" in text
    assert "https://tn.example/manage/abc" in text
    failing = text_of(
        compose.webhook_disabled_email(
            to="ops@example.nl",
            sender=SENDER,
            language="nl",
            cause="failing",
            since="2026-07-01 09:00 UTC",
            message_id="n-2@tn",
        )
    )
    assert "sinds 2026-07-01 09:00 UTC" in failing


def test_owner_confirmation_email_quotes_nothing_of_the_requester():
    message = compose.owner_confirmation_email(
        to="ops@example.nl",
        sender=SENDER,
        language="nl",
        confirm_url="https://tn.example/confirm/abc",
        message_id="o-1@tn",
    )
    text = text_of(message)
    assert "https://tn.example/confirm/abc" in text
    assert "webhook" in text and "http" not in text.replace("https://tn.example/confirm/abc", "")


def test_reminder_event_is_json_with_times_links_and_a_sentence(tender, links):
    event = compose.reminder_event(
        tender=tender,
        milestone=SUBMISSION,
        now=NOW,
        links=links,
        language="en",
        offset=timedelta(days=1),
    )
    assert json.loads(json.dumps(event)) == event
    assert event["type"] == "milestone.reminder"
    assert event["version"] == 1
    assert event["timestamp"] == "2026-07-14T06:59:55Z"
    data = event["data"]
    assert data["tender"]["reference"] == "30988"
    assert data["milestone"] == {
        "id": "inschrijving",
        "kind": "submission_deadline",
        "title": "Submission deadline",
        "all_day": False,
        "starts_at": "2026-07-15T09:00:00+02:00",
        "ends_at": "2026-07-15T09:00:00+02:00",
        "date": None,
        "note": "Inschrijven via Flextender.",
    }
    assert data["offset"] == "P1D"
    assert data["time_left_seconds"] == 86405
    assert data["text"].startswith("1 day left: Submission deadline")
    assert data["links"]["not_bidding"] == links.not_bidding_url


def test_reminder_events_of_one_fan_out_differ_only_where_the_subscriber_and_clock_do(
    tender, links
):
    """The tender and milestone parts are worked out once per fan-out; each event still has
    its own links and time left, and the shared parts are not one object to be changed."""

    def event(now: datetime, links: Links) -> dict:
        return compose.reminder_event(
            tender=tender,
            milestone=SUBMISSION,
            now=now,
            links=links,
            language="nl",
            offset=timedelta(days=1),
        )

    first = event(NOW, links)
    other_links = dataclasses.replace(links, unsubscribe_url="https://tn.example/u/other")
    second = event(NOW + timedelta(minutes=1), other_links)
    assert second["data"]["links"]["unsubscribe"] == "https://tn.example/u/other"
    assert second["data"]["time_left_seconds"] == first["data"]["time_left_seconds"] - 60
    first["data"]["milestone"]["title"] = "changed"
    assert event(NOW, links)["data"]["milestone"]["title"] == "Uiterste inschrijfdatum"


def test_a_tender_in_another_zone_gets_its_own_times_in_the_event(tender, links):
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    moved = dataclasses.replace(SUBMISSION, when=Moment(SUBMISSION.when.at.astimezone(london)))
    elsewhere = dataclasses.replace(tender, timezone=london, milestones=(moved,))
    at_home = compose.reminder_event(
        tender=tender,
        milestone=SUBMISSION,
        now=NOW,
        links=links,
        language="en",
        offset=timedelta(days=1),
    )
    away = compose.reminder_event(
        tender=elsewhere,
        milestone=moved,
        now=NOW,
        links=links,
        language="en",
        offset=timedelta(days=1),
    )
    assert at_home["data"]["milestone"]["starts_at"] == "2026-07-15T09:00:00+02:00"
    assert away["data"]["milestone"]["starts_at"] == "2026-07-15T08:00:00+01:00"
    assert "08:00" in away["data"]["text"] and "09:00" in at_home["data"]["text"]


def test_reminder_event_for_a_whole_day_gives_the_date(tender, links):
    event = compose.reminder_event(
        tender=tender,
        milestone=ANSWERS,
        now=NOW - timedelta(days=5),
        links=links,
        language="nl",
        offset=timedelta(days=7),
    )
    milestone = event["data"]["milestone"]
    assert (milestone["all_day"], milestone["date"], milestone["starts_at"]) == (
        True,
        "2026-07-10",
        None,
    )


def test_change_and_ping_events(tender, links):
    change = compose.change_event(
        tender=tender, changes=[Change("nvi", "removed", ANSWERS, None)], now=NOW, links=links
    )
    assert change["type"] == "timeline.changed"
    assert change["data"]["changes"][0]["change"] == "removed"
    assert change["data"]["changes"][0]["new"] is None
    assert change["data"]["changes"][0]["old"]["date"] == "2026-07-10"
    ping = compose.ping_event(now=NOW, subscription_id="sub-1", links=Links("m", "u"))
    assert ping["type"] == "ping"
    assert ping["data"] == {
        "subscription_id": "sub-1",
        "links": {
            "submitted": None,
            "not_bidding": None,
            "unsubscribe": "u",
            "manage": "m",
            "feed": None,
        },
    }


def test_seconds_before_a_moment_say_less_than_a_minute_not_now(tender, links):
    now = datetime(2026, 7, 15, 8, 59, 45, tzinfo=AMS)
    message = reminder(tender, links, now=now)
    assert str(parsed(message)["Subject"]).startswith("Nog minder dan een minuut:")
    assert "Uiterste inschrijfdatum: nog minder dan een minuut." in text_of(message)
