"""Two app servers on one PostgreSQL database, as a team runs Rasd: a save in one shows in the other.

Runs when RASD_TEST_POSTGRES_URL is set (``.ci/run`` starts a throw-away cluster); each run uses a schema of
its own. Both servers are started as ``make run`` starts them, after ``python -m store migrate``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, App, start_app
from tests.browser.test_paste_to_review import paste_and_extract, seed_text, set_analyst, settle
from tests.store.conftest import PG_URL, pg_schema_url

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs RASD_TEST_POSTGRES_URL (a PostgreSQL server)")


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, App]]:
    from pathlib import Path

    from sqlalchemy import create_engine, text

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = pg_schema_url(schema)
    from store.migrate import upgrade

    upgrade(url)
    apps: list[App] = []
    try:
        for name in ("one", "two"):
            apps.append(start_app(tmp_path_factory.mktemp(name), {"RASD_DATABASE_URL": url}))
            apps[-1].db_url = url
        yield apps[0], apps[1]
    finally:
        for app in apps:
            app.stop()
        from store.db import get_engine

        get_engine(url).dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def open_review(page, app: App) -> None:
    page.goto(f"{app.url}/review_events")
    settle(page)


def review_count(page) -> str:
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text(re.compile(r"\d+ event\(s\)\. Edit cells|No events match"), timeout=30_000)
    found = re.search(r"(\d+) event\(s\)\. Edit cells", main.inner_text())
    return found.group(1) if found else "none"


def test_a_save_in_one_server_shows_in_the_other(servers, browser, monkeypatch) -> None:
    one, two = servers
    a = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    b = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    try:
        open_review(b, two)
        assert review_count(b) == "none"
        assert "PostgreSQL" in b.locator('[data-testid="stSidebar"]').inner_text()

        a.goto(one.url)
        settle(a)
        set_analyst(a)
        paste_and_extract(a, seed_text())
        a.get_by_role("button", name=re.compile(r"^Save report and \d+ event")).click()
        a.wait_for_function("() => location.pathname.includes('review_events')", timeout=30_000)
        settle(a)
        saved = review_count(a)
        assert saved != "none"

        b.reload()
        settle(b)
        assert review_count(b) == saved
        # Back the other way: analyst B rejects the selected event on server two; server one drops it.
        b.get_by_label("Analyst").fill("Omar")
        b.get_by_label("Analyst").press("Enter")
        settle(b)
        b.get_by_role("button", name="Reject this event").click()
        settle(b)
        open_review(a, one)
        assert review_count(a) == str(int(saved) - 1)
    finally:
        a.context.close()
        b.context.close()
