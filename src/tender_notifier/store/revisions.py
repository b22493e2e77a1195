"""Each tender's last revision, so changes are detected across restarts too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from ..revisions import TenderRevision, revision_from_dict, revision_to_dict
from .schema import tender_revisions
from .upsert import upsert


class Revisions:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, tender_id: str, zone: ZoneInfo) -> TenderRevision | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(tender_revisions.c.data).where(tender_revisions.c.tender_id == tender_id)
            ).first()
        return revision_from_dict(row.data, zone) if row else None

    def put(self, revision: TenderRevision, now: datetime) -> None:
        values = {
            "tender_id": revision.tender_id,
            "fingerprint": revision.fingerprint,
            "data": revision_to_dict(revision),
            "updated_at": now,
        }
        with self.engine.begin() as conn:
            conn.execute(upsert(conn, tender_revisions, values, ["tender_id"]))
