"""Every session-state key and cached resource the pages share, named in one place.

Pages never invent their own keys: two pages using the same string for different things is the classic
multipage-Streamlit bug, and a grep for a key here finds every reader and writer.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

# -- app-wide ---------------------------------------------------------------------------------------
RUN_ID = "rasd_run_id"  # bumped by app.py at the top of every script run
ANALYST = "analyst"  # the sidebar box with the analyst's name (kept in a cookie, see ui/analyst.py)
ANALYST_NAME = "rasd_analyst_name"  # the cleaned name, kept where st.switch_page does not drop it
ANALYST_DRAWN = "rasd_analyst_drawn"  # run id in which the box was drawn (draw once per run)
FILTER_CACHE = "rasd_filter_cache"  # (run id, EventFilter) so the sidebar renders once per run
PENDING_FILTERS = "rasd_pending_filters"  # filter values to apply before the widgets exist (e.g. report)
DATA_VERSION = "rasd_data_version"  # (run id, store.db.data_version()) read once in this run

# Filter widgets: the key is also the URL query parameter (bind="query-params"), so a view is bookmarkable.
F_DATE_FROM = "from"
F_DATE_TO = "to"
F_ADMIN1 = "gov"
F_TYPES = "type"
F_ACTOR = "actor"
F_STATUS = "status"
F_REPORT = "report"
F_TEXT = "q"
F_BACKGROUND = "background"
F_DEMO = "demo"

# -- Paste report page ------------------------------------------------------------------------------
PASTE_TEXT = "paste_text"  # the text area: survives a failed extraction
PASTE_DATE = "paste_published"
PASTE_SOURCE = "paste_source"
PASTE_SOURCE_NEW = "paste_source_new"
PASTE_URL = "paste_url"
PASTE_ANALYSIS = "paste_analysis"  # (text, published, Analysis) of the last extraction
PASTE_HIGHLIGHT = "paste_highlight"  # the report's highlighted HTML, made once per extraction
PASTE_KEEP = "paste_keep_editor"  # data editor with the "keep" column
PASTE_KEEP_GEN = "paste_keep_gen"
PASTE_MESSAGE = "paste_message"  # one message to show after a rerun (e.g. "saved")
PASTE_UPLOADS = "paste_uploads"
PASTE_UPLOAD_GEN = "paste_upload_gen"
PASTE_EXAMPLE = "paste_example"
PASTE_GOTO_REVIEW = "paste_goto_review"  # set by a button callback; the page then switches to Review

# -- Review events page -----------------------------------------------------------------------------
REVIEW_EDITOR_GEN = "review_editor_gen"  # part of the editor's key: bumping it resets the editor
REVIEW_SHOWN = "review_shown_rows"  # (editor key, filter, data version, frame) the editor was last given
REVIEW_CONFLICTS = "review_conflicts"  # stale-version conflicts awaiting the analyst's choice
REVIEW_MESSAGE = "review_message"
REVIEW_SELECTED = "review_selected_event"
REVIEW_BULK_ACTOR = "review_bulk_actor"
REVIEW_MERGE_OTHER = "review_merge_other"  # the event to merge into the selected one


def review_editor_key() -> str:
    """The data editor's widget key; a new generation gives a fresh editor with no pending edits."""
    return f"review_editor_{st.session_state.get(REVIEW_EDITOR_GEN, 0)}"


def paste_keep_key() -> str:
    return f"{PASTE_KEEP}_{st.session_state.get(PASTE_KEEP_GEN, 0)}"


def begin_run() -> None:
    """Mark a new script run (app.py calls this first) so per-run caches know they are stale."""
    st.session_state[RUN_ID] = st.session_state.get(RUN_ID, 0) + 1


def data_version() -> int:
    """The database's change marker (``store.db.data_version()``), read once per script run.

    Every cached query takes it as an argument, so its entries (shared by all sessions of the server) are
    fresh exactly when nothing was written since, by this session, another session, another app server
    or the CLI. Only the read is remembered per run (in session state, by run id); the key is the
    database's own marker, never a counter kept in a session. The marker is read before the run's queries,
    and moves in the same transaction as the data, so an entry keyed by a version holds data at least
    that new.
    """
    run = st.session_state.get(RUN_ID)
    seen = st.session_state.get(DATA_VERSION)
    if run is not None and seen is not None and seen[0] == run:
        return seen[1]
    from store.db import data_version as read_marker

    version = read_marker()
    st.session_state[DATA_VERSION] = (run, version)
    return version


def data_changed() -> None:
    """Call after a write: a read later in the same run sees it (the next run reads the marker anyway)."""
    st.session_state.pop(DATA_VERSION, None)


def flash(key: str, kind: str, text: str) -> None:
    """Keep a message across a rerun (st.rerun / st.switch_page would otherwise drop it)."""
    st.session_state[key] = (kind, text)


def show_flash(key: str) -> None:
    """Show the kept message in a slot that exists on every run, so the elements below keep their
    place (a data editor that moves is remounted by the browser and loses the cell being edited)."""
    from ui.messages import show

    slot = st.empty()
    msg = st.session_state.pop(key, None)
    if msg:
        kind, text = msg
        show(kind, text, slot)  # literal text: flashed messages carry place, outlet and analyst names


# -- cached resources -------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def gazetteer() -> Any:
    """The shipped gazetteer (analysts' additions come from the store on top)."""
    from extraction.gazetteer import load_gazetteer

    return load_gazetteer()


@st.cache_data(show_spinner=False)
def event_types() -> dict[str, list[str]]:
    from extraction.taxonomy import EVENT_TYPES

    return {k: list(v) for k, v in EVENT_TYPES.items()}


@st.cache_data(show_spinner=False)
def actor_names() -> list[str]:
    from extraction.actors import actor_names as names

    return list(names())


@st.cache_data(show_spinner=False)
def governorates() -> list[str]:
    """Admin1 names present in the gazetteer, for the governorate filter."""
    return sorted({p.admin1 for p in gazetteer().places if getattr(p, "admin1", None)})


# Every cache keyed by the marker is bounded: each write makes a new key, and old ones are never asked again.
@st.cache_data(show_spinner=False, max_entries=4)
def extra_places(version: int) -> list[dict]:
    """The analysts' own places (store), passed to extraction; ``version`` is :func:`data_version`."""
    from store.places import list_places

    return list_places()


def gazetteer_rows(version: int) -> list[dict]:
    """Shipped + analyst places as plain dicts (name, lat, lon, admin1-3) for pickers."""
    return _gazetteer_rows(extra_places(version))


@st.cache_data(show_spinner=False, max_entries=4)
def _gazetteer_rows(extra: list[dict]) -> list[dict]:
    """Keyed by the analysts' places themselves: an edit of an event does not rebuild the gazetteer."""
    from extraction.gazetteer import load_gazetteer

    gaz = load_gazetteer(extra_places=extra or None)
    rows = []
    for p in gaz.places:
        lat, lon, precision = p.point()
        rows.append(
            {
                "id": p.id,
                "name_en": p.name_en,
                "name_ar": p.name_ar,
                "kind": p.kind,
                "latitude": lat,
                "longitude": lon,
                "geo_precision": precision,
                "admin1": p.admin1,
                "admin2": p.admin2,
                "admin3": p.admin3,
            }
        )
    return rows


@st.cache_data(show_spinner=False, max_entries=16)
def events_frame(flt: Any, version: int) -> Any:
    """The filtered events as the database held them at ``version`` (:func:`data_version`)."""
    from store.events import query_events

    return query_events(flt)
