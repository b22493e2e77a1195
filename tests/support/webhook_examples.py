"""The examples of docs/webhooks.md, rendered by the code that builds the real payloads.

``tests/test_webhook_docs.py`` checks that every JSON block of the document is exactly what this
renders; after a change to the payloads, rewrite the blocks with

    .venv/bin/python -m tests.support.webhook_examples
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tender_notifier import compose
from tender_notifier.message_links import Links
from tender_notifier.tender_file import load_tender_file
from tender_notifier.timeline import Kind, Moment

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "webhooks.md"
SEED = ROOT / "config" / "tenders" / "flextender-30988.toml"

BASE_URL = "https://tn.example.nl"
# Tokens as the store makes them (token_urlsafe(32)), fixed so the document does not change.
LINK_TOKEN = "Xy7dQ2mR9kLpT4vWnB8sJ1cF6hG3aZ0eYuIoPxKqV5w"
FEED_TOKEN = "Qp3rS8tU1vW6xY0zA4bC7dE2fG9hJ5kL3mN8oP1qR6s"
SUBSCRIPTION_ID = "sub_8f2c41d7e93a4b06a5c1d2e3f4a5b6c7"
NOW = datetime(2026, 7, 14, 7, 0, tzinfo=UTC)  # one day before the seed's submission deadline


def examples() -> dict[str, dict[str, Any]]:
    """The event of each type, keyed by type, as a subscriber would receive it."""
    tender = load_tender_file(SEED)
    milestone = tender.milestone("submission-deadline")
    links = Links(BASE_URL)
    for_tender = links.for_subscription(LINK_TOKEN, FEED_TOKEN, tender.id)
    moved = dataclasses.replace(
        milestone, when=Moment(milestone.begins(tender.timezone) + timedelta(days=2, hours=3))
    )
    return {
        "milestone.reminder": compose.reminder_event(
            tender=tender,
            milestone=milestone,
            now=NOW,
            links=for_tender,
            language="nl",
            offset=timedelta(days=1),
        ),
        "timeline.changed": compose.change_event(
            tender=tender,
            changes=[compose.Change(milestone.id, "moved", milestone, moved)],
            now=NOW,
            links=for_tender,
            language="nl",
        ),
        # As the sender builds it: a ping is about no tender in particular.
        "ping": compose.ping_event(
            now=NOW,
            subscription_id=SUBSCRIPTION_ID,
            links=links.for_subscription(LINK_TOKEN, FEED_TOKEN, None),
        ),
    }


def render(event: dict[str, Any]) -> str:
    return json.dumps(event, indent=2, ensure_ascii=False)


def kinds() -> str:
    return ", ".join(f"`{k.value}`" for k in Kind)


# A section "### `<type>` (version N)" and the first ```json block in it.
SECTION = r"(### `{type}` \(version \d+\)\n(?:(?!\n### ).)*?```json\n)(.*?)(\n```)"
KINDS = re.compile(r"(\*\*milestone\*\*: `id`; `kind` \(one of )([^)]*)(\);)", re.DOTALL)


def blocks(text: str) -> dict[str, str]:
    """The JSON block of each event type's section in ``text``."""
    found = {}
    for kind in examples():
        match = re.search(SECTION.format(type=re.escape(kind)), text, re.DOTALL)
        if match:
            found[kind] = match.group(2)
    return found


def rewrite(text: str) -> str:
    for kind, event in examples().items():
        pattern = re.compile(SECTION.format(type=re.escape(kind)), re.DOTALL)
        text = pattern.sub(lambda m, e=event: m.group(1) + render(e) + m.group(3), text)  # type: ignore[misc]
    return KINDS.sub(lambda m: m.group(1) + kinds() + m.group(3), text)


def listed_kinds(text: str) -> str:
    match = KINDS.search(text)
    return " ".join(match.group(2).split()) if match else ""


def main() -> int:
    DOC.write_text(rewrite(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the examples in {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
