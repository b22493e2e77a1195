"""Control characters in text that came from outside: find them, escape them, or flatten them.

Tender files, imported notices and stored revisions end up in email headers, iCalendar lines and
terminals, where a CR or LF starts a new header or property and an ESC drives the terminal. What
counts as a control here: C0 (U+0000-U+001F) and DEL, C1 (U+0080-U+009F, with NEL U+0085), the
line and paragraph separators U+2028/U+2029, and the bidirectional overrides and isolates
(U+202A-U+202E, U+2066-U+2069), which make a terminal show text in another order than it is.
Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_RUNS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069 ]+")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def describe(char: str) -> str:
    """``U+000D (CARRIAGE RETURN)``: a control character named for a message."""
    name = unicodedata.name(char, "") or {
        "\r": "CARRIAGE RETURN",
        "\n": "LINE FEED",
        "\t": "TAB",
        "\x1b": "ESCAPE",
        "\x7f": "DELETE",
        "\x85": "NEXT LINE",
    }.get(char, "control character")
    return f"U+{ord(char):04X} ({name})"


def first_control(text: str) -> str | None:
    """The first control character in ``text``, described; None when there is none."""
    found = CONTROL.search(text)
    return describe(found.group()) if found else None


def escape(text: str) -> str:
    """``text`` for a terminal: every control shown as a visible escape (``\\r``, ``\\x1b``...)."""
    return CONTROL.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    return f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"


_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
_NOT_KEPT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def drop_controls(text: str) -> str:
    """``text`` with its line breaks as LF and every other control but TAB made a space."""
    return _NOT_KEPT.sub(" ", _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """``text`` as one line without controls, for a header or a one-line field: every run of
    controls and spaces becomes one space."""
    return _RUNS.sub(" ", text).strip()
