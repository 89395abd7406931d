"""Browser: the map shows clusters and an escaped popup, the timeline draws, briefing files download."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree

from tests.browser.conftest import ARTIFACTS, assert_no_exception, open_popup, wait_for_app
from tests.pages.sample_events import XSS

FOLIUM = 'iframe[title="streamlit_folium.st_folium"]'


def _open(page, app, path: str) -> None:
    page.goto(f"{app.url}/{path}")
    wait_for_app(page, 60_000)
    assert_no_exception(page)


def test_map_clusters_and_popup_shows_script_as_text(seeded, page) -> None:
    _open(page, seeded, "map_view")
    frame = page.frame_locator(FOLIUM)
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
    frame.locator(".rasd-cluster").first.wait_for(timeout=30_000)
    assert frame.locator(".rasd-legend").inner_text().startswith("Event type")
    # Open the popup of the event whose evidence holds a <script> (event 1 of the sample report).
    open_popup(frame, 1)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "<script>window.__rasd_xss = 1</script>" in popup.inner_text()
    assert popup.locator("script").count() == 0
    assert frame.locator(".rasd-popup div.rasd-evidence[dir=rtl]").count() == 1
    assert frame.locator(".leaflet-container").evaluate("() => window.__rasd_xss") is None
    page.screenshot(path=str(ARTIFACTS / "map_page.png"))
    assert XSS.startswith("<script>")


def test_timeline_renders(seeded, page) -> None:
    _open(page, seeded, "timeline_view")
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
    assert page.locator('[data-testid="stPlotlyChart"] .barlayer .point').count() > 0


def test_briefing_downloads(seeded, page, tmp_path) -> None:
    _open(page, seeded, "briefing")
    page.get_by_role("button", name="Prepare briefing files").click()
    page.get_by_role("button", name="Map PNG").wait_for(timeout=90_000)
    files = {}
    for label in ("Map PNG", "Timeline PNG", "HTML briefing", "CSV", "GEOJSON", "KML", "XLSX"):
        # A download button's file belongs to the run that drew it: click only once the app is idle
        # (the map's first render can trigger a rerun, which retires the previous run's files).
        wait_for_app(page, 60_000)
        try:
            with page.expect_download(timeout=60_000) as dl:
                page.get_by_role("button", name=label, exact=True).click()
        except Exception as exc:  # noqa: BLE001 - name the button that gave nothing
            raise AssertionError(f"{label}: no download ({type(exc).__name__})") from exc
        path = tmp_path / dl.value.suggested_filename
        dl.value.save_as(path)
        files[label] = path.read_bytes()
    assert files["Map PNG"].startswith(b"\x89PNG") and files["Timeline PNG"].startswith(b"\x89PNG")
    html = files["HTML briefing"].decode("utf-8")
    assert "<title>North-east Syria: security briefing</title>" in html and 'src="http' not in html
    header = next(csv.reader(io.StringIO(files["CSV"].decode("utf-8-sig"))))
    assert header[:3] == ["event_id_cnty", "event_date", "year"]
    assert len(json.loads(files["GEOJSON"])["features"]) == 27
    assert ElementTree.fromstring(files["KML"]).tag.endswith("kml")
    assert zipfile.ZipFile(io.BytesIO(files["XLSX"])).namelist()
    page.screenshot(path=str(ARTIFACTS / "briefing_page.png"), full_page=True)
