"""The few templates of the latest fan-outs, kept by what shapes them, the oldest dropped first.

``fill`` (emails) and ``event_fill`` (webhook events) make a template once per fan-out and per
second the message shows, and keep a few seconds' worth. A key whose template did not prove
itself is kept as None, so its messages are composed whole without trying again. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, ValuesView
from typing import Generic, TypeVar

T = TypeVar("T")


class TemplateCache(Generic[T]):
    """At most ``keep`` templates (or None for a template that did not prove itself) by key."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self._kept: dict[tuple[object, ...], T | None] = {}

    def get(self, key: tuple[object, ...], make: Callable[[], T | None]) -> T | None:
        """The template kept for ``key``; else ``make()``'s, kept in place of the oldest when
        ``keep`` are kept already."""
        if key in self._kept:
            return self._kept[key]
        made = make()  # first: a make() that raises costs no kept template
        if len(self._kept) >= self.keep:
            del self._kept[next(iter(self._kept))]
        self._kept[key] = made
        return made

    def values(self) -> ValuesView[T | None]:
        return self._kept.values()

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
