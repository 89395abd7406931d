"""A place named in a report, as find_places returns it."""

from __future__ import annotations

from dataclasses import dataclass, field

from extraction.gazetteer import Place


@dataclass(slots=True)
class PlaceMention:
    """A place named in the report: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    place: Place
    geo_precision: int | None
    qualifier: str | None = None
    kind_hint: str | None = field(default=None, repr=False)
    # Other places of the same name the report's context could not rule out (the analyst is told).
    alternatives: list[Place] = field(default_factory=list, repr=False)

    @property
    def lat(self) -> float | None:
        return self.place.point()[0]

    @property
    def lon(self) -> float | None:
        return self.place.point()[1]

    def to_dict(self) -> dict:
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": p.id,
            "name_en": p.name_en,
            "name_ar": p.name_ar,
            "lat": self.lat,
            "lon": self.lon,
            "kind": p.kind,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "admin3": p.admin3,
            "geo_precision": self.geo_precision,
            "qualifier": self.qualifier,
            "alternatives": [brief(a) for a in self.alternatives],
        }


def brief(p: Place) -> dict:
    """A place as an ambiguous mention's candidate: what tells it apart and where it is (JSON-ready)."""
    lat, lon, prec = p.point()
    return {"id": p.id, "name_en": p.name_en, "name_ar": p.name_ar, "kind": p.kind, "admin1": p.admin1,
            "admin2": p.admin2, "admin3": p.admin3, "lat": lat, "lon": lon, "geo_precision": prec}  # fmt: skip
