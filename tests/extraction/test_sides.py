"""Stage sides: who acted (actor 1), on whom (actor 2), with whom (associated actor)."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards, one_line, sides

DARIYA = (
    "وكان مسلحون مجهولون قد اغتالوا منذ ثلاثة أيام شاباً يعمل في المجلس المحلي بإطلاق النار عليه أمام منزله في "
    "حي الدرعية بالرقة، ما أدى إلى مقتله على الفور."
)


@guards("a_crowd_acts_against_the_force_in_its_clause")
def test_gunfire_on_protesters_is_force_against_a_protest() -> None:
    (ev,) = one_line("Security forces opened fire on protesters in Hasakah on Monday, killing two.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Excessive force against protesters",
        "Protesters (Syria)",
        2,
    )
    (ev,) = one_line("Gunmen ransacked a warehouse in Hajin on Monday.")
    assert ev.sub_event_type == "Looting/property destruction"


@guards(
    "a_crowd_acts_against_the_force_in_its_clause",
    "what_a_protest_is_against_took_no_part",
    "inmates_are_the_rioters",
)
def test_what_rioters_protest_against_and_inmates_group_are_not_the_opponent() -> None:
    assert sides(
        "أضرم محتجون النار في مبنى مجلس مدينة الميادين احتجاجاً على مقتل شاب برصاص عناصر من الأمن العام.",
        "2025-02-18",
    ) == [("Violent demonstration", "Rioters (Syria)", None)]
    assert sides("ISIS detainees rioted in the SDF-run Ghweran prison in Hasakah.", "2023-07-16") == [
        ("Violent demonstration", "Rioters (Syria)", "SDF: Syrian Democratic Forces")
    ]


@guards("the_displaced_are_civilians")
def test_people_who_flee_are_civilians() -> None:
    assert [e.actor1 for e in extract("خبر\nنزحت عشرات العائلات من بلدة تل تمر اليوم.", "2022-11-23")] == [
        "Civilians (Syria)"
    ]


@guards("the_claimant_acted")
def test_the_claimant_is_the_attacker() -> None:
    text = "News\nAn attack on an SDF checkpoint in Diban killed two fighters on Monday; ISIS claimed the attack."
    assert [(e.actor1, e.actor2) for e in extract(text, "2024-05-15")] == [
        ("Islamic State (Syria)", "SDF: Syrian Democratic Forces")
    ]


@guards("the_agent_nearest_the_act")
def test_the_force_next_to_the_verb_acted_not_the_one_that_told() -> None:
    for text in (
        "خبر\nقالت قسد إن الطيران التركي قصف قرية تل براك اليوم.",
        "News\nThe SDF said Turkish drones struck a car in Amuda on Monday.",
    ):
        assert [e.actor1 for e in extract(text, "2024-05-15")] == ["Military Forces of Turkey (2016-)"], text


@guards("the_first_agent_of_the_sentence", "unknown_gunmen_who_detain_abduct")
def test_gunmen_who_detain_someone_abduct_them() -> None:
    text = "اعترض مسلحون مجهولون سيارة تاجر قرب بلدة العريشة واقتادوه إلى جهة مجهولة، أمس."
    assert [e.sub_event_type for e in extract(text, "2024-05-15")] == ["Abduction/forced disappearance"]


@guards("unknown_gunmen_of_a_named_force")
def test_unknown_gunmen_of_a_named_division_are_that_division() -> None:
    text = "خبر\nاعتقل مسلحون مجهولون يتبعون للفرقة الرابعة شابين في مدينة الميادين اليوم."
    assert [(e.sub_event_type, e.actor1) for e in extract(text, "2023-05-15")] == [
        ("Arrests", "Military Forces of Syria (2000-2024)")
    ]


@guards("violence_against_civilians_hits_civilians")
def test_an_assassination_hits_a_civilian() -> None:
    assert [e.actor2 for e in extract(DARIYA, "2023-06-15")] == ["Civilians (Syria)"]


@guards("the_victim_is_actor2", "two_factions_of_one_family_fight_each_other")
def test_the_claimant_and_a_named_faction_are_the_actors() -> None:
    (ev,) = one_line("تبنى تنظيم داعش الهجوم على حاجز لقوات سوريا الديمقراطية في بلدة الشحيل، أمس.")
    assert (ev.actor1, ev.actor2) == ("Islamic State (Syria)", "SDF: Syrian Democratic Forces")
    (ev,) = one_line("اندلعت اشتباكات بين فصيل الحمزات وفصيل العمشات في مدينة رأس العين، اليوم.")
    assert (ev.actor1, ev.actor2) == ("Syrian National Army", "Syrian National Army")


@guards(
    "an_actor_after_a_victim_word_was_hit",
    "the_victim_is_actor2",
    "a_qualified_place_describes_the_one_before",
)
def test_headline_and_body_are_one_event() -> None:
    text = (
        "قتلى لـ«قسد» بهجوم لخلية من «داعش» على حاجز في بلدة الشعفة شرقي دير الزور\n"
        "هاجم مسلحون من خلايا تنظيم «داعش» فجر اليوم السبت حاجزاً لقسد في بلدة الشعفة، ما أدى إلى مقتل عنصرين."
    )
    evs = extract(text, "2023-02-18")
    assert len(evs) == 1
    e = evs[0]
    assert (e.event_type, e.location, e.event_date, e.fatalities) == (
        "Battles",
        "Al-Shaafah",
        "2023-02-18",
        2,
    )
    assert e.actor1 == "Islamic State (Syria)" and e.actor2 == "SDF: Syrian Democratic Forces"


@guards(
    "an_actor_after_a_victim_word_was_hit",
    "the_attacker_carries_to_the_next_sentence",
    "a_reply_targets_the_side_that_acted_before",
)
def test_the_attacker_carries_to_the_next_sentence_and_a_reply_swaps_sides() -> None:
    evs = extract(
        "خبر\nاستهدفت طائرة مسيرة تركية سيارة عسكرية قرب عامودا اليوم. "
        "وفي وقت لاحق، قُتل عنصران من قسد بقصف على قرية تل براك.",
        "2024-05-15",
    )
    assert [(e.location, e.actor1) for e in evs][1] == ("Tell Brak", "Military Forces of Turkey (2016-)")
    evs = extract(
        "خبر\nقصفت القوات التركية قرية تل براك اليوم. وردّت قسد بقصف مواقع في رأس العين.", "2024-05-15"
    )
    assert [(e.actor1, e.actor2) for e in evs][1] == (
        "SDF: Syrian Democratic Forces",
        "Military Forces of Turkey (2016-)",
    )


@guards("civilians_named_at_an_attack_are_its_victims", "the_same_place_and_day_is_one_event")
def test_civilians_named_at_an_attack_are_its_victims() -> None:
    text = "مقتل مدنيَّين وإصابة ١١ بانفجار دراجة نارية مفخخة في سوق شعبي بالرقة\nالرقة – نورث برس\n"
    evs = extract(
        text + "قُتل مدنيان اثنان، صباح اليوم، بانفجار دراجة نارية مفخخة في مدينة الرقة.", "2024-05-15"
    )
    assert [(e.actor1, e.actor2) for e in evs] == [("Unidentified Armed Group (Syria)", "Civilians (Syria)")]


@guards("an_unattributed_strike_is_one_more_of_the_reports")
def test_an_unattributed_strike_is_one_more_of_the_reports_strikes() -> None:
    first = "Turkish drones struck a checkpoint of the SDF in Amuda on Monday.\n"
    between = "Hundreds of people protested in Qamishli on Monday against the strikes.\n"
    later = "Hours earlier, another airstrike hit a gas plant in Rmelan, causing a fire."

    def striker(text: str) -> str:
        return next(e.actor1 for e in extract("Strikes\n" + text, "2024-01-15") if e.location == "Rmelan")

    assert striker(first + between + later) == "Military Forces of Turkey (2016-)"
    assert striker(between + later) == "Unidentified Armed Group (Syria)"


@guards("an_unattributed_arrest_is_one_more_of_the_reports")
def test_an_arrest_in_the_passive_is_one_more_of_the_reports_arrests() -> None:
    text = (
        "اعتقالات في الرقة\n"
        "شنّت قسد، اليوم الأربعاء، حملة اعتقالات طاولت عشرات الشبان في مدينة القامشلي.\n"
        "وخرجت مظاهرة في مدينة الحسكة اليوم.\n"
        "واعتُقل كذلك 16 شاباً في قرية خنيز في الريف الشمالي للرقة."
    )
    evs = extract(text, "2019-09-18")
    assert {e.location: e.actor1 for e in evs}["Khunayz"] == "SDF: Syrian Democratic Forces"


@guards("an_actor_after_a_victim_word_was_hit", "the_victim_is_actor2", "civilians_hurt_by_explosives")
def test_civilians_hurt_by_a_strike_or_a_mine_are_its_second_actor() -> None:
    assert sides("قُتل طفلان بانفجار لغم أرضي قرب بلدة الشدادي.") == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Civilians (Syria)")
    ]
    assert sides("Two shepherds were wounded by a landmine near Markada on Sunday.") == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Civilians (Syria)")
    ]
    # fighters hurt: no civilians
    assert (
        sides("قُتل عنصران من قسد بانفجار لغم أرضي قرب بلدة الشدادي.")[0][2] == "SDF: Syrian Democratic Forces"
    )


def test_english_agent_comes_before_the_verb() -> None:
    evs = extract(
        "The SDF raided the town of al-Busayrah and detained five suspected ISIS members.", "2025-03-20"
    )
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Arrests", "SDF: Syrian Democratic Forces")]


def test_a_force_after_killed_by_or_in_is_the_attacker() -> None:
    got = sides("A woman was killed by Turkish drones in Ain Issa on Thursday.", "2022-11-25")
    assert got and got[0][1] == "Military Forces of Turkey (2016-)", got
    got = sides("Two men were killed in Turkish shelling on Ain Issa on Thursday.", "2022-11-25")
    assert got and got[0][1] == "Military Forces of Turkey (2016-)", got


def test_clans_feuding_are_tribal() -> None:
    assert sides(
        "قُتل ثلاثة أشخاص باشتباكات بين أبناء عشيرتي البوعساف والبوخميس في قرية الحمرات بريف الرقة."
    ) == [("Armed clash", "Arab Tribal Forces (Syria)", None)]


def test_the_american_occupation_is_us_forces() -> None:
    got = sides(
        "خبر\nاستقدمت قوات الاحتلال الأمريكي رتلاً من 30 شاحنة إلى قاعدة خراب الجير اليوم.", "2023-04-12"
    )
    assert got and got[0][1] == "Military Forces of the United States", got


def test_english_pro_government_militiamen_are_the_ndf() -> None:
    got = sides(
        "News\nPro-government militiamen shelled the town of Diban on Wednesday, killing a woman.",
        "2024-06-13",
    )
    assert got and got[0][1] == "NDF: National Defence Forces", got
