"""The history of an event: every change, who made it and when, oldest first."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import select

from store import db
from store.events import decode
from store.models import event_revisions
from store.validation import check_id


def history(event_id: int) -> list[dict[str, Any]]:
    """Revisions of one event as dicts (field, old, new, analyst, at, save_id); ``at`` is ISO 8601 UTC."""
    r = event_revisions.c
    with db.read() as conn:
        rows = conn.execute(
            select(event_revisions).where(r.event_id == check_id(event_id)).order_by(r.id)
        ).all()
    return [
        {
            "field": x.field,
            "old": decode(x.old_value),
            "new": decode(x.new_value),
            "analyst": x.analyst,
            "at": x.at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
            "save_id": x.save_id,
            "version": x.version,
            "undo": x.undo_of is not None,
        }
        for x in rows
    ]
