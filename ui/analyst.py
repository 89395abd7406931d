"""Who is editing: every revision records it, so the app asks once per browser, not once per link.

The name typed in the sidebar is kept in a cookie of this browser (``rasd_analyst``), never in the URL: a
reload, a new tab and the app's own links keep it, while a view link sent to a colleague does not carry it,
so the colleague's uploads and edits are signed with their own name. With ``st.login`` configured (an
``[auth]`` section in secrets) the logged-in user is used instead, so nobody signs as someone else.

Streamlit has no API to set a cookie. The sidebar therefore runs a one-line script (``st.html`` with
JavaScript, hidden) that sets ``document.cookie`` while the box differs from what the browser sent.
Streamlit reads a tab's cookies once, when it connects (``st.context.cookies``): the cookie serves the next
tab or reload, and session state the runs of this one (a plain key as well as the box's, because
``st.switch_page`` starts the next page without the widgets' values).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import unquote

import streamlit as st

from ui import state
from ui.messages import literal

COOKIE = "rasd_analyst"
LEGACY_PARAM = "analyst"  # where the name rode in the URL before; dropped from any URL the app opens
MAX_CHARS = 200  # the store's analyst columns are String(200)
COOKIE_DAYS = 400  # the longest lifetime Chromium keeps a cookie
_HIDDEN = "rasd_analyst_cookie"  # key of the sidebar container holding the script (hidden by its own CSS)
# A JSON string inside <script>: these must not appear raw, or the data could end the element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def clean_name(raw: str | None) -> str:
    """A name as it is signed: control characters out, runs of spaces as one, at most ``MAX_CHARS``."""
    if not raw:
        return ""
    printable = "".join(ch if ch.isprintable() else " " for ch in str(raw))
    return " ".join(printable.split())[:MAX_CHARS]


def name_from_cookies(cookies: Mapping[str, str]) -> str:
    """The name this browser sent in its cookie ("" when none): percent-decoded, then cleaned."""
    raw = cookies.get(COOKIE)
    return clean_name(unquote(raw)) if raw else ""


def cookie_html(name: str) -> str:
    """HTML whose script stores ``name`` in this browser's cookie for 400 days; an empty name deletes it.

    The name reaches JavaScript as a JSON string with ``< > &`` escaped, and the cookie as
    ``encodeURIComponent``'s output, so it can neither end the script nor add a cookie attribute.
    """
    value = json.dumps(name).translate(_SCRIPT_SAFE)
    max_age = COOKIE_DAYS * 86_400 if name else 0
    attributes = f"; path=/; max-age={max_age}; SameSite=Lax"
    return (
        f"<style>.st-key-{_HIDDEN}{{display:none}}</style>"
        f"<script>document.cookie = {json.dumps(COOKIE + '=')} + encodeURIComponent({value}) + "
        f"{json.dumps(attributes)} + (location.protocol === 'https:' ? '; Secure' : '');</script>"
    )


def _logged_in_user() -> str | None:
    """The OIDC user's name or e-mail when st.login is configured and the user has logged in."""
    try:
        user = st.user
        if not user.get("is_logged_in"):
            return None
        for field in ("name", "email", "preferred_username", "sub"):
            value = user.get(field)
            if value:
                return clean_name(str(value))
    except Exception:  # noqa: BLE001 - without [auth] secrets st.user has no login fields
        return None
    return None


def _first_draw_this_run() -> bool:
    run = st.session_state.get(state.RUN_ID)
    if st.session_state.get(state.ANALYST_DRAWN) == run:
        return False
    st.session_state[state.ANALYST_DRAWN] = run
    return True


def current_analyst() -> str:
    """The analyst's name ("" until given); draws the sidebar box (and keeps the cookie) once per run."""
    if LEGACY_PARAM in st.query_params:  # an old link signed with the sender's name: never sign with it
        del st.query_params[LEGACY_PARAM]
    user = _logged_in_user()
    if user:
        if _first_draw_this_run():
            st.sidebar.caption(f"Signed in as **{literal(user)}**")
        return user
    if _first_draw_this_run():
        sent = name_from_cookies(st.context.cookies)
        if state.ANALYST not in st.session_state:  # a new tab, or st.switch_page (which drops widget values)
            st.session_state[state.ANALYST] = st.session_state.get(state.ANALYST_NAME, sent)
        st.sidebar.text_input(
            "Analyst",
            key=state.ANALYST,
            max_chars=MAX_CHARS,
            placeholder="your name (recorded with every edit)",
        )
        st.session_state[state.ANALYST_NAME] = clean_name(st.session_state.get(state.ANALYST))
        if st.session_state[state.ANALYST_NAME] != sent:
            html = cookie_html(st.session_state[state.ANALYST_NAME])
            st.sidebar.container(key=_HIDDEN).html(html, unsafe_allow_javascript=True)
    return st.session_state.get(state.ANALYST_NAME, "")
