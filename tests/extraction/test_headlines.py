"""Stage headlines: a headline retells the lead, so its event joins the body's event nearby."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards


@guards("a_headline_at_the_bodys_place")
def test_a_headline_killing_and_the_bodys_abduction_at_one_village_are_one_event() -> None:
    text = "مقتل مدني برصاص مجهولين في البوليل\nاختطف مسلحون مجهولون شاباً من قرية البوليل اليوم."
    evs = extract(text, "2024-05-15")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Abduction/forced disappearance", 1)]


@guards("a_broad_headline_place_holds_the_bodys")
def test_a_headline_naming_the_countryside_is_the_bodys_village() -> None:
    text = "هجوم تركي على ريف الحسكة\nقصفت القوات التركية بالمدفعية قرية تل براك اليوم."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Tell Brak"]


@guards("the_policy_chooses_the_place_role", "a_headline_town_near_the_bodys_place")
def test_a_headline_naming_a_town_near_folds_into_the_bodys_village() -> None:
    text = (
        "قسد تستقدم تعزيزات إلى الميادين\n"
        "استقدمت قوات سوريا الديمقراطية، اليوم، تعزيزات عسكرية من الحسكة إلى بلدة ذيبان بريف دير الزور الشرقي."
    )
    assert [e.location for e in extract(text, "2024-03-12")] == ["Diban"]


@guards("a_headline_of_another_time_is_another_event")
def test_yesterdays_clash_in_the_headline_is_not_todays() -> None:
    text = "اشتباكات في الشحيل أمس\nاندلعت اشتباكات بين قسد ومسلحين في بلدة الشحيل اليوم."
    assert sorted(e.event_date for e in extract(text, "2024-05-15")) == ["2024-05-14", "2024-05-15"]


@guards("a_headline_names_the_attacker")
def test_the_headlines_attacker_is_the_bodys_unknown_gunmen() -> None:
    text = (
        "مقتل عنصرين من قسد بقصف لداعش على ريف دير الزور\n"
        "هاجم مسلحون مجهولون حاجزاً لقسد في بلدة الشحيل فجر اليوم، ما أدى إلى مقتل عنصرين."
    )
    assert [(e.location, e.actor1) for e in extract(text, "2024-05-15")] == [
        ("Al-Shuhayl", "Islamic State (Syria)")
    ]


def test_a_headline_east_of_a_city_holds_the_bodys_village_in_its_province() -> None:
    """ "مقتل عناصر من تنظيم الدولة بغارات على شرق دير الزور" over the strikes on al-Shafa: one event."""
    text = (
        "مقتل عناصر من تنظيم الدولة بغارات على شرق دير الزور\n"
        "قتل عدد من عناصر تنظيم الدولة اليوم بغارات لطيران التحالف على بلدة الشعفة في ريف دير الزور الشرقي."
    )
    assert [e.location for e in extract(text, "2018-08-27")] == ["Al-Shaafah"]


def test_a_semicolon_in_a_headline_parts_two_stories() -> None:
    """ "SDF commander killed; coalition office in Azaz shut again": the killing is the body's, in the
    Hasakah countryside; Azaz is the other story's place."""
    text = (
        "SDF commander killed; coalition office in Azaz shut again\n"
        "A commander of the SDF was killed in an attack in the countryside of Hassakeh governorate.\n"
        "Unidentified gunmen opened fire on a military vehicle on Monday, killing an SDF commander in the village "
        "of Musleh al-Sheikh, south of Hassakeh.\n"
        "Separately, protesters shut the National Coalition's office in the city of Azaz on Sunday."
    )
    clashes = [e.location for e in extract(text, "2024-08-06") if e.event_type == "Battles"]
    assert clashes == ["Musleh al-Sheikh"]


def test_a_lead_no_more_precise_than_the_headline_leaves_it_to_the_bodys_act() -> None:
    """ "SDF says repelled attack by Damascus-affiliated forces in Raqqa", the lead's "in Raqqa province", then
    the statement's "on the axis of Ghanem al-Ali village in the eastern countryside of Raqqa": one clash, there
    (Who's On First's Ghanim al-Ali, in the Maadan sub-district the eastern countryside holds)."""
    text = (
        "SDF says repelled attack by Damascus-affiliated forces in Raqqa\n"
        "ERBIL, Kurdistan Region - The Syrian Democratic Forces (SDF) said on Saturday they had repelled an attack "
        "by factions affiliated with Damascus in Raqqa province, in which three of their fighters were wounded.\n"
        '"Our forces today were subjected to a treacherous attack on the axis of Ghanem al-Ali village in the '
        'eastern countryside of Raqqa," the SDF said in a statement.'
    )
    assert [e.location for e in extract(text, "2025-11-15")] == ["Ghanim al `Ali"]


@guards("the_bodys_village_wins_over_its_headlines_town")
def test_the_village_the_body_names_beats_the_headlines_city() -> None:
    """ "حملة اعتقالات واسعة في دير الزور" then "داهمت قسد بلدة الحصان في ريف دير الزور الغربي واعتقلت قرابة 20
    شخصاً": one arrest campaign, in the village (a name that is also a word, located by its countryside)."""
    text = (
        'حملة اعتقالات واسعة في دير الزور: "قسد" تعتقل نحو 20 شخصاً\n'
        'داهمت مجموعات تابعة لـ"قسد" بلدة الحصان في ريف دير الزور الغربي صباح اليوم الاثنين، واعتقلت قرابة 20 '
        "شخصاً من أبناء البلدة."
    )
    assert [(e.sub_event_type, e.location) for e in extract(text, "2025-12-01")] == [("Arrests", "الحصان")]


@guards("the_bodys_village_wins_over_its_headlines_town")
def test_the_bodys_countryside_beats_the_headlines_capital() -> None:
    """ "قسد تنفذ حملة اعتقالات في دير الزور" then "... فجر اليوم في ريف دير الزور الشرقي": the headline's capital
    names the province; the body's countryside of it is the campaign's place."""
    text = (
        '"قسد" تنفذ حملة اعتقالات في دير الزور\n'
        'اعتقلت "قسد" خمسة أشخاص في عملية أمنية نفذتها فجر اليوم في ريف دير الزور الشرقي.'
    )
    assert [e.location for e in extract(text, "2025-10-30")] == ["Eastern Deir ez-Zor countryside"]


@guards("a_broad_headline_place_holds_the_bodys")
def test_a_headlines_capital_names_its_province() -> None:
    """ "تصعيد في الحسكة: قصف لقسد يوقع قتلى وجرحى في قرى" over the drone strike on al-Safa: the headline retells
    the body's strike, not another event in the city."""
    text = (
        'تصعيد في الحسكة: قصف لـ"قسد" يوقع قتلى وجرحى في قرى رغم الهدنة المتفق عليها\n'
        "وطال القصف، الذي نُفّذ بطائرات مسيّرة اليوم الاثنين 26 من كانون الثاني، قرية الصفا، ونُقل الجرحى إلى "
        "مستشفى الشدادي في ريف الحسكة."
    )
    assert "Al Hasakah" not in [e.location for e in extract(text, "2026-01-26")]


def test_a_lead_in_the_countryside_leaves_the_headline_to_the_bodys_village() -> None:
    """ "TWO SDF FIGHTERS KILLED IN ISIS ATTACK IN DEIR EZZOR", a lead "in eastern Deir Ezzor", then the outpost
    "near Al-Zor village": one attack, at the village."""
    text = (
        "TWO SDF FIGHTERS KILLED IN ISIS ATTACK IN DEIR EZZOR\n"
        "Two Kurdish fighters have been killed in a surprise attack by ISIS on SDF positions in eastern Deir Ezzor.\n"
        "Local sources said the ISIS militants stormed the SDF outpost in the village of Al-Zor in the eastern part "
        "of the province, killed two fighters and withdrew."
    )
    assert [e.location for e in extract(text, "2018-07-18") if e.event_type == "Battles"] == ["Al-Zor"]


def test_a_headlines_side_names_the_bodys_unnamed_act_of_yesterday() -> None:
    """ "قتيلان وأربعة جرحى في اقتتال عشائري شرقي القامشلي" over "لقي شخصان مصرعهما ... يوم أمس الخميس، في اقتتال
    نشب بين عائلتين": the body names no side, so the tribal headline retells its act of the day before (one
    event, the tribes its side), not another in Qamishli."""
    text = (
        "نزاع على بئر نفط.. قتيلان وأربعة جرحى في اقتتال عشائري شرقي القامشلي\n"
        "الجمعة، 20 شباط 2026\n"
        "لقي شخصان مصرعهما وجُرح أربعة آخرون، يوم أمس الخميس، في اقتتال نشب بين عائلتين من قبيلة شمّر في ناحية "
        "اليعربية (تل كوجر) بريف القامشلي الشرقي في محافظة الحسكة.\n"
        "وأوضحت المصادر أن القتيلين هما مانع السرحان الزوبعي الشمري وهيكل الركاد السنعوسي."
    )
    assert [(e.location, e.event_date, e.actor1) for e in extract(text, "2026-02-20")] == [
        ("Al Ya`rubiyah", "2026-02-19", "Arab Tribal Forces (Syria)")
    ]
