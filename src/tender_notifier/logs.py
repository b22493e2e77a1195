"""structlog, configured once at the entry point, with a redaction processor.

Email addresses and webhook URLs never appear in clear: fields named for them are replaced by a
short hash, and any address-looking text left in a message is masked. Secrets and tokens are
dropped entirely. The daemon's own addresses (where it listens, its ``public_url``) are not
personal data and stay readable: "Uvicorn running on http://127.0.0.1:8080".
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from collections.abc import Iterable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import structlog

if TYPE_CHECKING:
    from .settings import Settings

_SECRET_KEYS = {
    "secret",
    "token",
    "password",
    "manage_token",
    "confirm_token",
    "authorization",
    "feed_token",
    "link_token",
    "api_key",
}
_TARGET_KEYS = {"address", "email", "to", "url", "target", "recipient"}
# structlog's own bookkeeping (an exception tuple, the stdlib record): not text to scrub.
_PASS_THROUGH = {"exc_info", "_record", "_from_structlog"}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[^\s\"'<>]+")
_TOKEN_PATH = re.compile(r"/(confirm|unsubscribe|manage|optout|feeds/s)/[A-Za-z0-9_-]{16,}")
_WHSEC = re.compile(r"whsec_[A-Za-z0-9+/=]+")


# Origins (scheme://host:port) of the daemon itself, set by configure_logging.
_own_origins: frozenset[str] = frozenset()


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def listen_url(settings: Settings) -> str:
    """The URL uvicorn names when it starts listening."""
    host = settings.http.host
    if ":" in host:  # IPv6
        host = f"[{host}]"
    return f"http://{host}:{settings.http.port}"


def daemon_urls(settings: Settings) -> list[str]:
    """The daemon's own addresses: where it listens and its public URL."""
    return [listen_url(settings), settings.base_url]


def _hash_url(match: re.Match[str]) -> str:
    url = match.group(0)
    if _origin(url.rstrip(".,;:)]")) in _own_origins:
        return url
    return short_hash(url)


def short_hash(value: str) -> str:
    return "h:" + hashlib.sha256(value.strip().lower().encode()).hexdigest()[:12]


def _scrub(text: str) -> str:
    if "@" not in text and "/" not in text and "whsec_" not in text:
        return text  # nothing any pattern below could match (ids, numbers, plain words)
    text = _WHSEC.sub("whsec_[redacted]", text)
    text = _TOKEN_PATH.sub(lambda m: f"/{m.group(1)}/[redacted]", text)
    text = _EMAIL.sub(lambda m: short_hash(m.group(0)), text)
    return _URL.sub(_hash_url, text)


def redact(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: hash addresses and URLs, drop secrets, scrub free text.

    Nested dicts and lists (a payload, a form) are walked too."""
    for key in list(event_dict):
        event_dict[key] = _redact_value(key, event_dict[key])
    return event_dict


def _redact_value(key: str, value: Any) -> Any:
    lowered = key.lower()
    if lowered in _PASS_THROUGH:
        return value
    if lowered in _SECRET_KEYS or lowered.endswith(("_token", "_secret", "password")):
        return "[redacted]"
    if lowered in _TARGET_KEYS and isinstance(value, str):
        return short_hash(value)
    if isinstance(value, str):
        return _scrub(value)
    if isinstance(value, dict):
        return {k: _redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redact_value(key, v) for v in value)
    return value


def _drop_color_message(
    _: Any, __: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    event_dict.pop("color_message", None)  # uvicorn's duplicate of the message, with ANSI codes
    return event_dict


def _name_foreign_event(
    _: Any, __: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """A library's log line (uvicorn's, alembic's) keeps its text as the event, so it reads as
    what happened ("Uvicorn running on ..."), and names its library in ``logger``."""
    record = event_dict.get("_record")
    if record is not None:
        event_dict["logger"] = record.name
    return event_dict


def configure_logging(
    format: str = "auto", level: str = "info", own_urls: Iterable[str] = ()
) -> None:
    """Set up structlog and route the standard library's logging (uvicorn's) through it.

    ``own_urls``: the daemon's own addresses, left readable in log text."""
    global _own_origins
    _own_origins = frozenset(_origin(u) for u in own_urls) - {""}
    if format == "auto":
        format = "console" if sys.stderr.isatty() else "json"
    # Tracebacks are plain text (format_exc_info above) whatever is installed: a console log
    # reads the same with or without rich.
    renderer: Any = (
        structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(), exception_formatter=structlog.dev.plain_traceback
        )
        if format == "console"
        else structlog.processors.JSONRenderer()
    )
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        redact,
    ]
    structlog.configure(
        processors=[
            # An event below the level is dropped before any work is done on it (a burst
            # logs a line per message: at "warning" those cost nothing).
            structlog.stdlib.filter_by_level,
            *shared[:-1],
            structlog.stdlib.PositionalArgumentsFormatter(),
            redact,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            *shared[:-1],
            structlog.stdlib.ExtraAdder(),
            _name_foreign_event,
            redact,
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            _drop_color_message,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stdout if format == "json" else sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "apscheduler", "httpx"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Access logs carry paths with tokens; the redactor masks them, and they are noisy anyway.
    logging.getLogger("uvicorn.access").setLevel("WARNING")
    logging.getLogger("apscheduler").setLevel("WARNING")
    # One INFO line per webhook call, with the target's URL; delivery_sent already says it.
    logging.getLogger("httpx").setLevel("WARNING")
    logging.getLogger("alembic").setLevel("WARNING")
