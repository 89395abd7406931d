"""Cached queries behind the Timeline and Briefing pages (SQL-side filtering and aggregation).

Each takes ``version`` (``ui.state.data_version()``, the database's change marker) as part of its key.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from store.filters import EventFilter

STRIP_COLUMNS = ["id", "event_date", "event_type", "admin1", "location", "notes", "background", "fatalities"]
BRIEF_COLUMNS = [
    "id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "location_ar",
    "admin1", "fatalities", "source", "report_id", "background",
]  # fmt: skip
STRIP_LIMIT = 20_000


def current_only(flt: EventFilter) -> EventFilter:
    """The filter with background events excluded: counts never mix the past into the present."""
    return dataclasses.replace(flt, include_background=False)


@st.cache_data(show_spinner=False, max_entries=16)
def counts(flt: EventFilter, freq: str, version: int) -> pd.DataFrame:
    from store.events import timeline_counts

    return timeline_counts(current_only(flt), freq)


DAILY_SPAN_DAYS = 366


def default_freq(weekly: pd.DataFrame) -> str:
    """Weeks when the events span more than a year: thousands of daily bars are slow to draw and unreadable."""
    if weekly is None or weekly.empty:
        return "D"
    periods = pd.to_datetime(weekly["period"])
    return "W" if (periods.max() - periods.min()).days > DAILY_SPAN_DAYS else "D"


@st.cache_data(show_spinner=False, max_entries=8)
def strip_events(flt: EventFilter, version: int) -> pd.DataFrame:
    """Individual events for the strip, background ones included (the page shows or hides them)."""
    from store.events import query_events

    return query_events(
        dataclasses.replace(flt, include_background=True), limit=STRIP_LIMIT, columns=STRIP_COLUMNS
    )


@st.cache_data(show_spinner=False, max_entries=8)
def brief_events(flt: EventFilter | None, version: int) -> pd.DataFrame | None:
    """Current (non-background) events for the briefing's figures and top table."""
    if flt is None:
        return None
    from store.events import query_events

    return query_events(current_only(flt), columns=BRIEF_COLUMNS)


def selected_range(event) -> tuple[str, str] | None:
    """The x-range of a box selection on a timeline chart (``st.plotly_chart(on_select=...)``)."""
    try:
        boxes = event["selection"]["box"]
    except (KeyError, TypeError):
        return None
    if not boxes:
        return None
    xs = boxes[0].get("x") or []
    if len(xs) < 2:
        return None
    lo, hi = sorted(pd.to_datetime(pd.Series(xs[:2]), format="ISO8601"))
    return lo.date().isoformat(), hi.date().isoformat()
