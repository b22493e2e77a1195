"""End to end, as a supplier would check it: the real daemon, a real SMTP server and a real webhook
receiver, a tender whose milestones lie seconds ahead, and three calendar parsers (ical.js,
vobject, icalendar) reading the feeds and every attachment.

One run shows: List-Unsubscribe as a plain folded URL; the subject and the body saying the same
time left; one UID (and SEQUENCE) per milestone in the feed, the personal feed and the
attachments, a change email carrying the updated event; no DTEND on instants, the VTIMEZONE as
RRULEs, interview alternatives tentative; "I have submitted" stopping the offer reminder but not
the interviews; a webhook disabled by a 410 switched back on by PATCH after a signed ping; a past
tender listed apart, closed, and refused with 422; all.ics valid and conditional without a
current tender.
"""

from __future__ import annotations

import json
import re
import signal
import time
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import icalendar
import pytest
import standardwebhooks
import vobject

from tender_notifier.calendar import event_uid
from tests.support.daemon import Daemon, free_port, local, write_config
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer
from tests.test_calendar_interop import _icaljs, _text

pytestmark = pytest.mark.e2e
AMS = ZoneInfo("Europe/Amsterdam")
ADDRESS = "inkoop@bureau.example"
OFFSET = 12  # seconds before each countdown milestone


def _tender(t0: datetime, talk_2_end: timedelta = timedelta(seconds=90)) -> str:
    def at(seconds: int) -> str:
        return local(t0 + timedelta(seconds=seconds))

    return f"""id = "trust"
title = "Inhuur Jurist"
buyer = "Gemeente Testdorp"
platform = "Flextender"
reference = "T-12"
url = "https://www.flextender.nl/opdracht/?aanvraagnr=12"

[[milestones]]
id = "questions"
kind = "questions_deadline"
at = {at(25)}

[[milestones]]
id = "offers"
kind = "submission_deadline"
at = {at(45)}

[[milestones]]
id = "talk-1"
kind = "interviews"
start = {at(55)}
end = {at(65)}

[[milestones]]
id = "talk-2"
kind = "interviews"
start = {at(70)}
end = {local(t0 + talk_2_end)}
"""


PAST = """id = "old"
title = "Oude opdracht"
buyer = "Gemeente Vroeger"

[[milestones]]
id = "offers"
kind = "submission_deadline"
at = 2026-01-05T09:00:00
"""


def _text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def _ics(message: EmailMessage) -> bytes:
    parts = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message.iter_attachments()]
    content = parts[0].get_content()
    return content.encode() if isinstance(content, str) else bytes(content)


def _read_all(docs: dict[str, bytes], tmp_path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """parser -> document -> UID -> (SEQUENCE, UTC start, STATUS, TRANSP, has DTEND)."""
    out: dict[str, dict[str, dict[str, Any]]] = {"ical.js": {}, "vobject": {}, "icalendar": {}}
    paths = []
    for name, body in docs.items():
        path = tmp_path / f"{name}.ics"
        path.write_bytes(body)
        paths.append(path)
        out["vobject"][name] = {
            e.uid.value: (
                int(e.sequence.value),
                _text(e.dtstart.value),
                e.status.value,
                e.transp.value,
                hasattr(e, "dtend"),
            )
            for e in vobject.readOne(body.decode()).vevent_list
        }
        out["icalendar"][name] = {
            str(e["UID"]): (
                int(e["SEQUENCE"]),
                _text(e.decoded("DTSTART")),
                str(e["STATUS"]),
                str(e["TRANSP"]),
                "DTEND" in e,
            )
            for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
        }
    for name, parsed in zip(docs, _icaljs(paths), strict=True):
        out["ical.js"][name] = {
            e["uid"]: (
                e["sequence"],
                e["start"].get("utc") or e["start"]["date"],
                e["status"],
                e["transp"],
                e["has_dtend"],
            )
            for e in parsed["events"]
        }
    return out


def _wait(condition: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_what_a_supplier_receives_can_be_trusted(
    tmp_path: Path, smtp: SmtpServer, receiver: Receiver
) -> None:
    t0 = datetime.now(AMS).replace(microsecond=0) + timedelta(seconds=2)
    port = free_port()
    config = write_config(
        tmp_path,
        port=port,
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        tenders={"trust": _tender(t0), "old": PAST},
        smtp_port=smtp.port,
        extra='[changes]\nsettle = "PT1S"\n',  # change notices go out a second after a change
    )
    with Daemon(config) as daemon:
        base = daemon.base_url
        # --- sign up: an email subscriber and a webhook -----------------------------------------
        signed_up = httpx.post(
            f"{base}/api/v1/subscriptions",
            json={
                "channel": "email",
                "address": ADDRESS,
                "tenders": ["trust"],
                "offsets": [f"PT{OFFSET}S"],
            },
        )
        assert signed_up.status_code == 201, signed_up.text
        [confirmation] = smtp.wait_for(1)
        link = re.search(r"(http://127\.0\.0\.1:\d+/confirm/\S+)", _text_of(confirmation))
        assert link and httpx.post(link.group(1)).status_code == 200  # the button on its page
        hook = httpx.post(
            f"{base}/api/v1/subscriptions",
            json={
                "channel": "webhook",
                "url": receiver.url,
                "tenders": ["trust"],
                "offsets": [f"PT{OFFSET}S"],
            },
        ).json()
        verifier = standardwebhooks.Webhook(hook["secret"])
        hook_auth = {"Authorization": f"Bearer {hook['manage_token']}"}
        receiver.wait_for(1)  # the ping

        # --- past tender: listed apart, closed, refused -----------------------------------------
        index = httpx.get(f"{base}/").text
        assert "Afgelopen aanbestedingen" in index.split("/tenders/trust")[-1]
        closed_page = httpx.get(f"{base}/tenders/old").text
        assert "Deze aanbesteding is gesloten" in closed_page
        assert "/feeds/old.ics" not in closed_page and "/tenders/old/signup" not in closed_page
        refused = httpx.post(
            f"{base}/api/v1/subscriptions",
            json={"channel": "email", "address": "laat@bureau.example", "tenders": ["old"]},
        )
        assert refused.status_code == 422
        assert "old" in refused.json()["errors"]["tenders"]

        # --- the first reminder: the questions deadline -----------------------------------------
        messages = smtp.wait_for(2, timeout=40)
        reminder = messages[1]
        raw = smtp.raw[1]
        head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
        fields = dict(line.split(":", 1) for line in re.sub(r"\r\n[ \t]", " ", head).split("\r\n"))
        unsubscribe = fields["List-Unsubscribe"].strip()
        assert re.fullmatch(rf"<{re.escape(base)}/unsubscribe/[A-Za-z0-9_-]{{43}}>", unsubscribe)
        assert fields["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
        subject = str(reminder["Subject"])
        phrase = subject.split(":", 1)[0]
        assert phrase.lower().startswith("nog ")
        assert f"Sluiting vragenronde: {phrase.lower()}." in _text_of(reminder)
        docs = {"reminder-questions": _ics(reminder)}

        # "I have submitted": the offer reminder stops, the interviews still come.
        token = re.search(r"/optout/([^/]+)/trust/submitted", _text_of(reminder))
        assert token, _text_of(reminder)
        opted = httpx.post(f"{base}/optout/{token.group(1)}/trust/submitted")
        assert opted.status_code == 200

        # A 410 on the webhook's next call (the offers reminder) disables it.
        hook_calls = receiver.wait_for(2, timeout=30)
        first_event = verifier.verify(hook_calls[1].body, hook_calls[1].headers)
        assert first_event["data"]["milestone"]["id"] == "questions"
        assert first_event["data"]["text"].startswith(phrase)
        receiver.statuses = [410]

        # The interview alternative moves its end: a change email with the updated event.
        (tmp_path / "tenders" / "trust.toml").write_text(
            _tender(t0, talk_2_end=timedelta(seconds=95))
        )
        daemon.signal(signal.SIGHUP)

        def disabled() -> bool:
            got = httpx.get(f"{base}/api/v1/subscriptions/{hook['id']}", headers=hook_auth)
            return bool(got.json()["status"] == "disabled")

        _wait(disabled, 45, "the webhook to be disabled by the 410")
        back = httpx.patch(
            f"{base}/api/v1/subscriptions/{hook['id']}",
            json={"status": "active"},
            headers=hook_auth,
        )
        assert back.status_code == 200, back.text
        assert back.json()["status"] == "active"
        last = receiver.requests[-1]
        assert verifier.verify(last.body, last.headers)["type"] == "ping"

        # --- the interviews still come, the offers reminder did not ------------------------------
        def talk_reminders() -> list[EmailMessage]:
            return [m for m in smtp.to(ADDRESS) if "Selectiegesprekken" in str(m["Subject"])]

        talks = _wait(lambda: len(talk_reminders()) >= 2 and talk_reminders(), 60, "interviews")
        subjects = [str(m["Subject"]) for m in smtp.to(ADDRESS)]
        assert not any("Uiterste inschrijfdatum" in s for s in subjects), subjects
        changes = [m for m in smtp.to(ADDRESS) if "Planning gewijzigd" in str(m["Subject"])]
        assert len(changes) == 1
        docs["change"] = _ics(changes[0])
        docs["reminder-talk-1"] = _ics(talks[0])
        docs["reminder-talk-2"] = _ics(talks[1])
        hook_events = [json.loads(r.body) for r in receiver.requests]
        reminded = [e["data"]["milestone"]["id"] for e in hook_events if "milestone" in e["data"]]
        assert "talk-2" in reminded  # after re-activation

        # --- the feeds, and three parsers agreeing with them -------------------------------------
        feed = httpx.get(f"{base}/feeds/trust.ics")
        docs["feed"] = feed.content
        feed_token = re.search(r"/feeds/s/([^/]+)\.ics", _text_of(reminder))
        assert feed_token
        docs["personal"] = httpx.get(f"{base}/feeds/s/{feed_token.group(1)}.ics").content
        all_ics = httpx.get(f"{base}/feeds/all.ics")
        docs["all"] = all_ics.content
        assert "last-modified" in all_ics.headers
        again = httpx.get(
            f"{base}/feeds/all.ics", headers={"If-Modified-Since": all_ics.headers["last-modified"]}
        )
        assert again.status_code == 304

    text = feed.content.decode()
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "RRULE:FREQ=YEARLY" in zone and "RDATE" not in zone
    uid = {m: event_uid("trust", m) for m in ("questions", "offers", "talk-1", "talk-2")}
    seen = _read_all(docs, tmp_path)
    for parser, by_doc in seen.items():
        feed_events = by_doc["feed"]
        assert set(feed_events) == set(uid.values()), parser
        for name, events in by_doc.items():
            for key, value in events.items():
                assert value == feed_events[key], f"{parser}: {name} {key}"
        assert feed_events[uid["questions"]][4] is False  # an instant: no DTEND
        assert feed_events[uid["talk-2"]][0] == 1  # moved once: SEQUENCE 1 everywhere
        for talk in ("talk-1", "talk-2"):
            assert feed_events[uid[talk]][2:4] == ("TENTATIVE", "TRANSPARENT")
        assert uid["talk-2"] in by_doc["change"]
        assert by_doc["reminder-questions"].keys() == {uid["questions"]}
    starts = {p: {k: v[1] for k, v in by_doc["feed"].items()} for p, by_doc in seen.items()}
    assert starts["ical.js"] == starts["vobject"] == starts["icalendar"]
    assert starts["vobject"][uid["questions"]] == _text(t0 + timedelta(seconds=25))


def test_all_ics_without_a_current_tender_is_valid_and_conditional(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        tenders={"old": PAST},
    )
    with Daemon(config) as daemon:
        response = httpx.get(f"{daemon.base_url}/feeds/all.ics")
        assert response.status_code == 200
        modified = response.headers["last-modified"]
        again = httpx.get(
            f"{daemon.base_url}/feeds/all.ics", headers={"If-Modified-Since": modified}
        )
        assert again.status_code == 304
    body = response.content
    assert b"BEGIN:VEVENT" not in body
    assert icalendar.Calendar.from_ical(body).subcomponents
    assert vobject.readOne(body.decode()).name == "VCALENDAR"
    path = tmp_path / "all.ics"
    path.write_bytes(body)
    (parsed,) = _icaljs([path])
    assert parsed["components"] == ["vtimezone"]
