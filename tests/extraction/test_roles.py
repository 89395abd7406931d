"""Stage roles: an actor named in a sentence is an agent, a victim, a source or a supporter of its acts."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards, one_line, sides

SANA_DRONES = (
    "وذكر مصدر عسكري في وزارة الدفاع لمراسل سانا أن مجموعات «قسد» استهدفت مساء أمس بطائرتين مسيّرتين منازل "
    "المدنيين في قرية قرب بلدة مسكنة، ما أدى إلى إصابة امرأة وطفلها بجروح، ووقوع أضرار مادية في المنازل."
)
MARKADAH = (
    'وفي ريف الحسكة الجنوبي، أقدمت ميليشيا "قسد" المرتبطة بقوات الاحتلال الأمريكي، أمس، على اختطاف 15 شاباً من '
    "بلدة مركدة والقرى المحيطة بها خلال حملة دهم لمنازل الأهالي، واقتادتهم إلى جهة مجهولة لسوقهم إلى التجنيد "
    "الإجباري في صفوفها، بحسب ما أفادت به مصادر أهلية لمراسل سانا."
)


@guards("a_unit_after_a_raid_verb_acts", "the_people_seized_are_actor2", "looters_take_from_civilians")
def test_a_patrol_after_a_raid_verb_is_the_raider_not_the_target() -> None:
    assert sides("داهمت دورية لقسد منازل في بلدة الشحيل واعتقلت شخصين.") == [
        ("Arrests", "SDF: Syrian Democratic Forces", "Civilians (Syria)")
    ]
    assert sides("أقدم عناصر من الفرقة الرابعة على نهب مستودع في مدينة الميادين.") == [
        ("Looting/property destruction", "Military Forces of Syria (2000-2024)", "Civilians (Syria)")
    ]
    # a patrol that is attacked stays the target
    assert sides("استهدف مسلحون مجهولون دورية لقسد في بلدة الشحيل.")[0][1:] == (
        "Unidentified Armed Group (Syria)",
        "SDF: Syrian Democratic Forces",
    )


@guards("an_actor_after_a_victim_word_was_hit", "the_victim_is_actor2")
def test_passive_attack_names_the_attacker_and_the_unclaimed_is_unidentified() -> None:
    evs = extract("أصيب ثلاثة عناصر من «قسد» مساء أمس بانفجار عبوة ناسفة في بلدة العريشة.", "2020-09-08")
    assert (evs[0].actor1, evs[0].actor2, evs[0].fatalities) == (
        "Unidentified Armed Group (Syria)",
        "SDF: Syrian Democratic Forces",
        0,
    )


@guards("an_actor_after_a_victim_word_was_hit")
def test_a_member_in_a_force_was_hit() -> None:
    """ "قُتل عنصر في قسد بعد إطلاق النار عليه": a member *in* the SDF, as *of* it, is who was hit."""
    evs = extract("خبر\nقُتل عنصر في قسد بعد إطلاق النار عليه في بلدة الشدادي اليوم.", "2024-06-20")
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Unidentified Armed Group (Syria)", "SDF: Syrian Democratic Forces")
    ]


@guards("a_force_counted_after_the_act_is_its_victim", "a_raid_that_kills_fighters_is_a_clash")
def test_a_raid_that_kills_counted_fighters_is_a_clash_by_the_raider() -> None:
    assert sides("The SDF said it killed five ISIS members in a raid in Shuhayl on Monday.") == [
        ("Armed clash", "SDF: Syrian Democratic Forces", "Islamic State (Syria)")
    ]


@guards("a_trailing_attribution_names_who_told")
def test_a_trailing_attribution_is_a_source_not_the_target() -> None:
    text = "A Turkish airstrike hit the Swediyah gas plant near Rmelan on Sunday, the Asayish said."
    assert [(e.actor1, e.actor2) for e in extract(text, "2024-05-15")] == [
        ("Military Forces of Turkey (2016-)", None)
    ]


@guards("a_source_in_a_force_told_it")
def test_a_source_in_the_ministry_is_not_the_target() -> None:
    evs = extract(SANA_DRONES, "2025-07-21", "سانا")
    assert [(e.actor1, e.actor2) for e in evs] == [("SDF: Syrian Democratic Forces", "Civilians (Syria)")]


@guards("who_holds_a_place_is_no_actor")
def test_the_force_a_militia_is_tied_to_did_not_act() -> None:
    assert [e.actor1 for e in extract(MARKADAH, "2021-04-13", "سانا")] == ["SDF: Syrian Democratic Forces"]


@guards("who_holds_a_place_is_no_actor")
def test_the_force_that_controls_the_town_did_not_act() -> None:
    """ "in the town of Shaqra, which is controlled by the Syrian Democratic Forces (SDF)": "by the" within the
    holder's reach (cue_reaches.csv, 6 characters); the SDF is no side of the killing."""
    unidentified_on_civilians = [("Unidentified Armed Group (Syria)", "Civilians (Syria)")]
    for text in (
        "Civilian killed\nA civilian was killed on Saturday in the town of Shaqra, which is controlled by the "
        "Syrian Democratic Forces (SDF).",
        "News\nA young man was shot dead on Saturday in the town of Shaqra, which is held by the SDF.",
    ):
        assert [(e.actor1, e.actor2) for e in extract(text, "2021-12-26")] == unidentified_on_civilians


@guards(
    "a_force_after_a_support_word_supports", "a_supporting_force_is_associated", "the_partner_force_is_actor2"
)
def test_a_coordinating_force_takes_part() -> None:
    got = sides(
        "انتشرت الشرطة العسكرية التابعة للجيش الوطني بالتنسيق مع القوات التركية في مدينة رأس العين، "
        "وفرضت حظراً للتجوال في المدينة."
    )
    assert got and got[0][1:] == ("Syrian National Army", "Military Forces of Turkey (2016-)")


def test_english_actors_both_sides_named() -> None:
    evs = extract("ISIS gunmen killed two Asayish members in al-Suwar on Wednesday.", "2024-05-15")
    assert [(e.actor1, e.actor2, e.fatalities) for e in evs] == [
        ("Islamic State (Syria)", "Asayish: Kurdish Internal Security Forces", 2)
    ]
    evs = extract("A roadside bomb hit a US convoy near al-Shaddadi on Wednesday.", "2024-05-15")
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Unidentified Armed Group (Syria)", "Military Forces of the United States")
    ]


@guards("a_force_telling_of_anothers_act_was_its_target")
def test_a_force_telling_of_anothers_attack_is_not_its_actor() -> None:
    """ "The SDF said in a statement that the NDF ... fired mortar rounds at Diban": the NDF acted, on the SDF."""
    text = (
        "News\nThe SDF said in a statement that the National Defence Forces (NDF), a militia backed by Damascus, "
        "fired mortar rounds at the town of Diban, targeting an SDF point."
    )
    evs = extract(text, "2024-06-13")
    assert {(e.actor1, e.actor2) for e in evs} == {
        ("NDF: National Defence Forces", "SDF: Syrian Democratic Forces")
    }


@guards("a_source_in_a_force_told_it")
def test_who_speaks_for_a_force_did_not_act() -> None:
    """ "the official spokesman of the Kurdish-led Manbij Military Council told AP that the attacker blew up his
    car bomb": the council tells of the blast; it did not set it off."""
    text = (
        "Shervan Derwish, the official spokesman of the Kurdish-led Manbij Military Council, told the Associated "
        "Press that the attacker blew up his car bomb next to a military vehicle in Manbij on Saturday."
    )
    assert [e.actor1 for e in extract(text, "2019-03-09")] == ["Unidentified Armed Group (Syria)"]


def test_a_force_named_right_after_killing_was_hit() -> None:
    """ "opened fire on a military vehicle, killing al-Sanadid commander Badr": the SDF's Sanadid were hit."""
    text = (
        "Unidentified gunmen opened machine-gun fire on a military vehicle in the village of Musleh al-Sheikh, "
        "south of Hassakeh, "
        "on Monday, killing al-Sanadid commander Badr Hamid al-Mashari."
    )
    assert [(e.actor1, e.actor2) for e in one_line(text, "2024-08-06")] == [
        ("Unidentified Armed Group (Syria)", "SDF: Syrian Democratic Forces")
    ]


def test_air_cover_from_a_force_backs_the_raid() -> None:
    """ "the SDF carried out another raid ..., backed by air cover from the International Coalition, and arrested
    two people": the SDF raided; the coalition backed it."""
    text = (
        "In the nearby town of al-Sabha, the SDF carried out another raid, backed by air cover from the "
        "International Coalition, and arrested two people."
    )
    assert [e.actor1 for e in one_line(text, "2025-10-14")] == ["SDF: Syrian Democratic Forces"]


@guards("violence_against_civilians_hits_civilians")
def test_a_forces_member_shot_dead_is_the_force_hit() -> None:
    """ "An SDF member from Al-Sa'wa town ... was shot dead by gunmen": the SDF was hit (a clash), not civilians
    by the SDF."""
    text = (
        "• March 29: An SDF member from Al-Sa’wa town in the Deir Ezzor countryside was shot dead by gunmen in "
        "Abu Khashab town in the northern Deir Ezzor countryside."
    )
    assert [(e.sub_event_type, e.actor2) for e in one_line(text, "2023-03-30")] == [
        ("Armed clash", "SDF: Syrian Democratic Forces")
    ]


@guards("a_forces_men_hit_in_the_passive_were_its_victims")
def test_a_forces_men_wounded_by_a_blast_did_not_set_it_off() -> None:
    """ "Two SDF members were wounded when an explosive device went off": the SDF was hit; it did not act."""
    text = (
        "Two SDF members were wounded when an explosive device went off near their car in the town of Hajin."
    )
    assert [(e.actor1, e.actor2) for e in one_line(text, "2023-03-30")] == [
        ("Unidentified Armed Group (Syria)", "SDF: Syrian Democratic Forces")
    ]


def test_a_force_after_when_is_the_next_clauses_agent() -> None:
    """ "Five civilians were killed and four wounded when Syrian army forces shelled the village": the army shelled;
    it was not hit."""
    text = (
        "Five civilians were killed and four wounded when Syrian army forces shelled the village of Kharab Ashk "
        "in the Kobani countryside."
    )
    assert [(e.actor1, e.actor2) for e in one_line(text, "2026-01-26")] == [
        ("Military Forces of Syria (2024-)", "Civilians (Syria)")
    ]


@guards("a_leading_attribution_names_who_told")
def test_a_force_opening_a_headline_with_says_told_it() -> None:
    """ "SDF says airstrike near Kobane killed nine civilians": the SDF told of the strike; "SDF says repelled
    attack by ..." is the SDF's own act."""
    told = extract("SDF says airstrike near Kobane killed nine civilians", "2025-03-17")
    assert [e.actor1 for e in told] == ["Unidentified Armed Group (Syria)"]
    acted = extract("SDF says repelled attack by Damascus-affiliated forces in Raqqa", "2025-11-15")
    assert [e.actor1 for e in acted] == ["SDF: Syrian Democratic Forces"]


@guards("a_trailing_attribution_names_who_told")
def test_a_trailing_attribution_with_a_led_word_and_a_short_name_told_it() -> None:
    """ ", the Kurdish-led Syrian Democratic Forces (SDF) said on Monday": who told, not who struck; but "the SDF
    said three of their members were killed" names the SDF's own men."""
    text = (
        "At least nine members of one family were killed in a Turkish airstrike near Kobane, the Kurdish-led "
        "Syrian Democratic Forces (SDF) said on Monday."
    )
    assert [(e.actor1, e.actor2) for e in extract(text, "2025-03-17")] == [
        ("Military Forces of Turkey (2016-)", None)
    ]
    own = "On October 24, the Syrian Democratic Forces (SDF) said three of their members were killed by a Turkish drone in Kobani."
    assert [e.actor2 for e in extract(own, "2021-12-25")] == ["SDF: Syrian Democratic Forces"]


@guards("a_forces_men_hit_in_the_passive_were_its_victims")
def test_men_of_a_force_named_before_it_in_the_passive_were_hit() -> None:
    """ "Four members of the Damascus government's National Defense Forces were killed when a drone hit their car":
    the NDF was hit, it did not strike."""
    text = (
        "Drone kills four near Albu Kamal\n"
        "Four members of the Damascus government's National Defense Forces were killed when a drone hit their car "
        "near Albu Kamal."
    )
    assert [(e.actor1, e.actor2) for e in extract(text, "2023-11-30")] == [
        ("Unidentified Armed Group (Syria)", "NDF: National Defence Forces")
    ]


@guards("a_source_in_a_force_told_it")
def test_the_force_an_outlet_is_close_to_did_not_act() -> None:
    """ "نقلت وكالة هاوار القريبة من قسد أن أربعة مدنيين ... بقصف تركي": the civilians were hit, not the SDF."""
    text = (
        "مدنيون قتلى بقصف تركي\n"
        'نقلت وكالة "هاوار" القريبة من "قسد" اليوم، أن أربعة مدنيين لقوا حتفهم جراء قصف تركي طال قرية دبس '
        "المجاورة لناحية عين عيسى."
    )
    assert [e.actor2 for e in extract(text, "2021-09-17")] == ["Civilians (Syria)"]


@guards("an_actor_after_a_victim_word_was_hit")
def test_what_was_subjected_to_an_attack_was_hit() -> None:
    """ "تعرّضت قوة أمنية سورية لهجوم في بلدة البحرة": the security force was attacked, it did not attack."""
    text = "هجوم في دير الزور\nتعرّضت قوة أمنية سورية لهجوم مسلح في بلدة البحرة، اليوم الجمعة."
    assert [e.actor2 for e in extract(text, "2026-01-30")] == ["Military Forces of Syria (2024-)"]


@guards("a_forces_men_hit_in_the_passive_were_its_victims", "a_force_counted_after_the_act_is_its_victim")
def test_a_forces_commander_assassinated_was_hit() -> None:
    """ "US-backed SDF commander assassinated in Raqqa countryside" (a headline's passive with no "was"), "Unknown
    attackers assassinated one of the most senior commanders of the ...", "Gunmen assassinated an SDF commander":
    the force's man was the victim, not the attacker; "SDF fighters killed two ISIS members" stays active."""
    for text in (
        "SDF commander assassinated in Raqqa countryside",
        "Gunmen assassinated an SDF commander in Raqqa on Monday.",
        "Unknown attackers assassinated one of the most senior commanders of the SDF in Raqqa today.",
    ):
        (ev,) = extract(f"News\n{text}", "2018-05-01")
        assert ev.actor2 == "SDF: Syrian Democratic Forces" and ev.actor1 != ev.actor2, text
    (ev,) = extract("News\nSDF fighters killed two ISIS members in Raqqa on Monday.", "2018-05-01")
    assert ev.actor1 == "SDF: Syrian Democratic Forces"
