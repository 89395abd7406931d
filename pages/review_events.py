"""Review events: correct the filtered events in a table; every change is a revision with a name."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from store import events as store_events
from store import reports as store_reports
from store.errors import StaleVersion, StoreError, ValidationError
from store.filters import EventFilter
from store.revisions import history
from ui import state
from ui.analyst import current_analyst
from ui.editor import (
    RowChange,
    column_config,
    diff_edits,
    editor_frame,
    place_changes,
    validate_change,
)
from ui.filters import sidebar_filters
from ui.highlight import event_spans, highlight_html, md_escape, sentence_spans
from ui.shell import ensure_navigation

ensure_navigation()

analyst = current_analyst()
flt = sidebar_filters()
st.title("Review events")
state.show_flash(state.REVIEW_MESSAGE)


def _one_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _reset_editor() -> None:
    """Fresh data and a fresh editor (new key): pending edits were saved or discarded."""
    state.data_changed()
    st.session_state[state.REVIEW_EDITOR_GEN] = st.session_state.get(state.REVIEW_EDITOR_GEN, 0) + 1


@st.cache_data(show_spinner=False)
def _input_frame(flt: EventFilter, generation: int) -> pd.DataFrame:
    """The editor's input: fixed for a given filter and data generation (never the editor's output)."""
    return editor_frame(state.events_frame(flt, generation))


types = state.event_types()
places = state.gazetteer_rows(state.data_generation())
place_names = sorted({p["name_en"] or p["name_ar"] for p in places if p.get("name_en") or p.get("name_ar")})
frame = _input_frame(flt, state.data_generation())
key = state.review_editor_key()

if flt.report_id:
    st.caption(
        f"Showing the events of report #{flt.report_id} (clear “Report id” in the sidebar to see all)."
    )
if frame.empty:
    st.info("No events match the filters. Paste a report, or widen the filters in the sidebar.")
    st.stop()


# -- conflicts from an earlier save -----------------------------------------------------------------
def _resolve(conflict: dict, choice: dict[str, str]) -> None:
    mine = {f: v for f, v in conflict["mine"].items() if choice.get(f) == "mine"}
    try:
        if mine:
            store_events.update_event(
                conflict["event_id"], mine, analyst, expected_version=conflict["theirs"]["version"]
            )
    except StaleVersion as exc:
        conflict["theirs"] = exc.current
        state.flash(
            state.REVIEW_MESSAGE, "warning", f"Event {conflict['event_id']} changed again: choose once more."
        )
        return
    except (ValidationError, StoreError) as exc:
        state.flash(state.REVIEW_MESSAGE, "error", f"Event {conflict['event_id']}: {_one_line(exc)}")
        return
    st.session_state[state.REVIEW_CONFLICTS] = [
        c for c in st.session_state.get(state.REVIEW_CONFLICTS, []) if c is not conflict
    ]
    _reset_editor()
    kept = ", ".join(mine) if mine else "nothing (the database's values stay)"
    state.flash(state.REVIEW_MESSAGE, "success", f"Event {conflict['event_id']}: kept your {kept}.")


for n, conflict in enumerate(st.session_state.get(state.REVIEW_CONFLICTS, [])):
    theirs = conflict["theirs"]
    with st.container(border=True):
        st.error(
            f"Event {conflict['event_id']} was saved by {theirs.get('updated_by') or 'someone'} while you edited it "
            f"(now version {theirs.get('version')}). Your change was not written: choose per field."
        )
        choice = {}
        for field, value in conflict["mine"].items():
            a, b, c = st.columns([1, 2, 2])
            a.markdown(f"**{field}**")
            b.text(f"yours: {value}")
            c.text(f"database: {theirs.get(field)}")
            choice[field] = st.radio(
                f"Keep for {field}",
                ["mine", "theirs"],
                format_func=lambda x: "keep mine" if x == "mine" else "keep theirs",
                horizontal=True,
                key=f"review_conflict_{n}_{field}",
            )
        st.button(
            "Apply my choice", key=f"review_conflict_apply_{n}", on_click=_resolve, args=(conflict, choice)
        )


# -- the editor -------------------------------------------------------------------------------------
st.caption(
    f"{len(frame)} event(s). Edit cells, then **Save changes**: only changed fields are written, each as a "
    "revision with your name."
)
st.data_editor(
    frame,
    key=key,
    hide_index=True,
    num_rows="fixed",
    column_config=column_config(frame, types, state.actor_names(), place_names),
    disabled=["id", "version", "evidence_text", "report_id", "admin1"],
    width="stretch",
    height=min(38 * (len(frame) + 1) + 4, 520),
)
pending = diff_edits(frame, (st.session_state.get(key) or {}).get("edited_rows") or {})


def _save(changes: list[RowChange]) -> None:
    """Validate everything first; write nothing if any row is invalid; a stale row becomes a conflict."""
    rows = {int(r["id"]): r for _, r in frame.iterrows()}
    problems = []
    for rc in changes:
        if "location" in rc.changes:
            rc.changes.update(place_changes(rc.changes["location"], places))
        for p in validate_change(rows[rc.event_id].to_dict(), rc.changes, types):
            problems.append(f"Event {rc.event_id}: {p}")
    if problems:
        state.flash(state.REVIEW_MESSAGE, "error", "Nothing saved. " + " · ".join(problems))
        return
    saved, conflicts, errors = 0, [], []
    for rc in changes:
        try:
            store_events.update_event(rc.event_id, rc.changes, analyst, expected_version=rc.version)
            saved += 1
        except StaleVersion as exc:
            conflicts.append({"event_id": rc.event_id, "mine": rc.changes, "theirs": exc.current})
        except (ValidationError, StoreError) as exc:
            errors.append(f"Event {rc.event_id}: {_one_line(exc)}")
    st.session_state[state.REVIEW_CONFLICTS] = st.session_state.get(state.REVIEW_CONFLICTS, []) + conflicts
    _reset_editor()
    parts = [f"Saved {saved} event(s)."]
    if conflicts:
        parts.append(f"{len(conflicts)} changed by someone else meanwhile: see above.")
    if errors:
        parts.append(" · ".join(errors))
    state.flash(state.REVIEW_MESSAGE, "warning" if conflicts or errors else "success", " ".join(parts))


def _undo() -> None:
    try:
        n = store_events.undo_last_save(analyst)
    except StaleVersion as exc:
        state.flash(state.REVIEW_MESSAGE, "warning", _one_line(exc))
        return
    _reset_editor()
    state.flash(
        state.REVIEW_MESSAGE,
        "success" if n else "info",
        f"Undone: {n} field(s) restored." if n else "Nothing to undo.",
    )


b1, b2, b3, _ = st.columns([1, 1, 1, 3])
no_name = not analyst
if b1.button(
    f"Save changes ({len(pending)})",
    type="primary",
    disabled=no_name or not pending,
    help="Type your name in the sidebar first" if no_name else None,
):
    _save(pending)
    st.rerun()
b2.button("Discard edits", disabled=not pending, on_click=_reset_editor)
b3.button("Undo my last save", disabled=no_name, on_click=_undo)
if no_name:
    st.warning("Type your name in the sidebar to save changes: every revision records who made it.")

# -- bulk actions -----------------------------------------------------------------------------------
with st.expander(f"Bulk actions on the {len(frame)} filtered event(s)"):
    action = st.radio(
        "Action", ["Mark reviewed", "Reject", "Set actor 1"], horizontal=True, key="review_bulk_action"
    )
    actor = None
    if action == "Set actor 1":
        actor = st.selectbox(
            "Actor", state.actor_names(), index=None, accept_new_options=True, key=state.REVIEW_BULK_ACTOR
        )
    sure = st.checkbox(f"Yes, apply “{action}” to all {len(frame)} filtered events", key="review_bulk_sure")
    if st.button("Apply", disabled=no_name or not sure or (action == "Set actor 1" and not actor)):
        ids = [int(i) for i in frame["id"]]
        try:
            if action == "Set actor 1":
                n = store_events.bulk_update(ids, {"actor1": actor}, analyst)
            else:
                n = store_events.set_status(
                    ids, "reviewed" if action == "Mark reviewed" else "rejected", analyst
                )
        except (ValidationError, StoreError) as exc:
            st.error(_one_line(exc))
        else:
            _reset_editor()
            state.flash(
                state.REVIEW_MESSAGE,
                "success",
                f"{action}: {n} event(s) changed (one save: undo restores them).",
            )
            st.rerun()

# -- one event: its report and history --------------------------------------------------------------
st.divider()
ids = [int(i) for i in frame["id"]]
labels = {
    int(i): f"#{int(i)} · {t} · {loc} · {d}"
    for i, t, loc, d in zip(
        frame["id"], frame["event_type"], frame["location"], frame["event_date"], strict=True
    )
}
if st.session_state.get(state.REVIEW_SELECTED) not in ids:
    st.session_state[state.REVIEW_SELECTED] = ids[0]
selected = st.selectbox("Event", ids, format_func=labels.get, key=state.REVIEW_SELECTED)
event = store_events.get_event(selected)
left, right = st.columns([3, 2], gap="medium")
report = store_reports.get_report(event["report_id"]) if event.get("report_id") else None
with left:
    if report:
        st.subheader(
            f"Report #{report['id']} · {md_escape(report.get('source') or 'unknown outlet')} · {report.get('published') or ''}"
        )
        siblings = store_events.query_events(
            EventFilter(
                report_id=report["id"],
                statuses=("extracted", "reviewed", "rejected"),
                include_background=True,
            )
        )
        siblings = siblings.sort_values("id").reset_index(drop=True)
        order = [int(i) for i in siblings["id"]]
        spans = event_spans(
            siblings.to_dict("records"),
            labels=[f"#{int(r['id'])} {r['event_type']} · {r['location']}" for _, r in siblings.iterrows()],
        )
        # The selected event's evidence first, so its mark is on top where events overlap.
        spans.sort(key=lambda s: 0 if order[(s.index or 1) - 1] == selected else 1)
        st.html(highlight_html(report["text"], spans))
        st.caption("Badges: " + ", ".join(f"{k} = event #{i}" for k, i in enumerate(order, start=1)))
    else:
        st.info("This event was added without a report.")
with right:
    st.subheader(f"History of event #{selected}")
    revs = history(selected)
    if revs:
        st.dataframe(
            pd.DataFrame(revs)[["at", "analyst", "field", "old", "new", "version"]].astype(str),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No revisions yet.")
    if event.get("status") != "rejected" and st.button("Reject this event", disabled=no_name):
        store_events.set_status([selected], "rejected", analyst)
        _reset_editor()
        state.flash(state.REVIEW_MESSAGE, "success", f"Event {selected} rejected (kept, not deleted).")
        st.rerun()

# -- add an event by hand ---------------------------------------------------------------------------
report_id = flt.report_id or (report["id"] if report else None)
source_report = store_reports.get_report(report_id) if report_id else None
with st.expander(f"Add an event by hand{f' to report #{report_id}' if report_id else ''}"):
    if not source_report:
        st.caption("Select an event (or filter by a report) to add an event to its report.")
    else:
        body = source_report["text"]
        sentences = sentence_spans(body)
        etype = st.selectbox("Event type", list(types), key="review_add_type")
        sub = st.selectbox("Sub-type", types[etype], key="review_add_sub")
        c1, c2 = st.columns(2)
        when = c1.date_input(
            "Date", value=source_report.get("published") or date.today(), key="review_add_date"
        )
        fatalities = c2.number_input("Fatalities", min_value=0, step=1, key="review_add_fat")
        place = st.selectbox("Place", place_names, index=None, key="review_add_place")
        a1, a2 = st.columns(2)
        actor1 = a1.selectbox(
            "Actor 1", state.actor_names(), index=None, accept_new_options=True, key="review_add_a1"
        )
        actor2 = a2.selectbox(
            "Actor 2", state.actor_names(), index=None, accept_new_options=True, key="review_add_a2"
        )
        evidence = st.selectbox(
            "Evidence (a sentence of the report)",
            range(len(sentences)),
            format_func=lambda k: sentences[k][2][:160],
            index=None,
            key="review_add_evidence",
        )
        ready = bool(place and actor1 and evidence is not None and analyst)
        if st.button("Add event", disabled=not ready, key="review_add_go"):
            start, end, _ = sentences[evidence]
            fields = {
                "event_type": etype,
                "sub_event_type": sub,
                "event_date": when.isoformat(),
                "time_precision": 1,
                "actor1": actor1,
                "actor2": actor2,
                "fatalities": int(fatalities),
                "geo_precision": 1,
                "evidence": {"start": start, "end": end, "text": body[start:end]},
                "status": "reviewed",
                **place_changes(place, places),
            }
            try:
                new_id = store_events.add_event(report_id, fields, analyst)
            except (ValidationError, StoreError) as exc:
                st.error(_one_line(exc))
            else:
                _reset_editor()
                state.flash(state.REVIEW_MESSAGE, "success", f"Added event #{new_id} to report #{report_id}.")
                st.rerun()
