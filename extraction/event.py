"""The event record the extractor emits: ACLED's columns plus the evidence span.

One shape shared by the CLI, the store and the pages, so that a field added here reaches all of
them. It mirrors ``../shared/schema/event.schema.json``; ``to_dict`` is what the CLI prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Evidence:
    """Where in the report an event was read: ``report[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass
class Event:
    """One ACLED-style event: one location, one day, one event type."""

    event_date: str
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    fatalities: int
    evidence: Evidence
    date_min: str | None = None
    date_max: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    location_ar: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    notes: str | None = None
    background: bool = False
    confidence: float = 0.5
    # ACLED columns derived from the actors and the type (filled by extraction.acled).
    disorder_type: str | None = None
    inter1: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None
    source: str | None = None
    tags: str | None = None
    place_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict in schema field names (``extra`` is dropped when empty)."""
        d = asdict(self)
        if not d["extra"]:
            d.pop("extra")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Inverse of ``to_dict``; unknown keys go to ``extra``."""
        known = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in d.items() if k in known and k != "evidence"}
        ev = d.get("evidence") or {}
        kwargs["evidence"] = Evidence(int(ev.get("start", 0)), int(ev.get("end", 0)), str(ev.get("text", "")))
        extra = {k: v for k, v in d.items() if k not in known}
        if extra:
            kwargs.setdefault("extra", {}).update(extra)
        return cls(**kwargs)
