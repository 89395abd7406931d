"""Links into a page: the Map's "Open event N in Review" lands on Review with event N chosen.

A link carries what to open (``?event=N``), never who opens it: the analyst's name stays in the browser
(see :mod:`ui.analyst`). The parameter is taken once and leaves the URL, so a later reload or a
bookmark shows the Review page as the analyst left it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import state

EVENT_PARAM = "event"


def review_link(event_id: int) -> dict[str, str]:
    """Query parameters that open Review on ``event_id`` (for ``st.page_link``)."""
    return {EVENT_PARAM: str(int(event_id))}


def take_event_link() -> int | None:
    """The event a link asked for, chosen in Review's event box; None without one (or a bad one)."""
    raw = st.query_params.get(EVENT_PARAM)
    if raw is None:
        return None
    del st.query_params[EVENT_PARAM]
    try:
        event_id = int(raw)
    except ValueError:
        st.warning("The link's event is not an event number: choose the event below.")
        return None
    st.session_state[state.REVIEW_SELECTED] = event_id
    return event_id


def explain_missing(event_id: int | None, frame: pd.DataFrame) -> None:
    """Say so when the linked event is not among the filtered ones (it is chosen otherwise)."""
    if event_id is not None and ("id" not in frame or event_id not in set(frame["id"].tolist())):
        st.info(
            f"Event {int(event_id)} is not among the events the sidebar's filters select "
            "(status, dates, demo data…): widen them to see it."
        )
