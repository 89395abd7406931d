"""Paste page (AppTest): extract, save once, refuse duplicates, empty and oversized text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extraction.errors import MAX_CHARS
from store import reports as store_reports
from store.events import query_events
from store.filters import EventFilter
from tests.pages.conftest import app_test

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "report-qamishli-ar.txt"


def report_text() -> str:
    demos = sorted((ROOT / "data" / "demo").glob("*.txt"))
    return (SEED if SEED.exists() else demos[0]).read_text(encoding="utf-8")


def paste(at, text: str, published: date = date(2024, 8, 19)):
    at.text_area(key="paste_text").input(text)
    at.date_input(key="paste_published").set_value(published)
    at.run()
    [extract] = [b for b in at.button if b.label == "Extract"]
    extract.click()
    at.run()
    assert not at.exception, at.exception
    return at


def save_button(at):
    return [b for b in at.button if b.label.startswith("Save report")][0]


def test_extract_then_save_then_duplicate(db_url):
    at = app_test()
    at.run()
    text = report_text()
    paste(at, text)
    tables = at.dataframe
    assert tables, "the events table is shown after Extract"
    n = len(tables[0].value)
    assert n >= 1
    assert any("rasd-report" in h.proto.body for h in at.get("html"))
    save_button(at).click()
    at.run()
    assert not at.exception, at.exception
    report_id = store_reports.find_duplicate(text)
    assert report_id is not None
    stored = query_events(EventFilter(report_id=report_id, include_background=True))
    assert len(stored) == n
    assert set(stored["created_by"]) == {"Layla"}

    # The same report again: said so, nothing stored twice.
    at2 = app_test()
    at2.run()
    paste(at2, text)
    assert any(f"already stored (report #{report_id})" in w.value for w in at2.warning)
    assert save_button(at2).disabled
    assert len(store_reports.list_reports()) == 1


def test_untick_an_event_before_saving(db_url):
    at = app_test()
    at.run()
    text = report_text()
    paste(at, text)
    n = len(at.dataframe[0].value)
    if n < 2:
        pytest.skip("the report gave fewer than two events")
    key = f"paste_keep_editor_{at.session_state['paste_keep_gen']}"
    at.session_state[key] = {"edited_rows": {0: {"keep": False}}, "added_rows": [], "deleted_rows": []}
    at.run()
    save_button(at).click()
    at.run()
    report_id = store_reports.find_duplicate(text)
    assert len(query_events(EventFilter(report_id=report_id, include_background=True))) == n - 1


def test_empty_text_is_a_message(db_url):
    at = app_test()
    at.run()
    paste(at, "   ")
    assert any("box is empty" in w.value for w in at.warning)
    assert not at.dataframe


def test_text_over_one_megabyte_is_refused_before_extraction(db_url):
    at = app_test()
    at.run()
    big = "قصف على القامشلي. " * (MAX_CHARS // 18 + 10)
    assert len(big) > MAX_CHARS
    paste(at, big)
    assert any("at most" in e.value for e in at.error)
    assert at.text_area(key="paste_text").value == big  # the text stays
    assert not at.dataframe


def test_xss_text_is_escaped(db_url):
    at = app_test()
    at.run()
    paste(at, 'قصف على القامشلي <script>alert(1)</script><img src=x onerror="alert(2)">')
    html = "".join(h.proto.body for h in at.get("html"))
    assert "<script>alert" not in html and "<img" not in html  # (the sidebar's own cookie script aside)
    assert "&lt;script&gt;" in html


def test_example_loads_into_the_box(db_url):
    at = app_test()
    at.run()
    demos = sorted((ROOT / "data" / "demo").glob("*.txt"))
    if not demos:
        pytest.skip("no demo reports in data/demo")
    at.selectbox(key="paste_example").select(demos[-1].name)
    at.run()
    [load] = [b for b in at.button if b.label == "Load example"]
    load.click()
    at.run()
    assert at.text_area(key="paste_text").value == demos[-1].read_text(encoding="utf-8")


def test_date_line_is_offered(db_url):
    at = app_test()
    at.run()
    at.text_area(key="paste_text").input("القامشلي - 19 آب 2024\nقصفت القوات التركية قرية في ريف القامشلي.")
    at.run()
    [use] = [b for b in at.button if b.label.startswith("Use 2024-08-19")]
    use.click()
    at.run()
    assert at.date_input(key="paste_published").value == date(2024, 8, 19)
    assert not [b for b in at.button if b.label.startswith("Use 2024-08-19")]


def test_unknown_place_added_to_the_gazetteer_is_used_next_time(db_url):
    from extraction import analyse
    from store.places import list_places

    text = "قصفت القوات التركية قرية خربة زعفرانة الغربية في ريف تل تمر صباح اليوم."
    at = app_test()
    at.run()
    paste(at, text)
    assert any("Places not in the gazetteer" in h.value for h in at.subheader)
    parent = at.selectbox(key="paste_unknown_parent_0")
    parent.select_index(0)
    at.run()
    at.button(key="paste_unknown_add_0").click()
    at.run()
    assert not at.exception, at.exception
    [added] = list_places()
    assert added["name_ar"] == "خربة زعفرانة" and added["located_by"]
    assert not analyse(text, "2024-08-19", extra_places=list_places()).unknown_places


def test_broken_database_url_is_one_line_in_the_app(monkeypatch, tmp_path):
    import streamlit as st

    monkeypatch.setenv("RASD_DATABASE_URL", f"sqlite:///{tmp_path}")  # a directory, not a file
    st.cache_resource.clear()
    at = app_test()
    at.run()
    assert not at.exception
    assert any("The database cannot be used" in e.value for e in at.error)
    st.cache_resource.clear()


def test_an_extractor_failure_is_one_line_and_keeps_the_text(db_url, monkeypatch):
    import extraction

    def broken(*args, **kwargs):
        raise RuntimeError("gazetteer index is corrupt\nTraceback details that must not show")

    monkeypatch.setattr(extraction, "analyse", broken)
    at = app_test()
    at.run()
    text = "قصفت القوات التركية قرية في ريف القامشلي."
    paste(at, text)
    [error] = at.error
    assert "Extraction failed" in error.value and "gazetteer index is corrupt" in error.value
    assert "Traceback" not in error.value
    assert at.text_area(key="paste_text").value == text
    assert not at.dataframe


def test_the_report_is_highlighted_once_per_extraction(db_url, monkeypatch):
    """The highlighted report is made when Extract is pressed, not again on each later widget change."""
    from ui import highlight

    cuts = []
    real = highlight._segments
    monkeypatch.setattr(highlight, "_segments", lambda n, spans: cuts.append(n) or real(n, spans))
    at = app_test()
    at.run()
    paste(at, report_text())
    assert len(cuts) == 1 and any("rasd-report" in h.proto.body for h in at.get("html"))
    at.text_input(key="paste_url").input("https://example.org/report")
    at.run()
    at.text_input(key="paste_url").input("https://example.org/report-2")
    at.run()
    assert not at.exception and len(cuts) == 1
    assert any("rasd-report" in h.proto.body for h in at.get("html"))
    [extract] = [b for b in at.button if b.label == "Extract"]
    extract.click()
    at.run()
    assert len(cuts) == 2  # a new extraction, a new highlight
