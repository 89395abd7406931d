"""Place mentions: the forms Arabic and English news use resolve to the right point, and ordinary words don't."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.gazetteer import km
from extraction.normalise import fold, normalise
from extraction.places import TYPE_KINDS, WORDS_CSV, find_places, find_unknown_places, place_words

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"

QAMISHLI = (37.05215, 41.23142)
HASAKAH = (36.50237, 40.74772)
DEIR_EZ_ZOR = (35.33588, 40.14084)

# (text, expected point, as the sources give it)
KNOWN_FORMS = [
    ("بالقامشلي", QAMISHLI),
    ("وبالقامشلي", QAMISHLI),
    ("للقامشلي", QAMISHLI),
    ("القامشلو", QAMISHLI),
    ("مدينة الحسكة", HASAKAH),
    ("لـالحسكة", HASAKAH),
    ("فالحسكة", HASAKAH),
    ("وبلدة الشعفة", (34.567778, 40.934167)),
    ("مخيم الهول", (36.375556, 41.148611)),
    ("مطار القامشلي", (37.020556, 41.191389)),
    ("مطار القامشلي الدولي", (37.020556, 41.191389)),
    ("دير الزور", DEIR_EZ_ZOR),
    ("البصيرة", (35.155556, 40.425833)),
    ("ذيبان", (35.015556, 40.510278)),
    ("هجين", (34.69508, 40.83138)),
    ("الشحيل", (35.0865, 40.45232)),
    ("بلدة السوسة", (34.53366, 40.95819)),
    ("الشدادي", (36.05756, 40.73478)),
    ("قرب بلدة العريشة", (36.23154, 40.77214)),
    ("مدينة الطبقة", (35.83758, 38.54828)),
    ("سري كانيه", (36.85034, 40.07055)),
    ("قرية رسم الحرمل الإمام", (36.24486, 37.71607)),
    ("محيط مدينة دير حافر", (36.15694, 37.70778)),
    ("ناحية تل تمر", (36.65556, 40.37079)),
    ("Qamishli", QAMISHLI),
    ("al-Hasakah", HASAKAH),
    ("Deir ez-Zor", DEIR_EZ_ZOR),
    ("the town of Amuda", (37.10417, 40.93)),
    ("al-Hol camp", (36.375556, 41.148611)),
    ("Tirbespiyê", (37.029, 41.54596)),
]


@pytest.mark.parametrize(("text", "point"), KNOWN_FORMS)
def test_known_forms_resolve_within_3_km(text, point):
    ms = find_places(text)
    assert len(ms) == 1, [m.text for m in ms]
    m = ms[0]
    assert text[m.start : m.end] == m.text
    assert km(m.lat, m.lon, *point) < 3, (m.place.id, m.lat, m.lon)


@pytest.mark.parametrize("text", ["حي طي", "حي الزنود", "حي زنود", "حي حلكو", "بحي قدوربك"])
def test_qamishli_neighbourhoods_resolve_within_the_city(text):
    (m,) = find_places(text)
    assert m.place.kind == "neighbourhood"
    assert km(m.lat, m.lon, *QAMISHLI) < 5
    assert m.geo_precision == 2


def test_region_phrases():
    (m,) = find_places("في ريف دير الزور الشرقي")
    assert m.place.kind == "region" and m.geo_precision >= 2 and m.text == "ريف دير الزور الشرقي"
    for text in ("غربي نهر الفرات", "الضفة الغربية لنهر الفرات", "غرب الفرات"):
        (m,) = find_places(text)
        assert m.place.id == "reg-euphrates-west", text
    (m,) = find_places("شمال وشرق سوريا")
    assert m.place.kind == "region" and m.geo_precision == 3
    (m,) = find_places("in northeast Syria")
    assert m.place.id == "reg-northeast-syria"


def test_direction_phrase_is_near_the_place_at_precision_2():
    text = "على طريق الحسكة، جنوبي مدينة القامشلي."
    ms = find_places(text)
    m = ms[-1]
    assert m.text == "جنوبي مدينة القامشلي" and m.qualifier == "south of"
    assert m.geo_precision == 2 and km(m.lat, m.lon, *QAMISHLI) < 1
    (m,) = find_places("قصف شرقي دير الزور")
    assert m.qualifier == "east of" and m.geo_precision == 2


def test_countryside_with_a_side_and_a_sub_district():
    (m,) = find_places("في ريف ناحية تل تمر الشمالي الغربي")
    assert m.place.id == "gn-163434" and m.qualifier == "north-western countryside" and m.geo_precision == 2
    (m,) = find_places("بريف حلب الشرقي")
    assert m.place.name_en == "Aleppo" and m.qualifier == "eastern countryside" and m.geo_precision == 3
    (m,) = find_places("Hasakah countryside")
    assert m.qualifier == "countryside" and m.geo_precision == 2


def test_a_list_after_a_plural_type_word_gives_one_mention_per_name():
    ms = find_places("اشتباكات في بلدات غرانيج وأبو حمام والكشكية بريف دير الزور الشرقي")
    assert [m.place.id for m in ms][:3] == ["cur-gharanij", "cur-abu-hamam", "cur-al-kishkiyah"]
    ms = find_places("في أحياء الزنود وطي")
    assert [m.place.id for m in ms] == ["cur-al-zinud", "cur-tay-quarter"]
    assert [m.text for m in ms] == ["أحياء الزنود", "طي"]
    ms = find_places("انسحبوا إلى حيّي العزيزية والناصرة")
    assert [m.place.kind for m in ms] == ["neighbourhood", "neighbourhood"]


@pytest.mark.parametrize(
    "text",
    [
        "طي الصفحة",
        "على التل المجاور",
        "في الحي نفسه",
        "الصور التي نشرت",
        "في المنطقة",
        "الثورة السورية",
        "من أجل الكرامة",
        "الطبقة السياسية",
        "قناة الجزيرة",
        "The camp administration",
        "Mazloum Abdi, head of the SDF, said",  # a person's name, not the Deir ez-Zor village
    ],
)
def test_ordinary_words_are_not_places(text):
    assert find_places(text) == []


def test_a_short_name_after_a_type_word_is_a_place():
    (m,) = find_places("بلدة الكرامة")
    assert m.place.id == "gn-4273"
    (m,) = find_places("في منطقة الجزيرة")
    assert m.place.id == "reg-jazira"


def test_an_admin_area_name_resolves_to_the_town_not_the_centroid():
    for text, town in (("القامشلي", "gn-173377"), ("البصيرة", "gn-173927"), ("موحسن", "gn-162284")):
        (m,) = find_places(text)
        assert m.place.id == town and m.geo_precision == 1
    (m,) = find_places("محافظة الحسكة")
    assert m.place.kind == "governorate" and m.geo_precision == 3


def test_ambiguous_names_follow_the_report():
    ms = find_places("قصف على قرية الصالحية بريف دير الزور")
    assert ms[0].place.id == "cur-al-salihiyah-deir-ez-zor"
    ms = find_places("اعتقالات في حي الصالحية بمدينة الحسكة")
    assert ms[0].place.id == "cur-al-salihiya-hasakah"
    ms = find_places("اجتماع في المربع الأمني وسط مدينة القامشلي")
    assert ms[0].place.id == "cur-qamishli-security-square"
    ms = find_places("اجتماع في المربع الأمني وسط مدينة الحسكة")
    assert ms[0].place.id == "cur-hasakah-security-square"


def test_mention_to_dict():
    (m,) = find_places("وبلدة الشعفة")
    d = m.to_dict()
    for key in (
        "start",
        "end",
        "text",
        "name_en",
        "name_ar",
        "lat",
        "lon",
        "kind",
        "admin1",
        "admin2",
        "admin3",
    ):
        assert key in d
    assert d["geo_precision"] == 1 and d["admin1"] == "Deir ez-Zor" and d["text"] == "بلدة الشعفة"
    json.dumps(d, ensure_ascii=False)


def test_extra_places_are_matched():
    extra = [{"id": "user-tal-jadaan", "name_en": "Tal Jadaan", "name_ar": "تل الجدعان", "kind": "village",
              "located_by": "gn-163434", "source": "analyst"}]  # fmt: skip
    text = "قصف قرية تل الجدعان في ريف تل تمر"
    assert find_unknown_places(normalise(text), find_places(text)) == [(9, 19, "تل الجدعان")]
    ms = find_places(text, extra_places=extra)
    assert ms[0].place.id == "user-tal-jadaan" and ms[0].geo_precision == 2
    assert find_unknown_places(normalise(text), ms) == []


def test_unknown_places_after_type_words():
    # Raqqa's al-Daraiya, al-Rumaila, al-Mishlab and the al-Naim roundabout are in the gazetteer (news
    # usage); the names below are not
    text = "داهمت منازل في أحياء الدرعية والبارودة والمقلوبة وشارع النور، واعتقلت 23 شخصاً عند دوار الفخاري وسط الرقة"
    norm = normalise(text)
    names = [u[2] for u in find_unknown_places(norm, find_places(norm))]
    assert names == ["البارودة", "المقلوبة", "النور", "الفخاري"]
    ids = [m.place.id for m in find_places(norm)]
    assert ids[0] == "nws-raqqa-al-daraiya" and ids[-1] == "gn-172955"
    for s, e, t in find_unknown_places(norm, []):
        assert text[s:e] == t
    en = "Gunmen attacked the village of Tal Jadaan near Tal Tamr."
    assert [u[2] for u in find_unknown_places(normalise(en), find_places(en))] == ["Tal Jadaan"]


def _dev_texts() -> list[tuple[str, str]]:
    if not DEV.is_dir():
        return []
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))["text"]) for p in sorted(DEV.glob("*.json"))]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev not present")
def test_no_ordinary_word_false_positives_on_the_dev_reports():
    words = place_words()
    for name, text in _dev_texts():
        norm = normalise(text)
        mentions = find_places(norm)
        for m in mentions:
            assert text[m.start : m.end] == m.text, name
            bare = fold(m.text).lstrip(words.proclitics)
            if fold(m.text) in words.common or bare in words.common:
                # an ordinary word is a place only after a type word or in a list one opens
                assert m.kind_hint is not None, (name, m.text)
        assert not [m.text for m in mentions if fold(m.text) in ("الحي", "التل", "المنطقه", "الجزيره")], name
        for s, e, t in find_unknown_places(norm, mentions):
            assert text[s:e] == t


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev not present")
def test_the_places_of_the_dev_reports_are_found():
    found = {name: {m.place.id for m in find_places(text)} for name, text in _dev_texts()}
    assert {"cur-al-shaafah", "gn-172415", "gn-174506"} <= found["02-isis-checkpoint-shaafah.json"]
    assert {"gn-421015", "gn-172837"} <= found["03-ied-hasakah-shaddadi-road.json"]
    assert {"cur-gharanij", "cur-abu-hamam", "cur-al-kishkiyah"} <= found["07-tribal-clashes-gharanij.json"]
    assert {"gn-167713", "gn-170785", "gn-165428", "gn-167080"} <= found["08-army-sdf-deir-hafer.json"]
    assert {
        "cur-al-zinud",
        "cur-tay-quarter",
        "cur-halko",
        "cur-tartab",
        "cur-al-dahla",
        "cur-jadid-bakara",
    } <= (found["seed-qamishli.json"])


def test_place_words_data_is_well_formed():
    with WORDS_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    roles = {"proclitic", "type", "plural", "direction", "side", "name_head", "name_tail", "common", "stop"}
    roles |= {"org_before", "org_after", "org_after_alone", "org_before_alone"}
    roles |= {"locative", "area_after", "event_word", "word_name", "dual", "pair"}
    seen = set()
    for r in rows:
        assert r["role"] in roles and r["note"].strip(), r
        assert (r["word"], r["role"]) not in seen, r
        seen.add((r["word"], r["role"]))
        if r["role"] in ("type", "plural"):
            assert r["kind"] in TYPE_KINDS, r
        if r["role"] in ("direction", "side"):
            assert r["qualifier"], r


def test_spans_map_back_through_diacritics_and_html():
    text = "<p>قصفت القوات التركية مدينةَ القامشليّ</p>"
    (m,) = find_places(text)
    assert text[m.start : m.end] == m.text and m.place.id == "gn-173377"


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("القامشليحيطوبلدةريف دير الزور الشرقي ,.،\nQamishl-")), max_size=120
    )
)
def test_random_text_gives_exact_spans(text):
    for m in find_places(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "أفاد مراسل «دير الزور 24»",
        "في كلمة نقلتها قناة الميادين",
        "the commander of the SDF's Al-Bukamal Regiment",
        "fighters of the Raqqa Brigade",
    ],
)
def test_outlets_named_after_a_place_are_not_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتوعّد القائد العام لـ«مجلس دير الزور العسكري»",
        "the Manbij Military Council said",
        "مجلس ذيبان المدني",
    ],
)
def test_institutions_named_after_a_place_are_fallback_places(text):
    ms = find_places(text)
    assert ms and all(m.qualifier == "institution" for m in ms)


def test_a_council_does_not_hide_the_next_place():
    ms = find_places("قال مجلس تل تمر العسكري إن القصف طال قرى ريف تل تمر")
    assert [(m.text, m.place.id, m.qualifier) for m in ms][-1] == (
        "قرى ريف تل تمر",
        "gn-163434",
        "countryside",
    )
    assert ms[0].qualifier == "institution"


def test_unknown_places_are_never_verbs_or_lexicon_words():
    text = "اعتقلت قوات الأمن في مدينة اعتقلت شاباً، وفرضت في بلدة فرضت حظراً، وطالب أهالي قرية طالبوا بالإفراج"
    assert find_unknown_places(normalise(text), find_places(text)) == []
    text = "The clashes reached The village and the town of The"
    assert find_unknown_places(normalise(text), find_places(text)) == []


def test_unknown_places_are_linear_on_long_texts():
    text = "قصف قرية تل جديدة الصغيرة وقرى الخربة والصفصافة. " * 4000
    found = find_unknown_places(normalise(text), [])
    assert len(found) == 4000 * 3


@pytest.mark.parametrize(
    ("text", "ids", "city"),
    [
        ("قصف أحياء الجورة والقصور في دير الزور", ["nws-deir-al-jura", "nws-deir-al-qusur"], "gn-170794"),
        ("انفجار عبوة في حي السرب بمنبج", ["nws-manbij-al-sirb"], "gn-167357"),
        (
            "حملة مداهمات في حيي المشلب والرميلة",
            ["nws-raqqa-al-mishlab", "nws-raqqa-al-rumaila"],
            "gn-172955",
        ),
        ("اشتباكات في حي الغزل", ["nws-hasakah-al-ghazal"], "gn-173811"),
        ("قناص في حي الطي", ["cur-tay-quarter"], "gn-173377"),
    ],
)
def test_neighbourhoods_from_news_usage_lie_in_their_city(text, ids, city):
    ms = [m for m in find_places(text) if m.place.kind == "neighbourhood"]
    assert [m.place.id for m in ms] == ids
    assert all(m.place.located_by == city and m.geo_precision == 2 for m in ms)


def test_quarter_names_that_are_words_stay_words():
    assert find_places("وقال الأمين العام للأمم المتحدة إن الصناعة والنهضة") == []


def test_russias_air_base_is_a_place_of_its_own() -> None:
    """ "officials met at the coastal Hmeimim air base": the base by the village of Humaymim (Latakia)."""
    got = [
        (m.text, m.place.name_en)
        for m in find_places("officials met at the coastal Hmeimim air base on Monday")
    ]
    assert got == [("Hmeimim air base", "Hmeimim air base")]
    assert [m.place.name_en for m in find_places("اجتمع المسؤولون في قاعدة حميميم")] == ["Hmeimim air base"]


def test_a_two_word_name_written_with_a_hyphen_is_found() -> None:
    """ "in the countryside of the city of Albu-Kamal": news hyphenates two-word names."""
    assert [m.place.name_en for m in find_places("in the countryside of the city of Albu-Kamal")] == [
        "Albu Kamal"
    ]


def test_the_western_part_of_a_province_is_its_countryside() -> None:
    """ "wounded in western Deir al-Zor": the province's western countryside, not the city."""
    (m,) = find_places("an SDF fighter was wounded in western Deir al-Zor")
    assert "countryside" in (m.qualifier or "")


def test_each_name_of_an_english_list_of_villages_is_a_name() -> None:
    """ "including the villages of Bir Hasso, Ghasaq and Malha and the Qara Qozak Bridge": three villages."""
    text = "Turkish airstrikes hit nearby areas, including the villages of Bir Hasso, Ghasaq and Malha and the bridge."
    assert [n for _s, _e, n in find_unknown_places(normalise(text), [])] == ["Bir Hasso", "Ghasaq", "Malha"]


def test_an_english_list_of_villages_ends_where_something_else_follows() -> None:
    """ "the villages of Harbel, Al-Sheikh Issa and the outskirts of Tal Rifaat": two villages, then the outskirts."""
    text = (
        "Turkish forces heavily shelled the villages of Harbel, Al-Sheikh Issa and the outskirts of the town."
    )
    assert [n for _s, _e, n in find_unknown_places(normalise(text), [])] == ["Harbel", "Al-Sheikh Issa"]


def test_marea_as_english_news_spells_it() -> None:
    """ "Kurdish forces answered with mortar rounds on Marea city": مارع."""
    assert [
        m.place.name_ar for m in find_places("Kurdish forces answered with mortar rounds on Marea city.")
    ] == ["مارع"]


def test_each_name_of_an_english_list_struck_in_the_passive_is_a_name() -> None:
    """ "Derdara and Um Keif, as well as Ereb Khan in the Zarghan district, were shelled": three villages; one name
    before "was hit" (a person as often as a place) is not read."""
    text = "On January 5 Derdara and Um Keif, as well as Ereb Khan in the Zarghan district, were shelled."
    assert [n for _s, _e, n in find_unknown_places(normalise(text), [])] == [
        "Derdara",
        "Um Keif",
        "Ereb Khan",
    ]
    assert find_unknown_places(normalise("On Monday Ahmed Hassan was hit by a stray bullet."), []) == []


def test_a_site_named_after_a_name_is_no_village() -> None:
    """ "near Al-Saha roundabout in Al-Masaref neighbourhood of Al-Qamishli city": a roundabout in Qamishli."""
    text = "A young man shot dead a man near Al-Saha roundabout in Al-Qamishli city."
    assert "Al-Saha" not in [n for _s, _e, n in find_unknown_places(normalise(text), [])]


def test_a_dam_no_source_has_is_a_site_of_its_own() -> None:
    """ "استهدفت طائرة مسيرة نقطة أخرى قرب سد الباشوط في ريف المالكية": a second strike, at the dam, not the
    first one's town."""
    from extraction import extract

    text = (
        "خبر\nقُتل عنصر إثر ضربة نفذتها مسيرة تركية على سيارة في مدينة المالكية اليوم.\n"
        "وفي سياق متصل، استهدفت طائرة مسيرة نقطة أخرى قرب سد الباشوط في ريف المالكية."
    )
    assert len(extract(text, "2022-10-12")) == 2


def test_a_direction_before_a_place_is_not_the_tail_of_an_unknown_name() -> None:
    """ "في قرية المريعية شرقي دير الزور": the village is المريعية; "شرقي دير الزور" says where it lies."""
    from extraction.places import find_places, unlisted_places

    n = normalise("انفجر لغم أرضي اليوم في قرية المريعية شرقي دير الزور، ما أودى بحياة شابتين.")
    known = find_places(n)
    assert [p.place.name_ar for p in unlisted_places(n, known)] == ["المريعية"]


def test_a_list_of_villages_does_not_run_on_past_its_line() -> None:
    """ "... يوقع قتلى في قرى ريفية" then a new line "وطال القصف ... قرية الصفا": "طال" is no village of the list."""
    text = 'قصف لـ"قسد" يوقع قتلى وجرحى في قرى ريفية\nوطال القصف اليوم قرية الصفا جنوبي بلدة جل آغا.'
    assert "وطال" not in [n for _s, _e, n in find_unknown_places(normalise(text), [])]
    assert "طال" not in [n for _s, _e, n in find_unknown_places(normalise(text), [])]


def test_deir_el_zour_as_turkish_outlets_spell_it() -> None:
    """ "in Syria's Deir el-Zour" (Daily Sabah, Anadolu, TRT): the city; "Deir el-Zour province": the governorate."""
    assert [
        m.place.name_en for m in find_places("Two civilians were killed in Deir el-Zour on Wednesday.")
    ] == ["Deir ez-Zor"]
    assert [
        m.place.kind for m in find_places("Fighting broke out across Deir el-Zour province on Sunday.")
    ] == ["governorate"]


def test_north_east_names_as_english_news_spells_them() -> None:
    """ "around Hajjin", "the village of Sousah": a doubled consonant and "ou" for a map's Hajin and Susah (north-east
    places only: "Umm al-Marra" south of Deir Hafer is not Ma'arrat an-Nu'man in Idlib)."""
    assert [m.place.name_en for m in find_places("SDF positions around Hajjin were attacked.")] == ["Hajin"]
    assert "As Susah" in [
        m.place.name_en for m in find_places("They retook the village of Sousah on Thursday.")
    ]
    assert not any(
        m.place.admin1 == "Idlib"
        for m in find_places("rocket strikes on the village of Umm al-Marra south of Deir Hafer")
    )


def test_a_tails_feminine_ending_dropped_or_added() -> None:
    """ "في قرى الكيارية ورسم الأحمر وحبوبة كبير": the map's Habbubah Kabirah (حبوبة كبيرة)."""
    assert "Habbubah Kabirah" in [
        m.place.name_en for m in find_places("قصف طال قرية حبوبة كبير بريف حلب الشرقي")
    ]


def test_who_holds_a_village_is_not_its_name() -> None:
    """ "the SDF-controlled village of Al-Jalamidah": "SDF-controlled" names who holds it, not a village."""
    names = [
        n
        for _s, _e, n in find_unknown_places(
            "In the SDF-controlled village of Al-Jalamidah, clashes broke out.", []
        )
    ]
    assert "SDF-controlled" not in names


def test_a_name_in_quotes_after_its_type_word_is_a_place() -> None:
    """ "في اشتباك مع مجموعة لداعش في بلدة "البحرة الوسطى"": outlets quote names; the type word before the mark
    still makes the name a place."""
    for text in ('اشتباك في بلدة "البحرة الوسطى" اليوم', "اشتباك في بلدة «البحرة» اليوم"):
        assert [m.place.name_en for m in find_places(text)] == ["Al-Bahra"]


def test_a_type_word_that_types_the_name_after_it_does_not_type_the_one_before() -> None:
    """ "the Iraqi town of Sinjar": "town of" names Sinjar; "Iraqi" (the Damascus village Al `Iraqi, which a report
    naming Damascus would allow) is no town."""
    text = "Turkish jets struck the Iraqi town of Sinjar on Monday, killing a dozen fighters.\nDamascus condemned the raid."
    assert [m.place.name_en for m in find_places(text)] == ["Sinjar", "Damascus"]


def test_a_possessive_countryside_is_the_area():
    """ "in villages of Deir Ezzor's western countryside", "in Raqqa's countryside": the countryside, not the city."""
    (m,) = find_places(
        "The militias began arrests in villages of Deir Ezzor's western countryside on Friday."
    )
    assert (m.place.name_en, m.qualifier) == ("Deir ez-Zor", "western countryside")
    (m,) = find_places("Clashes broke out in Raqqa's countryside on Friday.")
    assert m.qualifier == "countryside"
