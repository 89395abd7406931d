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


def test_search_finds_any_village_by_a_news_spelling_and_offers_it_as_parent(db_url: str) -> None:
    at = _run(app_test())
    at.text_input(key="places_search").input("عكيدات").run()
    assert not at.exception
    table = at.dataframe[0].value
    # Jadid Ukaydat by its news spelling, and WOF's map spelling (ق) of it among its other names
    row = table[table["name_ar"] == "جديد عكيدات"].iloc[0]
    assert "جديد عقيدات" in row["other names"]
    parent = at.selectbox(key="places_parent")
    assert any(o.startswith("Jadid") or "عقيدات" in o or "عكيدات" in o for o in parent.options)
    at.text_input(key="places_search").input("قرية لا وجود لها أبدا").run()
    assert any("No place matches" in c.value for c in at.caption)


def test_search_rows_rank_exact_names_first_and_include_analysts_places() -> None:
    from ui.places_form import search_rows

    extra = [{"id": "rasd-x", "name_ar": "تل الجدعان", "name_en": "Tal Jadaan", "kind": "village",
              "located_by": "gn-163434", "source": "analyst"}]  # fmt: skip
    assert search_rows("تل الجدعان", extra)[0]["id"] == "rasd-x"
    rows = search_rows("القامشلي")
    assert rows[0]["name_ar"] == "القامشلي" and rows[0]["latitude"] is not None
    assert search_rows("x") == []  # one letter: no search
