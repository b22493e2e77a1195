"""What an eForms notice says about a tender's timeline, as ``parse`` reads it: the notice, its
lots and their dates, each date as the notice states it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..timeline import Kind


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date as the notice states it: a day, maybe a time of day, maybe a UTC offset."""

    day: date
    clock: time | None  # naive; None for a whole day
    offset: timedelta | None


@dataclass(frozen=True, slots=True)
class LotDate:
    kind: Kind
    field: str  # the BT, for messages
    stamp: Stamp


@dataclass(frozen=True, slots=True)
class Lot:
    id: str  # BT-137, such as LOT-0001
    title: str | None  # BT-21 of the lot
    dates: tuple[LotDate, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """The facts of one notice that make a tender's timeline."""

    path: Path | None
    notice_id: str  # BT-701
    version: str | None  # BT-757
    procedure_id: str  # BT-04, as written
    issued: datetime | None  # BT-05, aware
    notice_type: str  # BT-02
    title: str | None  # BT-21 of the procedure
    buyer: str | None  # BT-500 of the buyer organisation(s)
    buyer_country: str | None  # BT-514 of the (first) buyer
    reference: str | None  # BT-22
    url: str | None  # BT-15, else BT-18
    lots: tuple[Lot, ...]
    changed: bool  # has efac:Changes
    reason_code: str | None  # BT-140
    reason: str | None  # BT-762, plain text, length-capped

    @property
    def cancels(self) -> bool:
        return self.reason_code == "cancel"
