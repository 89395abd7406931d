"""The Places page's logic: prefill from the URL, the point picker map, and the place record."""

from __future__ import annotations

import re

import folium

from ui.assets import use_vendored_assets
from ui.basemap import add_basemap
from ui.map import CENTER

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def prefill(name: str | None) -> tuple[str, str]:
    """(name_ar, name_en) from the Paste page's unknown-place link (``?name=``)."""
    name = (name or "").strip()
    if not name:
        return "", ""
    return (name, "") if _ARABIC.search(name) else ("", name)


SEARCH_LIMIT = 50
PARENT_KINDS = ("governorate", "district", "sub-district", "city", "town", "region", "camp")


def search_rows(query: str, extra_places: list[dict] | None = None, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Every place of the gazetteer (shipped and analysts') whose names match ``query``, as picker rows
    with their other names; see ``Gazetteer.search``."""
    from extraction.gazetteer import load_gazetteer

    rows = []
    for p in load_gazetteer(extra_places or None).search(query or "", limit=limit):
        lat, lon, precision = p.point()
        rows.append(
            {"id": p.id, "name_en": p.name_en, "name_ar": p.name_ar, "kind": p.kind, "admin1": p.admin1,
             "admin2": p.admin2, "admin3": p.admin3, "latitude": lat, "longitude": lon,
             "geo_precision": precision, "other names": " | ".join([*p.aliases_ar, *p.aliases_en][:12]),
             "source": p.source}
        )  # fmt: skip
    return rows


def parent_options(query: str, all_rows: list[dict], found: list[dict]) -> list[dict]:
    """The parent picker's choices: the places the search found, else the towns and areas (not every
    village: ~11,000 choices would be sent to the browser on every rerun)."""
    if query.strip():
        return [r for r in found if r.get("latitude") is not None]
    return [r for r in all_rows if r.get("kind") in PARENT_KINDS]


def picker_map(point: tuple[float, float] | None, mode: str, parent: dict | None = None) -> folium.Map:
    """A small map to click a place's point on; shows the chosen point and the parent's."""
    use_vendored_assets()
    center = point or (
        (parent["latitude"], parent["longitude"]) if parent and parent.get("latitude") else CENTER
    )
    m = folium.Map(location=list(center), zoom_start=10 if point or parent else 7, tiles=None)
    m.options.update(max_zoom=18, min_zoom=5)
    add_basemap(m, mode)
    if parent and parent.get("latitude") is not None:
        folium.CircleMarker(
            (parent["latitude"], parent["longitude"]), radius=6, color="#555", fill=True, tooltip="parent"
        ).add_to(m)
    if point:
        folium.CircleMarker(point, radius=8, color="#b5452b", fill=True, fill_opacity=0.9).add_to(m)
    return m


def place_fields(
    name_ar: str, name_en: str, kind: str, parent: dict | None, point: tuple[float, float] | None
) -> dict:
    """The ``store.places.add_place`` record: admin names come from the parent; no point means
    the place is located by its parent (the store checks the rest and says what is wrong)."""
    fields = {"name_ar": name_ar.strip(), "name_en": name_en.strip() or None, "kind": kind}
    if parent:
        fields.update(parent_id=parent.get("id"), admin1=parent.get("admin1"), admin2=parent.get("admin2"),
                      admin3=parent.get("admin3"))  # fmt: skip
    if point:
        fields.update(lat=round(point[0], 5), lon=round(point[1], 5))
    elif parent:
        fields["located_by"] = parent.get("id")
    return fields
