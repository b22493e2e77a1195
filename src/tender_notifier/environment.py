"""``TN_...`` environment variables that name no setting: a typo must not pass in silence.

pydantic-settings reads only the variables that match a field and ignores the rest, so
``TN_SMTP_HOST`` (one underscore) or ``TN_SMPT__HOST`` would leave every email in the outbox
without a word. ``check`` and ``serve`` refuse such variables and name the closest valid one.

Names that are no setting but are still meant:

- ``TN_CONFIG``: the settings file (``--config``'s default);
- ``TN_TEST_...``: reserved for the test suite (``TN_TEST_POSTGRES_URL``,
  ``TN_TEST_REQUIRE_ALL``), which CI exports into the environment the daemon is started from.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping

from pydantic import BaseModel

from .settings import Settings

PREFIX = "TN_"
DELIMITER = "__"
# Read by the program itself, though they are not settings.
EXTRA_NAMES = frozenset({"TN_CONFIG"})
# The test suite's own variables; never read by the program.
RESERVED_PREFIX = "TN_TEST_"


def _names(model: type[BaseModel], prefix: str) -> Iterator[str]:
    for name, field in model.model_fields.items():
        full = prefix + name.upper()
        yield full  # a whole section may be given as JSON: TN_SMTP='{"host": ...}'
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _names(annotation, full + DELIMITER)


def valid_names() -> list[str]:
    """Every variable name that sets something, in the order of the settings schema."""
    return [*_names(Settings, PREFIX), *sorted(EXTRA_NAMES)]


def unknown_variables(environ: Mapping[str, str] | None = None) -> list[str]:
    """One message per ``TN_`` variable that maps to no setting, naming the nearest valid name.

    Matching is case-insensitive, as pydantic-settings' is.
    """
    environ = os.environ if environ is None else environ
    valid = valid_names()
    known = set(valid)
    problems = []
    for name in sorted(environ):
        upper = name.upper()
        if not upper.startswith(PREFIX) or upper in known or upper.startswith(RESERVED_PREFIX):
            continue
        nearest = difflib.get_close_matches(upper, valid, n=1, cutoff=0.6)
        hint = f"; did you mean {nearest[0]}?" if nearest else ""
        problems.append(
            f"environment variable {name} is not a setting{hint} "
            "(every setting is documented in config/notifier.toml; a section and its key are "
            "joined by two underscores)"
        )
    return problems
