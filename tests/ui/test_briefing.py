"""ui.briefing: figures against the previous period, a self-contained escaped HTML, real PNGs."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from store.filters import EventFilter
from tests.pages.sample_events import sample_events
from ui import briefing
from ui.map import build_map
from ui.timeline import build_timeline, counts_from_events

PNG = b"\x89PNG\r\n\x1a\n"


def _events() -> pd.DataFrame:
    df = pd.DataFrame(sample_events(30))
    df["evidence_text"] = df.pop("evidence").map(lambda e: e["text"])
    df["source"] = "<img src=x onerror=alert(1)>"
    return df[~df["background"]]


def test_previous_period_has_the_same_length() -> None:
    prev = briefing.previous_filter(EventFilter(date_from=date(2024, 8, 11), date_to=date(2024, 8, 20)))
    assert (prev.date_from, prev.date_to) == (date(2024, 8, 1), date(2024, 8, 10))
    assert briefing.previous_filter(EventFilter()) is None


def test_key_figures_and_change() -> None:
    cur, prev = _events(), _events().head(9)
    figs = briefing.key_figures(cur, prev)
    assert figs["events"] == 27 and figs["previous_events"] == 9
    assert figs["events_change"] == "+18 (+200%)"
    assert set(figs["by_governorate"]["admin1"]) == {"Al-Hasakah", "Deir-ez-Zor"}
    assert briefing.change_text(0, 4) == "−4 (−100%)" and briefing.change_text(3, 0) == "new"


def test_top_events_are_deadliest_first() -> None:
    top = briefing.top_events(_events(), 5)
    assert list(top["Fatalities"]) == sorted(top["Fatalities"], reverse=True) and len(top) == 5


def test_html_is_self_contained_and_escaped() -> None:
    cur = _events()
    figs = briefing.key_figures(cur, None)
    fig = build_timeline(counts_from_events(cur, "D"), "D")
    page = briefing.briefing_html("<b>T</b>", "P", figs, briefing.top_events(cur), timeline=fig,
                                  map_page=briefing.standalone_map_html(build_map(cur, tiles="offline")))  # fmt: skip
    assert not re.search(r"<script[^>]+src=[\"']?https?://", page)
    assert not re.search(r"<link[^>]+href=[\"']?https?://", page)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>T</b>" not in page and "Plotly" in page  # plotly.js is inlined


def test_chart_png_with_kaleido_and_map_png_with_chromium(tmp_path) -> None:
    cur = _events()
    chart = briefing.figure_png(build_timeline(counts_from_events(cur, "D"), "D"), 800, 400)
    shot = briefing.map_png(build_map(cur, tiles="offline"), 800, 500, 1)
    for name, data in (("chart.png", chart), ("map.png", shot)):
        assert data.startswith(PNG) and len(data) > 5000
        (tmp_path / name).write_bytes(data)
