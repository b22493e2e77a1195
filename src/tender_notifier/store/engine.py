"""Connecting to the store and keeping its schema current."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .instances import Instances
from .ledger import Ledger
from .revisions import Revisions
from .secrets import Secrets
from .subscriptions import Subscriptions

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def connect(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL mode, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StoreError(f"database url {url!r} is not a valid SQLAlchemy URL: {exc}") from exc
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            try:
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create {Path(database).parent}: {exc}") from exc
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": 5}
        kwargs["pool_size"] = 10
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (run at every start)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the store at {_safe_url(engine)}: {exc}") from exc


def _safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


class Store:
    """The parts of the store over one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.revisions = Revisions(engine)
        self.subscriptions = Subscriptions(engine)
        self.ledger = Ledger(engine)
        self.secrets = Secrets(engine)
        self.instances = Instances(engine)

    @classmethod
    def open(cls, url: str, *, migrate_schema: bool = True) -> Store:
        engine = connect(url)
        if migrate_schema:
            migrate(engine)
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def ping(self) -> bool:
        """True when the store answers a trivial query."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def close(self) -> None:
        self.engine.dispose()

    def describe(self) -> str:
        return _safe_url(self.engine)
