"""store.db: where the database is, its label, one-line errors, and two processes on one SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from store import db
from store.errors import StoreError
from store.events import get_event
from store.migrate import upgrade
from tests.store.conftest import ROOT


def test_default_url_is_var_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_DATABASE_URL", raising=False)
    assert db.database_url() == f"sqlite:///{ROOT / 'var' / 'rasd.sqlite'}"
    assert (ROOT / "var").is_dir()
    assert db.database_label() == "SQLite · var/rasd.sqlite"


def test_label_never_shows_a_password() -> None:
    label = db.database_label("postgresql+psycopg://rasd:s3cret@db.example.org:5433/rasd")
    assert label == "PostgreSQL · db.example.org:5433/rasd"
    assert db.database_label("sqlite:////tmp/x/rasd.sqlite") == "SQLite · /tmp/x/rasd.sqlite"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("not a url", "not a database URL"),
        ("mysql://u@h/db", "SQLite and PostgreSQL"),
        ("sqlite:////proc/rasd-nope/rasd.sqlite", "cannot create the directory"),
        (
            "postgresql+psycopg://rasd:pw@127.0.0.1:1/rasd",
            "cannot use the database PostgreSQL · 127.0.0.1:1/rasd",
        ),
    ],
)
def test_unusable_database_is_one_line(url: str, words: str) -> None:
    with pytest.raises(StoreError) as info:
        upgrade(url)
    msg = str(info.value)
    assert words in msg and "\n" not in msg and "pw@" not in msg


def test_sqlite_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        upgrade(f"sqlite:///{tmp_path}")


def test_sqlite_pragmas(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    upgrade(url)
    with db.read(url) as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == db.BUSY_TIMEOUT_MS


WRITER = textwrap.dedent(
    """
    import sys, uuid
    from store.errors import StaleVersion
    from store.events import get_event, update_event
    from store.reports import add_report
    from tests.store.conftest import sample_event
    name, shared = sys.argv[1], int(sys.argv[2])
    for i in range(25):
        add_report(f"{name} {i} {uuid.uuid4().hex}", "2024-01-01", events=[sample_event()], analyst=name)
        while True:  # read, change, save; retry when the other process saved in between
            ev = get_event(shared)
            try:
                update_event(shared, {"fatalities": ev["fatalities"] + 1}, name, ev["version"])
                break
            except StaleVersion:
                continue
    print("ok")
    """
)


def test_two_processes_write_one_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    monkeypatch.setenv("RASD_DATABASE_URL", url)
    upgrade(url)
    from store.reports import add_report
    from tests.store.conftest import sample_event, unique_text

    shared = add_report(unique_text(), "2024-01-01", events=[sample_event(fatalities=0)]).event_ids[0]
    env = {"RASD_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(shared)],
            cwd=ROOT,
            env={**__import__("os").environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("proc-a", "proc-b")
    ]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.strip() == "ok"
    ev = get_event(shared)
    assert ev["fatalities"] == 50 and ev["version"] == 51  # no lost update
    with db.read(url) as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar() == 51
        assert (
            conn.execute(
                text("SELECT count(*) FROM event_revisions WHERE event_id = :i"), {"i": shared}
            ).scalar()
            == 50
        )


def test_not_a_database_file(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are not the tables you are looking for\n" * 200)
    with pytest.raises(StoreError) as info:
        upgrade(f"sqlite:///{bogus}")
    assert "not a database" in str(info.value) and "\n" not in str(info.value)


class _Cursor:
    """A cursor whose first ``locked`` WAL switches fail as SQLite fails the loser of two new-file openers."""

    def __init__(self, locked: int, message: str = "database is locked") -> None:
        self.locked, self.message, self.calls = locked, message, 0

    def execute(self, sql: str) -> None:
        self.calls += 1
        if self.calls <= self.locked:
            raise sqlite3.OperationalError(self.message)


def test_the_wal_switch_waits_for_another_process_opening_the_new_file() -> None:
    cur = _Cursor(locked=2)
    db.switch_to_wal(cur, timeout_s=5, pause_s=0)  # type: ignore[arg-type]
    assert cur.calls == 3


def test_the_wal_switch_gives_up_after_the_busy_timeout_and_on_other_errors() -> None:
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        db.switch_to_wal(_Cursor(locked=10**6), timeout_s=0.05, pause_s=0.001)  # type: ignore[arg-type]
    cur = _Cursor(locked=1, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk"):
        db.switch_to_wal(cur, timeout_s=5, pause_s=0)  # type: ignore[arg-type]
    assert cur.calls == 1
