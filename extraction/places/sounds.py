"""English place names as they sound: one key for the many ways news writes one Arabic name.

"Mala Sobat" and "Mawla Sibat", "Tel Jemaa" and "Tall Jum'ah", "Kherbet Amo" and "Khirbat Amu": outlets
transliterate freely, maps carefully. The key keeps a name's consonant skeleton (digraphs folded, vowels and
the weak letters w/y dropped after a word's first letter, "al-" and "tell/tall" forms folded) so that a name
no gazetteer spelling matches can still be found among the villages near the place it is named with.

Arabic spellings wander too, mostly in their long vowels ("زيرك" for the map's "زريك"): the Arabic key keeps
the consonants and drops the article and the letters ا و ي after a word's first. And a name the map knows only as a pair of
villages, upper and lower ("الشيوخ" for "شيوخ فوقاني" and "شيوخ تحتاني", data/place_words.csv role
``pair``), is the one of the pair nearest the place it is named with.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extraction.gazetteer import Gazetteer, Place, km
from extraction.normalise import fold

from .context import TOWN_KM
from .words import place_words

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
_AR_ARTICLE = re.compile(r"^(?:ال|وال|بال)(?=\w\w)")
_AR_WEAK = re.compile("[اوي]")
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


def arabic_key(name: str) -> str:
    """The consonants of an Arabic place name, article and long vowels dropped ("زيرك" and "زريك" -> "زرك")."""
    words = [_AR_ARTICLE.sub("", w) for w in fold(name).split()]
    return "".join(re.sub(r"(.)\1+", r"\1", w[:1] + _AR_WEAK.sub("", w[1:])) for w in words)


@lru_cache(maxsize=4)
def _arabic_index(gaz: Gazetteer) -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
    """Settlements by the Arabic key of each name, and by the key of the name a pair shares ("شيوخ فوقاني")."""
    pair_words = place_words().pairs
    names: dict[str, list[Place]] = {}
    pairs: dict[str, list[Place]] = {}
    for p in gaz.places:
        if p.kind not in SETTLEMENTS:
            continue
        for n in p.names_ar():
            words = fold(n).split()
            key = arabic_key(n)
            if len(key) >= 3 and p not in names.setdefault(key, []):
                names[key].append(p)
            if len(words) >= 2 and words[-1] in pair_words:
                shared = arabic_key(" ".join(words[:-1]))
                if len(shared) >= 2 and p not in pairs.setdefault(shared, []):
                    pairs[shared].append(p)
    return {k: tuple(v) for k, v in names.items()}, {k: tuple(v) for k, v in pairs.items()}


def arabic_near(name: str, near: Place, gaz: Gazetteer) -> Place | None:
    """The settlement near ``near`` an Arabic name spells another way: the one within ``REACH_KM`` whose
    consonants are the name's, else the nearer of the pair of villages that share the name."""
    key = arabic_key(name)
    lat, lon, _prec = near.point()
    if len(key) < 2 or lat is None:
        return None
    names, pairs = _arabic_index(gaz)
    if len(key) >= 3:
        # the same spelling only as far as the matcher takes a village named with a town: "تل طويل" 36 km
        # from Tal Tamr is another Tal Tawil than the one its countryside has
        spelt = _bare(name)
        same = [
            (d, p)
            for d, p in _within(names.get(key, ()), lat, lon)
            if d <= TOWN_KM or spelt not in map(_bare, p.names_ar())
        ]
        if len(same) == 1:
            return same[0][1]
    pair = _within(pairs.get(key, ()), lat, lon)
    return min(pair, key=lambda dp: dp[0])[1] if pair else None


def _bare(name: str) -> str:
    return " ".join(_AR_ARTICLE.sub("", w) for w in fold(name).split())


def _within(places: tuple[Place, ...], lat: float, lon: float) -> list[tuple[float, Place]]:
    out = []
    for p in places:
        plat, plon, _ = p.point()
        if plat is not None and (d := km(lat, lon, plat, plon)) <= REACH_KM:
            out.append((d, p))
    return out


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
