"""store.matching: what two reports' events must share to be one event, and what keeps them apart."""

from __future__ import annotations

from typing import Any

from store.matching import Thresholds, actors_compatible, best_match, km_between, match

TURKEY = "Military Forces of Turkey (2016-)"
SDF = "SDF: Syrian Democratic Forces"
SNA = "Syrian National Army"
OLD_ARMY = "Military Forces of Syria (2000-2024)"
NEW_ARMY = "Military Forces of Syria (2024-)"
CIVILIANS = "Civilians (Syria)"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
IS = "Islamic State (Syria)"


def strike(**over: Any) -> dict[str, Any]:
    """A Turkish drone strike at Amuda as one outlet reported it."""
    ev: dict[str, Any] = {
        "event_date": "2024-03-10",
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": TURKEY,
        "actor2": SDF,
        "location": "Amuda",
        "place_id": "gn-173230",
        "latitude": 37.10417,
        "longitude": 40.93,
        "geo_precision": 1,
        "fatalities": 2,
    }
    ev.update(over)
    return ev


def no_city(_: str | None) -> str | None:
    return None


def test_the_same_strike_from_another_outlet_matches() -> None:
    m = match(strike(fatalities=3, actor2=None), strike(), kind_of=no_city)
    assert m is not None and m.km == 0.0 and m.same_sub_type
    assert "2024-03-10" in m.reason and "Amuda" in m.reason


def test_same_place_and_day_but_another_type_stays_apart() -> None:
    clash = strike(event_type="Battles", sub_event_type="Armed clash")
    assert match(clash, strike(), kind_of=no_city) is None


def test_same_type_twenty_km_apart_stays_apart() -> None:
    # about 20 km due south of Amuda, another village (no shared place id)
    far = strike(place_id="v-south", location="Elsewhere", latitude=37.10417 - 0.18, longitude=40.93)
    assert 19 < km_between(37.10417, 40.93, 37.10417 - 0.18, 40.93) < 21
    assert match(far, strike(), kind_of=no_city) is None
    # ... while a point 1.5 km away (the village's other end, another gazetteer entry) is the same place
    near = strike(place_id="v-near", latitude=37.10417 - 0.0135, longitude=40.93)
    assert match(near, strike(), kind_of=no_city) is not None


def test_distance_follows_geo_precision_and_city_level_points() -> None:
    eight_km = {"place_id": "x-8km", "latitude": 37.10417 - 0.072, "longitude": 40.93}
    assert match(strike(**eight_km), strike(), kind_of=no_city) is None  # two villages 8 km apart
    # "near Amuda" (precision 2) covers 10 km
    assert match(strike(**eight_km, geo_precision=2), strike(), kind_of=no_city) is not None
    # a city-level point covers the city: a neighbourhood 6 km from the centre is in it
    city = {"gn-173230": "city"}
    hood = strike(place_id="hood", latitude=37.10417 - 0.054, longitude=40.93)
    assert match(hood, strike(), kind_of=city.get) is not None
    assert match(hood, strike(), kind_of=no_city) is None
    # a region's centroid (precision 3) matches only the same region
    region = strike(place_id="region-a", geo_precision=3, latitude=37.10417 - 0.01, longitude=40.93)
    assert match(region, strike(place_id="region-b", geo_precision=3), kind_of=no_city) is None
    assert match(region, strike(place_id="region-a", geo_precision=3, latitude=37.0), kind_of=no_city)


def test_new_government_force_after_december_2024_is_not_the_old_army() -> None:
    when = {"event_date": "2025-01-15", "event_type": "Battles", "sub_event_type": "Armed clash"}
    new = strike(**when, actor1=NEW_ARMY, actor2=SDF)
    old = strike(**when, actor1=OLD_ARMY, actor2=SDF)
    assert match(new, old, kind_of=no_city) is None
    assert match(new, strike(**when, actor1=NEW_ARMY, actor2=SDF), kind_of=no_city) is not None


def test_different_days_stay_apart_and_windows_overlap() -> None:
    assert match(strike(event_date="2024-03-11"), strike(), kind_of=no_city) is None
    week = strike(event_date="2024-03-11", date_min="2024-03-05", date_max="2024-03-11", time_precision=2)
    assert match(week, strike(), kind_of=no_city) is not None
    wider = Thresholds(max_day_gap=1)
    assert match(strike(event_date="2024-03-11"), strike(), wider, kind_of=no_city) is not None


def test_actor_families() -> None:
    assert actors_compatible(strike(actor1=SNA), strike())  # "the Turkish occupation and its mercenaries"
    assert actors_compatible(
        strike(actor1=UNIDENTIFIED), strike()
    )  # an unnamed attacker may be named elsewhere
    assert actors_compatible(strike(actor2=CIVILIANS), strike())  # victims described otherwise
    assert not actors_compatible(strike(actor1=IS), strike())
    swapped = strike(event_type="Battles", sub_event_type="Armed clash", actor1=SDF, actor2=TURKEY)
    assert actors_compatible(swapped, strike(event_type="Battles", sub_event_type="Armed clash"))


def test_compatible_sub_types_and_flags() -> None:
    shelling = strike(sub_event_type="Shelling/artillery/missile attack")
    m = match(shelling, strike(), kind_of=no_city)
    assert m is not None and not m.same_sub_type
    assert match(strike(sub_event_type="Grenade"), strike(), kind_of=no_city) is None
    assert match(strike(background=True), strike(), kind_of=no_city) is None
    assert match(strike(is_demo=True), strike(), kind_of=no_city) is None


def test_best_match_prefers_the_nearest_then_the_same_sub_type() -> None:
    a = strike(id=1, place_id="a", latitude=37.10417 - 0.02)
    b = strike(
        id=2, place_id="b", latitude=37.10417 - 0.005, sub_event_type="Shelling/artillery/missile attack"
    )
    c = strike(id=3, place_id="c", latitude=37.10417 - 0.005)
    found = best_match(strike(place_id="new"), [a, b, c], kind_of=no_city)
    assert found is not None and found[0]["id"] == 3
    assert best_match(strike(event_date="2024-04-01"), [a, b, c], kind_of=no_city) is None
