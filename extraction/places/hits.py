"""Raw hits of the automaton on word boundaries (proclitics allowed) and the words right before them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .matcher import Entry, Matcher


@dataclass(slots=True)
class Hit:
    cstart: int  # with the proclitics
    start: int
    end: int
    key: str
    clitic: str
    entries: list[Entry]


@dataclass(slots=True)
class Found:
    hit: Hit
    entries: list[Entry]
    phrase_start: int
    end: int
    type_kind: str | None
    qualifier: str | None
    typed: bool  # a type word (or a list it opened) introduces it
    side: bool = False


def _letter(ch: str) -> bool:
    return ch.isalnum()


def raw_hits(m: Matcher, t: str) -> list[Hit]:
    n = len(t)
    clitics = m.words.proclitics
    out: list[Hit] = []
    info = m.key_info
    for end, num in m.automaton.iter(t):
        if end + 1 < n and t[end + 1].isalnum():
            continue
        klen, english, _codes = info[num]
        start = end - klen + 1
        if start == 0 or not t[start - 1].isalnum():
            out.append(Hit(start, start, end + 1, t[start : end + 1], "", m.entries(num)))
            continue
        if english:
            continue
        # Up to two proclitics glued to the name (و + ب/ل/ك), the word starting right before them.
        for k in (1, 2):
            cs = start - k
            if cs < 0 or not all(c in clitics for c in t[cs:start]):
                break
            if cs == 0 or not _letter(t[cs - 1]):
                pre = t[cs:start]
                if k == 2 and pre[0] not in "وف":
                    break
                ok = [e for e in m.entries(num) if not e.lil or pre in ("و", "ف")]
                if ok:
                    out.append(Hit(cs, start, end + 1, t[start : end + 1], pre, ok))
                break
    out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return out


def context_before(m: Matcher, t: str, h: Hit) -> tuple[int, str | None, str | None, bool]:
    """(phrase start, type kind, qualifier, typed) from the words right before the name."""
    english = h.entries[0].english
    if not english:
        k = h.cstart - 1
        while k >= 0 and t[k].isspace():
            k -= 1
        j = k
        while j >= 0 and _letter(t[j]):
            j -= 1
        last = t[j + 1 : k + 1]
        cl = m.words.proclitics
        if not (
            last in m.ar_context_last
            or (len(last) > 1 and last[0] in cl and last[1:] in m.ar_context_last)
            or (len(last) > 2 and last[0] in cl and last[1] in cl and last[2:] in m.ar_context_last)
        ):
            return h.start, None, None, False
    lo = max(0, h.cstart - 60)
    window = t[lo : h.cstart]
    if english:
        mm = m.en_prefix.search(window)
    else:
        # a match spans at most ar_prefix_words words and ends at the window's end: search from the
        # start of that many last words (the lookbehind still sees the text before)
        parts = window.rsplit(None, m.ar_prefix_words)
        mm = m.ar_prefix.search(window, len(parts[0]) if len(parts) > m.ar_prefix_words else 0)
    if not mm or mm.start() == mm.end():
        return h.start, None, None, False
    kind = qual = None
    typed = False
    first = None
    if mm.group("dir"):
        qual = m.words.directions[mm.group("dir")]
        first = mm.start("dir")
    if mm.group("type"):
        kind, tq = m.words.types[mm.group("type")]
        qual = qual or tq or None
        typed = True
        if first is None:
            first = mm.start("type")
        if mm.groupdict().get("type2"):
            k2, q2 = m.words.types[mm.group("type2")]
            if kind == "countryside":
                kind = k2 if k2 != "sub-district" else kind
            else:
                kind = k2
                qual = qual or q2 or None
    if first is None:
        return h.start, None, None, False
    return lo + first, kind, qual, typed


def names_an_organisation(m: Matcher, t: str, h: Hit) -> str | None:
    """ "outlet" for «دير الزور 24» and «شبكة X»; "institution" for مجلس دير الزور العسكري, the Tal Tamr Military Council.

    An outlet's name never places an event; an institution named after a place does, when nothing better does.
    """
    after = t[h.end : h.end + 24]
    if m.org_after_alone and m.org_after_alone.match(after):
        return "institution" if "council" in after[:20] else "outlet"
    if m.org_before_alone and m.org_before_alone.search(t[max(0, h.cstart - 12) : h.cstart]):
        return "outlet"
    if m.org_after and m.org_after.match(after) and m.org_before:
        return "institution" if m.org_before.search(t[max(0, h.cstart - 12) : h.cstart]) else None
    return None


# "بلدات البصيرة والحصان ومحيميدة": names the gazetteer lacks between two listed places keep the list going
_UNKNOWN_ITEMS = re.compile(r"(?:\s+و[^\W\d_]{3,}|\s*,\s*[^\W\d_]{3,}){1,3}")


def list_gap(gap: str, clitic: str) -> bool:
    """A list goes on with "وX" or ", X" (past up to three one-word names no source has); ", وX" starts a
    new clause."""
    m = _UNKNOWN_ITEMS.match(gap)
    if m is not None:
        gap = gap[m.end() :]
    if re.fullmatch(r"\s+", gap) and clitic.startswith("و"):
        return True
    return bool(re.fullmatch(r"\s*,\s*", gap)) and not clitic.startswith("و")
