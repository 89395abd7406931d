"""Raw hits of the automaton on word boundaries (proclitics allowed) and the words right before them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .facts import Facts
from .matcher import MAX_KEY, Entry, Matcher


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
    facts: Facts | None = None  # of its entries (resolve)


def raw_hits(m: Matcher, t: str) -> list[Hit]:
    """Every hit that stands on word boundaries, leftmost first, then longest.

    Most of the automaton's matches end or start inside a word; they are dropped with a character test
    or two before anything is made for them.
    """
    n = len(t)
    clitics = m.words.proclitics
    info = m.key_info
    decoded = m.entries_of
    entries = m.entries
    out: list[tuple[int, Hit]] = []
    append = out.append
    for end, num in m.automaton.iter(t):
        end += 1
        if end < n and t[end].isalnum():
            continue
        klen, english, _codes = info[num]
        start = end - klen
        if start == 0 or not t[start - 1].isalnum():
            es = decoded.get(num) or entries(num)
            append((start * MAX_KEY - klen, Hit(start, start, end, t[start:end], "", es)))
            continue
        if english or t[start - 1] not in clitics:
            continue
        # Up to two proclitics glued to the name (و + ب/ل/ك), the word starting right before them.
        cs = start - 1
        if cs and t[cs - 1].isalnum():
            cs -= 1  # a pair: و or ف, then ب/ل/ك, at the start of a word
            if t[cs] not in clitics or t[cs] not in "وف" or (cs and t[cs - 1].isalnum()):
                continue
        pre = t[cs:start]
        ok = (decoded.get(num) or entries(num)) if pre in ("و", "ف") else m.glued_entries(num)
        if ok:
            append((start * MAX_KEY - klen, Hit(cs, start, end, t[start:end], pre, ok)))
    out.sort(key=_first)
    return [h for _order, h in out]


def _first(pair: tuple[int, Hit]) -> int:
    return pair[0]


def word_before(t: str, pos: int) -> str:
    """The letters and digits right before ``pos``, over whitespace ("" when something else comes first)."""
    k = pos - 1
    while k >= 0 and t[k].isspace():
        k -= 1
    if k < 0:
        return ""
    w = t[t.rfind(" ", 0, k) + 1 : k + 1]
    if w.isalnum():  # a space (or the text's start) before it: the whole run
        return w
    j = k
    while j >= 0 and t[j].isalnum():
        j -= 1
    return t[j + 1 : k + 1]


_QUOTES = "\"'«“”»"


def unquoted(t: str, pos: int) -> int:
    """``pos`` before the quote marks that open a name there ("في بلدة "البحرة الوسطى"": the type word is before
    the mark)."""
    while pos > 0 and t[pos - 1] in _QUOTES:
        pos -= 1
    return pos


def context_before(m: Matcher, t: str, h: Hit) -> tuple[int, str | None, str | None, bool]:
    """(phrase start, type kind, qualifier, typed) from the words right before the name (and its quote mark)."""
    english = h.entries[0].english
    cstart = unquoted(t, h.cstart)
    # the word right before ends every type or direction phrase: a set rules out most hits before a regex
    words = m.en_context_last if english else m.ar_context_last
    if words is not None and word_before(t, cstart) not in words:
        return h.start, None, None, False
    lo = max(0, cstart - 60)
    window = t[lo:cstart]
    if english:
        # a match spans at most en_prefix_words words and ends at the window's end
        parts = window.rsplit(None, m.en_prefix_words)
        mm = m.en_prefix.search(window, len(parts[0]) if len(parts) > m.en_prefix_words else 0)
    else:
        mm = _ar_prefix(m, window)
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


def _ar_prefix(m: Matcher, window: str) -> re.Match[str] | None:
    """``m.ar_prefix.search(window)`` from the start of its last ar_prefix_words words, tried only where
    a word (or what follows a mark glued to it) is a type or direction phrase's first word, with its
    proclitics: the regex cannot start a match anywhere else, and its leftmost match is the same."""
    parts = window.rsplit(None, m.ar_prefix_words)
    if len(parts) > m.ar_prefix_words:
        pos, parts = len(parts[0]), parts[1:]
    else:
        pos = 0
    firsts = m.ar_prefix_firsts
    for tok in parts:
        at = window.find(tok, pos)
        pos = at + len(tok)
        if tok in firsts and (mm := m.ar_prefix.match(window, at)):
            return mm
        if not tok.isalnum():
            for i in range(1, len(tok)):
                if (
                    not tok[i - 1].isalnum()
                    and tok[i:] in firsts
                    and (mm := m.ar_prefix.match(window, at + i))
                ):
                    return mm
    return None


def names_an_organisation(m: Matcher, t: str, h: Hit) -> str | None:
    """ "outlet" for «دير الزور 24» and «شبكة X»; "institution" for مجلس دير الزور العسكري, the Tal Tamr Military Council.

    An outlet's name never places an event; an institution named after a place does, when nothing better does.
    """
    after = t[h.end : h.end + 24]
    before = t[max(0, h.cstart - 12) : h.cstart]
    # the patterns need a space and then a word that starts (before: ends) with one of these letters
    word_after = after[:1].isspace() and after.lstrip()[:1] in m.org_after_firsts
    word_before = before[-1:].isspace() and before.rstrip()[-1:] in m.org_before_lasts
    if word_after and m.org_after_alone and m.org_after_alone.match(after):
        return "institution" if "council" in after[:20] else "outlet"
    if word_before and m.org_before_alone and m.org_before_alone.search(before):
        return "outlet"
    if word_after and m.org_after and m.org_after.match(after) and m.org_before:
        return "institution" if word_before and m.org_before.search(before) else None
    return None


# "بلدات البصيرة والحصان ومحيميدة": names the gazetteer lacks between two listed places keep the list going
_UNKNOWN_ITEMS = re.compile(r"(?:\s+و[^\W\d_]{3,}|\s*,\s*[^\W\d_]{3,}){1,3}")
_COMMA_GAP = re.compile(r"\s*,\s*")


def list_gap(gap: str, clitic: str) -> bool:
    """A list goes on with "وX" or ", X" (past up to three one-word names no source has); ", وX" starts a
    new clause."""
    m = _UNKNOWN_ITEMS.match(gap)
    if m is not None:
        gap = gap[m.end() :]
    if clitic.startswith("و"):
        return gap.isspace()
    return _COMMA_GAP.fullmatch(gap) is not None
