"""What commands print: text from tender files, the store or receivers, made safe for a terminal.

A field may hold text someone else wrote (a tender title, a receiver's error, an address); a
control character in it could rewrite the operator's screen, or split one row of tab-separated
output into two. Every field is printed with its controls escaped (``controls.escape``).
"""

from __future__ import annotations

import sys
from typing import TextIO

from ..controls import escape


def row(*fields: object) -> str:
    """One tab-separated line; tabs and line breaks inside a field are escaped too."""
    return "\t".join(escape(str(field)) for field in fields)


def say(text: object, file: TextIO | None = None) -> None:
    """Print ``text`` with its control characters escaped (line breaks between lines stay)."""
    print("\n".join(escape(line) for line in str(text).split("\n")), file=file or sys.stdout)
