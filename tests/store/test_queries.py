"""store.events queries: every filter (applied in SQL), ordering, timeline counts, summary, map points."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from store.columns import MAP_COLUMNS
from store.events import count_events, map_points, query_events, summary, timeline_counts
from store.filters import EventFilter
from store.reports import add_report
from tests.store.conftest import sample_event, unique_text


@pytest.fixture(scope="module")
def seeded(db_url: str) -> dict[str, int]:
    """Six events whose filters are known; this module writes nothing else."""
    specs = {
        "clash": sample_event(event_date="2024-01-10", notes="Clash near the grain silo.", fatalities=2),
        "strike": sample_event(
            event_date="2024-01-12",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Military Forces of Turkey (2016-)",
            actor2=None,
            admin1="Deir-ez-Zor",
            location="Al-Busayrah",
            fatalities=5,
            notes="Drone strike.",
        ),
        "protest": sample_event(
            event_date="2024-01-20",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Syria)",
            actor2=None,
            assoc_actor_1="Women (Syria)",
            fatalities=0,
            notes="Protest.",
            evidence={"start": 0, "end": 12, "text": "مظاهرة نسائية"},
        ),
        "past": sample_event(event_date="2023-05-01", background=True, admin1="Ar-Raqqa", fatalities=10),
        "rejected": sample_event(
            event_date="2024-01-15",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            admin1="Deir-ez-Zor",
            status="rejected",
            fatalities=1,
            latitude=None,
            longitude=None,
        ),
    }
    ids = {}
    for name, ev in specs.items():
        ids[name] = add_report(unique_text(), "2024-01-21", events=[ev]).event_ids[0]
    demo = sample_event(
        event_date="2024-01-11",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        admin1="Aleppo",
        fatalities=0,
        notes="Demo.",
    )
    ids["demo"] = add_report(unique_text(), "2024-01-21", events=[demo], is_demo=True).event_ids[0]
    return ids


def _ids(flt: EventFilter) -> set[int]:
    return set(query_events(flt, columns=["id"])["id"])


def _names(seeded: dict[str, int], *names: str) -> set[int]:
    return {seeded[n] for n in names}


def test_default_filter_hides_rejected_and_background(seeded: dict[str, int]) -> None:
    assert _ids(EventFilter()) == _names(seeded, "clash", "strike", "protest", "demo")
    assert count_events(EventFilter()) == 4


def test_dates(seeded: dict[str, int]) -> None:
    flt = EventFilter(date_from=date(2024, 1, 11), date_to=date(2024, 1, 19))
    assert _ids(flt) == _names(seeded, "strike", "demo")


def test_admin1_and_types(seeded: dict[str, int]) -> None:
    assert _ids(EventFilter(admin1=("Al-Hasakeh",))) == _names(seeded, "clash", "protest")
    assert _ids(EventFilter(event_types=("Battles",))) == _names(seeded, "clash")
    both = EventFilter(
        admin1=("Al-Hasakeh", "Deir-ez-Zor"), event_types=("Battles", "Explosions/Remote violence")
    )
    assert _ids(both) == _names(seeded, "clash", "strike")


def test_actor_is_case_insensitive_over_all_actor_columns(seeded: dict[str, int]) -> None:
    assert _ids(EventFilter(actor="islamic state")) == _names(seeded, "clash", "demo")
    assert _ids(EventFilter(actor="WOMEN")) == _names(seeded, "protest")  # assoc_actor_1
    assert _ids(EventFilter(actor="turkey (2016")) == _names(seeded, "strike")
    assert _ids(EventFilter(actor="%")) == set()  # LIKE wildcards are literal


def test_status_background_demo(seeded: dict[str, int]) -> None:
    assert _ids(EventFilter(statuses=("rejected",))) == _names(seeded, "rejected")
    assert _names(seeded, "rejected") <= _ids(EventFilter(statuses=()))
    assert _ids(EventFilter(event_types=("Battles",), include_background=True)) == _names(
        seeded, "clash", "past"
    )
    assert seeded["demo"] not in _ids(EventFilter(include_demo=False))


def test_text_search_notes_evidence_location(seeded: dict[str, int]) -> None:
    assert _ids(EventFilter(text="grain SILO")) == _names(seeded, "clash")
    assert _ids(EventFilter(text="نسائية")) == _names(seeded, "protest")
    assert _ids(EventFilter(text="busayrah")) == _names(seeded, "strike")
    assert _ids(EventFilter(text="مظاهره نسائيه")) == _names(seeded, "protest")  # ta marbuta written as ha
    assert _ids(EventFilter(text="50%_")) == set()


def test_report_and_ids(seeded: dict[str, int]) -> None:
    assert _ids(EventFilter(event_ids=(seeded["clash"], seeded["past"]))) == _names(seeded, "clash")


def test_order_limit_columns(seeded: dict[str, int]) -> None:
    df = query_events(EventFilter())
    assert list(df["id"]) == [seeded["protest"], seeded["strike"], seeded["demo"], seeded["clash"]]
    assert "extra" not in df.columns and {"version", "status", "evidence_text"} <= set(df.columns)
    top = query_events(EventFilter(), limit=2, columns=["id", "event_date"])
    assert list(top.columns) == ["id", "event_date"] and len(top) == 2
    empty = query_events(EventFilter(admin1=("Idlib",)))
    assert empty.empty and "event_type" in empty.columns


def test_timeline_counts_daily_and_weekly(seeded: dict[str, int]) -> None:
    daily = timeline_counts(EventFilter(), "D")
    assert list(daily.columns) == ["period", "event_type", "events", "fatalities"]
    assert pd.api.types.is_datetime64_any_dtype(daily["period"])
    row = daily[daily["period"] == pd.Timestamp("2024-01-12")].iloc[0]
    assert (row["event_type"], row["events"], row["fatalities"]) == ("Explosions/Remote violence", 1, 5)
    weekly = timeline_counts(EventFilter(), "W")
    # 2024-01-10 (Wed), 11 and 12 fall in the week of Monday 2024-01-08; the 20th in the week of the 15th.
    assert set(weekly["period"]) == {pd.Timestamp("2024-01-08"), pd.Timestamp("2024-01-15")}
    week8 = weekly[weekly["period"] == pd.Timestamp("2024-01-08")]
    assert week8["events"].sum() == 3 and week8["fatalities"].sum() == 7
    assert timeline_counts(EventFilter(admin1=("Idlib",)), "W").empty


def test_summary(seeded: dict[str, int]) -> None:
    s = summary(EventFilter())
    assert s["events"] == 4 and s["fatalities"] == 7
    assert s["date_min"] == date(2024, 1, 10) and s["date_max"] == date(2024, 1, 20)
    assert s["by_admin1"][0] == {"admin1": "Al-Hasakeh", "events": 2, "fatalities": 2}
    assert {d["event_type"]: d["events"] for d in s["by_type"]}["Explosions/Remote violence"] == 1


def test_map_points(seeded: dict[str, int]) -> None:
    df = map_points(EventFilter(statuses=()))
    assert list(df.columns) == list(MAP_COLUMNS)
    assert seeded["rejected"] not in set(df["id"])  # no coordinates, nothing to draw
    assert len(map_points(EventFilter(), limit=1)) == 1
