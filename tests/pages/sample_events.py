"""Events for page and browser tests, stored through the store's public API (no demo data needed)."""

from __future__ import annotations

from datetime import date, timedelta

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]
PLACES = [
    ("Qamishli", "القامشلي", 37.0522, 41.2317, "Al-Hasakah"),
    ("Al-Hasakah", "الحسكة", 36.5024, 40.7477, "Al-Hasakah"),
    ("Deir ez-Zor", "دير الزور", 35.3359, 40.1408, "Deir-ez-Zor"),
]
XSS = "<script>window.__rasd_xss = 1</script> قصف على القامشلي"


def sample_events(n: int = 30, start: date = date(2024, 8, 1), xss: bool = True) -> list[dict]:
    out = []
    for i in range(n):
        etype, sub = TYPES[i % len(TYPES)]
        name, name_ar, lat, lon, admin1 = PLACES[i % len(PLACES)]
        text = XSS if xss and i == 0 else f"قتل {i % 4} أشخاص في {name_ar}"
        out.append(
            {
                "event_date": (start + timedelta(days=i % 20)).isoformat(),
                "event_type": etype,
                "sub_event_type": sub,
                "actor1": "Syrian Democratic Forces",
                "actor2": "Islamic State" if etype == "Battles" else None,
                "location": name,
                "location_ar": name_ar,
                "latitude": lat + 0.01 * (i % 7),
                "longitude": lon + 0.01 * (i % 5),
                "geo_precision": 1,
                "admin1": admin1,
                "fatalities": i % 4,
                "notes": f"note {i} <b>bold?</b>",
                "background": i % 10 == 9,
                "evidence": {"start": 0, "end": len(text), "text": text},
            }
        )
    return out


def seed(n: int = 30, xss: bool = True) -> int:
    """Store one report with ``n`` events; returns the report id."""
    from store.reports import add_report

    events = sample_events(n, xss=xss)
    text = "\n".join(e["evidence"]["text"] for e in events)
    for e in events:  # offsets into the joined text, so the evidence is a real span of the report
        start = text.index(e["evidence"]["text"])
        e["evidence"] = {
            "start": start,
            "end": start + len(e["evidence"]["text"]),
            "text": e["evidence"]["text"],
        }
    return add_report(text, "2024-08-21", source="Test source", events=events, analyst="tester").report_id
