"""Data in messages is literal text in the browser: a Markdown image in a place name is shown as the
characters typed, and no request leaves the page (the image's host, a local server here, hears nothing).
"""

from __future__ import annotations

import http.server
import socketserver
import threading
from collections.abc import Iterator

import pytest

from tests.browser.conftest import App, assert_no_exception, sign_in, start_app, wait_for_app


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        _Recorder.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def outside() -> Iterator[str]:
    """A host the page must never reach: it records every request made to it."""
    server = socketserver.TCPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def offline_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The app with the bundled basemap, so that the only outside address on the page is the test's."""
    a = start_app(tmp_path_factory.mktemp("app"), {"RASD_TILES": "offline"})
    yield a
    a.proc.terminate()
    a.proc.wait(10)


def settle(page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page)


def test_a_markdown_image_in_a_place_name_is_text(offline_app: App, outside: str, page) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    name_ar = f"قرية ![b]({outside}/ar.png)"
    name_en = f"**Bold** ![c]({outside}/en.png)"
    sign_in(page, offline_app, "Nour")
    page.goto(f"{offline_app.url}/places")
    settle(page)
    page.locator(".st-key-places_name_ar input").fill(name_ar)
    page.locator(".st-key-places_name_ar input").press("Enter")
    settle(page)
    page.locator(".st-key-places_name_en input").fill(name_en)
    page.locator(".st-key-places_name_en input").press("Enter")
    settle(page)
    page.locator(".st-key-places_parent").click()
    page.keyboard.type("Qamishli")
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("button", name="Save place").click()
    settle(page)
    assert_no_exception(page)

    alert = page.locator('[data-testid="stAlert"]').filter(has_text="Saved place")
    alert.wait_for(timeout=30_000)
    shown = alert.inner_text()
    assert name_ar in shown  # the characters as typed: "![b](http://…)"
    assert alert.locator("img").count() == 0 and alert.locator("strong, em, a").count() == 0
    page.wait_for_timeout(1000)  # time for any image the page might have asked for
    assert not _Recorder.hits, _Recorder.hits
    assert [u for u in requests if not u.startswith((offline_app.url, "data:", "blob:", "about:"))] == []
