"""Reading an eForms notice (UBL 2.3 XML) into the facts a timeline needs. No clock, no network.

The XML is parsed by defusedxml: no DTD, no entity, nothing fetched from outside. Every path
below is the one the eForms SDK gives for the field in ``fields/fields.json`` (BT numbers in the
comments). Only notices of the form type ``competition`` are calls for competition: contract
notices, prior information notices used as a call for competition, and change notices of those
(a change notice repeats the whole notice, with ``efac:Changes`` added).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import Problem, TimelineError
from ..timeline import Kind
from .notice import Lot, LotDate, Notice, Stamp

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
}
ROOTS = {
    f"{{urn:oasis:names:specification:ubl:schema:xsd:{name}-2}}{name}"
    for name in ("ContractNotice", "PriorInformationNotice", "ContractAwardNotice")
}
MAX_BYTES = 20 * 1024 * 1024  # the SDK's 100-lot example is 1.7 MB
MAX_REASON = 500  # characters of the buyer's stated reason carried into messages
_EXTENSION = "ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension"
_SNIFF = re.compile(
    rb"urn:oasis:names:specification:ubl:schema:xsd:"
    rb"(ContractNotice|PriorInformationNotice|ContractAwardNotice)-2"
)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)

# (kind, BT, period element under the lot's cac:TenderingProcess, date tag, time tag)
LOT_DATES: tuple[tuple[Kind, str, str, str, str | None], ...] = (
    (
        Kind.QUESTIONS_DEADLINE,
        "BT-13",
        "cac:AdditionalInformationRequestPeriod",
        "EndDate",
        "EndTime",
    ),
    (
        Kind.SUBMISSION_DEADLINE,
        "BT-131",
        "cac:TenderSubmissionDeadlinePeriod",
        "EndDate",
        "EndTime",
    ),
    (
        Kind.PARTICIPATION_DEADLINE,
        "BT-1311",
        "cac:ParticipationRequestReceptionPeriod",
        "EndDate",
        "EndTime",
    ),
    (
        Kind.PARTICIPATION_DEADLINE,
        "BT-630",
        f"{_EXTENSION}/efac:InterestExpressionReceptionPeriod",
        "EndDate",
        "EndTime",
    ),
    (Kind.SHORTLIST_NOTICE, "BT-130", "cac:InvitationSubmissionPeriod", "StartDate", None),
    (Kind.OPENING, "BT-132", "cac:OpenTenderEvent", "OccurrenceDate", "OccurrenceTime"),
)
# Under the lot's cac:ProcurementProject/cac:PlannedPeriod.
PLANNED_DATES: tuple[tuple[Kind, str, str], ...] = (
    (Kind.START, "BT-536", "StartDate"),
    (Kind.END, "BT-537", "EndDate"),
)


def looks_like_notice(head: bytes | str) -> bool:
    """Whether the start of a file is an eForms notice (by its UBL namespace, not its name)."""
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    return _SNIFF.search(data[:8192]) is not None


_FOLDER_ID = re.compile(rb"<(?:[\w.-]+:)?ContractFolderID\b[^>]*>\s*([^<\s][^<]{0,199}?)\s*</")


def sniff_procedure_id(data: bytes) -> str | None:
    """BT-04 of a notice that cannot be parsed (a half-written copy), to tell whose it is."""
    match = _FOLDER_ID.search(data[:MAX_BYTES])
    return match.group(1).decode("utf-8", "replace") if match else None


def read_bytes(path: Path) -> bytes:
    """The bytes of a notice file, up to one byte past the size limit."""
    try:
        with path.open("rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TimelineError([Problem(path, None, f"cannot read the notice: {exc}")]) from exc


def read_notice(path: Path) -> Notice:
    """Read and parse one notice file; ``TimelineError`` names the file and element at fault."""
    return parse_notice(read_bytes(path), path)


def parse_notice(data: bytes, path: Path | None = None) -> Notice:
    """Parse the bytes of a notice; ``path`` is only used in messages."""
    if len(data) > MAX_BYTES:
        raise TimelineError([Problem(path, None, f"larger than {MAX_BYTES // 2**20} MB")])
    try:
        root = cast(Element, SafeET.fromstring(data, forbid_dtd=True))
    except DefusedXmlException as exc:
        message = f"refused: the XML declares a DTD or entities ({type(exc).__name__})"
        raise TimelineError([Problem(path, None, message)]) from exc
    except SafeET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise TimelineError([Problem(path, None, f"not well-formed XML: {exc}", line)]) from exc
    return _Reader(root, path).notice()


class _Reader:
    def __init__(self, root: Element, path: Path | None) -> None:
        self.root = root
        self.path = path
        self.problems: list[Problem] = []
        language = _text(root.find("cbc:NoticeLanguageCode", NS))
        self.language = language.upper() if language else None

    def problem(self, element: str, message: str) -> None:
        self.problems.append(Problem(self.path, element, message))

    def notice(self) -> Notice:
        root = self.root
        if root.tag not in ROOTS:
            raise TimelineError(
                [
                    Problem(
                        self.path, None, f"not an eForms notice (root element {root.tag[:200]!r})"
                    )
                ]
            )
        type_code = root.find("cbc:NoticeTypeCode", NS)
        form = type_code.get("listName") if type_code is not None else None
        notice_type = _plain(_text(type_code), 40) or "?"
        if form != "competition":
            self.problem(
                "cbc:NoticeTypeCode",
                f"{notice_type} (form type {form}) is not a call for competition; only contract "
                "notices, prior information notices used as a call for competition, and their "
                "change notices carry a timeline",
            )
        procedure_id = _text(root.find("cbc:ContractFolderID", NS))
        if not procedure_id:
            self.problem("cbc:ContractFolderID", "missing (BT-04, the procedure identifier)")
        notice_id = _text(root.find("cbc:ID", NS)) or ""
        issued = self._issued()
        lots = tuple(
            self._lot(lot) for lot in root.findall("cac:ProcurementProjectLot", NS) if _is_lot(lot)
        )
        if not lots:
            self.problem("cac:ProcurementProjectLot", "no lot (cbc:ID schemeName='Lot')")
        changes = root.find(f"{_EXTENSION}/efac:Changes", NS)
        reason_code = reason = None
        if changes is not None:
            reason_el = changes.find("efac:ChangeReason", NS)
            if reason_el is not None:
                reason_code = _text(reason_el.find("cbc:ReasonCode", NS))
                reason = _plain(self._localised(reason_el, "efbc:ReasonDescription"), MAX_REASON)
        if self.problems:
            raise TimelineError(self.problems)
        buyer, country = self._buyer()
        return Notice(
            path=self.path,
            notice_id=notice_id,
            version=_text(root.find("cbc:VersionID", NS)),
            procedure_id=procedure_id or "",
            issued=issued,
            notice_type=notice_type,
            title=_plain(self._localised(root, "cac:ProcurementProject/cbc:Name"), 300),
            buyer=buyer,
            buyer_country=country,
            reference=_plain(_text(root.find("cac:ProcurementProject/cbc:ID", NS)), 200),
            url=self._url(),
            lots=lots,
            changed=changes is not None,
            reason_code=reason_code,
            reason=reason,
        )

    def _issued(self) -> datetime | None:
        day = self._stamp(self.root, "cbc:IssueDate", "cbc:IssueTime", "BT-05")
        if day is None:
            return None
        clock = day.clock or time(0)
        return datetime.combine(day.day, clock, tzinfo=timezone(day.offset or timedelta(0)))

    def _lot(self, lot: Element) -> Lot:
        lot_id = _plain(_text(lot.find("cbc:ID", NS)), 60) or "?"
        dates: list[LotDate] = []
        process = lot.find("cac:TenderingProcess", NS)
        if process is not None:
            for kind, field, period_path, date_tag, time_tag in LOT_DATES:
                for period in process.findall(period_path, NS):
                    where = f"{lot_id}: {field} {period_path.rsplit('/', 1)[-1]}"
                    stamp = self._stamp(
                        period, f"cbc:{date_tag}", f"cbc:{time_tag}" if time_tag else None, where
                    )
                    if stamp is not None:
                        dates.append(LotDate(kind, field, stamp))
        planned = lot.find("cac:ProcurementProject/cac:PlannedPeriod", NS)
        if planned is not None:
            for kind, field, tag in PLANNED_DATES:
                stamp = self._stamp(planned, f"cbc:{tag}", None, f"{lot_id}: {field} PlannedPeriod")
                if stamp is not None:
                    dates.append(LotDate(kind, field, stamp))
        title = _plain(self._localised(lot, "cac:ProcurementProject/cbc:Name"), 200)
        return Lot(lot_id, title, tuple(dates))

    def _stamp(
        self, parent: Element, date_path: str, time_path: str | None, where: str
    ) -> Stamp | None:
        raw_date = _text(parent.find(date_path, NS))
        raw_time = _text(parent.find(time_path, NS)) if time_path else None
        if raw_date is None:
            if raw_time is not None:
                self.problem(f"{where}/{time_path}", "a time without a date")
            return None
        parsed_date = _split_offset(raw_date)
        try:
            day = date.fromisoformat(parsed_date[0])
        except ValueError:
            self.problem(
                f"{where}/{date_path}", f"expected a date like 2020-04-03, got {raw_date!r}"
            )
            return None
        offset = parsed_date[1]
        clock = None
        if raw_time is not None:
            value, time_offset = _split_offset(raw_time)
            try:
                clock = time.fromisoformat(value)
            except ValueError:
                self.problem(
                    f"{where}/{time_path}", f"expected a time like 12:00:00, got {raw_time!r}"
                )
                return None
            offset = time_offset if time_offset is not None else offset
        if offset is False:
            self.problem(f"{where}/{date_path}", f"bad UTC offset in {raw_date!r} / {raw_time!r}")
            return None
        return Stamp(day, clock, offset if isinstance(offset, timedelta) else None)

    def _localised(self, parent: Element, path: str) -> str | None:
        """The text in the notice's own language when several languages are given."""
        found = parent.findall(path, NS)
        for element in found:
            if self.language and (element.get("languageID") or "").upper() == self.language:
                return _text(element)
        return _text(found[0]) if found else None

    def _buyer(self) -> tuple[str | None, str | None]:
        """BT-500 and BT-514 of the organisations named as buyers (OPT-300)."""
        companies: dict[str, Element] = {}
        for company in self.root.findall(
            f"{_EXTENSION}/efac:Organizations/efac:Organization/efac:Company", NS
        ):
            org_id = _text(company.find("cac:PartyIdentification/cbc:ID", NS))
            if org_id:
                companies[org_id] = company
        names: list[str] = []
        country: str | None = None
        for ref in self.root.findall(
            "cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID", NS
        ):
            buyer = companies.get(_text(ref) or "")
            if buyer is None:
                continue
            name = _plain(self._localised(buyer, "cac:PartyName/cbc:Name"), 200)
            if name and name not in names:
                names.append(name)
            if country is None:
                country = _text(
                    buyer.find("cac:PostalAddress/cac:Country/cbc:IdentificationCode", NS)
                )
        return ("; ".join(names) or None), country

    def _url(self) -> str | None:
        """BT-15 (documents URL) of the first lot that has one, else BT-18 (submission URL)."""
        lots = [lot for lot in self.root.findall("cac:ProcurementProjectLot", NS) if _is_lot(lot)]
        candidates: list[str] = []
        for lot in lots:
            for ref in lot.findall("cac:TenderingTerms/cac:CallForTendersDocumentReference", NS):
                if _text(ref.find("cbc:DocumentType", NS)) == "non-restricted-document":
                    candidates.extend(
                        t
                        for e in ref.findall("cac:Attachment/cac:ExternalReference/cbc:URI", NS)
                        if (t := _text(e))
                    )
        for lot in lots:
            candidates.extend(
                t
                for e in lot.findall(
                    "cac:TenderingTerms/cac:TenderRecipientParty/cbc:EndpointID", NS
                )
                if (t := _text(e))
            )
        for url in candidates:
            if re.fullmatch(r"https?://[^\s<>\"]+", url) and len(url) <= 2000:
                return url
        return None


def _is_lot(lot: Element) -> bool:
    ident = lot.find("cbc:ID", NS)
    return ident is not None and ident.get("schemeName") == "Lot"


def _text(element: Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    value = element.text.strip()
    return value or None


def _plain(value: str | None, limit: int) -> str | None:
    """Text from a notice as one plain line: no control or direction characters, capped."""
    if value is None:
        return None
    value = " ".join(_CONTROL.sub(" ", value).split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value or None


_OFFSET = re.compile(r"^(.*?)(Z|[+-]\d\d:\d\d)?$")


def _split_offset(value: str) -> tuple[str, timedelta | bool | None]:
    """'2020-04-03+01:00' -> ('2020-04-03', 1 h); a malformed offset gives False."""
    match = _OFFSET.match(value)
    assert match is not None  # the pattern matches any string
    body, suffix = match.group(1), match.group(2)
    if suffix is None:
        return body, None
    if suffix == "Z":
        return body, timedelta(0)
    sign = -1 if suffix[0] == "-" else 1
    hours, minutes = int(suffix[1:3]), int(suffix[4:6])
    if hours > 14 or minutes > 59:
        return body, False
    return body, sign * timedelta(hours=hours, minutes=minutes)
