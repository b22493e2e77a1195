"""The errors tender-notifier raises, in one tree.

    NotifierError                 root: everything below can be caught as this
    ├── ConfigError               the settings file or environment is wrong
    ├── TimelineError             a tender file is wrong; carries one Problem per mistake
    ├── StoreError                the database cannot be reached or migrated
    ├── SubscriptionError         a sign-up or change request is not acceptable
    │   └── UnsafeTargetError     a webhook URL points at a non-public address
    └── DeliveryError             a reminder could not be delivered
                                  (``permanent`` says whether trying again can help)

Every message is written for the person who has to fix it: it names the file, the line where
one is known, the field, and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class NotifierError(Exception):
    """Root of every error tender-notifier raises on purpose."""


class ConfigError(NotifierError):
    """The settings (file or environment) cannot be used."""


@dataclass(frozen=True)
class Problem:
    """One mistake in one tender file."""

    path: Path | None
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = str(self.path) if self.path else "<tender>"
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class TimelineError(NotifierError):
    """One or more tender files are invalid. ``problems`` lists every mistake found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreError(NotifierError):
    """The store (SQLite or PostgreSQL) is unreachable or cannot be migrated."""


class SubscriptionError(NotifierError):
    """A subscription request is not acceptable. ``field`` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class UnsafeTargetError(SubscriptionError):
    """A webhook target resolves to a loopback, private, link-local or other non-public address."""


class DeliveryError(NotifierError):
    """A message could not be delivered.

    ``permanent`` is true when retrying cannot help (an SMTP 5xx, a webhook 4xx); ``retry_after``
    is the delay in seconds the receiver asked for, when it asked.
    """

    def __init__(
        self, message: str, *, permanent: bool = False, retry_after: float | None = None
    ) -> None:
        self.permanent = permanent
        self.retry_after = retry_after
        super().__init__(message)
