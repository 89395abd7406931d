"""The Map page's logic: cached points, the clicked event's panel, and moving an event to a place.

Pages are layout only; what happens on a click or a move lives here so it can be tested alone.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from store.filters import EventFilter
from ui.palette import colour_for
from ui.place_candidates import also_possible, candidates, moved_notes

CLICK_TOLERANCE = 1e-5  # degrees: markers sit exactly on their event's coordinates


@st.cache_data(show_spinner=False, max_entries=8)
def cached_points(flt: EventFilter, version: int) -> pd.DataFrame:
    """``store.events.map_points`` for the filters at ``version`` (``ui.state.data_version()``)."""
    from store.events import map_points

    return map_points(flt)


def events_at(df: pd.DataFrame, click: dict | None) -> pd.DataFrame:
    """The events whose marker is at the clicked point (several can share one place)."""
    if not click or df.empty or click.get("lat") is None:
        return df.iloc[0:0]
    near = ((df["latitude"] - float(click["lat"])).abs() < CLICK_TOLERANCE) & (
        (df["longitude"] - float(click["lng"])).abs() < CLICK_TOLERANCE
    )
    return df[near]


def event_card_html(ev: dict) -> str:
    """The selected event as escaped HTML; the evidence is Arabic, so it is laid out right to left."""
    esc = html.escape
    actors = " vs ".join(str(a) for a in (ev.get("actor1"), ev.get("actor2")) if a)
    place = ev.get("location") or ""
    if ev.get("location_ar"):
        place += f" / {ev['location_ar']}"
    rows = [
        ("Date", str(ev.get("event_date") or "")[:10]),
        ("Type", f"{ev.get('event_type') or ''} / {ev.get('sub_event_type') or ''}"),
        ("Actors", actors),
        ("Fatalities", str(ev.get("fatalities") if ev.get("fatalities") is not None else "")),
        ("Place", f"{place} (precision {ev.get('geo_precision') or '?'})"),
        ("Governorate", ev.get("admin1") or ""),
    ]
    also = also_possible(candidates(ev), ev.get("place_id"))
    if also:
        rows.append(("Place ambiguous, also possible", also))
    body = "".join(f"<div><b>{esc(k)}:</b> {esc(str(v))}</div>" for k, v in rows)
    colour = colour_for(ev.get("event_type"))
    evidence = esc(str(ev.get("evidence_text") or ""))
    return (
        f"<div style='border-left:6px solid {colour};padding:6px 12px'>{body}"
        f"<div dir='rtl' style='margin-top:8px;padding:6px 10px;background:#f3f1ea;font-size:1.1em;"
        f'font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",serif\'>{evidence}</div></div>'
    )


def place_label(row: dict) -> str:
    """How a gazetteer place reads in a select box: English / Arabic (kind, governorate)."""
    bits = [row.get("kind") or "", row.get("admin1") or ""]
    return f"{row.get('name_en') or ''} / {row.get('name_ar') or ''} ({', '.join(b for b in bits if b)})"


def move_changes(place: dict) -> dict:
    """The event fields a move to ``place`` changes (the revision records the old values)."""
    return {
        "location": place.get("name_en"),
        "location_ar": place.get("name_ar"),
        "place_id": place.get("id"),
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
        "geo_precision": place.get("geo_precision") or 1,
        "admin1": place.get("admin1"),
        "admin2": place.get("admin2"),
        "admin3": place.get("admin3"),
    }


def move_event(event: dict, place: dict, analyst: str) -> str:
    """Move ``event`` to ``place`` as a revision; the old Arabic name becomes a candidate alias.

    Returns a one-line message for the analyst (the store's errors are caught by the caller).
    A move to another place the report's name could be (``ui.place_candidates``) rewrites the notes'
    "place ambiguous" clause with it and records no alias: the old name is that place's namesake.
    """
    from store.events import update_event
    from store.places import add_alias_candidate

    changes = move_changes(place)
    notes = moved_notes(event, place.get("id"))
    if notes is not None:
        changes["notes"] = notes
    update_event(int(event["id"]), changes, analyst, int(event["version"]))
    old_name = (event.get("location_ar") or "").strip()
    msg = f"Event {event['id']} moved to {place.get('name_en')}."
    namesake = any(c["id"] == place.get("id") for c in candidates(event))
    if old_name and old_name != (place.get("name_ar") or "") and place.get("id") and not namesake:
        add_alias_candidate(str(place["id"]), old_name, analyst)
        msg += f" «{old_name}» recorded as a candidate alias of {place.get('name_en')}."
    return msg
