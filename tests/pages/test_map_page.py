"""AppTest: the map page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test
from tests.pages.sample_events import seed

PAGE = "pages/map_view.py"


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_TILES", "offline")


def _run(at):
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_empty_database(db_url: str) -> None:
    _run(app_test())


def test_with_events(db_url: str) -> None:
    seed(30)
    _run(app_test())


def test_caption_counts_events_and_names_the_basemap(db_url: str) -> None:
    seed(30)
    at = _run(app_test())
    captions = " ".join(c.value for c in at.caption)
    assert "27 events with coordinates" in captions  # 3 of the 30 are background events
    assert "Basemap: offline vector" in captions
