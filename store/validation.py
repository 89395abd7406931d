"""Coerce and check event values before they reach the database.

Values come from the data editor (pandas types, NaN for empty), from the CLI (strings) and from the
extractor (Python types); they are brought to one Python type per column so that "did it really
change?" compares like with like, and refused with a message that names the field.

Bounds are checked here, not left to the database, so that a bad value gets the same one-line answer
on SQLite and PostgreSQL: ids and whole numbers within PostgreSQL's INTEGER (SQLite would take 64 bits,
or overflow in the driver), text within its column's length (PostgreSQL's VARCHAR(n) refuses what
SQLite keeps), no NUL character (PostgreSQL refuses it, SQLite cuts text at it), no date in the future.
"""

from __future__ import annotations

import csv
import math
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from store.columns import (
    BOOL_FIELDS,
    DATE_FIELDS,
    EDITABLE_FIELDS,
    FLOAT_FIELDS,
    ID_FIELDS,
    INT_FIELDS,
    REQUIRED_FIELDS,
    STATUSES,
)
from store.db import ROOT
from store.errors import ValidationError
from store.models import events

INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # PostgreSQL's INTEGER, the type of every id and count column
MAX_FATALITIES = 100_000  # per event; no single event in ACLED's Syria data comes near it
MAX_TEXT = 1_000_000  # a TEXT column (notes, evidence), as long as the longest report the app takes
MAX_NAME = 200  # an analyst's name (the *_by columns)
MAX_FILTER_CHARS = (
    200  # an actor or text filter: longer patterns only slow the query (or break SQLite's LIKE)
)
# A date "today" in Syria (UTC+3) can be tomorrow for a server on UTC: one day of grace.
FUTURE_GRACE = timedelta(days=1)


def _shown(value: Any) -> str:
    """A value quoted for a message, cut so that a 50,000-character value still makes one short line."""
    r = repr(value)
    return r if len(r) <= 40 else r[:37] + "..."


def check_id(value: Any, what: str = "event id") -> int:
    """An id as an int, or ValidationError: a whole number from 1 to INTEGER's maximum."""
    n = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str) and value.strip().isdigit():
        n = int(value.strip())
    if n is None or not 1 <= n <= INT_MAX:
        raise ValidationError(f"{what} must be a whole number from 1 to {INT_MAX:,}, not {_shown(value)}")
    return n


def check_text(field: str, value: str, limit: int) -> str:
    """Refuse a NUL character (PostgreSQL cannot store it) and text longer than its column holds."""
    if "\x00" in value:
        raise ValidationError(f"{field}: contains a NUL character (\\x00), which text cannot hold")
    if len(value) > limit:
        raise ValidationError(f"{field}: {len(value):,} characters, more than the {limit:,} it can hold")
    return value


def check_analyst(name: Any) -> str:
    """The name that signs a change: not blank, one short line."""
    clean = str(name or "").strip()
    if not clean:
        raise ValidationError("the analyst's name is empty: every change is signed with a name")
    if any(ch in clean for ch in "\r\n"):
        raise ValidationError("the analyst's name must be one line")
    return check_text("analyst", clean, MAX_NAME)


def latest_date() -> date:
    """The latest date an event or a report may carry: tomorrow (news reports what happened)."""
    return date.today() + FUTURE_GRACE


def not_in_future(field: str, value: date | None) -> date | None:
    """Refuse a date after tomorrow (news reports what happened)."""
    if value is not None and value > latest_date():
        raise ValidationError(f"{field} {value.isoformat()} is in the future")
    return value


def text_limit(field: str) -> int:
    """How many characters an event column holds (VARCHAR's length, else MAX_TEXT)."""
    length = getattr(events.c[field].type, "length", None) if field in events.c else None
    return length or MAX_TEXT


def whole_number(field: str, value: Any) -> int:
    """A whole number within INTEGER's range; digit strings are read exactly, "1e3" and 3.0 too."""
    n: int | None = None
    if isinstance(value, int):
        n = int(value)
    elif isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        n = int(value.strip())
    if n is None:
        try:
            f = float(value)
        except (TypeError, ValueError, OverflowError):
            raise ValidationError(f"{field}: {_shown(value)} is not a whole number") from None
        if not math.isfinite(f) or not f.is_integer():
            raise ValidationError(f"{field}: {_shown(value)} is not a whole number")
        n = int(f)
    lo, hi = (0, MAX_FATALITIES) if field == "fatalities" else (INT_MIN, INT_MAX)
    if not lo <= n <= hi:
        raise ValidationError(f"{field}: {_shown(value)} is out of range ({lo:,} to {hi:,})")
    return n


@lru_cache(maxsize=1)
def taxonomy() -> tuple[dict[str, list[str]], dict[str, str]]:
    """ACLED's types -> sub-types and sub-type -> disorder type, from data/acled_types.csv.

    The same file extraction.taxonomy reads (a test checks they agree); read here so that the
    store validates even while the extractor is being changed.
    """
    types: dict[str, list[str]] = {}
    disorder: dict[str, str] = {}
    with (ROOT / "data" / "acled_types.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            types.setdefault(row["event_type"].strip(), []).append(row["sub_event_type"].strip())
            disorder[row["sub_event_type"].strip()] = row["disorder_type"].strip()
    return types, disorder


def is_missing(value: Any) -> bool:
    """None, NaN, NaT, pandas NA or a blank string."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def to_date(field: str, value: Any) -> date | None:
    if is_missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return (
            date.fromisoformat(s[:10])
            if len(s) >= 10 and s[10:11] in ("", "T", " ")
            else date.fromisoformat(s)
        )
    except ValueError:
        raise ValidationError(f"{field}: {s!r} is not a date (YYYY-MM-DD)") from None


def coerce(field: str, value: Any) -> Any:
    """The value as the column stores it (None for empty), or ValidationError."""
    if field in DATE_FIELDS:
        return to_date(field, value)
    if is_missing(value):
        return None
    if field in BOOL_FIELDS:
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("true", "1", "yes", "y"):
                return True
            if low in ("false", "0", "no", "n"):
                return False
            raise ValidationError(f"{field}: {value!r} is not true or false")
        return bool(value)
    if field in INT_FIELDS or field in ID_FIELDS:
        return whole_number(field, value)
    if field in FLOAT_FIELDS:
        try:
            f = float(value)
        except (TypeError, ValueError, OverflowError):
            raise ValidationError(f"{field}: {_shown(value)} is not a number") from None
        if math.isnan(f) or math.isinf(f):
            raise ValidationError(f"{field}: {_shown(value)} is not a number")
        return f
    return check_text(field, str(value).strip(), text_limit(field))


def coerce_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Coerce every value; unknown or read-only fields and dates in the future are refused."""
    out = {}
    for field, value in changes.items():
        if field not in EDITABLE_FIELDS:
            raise ValidationError(f"{_shown(field)} is not a field an analyst can change")
        out[field] = coerce(field, value)
        if field in DATE_FIELDS:
            not_in_future(field, out[field])
    return out


def check_event(ev: dict[str, Any]) -> None:
    """Check a whole event (after merging the changes into the current values)."""
    for field in sorted(REQUIRED_FIELDS):
        if is_missing(ev.get(field)):
            raise ValidationError(f"{field} is required")
    types, _ = taxonomy()
    et, st = ev["event_type"], ev["sub_event_type"]
    if et not in types:
        raise ValidationError(f"event_type {et!r} is not an ACLED event type ({', '.join(types)})")
    if st not in types[et]:
        raise ValidationError(f"sub_event_type {st!r} is not a sub-type of {et!r} ({', '.join(types[et])})")
    for field in ("time_precision", "geo_precision"):
        if ev[field] not in (1, 2, 3):
            raise ValidationError(f"{field} must be 1, 2 or 3, not {ev[field]!r}")
    if not 0 <= ev["fatalities"] <= MAX_FATALITIES:
        raise ValidationError(f"fatalities must be from 0 to {MAX_FATALITIES:,}, not {ev['fatalities']:,}")
    if ev["status"] not in STATUSES:
        raise ValidationError(f"status must be one of {', '.join(STATUSES)}, not {ev['status']!r}")
    lat, lon = ev.get("latitude"), ev.get("longitude")
    if lat is not None and not -90 <= lat <= 90:
        raise ValidationError(f"latitude {lat} is outside -90..90")
    if lon is not None and not -180 <= lon <= 180:
        raise ValidationError(f"longitude {lon} is outside -180..180")
    conf = ev.get("confidence")
    if conf is not None and not 0 <= conf <= 1:
        raise ValidationError(f"confidence {conf} is outside 0..1")
    dmin, dmax = ev.get("date_min"), ev.get("date_max")
    if dmin and dmax and dmin > dmax:
        raise ValidationError(f"date_min {dmin} is after date_max {dmax}")
    for field in ("evidence_start", "evidence_end"):
        if ev.get(field) is not None and ev[field] < 0:
            raise ValidationError(f"{field} must be 0 or more")
    start, end = ev.get("evidence_start"), ev.get("evidence_end")
    if start is not None and end is not None and end < start:
        raise ValidationError("evidence_end is before evidence_start")
