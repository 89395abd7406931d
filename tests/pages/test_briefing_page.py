"""AppTest: the briefing page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test
from tests.pages.sample_events import seed

PAGE = "pages/briefing.py"


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


def test_key_figures_leave_background_out(db_url: str) -> None:
    seed(30)
    at = _run(app_test())
    events = next(m for m in at.metric if m.label == "Events")
    assert events.value == "27"
    assert at.title[0].value == "North-east Syria: security briefing"
