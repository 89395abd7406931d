"""Column names in one place: ACLED's export order, Rasd's own columns, and what an analyst may edit."""

from __future__ import annotations

from extraction.gazetteer import COLUMNS as GAZETTEER_CSV_COLUMNS
from extraction.gazetteer import KINDS as GAZETTEER_KINDS

# ACLED's public export, in its order (ACLED codebook 2023).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# Rasd's columns after ACLED's in every export.
RASD_COLUMNS: tuple[str, ...] = (
    "id",
    "version",
    "status",
    "report_id",
    "location_ar",
    "date_min",
    "date_max",
    "background",
    "confidence",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "updated_at",
    "updated_by",
)

EXPORT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + RASD_COLUMNS

# Constant ACLED columns for Rasd's coverage (all events are in Syria).
COUNTRY = {"iso": 760, "region": "Middle East", "country": "Syria"}
COUNTRY_CODE = "SYR"

STATUSES: tuple[str, ...] = ("extracted", "reviewed", "rejected")

# Event columns an analyst may change (through update_event, bulk_update, the CLI's edit).
EDITABLE_FIELDS: tuple[str, ...] = (
    "event_date",
    "date_min",
    "date_max",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "location_ar",
    "place_id",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "background",
    "confidence",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "status",
)

DATE_FIELDS = frozenset({"event_date", "date_min", "date_max"})
INT_FIELDS = frozenset({"time_precision", "geo_precision", "fatalities", "evidence_start", "evidence_end"})
FLOAT_FIELDS = frozenset({"latitude", "longitude", "confidence"})
BOOL_FIELDS = frozenset({"background"})
# Ids the store sets (a split or merge moves them; undo restores them), never an analyst.
ID_FIELDS = frozenset({"report_id", "merged_into"})
# Without these an event cannot be counted or drawn; actor1 and location may be empty until an
# analyst fills them (an extracted event with an unknown actor or place is kept, not refused).
REQUIRED_FIELDS = frozenset(
    {"event_date", "time_precision", "event_type", "sub_event_type", "geo_precision", "fatalities", "status"}
)

# What a map needs, no more (map_points).
MAP_COLUMNS: tuple[str, ...] = (
    "id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "fatalities",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "admin1",
    "evidence_text",
    "notes",
    "version",
)

# The gazetteer CSV's columns (extraction.gazetteer.Place), plus the store's bookkeeping.
GAZETTEER_COLUMNS: tuple[str, ...] = tuple(GAZETTEER_CSV_COLUMNS)
PLACE_COLUMNS: tuple[str, ...] = GAZETTEER_COLUMNS + ("alias_of", "added_by", "added_at")

# Kinds of place an analyst may add: the gazetteer's own kinds.
PLACE_KINDS: tuple[str, ...] = tuple(GAZETTEER_KINDS)
