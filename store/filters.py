"""The event filters every page shares (sidebar, URL query parameters, SQL queries, exports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class EventFilter:
    """What the analyst narrowed the events to; an empty field means "any".

    ``include_background`` is False by default so that context recalled from the past never mixes
    into current counts; ``statuses`` defaults to everything except rejected events.
    """

    date_from: date | None = None
    date_to: date | None = None
    admin1: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    actor: str | None = None
    statuses: tuple[str, ...] = ("extracted", "reviewed")
    report_id: int | None = None
    text: str | None = None
    include_background: bool = False
    include_demo: bool = True
    event_ids: tuple[int, ...] = field(default=())
