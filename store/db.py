"""Where the database is and how to connect: SQLite by default, PostgreSQL for a team.

SQLite runs in WAL mode with a busy timeout, and every write transaction starts with
``BEGIN IMMEDIATE``, so two app processes (or the app and the CLI) can share one file: a writer
waits for the other instead of failing with "database is locked".
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url

from store.errors import StoreError

__all__ = [
    "StoreError",
    "database_url",
    "get_engine",
    "database_label",
    "read",
    "write",
    "data_version",
    "ROOT",
]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SQLITE = ROOT / "var" / "rasd.sqlite"
BUSY_TIMEOUT_MS = 30_000


def database_url() -> str:
    """``RASD_DATABASE_URL``, else the embedded SQLite file ``var/rasd.sqlite`` (var/ created)."""
    url = os.environ.get("RASD_DATABASE_URL", "").strip()
    if url:
        return url
    try:
        DEFAULT_SQLITE.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create {DEFAULT_SQLITE.parent}: {e.strerror}") from None
    return f"sqlite:///{DEFAULT_SQLITE}"


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except (exc.ArgumentError, ValueError):
        shown = url.split("@")[-1] if "@" in url else url
        raise StoreError(
            f"RASD_DATABASE_URL is not a database URL ({shown[:80]!r}); "
            "use sqlite:///path/rasd.sqlite or postgresql+psycopg://user@host:port/db"
        ) from None


def _sqlite_path(u: URL) -> Path | None:
    db = u.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db).expanduser().resolve()


def _check_sqlite_path(path: Path) -> None:
    """Fail with one line when the file is missing or not writable, before SQLite says "unable to open".

    A file that is not there is created only on the default path; elsewhere it is most likely a mistyped
    RASD_DATABASE_URL, and creating folders and an empty database there would hide the mistake
    (``create_sqlite_file`` makes it, for ``python -m store migrate``).
    """
    if path.is_dir():
        raise StoreError(f"SQLite path {path} is a directory, not a database file")
    if not path.exists():
        if path != DEFAULT_SQLITE:
            raise StoreError(
                f"no SQLite database at {path}: check RASD_DATABASE_URL, or create it with `python -m store migrate`"
            )
        create_sqlite_file(path)
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        raise StoreError(f"the SQLite database {path} is not writable")


def create_sqlite_file(path: Path) -> None:
    """Make the folders and an empty SQLite file at ``path`` (``migrate`` then creates the tables)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"cannot create the directory for the SQLite database {path}: {e.strerror}"
        ) from None
    if path.is_dir():
        raise StoreError(f"SQLite path {path} is a directory, not a database file")
    try:
        with path.open("ab"):
            pass
    except OSError as e:
        raise StoreError(f"cannot create the SQLite database {path}: {e.strerror}") from None


def prepare_new(url: str) -> None:
    """Allow ``url`` to name a database that does not exist yet: for SQLite, create the empty file.

    Called by ``store.migrate.upgrade(create=True)``; PostgreSQL databases are made by their server's admin.
    """
    u = _parse(url)
    if u.get_backend_name() == "sqlite":
        path = _sqlite_path(u)
        if path is not None and not path.exists():
            create_sqlite_file(path)


def switch_to_wal(
    cur: sqlite3.Cursor, timeout_s: float = BUSY_TIMEOUT_MS / 1000, pause_s: float = 0.05
) -> None:
    """Put the SQLite file in WAL mode, waiting for another process doing the same.

    Two processes opening a new file together both ask for WAL mode; SQLite answers the one that loses
    "database is locked" at once (a deadlock between two shared locks, so the busy timeout does not wait),
    so this waits and asks again, up to the busy timeout.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() >= deadline:
                raise
            time.sleep(pause_s)


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event decide how a transaction starts (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        switch_to_wal(cur)
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write takes the lock at once: a deferred transaction that reads then writes would fail
        # with SQLITE_BUSY instead of waiting when another process wrote in between.
        immediate = conn.get_execution_options().get("rasd_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@lru_cache(maxsize=16)
def _engine_for(url: str) -> Engine:
    u = _parse(url)
    backend = u.get_backend_name()
    if backend == "sqlite":
        path = _sqlite_path(u)
        if path is not None:
            _check_sqlite_path(path)
        try:
            engine = create_engine(u, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as e:
            raise StoreError(f"cannot use RASD_DATABASE_URL: {str(e).splitlines()[0]}") from None
        _install_sqlite_pragmas(engine)
        return engine
    if backend == "postgres":  # the scheme Heroku and libpq users write
        u = u.set(drivername="postgresql+psycopg")
        backend = "postgresql"
    if backend != "postgresql":
        raise StoreError(f"Rasd supports SQLite and PostgreSQL, not {backend!r} (RASD_DATABASE_URL)")
    if u.get_driver_name() in ("", "psycopg2"):
        u = u.set(drivername="postgresql+psycopg")
    try:
        return create_engine(u, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as e:
        raise StoreError(f"cannot use RASD_DATABASE_URL: {str(e).splitlines()[0]}") from None


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: ``database_url()``), created once per URL."""
    return _engine_for(url or database_url())


def database_label(url: str | None = None) -> str:
    """What the sidebar shows: "SQLite · var/rasd.sqlite" or "PostgreSQL · host:port/db" (never a password)."""
    u = _parse(url or database_url())
    if u.get_backend_name() == "sqlite":
        path = _sqlite_path(u)
        if path is None:
            return "SQLite · in memory"
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        return f"SQLite · {shown}"
    host = u.host or "localhost"
    port = f":{u.port}" if u.port else ""
    return f"PostgreSQL · {host}{port}/{u.database or ''}"


def _describe(e: exc.DBAPIError | exc.SQLAlchemyError, url: str) -> str:
    """One line for a failure to reach or open the database."""
    first = str(getattr(e, "orig", None) or e).strip().splitlines()
    reason = first[0] if first else type(e).__name__
    return f"cannot use the database {database_label(url)}: {reason}"


# Every write transaction moves this marker as its last statement, so a cache keyed by it (in any session, any
# app process, any server) is stale exactly when the database changed. Last, so the row lock is held only for
# the commit: no writer waits on it while holding another lock.
_BUMP = text("UPDATE data_version SET version = version + 1 WHERE id = 1")
_VERSION = text("SELECT version FROM data_version WHERE id = 1")


@contextmanager
def _transaction(url: str | None, for_write: bool, bump: bool = False) -> Iterator[Connection]:
    """One transaction; failures to reach or use the database become a one-line StoreError."""
    url = url or database_url()
    engine = get_engine(url)
    try:
        conn = engine.connect()
        if for_write:
            conn = conn.execution_options(rasd_write=True)
    except exc.DBAPIError as e:
        raise StoreError(_describe(e, url)) from None
    try:
        with conn.begin():
            yield conn
            if bump:
                conn.execute(_BUMP)
    except exc.IntegrityError:
        raise  # a constraint the caller handles (e.g. a report stored by another process meanwhile)
    except exc.DatabaseError as e:  # locked past the timeout, not a database file, server gone, disk full
        raise StoreError(_describe(e, url)) from None
    finally:
        conn.close()


def read(url: str | None = None) -> AbstractContextManager[Connection]:
    """A connection for reading; connection failures become a one-line StoreError."""
    return _transaction(url, for_write=False)


def write(url: str | None = None, *, bump: bool = True) -> AbstractContextManager[Connection]:
    """One write transaction (``BEGIN IMMEDIATE`` on SQLite): committed on success, rolled back on error.

    It moves the database's ``data_version`` marker in the same transaction (``bump=False`` only for the
    migrations, which run before the marker's table exists).
    """
    return _transaction(url, for_write=True, bump=bump)


def data_version(url: str | None = None) -> int:
    """The database's change marker: one indexed read; it differs after any committed write, from any process."""
    with read(url) as conn:
        return int(conn.execute(_VERSION).scalar_one())
