"""One real daemon per test module, on a SQLite store with the seed tender."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import SEED_TENDER
from tests.support.daemon import Daemon, free_port, write_config


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    directory = tmp_path_factory.mktemp("daemon")
    config = write_config(
        directory,
        port=free_port(),
        database_url=f"sqlite:///{directory / 'tn.db'}",
        tenders={"flextender-30988": SEED_TENDER.read_text()},
    )
    with Daemon(config) as running:
        yield running
