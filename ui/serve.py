"""Serve Rasd: `python -m ui.serve [streamlit run options...]` is `streamlit run app.py [options...]`.

`streamlit run` imports nothing of the app until the first browser session runs the script, so the
first visitor after a start waited about a second for pandas, folium, plotly, SQLAlchemy, Alembic and
Rasd's own packages to import (the Map's first visit: 4.0 s against 2.8 s later). This launcher imports
them first and draws a one-event map and chart (plotly and folium load more on first use), then hands
the same argument list to Streamlit's own command line (`streamlit.web.cli.main`) in this process:
options, config files, `STREAMLIT_*` variables, Ctrl-C and the exit code are those of `streamlit run`.

streamlit_folium itself is left to the first session: importing it declares its component, and a
component declared outside a script run is never registered with the server, so the map would not load
(its dependencies, folium and branca, are what cost and are preloaded).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"

# The heavy packages the pages use, then Rasd's own (every ui module is added: see ui_modules()).
PRELOAD = (
    "pandas",
    "folium",
    "folium.plugins",
    "branca",
    "plotly.graph_objects",
    "sqlalchemy",
    "store",  # every store module, Alembic included (app.py migrates at the first run)
    "extraction",
    "extraction.gazetteer",
)
# Must not be imported before the server runs (see the module docstring).
NOT_PRELOADED = ("streamlit_folium",)
# Imported here, st.cache_data functions log "No runtime found" once each; harmless (their caches are
# looked up when called, inside the server), so that logger is quietened while preloading.
_CACHE_LOGGER = "streamlit.runtime.caching.cache_data_api"


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("No runtime found")


def ui_modules() -> list[str]:
    """Every module of the ``ui`` package but this launcher."""
    import ui

    return sorted(
        f"ui.{m.name}" for m in pkgutil.iter_modules(ui.__path__) if m.name != "serve" and not m.ispkg
    )


def preload() -> list[str]:
    """Import the modules the pages use; returns their names."""
    names = [*PRELOAD, *ui_modules()]
    log = logging.getLogger(_CACHE_LOGGER)
    quiet = _Quiet()  # a filter, not a level: Streamlit resets its loggers' levels when it reads its config
    log.addFilter(quiet)
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        log.removeFilter(quiet)
    return names


# One made-up event, only ever drawn here: enough for the map and chart builders to touch every code path
# a first visit would (folium templates and vendored assets, basemap layers and town labels, plotly's
# lazily imported figure classes and its JSON encoder).
_WARM_EVENT = {
    "id": 0,
    "event_date": "2024-08-19",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "A",
    "actor2": "B",
    "location": "Qamishli",
    "location_ar": "القامشلي",
    "admin1": "Al-Hasakah",
    "latitude": 37.05,
    "longitude": 41.22,
    "geo_precision": 1,
    "fatalities": 1,
    "notes": "",
    "evidence": "",
    "background": False,
}
# Streamlit's emoji catalogue (0.1 s), loaded when app.py's page icon is checked; optional so that a
# Streamlit that moves it costs nothing but this warm-up.
_OPTIONAL = ("streamlit.emojis",)


def warm() -> list[str]:
    """Build a one-event map and timeline so the first visit finds those code paths loaded.

    Best effort: returns what failed (``"step: error"``) instead of raising, since a warm-up must never
    keep the server from starting.
    """
    import pandas as pd

    from ui.map import build_map, map_html
    from ui.timeline import build_strip, build_timeline, counts_from_events

    events = pd.DataFrame([_WARM_EVENT])
    steps = {
        "map": lambda: map_html(build_map(events, tiles="offline")),
        "timeline": lambda: build_timeline(counts_from_events(events, "D"), "D").to_json(),
        "strip": lambda: build_strip(events).to_json(),
    }
    failed = []
    for name in _OPTIONAL:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            failed.append(f"{name}: {exc}")
    for step, fn in steps.items():
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - see the docstring
            failed.append(f"{step}: {type(exc).__name__}: {exc}")
    return failed


def main(argv: Sequence[str] | None = None) -> None:
    """Preload, then run ``streamlit run app.py *argv`` (exits with Streamlit's exit code)."""
    args = list(sys.argv[1:] if argv is None else argv)
    preload()
    for failure in warm():  # only slower first visits, never a reason not to serve
        logging.getLogger(__name__).debug("warm-up skipped: %s", failure)
    from streamlit.web import cli

    # The command line Streamlit would have seen (it reads sys.argv for a few checks).
    sys.argv = [sys.argv[0], "run", str(APP), *args]
    cli.main(args=sys.argv[1:], prog_name="streamlit")


if __name__ == "__main__":
    main()
