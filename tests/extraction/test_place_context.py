"""Villages of one name resolved by the report's context; names that are words kept words unless the context
makes them places; what stays ambiguous is said (alternatives) rather than guessed silently."""

from __future__ import annotations

import pytest

from extraction.gazetteer import load_gazetteer
from extraction.gazetteer.spellings import name_agreement, news_variants
from extraction.places import find_places
from extraction.places.cache import cache_key

# Two villages called جروان (Jarwan): one south-east of al-Shaddadi (Hasakah), one in Deir ez-Zor.
JARWAN_HASAKAH, JARWAN_DEIR = "wof-1243281421", "wof-1326751581"
# تل غزال: one 11 km east of Kobani, one 11 km east of Rmelan.
TAL_GHAZAL_KOBANI, TAL_GHAZAL_RMELAN = "wof-1276785227", "wof-1326744085"
# عين البط: one 17 km from Kobani, one 4 km from al-Hawl.
AIN_BATT_KOBANI, AIN_BATT_HAWL = "wof-1243253219", "wof-1327044163"


def _ids(text: str, source: str | None = None) -> list[str]:
    return [m.place.id for m in find_places(text, source=source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استهدفت طائرة مسيرة موقعا في جروان، بريف دير الزور", JARWAN_DEIR),
        ("استهدفت طائرة مسيرة موقعا في جروان بريف الحسكة", JARWAN_HASAKAH),
        ("A drone hit a position in Jarwan, in the countryside of Deir ez-Zor", JARWAN_DEIR),
        ("في ريف دير الزور: اشتباكات في جروان", JARWAN_DEIR),
    ],
)
def test_a_governorate_phrase_chooses_the_village_of_that_governorate(text, expected):
    assert expected in _ids(text) and {JARWAN_DEIR, JARWAN_HASAKAH} - {expected} - set(_ids(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت القوات التركية قرية تل غزال شرقي كوباني", TAL_GHAZAL_KOBANI),
        ("قصفت القوات التركية قرية تل غزال شرق رميلان", TAL_GHAZAL_RMELAN),
    ],
)
def test_a_direction_phrase_chooses_the_village_near_that_town(text, expected):
    assert _ids(text)[0] == expected


def test_a_village_a_town_frames_but_lying_far_from_it_is_left_out():
    # the only عطشان villages lie ~45 km from Ras al-Ain: "near Ras al-Ain" means another, unknown one
    assert _ids("سقطت قذيفة في عطشان قرب رأس العين") == ["gn-165509"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("اشتباكات في عين البط والهول", AIN_BATT_HAWL), ("اشتباكات في عين البط وكوباني", AIN_BATT_KOBANI)],
)
def test_the_other_places_of_the_report_choose_the_nearest(text, expected):
    assert _ids(text)[0] == expected


def test_the_outlet_area_breaks_a_tie_and_the_runner_up_is_kept_as_an_alternative():
    (m,) = find_places("قصف مدفعي على قرية جروان")
    assert m.place.id == JARWAN_HASAKAH  # no context: the north-east order (Hasakah first)
    assert [a.id for a in m.alternatives] == [JARWAN_DEIR]
    assert m.to_dict()["alternatives"][0]["admin1"] == "Deir ez-Zor"
    (m,) = find_places("قصف مدفعي على قرية جروان", source="دير الزور 24")
    assert m.place.id == JARWAN_DEIR and [a.id for a in m.alternatives] == [JARWAN_HASAKAH]


def test_a_known_town_is_not_displaced_by_a_village_of_its_name():
    # GeoNames' Ras al-Ain, not one of the seven WOF villages called راس العين, even in a report about Aleppo
    ids = _ids("سيطرت القوات التركية على عفرين في 2018 ثم على رأس العين وتل أبيض في 2019")
    assert "gn-165509" in ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت مسيرة تركية موقعا في المالكية", "gn-173530"),
        ("اعتقلت قوات الأمن شابين في الطبقة", "gn-172374"),
        ("اشتباكات في الكسرة بريف دير الزور", "gn-8308210"),
        ("قصف تركي على اليعربية", "gn-383661"),
    ],
)
def test_town_names_that_are_words_are_places_in_context(text, expected):
    assert _ids(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "الطبقة السياسية في البلاد",
        "انتقد الكاتب الطبقة الحاكمة",  # a construct/adjective after
        "أعطاه كسرة خبز",
        "تحدث عن اليعربية والقومية",  # no locative, no place, no event word
        "درس الفقه على المذهب وفي المالكية آراء كثيرة",  # a locative, but no place or event around
        "كان الطفل عطشان",  # a village name that is an everyday word
        "أصيب شابان بجروح",  # جروح is a village in Hama and the word "wounds"
        "في حين أعلنت لجنة الصلح المدعومة من أنقرة",  # أنقرة is a Hasakah village and Ankara
        "تتعرض بلدات الضفة الشرقية للقصف",  # الضفة is a village; here the bank
    ],
)
def test_words_stay_words(text):
    assert _ids(text) == []


def test_a_new_village_needs_a_type_word_a_locative_or_an_area_phrase():
    assert _ids("وقال جروان إن") == []
    assert _ids("قصف على قرية عطشان")  # a type word makes even a word a place
    assert _ids("اشتباكات في جروان")  # a locative
    assert _ids("جروان بريف الحسكة شهدت اشتباكات")  # an area phrase after


def test_a_village_after_a_name_head_is_not_the_longer_unknown_name():
    # "تل الجدعان" is unknown; الجدعان alone (a Deir ez-Zor village) is not the place named
    assert _ids("قصف قرية تل الجدعان في ريف تل تمر") == ["gn-163434"]


def test_news_spellings_of_map_names():
    assert news_variants("تل طويل", True) == ["تل الطويل"]
    assert news_variants("جديد عقيدات", True) == ["جديد عكيدات"]
    assert news_variants("الشداده", True) == ["الشدادي"]
    assert news_variants("جديد عقيدات", False) == []  # ق/ك is the Jazira's spoken form only
    ms = find_places("قصف على قرية تل الطويل شمال الحسكة")
    assert ms[0].place.name_ar == "تل طويل"


def test_the_arabic_name_agreeing_with_the_english_one_is_chosen():
    # WOF gives "Mastur `Ashur" the name_ar حجي قاسمللي (another place's) and مستور عاشور as an alternate
    assert name_agreement("مستور عاشور", ["Mastur `Ashur"]) > name_agreement("حجي قاسمللي", ["Mastur `Ashur"])
    gaz = load_gazetteer()
    (p,) = [q for q in gaz.lookup("مستور عاشور") if q.name_en == "Mastur `Ashur"]
    assert p.name_ar == "مستور عاشور" and "حجي قاسمللي" in p.aliases_ar


def test_the_automaton_cache_is_keyed_by_what_it_is_made_of(tmp_path, monkeypatch):
    import extraction.places.cache as cache

    key = cache_key()
    assert key and key == cache_key()
    monkeypatch.setattr(cache, "_DEPENDS", (*cache._DEPENDS, str(tmp_path / "x.csv")))
    (tmp_path / "x.csv").write_text("a", encoding="utf-8")
    other = cache_key()
    (tmp_path / "x.csv").write_text("b", encoding="utf-8")
    assert other != key and cache_key() != other


def test_a_cached_automaton_finds_what_a_fresh_one_finds(tmp_path, monkeypatch):
    from extraction.gazetteer.index import Gazetteer
    from extraction.gazetteer.load import _copy, shipped
    from extraction.places.matcher import matcher_for

    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path))
    text = "قصفت القوات التركية قرى تل غزال شرقي كوباني والقامشلي وجروان بريف دير الزور"
    first = Gazetteer([_copy(p) for p in shipped()], shipped=True)
    matcher_for(first)  # builds and saves
    assert list(tmp_path.glob("places-automaton-*.pickle"))
    second = Gazetteer([_copy(p) for p in shipped()], shipped=True)
    assert [m.place.id for m in find_places(text, gazetteer=second)] == [
        m.place.id for m in find_places(text, gazetteer=first)
    ]
    (tmp_path / next(tmp_path.glob("*.pickle")).name).write_bytes(b"not a pickle")
    third = Gazetteer([_copy(p) for p in shipped()], shipped=True)
    assert [m.place.id for m in find_places(text, gazetteer=third)] == [
        m.place.id for m in find_places(text, gazetteer=first)
    ]


def test_the_sound_index_is_saved_with_the_automaton(tmp_path, monkeypatch):
    """A second process finds "Mala Sobat" (the map's Mawla Sibat) from the saved index, not a rebuilt one."""
    import extraction.places.matcher as matcher_mod
    from extraction.gazetteer.index import Gazetteer
    from extraction.gazetteer.load import _copy, shipped
    from extraction.places.matcher import matcher_for
    from extraction.places.sounds import sounding_near

    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path))
    first = Gazetteer([_copy(p) for p in shipped()], shipped=True)
    built = matcher_for(first).sounds
    assert built.english and built.arabic and built.pairs
    monkeypatch.setattr(matcher_mod, "build_index", lambda *a: pytest.fail("the index was rebuilt"))
    second = Gazetteer([_copy(p) for p in shipped()], shipped=True)
    assert matcher_for(second).sounds == built
    found = sounding_near("Mala Sobat", second.get("gn-173377"), second)  # near Qamishli
    assert found is second.get("wof-1243077207")


def test_a_wof_row_does_not_give_a_known_place_another_known_place_s_name():
    gaz = load_gazetteer()
    # WOF's row for Sirrin ash Shamaliyah also says "Sarrin"/صرين and al-Kishma's says الكشكية: the names of
    # their known neighbours (the town of Sarrin, al-Kishkiyah), which keep them
    assert "Sarrin" not in gaz.get("gn-164071").aliases_en
    assert "الكشكية" not in gaz.get("cur-al-kishma").aliases_ar
    assert _ids("a Turkish drone hit a house in the town of Sarrin, south of Kobani")[0] == "cur-sarrin"


def test_extraction_passes_the_outlet_to_place_resolution():
    from extraction import extract

    text = "قصفت القوات التركية بالمدفعية قرية جروان صباح اليوم"
    assert [e.place_id for e in extract(text, "2024-03-11")] == [JARWAN_HASAKAH]
    assert [e.place_id for e in extract(text, "2024-03-11", "دير الزور 24")] == [JARWAN_DEIR]


def test_a_map_spelling_with_qaf_joins_the_news_spelling_with_kaf():
    # WOF's "جديد عقيدات" is the curated "جديد عكيدات" (Jadid Ukaydat): one place with both names
    assert [p.id for p in load_gazetteer().lookup("جديد عقيدات")] == ["cur-jadid-ukaydat"]


# كديران (Kudayran): a WOF village 27 km south-west of Raqqa city, in no other source.
KUDAYRAN = "wof-1343585203"
TALL_SHAIR_JARABULUS = "wof-1225933597"  # تل الشعير, 38 km west of Kobani


def test_a_side_of_a_city_reaches_its_countryside():
    """ "دهمت منازل في قرى السويدية وكديران وجعبر غربي الرقة": west of a district's seat reaches the villages 27-45
    km out; near a town does not (see the عطشان test above)."""
    assert KUDAYRAN in _ids("دهمت قوى الأمن منازل في قرية كديران غربي الرقة")


def test_a_distance_told_sets_how_far_the_frame_reaches():
    """ "قرب قرية تل شعير، على بعد 5 كم غربي عين العرب": the only تل شعير villages known lie 38 km and more away,
    so this one is not in the gazetteer."""
    assert TALL_SHAIR_JARABULUS in _ids("قصفت مسيرة سيارة قرب قرية تل شعير غربي عين العرب")
    assert TALL_SHAIR_JARABULUS not in _ids("قصفت مسيرة سيارة قرب قرية تل شعير، على بعد 5 كم غربي عين العرب")
    assert TALL_SHAIR_JARABULUS not in _ids(
        "A drone hit a car near the village of Tell Shair, 5 km west of Kobani"
    )
