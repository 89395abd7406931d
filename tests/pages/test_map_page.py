"""AppTest: the map page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test, open_page
from tests.pages.sample_events import seed

PAGE = "pages/map_view.py"


pytestmark = pytest.mark.usefixtures("offline_tiles")


def _run(at):
    return open_page(at, PAGE)


def test_caption_counts_events_and_names_the_basemap(db_url: str) -> None:
    seed(30)
    at = _run(app_test())
    captions = " ".join(c.value for c in at.caption)
    assert "27 events with coordinates" in captions  # 3 of the 30 are background events
    assert "Basemap: offline vector" in captions
