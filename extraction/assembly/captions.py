"""A file photo's caption: its day and place are the picture's, not the report's.

"Photo caption: SDF fighters stand guard in Raqqa, Syria, on February 7, 2022" under a report of December 2024:
the caption cue (``data/cues.csv`` kind ``caption``) blocks its event words, and when it dates the picture more
than a month back its places and days are left out of what the report's acts may borrow. A caption of the day
("[Photo caption] People in Derik bury ... Date: November 21, 2022") keeps its place and day.
"""

from __future__ import annotations

import datetime as dt

from ..date_mention import DateMention
from ..document import Sentence
from ..lexicon import Match

CAPTION = "cue:caption"


def file_photo_spans(
    sentences: list[Sentence], cues: list[Match], dates: list[DateMention], before: dt.date
) -> list[tuple[int, int]]:
    """(start, end) of each sentence holding a caption cue and a day before ``before``."""
    return [
        (s.start, s.end)
        for s in sentences
        if any(s.start <= c.start < s.end for c in cues if c.kind == CAPTION)
        and any(s.start <= d.start < s.end and d.dmax < before for d in dates)
    ]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
