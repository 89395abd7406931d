"""store.demo: plausible, reproducible, marked demo events, inserted in bulk."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date

from store.demo import FIRST_DAY, LAST_DAY, demo_places, killed_phrase, load_patterns, make_demo, make_rows
from store.events import count_events, query_events
from store.filters import EventFilter
from store.validation import taxonomy
from tests.store.conftest import ROOT, run_cli


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


def test_every_row_follows_a_pattern_in_its_place_and_era() -> None:
    """Plausible pairings only: each event is one row of data/demo_patterns.csv, where and when it applies."""
    patterns = load_patterns()
    areas = {p["id"]: (p["area"], p["admin1"]) for p in demo_places()}
    rows = make_rows(3000, seed=5)
    for r in rows:
        area, admin1 = areas[r["place_id"]]
        assert any(
            (p.event_type, p.sub_event_type, p.actor1, p.actor2)
            == (r["event_type"], r["sub_event_type"], r["actor1"], r["actor2"])
            and p.valid_from <= r["event_date"] <= p.valid_to
            and (not p.where or area in p.where or admin1 in p.where)
            for p in patterns
        ), r
        assert r["is_demo"] and r["notes"].startswith("Demo event.")
        assert r["location_ar"] in r["evidence_text"] and r["evidence_end"] == len(r["evidence_text"])
    new_army = [r for r in rows if "Military Forces of Syria (2024-)" in (r["actor1"], r["actor2"])]
    assert new_army and all(r["event_date"] >= date(2024, 12, 8) for r in new_army)


def test_the_north_east_weighs_more_than_aleppo_and_deaths_are_few() -> None:
    rows = make_rows(5000, seed=2)
    share = Counter(r["admin1"] for r in rows)
    assert share["Al-Hasakah"] > share["Aleppo"] * 2 and share["Deir ez-Zor"] > share["Aleppo"] * 2
    assert share["Raqqa"] > share["Aleppo"]
    assert {r["admin2"] for r in rows if r["admin1"] == "Aleppo"} <= {"Manbij", "Ayn al-Arab", "Al-Bab"}
    top_place_share = Counter(r["location"] for r in rows).most_common(1)[0][1] / len(rows)
    assert top_place_share < 0.12
    fatalities = [r["fatalities"] for r in rows]
    assert sum(f <= 3 for f in fatalities) / len(rows) > 0.85 and max(fatalities) <= 20
    assert Counter(fatalities)[0] > len(rows) / 2


def test_arabic_fatality_phrases_agree_with_the_number() -> None:
    phrases = {"killed_1": {"template_ar": "مقتل شخص واحد."}, "killed_2": {"template_ar": "مقتل شخصين."},
               "killed_few": {"template_ar": "مقتل {n} أشخاص."}, "killed_many": {"template_ar": "مقتل {n} شخصاً."}}  # fmt: skip
    assert killed_phrase(0, phrases, "ar") == ""
    assert killed_phrase(2, phrases, "ar") == "مقتل شخصين."
    assert killed_phrase(10, phrases, "ar") == "مقتل 10 أشخاص."
    assert killed_phrase(11, phrases, "ar") == "مقتل 11 شخصاً."


def test_demo_tables_are_consistent() -> None:
    """Every area of demo_patterns.csv exists in demo_areas.csv and has places; every table has a note."""
    areas = {r["area"] for r in csv.DictReader((ROOT / "data" / "demo_areas.csv").open(encoding="utf-8"))}
    governorates = {p["admin1"] for p in demo_places()}
    assert areas == {p["area"] for p in demo_places()}
    for p in load_patterns():
        assert p.where <= areas | governorates, p
        assert "{place}" in p.note_en or p.note_en.count("{") == 0
    for name in ("demo_areas.csv", "demo_patterns.csv", "demo_phrases.csv"):
        with (ROOT / "data" / name).open(encoding="utf-8") as f:
            assert all(r["note"] for r in csv.DictReader(f)), name
