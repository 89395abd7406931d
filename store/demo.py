"""Synthetic demo events for demos and benchmarks: plausible, clearly marked (``is_demo``), fast to make.

Plausible means drawn from data, not from random combinations:

- ``data/demo_areas.csv``: the areas of the north-east with a weight (Hasakah, Deir ez-Zor and Raqqa
  most, the SDF-held edge of Aleppo less); within an area, places are weighted by population.
- ``data/demo_patterns.csv``: who does what to whom and where (Turkey → SDF drone strikes on the
  border strip, IS → SDF IEDs in Deir ez-Zor, SDF → civilians arrests, protests, tribal clashes…), each
  with the dates it applies to (ACLED's era split of the Syrian army at 8 December 2024) and templates
  for the English notes and the Arabic evidence sentence.
- ``data/demo_phrases.csv``: the "… killed" phrases, with Arabic number agreement.

Events are drawn place first (so the map follows the area weights), then a pattern valid for that area
and day. Notes start with "Demo event" and every row has ``is_demo=True``.
"""

from __future__ import annotations

import bisect
import csv
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Any

from sqlalchemy import insert

from store import db
from store.errors import StoreError
from store.models import events, utcnow
from store.validation import taxonomy

FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2026, 10, 31)
CHUNK = 5000
DATA = db.ROOT / "data"
# Kinds that name a point a report would use; areas (districts, sub-districts) only where no point exists.
POINT_KINDS = {"city": 0.8, "town": 0.5, "village": 0.15, "camp": 0.2, "airport": 0.05, "dam": 0.05,
               "crossing": 0.03, "facility": 0.05, "mountain": 0.02}  # fmt: skip
# Fatalities: mostly none or few, a long thin tail (values, weights).
FATALITIES = {
    "none": ((0,), (1,)),
    "low": ((0, 1, 2, 3), (70, 18, 8, 4)),
    "harm": ((0, 1, 2, 3, 4, 5, 7, 10), (40, 24, 13, 9, 5, 4, 3, 2)),
    "clash": ((0, 1, 2, 3, 4, 5, 6, 8, 12, 20), (30, 20, 15, 11, 8, 6, 4, 3, 2, 1)),
}


@dataclass(frozen=True)
class Pattern:
    """One plausible (type, sub-type, actor1, actor2) with where and when it applies."""

    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None
    weight: float
    where: frozenset[str]  # area names or governorates; empty = anywhere
    valid_from: date
    valid_to: date
    fatalities: str
    note_en: str
    evidence_ar: str


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():
        raise StoreError(f"the demo needs {path.relative_to(db.ROOT)}")
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]


def _day(text: str, default: date) -> date:
    return date.fromisoformat(text) if text else default


def _actor_eras() -> dict[str, tuple[date, date]]:
    """Canonical actor names with the days they existed (data/actors.csv's valid_from/valid_to)."""
    eras: dict[str, tuple[date, date]] = {}
    for row in _rows("actors.csv"):
        if row.get("canonical"):
            eras[row["canonical"]] = (
                _day(row.get("valid_from", ""), date.min),
                _day(row.get("valid_to", ""), date.max),
            )
    return eras


@lru_cache(maxsize=1)
def load_patterns() -> tuple[Pattern, ...]:
    """The pattern table, checked: valid ACLED types, known actors, dates inside each actor's era."""
    types, _ = taxonomy()
    eras = _actor_eras()
    out = []
    for n, r in enumerate(_rows("demo_patterns.csv"), start=2):
        if r["sub_event_type"] not in types.get(r["event_type"], ()):
            raise StoreError(
                f"demo_patterns.csv line {n}: {r['sub_event_type']!r} is not a {r['event_type']!r}"
            )
        start, end = _day(r["valid_from"], FIRST_DAY), _day(r["valid_to"], LAST_DAY)
        for actor in filter(None, (r["actor1"], r["actor2"])):
            if actor not in eras:
                raise StoreError(f"demo_patterns.csv line {n}: unknown actor {actor!r} (not in actors.csv)")
            start, end = max(start, eras[actor][0]), min(end, eras[actor][1])
        if r["fatalities"] not in FATALITIES:
            raise StoreError(f"demo_patterns.csv line {n}: fatalities must be one of {sorted(FATALITIES)}")
        out.append(
            Pattern(
                r["event_type"],
                r["sub_event_type"],
                r["actor1"],
                r["actor2"] or None,
                float(r["weight"]),
                frozenset(w.strip() for w in r["where"].split(";") if w.strip()),
                start,
                end,
                r["fatalities"],
                r["note_en"],
                r["evidence_ar"],
            )  # fmt: skip
        )
    return tuple(out)


def _float(text: Any) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


@lru_cache(maxsize=1)
def demo_places() -> tuple[dict[str, Any], ...]:
    """Located gazetteer places in the demo areas, each with its area and a draw weight.

    A point's population is its own when the gazetteer has it, else a share of its sub-district's; a
    sub-district centroid is used (at geo precision 2) only when the sub-district has no point.
    """
    areas = _rows("demo_areas.csv")
    gaz = _rows("gazetteer.csv")
    subdistrict_pop = {
        (r["admin1"], r["admin3"]): _float(r["population"]) or 0.0 for r in gaz if r["kind"] == "sub-district"
    }
    with_points = {(r["admin1"], r["admin3"]) for r in gaz if r["kind"] in POINT_KINDS}
    places: list[dict[str, Any]] = []
    for area in areas:
        members = []
        for r in gaz:
            lat, lon = _float(r["lat"]), _float(r["lon"])
            if lat is None or lon is None or r["admin1"] != area["admin1"]:
                continue
            if (area["admin2"] and r["admin2"] != area["admin2"]) or (
                area["admin3"] and r["admin3"] != area["admin3"]
            ):
                continue
            key = (r["admin1"], r["admin3"])
            if r["kind"] in POINT_KINDS:
                pop = _float(r["population"]) or POINT_KINDS[r["kind"]] * (subdistrict_pop.get(key) or 20_000)
                precision = 1
            elif r["kind"] == "sub-district" and key not in with_points:
                pop, precision = 0.3 * (subdistrict_pop.get(key) or 10_000), 2
            else:
                continue
            members.append(
                {**r, "lat": lat, "lon": lon, "area": area["area"], "geo": precision, "w": pop**0.75}
            )
        total = sum(m["w"] for m in members)
        for m in members:
            m["w"] = float(area["weight"]) * m["w"] / total
        places.extend(members)
    if not places:
        raise StoreError("no located places in the gazetteer for the demo areas (data/demo_areas.csv)")
    return tuple(places)


def _phrases() -> dict[str, dict[str, str]]:
    return {r["key"]: r for r in _rows("demo_phrases.csv")}


def killed_phrase(n: int, phrases: dict[str, dict[str, str]], lang: str) -> str:
    """ "… killed" in Arabic (with number agreement) or English; empty for no fatalities."""
    if n <= 0:
        return ""
    key = "killed_1" if n == 1 else "killed_2" if n == 2 else "killed_few" if n <= 10 else "killed_many"
    return phrases[key][f"template_{lang}"].format(n=n)


class _Chooser:
    """Patterns valid for one area on one day, drawn by weight (cumulative weights cached per era)."""

    def __init__(self, patterns: tuple[Pattern, ...]) -> None:
        self.patterns = patterns
        cuts = {FIRST_DAY, LAST_DAY + timedelta(days=1)}
        for p in patterns:
            cuts |= {p.valid_from, p.valid_to + timedelta(days=1)}
        self.cuts = sorted(c for c in cuts if FIRST_DAY <= c <= LAST_DAY + timedelta(days=1))
        self.cache: dict[tuple[str, str, int], tuple[list[Pattern], list[float]]] = {}

    def choose(self, rng: random.Random, area: str, admin1: str, day: date) -> Pattern:
        era = bisect.bisect_right(self.cuts, day) - 1
        key = (area, admin1, era)
        if key not in self.cache:
            start = self.cuts[era]
            ok = [p for p in self.patterns if p.valid_from <= start <= p.valid_to
                  and (not p.where or area in p.where or admin1 in p.where)]  # fmt: skip
            if not ok:
                raise StoreError(f"no demo pattern applies to {area} on {day}: add one to demo_patterns.csv")
            self.cache[key] = (ok, list(accumulate(p.weight for p in ok)))
        ok, cum = self.cache[key]
        return rng.choices(ok, cum_weights=cum)[0]


def make_rows(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` event rows, reproducible for a given seed."""
    rng = random.Random(seed)
    places = demo_places()
    chooser = _Chooser(load_patterns())
    phrases = _phrases()
    _, disorder = taxonomy()
    span = (LAST_DAY - FIRST_DAY).days
    now = utcnow()
    picked = rng.choices(places, cum_weights=list(accumulate(p["w"] for p in places)), k=n)
    rows = []
    for place in picked:
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        pat = chooser.choose(rng, place["area"], place["admin1"], day)
        values, weights = FATALITIES[pat.fatalities]
        fatalities = rng.choices(values, weights)[0]
        tp = rng.choices((1, 2, 3), (85, 10, 5))[0]
        geo = place["geo"] if rng.random() < 0.85 else 2
        jitter = 0.0 if geo == 1 else 0.02
        name_en = place["name_en"] or place["name_ar"]
        name_ar = place["name_ar"] or place["name_en"]
        evidence = pat.evidence_ar.format(place=name_ar)
        if fatalities:
            evidence = f"{evidence.rstrip('.')}، {killed_phrase(fatalities, phrases, 'ar')}"
        note = pat.note_en.format(place=name_en, admin1=place["admin1"])
        if len(note) > 1 and note[1].islower():  # "On <day>, a Turkish drone…" but "…, IS gunmen…"
            note = note[0].lower() + note[1:]
        rows.append(
            {
                "event_date": day,
                "date_min": day if tp == 1 else day - timedelta(days=6 if tp == 2 else 29),
                "date_max": day,
                "time_precision": tp,
                "disorder_type": disorder.get(pat.sub_event_type),
                "event_type": pat.event_type,
                "sub_event_type": pat.sub_event_type,
                "actor1": pat.actor1,
                "actor2": pat.actor2,
                "admin1": place["admin1"],
                "admin2": place["admin2"] or None,
                "admin3": place["admin3"] or None,
                "location": name_en,
                "location_ar": name_ar,
                "place_id": place["id"],
                # Southward only: the Turkish border runs just north of Qamishli, Amuda, Kobani…
                "latitude": round(place["lat"] - rng.uniform(0, jitter), 5),
                "longitude": round(place["lon"] + rng.uniform(-jitter, jitter), 5),
                "geo_precision": geo,
                "source": "Rasd demo data",
                "source_scale": "Other",
                "notes": " ".join(
                    filter(
                        None,
                        (
                            f"Demo event. On {day.isoformat()}, {note}",
                            killed_phrase(fatalities, phrases, "en"),
                        ),
                    )
                ),  # fmt: skip
                "fatalities": fatalities,
                "evidence_start": 0,
                "evidence_end": len(evidence),
                "evidence_text": evidence,
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
