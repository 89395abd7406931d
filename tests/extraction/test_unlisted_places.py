"""Villages and quarters no source locates, named by the report: each its own place, at the town named with it."""

from __future__ import annotations

from extraction import extract
from extraction.normalise import normalise
from extraction.places import find_places, unlisted_places

KOBANI = (
    "قصف تركي على كوباني يقتل طفلاً\n"
    "سقطت خمس قذائف مدفعية على وسط مدينة كوباني صباح اليوم الثلاثاء، بالتزامن مع قصف مدفعي كثيف طال قرى "
    '"بوبان، أشمة، سفتك" في الريف الغربي للمدينة.'
)


def _unlisted(text: str) -> list[tuple[str, str]]:
    norm = normalise(text)
    return [(m.text, m.place.located_by) for m in unlisted_places(norm, find_places(norm))]


def test_each_village_of_a_list_is_a_place_at_the_town_named_with_it() -> None:
    got = _unlisted(KOBANI)
    assert [name for name, _ in got] == ['قرى "بوبان', "أشمة", "سفتك"]
    assert {by for _, by in got} == {p.place.id for p in find_places(normalise("مدينة كوباني"))}


def test_one_event_per_village_no_source_locates() -> None:
    evs = extract(KOBANI, "2022-08-16")
    assert sorted(e.location for e in evs if e.geo_precision == 2) == ["أشمة", "بوبان", "سفتك"]
    kobani = next(e for e in evs if e.geo_precision == 1)
    assert all((e.latitude, e.longitude) == (kobani.latitude, kobani.longitude) for e in evs)


def test_words_that_describe_villages_are_no_names() -> None:
    assert _unlisted("قصف تركي يطال عين عيسى وقرى محيطة بها، وقرى ريفها الشمالي.") == []


def test_a_name_told_twice_is_one_place_and_needs_a_place_to_be_located_by() -> None:
    text = "اعترض أهالي قرية خربة عمو بريف القامشلي رتلاً.\nوتجمع أهالي قرية خربة عمو على الطريق."
    assert len({by for _, by in _unlisted(text)}) == 1
    assert _unlisted("خبر\nاعترض أهالي قرية خربة عمو رتلاً.") == []  # no place to locate it by


def test_a_list_goes_on_past_names_no_source_has() -> None:
    """ "بلدات البصيرة والحصان ومحيميدة وسفيرة تحتاني": the list's type word still frames the known villages."""
    names = [
        p.place.name_en
        for p in find_places(
            "وامتدت المظاهرات إلى بلدات البصيرة والحصان ومحيميدة وسفيرة تحتاني بريف دير الزور."
        )
    ]
    assert "Safirah Tahtani" in names and "As Safirah" not in names


def test_a_dual_names_two_places_and_the_second_runs_on() -> None:
    """ "قريتي الكاوكلي وقرت ويران": two villages, the second of two words (not a third called "يران")."""
    from extraction.places.unknown import find_unknown_places

    text = "قصفت القوات التركية قريتي الجات وقرت ويران بقذائف المدفعية."
    assert [name for _, _, name in find_unknown_places(normalise(text), [])] == ["الجات", "قرت ويران"]


def test_an_english_name_no_spelling_matches_is_the_village_it_sounds_like_nearby() -> None:
    """ "Mala Sobat village in Al-Qamishly countryside" is Mawla Sibat; a sound-alike far away is not taken."""
    from extraction.places.sounds import sound_key

    assert sound_key("Mala Sobat") == sound_key("Mawla Sibat") and sound_key("Tel Jemaa") == sound_key(
        "Tall Jum'ah"
    )
    text = "A Turkish drone struck a car in Mala Sobat village in Al-Qamishly countryside on Monday."
    (ev,) = extract(text, "2022-08-10")
    assert (ev.location, ev.geo_precision) == ("Mawla Sibat", 1)
    far = "A Turkish drone struck a car in Mala Sobat village near Manbij on Monday."
    assert [e.location for e in extract(far, "2022-08-10")] == ["Mala Sobat"]  # named, placed at Manbij
