"""A village no gazetteer spelling matches, found among the villages near the place it is named with by how
its name sounds (the keys and the index are in ``sound_keys.py``).

"Mala Sobat" for the map's "Mawla Sibat", "زيرك" for "زريك"; and a name the map knows only as a pair of
villages, upper and lower ("الشيوخ" for "شيوخ فوقاني" and "شيوخ تحتاني", data/place_words.csv role
``pair``), is the one of the pair nearest the place it is named with.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from extraction.gazetteer import Gazetteer, Place, km

from .context import TOWN_KM
from .matcher import matcher_for
from .sound_keys import ARTICLE, arabic_key, bare_arabic, sound_key

__all__ = ["REACH_KM", "arabic_key", "arabic_near", "sound_key", "sounding_near"]

REACH_KM = 40.0  # a village is looked for this far around the place it is named with


def arabic_near(name: str, near: Place, gaz: Gazetteer) -> Place | None:
    """The settlement near ``near`` an Arabic name spells another way: the one within ``REACH_KM`` whose
    consonants are the name's, else the nearer of the pair of villages that share the name."""
    key = arabic_key(name)
    lat, lon, _prec = near.point()
    if len(key) < 2 or lat is None:
        return None
    m = matcher_for(gaz)
    if len(key) >= 3:
        # the same spelling only as far as the matcher takes a village named with a town: "تل طويل" 36 km
        # from Tal Tamr is another Tal Tawil than the one its countryside has
        spelt = bare_arabic(name)
        same = [
            (d, p)
            for d, p in _within(m.places, m.sounds.arabic.get(key, ()), lat, lon)
            if d <= TOWN_KM or spelt not in map(bare_arabic, p.names_ar())
        ]
        if len(same) == 1:
            return same[0][1]
    pair = _within(m.places, m.sounds.pairs.get(key, ()), lat, lon)
    return min(pair, key=lambda dp: dp[0])[1] if pair else None


def _within(
    places: list[Place], numbers: tuple[int, ...], lat: float, lon: float
) -> list[tuple[float, Place]]:
    out = []
    for i in numbers:
        p = places[i]
        plat, plon, _ = p.point()
        if plat is not None and (d := km(lat, lon, plat, plon)) <= REACH_KM:
            out.append((d, p))
    return out


def sounding_near(name: str, near: Place, gaz: Gazetteer, shortest: int = 4) -> Place | None:
    """The one settlement within ``REACH_KM`` of ``near`` whose English name sounds like ``name`` (a key of at
    least ``shortest`` consonants: a name a type word says is a village may be as short as "Khaneyz", hnz)."""
    key = sound_key(name)
    lat, lon, _prec = near.point()
    if len(key) < shortest or lat is None:
        return None
    m = matcher_for(gaz)
    found = _within(m.places, m.sounds.english.get(key, ()), lat, lon)
    if len(key) < 4:
        # three consonants are shared by many names ("al-Qayrawan" and Qiran): the spelling must be close too
        # ("Khaneyz" and Khunayz)
        found = [(d, p) for d, p in found if _spelt_alike(name, p)]
    return found[0][1] if len(found) == 1 else None


def _spelt_alike(name: str, p: Place) -> bool:
    bare = ARTICLE.sub("", name.lower())
    return any(fuzz.ratio(bare, ARTICLE.sub("", n.lower())) >= 70 for n in p.names_en())
