"""ui.timeline: stacked bars per type, a deaths line on the second axis, background kept apart."""

from __future__ import annotations

import pandas as pd

from tests.pages.sample_events import sample_events
from ui.timeline import build_strip, build_timeline, counts_from_events


def _events() -> pd.DataFrame:
    return pd.DataFrame(sample_events(30))


def test_stacked_bars_per_type_and_fatalities_on_second_axis() -> None:
    fig = build_timeline(counts_from_events(_events(), "D"), "D")
    bars = [t for t in fig.data if t.type == "bar"]
    lines = [t for t in fig.data if t.type == "scatter"]
    assert {b.name for b in bars} == {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                     "Protests", "Strategic developments"}  # fmt: skip
    assert fig.layout.barmode == "stack"
    assert len(lines) == 1 and lines[0].yaxis == "y2" and fig.layout.yaxis2.overlaying == "y"
    assert fig.layout.xaxis.rangeslider.visible


def test_background_events_are_not_counted() -> None:
    ev = _events()
    counts = counts_from_events(ev, "W")
    assert counts["events"].sum() == (~ev["background"]).sum() == 27
    # A counts frame that still carries a background flag is filtered too.
    flagged = counts.assign(background=False)
    flagged.loc[0, "background"] = True
    fig = build_timeline(flagged, "W")
    assert sum(sum(t.y) for t in fig.data if t.type == "bar") == 27 - counts.loc[0, "events"]


def test_strip_shows_background_apart_or_hides_it() -> None:
    ev = _events()
    shown = build_strip(ev, show_background=True)
    names = [t.name for t in shown.data]
    assert "Background (past events)" in names
    assert sum(len(t.x) for t in shown.data if t.name != "Background (past events)") == 27
    hidden = build_strip(ev, show_background=False)
    assert "Background (past events)" not in [t.name for t in hidden.data]


def test_strip_hover_escapes_notes() -> None:
    fig = build_strip(_events())
    hover = " ".join(str(c[0]) for t in fig.data for c in t.customdata)
    assert "<b>bold?</b>" not in hover and "&lt;b&gt;bold?&lt;/b&gt;" in hover


def test_empty_counts_give_an_empty_figure() -> None:
    assert len(build_timeline(counts_from_events(_events().iloc[0:0], "D"), "D").data) == 0
