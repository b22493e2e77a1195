"""Connecting to the store and keeping its schema current."""

from __future__ import annotations

import contextlib
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .files import PRIVATE, make_private_dir, tighten
from .instances import Instances
from .keyring import StoreKey, key_file_path, load_or_create_key, read_key
from .ledger import Ledger
from .revisions import Revisions
from .secrets import Secrets
from .signups import Signups
from .subscriptions import Subscriptions

if TYPE_CHECKING:
    from ..settings import Settings

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_CACHE_KIB = 1024
# A key for stores that live as long as this process: tests and throwaway stores (the
# simulation of ``plan``). Daemons and commands pass the key from the key file (``open_store``).
_PROCESS_KEY = StoreKey.generate()


def connect(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL mode, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StoreError(f"database url {url!r} is not a valid SQLAlchemy URL: {exc}") from exc
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            _private_sqlite_files(Path(database))
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
            # Each pooled connection keeps up to this many KiB of pages in the daemon's memory
            # (SQLite's default is 2 MiB each); the system's file cache holds the file anyway.
            cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cursor.close()

    return engine


def _private_sqlite_files(database: Path) -> None:
    """Make the SQLite file 0600 before SQLite opens it, whatever the umask.

    SQLite gives the -wal and -shm files it makes the mode of the database file, so this covers
    them too; files left readable by an older version are tightened.
    """
    try:
        make_private_dir(database.parent)
        with contextlib.suppress(FileExistsError):
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            tighten(path)
    except OSError as exc:
        raise StoreError(f"cannot create the SQLite store {database}: {exc}") from exc


def open_store(
    settings: Settings, *, migrate_schema: bool = True, create_key: bool = True
) -> Store:
    """The store of ``settings``, with the key from its key file (made on first start).

    A key file made now that turns out not to fit the store (another daemon set the store up
    with its own key) is removed again, so the next start does not trip over it.
    """
    path = key_file_path(settings.secrets.key_file, settings.state_dir)
    if create_key:
        make_private_dir(path.parent)
        key, created = load_or_create_key(path)
    else:
        key, created = read_key(path), False
    try:
        return Store.open(settings.database_url, migrate_schema=migrate_schema, key=key)
    except StoreError:
        if created:
            path.unlink(missing_ok=True)
        raise


def migrate(engine: Engine, key: StoreKey | None = None) -> None:
    """Bring the schema to the newest Alembic revision (run at every start).

    Migrations that seal existing secrets (0003) need ``key``. A store already at the newest
    revision is left as it is without loading Alembic (about 10 MiB the daemon would keep).
    """
    if _at_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as connection:
            if sqlite:
                # SQLite changes a table by copying it and dropping the old one; with foreign
                # keys on, that DROP would cascade and delete every delivery and opt-out of the
                # table's rows. The pragma only takes effect outside a transaction.
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()
            try:
                with connection.begin():
                    config.attributes["connection"] = connection
                    config.attributes["store_key"] = key
                    command.upgrade(config, "head")
                    if sqlite:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                        if broken:
                            raise StoreError(f"migrating broke {len(broken)} foreign key(s)")
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    connection.commit()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the store at {_safe_url(engine)}: {exc}") from exc


_REVISION = re.compile(r'^(down_revision|revision) = (None|"(\w+)")$', re.MULTILINE)


@cache
def schema_head() -> str | None:
    """The newest migration's revision, read from the files in ``migrations/versions``; None
    unless they form one line (Alembic then sorts it out)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = {m[1]: m[3] for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if not found.get("revision"):
            return None
        revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """Whether the store records the newest revision (any doubt: False, and Alembic runs)."""
    head = schema_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            return [row[0] for row in versions] == [head]
    except SQLAlchemyError:  # a new store: no version table yet
        return False


def _safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


class Store:
    """The parts of the store over one engine."""

    def __init__(self, engine: Engine, key: StoreKey | None = None) -> None:
        self.engine = engine
        self.key = key or _PROCESS_KEY
        self.revisions = Revisions(engine)
        self.subscriptions = Subscriptions(engine, self.key)
        self.ledger = Ledger(engine)
        self.secrets = Secrets(engine, self.key)
        self.signups = Signups(engine, self.subscriptions)
        self.instances = Instances(engine)

    @classmethod
    def open(cls, url: str, *, migrate_schema: bool = True, key: StoreKey | None = None) -> Store:
        """The store at ``url``, sealing with ``key``; without one, with a key that lasts as
        long as this process (for tests and throwaway stores only: see ``open_store``).

        Raises ``StoreError`` when the store was set up with another key.
        """
        engine = connect(url)
        store = cls(engine, key)
        try:
            if migrate_schema:
                migrate(engine, store.key)
            store.secrets.verify_key()
        except BaseException:
            engine.dispose()
            raise
        return store

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
