"""English place names as they sound: one key for the many ways news writes one Arabic name.

"Mala Sobat" and "Mawla Sibat", "Tel Jemaa" and "Tall Jum'ah", "Kherbet Amo" and "Khirbat Amu": outlets
transliterate freely, maps carefully. The key keeps a name's consonant skeleton (digraphs folded, vowels and
the weak letters w/y dropped after a word's first letter, "al-" and "tell/tall" forms folded) so that a name
no gazetteer spelling matches can still be found among the villages near the place it is named with.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extraction.gazetteer import Gazetteer, Place, km

_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|ul)[-\s]+")
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
SETTLEMENTS = frozenset(["village", "town", "city", "neighbourhood", "camp"])
REACH_KM = 40.0  # a village is looked for this far around the place it is named with


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
    for w in _SPLIT.split(_ARTICLE.sub("", s.strip())):
        w = _TELL.sub("tl", w)
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        w = _DROP.sub("", w)
        w = _REPEATED.sub(_once, w).rstrip("h") or w
        if w:
            words.append(w)
    return "".join(words)


@lru_cache(maxsize=4)
def _index(gaz: Gazetteer) -> dict[str, tuple[Place, ...]]:
    """Settlements by the sound key of each English name (built once per gazetteer, when first needed)."""
    out: dict[str, list[Place]] = {}
    for p in gaz.places:
        if p.kind not in SETTLEMENTS:
            continue
        for n in p.names_en():
            key = sound_key(n)
            if len(key) >= 3 and p not in out.setdefault(key, []):
                out[key].append(p)
    return {k: tuple(v) for k, v in out.items()}


def sounding_near(name: str, near: Place, gaz: Gazetteer) -> Place | None:
    """The one settlement within ``REACH_KM`` of ``near`` whose English name sounds like ``name``."""
    key = sound_key(name)
    lat, lon, _prec = near.point()
    if len(key) < 4 or lat is None:
        return None
    found = []
    for p in _index(gaz).get(key, ()):
        plat, plon, _ = p.point()
        if plat is not None and km(lat, lon, plat, plon) <= REACH_KM:
            found.append(p)
    return found[0] if len(found) == 1 else None
