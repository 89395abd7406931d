"""Map: the filtered events on a map; a click selects an event, which can be moved to another place."""

import streamlit as st
from streamlit_folium import st_folium

from store.errors import NotFound, StaleVersion, StoreError, ValidationError
from ui import state
from ui.analyst import current_analyst
from ui.basemap import mode_caption, tile_mode
from ui.filters import sidebar_filters
from ui.links import review_link
from ui.map import MAX_MARKERS, build_map, heat_group
from ui.map_panel import cached_points, event_card_html, events_at, move_event, place_label
from ui.messages import show
from ui.shell import ensure_navigation

ensure_navigation()

MAP_CLICK = "map_click"
MAP_SELECTED = "map_selected_event"
MAP_MESSAGE = "map_message"
REVIEW_PAGE = "pages/review_events.py"

st.title("Map")
flt = sidebar_filters()
analyst = current_analyst()
state.show_flash(MAP_MESSAGE)
df = cached_points(flt, state.data_version())
mode = tile_mode()
c1, c2 = st.columns([3, 1])
c1.caption(f"{len(df):,} events with coordinates · {mode_caption(mode)}")
heat = c2.toggle("Heat map", key="map_heat")
if len(df) > MAX_MARKERS:
    st.info(f"{len(df):,} events: markers are aggregated per place and type (one marker stands for many).")

m = build_map(df, tiles=mode)
out = st_folium(
    m,
    key=MAP_CLICK,
    height=640,
    use_container_width=True,
    returned_objects=["last_object_clicked"],
    feature_group_to_add=heat_group(df) if heat and len(df) else None,
)

hits = events_at(df, (out or {}).get("last_object_clicked"))
if hits.empty:
    st.caption("Click a marker to see the event here and move it to another place.")
    st.stop()

ids = hits["id"].tolist()
if len(ids) > 1:
    chosen = st.selectbox(
        f"{len(ids)} events at this place",
        ids,
        format_func=lambda i: " · ".join(
            str(v) for v in hits.loc[hits["id"] == i, ["event_date", "event_type", "location"]].iloc[0]
        ),
    )
else:
    chosen = ids[0]

try:
    from store.events import get_event

    event = get_event(int(chosen))
except (NotFound, StoreError, ValidationError) as exc:
    show("error", exc)
    st.stop()

st.subheader(f"Event {int(event['id'])}")
st.html(event_card_html(event))
st.page_link(REVIEW_PAGE, label=f"Open event {event['id']} in Review", query_params=review_link(event["id"]))

with st.expander("Move this event to another place"):
    places = [p for p in state.gazetteer_rows(state.data_version()) if p.get("latitude") is not None]
    target = st.selectbox(
        "New place",
        places,
        index=None,
        format_func=place_label,
        placeholder="type a place name",
        key="map_move_place",
    )
    if st.button("Move event", disabled=target is None, key="map_move_button"):
        if not analyst:
            st.warning("Enter your name in the sidebar first: every change is signed.")
        else:
            try:
                state.flash(MAP_MESSAGE, "success", move_event(event, target, analyst))
                state.data_changed()
                st.rerun()
            except StaleVersion:
                st.error("Someone changed this event since it was loaded; reload and try again.")
            except (ValidationError, NotFound, StoreError) as exc:
                show("error", exc)
