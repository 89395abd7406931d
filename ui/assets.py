"""Leaflet and its plugins served from ``static/vendor`` so maps draw with no internet.

Folium links its JavaScript and CSS from CDNs; offline the map would be blank and Python would say
nothing. ``use_vendored_assets()`` rewrites every folium class's links to the copies that
Streamlit serves at ``/app/static/vendor/...`` (``server.enableStaticServing``), and
``inline_assets()`` turns such a page into one self-contained file for briefings and screenshots.
"""

from __future__ import annotations

import re
from pathlib import Path

import folium
import folium.folium
import folium.plugins

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
URL_PREFIX = "/app/static/"
VENDOR = URL_PREFIX + "vendor/"

LEAFLET_JS = ("leaflet", VENDOR + "leaflet-1.9.4/leaflet.js")
LEAFLET_CSS = ("leaflet_css", VENDOR + "leaflet-1.9.4/leaflet.css")

MAP_JS = [
    LEAFLET_JS,
    ("jquery", VENDOR + "jquery-3.7.1/jquery.min.js"),
    ("bootstrap", VENDOR + "bootstrap-5.2.2/bootstrap.bundle.min.js"),
    ("awesome_markers", VENDOR + "leaflet.awesome-markers-2.0.5/leaflet.awesome-markers.js"),
]
MAP_CSS = [
    LEAFLET_CSS,
    ("bootstrap_css", VENDOR + "bootstrap-5.2.2/bootstrap.min.css"),
    ("awesome_markers_font_css", VENDOR + "fontawesome-free-6.2.0/css/all.min.css"),
    ("awesome_markers_css", VENDOR + "leaflet.awesome-markers-2.0.5/leaflet.awesome-markers.css"),
]
CLUSTER_JS = [("markerclusterjs", VENDOR + "leaflet.markercluster-1.5.3/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", VENDOR + "leaflet.markercluster-1.5.3/MarkerCluster.css"),
    ("markerclusterdefaultcss", VENDOR + "leaflet.markercluster-1.5.3/MarkerCluster.Default.css"),
]
HEAT_JS = [("leaflet-heat.js", VENDOR + "leaflet.heat-0.2.0/leaflet-heat.js")]
SUBGROUP_JS = [
    (
        "featuregroupsubgroupjs",
        VENDOR + "leaflet.featuregroup.subgroup-1.0.2/leaflet.featuregroup.subgroup.js",
    )
]

_done = False


def use_vendored_assets() -> None:
    """Point folium's default links (map and the plugins Rasd uses) at the vendored copies.

    Class attributes are replaced, not appended to, so no CDN link survives; idempotent.
    """
    global _done
    if _done:
        return
    folium.folium._default_js[:] = MAP_JS
    folium.folium._default_css[:] = MAP_CSS
    folium.Map.default_js = MAP_JS
    folium.Map.default_css = MAP_CSS
    folium.plugins.MarkerCluster.default_js = CLUSTER_JS
    folium.plugins.MarkerCluster.default_css = CLUSTER_CSS
    folium.plugins.FastMarkerCluster.default_js = CLUSTER_JS
    folium.plugins.FastMarkerCluster.default_css = CLUSTER_CSS
    folium.plugins.HeatMap.default_js = HEAT_JS
    folium.plugins.FeatureGroupSubGroup.default_js = SUBGROUP_JS
    _done = True


def _local(url: str) -> Path | None:
    if not url.startswith(URL_PREFIX):
        return None
    path = (STATIC / url[len(URL_PREFIX) :]).resolve()
    return path if path.is_file() and STATIC.resolve() in path.parents else None


def inline_assets(html: str) -> str:
    """Replace ``/app/static`` script and stylesheet links with their contents.

    Used for the downloadable HTML briefing and the map screenshot, which open from a file with no
    server. Font files referenced by CSS are not inlined (icons are not used by Rasd's markers).
    """

    def script(m: re.Match) -> str:
        path = _local(m.group(1))
        if path is None:
            return m.group(0)
        body = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script>{body}</script>"

    def style(m: re.Match) -> str:
        path = _local(m.group(1))
        if path is None:
            return m.group(0)
        return f"<style>{path.read_text(encoding='utf-8')}</style>"

    html = re.sub(r'<script\s+src="([^"]+)"\s*>\s*</script>', script, html)
    html = re.sub(r'<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>', style, html)
    return html
