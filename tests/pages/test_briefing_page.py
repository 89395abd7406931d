"""AppTest: the briefing page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test, open_page
from tests.pages.sample_events import seed

PAGE = "pages/briefing.py"


pytestmark = pytest.mark.usefixtures("offline_tiles")


def _run(at):
    return open_page(at, PAGE)


def test_key_figures_leave_background_out(db_url: str) -> None:
    seed(30)
    at = _run(app_test())
    events = next(m for m in at.metric if m.label == "Events")
    assert events.value == "27"
    assert at.title[0].value == "North-east Syria: security briefing"
