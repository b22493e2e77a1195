"""Change and cancellation messages from a buyer's change notice, with its reason as plain text."""

from __future__ import annotations

import dataclasses
import email
import email.policy
from datetime import UTC, datetime
from email.message import EmailMessage

from tender_notifier import compose
from tender_notifier.compose import Change, Links
from tender_notifier.eforms import read_notice, to_tender
from tests.eforms.conftest import NOTICES

NOW = datetime(2020, 4, 17, 12, tzinfo=UTC)
LINKS = Links(manage_url="https://tn.example/m/t", unsubscribe_url="https://tn.example/u/t")
OPEN = to_tender(read_notice(NOTICES / "cn_24_open.xml")).tender
MOVED = to_tender(read_notice(NOTICES / "change-cn_24_open_dates.xml")).tender
VOID = to_tender(read_notice(NOTICES / "change-cn_24_void.xml")).tender
DEADLINE = "lot-0000-submission_deadline"


def parts(message: EmailMessage) -> tuple[str, str]:
    back = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert isinstance(back, EmailMessage)
    plain, html = back.get_body(("plain",)), back.get_body(("html",))
    assert plain is not None and html is not None
    return str(plain.get_content()), str(html.get_content())


def change_email(tender: object, changes: list[Change], language: str = "en") -> EmailMessage:
    return compose.change_email(
        tender=tender,  # type: ignore[arg-type]
        changes=changes,
        now=NOW,
        language=language,  # type: ignore[arg-type]
        sender="n@tn.example",
        to="a@b.example",
        message_id="c-1@tn.example",
        links=LINKS,
    )


def test_a_moved_deadline_mail_gives_old_new_and_the_reason() -> None:
    change = Change(DEADLINE, "moved", OPEN.milestone(DEADLINE), MOVED.milestone(DEADLINE))
    message = change_email(MOVED, [change])
    assert message["Subject"].startswith("Timeline changed")
    text, html = parts(message)
    assert "was Friday 3 April 2020 12:00" in text and "now Friday 12 June 2020 12:00" in text
    assert "Reason given by the buyer: Due to Covid-19" in text
    assert "Due to Covid-19" in html


def test_the_reason_is_escaped_in_html() -> None:
    tender = dataclasses.replace(MOVED, change_reason='<a href="https://evil.example">click</a>')
    change = Change(DEADLINE, "moved", OPEN.milestone(DEADLINE), MOVED.milestone(DEADLINE))
    _, html = parts(change_email(tender, [change], "nl"))
    assert '<a href="https://evil.example">' not in html
    assert "&lt;a href=" in html


def test_a_cancelled_tender_mail_says_so_once_with_the_reason() -> None:
    changes = [Change(m.id, "removed", m, None) for m in VOID.milestones]
    message = change_email(VOID, changes, "nl")
    assert message["Subject"].startswith("Aanbesteding ingetrokken")
    text, _ = parts(message)
    assert "heeft deze aanvraag ingetrokken" in text
    assert "Reden volgens de aanbestedende dienst: We cancel because..." in text
    assert "geen herinneringen meer" in text


def test_the_webhook_event_carries_the_reason_and_the_cancellation() -> None:
    changes = [Change(m.id, "removed", m, None) for m in VOID.milestones]
    event = compose.change_event(tender=VOID, changes=changes, now=NOW, links=LINKS)
    assert event["type"] == "timeline.changed"
    assert event["data"]["cancelled"] is True
    assert event["data"]["reason"] == "We cancel because..."
    moved = compose.change_event(tender=OPEN, changes=[], now=NOW, links=LINKS)
    assert moved["data"]["cancelled"] is False and moved["data"]["reason"] is None
