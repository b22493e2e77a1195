"""The characters of an announcement as the importer reads them: line ends unified, odd spaces
plain, control characters gone; everything else kept as written (notes quote it)."""

from __future__ import annotations

import re

# Every space separator (non-breaking, em, thin, ...) becomes a plain space; zero-width
# characters and control characters disappear (a tender file must never hold a CR, an ESC or
# another C0 or C1 control: calendars and mail headers read them as structure); the Unicode line
# and paragraph separators end a line like a newline does.
_SPACES = str.maketrans(
    {
        **{chr(c): " " for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},
        **{chr(c): None for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)},
        "\u000b": "\n",
        "\u000c": "\n",
        **{chr(c): None for c in range(0x80, 0xA0) if c != 0x85},
        "\u0085": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        # Bidirectional overrides and isolates: they reorder what a reader sees.
        **{chr(c): None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        # The marks of writing direction a chat app's export puts before a line
        "\u200e": None,
        "\u200f": None,
        "\u061c": None,
        "\ufeff": None,
    }
)


def normalise(text: str) -> str:
    """Unify line ends and odd spaces, drop control characters; keep everything else as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)


# A footnote's mark after a date or a time ("09-02-2027 ³") is no part of either: a space
# in its place keeps the columns of a table where they were
_FOOTNOTE_MARKS = str.maketrans(
    dict.fromkeys("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079", " ")
)


def lines(text: str) -> list[str]:
    """The lines of ``text`` as the importer reads them, footnote marks left out and the
    letters a scanned letter's text recognition put for digits and for an "m" read back."""
    text = normalise(text).translate(_FOOTNOTE_MARKS)
    text = _SCANNED_NUMBER.sub(_as_scanned, text)
    return _SCANNED_MONTH.sub(lambda m: f"{m.group(1)}m{m.group(2)} ", text).split("\n")


# "1O.00 uur", "2O26", "vrijdag 1l december", "11.OO": a number with an O for a 0 or an l for
# a 1; a word of other letters ("A4", "COVID-19") and a section's Roman number ("I.1)", "II.2")
# stay as written
_SCANNED_NUMBER = re.compile(
    r"(?<![^\W\d_])(?=[\dOl.:]{0,12}\d)(?=[\dOl.:]{0,12}[Ol])[\dOl]{1,6}(?:[.:][\dOl]{1,6}){0,2}"
    r"(?![^\W_])"
)
_AS_DIGITS = str.maketrans("Ol", "01")


def _as_scanned(match: re.Match[str]) -> str:
    """A number with letters for digits as the digits, when it is surely one: two digits or
    more (not "O2", "Bijlage O.1", "l.1"), or a day "1l"; not a quantity with its unit ("240l")."""
    token = match.group(0)
    digits = sum(ch.isdigit() for ch in token)
    if digits < 2 and not (len(token) == 2 and token[0].isdigit()):
        return token
    if token.endswith("l") and len(token) > 2:
        return token
    return token.translate(_AS_DIGITS)


# "decernber", "novernber": an "m" read as "rn" in a month's name (the space after it keeps the
# columns where they were)
_SCANNED_MONTH = re.compile(r"\b(dece|nove|septe)rn(ber)\b", re.IGNORECASE)
