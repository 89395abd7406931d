"""The one fixed event-type palette, so the map, the timeline and the briefing agree on colours.

The colours are data (``data/event_palette.csv``): changing one is a one-line data change.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

PALETTE_CSV = Path(__file__).resolve().parents[1] / "data" / "event_palette.csv"
OTHER_COLOUR = "#7f7f7f"


@cache
def palette() -> dict[str, str]:
    """Event type -> hex colour, in the CSV's (ACLED) order."""
    with PALETTE_CSV.open(encoding="utf-8", newline="") as f:
        return {row["event_type"]: row["colour"] for row in csv.DictReader(f)}


def colour_for(event_type: str | None) -> str:
    """The type's colour; grey for a type the palette does not know (never an error)."""
    return palette().get(event_type or "", OTHER_COLOUR)


def type_order(types) -> list[str]:
    """Types in palette order first, unknown ones after, so stacks and legends never reshuffle."""
    known = [t for t in palette() if t in set(types)]
    return known + sorted({t for t in types if t not in palette()} - {None})
