"""Date phrases resolved against a fixed publication date (Monday 19 August 2024 unless said)."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.dates import find_dates
from extraction.errors import InputError
from extraction.normalise import fold
from extraction.published import parse_published

PUB = dt.date(2024, 8, 19)  # a Monday


def one(text: str, pub: dt.date = PUB):
    ds = [d for d in find_dates(fold(text), pub)]
    assert ds, text
    return ds[0]


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("اليوم الإثنين", "2024-08-19"),
        ("أمس", "2024-08-18"),
        ("ليلة أمس الأحد", "2024-08-18"),
        ("أول أمس", "2024-08-17"),
        ("فجر اليوم", "2024-08-19"),
        ("منذ ثلاثة أيام", "2024-08-16"),
        ("منذ يومين", "2024-08-17"),
        ("الأربعاء الفائت", "2024-08-14"),
        ("صباح الأربعاء الماضي", "2024-08-14"),
        ("مساء أمس الإثنين", "2024-08-18"),
        ("في الثالث من تشرين الأول", "2023-10-03"),
        ("في العاشر من آذار/مارس الماضي", "2024-03-10"),
        ("yesterday", "2024-08-18"),
        # the conjunction glued to "yesterday" and "today"
        ("وأمس، قصفت القوات التركية", "2024-08-18"),
        ("واليوم قصفت", "2024-08-19"),
        # "on the 11th of the month": this month, or the one before for a day still to come
        ("في الحادي عشر من الشهر، قُتل", "2024-08-11"),
        ("في 25 من الشهر قُتل", "2024-07-25"),
        ("On the 20th of the month, a child was taken", "2024-07-20"),
        ("on the 3rd of last month", "2024-07-03"),
        ("on Tuesday evening", "2024-08-13"),
        ("Early on Monday", "2024-08-19"),
        ("heard it on the 9th of October 2018", "2018-10-09"),
        ("on the 29th of September 2018", "2018-09-29"),
        ("on August 3rd, 2024", "2024-08-03"),
    ],
)
def test_day_phrases(phrase: str, day: str) -> None:
    d = one(phrase)
    assert d.best.isoformat() == day
    assert d.precision == 1


def test_last_week_is_the_previous_monday_to_sunday() -> None:
    for phrase in ("الأسبوع الماضي", "الأسبوع الفائت", "last week"):
        d = one(phrase)
        assert (d.dmin.isoformat(), d.dmax.isoformat(), d.precision) == ("2024-08-12", "2024-08-18", 2)


def test_sixth_consecutive_day_began_five_days_before() -> None:
    d = one("لليوم السادس على التوالي")
    assert (d.dmin.isoformat(), d.dmax.isoformat()) == ("2024-08-14", "2024-08-19")


def test_month_windows() -> None:
    d = one("في شهر نيسان العام 2021")
    assert (d.dmin.isoformat(), d.dmax.isoformat(), d.precision) == ("2021-04-01", "2021-04-30", 3)
    d = one("In March 2021")
    assert (d.dmin.isoformat(), d.dmax.isoformat(), d.precision) == ("2021-03-01", "2021-03-31", 3)
    d = one("في تشرين الأول ٢٠١٩")
    assert d.dmin.isoformat() == "2019-10-01"
    d = one("أواخر كانون الثاني/يناير الماضي", dt.date(2026, 2, 10))
    assert (d.dmin.isoformat(), d.dmax.isoformat()) == ("2026-01-21", "2026-01-31")


def test_since_phrases_are_tallies() -> None:
    assert one("منذ مطلع شباط الجاري").is_tally
    assert one("منذ آب/أغسطس 2023").is_tally


def test_egyptian_and_levantine_month_names_agree() -> None:
    a = one("في الثالث من أبريل", PUB)
    b = one("في الثالث من نيسان", PUB)
    assert a.best == b.best == dt.date(2024, 4, 3)


def test_parse_published() -> None:
    assert parse_published("2024-08-19") == PUB
    assert parse_published(PUB) == PUB
    with pytest.raises(InputError):
        parse_published("19/08/2024")
    with pytest.raises(InputError):
        parse_published(None)


def test_numeric_dates() -> None:
    assert one("بتاريخ 17/5/2023").best == dt.date(2023, 5, 17)
    assert one("on 2023-05-17").best == dt.date(2023, 5, 17)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a chain counts from the day told before it, not from publication
        ("وفي يوم السبت الفائت أصيب عنصران. وقبل ذلك بيومين قُتل عنصر", ["2024-08-17", "2024-08-15"]),
        ("اشتباكات يوم الخميس الماضي، وبعدها بثلاثة أيام انفجرت عبوة", ["2024-08-15", "2024-08-18"]),
        (
            "On Wednesday they met in Hmeimim. The following day warplanes bombed",
            ["2024-08-14", "2024-08-15"],
        ),
        ("Clashes erupted on 3 August. Two days earlier, gunmen killed a man", ["2024-08-03", "2024-08-01"]),
    ],
)
def test_a_chained_day_counts_from_the_day_told_before(text: str, days: list[str]) -> None:
    assert [d.best.isoformat() for d in find_dates(fold(text), PUB)] == days


def test_a_chained_day_with_nothing_before_counts_from_publication() -> None:
    assert one("وقبل ذلك بيومين قُتل عنصر").best == dt.date(2024, 8, 17)


@pytest.mark.parametrize(
    ("phrase", "pub", "day"),
    [
        ("في أول أيام عيد الفطر", dt.date(2020, 5, 28), "2020-05-24"),
        ("ثالث أيام عيد الأضحى", dt.date(2024, 6, 30), "2024-06-18"),
        ("on the first day of Eid al-Adha 2019", dt.date(2020, 1, 1), "2019-08-11"),
    ],
)
def test_feast_days_come_from_the_holiday_table(phrase: str, pub: dt.date, day: str) -> None:
    assert one(phrase, pub).best.isoformat() == day


def test_the_end_of_last_month_is_its_last_ten_days() -> None:
    d = one("في أواخر الشهر الماضي")
    assert (d.dmin.isoformat(), d.dmax.isoformat()) == ("2024-07-22", "2024-07-31")


@pytest.mark.parametrize(
    "phrase", ["منذ مطلع العام 2022", "منذ بداية العام الجاري", "since the start of the year"]
)
def test_since_the_start_of_the_year_is_a_count_window(phrase: str) -> None:
    """ "بذلك يرتفع إلى 61 عدد الضربات منذ مطلع العام 2022": the window of a tally, never an event's day."""
    d = one(phrase, dt.date(2022, 10, 12))
    assert d.is_tally and d.dmin == dt.date(2022, 1, 1)


@pytest.mark.parametrize(
    "phrase", ["للمرة الأولى منذ 8 كانون الأول 2024", "for the first time since 8 December 2024"]
)
def test_since_a_day_is_a_reference_not_an_acts_day(phrase: str) -> None:
    d = next(d for d in find_dates(fold(phrase), dt.date(2026, 2, 3)) if d.best == dt.date(2024, 12, 8))
    assert d.is_reference and not d.is_tally  # dates no act, and counts nothing either


def test_an_act_told_with_since_a_day_keeps_its_own_day() -> None:
    from extraction import extract

    text = "خبر\nفرضت قسد حظر تجوال في مدينة القامشلي اليوم لمنع الاحتفال بدخول الأمن السوري للمرة الأولى منذ 8 كانون الأول 2024."
    assert {e.event_date for e in extract(text, "2026-02-03")} == {"2026-02-03"}


def test_since_a_year_in_english_is_a_tally_as_in_arabic() -> None:
    """ "It has waged armed violence in south-eastern Turkey since 1984", as "منذ عام 2015": a span, no act's day."""
    assert one("since 1984").is_tally
    assert one("منذ عام 2015").is_tally


def test_a_history_since_a_year_is_no_event() -> None:
    from extraction import extract

    text = (
        "Reinforcements reach Hasakah\nThe PKK is listed as a terrorist group. It has waged armed violence in "
        "south-eastern Turkey since 1984, and more than 40,000 people have been killed in the conflict."
    )
    assert [e.event_type for e in extract(text, "2018-06-25")] == ["Strategic developments"]


@pytest.mark.parametrize(
    "text",
    [
        "Up to 25 people were killed in the heaviest fighting between IS and the SDF since 2019",
        "الاشتباكات الأعنف بين داعش وقسد منذ عام 2019",
    ],
)
def test_a_span_after_a_comparison_is_a_reference(text: str) -> None:
    """ "the heaviest fighting ... since 2019": what the act is measured against, not the span of a tally."""
    d = one(text)
    assert d.is_reference and not d.is_tally


def test_the_heaviest_fighting_since_a_year_is_still_an_event() -> None:
    from extraction import extract

    text = "Hasakah clashes\nUp to 25 people were killed in Hasakah on Thursday in the heaviest fighting since 2019."
    assert [e.event_type for e in extract(text, "2022-01-21")] == ["Battles"]


def test_at_the_time_is_the_day_told_before() -> None:
    """ "وذكرت صفحات محلية حينها أن ...": what was told then happened on the day told before."""
    ds = find_dates(
        fold("وتداولت أنباء في 19 حزيران عن تفجير. وذكرت صفحات محلية حينها أن قسد طوقت المكان."), PUB
    )
    assert [d.best.isoformat() for d in ds] == ["2024-06-19", "2024-06-19"]


@pytest.mark.parametrize(
    "phrase", ["Between August 3 and August 9", "from 3 to 9 August", "بين 3 و9 آب", "من 3 إلى 9 آب"]
)
def test_a_span_of_days_is_a_counting_window(phrase: str) -> None:
    """ "Between August 3 and August 9, Turkish aircraft carried out eight drone attacks": a tally's window."""
    (d,) = find_dates(fold(phrase), dt.date(2022, 8, 10))
    assert d.is_tally and (d.dmin, d.dmax) == (dt.date(2022, 8, 3), dt.date(2022, 8, 9))


def test_an_abbreviated_month_is_a_month_and_ends_no_sentence() -> None:
    """ "The most recent came on Jan. 16, when ...": a day, in one sentence with its act; "Jan" alone is a name."""
    from extraction import extract

    (d,) = find_dates(fold("the most recent came on jan. 16, when"), dt.date(2019, 3, 9))
    assert (d.best, d.precision) == (dt.date(2019, 1, 16), 1)
    assert find_dates(fold("jan egeland said on the phone"), dt.date(2019, 3, 9)) == []
    text = "ISIS bombing in Manbij\nThe most recent came on Jan. 16, when a suicide bombing in Manbij killed 19 people."
    assert [(e.event_date, e.fatalities) for e in extract(text, "2019-03-09")] == [("2019-01-16", 19)]


def test_two_days_ago_with_the_conjunction_and_the_two_that_is_no_monday() -> None:
    """ "وقبل يومين، قُتل عنصران" is two days before publication; "أودى بحياة الاثنين" is "the two", not Monday."""
    pub = dt.date(2022, 11, 26)
    assert [d.best for d in find_dates(fold("وقبل يومين، قتل عنصران"), pub)] == [dt.date(2022, 11, 24)]
    assert find_dates(fold("أن إطلاق النار أودى بحياة الاثنين، بينما فر المهاجمان"), pub) == []
    assert [d.best for d in find_dates(fold("قتل شاب يوم الاثنين"), pub)] == [dt.date(2022, 11, 21)]


def test_a_count_since_a_turn_of_events_is_a_tally() -> None:
    """ "505 people have been killed since the military escalation in Manbij began on December 12, 2024": a
    running count, no event of 505 dead on that day."""
    from extraction import extract

    text = (
        "Report\nAccording to SOHR, 505 people have been killed since the military escalation in Manbij and its "
        "countryside began on December 12, 2024, among them 53 civilians."
    )
    assert extract(text, "2025-01-26") == []


def test_a_day_told_late_in_the_body_is_another_acts_not_the_reports() -> None:
    """ "... قصف نفذته طائرة تركية مسيرة على مقر ..." with no day, then later "كما رصد المرصد، أمس، استقدام قسد
    تعزيزات": the strike is on the report's day; "yesterday" is the reinforcements'."""
    from extraction import extract

    text = (
        "قتلى بقصف مسيرة تركية على مقر عسكري في ريف الحسكة\n"
        "وثّق المرصد السوري ارتفاع حصيلة القتلى إلى 9 جراء قصف نفذته طائرة تركية مسيرة على مقر مجلس تل تمر "
        "العسكري.\n"
        "وكان المرصد قد وثّق قبل ساعات سقوط قتيل و5 جرحى في الموقع.\n"
        "كما رصد المرصد السوري، أمس، استقدام قوات سوريا الديمقراطية تعزيزات عسكرية كبيرة إلى بلدة أبو راسين."
    )
    strikes = [e for e in extract(text, "2021-08-19") if e.sub_event_type == "Air/drone strike"]
    assert [e.event_date for e in strikes] == ["2021-08-19"]


def test_the_nth_of_the_same_month() -> None:
    """ "كما قصفت مسيّرة تركية في 19 من الشهر ذاته سيارة": the 19th of the month the report is in."""
    d = one("كما قصفت مسيّرة تركية في 19 من الشهر ذاته سيارة", dt.date(2023, 10, 22))
    assert (d.best.isoformat(), d.precision) == ("2023-10-19", 1)


def test_what_an_act_comes_after_happened_that_long_before() -> None:
    """ "ويأتي التفجير بعد أسبوعين من انفجار دراجة نارية في مدينة منبج"، "الحملة تأتي بعد ثلاثة أيام من وقوع رتل في
    كمين": the act the one told comes after happened that long before the day told before."""
    from extraction import extract

    text = (
        "خبر\nقُتل مدنيان بانفجار دراجة نارية مفخخة في قرية الفارات اليوم الأربعاء. ويأتي التفجير بعد أسبوعين من "
        "انفجار دراجة نارية في مدينة منبج أدى إلى مقتل عنصرين."
    )
    days = {e.location: e.event_date for e in extract(text, "2019-05-08")}
    assert days["Manbij"] == "2019-04-24"


def test_this_afternoon_is_today() -> None:
    """ "This afternoon Turkish forces fired artillery shells at ...": the report's day."""
    (d,) = find_dates(fold("This afternoon Turkish forces fired artillery shells"), PUB)
    assert d.best == PUB


def test_a_span_of_years_is_its_last_year() -> None:
    """ "IDPs also poured in between 2016 and 2018", "بين عامي 2016 و2018": a year, history."""
    for text in ("IDPs also poured in between 2016 and 2018.", "نزح الآلاف بين عامي 2016 و2018"):
        (d,) = find_dates(fold(text), PUB)
        assert (d.kind, d.dmin, d.dmax) == ("year", dt.date(2018, 1, 1), dt.date(2018, 12, 31))


def test_the_weekend_is_the_last_friday_to_sunday() -> None:
    """ "Over the weekend the Counter-Terrorism Units ... detained 27 people" (Tuesday 13 Oct 2020): Friday 9 to
    Sunday 11 October, Saturday the best day, precision 2 (date_phrases.csv kind weekend)."""
    d = one("Over the weekend the SDF detained 27 people.", dt.date(2020, 10, 13))
    assert (d.best, d.dmin, d.dmax, d.precision) == (
        dt.date(2020, 10, 10),
        dt.date(2020, 10, 9),
        dt.date(2020, 10, 11),
        2,
    )
    d = one("خلال عطلة نهاية الأسبوع", dt.date(2020, 10, 10))  # a Saturday: up to today
    assert (d.dmin, d.dmax) == (dt.date(2020, 10, 9), dt.date(2020, 10, 10))


def test_a_weekend_in_the_lead_dates_the_acts_told_without_a_day() -> None:
    """The lead's "Over the weekend" is the report's day: the raid told next, with no day of its own, was then."""
    from extraction import extract

    text = (
        "SDF detain suspects in Deir ez-Zor\n"
        "Over the weekend the SDF detained 27 people suspected of belonging to ISIS in the countryside of Deir ez-Zor.\n"
        "In a separate raid outside the town of Dhiban, eight men were detained on charges of planting explosives."
    )
    evs = extract(text, "2020-10-13")
    assert {e.event_date for e in evs if e.location == "Diban"} == {"2020-10-10"}


def test_months_and_years_back_are_a_window_that_long_before() -> None:
    """ "يذكر أن دخول أغنام إلى أرض زراعية قبل عام من الآن تسبب بمقتل 8 أشخاص": a year back, two months either side
    (precision 3); "two months ago" a fortnight either side. Not "قبل عام 2011" (before the year 2011), nor "منذ
    عامين", as often how long ("في أول تسجيل صوتي له منذ عامين")."""
    pub = dt.date(2022, 4, 20)
    d = one("قبل عام من الآن تسبب بمقتل 8 أشخاص", pub)
    assert (d.best, d.dmin, d.dmax, d.precision) == (
        dt.date(2021, 4, 20),
        dt.date(2021, 2, 19),
        dt.date(2021, 6, 19),
        3,
    )
    d = one("Two months ago, a landmine killed a shepherd", pub)
    assert (d.best, d.dmin, d.dmax) == (dt.date(2022, 2, 19), dt.date(2022, 2, 4), dt.date(2022, 3, 6))
    assert one("قبل ثلاثة أشهر قتل", pub).best == dt.date(2022, 1, 20)
    assert [d.kind for d in find_dates(fold("كانت المنطقة هادئة قبل عام 2011"), pub)] == ["year"]
    assert find_dates(fold("في أول تسجيل صوتي له منذ عامين"), pub) == []
    assert find_dates(fold("قُتل قبل سنوات في المنطقة"), pub) == []


def test_a_date_that_names_a_place_is_no_date() -> None:
    """ "threw a stun grenade at a grocery kiosk inside the April 4 Park in Hasaka", "في ساحة 7 نيسان": the park
    and the square are named after a day; the act is not dated by it."""
    pub = dt.date(2025, 6, 9)
    assert find_dates(fold("a grocery kiosk inside the April 4 Park in Hasaka city"), pub) == []
    assert find_dates(fold("تجمع المحتجون في ساحة 7 نيسان وسط الرقة"), pub) == []
    assert one("On April 4 the SDF raided the town", pub).best == dt.date(2025, 4, 4)


def test_a_day_of_the_current_month_is_this_years_though_still_to_come() -> None:
    """ "الاستفتاء المقرر إجراؤه في 25 أيلول/سبتمبر الجاري" told on 15 September: this year's 25th, ten days
    ahead, not last year's."""
    pub = dt.date(2017, 9, 15)
    assert one("المقرر إجراؤه في 25 أيلول/سبتمبر الجاري", pub).best == dt.date(2017, 9, 25)
    assert one("في 25 أيلول الحالي", pub).best == dt.date(2017, 9, 25)
    assert one("في 25 أيلول", pub).best == dt.date(2016, 9, 25)


def test_a_weekday_right_before_a_date_is_that_dates() -> None:
    """ "يوم الثلاثاء 11 تشرين الثاني/نوفمبر الجاري" told on Monday 24 November: one day, the 11th (a Tuesday), not
    also the last Tuesday (the 18th); a weekday told apart from the date stays its own."""
    pub = dt.date(2025, 11, 24)
    found = [
        d.best
        for d in find_dates(fold("اعتقلت قسد يوم الثلاثاء 11 تشرين الثاني/نوفمبر الجاري مدير مدرسة"), pub)
    ]
    assert found == [dt.date(2025, 11, 11)]
    assert [d.best for d in find_dates(fold("On Tuesday, November 11, the SDF arrested him"), pub)] == [
        dt.date(2025, 11, 11)
    ]
    apart = [d.best for d in find_dates(fold("قصفت يوم الثلاثاء، وفي 11 تشرين الثاني قصفت"), pub)]
    assert apart == [dt.date(2025, 11, 18), dt.date(2025, 11, 11)]


def test_a_month_of_a_year_in_english() -> None:
    """ "Alouk was hit by artillery and machine gun fire in April of 2017": April 2017, not the last April."""
    d = one("Alouk was hit by artillery fire in April of 2017, as tensions rose", dt.date(2020, 2, 25))
    assert (d.dmin, d.dmax) == (dt.date(2017, 4, 1), dt.date(2017, 4, 30))
