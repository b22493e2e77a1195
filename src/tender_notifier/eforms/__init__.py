"""EU eForms notices (UBL 2.3 XML, as TED and TenderNed publish them) as tenders.

``parse`` reads a notice's facts (``notice``) with defusedxml, ``mapping`` turns them into a
``Tender`` (``countries`` gives the buyer's zone), ``procedures`` makes one tender of the notices
of one procedure, and ``command`` is ``tender-notifier import`` for a notice.
"""

from __future__ import annotations

from .mapping import Mapped, to_tender
from .notice import Notice
from .parse import looks_like_notice, parse_notice, read_notice
from .procedures import NoticeLoad, load_notices

__all__ = [
    "Mapped",
    "Notice",
    "NoticeLoad",
    "load_notices",
    "looks_like_notice",
    "parse_notice",
    "read_notice",
    "to_tender",
]
