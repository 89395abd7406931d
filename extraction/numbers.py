"""Numbers written in digits or words ("18", "ثلاثة", "اثنين", "عشرات" = 10, "dozens" = 12)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Match

# "و28 من مقاتلي داعش"، "ب3 قذائف": a one-letter Arabic prefix may stand right before the digits
# (the look-behinds come after the first digit, so that the engine skips to a digit in C)
_DIGITS = re.compile(r"\d(?:(?<![\w.,]\d)|(?<=(?<!\w)[وبل]\d))\d{0,5}(?!\w|[.,]\d)")
# an age, a distance, a duration or a family ("nine members of one family") is not a count of people
_UNIT_AFTER = re.compile(
    r"[\s-]*(?:famil(?:y|ies)|households?|عائله|عائلات|اسره|عاما|عام|سنه|سنوات|اعوام|كيلومترا|كيلومترات|كيلومتر|كم|كغ|كيلوغراما|كيلوغرام|كيلو|مترا|متر|ساعه|ساعات|دقيقه|دقائق|years?|year-old|km|kilometers?|kilometres?|kg|kilograms?|metres?|meters?|hours?|minutes?|pm|am|p\.m|a\.m|%)(?!\w)"
)

# "الساعة 8"، "aged 30"، "رقم 4": a clock time, an age or a label before the digits; "aged 14 and 16": the
# second of two ages
_UNIT_BEFORE = re.compile(
    r"(?:الساعه|ساعه|عمر|العمر|عمره|عمرها|رقم|aged|age|number|no\.)\s*(?:\d{1,3}\s*(?:,|and|و)\s*)?$"
)


@dataclass(slots=True, unsafe_hash=True)
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
        and not _UNIT_BEFORE.search(text, max(0, m.start() - 20), m.start())
    ]
    for m in matches:
        if (
            m.kind == "number"
            and lo <= m.start < hi
            and not _UNIT_AFTER.match(text, m.end, min(hi, m.end + 16))
        ):
            out.append(Number(m.start, m.end, int(m.entry.get("value")), m.entry.get("kind")))
    out.sort(key=lambda n: n.start)
    return out
