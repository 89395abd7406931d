"""store.migrate: idempotent upgrades, models that match the migrations, and newer databases refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from store import db
from store.errors import StoreError
from store.migrate import head_revision, upgrade
from store.models import Base
from tests.store.conftest import ROOT


def test_upgrade_is_idempotent(db_url: str) -> None:
    assert upgrade(db_url) == head_revision() == upgrade(db_url)
    tables = set(inspect(db.get_engine(db_url)).get_table_names())
    assert {"reports", "events", "event_revisions", "places", "alembic_version"} <= tables


def test_models_match_migrations(db_url: str) -> None:
    with db.read(db_url) as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_indexes(db_url: str) -> None:
    names = {ix["name"] for ix in inspect(db.get_engine(db_url)).get_indexes("events")}
    assert {
        "ix_events_event_date",
        "ix_events_event_type",
        "ix_events_admin1",
        "ix_events_status",
        "ix_events_report_id",
    } <= names


def test_newer_database_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite'}"
    upgrade(url)
    with db.write(url) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(StoreError) as info:
        upgrade(url)
    assert str(info.value) == (
        f"database is at migration 0099_future, newer than this Rasd ({head_revision()}): upgrade Rasd"
    )


def test_two_processes_migrate_a_new_file_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    code = "import sys; from store.migrate import upgrade; print(upgrade(sys.argv[1]))"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == head_revision()
