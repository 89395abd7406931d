"""ui.timeline_data: the timeline starts in weeks when the events span more than a year."""

from __future__ import annotations

import pandas as pd

from ui.timeline_data import default_freq


def test_weeks_past_a_year_days_otherwise() -> None:
    short = pd.DataFrame(
        {"period": ["2024-01-01", "2024-10-28"], "event_type": ["Protests"] * 2, "events": [1, 2]}
    )
    long = pd.DataFrame(
        {"period": ["2023-01-02", "2024-10-28"], "event_type": ["Protests"] * 2, "events": [1, 2]}
    )
    assert default_freq(short) == "D"
    assert default_freq(long) == "W"
    assert default_freq(pd.DataFrame(columns=["period", "event_type", "events"])) == "D"
