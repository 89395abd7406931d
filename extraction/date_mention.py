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
    kind: str  # day | week | month | year | since | chain
    offset: int = 0  # chain: days from the day told before ("وقبل ذلك بيومين" -2)

    @property
    def is_tally(self) -> bool:
        return self.kind == "since"
