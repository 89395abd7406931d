"""AppTest: the places page runs on an empty database and on one with events."""

from __future__ import annotations

import pytest

from tests.pages.conftest import app_test, open_page

PAGE = "pages/places.py"


pytestmark = pytest.mark.usefixtures("offline_tiles")


def _run(at):
    return open_page(at, PAGE)


def test_name_from_url_prefills_and_save_stores_the_place(db_url: str) -> None:
    from store.places import list_places

    at = app_test()
    at.query_params["name"] = "تل حميس"
    _run(at)
    assert at.text_input(key="places_name_ar").value == "تل حميس"
    at.session_state["places_point"] = (36.73, 41.46)
    at.text_input(key="places_name_en").input("Tal Hamis")
    at.button(key="places_save").click().run()
    assert not at.exception
    rows = list_places()
    assert [(r["name_ar"], r["name_en"], r["lat"]) for r in rows] == [("تل حميس", "Tal Hamis", 36.73)]


def test_save_without_point_or_parent_explains(db_url: str) -> None:
    at = _run(app_test())
    at.text_input(key="places_name_ar").input("قرية ما")
    at.button(key="places_save").click().run()
    assert at.error and "located_by" in at.error[0].value.replace("\\", "")  # shown as literal text
