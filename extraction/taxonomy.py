"""ACLED's event types, sub-event types and disorder types, read from ``data/acled_types.csv``."""

from __future__ import annotations

from .lexicon import read_table


def _load() -> tuple[dict[str, list[str]], dict[str, str]]:
    types: dict[str, list[str]] = {}
    disorder: dict[str, str] = {}
    for row in read_table("acled_types.csv"):
        types.setdefault(row["event_type"], []).append(row["sub_event_type"])
        disorder[row["sub_event_type"]] = row["disorder_type"]
    return types, disorder


EVENT_TYPES, DISORDER_TYPE = _load()
"""type -> sub-types in ACLED order; sub-type -> disorder type ("Political violence", ...)."""

SUB_TO_TYPE = {sub: t for t, subs in EVENT_TYPES.items() for sub in subs}

FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}
"""Types that describe one happening when told in one sentence at one place (a clash and its shelling)."""
