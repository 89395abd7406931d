"""Alembic migrations applied from code: at app start (cached by the app) and by ``python -m store migrate``.

The Alembic config is built here, so no alembic.ini is needed at run time. A database stamped with
a revision this Rasd does not know (made by a newer Rasd) is refused rather than touched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from store import db
from store.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config pointing at store/migrations (for the alembic CLI's API, e.g. ``revision``)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", (url or db.database_url()).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest migration this Rasd ships."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or ""


def current_revision(conn: Connection) -> str | None:
    """The migration the database is at (None for an empty database)."""
    return MigrationContext.configure(conn).get_current_revision()


def _check_known(cfg: Config, current: str | None) -> None:
    script = ScriptDirectory.from_config(cfg)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(
            f"database is at migration {current}, newer than this Rasd ({script.get_current_head()}): upgrade Rasd"
        )


def upgrade(url: str | None = None, *, create: bool = True) -> str:
    """Bring the database to the newest migration (idempotent); returns the revision it is at.

    Runs in one write transaction: on SQLite ``BEGIN IMMEDIATE`` and on PostgreSQL an advisory lock
    make two processes starting together migrate once, not twice. ``create=False`` (the app's start, the
    CLI's commands other than ``migrate``) refuses a SQLite file that is not there yet, unless it is the
    default var/rasd.sqlite: a mistyped path is an error, not a new empty database.
    """
    url = url or db.database_url()
    if create:
        db.prepare_new(url)
    cfg = alembic_config(url)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with db.write(url, bump=False) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(4107)"))  # 4107: arbitrary, Rasd's
        current = current_revision(conn)
        _check_known(cfg, current)
        if current == head:
            return current
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return head or ""
