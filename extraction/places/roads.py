"""The towns a road is named by: "الطريق الدولي M4 الواصل بين حلب والحسكة", "the road linking Raqqa and Tabqa".

A road's ends say which road it is, not where an act on it happened, and they locate none of the villages
named with it. The pattern reads folded text and ends where the first end's name starts.
"""

from __future__ import annotations

import re

# a road word, up to four words (its name, "الدولي", "M4"), a linking word, at most "مدينتي"/"the towns of"
ROAD_END = re.compile(
    r"(?<!\w)(?:ال)?(?:طريق|اوتوستراد|road|highway)\s+(?:[^\s,.،]+\s+){0,4}"
    r"(?:الواصل|الرابط|الواصله|الرابطه|الذي يربط|الذي يصل|بين|linking|connecting|between|from)"
    r"(?:\s+(?:مدينتي|بلدتي|the\s+(?:cities|towns)\s+of))?\s*$"
)


def a_road_end(folded: str, start: int | None = None) -> bool:
    """Whether a place starting at ``start`` of the folded text (by default at its end) is the first end named
    for a road."""
    end = len(folded) if start is None else start
    return ROAD_END.search(folded, max(0, end - 60), end) is not None
