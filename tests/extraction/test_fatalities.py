"""Death figures: digits and words, wounded excluded, mixed killed-and-wounded skipped, explicit zero."""

from __future__ import annotations

from extraction.fatalities import conservative, find_figures
from extraction.lexicon import main_matcher
from extraction.normalise import fold


def figures(text: str) -> list[int]:
    t = fold(text)
    return [f.value for f in find_figures(t, main_matcher().find(t), 0, len(t))]


def test_digits_and_words() -> None:
    assert figures("أسفرت العملية عن مقتل 18 عنصراً") == [18]
    assert figures("مقتل ثلاثة مدنيين") == [3]
    assert figures("مقتل اثنين من مقاتليها") == [2]
    assert figures("سبعة قتلى باشتباكات") == [7]
    assert figures("مقتل ١٢ شخصاً") == [12]


def test_english() -> None:
    assert figures("Two members of the Internal Security Forces (Asayish) were killed") == [2]
    assert figures("dozens were killed") == [12]


def test_wounded_and_arrested_are_not_deaths() -> None:
    assert figures("إصابة ثلاثة عناصر بجروح") == []
    assert figures("اعتقلت 23 شخصاً") == []


def test_killed_and_wounded_together_is_no_figure() -> None:
    assert figures("زاعماً قتل وإصابة عشرة من عناصر الميليشيا") == []


def test_dead_and_wounded_counted_together_give_no_death_figure() -> None:
    """Headlines mix them: "نحو 20 قتيلاً وجريحاً"، "14 بين قتيل وجريح" say nothing of the dead alone."""
    assert figures("نحو 20 قتيلاً وجريحاً بقصف مسيّرة") == []
    assert figures("سقوط 14 بين قتيل وجريح") == []
    assert figures("nearly 20 killed and wounded in the strike") == []


def test_conflicting_figures_take_the_lowest() -> None:
    fs = figures("مقتل أربعة عناصر من قسد، في حين أعلنت قسد مقتل اثنين من مقاتليها")
    assert sorted(fs) == [2, 4]
    t = fold("مقتل أربعة عناصر، مقتل اثنين")
    assert conservative(find_figures(t, main_matcher().find(t), 0, len(t))) == 2


def test_explicit_zero_and_singular_death() -> None:
    assert figures("فيما لم تُسجَّل أي حالة وفاة") == [0]
    assert figures("ما أدى إلى مقتله على الفور") == [1]


def test_english_killing_takes_only_the_number_after_it() -> None:
    assert figures("clashes broke out in Diban, killing three fighters") == [3]
    assert figures("arrested two men suspected of involvement in the killing of the man") == []


def test_people_joined_by_and_add_up() -> None:
    assert figures("قتل مزارع وابنه بانفجار لغم") == [2]
    assert figures("قُتلت امرأة وثلاثة أطفال بقصف") == [4]
    assert figures("قُتلت سيدة وطفلها بقصف") == [2]
    assert figures("A farmer and his son were killed by a landmine") == [2]
    assert figures("A woman and three children were killed in shelling") == [4]
    assert figures("A senior commander of the YPG and his driver were killed") == [2]


def test_killed_one_and_wounded_others_is_one() -> None:
    assert figures("قُتل شخص وأصيب آخرون بانفجار عبوة") == [1]
    assert figures("مقتل شخصين وإصابة ثلاثة آخرين") == [2]
    assert figures("An SDF fighter was killed in the attack") == [1]
    assert figures("A tribal elder was shot dead by gunmen") == [1]


def test_ages_times_distances_and_weights_are_not_counts() -> None:
    assert figures("قُتل شاب يبلغ من العمر 30 عاماً") == [1]
    assert figures("انفجر لغم على بعد ٣٠ كيلومتراً ما أدى لمقتل شخصين") == [2]
    assert figures("في الساعة 8 صباحاً قتل مسلحون شخصاً") == [1]
    assert figures("a drone struck a car 10 km away, killing its driver") == [1]


def test_a_death_named_as_a_cause_is_not_counted_in_its_sentence() -> None:
    from extraction import extract

    text = "خبر\nأضرم محتجون النار في مبنى المجلس في الشحيل احتجاجاً على مقتل شاب برصاص حاجز."
    evs = extract(text, "2024-05-15")
    assert evs and sum(e.fatalities for e in evs) == 0


def test_a_breakdown_of_the_dead_adds_up() -> None:
    assert figures("قتل 5 عناصر من قسد ومدنيان اثنان في هجوم") == [7]
    assert figures("مقتل 7 عناصر من قسد و28 من مقاتلي داعش") == [35]
    assert figures("Five SDF fighters and two civilians were killed in an attack") == [7]


def test_a_breakdown_never_adds_the_wounded() -> None:
    assert figures("قتل 3 مدنيين و5 جرحى بقصف") == [3]
    assert figures("Three SDF fighters were killed and two others wounded") == [3]


def test_english_takes_the_number_right_after_the_killing_verb_over_a_day_before_it() -> None:
    """ "On September 3 a suicide bombing in Manbij killed 19 people": 19, not the day's 3."""
    assert figures("On September 3 a suicide bombing in Manbij killed 19 people") == [19]
    assert figures("Two members of the Asayish were killed in a drone strike") == [2]


def test_a_number_of_the_wounded_counts_no_dead_and_the_dead_told_before_no_new_one() -> None:
    """ "سقوط قتيل و5 جرحى" is one dead; "أضرم ذوو القتيل النار" (the dead man's kin) counts no one."""
    assert figures("سقوط قتيل و5 جرحى") == [1]
    assert figures("مقتل شخص و5 جرحى") == [1]
    assert figures("أضرم ذوو القتيل النار في منزل الجاني") == []


def test_a_number_ending_a_sentence_is_a_number() -> None:
    """ "ارتفعت حصيلة قتلى القصف إلى 4." (the full stop ends the sentence; "4.5" is no count of people)."""
    assert figures("ارتفعت حصيلة قتلى القصف إلى 4.") == [4]
    assert figures("Turkish shelling killed 3.") == [3]


def test_asides_in_brackets_do_not_part_a_number_from_its_verb() -> None:
    """ "Two members of the Internal Security Forces (Asayish) of northeast Syria (Rojava) were killed": the
    bracketed asides name what was told again."""
    text = "Two members of the Internal Security Forces (Asayish) of northeast Syria (Rojava) were killed"
    assert figures(text) == [2]


def test_the_second_of_two_ages_counts_no_one() -> None:
    """ "two brothers aged 14 and 16 were killed": two dead, not sixteen."""
    assert figures("two brothers aged 14 and 16 were killed by a landmine") == [2]


def test_a_family_counted_is_not_its_dead() -> None:
    """ "At least nine members of one family were killed": "one family" counts no one."""
    assert figures("At least nine members of one family were killed in an airstrike") == [9]


def test_who_is_among_the_dead_is_no_count_of_them() -> None:
    """ "at least four Asayish members, a commander among them, died": the aside names one of the four."""
    assert figures("at least four Asayish members, a commander among them, died in the attack") == [4]
    assert figures("three fighters, including a commander, were killed") == [3]


def test_who_is_among_the_dead_in_arabic_counts_none_of_them() -> None:
    """ "أربعة مدنيين بينهم طفل لقوا حتفهم"، "لقي ثلاثة مدنيين، بينهم طفلان، حتفهم": the aside names some of them."""
    assert figures("أن أربعة مدنيين بينهم طفل لقوا حتفهم، وأُصيب آخرون") == [4]
    assert figures("لقي ثلاثة مدنيين، بينهم طفلان، حتفهم") == [3]
    assert figures("ثلاثة أشخاص بينهم امرأة وطفل قتلوا") == [3]
