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
MAX_TENDERS = 200
MAX_URL = 2000  # characters of a webhook URL (browsers and proxies cut at about this length)
# The fields that belong to one channel only: sent with the other channel, they are refused
# rather than ignored (the requester would think they did something).
CHANNEL_FIELDS = {Channel.EMAIL: ("address",), Channel.WEBHOOK: ("url", "owner_email")}
UNENCODABLE = "not valid Unicode text (a lone surrogate such as \\ud800?)"


def _plain(text: str) -> bool:
    return len(text) <= 100 and text.isprintable() and _encodable(text)


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


def shown(value: Any, limit: int = 40) -> str:
    """A requester's value, quoted for an error message: escaped, cut short, always encodable."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return ascii(text) if not _encodable(text) else repr(text)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800" (JSON allows it)
        return False
    return True


def _bad_text(value: Any, depth: int = 0) -> bool:
    """True when ``value`` holds a string that is not valid Unicode, or nests absurdly deep."""
    if depth > 10:
        return True
    if isinstance(value, str):
        return not _encodable(value)
    if isinstance(value, list):
        return any(_bad_text(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return any(_bad_text(k, depth + 1) or _bad_text(v, depth + 1) for k, v in value.items())
    return False


def check_address(address: Any) -> str:
    if not isinstance(address, str) or not address.strip():
        raise SubscriptionError("address", "an email address is required")
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise SubscriptionError("address", f"not a valid email address: {exc}") from None


def check_tenders(tenders: Any, known: Iterable[str]) -> tuple[str, ...]:
    if not isinstance(tenders, list) or not tenders or not all(isinstance(t, str) for t in tenders):
        # Strings only, before any lookup: a list or object in the list is no id (and unhashable).
        raise SubscriptionError(
            "tenders", 'expected a list of tender ids, or ["*"] for every tender'
        )
    if len(tenders) > MAX_TENDERS:
        raise SubscriptionError("tenders", f'at most {MAX_TENDERS} tenders; use ["*"] for all')
    known = set(known)
    unknown = [t for t in tenders if t != ALL_TENDERS and t not in known]
    if unknown:
        listed = ", ".join(shown(t) if not _plain(t) else t for t in unknown[:5])
        raise SubscriptionError(
            "tenders",
            f"unknown tender(s): {listed}{' …' if len(unknown) > 5 else ''} "
            f'(known: {", ".join(sorted(known)) or "none"}, or "*" for all)',
        )
    return (ALL_TENDERS,) if ALL_TENDERS in tenders else tuple(dict.fromkeys(tenders))


def check_offsets(offsets: Any) -> tuple[timedelta, ...]:
    if not isinstance(offsets, list) or not offsets:
        raise SubscriptionError(
            "offsets", 'expected a list of ISO 8601 durations such as ["P7D", "P1D", "PT2H"]'
        )
    if len(offsets) > 10:
        raise SubscriptionError("offsets", "at most 10 offsets")
    result = []
    for value in offsets:
        if not isinstance(value, str):
            raise SubscriptionError(
                "offsets", f'{shown(value)}: expected an ISO 8601 duration such as "P1D"'
            )
        try:
            offset = parse_duration(value)
        except ValueError as exc:
            raise SubscriptionError("offsets", str(exc)) from None
        if offset < timedelta(seconds=1) or offset > MAX_OFFSET:
            raise SubscriptionError(
                "offsets", f"{shown(value)}: an offset lies between 1 second and 366 days"
            )
        if offset % timedelta(seconds=1):
            raise SubscriptionError("offsets", f"{shown(value)}: whole seconds only")
        result.append(offset)
    return tuple(sorted(set(result), reverse=True))


def check_language(value: Any) -> str:
    if not isinstance(value, str) or value not in LANGUAGES:
        raise SubscriptionError("language", f"unknown language {shown(value)} (nl or en)")
    return str(value)


def check_kinds(kinds: Any) -> tuple[Kind, ...] | None:
    if kinds is None:
        return None
    if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
        raise SubscriptionError("kinds", "expected a non-empty list of milestone kinds")
    try:
        return tuple(dict.fromkeys(Kind(k) for k in kinds))
    except ValueError:
        choices = ", ".join(k.value for k in Kind)
        wrong = next(k for k in kinds if k not in {c.value for c in Kind})
        raise SubscriptionError(
            "kinds", f"unknown kind {shown(wrong)} (one of: {choices})"
        ) from None


def check_signup(
    data: Any,
    *,
    known_tenders: Iterable[str],
    default_offsets: Iterable[timedelta],
    check_url: Callable[[str], None],
) -> SignupRequest:
    """Validate a sign-up; raise ``Invalid`` with a message for every bad field."""
    if not isinstance(data, dict):
        raise Invalid({"body": "expected a JSON object"})
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
    for key in sorted(set(data) - allowed)[:10]:
        errors[key if _plain(key) else shown(key)] = "unknown field"
    # Strings JSON allows but Unicode does not (a lone surrogate) reach no check, no store.
    bad = {key: UNENCODABLE for key in sorted(set(data) & allowed) if _bad_text(data[key])}
    data = {key: value for key, value in data.items() if key not in bad}

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
    for other in (c for c in CHANNEL_FIELDS if channel is not None and c is not channel):
        for key in CHANNEL_FIELDS[other]:
            if data.get(key) is not None:
                errors[key] = f"not a field of a {channel} sign-up (only of a {other} one)"
    if channel is Channel.EMAIL:
        target = attempt(lambda: check_address(data.get("address")))
    elif channel is Channel.WEBHOOK:
        url = data.get("url")
        if not isinstance(url, str) or not url.strip():
            errors["url"] = "a webhook URL (https://...) is required"
        elif len(url.strip()) > MAX_URL:
            errors["url"] = f"too long: at most {MAX_URL} characters"
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
    errors.update(bad)
    if errors or channel is None or target is None:
        raise Invalid(errors or {"channel": "incomplete request"})
    return SignupRequest(channel, target, tenders, offsets, language, kinds, owner_email)


def check_changes(data: Any, *, known_tenders: Iterable[str]) -> dict[str, Any]:
    """Validate a change to a subscription (the API's PATCH body): the keyword arguments of
    ``Subscriptions.update`` for the fields given; raise ``Invalid`` per bad field."""
    if not isinstance(data, dict):
        raise Invalid({"body": "expected a JSON object"})
    checks: dict[str, tuple[str, Callable[[Any], Any]]] = {
        "tenders": ("tenders", lambda v: check_tenders(v, known_tenders)),
        "offsets": ("offsets", check_offsets),
        "kinds": ("kinds", check_kinds),
        "language": ("language_code", check_language),
    }
    errors: dict[str, str] = {}
    for key in sorted(set(data) - set(checks))[:10]:
        errors[key if _plain(key) else shown(key)] = "unknown field"
    changes: dict[str, Any] = {}
    for key, (name, check) in checks.items():
        value = data.get(key)
        if value is None:
            continue
        if _bad_text(value):
            errors[key] = UNENCODABLE
            continue
        try:
            changes[name] = check(value)
        except SubscriptionError as exc:
            errors[exc.field] = exc.message
    if errors:
        raise Invalid(errors)
    return changes
