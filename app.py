"""Rasd's entry point: the navigation and the sidebar every page shares."""

import streamlit as st

from store.db import StoreError, database_label, database_url
from ui import state
from ui.analyst import current_analyst
from ui.filters import sidebar_filters
from ui.messages import literal

st.set_page_config(page_title="Rasd", page_icon="🛰️", layout="wide")

PAGES = [
    st.Page("pages/paste_report.py", title="Paste report", icon=":material/edit_note:", default=True),
    st.Page("pages/review_events.py", title="Review events", icon=":material/fact_check:"),
    st.Page("pages/map_view.py", title="Map", icon=":material/map:"),
    st.Page("pages/timeline_view.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/briefing.py", title="Briefing", icon=":material/newspaper:"),
    st.Page("pages/places.py", title="Places", icon=":material/location_on:"),
]


@st.cache_resource(show_spinner="Preparing the database…")
def _migrated(url: str) -> str:
    """Apply migrations once per server process and database; returns the label for the sidebar."""
    from store.migrate import upgrade

    upgrade(url, create=False)  # a mistyped SQLite path is an error, not a new empty database
    return database_label(url)


state.begin_run()
page = st.navigation(PAGES)
try:
    label = _migrated(database_url())
except StoreError as exc:
    st.error(f"The database cannot be used: {literal(exc)}")
    st.stop()

st.sidebar.caption(f"Database: {literal(label)}")
current_analyst()
sidebar_filters()
page.run()
