"""store.demo: plausible, reproducible, marked demo events, inserted in bulk."""

from __future__ import annotations

import json
from datetime import date

from store.demo import FIRST_DAY, LAST_DAY, make_demo, make_rows
from store.events import count_events, query_events
from store.filters import EventFilter
from store.validation import taxonomy
from tests.store.conftest import run_cli


def test_make_demo_thousand(db_url: str) -> None:
    flt = EventFilter(statuses=(), include_background=True)
    before = count_events(flt)
    assert make_demo(1000, seed=1) == 1000
    df = query_events(flt)
    demo = df[df["is_demo"]]
    assert len(df) - before == 1000 and len(demo) >= 1000
    types, _ = taxonomy()
    assert all(st in types[et] for et, st in zip(demo["event_type"], demo["sub_event_type"], strict=True))
    assert demo["event_date"].min() >= FIRST_DAY and demo["event_date"].max() <= LAST_DAY
    assert demo["event_type"].nunique() == len(types)
    governorates = " ".join(demo["admin1"].dropna().str.lower().unique())
    assert all(key in governorates for key in ("hasak", "deir", "raqq"))
    assert demo["latitude"].between(34, 37.5).all() and demo["longitude"].between(36, 42.5).all()
    assert (demo["fatalities"] >= 0).all() and demo["location"].str.len().min() > 0
    # ACLED's era split: the Assad-era army does not act after 7 December 2024.
    old_army = demo[
        (demo["actor1"] == "Military Forces of Syria (2000-2024)")
        | (demo["actor2"] == "Military Forces of Syria (2000-2024)")
    ]
    assert (old_army["event_date"] <= date(2024, 12, 7)).all()


def test_rows_reproducible_for_a_seed(db_url: str) -> None:
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("created_at", "updated_at")} for r in rows]  # noqa: E731
    assert strip(make_rows(50, seed=7)) == strip(make_rows(50, seed=7))
    assert strip(make_rows(50, seed=7)) != strip(make_rows(50, seed=8))


def test_cli_demo(db_url: str) -> None:
    proc = run_cli("demo", "--events", "200", "--seed", "3")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"events": 200}
