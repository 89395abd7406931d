"""Who is editing: every revision records it, so the app asks once per browser session.

The typed name is bound to the URL's ``analyst`` query parameter, so a reload of the tab keeps it (a
Streamlit session does not survive a reload; the URL does). With ``st.login`` configured (an ``[auth]``
section in secrets) the logged-in user is used instead, so nobody signs a revision as someone else.
"""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.messages import literal


def _logged_in_user() -> str | None:
    """The OIDC user's name or e-mail when st.login is configured and the user has logged in."""
    try:
        user = st.user
        if not user.get("is_logged_in"):
            return None
        for field in ("name", "email", "preferred_username", "sub"):
            value = user.get(field)
            if value:
                return str(value)
    except Exception:  # noqa: BLE001 - without [auth] secrets st.user has no login fields
        return None
    return None


def current_analyst() -> str:
    """The analyst's name ("" until given); draws the sidebar box once per run."""
    user = _logged_in_user()
    if user:
        if st.session_state.get(state.ANALYST_DRAWN) != st.session_state.get(state.RUN_ID):
            st.session_state[state.ANALYST_DRAWN] = st.session_state.get(state.RUN_ID)
            st.sidebar.caption(f"Signed in as **{literal(user)}**")
        return user
    if st.session_state.get(state.ANALYST_DRAWN) != st.session_state.get(state.RUN_ID):
        st.session_state[state.ANALYST_DRAWN] = st.session_state.get(state.RUN_ID)
        st.sidebar.text_input(
            "Analyst",
            key=state.ANALYST,
            bind="query-params",
            placeholder="your name (recorded with every edit)",
        )
    return (st.session_state.get(state.ANALYST) or "").strip()
