"""Death figures in a stretch of text: "مقتل 18 عنصراً"، "سبعة قتلى"، "Two members ... were killed".

Wounded and arrested people are never counted; "قتل وإصابة عشرة" (killed and wounded together) is
not a death figure; "لم تسجل أي حالة وفاة" / "no casualties" is an explicit zero. The caller takes
the lowest of conflicting figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Match
from .numbers import Number, find_numbers

# "مزارع وابنه"، "امرأة وثلاثة أطفال"، "a farmer and his son": counts joined by "and" add up
_JOIN = re.compile(r"(?:\s+(?:of|من)\s+[^,.;\d]{0,60}?)?\s*(?:و|and|,)\s*")
# "5 عناصر من قسد و28 من مقاتلي داعش"، "five SDF fighters and two civilians": a breakdown of the dead
_JOIN_WORDS = re.compile(r"(?:\s+[^\s,.;:\d]+){1,4}\s*(?:و|and)\s*")
# ... unless the words between or after name the wounded or the captured ("3 قتلى و5 جرحى")
_NOT_DEAD = re.compile(
    r"اصاب|اصيب|جرح|جريح|مصاب|اعتقل|معتقل|اسر|خطف|مختطف|مفقود|wound|injur|hurt|arrest|detain|captur|kidnap|abduct|missing"
)
_COUNTS_OTHERS = re.compile(rf"\s*(?:{_NOT_DEAD.pattern})")
_MIXED = re.compile(
    r"^\s*(?:و\s?(?:اصابه|جرح|جريح|مصاب|اصابات)|and (?:wounded|injured)|or (?:wounded|injured))"
)


@dataclass(slots=True, unsafe_hash=True)
class Figure:
    """A death count read from the text (folded offsets of the death word)."""

    start: int
    end: int
    value: int


# "Two members of the Internal Security Forces (Asayish) of northeast Syria (Rojava) were killed": an aside in
# brackets names what was told again, so it does not push the number away from its verb
_ASIDE = re.compile(r"\([^()]{0,40}\)")


# "at least four Asayish members, a commander among them, died": who is among the dead is no count of them
_AMONG = re.compile(
    r",[^,.;]{0,40}\b(?:among them|including)\b[^,.;]{0,30},|,\s*(?:among them|including)\b[^,.;]{0,40},"
)


# "أربعة مدنيين بينهم طفل لقوا حتفهم": who is among them stands between the count and its verb
_AR_ASIDE = re.compile(r"(?:من\s+)?(?:بينهم|بينهما|بينهن|منهم)\s+[^\s،,.]+(?:\s+و[^\s،,.]+)?")
_PUNCT = re.compile(r"[،,؛;:\-–]+")


def _tokens_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _words_between(text: str, a: int, b: int) -> int:
    """English words between two offsets, asides in brackets left out."""
    return len(_ASIDE.sub(" ", text[a:b]).split())


def _joined(text: str, a: Number, b: Number) -> bool:
    """``a`` and ``b`` are one list of people ("امرأة وثلاثة أطفال"): only "و"/"and" between them."""
    if a.end > b.start or b.start - a.end > 70:
        return False
    if _JOIN.fullmatch(text, a.end, b.start):
        return True
    return bool(_JOIN_WORDS.fullmatch(text, a.end, b.start)) and not _NOT_DEAD.search(text, a.end, b.end + 16)


def _sum_forward(text: str, nums: list[Number], first: Number) -> int:
    total = first.value
    i = nums.index(first)
    while i + 1 < len(nums) and _joined(text, nums[i], nums[i + 1]):
        total += nums[i + 1].value
        i += 1
    return total


def _sum_backward(text: str, nums: list[Number], last: Number) -> int:
    total = last.value
    i = nums.index(last)
    while i > 0 and _joined(text, nums[i - 1], nums[i]):
        total += nums[i - 1].value
        i -= 1
    return total


def find_figures(
    text: str,
    matches: list[Match],
    lo: int,
    hi: int,
    skip: list[tuple[int, int]] = (),
    dates: list[tuple[int, int]] = (),
) -> list[Figure]:
    """Death figures in ``text[lo:hi]`` (folded); ``skip`` are spans (tallies) to ignore, ``dates`` the date
    phrases, whose numbers count no one ("On Aug. 6, one SDF fighter and three civilians" is four)."""
    deaths = [m for m in matches if m.kind == "fatality" and lo <= m.start < hi]
    zeros = [m for m in matches if m.kind == "cue:zero" and lo <= m.start < hi]
    out: list[Figure] = [Figure(z.start, z.end, 0) for z in zeros]
    if not deaths:
        return out
    nums = find_numbers(text, matches, lo, hi)
    if dates:
        nums = [n for n in nums if not any(a <= n.start < b for a, b in dates)]
    # "سقوط قتيل و5 جرحى"، "3 wounded": a number that counts the wounded or the captured counts no dead; "أربعة
    # مدنيين بينهم طفل لقوا حتفهم": who is among them counts none of them
    asides = [m.span() for m in _AR_ASIDE.finditer(text, lo, hi)]
    nums = [
        n
        for n in nums
        if not _COUNTS_OTHERS.match(text, n.end, n.end + 16) and not any(a <= n.start < b for a, b in asides)
    ]
    for d in deaths:
        kind = d.entry.get("kind")
        if kind not in ("death", "death1", "death_after", "death_sg") or any(
            a <= d.start < b for a, b in skip
        ):
            continue
        value = 1 if kind == "death1" else _value_of(text, nums, d)
        if value is not None:
            out.append(Figure(d.start, d.end, value))
    return out


def _value_of(text: str, nums: list, d: Match) -> int | None:
    """The figure a killing word states: the number right after it ("killed 19 people") before the number
    before it, as far as ten English words back where "On September 3" may stand ("Two members ... were
    killed"); a passive Arabic verb with no number is one person ("قُتل ظهر اليوم")."""
    kind = d.entry.get("kind")
    if _MIXED.match(text[d.end : d.end + 20]):
        return None
    english = d.entry.get("lang") == "en"
    after = [
        n for n in nums if n.start >= d.end and _tokens_between(text, d.end, n.start) <= (0 if english else 2)
    ]
    asides = [m.span() for m in _AMONG.finditer(text, max(0, d.start - 120), d.start)] if english else []
    before = [
        n
        for n in nums
        if n.end <= d.start
        and not any(a <= n.start < b for a, b in asides)
        and (
            _words_between(text, n.end, d.start) <= 10
            if english
            else sum(1 for w in _AR_ASIDE.sub(" ", text[n.end : d.start]).split() if not _PUNCT.fullmatch(w))
            <= 1
        )
    ]
    if after:
        return _sum_forward(text, nums, after[0])
    if before and kind != "death_after":
        return _sum_backward(text, nums, before[-1])
    if kind == "death_sg" and not d.definite:
        return 1  # "ذوو القتيل" (definite): the one already told
    return None


def conservative(figures: list[Figure]) -> int | None:
    """ACLED's most conservative figure: the lowest one given, or None when none is."""
    return min((f.value for f in figures), default=None)


__all__ = ["Figure", "Number", "conservative", "find_figures"]
