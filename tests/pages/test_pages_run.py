"""Every view page runs without an exception on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test, open_page
from tests.pages.sample_events import seed

PAGES = ["pages/briefing.py", "pages/map_view.py", "pages/places.py", "pages/timeline_view.py"]

pytestmark = pytest.mark.usefixtures("offline_tiles")


@pytest.mark.parametrize("page", PAGES)
def test_empty_database(db_url: str, page: str) -> None:
    open_page(app_test(), page)


@pytest.mark.parametrize("page", PAGES)
def test_with_events(db_url: str, page: str) -> None:
    seed(30)
    open_page(app_test(), page)
