"""Numbers written in digits or words ("18", "ثلاثة", "اثنين", "عشرات" = 10, "dozens" = 12)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Match

_DIGITS = re.compile(r"(?<![\w.,])\d{1,6}(?![\w.]|[.,]\d)")
# an age, a distance or a duration is not a count of people
_UNIT_AFTER = re.compile(
    r"\s*(?:عاما|عام|سنه|سنوات|اعوام|كيلومترا|كيلومتر|كم|ساعه|ساعات|دقيقه|years?|year-old|km|kilometers?|hours?|%)(?!\w)"
)


@dataclass(frozen=True)
class Number:
    """A number in the folded text; ``kind`` is cardinal, vague, dual or singular."""

    start: int
    end: int
    value: int
    kind: str


def find_numbers(text: str, matches: list[Match], lo: int = 0, hi: int | None = None) -> list[Number]:
    """Numbers in ``text[lo:hi]``: digit runs and number words from the lexicon matches."""
    hi = len(text) if hi is None else hi
    out = [
        Number(m.start(), m.end(), int(m.group(0)), "cardinal")
        for m in _DIGITS.finditer(text, lo, hi)
        if not _UNIT_AFTER.match(text, m.end(), min(hi, m.end() + 16))
    ]
    for m in matches:
        if m.kind == "number" and lo <= m.start < hi:
            out.append(Number(m.start, m.end, int(m.entry.get("value")), m.entry.get("kind")))
    out.sort(key=lambda n: n.start)
    return out
