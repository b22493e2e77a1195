"""The importer's modules stay small and named after what they hold."""

from __future__ import annotations

from pathlib import Path

import tender_notifier.importer

PACKAGE = Path(tender_notifier.importer.__file__).parent


def test_every_importer_module_is_under_400_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n >= 400} == {}
