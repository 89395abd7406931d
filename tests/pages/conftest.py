"""Page tests (AppTest): each test gets its own SQLite file through RASD_DATABASE_URL, migrated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture()
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'rasd.sqlite'}"
    monkeypatch.setenv("RASD_DATABASE_URL", url)
    monkeypatch.chdir(ROOT)
    from store.migrate import upgrade

    upgrade(url)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield url
    st.cache_data.clear()
    st.cache_resource.clear()


def app_test(analyst: str | None = "Layla"):
    """The whole app (navigation + sidebar), with the analyst's name already typed."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    if analyst:
        at.session_state["analyst"] = analyst
    return at


@pytest.fixture(autouse=True)
def _navigation_mode_as_on_a_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep Streamlit's "v1 pages folder" flag across AppTest runs, as a real server keeps it.

    AppTest resets ``PagesManager.uses_pages_directory`` before every run, so each run after the first
    executes the page file alone and ``ui.shell.ensure_navigation`` reruns it through app.py; that
    rerun drops the click a test has just made. A subclass takes the reset instead of the real class.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class _KeepsMode(PagesManager):
        pass

    monkeypatch.setattr(app_test, "PagesManager", _KeepsMode)


@pytest.fixture
def offline_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """The map pages draw the bundled basemap: tests never reach for a tile server."""
    monkeypatch.setenv("RASD_TILES", "offline")


def open_page(at, page: str):
    """Run the app, switch to ``page`` and run it; the page must not raise."""
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
