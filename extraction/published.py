"""The publication date a report's relative dates are resolved against, read from what a caller gives."""

from __future__ import annotations

import datetime as dt

from .errors import InputError


def parse_published(value: dt.date | dt.datetime | str | None) -> dt.date:
    """The publication date from a date or 'YYYY-MM-DD'; InputError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"Bad publication date {value!r}: give it as YYYY-MM-DD, e.g. 2024-08-19")
