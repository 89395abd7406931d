"""A report that explicitly updates a death toll ("the death toll rose to 5", "ارتفعت حصيلة القتلى إلى خمسة").

ACLED keeps the most conservative figure among an event's sources, except when a later report updates the
toll: then the update counts. The phrases are data (``data/toll_update_words.csv``); the figure is the first
number after the phrase within the same sentence, in digits or words (``data/numbers.csv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import read_table
from .normalise import fold

# Tokens between the phrase and its figure ("ارتفعت حصيلة القتلى جراء القصف على عامودا إلى خمسة").
MAX_TOKENS_BEFORE_FIGURE = 8
_CLITIC = r"(?:و|ف|ل|ول|فل)?"
_SENTENCE_END = re.compile(r"[.!?؟;\n]")


def _phrase_pattern(phrase: str) -> str:
    words = []
    for w in fold(phrase).split():
        words.append(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else ""))
    return _CLITIC + r"\s+".join(words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """(the phrases, a figure in digits or words, word -> value), folded like the report."""
    phrases = sorted({r["phrase"] for r in read_table("toll_update_words.csv")}, key=len, reverse=True)
    phrase_re = re.compile(r"(?<!\w)(?:" + "|".join(_phrase_pattern(p) for p in phrases) + r")(?!\w)")
    rows = read_table("numbers.csv")
    words = {fold(r["word"]): int(r["value"]) for r in rows if r["kind"] in ("cardinal", "vague")}
    alternatives = sorted((re.escape(w) for w in words), key=len, reverse=True)
    number_re = re.compile(r"(?<!\w)(?:ال|ل)?(\d{1,6}|" + "|".join(alternatives) + r")(?!\w)")
    return phrase_re, number_re, words


def _figure_after(folded: str, start: int) -> int | None:
    _, number_re, words = _patterns()
    end = _SENTENCE_END.search(folded, start)
    m = number_re.search(folded, start, end.start() if end else len(folded))
    if m is None or len(folded[start : m.start()].split()) > MAX_TOKENS_BEFORE_FIGURE:
        return None
    token = m.group(1)
    return int(token) if token.isdigit() else words.get(token)


def toll_update(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The updated death toll stated in ``text[start:end]`` (the last one when several), else None."""
    folded = fold(text[start:end])
    found = None
    for m in _patterns()[0].finditer(folded):
        figure = _figure_after(folded, m.end())
        if figure is not None:
            found = figure
    return found
