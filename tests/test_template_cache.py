"""The fan-out's bounded template cache: the newest ``keep`` kept, the oldest dropped first."""

from __future__ import annotations

import pytest

from tender_notifier.compose.template_cache import TemplateCache


def test_the_oldest_template_makes_room_for_a_new_one() -> None:
    cache: TemplateCache[str] = TemplateCache(keep=2)
    assert cache.get(("a",), lambda: "A") == "A"
    assert cache.get(("b",), lambda: "B") == "B"
    assert cache.get(("a",), lambda: "not made again") == "A"
    assert cache.get(("c",), lambda: "C") == "C"
    assert len(cache) == 2
    assert sorted(v for v in cache.values() if v) == ["B", "C"]


def test_a_template_that_cannot_be_made_costs_no_kept_one() -> None:
    cache: TemplateCache[str] = TemplateCache(keep=1)
    cache.get(("a",), lambda: "A")

    def broken() -> str:
        raise ValueError("cannot compose")

    with pytest.raises(ValueError):
        cache.get(("b",), broken)
    assert cache.get(("a",), lambda: "not made again") == "A"
