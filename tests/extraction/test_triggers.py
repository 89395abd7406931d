"""Triggers and the cues that make a clause not an event."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.dates import find_dates
from extraction.document import make_document
from extraction.triggers import find_triggers

PUB = dt.date(2024, 8, 19)


def subs(text: str) -> list[str]:
    doc = make_document(text)
    cues = [m for m in doc.matches if m.kind.startswith("cue:")]
    dates = find_dates(doc.text, PUB)
    out = []
    for s in doc.sentences:
        out += [t.sub_event_type for t in find_triggers(doc.matches, s, cues, dates) if not t.anaphor]
    return out


def test_a_suicide_car_bomb_is_a_suicide_bomb() -> None:
    """ "a suicide car bomb struck a security building in Hassakeh": the longer words beat "car bomb" (remote)."""
    assert subs("A suicide car bomb went off at a security building in Hassakeh.") == ["Suicide bomb"]
    assert subs("A car bomb went off at a security building in Hassakeh.") == [
        "Remote explosive/landmine/IED"
    ]


def test_points_seized_are_ground_taken() -> None:
    """ "the tribes seized the SDF's points in the towns of Tayyanah and Granij": ground taken, not seized weapons."""
    assert subs("The tribes seized the SDF's points in the town of Dhiban on Saturday.") == [
        "Non-state actor overtakes territory"
    ]
    assert subs("Tribal fighters seized checkpoints east of the Euphrates.") == [
        "Non-state actor overtakes territory"
    ]


def test_a_cell_dismantled_is_arrests() -> None:
    """ "ISIS terrorist cell dismantled in Deir Ezzor countryside", "قسد تعلن تفكيك خلية لداعش": arrests, not an IED
    defused (which "تفكيك عبوة" still is)."""
    assert subs("ISIS terrorist cell dismantled in Deir Ezzor countryside.") == ["Arrests"]
    assert subs("أعلنت قسد تفكيك خلية لداعش في ريف دير الزور.") == ["Arrests"]
    assert subs("تمكن الفريق الهندسي من تفكيك عبوة ناسفة في الحسكة.")[0] == "Disrupted weapons use"


def test_a_siege_as_a_state_or_a_promise_is_no_act() -> None:
    """ "unloaded supplies in the besieged city of Kobani", "Promises to Lift Siege Remain Unfulfilled", "المطالبة بفك
    الحصار": the siege as the town's state or a demand, no act; "the SDF besieged the village" still is one."""
    assert subs("A UN aid convoy has unloaded supplies in the besieged city of Kobani.") == []
    assert subs("Kobani administration says promises to lift the siege remain unfulfilled.") == []
    assert subs("طالب الأهالي بفك الحصار عن المدينة.") == []
    assert subs("The SDF besieged the village of Abu Fara on Friday.") == ["Other"]


def test_plain_triggers() -> None:
    assert subs("اندلعت اشتباكات عنيفة في البلدة.") == ["Armed clash"]
    assert "Air/drone strike" in subs("استهدفت طائرة مسيرة تركية سيارة.")
    assert subs("اعتقلت قسد خمسة شبان.") == ["Arrests"]
    assert "Other" in subs("نزحت عشرات العوائل من الحي.")


def test_threat_demand_denial_future_and_negation_suppress() -> None:
    assert subs("هددت تركيا بشن هجوم جديد.") == []
    assert subs("طالب النظام بالإفراج عن المعتقلين وإنهاء الحصار.") == []
    assert subs("نفى النظام مسؤوليته عن هجوم دير الزور.") == []
    assert subs("ومن المقرر أن تشن القوات هجوماً.") == []
    assert subs("لم تسجل اشتباكات في المنطقة.") == []


def test_what_an_act_is_for_is_not_done() -> None:
    """ "حملة اعتقالات ... بغرض إرغامهم على التجنيد لقتال تنظيم داعش", "in order to": the purpose after the act is
    not an act; the act before it stands."""
    assert subs("أطلقت الشرطة حملة اعتقالات بغرض إرغام الشبان على التجنيد لقتال تنظيم داعش.") == ["Arrests"]
    assert subs("شنت القوات هجوماً على القرية بهدف قصف مواقع التنظيم.") == ["Armed clash"]
    assert subs("The SDF raided the village in order to fight ISIS cells.") == ["Arrests"]


def test_what_goes_on_continuously_is_a_habit() -> None:
    """ "وتتعرض نقاط ودوريات قسد باستمرار لهجمات يشنها مجهولون", "constantly": a habit, not one event."""
    assert subs("وتتعرض نقاط قسد باستمرار لهجمات يشنها مجهولون في دير الزور.") == []
    assert subs("يُذكر أن طيران التحالف يستهدف بشكل دوري مواقع الميليشيات قرب البوكمال.") == []
    assert subs("Turkish drones constantly strike SDF positions near Kobani.") == []


def test_a_link_to_another_story_is_not_news_of_the_report() -> None:
    """ "أخبار ذات علاقة: قسد تعلن تفكيك خلية لداعش في دير الزور", "اقرأ أيضاً: ...": a link in the page."""
    assert subs("أخبار ذات علاقة: قسد تعلن تفكيك خلية لداعش في دير الزور") == []
    assert subs("اقرأ أيضاً: مقتل عنصرين من قسد بهجوم في ريف دير الزور") == []
    assert subs("Read also: Two SDF members killed in an attack near Hajin") == []
    # a republisher's note quoting the original headline
    assert (
        subs('نُشر هذا الخبر أولاً على موقع عنب بلدي تحت عنوان "مقتل ثلاثة مدنيين في انفجار لغم بدير الزور"')
        == []
    )
    assert (
        subs('This article was originally published under the title "Mine kills three in Deir ez-Zor".') == []
    )


def test_is_weekly_newspapers_counts_are_tallies() -> None:
    """ "according to figures published in issue 517 of its weekly newspaper al-Naba", "Al-Naba split the attacks":
    a group counting its own operations in its magazine tells no one event."""
    assert subs("Al-Naba split the attacks among three areas: 29 in Deir ez Zor and five in Raqqa.") == []
    assert subs("وبحسب صحيفة النبأ التابعة للتنظيم، نفذ عناصره 12 هجوماً على قسد في دير الزور.") == []


def test_tallies_suppress_only_their_segment() -> None:
    assert subs("ويشهد الطريق هجمات متكررة منذ مطلع العام.") == []
    got = subs("وتشهد المنطقة احتجاجات متكررة، إذ خرجت الأسبوع الماضي مظاهرة في البلدة.")
    assert got == ["Peaceful protest"]


def test_a_span_of_months_or_years_makes_a_tally() -> None:
    """ "قضوا خلال السنوات الماضية بانفجار ألغام", "ISIS attacks have risen over the last two months": a trend or a
    count over months or years, no event."""
    assert subs("يُشار إلى أن مئات المدنيين قضوا خلال السنوات الماضية بانفجار ألغام في دير الزور.") == []
    assert subs("ISIS attacks on the Asayish have risen over the last two months in Raqqa.") == []
    assert subs("The attacks have included roadside bombs and hit-and-run raids on the Asayish.") == []
    assert subs("Most of the attacks happen in the Arab-majority province of Deir al-Zor.") == []
    assert (
        subs(
            "The Syrian Observatory has documented the assassination by armed cells of 217 civilians in Raqqa."
        )
        == []
    )


def test_people_found_dead_are_an_attack() -> None:
    """ "Security forces found two bodies in the camp", "a man's body was found near the village of al-Tariqiyah",
    "were found dead": someone killed, found."""
    assert subs("Security forces found two bodies in the camp on Friday.") == ["Attack"]
    assert subs("On Nov. 12, a man's body was found near the village of al-Tariqiyah.") == ["Attack"]
    assert subs("Last week, a woman was found dead in the camp's fifth sector.") == ["Attack"]


def test_a_demining_expert_is_a_trade_not_an_act() -> None:
    """ "A landmine blast killed two SDF members and a French demining expert": one blast, no demining."""
    got = subs(
        "A landmine blast killed two SDF members and a French demining expert in the village of Al-Muweleh."
    )
    assert "Disrupted weapons use" not in got and "Remote explosive/landmine/IED" in got


def test_definite_nouns_only_refer_back() -> None:
    doc = make_document("وأسفر الهجوم عن مقتل شخصين.")
    ts = find_triggers(doc.matches, doc.sentences[0], [], [])
    assert ts and all(t.anaphor for t in ts)


def test_ceasefire_is_not_a_shooting() -> None:
    assert subs("دعت روسيا إلى الالتزام باتفاق وقف إطلاق النار.") == []


def test_an_act_named_right_after_since_dates_something_else() -> None:
    """ "a serious escalation since the ceasefire agreement", "منذ اتفاق التهدئة": no agreement is told."""
    assert (
        subs("The SDF called the raid a serious escalation since the ceasefire agreement near the dam.") == []
    )
    assert subs("وهو أعنف تصعيد منذ اتفاق التهدئة بين الطرفين.") == []
    assert subs("وتوصل الطرفان إلى اتفاق لوقف التصعيد في المنطقة.") == ["Agreement"]


def test_more_forms() -> None:
    assert subs("According to the SNA, it took the village of Sa'ideen near the Tishrin Dam on Friday.") == [
        "Non-state actor overtakes territory"
    ]
    assert subs("لقي ثلاثة أشخاص حتفهم في شجار بين عائلتين استُخدمت فيه الأسلحة الخفيفة.") == ["Armed clash"]
    assert "Shelling/artillery/missile attack" in subs(
        "أطلقت قوات قسد رشقات صاروخية على منازل الأهالي في قرية الكيارية."
    )
    assert subs("ألقت قوات الأمن العام القبض على خمسة أشخاص.") == ["Arrests"]
    assert subs("نفت قسد تنفيذ أي حملة اعتقالات في المدينة.") == []
    assert subs("سيطرت القوات على القرية.") == ["Non-state actor overtakes territory"]
    assert subs("تقع القرية ضمن مناطق سيطرة النظام.") == []  # the noun "control" is not a trigger


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("لقي شاب حتفه برصاص مسلحين مجهولين في بلدة الشحيل مساء أمس.", "Attack"),
        ("اغتيل مختار بلدة الشحيل على يد مسلحين مجهولين اليوم.", "Attack"),
        ("سقطت قذيفة صاروخية على حي الناصرة في الحسكة اليوم.", "Shelling/artillery/missile attack"),
        ("شن الطيران الروسي غارات على مواقع في محيط الميادين اليوم.", "Air/drone strike"),
        ("أبرمت العشائر صلحة عشائرية في بلدة الكشكية اليوم.", "Agreement"),
        ("جرى تبادل للأسرى بين الطرفين في منبج اليوم.", "Agreement"),
        ("وصل رتل عسكري إلى مدينة الشدادي اليوم.", "Change to group/activity"),
        # "targeted" as "استهدف": the generic targeting verb
        ("News\nGunmen targeted an SDF checkpoint in the town of al-Shuhayl on Monday.", "Armed clash"),
        # English verbs of blasts, gunfire, shelling and killing
        (
            "News\nA car exploded near an SDF checkpoint in al-Shuhayl on Monday, wounding two fighters.",
            "Remote explosive/landmine/IED",
        ),
        (
            "News\nA device went off near an SDF checkpoint in al-Shuhayl on Monday.",
            "Remote explosive/landmine/IED",
        ),
        (
            "News\nGunmen blew up the council building in the town of al-Shuhayl on Monday.",
            "Remote explosive/landmine/IED",
        ),
        ("News\nGunmen shot at an SDF patrol in al-Shuhayl on Monday.", "Armed clash"),
        (
            "News\nTurkish forces bombarded the village of Tal Tawil on Monday.",
            "Shelling/artillery/missile attack",
        ),
        ("News\nIS militants beheaded a shepherd in the Deir ez-Zor desert on Monday.", "Attack"),
        # a bomb thrown onto a house is a grenade (triggers.csv "قنبلة على")
        ("رمت خلية قنبلة على منزل مختار بلدة الشحيل اليوم.", "Grenade"),
        ("Unidentified gunmen shot dead a young man in al-Shuhayl on Monday.", "Attack"),
        ("Russian warplanes carried out air raids near al-Mayadin overnight.", "Air/drone strike"),
        ("Protesters blocked the road in Manbij on Tuesday.", "Peaceful protest"),
        (
            "Tribal forces seized most SDF positions in the town of Diban on Wednesday.",
            "Non-state actor overtakes territory",
        ),
        (
            "ظهر عشرات المدنيين في مدينة الشحيل اليوم وهم يحملون لافتات تطالب بإسقاط النظام.",
            "Peaceful protest",
        ),
        (
            "Dozens of residents gathered in Hajin on Friday carrying banners against the regime.",
            "Peaceful protest",
        ),
    ],
)
def test_grown_lexicon_fires_on_new_sentences(text: str, sub: str) -> None:
    from extraction import extract

    assert [e.sub_event_type for e in extract(text, "2025-03-20")] == [sub]


@pytest.mark.parametrize(
    "text",
    [
        "هدد قائد الفصيل باقتحام القرى المقابلة في حال استمرار القصف.",
        "وتستهدف الهجمات في معظمها آليات قسد منذ مطلع العام.",
        "The SDF threatened to launch an operation against the gunmen if the attacks continue.",
        # calls, demands, next week's plans and rumours name what is wanted or feared, not what was done
        "وتتداول القرى دعوات للتظاهر في بلدة ذيبان احتجاجاً على وجود القوات.",
        "ستحمل الجمعة القادمة اسم جمعة الكرامة، في إشارة إلى مطلبهم بانسحاب القوات من بلدة حطلة.",
        "وتبث القوات شائعات عن نية اعتقال أقارب المتظاهرين في مدينة الميادين.",
        # a count updated, and attackers leaving the scene
        "With this attack, the number of Turkish drone strikes in Qamishli in August rises to nine.",
        "Turkish drone strikes have killed at least 62 people in Manbij since the start of 2023.",
        # a picture's caption
        "Photo caption: the aftermath of a Turkish drone strike on an Asayish car in Hasaka on Sunday.",
        "The gunmen fled after running out of ammunition, the source in al-Sour said.",
        # what happens from time to time is a habit
        "وتظهر بين حين وآخر مبادرات عشائرية لتسوية الخلافات في قرية الدلاوية.",
        # what happens almost daily is a habit (cues.csv tally rows)
        'وتشهد مناطق سيطرة "قسد" في ريف دير الزور عمليات اغتيال شبه يومية يتبنى التنظيم معظمها.',
        "Near-daily drone strikes hit SDF positions near Qamishli.",
        "Turkish drones strike villages around Qamishli almost daily.",
        # acts since a day told, a run of them
        "Other Iran-backed groups have since attacked American targets near the Omar oil field in Deir ez-Zor.",
        # a run of acts and what they did
        "Al-Raqqa governorate has seen frequent explosions of landmines left behind by IS, which have killed and "
        "wounded people, most of them civilians.",
        # a figure of speech
        'Kurdish authorities have called al-Hol camp a breeding ground for terrorism and a "ticking time bomb."',
        # a sentence summing up a run of acts
        "Four members of the International Coalition were also killed in Manbij, and SOHR has documented dozens of "
        "injuries from these assassinations.",
        "Teachers were killed, maimed or arrested in these incidents in Qamishli.",
        # a monitor's count over the areas it named
        "A further 478 SDF fighters, local commanders among them, were assassinated in the same areas of Manbij.",
        "وقُتل 478 عنصراً من قسد في المناطق ذاتها في دير الزور ومنبج.",
        # who the victims were is no displacement
        "It said the four were displaced people from the border town of Darbasiyah who had arrived in Hasakah.",
        # what may or may not have happened
        "She said she did not know whether her son had been abducted by the YPG in Qamishli or had joined them.",
        "وقالت إنها لا تعرف ما إذا كان ابنها قد خُطف في القامشلي أم التحق بهم.",
        # counts compared over months
        "Turkish drone strikes on Qamishli reached their highest numbers in February (10), April (11) and August (13).",
        "وبلغت الغارات التركية على ريف القامشلي أعلى حصيلة لها في آب الماضي بـ13 غارة.",
        # what went on over a span told before is no one event
        'وصعّدت خلايا التنظيم هجماتها على "قسد" في دير الزور والرقة، فقُتل وأصيب العشرات خلال الأشهر القليلة الماضية.',
        "Over the same period, fighting between the SDF and government troops escalated in Raqqa and Deir ez-Zor.",
    ],
)
def test_threats_conditions_and_habits_are_not_events(text: str) -> None:
    from extraction import extract

    assert extract(text, "2024-05-15") == []


def test_what_a_protest_refuses_is_no_event_of_its_own() -> None:
    """ "مظاهرة رفضاً لدخول قوات النظام": the entry refused is named, not done."""
    assert subs("خرجت مظاهرة في مدينة هجين رفضاً لدخول قوات النظام إلى المنطقة.") == ["Peaceful protest"]


def test_media_publishing_pictures_deploy_no_forces() -> None:
    text = "ونشرت شبكات محلية اليوم صوراً تظهر عشرات المدنيين في مدينة الشحيل وهم يحملون لافتات."
    assert subs(text) == ["Peaceful protest"]


def test_opened_fire_with_the_weapon_between_is_gunfire() -> None:
    """ "Unidentified gunmen opened machine-gun fire on an SDF checkpoint in al-Sour"."""
    from extraction import extract

    text = "News\nUnidentified gunmen opened machine-gun fire on an SDF checkpoint in al-Sour on Thursday."
    assert [e.sub_event_type for e in extract(text, "2022-04-21")] == ["Armed clash"]


@pytest.mark.parametrize(
    "text",
    [
        "وكانت قوات الأمن الداخلي قد دخلت مدينة الحسكة عصر الاثنين.",
        "وأفادت مصادر محلية بدخول قوات من الجيش إلى بلدة الشدادي.",
        "حشدت قوات العشائر مقاتليها قرب قرية الشيوخ.",
        "وتمركزت القوات في مقر عسكري سابق بمدينة القامشلي.",
    ],
)
def test_forces_entering_massing_or_stationed_are_a_deployment(text: str) -> None:
    """ "دخلت قوات" / "دخلت مدينة" / "دخول قوات" / "حشدت قوات" / "تمركزت": a deployment."""
    assert subs(text) == ["Change to group/activity"]


def test_celebrations_and_marches_are_a_protest() -> None:
    """ "شهدت الحسكة احتفالات ومسيرات": marches with celebrations, not a drone's مسيرة."""
    assert subs("وشهدت مدينة الحسكة احتفالات ومسيرات بعد الإعلان عن الاتفاق.") == ["Peaceful protest"]


def test_attacks_with_heavy_weapons_on_villages_are_shelling() -> None:
    """ "اعتداءات بالأسلحة الثقيلة على قرى القاسمية والرشيدية": heavy weapons fired at villages."""
    assert "Shelling/artillery/missile attack" in subs("وتواصلت اعتداءات بالأسلحة الثقيلة على قرى القاسمية.")


def test_people_driven_out_by_an_act_are_no_displacement_of_their_own() -> None:
    """ "احتلت القوات قرى ... إثر عدوان أدى إلى تهجير سكانها": the displacement is the act's result."""
    assert subs("احتلت القوات التركية قرية الريحانية إثر عدوان أدى إلى تهجير سكانها.") == [
        "Non-state actor overtakes territory"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وذكرت صفحات محلية أن إطلاق نار أعقب التفجير، وأن قسد طوّقت المكان أمنياً.",
        "وضربت قسد طوقاً أمنياً حول موقع الانفجار، ونقلت المصاب إلى المشفى.",
    ],
)
def test_a_cordon_round_the_site_of_the_act_is_no_event(text: str) -> None:
    """ "طوّقت المكان"، "طوقاً أمنياً حول موقع الانفجار": the aftermath of the act told."""
    assert "Other" not in subs(text)


def test_a_trend_of_attacks_is_no_attack() -> None:
    """ "تراجعت هجمات التنظيم في المناطق الخاضعة للإدارة الجديدة": a trend, not an event."""
    assert subs("وتراجعت هجمات التنظيم في مناطق الحكومة منذ سقوط النظام، في حين ازدادت في مناطق قسد.") == []


def test_a_detention_point_is_a_place_not_an_arrest() -> None:
    """ "استهداف تركي طال سيارة داخل نقطة توقيف لموقوفين": the point is where the strike fell."""
    assert "Arrests" not in subs("قتل عنصر في استهداف تركي طال سيارة داخل نقطة توقيف في حي أم الفرسان.")


def test_continuing_protests_and_what_they_are_against_are_no_event() -> None:
    """ "The strikes came amid continuing protests against Turkish attacks on the dam": ongoing protests are no
    one protest, and the attacks protested against are not an event here."""
    assert subs("The strikes came amid continuing protests against Turkish attacks on the dam.") == []


@pytest.mark.parametrize(
    "text",
    [
        "News\nIn al-Sabha on Tuesday, locals accuse the SDF of arbitrary arrests and of confiscating property.",
        "News\nBacked by the international coalition, the SDF is fighting the group in the last pocket in Deir ez-Zor.",
        "News\nIn Hajin the SDF regularly carries out raids against Islamic State cells.",
    ],
)
def test_habits_accusations_and_ongoing_campaigns_are_not_events(text: str) -> None:
    """ "accuse the SDF of arbitrary arrests", "the SDF is fighting the group", "regularly carries out raids"."""
    from extraction import extract

    assert extract(text, "2025-10-14") == []


def test_a_demonstrative_act_refers_back() -> None:
    """ "Two SDF fighters also died in that blast", "this attack": the act already told."""
    assert subs("Two SDF fighters also died in that blast.") == []
    assert subs("ISIS claimed this attack on Tuesday.") == []


def test_artillery_cover_backs_the_attack_and_names_no_type() -> None:
    """ "came under attack by local gunmen, with regime forces providing artillery cover": a clash, the fire backs it."""
    from extraction import extract

    text = (
        "Villages attacked\n"
        "The town of Abu Hamam came under attack by local gunmen on Sunday, with regime forces providing "
        "artillery cover."
    )
    assert [e.sub_event_type for e in extract(text, "2023-10-29")] == ["Armed clash"]


def test_a_village_named_khirba_is_no_vandalism_and_artillery_names_a_shelling() -> None:
    """ "أن مدفعية الجيش الوطني استهدفت مقار قسد ... في قرى خربة البقر وقزعلي": the artillery names a shelling; خربة
    opens a village's name, it is not "خرّب" (vandalised)."""
    from extraction import extract

    text = (
        "الجيش الوطني يقصف مقار قسد\n"
        'وذكرت مصادر عسكرية أن مدفعية الجيش الوطني استهدفت مقار "قسد" في قرى خربة البقر وقزعلي غربي تل أبيض، '
        "ليل السبت."
    )
    subs = {e.sub_event_type for e in extract(text, "2020-11-07")}
    assert subs == {"Shelling/artillery/missile attack"}


def test_villagers_blocking_a_convoy_protest() -> None:
    """ "اعترض أهالي قرية خربة عمو ... رتلاً لقوات الاحتلال الأمريكي": a protest, not a riot nor nothing."""
    from extraction import extract

    text = (
        "أهالي قرية يعترضون رتلاً أمريكياً\n"
        "اعترض أهالي قرية خربة عمو في ريف القامشلي الشرقي اليوم رتلاً لقوات الاحتلال الأمريكي مؤلفاً من سبع مدرعات."
    )
    assert [e.sub_event_type for e in extract(text, "2020-09-14")] == ["Peaceful protest"]


def test_what_an_arrested_man_is_held_for_is_no_event() -> None:
    """ "إلقاء القبض على المدعو ... والمتورط في استهداف أحد عناصر الفرقة 86": an arrest; the targeting he is held for
    is no event told."""
    from extraction import extract

    text = (
        "القبض على عنصر من داعش في الميادين\n"
        "نفذت وحدات الأمن الداخلي في مدينة الميادين عملية أفضت إلى إلقاء القبض على المدعو محمود عيد العلي، "
        "والمتورط في استهداف أحد عناصر الفرقة 86 في وزارة الدفاع."
    )
    assert {e.sub_event_type for e in extract(text, "2026-02-25")} == {"Arrests"}


def test_what_areas_keep_being_subjected_to_is_a_trend() -> None:
    """ "وتتعرض مناطق سيطرة قسد في شمال شرقي سوريا، وجزء من ريف حلب الشرقي، لقصف تركي متواصل": no event."""
    from extraction import extract

    text = "خبر\nوتتعرض مناطق سيطرة قسد في شمال شرقي سوريا، وجزء من ريف حلب الشرقي، لقصف تركي متواصل."
    assert extract(text, "2022-02-24") == []


def test_an_act_some_weeks_back_with_no_day_is_no_event() -> None:
    """ "وكانت اشتباكات جرت قبل أسابيع قد أثارت الشكوك حول الاتفاق": weeks back, no day: told as background to a point."""
    from extraction import extract

    text = "خبر\nوكانت اشتباكات جرت قبل أسابيع في بلدة معدان قد أثارت الشكوك حول الاتفاق."
    assert extract(text, "2025-11-20") == []


def test_a_truce_is_an_agreement_only_when_agreed() -> None:
    """ "killing one SDF fighter, undermining a fragile truce": the truce is the context; "agreed a truce" is one."""
    assert "Agreement" not in subs("The attacks killed one SDF fighter, undermining a fragile truce.")
    assert "Agreement" in subs("The two clans agreed a truce on Monday.")


def test_what_a_monitor_has_monitored_is_a_tally() -> None:
    """ "The Syrian Observatory has monitored these cells assassinating 110 civilians ...; 4 members of the
    International Coalition were also killed": the count and what it adds are a tally."""
    monitored = (
        "The Syrian Observatory has monitored these cells assassinating 110 civilians in Raqqa and Manbij; 4 members "
        "of the International Coalition were also killed."
    )
    assert subs(monitored) == []


def test_a_displaced_victim_is_no_displacement() -> None:
    """ "ISIS cells shot dead a displaced Syrian woman in the camp": one killing; "displaced" says who she was."""
    assert subs(
        "News\nAccording to SOHR, ISIS cells shot dead a displaced Syrian woman in al-Hol camp on Thursday."
    ) == ["Attack"]


def test_what_shrapnel_smashed_is_no_riot() -> None:
    """ "ووصلت الشظايا إلى محيط مشفى عين عيسى وحطمت بعض نوافذه": the shelling's harm, not a mob's."""
    text = "خبر\nقصفت القوات التركية ناحية عين عيسى اليوم، ووصلت الشظايا إلى محيط مشفى عين عيسى وحطمت بعض نوافذه."
    assert subs(text) == ["Shelling/artillery/missile attack"]
