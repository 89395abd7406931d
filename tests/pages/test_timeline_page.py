"""AppTest: the timeline page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest
import streamlit as st

from tests.pages.conftest import app_test
from tests.pages.sample_events import seed

PAGE = "pages/timeline_view.py"


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


def test_empty_says_so_and_events_draw_charts(db_url: str) -> None:
    at = _run(app_test())
    assert any("No events" in i.value for i in at.info)
    seed(30)
    st.cache_data.clear()  # a new app session in the same process; the real app bumps a generation
    at = _run(app_test())
    assert not at.info
    assert len(at.get("plotly_chart")) == 2
