"""Rasd's event store: the one place that talks to the database (SQLite or PostgreSQL).

Pages and the CLI import from here; see docs/contracts.md for the functions and their promises.
"""

from store.columns import ACLED_COLUMNS, EXPORT_COLUMNS, RASD_COLUMNS, STATUSES
from store.db import database_label, database_url, get_engine
from store.errors import NotFound, StaleVersion, StoreError, ValidationError
from store.events import (
    add_event,
    bulk_update,
    count_events,
    get_event,
    map_points,
    query_events,
    set_status,
    summary,
    timeline_counts,
    undo_last_save,
    update_event,
)
from store.export import export_events
from store.filters import EventFilter
from store.migrate import upgrade
from store.places import add_alias_candidate, add_place, export_places_csv, list_places
from store.reports import AddResult, add_report, find_duplicate, get_report, list_reports, list_sources
from store.revisions import history

__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_COLUMNS",
    "RASD_COLUMNS",
    "STATUSES",
    "AddResult",
    "EventFilter",
    "NotFound",
    "StaleVersion",
    "StoreError",
    "ValidationError",
    "add_alias_candidate",
    "add_event",
    "add_place",
    "add_report",
    "bulk_update",
    "count_events",
    "database_label",
    "database_url",
    "export_events",
    "export_places_csv",
    "find_duplicate",
    "get_engine",
    "get_event",
    "get_report",
    "history",
    "list_places",
    "list_reports",
    "list_sources",
    "map_points",
    "query_events",
    "set_status",
    "summary",
    "timeline_counts",
    "undo_last_save",
    "update_event",
    "upgrade",
]
