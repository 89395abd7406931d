"""The change marker: every write moves it, reads leave it, and another engine (process) sees the move."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from store import db


def test_every_write_moves_the_marker_and_reads_do_not(db_url: str) -> None:
    before = db.data_version(db_url)
    with db.read(db_url) as conn:
        conn.execute(text("SELECT count(*) FROM events"))
    assert db.data_version(db_url) == before
    with db.write(db_url) as conn:
        conn.execute(text("SELECT 1"))
    assert db.data_version(db_url) == before + 1


def test_a_rolled_back_write_leaves_the_marker(db_url: str) -> None:
    before = db.data_version(db_url)
    try:
        with db.write(db_url) as conn:
            conn.execute(text("SELECT 1"))
            raise RuntimeError("abandoned")
    except RuntimeError:
        pass
    assert db.data_version(db_url) == before


def test_another_connection_pool_sees_the_change(db_url: str) -> None:
    """A second engine stands for a second app server or the CLI: no state is shared but the database."""
    other = create_engine(db_url)
    try:
        with other.connect() as conn:
            seen = conn.execute(text("SELECT version FROM data_version WHERE id = 1")).scalar_one()
        with db.write(db_url) as conn:
            conn.execute(text("SELECT 1"))
        with other.connect() as conn:
            assert (
                conn.execute(text("SELECT version FROM data_version WHERE id = 1")).scalar_one() == seen + 1
            )
    finally:
        other.dispose()
