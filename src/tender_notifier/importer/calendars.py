"""An iCalendar file pasted as text ("BEGIN:VCALENDAR" ... "END:VCALENDAR", an invitation
opened in a text editor): its events as a person reads them in a calendar's agenda, each one's
day and hours with its summary, then its description, unfolded and unescaped."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

import icalendar

_BEGIN, _END = "BEGIN:VCALENDAR", "END:VCALENDAR"


def readable_calendars(text: str, zone: tzinfo) -> str:
    """``text`` with each iCalendar file in it written as its events, on as many lines as the
    file took (the lines after it keep their numbers); a file that does not parse stays."""
    if _BEGIN not in text:
        return text
    parts: list[str] = []
    done = 0
    while (begin := text.find(_BEGIN, done)) >= 0 and (end := text.find(_END, begin)) >= 0:
        end += len(_END)
        block = text[begin:end]
        parts += [text[done:begin], _as_text(block, zone)]
        done = end
    return "".join(parts) + text[done:]


def _as_text(block: str, zone: tzinfo) -> str:
    try:
        calendar = icalendar.Calendar.from_ical(block)
    except ValueError:
        return block
    lines: list[str] = [""]  # on the line of "BEGIN:VCALENDAR": apart from the text above
    for event in calendar.walk("VEVENT"):
        summary = " ".join(str(event.get("SUMMARY", "")).split())
        when = _when(event.get("DTSTART"), event.get("DTEND"), zone)
        if summary or when:
            # the day first, as a calendar's agenda lists it: a summary may hold years of its own
            # ("Maaiwerkzaamheden watergangen 2027-2031")
            lines.append(f"{when}: {summary}".strip(": "))
        description = str(event.get("DESCRIPTION", "")).strip()
        if description:
            lines += ["", *description.splitlines(), ""]
    if len(lines) == 1:
        return block
    # as many lines as the file took: the numbers of the lines after it stay
    return "\n".join(lines) + "\n" * max(0, block.count("\n") - len(lines) + 1)


def _when(start: object, end: object, zone: tzinfo) -> str:
    """The day and hours of an event, in the tender's zone: "2026-12-09 14:00 - 16:00"."""
    first, last = _value(start), _value(end)
    if isinstance(first, datetime):
        first = first.astimezone(zone) if first.tzinfo else first
        hours = f"{first:%Y-%m-%d %H:%M}"
        if isinstance(last, datetime):
            last = last.astimezone(zone) if last.tzinfo else last
            hours += f" - {last:%H:%M}" if last.date() == first.date() else ""
        return hours
    return f"{first:%Y-%m-%d}" if isinstance(first, date) else ""


def _value(prop: object) -> object:
    """The date or date-time of a DTSTART or DTEND, or None where it is missing or broken."""
    try:
        value = getattr(prop, "dt", None)
    except ValueError:  # icalendar's BrokenCalendarProperty: "DTEND:2026xx"
        return None
    return value if isinstance(value, date) else None
