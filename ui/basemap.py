"""The map's background: OpenStreetMap tiles when reachable, else a bundled vector basemap.

Analysts often work with no internet. Offline, the Natural Earth layers in ``data/basemap/``
(countries, governorates, lakes, rivers) and the gazetteer's towns as labels keep a map and its
screenshot readable; zoomed in (VILLAGE_ZOOM and closer) the north-east's villages are labelled too,
drawn in the browser for the part of the map in view. ``RASD_TILES=offline|osm`` overrides the
reachability check.
"""

from __future__ import annotations

import html
import json
import os
import time
import urllib.request
from functools import cache
from pathlib import Path

import folium
from branca.element import MacroElement
from folium.template import Template

BASEMAP_DIR = Path(__file__).resolve().parents[1] / "data" / "basemap"
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_PROBE = "https://tile.openstreetmap.org/0/0/0.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
NE_ATTRIBUTION = "Made with Natural Earth"
SEA = "#c9dcea"
PROBE_TTL = 300.0

# Only towns in the Jazira and along the Euphrates get a label, so the map stays legible.
LABEL_BOX = (34.4, 37.4, 38.3, 42.4)  # south, north, west, east
LABEL_KINDS = ("city", "town")

# Villages and small towns: labelled from this zoom on (about 1:150,000), at most MAX_VILLAGE_LABELS at once.
VILLAGE_ZOOM = 11
VILLAGE_KINDS = ("town", "village")
MAX_VILLAGE_LABELS = 400

_probe: tuple[float, bool] | None = None
_labels: tuple[tuple[str, str, float, float], ...] | None = None
_villages: tuple[tuple[str, str, float, float], ...] | None = None


def osm_reachable(timeout: float = 1.0) -> bool:
    """Whether OSM tiles answer; cached for a few minutes so a rerun never waits twice."""
    global _probe
    now = time.monotonic()
    if _probe is not None and now - _probe[0] < PROBE_TTL:
        return _probe[1]
    try:
        req = urllib.request.Request(OSM_PROBE, method="HEAD", headers={"User-Agent": "Rasd/0.1"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            ok = r.status == 200
    except (OSError, ValueError):
        ok = False
    _probe = (now, ok)
    return ok


def tile_mode() -> str:
    """``"osm"`` or ``"offline"``: the env override first, then the reachability check."""
    forced = os.environ.get("RASD_TILES", "").strip().lower()
    if forced in ("offline", "osm"):
        return forced
    return "osm" if osm_reachable() else "offline"


def mode_caption(mode: str) -> str:
    """The line the page shows under the map, so the analyst knows what they are looking at."""
    if mode == "osm":
        return "Basemap: OpenStreetMap tiles (online)"
    return "Basemap: offline vector (Natural Earth; towns from the gazetteer)"


@cache
def _layer(name: str) -> dict:
    return json.loads((BASEMAP_DIR / f"{name}.geojson").read_text(encoding="utf-8"))


def _box_places(kinds: tuple[str, ...]) -> list | None:
    """Shipped places of these kinds with a point in LABEL_BOX; None when the gazetteer cannot be loaded."""
    try:
        from extraction.gazetteer import load_gazetteer

        places = load_gazetteer().places
    except Exception:  # noqa: BLE001 - a missing or half-built gazetteer must not take the map down
        return None
    south, north, west, east = LABEL_BOX
    return [
        p
        for p in places
        if getattr(p, "kind", None) in kinds
        and p.lat is not None
        and p.lon is not None
        and south <= p.lat <= north
        and west <= p.lon <= east
    ]


def town_labels() -> tuple[tuple[str, str, float, float], ...]:
    """(name_en, name_ar, lat, lon) of the region's cities and towns from the shipped gazetteer.

    Without a gazetteer the basemap simply has no labels (not cached, so they appear once it exists).
    """
    global _labels
    if _labels is not None:
        return _labels
    places = _box_places(LABEL_KINDS)
    if places is None:
        return ()
    _labels = tuple(
        (p.name_en, getattr(p, "name_ar", "") or "", float(p.lat), float(p.lon))
        for p in places
        if p.kind == "city" or (getattr(p, "population", None) or 0) >= 15000
    )
    return _labels


def village_labels() -> tuple[tuple[str, str, float, float], ...]:
    """(name_en, name_ar, lat, lon) of the villages and small towns in the label box (those without a
    town label), from the shipped gazetteer; empty when it cannot be loaded."""
    global _villages
    if _villages is not None:
        return _villages
    places = _box_places(VILLAGE_KINDS)
    if places is None:
        return ()
    towns = {(lat, lon) for _en, _ar, lat, lon in town_labels()}
    _villages = tuple(
        (p.name_en or "", getattr(p, "name_ar", "") or "", float(p.lat), float(p.lon))
        for p in places
        if (p.lat, p.lon) not in towns
    )
    return _villages


class VillageLabels(MacroElement):
    """Village labels drawn by the browser when zoomed in: one compact array in the page, a label made
    (with textContent: names are data, never HTML) only for the villages in view."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var data = {{ this.data }};
            var layer = L.layerGroup().addTo(map);
            function label(d) {
                var el = document.createElement("div");
                el.className = "rasd-village";
                el.textContent = d[0] + " ";
                if (d[1]) {
                    var ar = document.createElement("span");
                    ar.dir = "rtl";
                    ar.textContent = d[1];
                    el.appendChild(ar);
                }
                return L.marker([d[2], d[3]], {
                    icon: L.divIcon({html: el, className: "", iconSize: [0, 0], iconAnchor: [-3, 6]}),
                    interactive: false, keyboard: false
                });
            }
            function draw() {
                layer.clearLayers();
                if (map.getZoom() < {{ this.min_zoom }}) return;
                var b = map.getBounds(), n = 0;
                for (var i = 0; i < data.length && n < {{ this.max_labels }}; i++) {
                    if (b.contains([data[i][2], data[i][3]])) { layer.addLayer(label(data[i])); n++; }
                }
            }
            map.on("zoomend moveend", draw);
            draw();
        })();
        {% endmacro %}
        """
    )

    def __init__(self, labels, min_zoom: int = VILLAGE_ZOOM, max_labels: int = MAX_VILLAGE_LABELS):
        super().__init__()
        self._name = "VillageLabels"
        rows = [[en, ar, round(lat, 5), round(lon, 5)] for en, ar, lat, lon in labels]
        # JSON in a script: "</" would end the script element
        self.data = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        self.min_zoom = int(min_zoom)
        self.max_labels = int(max_labels)


def _style(fill: str, line: str, weight: float, fill_opacity: float = 1.0, dash: str | None = None):
    style = {"fillColor": fill, "color": line, "weight": weight, "fillOpacity": fill_opacity}
    if dash:
        style["dashArray"] = dash
    return lambda _feature: style


def add_offline_basemap(m: folium.Map) -> None:
    """Draw countries, governorates, lakes, rivers and town labels under everything else."""
    countries = _layer("countries")
    folium.GeoJson(
        countries,
        name="Countries",
        control=False,
        style_function=lambda f: {
            "fillColor": "#f7f4ec" if f["properties"].get("adm0_a3") == "SYR" else "#e9e6de",
            "color": "#8a8478",
            "weight": 1.2,
            "fillOpacity": 1.0,
        },
        interactive=False,
        attr=NE_ATTRIBUTION,
    ).add_to(m)
    folium.GeoJson(
        _layer("governorates"),
        name="Governorates",
        control=False,
        style_function=_style("#000000", "#a79f8f", 0.8, 0.0, "4 3"),
        interactive=False,
    ).add_to(m)
    folium.GeoJson(
        _layer("lakes"),
        name="Lakes",
        control=False,
        style_function=_style(SEA, "#7fa6c4", 0.6),
        interactive=False,
    ).add_to(m)
    rivers = {
        "type": "FeatureCollection",
        "features": [f for f in _layer("rivers")["features"] if f["properties"].get("featurecla") == "River"],
    }
    folium.GeoJson(
        rivers,
        name="Rivers",
        control=False,
        style_function=_style(SEA, "#5b8db8", 1.6, 0.0),
        interactive=False,
    ).add_to(m)
    _add_labels(m)


_LABEL_CSS = (
    "<style>.leaflet-container{background:SEA_COLOUR}"
    ".rasd-town{font:600 11px 'Noto Sans','DejaVu Sans',sans-serif;color:#4a4438;white-space:nowrap;"
    "text-shadow:0 0 3px #fff,0 0 3px #fff;pointer-events:none}"
    ".rasd-town span{font-family:'Noto Sans Arabic','Noto Naskh Arabic','DejaVu Sans',sans-serif;"
    "font-weight:400}"
    ".rasd-village{font:400 10px 'Noto Sans','DejaVu Sans',sans-serif;color:#6b6356;white-space:nowrap;"
    "text-shadow:0 0 2px #fff,0 0 2px #fff;pointer-events:none}"
    ".rasd-village span{font-family:'Noto Sans Arabic','Noto Naskh Arabic','DejaVu Sans',sans-serif}"
    "</style>"
).replace("SEA_COLOUR", SEA)


def _add_labels(m: folium.Map) -> None:
    """Town labels always; village labels drawn by the browser from VILLAGE_ZOOM on."""
    labels = folium.FeatureGroup(name="Towns", control=False)
    for name_en, name_ar, lat, lon in town_labels():
        text = html.escape(name_en) + (f' <span dir="rtl">{html.escape(name_ar)}</span>' if name_ar else "")
        folium.Marker(
            (lat, lon),
            icon=folium.DivIcon(
                html=f'<div class="rasd-town">{text}</div>', icon_size=(0, 0), icon_anchor=(-4, 8)
            ),
            interactive=False,
        ).add_to(labels)
    labels.add_to(m)
    villages = village_labels()
    if villages:
        VillageLabels(villages).add_to(m)
    m.get_root().header.add_child(folium.Element(_LABEL_CSS))


def add_basemap(m: folium.Map, mode: str) -> None:
    """OSM tiles in ``osm`` mode (with the vector layers off), else the offline vector basemap."""
    if mode == "osm":
        folium.TileLayer(OSM_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", control=False).add_to(m)
    else:
        add_offline_basemap(m)
