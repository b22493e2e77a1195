"""An iCalendar file pasted as text ("BEGIN:VCALENDAR" ... "END:VCALENDAR", an invitation
opened in a text editor): its events as a person reads them in a calendar's agenda, each one's
day and hours with its summary, then its description, unfolded and unescaped."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar

_BEGIN, _END = "BEGIN:VCALENDAR", "END:VCALENDAR"


def readable_calendars(text: str) -> str:
    """``text`` with each iCalendar file in it written as its events, on as many lines as the
    file took (the lines after it keep their numbers); a file that does not parse stays."""
    if _BEGIN not in text:
        return text
    parts: list[str] = []
    done = 0
    while (begin := text.find(_BEGIN, done)) >= 0 and (end := text.find(_END, begin)) >= 0:
        end += len(_END)
        block = text[begin:end]
        parts += [text[done:begin], _as_text(block)]
        done = end
    return "".join(parts) + text[done:]


# what icalendar raises on a file it cannot read ("BEGIN:VTIMEZONx", "DTSTART:2026xx"), and a
# date-time at the edge of the calendar that no other zone can hold ("DTSTART:99991231T233000Z")
_UNREADABLE = (ValueError, AttributeError, KeyError, IndexError, TypeError, OverflowError)


def _as_text(block: str) -> str:
    try:
        return _events(block)
    except _UNREADABLE:
        return block


def _events(block: str) -> str:
    calendar = icalendar.Calendar.from_ical(block)
    lines: list[str] = [""]  # on the line of "BEGIN:VCALENDAR": apart from the text above
    for event in calendar.walk("VEVENT"):
        summary = " ".join(_text(event.get("SUMMARY")).split())
        when = _when(event.get("DTSTART"), event.get("DTEND"))
        if summary or when:
            # the day first, as a calendar's agenda lists it: a summary may hold years of its own
            # ("Maaiwerkzaamheden watergangen 2027-2031")
            lines.append(f"{when}: {summary}".strip(": "))
        description = _text(event.get("DESCRIPTION")).strip()
        if description:
            lines += ["", *description.splitlines(), ""]
    if len(lines) == 1:
        return block
    # as many lines as the file took: the numbers of the lines after it stay (a short file of
    # many lines of description has its last ones on one line)
    room = block.count("\n") + 1
    if len(lines) > room:
        lines = [*lines[: room - 1], " ".join(line for line in lines[room - 1 :] if line)]
    return "\n".join(lines) + "\n" * (room - len(lines))


def _when(start: object, end: object) -> str:
    """The day and hours of an event: "2026-12-09 13:00 - 15:00 UTC" when the file says its
    zone (the reader puts them in the tender's; written in it, a text that says its times are in
    another zone would move them twice), as written when it does not ("floating" times)."""
    first, last = _value(start), _value(end)
    if isinstance(first, datetime):
        first = first.astimezone(UTC) if first.tzinfo else first
        hours = f"{first:%Y-%m-%d %H:%M}"
        if isinstance(last, datetime):
            last = last.astimezone(UTC) if last.tzinfo else last
            hours += f" - {last:%H:%M}" if last.date() == first.date() else ""
        return hours + (" UTC" if first.tzinfo else "")
    return f"{first:%Y-%m-%d}" if isinstance(first, date) else ""


def _text(value: object) -> str:
    """A SUMMARY's or DESCRIPTION's text; one written twice is a list of them."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def _value(prop: object) -> object:
    """The date or date-time of a DTSTART or DTEND, or None where it is missing or broken."""
    try:
        value = getattr(prop, "dt", None)
    except ValueError:  # icalendar's BrokenCalendarProperty: "DTEND:2026xx"
        return None
    return value if isinstance(value, date) else None
