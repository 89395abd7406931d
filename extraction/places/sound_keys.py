"""Place names as they sound, and the gazetteer's settlements indexed by those sounds.

"Mala Sobat" and "Mawla Sibat", "Tel Jemaa" and "Tall Jum'ah", "Kherbet Amo" and "Khirbat Amu": outlets
transliterate freely, maps carefully. The key keeps a name's consonant skeleton (digraphs folded, vowels and
the weak letters w/y dropped after a word's first letter, "al-" and "tell/tall" forms folded). Arabic
spellings wander too, mostly in their long vowels ("زيرك" for the map's "زريك"): the Arabic key keeps the
consonants and drops the article and the letters ا و ي after a word's first.

The index holds place numbers (positions in the gazetteer's list), not places, so that it is saved on disk
with the place automaton (``cache.py``) instead of being built in the middle of the first report that
names an unknown village (about 0.5 s for the shipped gazetteer's names).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extraction.gazetteer import Place
from extraction.normalise import fold

ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|ul)[-\s]+")  # of a lower-case name
_TELL = re.compile(r"^t[ae]ll?\b")
_DIGRAPHS = (
    ("kh", "h"),
    ("gh", "g"),
    ("sh", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("q", "k"),
    ("c", "k"),
)
_DROP = re.compile(r"(?<=\w)[aeiouwy]")
_AR_ARTICLE = re.compile(r"^(?:ال|وال|بال)(?=\w\w)")
_AR_WEAK = re.compile("[اوي]")
SETTLEMENTS = frozenset(["village", "town", "city", "neighbourhood", "camp"])

_MARKS = "'’‘`ʿʾ"


class _Unmarked(dict):
    """A ``str.translate`` table that drops combining marks and _MARKS, filled as characters are seen."""

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        keep = None if unicodedata.combining(ch) or ch in _MARKS else code
        self[code] = keep
        return keep


_UNMARKED = _Unmarked()
_SPLIT = re.compile(r"[\s-]+")
_REPEATED = re.compile(r"(.)\1+")


def _once(m: re.Match[str]) -> str:
    return m.group(1)  # a callable: a r"\1" template would be parsed in Python on every call


def sound_key(name: str) -> str:
    """The consonant skeleton of an English place name ("Mawla Sibat" -> "mlsbt")."""
    s = name.lower()
    if not s.isascii():  # ASCII has nothing to decompose
        s = unicodedata.normalize("NFKD", s)
    s = s.translate(_UNMARKED)
    words = []
    for w in _SPLIT.split(ARTICLE.sub("", s.strip())):
        w = _TELL.sub("tl", w)
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        w = _DROP.sub("", w)
        w = _REPEATED.sub(_once, w).rstrip("h") or w
        if w:
            words.append(w)
    return "".join(words)


def arabic_key(name: str) -> str:
    """The consonants of an Arabic place name, article and long vowels dropped ("زيرك" and "زريك" -> "زرك")."""
    words = [_AR_ARTICLE.sub("", w) for w in fold(name).split()]
    return "".join(_REPEATED.sub(_once, w[:1] + _AR_WEAK.sub("", w[1:])) for w in words)


def bare_arabic(name: str) -> str:
    """An Arabic name folded, each word's article dropped."""
    return " ".join(_AR_ARTICLE.sub("", w) for w in fold(name).split())


@dataclass(frozen=True)
class SoundIndex:
    """Settlements (as place numbers) by the sound key of each English name, by the Arabic key of each Arabic
    name, and by the Arabic key of the name a pair of villages shares ("شيوخ" of "شيوخ فوقاني")."""

    english: dict[str, tuple[int, ...]]
    arabic: dict[str, tuple[int, ...]]
    pairs: dict[str, tuple[int, ...]]


def build_index(places: list[Place], pair_words: frozenset[str] | set[str]) -> SoundIndex:
    """The gazetteer's settlements by how their names sound (``pair_words``: "فوقاني", "تحتاني" …)."""
    english: dict[str, list[int]] = {}
    arabic: dict[str, list[int]] = {}
    pairs: dict[str, list[int]] = {}
    for i, p in enumerate(places):
        if p.kind not in SETTLEMENTS:
            continue
        for n in p.names_en():
            key = sound_key(n)
            if len(key) >= 3 and i not in english.setdefault(key, []):
                english[key].append(i)
        for n in p.names_ar():
            words = fold(n).split()
            key = arabic_key(n)
            if len(key) >= 3 and i not in arabic.setdefault(key, []):
                arabic[key].append(i)
            if len(words) >= 2 and words[-1] in pair_words:
                shared = arabic_key(" ".join(words[:-1]))
                if len(shared) >= 2 and i not in pairs.setdefault(shared, []):
                    pairs[shared].append(i)

    def frozen(d: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
        return {k: tuple(v) for k, v in d.items()}

    return SoundIndex(frozen(english), frozen(arabic), frozen(pairs))
