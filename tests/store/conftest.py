"""Store tests run on a real database: SQLite always, PostgreSQL too when RASD_TEST_POSTGRES_URL is set.

Each test module gets a fresh, migrated database (a new SQLite file, or a new PostgreSQL schema
selected through the connection's search_path) and RASD_DATABASE_URL pointing at it, so the store's
API and CLI subprocesses use it exactly as the app would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("RASD_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgres"] if PG_URL else [])


def pg_schema_url(schema: str) -> str:
    """The test server's URL with ``schema`` first on the search path (a database of its own, in effect)."""
    sep = "&" if "?" in PG_URL else "?"  # type: ignore[operator]
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh migrated database for this module; RASD_DATABASE_URL points at it."""
    from store.migrate import upgrade

    mp = pytest.MonkeyPatch()
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'rasd.sqlite'}"
        cleanup = None
    else:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = pg_schema_url(schema)

        def cleanup() -> None:
            from store.db import get_engine

            get_engine(url).dispose()
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()

    mp.setenv("RASD_DATABASE_URL", url)
    upgrade(url)
    yield url
    mp.undo()
    if cleanup:
        cleanup()


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """``python -m store ARGS`` in a subprocess with the current RASD_DATABASE_URL (or ``env``)."""
    return subprocess.run(
        [sys.executable, "-m", "store", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def sample_event(**over: Any) -> dict[str, Any]:
    """A valid event in the extractor's shape (nested evidence), with overrides."""
    ev: dict[str, Any] = {
        "event_date": "2024-03-01",
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "SDF: Syrian Democratic Forces",
        "actor2": "Islamic State (Syria)",
        "location": "Qamishli",
        "location_ar": "القامشلي",
        "latitude": 37.0522,
        "longitude": 41.2317,
        "geo_precision": 1,
        "fatalities": 2,
        "admin1": "Al-Hasakeh",
        "notes": "Clashes between the SDF and ISIS in Qamishli.",
        "evidence": {"start": 0, "end": 9, "text": "اشتباكات"},
    }
    ev.update(over)
    return ev


def unique_text(prefix: str = "اشتباكات في القامشلي") -> str:
    """A report text no other test uses (reports are unique by their folded text)."""
    return f"{prefix} — {uuid.uuid4().hex}"
