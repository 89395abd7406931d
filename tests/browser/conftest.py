"""Browser tests: the app served as `make run` serves it (`python -m ui.serve`, i.e. `streamlit run app.py`
with the app's modules preloaded) on a free localhost port, driven by Debian's Chromium.

Each test module gets its own server on a throw-away SQLite database, so tests do not see each
other's events. Screenshots go to tests/browser/artifacts/ (git-ignored) for a human to look at.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """A running Streamlit server and its database URL."""

    def __init__(self, url: str, db_url: str, proc: subprocess.Popen, log: Path) -> None:
        self.url = url
        self.db_url = db_url
        self.proc = proc
        self.log = log

    def env(self) -> dict[str, str]:
        return {**os.environ, "RASD_DATABASE_URL": self.db_url}

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_app(tmp: Path, env_extra: dict[str, str] | None = None) -> App:
    port = _free_port()
    db_url = f"sqlite:///{tmp / 'rasd.sqlite'}"
    env = {**os.environ, "RASD_DATABASE_URL": db_url, **(env_extra or {})}
    # As `make run` does: the app itself creates no database away from its default path.
    subprocess.run(
        [sys.executable, "-m", "store", "migrate"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    log = tmp / "streamlit.log"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ui.serve",  # what `make run` runs: `streamlit run app.py` after preloading the app's modules
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return App(url, db_url, proc, log)
        except OSError:
            time.sleep(0.3)
        if proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError("streamlit did not start:\n" + log.read_text()[-3000:])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    tmp = tmp_path_factory.mktemp("app")
    a = start_app(tmp)
    yield a
    a.stop()


@pytest.fixture(scope="module")
def seeded(app: App) -> App:
    """The app's database with 30 sample events (the first one's evidence carries a <script>)."""
    old = os.environ.get("RASD_DATABASE_URL")
    os.environ["RASD_DATABASE_URL"] = app.db_url
    try:
        from store.migrate import upgrade
        from tests.pages.sample_events import seed

        upgrade(app.db_url)
        seed(30)
    finally:
        if old is None:
            os.environ.pop("RASD_DATABASE_URL", None)
        else:
            os.environ["RASD_DATABASE_URL"] = old
    return app


def open_popup(frame, event_id: int) -> None:
    """Open the map popup of ``event_id`` (``frame``: the folium iframe), zooming its cluster open."""
    frame.locator(".leaflet-container").evaluate(
        """(el, id) => { const m = window.map; m.eachLayer(l => { if (l.zoomToShowLayer) l.getLayers().forEach(mk => {
             if (mk.options && mk.options.rasdId === id) l.zoomToShowLayer(mk, () => mk.openPopup()); }); }); }""",
        event_id,
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, request):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors  # type: ignore[attr-defined]
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(Exception):  # a failed screenshot must not hide the test's own result
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    ctx.close()


def sign_in(pg, app: App, name: str) -> None:
    """The analyst's name as the app keeps it: a cookie of this browser context (``ui.analyst.COOKIE``)."""
    from urllib.parse import quote

    from ui.analyst import COOKIE

    pg.context.add_cookies([{"name": COOKIE, "value": quote(name), "url": app.url}])


def wait_for_app(pg, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script (no spinner, app view present)."""
    pg.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
        timeout=timeout,
    )


def assert_no_exception(pg) -> None:
    exc = pg.locator('[data-testid="stException"]')
    assert exc.count() == 0, exc.first.inner_text()
