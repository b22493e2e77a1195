"""The importer's held-out recall, written at the end of every test run that measured it."""

from __future__ import annotations

import pytest

from .corpus import HELDOUT_TOTALS


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    totals = config.stash.get(HELDOUT_TOTALS, None)
    if totals is not None:
        terminalreporter.write_line(
            f"importer held-out recall: {totals.recalled}/{totals.expected} "
            f"({totals.recall:.1%}), invented: {totals.invented}"
        )
        terminalreporter.write_line(f"importer held-out, why: {totals.why}")
