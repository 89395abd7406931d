"""The Review page's rule trace: why the selected event looks as it does.

The stored report is read again with the extractor's tracer on (``extraction.explain``) and the event is
found by its evidence span; the trace lists what each stage started from and each rule that changed
something, with the rule's reason. Edits an analyst made since are not in it: it explains the extractor.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import streamlit as st

from extraction.explain import EventTrace, Explanation, explain, find_event, why
from ui.messages import literal

_STYLE = (
    "<style>.rasd-trace{border-collapse:collapse;width:100%;font-size:0.85rem}"
    ".rasd-trace td,.rasd-trace th{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:start}"
    ".rasd-trace .start td{color:#666}.rasd-trace .why{color:#555;font-size:0.8rem}</style>"
)


@st.cache_data(show_spinner=False, max_entries=32)
def _explanation(
    text: str, published: str, source: str | None, extra_places: list[dict] | None
) -> Explanation:
    return explain(text, published, source, extra_places)


def event_trace(
    report: dict[str, Any], event: dict[str, Any], extra_places: list[dict] | None = None
) -> EventTrace | None:
    """The extractor's event whose evidence is the stored event's, with its steps; None when there is none."""
    start, end = event.get("evidence_start"), event.get("evidence_end")
    text, published = report.get("text") or "", report.get("published")
    if start is None or end is None or not text.strip() or published is None:
        return None
    day = published.isoformat() if isinstance(published, dt.date) else str(published)
    ex = _explanation(text, day, report.get("source"), extra_places or None)
    return find_event(ex, int(start), int(end), event.get("sub_event_type"), event.get("location"))


def trace_html(trace: EventTrace) -> str:
    """The steps as an HTML table (every text escaped: report words are data; each cell takes the direction
    of its first letters, so an Arabic quotation in an English line reads right)."""
    rows = []
    for s in trace.steps:
        if s.rule:
            reason = why(s.rule)
            change = f"{html.escape(s.change)}<div class='why'>{html.escape(reason)}</div>"
            rows.append(
                f"<tr><td>{s.sentence}</td><td>{html.escape(s.stage)}</td><td><code>{html.escape(s.rule)}</code></td>"
                f'<td dir="auto">{change}</td></tr>'
            )
        else:
            rows.append(
                f"<tr class='start'><td>{s.sentence}</td><td>{html.escape(s.stage)}</td><td>—</td>"
                f'<td dir="auto">{html.escape(s.change)}</td></tr>'
            )
    head = "<tr><th>sentence</th><th>stage</th><th>rule</th><th>what it found or changed, and why</th></tr>"
    return f"{_STYLE}<table class='rasd-trace'>{head}{''.join(rows)}</table>"


def summary(trace: EventTrace) -> str:
    """One line naming the extractor's event the trace is of."""
    e = trace.event
    sides = e.actor1 + (f" vs {e.actor2}" if e.actor2 else "")
    return f"{e.sub_event_type} at {e.location} on {e.event_date} ({sides})"


def show_trace(report: dict[str, Any] | None, event: dict[str, Any]) -> None:
    """An expander under the selected event: the rules that made it (nothing for an event with no report, or a
    synthetic demo event, which no rule made)."""
    if not report or event.get("is_demo") or report.get("is_demo"):
        return
    with st.expander("Why the extractor made this event (rule trace)"):
        from ui import state

        try:
            trace = event_trace(report, event, state.extra_places(state.data_version()))
        except Exception as exc:  # noqa: BLE001 - the trace must never break the Review page
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            st.warning(f"No trace for this event: {literal(reason)}")
            return
        if trace is None:
            st.info(
                "The extractor makes no event from this evidence today (the event was added by hand, or the "
                "rules changed since it was saved)."
            )
            return
        st.caption(
            f"The extractor's event for this evidence: {literal(summary(trace))}. Edits made in Review since are "
            "not in it. "
            "`python -m extraction explain` prints the same trace for a file."
        )
        st.html(trace_html(trace))
