"""Actors: canonical names, clitics and the 8 December 2024 era rule."""

from __future__ import annotations

import datetime as dt

from extraction.actors import actor_names, group_of, inter_of, resolve
from extraction.lexicon import main_matcher
from extraction.normalise import fold


def names(text: str, day: str) -> list[str]:
    t = fold(text)
    return [a.name for a in resolve(main_matcher().find(t), dt.date.fromisoformat(day), t)]


def test_era_rule_for_the_syrian_army() -> None:
    assert names("الجيش السوري", "2024-08-19") == ["Military Forces of Syria (2000-2024)"]
    assert names("الجيش السوري", "2025-01-10") == ["Military Forces of Syria (2024-)"]
    assert names("قوات النظام", "2020-01-01") == ["Military Forces of Syria (2000-2024)"]
    assert names("قوات النظام", "2025-01-10") == []
    assert names("الأمن العام", "2026-02-10") == ["Military Forces of Syria (2024-)"]


def test_sdf_and_its_parts() -> None:
    for alias in ("قسد", "لقسد", "وقوات سوريا الديمقراطية", "مجلس دير الزور العسكري", "وحدات حماية الشعب"):
        assert names(alias, "2023-01-01") == ["SDF: Syrian Democratic Forces"], alias
    assert group_of(names("الأسايش", "2023-01-01")[0]) == "SDF"
    # "The Islamic State group killed 12 US-backed fighters" (Deir ez-Zor): in the north-east, the SDF
    for alias in ("US-backed fighters", "U.S.-backed forces"):
        assert names(f"{alias} near Hajin", "2018-11-04") == ["SDF: Syrian Democratic Forces"], alias


def test_attackers_a_report_cannot_name_are_unidentified() -> None:
    """ "Unknown people riding a motorcycle opened fire", "Unidentified individuals ... targeted a checkpoint"."""
    for alias in ("Unknown people", "unidentified individuals", "Unknown attackers", "masked gunmen"):
        assert names(f"{alias} opened fire on a checkpoint", "2025-09-12") == [
            "Unidentified Armed Group (Syria)"
        ], alias


def test_other_families() -> None:
    assert names("جيش الاحتلال التركي ومرتزقته", "2022-06-20") == [
        "Military Forces of Turkey (2016-)",
        "Syrian National Army",
    ]
    assert names("خلايا تنظيم داعش", "2023-01-01") == ["Islamic State (Syria)"]
    assert names("مسلحون مجهولون", "2023-01-01") == ["Unidentified Armed Group (Syria)"]
    assert names("مقاتلي العشائر", "2024-01-01") == ["Arab Tribal Forces (Syria)"]


def test_names_and_inter_codes() -> None:
    ns = actor_names()
    assert ns == sorted(ns) and len(ns) == len(set(ns))
    assert inter_of("SDF: Syrian Democratic Forces") == "Rebel group"
    assert inter_of("Civilians (Syria)") == "Civilians"


def test_clans_occupation_style_and_english_government_units() -> None:
    assert names("اشتباكات بين أبناء عشيرتي البوعساف والبوخميس", "2022-07-12") == [
        "Arab Tribal Forces (Syria)"
    ]
    assert group_of(names("صلح عشائري", "2026-01-14")[0]) == "TRIBAL"
    assert names("طائرة مسيرة تابعة لجيش الاحتلال", "2021-08-17") == ["Military Forces of Turkey (2016-)"]
    assert names("Government artillery", "2025-11-17") == ["Military Forces of Syria (2024-)"]
    assert names("government troops", "2019-05-01") == ["Military Forces of Syria (2000-2024)"]


def test_the_syrian_internal_security_forces_are_the_governments() -> None:
    """ "قوات الأمن الداخلي السوري": the new government's, not the Asayish's bare "قوات الأمن الداخلي"."""
    assert names("قوات الأمن الداخلي السوري", "2026-02-03") == ["Military Forces of Syria (2024-)"]
    assert names("قوى الأمن الداخلي السورية", "2026-02-03") == ["Military Forces of Syria (2024-)"]


def test_the_organisation_is_the_is_only_once_named() -> None:
    """ "هجوم لداعش ... أن التنظيم هاجم": "التنظيم" refers to the IS named before it, and to no one before that."""
    assert names("داعش ثم التنظيم", "2025-09-25") == ["Islamic State (Syria)", "Islamic State (Syria)"]
    assert names("هاجم التنظيم حاجزاً", "2025-09-25") == []


def test_government_drones_are_the_state_of_their_era() -> None:
    """ "Syrian government drones hit SDF near Aleppo": Assad's forces before 8 Dec 2024, the new army after."""
    text = "Syrian government drones hit SDF near Aleppo"
    assert names(text, "2025-10-05")[0] == "Military Forces of Syria (2024-)"
    assert names(text, "2023-10-05")[0] == "Military Forces of Syria (2000-2024)"


def test_syrian_security_forces_are_the_state_of_their_era() -> None:
    """ "Syrian security forces on Wednesday detained ...", "Syria's Internal Security Forces" (2026): the new
    government's, not the Asayish."""
    assert names("Syrian security forces detained a man", "2026-02-25") == [
        "Military Forces of Syria (2024-)"
    ]
    assert names("four members of Syria's Internal Security Forces", "2026-02-25") == [
        "Military Forces of Syria (2024-)"
    ]
    assert names("Syrian security forces detained a man", "2019-02-25") == [
        "Military Forces of Syria (2000-2024)"
    ]


def test_a_given_name_that_is_an_actor_word_names_a_person() -> None:
    """ "اغتال مسلحون مجهولون القيادي في قسد خلف تركي الخبيل": Turki is his name, not Turkey; "قصف تركي اليوم" is."""
    text = "اغتال مسلحون مجهولون القيادي في قسد خلف تركي الخبيل"
    assert "Military Forces of Turkey (2016-)" not in names(text, "2018-07-03")
    assert "Military Forces of Turkey (2016-)" in names("قصف تركي اليوم على القرية", "2018-07-03")


def test_the_syriac_security_forces_are_the_sdfs() -> None:
    """ "عضو في قوات الأمن السريانية" (the Sutoro): an SDF member group."""
    assert names("لقي عضو في قوات الأمن السريانية حتفه", "2022-10-12") == ["SDF: Syrian Democratic Forces"]


def test_turkish_outlets_name_the_sdf_by_its_components() -> None:
    """ "دفع تنظيم بي كي كي/واي بي جي الإرهابي بتعزيزات": Anadolu's name for the SDF."""
    assert set(names('دفع تنظيم "بي كي كي/واي بي جي" الإرهابي بتعزيزات', "2025-07-15")) == {
        "SDF: Syrian Democratic Forces"
    }


def test_general_security_before_the_fall_is_the_asayish() -> None:
    """ "a General Security patrol raided the Greek House Restaurant in Raqqa" (2019): the Asayish's branch; after
    8 Dec 2024 the new government's."""
    assert names("a General Security patrol raided", "2019-08-10") == [
        "Asayish: Kurdish Internal Security Forces"
    ]
    assert names("a General Security patrol raided", "2025-08-10") == ["Military Forces of Syria (2024-)"]


def test_the_syrian_government_acting_is_its_forces_by_era() -> None:
    """ "drone strikes the Syrian government carried out near Deir Hafer": the state acting is its forces."""
    assert names("drone strikes the Syrian government carried out", "2025-10-05") == [
        "Military Forces of Syria (2024-)"
    ]
    assert names("the Damascus government's militants", "2019-06-01") == [
        "Military Forces of Syria (2000-2024)"
    ]


def test_an_owner_before_a_force_is_not_another_actor() -> None:
    """ "the Damascus government's National Defense Forces": the force owned, not its owner, is told of."""
    assert names("members of the Damascus government's National Defense Forces", "2023-11-30") == [
        "NDF: National Defence Forces"
    ]


def test_the_syrian_security_forces_in_arabic_are_the_states_by_era() -> None:
    """ "مقتل عنصرين من الأمن السوري" (2026), "تعرّضت قوة أمنية سورية لهجوم": the state's security forces."""
    assert names("مقتل عنصرين من الأمن السوري", "2026-01-30") == ["Military Forces of Syria (2024-)"]
    assert names("تعرضت قوة أمنية سورية لهجوم", "2019-05-01") == ["Military Forces of Syria (2000-2024)"]


def test_a_bare_name_is_the_force_the_report_qualifies_it_as() -> None:
    """ "قوى الأمن الداخلي" (also the Asayish's name) in a report that says "قوى الأمن الداخلي التابعة لوزارة
    الداخلية السورية": the interior ministry's forces, before and after the qualified form."""
    text = (
        "انتشار قوى الأمن الداخلي في البلدة. قتل عنصران من قوى الأمن الداخلي التابعة لوزارة الداخلية السورية."
    )
    assert set(names(text, "2026-01-30")) == {"Military Forces of Syria (2024-)"}
    assert names("انتشار قوى الأمن الداخلي في البلدة.", "2021-01-30") == [
        "Asayish: Kurdish Internal Security Forces"
    ]
