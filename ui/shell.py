"""Make sure every page runs inside app.py's navigation and sidebar.

Streamlit treats an app with a ``pages/`` folder as a v1 multipage app until the main script has called
``st.navigation`` once in the server process. Until then, a bookmarked deep link (``/map_view?...``) runs the
page file alone: no sidebar, no filters, no wide layout, and the old automatic page list. Each page calls
``ensure_navigation()`` first; in that state it switches Streamlit to the declared navigation and reruns,
which executes ``app.py`` and lands on the same page (same URL path, same query parameters).

AppTest resets the flag before every run; tests/pages/conftest.py keeps it as a real server does, so a
button click in a page test is not lost to this rerun.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_navigation() -> None:
    """Rerun through app.py when Streamlit still runs pages the v1 way."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
