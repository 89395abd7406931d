"""`python -m ui.serve`: the heavy modules are imported before Streamlit serves, then `streamlit run app.py`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ui import serve

ROOT = Path(__file__).resolve().parents[2]
# What the first visit used to wait for (and what the Map and Timeline pages need).
HEAVY = [
    "pandas",
    "folium",
    "folium.plugins",
    "branca",
    "plotly.graph_objects",
    "sqlalchemy",
    "alembic",
    "store",
    "store.migrate",
    "ui.map",
    "ui.map_panel",
    "ui.timeline",
    "ui.timeline_data",
    "ui.filters",
    "ui.state",
]
PROBE = """
import json, sys
from ui.serve import preload
before = {m: m in sys.modules for m in MODULES}
preload()
print(json.dumps({"before": before, "after": {m: m in sys.modules for m in MODULES}}))
"""


def test_preload_imports_the_heavy_modules_in_a_fresh_interpreter() -> None:
    modules = [*HEAVY, *serve.NOT_PRELOADED]
    code = PROBE.replace("MODULES", repr(modules))
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert not any(out["before"][m] for m in HEAVY), "importing ui.serve alone must stay cheap"
    missing = [m for m in HEAVY if not out["after"][m]]
    assert not missing, f"not preloaded: {missing}"
    # Declared outside a script run, its component would never be registered and the map would not load.
    assert serve.NOT_PRELOADED == ("streamlit_folium",)
    assert not any(out["after"][m] for m in serve.NOT_PRELOADED)
    assert "No runtime found" not in r.stderr


def test_every_ui_module_is_preloaded_but_the_launcher() -> None:
    names = serve.ui_modules()
    assert "ui.map" in names and "ui.timeline" in names
    assert "ui.serve" not in names


def test_main_preloads_then_runs_streamlit_on_app_py(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.web import cli

    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(serve, "preload", lambda: calls.append(("preload", None)) or [])
    monkeypatch.setattr(cli, "main", lambda **kw: calls.append(("streamlit", kw)))
    monkeypatch.setattr(sys, "argv", ["serve.py"])
    serve.main(["--server.port", "8600", "--server.headless", "true"])
    assert calls == [
        ("preload", None),
        (
            "streamlit",
            {
                "args": ["run", str(ROOT / "app.py"), "--server.port", "8600", "--server.headless", "true"],
                "prog_name": "streamlit",
            },
        ),
    ]
    assert sys.argv[1:3] == ["run", str(ROOT / "app.py")]


def test_make_run_and_the_browser_tests_use_the_launcher() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "-m ui.serve" in run and "streamlit run" not in run
    conftest = (ROOT / "tests" / "browser" / "conftest.py").read_text(encoding="utf-8")
    assert '"ui.serve"' in conftest


def test_warm_up_runs_every_step() -> None:
    """A builder that changed shape would make the warm-up fail quietly (the server still starts)."""
    serve.preload()
    assert serve.warm() == []
