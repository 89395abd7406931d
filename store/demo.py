"""Synthetic demo events for demos and benchmarks: plausible, clearly marked (``is_demo``), fast to make.

Places come from the gazetteer's located places in the four governorates Rasd covers, actors from the
actor list, types from ACLED's taxonomy; nothing here pretends to be a real event (the notes say
"Demo event").
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert

from store import db
from store.errors import StoreError
from store.models import events, utcnow
from store.validation import taxonomy

# Governorates the demo spreads over, matched loosely against the gazetteer's admin1 spellings.
GOVERNORATE_KEYS = ("hasak", "deir", "raqq", "alep", "halab")
FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2026, 10, 31)
# Rough shares of event types in NE Syria in ACLED's data (order as in acled_types.csv).
TYPE_WEIGHTS = {
    "Battles": 22,
    "Explosions/Remote violence": 30,
    "Violence against civilians": 14,
    "Protests": 10,
    "Riots": 3,
    "Strategic developments": 21,
}
CIVILIANS = "Civilians (Syria)"
PROTESTERS = "Protesters (Syria)"
RIOTERS = "Rioters (Syria)"
CHUNK = 5000


def _is_covered(admin1: str | None) -> bool:
    low = (admin1 or "").lower()
    return any(k in low for k in GOVERNORATE_KEYS)


def demo_places() -> list[dict[str, Any]]:
    """Located gazetteer places in Hasakah, Deir ez-Zor, Raqqa and Aleppo governorates."""
    rows: list[dict[str, Any]] = []
    try:
        from extraction.gazetteer import load_gazetteer

        for p in load_gazetteer().places:
            rows.append(
                {
                    k: getattr(p, k, None)
                    for k in (
                        "id",
                        "name_en",
                        "name_ar",
                        "lat",
                        "lon",
                        "kind",
                        "admin1",
                        "admin2",
                        "admin3",
                        "population",
                    )
                }
            )
    except ImportError:
        path = db.ROOT / "data" / "gazetteer.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
    places = []
    for r in rows:
        try:
            lat, lon = float(r.get("lat") or "nan"), float(r.get("lon") or "nan")
        except (TypeError, ValueError):
            continue
        if lat == lat and lon == lon and _is_covered(r.get("admin1")) and r.get("kind") != "governorate":
            places.append({**r, "lat": lat, "lon": lon})
    if not places:
        raise StoreError("no located places in the gazetteer for the demo: build it first (make gazetteer)")
    return places


def demo_actors() -> list[tuple[str, date, date]]:
    """Canonical actor names with the days they existed (data/actors.csv's eras, else extraction.actors)."""
    eras: dict[str, tuple[date, date]] = {}
    path = db.ROOT / "data" / "actors.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                name = (row.get("canonical") or "").strip()
                if not name:
                    continue
                start = date.fromisoformat(row["valid_from"]) if row.get("valid_from") else date.min
                end = date.fromisoformat(row["valid_to"]) if row.get("valid_to") else date.max
                eras[name] = (start, end)
    else:
        try:
            from extraction.actors import actor_names

            eras = {n: (date.min, date.max) for n in actor_names()}
        except ImportError:
            pass
    actors = [(n, s, e) for n, (s, e) in sorted(eras.items()) if n not in (CIVILIANS, PROTESTERS, RIOTERS)]
    if len(actors) < 2:
        raise StoreError("no actor list for the demo yet (data/actors.csv)")
    return actors


def _actor(
    rng: random.Random, actors: list[tuple[str, date, date]], day: date, other: str | None = None
) -> str:
    """An actor that existed on ``day`` (ACLED splits some actors by era), not ``other``."""
    while True:
        name, start, end = rng.choice(actors)
        if start <= day <= end and name != other:
            return name


def _fatalities(rng: random.Random, event_type: str) -> int:
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return rng.choices((0, 1, 2, 3, 4, 5, 7, 10, 12, 20), (30, 22, 14, 9, 6, 5, 4, 4, 3, 1))[0]
    if event_type == "Riots":
        return rng.choices((0, 1, 2), (85, 10, 5))[0]
    return 0


def _weight(p: dict[str, Any]) -> float:
    try:
        pop = float(p.get("population") or 0)
    except (TypeError, ValueError):
        pop = 0.0
    return 1.0 + min(pop, 500_000) / 20_000


def make_rows(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` event rows, reproducible for a given seed."""
    rng = random.Random(seed)
    places = demo_places()
    weights = [_weight(p) for p in places]
    actors = demo_actors()
    types, disorder = taxonomy()
    type_names = list(types)
    type_w = [TYPE_WEIGHTS.get(t, 5) for t in type_names]
    span = (LAST_DAY - FIRST_DAY).days
    now = utcnow()
    rows = []
    picked_places = rng.choices(places, weights, k=n)
    for i in range(n):
        place = picked_places[i]
        et = rng.choices(type_names, type_w)[0]
        st = rng.choice(types[et])
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        if et in ("Protests", "Riots"):
            a1 = PROTESTERS if et == "Protests" else RIOTERS
            a2 = _actor(rng, actors, day) if rng.random() < 0.3 else None
        else:
            a1 = _actor(rng, actors, day)
            if et == "Violence against civilians":
                a2 = CIVILIANS
            else:
                a2 = _actor(rng, actors, day, other=a1) if rng.random() < 0.6 else None
        geo = rng.choices((1, 2, 3), (80, 15, 5))[0]
        tp = rng.choices((1, 2, 3), (85, 10, 5))[0]
        name = place.get("name_en") or place.get("name_ar") or ""
        rows.append(
            {
                "event_date": day,
                "date_min": day if tp == 1 else day - timedelta(days=6 if tp == 2 else 29),
                "date_max": day,
                "time_precision": tp,
                "disorder_type": disorder.get(st),
                "event_type": et,
                "sub_event_type": st,
                "actor1": a1,
                "actor2": a2,
                "admin1": place.get("admin1"),
                "admin2": place.get("admin2"),
                "admin3": place.get("admin3"),
                "location": name,
                "location_ar": place.get("name_ar"),
                "place_id": place.get("id"),
                "latitude": round(place["lat"] + (rng.uniform(-0.02, 0.02) if geo > 1 else 0.0), 5),
                "longitude": round(place["lon"] + (rng.uniform(-0.02, 0.02) if geo > 1 else 0.0), 5),
                "geo_precision": geo,
                "source": "Rasd demo data",
                "source_scale": "Other",
                "notes": f"Demo event: {st.lower()} in {name} ({a1}{' vs ' + a2 if a2 else ''}).",
                "fatalities": _fatalities(rng, et),
                "tags": "demo",
                "background": rng.random() < 0.03,
                "confidence": round(rng.uniform(0.4, 0.95), 2),
                "status": rng.choices(("extracted", "reviewed", "rejected"), (70, 25, 5))[0],
                "version": 1,
                "created_at": now,
                "created_by": "demo",
                "updated_at": now,
                "updated_by": "demo",
                "is_demo": True,
            }
        )
    return rows


def make_demo(n: int, seed: int = 0) -> int:
    """Insert ``n`` demo events in bulk; returns how many were inserted."""
    if n < 0:
        raise StoreError("the number of demo events must be 0 or more")
    rows = make_rows(n, seed)
    with db.write() as conn:
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(events), rows[start : start + CHUNK])
    return len(rows)
