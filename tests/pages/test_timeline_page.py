"""AppTest: the timeline page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test, open_page
from tests.pages.sample_events import seed

PAGE = "pages/timeline_view.py"


pytestmark = pytest.mark.usefixtures("offline_tiles")


def _run(at):
    return open_page(at, PAGE)


def test_empty_says_so_and_events_draw_charts(db_url: str) -> None:
    at = _run(app_test())
    assert any("No events" in i.value for i in at.info)
    seed(30)
    at = _run(app_test())
    assert not at.info
    assert len(at.get("plotly_chart")) == 2
