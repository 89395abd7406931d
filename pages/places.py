"""Places: analysts add or correct places; the next extraction uses them at once."""

import streamlit as st
from streamlit_folium import st_folium

from store.columns import PLACE_KINDS
from store.errors import NotFound, StoreError, ValidationError
from store.places import export_places_csv, list_places
from ui import state
from ui.analyst import current_analyst
from ui.basemap import mode_caption, tile_mode
from ui.filters import sidebar_filters
from ui.map_panel import place_label
from ui.messages import literal, show
from ui.places_form import parent_options, picker_map, place_fields, prefill, search_rows
from ui.shell import ensure_navigation

ensure_navigation()

POINT = "places_point"
MESSAGE = "places_message"

st.title("Places")
sidebar_filters()
analyst = current_analyst()
state.show_flash(MESSAGE)
st.caption("Add a place the gazetteer misses, or correct one: it is used by the next extraction.")

name_ar0, name_en0 = prefill(st.query_params.get("name"))
try:
    places = state.gazetteer_rows(state.data_version())
except (ImportError, OSError) as exc:
    places = []
    show("warning", f"The gazetteer could not be loaded ({exc}); parents cannot be chosen.")

query = st.text_input(
    "Search all places (Arabic or English, any spelling)", key="places_search",
    placeholder="e.g. عكيدات, تل طويل, Jarwan",
)  # fmt: skip
found = search_rows(query, state.extra_places(state.data_version()) or None) if query.strip() else []
if query.strip():
    if found:
        st.caption(
            f"{len(found)} place(s) match «{literal(query.strip())}» (the first 50 shown); pick one as parent below."
        )
        st.dataframe(found, hide_index=True, use_container_width=True, key="places_found",
                     column_order=["name_en", "name_ar", "kind", "admin1", "admin2", "latitude", "longitude",
                                   "geo_precision", "other names", "id", "source"])  # fmt: skip
    else:
        st.caption(f"No place matches «{literal(query.strip())}»: add it below.")

left, right = st.columns([1, 1])
with left:
    name_ar = st.text_input("Arabic name", value=name_ar0, key="places_name_ar")
    name_en = st.text_input("English name", value=name_en0, key="places_name_en")
    kind = st.selectbox("Kind", PLACE_KINDS, index=PLACE_KINDS.index("village"), key="places_kind")
    parent = st.selectbox(
        "Parent (the town, district or area it lies in)", parent_options(query, places, found), index=None,
        format_func=place_label, placeholder="a town or area; search above for any place", key="places_parent",
    )  # fmt: skip
    point = st.session_state.get(POINT)
    if point:
        st.write(f"Point: {point[0]:.5f}, {point[1]:.5f}")
        if st.button("Clear point", key="places_clear"):
            st.session_state.pop(POINT, None)
            st.rerun()
    else:
        st.caption("No point yet: click the map, or leave it empty to place it at its parent.")
    if st.button("Save place", type="primary", key="places_save"):
        if not analyst:
            st.warning("Enter your name in the sidebar first: every change is signed.")
        else:
            from store.places import add_place

            try:
                pid = add_place(place_fields(name_ar, name_en, kind, parent, point), analyst)
                state.data_changed()
                st.session_state.pop(POINT, None)
                state.flash(
                    MESSAGE, "success", f"Saved place {pid}: the next extraction will find «{name_ar}»."
                )
                st.rerun()
            except (ValidationError, NotFound, StoreError) as exc:
                show("error", exc)
with right:
    mode = tile_mode()
    out = st_folium(picker_map(point, mode, parent), key="places_map", height=420, use_container_width=True,
                    returned_objects=["last_clicked"])  # fmt: skip
    st.caption(mode_caption(mode))
    click = (out or {}).get("last_clicked")
    if click and (click.get("lat"), click.get("lng")) != tuple(point or (None, None)):
        st.session_state[POINT] = (float(click["lat"]), float(click["lng"]))
        st.rerun()

st.subheader("Places added by analysts")

added = list_places(include_meta=True)
if added:
    st.dataframe(added, hide_index=True, use_container_width=True)
else:
    st.caption("None yet.")
st.download_button("Download as CSV", export_places_csv, "rasd-places.csv", "text/csv", key="places_csv",
                   on_click="ignore")  # fmt: skip
