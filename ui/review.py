"""The Review page's flows: save edits, resolve conflicts, undo, bulk actions, add or reject an event.

Plain functions over ``store`` that return an :class:`~ui.paste.Outcome` (and any new conflicts) rather
than drawing, so they are tested without Streamlit. Saving validates every row first and writes nothing
if one is invalid; a row someone else saved meanwhile becomes a :class:`Conflict` for the analyst.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from store import events as store_events
from store.errors import StaleVersion, StoreError, ValidationError
from store.filters import EventFilter
from ui.editor import RowChange, place_changes, validate_change
from ui.highlight import Span, event_spans
from ui.paste import Outcome, one_line

BULK_ACTIONS = ("Mark reviewed", "Reject", "Set actor 1")
HISTORY_COLUMNS = ["at", "analyst", "field", "old", "new", "version"]


@dataclass
class Conflict:
    """An edit refused because the event changed meanwhile: the analyst's fields and the stored row."""

    event_id: int
    mine: dict[str, Any]
    theirs: dict[str, Any]


@dataclass
class SaveOutcome:
    outcome: Outcome
    conflicts: list[Conflict] = field(default_factory=list)
    written: bool = False


def save_changes(
    frame: pd.DataFrame,
    changes: list[RowChange],
    places: Sequence[Mapping[str, Any]],
    types: Mapping[str, Sequence[str]],
    analyst: str,
) -> SaveOutcome:
    """Validate all rows, then write each with its version; stale rows become conflicts."""
    rows = {int(r["id"]): r for _, r in frame.iterrows()}
    problems = []
    for rc in changes:
        if "location" in rc.changes:
            rc.changes.update(place_changes(rc.changes["location"], places))
        for p in validate_change(rows[rc.event_id].to_dict(), rc.changes, types):
            problems.append(f"Event {rc.event_id}: {p}")
    if problems:
        return SaveOutcome(Outcome("error", "Nothing saved. " + " · ".join(problems)))
    saved, conflicts, errors = 0, [], []
    for rc in changes:
        try:
            store_events.update_event(rc.event_id, rc.changes, analyst, expected_version=rc.version)
            saved += 1
        except StaleVersion as exc:
            conflicts.append(Conflict(rc.event_id, rc.changes, exc.current))
        except (ValidationError, StoreError) as exc:
            errors.append(f"Event {rc.event_id}: {one_line(exc)}")
    parts = [f"Saved {saved} event(s)."]
    if conflicts:
        parts.append(f"{len(conflicts)} changed by someone else meanwhile: see above.")
    if errors:
        parts.append(" · ".join(errors))
    kind = "warning" if conflicts or errors else "success"
    return SaveOutcome(Outcome(kind, " ".join(parts)), conflicts, written=True)


def resolve_conflict(conflict: Conflict, choice: Mapping[str, str], analyst: str) -> tuple[Outcome, bool]:
    """Write the fields the analyst kept ("mine"); returns the message and whether it is resolved.

    If the event changed yet again, ``conflict.theirs`` is refreshed and the analyst chooses once more.
    """
    mine = {f: v for f, v in conflict.mine.items() if choice.get(f) == "mine"}
    try:
        if mine:
            store_events.update_event(
                conflict.event_id, mine, analyst, expected_version=conflict.theirs["version"]
            )
    except StaleVersion as exc:
        conflict.theirs = exc.current
        return Outcome("warning", f"Event {conflict.event_id} changed again: choose once more."), False
    except (ValidationError, StoreError) as exc:
        return Outcome("error", f"Event {conflict.event_id}: {one_line(exc)}"), False
    kept = ", ".join(mine) if mine else "nothing (the database's values stay)"
    return Outcome("success", f"Event {conflict.event_id}: kept your {kept}."), True


def undo(analyst: str) -> Outcome:
    """Undo the analyst's last save (every field it changed)."""
    try:
        n = store_events.undo_last_save(analyst)
    except StaleVersion as exc:
        return Outcome("warning", one_line(exc))
    return Outcome("success", f"Undone: {n} field(s) restored.") if n else Outcome("info", "Nothing to undo.")


def bulk_apply(ids: Iterable[int], action: str, actor: str | None, analyst: str) -> Outcome:
    """One of :data:`BULK_ACTIONS` on all the given events, as one save (one undo restores them)."""
    ids = [int(i) for i in ids]
    try:
        if action == "Set actor 1":
            if not actor:
                return Outcome("error", "Choose the actor to set first.")
            n = store_events.bulk_update(ids, {"actor1": actor}, analyst)
        elif action in ("Mark reviewed", "Reject"):
            n = store_events.set_status(ids, "reviewed" if action == "Mark reviewed" else "rejected", analyst)
        else:
            return Outcome("error", f"Unknown action: {action}")
    except (ValidationError, StoreError) as exc:
        return Outcome("error", one_line(exc))
    return Outcome("success", f"{action}: {n} event(s) changed (one save: undo restores them).")


def reject(event_id: int, analyst: str) -> Outcome:
    """Reject one event: it stays in the store, out of the default views."""
    try:
        store_events.set_status([event_id], "rejected", analyst)
    except (ValidationError, StoreError) as exc:
        return Outcome("error", one_line(exc))
    return Outcome("success", f"Event {event_id} rejected (kept, not deleted).")


def history_frame(revisions: list[dict[str, Any]]) -> pd.DataFrame:
    """Revisions as text, oldest first, with the time to the minute (the panel is narrow)."""
    df = pd.DataFrame(revisions).reindex(columns=HISTORY_COLUMNS)
    at = pd.to_datetime(df["at"], errors="coerce", utc=True)
    df["at"] = at.dt.strftime("%Y-%m-%d %H:%M").where(at.notna(), df["at"])
    return df.astype(object).where(df.notna(), "").astype(str)


def event_labels(frame: pd.DataFrame) -> dict[int, str]:
    """ "#id · type · place · date" for the event picker."""
    return {
        int(i): f"#{int(i)} · {t} · {loc} · {d}"
        for i, t, loc, d in zip(
            frame["id"], frame["event_type"], frame["location"], frame["event_date"], strict=True
        )
    }


def report_spans(report_id: int, selected: int) -> tuple[list[Span], list[int]]:
    """Spans of every event of a report (badge k = k-th id) with the selected event's mark on top."""
    siblings = store_events.query_events(
        EventFilter(
            report_id=report_id, statuses=("extracted", "reviewed", "rejected"), include_background=True
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
    return spans, order


def hand_event_fields(
    *,
    event_type: str,
    sub_event_type: str,
    when: date,
    fatalities: int,
    actor1: str,
    actor2: str | None,
    place: str,
    places: Sequence[Mapping[str, Any]],
    body: str,
    sentence: tuple[int, int],
) -> dict[str, Any]:
    """A reviewed event typed by the analyst, tied to one sentence of the report as its evidence."""
    start, end = sentence
    return {
        "event_type": event_type,
        "sub_event_type": sub_event_type,
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


def add_hand_event(report_id: int, fields: dict[str, Any], analyst: str) -> Outcome:
    try:
        new_id = store_events.add_event(report_id, fields, analyst)
    except (ValidationError, StoreError) as exc:
        return Outcome("error", one_line(exc))
    return Outcome("success", f"Added event #{new_id} to report #{report_id}.")
