"""Stage cluster: a sentence's acts of one family at a common place are one act."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards

DHIBAN_ASSAULT = (
    "وقال مراسل «الخابور» إن أرتالاً لـ«قسد» مدعومة بعربات مصفحة اقتحمت البلدة من محورَي الحوايج والطيانة، بعد "
    "قصف تمهيدي بقذائف الهاون والرشاشات الثقيلة، فيما انسحب مقاتلو العشائر نحو الضفة الغربية لنهر الفرات عبر "
    "العبّارات النهرية."
)


def test_where_fighters_withdrew_to_is_no_second_act() -> None:
    evs = extract(DHIBAN_ASSAULT, "2023-09-06", "الخابور")
    assert [e.sub_event_type for e in evs].count("Change to group/activity") <= 1


@guards("a_destination_makes_no_second_act")
def test_where_reinforcements_were_sent_is_no_second_act() -> None:
    """ "بالتزامن مع إرسال الجيش تعزيزات نحو مدينة عين العرب" told with a drone downed at Sarrin: no deployment
    event at Kobani, where they were headed."""
    text = (
        "مسيرتان تستهدفان موقعا لقسد\n"
        "ذكرت سانا أن الجيش أسقط طائرة مسيّرة لقسد في سماء بلدة صرّين بريف حلب الشرقي، بالتزامن مع إرسال الجيش "
        "تعزيزات نحو مدينة عين العرب في المنطقة ذاتها.\n"
        "وأفاد مراسل الجزيرة بأن قوات الأمن السورية انتشرت في مدينة الشدادي بعد انسحاب قسد منها."
    )
    assert "'Ayn al 'Arab" not in [e.location for e in extract(text, "2026-01-21")]
