"""A file photo's caption: its day and place are the picture's, not the report's.

"Photo caption: SDF fighters stand guard in Raqqa, Syria, on February 7, 2022" under a report of December 2024:
the caption cue (``data/cues.csv`` kind ``caption``) blocks its event words, and when it dates the picture more
than a month back its places and days are left out of what the report's acts may borrow. A caption of the day
("[Photo caption] People in Derik bury ... Date: November 21, 2022") keeps its place and day.
"""

from __future__ import annotations

import bisect
import datetime as dt

from ..date_mention import DateMention
from ..document import Sentence
from ..lexicon import Match

CAPTION = "cue:caption"


def file_photo_spans(
    sentences: list[Sentence], cues: list[Match], dates: list[DateMention], before: dt.date
) -> list[tuple[int, int]]:
    """(start, end) of each sentence holding a caption cue and a day before ``before`` (linear: most reports
    have no caption, and each caption's sentence and days are found by bisection)."""
    caps = [c.start for c in cues if c.kind == CAPTION]
    if not caps:
        return []
    starts = [s.start for s in sentences]
    day_starts = [d.start for d in dates]
    out: list[tuple[int, int]] = []
    for pos in caps:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or (sentences[k].start, sentences[k].end) in out or pos >= sentences[k].end:
            continue
        s = sentences[k]
        lo, hi = bisect.bisect_left(day_starts, s.start), bisect.bisect_left(day_starts, s.end)
        if any(d.dmax < before for d in dates[lo:hi]):
            out.append((s.start, s.end))
    return out


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
