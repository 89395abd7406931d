"""Assembly: one event per place per day per type, lists of villages, merged headlines, fatalities split."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extraction import analyse, extract

ROOT = Path(__file__).resolve().parents[2]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
F1_FLOOR = 0.97  # dev-set F1 reached 0.978 after the lexicon growth (round 2); the guard sits just below
HELDOUT = Path(__file__).resolve().parent / "heldout"
HELDOUT_FLOOR = (
    0.95  # the team's held-out reports reached 0.978 (round 8, 0.935 in round 2); the guard sits below
)
HELDOUT2 = Path(__file__).resolve().parent / "heldout2"
HELDOUT2_FLOOR = (
    0.88  # the second held-out set reached 0.902 (round 8, 0.878 in round 4); the guard sits below
)
HELDOUT3 = Path(__file__).resolve().parent / "heldout3"
ACTOR_FLOOR = 0.84  # held-out actor Jaccard reached 0.87-0.94 (round 6, from 0.76-0.87); the guard sits below
# The third held-out set reached 0.911 (round 8, from 0.786); 0.863 since the gazetteer has every village
# (issue 13): three events at al-Dawudiyah now sit at the village's GeoNames point, 18 km east of Ras al-Ain,
# where the gold (which had no point for it) allows 15 km around the town. The guard sits below.
HELDOUT3_FLOOR = 0.85
# The fourth set measured generalisation (0.833) until round 8 tuned on its failure causes (0.977):
# it now guards those rules; heldout5, written after, is the untouched estimate.
HELDOUT4 = Path(__file__).resolve().parent / "heldout4"
HELDOUT4_FLOOR = 0.95
HELDOUT4_ACTOR_FLOOR = 0.78  # its SANA and AFP reports name sides the lexicon reads only in part (0.806)
# The fifth set, written without sight of the extractor, scored 0.667 untouched; round 9 fixed the
# general causes of its failures (0.871). heldout6 is the untouched estimate after that.
HELDOUT5 = Path(__file__).resolve().parent / "heldout5"
HELDOUT5_FLOOR = 0.85
# The sixth scored 0.687 untouched; round 10 fixed general causes of its failures (0.766); heldout7 is untouched.
HELDOUT6 = Path(__file__).resolve().parent / "heldout6"
HELDOUT6_FLOOR = 0.75
HELDOUT6_ACTOR_FLOOR = 0.55  # its reports name forces by descriptions the lexicon does not hold (0.60)
# The seventh scored 0.743 untouched; round 11 fixed general causes of its failures (0.82); heldout8 is untouched.
HELDOUT7 = Path(__file__).resolve().parent / "heldout7"
HELDOUT7_FLOOR = 0.80
HELDOUT7_ACTOR_FLOOR = 0.70
HELDOUT8 = Path(__file__).resolve().parent / "heldout8"  # untouched (0.805): a floor only guards against loss
HELDOUT8_FLOOR = 0.78


def test_list_of_villages_is_one_event_each_with_the_total_kept() -> None:
    text = (
        "اندلعت ليلة أمس الأربعاء اشتباكات عنيفة بين «قسد» ومقاتلين من العشائر العربية في بلدات غرانيج "
        "وأبو حمام والكشكية بريف دير الزور الشرقي.\n"
        "وأسفرت الاشتباكات في البلدات الثلاث عن مقتل سبعة أشخاص."
    )
    evs = extract(text, "2024-10-03")
    assert [e.location for e in evs] == ["Gharanij", "Abu Hamam", "Al-Kishkiyah"]
    assert {e.event_date for e in evs} == {"2024-10-02"}
    assert sum(e.fatalities for e in evs) == 7
    assert "7 killed in total across 3 locations" in evs[0].notes


def test_neighbourhoods_of_one_city_are_one_event() -> None:
    text = "ووجهت «قسد» سكان حي حلكو بضرورة إخلاء منازلهم واستقدمت تعزيزات عسكرية إلى حي زنود ومحيط مطار القامشلي."
    evs = extract(text, "2024-08-19")
    assert len(evs) == 1
    assert evs[0].location == "Al Qamishli"
    assert evs[0].event_type == "Strategic developments"


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


def test_passive_attack_names_the_attacker_and_the_unclaimed_is_unidentified() -> None:
    evs = extract("أصيب ثلاثة عناصر من «قسد» مساء أمس بانفجار عبوة ناسفة في بلدة العريشة.", "2020-09-08")
    assert evs[0].actor1 == "Unidentified Armed Group (Syria)"
    assert evs[0].actor2 == "SDF: Syrian Democratic Forces"
    assert evs[0].fatalities == 0


def test_background_is_flagged() -> None:
    text = "ويُذكر أن الجيش التركي احتل مدينة رأس العين في تشرين الأول 2019 بعد معارك عنيفة مع قسد."
    evs = extract(text, "2022-06-20")
    assert evs and evs[0].background and evs[0].time_precision == 3


def test_evidence_spans_are_exact_and_messages_say_why(reports) -> None:
    for r in reports:
        a = analyse(r["text"], r["published"], r.get("source"))
        for e in a.events:
            assert r["text"][e.evidence.start : e.evidence.end] == e.evidence.text
        for m in a.mentions:
            assert r["text"][m.start : m.end] == m.text
            assert m.kind in {"place", "actor", "date", "trigger", "number", "unknown_place"}
    assert analyse("   ", "2024-01-01").messages == ["No text to read"]
    assert "No events found" in analyse("الطقس معتدل اليوم.", "2024-01-01").messages


def test_dev_set_f1_stays_above_the_floor(reports, tmp_path) -> None:
    if not SCORE.exists():
        pytest.skip("scorer not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("rasd_score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pred = {}
    for r in reports:
        pred[r["id"]] = [e.to_dict() for e in extract(r["text"], r["published"], r.get("source"))]
    gold = score.load_gold(SCORE.parent / "dev")
    result = score.score(gold, pred, details=False)
    assert result["f1"] >= F1_FLOOR, result
    for key in ("type_acc", "sub_type_acc", "date_acc", "background_acc"):
        assert result[key] >= 0.85, (key, result)


@pytest.mark.parametrize(
    ("folder", "floor", "actor_floor"),
    [
        (HELDOUT, HELDOUT_FLOOR, ACTOR_FLOOR),
        (HELDOUT2, HELDOUT2_FLOOR, ACTOR_FLOOR),
        (HELDOUT3, HELDOUT3_FLOOR, ACTOR_FLOOR),
        (HELDOUT4, HELDOUT4_FLOOR, HELDOUT4_ACTOR_FLOOR),
        (HELDOUT5, HELDOUT5_FLOOR, ACTOR_FLOOR),
        (HELDOUT6, HELDOUT6_FLOOR, HELDOUT6_ACTOR_FLOOR),
        (HELDOUT7, HELDOUT7_FLOOR, HELDOUT7_ACTOR_FLOOR),
        (HELDOUT8, HELDOUT8_FLOOR, HELDOUT7_ACTOR_FLOOR),
    ],
)
def test_heldout_f1_stays_above_the_floor(folder: Path, floor: float, actor_floor: float) -> None:
    if not SCORE.exists() or not folder.is_dir():
        pytest.skip("scorer or held-out reports not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("rasd_score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load_gold(folder)
    pred = {
        str(r["id"]): [e.to_dict() for e in extract(r["text"], r["published"], r.get("source"))] for r in gold
    }
    result = score.score(gold, pred, details=False)
    assert result["f1"] >= floor, result
    assert result["actor_jaccard"] >= actor_floor, result


def test_batch_cli_matches_the_library(reports, tmp_path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        "\n".join(
            json.dumps({k: r[k] for k in ("id", "text", "published", "source")}, ensure_ascii=False)
            for r in reports[:2]
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "extraction", "batch", str(inp)], capture_output=True, text=True, cwd=ROOT
    )
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == [r["id"] for r in reports[:2]]
    assert len(lines[0]["events"]) == len(
        extract(reports[0]["text"], reports[0]["published"], reports[0]["source"])
    )


def test_state_forces_taking_a_village_regain_territory() -> None:
    evs = extract("سيطرت قوات الحكومة السورية على قرية دير حافر بعد انسحاب قسد منها، اليوم.", "2025-01-20")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Government regains territory", "Military Forces of Syria (2024-)")
    ]


def test_protest_then_burning_tyres_is_one_riot() -> None:
    text = "خرج العشرات من أهالي بلدة ذيبان اليوم الجمعة في مظاهرة.\nوقطع محتجون الطريق العام في البلدة بالإطارات المشتعلة."
    evs = extract(text, "2022-09-16")
    assert [(e.event_type, e.actor1) for e in evs] == [("Riots", "Rioters (Syria)")]


def test_english_agent_comes_before_the_verb() -> None:
    evs = extract(
        "The SDF raided the town of al-Busayrah and detained five suspected ISIS members.", "2025-03-20"
    )
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Arrests", "SDF: Syrian Democratic Forces")]


def test_where_detainees_were_taken_is_not_another_event() -> None:
    text = "شنت قسد اليوم حملة مداهمات في بلدة ذيبان، واعتقلت ستة شبان واقتادتهم إلى سجن في حقل العمر النفطي."
    assert [e.location for e in extract(text, "2021-06-09")] == ["Diban"]


def test_a_council_places_the_event_only_when_nothing_else_does() -> None:
    assert [
        e.location for e in extract("أعلن مجلس ذيبان المدني اليوم عن اعتقال ثلاثة شبان.", "2024-05-05")
    ] == ["Diban"]
    text = "اعتقلت قسد اليوم ثلاثة شبان في بلدة الشحيل بحسب مجلس دير الزور العسكري."
    assert [e.location for e in extract(text, "2024-05-05")] == ["Al-Shuhayl"]


def _types(text: str, published: str = "2024-05-15") -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, published) if not e.background]


def test_tallies_over_a_span_of_time_are_not_events() -> None:
    assert _types("خبر\nومنذ مطلع أيار الجاري، وثّقت الشبكة أكثر من 15 هجوماً على نقاط قسد في الشحيل.") == []
    assert _types("خبر\nومنذ تشرين الأول الماضي، استهدفت الغارات التركية منشآت في القامشلي.") == []
    assert _types("خبر\nووفق إحصائية للمرصد قُتل أكثر من 40 مدنياً بانفجار الألغام في الشحيل.") == []
    assert (
        _types("News\nSince the beginning of the year, Turkish drone strikes in Qamishli have killed 23.")
        == []
    )
    assert _types("News\nThe network documented dozens of attacks on SDF points in Hajin.") == []


def test_a_small_count_of_strikes_in_one_raid_is_still_an_event() -> None:
    assert _types("خبر\nشنت طائرات التحالف 3 غارات على مواقع لداعش في الشحيل اليوم.") != []


def test_condemnations_and_descriptions_retell_and_do_not_add_events() -> None:
    assert _types("خبر\nوأدانت «لجنة الأعيان» عملية الاغتيال في الشحيل، ووصفتها بالجبانة.") == []
    assert _types("News\nThe council condemned the attack in Hajin and blamed ISIS cells.") == []
    assert _types("News\nFearing further strikes, the militias left their positions in Hajin.") == []


def test_mob_violence_unless_protesters_are_there() -> None:
    assert _types("خبر\nأحرق شبان من عشيرة البكارة محلاً تجارياً في الشحيل.") == [("Riots", "Mob violence")]
    assert _types("News\nA crowd stormed and vandalised the council building in Hajin.") == [
        ("Riots", "Mob violence")
    ]
    assert _types("خبر\nتظاهر أهالي الشحيل ضد الغلاء، وأحرق المحتجون مبنى المجلس.") == [
        ("Riots", "Violent demonstration")
    ]


def test_a_bare_killing_verb_is_an_attack_only_alone() -> None:
    evs = extract("خبر\nقتل مسلحون مجهولون شاباً في قرية الشحيل اليوم.", "2024-05-15")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Violence against civilians", 1)]
    evs = extract("خبر\nقُتل شخصان في اشتباك بين مسلحين في قرية الشحيل اليوم.", "2024-05-15")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Battles", 2)]


def test_a_definite_event_noun_with_nothing_before_it_is_the_event() -> None:
    evs = extract("خبر\nأسفر القصف التركي على قرية تل براك عن مقتل شخصين وإصابة ثلاثة.", "2024-05-15")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Shelling/artillery/missile attack", 2)]


def test_english_strike_noun_closure_and_two_targets() -> None:
    assert _types(
        "News\nA coalition strike on a militia depot on the outskirts of al-Mayadin killed three."
    ) == [("Explosions/Remote violence", "Air/drone strike")]
    assert _types("News\nThe SDF closed the Semalka crossing until further notice.") == [
        ("Strategic developments", "Change to group/activity")
    ]
    evs = extract(
        "News\nTurkish drones struck a car in Amuda and a motorbike in Derbasiyah on Tuesday.", "2024-05-15"
    )
    assert sorted(e.location for e in evs) == ["Ad Darbasiyah", "`Amuda"]
    evs = extract("News\nA Turkish drone struck a car near Amuda overnight.", "2024-05-15")
    assert [e.event_date for e in evs] == ["2024-05-14"]


def test_a_recalled_killing_is_background_of_its_year() -> None:
    evs = extract(
        "خبر\nويعود النزاع بين العائلتين إلى عام 2019، حين قُتل شخصان في اشتباك مماثل في الشحيل.", "2024-05-15"
    )
    assert [(e.background, e.event_date[:4], e.time_precision) for e in evs] == [(True, "2019", 3)]


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


def test_the_side_of_a_towns_countryside_is_still_an_event() -> None:
    evs = extract(
        "خبر\nانفجرت عبوة ناسفة بسيارة مدنية في ريف الرقة الشمالي، اليوم، ما أدى لمقتل سائقها.", "2024-05-15"
    )
    assert [(e.location, e.geo_precision, e.fatalities) for e in evs] == [("Ar Raqqah", 3, 1)]


def _one_line(text: str, published: str = "2024-03-12"):
    """Events of ``text`` told as a body under a title with no event of its own."""
    return extract("تقرير\n" + text, published)


def test_closing_appeals_are_not_events() -> None:
    for text in (
        "ويجدد المرصد السوري مطالبته المجتمع الدولي بالتحرك لوقف الانتهاكات التي تشهدها بلدة الشحيل.",
        "The SDF called on the international community to stop the Turkish drone strikes on Qamishli.",
        "Activists urged the coalition to stop the shelling of Hajin.",
    ):
        assert _one_line(text) == [], text


def test_a_banner_demand_does_not_undo_the_protest_before_it() -> None:
    evs = _one_line(
        "خرج آلاف من أهالي مدينة القامشلي، اليوم، في مظاهرة ورفعوا لافتات تطالب المجتمع الدولي بالتدخل."
    )
    assert [(e.event_type, e.location) for e in evs] == [("Protests", "Al Qamishli")]


def test_a_witness_quote_is_speech_but_a_source_quoting_a_happening_is_an_event() -> None:
    assert _one_line('"We are tired of the arrests and the raids in Hasakah," a protester told Rudaw.') == []
    assert _one_line('وقال أحد المحتجين إن "الناس خرجوا للتظاهر في الحسكة لأنهم تعبوا من الغلاء".') == []
    evs = _one_line('وقال مصدر أمني إن "قوات النظام استقدمت دبابات إلى حي زنود في مدينة القامشلي".')
    assert [e.sub_event_type for e in evs] == ["Change to group/activity"]


def test_a_drone_shot_down_is_disrupted_weapons_use_by_the_side_that_downed_it() -> None:
    for text in (
        "أسقطت قوات سوريا الديمقراطية طائرة مسيرة تركية في ريف القامشلي، اليوم الثلاثاء.",
        "The SDF shot down a Turkish drone near Tal Tamr on Monday.",
        "SDF air defences intercepted a drone over Qamishli on Monday.",
    ):
        (ev,) = _one_line(text)
        assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "SDF: Syrian Democratic Forces"), (
            text
        )


def test_a_strike_on_a_weapons_depot_is_a_strike() -> None:
    evs = _one_line("Coalition airstrikes hit a weapons depot on the outskirts of al-Mayadin on Monday.")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]


def test_gunfire_on_protesters_is_force_against_a_protest() -> None:
    (ev,) = _one_line("Security forces opened fire on protesters in Hasakah on Monday, killing two.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Excessive force against protesters",
        "Protesters (Syria)",
        2,
    )
    (ev,) = _one_line("Gunmen ransacked a warehouse in Hajin on Monday.")
    assert ev.sub_event_type == "Looting/property destruction"


def test_meetings_between_the_parties_are_strategic_developments() -> None:
    for text in (
        "التقى وفد من قوات سوريا الديمقراطية مع وفد حكومي في مدينة الحسكة، اليوم.",
        "SDF and government delegations held talks in Hasakah on Monday.",
    ):
        assert [(e.event_type, e.sub_event_type) for e in _one_line(text)] == [
            ("Strategic developments", "Other")
        ]


def test_the_claimant_and_a_named_faction_are_the_actors() -> None:
    (ev,) = _one_line("تبنى تنظيم داعش الهجوم على حاجز لقوات سوريا الديمقراطية في بلدة الشحيل، أمس.")
    assert (ev.actor1, ev.actor2) == ("Islamic State (Syria)", "SDF: Syrian Democratic Forces")
    evs = _one_line(
        "Unidentified gunmen attacked an SDF checkpoint in Diban on Monday, killing two fighters. "
        "ISIS later claimed responsibility for the attack."
    )
    assert [(e.actor1, e.fatalities) for e in evs] == [("Islamic State (Syria)", 2)]
    (ev,) = _one_line("اندلعت اشتباكات بين فصيل الحمزات وفصيل العمشات في مدينة رأس العين، اليوم.")
    assert (ev.actor1, ev.actor2) == ("Syrian National Army", "Syrian National Army")


def test_a_release_for_ransom_ends_the_abduction_and_is_not_another() -> None:
    for text in (
        "اختطف مسلحون مجهولون شاباً من بلدة الشحيل، يوم السبت. وأفرج الخاطفون عنه اليوم مقابل فدية مالية.",
        "Gunmen kidnapped a man in Hajin on Saturday. He was released on Monday after his family paid a ransom.",
    ):
        evs = _one_line(text)
        assert [(e.sub_event_type, e.event_date) for e in evs] == [
            ("Abduction/forced disappearance", "2024-03-09")
        ], text


def test_a_headline_naming_the_province_folds_into_the_bodys_village() -> None:
    text = (
        "قسد تستقدم تعزيزات إلى دير الزور\n"
        "استقدمت قوات سوريا الديمقراطية، اليوم، تعزيزات عسكرية من الحسكة إلى بلدة ذيبان بريف دير الزور الشرقي."
    )
    assert [e.location for e in extract(text, "2024-03-12")] == ["Diban"]


def test_a_reinforcement_after_a_riot_is_its_own_strategic_event() -> None:
    text = (
        "تقرير\nDetainees held at al-Sina'a prison in Hasakah staged a riot on Saturday night.\n"
        "The SDF sent dozens of reinforcements and imposed a cordon around the prison, residents said."
    )
    assert {e.event_type for e in extract(text, "2023-07-16")} == {"Riots", "Strategic developments"}


def test_english_news_spellings_of_north_east_towns() -> None:
    (ev,) = _one_line("Turkish shelling on Tal Hamis killed one civilian and wounded three others on Monday.")
    assert (ev.location, ev.fatalities) == ("Tall Hamis", 1)


# -- round 5: precision (one act, one event), places within the sentence, anchored dates ----------


def test_a_toll_update_is_not_a_new_event() -> None:
    assert extract("ارتفعت حصيلة القصف التركي على مدينة القامشلي إلى 6 قتلى.", "2024-05-15") == []
    assert extract("The death toll from the Turkish strike on Qamishli rose to 6.", "2024-05-15") == []
    assert extract("The Kurdish Red Crescent said it had treated 12 wounded in Qamishli.", "2024-05-15") == []


def test_strikes_counted_since_a_weekday_are_a_tally() -> None:
    text = "Turkish drones have carried out 30 strikes since Wednesday on villages near Qamishli."
    assert extract(text, "2024-05-15") == []
    text = "نفذت المسيرات التركية 30 ضربة منذ يوم الأربعاء على قرى قرب القامشلي."
    assert extract(text, "2024-05-15") == []


def test_air_support_for_a_raid_is_not_a_second_event() -> None:
    text = (
        "شنت قوات سوريا الديمقراطية بمساندة طيران التحالف الدولي حملة دهم في بلدة الصور "
        "واعتقلت خمسة أشخاص، اليوم الأربعاء."
    )
    evs = extract(text, "2024-05-15")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Arrests", "As-Suwar")]
    assert evs[0].actor1.startswith("SDF")


def test_rioters_storming_a_building_is_one_riot() -> None:
    text = "اقتحم محتجون غاضبون مبنى المجلس المحلي في بلدة ذيبان وأحرقوا الإطارات، اليوم."
    evs = extract(text, "2024-05-15")
    assert [e.event_type for e in evs] == ["Riots"]


def test_seized_explosives_are_not_an_explosion() -> None:
    text = (
        "اعتقلت الأسايش، مساء أمس الإثنين، شخصين في بلدة الكرامة شرقي الرقة، "
        "وضبطت بحوزتهما ثلاث عبوات ناسفة معدّة للتفجير."
    )
    assert [e.sub_event_type for e in extract(text, "2024-05-15")] == ["Arrests"]
    evs = extract("ضبطت قوى الأمن الداخلي ثلاث عبوات ناسفة في بلدة الكرامة اليوم.", "2024-05-15")
    assert [e.sub_event_type for e in evs] == ["Disrupted weapons use"]


def test_a_town_named_in_the_sentence_beats_a_direction_or_countryside() -> None:
    text = "ISIS cells attacked an SDF checkpoint east of Raqqa in the town of al-Karamah on Wednesday."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Karamah"]
    text = "Gunmen killed a shepherd in the Deir ez-Zor countryside, in al-Kasrah, on Wednesday."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Kasrah"]
    text = "قتل راعيان بانفجار لغم أرضي في بادية الكسرة غربي دير الزور، اليوم."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Kasrah"]


def test_a_framing_province_does_not_make_a_second_event() -> None:
    text = (
        "وفي دير الزور، ضبطت وحدات الأمن أمس مستودعاً يحتوي على كميات من الأسلحة في أحد أحياء "
        "مدينة الميادين، وألقت القبض على شخصين متورطين في تخزينها."
    )
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Mayadin"]


def test_a_direction_towards_a_place_is_not_the_place() -> None:
    text = "Hundreds of families fled villages around Maskanah towards Aleppo, the Observatory said."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Maskanah"]


def test_a_speakers_place_and_attackers_fleeing_make_no_event() -> None:
    text = (
        "An SDF official in Deir ez-Zor told Rudaw that one fighter was killed when gunmen opened fire "
        "on an SDF patrol near al-Busayrah on Tuesday, and that the attackers fled into nearby farmland."
    )
    evs = extract(text, "2024-05-15")
    assert [(e.event_type, e.location, e.fatalities) for e in evs] == [("Battles", "Al-Busayrah", 1)]


def test_later_that_day_takes_the_paragraphs_day_or_today() -> None:
    text = (
        "Gunmen killed a civilian in al-Shuhayl on Monday. Later in the day, Turkish artillery shelled "
        "the town of Tal Tamr."
    )
    assert [e.event_date for e in extract(text, "2024-05-15")] == ["2024-05-13", "2024-05-13"]
    text = (
        "Gunmen killed a civilian in al-Shuhayl last Saturday.\n\n"
        "Later in the day, Turkish artillery shelled the town of Tal Tamr."
    )
    assert [e.event_date for e in extract(text, "2024-05-15")] == ["2024-05-11", "2024-05-15"]


def test_the_same_day_is_the_last_day_named() -> None:
    text = (
        "اعتقلت دورية للأمن العسكري، يوم أمس الإثنين، ثمانية شبان على حاجز في مدينة دير الزور.\n"
        "وقالت مصادر إن الحاجز يدقق الأسماء.\n"
        "وفي اليوم ذاته، داهمت عناصر من المخابرات الجوية منازل في بلدة الكسرة واعتقلت ثلاثة أشخاص."
    )
    assert {e.event_date for e in extract(text, "2024-05-14")} == {"2024-05-13"}


def test_a_generic_plural_of_attacks_is_not_an_event() -> None:
    text = "Women marched in Raqqa on Friday carrying photos of women killed in Turkish attacks."
    assert [e.event_type for e in extract(text, "2024-05-17")] == ["Protests"]


def test_english_actors_both_sides_named() -> None:
    evs = extract("ISIS gunmen killed two Asayish members in al-Suwar on Wednesday.", "2024-05-15")
    assert [(e.actor1, e.actor2, e.fatalities) for e in evs] == [
        ("Islamic State (Syria)", "Asayish: Kurdish Internal Security Forces", 2)
    ]
    evs = extract("A roadside bomb hit a US convoy near al-Shaddadi on Wednesday.", "2024-05-15")
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Unidentified Armed Group (Syria)", "Military Forces of the United States")
    ]


def test_took_to_the_streets_is_a_protest() -> None:
    text = "Hundreds of Kurds took to the streets of Qamishli on Wednesday, chanting against the occupation."
    assert [e.event_type for e in extract(text, "2024-05-15")] == ["Protests"]


def test_civilians_named_at_an_attack_are_its_victims() -> None:
    text = "مقتل مدنيَّين وإصابة ١١ بانفجار دراجة نارية مفخخة في سوق شعبي بالرقة\nالرقة – نورث برس\n"
    evs = extract(
        text + "قُتل مدنيان اثنان، صباح اليوم، بانفجار دراجة نارية مفخخة في مدينة الرقة.", "2024-05-15"
    )
    assert [(e.actor1, e.actor2) for e in evs] == [("Unidentified Armed Group (Syria)", "Civilians (Syria)")]


def test_gunmen_who_detain_someone_abduct_them() -> None:
    text = "اعترض مسلحون مجهولون سيارة تاجر قرب بلدة العريشة واقتادوه إلى جهة مجهولة، أمس."
    evs = extract(text, "2024-05-15")
    assert [e.sub_event_type for e in evs] == ["Abduction/forced disappearance"]


def test_a_trailing_attribution_is_a_source_not_the_target() -> None:
    text = "A Turkish airstrike hit the Swediyah gas plant near Rmelan on Sunday, the Asayish said."
    evs = extract(text, "2024-05-15")
    assert [(e.actor1, e.actor2) for e in evs] == [("Military Forces of Turkey (2016-)", None)]


def _actors(text: str, published: str = "2020-06-11") -> list[tuple[str, str, str | None]]:
    return [(e.sub_event_type, e.actor1, e.actor2) for e in _one_line(text, published)]


def test_civilians_hurt_by_a_strike_or_a_mine_are_its_second_actor() -> None:
    assert _actors("قُتل طفلان بانفجار لغم أرضي قرب بلدة الشدادي.") == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Civilians (Syria)")
    ]
    assert _actors("Two shepherds were wounded by a landmine near Markada on Sunday.") == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Civilians (Syria)")
    ]
    # fighters hurt: no civilians
    assert (
        _actors("قُتل عنصران من قسد بانفجار لغم أرضي قرب بلدة الشدادي.")[0][2]
        == "SDF: Syrian Democratic Forces"
    )


def test_a_patrol_after_a_raid_verb_is_the_raider_not_the_target() -> None:
    assert _actors("داهمت دورية لقسد منازل في بلدة الشحيل واعتقلت شخصين.") == [
        ("Arrests", "SDF: Syrian Democratic Forces", "Civilians (Syria)")
    ]
    assert _actors("أقدم عناصر من الفرقة الرابعة على نهب مستودع في مدينة الميادين.") == [
        ("Looting/property destruction", "Military Forces of Syria (2000-2024)", "Civilians (Syria)")
    ]
    # a patrol that is attacked stays the target
    assert _actors("استهدف مسلحون مجهولون دورية لقسد في بلدة الشحيل.")[0][1:] == (
        "Unidentified Armed Group (Syria)",
        "SDF: Syrian Democratic Forces",
    )


def test_what_rioters_protest_against_and_inmates_group_are_not_the_opponent() -> None:
    assert _actors(
        "أضرم محتجون النار في مبنى مجلس مدينة الميادين احتجاجاً على مقتل شاب برصاص عناصر من الأمن العام.",
        "2025-02-18",
    ) == [("Violent demonstration", "Rioters (Syria)", None)]
    assert _actors("ISIS detainees rioted in the SDF-run Ghweran prison in Hasakah.", "2023-07-16") == [
        ("Violent demonstration", "Rioters (Syria)", "SDF: Syrian Democratic Forces")
    ]


def test_a_raid_that_kills_counted_fighters_is_a_clash_by_the_raider() -> None:
    assert _actors("The SDF said it killed five ISIS members in a raid in Shuhayl on Monday.") == [
        ("Armed clash", "SDF: Syrian Democratic Forces", "Islamic State (Syria)")
    ]


def test_clans_feuding_are_tribal_and_a_coordinating_force_takes_part() -> None:
    assert _actors(
        "قُتل ثلاثة أشخاص باشتباكات بين أبناء عشيرتي البوعساف والبوخميس في قرية الحمرات بريف الرقة."
    ) == [("Armed clash", "Arab Tribal Forces (Syria)", None)]
    got = _actors(
        "انتشرت الشرطة العسكرية التابعة للجيش الوطني بالتنسيق مع القوات التركية في مدينة رأس العين، "
        "وفرضت حظراً للتجوال في المدينة."
    )
    assert got and got[0][1:] == ("Syrian National Army", "Military Forces of Turkey (2016-)")


def test_an_unattributed_strike_is_one_more_of_the_reports_strikes() -> None:
    first = "Turkish drones struck a checkpoint of the SDF in Amuda on Monday.\n"
    between = "Hundreds of people protested in Qamishli on Monday against the strikes.\n"
    later = "Hours earlier, another airstrike hit a gas plant in Rmelan, causing a fire."

    def striker(text: str) -> str:
        return next(e.actor1 for e in extract("Strikes\n" + text, "2024-01-15") if e.location == "Rmelan")

    assert striker(first + between + later) == "Military Forces of Turkey (2016-)"
    assert striker(between + later) == "Unidentified Armed Group (Syria)"


def test_a_force_after_killed_by_or_in_is_the_attacker() -> None:
    got = _actors("A woman was killed by Turkish drones in Ain Issa on Thursday.", "2022-11-25")
    assert got and got[0][1] == "Military Forces of Turkey (2016-)", got
    got = _actors("Two men were killed in Turkish shelling on Ain Issa on Thursday.", "2022-11-25")
    assert got and got[0][1] == "Military Forces of Turkey (2016-)", got


def test_a_dateline_city_yields_to_the_place_the_body_names() -> None:
    text = (
        "HASAKAH, Syria (North Press) – A farmer was killed on Monday when a mine left over from the war "
        "against the Islamic State (ISIS) went off near the town of Tal Tamr."
    )
    assert [e.location for e in extract(text, "2023-03-14")] == ["Tall Tamr"]


def test_a_towns_council_places_its_members_killing_over_an_earlier_town() -> None:
    text = (
        "Killing in Deir ez-Zor\n"
        "A wounded man was taken to a hospital in Raqqa on Sunday.\n"
        "In the eastern countryside of Deir ez-Zor, gunmen shot dead a member of the Diban Civil Council "
        "early on Tuesday."
    )
    got = [e.location for e in extract(text, "2022-03-15") if e.sub_event_type == "Attack"]
    assert got == ["Diban"], got


def test_habits_any_x_and_the_dead_being_moved_are_not_events() -> None:
    assert (
        _types(
            "خبر\nويتكرر قيام أهالي قرى ريف القامشلي بطرد الدوريات، كما منعت حواجز الجيش في مرات سابقة أرتالاً من المرور."
        )
        == []
    )
    assert _types("خبر\nوأكد الأهالي في الشحيل رفضهم مرور أي رتل عسكري عبر قراهم.") == []
    assert _types("خبر\nوقالت منظمة طبية إن فرقها نقلت جثث ثلاثة أشخاص إلى مشفى الطبقة.") == []


def test_abducting_and_taking_away_is_one_act() -> None:
    text = "خبر\nاختطفت مجموعة مسلحة أمس خمسة شبان من حي غويران في مدينة الحسكة، واقتادتهم إلى جهة مجهولة."
    assert _types(text) == [("Violence against civilians", "Abduction/forced disappearance")]


def test_an_act_told_as_hours_before_is_a_back_reference_unless_it_has_its_own_day() -> None:
    retold = "خبر\nاستهدفت طائرة مسيرة فجر اليوم موقعاً في الميادين، وذلك بعد ساعات من استهداف قاعدة حقل العمر بصواريخ."
    assert [e.location for e in extract(retold, "2024-08-10")] == ["Al Mayadin"]
    dated = "خبر\nفرضت قسد حظر تجوال في هجين اليوم، بعد ساعات من إلقاء مجهولين قنبلة يدوية على منزل في البلدة ليل أمس."
    assert len(extract(dated, "2024-08-10")) == 2


def test_clashes_renewed_on_a_new_day_are_a_new_event() -> None:
    text = (
        "خبر\nاندلعت اشتباكات بين فصيلين في بلدة الشحيل مساء أمس الإثنين.\n"
        "وتجددت الاشتباكات صباح اليوم الثلاثاء في البلدة."
    )
    assert sorted(e.event_date for e in extract(text, "2022-09-06")) == ["2022-09-05", "2022-09-06"]


def test_the_base_detainees_were_taken_to_is_not_where_they_were_seized() -> None:
    text = (
        "خبر\nاعتقلت قسد اليوم أربعة من الوجهاء في بلدة ذيبان.\n"
        "وقال مراسل إن رتلاً لقسد داهم منازلهم قبل أن يقتادوا المعتقلين إلى قاعدة حقل العمر."
    )
    assert {e.location for e in extract(text, "2020-06-11")} == {"Diban"}


def test_the_american_occupation_is_us_forces() -> None:
    got = _actors(
        "خبر\nاستقدمت قوات الاحتلال الأمريكي رتلاً من 30 شاحنة إلى قاعدة خراب الجير اليوم.", "2023-04-12"
    )
    assert got and got[0][1] == "Military Forces of the United States", got


def _found(text: str, published: str) -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.location) for e in extract(text, published)]


def test_the_masdar_of_flight_is_the_flight_placed_where_people_fled_from() -> None:
    text = "خبر\nودفع القصف المتواصل عشرات العائلات إلى النزوح من بلدة عين عيسى خلال اليومين الماضيين باتجاه مدينة الرقة."
    assert _found(text, "2021-01-12") == [("Other", "`Ayn `Isa")]


def test_a_month_glossed_in_brackets_dates_the_background() -> None:
    text = (
        "خبر\nوكانت القوات التركية قد سيطرت على مدينة تل أبيض في أكتوبر (تشرين الأول) 2019 بعد معارك عنيفة."
    )
    assert [e.event_date[:7] for e in extract(text, "2022-06-08")] == ["2019-10"]


def test_fire_under_cover_of_which_an_assault_goes_is_one_clash() -> None:
    text = (
        "News\nFighting raged overnight near Ain Issa between the SDF and SNA factions, which launched fresh "
        "assaults under cover of artillery fire."
    )
    assert _found(text, "2025-01-16") == [("Armed clash", "`Ayn `Isa")]


def test_people_hit_on_their_way_are_placed_where_they_were_going() -> None:
    text = (
        "News\nA Turkish drone struck a convoy carrying residents from Kobani and Raqqa to a sit-in at the "
        "Tishreen Dam on Wednesday."
    )
    assert ("Air/drone strike", "Tishrin Dam") in _found(text, "2025-01-16")


def test_a_dispersed_protest_with_arrests_is_one_protest_with_intervention() -> None:
    text = "خبر\nفرّقت قوات الأمن الداخلي، أمس، مظاهرة في مدينة الرقة وأطلقت الرصاص في الهواء، واعتقلت سبعة من المشاركين فيها."
    assert _found(text, "2025-10-21") == [("Protest with intervention", "Ar Raqqah")]


def test_gunfire_at_the_protesters_named_after_it_is_force_on_the_protest() -> None:
    text = "خبر\nوقال أحد المشاركين إن عناصر الحاجز في بلدة الشدادي أطلقوا النار في الهواء أولاً، ثم باتجاه المتظاهرين."
    assert [s for s, _ in _found(text, "2021-05-17")] == ["Excessive force against protesters"]


def test_a_street_or_a_town_opposite_is_not_the_place() -> None:
    assert _found("خبر\nخرجت اليوم مظاهرة في شارع تل أبيض وسط مدينة الرقة.", "2025-10-21") == [
        ("Peaceful protest", "Ar Raqqah")
    ]
    text = "خبر\nقصفت قوات النظام اليوم بقذائف الهاون بلدة ذيبان المقابلة لمدينة الميادين."
    assert _found(text, "2023-11-14") == [("Shelling/artillery/missile attack", "Diban")]


def test_weapons_in_a_convoy_and_counted_cases_are_not_attacks() -> None:
    text = "خبر\nاستقدم التحالف الدولي اليوم تعزيزات عسكرية إلى قاعدته في حقل العمر، ضمّت منظومات دفاع جوي وراجمات صواريخ."
    assert [s for s, _ in _found(text, "2023-11-14")] == ["Change to group/activity"]
    assert (
        _found("خبر\nووثقت شبكة محلية 14 حالة خطف مقابل فدية في مدينة الحسكة منذ بداية العام.", "2021-11-22")
        == []
    )


def test_the_hospital_the_wounded_reached_does_not_move_the_strike() -> None:
    text = (
        "خبر\nاستهدفت طائرة مسيّرة تركية ظهر اليوم سيارة مدنية غرب مدينة عامودا.\n"
        "وأفاد المراسل بأن المسيّرة أطلقت صاروخين على السيارة، فيما نُقل طفل مصاب إلى أحد مشافي قامشلو."
    )
    assert [loc for _, loc in _found(text, "2023-11-23")] == ["`Amuda"]


def test_where_the_fire_was_launched_from_is_not_where_it_fell() -> None:
    text = (
        "خبر\nقصف الجيش التركي ليلة أمس بالمدفعية قرى في ريف ناحية تل تمر الشمالي، "
        "انطلاقاً من قواعده في محيط مدينة رأس العين."
    )
    assert [loc for _, loc in _found(text, "2023-11-23")] == ["Tall Tamr"]


def test_a_strike_somewhere_in_a_province_is_kept_at_province_level() -> None:
    text = (
        "خبر\nوأعلنت القيادة المركزية الأمريكية أن قواتها نفّذت يوم الخميس الماضي غارة جوية في محافظة دير الزور "
        "أسفرت عن مقتل قيادي في داعش."
    )
    got = extract(text, "2025-03-22")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in got] == [
        ("Air/drone strike", "Deir ez-Zor", 3)
    ]


def test_unknown_people_burning_crops_is_property_destruction_not_a_riot() -> None:
    text = "خبر\nأضرم مجهولون النار مساء الخميس الماضي في حقول قمح بقرية الكرامة شرقي الرقة."
    assert [s for s, _ in _found(text, "2022-06-12")] == ["Looting/property destruction"]


def test_the_two_villages_is_a_common_word_not_al_qaryatayn() -> None:
    text = (
        "خبر\nقصف الجيش التركي فجر اليوم قرية أم الكيف شمال تل تمر.\n"
        "ودفع القصف عشرات العائلات من أهالي القريتين إلى النزوح باتجاه بلدة تل تمر."
    )
    assert "Al Qaryatayn" not in {loc for _, loc in _found(text, "2019-11-23")}


def test_a_convoy_turned_back_and_an_occupation_named_are_not_events() -> None:
    text = (
        "خبر\nاعترض أهالي بلدة تل حميس بريف القامشلي اليوم رتلاً لقوات الاحتلال الأمريكي مؤلفاً من أربع مدرعات."
    )
    assert "Change to group/activity" not in {s for s, _ in _found(text, "2023-01-19")}
    text = "خبر\nوتطالب سورية بخروج القوات الأمريكية من أراضيها، مؤكدة أن وجودها في قاعدة خراب الجير يشكّل احتلالاً."
    assert _found(text, "2023-01-19") == []


def test_english_pro_government_militiamen_are_the_ndf() -> None:
    got = _actors(
        "News\nPro-government militiamen shelled the town of Diban on Wednesday, killing a woman.",
        "2024-06-13",
    )
    assert got and got[0][1] == "NDF: National Defence Forces", got
