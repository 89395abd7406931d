"""How many villages a new user's one-sentence report finds: the share for the README.

A seeded random sample of the north-east's villages (Hasakah, Raqqa, Deir ez-Zor, Aleppo), each put in the
sentence an analyst would paste: "استهدفت طائرة مسيرة موقعا في X، بريف <governorate>" (and its English
form), plus the towns whose names are also words in the same sentence and those words used as words.
A village counts as found when the mention is that village (or a place of the same name within 2 km: the
sources list some twice). ``python -m bench.villages [--n 300]``.
"""

from __future__ import annotations

import argparse
import random

from extraction.gazetteer import km, load_gazetteer
from extraction.gazetteer.frequency import is_new_village
from extraction.places import find_places

GOVERNORATES = {"Al-Hasakah": ("الحسكة", "Hasakah"), "Raqqa": ("الرقة", "Raqqa"),
                "Deir ez-Zor": ("دير الزور", "Deir ez-Zor"), "Aleppo": ("حلب", "Aleppo")}  # fmt: skip
AR = "استهدفت طائرة مسيرة موقعا في {name}، بريف {gov}"
EN = "A drone hit a position in {name}, in the countryside of {gov}"
WORD_TOWNS = {"المالكية": "gn-173530", "الطبقة": "gn-172374", "اليعربية": "gn-383661", "الكسرة": "gn-8308210"}
WORDS_AS_WORDS = [
    "الطبقة السياسية في البلاد",
    "انتقد الكاتب الطبقة الحاكمة",
    "أعطاه كسرة خبز",
    "تحدث عن اليعربية والقومية",
    "درس الفقه على المذهب وفي المالكية آراء كثيرة",
    "كان الطفل عطشان",
    "أصيب شابان بجروح",
    "في حين أعلنت لجنة الصلح المدعومة من أنقرة",
]


def _hit(text: str, name: str, place) -> str:
    """found | namesake (another village of the name, told as an alternative or not) | missed."""
    at = text.index(name)
    ms = [m for m in find_places(text) if m.start <= at < m.end]
    if not ms:
        return "missed"
    m = ms[0]
    near = m.place.lat is not None and km(m.place.lat, m.place.lon, place.lat, place.lon) < 2
    if m.place.id == place.id or near:
        return "found"
    return "alternative" if any(a.id == place.id for a in m.alternatives) else "namesake"


def sample(n: int, seed: int = 13) -> dict:
    gaz = load_gazetteer()
    villages = [
        p for p in gaz.places if p.kind == "village" and p.admin1 in GOVERNORATES and p.lat is not None
    ]
    rng = random.Random(seed)
    picked = rng.sample(villages, min(n, len(villages)))
    counts = {lang: dict.fromkeys(("found", "alternative", "namesake", "missed"), 0) for lang in ("ar", "en")}
    for p in picked:
        gov_ar, gov_en = GOVERNORATES[p.admin1]
        if p.name_ar:
            counts["ar"][_hit(AR.format(name=p.name_ar, gov=gov_ar), p.name_ar, p)] += 1
        if p.name_en:
            counts["en"][_hit(EN.format(name=p.name_en, gov=gov_en), p.name_en, p)] += 1
    words = sum(
        find_places(AR.format(name=w, gov="الحسكة"))[:1] != [] and find_places(AR.format(name=w, gov="الحسكة"))[0].place.id == pid
        for w, pid in WORD_TOWNS.items()
    )  # fmt: skip
    false_places = sum(bool(find_places(t)) for t in WORDS_AS_WORDS)
    return {
        "villages": len(picked),
        "new_villages": sum(is_new_village(p) for p in picked),
        "arabic": counts["ar"],
        "english": counts["en"],
        "word_towns_found": f"{words}/{len(WORD_TOWNS)}",
        "words_taken_for_places": f"{false_places}/{len(WORDS_AS_WORDS)}",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=300)
    r = sample(ap.parse_args().n)
    for lang in ("arabic", "english"):
        c = r[lang]
        total = sum(c.values())
        print(f"{lang}: {c['found']}/{total} found ({c['found'] / max(total, 1):.0%}); another village of the "
              f"name chosen: {c['alternative']} with this one given as the alternative, {c['namesake']} without; "
              f"{c['missed']} missed")  # fmt: skip
    print(f"sample: {r['villages']} villages ({r['new_villages']} from WOF only); town names that are words found in "
          f"context: {r['word_towns_found']}; words used as words taken for places: {r['words_taken_for_places']}")  # fmt: skip


if __name__ == "__main__":
    main()
