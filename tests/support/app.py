"""The FastAPI app in-process, on a real store, with a clock the test controls."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fastapi.testclient import TestClient

from tender_notifier.settings import Settings, load_settings
from tender_notifier.store import Store, open_store
from tender_notifier.timelines import Timelines
from tender_notifier.web.app import create_app
from tender_notifier.web.context import AppContext

SEED = (
    Path(__file__).resolve().parent.parent.parent / "config" / "tenders" / "flextender-30988.toml"
)


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class App:
    client: TestClient
    ctx: AppContext
    clock: Clock
    tenders_dir: Path
    pokes: list[str] = field(default_factory=list)


def make_app(
    tmp_path: Path, database_url: str, now: datetime, settings_text: str = "", seed: bool = True
) -> App:
    tenders = tmp_path / "tenders"
    tenders.mkdir(exist_ok=True)
    if seed:
        shutil.copy(SEED, tenders / SEED.name)
    path = tmp_path / "notifier.toml"
    path.write_text(
        f'tenders_dir = "tenders"\nstate_dir = "{tmp_path / "var"}"\n'
        f'public_url = "https://tenders.example.nl"\n[database]\nurl = "{database_url}"\n'
        + settings_text
    )
    settings: Settings = load_settings(path)
    clock = Clock(now)
    # With a key file named, the store is opened as the daemon and the commands open it, so they
    # can share it; without, with a key that lasts as long as the test process.
    store = open_store(settings) if settings.secrets.key_file else Store.open(settings.database_url)
    timelines = Timelines(settings.tenders_dir, store, clock)
    timelines.reload()
    ctx = AppContext(settings=settings, store=store, timelines=timelines, clock=clock)
    app = App(TestClient(create_app(ctx)), ctx, clock, tenders)
    ctx.on_subscriptions_changed = lambda: app.pokes.append("subscriptions")
    ctx.on_outbox_work = lambda: app.pokes.append("outbox")
    return app
