"""ui.paste: extract, save, upload and add-a-place flows, without Streamlit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import extraction
from extraction.errors import MAX_CHARS
from store import reports as store_reports
from store.events import query_events
from store.filters import EventFilter
from ui import paste

TEXT = "قصفت القوات التركية قرية تل تمر في ريف الحسكة صباح الاثنين، ما أدى إلى مقتل مدنيين اثنين."
DAY = date(2024, 8, 19)


def test_empty_and_oversized_text_are_messages_not_analyses() -> None:
    assert paste.extract("  \n", DAY, None) == paste.Outcome(
        "warning", "Paste the text of a report first (the box is empty)."
    )
    out = paste.extract("x" * (MAX_CHARS + 1), DAY, None)
    assert isinstance(out, paste.Outcome) and out.kind == "error" and "at most 1,000,000" in out.text
    assert paste.too_long("x" * MAX_CHARS) is None


def test_extractor_failure_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("index corrupt\nTraceback (most recent call last)")

    monkeypatch.setattr(extraction, "analyse", broken)
    out = paste.extract(TEXT, DAY, None)
    assert out == paste.Outcome("error", "Extraction failed (RuntimeError: index corrupt).")


def test_extract_then_save_then_duplicate(db_url: str) -> None:
    analysis = paste.extract(TEXT, DAY, "Test outlet")
    assert not isinstance(analysis, paste.Outcome) and analysis.events
    assert (
        paste.save(TEXT, DAY, source="X", url="", events=analysis.events, analyst="").outcome.kind
        == "warning"
    )
    assert store_reports.find_duplicate(TEXT) is None  # no name, nothing stored

    first = paste.save(
        TEXT, DAY, source="X", url=" https://a.example/1 ", events=analysis.events, analyst="Layla"
    )
    assert first.open_review and first.outcome.kind == "success"
    assert f"#{first.report_id}" in first.outcome.text
    stored = query_events(EventFilter(report_id=first.report_id, include_background=True))
    assert len(stored) == len(analysis.events) == len(first.event_ids)
    assert store_reports.get_report(first.report_id)["url"] == "https://a.example/1"

    again = paste.save(TEXT, DAY, source="X", url=None, events=analysis.events, analyst="Layla")
    assert again.outcome.kind == "warning" and not again.open_review and again.report_id == first.report_id


def test_save_failure_is_one_line(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise OSError("disk full\nmore detail")

    monkeypatch.setattr(store_reports, "add_report", broken)
    result = paste.save(TEXT, DAY, source=None, url=None, events=[], analyst="Layla")
    assert result.outcome == paste.Outcome("error", "Could not save the report: disk full")
    assert not result.open_review


def test_upload_rows_say_what_happened(db_url: str) -> None:
    ok = paste.upload_one("a.txt", TEXT.encode("utf-8"), DAY, source=None, analyst="Layla")
    assert ok["result"] == "saved" and ok["report"] and ok["events"] >= 1
    again = paste.upload_one("b.txt", TEXT.encode("utf-8"), DAY, source=None, analyst="Layla")
    assert again["result"] == "already stored" and again["report"] == ok["report"]
    bad = paste.upload_one("c.pdf", b"not a pdf", DAY, source=None, analyst="Layla")
    assert bad["report"] is None and bad["result"] and "Traceback" not in bad["result"]


def test_upload_rows_name_what_the_store_refused(db_url: str) -> None:
    """A NUL far into a text file and a publication date in the future: the reason, not an exception's name."""
    nul = paste.upload_one(
        "n.txt", (TEXT + " " * 5000 + "\x00").encode("utf-8"), DAY, source=None, analyst="L"
    )
    assert nul["report"] is None and "NUL" in nul["result"]
    future = date.today() + timedelta(days=40)
    late = paste.upload_one("f.txt", TEXT.encode("utf-8"), future, source=None, analyst="L")
    assert (
        late["report"] is None
        and late["result"] == f"the publication date {future.isoformat()} is in the future"
    )


def test_unknown_names_once_in_order_and_place_near() -> None:
    class M:
        def __init__(self, text: str) -> None:
            self.text = text

    assert paste.unknown_names([M("ب"), M("أ"), M("ب")]) == ["ب", "أ"]
    parent = {"id": "SY0803", "name_en": "Qamishli", "name_ar": "القامشلي", "admin1": "Al-Hasakeh",
              "admin2": "Qamishli", "admin3": None}  # fmt: skip
    fields = paste.place_near("تل حلف", "village", parent, "Layla")
    assert fields["located_by"] == fields["parent_id"] == "SY0803"
    assert fields["admin1"] == "Al-Hasakeh" and "Layla" in fields["source"]
    assert paste.parent_label(parent) == "Qamishli · القامشلي (Al-Hasakeh)"
