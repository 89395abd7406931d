"""ui.basemap: villages labelled at high zoom on the offline basemap, their names kept as data."""

from __future__ import annotations

import json
import re

import folium

from ui import basemap


def _html(mode: str = "offline") -> str:
    m = folium.Map(location=[37.05, 41.23], zoom_start=12, tiles=None)
    basemap.add_basemap(m, mode)
    return m.get_root().render()


def _village_data(html: str) -> list:
    found = re.search(r"var data = (\[\[.*?\]\]);", html, re.S)
    assert found, "no village labels in the page"
    return json.loads(found.group(1).replace("<\\/", "</"))


def test_the_offline_basemap_labels_the_north_east_villages_from_zoom_11() -> None:
    html = _html()
    data = _village_data(html)
    assert len(data) > 2000  # ~2,600 villages and small towns of the Jazira and the Euphrates
    assert ["Tall Tartab Saghir", "تل طرطب صغير"] in [row[:2] for row in data]
    assert f"map.getZoom() < {basemap.VILLAGE_ZOOM}" in html and basemap.VILLAGE_ZOOM >= 11
    assert "textContent" in html  # names become text, never markup


def test_village_names_cannot_close_the_script(monkeypatch) -> None:
    monkeypatch.setattr(
        basemap, "_villages", (("</script><img src=x onerror=alert(1)>", "قرية", 37.0, 41.0),)
    )
    html = _html()
    assert "</script><img" not in html
    assert _village_data(html)[0][0] == "</script><img src=x onerror=alert(1)>"


def test_online_tiles_bring_their_own_labels() -> None:
    assert "rasd-village" not in _html("osm") and "var data = [[" not in _html("osm")
