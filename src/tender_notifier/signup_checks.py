"""Checking a sign-up or change request: every bad field gets its own message.

Used by the HTTP API, the CLI and the CSV import alike, so all three accept and refuse the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from email_validator import EmailNotValidError, validate_email

from .durations import parse_duration
from .errors import SubscriptionError, UnsafeTargetError
from .i18n import LANGUAGES
from .subscription_types import ALL_TENDERS, Channel
from .timeline import Kind

MAX_OFFSET = timedelta(days=366)


@dataclass(frozen=True)
class SignupRequest:
    channel: Channel
    target: str
    tenders: tuple[str, ...]
    offsets: tuple[timedelta, ...]
    language: str
    kinds: tuple[Kind, ...] | None
    owner_email: str | None = None  # told when a webhook is disabled


class Invalid(Exception):
    """One or more fields are wrong; ``errors`` maps each field to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def check_address(address: Any) -> str:
    if not isinstance(address, str) or not address.strip():
        raise SubscriptionError("address", "an email address is required")
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise SubscriptionError("address", f"not a valid email address: {exc}") from None


def check_tenders(tenders: Any, known: Iterable[str]) -> tuple[str, ...]:
    if not isinstance(tenders, list) or not tenders:
        raise SubscriptionError(
            "tenders", 'expected a list of tender ids, or ["*"] for every tender'
        )
    known = set(known)
    unknown = [t for t in tenders if t != ALL_TENDERS and t not in known]
    if unknown or not all(isinstance(t, str) for t in tenders):
        raise SubscriptionError(
            "tenders",
            f"unknown tender(s): {', '.join(map(str, unknown))} "
            f'(known: {", ".join(sorted(known)) or "none"}, or "*" for all)',
        )
    return (ALL_TENDERS,) if ALL_TENDERS in tenders else tuple(dict.fromkeys(tenders))


def check_offsets(offsets: Any) -> tuple[timedelta, ...]:
    if not isinstance(offsets, list) or not offsets:
        raise SubscriptionError(
            "offsets", 'expected a list of ISO 8601 durations such as ["P7D", "P1D", "PT2H"]'
        )
    result = []
    for value in offsets:
        try:
            offset = parse_duration(value)
        except ValueError as exc:
            raise SubscriptionError("offsets", str(exc)) from None
        if offset <= timedelta(0) or offset > MAX_OFFSET:
            raise SubscriptionError(
                "offsets", f"{value!r}: an offset lies between 1 second and 366 days"
            )
        result.append(offset)
    if len(result) > 10:
        raise SubscriptionError("offsets", "at most 10 offsets")
    return tuple(sorted(set(result), reverse=True))


def check_language(value: Any) -> str:
    if value not in LANGUAGES:
        raise SubscriptionError("language", f"unknown language {value!r} (nl or en)")
    return str(value)


def check_kinds(kinds: Any) -> tuple[Kind, ...] | None:
    if kinds is None:
        return None
    if not isinstance(kinds, list) or not kinds:
        raise SubscriptionError("kinds", "expected a non-empty list of milestone kinds")
    try:
        return tuple(Kind(k) for k in kinds)
    except ValueError:
        choices = ", ".join(k.value for k in Kind)
        raise SubscriptionError("kinds", f"unknown kind in {kinds!r} (one of: {choices})") from None


def check_signup(
    data: dict[str, Any],
    *,
    known_tenders: Iterable[str],
    default_offsets: Iterable[timedelta],
    check_url: Callable[[str], None],
) -> SignupRequest:
    """Validate a sign-up; raise ``Invalid`` with a message for every bad field."""
    errors: dict[str, str] = {}
    allowed = {
        "channel",
        "address",
        "url",
        "tenders",
        "kinds",
        "offsets",
        "language",
        "owner_email",
    }
    for key in sorted(set(data) - allowed):
        errors[key] = "unknown field"

    def attempt(fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except SubscriptionError as exc:
            errors[exc.field] = exc.message
            return None

    channel: Channel | None = None
    owner_email: str | None = None
    try:
        channel = Channel(str(data.get("channel")))
    except ValueError:
        errors["channel"] = 'expected "email" or "webhook"'
    target: str | None = None
    if channel is Channel.EMAIL:
        target = attempt(lambda: check_address(data.get("address")))
    elif channel is Channel.WEBHOOK:
        url = data.get("url")
        if not isinstance(url, str) or not url.strip():
            errors["url"] = "a webhook URL (https://...) is required"
        else:
            try:
                check_url(url.strip())
                target = url.strip()
            except UnsafeTargetError as exc:
                errors["url"] = exc.message
        owner = data.get("owner_email")
        if owner is not None:
            try:
                owner_email = check_address(owner)
            except SubscriptionError as exc:
                errors["owner_email"] = exc.message
    tenders = attempt(lambda: check_tenders(data.get("tenders", [ALL_TENDERS]), known_tenders))
    offsets = (
        attempt(lambda: check_offsets(data["offsets"]))
        if data.get("offsets") is not None
        else tuple(sorted(set(default_offsets), reverse=True))
    )
    language = attempt(lambda: check_language(data.get("language", "nl")))
    kinds = attempt(lambda: check_kinds(data.get("kinds")))
    if errors or channel is None or target is None:
        raise Invalid(errors or {"channel": "incomplete request"})
    return SignupRequest(channel, target, tenders, offsets, language, kinds, owner_email)
