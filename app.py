"""Rasd's entry point: the navigation and the sidebar every page shares."""

import streamlit as st

st.set_page_config(page_title="Rasd", page_icon="🛰️", layout="wide")

PAGES = [
    st.Page("pages/paste_report.py", title="Paste report", icon="📝", default=True),
    st.Page("pages/review_events.py", title="Review events", icon="✅"),
    st.Page("pages/map_view.py", title="Map", icon="🗺️"),
    st.Page("pages/timeline_view.py", title="Timeline", icon="📈"),
    st.Page("pages/briefing.py", title="Briefing", icon="📰"),
    st.Page("pages/places.py", title="Places", icon="📍"),
]

st.navigation(PAGES).run()
