"""Places analysts add or correct, used by the extractor on top of the shipped gazetteer.

Rows keep the gazetteer CSV's shape so ``list_places()`` can be handed to the extractor as
``extra_places`` as is. Nothing is deleted: an alias an analyst proposes is its own row that
points at the place it names (``alias_of``).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, is_dataclass
from typing import Any

from sqlalchemy import insert, select

from store import db
from store.columns import GAZETTEER_COLUMNS, PLACE_COLUMNS, PLACE_KINDS
from store.errors import NotFound, ValidationError
from store.models import places, utcnow
from store.spreadsheet import csv_bytes
from store.validation import MAX_TEXT, check_analyst, check_text, is_missing, whole_number

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_FLOATS = ("lat", "lon")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(GAZETTEER_COLUMNS) - {"alias_of"})
    if unknown:
        raise ValidationError(f"unknown place field(s): {', '.join(unknown)}")
    row: dict[str, Any] = {}
    for key, value in fields.items():
        if is_missing(value):
            row[key] = None
        elif key in _FLOATS:
            try:
                row[key] = float(value)
            except (TypeError, ValueError):
                raise ValidationError(f"{key}: {value!r} is not a number") from None
        elif key in ("population", "geo_precision"):
            row[key] = whole_number(key, value)
        else:
            limit = getattr(places.c[key].type, "length", None) or MAX_TEXT
            row[key] = check_text(key, str(value).strip(), limit)
    return row


def _check(row: dict[str, Any]) -> None:
    name_ar = row.get("name_ar") or ""
    if not _ARABIC.search(name_ar):
        raise ValidationError("name_ar must be the place's Arabic name (in Arabic letters)")
    if row.get("kind") not in PLACE_KINDS:
        raise ValidationError(f"kind must be one of {', '.join(PLACE_KINDS)}, not {row.get('kind')!r}")
    if row.get("geo_precision") not in (None, 1, 2, 3):
        raise ValidationError(f"geo_precision must be 1, 2 or 3, not {row['geo_precision']!r}")
    lat, lon = row.get("lat"), row.get("lon")
    if lat is None or lon is None:
        if not row.get("located_by"):
            raise ValidationError(
                "give lat and lon, or in located_by the id of the place whose point it takes"
            )
        _known_place(row["located_by"], what="located_by")
    else:
        if not -90 <= lat <= 90:
            raise ValidationError(f"lat {lat} is outside -90..90")
        if not -180 <= lon <= 180:
            raise ValidationError(f"lon {lon} is outside -180..180")


def add_place(fields: dict[str, Any], analyst: str) -> str:
    """Store a place an analyst added or corrected; returns its id (generated when not given)."""
    analyst = check_analyst(analyst)
    row = _clean(fields)
    _check(row)
    row["id"] = row.get("id") or f"rasd-{uuid.uuid4().hex[:10]}"
    row["source"] = row.get("source") or f"added by {analyst or 'an analyst'} in Rasd"
    with db.write() as conn:
        if conn.execute(select(places.c.id).where(places.c.id == row["id"])).first() is not None:
            raise ValidationError(f"a place with id {row['id']} was already added")
        conn.execute(insert(places).values(**row, added_by=analyst, added_at=utcnow()))
    return row["id"]


def _known_place(place_id: str, what: str = "place") -> dict[str, Any]:
    """A place from the store, else from the shipped gazetteer, as a dict of gazetteer columns."""
    with db.read() as conn:
        row = conn.execute(select(places).where(places.c.id == place_id)).first()
    if row is not None:
        return dict(row._mapping)
    try:
        from extraction.gazetteer import load_gazetteer

        place = load_gazetteer().get(place_id)
    except ImportError:
        place = None
    if place is None:
        if what != "place":
            raise ValidationError(f"{what}: no place with id {place_id!r}")
        raise NotFound(f"no place with id {place_id}")
    d = asdict(place) if is_dataclass(place) else dict(place)
    return {k: d.get(k) for k in GAZETTEER_COLUMNS}


def add_alias_candidate(place_id: str, alias_ar: str, analyst: str) -> str:
    """Record an Arabic name an analyst says means an existing place; returns the new row's id."""
    target = _known_place(place_id)
    alias_ar = (alias_ar or "").strip()
    fields = {k: target.get(k) for k in GAZETTEER_COLUMNS if k not in ("id", "source")}
    fields.update(name_ar=alias_ar, aliases_ar=alias_ar, alias_of=place_id, located_by=place_id)
    if isinstance(fields.get("aliases_en"), list):
        fields["aliases_en"] = "|".join(fields["aliases_en"])
    return add_place(fields, analyst)


def _rows(meta: bool) -> list[dict[str, Any]]:
    cols = PLACE_COLUMNS if meta else GAZETTEER_COLUMNS
    with db.read() as conn:
        rows = conn.execute(
            select(*(places.c[c] for c in cols)).order_by(places.c.added_at, places.c.id)
        ).all()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def list_places(include_meta: bool = False) -> list[dict[str, Any]]:
    """Analysts' places as gazetteer rows (``extra_places`` for the extractor); ``include_meta`` adds
    alias_of, added_by and added_at for the Places page."""
    return _rows(include_meta)


def export_places_csv() -> bytes:
    """The analysts' places as CSV (UTF-8 with BOM), to merge into data/places_extra.csv; a name a
    spreadsheet would run as a formula is neutralised (store.spreadsheet)."""
    return csv_bytes(PLACE_COLUMNS, ([row[c] for c in PLACE_COLUMNS] for row in _rows(True)))
