"""Unit tests of ui modules that read or write the store get a fresh, migrated SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture()
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'rasd.sqlite'}"
    monkeypatch.setenv("RASD_DATABASE_URL", url)
    from store.migrate import upgrade

    upgrade(url)
    yield url
