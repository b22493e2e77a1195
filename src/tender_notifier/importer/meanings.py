"""What a date can mean besides a milestone kind: background of several sorts, and meanings that
depend on the procedure. ``rules`` maps words to these and to ``Kind``."""

from __future__ import annotations

from enum import StrEnum

from ..timeline import Kind


class Background(StrEnum):
    """A date that is real but not a milestone of the procedure."""

    BACKGROUND = "background"
    # the old date of a moved one: "verplaatst van 26 februari naar 3 maart"
    REPLACED = "replaced"
    # "in de week van 15 maart": a week, not a day
    WEEK = "week"
    # "binnen 3 werkdagen na 22 maart 2027", "received after 28 June": a term counted from the
    # date, not a step on it
    RELATIVE = "relative"
    # a day before the announcement was published: over before the procedure began
    PAST = "past"
    # "RFI responses due": a step of a request for information, not of a tender
    INFORMATION_REQUEST = "information_request"
    # "Can we assume the contract will start on 1 March 2027?": a question asks, it sets nothing
    ASKED = "asked"


class Depends(StrEnum):
    """A date whose kind depends on the procedure, not on the words around it."""

    # TED's "Time limit for receipt of tenders or requests to participate": requests in a
    # restricted (two-phase) procedure, tenders in an open one
    TENDERS_OR_REQUESTS = "tenders_or_requests"
    # "Tender documents issued": the invitation of the selected candidates in a two-phase
    # procedure, the publication (background) in an open one
    DOCUMENTS_ISSUED = "documents_issued"
    # "de deadline is verlengd tot 22 januari": the new date of what the words name; with
    # nothing named ("de opdracht kan worden verlengd tot"), nothing
    MOVED_TO = "moved_to"


Meaning = Kind | Background | Depends
