"""The Review page's data editor: its fixed input frame, column types, and edits → per-event changes.

``st.data_editor`` reports edits by row *position* in the frame it was given
(``{"edited_rows": {0: {"fatalities": 3}}}``), so the input frame must stay fixed between runs and the
diff is taken against that same frame. Values are normalised (dates as ISO strings, NaN as None) so that
only fields that really changed become revisions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from store.columns import STATUSES
from store.validation import MAX_FATALITIES, latest_date

DATE_COLUMNS = ("event_date", "date_min", "date_max")
# What the editor shows, in order; columns the store does not return are skipped.
EDITOR_COLUMNS = (
    "id",
    "status",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "fatalities",
    "also_possible",
    "sources",
    "source",
    "admin1",
    "geo_precision",
    "time_precision",
    "date_min",
    "date_max",
    "background",
    "notes",
    "evidence_text",
    "report_id",
    "version",
)
# "source" (the outlets) and "sources" (how many reports) follow the event's sources: split or merge instead.
# "also possible": the other places an ambiguous place name could be (select the event to move it to one).
READ_ONLY = ("id", "version", "evidence_text", "report_id", "admin1", "source", "sources", "also_possible")
# Filled from the gazetteer when the location changes.
LOCATION_FIELDS = ("latitude", "longitude", "admin1", "admin2", "admin3", "location_ar", "place_id")


@dataclass
class RowChange:
    """What the analyst changed in one event, with the version the edit was made against."""

    event_id: int
    version: int
    changes: dict[str, Any] = field(default_factory=dict)


def clean_value(value: Any) -> Any:
    """A value as the store takes it: dates as ISO strings, NaN/NaT as None, numpy scalars as Python."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            return clean_value(value.item())
        except (ValueError, AttributeError):
            return value
    if isinstance(value, str) and value.strip() == "":
        return None
    return value


def _date_only(s: str) -> str:
    return s[:10] if isinstance(s, str) and len(s) >= 10 and s[4] == "-" else s


def editor_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The fixed input frame: the columns the editor shows, dates as ``date`` objects for DateColumn."""
    cols = [c for c in EDITOR_COLUMNS if c in events.columns]
    frame = events.loc[:, cols].copy().reset_index(drop=True)
    for c in DATE_COLUMNS:
        if c in frame.columns:
            frame[c] = pd.to_datetime(frame[c], format="ISO8601", errors="coerce").dt.date
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    for c in ("fatalities", "sources", "geo_precision", "time_precision", "id", "version", "report_id"):
        if c in frame.columns:
            frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("Int64")
    if "background" in frame.columns:
        frame["background"] = frame["background"].fillna(False).astype(bool)
    return frame


def diff_edits(frame: pd.DataFrame, edited_rows: Mapping[Any, Mapping[str, Any]]) -> list[RowChange]:
    """Per-event changes from the editor's ``edited_rows`` (row position → {column: new value}).

    Positions are ints (strings after a JSON round trip are accepted); a value equal to the input's is
    not a change; read-only columns are ignored.
    """
    out = []
    for pos_key, edits in sorted(edited_rows.items(), key=lambda kv: int(kv[0])):
        pos = int(pos_key)
        if pos < 0 or pos >= len(frame):
            continue
        row = frame.iloc[pos]
        changes = {}
        for col, new in edits.items():
            if col not in frame.columns or col in READ_ONLY:
                continue
            old_v, new_v = clean_value(row[col]), clean_value(new)
            if col in DATE_COLUMNS:
                new_v = _date_only(new_v) if isinstance(new_v, str) else new_v
            if col in ("fatalities", "geo_precision", "time_precision") and new_v is not None:
                new_v = int(new_v)
            if old_v != new_v:
                changes[col] = new_v
        if changes:
            out.append(RowChange(int(row["id"]), int(row["version"]), changes))
    return out


def validate_change(
    row: Mapping[str, Any], changes: Mapping[str, Any], event_types: Mapping[str, list[str]]
) -> list[str]:
    """Problems with an event after the changes, as one-line messages (empty when valid).

    A sub-type must belong to its type: the editor cannot restrict a select box per row, so it is
    checked here, before anything is written.
    """
    after = {**{k: clean_value(v) for k, v in row.items()}, **changes}
    problems = []
    etype, sub = after.get("event_type"), after.get("sub_event_type")
    if etype and sub and etype in event_types and sub not in event_types[etype]:
        problems.append(
            f"'{sub}' is not a sub-type of '{etype}' (choose one of: {', '.join(event_types[etype])})"
        )
    for col in ("event_type", "sub_event_type", "actor1", "location", "event_date"):
        if col in changes and not changes[col]:
            problems.append(f"{col} cannot be empty")
    fat = after.get("fatalities")
    if fat is not None and int(fat) < 0:
        problems.append("fatalities cannot be negative")
    for col in ("geo_precision", "time_precision"):
        if after.get(col) is not None and int(after[col]) not in (1, 2, 3):
            problems.append(f"{col} must be 1, 2 or 3")
    dmin, dmax, d = after.get("date_min"), after.get("date_max"), after.get("event_date")
    if dmin and dmax and str(dmin) > str(dmax):
        problems.append("date_min is after date_max")
    if d and dmin and str(d) < str(dmin) and "event_date" in changes:
        problems.append("event_date is before date_min")
    return problems


def place_changes(name: str, places: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """lat/lon/admin1-3 (and Arabic name, place id) of the gazetteer place an analyst picked by name."""
    for p in places:
        if p.get("name_en") == name or p.get("name_ar") == name:
            return {
                "location": p.get("name_en") or p.get("name_ar"),
                "latitude": p.get("latitude"),
                "longitude": p.get("longitude"),
                "admin1": p.get("admin1"),
                "admin2": p.get("admin2"),
                "admin3": p.get("admin3"),
                "location_ar": p.get("name_ar"),
                "place_id": p.get("id"),
            }
    return {}


def _with_current(options: Iterable[str], current: Iterable[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for v in list(options) + [c for c in current if isinstance(c, str) and c]:
        seen.setdefault(v, None)
    return list(seen)


def column_config(
    frame: pd.DataFrame,
    event_types: Mapping[str, list[str]],
    actors: Iterable[str],
    place_names: Iterable[str],
) -> dict[str, Any]:
    """Column types that keep the data valid; option lists include the values already present."""
    cc = st.column_config
    all_subtypes = [s for subs in event_types.values() for s in subs]
    col = frame.get
    actor_opts = _with_current(sorted(actors), list(col("actor1", [])) + list(col("actor2", [])))
    latest = (
        latest_date()
    )  # the store refuses later dates and more fatalities; the editor does not offer them
    return {
        "id": cc.NumberColumn("id", disabled=True, format="%d", width="small"),
        "version": cc.NumberColumn("ver.", disabled=True, format="%d", width="small"),
        "report_id": cc.NumberColumn("report", disabled=True, format="%d", width="small"),
        "status": cc.SelectboxColumn("status", options=list(STATUSES), required=True, width=80),
        "event_date": cc.DateColumn("date", format="YYYY-MM-DD", required=True, width=95, max_value=latest),
        "date_min": cc.DateColumn("earliest", format="YYYY-MM-DD", max_value=latest),
        "date_max": cc.DateColumn("latest", format="YYYY-MM-DD", max_value=latest),
        "event_type": cc.SelectboxColumn("event type", options=list(event_types), required=True, width=150),
        "sub_event_type": cc.SelectboxColumn(
            "sub-type",
            options=_with_current(all_subtypes, col("sub_event_type", [])),
            required=True,
            width=150,
            help="Must be a sub-type of the row's event type (checked when you save).",
        ),
        "actor1": cc.SelectboxColumn("actor 1", options=actor_opts, required=True, width=170),
        "actor2": cc.SelectboxColumn("actor 2", options=actor_opts, width=170),
        "location": cc.SelectboxColumn(
            "location",
            options=_with_current(place_names, col("location", [])),
            required=True,
            width=120,
            help="A gazetteer place; its coordinates and governorate are filled in when you save.",
        ),
        "admin1": cc.TextColumn("governorate", disabled=True),
        "also_possible": cc.TextColumn(
            "also possible",
            disabled=True,
            width="medium",
            help="The report's place name fits these places too: select the event below to move it to one.",
        ),
        "sources": cc.NumberColumn(
            "sources",
            disabled=True,
            format="%d",
            width="small",
            help="How many reports tell of this event (select it below to see them).",
        ),
        "source": cc.TextColumn("outlets", disabled=True, width="medium"),
        "fatalities": cc.NumberColumn(
            "fatalities", min_value=0, max_value=MAX_FATALITIES, step=1, format="%d", required=True, width=75
        ),
        "geo_precision": cc.SelectboxColumn("geo prec.", options=[1, 2, 3], required=True, width="small"),
        "time_precision": cc.SelectboxColumn("time prec.", options=[1, 2, 3], required=True, width="small"),
        "background": cc.CheckboxColumn("background", width="small"),
        "notes": cc.TextColumn("notes", width="medium"),
        "evidence_text": cc.TextColumn("evidence", disabled=True, width="large"),
    }


# -- Paste page: the extracted events before they are saved -----------------------------------------
PREVIEW_COLUMNS = (
    "event_type",
    "location",
    "event_date",
    "fatalities",
    "sub_event_type",
    "actor1",
    "actor2",
    "background",
)


def extracted_frame(events: Iterable[Any]) -> pd.DataFrame:
    """One row per extracted event, numbered like the highlight badges, with a "keep" tick box."""
    rows = []
    for i, ev in enumerate(events, start=1):
        d = ev.to_dict() if hasattr(ev, "to_dict") else dict(ev)
        evidence = d.get("evidence") or {}
        row = {"keep": True, "#": i}
        row.update({c: d.get(c) for c in PREVIEW_COLUMNS})
        row["evidence"] = evidence.get("text") if isinstance(evidence, Mapping) else None
        rows.append(row)
    return pd.DataFrame(rows, columns=["keep", "#", *PREVIEW_COLUMNS, "evidence"])


def kept_positions(frame: pd.DataFrame, editor_state: Mapping[str, Any] | None) -> list[int]:
    """Row positions still ticked "keep", from the keep editor's edited_rows (positions)."""
    keep = [bool(v) for v in frame["keep"]] if len(frame) else []
    for pos, edits in ((editor_state or {}).get("edited_rows") or {}).items():
        if "keep" in edits and 0 <= int(pos) < len(keep):
            keep[int(pos)] = bool(edits["keep"])
    return [i for i, k in enumerate(keep) if k]


def preview_column_config() -> dict[str, Any]:
    cc = st.column_config
    return {
        "keep": cc.CheckboxColumn("keep", help="Untick to leave this event out when saving", width="small"),
        "#": cc.NumberColumn("#", format="%d", width="small", disabled=True),
        "evidence": cc.TextColumn("evidence", width="large", disabled=True),
    }
