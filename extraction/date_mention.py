"""One resolved date phrase (what ``dates.find_dates`` returns and assembly reads)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    """A resolved date phrase; offsets are folded offsets."""

    start: int
    end: int
    best: dt.date
    dmin: dt.date
    dmax: dt.date
    precision: int
    kind: str  # day | week | month | year | since | since_day | chain
    offset: int = 0  # chain: days from the day told before ("وقبل ذلك بيومين" -2)

    @property
    def is_tally(self) -> bool:
        """A span a count covers ("منذ مطلع العام"): what is told in it is a tally, not an event."""
        return self.kind == "since"

    @property
    def is_reference(self) -> bool:
        """No act's day: a tally's span, or the day things are counted from ("for the first time since 8 December")."""
        return self.kind in ("since", "since_day")
