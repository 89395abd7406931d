"""The sidebar filters every page shares, kept in the URL so a view can be bookmarked or sent.

Each widget is bound to a query parameter of the same name as its key (``bind="query-params"``):
Streamlit reads the URL at start and writes it on change, and the values follow the analyst across
pages. app.py renders the filters once per run; a page calling :func:`sidebar_filters` afterwards gets
the same :class:`EventFilter` without drawing the widgets twice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from store.columns import STATUSES
from store.filters import EventFilter
from store.validation import MAX_FILTER_CHARS
from ui import state
from ui.messages import show
from ui.url_params import REPORT_ID_CHARS, cut_in_link, report_id

DEFAULT_STATUSES = ["extracted", "reviewed"]


def request_filters(**values: Any) -> None:
    """Ask for filter values on the next run (a bound widget cannot be changed once drawn).

    Keys are the widget keys in :mod:`ui.state` (e.g. ``{state.F_REPORT: 12}``); used by Paste's Save
    to open Review on the report just stored.
    """
    pending = dict(st.session_state.get(state.PENDING_FILTERS, {}))
    pending.update(values)
    st.session_state[state.PENDING_FILTERS] = pending


def _apply_pending() -> None:
    pending = st.session_state.pop(state.PENDING_FILTERS, None)
    for key, value in (pending or {}).items():
        st.session_state[key] = str(value) if key == state.F_REPORT and value is not None else value


def _options(loader: Any) -> list[str]:
    """Option lists come from extraction's data; if it cannot load, filter without that list."""
    try:
        return list(loader())
    except Exception:  # noqa: BLE001 - a missing list must not take the sidebar down
        return []


def sidebar_filters() -> EventFilter:
    """Draw the filters in the sidebar (once per run) and return what they select."""
    cached = st.session_state.get(state.FILTER_CACHE)
    run_id = st.session_state.get(state.RUN_ID)
    if cached is not None and run_id is not None and cached[0] == run_id:
        return cached[1]
    _apply_pending()
    flt = _draw()
    st.session_state[state.FILTER_CACHE] = (run_id, flt)
    return flt


def _draw() -> EventFilter:
    sb = st.sidebar
    sb.subheader("Filters")
    for problem in cut_in_link(st.query_params):
        show("warning", problem, sb)
    c1, c2 = sb.columns(2)
    d_from = c1.date_input(
        "From", value=None, key=state.F_DATE_FROM, bind="query-params", min_value=date(1990, 1, 1)
    )
    d_to = c2.date_input(
        "To", value=None, key=state.F_DATE_TO, bind="query-params", min_value=date(1990, 1, 1)
    )
    admin1 = sb.multiselect(
        "Governorate", _options(state.governorates), key=state.F_ADMIN1, bind="query-params"
    )
    types = sb.multiselect(
        "Event type", _options(lambda: state.event_types().keys()), key=state.F_TYPES, bind="query-params"
    )
    actor = sb.text_input(
        "Actor contains", key=state.F_ACTOR, bind="query-params", max_chars=MAX_FILTER_CHARS
    )
    statuses = sb.multiselect(
        "Status", list(STATUSES), default=DEFAULT_STATUSES, key=state.F_STATUS, bind="query-params"
    )
    # A text box: a number box bound to the URL raised OverflowError inside Streamlit for ?report=1e309.
    report_text = sb.text_input(
        "Report id", key=state.F_REPORT, bind="query-params", max_chars=REPORT_ID_CHARS
    )
    report, problem = report_id(report_text)
    if problem:
        show("warning", problem, sb)
    text = sb.text_input("Text search", key=state.F_TEXT, bind="query-params", max_chars=MAX_FILTER_CHARS)
    background = sb.toggle(
        "Include background events",
        value=False,
        key=state.F_BACKGROUND,
        bind="query-params",
        help="Events the report recalls from the past (context), normally left out of counts.",
    )
    demo = sb.toggle("Include demo data", value=True, key=state.F_DEMO, bind="query-params")
    if d_from and d_to and d_from > d_to:
        sb.warning("'From' is after 'To': the dates were swapped.")
        d_from, d_to = d_to, d_from
    return EventFilter(
        date_from=d_from,
        date_to=d_to,
        admin1=tuple(admin1),
        event_types=tuple(types),
        actor=actor.strip() or None,
        statuses=tuple(statuses) or STATUSES,
        report_id=report,
        text=text.strip() or None,
        include_background=bool(background),
        include_demo=bool(demo),
    )
