"""The event map: coloured, sized, clustered markers with escaped popups over a basemap.

Built for speed: each event type is one ``FastMarkerCluster`` whose markers are made in the
browser from one JavaScript array, so 10,000 events cost one JSON dump, not 10,000 Python objects.
Past ``MAX_MARKERS`` events are aggregated per place and type so 100,000 events still draw.
Popups are built with ``textContent`` in the browser, so report text can never become markup.
"""

from __future__ import annotations

import html
import json
import math

import folium
import folium.plugins
import pandas as pd
from folium.template import Template

from ui.assets import use_vendored_assets
from ui.basemap import add_basemap, tile_mode
from ui.palette import colour_for, type_order

CENTER = (36.2, 40.6)  # between Qamishli, Hasakah and Deir ez-Zor
ZOOM = 8
MAX_MARKERS = 15_000
REVIEW_PATH = "/review_events"
EVIDENCE_CHARS = 400

# The row layout shared by Python (``marker_rows``) and the JavaScript callback below.
ROW_FIELDS = (
    "latitude", "longitude", "id", "radius", "event_date", "sub_event_type", "actors",
    "fatalities", "place", "geo_precision", "evidence", "count",
)  # fmt: skip

_CALLBACK = """function (row) {
  var colour = %(colour)s, type = %(type)s, reviewPath = %(review)s;
  var m = L.circleMarker(new L.LatLng(row[0], row[1]), {
    radius: row[3], color: '#333', weight: 1, fillColor: colour, fillOpacity: 0.85});
  m.options.rasdId = row[2];
  m.bindPopup(function () {
    var box = document.createElement('div'); box.className = 'rasd-popup';
    function line(label, value, rtl) {
      if (value === null || value === undefined || value === '') return;
      var p = document.createElement('div');
      if (label) { var b = document.createElement('b'); b.textContent = label + ': '; p.appendChild(b); }
      var s = document.createElement('span'); s.textContent = String(value);
      if (rtl) { s.dir = 'rtl'; p.dir = 'rtl'; p.className = 'rasd-evidence'; }
      p.appendChild(s); box.appendChild(p);
    }
    if (row[11] > 1) line('', row[11] + ' events at this place (aggregated; latest shown)');
    line('Date', row[4]);
    line('Type', type + (row[5] ? ' / ' + row[5] : ''));
    line('Actors', row[6]);
    line('Fatalities', row[7]);
    line('Place', row[8] + (row[9] ? ' (precision ' + row[9] + ')' : ''));
    line('', row[10], true);
    if (row[2] !== null) {
      // A new tab with the page's shared filters (the map's sandboxed iframe may open tabs, not navigate
      // its page); the analyst's name travels in the browser's cookie, never in the link.
      var query = new URLSearchParams();
      try { query = new URLSearchParams(window.top.location.search); } catch (e) {}
      query.set('event', row[2]);
      var a = document.createElement('a'); a.href = reviewPath + '?' + query.toString();
      a.target = '_blank'; a.rel = 'noopener'; a.textContent = 'Open event ' + row[2] + ' in Review';
      box.appendChild(a);
    }
    return box;
  }, {maxWidth: 360});
  return m;
}"""

_CLUSTER_ICON = """function (cluster) {
  var n = cluster.getChildCount(), size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
  return L.divIcon({html: '<div style="background:%s;width:' + size + 'px;height:' + size +
      'px;line-height:' + size + 'px">' + n + '</div>', className: 'rasd-cluster',
      iconSize: L.point(size, size)});
}"""

_STYLE = """<style>
.rasd-cluster div{border-radius:50%;color:#fff;font:700 12px sans-serif;text-align:center;
  border:2px solid rgba(255,255,255,.9);box-shadow:0 0 3px rgba(0,0,0,.5);text-shadow:0 0 2px #000}
.rasd-popup{font:13px 'Noto Sans','DejaVu Sans',sans-serif;line-height:1.4}
.rasd-evidence{margin:6px 0;padding:4px 6px;background:#f3f1ea;border-right:3px solid #b5452b;
  font-family:'Noto Naskh Arabic','Noto Sans Arabic','DejaVu Sans',serif;font-size:14px;text-align:right}
.rasd-legend{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;font:12px sans-serif;
  box-shadow:0 0 4px rgba(0,0,0,.3);line-height:1.5}
.rasd-legend i{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:6px;
  border:1px solid #333;vertical-align:-1px}
</style>"""


class Legend(folium.MacroElement):
    """A Leaflet control listing each type's colour and count (part of the map, so PNGs keep it)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function () {
          var legend = L.control({position: 'bottomright'});
          legend.onAdd = function () {
            var d = L.DomUtil.create('div', 'rasd-legend'); d.innerHTML = {{ this.body|tojson }};
            return d; };
          legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}"""
    )

    def __init__(self, items: list[tuple[str, str, int]], note: str = "") -> None:
        super().__init__()
        self._name = "Legend"
        rows = [f"<i style='background:{c}'></i>{html.escape(t)} ({n:,})" for t, c, n in items]
        if note:
            rows.append(f"<small>{html.escape(note)}</small>")
        self.body = "<b>Event type</b><br>" + "<br>".join(rows)


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def compact_json(rows: list[list]) -> str:
    """Rows as JSON that is safe inside a <script> and keeps Arabic as UTF-8.

    Jinja's ``tojson`` writes every Arabic letter as a six-byte ``\\uXXXX`` escape, which tripled the map's
    HTML; here only the characters that could end the script or start markup are escaped.
    """
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE)


class CompactMarkerCluster(folium.plugins.FastMarkerCluster):
    """FastMarkerCluster that ships its rows compactly and adds the markers in one ``addLayers`` call."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = (function(){
                {{ this.callback }}
                var data = {{ this.data_json }};
                var cluster = L.markerClusterGroup({{ this.options|tojavascript }});
                {%- if this.icon_create_function is not none %}
                cluster.options.iconCreateFunction = {{ this.icon_create_function.strip() }};
                {%- endif %}
                var markers = new Array(data.length);
                for (var i = 0; i < data.length; i++) { markers[i] = callback(data[i]); }
                cluster.addLayers(markers);
                cluster.addTo({{ this._parent.get_name() }});
                return cluster;
            })();
        {% endmacro %}"""
    )

    def __init__(self, data: list[list], **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.data_json = compact_json(self.data)


def _col(df: pd.DataFrame, name: str, default=None) -> pd.Series:
    if name in df.columns:
        return df[name]
    return pd.Series([default] * len(df), index=df.index, dtype=object)


def _radius(fatalities: pd.Series) -> pd.Series:
    f = pd.to_numeric(fatalities, errors="coerce").fillna(0).clip(lower=0)
    return (5 + 3 * f.map(math.sqrt)).clip(upper=22).round(1)


def _actors(df: pd.DataFrame) -> pd.Series:
    a1 = _col(df, "actor1", "").fillna("").astype(str)
    a2 = _col(df, "actor2", "").fillna("").astype(str)
    return (a1 + " vs " + a2).where(a2 != "", a1)


def _place(df: pd.DataFrame) -> pd.Series:
    en = _col(df, "location", "").fillna("").astype(str)
    ar = _col(df, "location_ar", "").fillna("").astype(str)
    return (en + " / " + ar).where((ar != "") & (ar != en), en)


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    """Events with coordinates, in the marker-row columns; aggregated per place past MAX_MARKERS."""
    pts = df[pd.to_numeric(_col(df, "latitude"), errors="coerce").notna()]
    pts = pts[pd.to_numeric(_col(pts, "longitude"), errors="coerce").notna()]
    evidence = _col(pts, "evidence_text", None)
    if "evidence_text" not in pts.columns:
        evidence = _col(pts, "evidence", "")
    out = pd.DataFrame(
        {
            "latitude": pd.to_numeric(pts["latitude"]).astype(float),
            "longitude": pd.to_numeric(pts["longitude"]).astype(float),
            "id": _col(pts, "id"),
            "event_type": _col(pts, "event_type", "").fillna("").astype(str),
            "event_date": _col(pts, "event_date", "").astype(str).str.slice(0, 10),
            "sub_event_type": _col(pts, "sub_event_type", "").fillna("").astype(str),
            "actors": _actors(pts),
            "fatalities": pd.to_numeric(_col(pts, "fatalities", 0), errors="coerce").fillna(0).astype(int),
            "place": _place(pts),
            "geo_precision": _col(pts, "geo_precision", None),
            "evidence": evidence.fillna("").astype(str).str.slice(0, EVIDENCE_CHARS),
            "count": 1,
        }
    )
    if len(out) > MAX_MARKERS:
        out = aggregate(out)
    out["radius"] = _radius(out["fatalities"])
    return out


def aggregate(pts: pd.DataFrame) -> pd.DataFrame:
    """One marker per (place, type): the latest event stands for the rest, counts and deaths summed."""
    pts = pts.sort_values("event_date", kind="stable")
    g = pts.groupby([pts["latitude"].round(4), pts["longitude"].round(4), pts["event_type"]], sort=False)
    count = g["fatalities"].transform("size")
    deaths = g["fatalities"].transform("sum")
    latest = pts.loc[g.tail(1).index].copy()
    latest["count"] = count.loc[latest.index]
    latest["fatalities"] = deaths.loc[latest.index]
    return latest.reset_index(drop=True)


def marker_rows(pts: pd.DataFrame) -> list[list]:
    """The JS array for one cluster, as plain JSON values in ``ROW_FIELDS`` order."""
    return json.loads(pts[list(ROW_FIELDS)].to_json(orient="values", force_ascii=False))


def build_map(
    df: pd.DataFrame,
    heat: bool = False,
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
    tiles: str | None = None,
    height: str = "100%",
) -> folium.Map:
    """The map of ``df`` (events with latitude/longitude): a layer per type, a legend, optional heat."""
    use_vendored_assets()
    mode = tiles or tile_mode()
    m = folium.Map(
        location=list(center or CENTER), zoom_start=zoom or ZOOM, tiles=None,
        control_scale=True, prefer_canvas=True, height=height,
    )  # fmt: skip
    # Marker clusters need the map's own zoom limits when no tile layer supplies them.
    m.options.update(max_zoom=18, min_zoom=5)
    add_basemap(m, mode)
    m.get_root().header.add_child(folium.Element(_STYLE))
    pts = prepare(df)
    items = []
    for etype in type_order(pts["event_type"].unique()):
        sub = pts[pts["event_type"] == etype]
        colour = colour_for(etype)
        items.append((etype, colour, int(sub["count"].sum())))
        callback = _CALLBACK % {
            "colour": json.dumps(colour), "type": json.dumps(etype), "review": json.dumps(REVIEW_PATH),
        }  # fmt: skip
        CompactMarkerCluster(
            marker_rows(sub), callback=callback, name=f"{html.escape(etype)} ({len(sub):,})",
            icon_create_function=_CLUSTER_ICON % colour,
            options={"maxClusterRadius": 40, "spiderfyOnMaxZoom": True, "chunkedLoading": True},
        ).add_to(m)  # fmt: skip
    if len(pts) and heat:
        _heat(pts).add_to(m)
    note = "aggregated per place" if int(pts["count"].max() if len(pts) else 1) > 1 else ""
    Legend(items, note).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def _heat(pts: pd.DataFrame) -> folium.plugins.HeatMap:
    weights = pts[["latitude", "longitude"]].assign(w=pts["count"] + pts["fatalities"])
    return folium.plugins.HeatMap(
        weights.to_numpy().tolist(), name="Heat map", radius=18, blur=14, min_opacity=0.3
    )


def heat_group(df: pd.DataFrame) -> folium.FeatureGroup:
    """The heat layer as a feature group, for ``st_folium(feature_group_to_add=...)``.

    Passed that way, switching heat on or off does not remount the map, so pan and zoom survive.
    """
    use_vendored_assets()
    group = folium.FeatureGroup(name="Heat map")
    _heat(prepare(df)).add_to(group)
    return group


def map_html(m: folium.Map) -> str:
    """The map as one HTML page (assets still linked to ``/app/static``; see ``ui.assets``)."""
    return m.get_root().render()
