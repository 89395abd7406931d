"""The characters a regular expression's match can begin with, read from its parse tree.

``find_dates`` has two dozen date patterns to try at a position, in order; one whose first character cannot
be the one there is skipped without running it (most of them, at most positions). Whatever this does not
understand counts as "any character": a pattern is never skipped wrongly, at worst tried in vain.
"""

from __future__ import annotations

import re
from typing import NamedTuple

try:  # the standard library's own parser: private, so a Python without it skips nothing
    from re import _constants as C
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.11 to 3.13 have both
    C = _parser = None


class Firsts(NamedTuple):
    """The first characters of a pattern's matches: ``chars``, and any decimal digit when ``digits``."""

    chars: frozenset[str]
    digits: bool  # \d (any Unicode decimal digit, which is what str.isdecimal tests)

    def admits(self, ch: str) -> bool:
        return ch in self.chars or (self.digits and ch.isdecimal())


class Alternatives:
    """Patterns tried in order at a position, the first that matches winning: what one alternation of them
    matches there, but a pattern whose matches cannot begin with the character there is not run."""

    def __init__(self, patterns: list[str]) -> None:
        self._tries = [(re.compile(p), first_chars(p)) for p in patterns]
        self._at: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}  # by first character

    def match(self, text: str, pos: int, endpos: int) -> tuple[int, re.Match[str] | None]:
        """(index of the pattern, its match) at ``pos`` (``text[pos:endpos]``), else (-1, None)."""
        ch = text[pos]
        tries = self._at.get(ch)
        if tries is None:
            tries = self._at[ch] = tuple(
                (i, rx) for i, (rx, firsts) in enumerate(self._tries) if firsts is None or firsts.admits(ch)
            )
        for i, rx in tries:
            m = rx.match(text, pos, endpos)
            if m is not None:
                return i, m
        return -1, None


def first_chars(pattern: str) -> Firsts | None:
    """What a match of ``pattern`` can begin with; None when it may begin with anything (or be empty)."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern)
        if tree.state.flags & C.SRE_FLAG_IGNORECASE:
            return None
        got, nullable = _sequence(tree)
    except Exception:  # noqa: BLE001 - an unreadable tree only means "anything"
        return None
    if got is None or nullable:
        return None
    return Firsts(frozenset(c for c in got if c != "\\d"), "\\d" in got)


def _sequence(items) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        got, nullable = _item(op, av)
        if got is None:
            return None, False
        out |= got
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _charset(av), False
    if op is C.SUBPATTERN:
        return _sequence(av[3]) if not av[1] & C.SRE_FLAG_IGNORECASE else (None, False)
    if op is C.MAX_REPEAT or op is C.MIN_REPEAT:
        got, nullable = _sequence(av[2])
        return got, nullable or av[0] == 0
    if op is C.BRANCH:
        out: set[str] = set()
        empty = False
        for alternative in av[1]:
            got, nullable = _sequence(alternative)
            if got is None:
                return None, False
            out |= got
            empty = empty or nullable
        return out, empty
    if op is C.ASSERT or op is C.ASSERT_NOT or op is C.AT:
        return set(), True  # zero width: the next item says what comes first
    return None, False


def _charset(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= 256:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.add("\\d")
        else:
            return None  # a negated set, a wide range, another category: anything
    return out
