"""The Review page's rule trace builder: the stored event found again by its evidence, its steps escaped."""

from __future__ import annotations

import datetime as dt

from extraction import extract
from extraction.assembly.trace import Step
from extraction.explain import EventTrace
from ui.trace import event_trace, summary, trace_html

TEXT = (
    "قتلى لـ«قسد» بهجوم لخلية من «داعش» على حاجز في بلدة الشعفة شرقي دير الزور\n"
    "هاجم مسلحون من خلايا تنظيم «داعش» فجر اليوم السبت حاجزاً لقسد في بلدة الشعفة، ما أدى إلى مقتل عنصرين."
)


def stored() -> tuple[dict, dict]:
    """A report and its first event as the store gives them back (evidence as two columns)."""
    (ev,) = extract(TEXT, "2023-02-18", "Test")
    report = {"id": 1, "text": TEXT, "published": dt.date(2023, 2, 18), "source": "Test"}
    event = {
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "sub_event_type": "Armed clash",
        "location": "Edited by an analyst",
    }
    return report, event


def test_the_stored_event_is_found_by_its_evidence_with_the_rules_that_made_it() -> None:
    report, event = stored()
    trace = event_trace(report, event)
    assert trace is not None and trace.event.location == "Al-Shaafah"
    rules = {s.rule for s in trace.steps}
    assert {"the_agent_nearest_the_act", "the_same_place_and_day_is_one_event"} <= rules
    assert summary(trace).startswith("Armed clash at Al-Shaafah on 2023-02-18")


def test_no_trace_for_evidence_the_extractor_makes_no_event_from() -> None:
    report, event = stored()
    assert event_trace(report, {**event, "evidence_end": event["evidence_end"] - 3}) is None
    assert event_trace(report, {**event, "evidence_start": None}) is None
    assert event_trace({**report, "text": "   "}, event) is None


def test_the_trace_table_escapes_report_words_and_gives_each_rules_reason() -> None:
    report, event = stored()
    html = trace_html(event_trace(report, event))
    assert "the_agent_nearest_the_act" in html and "strikes by Turkish drones" in html  # the rule's reason
    assert html.count('dir="auto"') == html.count("<tr") - 1  # every step's text sets its own direction
    (ev,) = extract(TEXT, "2023-02-18")
    evil = EventTrace(
        1, ev, [Step("", "locate", 1, "<script>alert(1)</script>"), Step("x", "sides", 1, "<b>")]
    )
    out = trace_html(evil)
    assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;b&gt;" in out
