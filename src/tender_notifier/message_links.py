"""The URLs a subscriber's messages carry, all under ``public_url``."""

from __future__ import annotations

from dataclasses import dataclass

from . import compose


@dataclass(frozen=True, slots=True)
class Links:
    """The links of every message: confirmation links and each subscription's own."""

    base: str

    def confirm(self, token: str) -> str:
        return f"{self.base}/confirm/{token}"

    def for_subscription(
        self, link_token: str, feed_token: str, tender_id: str | None
    ) -> compose.Links:
        tender = tender_id or "*"
        return compose.Links(
            manage_url=f"{self.base}/manage/{link_token}",
            unsubscribe_url=f"{self.base}/unsubscribe/{link_token}",
            submitted_url=f"{self.base}/optout/{link_token}/{tender}/submitted",
            not_bidding_url=f"{self.base}/optout/{link_token}/{tender}/not_bidding",
            feed_url=f"{self.base}/feeds/s/{feed_token}.ics",
        )

    def of_tender(self, tender_id: str) -> TenderLinks:
        """The links of messages about one tender, made from a subscription's tokens."""
        return TenderLinks(self, tender_id)


@dataclass(frozen=True, slots=True)
class TenderLinks:
    """(link token, feed token) -> links, for one tender. Equal for equal tenders, so composed
    messages can be shared by a fan-out's subscribers (see ``compose.fill``)."""

    links: Links
    tender_id: str

    def __call__(self, link_token: str, feed_token: str) -> compose.Links:
        return self.links.for_subscription(link_token, feed_token, self.tender_id)
