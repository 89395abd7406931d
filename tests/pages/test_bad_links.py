"""Links with values no filter can hold: every page answers in one line, never a traceback.

``?report=1e309`` raised OverflowError inside Streamlit on every page; an actor filter of 50,000
characters or a text search of 25,000 Arabic characters reached SQLite's LIKE ("pattern too complex").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.validation import MAX_FILTER_CHARS
from tests.pages.conftest import app_test
from tests.pages.sample_events import seed

PAGES = [
    "pages/paste_report.py",
    "pages/review_events.py",
    "pages/map_view.py",
    "pages/timeline_view.py",
    "pages/briefing.py",
    "pages/places.py",
]
LINKS = {
    "report=1e309": ({"report": "1e309"}, "is not a report id"),
    "report=20 digits": ({"report": "9" * 20}, "is not a report id"),
    "report=-1e309": ({"report": "-1e309"}, "is not a report id"),
    "actor=50,000": ({"actor": "x" * 50_000}, "50,000 characters: only the first 200 are used"),
    "q=25,000 Arabic": ({"q": "ق" * 25_000}, "25,000 characters: only the first 200 are used"),
}

pytestmark = pytest.mark.usefixtures("offline_tiles")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    from store.migrate import upgrade

    url = f"sqlite:///{tmp_path_factory.mktemp('links') / 'rasd.sqlite'}"
    upgrade(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("RASD_DATABASE_URL", url)
    seed(20)
    mp.undo()
    return url


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("link", list(LINKS))
def test_a_bad_link_is_one_line_on_every_page(seeded: str, monkeypatch, page: str, link: str) -> None:
    import streamlit as st

    monkeypatch.setenv("RASD_DATABASE_URL", seeded)
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    st.cache_data.clear()
    params, words = LINKS[link]
    at = app_test()
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    said = [w.value for w in at.sidebar.warning]  # as the link is opened
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(said) == 1 and words in said[0].replace("\\", "") and "\n" not in said[0], said
    if "actor" in params:
        assert len(at.text_input(key="actor").value) == MAX_FILTER_CHARS


def test_a_mistyped_database_path_is_one_line_and_creates_nothing(monkeypatch, tmp_path: Path) -> None:
    import streamlit as st

    monkeypatch.setenv("RASD_DATABASE_URL", f"sqlite:///{tmp_path / 'typo' / 'rasd.sqlite'}")
    st.cache_resource.clear()
    at = app_test()
    at.run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert "no SQLite database at" in error and "\n" not in error
    assert not (tmp_path / "typo").exists()
    st.cache_resource.clear()
